/* json.c: the JSON writer (see json.h): SQLite's own formatting, from C. */
#include <assert.h>
#include <stdarg.h>
#include <string.h>

#include "core/json.h"

void
json_begin(struct json *j, struct buf *out)
{
	memset(j, 0, sizeof(*j));
	j->out = out;
}

/* Before a value: the comma that separates it from the one before, unless it follows its key. */
static void
value_start(struct json *j)
{
	if (j->after_key)
		j->after_key = 0;
	else if (j->items[j->depth])
		buf_putc(j->out, ',');
	else
		j->items[j->depth] = 1;
}

static void
open_bracket(struct json *j, char open, char close)
{
	value_start(j);
	buf_putc(j->out, open);
	assert(j->depth + 1 < JSON_DEPTH);
	j->depth++;
	j->items[j->depth] = 0;
	j->close[j->depth] = close;
}

void
json_object(struct json *j)
{
	open_bracket(j, '{', '}');
}

void
json_array(struct json *j)
{
	open_bracket(j, '[', ']');
}

void
json_end(struct json *j)
{
	assert(j->depth > 0);
	buf_putc(j->out, j->close[j->depth]);
	j->depth--;
}

void
json_key(struct json *j, const char *key)
{
	size_t n = strlen(key);
	char *p;

	buf_grow(j->out, n + 4);
	if (buf_failed(j->out))
		return;
	p = j->out->data + j->out->len;
	if (j->items[j->depth])
		*p++ = ',';
	j->items[j->depth] = 1;
	*p++ = '"';
	memcpy(p, key, n);
	p += n;
	*p++ = '"';
	*p++ = ':';
	*p = '\0';
	j->out->len = (size_t)(p - j->out->data);
	j->after_key = 1;
}

/* SQLite's jsonAppendString: the two that need a backslash, the controls JSON names, the
 * other controls as \u00xx (lower-case hex), and every other byte as it is (UTF-8 untouched). */
static void
quote_body(struct buf *b, const char *s)
{
	static const char special[32] = {
		['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n', ['\f'] = 'f', ['\r'] = 'r',
	};
	static const char hex[] = "0123456789abcdef";
	const char *run;

	for (run = s; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		char e[6] = { '\\', 'u', '0', '0', 0, 0 };

		if (c != '"' && c != '\\' && c >= 0x20)
			continue;
		buf_append(b, run, (size_t)(s - run));
		run = s + 1;
		if (c == '"' || c == '\\') {
			e[1] = (char)c;
			buf_append(b, e, 2);
		} else if (special[c]) {
			e[1] = special[c];
			buf_append(b, e, 2);
		} else {
			e[4] = hex[c >> 4];
			e[5] = hex[c & 15];
			buf_append(b, e, 6);
		}
	}
	if (run)
		buf_append(b, run, (size_t)(s - run));
}

void
json_quote(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	quote_body(b, s);
	buf_putc(b, '"');
}

void
json_str(struct json *j, const char *s)
{
	value_start(j);
	if (s == NULL)
		buf_append(j->out, "null", 4);
	else
		json_quote(j->out, s);
}

/* Appends v in decimal: a page writes thousands of numbers, and printf is slow at it. */
static void
put_int(struct buf *b, long long v)
{
	char d[24], *p = d + sizeof(d);
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	buf_append(b, p, (size_t)(d + sizeof(d) - p));
}

void
json_int(struct json *j, long long v)
{
	value_start(j);
	put_int(j->out, v);
}

void
json_bool(struct json *j, int v)
{
	value_start(j);
	if (v)
		buf_append(j->out, "true", 4);
	else
		buf_append(j->out, "false", 5);
}

void
json_null(struct json *j)
{
	value_start(j);
	buf_append(j->out, "null", 4);
}

void
json_raw(struct json *j, const char *json)
{
	value_start(j);
	buf_puts(j->out, json ? json : "null");
}

void
json_kstr(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	json_str(j, s);
}

void
json_kstrf(struct json *j, const char *key, const char *fmt, ...)
{
	struct buf s = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vappendf(&s, fmt, ap);
	va_end(ap);
	json_kstr(j, key, s.data);
	buf_release(&s);
}

void
json_kint(struct json *j, const char *key, long long v)
{
	json_key(j, key);
	json_int(j, v);
}

void
json_kbool(struct json *j, const char *key, int v)
{
	json_key(j, key);
	json_bool(j, v);
}

void
json_kint_or_null(struct json *j, const char *key, int has, long long v)
{
	json_key(j, key);
	if (has)
		json_int(j, v);
	else
		json_null(j);
}

#define FIELD(type, row, f)	(*(type const *)(const void *)((const char *)(row) + (f)->offset))

void
json_fields(struct json *j, const struct json_field *f, size_t n, const void *row)
{
	for (; n > 0; n--, f++) {
		json_key(j, f->key);
		switch (f->type) {
		case JSON_STR: json_str(j, FIELD(char *, row, f)); break;
		case JSON_LONG: json_int(j, FIELD(long long, row, f)); break;
		case JSON_LONG_OR_NULL:
			if (FIELD(long long, row, f))
				json_int(j, FIELD(long long, row, f));
			else
				json_null(j);
			break;
		case JSON_INT_OR_NULL:
			if (FIELD(int, row, f))
				json_int(j, FIELD(int, row, f));
			else
				json_null(j);
			break;
		case JSON_BOOL: json_bool(j, FIELD(int, row, f)); break;
		case JSON_RAW: json_raw(j, FIELD(char *, row, f)); break;
		case JSON_PATH:
			value_start(j);
			buf_putc(j->out, '"');
			buf_puts(j->out, f->prefix);
			quote_body(j->out, FIELD(char *, row, f));
			buf_putc(j->out, '"');
			break;
		case JSON_PATH_ID:
			value_start(j);
			buf_putc(j->out, '"');
			buf_puts(j->out, f->prefix);
			put_int(j->out, FIELD(long long, row, f));
			buf_putc(j->out, '"');
			break;
		}
	}
}

void
json_objects(struct json *j, const char *key, const void *rows, size_t n, size_t size,
    const struct json_field *f, size_t nfields)
{
	json_key(j, key);
	json_array(j);
	for (size_t i = 0; i < n; i++) {
		json_object(j);
		json_fields(j, f, nfields, (const char *)rows + i * size);
		json_end(j);
	}
	json_end(j);
}
