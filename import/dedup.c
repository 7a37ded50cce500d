/* dedup.c: sessions given twice: the newest copy is taken (dedup.h). */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "import/dedup.h"

void
dedup_init(struct dedup *d)
{
	d->seen = idmap_new();
}

void
dedup_release(struct dedup *d)
{
	idmap_free(d->seen);
	d->seen = NULL;
}

/* The key and revision of s; 0 when it has none. */
static int
key_of(const struct imp_session *s, struct buf *key, long long *seq, long long *modified)
{
	const char *k = s->f[IMP_GUID].s ? s->f[IMP_GUID].s : s->f[IMP_ID].s;
	const char *rev = s->f[IMP_REVISION].s;
	int n = 0;

	if (k == NULL || rev == NULL || sscanf(rev, "%lld %lld %n", seq, modified, &n) != 2)
		return 0;
	buf_appendf(key, "%s\x1f%s", k, rev + n);	/* the key and the occurrence */
	return 1;
}

static int
newer(long long seq, long long modified, const struct idmap_entry *e)
{
	return seq > e->a || (seq == e->a && modified > e->b);
}

void
dedup_observe(struct dedup *d, const struct imp_session *s)
{
	struct buf key = BUF_INIT;
	struct idmap_entry *e;
	long long seq, modified;

	if (key_of(s, &key, &seq, &modified)) {
		if ((e = idmap_key(d->seen, "max", key.data, 0)) == NULL || newer(seq, modified, e)) {
			e = idmap_key(d->seen, "max", key.data, 1);
			e->a = seq, e->b = modified, e->c = 1;
		} else if (seq == e->a && modified == e->b)
			e->c++;	/* copies of the highest revision */
	}
	buf_release(&key);
}

int
dedup_take(struct dedup *d, const struct imp_session *s, int *is_newer)
{
	struct buf key = BUF_INIT;
	struct idmap_entry *e, *n;
	long long seq, modified;
	int take = 1;

	*is_newer = 0;
	if (key_of(s, &key, &seq, &modified) && (e = idmap_key(d->seen, "max", key.data, 0)) != NULL) {
		long long copies = e->c;	/* (e moves when the map grows below) */

		if (seq != e->a || modified != e->b) {
			*is_newer = 1;
			take = 0;
		} else if (copies > 1) {	/* the last of the copies of the highest revision */
			n = idmap_key(d->seen, "taken", key.data, 1);
			take = ++n->a == copies;
		}
	}
	buf_release(&key);
	return take;
}
