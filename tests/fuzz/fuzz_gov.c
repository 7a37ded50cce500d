/* fuzz_gov.c: the governance parsers and the Sched title splitter on arbitrary bytes; checks
 * what each promises: a result or a refusal with a reason, dates that are dates, logins that
 * are logins, and every title non-empty. */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/params.h"
#include "import/gov_gitdm.h"
#include "import/gov_toc.h"
#include "import/gov_yaml.h"
#include "import/sched_title.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
date_ok(const char *d)
{
	assert(d[0] == '\0' || date_valid(d, strlen(d)));
}

static int
person(void *arg, const struct gitdm_person *p)
{
	(void)arg;
	assert(p->handle[0] != '\0');
	for (size_t i = 0; i < p->nspans; i++) {
		assert(p->spans[i].company[0] != '\0');
		date_ok(p->spans[i].from);
		date_ok(p->spans[i].until);
	}
	return 0;
}

static void
yaml(const char *s, size_t size)
{
	struct gov_bodies *o;
	struct gov_err err;

	if (gov_yaml_parse(s, size, NULL, NULL, &o, &err) != 0) {
		assert(o == NULL && err.msg[0]);
		return;
	}
	for (size_t i = 0; i < o->n; i++)
		for (size_t j = 0; j < o->bodies[i].nroles; j++) {
			const struct gov_role *r = &o->bodies[i].roles[j];

			assert(r->github || r->name);
			assert(!r->github || gov_github_login(r->github, strlen(r->github)));
			date_ok(r->term_start);
			date_ok(r->term_end);
		}
	gov_bodies_free(o);
}

static void
toc(const char *s, size_t size)
{
	struct toc_list *l;
	struct gov_err err;

	if (gov_toc_parse(s, size, NULL, NULL, &l, &err) != 0) {
		assert(l == NULL && err.msg[0]);
		return;
	}
	for (size_t i = 0; i < l->n; i++) {
		date_ok(l->members[i].start);
		date_ok(l->members[i].end);
		assert(!l->members[i].end[0] || strcmp(l->members[i].end, l->members[i].start) >= 0);
	}
	gov_toc_free(l);
}

static void
title(const char *s, size_t size)
{
	char *z = malloc(size + 1);
	const char *error;
	struct sched_title *t;

	memcpy(z, s, size);
	z[size] = '\0';
	t = sched_title_parse(z, &error);
	if (t) {
		assert(t->title && t->title[0]);
		for (size_t i = 0; i < t->nspeakers; i++)
			assert(t->speakers[i].name && t->speakers[i].name[0]);
	}
	sched_title_free(t);
	free(z);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct gov_err err;

	yaml(s, size);
	toc(s, size);
	gov_gitdm_parse(s, size, person, NULL, NULL, &err);
	if (size <= SCHED_TITLE_MAX + 10)
		title(s, size);
	return 0;
}
