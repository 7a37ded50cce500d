/* org.c: the organizations' queries (see org.h). */
#include <string.h>

#include "model/db.h"
#include "model/listing.h"
#include "model/org.h"

/* The speakers are a count over every appearance, most of the list's cost: only the page
 * shows them, the JSON asks without. One statement either way, so the two cannot drift. */
#define LIST_SQL(speakers) \
	"SELECT o.name, o.slug, o.kind, o.eu_member, f.keynotes, f.talks, " speakers \
	" FROM organizations o JOIN org_figures f ON f.org_id = o.id" \
	" ORDER BY o.name COLLATE NOCASE, o.id LIMIT ?2 OFFSET ?3"
static const char list_sql[] = LIST_SQL("f.speakers");
static const char list_brief_sql[] = LIST_SQL("0");
static const char count_sql[] = "SELECT count(*) FROM organizations";

#define I(type, field)	COL(type, struct org_item, field)
static const struct column item_cols[] = {
	I(TEXT, name), I(TEXT, slug), I(TEXT, kind), I(INT, eu_member), I(LONG, keynotes), I(LONG, talks),
	I(LONG, speakers),
};
static const struct row_type item_row = ROW_TYPE(struct org_item, item_cols, NULL, "organizations");

enum model_status
org_list(struct request *req, long long offset, int limit, int speakers, struct org_list *l)
{
	enum model_status ms;

	l->items = db_page_rows(req, count_sql, speakers ? list_sql : list_brief_sql, limit, offset, &item_row,
	    &l->n, &l->total, &ms);
	return ms;
}

static const char org_sql[] =
	"SELECT o.id, o.name, o.slug, o.kind, o.website, o.eu_member, o.member_since, o.tier, o.notes,"
	" f.keynotes, f.talks, f.speakers, f.colocated_talks, f.group_roles, f.toc_seats,"
	" f.toc_seats_current, f.projects"
	" FROM organizations o JOIN org_figures f ON f.org_id = o.id WHERE o.slug = ?1";

#define P(type, field)	COL(type, struct org_page, field)
static const struct column org_cols[] = {
	P(LONG, id), P(TEXT, name), P(TEXT, slug), P(TEXT, kind), P(TEXT, website), P(INT, eu_member),
	P(TEXT, member_since), P(TEXT, tier), P(TEXT, notes), P(LONG, fig.keynotes), P(LONG, fig.talks),
	P(LONG, fig.speakers), P(LONG, fig.colocated_talks), P(LONG, fig.group_roles), P(LONG, fig.toc_seats),
	P(LONG, fig.toc_seats_current), P(LONG, fig.projects),
};
static const struct row_type org_row = ROW_TYPE(struct org_page, org_cols, NULL, "organization");

/* Every year from the first session's to the last one's, zeros included (the chart's axis). */
static const char years_sql[] =
	"WITH RECURSIVE y(year, n) AS (SELECT year, count(*) FROM session_credits WHERE org_id = ?1 GROUP BY year),"
	" span(year) AS (SELECT min(year) FROM y WHERE year > 0 UNION ALL"
	"  SELECT year + 1 FROM span WHERE year < (SELECT max(year) FROM y))"
	" SELECT year, n FROM y WHERE year IS NULL OR year = 0 UNION ALL"
	" SELECT span.year, coalesce(y.n, 0) FROM span LEFT JOIN y USING (year) WHERE span.year IS NOT NULL"
	" ORDER BY 1";
static const struct column year_cols[] = {
	COL(INT, struct year_count, year), COL(LONG, struct year_count, sessions),
};
static const struct row_type year_row = ROW_TYPE(struct year_count, year_cols, NULL, "sessions per year");

static const char sessions_sql[] =
	"SELECT " SESSION_ITEM_COLS " FROM (SELECT session_id, starts FROM session_credits WHERE org_id = ?1"
	" ORDER BY starts DESC, session_id DESC LIMIT ?2 OFFSET ?3) c"
	" JOIN sessions s ON s.id = c.session_id JOIN events e ON e.id = s.event_id"
	" ORDER BY c.starts DESC, s.id DESC";

/* The 200 who spoke most; the window gives each one's place when ties go by name. */
static const char people_sql[] =
	"SELECT p.name, p.slug, x.n, row_number() OVER (ORDER BY x.n DESC, p.name) - 1"
	" FROM (SELECT a.person_id, count(DISTINCT a.session_id) AS n FROM appearances a"
	" JOIN sessions s ON s.id = a.session_id WHERE a.org_id = ?1 AND s.status = 'scheduled'"
	" GROUP BY a.person_id ORDER BY n DESC, a.person_id LIMIT 200) x JOIN people p ON p.id = x.person_id"
	" ORDER BY x.n DESC, x.person_id";
static const struct column person_cols[] = {
	COL(TEXT, struct person_count, name), COL(TEXT, struct person_count, slug),
	COL(LONG, struct person_count, sessions), COL(SIZE, struct person_count, name_rank),
};
static const struct row_type person_row = ROW_TYPE(struct person_count, person_cols, NULL, "people");

static const char projects_sql[] =
	"SELECT name, slug, maturity, accepted_on FROM projects WHERE org_id = ?1 ORDER BY id";
static const struct column project_cols[] = {
	COL(TEXT, struct project_item, name), COL(TEXT, struct project_item, slug),
	COL(TEXT, struct project_item, maturity), COL(TEXT, struct project_item, accepted_on),
};
static const struct row_type project_row = ROW_TYPE(struct project_item, project_cols, NULL, "projects");

enum model_status
org_page(struct request *req, const char *slug, long long offset, int limit, struct org_page *p)
{
	enum model_status ms;

	if ((ms = db_row_of(req, org_sql, slug, &org_row, p)) != MODEL_OK)
		return ms;
	p->years = db_rows_of(req, years_sql, p->id, 0, 0, &year_row, &p->n_years, &ms);
	if (ms == MODEL_OK)
		p->sessions = db_rows_of(req, sessions_sql, p->id, limit, offset, &session_item_row,
		    &p->n_sessions, &ms);
	if (ms == MODEL_OK)
		p->people = db_rows_of(req, people_sql, p->id, 0, 0, &person_row, &p->n_people, &ms);
	if (ms == MODEL_OK)
		p->by_name = db_ranked(req, p->people, p->n_people, sizeof(*p->people),
		    offsetof(struct person_count, name_rank));
	if (ms == MODEL_OK)
		p->projects = db_rows_of(req, projects_sql, p->id, 0, 0, &project_row, &p->n_projects, &ms);
	return ms;
}

static const char milestones_sql[] =
	"SELECT d, what, href FROM ("
	" SELECT o.member_since AS d, 'Joined the End User Community' AS what, NULL AS href"
	"  FROM organizations o WHERE o.id = ?1 AND o.member_since IS NOT NULL"
	" UNION ALL SELECT * FROM (SELECT substr(c.starts, 1, 10), 'First session: ' || s.title,"
	"  '/sessions/' || s.id FROM session_credits c JOIN sessions s ON s.id = c.session_id"
	"  WHERE c.org_id = ?1 ORDER BY c.starts, c.session_id LIMIT 1)"
	/* The keynotes but the first session, already listed: a session is a milestone once. */
	" UNION ALL SELECT substr(c.starts, 1, 10), CASE WHEN s.title LIKE 'Keynote%' THEN s.title"
	" ELSE 'Keynote: ' || s.title END, '/sessions/' || s.id"
	"  FROM session_credits c JOIN sessions s ON s.id = c.session_id"
	"  WHERE c.org_id = ?1 AND c.kind = 'keynote' AND c.session_id IS NOT (SELECT session_id"
	"  FROM session_credits WHERE org_id = ?1 ORDER BY starts, session_id LIMIT 1)"
	" UNION ALL SELECT r.starts_on, p.name || ': ' || CASE WHEN r.role = 'seat' THEN 'seat on the '"
	"  ELSE r.role || ' of ' END || b.name, '/bodies/' || b.slug FROM roles r"
	"  JOIN bodies b ON b.id = r.body_id JOIN people p ON p.id = r.person_id"
	"  WHERE r.org_id = ?1 AND r.role IN ('seat', 'chair', 'co-chair', 'tech-lead')"
	" UNION ALL SELECT accepted_on, 'Contributed ' || name || ' to the CNCF (' || maturity || ')', NULL"
	"  FROM projects WHERE org_id = ?1 AND accepted_on IS NOT NULL"
	") ORDER BY d LIMIT 100";
static const struct column milestone_cols[] = {
	COL(TEXT, struct milestone, date), COL(TEXT, struct milestone, what), COL(TEXT, struct milestone, href),
};
static const struct row_type milestone_row = ROW_TYPE(struct milestone, milestone_cols, NULL, "milestones");

enum model_status
org_milestones(struct request *req, long long org, struct milestone **out, size_t *n)
{
	enum model_status ms;

	*out = db_rows_of(req, milestones_sql, org, 0, 0, &milestone_row, n, &ms);
	return ms;
}
