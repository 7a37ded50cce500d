/* ics_values.c: an iCalendar property's text (encoding, charset) and times (TZID, VTIMEZONE, floating). */
#include <libical/ical.h>
#include <libical/sspm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "core/params.h"
#include "import/ics_read.h"
#include "import/ics_text.h"
#include "import/parse.h"
#include "import/tz.h"
#include "import/tzid.h"

/* --- text values ------------------------------------------------------------------------ */

/* The value of parameter name ("CHARSET") into out, or NULL. */
const char *
ics_param(icalproperty *p, const char *name, char out[64])
{
	size_t n = strlen(name);

	for (icalparameter *q = icalproperty_get_first_parameter(p, ICAL_ANY_PARAMETER); q;
	    q = icalproperty_get_next_parameter(p, ICAL_ANY_PARAMETER)) {
		const char *s = icalparameter_as_ical_string(q);

		if (s && strncasecmp(s, name, n) == 0 && s[n] == '=') {
			snprintf(out, 64, "%s", s + n + 1 + (s[n + 1] == '"'));
			out[strcspn(out, "\"")] = '\0';
			return out;
		}
	}
	return NULL;
}

const char *
ics_raw_value(icalproperty *p)
{
	icalvalue *v = icalproperty_get_value(p);

	if (v == NULL)
		return NULL;
	switch (icalvalue_isa(v)) {
	case ICAL_TEXT_VALUE:
		return icalvalue_get_text(v);
	case ICAL_X_VALUE:
		return icalvalue_get_x(v);
	case ICAL_URI_VALUE:
		return icalvalue_get_uri(v);
	default:
		return icalproperty_get_value_as_string(p);
	}
}

/* A property's text as UTF-8 in out (quoted-printable decoded, CHARSET converted); NULL, with
 * a warning, when it cannot be read. */
const char *
ics_text_of(struct ir *ir, icalproperty *p, const char *what, int line, struct buf *out)
{
	const char *v = ics_raw_value(p), *charset;
	char cs[64], enc[64], *qp = NULL;
	size_t n;

	buf_reset(out);
	if (v == NULL)
		return NULL;
	if (ics_param(p, "ENCODING", enc) && strcasecmp(enc, "QUOTED-PRINTABLE") == 0) {
		n = strlen(v);
		qp = xmalloc(n + 1);
		decode_quoted_printable(qp, (char *)v, &n);
		qp[n] = '\0';
		v = qp;
	}
	charset = ics_param(p, "CHARSET", cs);
	if (ics_charset(charset, v, strlen(v), out) == -1) {
		rd_warn(&ir->rd, line, ics_cur(ir), "text", "%s is not valid text in %s: left out", what,
		    charset ? charset : "UTF-8");
		buf_reset(out);
	}
	free(qp);
	return out->len ? out->data : NULL;
}

/* The text of c's first property of kind (x: an X- property of that name). */
const char *
ics_prop_text(struct ir *ir, icalcomponent *c, icalproperty_kind kind, const char *x, int line, struct buf *out)
{
	for (icalproperty *p = icalcomponent_get_first_property(c, kind); p;
	    p = icalcomponent_get_next_property(c, kind))
		if (x == NULL || strcasecmp(icalproperty_get_x_name(p), x) == 0)
			return ics_text_of(ir, p, x ? x : icalproperty_kind_to_string(kind), line, out);
	buf_reset(out);
	return NULL;
}

/* --- time zones ------------------------------------------------------------------------- */

void
ics_keep_zone(struct ir *ir, icalcomponent *c)
{
	icalproperty *tzid = icalcomponent_get_first_property(c, ICAL_TZID_PROPERTY);
	icalproperty *loc = icalcomponent_get_first_property(c, ICAL_X_PROPERTY);
	struct zone_def *z = &ir->zones[ir->nzones];
	int offset, fixed;

	if (tzid == NULL || ir->nzones == MAX_ZONES) {
		ir->zones_left_out += tzid != NULL;
		icalcomponent_free(c);
		return;
	}
	z->tzid = xstrdup(icalproperty_get_tzid(tzid));
	while (loc && strcasecmp(icalproperty_get_x_name(loc), "X-LIC-LOCATION") != 0)
		loc = icalcomponent_get_next_property(c, ICAL_X_PROPERTY);
	if (!(loc && tzid_resolve(ics_raw_value(loc), z->iana, &offset, &fixed)))
		tzid_resolve(z->tzid, z->iana, &offset, &fixed);
	z->zone = icaltimezone_new();
	if (icaltimezone_set_component(z->zone, c) == 0) {
		icaltimezone_free(z->zone, 1);
		icalcomponent_free(c);
		free(z->tzid);
		memset(z, 0, sizeof(*z));
		return;
	}
	ir->nzones++;
}

static struct zone_def *
zone_named(struct ir *ir, const char *tzid)
{
	for (int i = 0; i < ir->nzones; i++)
		if (strcmp(ir->zones[i].tzid, tzid) == 0)
			return &ir->zones[i];
	return NULL;
}

/* The instant of w's wall time in a zone the file's TZID names. 0, or -1 unknown. */
static int
zoned(struct ir *ir, const char *tzid, struct icaltimetype t, struct when *w)
{
	struct zone_def *z;
	int offset = 0, fixed, dst;
	time_t utc;

	if (tzid_resolve(tzid, w->zone, &offset, &fixed) || ((z = zone_named(ir, tzid)) && z->iana[0] &&
	    snprintf(w->zone, sizeof(w->zone), "%s", z->iana) > 0)) {
		if (tz_to_utc(w->zone, w->wall.date, w->wall.time, &utc) == -1)
			return -1;
		tz_format(w->zone, utc, w->iso);
		return 0;
	}
	w->zone[0] = '\0';
	if (fixed) {
		if (tz_to_utc("UTC", w->wall.date, w->wall.time, &utc) == -1)
			return -1;
		tz_format_offset(utc - offset, offset, w->iso);
		return 0;
	}
	if ((z = zone_named(ir, tzid)) == NULL)
		return -1;
	utc = icaltime_as_timet_with_zone(t, z->zone);
	offset = icaltimezone_get_utc_offset(z->zone, &t, &dst);
	tz_format_offset(utc, offset, w->iso);
	return 0;
}

/* DTSTART or DTEND (prop) into w; a TZID the file does not define makes it floating. */
int
ics_when_of(struct ir *ir, icalproperty *p, int line, struct when *w)
{
	struct icaltimetype t = icalvalue_get_datetimedate(icalproperty_get_value(p));
	char tzid[64];
	time_t utc;

	memset(w, 0, sizeof(*w));
	if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t))
		return 0;
	snprintf(w->wall.date, sizeof(w->wall.date), "%04d-%02d-%02d", t.year, t.month, t.day);
	if (!date_valid(w->wall.date, 10))
		return 0;
	w->set = 1;
	if ((w->is_date = t.is_date))
		return 0;
	snprintf(w->wall.time, sizeof(w->wall.time), "%02d:%02d:%02d", t.hour, t.minute, t.second);
	if (icaltime_is_utc(t)) {
		if (tz_to_utc("UTC", w->wall.date, w->wall.time, &utc) == 0)
			tz_format("UTC", utc, w->iso);
		return 0;
	}
	if (ics_param(p, "TZID", tzid) && zoned(ir, tzid, t, w) == 0)
		return 0;
	w->floating = 1;
	if (ics_param(p, "TZID", tzid))
		return rd_warn(&ir->rd, line, ics_cur(ir), "time", "TZID \"%.*s\" is not a time zone this system "
		    "knows and the file has no VTIMEZONE for it: the time is read in the conference's zone",
		    UTF8_CLIP(tzid, 60));
	return 0;
}

