/*
 * report_text.h: the report's facts as sentences ("Dave Zolotusky is an End User representative on
 * the CNCF TOC"), written either as HTML (escaped, with links to the people, bodies and sessions)
 * or as plain text for the JSON: the same words both ways, so the two forms cannot say different
 * things.
 */
#ifndef LECTERN_REPORT_TEXT_H
#define LECTERN_REPORT_TEXT_H
#include "core/buf.h"
#include "core/request.h"
#include "model/report.h"

struct says {
	struct buf	*b;
	int		 html;	/* escaped, with links; else plain text */
};

/* A term: "X is co-chair of the Y SIG (since D)", "X was ... (D to E)". */
void	say_term(struct says *, const struct report_term *);
/* A fact of the timeline, one sentence. */
void	say_moment(struct says *, const struct org_report *, const struct report_moment *);
/* A project: "Backstage (incubating), contributed on 2020-09-08". */
void	say_project(struct says *, const struct report_project *);
/* n with its noun, singular or plural: "1 talk", "2 talks". */
void	say_count(struct says *, long long n, const char *one, const char *many);

/* The report's JSON form (page_report_json.c), from the same struct as its page. */
void		 report_json(struct request *, const struct org_report *);
/* A figure as reports write it when rounding: exact below 10, else rounded down with a "+"
 * when that dropped something (17 -> "15+", 27,310 -> "27K+"); in req's arena. */
const char	*report_rounded(struct request *, long long n);

#endif
