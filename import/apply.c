/* apply.c: a mapped session into the registry, three ways: the file, the last import, now (apply.h). */
#include <stdio.h>
#include <string.h>

#include "import/apply.h"

static void
speakers_json(const struct apply_in *in, struct buf *out)
{
	buf_putc(out, '[');
	for (int i = 0; i < in->n; i++) {
		if (in->orgs[i])
			buf_appendf(out, "%s[%lld,%lld]", i ? "," : "", in->people[i], in->orgs[i]);
		else
			buf_appendf(out, "%s[%lld,null]", i ? "," : "", in->people[i]);
	}
	buf_putc(out, ']');
}

/* " with Name (Organization), Name": the speakers as the report lists a new session's. */
static void
speakers_text(const struct mapped *m, struct buf *out)
{
	for (int i = 0; i < m->npersons; i++) {
		buf_appendf(out, "%s%s", i ? ", " : " with ", m->persons[i].name);
		if (m->persons[i].org)
			buf_appendf(out, " (%s)", m->persons[i].org);
	}
}

/* The session's fields in store_field order (the speakers are not among them). */
static void
fields_of(const struct mapped *m, const char *field[SF__MAX])
{
	const char *f[SF__MAX] = { m->title, m->subtitle, m->kind, m->track, m->room,
	    m->starts_at, NULL, m->abstract, m->url, NULL };

	memcpy(field, f, sizeof(f));
}

static int
values_of(struct match *mt, const struct apply_in *in, struct buf *values)
{
	struct buf speakers = BUF_INIT;
	const char *field[SF__MAX];
	int rc;

	fields_of(in->m, field);
	speakers_json(in, &speakers);
	field[SF_SPEAKERS] = speakers.data;
	rc = store_session_values(mt->st, field, in->m->duration, in->source_id, values);
	buf_release(&speakers);
	return rc;
}

/* The fields to write: where the file differs from the last import and from now; where now
 * also differs from the last import, the field was edited here: a conflict, kept. */
static unsigned
fields_to_write(struct match *mt, const struct apply_in *in, unsigned ab, unsigned ac, unsigned cb,
    struct buf *changed)
{
	unsigned mask = 0;

	for (int f = 0; f < SF__MAX; f++) {
		unsigned bit = 1u << f;

		if (!(ab & bit) || !(ac & bit))
			continue;
		if (cb & bit) {
			report_line(mt->r, "conflict: \"%s\": %s %s edited here since the last import; kept",
			    in->m->title, store_field_names[f], f == SF_SPEAKERS ? "were" : "was");
			mt->r->sum->conflicts++;
			continue;
		}
		mask |= bit;
		buf_appendf(changed, "%s%s", changed->len ? ", " : "", store_field_names[f]);
	}
	return mask;
}

static int
update(struct match *mt, const struct apply_in *in, const struct store_session *was, const char *values)
{
	struct buf now = BUF_INIT, before = BUF_INIT, changed = BUF_INIT;
	const char *last;
	unsigned ab, ac, cb, mask;
	long long version = 0;
	int rc = -1;

	if (store_session_state(mt->st, was->id, &now, &version) == -1)
		goto out;
	/* Never imported under this key: what is there now counts as the last import. */
	last = was->imported.len ? was->imported.data : now.data;
	if (store_session_diff(mt->st, values, last, now.data, &ab, &ac, &cb) == -1)
		goto out;
	mask = fields_to_write(mt, in, ab, ac, cb, &changed);
	if (was->cancelled)	/* back in the schedule */
		buf_appendf(&changed, "%sstatus", changed.len ? ", " : "");
	if (changed.len == 0) {
		mt->r->sum->sessions_unchanged++;
		rc = 0;
		goto out;
	}
	/* "now" was read before the update: it is the state to undo to. */
	buf_appendf(&before, "{\"state\":%s,\"status\":\"%s\"}", now.data,
	    was->cancelled ? "cancelled" : "scheduled");
	if (store_session_update(mt->st, was->id, mask, was->cancelled, values, in->people, in->orgs,
	    in->n, before.data, in->key, was->imported.len ? was->imported.data : NULL) == -1)
		goto out;
	mt->r->sum->sessions_changed++;
	report_line(mt->r, "changed: \"%s\" (%s)", in->m->title, changed.data);
	rc = 0;
out:
	buf_release(&now), buf_release(&before), buf_release(&changed);
	return rc;
}

int
apply_session(struct match *mt, const struct apply_in *in)
{
	struct store_session was = { 0, 0, BUF_INIT };
	struct buf values = BUF_INIT, speakers = BUF_INIT;
	long long id;
	int rc = -1;

	if (values_of(mt, in, &values) == -1 ||
	    (!mt->new_event && store_session_by_key(mt->st, mt->source, in->key, &was) == -1))
		goto out;
	if (was.id == 0 && in->local > 0)
		was.id = in->local;	/* our own export's session, which never had a key */
	if ((id = was.id) == 0) {
		const char *field[SF__MAX];

		fields_of(in->m, field);
		speakers_text(in->m, &speakers);
		if ((id = store_session_add(mt->st, mt->event, field, in->m->duration, in->people, in->orgs,
		    in->n, in->key)) == -1)
			goto out;
		mt->r->sum->sessions_new++;
		report_line(mt->r, "new: \"%s\"%s", in->m->title, speakers.data);
	} else if (!was.cancelled && strcmp(was.imported.data, values.data) == 0) {
		/* The same values as last time: nothing to look at (a re-import's usual case). */
		mt->r->sum->sessions_unchanged++;
		rc = 0;
		goto out;
	} else if (update(mt, in, &was, values.data) == -1)
		goto out;
	rc = store_key_put(mt->st, mt->source, "session", in->key, id, values.data);
out:
	buf_release(&values), buf_release(&speakers);
	buf_release(&was.imported);
	return rc;
}
