/* page_report_json.c: /orgs/{slug}/report.json — the report's figures and lists, as its page has them. */
#include "core/json.h"
#include "core/vocab.h"
#include "pages/report_text.h"

#define R(type, key, field)	JF(type, struct org_report, key, field)
static const struct json_field head_json[] = {
	R(STR, "name", name), R(STR, "slug", slug), R(STR, "kind", kind), R(STR, "website", website),
	R(STR, "as_of", as_of), R(BOOL, "member", member), R(STR, "member_since", member_since),
	R(STR, "intro", intro), R(STR, "quotes", quotes), R(BOOL, "round_talks", round_talks),
};
static const struct json_field figures_json[] = {
	R(LONG, "keynotes", fig.keynotes), R(LONG, "talks", fig.talks), R(LONG, "speakers", fig.speakers),
	R(LONG, "colocated_talks", fig.colocated_talks), R(LONG, "colocated_events", fig.colocated_events),
	R(LONG, "seats_current", fig.seats_current), R(LONG, "seats_past", fig.seats_past),
	R(LONG, "roles_current", fig.roles_current), R(LONG, "roles_past", fig.roles_past),
	R(LONG, "projects", fig.projects),
};
#define E(type, key, field)	JF(type, struct report_event, key, field)
static const struct json_field event_json[] = {
	E(STR, "name", name), E(STR, "series", series), E(STR, "starts_on", starts_on),
	E(LONG, "sessions", sessions), JF_PATH(PATH, struct report_event, "url", "/events/", slug),
};
#define T(type, key, field)	JF(type, struct report_term, key, field)
static const struct json_field term_json[] = {
	T(STR, "person", person), T(STR, "person_slug", person_slug), T(STR, "body", body),
	T(STR, "body_slug", body_slug), T(STR, "body_kind", body_kind), T(STR, "role", role),
	T(STR, "seat_type", seat_type), T(STR, "starts_on", starts_on), T(STR, "ends_on", ends_on),
	T(BOOL, "current", current), T(BOOL, "seat", seat),
};
#define J(type, key, field)	JF(type, struct report_project, key, field)
static const struct json_field project_json[] = {
	J(STR, "name", name), J(STR, "slug", slug), J(STR, "url", url), J(STR, "maturity", maturity),
	J(STR, "accepted_on", accepted_on), J(STR, "incubating_on", incubating_on),
	J(STR, "graduated_on", graduated_on),
};
#define S(type, key, field)	JF(type, struct report_session, key, field)
static const struct json_field session_json[] = {
	S(LONG, "id", id), S(STR, "title", title), S(STR, "kind", kind), S(STR, "date", date),
	S(STR, "event", event), S(STR, "speakers", speakers),
};
#define M(type, key, field)	JF(type, struct report_mover, key, field)
static const struct json_field mover_json[] = {
	M(STR, "name", name), M(STR, "slug", slug), M(STR, "org", org), M(STR, "org_slug", org_slug),
	M(STR, "date", date),
};

/* A sentence of the page, in plain text. */
static void
sentence(struct json *j, const char *key, void (*say_fn)(struct says *, const void *), const void *arg)
{
	struct buf b = BUF_INIT;
	struct says s = { &b, 0 };

	say_fn(&s, arg);
	json_kstr(j, key, b.data);
	buf_release(&b);
}

static void
say_term_v(struct says *s, const void *t)
{
	say_term(s, t);
}

static void
say_project_v(struct says *s, const void *p)
{
	say_project(s, p);
}

static void
years_json(struct json *j, const struct org_report *r)
{
	const struct vocab *v = &vocabs[VOCAB_SESSION_KIND];

	json_key(j, "years");
	json_array(j);
	for (size_t i = 0; i < r->n_years; i++) {
		json_object(j);
		json_kint(j, "year", r->years[i].year);
		json_kint(j, "sessions", r->years[i].sessions);
		json_kint(j, "speakers", r->years[i].speakers);
		json_key(j, "by_kind");
		json_object(j);
		for (size_t k = 0; k < REPORT_KINDS && k < v->n; k++)
			json_kint(j, v->terms[k].code, r->years[i].by_kind[k]);
		json_end(j);
		json_end(j);
	}
	json_end(j);
}

static void
terms_projects_json(struct json *j, const struct org_report *r)
{
	json_key(j, "terms");
	json_array(j);
	for (size_t i = 0; i < r->n_terms; i++) {
		json_object(j);
		json_fields(j, JSON_FIELDS(term_json), &r->terms[i]);
		sentence(j, "sentence", say_term_v, &r->terms[i]);
		json_end(j);
	}
	json_end(j);
	json_key(j, "projects");
	json_array(j);
	for (size_t i = 0; i < r->n_projects; i++) {
		json_object(j);
		json_fields(j, JSON_FIELDS(project_json), &r->projects[i]);
		sentence(j, "sentence", say_project_v, &r->projects[i]);
		json_end(j);
	}
	json_end(j);
}

static void
timeline_json(struct json *j, const struct org_report *r)
{
	static const char *const what[MOMENT__MAX] = {
		"joined", "first_session", "first_keynote", "keynote", "term_start", "term_end",
		"project_accepted", "project_incubating", "project_graduated",
	};

	json_key(j, "timeline");
	json_array(j);
	for (size_t i = 0; i < r->n_moments; i++) {
		const struct report_moment *m = &r->moments[i];
		struct buf b = BUF_INIT;
		struct says s = { &b, 0 };

		say_moment(&s, r, m);
		json_object(j);
		json_kstr(j, "date", m->date);
		json_kstr(j, "what", what[m->what]);
		if (m->session)
			json_kint(j, "session", m->session->id);
		json_kstr(j, "sentence", b.data);
		json_end(j);
		buf_release(&b);
	}
	json_end(j);
	json_kint(j, "timeline_total", r->moments_total);
}

static void
people_json(struct json *j, const struct org_report *r)
{
	json_key(j, "people");
	json_array(j);
	for (size_t i = 0; i < r->n_people; i++) {
		const struct report_person *p = &r->people[i];

		json_object(j);
		json_kstr(j, "name", p->name);
		json_kstr(j, "slug", p->slug);
		json_kint(j, "sessions", p->sessions);
		json_kint(j, "keynotes", p->keynotes);
		json_key(j, "notable");
		json_array(j);
		for (size_t k = 0; k < p->n_notable; k++)
			if (p->notable[k]) {
				json_object(j);
				json_fields(j, JSON_FIELDS(session_json), p->notable[k]);
				json_end(j);
			}
		json_end(j);
		json_end(j);
	}
	json_end(j);
	json_objects(j, "movers", r->movers, r->n_movers, sizeof(*r->movers), JSON_FIELDS(mover_json));
	json_kint(j, "movers_total", r->movers_total);
}

void
report_json(struct request *req, const struct org_report *r)
{
	struct json j;

	json_begin(&j, &req->out);
	json_object(&j);
	json_fields(&j, JSON_FIELDS(head_json), r);
	json_key(&j, "figures");
	json_object(&j);
	json_fields(&j, JSON_FIELDS(figures_json), r);
	json_kstr(&j, "talks_shown", r->round_talks ? report_rounded(req, r->fig.talks) :
	    req_printf(req, "%lld", r->fig.talks));
	json_end(&j);
	json_objects(&j, "colocated_events", r->events, r->n_events, sizeof(*r->events), JSON_FIELDS(event_json));
	terms_projects_json(&j, r);
	years_json(&j, r);
	timeline_json(&j, r);
	people_json(&j, r);
	json_end(&j);
}
