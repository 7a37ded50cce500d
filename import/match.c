/* match.c: the identity of a file's people, organizations and sessions (match.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/guid.h"
#include "core/slug.h"
#include "import/match.h"
#include "import/parse.h"

/*
 * What the run remembers, by kind of key (idmap):
 *	"pid"	a person id of the file: a = the hash of its first name, b = 1 when used for two
 *	"pkey"	a person key met this run: a = the person
 *	"pname"	"slug#k", the k-th person of that name made this run: a = the person,
 *		b = the hash of its guid (0: none), c = its organization (0: none)
 *	"org"	an organization's match key: a = the organization
 * and in seen:
 *	"skey"	a session key met this run: a = 1
 */

void
match_init(struct match *m, struct store *st, struct report *r)
{
	memset(m, 0, sizeof(*m));
	m->st = st;
	m->r = r;
	m->ids = idmap_new();
	m->seen = idmap_new();
}

void
match_release(struct match *m)
{
	idmap_free(m->ids);
	idmap_free(m->seen);
	m->ids = m->seen = NULL;
}

void
match_event(struct match *m, long long event, int made)
{
	m->event = event;
	m->new_event = made;
	snprintf(m->source, sizeof(m->source), "event:%lld", event);
}

static uint64_t
name_hash(struct match *m, const char *name)
{
	struct buf slug = BUF_INIT;
	uint64_t h;

	slug_from_name(&slug, name);
	h = idmap_hash(m->ids, "name", slug.data, slug.len);
	buf_release(&slug);
	return h;
}

void
match_observe(struct match *m, const struct imp_session *s)
{
	for (int i = 0; i < s->npersons; i++) {
		const struct imp_person *p = &s->persons[i];
		struct idmap_entry *e;
		uint64_t h;

		if (p->id.s == NULL || p->name.s == NULL)
			continue;
		h = name_hash(m, p->name.s);
		if ((e = idmap_key(m->ids, "pid", p->id.s, 0)) == NULL) {
			e = idmap_key(m->ids, "pid", p->id.s, 1);
			e->a = (long long)h;
		} else if (e->a != (long long)h)
			e->b = 1;
	}
}

const char *
match_person_id(struct match *m, const char *id)
{
	struct idmap_entry *e;

	if (id == NULL || strspn(id, "0") == strlen(id))
		return NULL;
	e = idmap_key(m->ids, "pid", id, 0);
	return e && e->b ? NULL : id;
}

/* --- organizations ----------------------------------------------------------------- */

long long
match_org(struct match *m, const char *name)
{
	struct buf key = BUF_INIT;
	struct idmap_entry *e;
	long long id;

	org_match_key(name, &key);
	if ((e = idmap_key(m->ids, "org", key.data, 0)) != NULL) {
		buf_release(&key);
		return e->a;
	}
	if ((id = store_org_find(m->st, key.data)) == 0 && (id = store_org_add(m->st, name, key.data)) != -1) {
		m->r->sum->orgs_new++;
		report_line(m->r, "new organization: %s", name);
	}
	if (id != -1)
		idmap_key(m->ids, "org", key.data, 1)->a = id;
	buf_release(&key);
	return id;
}

/* --- people -------------------------------------------------------------------------- */

/* The person key of this source names: the run's memory first, then the registry; *same is
 * whether that person's name is the one of hash name (name_hash). 0 when the key names no one. */
static long long
keyed(struct match *m, const char *key, uint64_t name, int *same)
{
	struct idmap_entry *e = idmap_key(m->ids, "pkey", key, 0);
	struct buf had = BUF_INIT;
	long long id = 0;

	if (e) {
		*same = (uint64_t)e->b == name;
		return e->a;
	}
	/* A source this run began has no stored keys: no need to ask (a first import's usual case). */
	if (!m->new_event && (id = store_person_by_key(m->st, m->source, key, &had)) > 0) {
		uint64_t h = name_hash(m, had.data);

		*same = h == name;
		e = idmap_key(m->ids, "pkey", key, 1);
		e->a = id;
		e->b = (long long)h;
	}
	buf_release(&had);
	return id;
}

/* Records the person's keys (its guid, its id if that is a key) for this source; fresh: no key
 * of this source names them yet (each names no one, or someone else). */
static int
put_keys(struct match *m, const struct mapped_person *p, const char *idkey, long long id, int fresh,
    uint64_t name)
{
	const char *keys[2] = { p->guid, idkey };
	struct buf had = BUF_INIT;

	for (int i = 0; i < 2; i++) {
		struct idmap_entry *e;
		long long was;

		if (keys[i] == NULL || ((e = idmap_key(m->ids, "pkey", keys[i], 0)) && e->a == id))
			continue;
		buf_reset(&had);
		if ((was = fresh || m->new_event ? 0 : store_person_by_key(m->st, m->source, keys[i], &had)) == -1 ||
		    (was != id && store_key_put(m->st, m->source, "person", keys[i], id, NULL) == -1)) {
			buf_release(&had);
			return -1;
		}
		e = idmap_key(m->ids, "pkey", keys[i], 1);
		e->a = id;
		e->b = (long long)name;
	}
	buf_release(&had);
	return 0;
}

/* A name match being weighed: the first candidate taken, and the first refused, with why. */
struct named {
	struct match			*m;
	const struct mapped_person	*p;
	struct buf			 slug;
	long long			 org, taken, refused;
	const char			*why;
	char				 refused_slug[96];
};

static int
has_guid(const char *guids, const char *guid)
{
	size_t n = strlen(guid);

	for (const char *g = guids; g && *g; g += strcspn(g, ",") + (g[strcspn(g, ",")] == ',')) {
		if (strncasecmp(g, guid, n) == 0 && (g[n] == ',' || g[n] == '\0'))
			return 1;
	}
	return 0;
}

static int
weigh(void *arg, const struct store_person *c)
{
	struct named *w = arg;
	struct buf slug = BUF_INIT;
	const char *why = NULL;

	slug_from_name(&slug, c->name);
	if (strcmp(slug.data, w->slug.data) != 0) {	/* "alex-2" is someone else's slug */
		buf_release(&slug);
		return 0;
	}
	buf_release(&slug);
	if (w->p->guid && *c->guids && !has_guid(c->guids, w->p->guid))
		why = "another guid";
	else if (w->org != 0 && !c->org_link && (c->has_org || !c->in_event))
		why = "another organization";
	if (why == NULL) {
		w->taken = c->id;
		return 1;
	}
	if (w->refused == 0) {
		w->refused = c->id;
		w->why = why;
		snprintf(w->refused_slug, sizeof(w->refused_slug), "/people/%s", c->slug);
	}
	return 0;
}

/* People this run made with the name: the same guid (or none) and organization (or none). */
static long long
made_named(struct match *m, struct named *w)
{
	uint64_t g = w->p->guid ? idmap_hash(m->ids, "guid", w->p->guid, strlen(w->p->guid)) : 0;

	for (int k = 1;; k++) {
		char key[128];
		struct idmap_entry *e;

		snprintf(key, sizeof(key), "%s#%d", w->slug.data, k);
		if ((e = idmap_key(m->ids, "pname", key, 0)) == NULL)
			return 0;
		if (g && e->b && (uint64_t)e->b != g) {
			if (!w->refused)
				w->refused = e->a, w->why = "another guid";
		} else if (w->org != 0 && e->c && e->c != w->org) {
			if (!w->refused)
				w->refused = e->a, w->why = "another organization";
		} else
			return e->a;
	}
}

static void
made_remember(struct match *m, const struct mapped_person *p, const char *slug, long long id,
    long long org)
{
	char key[128];

	for (int k = 1;; k++) {
		struct idmap_entry *e;

		snprintf(key, sizeof(key), "%s#%d", slug, k);
		if ((e = idmap_key(m->ids, "pname", key, 0)) != NULL)
			continue;
		e = idmap_key(m->ids, "pname", key, 1);
		e->a = id;
		e->b = p->guid ? (long long)idmap_hash(m->ids, "guid", p->guid, strlen(p->guid)) : 0;
		e->c = org;
		return;
	}
}

/* The person a name means, or 0 (then made by the caller); a refused candidate is listed. */
static long long
by_name(struct match *m, struct named *w, struct mapped *session)
{
	long long id;

	if ((id = made_named(m, w)) != 0)
		return id;
	if (store_people_named(m->st, w->slug.data, w->org, m->event, w->p->guid != NULL, weigh, w) == -1)
		return -1;
	if (w->taken == 0 && w->refused) {
		m->r->sum->review++;
		report_line(m->r, "review: \"%s\"%s%s%s in %s may be %s (%s): made a new person",
		    w->p->name, w->p->guid ? " (guid " : "", w->p->guid ? w->p->guid : "",
		    w->p->guid ? ")" : "", mapped_name(session), w->refused_slug[0] ? w->refused_slug :
		    "another person of that name in this file", w->why);
	}
	return w->taken;
}

static long long
known_person(struct match *m, const struct mapped_person *p, const char *idkey, uint64_t name,
    struct mapped *session)
{
	long long id, own;
	int same = 1;

	if (m->own && p->guid &&
	    (own = guid_local(store_installation(m->st), "person", p->guid)) > 0 &&
	    store_person_exists(m->st, own) == 1)
		return own;
	if (p->guid && (id = keyed(m, p->guid, name, &same)) != 0)
		return id;
	/* (a dry run's people have ids below -1: only -1 is an error) */
	if (idkey && (id = keyed(m, idkey, name, &same)) != 0 && id != -1 && !same) {
		/* The id named someone else before: a merged file's, or a reused one. */
		m->r->sum->review++;
		report_line(m->r, "review: id %s in %s was person %lld, another name, and is now \"%s\"",
		    idkey, mapped_name(session), id, p->name);
		return 0;
	}
	return idkey ? id : 0;
}

long long
match_person(struct match *m, const struct mapped_person *p, long long org, struct mapped *session)
{
	const char *idkey = match_person_id(m, p->id);
	struct named w = { m, p, BUF_INIT, org, 0, 0, NULL, "" };
	uint64_t name;
	long long id;
	int fresh = 0;

	slug_from_name(&w.slug, p->name);
	name = idmap_hash(m->ids, "name", w.slug.data, w.slug.len);	/* name_hash(), once */
	if ((id = known_person(m, p, idkey, name, session)) != 0) {
		buf_release(&w.slug);
		return id == -1 || put_keys(m, p, idkey, id, 0, name) == -1 ? -1 : id;
	}
	if ((id = by_name(m, &w, session)) == 0) {
		if ((id = store_person_add(m->st, p->name, p->guid ? p->guid : idkey)) == -1)
			goto out;
		m->r->sum->people_new++;
		made_remember(m, p, w.slug.data, id, org);
	}
	/* No key of the file named this person (known_person found none): each is to be written. */
	fresh = 1;
	if (id != -1 && put_keys(m, p, idkey, id, fresh, name) == -1)
		id = -1;
out:
	buf_release(&w.slug);
	return id;
}

/* --- sessions ------------------------------------------------------------------------ */

int
match_seen(void *arg, const char *key)
{
	struct match *m = arg;

	return idmap_key(m->seen, "skey", key, 0) != NULL;
}

/* The key the file gives the session: Lectern's own guid maps back to its session (its key, or
 * the session itself in *local when it has none). */
static int
file_key(struct match *m, const struct imp_session *s, const struct mapped *mp, struct buf *key,
    long long *local)
{
	const char *guid = s->f[IMP_GUID].s, *id = s->f[IMP_ID].s;
	long long own;
	int mine;

	if (m->own && guid && (own = guid_local(store_installation(m->st), "session", guid)) > 0) {
		if ((mine = store_session_key_of(m->st, own, m->event, m->source, key)) == -1)
			return -1;
		if (mine && key->len)
			return 0;
		if (mine)
			*local = own;
	}
	if (guid)
		buf_puts(key, guid);
	else if (id)
		buf_puts(key, id);
	else {
		struct buf slug = BUF_INIT;

		slug_from_name(&slug, mp->title);
		buf_appendf(key, "title:%s@%s", slug.data, mp->starts_at);
		buf_release(&slug);
	}
	return 0;
}

int
match_session_key(struct match *m, const struct imp_session *s, const struct mapped *mp, struct buf *key,
    long long *local)
{
	size_t base;

	*local = 0;
	buf_reset(key);
	if (file_key(m, s, mp, key, local) == -1)
		return -1;
	base = key->len;
	/* Met before in this file: another slot of a workshop, or another part of a merged
	 * file reusing the id. The start tells the slots apart, a count the rest. */
	for (int n = 1; idmap_key(m->seen, "skey", key->data, 0); n++) {
		buf_truncate(key, base);
		if (n == 1)
			buf_appendf(key, "@%s", mp->starts_at);
		else
			buf_appendf(key, "@%s#%d", mp->starts_at, n);
	}
	idmap_key(m->seen, "skey", key->data, 1)->a = 1;
	return 0;
}
