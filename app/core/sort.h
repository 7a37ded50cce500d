/* sort.h: a stable sort of an array of pointers. Not qsort(3): glibc's asks the kernel for the
 * machine's memory size (sysinfo) before sorting more than a kilobyte, and the server's
 * seccomp filter (sandbox.c) refuses that call. */
#ifndef LECTERN_SORT_H
#define LECTERN_SORT_H
#include <stddef.h>

/* Sorts the n pointers of a by cmp of what they point at (negative, 0, positive), keeping the
 * order of equal ones; tmp has room for n pointers. */
void	ptr_sort(void **a, size_t n, void **tmp, int (*cmp)(const void *, const void *));

#endif
