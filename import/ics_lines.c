/* ics_lines.c: an iCalendar file's physical lines, made regular for libical (ics_lines.h). */
#include <string.h>
#include <strings.h>

#include "import/ics_lines.h"

int
ics_lines_open(struct ics_lines *il, const struct imp_source *src, struct buf *err)
{
	memset(il, 0, sizeof(*il));
	il->name = src->name;
	il->err = err;
	buf_init(&il->phys, 0);
	return lines_open(&il->l, src, err);
}

static int
refuse(struct ics_lines *il, const char *why)
{
	buf_appendf(il->err, "%s:%d:1: %s", il->name, il->line, why);
	return -1;
}

/* True when the content line starting here is of a quoted-printable property: its name and
 * parameters (before the first ':') say ENCODING=QUOTED-PRINTABLE. */
static int
quoted_printable(const char *s, size_t n)
{
	const char *colon = memchr(s, ':', n);
	size_t head = colon ? (size_t)(colon - s) : n;

	for (size_t i = 0; i + 16 <= head; i++)
		if (strncasecmp(s + i, "QUOTED-PRINTABLE", 16) == 0)
			return 1;
	return 0;
}

/* The physical line, end of line dropped, made regular. */
static void
regular(struct ics_lines *il)
{
	struct buf *b = &il->phys;
	int continued = b->len && (b->data[0] == ' ' || b->data[0] == '\t');

	while (b->len && (b->data[b->len - 1] == '\n' || b->data[b->len - 1] == '\r'))
		buf_truncate(b, b->len - 1);
	if (il->qp_next)		/* (made a fold by ics_lines_next) */
		il->qp_next = 0;
	else if (!continued)
		il->qp = quoted_printable(b->data, b->len);
	if (il->qp && b->len && b->data[b->len - 1] == '=') {
		buf_truncate(b, b->len - 1);
		il->qp_next = 1;
	}
	il->content = continued ? il->content + b->len : b->len;
	if (!continued)
		il->content_line = il->line;
	buf_putc(b, '\n');
}

int
ics_lines_next(struct ics_lines *il)
{
	const char *piece;
	long n;
	int line;

	buf_reset(&il->phys);
again:
	while ((n = lines_next(&il->l, &piece, 0, &line)) > 0) {
		if (il->phys.len == 0) {
			il->line = line;
			/* After a soft break: a fold, so that unfolding joins the value back. */
			if (il->qp_next && piece[0] != ' ' && piece[0] != '\t')
				buf_putc(&il->phys, ' ');
		}
		if (memchr(piece, '\0', (size_t)n))
			return refuse(il, "a NUL byte: this is not an iCalendar file");
		if (il->phys.len + (size_t)n > ICS_MAX_LINE + 2)
			return refuse(il, "a line over 1 MiB: refused");
		buf_append(&il->phys, piece, (size_t)n);
		if (piece[n - 1] == '\n')
			break;
	}
	if (n < 0)
		return refuse(il, "cannot read the file");
	if (il->phys.len == 0)
		return 0;
	/* An empty line says nothing (libical passes over it too): skipped here, so that a file
	 * of millions of them costs a read, not a parse each. */
	if (il->phys.data[strspn(il->phys.data, "\r\n")] == '\0' && !il->qp_next) {
		buf_reset(&il->phys);
		goto again;
	}
	regular(il);
	if (il->content > ICS_MAX_LINE) {
		il->line = il->content_line;
		return refuse(il, "a content line over 1 MiB (with its folded lines): refused");
	}
	return 1;
}

void
ics_lines_close(struct ics_lines *il)
{
	lines_close(&il->l);
	buf_release(&il->phys);
}
