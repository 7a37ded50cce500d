/*
 * html.h: the one set of output escaping helpers, one per context.
 *
 * html_lit() is for literal text from our own source only: passing it a
 * variable is a bug a reviewer can see. Every other function escapes its
 * argument for the context it names; NULL is written as nothing.
 */
#ifndef LECTERN_HTML_H
#define LECTERN_HTML_H
#include "core/buf.h"

#define html_lit(b, s)	buf_append((b), "" s, sizeof(s) - 1)

/* HTML text and attribute values: & < > " ' are escaped (attributes are always quoted). */
void	html_text(struct buf *, const char *);
void	html_textn(struct buf *, const char *, size_t);
void	html_attr(struct buf *, const char *);
/* A URL path segment or query value: everything but unreserved characters is %XX. */
void	url_component(struct buf *, const char *);
/* A JSON string literal, with its quotes; also safe inside <script> (< > & as \u00XX). */
void	json_string(struct buf *, const char *);
/* A CSV cell (RFC 4180): quoted when needed, quotes doubled, formula prefixes neutralized. */
void	csv_cell(struct buf *, const char *);
/* XML text and attribute values (the same five characters as HTML). */
#define xml_text	html_text

#endif
