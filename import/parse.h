/* parse.h: the small grammars of schedule files: durations, timestamps, "Name [Organisation]",
 * HTML abstracts, and cutting text at a character boundary. No database, no state. */
#ifndef LECTERN_PARSE_H
#define LECTERN_PARSE_H
#include <stddef.h>
#include <time.h>

#include "core/buf.h"

/*
 * Minutes of a duration: "H:MM", "HH:MM", "HH:MM:SS" (two-digit hours) and pretalx's
 * "D:HH:MM" (a one-digit day count, for sessions of a day or more). 0 or -1.
 */
int	parse_duration(const char *, int *minutes);
/* An ISO 8601 timestamp with an offset ("2019-05-22T09:40:00+02:00", "...Z"): the UTC
 * instant and the offset in seconds. 0, or -1 when it is not one or not a real time. */
int	parse_timestamp(const char *, time_t *utc, int *offset);
/* Splits pretalx's "Name [Organisation]" into name and organisation (org empty when none).
 * Both are trimmed and appended to the buffers. */
void	parse_name_org(const char *, struct buf *name, struct buf *org);
/* The key an organisation's name is matched by: its slug without legal suffixes, so
 * "Spotify AB", "Spotify, Inc." and "spotify" are the same. */
void	org_match_key(const char *name, struct buf *out);

/* The length in bytes of the longest prefix of s (len bytes of UTF-8) that is at most max
 * bytes and ends on a character boundary. */
size_t	utf8_cut_bytes(const char *s, size_t len, size_t max);
/* The length in bytes of the first max characters of s (UTF-8, NUL-terminated); the whole
 * length when s has no more. SQLite's length() and the schema's limits count characters. */
size_t	utf8_cut_chars(const char *s, size_t max);
/* The two arguments of a "%.*s" that writes at most n characters of s, never half of one:
 * printf's own precision counts bytes. */
#define UTF8_CLIP(s, n)	(int)utf8_cut_chars((s), (n)), (s)
/* The number of characters of s (UTF-8, NUL-terminated). */
size_t	utf8_chars(const char *s);

/* True when text carries HTML markup, written as is ("<p>") or escaped ("&lt;p&gt;"): a
 * block or inline tag of the kind schedule producers write, not a stray "<". */
int	parse_is_html(const char *text);
/* Appends text's readable content: HTML through libxml2's HTML parser (no network, errors
 * ignored), escaped HTML unescaped first; paragraphs, headings and list items become lines
 * separated by a blank line, <br> a line break, runs of spaces one; scripts and styles are
 * left out. Text without markup is appended as it is. */
void	parse_html_text(const char *text, struct buf *out);

#endif
