/*
 * gov_affil.c: a gitdm block's affiliations merged with the person's (gov_run.h).
 *
 * A span the person already has (same organization and dates) is left alone; the other rows
 * of the same source are replaced by the file's; a row entered by hand is kept, and a span of
 * the file that overlaps it with another organization is left out and listed as a conflict.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "import/gov.h"
#include "import/gov_gitdm.h"
#include "import/gov_run.h"

struct span {
	long long	 org;
	const char	*since, *until;		/* NULL: open */
	const char	*company;
	int		 line;
};

struct had {
	struct gov_affiliation_row	*rows;
	size_t				 n;
	struct buf			 text;	/* the rows' strings */
};

/* Half-open spans [since, until), NULL meaning without end. */
static int
overlap(const char *s1, const char *u1, const char *s2, const char *u2)
{
	return (s1 == NULL || u2 == NULL || strcmp(s1, u2) < 0) && (s2 == NULL || u1 == NULL || strcmp(s2, u1) < 0);
}

static int
same(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

static const char *
kept_str(struct had *h, const char *s)
{
	size_t at = h->text.len;

	if (s == NULL)
		return NULL;
	buf_append(&h->text, s, strlen(s) + 1);
	return (const char *)(uintptr_t)(at + 1);	/* an offset: text may move */
}

static int
keep_row(void *arg, const struct gov_affiliation_row *r)
{
	struct had *h = arg;

	if (h->n % 16 == 0)
		h->rows = xrealloc(h->rows, (h->n + 16) * sizeof(*h->rows));
	h->rows[h->n] = *r;
	h->rows[h->n].since = kept_str(h, r->since);
	h->rows[h->n].until = kept_str(h, r->until);
	h->rows[h->n].source = kept_str(h, r->source);
	h->n++;
	return 0;
}

static const char *
at(const struct had *h, const char *off)
{
	return off ? h->text.data + ((uintptr_t)off - 1) : NULL;
}

/* The person's rows now, their strings pointed into h->text once all are read. */
static int
load(struct gov_run *g, long long person, struct had *h)
{
	if (person < 0)
		return 0;	/* a dry run's new person has none */
	if (gov_store_affiliations(g->st, person, keep_row, h) == -1)
		return -1;
	for (size_t i = 0; i < h->n; i++) {
		h->rows[i].since = at(h, h->rows[i].since);
		h->rows[i].until = at(h, h->rows[i].until);
		h->rows[i].source = at(h, h->rows[i].source);
	}
	return 0;
}

static struct idmap_entry *
affiliation_mark(struct gov_run *g, long long id, int create)
{
	char key[32];

	snprintf(key, sizeof(key), "%lld", id);
	return idmap_key(g->ids, "ak", key, create);
}

/* What to do with one span: 1 to add it, 0 when it is had already or loses to a hand entry. */
static int
weigh(struct gov_run *g, struct had *h, const struct span *s, const char *handle)
{
	for (size_t i = 0; i < h->n; i++)
		if (h->rows[i].org == s->org && same(h->rows[i].since, s->since) && same(h->rows[i].until, s->until)) {
			affiliation_mark(g, h->rows[i].id, 1)->a = 1;
			g->r.sum->gov.affiliations_unchanged++;
			return 0;
		}
	for (size_t i = 0; i < h->n; i++) {
		const struct gov_affiliation_row *r = &h->rows[i];

		if (r->source || !overlap(r->since, r->until, s->since, s->until))
			continue;
		if (r->org != s->org) {
			g->r.sum->conflicts++;
			report_line(&g->r, "conflict: line %d: %s at %s from %s until %s overlaps an affiliation "
			    "entered by hand (/affiliations/%lld/edit): left out", s->line, handle, s->company,
			    s->since ? s->since : "the start", s->until ? s->until : "now", r->id);
		}
		return 0;
	}
	return 1;
}

/* The spans the person lacks are added; the rows of the source that the file does not give
 * again are deleted at the end (gov_affil_finish), after every block of the handle is read. */
static int
merge(struct gov_run *g, long long person, const char *handle, const struct span *spans, size_t n)
{
	struct had h = { NULL, 0, BUF_INIT };
	int rc = load(g, person, &h);

	for (size_t i = 0; rc == 0 && i < n; i++) {
		long long id;

		if (!weigh(g, &h, &spans[i], handle))
			continue;
		if ((id = gov_store_affiliation_add(g->st, person, spans[i].org, spans[i].since, spans[i].until,
		    g->aff_source)) == -1)
			rc = -1;
		else
			affiliation_mark(g, id, 1)->a = 1;
		g->r.sum->gov.affiliations_new++;
	}
	free(h.rows);
	buf_release(&h.text);
	return rc;
}

/* The rows of one source, as a person has them. */
struct of_source {
	const char	*source;
	struct had	 h;
};

static int
keep_of_source(void *arg, const struct gov_affiliation_row *r)
{
	struct of_source *o = arg;

	return r->source && strcmp(r->source, o->source) == 0 ? keep_row(&o->h, r) : 0;
}

int
gov_affil_finish(struct gov_run *g)
{
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < g->npeople; i++) {
		struct of_source o = { g->aff_source, { NULL, 0, BUF_INIT } };

		if (g->people[i] < 0)
			continue;
		rc = gov_store_affiliations(g->st, g->people[i], keep_of_source, &o);
		for (size_t k = 0; rc == 0 && k < o.h.n; k++)
			if (affiliation_mark(g, o.h.rows[k].id, 0) == NULL) {
				rc = gov_store_affiliation_delete(g->st, o.h.rows[k].id);
				g->r.sum->gov.affiliations_replaced++;
			}
		free(o.h.rows);
		buf_release(&o.h.text);
	}
	return rc;
}

/* A private address, kept on a person who has none: not GitHub's stand-in for one. */
static const char *
email_of(const struct gitdm_person *p)
{
	for (size_t i = 0; i < p->nemails; i++)
		if (!strstr(p->emails[i], "users.noreply.github.com") && strlen(p->emails[i]) <= 200)
			return p->emails[i];
	return NULL;
}

static int
robot(const struct gitdm_person *p)
{
	for (size_t i = 0; i < p->nspans; i++)
		if (strcasecmp(p->spans[i].company, "(Robots)") == 0)
			return 1;
	return 0;
}

/* The person's first block of this file: remembered for gov_affil_finish. */
static void
touched(struct gov_run *g, long long person)
{
	char key[32];

	snprintf(key, sizeof(key), "%lld", person);
	if (idmap_key(g->ids, "aff", key, 0))
		return;
	idmap_key(g->ids, "aff", key, 1)->a = 1;
	if (g->npeople % 256 == 0)
		g->people = xrealloc(g->people, (g->npeople + 256) * sizeof(*g->people));
	g->people[g->npeople++] = person;
}

int
gov_take_gitdm(void *arg, const struct gitdm_person *p)
{
	struct gov_run *g = arg;
	struct span *spans;
	long long person = 0;
	size_t n = 0;
	int rc = 0;

	if (!gov_github_login(p->handle, strlen(p->handle)) || robot(p)) {
		g->r.sum->gov.left_out++;
		return report_warn(&g->r, p->line, NULL, "record", "%s: %s: left out", p->handle,
		    robot(p) ? "a robot" : "not a GitHub login") == -1 ? -1 : 0;
	}
	spans = xcalloc(p->nspans ? p->nspans : 1, sizeof(*spans));
	for (size_t i = 0; rc == 0 && i < p->nspans; i++) {
		const struct gitdm_span *s = &p->spans[i];
		long long org = gov_org(g, s->company);

		if (org == -1)
			rc = -1;
		else if (org == 0)
			g->r.sum->gov.left_out++;	/* "Independent": no organization */
		else
			spans[n++] = (struct span){ org, s->from[0] ? s->from : NULL, s->until[0] ? s->until : NULL,
			    s->company, s->line };
	}
	/* Nobody is made for a block without an organization; one known loses its rows of the file. */
	if (rc == 0 && (person = n ? gov_person(g, p->handle, NULL, 0, email_of(p), p->line) :
	    gov_person_known(g, p->handle)) == -1)
		rc = -1;
	if (rc == 0 && person == 0) {
		free(spans);
		return 0;
	}
	if (rc == 0)
		touched(g, person);
	if (rc == 0)
		rc = merge(g, person, p->handle, spans, n);
	free(spans);
	return rc == 0 && !g->r.failed ? 0 : -1;
}
