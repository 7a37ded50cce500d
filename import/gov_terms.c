/* gov_terms.c: which term a snapshot's role continues, opens or closes (gov_run.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "import/gov_run.h"

static int
seen(struct gov_run *g, long long role, int mark)
{
	char key[32];
	struct idmap_entry *e;

	snprintf(key, sizeof(key), "%lld", role);
	if ((e = idmap_key(g->ids, "role", key, 0)) != NULL)
		return 1;
	if (mark)
		idmap_key(g->ids, "role", key, 1)->a = 1;
	return 0;
}

static int
opened(struct gov_run *g, const struct gov_term *t, const char *start)
{
	struct gov_role_in in = t->r;
	long long id;

	in.starts_on = start;
	in.ends_on = t->end[0] ? t->end : NULL;
	in.source = g->fmt->scope;
	if (in.ends_on && strcmp(in.ends_on, start) < 0) {
		if (report_warn(&g->r, t->line, NULL, "dates", "%s: ends on %s, before %s: the end is left "
		    "open, to review", t->who, in.ends_on, start) == -1)
			return -1;
		in.ends_on = NULL;
	}
	if (in.org == 0 && in.person > 0 && (in.org = gov_store_org_on(g->st, in.person, start)) == -1)
		return -1;
	if ((id = gov_store_role_add(g->st, &in)) == -1)
		return -1;
	seen(g, id, 1);
	g->r.sum->gov.terms_opened++;
	report_line(&g->r, "opened: %s, from %s%s%s", t->who, start, in.ends_on ? " until " : "",
	    in.ends_on ? in.ends_on : "");
	return 0;
}

/* A term entered by hand is the staff's: the file's differences are listed, not written. */
static int
by_hand(struct gov_run *g, const struct gov_term *t, const struct gov_role_row *row)
{
	if ((t->r.org && row->org && t->r.org != row->org) || (t->start[0] && strcmp(t->end, row->ends_on) != 0)) {
		g->r.sum->conflicts++;
		report_line(&g->r, "conflict: %s: the term entered by hand (from %s) differs from the file's: "
		    "kept", t->who, row->starts_on);
	}
	g->r.sum->gov.terms_continued++;
	return 0;
}

/* The person now represents another organization: the term so far ends, a new one starts. */
static int
moved(struct gov_run *g, const struct gov_term *t, const struct gov_role_row *row)
{
	if (gov_store_role_set(g->st, row->id, 0, NULL, g->as_of) == -1)
		return -1;
	g->r.sum->gov.terms_closed++;
	report_line(&g->r, "moved: %s: the term with another organization from %s closed on %s", t->who,
	    row->starts_on, g->as_of);
	return opened(g, t, g->as_of);
}

static int
continued(struct gov_run *g, const struct gov_term *t, const struct gov_role_row *row)
{
	int explicit = t->start[0] != '\0';
	long long org = t->r.org && t->r.org != row->org ? t->r.org : 0;
	const char *seat = t->r.seat_type && strcmp(t->r.seat_type, row->seat_type) != 0 ? t->r.seat_type : NULL;
	const char *end = explicit && strcmp(t->end, row->ends_on) != 0 ? t->end : NULL;

	if (row->by_hand)
		return by_hand(g, t, row);
	/* The file names no company: the person's affiliation at the term's start, once one is known. */
	if (t->r.org == 0 && row->org == 0 && t->r.person > 0 &&
	    (org = gov_store_org_on(g->st, t->r.person, row->starts_on)) == -1)
		return -1;
	if (org && row->org && !explicit && strcmp(row->starts_on, g->as_of) < 0)
		return moved(g, t, row);
	if (org == 0 && seat == NULL && end == NULL) {
		g->r.sum->gov.terms_continued++;
		return 0;
	}
	if (gov_store_role_set(g->st, row->id, org, seat, end) == -1)
		return -1;
	g->r.sum->gov.terms_changed++;
	report_line(&g->r, "changed: %s, from %s: %s%s%s", t->who, row->starts_on, org ? "the organization" : "",
	    seat ? (org ? ", the seat" : "the seat") : "", end ? (org || seat ? ", the end" : "the end") : "");
	return 0;
}

int
gov_term(struct gov_run *g, const struct gov_term *t)
{
	struct gov_role_row row;
	int explicit = t->start[0] != '\0';

	if (t->r.person == -1)
		return -1;
	if (t->r.person == 0)	/* the entry names no one */
		return 0;
	if (gov_store_role(g->st, &t->r, explicit ? t->start : NULL, g->as_of, g->fmt->scope, &row) == -1)
		return -1;
	if (row.id == 0)
		return opened(g, t, explicit ? t->start : g->as_of);
	if (seen(g, row.id, 1))
		return 0;	/* listed twice */
	return continued(g, t, &row);
}

/* --- the terms the file no longer lists ------------------------------------------------- */

struct closing {
	struct gov_run	*g;
	long long	*id;
	int		*hand;
	struct buf	 who;		/* one line a term */
	size_t		 n;
};

static int
collect(void *arg, const struct gov_open_term *t)
{
	struct closing *c = arg;

	if (seen(c->g, t->id, 0))
		return 0;
	if (c->n % 64 == 0) {
		c->id = xrealloc(c->id, (c->n + 64) * sizeof(*c->id));
		c->hand = xrealloc(c->hand, (c->n + 64) * sizeof(*c->hand));
	}
	c->id[c->n] = t->id;
	c->hand[c->n++] = t->by_hand;
	buf_appendf(&c->who, "%s, %s of %s, from %s\n", t->person, t->role, t->body, t->starts_on);
	return 0;
}

/* Closes the terms collected (or, entered by hand, lists them). 0 or -1. */
static int
close_collected(struct gov_run *g, struct closing *c)
{
	const char *who = c->who.data;

	for (size_t i = 0; i < c->n; who += strcspn(who, "\n") + 1, i++) {
		int n = (int)strcspn(who, "\n");

		if (c->hand[i]) {
			g->r.sum->review++;
			report_line(&g->r, "review: %.*s: entered by hand, not in the file: kept", n, who);
			continue;
		}
		if (gov_store_role_set(g->st, c->id[i], 0, NULL, g->as_of) == -1)
			return -1;
		g->r.sum->gov.terms_closed++;
		report_line(&g->r, "closed: %.*s until %s", n, who, g->as_of);
	}
	return 0;
}

int
gov_close_terms(struct gov_run *g)
{
	struct closing c = { g, NULL, NULL, BUF_INIT, 0 };
	int rc = gov_store_open_terms(g->st, g->fmt->scope, 0, g->as_of, collect, &c);

	for (size_t i = 0; rc == 0 && i < g->nbodies; i++)
		if (g->bodies[i] > 0)
			rc = gov_store_open_terms(g->st, NULL, g->bodies[i], g->as_of, collect, &c);
	if (rc == 0)
		rc = close_collected(g, &c);
	free(c.id), free(c.hand);
	buf_release(&c.who);
	return rc;
}
