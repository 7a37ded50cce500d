/* report.c: an organization's End User Journey report (see report.h): its records as of a date. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/sort.h"
#include "model/db.h"
#include "model/report.h"
#include "model/report_tally.h"

/* ?2, the date, is NULL for today: then every session so far counts, and terms are judged
 * against today. A session's date is its UTC day, or its event's first day without a time. */
#define SESSION_DAY	"substr(coalesce(s.starts_utc, e.starts_on), 1, 10)"

static const char org_sql[] =
	"SELECT o.id, o.name, o.slug, o.kind, o.website,"
	" o.eu_member AND (?2 IS NULL OR o.member_since IS NULL OR o.member_since <= ?2),"
	" CASE WHEN o.eu_member AND (?2 IS NULL OR o.member_since <= ?2) THEN o.member_since END,"
	" r.id, r.version, r.intro, r.quotes, r.round_talks"
	" FROM organizations o LEFT JOIN reports r ON r.org_id = o.id WHERE o.slug = ?1";
#define R(type, field)	COL(type, struct org_report, field)
static const struct column org_cols[] = {
	R(LONG, org_id), R(TEXT, name), R(TEXT, slug), R(TEXT, kind), R(TEXT, website), R(INT, member),
	R(TEXT, member_since), R(LONG, report_id), R(LONG, version), R(TEXT, intro), R(TEXT, quotes),
	R(INT, round_talks),
};
static const struct row_type org_row = ROW_TYPE(struct org_report, org_cols, NULL, "report");

/* The organization's sessions as schema/0013's tallies keep them (session_credits): kind,
 * co-location and start, so that no session row is read. A co-located one's event (the report
 * counts and names those by event) is in 0014's (id, event_id) index, looked up for those alone.
 * A session without a time starts on its event's first day there. Who spoke in them is read
 * apart, in the same order (speakers_sql). */
static const char credits_sql[] =
	"SELECT c.session_id, c.colocated, s.event_id, c.kind, c.starts FROM session_credits c"
	" LEFT JOIN sessions s ON s.id = CASE WHEN c.colocated THEN c.session_id END"
	" WHERE c.org_id = ?1 ORDER BY c.session_id";

/* YYYYMMDD of a date or timestamp ("YYYY-MM-DD..."), 0 for anything else. */
static int
day_of(const unsigned char *s)
{
	int day = 0;

	for (int i = 0; s && i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return 0;
		} else if (s[i] < '0' || s[i] > '9')
			return 0;
		else
			day = day * 10 + (s[i] - '0');
	}
	return s ? day : 0;
}

static void
credit_more(struct request *req, sqlite3_stmt *st, void *row)
{
	const struct vocab *v = &vocabs[VOCAB_SESSION_KIND];
	const char *kind = (const char *)sqlite3_column_text(st, 3);
	struct credit *c = row;

	c->kind = -1;
	for (size_t i = 0; kind && i < v->n && c->kind < 0; i++)
		if (strcmp(kind, v->terms[i].code) == 0)
			c->kind = (int)i;
	c->date = day_of(sqlite3_column_text(st, 4));
}
#define C(type, field)	COL(type, struct credit, field)
static const struct column credit_cols[] = {
	C(LONG, session), C(INT, colocated), C(LONG, event), COL_PASS, COL_PASS,
};
static const struct row_type credit_row = ROW_TYPE(struct credit, credit_cols, credit_more, "credits");

/* Each person who spoke for the organization in each session: the (org_id, session_id,
 * person_id) index alone, no appearance row read. One in a session that is not scheduled
 * has no credit and is passed over. */
struct speaker {
	long long	 session, person;
};
static const char speakers_sql[] =
	"SELECT session_id, person_id FROM appearances WHERE org_id = ?1 ORDER BY session_id";
static const struct column speaker_cols[] = {
	COL(LONG, struct speaker, session), COL(LONG, struct speaker, person),
};
static const struct row_type speaker_row = ROW_TYPE(struct speaker, speaker_cols, NULL, "speakers");

/* Seats (TOC, Governing Board) first, then the other bodies; held ones first, then by start.
 * A term is current on the date when it ends on it or later; its end is shown once passed. */
static const char terms_sql[] =
	"SELECT p.name, p.slug, b.name, b.slug, b.kind, r.role, r.seat_type, r.starts_on,"
	" CASE WHEN r.ends_on < coalesce(?2, date('now')) THEN r.ends_on END AS ended,"
	" r.ends_on IS NULL OR r.ends_on >= coalesce(?2, date('now')), b.kind IN ('toc', 'board') AS seat"
	" FROM roles r JOIN people p ON p.id = r.person_id JOIN bodies b ON b.id = r.body_id"
	" WHERE r.org_id = ?1 AND r.starts_on <= coalesce(?2, date('now'))"
	" ORDER BY seat DESC, ended IS NOT NULL, r.starts_on, r.id";
#define T(type, field)	COL(type, struct report_term, field)
static const struct column term_cols[] = {
	T(TEXT, person), T(TEXT, person_slug), T(TEXT, body), T(TEXT, body_slug), T(TEXT, body_kind),
	T(TEXT, role), T(TEXT, seat_type), T(TEXT, starts_on), T(TEXT, ends_on), T(INT, current), T(INT, seat),
};
static const struct row_type term_row = ROW_TYPE(struct report_term, term_cols, NULL, "terms");

/* Projects accepted by the date, at the maturity they had then. */
static const char projects_sql[] =
	"SELECT name, slug, url, CASE WHEN ?2 IS NULL THEN maturity WHEN graduated_on <= ?2 THEN 'graduated'"
	" WHEN incubating_on <= ?2 THEN 'incubating' ELSE 'sandbox' END, accepted_on,"
	" CASE WHEN ?2 IS NULL OR incubating_on <= ?2 THEN incubating_on END,"
	" CASE WHEN ?2 IS NULL OR graduated_on <= ?2 THEN graduated_on END"
	" FROM projects WHERE org_id = ?1 AND (?2 IS NULL OR accepted_on <= ?2)"
	" ORDER BY accepted_on IS NULL, accepted_on, id";
#define J(type, field)	COL(type, struct report_project, field)
static const struct column project_cols[] = {
	J(TEXT, name), J(TEXT, slug), J(TEXT, url), J(TEXT, maturity), J(TEXT, accepted_on),
	J(TEXT, incubating_on), J(TEXT, graduated_on),
};
static const struct row_type project_row = ROW_TYPE(struct report_project, project_cols, NULL, "projects");

/* A statement with ?1 the organization (or an id list) and ?2 the date, bound. */
static enum model_status
query2(const char *sql, long long org, const char *list, const char *as_of, sqlite3_stmt **st)
{
	enum model_status ms;

	if ((ms = db_query(sql, st)) != MODEL_OK)
		return ms;
	if (list)
		sqlite3_bind_text(*st, 1, list, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(*st, 1, org);
	db_bind_text(*st, 2, as_of);
	return MODEL_OK;
}

static void *
rows2(struct request *req, const char *sql, long long org, const char *as_of, const struct row_type *t,
    size_t *n, enum model_status *ms)
{
	sqlite3_stmt *st;

	*n = 0;
	if ((*ms = query2(sql, org, NULL, as_of, &st)) != MODEL_OK)
		return NULL;
	return db_rows(req, st, t, n, ms);
}

/* ids as a JSON array, for json_each() (in req's arena). */
static const char *
id_list(struct request *req, const long long *ids, size_t n)
{
	struct buf b = BUF_INIT;
	const char *out;

	buf_putc(&b, '[');
	for (size_t i = 0; i < n; i++)
		buf_appendf(&b, "%s%lld", i ? "," : "", ids[i]);
	buf_putc(&b, ']');
	out = req_strndup(req, b.data, b.len);
	buf_release(&b);
	return out;
}

static enum model_status
load(struct request *req, const char *slug, const char *as_of, struct org_report *r)
{
	enum model_status ms;
	sqlite3_stmt *st;

	if ((ms = db_query(org_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
	db_bind_text(st, 2, as_of);
	if ((ms = db_row(st, "report")) != MODEL_OK)
		return ms;
	db_read(req, st, &org_row, r);
	sqlite3_reset(st);
	r->as_of = as_of;
	r->terms = rows2(req, terms_sql, r->org_id, as_of, &term_row, &r->n_terms, &ms);
	if (ms == MODEL_OK)
		r->projects = rows2(req, projects_sql, r->org_id, as_of, &project_row, &r->n_projects, &ms);
	r->fig.projects = (long long)r->n_projects;
	for (size_t i = 0; i < r->n_terms; i++) {
		const struct report_term *t = &r->terms[i];

		if (t->seat)
			t->current ? r->fig.seats_current++ : r->fig.seats_past++;
		else
			t->current ? r->fig.roles_current++ : r->fig.roles_past++;
	}
	return ms;
}

/* The sessions the report names: ids as a JSON array. */
static const char sessions_sql[] =
	"SELECT s.id, s.title, s.kind, " SESSION_DAY ", e.name, e.slug"
	" FROM json_each(?1) j JOIN sessions s ON s.id = j.value JOIN events e ON e.id = s.event_id";
#define S(type, field)	COL(type, struct report_session, field)
static const struct column session_cols[] = {
	S(LONG, id), S(TEXT, title), S(TEXT, kind), S(TEXT, date), S(TEXT, event), S(TEXT, event_slug),
};
static const struct row_type session_row = ROW_TYPE(struct report_session, session_cols, NULL, "sessions");

struct name {
	long long	 id;
	const char	*name, *slug;
};
static const char names_sql[] =
	"SELECT p.id, p.name, p.slug FROM json_each(?1) j JOIN people p ON p.id = j.value ORDER BY p.id";
static const struct column name_cols[] = {
	COL(LONG, struct name, id), COL(TEXT, struct name, name), COL(TEXT, struct name, slug),
};
static const struct row_type name_row = ROW_TYPE(struct name, name_cols, NULL, "names");

static const char events_sql[] =
	"SELECT e.id, e.name, e.slug, coalesce(e.series, e.name), e.starts_on FROM json_each(?1) j"
	" JOIN events e ON e.id = j.value ORDER BY coalesce(e.series, e.name) COLLATE NOCASE, e.starts_on";
#define E(type, field)	COL(type, struct report_event, field)
static const struct column event_cols[] = {
	E(LONG, id), E(TEXT, name), E(TEXT, slug), E(TEXT, series), E(TEXT, starts_on),
};
static const struct row_type event_row = ROW_TYPE(struct report_event, event_cols, NULL, "events");

/* The people who spoke for the organization (its tally, org_speakers: today's speakers, of whom
 * load_movers keeps those of the report's date) and for another: each one's other organizations
 * and last date there by their tallies (session_credits), so that no session row is read;
 * load_movers keeps those after the person's last session here. */
struct later {
	long long	 person;
	const char	*org, *org_slug;
	int		 date;
};
static const char later_sql[] =
	"SELECT a.person_id, o.name, o.slug, max(CAST(replace(substr(c.starts, 1, 10), '-', '') AS INTEGER))"
	" FROM org_speakers sp JOIN appearances a ON a.person_id = sp.person_id AND a.org_id <> sp.org_id"
	" JOIN session_credits c ON c.org_id = a.org_id AND c.session_id = a.session_id"
	" JOIN organizations o ON o.id = a.org_id"
	" WHERE sp.org_id = ?1 AND (?2 IS NULL OR substr(c.starts, 1, 10) <= ?2)"
	" GROUP BY a.person_id, a.org_id ORDER BY 4, a.person_id";
static const struct column later_cols[] = {
	COL(LONG, struct later, person), COL(TEXT, struct later, org), COL(TEXT, struct later, org_slug),
	COL(INT, struct later, date),
};
static const struct row_type later_row = ROW_TYPE(struct later, later_cols, NULL, "later organizations");

/* The rows of sql for a list of ids (id_list) as ?1. */
static void *
list_rows(struct request *req, const char *sql, const char *list, const struct row_type *t, size_t *n,
    enum model_status *ms)
{
	sqlite3_stmt *st;

	*n = 0;
	if ((*ms = query2(sql, 0, list, NULL, &st)) != MODEL_OK)
		return NULL;
	return db_rows(req, st, t, n, ms);
}

/* The index of the first of n rows (each size bytes, sorted by a long long id at their start) whose
 * id is id or more: n for none. The names, speakers and events the report looks up are such rows. */
static size_t
id_index(const void *rows, size_t n, size_t size, long long id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		long long at;

		memcpy(&at, (const char *)rows + mid * size, sizeof(at));
		if (at < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

_Static_assert(offsetof(struct name, id) == 0, "id_index reads a name's id at its start");

static const struct name *
name_of(const struct name *names, size_t n, long long id)
{
	size_t i = id_index(names, n, sizeof(*names), id);

	return i < n && names[i].id == id ? &names[i] : NULL;
}

/* Index of the first person in t->persons (ascending) >= id. */
static size_t
person_index(const struct tally *t, long long id)
{
	return id_index(t->persons, t->n_persons, sizeof(*t->persons), id);
}

/* Speakers who spoke for another organization after their last session for this one. */
static enum model_status
load_movers(struct request *req, struct org_report *r, const struct tally *t, long long **ids, size_t *n_ids)
{
	struct later *l;
	size_t n;
	enum model_status ms;

	l = rows2(req, later_sql, r->org_id, r->as_of, &later_row, &n, &ms);
	r->movers = req_alloc(req, (REPORT_MOVERS + 1) * sizeof(*r->movers));
	for (size_t i = 0; ms == MODEL_OK && i < n; i++) {
		size_t k = person_index(t, l[i].person);
		struct report_mover *m = &r->movers[r->n_movers];

		if (k >= t->n_persons || t->persons[k] != l[i].person || l[i].date <= t->last[k])
			continue;
		if (r->movers_total++ >= REPORT_MOVERS)
			continue;
		m->id = l[i].person;
		m->org = l[i].org, m->org_slug = l[i].org_slug, m->date = tally_date(req, l[i].date);
		(*ids)[(*n_ids)++] = l[i].person;
		r->n_movers++;
	}
	return ms;
}

/* The sessions the report shows: the first, the keynotes on the timeline, the people's notable ones. */
static long long *
wanted_sessions(struct request *req, const struct org_report *r, const struct tally *t, size_t *n)
{
	long long *ids = req_alloc(req, (REPORT_MOMENTS + 2 * REPORT_PEOPLE + 2) * sizeof(*ids));

	*n = 0;
	if (t->first)
		ids[(*n)++] = t->first;
	for (size_t i = 0; i < t->n_keynotes && i < REPORT_MOMENTS; i++)
		ids[(*n)++] = t->keynotes[i];
	for (size_t i = 0; i < r->n_people; i++)
		for (size_t j = 0; j < r->people[i].n_notable; j++)
			ids[(*n)++] = r->people[i].notable_id[j];
	return ids;
}

/* The organization's speakers of each session, by name, in the order they spoke. */
static void
session_speakers(struct request *req, struct report_session *s, const struct tally *t,
    const struct name *names, size_t n_names)
{
	struct buf b = BUF_INIT;
	size_t n, from = tally_session_speakers(t, s->id, &n);

	for (size_t i = from; i < from + n; i++) {
		const struct name *p = name_of(names, n_names, t->by_session[i]->person);

		if (p)
			buf_appendf(&b, "%s%s", b.len ? ", " : "", p->name);
	}
	s->speakers = req_strndup(req, b.data, b.len);
	buf_release(&b);
}

static struct report_session *
session_of(struct report_session *s, size_t n, long long id)
{
	for (size_t i = 0; i < n; i++)
		if (s[i].id == id)
			return &s[i];
	return NULL;
}

/* Names the people and sessions the counts found: the people listed, the movers, the speakers
 * of the sessions shown. */
static enum model_status
name_all(struct request *req, struct org_report *r, const struct tally *t, struct report_session **ses,
    size_t *n_ses)
{
	size_t n_ids = 0, n_sids, n_names = 0, cap = t->n_persons + 1;
	long long *ids = req_alloc(req, cap * sizeof(*ids)), *sids;
	struct name *names = NULL;
	enum model_status ms;

	for (size_t i = 0; i < r->n_people; i++)
		ids[n_ids++] = r->people[i].id;
	if ((ms = load_movers(req, r, t, &ids, &n_ids)) != MODEL_OK)
		return ms;
	sids = wanted_sessions(req, r, t, &n_sids);
	*ses = list_rows(req, sessions_sql, id_list(req, sids, n_sids), &session_row, n_ses, &ms);
	for (size_t i = 0; ms == MODEL_OK && i < *n_ses; i++) {
		size_t n, from = tally_session_speakers(t, (*ses)[i].id, &n);

		for (size_t j = from; j < from + n && n_ids < cap; j++)
			ids[n_ids++] = t->by_session[j]->person;
	}
	if (ms == MODEL_OK)
		names = list_rows(req, names_sql, id_list(req, ids, n_ids), &name_row, &n_names, &ms);
	if (ms != MODEL_OK)
		return ms;
	for (size_t i = 0; i < *n_ses; i++)
		session_speakers(req, &(*ses)[i], t, names, n_names);
	for (size_t i = 0; i < r->n_people; i++) {
		const struct name *p = name_of(names, n_names, r->people[i].id);

		r->people[i].name = p ? p->name : "", r->people[i].slug = p ? p->slug : "";
		for (size_t j = 0; j < r->people[i].n_notable; j++)
			r->people[i].notable[j] = session_of(*ses, *n_ses, r->people[i].notable_id[j]);
	}
	for (size_t i = 0; i < r->n_movers; i++) {
		const struct name *p = name_of(names, n_names, r->movers[i].id);

		r->movers[i].name = p ? p->name : "", r->movers[i].slug = p ? p->slug : "";
	}
	return MODEL_OK;
}

static enum model_status
load_events(struct request *req, struct org_report *r, const struct tally *t)
{
	enum model_status ms;

	r->events = list_rows(req, events_sql, id_list(req, t->events, t->n_events), &event_row,
	    &r->n_events, &ms);
	for (size_t i = 0; i < r->n_events; i++)
		for (size_t j = 0; j < t->n_events; j++)
			if (t->events[j] == r->events[i].id)
				r->events[i].sessions = t->event_sessions[j];
	return ms;
}

static void
moment(struct org_report *r, const char *date, enum moment_kind what, const struct report_session *s,
    const struct report_term *term, const struct report_project *p)
{
	struct report_moment *m;

	if (date == NULL)
		return;
	m = &r->moments[r->n_moments++];
	m->date = date, m->what = what, m->session = s, m->term = term, m->project = p;
}

static int
by_moment_date(const void *a, const void *b)
{
	const struct report_moment *x = a, *y = b;
	int c = strcmp(x->date, y->date);

	return c ? c : (x->what > y->what) - (x->what < y->what);
}

/* The facts that are not keynotes, then as many keynotes as the cut leaves room for, in date order. */
static void
timeline(struct request *req, struct org_report *r, const struct tally *t, struct report_session *ses, size_t n)
{
	size_t cap = 2 + 2 * r->n_terms + 3 * r->n_projects + t->n_keynotes, room;
	struct report_moment **order, *kept;
	const struct report_session *first = session_of(ses, n, t->first);
	void **tmp;

	r->moments = req_alloc(req, (cap + 1) * sizeof(*r->moments));
	if (r->member)
		moment(r, r->member_since, MOMENT_JOINED, NULL, NULL, NULL);
	if (first)
		moment(r, first->date, MOMENT_FIRST_SESSION, first, NULL, NULL);
	for (size_t i = 0; i < r->n_terms; i++) {
		moment(r, r->terms[i].starts_on, MOMENT_TERM_START, NULL, &r->terms[i], NULL);
		moment(r, r->terms[i].ends_on, MOMENT_TERM_END, NULL, &r->terms[i], NULL);
	}
	for (size_t i = 0; i < r->n_projects; i++) {
		const struct report_project *p = &r->projects[i];
		int promoted = p->incubating_on && (p->accepted_on == NULL || strcmp(p->incubating_on, p->accepted_on) > 0);

		moment(r, p->accepted_on, MOMENT_PROJECT_ACCEPTED, NULL, NULL, p);
		moment(r, promoted ? p->incubating_on : NULL, MOMENT_PROJECT_INCUBATING, NULL, NULL, p);
		moment(r, p->graduated_on, MOMENT_PROJECT_GRADUATED, NULL, NULL, p);
	}
	/* A first session that was a keynote is one fact, not two. */
	r->moments_total = (long long)(r->n_moments + t->n_keynotes);
	if (first && t->n_keynotes && first->id == t->keynotes[0])
		r->moments_total--;
	room = r->n_moments < REPORT_MOMENTS ? REPORT_MOMENTS - r->n_moments : 0;
	for (size_t i = 0; i < t->n_keynotes && room > 0; i++) {
		const struct report_session *k = session_of(ses, n, t->keynotes[i]);

		if (k == NULL || k == first)
			continue;
		moment(r, k->date, i == 0 ? MOMENT_FIRST_KEYNOTE : MOMENT_KEYNOTE, k, NULL, NULL);
		room--;
	}
	order = req_alloc(req, (r->n_moments + 1) * sizeof(*order));
	tmp = req_alloc(req, (r->n_moments + 1) * sizeof(*tmp));
	for (size_t i = 0; i < r->n_moments; i++)
		order[i] = &r->moments[i];
	ptr_sort((void **)order, r->n_moments, tmp, by_moment_date);
	if (r->n_moments > REPORT_MOMENTS)
		r->n_moments = REPORT_MOMENTS;
	kept = req_alloc(req, (r->n_moments + 1) * sizeof(*kept));
	for (size_t i = 0; i < r->n_moments; i++)
		kept[i] = *order[i];
	r->moments = kept;
}

/* The organization's credits up to as_of (YYYY-MM-DD or NULL): each speaker of each session
 * (speakers_sql) with the session's facts (credits_sql), both read in the order of the sessions. */
static struct credit *
credits_of(struct request *req, long long org, const char *as_of, size_t *n, enum model_status *ms)
{
	size_t n_ses = 0, n_sp = 0, j = 0;
	struct credit *ses = rows2(req, credits_sql, org, NULL, &credit_row, &n_ses, ms), *c;
	struct speaker *sp = NULL;
	int until = 99999999, y, m, d;

	if (as_of && sscanf(as_of, "%4d-%2d-%2d", &y, &m, &d) == 3)
		until = y * 10000 + m * 100 + d;
	if (*ms == MODEL_OK)
		sp = rows2(req, speakers_sql, org, NULL, &speaker_row, &n_sp, ms);
	c = req_alloc(req, (n_sp + 1) * sizeof(*c));
	*n = 0;
	for (size_t i = 0; *ms == MODEL_OK && i < n_sp; i++) {
		while (j < n_ses && ses[j].session < sp[i].session)
			j++;
		if (j == n_ses || ses[j].session != sp[i].session || ses[j].date == 0 || ses[j].date > until)
			continue;
		c[*n] = ses[j];
		c[(*n)++].person = sp[i].person;
	}
	return c;
}

enum model_status
report_page(struct request *req, const char *slug, const char *as_of, struct org_report *r)
{
	struct credit *credits;
	struct report_session *ses = NULL;
	struct tally t;
	size_t n, n_ses = 0;
	enum model_status ms;

	memset(r, 0, sizeof(*r));
	if ((ms = load(req, slug, as_of, r)) != MODEL_OK)
		return ms;
	credits = credits_of(req, r->org_id, as_of, &n, &ms);
	if (ms != MODEL_OK)
		return ms;
	tally_count(req, credits, n, &r->fig, &t);
	r->years = t.years, r->n_years = t.n_years, r->people = t.people, r->n_people = t.n_people;
	if ((ms = name_all(req, r, &t, &ses, &n_ses)) == MODEL_OK)
		ms = load_events(req, r, &t);
	if (ms == MODEL_OK)
		timeline(req, r, &t, ses, n_ses);
	return ms;
}
