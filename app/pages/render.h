/* render.h: HTML fragments shared by the registry pages (kind tags, speaker lists, pagers, figures, charts). */
#ifndef LECTERN_RENDER_H
#define LECTERN_RENDER_H
#include <sqlite3.h>

#include "core/request.h"
#include "model/model.h"
#include "model/session.h"
#include "pages/layout.h"

/*
 * The columns every session listing selects, in this order (see render_session_row):
 * id, title, kind, status, date, event slug, event name, speakers packed as
 * "slug US name US org RS slug US ..." (US = char(31), RS = char(30)), ordered by position.
 */
#define SESSION_COLS \
	"s.id, s.title, s.kind, s.status, coalesce(substr(s.starts_at, 1, 10), e.starts_on)," \
	" e.slug, e.name, (SELECT group_concat(x, char(30)) FROM (SELECT p.slug || char(31) ||" \
	" p.name || char(31) || coalesce(o.name, '') AS x FROM appearances a" \
	" JOIN people p ON p.id = a.person_id LEFT JOIN organizations o ON o.id = a.org_id" \
	" WHERE a.session_id = s.id ORDER BY a.position, a.id))"

/* The HTTP status for a model call that did not succeed: 404, 409, 503 or 500. */
int		 page_status(enum model_status);
/* A human label for a session kind, body kind, role, seat type or organization kind. */
const char	*label_of(const char *code);
/* The label CNCF uses for a TOC seat type ("EndUser-appointed"). */
const char	*seat_label(const char *seat);
/* A role with its seat type: "Seat (EndUser-appointed)", "Chair". */
void		 render_role(struct buf *, const char *role, const char *seat_type);
/* <span class="tag ...">label</span> for a session kind (and "cancelled" when so). */
void		 render_kind(struct buf *, const char *kind, const char *status);
/* Speaker links from the packed form of SESSION_COLS; with_org adds "(Org)". */
void		 render_speakers(struct buf *, const char *packed, int with_org);
/* Speaker links; with_org adds "(Org)" after each who represented one. */
void		 render_speaker_list(struct buf *, const struct speaker *, size_t n, int with_org);
/* A session of a listing, the inside of its <li>: title, kind, date, event, speakers. */
void		 render_session_line(struct buf *, const struct session_item *);
/* "2019-06-01 – 2020-05-31", with "?" and "present" for open ends. */
void		 render_span(struct buf *, const char *from, const char *until);
/* One <li> for a session row of SESSION_COLS starting at column col. */
void		 render_session_row(struct request *, sqlite3_stmt *, int col);
/* Previous/next links for a paginated list; keeps the query parameters named in keep. */
void		 render_pager(struct request *, long long page, int has_next, const char *const *keep);
/* A term from column col to col + 1 of st: "2019-06-01 – 2020-05-31", "… – present" when open. */
void		 render_term(struct buf *, sqlite3_stmt *, int col);
/* A definition-style figure in a "numbers" list. */
void		 render_figure(struct buf *, long long n, const char *label);
/* An empty-state paragraph. */
void		 render_empty(struct buf *, const char *text);
/* Appends the single JSON text result of st (already bound) to out; 404 when there is no row. */
int		 render_json(struct request *, sqlite3_stmt *);
/* The JSON form of a paginated list: sql takes ?1 page, ?2 page size, ?3 offset. */
int		 render_list_json(struct request *, sqlite3 *, const char *sql);
/* A paginated list's statement: sql takes ?1 limit (one more than a page, to know whether
 * there is a next one) and ?2 offset. NULL on error. */
sqlite3_stmt	*list_stmt(struct request *, sqlite3 *, const char *sql);
/* Steps sql (bound to the slug as ?1) to its one row; NULL (reset) when there is none. */
sqlite3_stmt	*render_row(sqlite3 *, const char *sql, const char *slug);
/* Opens a record's page: the layout with its crumbs, then <h1>title</h1> (escaped). */
void		 render_page_head(struct request *, const char *title, const struct crumb *);
/* The requested page number (1 when absent) and the SQL offset for it. */
long long	 page_number(const struct request *);
#define page_offset(req)	((page_number(req) - 1) * PAGE_SIZE)

#endif
