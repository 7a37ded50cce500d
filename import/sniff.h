/* sniff.h: the reader for a file, chosen by its first bytes or by name (sniff.c). */
#ifndef LECTERN_IMPORT_SNIFF_H
#define LECTERN_IMPORT_SNIFF_H
#include <stddef.h>

#include "import/reader.h"

/* The reader that takes a file starting with head, or NULL with a sentence in why. */
const struct imp_reader	*sniff_reader(const char *head, size_t len, const char **why);
/* The reader of that --format name ("ics"), or NULL. */
const struct imp_reader	*sniff_by_name(const char *name);

#endif
