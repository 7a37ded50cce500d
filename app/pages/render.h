/* render.h: HTML fragments shared by the registry pages (kind tags, speaker lists, pagers, figures, charts). */
#ifndef LECTERN_RENDER_H
#define LECTERN_RENDER_H
#include "core/json.h"
#include "core/request.h"
#include "model/model.h"
#include "model/session.h"
#include "pages/layout.h"

/* The HTTP status for a model call that did not succeed: 404, 409, 422, 503 or 500. */
int		 page_status(enum model_status);
/* A role with its seat type: "Seat (EndUser-appointed)", "Chair". */
void		 render_role(struct buf *, const char *role, const char *seat_type);
/* <span class="tag ...">label</span> for a session kind (and "cancelled" when so). */
void		 render_kind(struct buf *, const char *kind, const char *status);
/* Speaker links; with_org adds "(Org)" after each who represented one. */
void		 render_speaker_list(struct buf *, const struct speaker *, size_t n, int with_org);
/* A session of a listing, the inside of its <li>: title, kind, date, event, speakers. */
/* An event's link as every list shows it: its name, with its year after it where the name does not
 * say it (an importer's "KubeCon EU" of 2019 reads "KubeCon EU 2019"), so that lists name series
 * and year alike. date: the event's or the session's day (YYYY-MM-DD), or NULL. */
void		 render_event_link(struct buf *, const char *slug, const char *name, const char *date);
void		 render_session_line(struct buf *, const struct session_item *);
/* <li> with a link to the event and its first day. */
void		 render_event_item(struct buf *, const char *slug, const char *name, const char *starts_on);
/* "2019-06-01 – 2020-05-31", with "?" and "present" for open ends. */
void		 render_span(struct buf *, const char *from, const char *until);
/* Previous/next links for a paginated list; keeps the query parameters named in keep. */
void		 render_pager(struct request *, long long page, int has_next, const char *const *keep);
/* A definition-style figure in a "numbers" list. */
void		 render_figure(struct buf *, long long n, const char *label);
/* "1 session", "12 sessions": n and the noun in the form that goes with it (escaped), the one
 * place a count meets its noun, so no page writes "1 sessions". */
void		 render_count(struct buf *, long long n, const char *one, const char *many);
/* The noun alone in the form that goes with n ("session" or "sessions"). */
const char	*plural(long long n, const char *one, const char *many);
/* An empty-state paragraph. */
void		 render_empty(struct buf *, const char *text);
/* The JSON form of a list page: {"page":N,"page_size":50,"total":T,"items":[...]} (no total
 * when it is -1), the items up to a page of the rows (n of size bytes), each of the fields. */
void		 json_list_page(struct request *, long long total, const void *rows, size_t n, size_t size,
		    const struct json_field *, size_t nfields);
#define page_rows(n)	((n) < PAGE_SIZE ? (n) : PAGE_SIZE)
/* Opens a record's page: the layout with its crumbs, then <h1>title</h1> (escaped). */
void		 render_page_head(struct request *, const char *title, const struct crumb *);
/* The requested page number (1 when absent) and the SQL offset for it. */
long long	 page_number(const struct request *);
#define page_offset(req)	((page_number(req) - 1) * PAGE_SIZE)

/* A kind's list as breadcrumbs name it: its table's name, capitalized ("Organizations"). */
struct record_kind;
const char	*render_list_name(struct request *, const struct record_kind *);

#endif
