/* render.h: HTML fragments shared by the registry pages (kind tags, speaker lists, pagers, figures, charts). */
#ifndef LECTERN_RENDER_H
#define LECTERN_RENDER_H
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
void		 render_session_line(struct buf *, const struct session_item *);
/* "2019-06-01 – 2020-05-31", with "?" and "present" for open ends. */
void		 render_span(struct buf *, const char *from, const char *until);
/* Previous/next links for a paginated list; keeps the query parameters named in keep. */
void		 render_pager(struct request *, long long page, int has_next, const char *const *keep);
/* A definition-style figure in a "numbers" list. */
void		 render_figure(struct buf *, long long n, const char *label);
/* An empty-state paragraph. */
void		 render_empty(struct buf *, const char *text);
/* Opens a record's page: the layout with its crumbs, then <h1>title</h1> (escaped). */
void		 render_page_head(struct request *, const char *title, const struct crumb *);
/* The requested page number (1 when absent) and the SQL offset for it. */
long long	 page_number(const struct request *);
#define page_offset(req)	((page_number(req) - 1) * PAGE_SIZE)

#endif
