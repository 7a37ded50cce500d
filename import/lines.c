/* lines.c: a file in pieces that end at line ends, each with its line number (lines.h). */
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "import/lines.h"

int
lines_open(struct lines *l, const struct imp_source *src, struct buf *err)
{
	memset(l, 0, sizeof(*l));
	l->src = src;
	l->line = 1;
	if (src->path == NULL) {
		l->data = src->data;
		l->len = src->len;
		return 0;
	}
	if ((l->f = fopen(src->path, "rb")) == NULL) {
		buf_appendf(err, "%s: cannot read the file", src->name);
		return -1;
	}
	l->chunk = xmalloc(LINES_CHUNK);
	l->data = l->chunk;
	return 0;
}

/* Refills the chunk of a file source once it is used up; 0, or -1 on a read error. */
static int
refill(struct lines *l)
{
	size_t n;

	if (l->f == NULL || l->pos < l->len)
		return 0;
	n = fread(l->chunk, 1, LINES_CHUNK, l->f);
	if (n == 0 && ferror(l->f))
		return -1;
	l->len = n;
	l->pos = 0;
	return 0;
}

long
lines_next(struct lines *l, const char **piece, size_t max, int *line)
{
	const char *p, *nl;
	size_t n;

	if (refill(l) == -1)
		return -1;
	if (!l->bom_checked && l->len - l->pos >= 3) {
		l->bom_checked = 1;
		if (memcmp(l->data + l->pos, "\xEF\xBB\xBF", 3) == 0)
			l->pos += 3;
	}
	if (l->pos >= l->len)
		return 0;
	p = l->data + l->pos;
	n = l->len - l->pos;
	if (max == 0 || max > LINES_CHUNK)
		max = LINES_CHUNK;
	if (n > max)
		n = max;
	if ((nl = memchr(p, '\n', n)) != NULL)
		n = (size_t)(nl - p) + 1;
	*piece = p;
	*line = l->line;
	l->pos += n;
	l->total += (long long)n;
	if (nl)
		l->line++;
	return (long)n;
}

void
lines_close(struct lines *l)
{
	if (l->f)
		fclose(l->f);
	free(l->chunk);
	memset(l, 0, sizeof(*l));
}
