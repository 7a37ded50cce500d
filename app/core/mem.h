/* mem.h: allocation wrappers that abort on out-of-memory, so callers never test for NULL. */
#ifndef LECTERN_MEM_H
#define LECTERN_MEM_H
#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);

#endif
