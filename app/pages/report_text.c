/* report_text.c: the report's facts as sentences, in HTML or plain text (see report_text.h). */
#include <string.h>
#include <strings.h>

#include "core/html.h"
#include "core/vocab.h"
#include "pages/layout.h"
#include "pages/report_text.h"

static void
say(struct says *s, const char *text)
{
	if (s->html)
		html_text(s->b, text);
	else
		buf_puts(s->b, text ? text : "");
}

/* text, linked to base + key in HTML. */
static void
say_link(struct says *s, const char *base, const char *key, const char *text)
{
	if (s->html && key && *key)
		html_link_to(s->b, base, key, text);
	else
		say(s, text);
}

void
say_count(struct says *s, long long n, const char *one, const char *many)
{
	buf_appendf(s->b, "%lld ", n);
	say(s, n == 1 ? one : many);
}

/* How a seat type reads in a sentence: the seat's holder is "an End User representative". */
static const char *
seat_phrase(const char *seat_type)
{
	static const struct { const char *code, *phrase; } seats[] = {
		{ "end_user", "an End User representative" }, { "gb", "a Governing Board appointee" },
		{ "maintainer", "a maintainer-elected member" }, { "toc", "a TOC-appointed member" },
		{ "alternate", "an alternate" },
	};

	for (size_t i = 0; seat_type && i < sizeof(seats) / sizeof(seats[0]); i++)
		if (strcmp(seat_type, seats[i].code) == 0)
			return seats[i].phrase;
	return "a member";
}

/* "co-chair of", "a member of"; a seat: "an End User representative on". */
static void
say_role(struct says *s, const struct report_term *t)
{
	static const struct { const char *code, *phrase; } roles[] = {
		{ "chair", "chair of" }, { "co-chair", "co-chair of" }, { "tech-lead", "a tech lead of" },
		{ "member", "a member of" }, { "liaison", "liaison to" },
	};

	if (strcmp(t->role, "seat") == 0) {
		say(s, seat_phrase(t->seat_type));
		say(s, " on");
		return;
	}
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(t->role, roles[i].code) == 0) {
			say(s, roles[i].phrase);
			return;
		}
	say(s, vocab_label(VOCAB_ROLE, t->role));
	say(s, " of");
}

/* " the CNCF TOC", " the End User Developer Experience SIG", linked to the body. */
static void
say_body(struct says *s, const struct report_term *t)
{
	say(s, " the ");
	say_link(s, "/bodies/", t->body_slug, strcmp(t->body_kind, "toc") == 0 ? "CNCF TOC" : t->body);
}

void
say_term(struct says *s, const struct report_term *t)
{
	say_link(s, "/people/", t->person_slug, t->person);
	say(s, t->current ? " is " : " was ");
	say_role(s, t);
	say_body(s, t);
	say(s, t->current ? " (since " : " (");
	say(s, t->starts_on);
	if (!t->current) {
		say(s, " to ");
		say(s, t->ends_on);
	}
	say(s, ")");
}

void
say_project(struct says *s, const struct report_project *p)
{
	if (s->html && p->url)
		html_link(s->b, p->url, p->name);
	else
		say(s, p->name);
	say(s, " (");
	say(s, vocab_label(VOCAB_MATURITY, p->maturity));
	say(s, ")");
	if (p->accepted_on) {
		say(s, ", contributed on ");
		say(s, p->accepted_on);
	}
}

/* A session's title without a "Keynote: " of its own, since the sentence says so. */
static const char *
bare_title(const char *title)
{
	return strncasecmp(title, "Keynote: ", 9) == 0 && title[9] ? title + 9 : title;
}

/* "Dave Zolotusky at KubeCon + CloudNativeCon Europe 2018: “Title”" */
static void
say_session(struct says *s, const struct report_session *x)
{
	if (x->speakers && *x->speakers) {
		say(s, x->speakers);
		say(s, " at ");
	}
	say_link(s, "/events/", x->event_slug, x->event);
	say(s, ": \xe2\x80\x9c");
	if (s->html)
		buf_appendf(s->b, "<a href=\"/sessions/%lld\">", x->id);
	say(s, bare_title(x->title));
	if (s->html)
		html_lit(s->b, "</a>");
	say(s, "\xe2\x80\x9d");
}

/* The maturity a project entered the CNCF at: its stage on the day it was accepted. */
static const char *
entered_at(const struct report_project *p)
{
	if (p->graduated_on && p->accepted_on && strcmp(p->graduated_on, p->accepted_on) <= 0)
		return "a graduated";
	if (p->incubating_on && p->accepted_on && strcmp(p->incubating_on, p->accepted_on) <= 0)
		return "an incubating";
	return "a sandbox";
}

static void
say_term_moment(struct says *s, const struct report_moment *m)
{
	if (m->what == MOMENT_TERM_START) {
		say_link(s, "/people/", m->term->person_slug, m->term->person);
		say(s, " became ");
	} else {
		say_link(s, "/people/", m->term->person_slug, m->term->person);
		say(s, "\xe2\x80\x99s term as ");
	}
	say_role(s, m->term);
	say_body(s, m->term);
	say(s, m->what == MOMENT_TERM_START ? "." : " ended.");
}

void
say_moment(struct says *s, const struct org_report *r, const struct report_moment *m)
{
	switch (m->what) {
	case MOMENT_JOINED:
		say(s, r->name);
		say(s, " joined the CNCF End User Community.");
		return;
	case MOMENT_FIRST_SESSION:
		say(s, r->name);
		say(s, strcmp(m->session->kind, "keynote") == 0 ? "\xe2\x80\x99s first session, and first keynote: " :
		    "\xe2\x80\x99s first session: ");
		break;
	case MOMENT_FIRST_KEYNOTE:
		say(s, r->name);
		say(s, "\xe2\x80\x99s first keynote: ");
		break;
	case MOMENT_KEYNOTE:
		say(s, "Keynote: ");
		break;
	case MOMENT_TERM_START:
	case MOMENT_TERM_END:
		say_term_moment(s, m);
		return;
	case MOMENT_PROJECT_ACCEPTED:
		say(s, r->name);
		say(s, " contributed ");
		say(s, m->project->name);
		say(s, " to the CNCF as ");
		say(s, entered_at(m->project));
		say(s, " project.");
		return;
	case MOMENT_PROJECT_INCUBATING:
	case MOMENT_PROJECT_GRADUATED:
		say(s, m->project->name);
		say(s, m->what == MOMENT_PROJECT_GRADUATED ? " graduated." : " moved to incubation.");
		return;
	default:
		return;
	}
	say_session(s, m->session);
	say(s, ".");
}

const char *
report_rounded(struct request *req, long long n)
{
	long long unit = n < 100 ? 5 : n < 1000 ? 10 : 1000;
	long long down = n - n % unit;

	if (n < 10 || down == n)
		return req_printf(req, "%lld", n);
	if (unit == 1000)
		return req_printf(req, "%lldK+", n / 1000);
	return req_printf(req, "%lld+", down);
}
