/* layout.h: the page frame (head, header with navigation and search, main, footer) around every HTML page. */
#ifndef LECTERN_LAYOUT_H
#define LECTERN_LAYOUT_H
#include "core/request.h"

struct crumb {
	const char	*label;		/* text, escaped on output */
	const char	*href;		/* local path, escaped on output; NULL for the current page */
};

/* Opens the page: title and crumbs are escaped; crumbs ends with a NULL label (or is NULL). */
void	layout_begin(struct request *, const char *title, const struct crumb *crumbs);
void	layout_end(struct request *);
/* Staff only, and only where the route exists: a "New" button, and Edit / History links for a record at base. */
void	staff_new_button(struct request *, const char *href, const char *label);
void	staff_actions(struct request *, const char *base);
/* Staff only: a small " edit" link to href. */
void	staff_edit_link(struct request *, const char *href);
/* Writes a link to the login page that returns to req->path. */
void	login_link(struct request *);
/*
 * A message for the next page this browser shows (after a redirect): code is one of the
 * flash codes of layout.c ("created", "saved", "deleted", ...), carried by a short-lived
 * cookie; layout_begin shows its sentence once, in the success style, and clears it.
 */
void	flash_set(struct request *, const char *code);
/* A message of the page itself: <p class="flash error" role="alert"> (error) or
 * <p class="flash" role="status">, the text escaped. */
void	flash_out(struct buf *, int error, const char *text);
/* Writes the hidden CSRF field every state-changing form carries (nothing when logged out). */
void	csrf_field(struct request *);
/* True when some route answers a GET at path (only links that lead somewhere are shown). */
int	page_route_exists(const struct request *, const char *path);
/* Link to path with text, both escaped. */
void	html_link(struct buf *, const char *href, const char *text);
/* Link to base followed by key ("/orgs/", "spotify") with text, all escaped. */
void	html_link_to(struct buf *, const char *base, const char *key, const char *text);

#endif
