/* session.c: a session's page, its speakers with whom each represented. */
#include <string.h>

#include "model/db.h"
#include "model/session.h"

static const char session_sql[] =
	"SELECT s.title, s.subtitle, s.kind, s.status, s.track, s.room, s.starts_at, s.duration_min,"
	" s.abstract, s.url, s.video_url, e.name, e.slug, e.time_zone"
	" FROM sessions s JOIN events e ON e.id = s.event_id WHERE s.id = ?1";

static const char speakers_sql[] =
	"SELECT p.name, p.slug, a.role, o.name, o.slug FROM appearances a JOIN people p ON p.id = a.person_id"
	" LEFT JOIN organizations o ON o.id = a.org_id WHERE a.session_id = ?1 ORDER BY a.position, a.id";

static enum model_status
speakers(struct request *req, struct session_page *p)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	enum model_status ms;
	int rc;

	if ((ms = db_query(speakers_sql, &st)) != MODEL_OK)
		return ms;
	sqlite3_bind_int64(st, 1, p->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct speaker *s;

		p->speakers = req_grow(req, p->speakers, p->n_speakers, &cap, sizeof(*s));
		s = &p->speakers[p->n_speakers++];
		s->name = db_col(req, st, 0);
		s->slug = db_col(req, st, 1);
		s->role = db_col(req, st, 2);
		s->org = db_col(req, st, 3);
		s->org_slug = db_col(req, st, 4);
	}
	return db_done(st, rc, "speakers");
}

enum model_status
session_page(struct request *req, long long id, struct session_page *p)
{
	sqlite3_stmt *st;
	enum model_status rc;

	memset(p, 0, sizeof(*p));
	if ((rc = db_query(session_sql, &st)) != MODEL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = db_row(st, "session")) != MODEL_OK)
		return rc;
	p->id = id;
	p->title = db_col(req, st, 0);
	p->subtitle = db_col(req, st, 1);
	p->kind = db_col(req, st, 2);
	p->status = db_col(req, st, 3);
	p->track = db_col(req, st, 4);
	p->room = db_col(req, st, 5);
	p->starts_at = db_col(req, st, 6);
	p->duration_min = db_col_int(st, 7);
	p->abstract = db_col(req, st, 8);
	p->url = db_col(req, st, 9);
	p->video_url = db_col(req, st, 10);
	p->event_name = db_col(req, st, 11);
	p->event_slug = db_col(req, st, 12);
	p->event_time_zone = db_col(req, st, 13);
	sqlite3_reset(st);
	return speakers(req, p);
}
