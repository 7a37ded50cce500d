/*
 * json.h: writing a JSON document into a buf, byte for byte as SQLite's JSON functions
 * (json_object, json_group_array, json_quote) write it: no spaces, strings escaped as
 * SQLite escapes them (" and \ with a backslash, \b \t \n \f \r, other controls as
 * \u00xx, everything else as it is), NULL as null. The registry's .json pages were
 * written by SQLite; writing them here from the model's rows keeps their bytes.
 *
 * Not for JSON inside HTML: html.h's json_string also escapes < > & for <script>.
 */
#ifndef LECTERN_JSON_H
#define LECTERN_JSON_H
#include <stddef.h>

#include "core/buf.h"

#define JSON_DEPTH	16	/* nesting deeper than this is a programmer's error */

struct json {
	struct buf	*out;
	int		 depth;
	int		 after_key;		/* a key was written, its value is next */
	unsigned char	 items[JSON_DEPTH];	/* whether the open object or array has one yet */
	char		 close[JSON_DEPTH];	/* what closes it: '}' or ']' */
};

void	json_begin(struct json *, struct buf *out);
/* Opens and closes an object or an array (as a value: after a key, in an array, or alone). */
void	json_object(struct json *);
void	json_array(struct json *);
void	json_end(struct json *);
/* The key of the next value in the open object; a literal of ours, not escaped. */
void	json_key(struct json *, const char *key);
void	json_str(struct json *, const char *s);		/* NULL writes null */
void	json_int(struct json *, long long);
void	json_bool(struct json *, int);
void	json_null(struct json *);
/* Text that is JSON already (a column SQLite keeps as JSON); NULL writes null. */
void	json_raw(struct json *, const char *json);

/* A key and its value. */
void	json_kstr(struct json *, const char *key, const char *s);
void	json_kint(struct json *, const char *key, long long);
void	json_kbool(struct json *, const char *key, int);
/* A string made from a format (escaped like any string): "/orgs/spotify". */
void	json_kstrf(struct json *, const char *key, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* The integer, or null when it is absent (has == 0). */
void	json_kint_or_null(struct json *, const char *key, int has, long long);

/*
 * An object's members from a struct, in the order of a table: each key and the field it is
 * written from, so a page's JSON form is declared next to the row it shows.
 */
enum json_type {
	JSON_STR,		/* const char *: a string, or null */
	JSON_LONG,		/* long long */
	JSON_LONG_OR_NULL,	/* long long, 0 as null */
	JSON_INT_OR_NULL,	/* int, 0 as null */
	JSON_BOOL,		/* int: true or false */
	JSON_RAW,		/* const char *: JSON already, or null */
	JSON_PATH,		/* const char *: a local address, prefix then the field ("/orgs/" slug) */
	JSON_PATH_ID,		/* long long: the same with a number ("/sessions/" id) */
};

struct json_field {
	const char	*key;
	enum json_type	 type;
	size_t		 offset;
	const char	*prefix;	/* JSON_PATH, JSON_PATH_ID */
};

#define JF(type, st, key, field)		{ key, JSON_##type, offsetof(st, field), NULL }
#define JF_PATH(type, st, key, prefix, field)	{ key, JSON_##type, offsetof(st, field), prefix }
#define JSON_FIELDS(t)				(t), sizeof(t) / sizeof((t)[0])

/* Writes the fields of row, each as "key":value, into the open object. */
void	json_fields(struct json *, const struct json_field *, size_t n, const void *row);
/* An array of objects, one per row (n rows of size bytes), each of the fields. */
void	json_objects(struct json *, const char *key, const void *rows, size_t n, size_t size,
	    const struct json_field *, size_t nfields);

/* Appends s as a JSON string literal, quotes included, escaped as SQLite escapes it. */
void	json_quote(struct buf *, const char *s);

#endif
