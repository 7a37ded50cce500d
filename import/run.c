/*
 * run.c: one import run, stage by stage (import.h). The reader goes over the file twice: a
 * first time for what must be known before anything is stored (the UTC offsets the zone is
 * inferred from, which person ids are keys), then with the stages in line: map, match, apply.
 * The file's SHA-256 and its format are found first.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/params.h"
#include "import/apply.h"
#include "import/dedup.h"
#include "import/gov_run.h"
#include "import/import.h"
#include "import/map.h"
#include "import/parse.h"
#include "import/match.h"
#include "import/sniff.h"
#include "import/store.h"
#include "import/tz.h"
#include "import/zone.h"

struct run {
	struct report		 r;
	const struct imp_source	*src;
	struct zone_evidence	 ev;
	int			 zone_named;	/* by the run or the file: no evidence needed */
	struct zone_choice	 zone;
	struct map_ctx		 map;
	struct match		 match;
	struct store		*st;
	/* The conference, as the file gives it. */
	char			*conf[IMP_C__MAX];
	int			 conf_line[IMP_C__MAX];
	int			 event_open;
	char			 first_day[11], last_day[11];
	struct buf		 key;
	/* What readers of other formats add (reader.h): */
	char			 session_zone[64];	/* the first zone a session's time was given in */
	struct dedup		 dedup;
	/* The rooms of the file's sessions, one a line: a dry run stores none to count. */
	struct buf		 rooms;
	int			 nrooms;
};

/* --- the first reading -------------------------------------------------------------- */

/* A zone given for the run or named by the file makes the offsets' evidence moot. */
static int
pre_conference(void *arg, const struct imp_conference *c)
{
	struct run *run = arg;

	run->zone_named = (run->r.opt->tz && tz_known(run->r.opt->tz)) ||
	    (c->f[IMP_C_ZONE].s && tz_known(c->f[IMP_C_ZONE].s));
	return IMP_CONTINUE;
}

static int
pre_day(void *arg, const struct imp_day *d)
{
	struct run *run = arg;

	if (!run->zone_named)
		zone_observe_day(&run->ev, d);
	return IMP_CONTINUE;
}

static int
pre_session(void *arg, const struct imp_session *s)
{
	struct run *run = arg;

	if (!run->zone_named)
		zone_observe_session(&run->ev, s);
	match_observe(&run->match, s);
	dedup_observe(&run->dedup, s);
	if (s->f[IMP_ZONE].s && !run->session_zone[0] && strlen(s->f[IMP_ZONE].s) < sizeof(run->session_zone))
		snprintf(run->session_zone, sizeof(run->session_zone), "%s", s->f[IMP_ZONE].s);
	return IMP_CONTINUE;
}

static int
pre_warning(void *arg, int line, const struct imp_session *s, const char *category, const char *text)
{
	(void)arg, (void)line, (void)s, (void)category, (void)text;
	return IMP_CONTINUE;	/* said in the second reading */
}

/* --- the event --------------------------------------------------------------------------- */

static int
zone_warnings(struct run *run)
{
	const struct zone_choice *z = &run->zone;
	const char *named = run->conf[IMP_C_ZONE];
	struct buf some = BUF_INIT;
	int rc = 0, n = 0;

	if (named && z->from != ZONE_FILE && z->from != ZONE_OPTION && !tz_known(named))
		rc = report_warn(&run->r, run->conf_line[IMP_C_ZONE], NULL, "time", "time zone \"%.*s\" "
		    "is not one this system knows: left out", UTF8_CLIP(named, 60));
	if (z->from == ZONE_INFERRED)
		report_line(&run->r, "time zone: %s, the only zone the file's UTC offsets fit", z->name);
	for (const char *p = z->fits.data; *p && n < 4; p += strcspn(p, "\n") + 1, n++)
		buf_appendf(&some, "%s%.*s", n ? ", " : "", (int)strcspn(p, "\n"), p);
	if (rc == 0 && z->from == ZONE_OFFSETS)
		rc = report_warn(&run->r, 0, NULL, "time", "the file names no time zone; its times carry "
		    "UTC offsets that fit %s%s%s: they are kept as given, and the event's zone is %s. "
		    "Give the conference's zone with --tz ZONE, or pick it in the preview", z->nfits ?
		    (z->nfits > 4 ? "several zones (" : "the zones ") : "no single zone", some.data,
		    z->nfits > 4 ? ", ...)" : "", z->name);
	if (rc == 0 && z->from == ZONE_ASSUMED)
		rc = report_warn(&run->r, 0, NULL, "time", "the file does not say where the conference "
		    "takes place (no time zone, no UTC offsets): its times are taken as UTC. If it "
		    "was elsewhere, import it again with --tz ZONE (e.g. --tz Europe/Brussels), or pick "
		    "the zone in the preview");
	buf_release(&some);
	return rc;
}

/* The event's name: the conference's title, else its acronym, else the file's name. */
static int
event_name(struct run *run, struct buf *name)
{
	const char *t = run->conf[IMP_C_TITLE] ? run->conf[IMP_C_TITLE] : run->conf[IMP_C_ACRONYM];
	char *squashed;

	if (t == NULL) {
		const char *base = strrchr(run->r.opt->file_name, '/');

		base = base ? base + 1 : run->r.opt->file_name;
		buf_appendf(name, "%.*s", (int)strcspn(base, "."), base);
		return report_warn(&run->r, 0, NULL, "structure", "the <conference> has no <title>: the "
		    "event is named \"%s\" after the file", name->data);
	}
	squashed = map_squash(t);
	buf_puts(name, squashed ? squashed : t);
	free(squashed);
	if (map_cut(&run->map, name->data, MAP_NAME_MAX, "conference title", run->conf_line[IMP_C_TITLE],
	    NULL) == -1)
		return -1;
	buf_truncate(name, strlen(name->data));
	return 0;
}

/* The event found again: the one asked for, our own export's (by its slug), the conference's. */
static long long
find_event(struct run *run, const char *key, struct buf *zone)
{
	const char *slug = run->r.opt->event_slug;
	long long id;

	if (slug) {
		if ((id = store_event_by_slug(run->st, slug, zone)) == 0)
			return report_fail(&run->r, 0, "no event with the slug %s", slug);
		return id;
	}
	if (run->map.own && run->conf[IMP_C_ACRONYM] &&
	    (id = store_event_by_slug(run->st, run->conf[IMP_C_ACRONYM], zone)) != 0)
		return id;
	return store_event_by_key(run->st, key, zone);
}

/* A new event's dates: the conference's, else the first date the file gives (fallback). */
static int
event_dates(struct run *run, const char *fallback, char start[11], char end[11])
{
	struct imp_text t[2] = { { run->conf[IMP_C_START], run->conf_line[IMP_C_START] },
	    { run->conf[IMP_C_END], run->conf_line[IMP_C_END] } };
	int failed, rc;

	if ((rc = map_date(&run->map, &t[0], "start", start, &failed)) != 0) {
		if (failed)
			return -1;
		if (fallback == NULL || strlen(fallback) < 10 || !date_valid(fallback, 10))
			return report_fail(&run->r, run->conf_line[IMP_C_START], "the schedule gives no date "
			    "for its conference, days or sessions: nothing to import");
		snprintf(start, 11, "%s", fallback);
	}
	if (map_date(&run->map, &t[1], "end", end, &failed) != 0) {
		if (failed)
			return -1;
		snprintf(end, 11, "%s", start);
	}
	return 0;
}

/* Finds or makes the event, once, before the first day or session; the zone is chosen here. */
static int
open_event(struct run *run, const char *fallback)
{
	struct buf name = BUF_INIT, zone = BUF_INIT;
	const char *acronym = run->conf[IMP_C_ACRONYM];
	char start[11], end[11];
	long long id;
	int rc = -1, made = 0;

	if (run->event_open++)
		return 0;
	if (event_name(run, &name) == -1 || (id = find_event(run, name.data, &zone)) == -1)
		goto out;
	/* (a calendar without X-WR-TIMEZONE: the zone its TZIDs name) */
	zone_choose(&run->zone, run->r.opt->tz, run->conf[IMP_C_ZONE] ? run->conf[IMP_C_ZONE] :
	    run->session_zone[0] ? run->session_zone : NULL, id ? zone.data : NULL, &run->ev);
	if (zone_warnings(run) == -1 || event_dates(run, fallback, start, end) == -1)
		goto out;
	/* An acronym is the conference's short name ("debconf23"); a bare number ("2025", as
	 * pretalx writes) says too little, so the title makes the slug then. */
	if (id == 0 && (made = 1) && (id = store_event_add(run->st, name.data, acronym &&
	    strspn(acronym, "0123456789") != strlen(acronym) ? acronym : name.data, start, end,
	    run->zone.name, name.data)) == -1)
		goto out;
	match_event(&run->match, id, made);
	run->r.sum->event_id = id;
	snprintf(run->r.sum->zone, sizeof(run->r.sum->zone), "%s", run->zone.name);
	run->r.sum->zone_from = run->zone.from;
	buf_puts(&run->r.sum->zone_fits, run->zone.fits.data);
	rc = 0;
out:
	buf_release(&name), buf_release(&zone);
	return rc;
}

/* --- the second reading -------------------------------------------------------------- */

static int
on_conference(void *arg, const struct imp_conference *c)
{
	struct run *run = arg;
	const char *gen = c->f[IMP_C_GENERATOR].s, *sys = c->f[IMP_C_SYSTEM].s, *dc = c->f[IMP_C_DAY_CHANGE].s;
	int h, m;

	for (int i = 0; i < IMP_C__MAX; i++) {
		run->conf[i] = c->f[i].s ? xstrdup(c->f[i].s) : NULL;
		run->conf_line[i] = c->f[i].line;
	}
	run->map.own = gen && sys && strcmp(gen, "lectern") == 0 &&
	    strcmp(sys, store_installation(run->st)) == 0;
	run->match.own = run->map.own;
	run->map.day_change = dc && sscanf(dc, "%2d:%2d", &h, &m) == 2 && h < 24 && m < 60 ? h * 60 + m : -1;
	return IMP_CONTINUE;
}

static int
on_day(void *arg, const struct imp_day *d)
{
	struct run *run = arg;

	if (map_day(&run->map, d) == -1 || open_event(run, run->map.day) == -1)
		return IMP_FAIL;
	if (run->map.day[0] && (run->first_day[0] == '\0' || strcmp(run->map.day, run->first_day) < 0))
		memcpy(run->first_day, run->map.day, 11);
	if (run->map.day[0] && strcmp(run->map.day, run->last_day) > 0)
		memcpy(run->last_day, run->map.day, 11);
	return IMP_CONTINUE;
}

/* Widens the event's dates to the day a session listed under no day starts on (in the event's
 * zone): a calendar's events carry their dates, where schedule.xml's days give the event's. */
static void
widen(struct run *run, const char *starts_at)
{
	if (strlen(starts_at) < 10 || !date_valid(starts_at, 10))
		return;
	if (run->first_day[0] == '\0' || strncmp(starts_at, run->first_day, 10) < 0)
		snprintf(run->first_day, sizeof(run->first_day), "%.10s", starts_at);
	if (strncmp(starts_at, run->last_day, 10) > 0)
		snprintf(run->last_day, sizeof(run->last_day), "%.10s", starts_at);
}

/* A session the file gives but that is not taken: a copy of another (dedup.h), one that
 * will not take place (STATUS:CANCELLED: as if it had vanished, so a known one is cancelled),
 * logistics with --skip-logistics. 1 when s is left out, -1 on a strict failure. */
static int
left_out(struct run *run, const struct imp_session *s)
{
	struct buf name = BUF_INIT;
	int newer, rc = 0;

	report_event_name(&name, s->f[IMP_TITLE].s, s->f[IMP_GUID].s, s->f[IMP_ID].s);
	if (!dedup_take(&run->dedup, s, &newer))
		rc = report_warn(&run->r, s->line, name.data, "structure", newer ? "an older copy (by "
		    "SEQUENCE and LAST-MODIFIED) of a session the file gives again: left out" :
		    "given twice in the file: the later copy is taken") == -1 ? -1 : 1;
	else if (s->f[IMP_STATUS].s && strcmp(s->f[IMP_STATUS].s, "cancelled") == 0)
		report_line(&run->r, "cancelled in the file: %s", name.data), rc = 1;
	else if (run->r.opt->skip_logistics && s->f[IMP_LOGISTICS].s)
		rc = 1;
	if (rc == 1)
		run->r.sum->skipped++;
	buf_release(&name);
	return rc;
}

/* The speakers, each once: two entries of one person in a session are one appearance. */
static int
speakers(struct run *run, struct mapped *m, long long *people, long long *orgs)
{
	int n = 0;

	for (int i = 0; i < m->npersons; i++) {
		const struct mapped_person *p = &m->persons[i];
		long long org = p->org ? match_org(&run->match, p->org) : 0, id;
		int dup = 0;

		if (org == -1 || (id = match_person(&run->match, p, org, m)) == -1)
			return -1;
		for (int k = 0; k < n; k++)
			dup |= people[k] == id;
		if (!dup) {
			people[n] = id;
			orgs[n++] = org;
		}
	}
	return n;
}

/* Counts a room the first time a session names it (a few dozen rooms: a linear search). */
static void
note_room(struct run *run, const char *room)
{
	size_t n;

	if (room == NULL || *room == '\0' || strchr(room, '\n'))
		return;
	n = strlen(room);
	for (const char *p = run->rooms.data; p && *p; p = strchr(p, '\n') + 1)
		if (strncmp(p, room, n) == 0 && p[n] == '\n')
			return;
	buf_appendf(&run->rooms, "%s\n", room);
	run->nrooms++;
}

static int
on_session(void *arg, const struct imp_session *s)
{
	struct run *run = arg;
	long long people[IMP_MAX_PERSONS], orgs[IMP_MAX_PERSONS];
	const char *id = s->f[IMP_ID].s;
	struct mapped m;
	struct apply_in in;
	int rc, written;

	if (open_event(run, s->f[IMP_DATE].s ? s->f[IMP_DATE].s : s->f[IMP_DAY].s) == -1)
		return IMP_FAIL;
	if ((rc = left_out(run, s)) != 0)
		return rc == 1 ? IMP_CONTINUE : IMP_FAIL;
	if ((rc = map_session(&run->map, s, &m)) != 0) {
		mapped_release(&m);
		return rc == 1 ? IMP_CONTINUE : IMP_FAIL;
	}
	if (s->f[IMP_DAY].s == NULL)
		widen(run, m.starts_at);
	written = run->r.sum->sessions_new + run->r.sum->sessions_changed;
	memset(&in, 0, sizeof(in));
	in.m = &m, in.key = run->key.data, in.people = people, in.orgs = orgs;
	in.source_id = id && strspn(id, "0123456789") == strlen(id) ? id : NULL;
	if ((in.n = speakers(run, &m, people, orgs)) == -1 ||
	    match_session_key(&run->match, s, &m, &run->key, &in.local) == -1)
		rc = -1;
	in.key = run->key.data;
	if (rc == 0)
		rc = apply_session(&run->match, &in);
	/* What the reader doubts (a Sched name read two ways), when the session is written: a
	 * re-import of the same file does not ask again. */
	if (rc == 0 && s->f[IMP_REVIEW].s && run->r.sum->sessions_new + run->r.sum->sessions_changed > written) {
		run->r.sum->review++;
		report_line(&run->r, "review: %s: the speakers, %s", mapped_name(&m), s->f[IMP_REVIEW].s);
	}
	if (rc == 0)
		note_room(run, m.room);
	mapped_release(&m);
	return rc == 0 ? IMP_CONTINUE : IMP_FAIL;
}

static int
on_warning(void *arg, int line, const struct imp_session *s, const char *category, const char *text)
{
	struct run *run = arg;
	struct buf name = BUF_INIT;
	int rc;

	if (s)
		report_event_name(&name, s->f[IMP_TITLE].s, s->f[IMP_GUID].s, s->f[IMP_ID].s);
	rc = report_warn(&run->r, line, s ? name.data : NULL, category, "%s", text);
	buf_release(&name);
	return rc == 0 ? IMP_CONTINUE : IMP_FAIL;
}

/* A table's columns and the mapping taken (CSV), for the preview to show and change. */
static int
on_columns(void *arg, const char *columns, const char *mapping)
{
	struct run *run = arg;

	buf_reset(&run->r.sum->columns), buf_reset(&run->r.sum->mapping);
	buf_puts(&run->r.sum->columns, columns);
	buf_puts(&run->r.sum->mapping, mapping);
	return IMP_CONTINUE;
}

/* --- the run ------------------------------------------------------------------------- */

static int
finish(struct run *run)
{
	struct import_summary *sum = run->r.sum;
	int n;

	if (!run->event_open)
		return report_fail(&run->r, 0, "the schedule has no days or sessions: nothing to import");
	if (store_event_dates(run->st, sum->event_id, run->first_day, run->last_day) == -1 ||
	    (n = run->match.new_event ? 0 :
	    store_vanished(run->st, run->match.source, match_seen, &run->match)) == -1)
		return -1;
	sum->sessions_cancelled = n;
	report_end(&run->r);	/* the closing line is kept whatever came before */
	if (n)
		report_line(&run->r, "cancelled: %d sessions missing from this file", n);
	if ((sum->rooms = run->st->dry ? run->nrooms : store_rooms(run->st, sum->event_id)) == -1)
		return -1;
	sum->run_id = store_run_id(run->st);
	return 0;
}

static void
run_release(struct run *run)
{
	for (int i = 0; i < IMP_C__MAX; i++)
		free(run->conf[i]);
	zone_choice_release(&run->zone);
	match_release(&run->match);
	idmap_free(run->map.types);
	buf_release(&run->key);
	buf_release(&run->rooms);
	dedup_release(&run->dedup);
}

/* Both readings of src into db; the store commits only when everything went well. */
static int
run_stages(struct run *run, struct sqlite3 *db, const struct imp_reader *reader, const char *sha)
{
	const struct imp_sink pre = { run, 0, pre_conference, pre_day, pre_session, pre_warning, on_columns };
	const struct imp_sink sink = { run, 1, on_conference, on_day, on_session, on_warning, on_columns };
	struct buf *err = run->r.err;
	int rc;

	if (reader->read(run->src, &pre, err) == -1)
		return -1;
	if ((run->st = store_open(db, run->r.opt->dry_run, &run->r, sha)) == NULL)
		return -1;
	run->match.st = run->st;	/* with what the first reading found */
	rc = reader->read(run->src, &sink, err) == 0 && !run->r.failed && finish(run) == 0;
	if (store_close(run->st, rc) == -1)
		rc = 0;
	if (!rc && err->len == 0)	/* never a refusal without a reason */
		report_fail(&run->r, 0, "the import failed, and nothing was written");
	return rc ? 0 : -1;
}

static int
import_source(struct sqlite3 *db, const struct imp_source *src, const char *head, size_t head_len,
    const char *sha, const struct import_options *opt, struct import_summary *sum, struct buf *err)
{
	struct run run;
	const struct imp_reader *reader;
	const struct gov_format *gov;
	const char *why;
	int rc;

	memset(sum, 0, sizeof(*sum));
	buf_init(&sum->report, 0);
	buf_init(&sum->zone_fits, 0);
	buf_init(&sum->columns, 0), buf_init(&sum->mapping, 0);
	/* Governance files first: a sheet's reader would take sigs.yaml's first line for a header. */
	if ((gov = opt->format ? gov_format_by_name(opt->format) : gov_sniff(head, head_len)) != NULL) {
		if ((rc = gov_import(db, src, gov, sha, opt, sum, err)) == -1)
			import_summary_release(sum);
		return rc;
	}
	memset(&run, 0, sizeof(run));
	run.r.opt = opt, run.r.sum = sum, run.r.err = err;
	run.src = src;
	buf_init(&run.key, 0);
	if (opt->format ? (reader = sniff_by_name(opt->format)) == NULL :
	    (reader = sniff_reader(head, head_len, &why)) == NULL) {
		buf_appendf(err, "%s:1:1: %s", opt->file_name, opt->format ? "no such format" : why);
		import_summary_release(sum);
		return -1;
	}
	sum->format = reader->format;
	run.map.r = &run.r;
	run.map.zone = &run.zone;
	run.map.day_change = -1;
	run.map.types = idmap_new();
	match_init(&run.match, NULL, &run.r);
	dedup_init(&run.dedup);
	rc = run_stages(&run, db, reader, sha);
	run_release(&run);
	if (rc == -1 && opt->columns_out && opt->mapping_out) {
		buf_puts(opt->columns_out, sum->columns.data);
		buf_puts(opt->mapping_out, sum->mapping.data);
	}
	if (rc == -1)
		import_summary_release(sum);	/* the caller only gets a summary on success */
	return rc;
}

int
import_file(struct sqlite3 *db, const char *path, const struct import_options *opt,
    struct import_summary *sum, struct buf *err)
{
	unsigned char h[crypto_hash_sha256_BYTES], chunk[65536];
	char hex[crypto_hash_sha256_BYTES * 2 + 1], head[4096];
	struct imp_source src = { opt->file_name, path, NULL, 0, opt->map };
	crypto_hash_sha256_state st;
	FILE *f = fopen(path, "rb");
	size_t n, head_len = 0;

	if (f == NULL) {
		buf_appendf(err, "%s: cannot open the file", path);
		return -1;
	}
	crypto_hash_sha256_init(&st);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (head_len < sizeof(head)) {
			size_t take = n < sizeof(head) - head_len ? n : sizeof(head) - head_len;

			memcpy(head + head_len, chunk, take);
			head_len += take;
		}
		crypto_hash_sha256_update(&st, chunk, n);
	}
	fclose(f);
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	return import_source(db, &src, head, head_len, hex, opt, sum, err);
}

int
import_memory(struct sqlite3 *db, const char *data, size_t len, const struct import_options *opt,
    struct import_summary *sum, struct buf *err)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[crypto_hash_sha256_BYTES * 2 + 1];
	struct imp_source src = { opt->file_name, NULL, data, len, opt->map };

	if (len > (size_t)2147483647) {
		buf_appendf(err, "%s: the file is too large", opt->file_name);
		return -1;
	}
	crypto_hash_sha256((unsigned char *)h, (const unsigned char *)data, len);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	return import_source(db, &src, data, len < 4096 ? len : 4096, hex, opt, sum, err);
}

void
import_summary_release(struct import_summary *sum)
{
	buf_release(&sum->report);
	buf_release(&sum->zone_fits);
	buf_release(&sum->columns), buf_release(&sum->mapping);
	report_warnings_free(sum);
}

void
import_zone_names(struct buf *out)
{
	tz_names(out);
}

int
import_zone_known(const char *zone)
{
	return tz_known(zone);
}
