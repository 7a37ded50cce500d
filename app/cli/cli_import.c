/* cli_import.c: `lectern import` — a schedule.xml into the registry, with a summary of what changed. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "model/db.h"
#include "core/log.h"
#include "import/schedule.h"
#include "import/tz.h"

static const char usage[] =
"usage: lectern import --db FILE [--event SLUG] [--tz ZONE] [--dry-run] [--quiet] SCHEDULE.xml...\n"
"       lectern import --db FILE --list\n"
"       lectern import --db FILE --undo RUN\n"
"\n"
"Imports frab/Pentabarf schedule.xml files (pretalx, frab, Pentabarf, wafer...), each\n"
"in one transaction: on any error nothing of that file is written and the message\n"
"names file, line, column and reason; the other files are still imported and the\n"
"exit status is 1. Importing the same file again changes nothing; an updated\n"
"schedule updates sessions in place, adds new ones and marks vanished ones\n"
"cancelled. A field edited by hand since the last import is kept and reported.\n"
"\n"
"  --event SLUG  import into this existing event (default: found or created from\n"
"                the file's <conference>); one file only\n"
"  --tz ZONE     the IANA time zone when the file names none (Pentabarf)\n"
"  --dry-run     report what would change; write nothing\n"
"  --quiet       the summary only, not each change\n"
"  --list        the imports recorded so far\n"
"  --undo RUN    restore exactly what import RUN changed (the latest of its event)\n";

static int
list_runs(sqlite3 *db)
{
	static const char sql[] =
	    "SELECT r.id, r.at, coalesce(r.user_login, '-'), r.file_name, substr(r.sha256, 1, 12),"
	    " coalesce(e.slug, '-'), r.counts || CASE WHEN r.undone_at IS NULL THEN '' ELSE ' undone' END FROM import_runs r LEFT JOIN events e ON e.id = r.event_id"
	    " ORDER BY r.id";
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW)
		printf("%lld %s %s %s %s %s %s\n", sqlite3_column_int64(st, 0), sqlite3_column_text(st, 1),
		    sqlite3_column_text(st, 2), sqlite3_column_text(st, 3), sqlite3_column_text(st, 4),
		    sqlite3_column_text(st, 5), sqlite3_column_text(st, 6));
	sqlite3_reset(st);
	return 0;
}

static void
spool_line(void *arg, const char *line)
{
	fputs(line, arg);
}

/* Imports one file in its own transaction and prints what it changed; 0 or -1. The report
 * is spooled to a temporary file (memory stays flat however large the schedule) and printed
 * only when the import succeeds: a failed one changed nothing. */
static int
import_one(sqlite3 *db, const char *file, struct import_options *opt, int quiet)
{
	struct import_summary sum;
	struct buf err = BUF_INIT;
	FILE *spool = quiet ? NULL : tmpfile();
	char chunk[8192];
	size_t n;

	opt->file_name = file;
	opt->report_line = spool ? spool_line : NULL;
	opt->report_arg = spool;
	if (import_schedule_file(db, file, opt, &sum, &err) == -1) {
		fprintf(stderr, "lectern: %s\n", err.data);
		buf_release(&err);
		if (spool)
			fclose(spool);
		return -1;
	}
	if (spool) {
		rewind(spool);
		while ((n = fread(chunk, 1, sizeof(chunk), spool)) > 0)
			fwrite(chunk, 1, n, stdout);
		fclose(spool);
	} else if (!quiet && sum.report.len)
		fputs(sum.report.data, stdout);
	printf("%s%s: sessions %d new, %d changed, %d unchanged, %d cancelled; %d rooms;"
	    " people %d new; organizations %d new; %d matches to review; %d conflicts%s\n",
	    opt->dry_run ? "dry run: " : "", file, sum.sessions_new, sum.sessions_changed,
	    sum.sessions_unchanged, sum.sessions_cancelled, sum.rooms, sum.people_new, sum.orgs_new,
	    sum.review, sum.conflicts, opt->dry_run ? " (nothing written)" : "");
	if (sum.run_id)
		printf("import run %lld\n", sum.run_id);
	import_summary_release(&sum);
	buf_release(&err);
	return 0;
}

int
cmd_import(int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' }, { "event", required_argument, NULL, 'e' },
		{ "tz", required_argument, NULL, 'z' }, { "dry-run", no_argument, NULL, 'n' },
		{ "quiet", no_argument, NULL, 'q' }, { "list", no_argument, NULL, 'l' },
		{ "undo", required_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 }
	};
	struct import_options opt = { 0 };
	struct buf err = BUF_INIT;
	const char *path = NULL;
	int c, quiet = 0, list = 0, rc;
	long undo = 0;
	sqlite3 *db;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': path = optarg; break;
		case 'e': opt.event_slug = optarg; break;
		case 'z': opt.tz = optarg; break;
		case 'n': opt.dry_run = 1; break;
		case 'q': quiet = 1; break;
		case 'l': list = 1; break;
		case 'u':
			if (cli_number(optarg, 1, 2147483647, &undo) == -1)
				return log_err("--undo: %s is not an import run number", optarg), 2;
			break;
		case 'h': fputs(usage, stdout); return 0;
		default: fputs(usage, stderr); return 2;
		}
	}
	if (path == NULL || (list || undo ? optind != argc : optind == argc) ||
	    (opt.event_slug && optind != argc - 1)) {
		fputs(usage, stderr);
		return 2;
	}
	if (opt.tz && !tz_known(opt.tz))
		return log_err("--tz: unknown time zone \"%s\"", opt.tz), 2;
	if (cli_open_db(path, 1, &db) == -1)
		return 1;
	if (undo) {
		rc = import_undo(db, undo, &err);
		if (rc == -1)
			fprintf(stderr, "lectern: %s\n", err.data);
		else
			printf("import run %ld undone\n", undo);
		buf_release(&err);
		db_close(db);
		return rc == 0 ? 0 : 1;
	}
	if (list) {
		rc = list_runs(db);
		db_close(db);
		return rc == 0 ? 0 : 1;
	}
	for (rc = 0; optind < argc; optind++)
		if (import_one(db, argv[optind], &opt, quiet) == -1)
			rc = -1;
	db_close(db);
	return rc == 0 ? 0 : 1;
}
