/* cli_import.c: `lectern import` — schedules and governance records into the registry, with a summary of what changed. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/log.h"
#include "core/params.h"
#include "import/fetch.h"
#include "import/import.h"
#include "model/handle.h"
#include "model/import_runs.h"

/* The summary in the singular where a count is one ("1 warning"). */
#define PLURAL_S(n)	((n) == 1 ? "" : "s")

static const char usage[] =
"usage: lectern import --db FILE [--event SLUG] [--tz ZONE] [--format F] [--map F=COL,...]\n"
"                      [--skip-logistics] [--as-of DATE] [--recredit]\n"
"                      [--dry-run] [--strict] [--quiet] FILE|URL...\n"
"       lectern import --db FILE --list\n"
"       lectern import --db FILE --undo RUN\n"
"\n"
"Imports schedules, each file in one transaction: frab/Pentabarf schedule.xml\n"
"(pretalx, frab, Pentabarf, wafer, the CCC hub...), schedule.json, iCalendar (.ics,\n"
"Sched's all.ics feed included), Sched's API export (JSON) and spreadsheets saved as\n"
"CSV; the format is told from the content. An http(s):// URL is fetched first (public\n"
"addresses only, 64 MiB, 60 s). A file that is not a schedule (broken, hostile,\n"
"another format) is refused with FILE:LINE:COLUMN and the reason, and changes\n"
"nothing; the other files are still imported and the exit status is 1. Inside a\n"
"schedule, every session that can be understood is imported; what cannot be used\n"
"is left out or empty with a warning (on standard error) naming the session, the\n"
"line and what was done. Importing the same file again changes nothing; an updated\n"
"schedule updates sessions in place, adds new ones and marks vanished ones\n"
"cancelled. A field edited by hand since the last import is kept and reported.\n"
"\n"
"Governance records are read too: kubernetes/community's sigs.yaml, cncf/toc's\n"
"tags.yaml and README.md (its TOC members), cncf/gitdm's developers_affiliations*.txt.\n"
"A file is a snapshot, true on --as-of's date: a role it lists opens a term then or\n"
"continues one, a term it opened and no longer lists closes then. Give the snapshots\n"
"of a file's history oldest first: tools/import-history.sh REPO FILE does.\n"
"\n"
"  --event SLUG  import into this existing event (default: found or created from\n"
"                the file's <conference>); one file only\n"
"  --tz ZONE     the conference's IANA time zone, over anything the file says; a\n"
"                file that says nothing (Pentabarf, CSV, Sched's API) is read in\n"
"                UTC, with a warning\n"
"  --format F    read the file as F whatever it looks like: xml, ics, sched-ics\n"
"                (Sched's names split into title and speakers), sched-json, json, csv,\n"
"                sigs-yaml, tags-yaml, toc-readme, gitdm\n"
"  --map F=COL,...  CSV: take column COL (its name in the first row, or #N) for\n"
"                field F: title, speakers, companies, date, start, end, duration,\n"
"                room, track, kind, abstract, url, id\n"
"  --skip-logistics  leave out breaks, meals, registration and the like\n"
"  --as-of DATE  a governance file: the date it was true (YYYY-MM-DD; default today)\n"
"  --recredit    credit appearances that have no organization from the person's\n"
"                affiliation on the session's date (with gitdm's affiliations)\n"
"  --max-time S  a URL: the seconds its download may take (default 60)\n"
"  --allow-loopback  a URL may be on this machine (127.0.0.1, ::1), for testing;\n"
"                private and link-local addresses stay refused\n"
"  --dry-run     report what would change; write nothing\n"
"  --strict      refuse a file on its first warning\n"
"  --quiet       the summary and warnings only, not each change\n"
"  --list        the imports recorded so far\n"
"  --undo RUN    undo what import RUN changed (the latest of its event or file),\n"
"                keeping records edited since; every deletion goes to the history\n";

static int
list_one(void *arg, const struct import_run_row *r)
{
	(void)arg;
	printf("%lld %s %s %s %.12s %s %s%s\n", r->id, r->at, r->user, r->file, r->sha256,
	    r->event_slug ? r->event_slug : "-", r->counts, r->undone ? " undone" : "");
	return 0;
}

static void
spool_line(void *arg, const char *line)
{
	fputs(line, ((FILE **)arg)[0]);
}

/* One warning a line: its line number, a tab, the text (line breaks made spaces). */
static void
spool_warning(void *arg, const struct import_warning *w)
{
	FILE *f = ((FILE **)arg)[1];
	const char *parts[3] = { w->event, w->event ? ": " : NULL, w->text };

	fprintf(f, "%d\t", w->line);
	for (int i = 0; i < 3; i++)
		for (const char *p = parts[i]; p && *p; p++)
			fputc(*p == '\n' || *p == '\r' ? ' ' : *p, f);
	fputc('\n', f);
}

/* Prints the spooled report, and the spooled warnings to standard error. */
static void
print_spools(FILE *spool[2], const char *file)
{
	char chunk[8192];
	size_t n;
	int c;

	if (spool[0]) {
		rewind(spool[0]);
		while ((n = fread(chunk, 1, sizeof(chunk), spool[0])) > 0)
			fwrite(chunk, 1, n, stdout);
	}
	fflush(stdout);	/* the changes before the warnings, in a terminal too */
	rewind(spool[1]);
	for (int line; fscanf(spool[1], "%d\t", &line) == 1;) {
		if (line > 0)
			fprintf(stderr, "%s:%d: warning: ", file, line);
		else
			fprintf(stderr, "%s: warning: ", file);
		while ((c = fgetc(spool[1])) != EOF && c != '\n')
			fputc(c, stderr);
		fputc('\n', stderr);
	}
}

/* The format the file was read as, what was left out, and for a CSV the columns taken. */
static void
print_read_as(const struct import_summary *sum)
{
	printf("read as %s", sum->format);
	if (sum->skipped)
		printf("; %d session%s left out (logistics, cancelled or older copies)", sum->skipped,
		    sum->skipped == 1 ? "" : "s");
	for (const char *p = sum->mapping.data; p && *p; p += strcspn(p, "\n") + 1) {
		int col = atoi(p + strcspn(p, "#") + 1), i = 1;
		const char *name = sum->columns.data;

		while (i++ < col && *name)
			name += strcspn(name, "\n") + 1;
		printf("%s%.*s \"%.*s\"", p == sum->mapping.data ? "; columns: " : ", ", (int)strcspn(p, "="),
		    p, (int)strcspn(name, "\n"), name);
	}
	putchar('\n');
}

/* A governance file's summary: bodies, terms, affiliations. */
static void
print_governance(const char *file, const struct import_summary *sum, int dry)
{
	const struct import_gov_counts *g = &sum->gov;

	printf("%s%s: as of %s: bodies %d new, %d changed; terms %d opened, %d continued, %d changed, "
	    "%d closed; affiliations %d new, %d replaced, %d unchanged; %d appearances credited; people %d new;"
	    " organizations %d new; %d left out; %d to review; %d conflict%s; %d warning%s%s\n", dry ? "dry run: " : "",
	    file, sum->as_of, g->bodies_new, g->bodies_changed, g->terms_opened, g->terms_continued,
	    g->terms_changed, g->terms_closed, g->affiliations_new, g->affiliations_replaced,
	    g->affiliations_unchanged, g->appearances_credited, sum->people_new, sum->orgs_new, g->left_out,
	    sum->review, sum->conflicts, PLURAL_S(sum->conflicts), sum->warnings, PLURAL_S(sum->warnings),
	    dry ? " (nothing written)" : "");
}

/* Imports one file in its own transaction and prints what it changed; 0 or -1. The report
 * and the warnings are spooled to temporary files (memory stays flat however large the
 * schedule) and printed only when the import succeeds: a failed one changed nothing. */
static int
import_one(struct sqlite3 *db, const char *file, struct import_options *opt, const struct fetch_options *fo,
    int quiet)
{
	struct import_summary sum;
	struct buf err = BUF_INIT, data = BUF_INIT;
	FILE *spool[2] = { quiet ? NULL : tmpfile(), tmpfile() };
	int rc = -1, got;

	opt->file_name = file;
	opt->report_line = spool[0] ? spool_line : NULL;
	opt->warning = spool[1] ? spool_warning : NULL;
	opt->report_arg = spool;
	if (fetch_is_url(file) || strstr(file, "://"))
		got = fetch_url(file, fo, &data, &err) == 0 ?
		    import_memory(db, data.data, data.len, opt, &sum, &err) : -1;
	else
		got = import_file(db, file, opt, &sum, &err);
	buf_release(&data);
	if (got == -1) {
		fprintf(stderr, "lectern: %s\n", err.data);
		goto out;
	}
	if (spool[1])
		print_spools(spool, file);
	if (!quiet || sum.skipped)
		print_read_as(&sum);
	if (sum.governance)
		print_governance(file, &sum, opt->dry_run);
	else
		printf("%s%s: sessions %d new, %d changed, %d unchanged, %d cancelled; %d room%s;"
		    " people %d new; organizations %d new; %d match%s to review; %d conflict%s; %d warning%s;"
		    " times in %s%s\n", opt->dry_run ? "dry run: " : "", file, sum.sessions_new,
		    sum.sessions_changed, sum.sessions_unchanged, sum.sessions_cancelled, sum.rooms,
		    PLURAL_S(sum.rooms), sum.people_new, sum.orgs_new, sum.review, sum.review == 1 ? "" : "es",
		    sum.conflicts, PLURAL_S(sum.conflicts), sum.warnings, PLURAL_S(sum.warnings), sum.zone,
		    opt->dry_run ? " (nothing written)" : "");
	if (sum.run_id)
		printf("import run %lld\n", sum.run_id);
	import_summary_release(&sum);
	rc = 0;
out:
	for (int i = 0; i < 2; i++)
		if (spool[i])
			fclose(spool[i]);
	buf_release(&err);
	return rc;
}

static int
undo(struct sqlite3 *db, long run)
{
	struct buf err = BUF_INIT, kept = BUF_INIT;
	int rc = import_undo(db, run, NULL, &kept, &err);

	if (rc == -1)
		fprintf(stderr, "lectern: %s\n", err.data);
	else
		printf("%simport run %ld undone\n", kept.data, run);
	buf_release(&err);
	buf_release(&kept);
	return rc;
}

int
cmd_import(int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' }, { "event", required_argument, NULL, 'e' },
		{ "tz", required_argument, NULL, 'z' }, { "dry-run", no_argument, NULL, 'n' },
		{ "quiet", no_argument, NULL, 'q' }, { "list", no_argument, NULL, 'l' },
		{ "undo", required_argument, NULL, 'u' }, { "strict", no_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' }, { "map", required_argument, NULL, 'm' },
		{ "skip-logistics", no_argument, NULL, 'L' }, { "max-time", required_argument, NULL, 't' },
		{ "allow-loopback", no_argument, NULL, 'A' }, { "as-of", required_argument, NULL, 'o' },
		{ "recredit", no_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 }
	};
	struct import_options opt = { 0 };
	struct fetch_options fo = { 0, 0, 0 };
	const char *path = NULL;
	int c, quiet = 0, list = 0, rc;
	long run = 0;
	struct sqlite3 *db;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': path = optarg; break;
		case 'e': opt.event_slug = optarg; break;
		case 'z': opt.tz = optarg; break;
		case 'n': opt.dry_run = 1; break;
		case 's': opt.strict = 1; break;
		case 'q': quiet = 1; break;
		case 'f': opt.format = optarg; break;
		case 'm': opt.map = optarg; break;
		case 'L': opt.skip_logistics = 1; break;
		case 'o': opt.as_of = optarg; break;
		case 'R': opt.recredit = 1; break;
		case 'A': fo.allow_loopback = 1; break;
		case 't':
			if (cli_number(optarg, 1, 600, &fo.seconds) == -1)
				return log_err("--max-time: %s is not a number of seconds (1-600)", optarg), 2;
			break;
		case 'l': list = 1; break;
		case 'u':
			if (cli_number(optarg, 1, 2147483647, &run) == -1)
				return log_err("--undo: %s is not an import run number", optarg), 2;
			break;
		case 'h': fputs(usage, stdout); return 0;
		default: fputs(usage, stderr); return 2;
		}
	}
	if (path == NULL || (list || run ? optind != argc : optind == argc) ||
	    (opt.event_slug && optind != argc - 1)) {
		fputs(usage, stderr);
		return 2;
	}
	if (opt.tz && !import_zone_known(opt.tz))
		return log_err("--tz: unknown time zone \"%s\"", opt.tz), 2;
	if (opt.as_of && (strlen(opt.as_of) != 10 || !date_valid(opt.as_of, 10)))
		return log_err("--as-of: \"%s\" is not a date (YYYY-MM-DD)", opt.as_of), 2;
	if (opt.format && !import_format_known(opt.format))
		return log_err("--format: \"%s\" is not one of %s", opt.format, import_formats()), 2;
	if (cli_open_db(path, 1, &db) == -1)
		return 1;
	if (run)
		rc = undo(db, run);
	else if (list)
		rc = import_runs_each(db, 1, 0, 0, list_one, NULL) < 0 ? -1 : 0;
	else
		for (rc = 0; optind < argc; optind++)
			if (import_one(db, argv[optind], &opt, &fo, quiet) == -1)
				rc = -1;
	db_close(db);
	return rc == 0 ? 0 : 1;
}
