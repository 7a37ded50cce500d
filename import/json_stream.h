/*
 * json_stream.h: a JSON document read as a stream (yajl), handed over as small trees.
 *
 * The readers of schedule.json and of Sched's API export walk the document's outer levels
 * value by value and ask for the pieces they want (an event, a session) as a tree, which lives
 * only during its callback: memory holds one such piece, never the document. json_stream.c is
 * the only file that includes yajl. Refused, with FILE:LINE:COLUMN: what is not JSON (yajl's
 * message), invalid UTF-8, a "\u0000" in a string, nesting deeper than JS_MAX_DEPTH, a piece
 * larger than JS_MAX_TREE bytes or JS_MAX_NODES values, trailing text after the document.
 */
#ifndef LECTERN_IMPORT_JSON_STREAM_H
#define LECTERN_IMPORT_JSON_STREAM_H
#include <stddef.h>

#include "core/buf.h"
#include "import/reader.h"

#define JS_MAX_DEPTH	32			/* containers within containers */
#define JS_MAX_TREE	(8 * 1024 * 1024)	/* bytes of one tree asked for */
#define JS_MAX_NODES	200000			/* values in one tree */

enum js_type { JS_NULL, JS_BOOL, JS_NUMBER, JS_STRING, JS_OBJECT, JS_ARRAY };

struct js_node {
	enum js_type	 type;
	char		*key;		/* its name in the object holding it; NULL in an array */
	char		*text;		/* a scalar's text (a number as written, "true"); else NULL */
	size_t		 len;
	int		 cut;		/* the string was longer than IMP_MAX_FIELD: cut there */
	int		 line;
	struct js_node	*child, *last, *next;
};

/* What to do with a container that opens. */
#define JS_DESCEND	0	/* report what it holds, value by value */
#define JS_TREE		1	/* build it whole and hand it to tree() when it closes */
#define JS_SKIP		2	/* pass over it */

/* Callbacks; depth 0 is the document's own value. open returns a JS_* choice or -1; the
 * others 0 to go on, 1 to stop reading (not an error), -1 to fail (the handler has said why). */
struct js_handler {
	void	*arg;
	int	(*open)(void *arg, int depth, const char *key, int is_array, int line);
	int	(*scalar)(void *arg, int depth, const struct js_node *value);
	int	(*close)(void *arg, int depth, const char *key);
	int	(*tree)(void *arg, int depth, const struct js_node *tree);
};

/* Reads src to its end through h; 0 when read (or stopped), -1 when the file is not JSON or
 * breaks a limit (the reason in err, "NAME:LINE:COLUMN: ...") or a callback failed. */
int			 js_read(const struct imp_source *src, const struct js_handler *h, struct buf *err);
/* The member key of object o, or NULL. */
const struct js_node	*js_get(const struct js_node *o, const char *key);
/* The text of member key when it is a string or a number, or NULL (also when empty). */
const char		*js_text(const struct js_node *o, const char *key);

#endif
