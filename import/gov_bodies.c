/* gov_bodies.c: sigs.yaml's and tags.yaml's bodies and leaders, the TOC's members (gov_run.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/slug.h"
#include "import/gov_run.h"
#include "import/gov_toc.h"
#include "import/gov_yaml.h"

/* The bodies the groups sit under, made when missing. */
static const struct gov_body_in umbrellas[] = {
	{ "kubernetes", "Kubernetes", "other", "https://github.com/kubernetes/community",
	    "The Kubernetes project's special interest groups, working groups, committees and user "
	    "groups, as kubernetes/community's sigs.yaml lists them.", 0 },
	{ "toc", "Technical Oversight Committee", "toc", "https://github.com/cncf/toc",
	    "The CNCF's technical governing body.", 0 },
};

static void
remember(struct gov_run *g, long long body)
{
	if (g->nbodies % 64 == 0)
		g->bodies = xrealloc(g->bodies, (g->nbodies + 64) * sizeof(*g->bodies));
	g->bodies[g->nbodies++] = body;
}

/* The body of in.slug: found (and, when this source made it, brought up to the file), or made. */
static long long
body(struct gov_run *g, const struct gov_body_in *in)
{
	struct gov_body_row row;
	struct buf text = BUF_INIT;
	struct idmap_entry *e;
	long long id;
	int rc;

	/* Once a run: an umbrella is met again for every group, and a dry run's are virtual. */
	if ((e = idmap_key(g->ids, "body", in->slug, 0)) != NULL)
		return e->a;
	if (gov_store_body(g->st, in->slug, &row, &text) == -1)
		id = -1;
	else if ((id = row.id) == 0) {
		if ((id = gov_store_body_add(g->st, in, g->fmt->scope)) != -1) {
			g->r.sum->gov.bodies_new++;
			report_line(&g->r, "new body: %s (%s)", in->name, in->slug);
		}
	} else if ((rc = gov_store_body_update(g->st, &row, in, row.source == NULL ||
	    strcmp(row.source, g->fmt->scope) != 0)) == -1)
		id = -1;
	else if (rc == 1) {
		g->r.sum->gov.bodies_changed++;
		report_line(&g->r, "changed body: %s (%s)", in->name, in->slug);
	}
	buf_release(&text);
	if (id != -1)		/* (a dry run's virtual ids are negative too) */
		idmap_key(g->ids, "body", in->slug, 1)->a = id;
	return id;
}

static long long
umbrella(struct gov_run *g, const char *slug)
{
	for (size_t i = 0; i < sizeof(umbrellas) / sizeof(umbrellas[0]); i++)
		if (strcmp(umbrellas[i].slug, slug) == 0)
			return body(g, &umbrellas[i]);
	return 0;
}

/* A body's parent: an umbrella, or (a TAG's subproject) the TAG read before it. */
static long long
parent_of(struct gov_run *g, const struct gov_bodies *all, const struct gov_body *b, const long long *ids)
{
	if (b->parent == NULL)
		return 0;
	for (size_t i = 0; i < all->n && &all->bodies[i] != b; i++)
		if (strcmp(all->bodies[i].slug, b->parent) == 0)
			return ids[i];
	return umbrella(g, b->parent);
}

/* One leader of a body: the person, their organization, their term. */
static int
leader(struct gov_run *g, long long body_id, const struct gov_body *b, const struct gov_role *l)
{
	struct gov_term t;
	struct buf who = BUF_INIT;
	long long org;
	int rc;

	if ((org = gov_org(g, l->company)) == -1)
		return -1;
	memset(&t, 0, sizeof(t));
	t.r.body = body_id;
	t.r.org = org;
	t.r.role = gov_role_code(l->role);
	t.start = l->term_start, t.end = l->term_end;
	t.line = l->line;
	if ((t.r.person = gov_person(g, l->github, l->name, org, NULL, l->line)) == -1)
		return -1;
	buf_appendf(&who, "%s, %s of %s%s%s%s", l->name ? l->name : l->github, t.r.role, b->slug,
	    l->company ? " (" : "", l->company ? l->company : "", l->company ? ")" : "");
	t.who = who.data;
	rc = gov_term(g, &t);
	buf_release(&who);
	return rc;
}

static int
slug_ok(const char *s)
{
	return *s && s[strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-")] == '\0' && *s != '-';
}

int
gov_take_bodies(struct gov_run *g, const struct gov_bodies *all)
{
	long long *ids = xcalloc(all->n ? all->n : 1, sizeof(*ids));
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < all->n; i++) {
		const struct gov_body *b = &all->bodies[i];
		struct buf slug = BUF_INIT;
		struct gov_body_in in = { b->slug, b->name ? b->name : b->slug, gov_body_kind_code(b->kind),
		    b->url, b->mission, 0 };

		if (!slug_ok(b->slug)) {
			slug_from_name(&slug, b->slug);
			in.slug = slug.data;
		}
		if ((in.parent = parent_of(g, all, b, ids)) == -1 || (ids[i] = body(g, &in)) == -1)
			rc = -1;
		else
			remember(g, ids[i]);
		for (size_t k = 0; rc == 0 && k < b->nroles; k++)
			rc = leader(g, ids[i], b, &b->roles[k]);
		buf_release(&slug);
	}
	free(ids);
	return rc;
}

/* --- the TOC ------------------------------------------------------------------------------ */

/* What a member line says beyond its seat, for the term's notes. */
static char *
member_notes(const struct toc_member *m)
{
	struct buf b = BUF_INIT;

	if (m->alternate && m->seat != TOC_SEAT_NONE)
		buf_appendf(&b, "Alternate for a %s seat. ", toc_seat_code(m->seat));
	if (m->term)
		buf_appendf(&b, "Term: %s. ", m->term);
	for (size_t i = 0; i < m->nroles; i++)
		buf_appendf(&b, "%s%s", i ? ", " : "Also: ", m->roles[i]);
	if (b.len == 0) {
		buf_release(&b);
		return NULL;
	}
	buf_truncate(&b, b.data[b.len - 1] == ' ' ? b.len - 1 : b.len);
	return buf_detach(&b, NULL);
}

/* A member's seat (or membership before seats had types, or shadow seat) and chair term. */
static int
member(struct gov_run *g, long long toc, const struct toc_member *m)
{
	struct gov_term t;
	struct buf who = BUF_INIT;
	char *notes = member_notes(m);
	int rc;

	memset(&t, 0, sizeof(t));
	t.r.body = toc;
	t.r.role = m->shadow ? "shadow" : m->seat == TOC_SEAT_NONE && !m->alternate ? "member" : "seat";
	t.r.seat_type = m->alternate && !m->shadow ? "alternate" : toc_seat_code(m->seat);
	t.r.notes = notes;
	t.start = m->start, t.end = m->end;
	t.line = m->line;
	buf_appendf(&who, "%s, %s%s%s of the TOC", m->name, t.r.role, t.r.seat_type ? " " : "",
	    t.r.seat_type ? t.r.seat_type : "");
	t.who = who.data;
	if ((t.r.person = gov_person(g, m->github, m->name, 0, NULL, m->line)) == -1 || gov_term(g, &t) == -1)
		rc = -1;
	else if (m->chair) {
		t.r.role = "chair", t.r.seat_type = NULL, t.r.notes = NULL;
		t.start = t.end = "";	/* a chair's term is the snapshots' */
		buf_reset(&who);
		buf_appendf(&who, "%s, chair of the TOC", m->name);
		t.who = who.data;
		rc = gov_term(g, &t);
	} else
		rc = 0;
	if (rc == 0 && m->review) {
		g->r.sum->review++;
		report_line(&g->r, "review: line %d: %s: %s", m->line, m->name, m->review);
	}
	free(notes);
	buf_release(&who);
	return rc;
}

int
gov_take_toc(struct gov_run *g, const struct toc_list *list)
{
	long long toc = umbrella(g, "toc");
	int rc = toc == -1 ? -1 : 0;

	if (rc == 0)
		remember(g, toc);
	for (size_t i = 0; rc == 0 && i < list->n; i++)
		rc = member(g, toc, &list->members[i]);
	return rc;
}
