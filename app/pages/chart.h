/*
 * chart.h: charts drawn on the server as inline SVG: readable without script, every label text
 * (escaped through core/html.h), axes labelled, every year of a range drawn, zeros included, and
 * legible printed in black and white (each series a pattern as well as a shade, and labelled).
 */
#ifndef LECTERN_CHART_H
#define LECTERN_CHART_H
#include <stddef.h>

#include "core/buf.h"

/* Counts per year, stacked by series: years first_year .. first_year + n_years - 1. */
struct chart_bars {
	const char		*id;		/* unique on the page: element ids start with it */
	const char		*title;		/* the chart's accessible name */
	const char		*y_label;	/* what is counted: "Sessions" */
	int			 first_year;
	size_t			 n_years;
	const char *const	*series;	/* labels, in stacking order (bottom first) */
	size_t			 n_series;
	const long long		*values;	/* n_years rows of n_series counts */
};

/* Writes the chart as <figure><svg>...</svg><figcaption> with the figures as text: "YEAR: N. "
 * for each year (and each series' count when there are several). Nothing for no years. */
void	chart_bars(struct buf *, const struct chart_bars *);

/* A bar over time: from .. to (YYYY-MM-DD), or from .. the chart's end when to is NULL. */
struct chart_span {
	const char	*label;		/* the row's name: "Dave Zolotusky, TOC (End User seat)" */
	const char	*from, *to;
};

/* Spans as rows of a strip over the years first_year .. last_year (a Gantt chart). */
struct chart_gantt {
	const char		*id, *title;
	int			 first_year, last_year;
	const char		*until;		/* where open spans end: the report's date */
	const struct chart_span	*spans;
	size_t			 n;
};

void	chart_gantt(struct buf *, const struct chart_gantt *);

#endif
