/* edit_assist.c: local times, new speakers and lookalikes on the record forms (see edit_assist.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/html.h"
#include "import/tz.h"
#include "model/event.h"
#include "model/lookalike.h"
#include "pages/edit_assist.h"
#include "pages/layout.h"

/* The zone of the event the form names, or of the session being edited; NULL when neither. */
static const char *
form_zone(struct request *req)
{
	const char *zone = NULL, *key = req_arg(req, "key");
	long long session = key ? strtoll(key, NULL, 10) : 0;

	if (event_zone(req, req_arg(req, "event"), session, &zone) != MODEL_OK || !tz_known(zone))
		return NULL;
	return zone;
}

/* "2019-05-22T09:40:00+02:00" (or "Z") as the instant it names: 0, or -1. */
static int
instant_of(const char *v, time_t *out)
{
	struct tm tm;
	int y, mo, d, h, mi, s = 0, oh = 0, om = 0, used = 0;
	char sign = 'Z';

	if (v == NULL || sscanf(v, "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &used) != 5)
		return -1;
	v += used;
	if (*v == ':' && sscanf(v, ":%2d%n", &s, &used) == 1)
		v += used;
	if (*v == '+' || *v == '-') {
		sign = *v;
		if (sscanf(v + 1, "%2d:%2d", &oh, &om) != 2)
			return -1;
	} else if (*v != 'Z')
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900, tm.tm_mon = mo - 1, tm.tm_mday = d;
	tm.tm_hour = h, tm.tm_min = mi, tm.tm_sec = s;
	*out = timegm(&tm) - (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
	return 0;
}

/* The field's date and time as the form shows them: as typed, else the stored time in zone. */
static void
when_parts(struct request *req, const struct field *f, const char *value, const char *zone,
    const char **date, const char **hhmm)
{
	char local[32];
	time_t t;

	*date = req_arg(req, req_printf(req, "%s_date", f->name));
	*hhmm = req_arg(req, req_printf(req, "%s_time", f->name));
	if (*date || *hhmm || value == NULL || strlen(value) < 16)
		return;
	if (zone && instant_of(value, &t) == 0) {
		tz_format(zone, t, local);
		value = req_strdup(req, local);
	}
	*date = req_strndup(req, value, 10);
	*hhmm = req_strndup(req, value + 11, 5);
}

static void
when_input(struct buf *b, const struct field *f, const char *name, const char *type, const char *label,
    const char *value)
{
	html_lit(b, "<label class=\"inline\">");
	html_text(b, label);
	html_lit(b, " <input type=\"");
	html_attr(b, type);
	html_lit(b, "\" id=\"f-");
	html_attr(b, name);
	html_lit(b, "\" name=\"");
	html_attr(b, name);
	html_lit(b, "\" value=\"");
	html_attr(b, value);
	html_lit(b, "\" aria-describedby=\"h-");
	html_attr(b, f->name);
	html_lit(b, "\"></label> ");
}

void
when_field(struct request *req, const struct field *f, const char *value, const char *error)
{
	struct buf *b = &req->out;
	const char *zone = form_zone(req), *date, *hhmm;

	when_parts(req, f, value, zone, &date, &hhmm);
	html_lit(b, "<fieldset class=\"field when\"><legend>");
	html_text(b, f->label);
	html_lit(b, "</legend>");
	when_input(b, f, req_printf(req, "%s_date", f->name), "date", "Date", date);
	when_input(b, f, req_printf(req, "%s_time", f->name), "time", "Time", hhmm);
	html_lit(b, "<span class=\"muted\" id=\"h-");
	html_attr(b, f->name);
	html_lit(b, "\">");
	if (zone) {
		html_lit(b, "local time in the event's zone, ");
		html_text(b, zone);
	} else
		html_lit(b, "local time in the event's zone");
	html_lit(b, "</span>");
	field_message(b, f, error);
	html_lit(b, "</fieldset>");
}

void
field_message(struct buf *b, const struct field *f, const char *error)
{
	if (error == NULL)
		return;
	html_lit(b, "<span class=\"msg\" role=\"alert\">");
	html_text(b, f->label);
	html_lit(b, " ");
	html_text(b, error);
	html_lit(b, ".</span>");
}

/* Puts name = value before the request's other arguments, so req_arg finds it first. */
static void
arg_first(struct request *req, const char *name, const char *value)
{
	struct param *p = req_alloc(req, sizeof(*p));

	p->name = name;
	p->value = value;
	p->len = strlen(value);
	p->next = req->args;
	p->last = req->args ? req->args->last : p;
	req->args = p;
}

void
when_compose(struct request *req, const struct record_kind *k)
{
	for (const struct field *f = k->fields; f->name; f++) {
		const char *date, *hhmm, *zone;
		char local[32];
		time_t t;

		if (f->widget != W_WHEN)
			continue;
		date = req_arg(req, req_printf(req, "%s_date", f->name));
		hhmm = req_arg(req, req_printf(req, "%s_time", f->name));
		if (date == NULL && hhmm == NULL)
			continue;	/* a client that sends the field itself, offset and all */
		if ((date == NULL || *date == '\0') && (hhmm == NULL || *hhmm == '\0'))
			arg_first(req, f->name, "");
		else if (date == NULL || hhmm == NULL || *date == '\0' || *hhmm == '\0')
			arg_first(req, f->name, "incomplete");	/* refused beside the field */
		else if ((zone = form_zone(req)) == NULL || tz_to_utc(zone, date, hhmm, &t) == -1)
			arg_first(req, f->name, req_printf(req, "%sT%s:00Z?", date, hhmm));
		else {
			tz_format(zone, t, local);
			arg_first(req, f->name, req_strdup(req, local));
		}
	}
}

void
speaker_new_cells(struct request *req, int i)
{
	struct buf *b = &req->out;
	const char *fresh = req_arg(req, req_printf(req, "s%d_new", i));
	const char *distinct = req_arg(req, req_printf(req, "s%d_distinct", i));
	const char *person = req_arg(req, req_printf(req, "s%d_person", i));
	struct lookalike like[LOOKALIKES_MAX];
	size_t n = 0;

	buf_appendf(b, "<td><label class=\"inline\"><input type=\"checkbox\" name=\"s%d_new\" value=\"1\"%s> New"
	    "<span class=\"vh\"> person: speaker %d</span></label>", i,
	    fresh && strcmp(fresh, "1") == 0 ? " checked" : "", i);
	/* Asked only once the form came back because the new name looks like someone's. */
	if (fresh && strcmp(fresh, "1") == 0 && person && *person &&
	    (distinct || (person_lookalikes(req, person, NULL, like, &n) == MODEL_OK && n > 0))) {
		buf_appendf(b, " <label class=\"inline\"><input type=\"checkbox\" name=\"s%d_distinct\" value=\"1\"%s>"
		    " Someone else", i, distinct ? " checked" : "");
		for (size_t k = 0; k < n; k++) {
			if (k)
				html_lit(b, ", ");
			else
				html_lit(b, ", not ");
			html_link_to(b, "/people/", like[k].slug, like[k].name);
		}
		html_lit(b, "</label>");
	}
	html_lit(b, "</td>");
}

/* A new person's form as sent, and the people they look like. */
static size_t
new_person_lookalikes(struct request *req, const struct record_kind *k, long long id,
    struct lookalike *like)
{
	size_t n = 0;

	if (id != 0 || req->method != HTTP_POST || strcmp(k->kind, "person") != 0)
		return 0;
	if (person_lookalikes(req, req_arg(req, "name"), req_arg(req, "github"), like, &n) != MODEL_OK)
		return 0;
	return n;
}

int
lookalikes_stop(struct request *req, const struct record_kind *k, long long id)
{
	struct lookalike like[LOOKALIKES_MAX];
	const char *distinct = req_arg(req, "distinct");

	if (distinct && strcmp(distinct, "1") == 0)
		return 0;
	return new_person_lookalikes(req, k, id, like) > 0;
}

void
lookalikes_notice(struct request *req, const struct record_kind *k, long long id)
{
	struct lookalike like[LOOKALIKES_MAX];
	struct buf *b = &req->out;
	const char *distinct = req_arg(req, "distinct");
	size_t n = new_person_lookalikes(req, k, id, like);

	if (n == 0)
		return;
	html_lit(b, "<section class=\"lookalikes\" aria-labelledby=\"lookalikes-h\"><h2 id=\"lookalikes-h\">"
	    "Already in Lectern?</h2><ul>");
	for (size_t i = 0; i < n; i++) {
		html_lit(b, "<li>");
		html_link_to(b, "/people/", like[i].slug, like[i].name);
		if (like[i].github) {
			html_lit(b, " <span class=\"muted\">GitHub ");
			html_text(b, like[i].github);
			html_lit(b, "</span>");
		}
		if (like[i].same_github)
			html_lit(b, " \xe2\x80\x94 the same GitHub handle");
		html_lit(b, "</li>");
	}
	html_lit(b, "</ul><p><label class=\"inline\"><input type=\"checkbox\" name=\"distinct\" value=\"1\"");
	if (distinct && strcmp(distinct, "1") == 0)
		html_lit(b, " checked");
	html_lit(b, "> This is someone else: add them all the same</label></p></section>");
}
