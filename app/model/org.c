/* org.c: the organizations' queries (see org.h). */
#include <string.h>

#include "model/db.h"
#include "model/listing.h"
#include "model/org.h"

static const char list_sql[] =
	"SELECT o.name, o.slug, o.kind, o.eu_member, f.keynotes, f.talks, f.speakers"
	" FROM organizations o JOIN org_figures f ON f.org_id = o.id"
	" ORDER BY o.name COLLATE NOCASE, o.id LIMIT ?1 OFFSET ?2";
static const char count_sql[] = "SELECT count(*) FROM organizations";

enum model_status
org_list(struct request *req, long long offset, int limit, struct org_list *l)
{
	sqlite3_stmt *st;
	enum model_status ms;
	size_t cap = 0;
	int rc;

	memset(l, 0, sizeof(*l));
	if ((ms = db_query(count_sql, &st)) != MODEL_OK)
		return ms;
	l->total = db_one_int(st, 0);
	if ((ms = db_query(list_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int(st, 1, limit);
	sqlite3_bind_int64(st, 2, offset);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct org_item *o;

		l->items = req_grow(req, l->items, l->n, &cap, sizeof(*o));
		o = &l->items[l->n++];
		o->name = db_col(req, st, 0);
		o->slug = db_col(req, st, 1);
		o->kind = db_col(req, st, 2);
		o->eu_member = (int)db_col_int(st, 3);
		o->keynotes = db_col_int(st, 4);
		o->talks = db_col_int(st, 5);
		o->speakers = db_col_int(st, 6);
	}
	return db_done(st, rc, "organizations");
}

static const char org_sql[] =
	"SELECT o.id, o.name, o.slug, o.kind, o.website, o.eu_member, o.member_since, o.tier, o.notes,"
	" f.keynotes, f.talks, f.speakers, f.colocated_talks, f.group_roles, f.toc_seats,"
	" f.toc_seats_current, f.projects"
	" FROM organizations o JOIN org_figures f ON f.org_id = o.id WHERE o.slug = ?1";

static void
read_head(struct request *req, sqlite3_stmt *st, struct org_page *p)
{
	p->id = db_col_int(st, 0);
	p->name = db_col(req, st, 1);
	p->slug = db_col(req, st, 2);
	p->kind = db_col(req, st, 3);
	p->website = db_col(req, st, 4);
	p->eu_member = (int)db_col_int(st, 5);
	p->member_since = db_col(req, st, 6);
	p->tier = db_col(req, st, 7);
	p->notes = db_col(req, st, 8);
	p->fig.keynotes = db_col_int(st, 9);
	p->fig.talks = db_col_int(st, 10);
	p->fig.speakers = db_col_int(st, 11);
	p->fig.colocated_talks = db_col_int(st, 12);
	p->fig.group_roles = db_col_int(st, 13);
	p->fig.toc_seats = db_col_int(st, 14);
	p->fig.toc_seats_current = db_col_int(st, 15);
	p->fig.projects = db_col_int(st, 16);
}

static const char years_sql[] =
	"SELECT year, count(*) FROM session_credits WHERE org_id = ?1 GROUP BY year ORDER BY year";

static enum model_status
years(struct request *req, struct org_page *p)
{
	sqlite3_stmt *st;
	enum model_status ms;
	size_t cap = 0;
	int rc;

	if ((ms = db_query(years_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, p->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct year_count *y;

		p->years = req_grow(req, p->years, p->n_years, &cap, sizeof(*y));
		y = &p->years[p->n_years++];
		y->year = (int)db_col_int(st, 0);
		y->sessions = db_col_int(st, 1);
	}
	return db_done(st, rc, "sessions per year");
}

static const char sessions_sql[] =
	"SELECT " SESSION_ITEM_COLS " FROM (SELECT session_id, starts FROM session_credits WHERE org_id = ?1"
	" ORDER BY starts DESC, session_id DESC LIMIT ?2 OFFSET ?3) c"
	" JOIN sessions s ON s.id = c.session_id JOIN events e ON e.id = s.event_id"
	" ORDER BY c.starts DESC, s.id DESC";

static enum model_status
sessions(struct request *req, struct org_page *p, long long offset, int limit)
{
	sqlite3_stmt *st;
	enum model_status ms;
	size_t cap = 0;
	int rc;

	if ((ms = db_query(sessions_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, p->id);
	sqlite3_bind_int(st, 2, limit);
	sqlite3_bind_int64(st, 3, offset);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		p->sessions = req_grow(req, p->sessions, p->n_sessions, &cap, sizeof(*p->sessions));
		session_item_read(req, st, 0, &p->sessions[p->n_sessions++]);
	}
	return db_done(st, rc, "the organization's sessions");
}

/* The 200 who spoke most; the window gives each one's place when ties go by name. */
static const char people_sql[] =
	"SELECT p.name, p.slug, x.n, row_number() OVER (ORDER BY x.n DESC, p.name) - 1"
	" FROM (SELECT a.person_id, count(DISTINCT a.session_id) AS n FROM appearances a"
	" JOIN sessions s ON s.id = a.session_id WHERE a.org_id = ?1 AND s.status = 'scheduled'"
	" GROUP BY a.person_id ORDER BY n DESC, a.person_id LIMIT 200) x JOIN people p ON p.id = x.person_id"
	" ORDER BY x.n DESC, x.person_id";

static enum model_status
people(struct request *req, struct org_page *p)
{
	sqlite3_stmt *st;
	enum model_status ms;
	int rc;

	if ((ms = db_query(people_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, p->id);
	p->people = req_alloc(req, 200 * sizeof(*p->people));
	p->by_name = req_alloc(req, 200 * sizeof(*p->by_name));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && p->n_people < 200) {
		struct person_count *c = &p->people[p->n_people++];
		long long rank = db_col_int(st, 3);

		c->name = db_col(req, st, 0);
		c->slug = db_col(req, st, 1);
		c->sessions = db_col_int(st, 2);
		if (rank >= 0 && rank < 200)
			p->by_name[rank] = c;
	}
	return db_done(st, rc, "the organization's people");
}

static const char projects_sql[] =
	"SELECT name, slug, maturity, accepted_on FROM projects WHERE org_id = ?1 ORDER BY id";

static enum model_status
projects(struct request *req, struct org_page *p)
{
	sqlite3_stmt *st;
	enum model_status ms;
	size_t cap = 0;
	int rc;

	if ((ms = db_query(projects_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, p->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct project_item *j;

		p->projects = req_grow(req, p->projects, p->n_projects, &cap, sizeof(*j));
		j = &p->projects[p->n_projects++];
		j->name = db_col(req, st, 0);
		j->slug = db_col(req, st, 1);
		j->maturity = db_col(req, st, 2);
		j->accepted_on = db_col(req, st, 3);
	}
	return db_done(st, rc, "the organization's projects");
}

enum model_status
org_page(struct request *req, const char *slug, long long offset, int limit, struct org_page *p)
{
	sqlite3_stmt *st;
	enum model_status ms;

	memset(p, 0, sizeof(*p));
	if ((ms = db_query(org_sql, &st)) != MODEL_OK)
		return ms;
	db_bind_text(st, 1, slug);
	if ((ms = db_row(st, "organization")) != MODEL_OK)
		return ms;
	read_head(req, st, p);
	sqlite3_reset(st);
	if ((ms = years(req, p)) != MODEL_OK || (ms = sessions(req, p, offset, limit)) != MODEL_OK ||
	    (ms = people(req, p)) != MODEL_OK)
		return ms;
	return projects(req, p);
}

static const char milestones_sql[] =
	"SELECT d, what, href FROM ("
	" SELECT o.member_since AS d, 'Joined the End User Community' AS what, NULL AS href"
	"  FROM organizations o WHERE o.id = ?1 AND o.member_since IS NOT NULL"
	" UNION ALL SELECT * FROM (SELECT substr(c.starts, 1, 10), 'First session: ' || s.title,"
	"  '/sessions/' || s.id FROM session_credits c JOIN sessions s ON s.id = c.session_id"
	"  WHERE c.org_id = ?1 ORDER BY c.starts LIMIT 1)"
	" UNION ALL SELECT substr(c.starts, 1, 10), CASE WHEN s.title LIKE 'Keynote%' THEN s.title"
	" ELSE 'Keynote: ' || s.title END, '/sessions/' || s.id"
	"  FROM session_credits c JOIN sessions s ON s.id = c.session_id"
	"  WHERE c.org_id = ?1 AND c.kind = 'keynote'"
	" UNION ALL SELECT r.starts_on, p.name || ': ' || CASE WHEN r.role = 'seat' THEN 'seat on the '"
	"  ELSE r.role || ' of ' END || b.name, '/bodies/' || b.slug FROM roles r"
	"  JOIN bodies b ON b.id = r.body_id JOIN people p ON p.id = r.person_id"
	"  WHERE r.org_id = ?1 AND r.role IN ('seat', 'chair', 'co-chair', 'tech-lead')"
	" UNION ALL SELECT accepted_on, 'Contributed ' || name || ' to the CNCF (' || maturity || ')', NULL"
	"  FROM projects WHERE org_id = ?1 AND accepted_on IS NOT NULL"
	") ORDER BY d LIMIT 100";

enum model_status
org_milestones(struct request *req, long long org, struct milestone **out, size_t *n)
{
	sqlite3_stmt *st;
	enum model_status ms;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((ms = db_query(milestones_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, org);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct milestone *m;

		*out = req_grow(req, *out, *n, &cap, sizeof(*m));
		m = &(*out)[(*n)++];
		m->date = db_col(req, st, 0);
		m->what = db_col(req, st, 1);
		m->href = db_col(req, st, 2);
	}
	return db_done(st, rc, "milestones");
}
