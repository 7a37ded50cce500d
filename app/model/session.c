/* session.c: a session's page, its speakers with whom each represented. */
#include <string.h>

#include "model/db.h"
#include "model/session.h"

static const char session_sql[] =
	"SELECT s.id, s.title, s.subtitle, s.kind, s.status, s.track, s.room, s.starts_at, s.duration_min,"
	" CASE WHEN s.duration_min > 0 THEN strftime('%H:%M', substr(s.starts_at, 1, 16),"
	" '+' || s.duration_min || ' minutes') END, s.abstract, s.url, s.video_url, e.name, e.slug, e.time_zone"
	" FROM sessions s JOIN events e ON e.id = s.event_id WHERE s.id = ?1";

#define P(type, field)	COL(type, struct session_page, field)
static const struct column session_cols[] = {
	P(LONG, id), P(TEXT, title), P(TEXT, subtitle), P(TEXT, kind), P(TEXT, status), P(TEXT, track),
	P(TEXT, room), P(TEXT, starts_at), P(LONG, duration_min), P(TEXT, end_time), P(TEXT, abstract), P(TEXT, url),
	P(TEXT, video_url), P(TEXT, event_name), P(TEXT, event_slug), P(TEXT, event_time_zone),
};
static const struct row_type session_row = ROW_TYPE(struct session_page, session_cols, NULL, "session");

static const char speakers_sql[] =
	"SELECT p.name, p.slug, a.role, o.name, o.slug FROM appearances a JOIN people p ON p.id = a.person_id"
	" LEFT JOIN organizations o ON o.id = a.org_id WHERE a.session_id = ?1 ORDER BY a.position, a.id";

#define S(type, field)	COL(type, struct speaker, field)
static const struct column speaker_cols[] = {
	S(TEXT, name), S(TEXT, slug), S(TEXT, role), S(TEXT, org), S(TEXT, org_slug),
};
static const struct row_type speaker_row = ROW_TYPE(struct speaker, speaker_cols, NULL, "speakers");

enum model_status
session_page(struct request *req, long long id, struct session_page *p)
{
	sqlite3_stmt *st;
	enum model_status ms;

	memset(p, 0, sizeof(*p));
	if ((ms = db_query(session_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, id);
	if ((ms = db_row(st, "session")) != MODEL_OK)
		return ms;
	db_read(req, st, &session_row, p);
	sqlite3_reset(st);
	p->speakers = db_rows_of(req, speakers_sql, id, 0, 0, &speaker_row, &p->n_speakers, &ms);
	return ms;
}
