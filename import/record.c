/* record.c: neutral records and the strings they point to, and a reader's messages (record.h). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "import/parse.h"
#include "import/record.h"

static int
space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char *
rec_trimmed(const char *v, size_t max, int *cut)
{
	size_t n;
	char *s;

	*cut = 0;
	if (v == NULL)
		return NULL;
	while (space(*v))
		v++;
	n = strlen(v);
	while (n && space(v[n - 1]))
		n--;
	if (n == 0)
		return NULL;
	if (n > max) {
		n = utf8_cut_bytes(v, n, max);
		*cut = 1;
	}
	s = xmalloc(n + 1);
	memcpy(s, v, n);
	s[n] = '\0';
	return s;
}

static int
put(struct imp_text *t, char **store, const char *v, int line)
{
	int cut;

	free(*store);
	*store = rec_trimmed(v, IMP_MAX_FIELD, &cut);
	t->s = *store;
	t->line = *store ? line : 0;
	return cut;
}

int
rec_set(struct rec *r, enum imp_field f, const char *v, int line)
{
	return put(&r->s.f[f], &r->text[f], v, line);
}

int
rec_person(struct rec *r, const char *name, const char *org, const char *id, const char *guid, int line)
{
	struct imp_person *p;
	char **t;

	if (r->npersons == IMP_MAX_PERSONS) {
		r->left_out++;
		return 0;
	}
	p = &r->persons[r->npersons];
	t = r->ptext[r->npersons];
	if (put(&p->name, &t[0], name, line), p->name.s == NULL)
		return 0;
	put(&p->org, &t[1], org, line);
	put(&p->id, &t[2], id, line);
	put(&p->guid, &t[3], guid, line);
	p->line = line;
	r->npersons++;
	return 1;
}

const struct imp_session *
rec_session(struct rec *r)
{
	r->s.persons = r->persons;
	r->s.npersons = r->npersons;
	return &r->s;
}

void
rec_clear(struct rec *r)
{
	for (int f = 0; f < IMP__FIELDS; f++)
		free(r->text[f]);
	for (int i = 0; i < IMP_MAX_PERSONS; i++)
		for (int k = 0; k < 4; k++)
			free(r->ptext[i][k]);
	memset(r, 0, sizeof(*r));
}

int
rec_conf_set(struct rec_conf *c, enum imp_conf_field f, const char *v, int line)
{
	return put(&c->c.f[f], &c->text[f], v, line);
}

void
rec_conf_clear(struct rec_conf *c)
{
	for (int f = 0; f < IMP_C__MAX; f++)
		free(c->text[f]);
	memset(c, 0, sizeof(*c));
}

int
rd_fail(struct rd *r, int line, const char *fmt, ...)
{
	va_list ap;

	if (r->failed++ == 0) {
		buf_appendf(r->err, "%s:%d:1: ", r->src->name, line);
		va_start(ap, fmt);
		buf_vappendf(r->err, fmt, ap);
		va_end(ap);
	}
	return -1;
}

int
rd_answer(struct rd *r, int rc)
{
	if (rc == IMP_STOP)
		r->stopped = 1;
	else if (rc == IMP_FAIL)
		r->failed++;
	return rc == IMP_CONTINUE ? 0 : -1;
}

int
rd_warn(struct rd *r, int line, const struct imp_session *s, const char *category, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	buf_vappendf(&b, fmt, ap);
	va_end(ap);
	rc = r->sink->warning(r->sink->arg, line, s, category, b.data);
	buf_release(&b);
	return rd_answer(r, rc);
}

int
rd_status(const struct rd *r)
{
	return r->failed ? -1 : r->stopped ? 1 : 0;
}
