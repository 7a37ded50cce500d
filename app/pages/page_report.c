/* page_report.c: /orgs/{slug}/report — an organization's End User Journey report, for screen and print. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth/auth.h"
#include "core/html.h"
#include "core/vocab.h"
#include "model/report.h"
#include "pages/chart.h"
#include "pages/layout.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "pages/report_text.h"

#define LIST_TERMS	12	/* seats and roles named in the numbers, each */

/* The page's own address with the date kept ("/orgs/x/report?as_of=D"). */
static const char *
self(struct request *req, const struct org_report *r, const char *suffix)
{
	return req_printf(req, "/orgs/%s/report%s%s%s", r->slug, suffix, r->as_of ? "?as_of=" : "",
	    r->as_of ? r->as_of : "");
}

static void
staff_html(struct request *req, const struct org_report *r)
{
	struct buf *b = &req->out;

	if (!auth_is_staff(req))
		return;
	html_lit(b, "<p class=\"actions noprint\"><a class=\"button\" href=\"");
	if (r->report_id)
		html_attr(b, req_printf(req, "/reports/%lld/edit", r->report_id));
	else {
		html_lit(b, "/reports/new?org=");
		url_component(b, r->slug);
	}
	html_lit(b, "\">Edit the introduction and quotes</a>");
	if (r->report_id) {
		html_lit(b, " <a class=\"button secondary\" href=\"");
		html_attr(b, req_printf(req, "/reports/%lld/history", r->report_id));
		html_lit(b, "\">History</a>");
	}
	html_lit(b, "</p>");
}

static void
head_html(struct request *req, const struct org_report *r)
{
	struct buf *b = &req->out;
	struct crumb crumbs[] = { { "Organizations", "/orgs" }, { r->name, NULL }, { "Report", NULL },
	    { NULL, NULL } };

	crumbs[1].href = req_printf(req, "/orgs/%s", r->slug);
	layout_begin(req, req_printf(req, "%s: End User Journey", r->name), crumbs);
	html_lit(b, "<article class=\"report\"><header class=\"report-head\"><p class=\"kicker\">"
	    "CNCF End User Journey</p><h1>");
	html_text(b, r->name);
	html_lit(b, "</h1><p class=\"muted\">");
	if (r->as_of) {
		html_lit(b, "As the records stood on <time>");
		html_text(b, r->as_of);
		html_lit(b, "</time>. ");
	}
	html_lit(b, "Drawn from Lectern\xe2\x80\x99s records: every figure is a count of sessions, terms and "
	    "projects, each credited to the organization its people represented then.</p></header>");
	staff_html(req, r);
	html_lit(b, "<form class=\"as-of noprint\" method=\"get\" action=\"");
	html_attr(b, req_printf(req, "/orgs/%s/report", r->slug));
	html_lit(b, "\"><label for=\"as-of\">As of</label> <input type=\"date\" id=\"as-of\" name=\"as_of\" value=\"");
	html_attr(b, r->as_of);
	html_lit(b, "\"> <button type=\"submit\" class=\"secondary\">Show</button> <a href=\"");
	html_attr(b, self(req, r, ".json"));
	html_lit(b, "\">JSON</a></form>");
}

/* Paragraphs of text, split at blank lines; escaped. */
static void
paragraphs(struct buf *b, const char *text, const char *open, const char *close)
{
	while (text && *text) {
		const char *end = strstr(text, "\n\n"), *next;
		size_t n = end ? (size_t)(end - text) : strlen(text);

		next = end ? end + 2 : text + n;
		while (n && (text[n - 1] == '\n' || text[n - 1] == '\r' || text[n - 1] == ' '))
			n--;
		if (n) {
			buf_puts(b, open);
			html_textn(b, text, n);
			buf_puts(b, close);
		}
		text = next;
		while (*text == '\n' || *text == '\r')
			text++;
	}
}

static void
intro_html(struct buf *b, const struct org_report *r)
{
	if (r->intro == NULL && r->quotes == NULL)
		return;
	html_lit(b, "<section class=\"report-intro\">");
	paragraphs(b, r->intro, "<p>", "</p>");
	paragraphs(b, r->quotes, "<blockquote><p>", "</p></blockquote>");
	html_lit(b, "</section>");
}

static void
figure(struct buf *b, const char *href, const char *n, const char *label)
{
	html_lit(b, "<li><a href=\"");
	html_attr(b, href);
	html_lit(b, "\"><span class=\"n\">");
	html_text(b, n);
	html_lit(b, "</span><span class=\"l\">");
	html_text(b, label);
	html_lit(b, "</span></a></li>");
}

/* "EnvoyCon (2018, 2019), gRPCconf (2019)": each year a link to that event. */
static void
events_html(struct request *req, const struct org_report *r)
{
	struct buf *b = &req->out;

	if (r->n_events == 0)
		return;
	html_lit(b, "<li class=\"events\">Co-located events spoken at: ");
	for (size_t i = 0; i < r->n_events; i++) {
		const struct report_event *e = &r->events[i];
		int same = i > 0 && strcmp(r->events[i - 1].series, e->series) == 0;

		if (!same) {
			if (i > 0)
				html_lit(b, "), ");
			html_lit(b, "<strong>");
			html_text(b, e->series);
			html_lit(b, "</strong> (");
		} else
			html_lit(b, ", ");
		html_link_to(b, "/events/", e->slug, req_printf(req, "%.4s", e->starts_on));
	}
	html_lit(b, ")</li>");
}

static void
terms_html(struct buf *b, const struct org_report *r, int seats)
{
	struct says s = { b, 1 };
	size_t shown = 0, all = 0;

	for (size_t i = 0; i < r->n_terms; i++) {
		if (r->terms[i].seat != seats)
			continue;
		if (all++ >= LIST_TERMS)
			continue;
		buf_puts(b, seats ? "<li class=\"seat\">" : "<li class=\"role\">");
		say_term(&s, &r->terms[i]);
		html_lit(b, "</li>");
		shown++;
	}
	if (all > shown)
		buf_appendf(b, "<li class=\"muted\">and %zu more %s</li>", all - shown, seats ? "seats" : "roles");
}

static void
numbers_html(struct request *req, const struct org_report *r)
{
	struct buf *b = &req->out;
	const char *org = req_printf(req, "/orgs/%s", r->slug);
	struct says s = { b, 1 };

	html_lit(b, "<section class=\"report-numbers\" aria-labelledby=\"numbers\"><h2 id=\"numbers\">By the numbers"
	    "</h2><ul class=\"numbers\">");
	figure(b, req_printf(req, "%s#sessions", org), req_printf(req, "%lld", r->fig.keynotes),
	    r->fig.keynotes == 1 ? "Keynote" : "Keynotes");
	figure(b, req_printf(req, "%s#sessions", org), r->round_talks ? report_rounded(req, r->fig.talks) :
	    req_printf(req, "%lld", r->fig.talks), r->fig.talks == 1 ? "Talk" : "Talks");
	figure(b, req_printf(req, "%s#people", org), req_printf(req, "%lld", r->fig.speakers),
	    r->fig.speakers == 1 ? "Speaker" : "Speakers");
	figure(b, req_printf(req, "%s#sessions", org), req_printf(req, "%lld", r->fig.colocated_talks),
	    "Co-located talks");
	figure(b, "#terms", req_printf(req, "%lld", r->fig.seats_current + r->fig.roles_current),
	    "Roles and seats held");
	figure(b, "#projects", req_printf(req, "%lld", r->fig.projects), "Projects contributed");
	html_lit(b, "</ul><ul class=\"facts\" id=\"terms\">");
	if (r->member) {
		html_lit(b, "<li class=\"member\">");
		html_link(b, org, r->name);
		buf_puts(b, r->member_since ? " has been a member of the CNCF End User Community since " :
		    " is a member of the CNCF End User Community");
		html_text(b, r->member_since);
		html_lit(b, "</li>");
	}
	events_html(req, r);
	terms_html(b, r, 1);
	terms_html(b, r, 0);
	html_lit(b, "</ul>");
	if (r->n_projects)
		html_lit(b, "<h3 id=\"projects\">Projects contributed</h3><ul class=\"facts\">");
	for (size_t i = 0; i < r->n_projects; i++) {
		html_lit(b, "<li class=\"project\">");
		say_project(&s, &r->projects[i]);
		html_lit(b, "</li>");
	}
	if (r->n_projects)
		html_lit(b, "</ul>");
	html_lit(b, "</section>");
}

static void
timeline_html(struct request *req, const struct org_report *r)
{
	struct buf *b = &req->out;
	struct says s = { b, 1 };

	if (r->n_moments == 0)
		return;
	html_lit(b, "<section class=\"report-timeline\" aria-labelledby=\"timeline\"><h2 id=\"timeline\">Timeline</h2>"
	    "<ol class=\"timeline\">");
	for (size_t i = 0; i < r->n_moments; i++) {
		html_lit(b, "<li><time>");
		html_text(b, r->moments[i].date);
		html_lit(b, "</time> ");
		say_moment(&s, r, &r->moments[i]);
		html_lit(b, "</li>");
	}
	html_lit(b, "</ol>");
	if (r->moments_total > (long long)r->n_moments)
		buf_appendf(b, "<p class=\"muted\">The timeline shows %zu of %lld facts: later keynotes are in the "
		    "organization\xe2\x80\x99s list of sessions.</p>", r->n_moments, r->moments_total);
	html_lit(b, "</section>");
}

/* Sessions per year by kind (the kinds it has), and distinct speakers per year. */
static void
year_charts(struct request *req, const struct org_report *r)
{
	const struct vocab *v = &vocabs[VOCAB_SESSION_KIND];
	const char **labels = req_alloc(req, (REPORT_KINDS + 1) * sizeof(*labels));
	long long *kinds = req_alloc(req, (r->n_years * REPORT_KINDS + 1) * sizeof(*kinds));
	long long *speakers = req_alloc(req, (r->n_years + 1) * sizeof(*speakers));
	size_t ns = 0;

	for (size_t k = 0; k < REPORT_KINDS && k < v->n; k++) {
		long long any = 0;

		for (size_t y = 0; y < r->n_years; y++)
			any += r->years[y].by_kind[k];
		if (!any)
			continue;
		labels[ns] = v->terms[k].label;
		for (size_t y = 0; y < r->n_years; y++)
			kinds[y * REPORT_KINDS + ns] = r->years[y].by_kind[k];
		ns++;
	}
	/* The rows were laid out REPORT_KINDS wide: pack them to ns. */
	for (size_t y = 0; y < r->n_years; y++) {
		memmove(&kinds[y * ns], &kinds[y * REPORT_KINDS], ns * sizeof(*kinds));
		speakers[y] = r->years[y].speakers;
	}
	chart_bars(&req->out, &(struct chart_bars){ "ch-sessions", "Sessions per year, by kind", "Sessions",
	    r->n_years ? r->years[0].year : 0, r->n_years, labels, ns, kinds });
	html_lit(&req->out, "<h3>Distinct speakers per year</h3>");
	chart_bars(&req->out, &(struct chart_bars){ "ch-speakers", "Distinct speakers per year", "Speakers",
	    r->n_years ? r->years[0].year : 0, r->n_years, (const char *const[]){ "Speakers" }, 1, speakers });
}

#define GANTT_ROWS	24

static void
terms_chart(struct request *req, const struct org_report *r, const char *today)
{
	struct chart_span *spans = req_alloc(req, (GANTT_ROWS + 1) * sizeof(*spans));
	struct chart_gantt g = { "ch-terms", "Roles and seats held over time", 0, atoi(today), today, spans, 0 };

	for (size_t i = 0; i < r->n_terms && g.n < GANTT_ROWS; i++) {
		const struct report_term *t = &r->terms[i];
		int from = atoi(t->starts_on);

		spans[g.n].label = req_printf(req, "%s, %s (%s)", t->person,
		    strcmp(t->body_kind, "toc") == 0 ? "CNCF TOC" : t->body,
		    strcmp(t->role, "seat") == 0 ? vocab_label(VOCAB_SEAT_TYPE, t->seat_type) :
		    vocab_label(VOCAB_ROLE, t->role));
		spans[g.n].from = t->starts_on;
		spans[g.n++].to = t->ends_on;
		if (g.first_year == 0 || from < g.first_year)
			g.first_year = from;
	}
	html_lit(&req->out, "<h3>Roles and seats held over time</h3>");
	if (g.n == 0) {
		render_empty(&req->out, "No roles or seats recorded for it.");
		return;
	}
	chart_gantt(&req->out, &g);
	if (r->n_terms > g.n)
		buf_appendf(&req->out, "<p class=\"muted\">The first %zu of %zu terms.</p>", g.n, r->n_terms);
}

static void
charts_html(struct request *req, const struct org_report *r, const char *today)
{
	struct buf *b = &req->out;

	html_lit(b, "<section class=\"report-charts\" aria-labelledby=\"charts\"><h2 id=\"charts\">Charts</h2>"
	    "<h3>Sessions per year, by kind</h3>");
	if (r->n_years == 0)
		render_empty(b, "No sessions credited to it yet.");
	else
		year_charts(req, r);
	terms_chart(req, r, today);
	html_lit(b, "</section>");
}

static void
person_row(struct buf *b, const struct report_person *p)
{
	html_lit(b, "<tr><th scope=\"row\">");
	html_link_to(b, "/people/", p->slug, p->name);
	buf_appendf(b, "</th><td>%lld</td><td>%lld</td><td>", p->sessions, p->keynotes);
	for (size_t i = 0; i < p->n_notable; i++) {
		const struct report_session *s = p->notable[i];

		if (s == NULL)
			continue;
		buf_puts(b, i ? "; " : "");
		buf_appendf(b, "<a href=\"/sessions/%lld\">", s->id);
		html_text(b, s->title);
		html_lit(b, "</a> <span class=\"muted\">(");
		html_text(b, vocab_label(VOCAB_SESSION_KIND, s->kind));
		html_lit(b, ", ");
		html_text(b, s->event);
		html_lit(b, ")</span>");
	}
	html_lit(b, "</td></tr>");
}

static void
people_html(struct request *req, const struct org_report *r)
{
	struct buf *b = &req->out;

	html_lit(b, "<section class=\"report-people\" aria-labelledby=\"people\"><h2 id=\"people\">People</h2>");
	if (r->n_people == 0) {
		render_empty(b, "No one has spoken for it yet.");
		html_lit(b, "</section>");
		return;
	}
	html_lit(b, "<table><thead><tr><th scope=\"col\">Speaker</th><th scope=\"col\">Sessions</th>"
	    "<th scope=\"col\">Keynotes</th><th scope=\"col\">Most notable</th></tr></thead><tbody>");
	for (size_t i = 0; i < r->n_people; i++)
		person_row(b, &r->people[i]);
	html_lit(b, "</tbody></table>");
	if (r->fig.speakers > (long long)r->n_people)
		buf_appendf(b, "<p class=\"muted\">and %lld more speakers.</p>", r->fig.speakers - (long long)r->n_people);
	if (r->n_movers) {
		html_lit(b, "<p class=\"movers\">Speakers who later spoke for another organization: ");
		for (size_t i = 0; i < r->n_movers; i++) {
			buf_puts(b, i ? "; " : "");
			html_link_to(b, "/people/", r->movers[i].slug, r->movers[i].name);
			html_lit(b, " (");
			html_link_to(b, "/orgs/", r->movers[i].org_slug, r->movers[i].org);
			html_lit(b, ", ");
			html_text(b, r->movers[i].date);
			html_lit(b, ")");
		}
		if (r->movers_total > (long long)r->n_movers)
			buf_appendf(b, "; and %lld more", r->movers_total - (long long)r->n_movers);
		html_lit(b, ". Their sessions before stay credited to ");
		html_text(b, r->name);
		html_lit(b, ", the organization they represented then.</p>");
	}
	html_lit(b, "</section>");
}

static void
report_html(struct request *req, const struct org_report *r, const char *today)
{
	struct buf *b = &req->out;
	const char *query[] = { "org", r->slug, r->as_of ? "to" : NULL, r->as_of, NULL };

	head_html(req, r);
	intro_html(b, r);
	numbers_html(req, r);
	timeline_html(req, r);
	people_html(req, r);
	charts_html(req, r, today);
	html_lit(b, "<footer class=\"report-foot\"><p>");
	page_export_link(b, query, "Its speaker list (CSV)");
	html_lit(b, " \xc2\xb7 Printed from <span class=\"url\">");
	html_text(b, self(req, r, ""));
	html_lit(b, "</span></p></footer></article>");
	layout_end(req);
}

/* Today as YYYY-MM-DD (UTC), where the report's open terms end when it has no date. */
static const char *
today_of(struct request *req)
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	return req_printf(req, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int
page_report(struct request *req)
{
	struct org_report r;
	enum model_status rc;
	const char *as_of = req_arg(req, "as_of");

	if ((rc = report_page(req, req_arg(req, "slug"), as_of, &r)) != MODEL_OK)
		return page_status(rc);
	if (req->want_json)
		report_json(req, &r);
	else
		report_html(req, &r, as_of ? as_of : today_of(req));
	return 200;
}
