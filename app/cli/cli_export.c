/* cli_export.c: `lectern export speakers|schedule`: the export module to standard output. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/log.h"
#include "core/params.h"
#include "export/export.h"
#include "model/conn.h"

static const char export_usage[] =
"usage: lectern export speakers --db FILE [--event SLUG [--with-colocated]] [--org SLUG]\n"
"                       [--kind K] [--track T] [--from DATE] [--to DATE] [--body SLUG [--role R]]\n"
"                       [--person SLUG] [--shape appearances|speakers] [--public-url URL]\n"
"                       [--format csv|json|xlsx] [--bom] [--include-email]\n"
"       lectern export schedule --db FILE (--event SLUG | --person SLUG) [--format xml|ics]\n"
"\n"
"Writes a speaker list (CSV per RFC 4180, or a JSON array) or a schedule (frab\n"
"schedule.xml, or iCalendar) to standard output. Dates are YYYY-MM-DD.\n"
"--include-email adds the speakers' email addresses (private: handle with care).\n"
"--public-url makes the links to session pages absolute (https://lectern.example/sessions/42).\n";

/* The option values that are slugs: checked as the web routes check them. */
static int
slug_ok(const char *opt, const char *v)
{
	static const struct param_rule slug = { "slug", P_SLUG, 0, 0, 120, NULL };
	const char *why;

	if (param_check(&slug, v, strlen(v), &why) == 0)
		return 0;
	return log_err("--%s: \"%s\" %s", opt, v, why);
}

/* The format named, and the dates and slugs checked as the web routes check them. */
static int
checked(struct export_filter *f, const char *fmt)
{
	static const char *const formats[EXPORT_FORMAT__MAX] = { "csv", "json", "xml", "ics", "xlsx" };

	for (int i = 0; fmt && i < EXPORT_FORMAT__MAX; i++)
		if (strcmp(fmt, formats[i]) == 0)
			f->format = (enum export_format)i, fmt = NULL;
	if (fmt)
		return log_err("--format: \"%s\" is not csv, json, xml or ics", fmt);
	if ((f->from && !date_valid(f->from, strlen(f->from))) ||
	    (f->to && !date_valid(f->to, strlen(f->to))))
		return log_err("--from/--to: a date is YYYY-MM-DD");
	if ((f->event && slug_ok("event", f->event)) || (f->org && slug_ok("org", f->org)) ||
	    (f->body && slug_ok("body", f->body)) || (f->person && slug_ok("person", f->person)))
		return -1;
	return 0;
}

static int
parse(int argc, char *argv[], struct export_filter *f, const char **db)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "event", required_argument, NULL, 'e' },
		{ "with-colocated", no_argument, NULL, 'c' },
		{ "org", required_argument, NULL, 'o' },
		{ "kind", required_argument, NULL, 'k' },
		{ "track", required_argument, NULL, 't' },
		{ "public-url", required_argument, NULL, 'U' },
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "body", required_argument, NULL, 'b' },
		{ "role", required_argument, NULL, 'r' },
		{ "person", required_argument, NULL, 'p' },
		{ "shape", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ "bom", no_argument, NULL, 'B' },
		{ "include-email", no_argument, NULL, 'E' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *fmt = NULL;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': *db = optarg; break;
		case 'e': f->event = optarg; break;
		case 'c': f->colocated = 1; break;
		case 'o': f->org = optarg; break;
		case 'k': f->kind = optarg; break;
		case 't': f->track = optarg; break;
		case 'U': f->base = optarg; break;
		case 'F': f->from = optarg; break;
		case 'T': f->to = optarg; break;
		case 'b': f->body = optarg; break;
		case 'r': f->role = optarg; break;
		case 'p': f->person = optarg; break;
		case 'B': f->bom = 1; break;
		case 'E': f->include_email = 1; break;
		case 'f': fmt = optarg; break;
		case 's':
			if (strcmp(optarg, "speakers") == 0)
				f->shape = EXPORT_SPEAKERS;
			else if (strcmp(optarg, "appearances") != 0)
				return log_err("--shape: \"%s\" is not appearances or speakers", optarg);
			break;
		case 'h': fputs(export_usage, stdout); return 1;
		default: fputs(export_usage, stderr); return -1;
		}
	}
	if (checked(f, fmt) == -1)
		return -1;
	if (*db == NULL || optind != argc) {
		fputs(export_usage, stderr);
		return -1;
	}
	return 0;
}

int
cmd_export(int argc, char *argv[])
{
	struct export_filter f = { 0 };
	struct export_stream *s;
	const char *path = NULL, *what = argc > 1 ? argv[1] : "";
	int schedule = strcmp(what, "schedule") == 0, rc;
	struct db_conn *db;

	if (strcmp(what, "--help") == 0 || strcmp(what, "-h") == 0)
		return fputs(export_usage, stdout), 0;
	if (!schedule && strcmp(what, "speakers") != 0)
		return fputs(export_usage, stderr), 2;
	f.format = schedule ? EXPORT_XML : EXPORT_CSV;
	if ((rc = parse(argc - 1, argv + 1, &f, &path)) != 0)
		return rc == 1 ? 0 : 2;
	if (schedule ? (f.format != EXPORT_XML && f.format != EXPORT_ICS) :
	    (f.format != EXPORT_CSV && f.format != EXPORT_JSON && f.format != EXPORT_XLSX))
		return log_err("--format: not a format for %s", what), 2;
	if (schedule && f.event == NULL && (f.person == NULL || f.format != EXPORT_ICS))
		return log_err("schedule: --event SLUG is required (or --person SLUG with --format ics)"), 2;
	if ((db = conn_open(path, 1)) == NULL)
		return 1;
	s = schedule ? export_schedule_new(db, 1, &f) : export_speakers_new(db, 1, &f);
	if (s == NULL) {
		log_err("%s: nothing to export (is the slug right?)", path);
		return 1;
	}
	rc = export_write(s, stdout);
	export_free(s);
	return rc == 0 ? 0 : 1;
}
