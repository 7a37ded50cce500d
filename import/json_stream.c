/*
 * json_stream.c: JSON read with yajl's streaming parser, handed over as small trees
 * (json_stream.h). yajl, not a tree parser such as json-c, because a schedule.json of a large
 * conference is tens of megabytes and a tree of it several times that: here memory holds the
 * tree of one event and yajl's own buffer of one token.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_parse.h>

#include "core/mem.h"
#include "import/json_stream.h"
#include "import/lines.h"
#include "import/parse.h"

#define MAX_KEY		1024			/* bytes of an object key kept */
#define MAX_TOKEN	(16 * 1024 * 1024)	/* bytes read without a value coming out */

struct frame {
	int		 mode;		/* JS_DESCEND, JS_TREE, JS_SKIP */
	int		 is_array;
	int		 root;		/* JS_TREE: this container is the tree handed over */
	char		*key;		/* JS_DESCEND: its key, for close() */
	struct js_node	*node;		/* JS_TREE: the container's node */
};

struct js {
	const struct js_handler	*h;
	const struct imp_source	*src;
	struct buf		*err;
	yajl_handle		 y;
	struct frame		 stack[JS_MAX_DEPTH];
	int			 depth;		/* containers open */
	char			*key;		/* the object key the next value comes under */
	int			 line;		/* of the piece being parsed */
	size_t			 column;	/* where that piece starts in its line */
	size_t			 tree_bytes;
	long			 tree_nodes;
	long long		 since_value;	/* bytes fed since a value last came out */
	int			 failed, stopped, values;
};

static int
fail(struct js *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int
fail(struct js *j, const char *fmt, ...)
{
	va_list ap;

	if (j->failed++ == 0) {
		buf_appendf(j->err, "%s:%d:%zu: ", j->src->name, j->line,
		    j->column + (j->y ? yajl_get_bytes_consumed(j->y) : 0) + 1);
		va_start(ap, fmt);
		buf_vappendf(j->err, fmt, ap);
		va_end(ap);
	}
	return 0;	/* yajl: cancel */
}

/* A handler's answer: 1 to yajl to go on, 0 to cancel. */
static int
answer(struct js *j, int rc)
{
	if (rc == 1)
		j->stopped = 1;
	else if (rc == -1)
		j->failed++;
	return rc == 0;
}

static void
node_free(struct js_node *n)
{
	while (n) {
		struct js_node *next = n->next;

		node_free(n->child);
		free(n->key), free(n->text), free(n);
		n = next;
	}
}

/* A node for the value coming out, taking the pending key; NULL past the tree's limits. */
static struct js_node *
node_new(struct js *j, enum js_type type, const char *text, size_t len)
{
	struct js_node *n;

	j->tree_bytes += sizeof(*n) + len + (j->key ? strlen(j->key) : 0);
	if (++j->tree_nodes > JS_MAX_NODES || j->tree_bytes > JS_MAX_TREE) {
		fail(j, "one entry of the file holds more than %d values or %d MiB: refused",
		    JS_MAX_NODES, JS_MAX_TREE / (1024 * 1024));
		return NULL;
	}
	n = xcalloc(1, sizeof(*n));
	n->type = type;
	n->key = j->key;
	j->key = NULL;
	n->line = j->line;
	if (text) {
		if (len > IMP_MAX_FIELD) {
			len = utf8_cut_bytes(text, len, IMP_MAX_FIELD);
			n->cut = 1;
		}
		n->text = xmalloc(len + 1);
		memcpy(n->text, text, len);
		n->text[len] = '\0';
		n->len = len;
	}
	return n;
}

static void
attach(struct js_node *parent, struct js_node *n)
{
	if (parent->child == NULL)
		parent->child = n;
	else
		parent->last->next = n;
	parent->last = n;
}

/* A scalar value: into the tree being built, to the handler, or passed over. */
static int
scalar(struct js *j, enum js_type type, const char *text, size_t len)
{
	struct frame *top = j->depth ? &j->stack[j->depth - 1] : NULL;
	struct js_node tmp, *n;
	int rc;

	j->since_value = 0;
	j->values++;
	if (text && memchr(text, '\0', len))
		return fail(j, "a string holds a NUL character (\\u0000): refused");
	if (top && top->mode == JS_SKIP) {
		free(j->key), j->key = NULL;
		return 1;
	}
	if (top && top->mode == JS_TREE) {
		if ((n = node_new(j, type, text, len)) == NULL)
			return 0;
		attach(top->node, n);
		return 1;
	}
	memset(&tmp, 0, sizeof(tmp));
	tmp.type = type, tmp.key = j->key, tmp.line = j->line;
	tmp.text = text ? strndup(text, len > IMP_MAX_FIELD ? utf8_cut_bytes(text, len, IMP_MAX_FIELD) : len) : NULL;
	tmp.len = tmp.text ? strlen(tmp.text) : 0;
	tmp.cut = len > IMP_MAX_FIELD;
	rc = j->h->scalar ? j->h->scalar(j->h->arg, j->depth, &tmp) : 0;
	free(tmp.text), free(j->key), j->key = NULL;
	return answer(j, rc);
}

static int
start(struct js *j, int is_array)
{
	struct frame *top = j->depth ? &j->stack[j->depth - 1] : NULL, *f;
	int mode = JS_SKIP;

	j->since_value = 0;
	j->values++;
	if (j->depth == JS_MAX_DEPTH)
		return fail(j, "nested deeper than %d levels: refused", JS_MAX_DEPTH);
	f = &j->stack[j->depth];
	memset(f, 0, sizeof(*f));
	f->is_array = is_array;
	if (top && top->mode != JS_DESCEND)
		mode = top->mode;
	else if ((mode = j->h->open(j->h->arg, j->depth, j->key, is_array, j->line)) < 0 || mode > JS_SKIP)
		return answer(j, -1);
	f->mode = mode;
	if (mode == JS_TREE) {
		if (top == NULL || top->mode != JS_TREE) {
			f->root = 1;
			j->tree_bytes = 0, j->tree_nodes = 0;
		}
		if ((f->node = node_new(j, is_array ? JS_ARRAY : JS_OBJECT, NULL, 0)) == NULL)
			return 0;
		if (!f->root)
			attach(top->node, f->node);
	} else {
		f->key = j->key;
		j->key = NULL;
	}
	j->depth++;
	return 1;
}

static int
end(struct js *j)
{
	struct frame *f = &j->stack[--j->depth];
	int rc = 0;

	j->since_value = 0;
	if (f->mode == JS_TREE && f->root) {
		rc = j->h->tree ? j->h->tree(j->h->arg, j->depth, f->node) : 0;
		node_free(f->node);
	} else if (f->mode == JS_DESCEND)
		rc = j->h->close ? j->h->close(j->h->arg, j->depth, f->key) : 0;
	free(f->key);
	f->key = NULL;
	return answer(j, rc);
}

/* --- yajl's callbacks ---------------------------------------------------------------- */

static int
on_null(void *ctx)
{
	return scalar(ctx, JS_NULL, NULL, 0);
}

static int
on_boolean(void *ctx, int b)
{
	return scalar(ctx, JS_BOOL, b ? "true" : "false", b ? 4 : 5);
}

static int
on_number(void *ctx, const char *s, size_t len)
{
	return scalar(ctx, JS_NUMBER, s, len);
}

static int
on_string(void *ctx, const unsigned char *s, size_t len)
{
	return scalar(ctx, JS_STRING, (const char *)s, len);
}

static int
on_key(void *ctx, const unsigned char *s, size_t len)
{
	struct js *j = ctx;

	if (memchr(s, '\0', len))
		return fail(j, "a key holds a NUL character (\\u0000): refused");
	free(j->key);
	j->key = strndup((const char *)s, len > MAX_KEY ? utf8_cut_bytes((const char *)s, len, MAX_KEY) : len);
	return 1;
}

static int
on_start_map(void *ctx)
{
	return start(ctx, 0);
}

static int
on_start_array(void *ctx)
{
	return start(ctx, 1);
}

static int
on_end(void *ctx)
{
	return end(ctx);
}

static const yajl_callbacks callbacks = {
	on_null, on_boolean, NULL, NULL, on_number, on_string,
	on_start_map, on_key, on_end, on_start_array, on_end
};

/* yajl's own message, for a status other than ok or canceled. */
static void
yajl_fail(struct js *j, const unsigned char *piece, size_t len)
{
	unsigned char *msg = yajl_get_error(j->y, 0, piece, len);
	size_t n = strcspn((const char *)msg, "\n");

	fail(j, "not valid JSON: %.*s", (int)n, (const char *)msg);
	yajl_free_error(j->y, msg);
}

static void
release(struct js *j)
{
	while (j->depth > 0) {
		struct frame *f = &j->stack[--j->depth];

		if (f->mode == JS_TREE && f->root)
			node_free(f->node);
		free(f->key);
	}
	free(j->key);
	if (j->y)
		yajl_free(j->y);
}

int
js_read(const struct imp_source *src, const struct js_handler *h, struct buf *err)
{
	struct js j;
	struct lines l;
	const char *piece;
	long n = 0;
	int line;

	memset(&j, 0, sizeof(j));
	j.h = h, j.src = src, j.err = err, j.line = 1;
	if (lines_open(&l, src, err) == -1)
		return -1;
	j.y = yajl_alloc(&callbacks, NULL, &j);
	while (!j.failed && !j.stopped && (n = lines_next(&l, &piece, 0, &line)) > 0) {
		if (line != j.line)
			j.line = line, j.column = 0;
		if ((j.since_value += n) > MAX_TOKEN) {
			fail(&j, "more than %d MiB without a value ending: refused", MAX_TOKEN / (1024 * 1024));
			break;
		}
		if (yajl_parse(j.y, (const unsigned char *)piece, (size_t)n) == yajl_status_error)
			yajl_fail(&j, (const unsigned char *)piece, (size_t)n);
		j.column += (size_t)n;
	}
	if (n < 0 && !j.failed)
		fail(&j, "cannot read the file");
	else if (!j.failed && !j.stopped && yajl_complete_parse(j.y) == yajl_status_error)
		j.values ? yajl_fail(&j, NULL, 0) : (void)fail(&j, "the file is empty");
	lines_close(&l);
	release(&j);
	if (j.failed && err->len == 0)
		buf_appendf(err, "%s: the file could not be read", src->name);
	return j.failed ? -1 : 0;
}

const struct js_node *
js_get(const struct js_node *o, const char *key)
{
	if (o == NULL || o->type != JS_OBJECT)
		return NULL;
	for (const struct js_node *c = o->child; c; c = c->next)
		if (c->key && strcmp(c->key, key) == 0)
			return c;
	return NULL;
}

const char *
js_text(const struct js_node *o, const char *key)
{
	const struct js_node *v = js_get(o, key);

	if (v == NULL || (v->type != JS_STRING && v->type != JS_NUMBER) || v->len == 0)
		return NULL;
	return v->text;
}
