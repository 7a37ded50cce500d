/* log.c: one line per message on standard error, written whole so threads do not interleave. */
#include <stdarg.h>
#include <stdio.h>

#include "core/buf.h"
#include "core/log.h"

static void
vlog(const char *fmt, va_list ap)
{
	struct buf b = BUF_INIT;

	buf_puts(&b, "lectern: ");
	buf_vappendf(&b, fmt, ap);
	buf_putc(&b, '\n');
	fwrite(b.data, 1, b.len, stderr);
	buf_release(&b);
}

int
log_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(fmt, ap);
	va_end(ap);
	return -1;
}

void
log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(fmt, ap);
	va_end(ap);
}
