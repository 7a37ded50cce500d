/*
 * dedup.h: a session a file gives more than once under the same key (a calendar repeating a
 * VEVENT, or holding an older and a newer copy of it, as feeds merged by hand do; the copies
 * may have different times, as a rescheduled event's have):
 * the copy with the highest revision (iCalendar's SEQUENCE, then LAST-MODIFIED) is taken, the
 * last one of equals; the others are left out, with a warning. Only for records that carry
 * IMP_REVISION; the run reads the file twice, observing in the first reading.
 */
#ifndef LECTERN_IMPORT_DEDUP_H
#define LECTERN_IMPORT_DEDUP_H
#include "import/idmap.h"
#include "import/reader.h"

struct dedup {
	struct idmap	*seen;
};

void	dedup_init(struct dedup *);
void	dedup_release(struct dedup *);
/* The first reading: notes s's revision under its key. */
void	dedup_observe(struct dedup *, const struct imp_session *);
/* The second reading: 1 to take s, 0 to leave it out (*newer: because the file holds a newer
 * copy; else an identical later one). */
int	dedup_take(struct dedup *, const struct imp_session *, int *newer);

#endif
