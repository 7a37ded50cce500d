/* report_tally.c: the report's counts from the credited appearances (see report_tally.h). */
#include <stdio.h>
#include <string.h>

#include "core/sort.h"
#include "model/report_tally.h"

static int
by_session(const void *a, const void *b)
{
	const struct credit *x = a, *y = b;

	return x->session < y->session ? -1 : x->session > y->session;
}

static int
by_person_date(const void *a, const void *b)
{
	const struct credit *x = a, *y = b;

	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return by_session(a, b);
}

static int
by_date(const void *a, const void *b)
{
	const struct credit *x = a, *y = b;

	return x->date != y->date ? (x->date < y->date ? -1 : 1) : by_session(a, b);
}

/* Most keynotes, then most sessions, then who came first. */
static int
by_weight(const void *a, const void *b)
{
	const struct report_person *x = a, *y = b;

	if (x->keynotes != y->keynotes)
		return x->keynotes > y->keynotes ? -1 : 1;
	if (x->sessions != y->sessions)
		return x->sessions > y->sessions ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static const struct credit **
ordered(struct request *req, const struct credit *c, size_t n, int (*cmp)(const void *, const void *))
{
	const struct credit **a = req_alloc(req, (n + 1) * sizeof(*a));
	void **tmp = req_alloc(req, (n + 1) * sizeof(*tmp));

	for (size_t i = 0; i < n; i++)
		a[i] = &c[i];
	ptr_sort((void **)a, n, tmp, cmp);
	return a;
}

/* The years from the first session's to the last one's, each with zero sessions so far. */
static void
year_range(struct request *req, const struct credit *c, size_t n, struct tally *t)
{
	int lo = 0, hi = 0;

	for (size_t i = 0; i < n; i++) {
		int y = c[i].date / 10000;

		if (lo == 0 || y < lo)
			lo = y;
		if (y > hi)
			hi = y;
	}
	t->n_years = lo ? (size_t)(hi - lo + 1) : 0;
	t->years = req_alloc(req, (t->n_years + 1) * sizeof(*t->years));
	memset(t->years, 0, (t->n_years + 1) * sizeof(*t->years));
	for (size_t i = 0; i < t->n_years; i++)
		t->years[i].year = lo + (int)i;
}

static void
count_event(struct request *req, struct tally *t, long long event, size_t *cap)
{
	size_t i = 0;

	while (i < t->n_events && t->events[i] != event)
		i++;
	if (i == t->n_events) {
		size_t cap2 = *cap;

		t->events = req_grow(req, t->events, t->n_events, cap, sizeof(*t->events));
		t->event_sessions = req_grow(req, t->event_sessions, t->n_events, &cap2, sizeof(long long));
		t->events[i] = event;
		t->event_sessions[i] = 0;
		t->n_events++;
	}
	t->event_sessions[i]++;
}

/* One pass over the sessions (the first credit of each): kinds, years, events, keynotes. */
static void
count_sessions(struct request *req, struct tally *t)
{
	const struct credit **keys = req_alloc(req, (t->n + 1) * sizeof(*keys)), *first = NULL;
	void **tmp;
	size_t cap = 0, nk = 0;

	for (size_t i = 0; i < t->n; i++) {
		const struct credit *c = t->by_session[i];
		struct report_year *y = &t->years[c->date / 10000 - t->years[0].year];

		if (i > 0 && t->by_session[i - 1]->session == c->session)
			continue;
		y->sessions++;
		if (c->kind >= 0)
			y->by_kind[c->kind]++;
		if (c->kind == REPORT_KEYNOTE)
			keys[nk++] = c;
		else
			t->fig->talks++;
		if (c->colocated) {
			t->fig->colocated_talks++;
			count_event(req, t, c->event, &cap);
		}
		if (first == NULL || by_date(c, first) < 0)
			first = c;
	}
	t->first = first ? first->session : 0;
	t->fig->keynotes = (long long)nk;
	t->fig->colocated_events = (long long)t->n_events;
	tmp = req_alloc(req, (nk + 1) * sizeof(*tmp));
	ptr_sort((void **)keys, nk, tmp, by_date);
	t->keynotes = req_alloc(req, (nk + 1) * sizeof(*t->keynotes));
	for (size_t i = 0; i < nk; i++)
		t->keynotes[i] = keys[i]->session;
	t->n_keynotes = nk;
}

/* A person's notable sessions from their credits [from, to): keynotes first, then the newest. */
static void
notable(const struct tally *t, size_t from, size_t to, struct report_person *p)
{
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = to; i > from && p->n_notable < 2; i--) {
			const struct credit *c = t->by_person[i - 1];

			if ((c->kind == REPORT_KEYNOTE) == (pass == 0))
				p->notable_id[p->n_notable++] = c->session;
		}
}

/* One pass over the credits by person: distinct speakers, their totals and years. */
static void
count_people(struct request *req, struct tally *t)
{
	struct report_person *all = req_alloc(req, (t->n + 1) * sizeof(*all));
	const struct report_person **top;
	void **tmp;
	size_t n = 0, from = 0;

	t->persons = req_alloc(req, (t->n + 1) * sizeof(*t->persons));
	t->last = req_alloc(req, (t->n + 1) * sizeof(*t->last));
	for (size_t i = 0; i < t->n; i++) {
		const struct credit *c = t->by_person[i], *prev = i ? t->by_person[i - 1] : NULL;

		if (prev == NULL || prev->person != c->person) {
			if (n)
				notable(t, from, i, &all[n - 1]);
			memset(&all[n], 0, sizeof(all[n]));
			all[n].id = c->person;
			t->persons[n++] = c->person;
			from = i;
		}
		if (prev == NULL || prev->person != c->person || prev->date / 10000 != c->date / 10000)
			t->years[c->date / 10000 - t->years[0].year].speakers++;
		all[n - 1].sessions++;
		all[n - 1].keynotes += c->kind == REPORT_KEYNOTE;
		t->last[n - 1] = c->date;
	}
	if (n)
		notable(t, from, t->n, &all[n - 1]);
	t->n_persons = n;
	t->fig->speakers = (long long)n;
	top = req_alloc(req, (n + 1) * sizeof(*top));
	tmp = req_alloc(req, (n + 1) * sizeof(*tmp));
	for (size_t i = 0; i < n; i++)
		top[i] = &all[i];
	ptr_sort((void **)top, n, tmp, by_weight);
	t->n_people = n < REPORT_PEOPLE ? n : REPORT_PEOPLE;
	t->people = req_alloc(req, (t->n_people + 1) * sizeof(*t->people));
	for (size_t i = 0; i < t->n_people; i++)
		t->people[i] = *top[i];
}

void
tally_count(struct request *req, const struct credit *c, size_t n, struct report_figures *fig,
    struct tally *t)
{
	memset(t, 0, sizeof(*t));
	t->fig = fig;
	t->n = n;
	t->by_session = ordered(req, c, n, by_session);
	t->by_person = ordered(req, c, n, by_person_date);
	year_range(req, c, n, t);
	if (n == 0)
		return;
	count_sessions(req, t);
	count_people(req, t);
}

size_t
tally_session_speakers(const struct tally *t, long long session, size_t *n)
{
	size_t lo = 0, hi = t->n, i;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->by_session[mid]->session < session)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < t->n && t->by_session[i]->session == session; i++)
		;
	*n = i - lo;
	return lo;
}

const char *
tally_date(struct request *req, int date)
{
	return req_printf(req, "%04d-%02d-%02d", date / 10000, date / 100 % 100, date % 100);
}
