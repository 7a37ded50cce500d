/*
 * schedule.c: the schedule.xml importer (see schedule.h for its promises).
 *
 * Mapping: <conference> -> event; <day>/<room>/<event> -> session; <person> ->
 * person (by the source's id or guid, then by name); "Name [Org]" -> the
 * organization represented. Kinds, from <type> and <track>:
 *
 *	contains "keynote"                  keynote
 *	contains "lightning"                lightning talk
 *	contains "workshop" or "tutorial"   tutorial/workshop
 *	contains "podium" or "panel"        panel
 *	contains "maintainer"               maintainer track
 *	anything else                       talk
 *
 * Sessions are keyed by the source's guid (scoped to the conference), with the
 * start added when one guid has several slots, else by id. A field changed by
 * hand since the last import is a conflict: reported, never overwritten.
 */
#include <libxml/xmlreader.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/db.h"
#include "core/params.h"
#include "import/parse.h"
#include "import/schedule.h"
#include "core/slug.h"
#include "model/record.h"
#include "import/tz.h"

#define MAX_DEPTH	32
#define MAX_PERSONS	64
#define MAX_FIELD	(256 * 1024)
#define REPORT_LINES	1000

enum session_field {
	F_TITLE, F_SUBTITLE, F_KIND, F_TRACK, F_ROOM, F_STARTS_AT, F_DURATION, F_ABSTRACT, F_URL,
	F__MAX
};
static const char *const field_names[F__MAX] = {
	"title", "subtitle", "kind", "track", "room", "starts_at", "duration_min", "abstract", "url"
};

struct person_in {
	char	*key;		/* id or guid, or NULL */
	char	*name;
	char	*org;		/* from "Name [Org]", or NULL */
};

struct session_in {
	char			*id, *guid;
	char			*date, *start, *duration, *room, *title, *subtitle, *track, *type;
	char			*abstract, *description, *url;
	int			 line;
	struct person_in	 persons[MAX_PERSONS];
	int			 npersons;
};

struct importer {
	sqlite3			*db;
	xmlTextReaderPtr	 reader;
	const struct import_options *opt;
	struct import_summary	*sum;
	struct buf		*err;
	/* Conference. */
	char			*conf_title, *conf_acronym, *conf_start, *conf_end, *conf_tz;
	char			*day_date, *room_name;
	char			 zone[128];
	char			 source[64];	/* "event:<id>" */
	int			 in_conference;
	struct session_in	 s;
	int			 in_event, in_persons;
	int			 failed;
	int			 seq;		/* of the run's recorded changes */
	int			 report_lines;
};

/* --- errors --------------------------------------------------------------- */

static int
fail_at(struct importer *im, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int
fail_at(struct importer *im, int line, const char *fmt, ...)
{
	va_list ap;

	if (im->failed++)
		return -1;
	buf_appendf(im->err, "%s:%d:%d: ", im->opt->file_name, line,
	    im->reader ? xmlTextReaderGetParserColumnNumber(im->reader) : 0);
	va_start(ap, fmt);
	buf_vappendf(im->err, fmt, ap);
	va_end(ap);
	return -1;
}

/* One line of the run's report: to the caller's sink, or kept in the summary up to
 * REPORT_LINES (a preview of tens of thousands of lines helps nobody; the counts say it all). */
static void
report(struct importer *im, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
report(struct importer *im, const char *fmt, ...)
{
	struct buf line = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vappendf(&line, fmt, ap);
	va_end(ap);
	if (im->opt->report_line)
		im->opt->report_line(im->opt->report_arg, line.data);
	else if (im->report_lines++ < REPORT_LINES)
		buf_append(&im->sum->report, line.data, line.len);
	buf_release(&line);
}

static int
line_of(struct importer *im)
{
	return im->reader ? xmlTextReaderGetParserLineNumber(im->reader) : 0;
}

static void
on_xml_error(void *arg, const char *msg, xmlParserSeverities sev, xmlTextReaderLocatorPtr loc)
{
	struct importer *im = arg;
	size_t n = strlen(msg);

	if (sev == XML_PARSER_SEVERITY_WARNING || sev == XML_PARSER_SEVERITY_VALIDITY_WARNING)
		return;
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	fail_at(im, xmlTextReaderLocatorLineNumber(loc), "%.*s", (int)n, msg);
}

/* --- small helpers ---------------------------------------------------------- */

static char *
text_of(struct importer *im)
{
	xmlChar *t = xmlTextReaderReadString(im->reader);
	char *s;
	size_t n;

	if (t == NULL)
		return strdup("");
	s = (char *)t;
	/* Trim: producers indent their text. */
	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (n > MAX_FIELD)
		n = MAX_FIELD;
	s = strndup(s, n);
	xmlFree(t);
	return s;
}

static char *
attr(struct importer *im, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(im->reader, (const xmlChar *)name);
	char *s = v ? strdup((char *)v) : NULL;

	xmlFree(v);
	if (s && *s == '\0') {
		free(s);
		s = NULL;
	}
	return s;
}

static void
set(char **dst, char *v)
{
	free(*dst);
	*dst = v;
}

static int
empty(const char *s)
{
	return s == NULL || *s == '\0';
}

static void
session_clear(struct session_in *s)
{
	char **fields[] = { &s->id, &s->guid, &s->date, &s->start, &s->duration, &s->room,
	    &s->title, &s->subtitle, &s->track, &s->type, &s->abstract, &s->description, &s->url };

	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		set(fields[i], NULL);
	for (int i = 0; i < s->npersons; i++) {
		free(s->persons[i].key);
		free(s->persons[i].name);
		free(s->persons[i].org);
	}
	memset(s, 0, sizeof(*s));
}

static const char *
kind_of(const char *type, const char *track)
{
	static const struct { const char *word, *kind; } table[] = {
		{ "keynote", "keynote" }, { "lightning", "lightning" }, { "workshop", "tutorial" },
		{ "tutorial", "tutorial" }, { "podium", "panel" }, { "panel", "panel" },
		{ "maintainer", "maintainer" },
	};

	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if ((type && strcasestr(type, table[i].word)) || (track && strcasestr(track, table[i].word)))
			return table[i].kind;
	return "talk";
}

static sqlite3_stmt *
prep(struct importer *im, const char *sql)
{
	sqlite3_stmt *st = db_stmt(im->db, sql);

	if (st == NULL)
		fail_at(im, line_of(im), "database: %s", sqlite3_errmsg(im->db));
	return st;
}

static int
done(struct importer *im, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return fail_at(im, line_of(im), "database: %s", sqlite3_errmsg(im->db));
	return 0;
}

/* --- the event -------------------------------------------------------------- */

static const char key_find_sql[] =
	"SELECT local_id, imported FROM source_keys WHERE source = ?1 AND kind = ?2 AND key = ?3";
static const char key_put_sql[] =
	"INSERT INTO source_keys(source, kind, key, local_id, imported, run_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
	" ON CONFLICT(source, kind, key) DO UPDATE SET local_id = excluded.local_id, imported = excluded.imported,"
	" run_id = excluded.run_id";

static long long
key_find(struct importer *im, const char *source, const char *kind, const char *key, struct buf *imported)
{
	sqlite3_stmt *st = prep(im, key_find_sql);
	long long id = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (imported && sqlite3_column_type(st, 1) != SQLITE_NULL)
			buf_puts(imported, (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	return id;
}

static int
key_put(struct importer *im, const char *source, const char *kind, const char *key, long long id,
    const char *imported)
{
	sqlite3_stmt *st = prep(im, key_put_sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, id);
	db_bind_text(st, 5, imported);
	/* The run that last saw the key: the ones this run did not see have vanished. */
	sqlite3_bind_int64(st, 6, im->sum->run_id);
	return done(im, st);
}

static const char change_sql[] =
	"INSERT INTO import_changes(run_id, seq, kind, local_id, action, before, source_key, key_before)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

/* Records one change of this run, for undo. */
static int
change(struct importer *im, const char *kind, long long id, const char *action, const char *before,
    const char *key, const char *key_before)
{
	sqlite3_stmt *st = prep(im, change_sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, im->sum->run_id);
	sqlite3_bind_int(st, 2, ++im->seq);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, id);
	sqlite3_bind_text(st, 5, action, -1, SQLITE_STATIC);
	db_bind_text(st, 6, before);
	db_bind_text(st, 7, key);
	db_bind_text(st, 8, key_before);
	return done(im, st);
}

static const char event_by_slug_sql[] = "SELECT id, time_zone FROM events WHERE slug = ?1";
static const char event_tz_sql[] = "SELECT time_zone FROM events WHERE id = ?1";
static const char event_add_sql[] =
	"INSERT INTO events(name, slug, starts_on, ends_on, time_zone, notes) VALUES (?1, ?2, ?3, ?4, ?5,"
	" 'Created by a schedule import.')";
static const char event_extend_sql[] =
	"UPDATE events SET ends_on = max(ends_on, ?2), starts_on = min(starts_on, ?2) WHERE id = ?1";

/* Finds or creates the event at the first <day>, once the conference is known. */
static int
open_event(struct importer *im)
{
	const char *zone = NULL, *key = im->conf_acronym && !empty(im->conf_acronym) &&
	    im->conf_title ? im->conf_title : im->conf_title;
	sqlite3_stmt *st;
	long long id = 0;

	if (empty(im->conf_title) && im->opt->event_slug == NULL)
		return fail_at(im, line_of(im), "the <conference> has no <title>");
	if (!empty(im->conf_tz))
		zone = im->conf_tz;
	else if (im->opt->tz)
		zone = im->opt->tz;
	if (zone && !tz_known(zone))
		return fail_at(im, line_of(im), "unknown time zone \"%s\"", zone);
	if (im->opt->event_slug) {
		if ((st = prep(im, event_by_slug_sql)) == NULL)
			return -1;
		sqlite3_bind_text(st, 1, im->opt->event_slug, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			id = sqlite3_column_int64(st, 0);
			if (zone == NULL)
				snprintf(im->zone, sizeof(im->zone), "%s", sqlite3_column_text(st, 1));
		}
		sqlite3_reset(st);
		if (id == 0)
			return fail_at(im, line_of(im), "no event with the slug %s", im->opt->event_slug);
	} else if ((id = key_find(im, "conference", "event", key, NULL)) < 0)
		return -1;
	if (id == 0) {
		struct buf slug = BUF_INIT;
		const char *start = !empty(im->conf_start) ? im->conf_start : im->day_date;
		const char *end = !empty(im->conf_end) ? im->conf_end : start;

		if (empty(start) || !date_valid(start, strlen(start)) || !date_valid(end, strlen(end)))
			return fail_at(im, line_of(im), "the conference has no valid <start> date");
		/* A conference's acronym is its short name ("kubecon-eu-2019", "debconf23"); a bare
		 * number ("2025", as pretalx writes) says too little, so the title is used then. */
		const char *base = im->conf_title;

		if (!empty(im->conf_acronym) && strspn(im->conf_acronym, "0123456789") != strlen(im->conf_acronym))
			base = im->conf_acronym;
		if (slug_unique(im->db, "events", base, &slug) == -1 ||
		    (st = prep(im, event_add_sql)) == NULL) {
			buf_release(&slug);
			return fail_at(im, line_of(im), "cannot name the new event");
		}
		sqlite3_bind_text(st, 1, im->conf_title, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, slug.data, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, start, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, strcmp(end, start) < 0 ? start : end, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, zone ? zone : "UTC", -1, SQLITE_STATIC);
		buf_release(&slug);
		if (done(im, st) == -1)
			return -1;
		id = sqlite3_last_insert_rowid(im->db);
		if (key_put(im, "conference", "event", key, id, NULL) == -1 ||
		    change(im, "event", id, "create", NULL, key, NULL) == -1)
			return -1;
	}
	im->sum->event_id = id;
	snprintf(im->source, sizeof(im->source), "event:%lld", id);
	if (zone)
		snprintf(im->zone, sizeof(im->zone), "%s", zone);
	else if (im->zone[0] == '\0' && (st = prep(im, event_tz_sql)) != NULL) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(im->zone, sizeof(im->zone), "%s", sqlite3_column_text(st, 0));
		sqlite3_reset(st);
	}
	if (!tz_known(im->zone))
		snprintf(im->zone, sizeof(im->zone), "UTC");
	return 0;
}

/* --- people and organizations ----------------------------------------------- */

static const char org_key_find_sql[] = "SELECT id FROM temp.org_keys WHERE key = ?1";
static const char org_key_add_sql[] = "INSERT OR IGNORE INTO temp.org_keys(key, id) VALUES (?1, ?2)";
static const char org_add_sql[] =
	"INSERT INTO organizations(name, slug, notes) VALUES (?1, ?2, 'Created by a schedule import.')";

static long long
org_for(struct importer *im, const char *name)
{
	struct buf key = BUF_INIT, slug = BUF_INIT;
	sqlite3_stmt *st;
	long long id = 0;

	org_match_key(name, &key);
	if ((st = prep(im, org_key_find_sql)) == NULL)
		goto out;
	sqlite3_bind_text(st, 1, key.data, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (id)
		goto out;
	if (slug_unique(im->db, "organizations", name, &slug) == -1 || (st = prep(im, org_add_sql)) == NULL) {
		id = -1;
		goto out;
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, slug.data, -1, SQLITE_STATIC);
	if (done(im, st) == -1) {
		id = -1;
		goto out;
	}
	id = sqlite3_last_insert_rowid(im->db);
	im->sum->orgs_new++;
	if (change(im, "organization", id, "create", NULL, NULL, NULL) == -1) {
		id = -1;
		goto out;
	}
	report(im, "new organization: %s\n", name);
	if ((st = prep(im, org_key_add_sql)) != NULL) {
		sqlite3_bind_text(st, 1, key.data, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		done(im, st);
	}
out:
	buf_release(&key);
	buf_release(&slug);
	return id;
}

static const char person_by_slug_sql[] =
	"SELECT id, (?2 = 0 OR EXISTS (SELECT 1 FROM affiliations WHERE person_id = people.id AND org_id = ?2)"
	" OR EXISTS (SELECT 1 FROM appearances WHERE person_id = people.id AND org_id = ?2))"
	" FROM people WHERE slug = ?1";
static const char person_add_sql[] =
	"INSERT INTO people(name, slug, notes) VALUES (?1, ?2, 'Created by a schedule import.')";

/* The person a <person> names: by the source's key, then by name (with the same
 * organization when one is given); a same-named person elsewhere is listed for review. */
static long long
person_for(struct importer *im, const struct person_in *p, long long org)
{
	struct buf slug = BUF_INIT;
	sqlite3_stmt *st;
	long long id = 0;
	int same_org = 0;

	if (p->key && (id = key_find(im, im->source, "person", p->key, NULL)) != 0)
		return id;
	slug_from_name(&slug, p->name);
	if ((st = prep(im, person_by_slug_sql)) == NULL)
		goto out;
	sqlite3_bind_text(st, 1, slug.data, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, org > 0 ? org : 0);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		same_org = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	if (id && !same_org) {
		/* Same name, other organization: maybe the same person after a move, maybe not. */
		report(im, "review: \"%s\" may be /people/%s (another organization)\n",
		    p->name, slug.data);
		im->sum->review++;
		id = 0;
	}
	if (id == 0) {
		buf_reset(&slug);
		if (slug_unique(im->db, "people", p->name, &slug) == -1 || (st = prep(im, person_add_sql)) == NULL) {
			id = -1;
			goto out;
		}
		sqlite3_bind_text(st, 1, p->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, slug.data, -1, SQLITE_STATIC);
		if (done(im, st) == -1) {
			id = -1;
			goto out;
		}
		id = sqlite3_last_insert_rowid(im->db);
		im->sum->people_new++;
		if (change(im, "person", id, "create", NULL, p->key, NULL) == -1) {
			id = -1;
			goto out;
		}
	}
	if (p->key && key_put(im, im->source, "person", p->key, id, NULL) == -1)
		id = -1;
out:
	buf_release(&slug);
	return id;
}

/* --- sessions ------------------------------------------------------------------ */

/* The values this file gives a session, as the JSON kept in source_keys.imported. */
static const char values_sql[] =
	"SELECT json_object('title', ?1, 'subtitle', ?2, 'kind', ?3, 'track', ?4, 'room', ?5,"
	" 'starts_at', ?6, 'duration_min', ?7, 'abstract', ?8, 'url', ?9, 'speakers', json(?10),"
	" 'source_id', CAST(?11 AS INTEGER))";
static const char current_sql[] =
	"SELECT json_object('title', title, 'subtitle', subtitle, 'kind', kind, 'track', track, 'room', room,"
	" 'starts_at', starts_at, 'duration_min', duration_min, 'abstract', abstract, 'url', url,"
	" 'speakers', (SELECT json_group_array(json_array(person_id, org_id)) FROM (SELECT person_id, org_id"
	" FROM appearances WHERE session_id = ?1 ORDER BY position, id))), status FROM sessions WHERE id = ?1";
static const char field_sql[] = "SELECT json_extract(?1, '$.' || ?2)";
static const char insert_sql[] =
	"INSERT INTO sessions(event_id, title, subtitle, kind, track, room, starts_at, duration_min, abstract, url)"
	" SELECT ?2, json_extract(?1, '$.title'), json_extract(?1, '$.subtitle'), json_extract(?1, '$.kind'),"
	" json_extract(?1, '$.track'), json_extract(?1, '$.room'), json_extract(?1, '$.starts_at'),"
	" json_extract(?1, '$.duration_min'), json_extract(?1, '$.abstract'), json_extract(?1, '$.url')";
static const char speakers_clear_sql[] = "DELETE FROM appearances WHERE session_id = ?1";
static const char speaker_add_sql[] =
	"INSERT OR IGNORE INTO appearances(session_id, person_id, org_id, position) VALUES (?1, ?2, nullif(?3, 0), ?4)";
static const char reschedule_sql[] = "UPDATE sessions SET status = 'scheduled' WHERE id = ?1";
static const char seen_find_sql[] =
	"SELECT count(*) FROM source_keys WHERE source = ?2 AND kind = 'session' AND key = ?1 AND run_id = ?3";

static int
field_value(struct importer *im, const char *json, const char *name, struct buf *out)
{
	sqlite3_stmt *st = prep(im, field_sql);

	buf_reset(out);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	db_one_text(st, out);
	return 0;
}

static int
speakers_write(struct importer *im, long long session, const long long *people, const long long *orgs, int n)
{
	sqlite3_stmt *st = prep(im, speakers_clear_sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, session);
	if (done(im, st) == -1)
		return -1;
	for (int i = 0; i < n; i++) {
		if ((st = prep(im, speaker_add_sql)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, session);
		sqlite3_bind_int64(st, 2, people[i]);
		sqlite3_bind_int64(st, 3, orgs[i]);
		sqlite3_bind_int(st, 4, i + 1);
		if (done(im, st) == -1)
			return -1;
	}
	return 0;
}

static int
apply_session(struct importer *im, const char *key, const char *values, const long long *people,
    const long long *orgs, int n)
{
	struct buf last = BUF_INIT, now = BUF_INIT, a = BUF_INIT, b = BUF_INIT, c = BUF_INIT, changed = BUF_INIT;
	sqlite3_stmt *st;
	long long id;
	int rc = -1, cancelled = 0;

	if ((id = key_find(im, im->source, "session", key, &last)) < 0)
		goto out;
	if (id == 0) {
		if ((st = prep(im, insert_sql)) == NULL)
			goto out;
		sqlite3_bind_text(st, 1, values, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, im->sum->event_id);
		if (done(im, st) == -1)
			goto out;
		id = sqlite3_last_insert_rowid(im->db);
		if (speakers_write(im, id, people, orgs, n) == -1 ||
		    change(im, "session", id, "create", NULL, key, NULL) == -1)
			goto out;
		im->sum->sessions_new++;
		report(im, "new: \"%s\"\n", im->s.title);
	} else {
		if ((st = prep(im, current_sql)) == NULL)
			goto out;
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			buf_puts(&now, (const char *)sqlite3_column_text(st, 0));
			cancelled = strcmp((const char *)sqlite3_column_text(st, 1), "cancelled") == 0;
		}
		sqlite3_reset(st);
		if (now.len == 0) {	/* deleted here: the source's copy comes back as new */
			rc = key_put(im, im->source, "session", key, 0, NULL);
			buf_release(&last);
			if (rc == 0)
				rc = apply_session(im, key, values, people, orgs, n);
			goto out_released;
		}
		for (int f = 0; f < F__MAX; f++) {
			const char *name = field_names[f];

			field_value(im, values, name, &a);
			field_value(im, last.len ? last.data : values, name, &b);
			field_value(im, now.data, name, &c);
			if (!last.len)		/* never imported before under this key */
				buf_reset(&b), buf_puts(&b, c.data);
			if (strcmp(a.data, b.data) == 0 || strcmp(a.data, c.data) == 0)
				continue;
			if (strcmp(c.data, b.data) != 0) {
				report(im, "conflict: \"%s\": %s was edited here since the last "
				    "import; kept\n", im->s.title, name);
				im->sum->conflicts++;
				continue;
			}
			{
				char *sql = sqlite3_mprintf("UPDATE sessions SET %w = json_extract(?1, '$.%q'),"
				    " version = version + 1, updated_at = strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now')"
				    " WHERE id = ?2", name, name);
				sqlite3_stmt *u = NULL;
				int ok = sql && sqlite3_prepare_v2(im->db, sql, -1, &u, NULL) == SQLITE_OK;

				if (ok) {
					sqlite3_bind_text(u, 1, values, -1, SQLITE_STATIC);
					sqlite3_bind_int64(u, 2, id);
					ok = sqlite3_step(u) == SQLITE_DONE;
				}
				sqlite3_finalize(u);
				sqlite3_free(sql);
				if (!ok) {
					fail_at(im, im->s.line, "cannot update \"%s\": %s", im->s.title,
					    sqlite3_errmsg(im->db));
					goto out;
				}
			}
			buf_appendf(&changed, "%s%s", changed.len ? ", " : "", name);
		}
		/* Speakers: as a whole, under the same rule. */
		field_value(im, values, "speakers", &a);
		field_value(im, last.len ? last.data : values, "speakers", &b);
		field_value(im, now.data, "speakers", &c);
		if (!last.len)
			buf_reset(&b), buf_puts(&b, c.data);
		if (strcmp(a.data, b.data) != 0 && strcmp(a.data, c.data) != 0) {
			if (strcmp(c.data, b.data) != 0) {
				report(im, "conflict: \"%s\": speakers were edited here since the "
				    "last import; kept\n", im->s.title);
				im->sum->conflicts++;
			} else if (speakers_write(im, id, people, orgs, n) == -1)
				goto out;
			else
				buf_appendf(&changed, "%sspeakers", changed.len ? ", " : "");
		}
		if (cancelled) {	/* back in the schedule */
			if ((st = prep(im, reschedule_sql)) == NULL)
				goto out;
			sqlite3_bind_int64(st, 1, id);
			if (done(im, st) == -1)
				goto out;
			buf_appendf(&changed, "%sstatus", changed.len ? ", " : "");
		}
		if (changed.len) {
			struct buf before = BUF_INIT;

			/* "now" was read before any of the updates above: it is the state to undo to. */
			buf_appendf(&before, "{\"state\":%s,\"status\":\"%s\"}", now.data,
			    cancelled ? "cancelled" : "scheduled");
			if (change(im, "session", id, "update", before.data, key, last.len ? last.data : NULL) == -1) {
				buf_release(&before);
				goto out;
			}
			buf_release(&before);
			im->sum->sessions_changed++;
			report(im, "changed: \"%s\" (%s)\n", im->s.title, changed.data);
		} else
			im->sum->sessions_unchanged++;
	}
	rc = key_put(im, im->source, "session", key, id, values);
out:
	buf_release(&last);
out_released:
	buf_release(&now), buf_release(&a), buf_release(&b), buf_release(&c), buf_release(&changed);
	return rc;
}

/* At </event>: check what the file said, resolve the people, apply the session. */
static int
end_event(struct importer *im)
{
	struct session_in *s = &im->s;
	struct buf key = BUF_INIT, values = BUF_INIT, speakers = BUF_INIT, abstract = BUF_INIT;
	long long people[MAX_PERSONS], orgs[MAX_PERSONS];
	char starts_at[32] = "", dur[16] = "";
	sqlite3_stmt *st;
	time_t utc;
	int offset, minutes = 0, rc = -1, n = 0;

	if (empty(s->title))
		return fail_at(im, s->line, "an <event> has no <title>");
	if (empty(s->guid) && empty(s->id))
		return fail_at(im, s->line, "the event \"%s\" has neither a guid nor an id", s->title);
	/* <date> with its offset is the authority; else <start> in the conference's zone. */
	if (!empty(s->date) && parse_timestamp(s->date, &utc, &offset) == 0)
		tz_format(im->zone, utc, starts_at);
	else if (!empty(s->date) && strchr(s->date, 'T'))
		return fail_at(im, s->line, "the event \"%s\" has an impossible <date> \"%s\"", s->title, s->date);
	else if (!empty(s->start) && !empty(im->day_date)) {
		if (tz_to_utc(im->zone, im->day_date, s->start, &utc) == -1)
			return fail_at(im, s->line, "the event \"%s\" has an impossible <start> \"%s\"", s->title, s->start);
		tz_format(im->zone, utc, starts_at);
	} else
		return fail_at(im, s->line, "the event \"%s\" has no <date> or <start>", s->title);
	if (!empty(s->duration)) {
		if (parse_duration(s->duration, &minutes) == -1)
			return fail_at(im, s->line, "the event \"%s\" has an impossible <duration> \"%s\"",
			    s->title, s->duration);
		snprintf(dur, sizeof(dur), "%d", minutes);
	}
	/* The key: guid, else id; a guid seen before in this file is another slot of it. */
	buf_puts(&key, !empty(s->guid) ? s->guid : s->id);
	if ((st = prep(im, seen_find_sql)) == NULL)
		goto out;
	sqlite3_bind_text(st, 1, key.data, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, im->source, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, im->sum->run_id);
	if (db_one_int(st, 0) > 0)
		buf_appendf(&key, "@%s", starts_at);
	/* People, in order; organizations from "Name [Org]". */
	buf_putc(&speakers, '[');
	for (int i = 0; i < s->npersons; i++) {
		struct person_in *p = &s->persons[i];
		long long org = p->org && *p->org ? org_for(im, p->org) : 0, pid;

		if (org < 0 || (pid = person_for(im, p, org)) < 0)
			goto out;
		people[n] = pid;
		orgs[n++] = org;
		if (org)
			buf_appendf(&speakers, "%s[%lld,%lld]", i ? "," : "", pid, org);
		else
			buf_appendf(&speakers, "%s[%lld,null]", i ? "," : "", pid);
	}
	buf_putc(&speakers, ']');
	if (!empty(s->abstract))
		buf_puts(&abstract, s->abstract);
	if (!empty(s->description) && (empty(s->abstract) || strcmp(s->abstract, s->description) != 0)) {
		if (abstract.len)
			buf_puts(&abstract, "\n\n");
		buf_puts(&abstract, s->description);
	}
	if ((st = prep(im, values_sql)) == NULL)
		goto out;
	db_bind_text(st, 1, s->title);
	db_bind_text(st, 2, s->subtitle);
	sqlite3_bind_text(st, 3, kind_of(s->type, s->track), -1, SQLITE_STATIC);
	db_bind_text(st, 4, s->track);
	db_bind_text(st, 5, !empty(s->room) ? s->room : im->room_name);
	sqlite3_bind_text(st, 6, starts_at, -1, SQLITE_STATIC);
	if (minutes)
		sqlite3_bind_int(st, 7, minutes);
	db_bind_text(st, 8, abstract.data);
	/* Only http(s) addresses without spaces or controls are kept: the schema refuses the rest. */
	if (!empty(s->url) && url_valid(s->url, strlen(s->url)))
		db_bind_text(st, 9, s->url);
	sqlite3_bind_text(st, 10, speakers.data, -1, SQLITE_STATIC);
	if (!empty(s->id) && strspn(s->id, "0123456789") == strlen(s->id))
		sqlite3_bind_text(st, 11, s->id, -1, SQLITE_STATIC);
	if (db_one_text(st, &values) == -1) {
		fail_at(im, s->line, "cannot read the event \"%s\"", s->title);
		goto out;
	}
	rc = apply_session(im, key.data, values.data, people, orgs, n);
out:
	buf_release(&key), buf_release(&values), buf_release(&speakers), buf_release(&abstract);
	return rc;
}

/* A leaf element's text into the right field. */
static void
leaf(struct importer *im, const char *name, int depth)
{
	struct session_in *s = &im->s;
	char **dst = NULL;

	if (im->in_conference && depth == 2) {
		if (!strcmp(name, "title")) dst = &im->conf_title;
		else if (!strcmp(name, "acronym")) dst = &im->conf_acronym;
		else if (!strcmp(name, "start")) dst = &im->conf_start;
		else if (!strcmp(name, "end")) dst = &im->conf_end;
		else if (!strcmp(name, "time_zone_name")) dst = &im->conf_tz;
	} else if (im->in_event && depth == 4) {
		if (!strcmp(name, "date")) dst = &s->date;
		else if (!strcmp(name, "start")) dst = &s->start;
		else if (!strcmp(name, "duration")) dst = &s->duration;
		else if (!strcmp(name, "room")) dst = &s->room;
		else if (!strcmp(name, "title")) dst = &s->title;
		else if (!strcmp(name, "subtitle")) dst = &s->subtitle;
		else if (!strcmp(name, "track")) dst = &s->track;
		else if (!strcmp(name, "type")) dst = &s->type;
		else if (!strcmp(name, "abstract")) dst = &s->abstract;
		else if (!strcmp(name, "description")) dst = &s->description;
		else if (!strcmp(name, "url")) dst = &s->url;
	}
	if (dst) {
		set(dst, text_of(im));
		/* Strip for the single-line fields: producers wrap them. */
	}
}

static int
person(struct importer *im)
{
	struct session_in *s = &im->s;
	struct person_in *p;
	struct buf name = BUF_INIT, org = BUF_INIT;
	char *text;

	if (s->npersons == MAX_PERSONS)
		return 0;	/* more than anyone lists on stage: the rest are ignored */
	text = text_of(im);
	parse_name_org(text, &name, &org);
	free(text);
	if (name.len == 0) {
		buf_release(&name), buf_release(&org);
		return 0;
	}
	p = &s->persons[s->npersons++];
	p->key = attr(im, "guid");
	if (p->key == NULL)
		p->key = attr(im, "id");
	p->name = buf_detach(&name, NULL);
	p->org = org.len ? buf_detach(&org, NULL) : NULL;
	buf_release(&org);
	return 0;
}

static int
element(struct importer *im, const char *name, int depth)
{
	if (depth == 0) {
		if (strcmp(name, "schedule") != 0)
			return fail_at(im, line_of(im), "the root element is <%s>, not <schedule>", name);
		return 0;
	}
	if (depth == 1 && !strcmp(name, "conference"))
		im->in_conference = 1;
	else if (depth == 1 && !strcmp(name, "day")) {
		im->in_conference = 0;
		set(&im->day_date, attr(im, "date"));
		if (im->day_date && !date_valid(im->day_date, strlen(im->day_date)))
			return fail_at(im, line_of(im), "a <day> has an impossible date \"%s\"", im->day_date);
		if (im->sum->event_id == 0 && open_event(im) == -1)
			return -1;
		if (im->day_date) {	/* a day outside the event's dates widens them */
			sqlite3_stmt *st = prep(im, event_extend_sql);

			if (st == NULL)
				return -1;
			sqlite3_bind_int64(st, 1, im->sum->event_id);
			sqlite3_bind_text(st, 2, im->day_date, -1, SQLITE_STATIC);
			if (done(im, st) == -1)
				return -1;
		}
	} else if (depth == 2 && !strcmp(name, "room") && !im->in_conference)
		set(&im->room_name, attr(im, "name"));
	else if (depth == 3 && !strcmp(name, "event") && im->day_date) {
		session_clear(&im->s);
		im->s.id = attr(im, "id");
		im->s.guid = attr(im, "guid");
		im->s.line = line_of(im);
		im->in_event = 1;
	} else if (im->in_event && depth == 5 && !strcmp(name, "person"))
		return person(im);
	else
		leaf(im, name, depth);
	return 0;
}

/* The source's session keys this run did not see have vanished from the schedule. The "+"s keep
 * the planner on the (source, kind, key) key: the (kind, local_id) and (status, kind) indexes
 * would walk the keys or sessions of every event. */
static const char vanished_record_sql[] =
	"INSERT INTO import_changes(run_id, seq, kind, local_id, action, before, source_key, key_before)"
	" SELECT ?2, ?3 + row_number() OVER (ORDER BY k.local_id), 'session', k.local_id, 'cancel', NULL, k.key,"
	" k.imported FROM source_keys k JOIN sessions s ON s.id = k.local_id"
	" WHERE k.source = ?1 AND +k.kind = 'session' AND s.status = 'scheduled'"
	" AND k.run_id IS NOT ?2";
static const char vanished_sql[] =
	"UPDATE sessions SET status = 'cancelled', version = version + 1,"
	" updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE +status = 'scheduled' AND id IN"
	" (SELECT local_id FROM source_keys WHERE source = ?1 AND +kind = 'session' AND run_id IS NOT ?2)";
static const char rooms_sql[] =
	"SELECT count(DISTINCT room) FROM sessions WHERE event_id = ?1 AND status = 'scheduled'";
/* Full-text indexing of the rows this run adds waits for its end (schema/0005_import_speed.sql). */
static const char fts_defer_sql[] =
	"DELETE FROM fts_deferred;"
	"INSERT INTO fts_deferred SELECT (SELECT coalesce(max(id), 0) + 1 FROM sessions),"
	" (SELECT coalesce(max(id), 0) + 1 FROM people), (SELECT coalesce(max(id), 0) + 1 FROM organizations);";
static const char *const fts_catch_up_sql[] = {
	"INSERT INTO sessions_fts(rowid, title, abstract) SELECT id, title, abstract FROM sessions"
	" WHERE id >= ?1 AND id < ?2",
	"INSERT INTO people_fts(rowid, name, bio) SELECT id, name, bio FROM people WHERE id >= ?1 AND id < ?2",
	"INSERT INTO organizations_fts(rowid, name) SELECT id, name FROM organizations WHERE id >= ?1 AND id < ?2",
};
static const char *const fts_added_sql[] = {	/* the first and last id the run added */
	"SELECT sessions_from, (SELECT coalesce(max(id), 0) FROM sessions) FROM fts_deferred",
	"SELECT people_from, (SELECT coalesce(max(id), 0) FROM people) FROM fts_deferred",
	"SELECT orgs_from, (SELECT coalesce(max(id), 0) FROM organizations) FROM fts_deferred",
};
#define FTS_BATCH	4096	/* rows a statement: one statement for them all grows with the file */

/* Indexes the rows the run added, a batch of ids at a time, and ends the deferral. */
static int
fts_catch_up(struct importer *im)
{
	for (size_t t = 0; t < sizeof(fts_catch_up_sql) / sizeof(fts_catch_up_sql[0]); t++) {
		sqlite3_stmt *st = prep(im, fts_added_sql[t]);
		long long first = 1, last = 0;

		if (st == NULL)
			return -1;
		if (sqlite3_step(st) == SQLITE_ROW) {
			first = sqlite3_column_int64(st, 0);
			last = sqlite3_column_int64(st, 1);
		}
		sqlite3_reset(st);
		for (long long from = first; from <= last; from += FTS_BATCH) {
			if ((st = prep(im, fts_catch_up_sql[t])) == NULL)
				return -1;
			sqlite3_bind_int64(st, 1, from);
			sqlite3_bind_int64(st, 2, from + FTS_BATCH);
			if (done(im, st) == -1)
				return -1;
		}
	}
	return db_exec(im->db, "DELETE FROM fts_deferred") == -1 ?
	    fail_at(im, line_of(im), "database: %s", sqlite3_errmsg(im->db)) : 0;
}

static const char run_start_sql[] =
	"INSERT INTO import_runs(user_login, file_name, sha256, counts) VALUES (?1, ?2, ?3, '{}')";
static const char run_sql[] =
	"UPDATE import_runs SET event_id = ?4, counts = json_object('new', ?5, 'changed', ?6,"
	" 'unchanged', ?7, 'cancelled', ?8, 'people_new', ?9, 'orgs_new', ?10, 'review', ?11,"
	" 'conflicts', ?12) WHERE id = ?13";

static int
finish(struct importer *im, const char *sha)
{
	struct import_summary *sum = im->sum;
	sqlite3_stmt *st;

	if (sum->event_id == 0)
		return fail_at(im, line_of(im), "the schedule has no <day> with events");
	if ((st = prep(im, vanished_record_sql)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, im->source, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, sum->run_id);
	sqlite3_bind_int(st, 3, im->seq);
	if (done(im, st) == -1)
		return -1;
	if ((st = prep(im, vanished_sql)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, im->source, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, sum->run_id);
	if (done(im, st) == -1)
		return -1;
	sum->sessions_cancelled = sqlite3_changes(im->db);
	if (im->report_lines > REPORT_LINES)
		buf_appendf(&sum->report, "... and %d more lines\n", im->report_lines - REPORT_LINES);
	im->report_lines = 0;	/* the closing line is kept whatever came before */
	if (sum->sessions_cancelled)
		report(im, "cancelled: %d sessions missing from this file\n", sum->sessions_cancelled);
	if ((st = prep(im, rooms_sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, sum->event_id);
	sum->rooms = (int)db_one_int(st, 0);
	(void)sha;
	if (fts_catch_up(im) == -1)
		return -1;
	if ((st = prep(im, run_sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 13, sum->run_id);
	sqlite3_bind_int64(st, 4, sum->event_id);
	sqlite3_bind_int(st, 5, sum->sessions_new);
	sqlite3_bind_int(st, 6, sum->sessions_changed);
	sqlite3_bind_int(st, 7, sum->sessions_unchanged);
	sqlite3_bind_int(st, 8, sum->sessions_cancelled);
	sqlite3_bind_int(st, 9, sum->people_new);
	sqlite3_bind_int(st, 10, sum->orgs_new);
	sqlite3_bind_int(st, 11, sum->review);
	sqlite3_bind_int(st, 12, sum->conflicts);
	return done(im, st);
}

/* SQL function org_key(name): the key organizations are matched by (parse.c). */
static void
sql_org_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct buf b = BUF_INIT;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	org_match_key((const char *)sqlite3_value_text(argv[0]), &b);
	sqlite3_result_text(ctx, b.data, (int)b.len, SQLITE_TRANSIENT);
	buf_release(&b);
}

/*
 * The organizations' match keys live in a temp table of the connection and outlive a run:
 * they are rebuilt only when organizations may have changed since the last committed run
 * on this connection, by another connection (data_version) or by this one (total_changes).
 * A run that rolls back rolls the temp table back with it and leaves the mark stale.
 */
static _Thread_local struct {
	sqlite3		*db;
	long long	 changes, version;
} org_keys_mark;

static const char data_version_sql[] = "PRAGMA data_version";

static void
org_keys_note(sqlite3 *db, long long *changes, long long *version)
{
	*changes = sqlite3_total_changes64(db);
	*version = db_one_int(db_stmt(db, data_version_sql), -1);
}

static int
prepare_run(struct importer *im)
{
	long long changes, version;

	sqlite3_create_function(im->db, "org_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
	    sql_org_key, NULL, NULL);
	org_keys_note(im->db, &changes, &version);
	if ((org_keys_mark.db != im->db || org_keys_mark.changes != changes ||
	    org_keys_mark.version != version) &&
	    db_exec(im->db, "CREATE TEMP TABLE IF NOT EXISTS org_keys(key TEXT PRIMARY KEY, id INTEGER);"
	    "DELETE FROM temp.org_keys;"
	    "INSERT OR IGNORE INTO temp.org_keys SELECT org_key(name), id FROM organizations ORDER BY id;") == -1)
		return fail_at(im, 0, "database: %s", sqlite3_errmsg(im->db));
	if (db_exec(im->db, fts_defer_sql) == -1)
		return fail_at(im, 0, "database: %s", sqlite3_errmsg(im->db));
	return 0;
}

static void
importer_release(struct importer *im)
{
	session_clear(&im->s);
	free(im->conf_title), free(im->conf_acronym), free(im->conf_start), free(im->conf_end);
	free(im->conf_tz), free(im->day_date), free(im->room_name);
}

/* Reads the whole document; the reader is freed here. */
static int
run(sqlite3 *db, xmlTextReaderPtr reader, const char *sha, const struct import_options *opt,
    struct import_summary *sum, struct buf *err)
{
	struct importer im = { 0 };
	int rc, root_seen = 0;

	memset(sum, 0, sizeof(*sum));
	buf_init(&sum->report, 0);
	im.db = db, im.reader = reader, im.opt = opt, im.sum = sum, im.err = err;
	if (reader == NULL) {
		buf_appendf(err, "%s: cannot read the file", opt->file_name);
		return -1;
	}
	xmlTextReaderSetErrorHandler(reader, on_xml_error, &im);
	/* One transaction holds the whole import: a bounded 16 MiB page cache keeps SQLite from
	 * spilling it to the WAL page by page; only the organizations' match keys are held in memory. */
	sqlite3_exec(db, "PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
	if (db_begin(db) == -1) {
		xmlFreeTextReader(reader);
		buf_appendf(err, "%s: the database is busy", opt->file_name);
		return -1;
	}
	if (prepare_run(&im) == -1)
		goto fail;
	{
		sqlite3_stmt *st = prep(&im, run_start_sql);

		if (st == NULL)
			goto fail;
		db_bind_text(st, 1, opt->user_login);
		db_bind_text(st, 2, opt->file_name);
		sqlite3_bind_text(st, 3, sha, -1, SQLITE_STATIC);
		if (done(&im, st) == -1)
			goto fail;
		sum->run_id = sqlite3_last_insert_rowid(db);
	}
	while (!im.failed && (rc = xmlTextReaderRead(reader)) == 1) {
		int type = xmlTextReaderNodeType(reader), depth = xmlTextReaderDepth(reader);
		const char *name = (const char *)xmlTextReaderConstName(reader);

		if (depth > MAX_DEPTH) {
			fail_at(&im, line_of(&im), "elements nested deeper than %d", MAX_DEPTH);
			break;
		}
		switch (type) {
		case XML_READER_TYPE_DOCUMENT_TYPE:
			/* Schedules carry no DOCTYPE; entity tricks (billion laughs, external
			 * entities) need one, so it is refused before anything is expanded. */
			fail_at(&im, line_of(&im), "a DOCTYPE is not accepted in a schedule");
			break;
		case XML_READER_TYPE_ENTITY_REFERENCE:
		case XML_READER_TYPE_ENTITY:
			fail_at(&im, line_of(&im), "entity references are not accepted");
			break;
		case XML_READER_TYPE_ELEMENT:
			root_seen = 1;
			element(&im, name, depth);
			break;
		case XML_READER_TYPE_END_ELEMENT:
			if (depth == 3 && im.in_event && !strcmp(name, "event")) {
				im.in_event = 0;
				end_event(&im);
			} else if (depth == 1 && !strcmp(name, "conference"))
				im.in_conference = 0;
			break;
		default:
			break;
		}
	}
	if (!im.failed && rc != 0)
		fail_at(&im, line_of(&im), "the file is not well-formed XML");
	if (!im.failed && !root_seen)
		fail_at(&im, 1, "the file is empty");
	if (!im.failed)
		finish(&im, sha);
	if (im.failed)
		goto fail;
	xmlFreeTextReader(reader);
	importer_release(&im);
	if (opt->dry_run) {
		db_rollback(db);
		sum->run_id = 0;
		return 0;
	}
	if (db_commit(db) == -1) {
		buf_appendf(err, "%s: the import could not be committed", opt->file_name);
		return -1;
	}
	org_keys_mark.db = db;
	org_keys_note(db, &org_keys_mark.changes, &org_keys_mark.version);
	return 0;
fail:
	xmlFreeTextReader(reader);
	importer_release(&im);
	import_summary_release(sum);	/* the caller only gets a summary on success */
	db_rollback(db);
	return -1;
}

/* libxml2 options: no network, no entity substitution, no DTD loading, no XInclude,
 * no growing past libxml2's default limits; comments and blanks are skipped. */
#define SAFE_OPTIONS	(XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING)

int
import_schedule_file(sqlite3 *db, const char *path, const struct import_options *opt,
    struct import_summary *sum, struct buf *err)
{
	unsigned char h[crypto_hash_sha256_BYTES], chunk[65536];
	char hex[crypto_hash_sha256_BYTES * 2 + 1];
	crypto_hash_sha256_state st;
	FILE *f = fopen(path, "rb");
	size_t n;

	if (f == NULL) {
		buf_appendf(err, "%s: cannot open the file", path);
		return -1;
	}
	crypto_hash_sha256_init(&st);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		crypto_hash_sha256_update(&st, chunk, n);
	fclose(f);
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	return run(db, xmlReaderForFile(path, NULL, SAFE_OPTIONS), hex, opt, sum, err);
}

int
import_schedule_memory(sqlite3 *db, const char *data, size_t len, const struct import_options *opt,
    struct import_summary *sum, struct buf *err)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[crypto_hash_sha256_BYTES * 2 + 1];

	if (len > (size_t)2147483647) {
		buf_appendf(err, "%s: the file is too large", opt->file_name);
		return -1;
	}
	crypto_hash_sha256(h, (const unsigned char *)data, len);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	return run(db, xmlReaderForMemory(data, (int)len, opt->file_name, NULL, SAFE_OPTIONS), hex, opt,
	    sum, err);
}

void
import_summary_release(struct import_summary *sum)
{
	buf_release(&sum->report);
}
