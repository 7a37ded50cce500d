/* chart.c: bar charts per year and Gantt strips as inline SVG (see chart.h). */
#include <stdlib.h>
#include <string.h>

#include "core/html.h"
#include "pages/chart.h"

#define BAR_SLOT	44	/* pixels per year */
#define BAR_WIDTH	30
#define PLOT_H		160
#define LEFT		48	/* room for the y axis and its label */
#define TOP		18
#define LEGEND_ROW	18

/* Fills that differ in black and white: a shade and a pattern each (chart_patterns). */
#define N_FILLS	6

static void
patterns(struct buf *b, const char *id)
{
	static const char *const body[N_FILLS] = {
		"<rect width=\"6\" height=\"6\" fill=\"#1f3a5f\"/>",
		"<rect width=\"6\" height=\"6\" fill=\"#fff\"/><path d=\"M0 6L6 0M-1 1L1 -1M5 7L7 5\" stroke=\"#000\" stroke-width=\"1.2\"/>",
		"<rect width=\"6\" height=\"6\" fill=\"#ddd\"/><circle cx=\"3\" cy=\"3\" r=\"1.3\" fill=\"#000\"/>",
		"<rect width=\"6\" height=\"6\" fill=\"#fff\"/><path d=\"M0 3H6M3 0V6\" stroke=\"#000\" stroke-width=\"1\"/>",
		"<rect width=\"6\" height=\"6\" fill=\"#999\"/>",
		"<rect width=\"6\" height=\"6\" fill=\"#fff\"/><path d=\"M0 0L6 6\" stroke=\"#000\" stroke-width=\"1\"/>",
	};

	html_lit(b, "<defs>");
	for (int i = 0; i < N_FILLS; i++) {
		html_lit(b, "<pattern id=\"");
		html_attr(b, id);
		buf_appendf(b, "-p%d\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">", i);
		buf_puts(b, body[i]);
		html_lit(b, "</pattern>");
	}
	html_lit(b, "</defs>");
}

static void
fill(struct buf *b, const char *id, size_t series)
{
	html_lit(b, " fill=\"url(#");
	html_attr(b, id);
	buf_appendf(b, "-p%zu)\" stroke=\"#000\" stroke-width=\"0.8\"", series % N_FILLS);
}

/* A step of 1, 2 or 5 times a power of ten giving at most five ticks up to max. */
static long long
tick_step(long long max)
{
	long long step = 1;

	for (;;) {
		if (max / step <= 5)
			return step;
		if (max / (step * 2) <= 5)
			return step * 2;
		if (max / (step * 5) <= 5)
			return step * 5;
		step *= 10;
	}
}

static void
y_axis(struct buf *b, long long top, const char *label, int width)
{
	long long step = tick_step(top);

	buf_appendf(b, "<g class=\"axis\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>"
	    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>", LEFT, TOP, LEFT, TOP + PLOT_H,
	    LEFT, TOP + PLOT_H, width - 4, TOP + PLOT_H);
	for (long long v = 0; v <= top; v += step) {
		int y = TOP + PLOT_H - (int)(v * PLOT_H / top);

		buf_appendf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>"
		    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%lld</text>", LEFT - 4, y, LEFT, y, LEFT - 6, y + 4, v);
	}
	buf_appendf(b, "<text transform=\"translate(12 %d) rotate(-90)\" text-anchor=\"middle\">", TOP + PLOT_H / 2);
	html_text(b, label);
	html_lit(b, "</text></g>");
}

static void
legend(struct buf *b, const struct chart_bars *c, int y)
{
	for (size_t s = 0; c->n_series > 1 && s < c->n_series; s++) {
		int x = LEFT + (int)(s % 3) * 150, row = y + (int)(s / 3) * LEGEND_ROW;

		buf_appendf(b, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\"", x, row);
		fill(b, c->id, s);
		buf_appendf(b, "/><text x=\"%d\" y=\"%d\">", x + 17, row + 10);
		html_text(b, c->series[s]);
		html_lit(b, "</text>");
	}
}

/* One year's bar: its series stacked, its total above, the year below. */
static void
bar(struct buf *b, const struct chart_bars *c, size_t i, long long top)
{
	const long long *v = &c->values[i * c->n_series];
	int x = LEFT + 8 + (int)i * BAR_SLOT, y = TOP + PLOT_H, year = c->first_year + (int)i;
	long long total = 0;

	for (size_t s = 0; s < c->n_series; s++)
		total += v[s];
	buf_appendf(b, "<g><title>%d: %lld</title>", year, total);
	for (size_t s = 0; s < c->n_series; s++) {
		int h = (int)(v[s] * PLOT_H / top);

		if (v[s] == 0)
			continue;
		if (h < 1)
			h = 1;
		y -= h;
		buf_appendf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"", x, y, BAR_WIDTH, h);
		fill(b, c->id, s);
		html_lit(b, "/>");
	}
	buf_appendf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%lld</text>"
	    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text></g>", x + BAR_WIDTH / 2, y - 4, total,
	    x + BAR_WIDTH / 2, TOP + PLOT_H + 16, year);
}

static void
caption(struct buf *b, const struct chart_bars *c)
{
	html_lit(b, "<figcaption class=\"vh\">");
	for (size_t i = 0; i < c->n_years; i++) {
		const long long *v = &c->values[i * c->n_series];
		long long total = 0;

		for (size_t s = 0; s < c->n_series; s++)
			total += v[s];
		buf_appendf(b, "%d: %lld. ", c->first_year + (int)i, total);
		for (size_t s = 0; c->n_series > 1 && s < c->n_series; s++) {
			html_text(b, c->series[s]);
			buf_appendf(b, " %lld%s", v[s], s + 1 < c->n_series ? ", " : ". ");
		}
	}
	html_lit(b, "</figcaption>");
}

/* A chart's figure and SVG up to its drawing: its size, its title (what aria-labelledby names), its fills. */
static void
svg_open(struct buf *b, const char *id, const char *title, int width, int height)
{
	html_lit(b, "<figure class=\"chart\"><svg role=\"img\" aria-labelledby=\"");
	html_attr(b, id);
	buf_appendf(b, "-t\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\">"
	    "<title id=\"", width, height, width, height);
	html_attr(b, id);
	html_lit(b, "-t\">");
	html_text(b, title);
	html_lit(b, "</title>");
	patterns(b, id);
}

void
chart_bars(struct buf *b, const struct chart_bars *c)
{
	int width = LEFT + 16 + (int)c->n_years * BAR_SLOT, legend_rows = c->n_series > 1 ?
	    (int)(c->n_series + 2) / 3 : 0, height = TOP + PLOT_H + 40 + legend_rows * LEGEND_ROW;
	long long max = 1;

	if (c->n_years == 0)
		return;
	for (size_t i = 0; i < c->n_years; i++) {
		long long total = 0;

		for (size_t s = 0; s < c->n_series; s++)
			total += c->values[i * c->n_series + s];
		if (total > max)
			max = total;
	}
	if (width < LEFT + 3 * 150)
		width = c->n_series > 1 ? LEFT + 3 * 150 : width;
	max = (max + tick_step(max) - 1) / tick_step(max) * tick_step(max);
	svg_open(b, c->id, c->title, width, height);
	y_axis(b, max, c->y_label, width);
	for (size_t i = 0; i < c->n_years; i++)
		bar(b, c, i, max);
	buf_appendf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">Year</text>", LEFT + (width - LEFT) / 2,
	    TOP + PLOT_H + 32);
	legend(b, c, TOP + PLOT_H + 40);
	html_lit(b, "</svg>");
	caption(b, c);
	html_lit(b, "</figure>");
}

/* A date's place on the strip's axis, in pixels from its left end. */
static int
date_x(const char *date, int first_year, int year_w)
{
	int y = atoi(date), m = strlen(date) >= 7 ? atoi(date + 5) : 1, d = strlen(date) >= 10 ? atoi(date + 8) : 1;

	if (m < 1 || m > 12)
		m = 1;
	return (y - first_year) * year_w + ((m - 1) * 31 + (d - 1)) * year_w / 372;
}

#define GANTT_LABEL	330
#define GANTT_ROW	20
#define GANTT_YEAR	36

static void
gantt_axis(struct buf *b, const struct chart_gantt *g, int x0, int bottom)
{
	for (int y = g->first_year; y <= g->last_year + 1; y++) {
		int x = x0 + (y - g->first_year) * GANTT_YEAR;

		buf_appendf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#bbb\" stroke-dasharray=\"2 2\"/>",
		    x, TOP, x, bottom);
		if (y <= g->last_year)
			buf_appendf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>", x + GANTT_YEAR / 2,
			    bottom + 14, y);
	}
	buf_appendf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>", x0, bottom,
	    x0 + (g->last_year - g->first_year + 1) * GANTT_YEAR, bottom);
	buf_appendf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">Year</text>",
	    x0 + (g->last_year - g->first_year + 1) * GANTT_YEAR / 2, bottom + 30);
}

static void
gantt_row(struct buf *b, const struct chart_gantt *g, size_t i, int x0)
{
	const struct chart_span *s = &g->spans[i];
	int y = TOP + (int)i * GANTT_ROW, from = x0 + date_x(s->from, g->first_year, GANTT_YEAR),
	    to = x0 + date_x(s->to ? s->to : g->until, g->first_year, GANTT_YEAR);

	if (to < from + 3)
		to = from + 3;
	html_lit(b, "<g><title>");
	html_text(b, s->label);
	html_lit(b, ": ");
	html_text(b, s->from);
	html_lit(b, " \xe2\x80\x93 ");
	html_text(b, s->to ? s->to : "held");
	buf_appendf(b, "</title><text x=\"%d\" y=\"%d\" text-anchor=\"end\">", x0 - 6, y + 13);
	html_text(b, s->label);
	buf_appendf(b, "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"12\"", from, y + 3, to - from);
	html_lit(b, " fill=\"url(#");
	html_attr(b, g->id);
	buf_appendf(b, "-p%d)\" stroke=\"#000\" stroke-width=\"0.8\"/>", s->to ? 1 : 0);
	if (s->to == NULL)	/* still held: an arrow past the bar's end */
		buf_appendf(b, "<path d=\"M%d %d l6 6 l-6 6z\" fill=\"#000\"/>", to, y + 3);
	html_lit(b, "</g>");
}

void
chart_gantt(struct buf *b, const struct chart_gantt *g)
{
	int x0 = GANTT_LABEL, bottom = TOP + (int)g->n * GANTT_ROW + 4,
	    width = x0 + (g->last_year - g->first_year + 1) * GANTT_YEAR + 16, height = bottom + 60;

	if (g->n == 0 || g->last_year < g->first_year)
		return;
	svg_open(b, g->id, g->title, width, height);
	gantt_axis(b, g, x0, bottom);
	for (size_t i = 0; i < g->n; i++)
		gantt_row(b, g, i, x0);
	buf_appendf(b, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\"", x0, bottom + 38);
	html_lit(b, " fill=\"url(#");
	html_attr(b, g->id);
	buf_appendf(b, "-p0)\" stroke=\"#000\"/><text x=\"%d\" y=\"%d\">held (arrow: still held)</text>"
	    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\"", x0 + 17, bottom + 48, x0 + 180, bottom + 38);
	html_lit(b, " fill=\"url(#");
	html_attr(b, g->id);
	buf_appendf(b, "-p1)\" stroke=\"#000\"/><text x=\"%d\" y=\"%d\">ended</text></svg>", x0 + 197, bottom + 48);
	html_lit(b, "<figcaption class=\"vh\">");
	for (size_t i = 0; i < g->n; i++) {
		html_text(b, g->spans[i].label);
		html_lit(b, ": ");
		html_text(b, g->spans[i].from);
		html_lit(b, " to ");
		html_text(b, g->spans[i].to ? g->spans[i].to : "now");
		html_lit(b, ". ");
	}
	html_lit(b, "</figcaption></figure>");
}
