/*
 * buf.h: the one growable string builder.
 *
 * Invariants: data is never NULL and always NUL-terminated, len excludes the
 * NUL. A buffer with a non-zero max refuses to grow past it: it enters the
 * failed state, later appends do nothing, and the caller checks buf_failed()
 * once at the end (the sqlite3_str habit). Allocation failure aborts (mem.h).
 */
#ifndef LECTERN_BUF_H
#define LECTERN_BUF_H
#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;	/* 0 while data points at the shared empty string */
	size_t	 max;	/* 0: unlimited */
	int	 failed;
};

extern char buf_empty[];
#define BUF_INIT { buf_empty, 0, 0, 0, 0 }

void	 buf_init(struct buf *, size_t max);
void	 buf_grow(struct buf *, size_t extra);
void	 buf_append(struct buf *, const void *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, char);
void	 buf_appendf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vappendf(struct buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
void	 buf_truncate(struct buf *, size_t len);
/* Returns the string, owned by the caller (free()); the buffer is reset. */
char	*buf_detach(struct buf *, size_t *lenp);
/* Frees the storage; the buffer is empty and usable again. */
void	 buf_release(struct buf *);
#define buf_reset(b)	buf_truncate((b), 0)
#define buf_failed(b)	((b)->failed)

#endif
