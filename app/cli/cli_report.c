/*
 * cli_report.c: `lectern report --org SLUG --pdf FILE`: an organization's report as a PDF, through
 * headless Chromium. No server is started: the page is rendered by the same route and page code
 * as /orgs/{slug}/report (router_dispatch, anonymously), written with its stylesheet inlined to a
 * temporary file, and Chromium prints that file:// page.
 */
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/assets.h"
#include "core/config.h"
#include "core/log.h"
#include "core/params.h"
#include "core/request.h"
#include "http/router.h"
#include "model/database.h"

extern char **environ;

static const char report_usage[] =
"usage: lectern report --db FILE --org SLUG [--as-of YYYY-MM-DD] (--pdf FILE | --html FILE)\n"
"\n"
"Writes the organization's End User Journey report (/orgs/SLUG/report) as a PDF printed by\n"
"headless Chromium (chromium, chromium-browser or google-chrome on PATH, or $CHROMIUM), or as\n"
"a self-contained HTML file. A4 unless --letter.\n";

struct report_opts {
	const char	*db, *org, *as_of, *pdf, *html;
	int		 letter;
};

static int
parse(int argc, char *argv[], struct report_opts *o)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' }, { "org", required_argument, NULL, 'o' },
		{ "as-of", required_argument, NULL, 'a' }, { "pdf", required_argument, NULL, 'p' },
		{ "html", required_argument, NULL, 'H' }, { "letter", no_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 }
	};
	static const struct param_rule slug = { "org", P_SLUG, 0, 0, 120, NULL };
	const char *why;
	int c;

	memset(o, 0, sizeof(*o));
	o->db = "data/lectern.db";
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1)
		switch (c) {
		case 'd': o->db = optarg; break;
		case 'o': o->org = optarg; break;
		case 'a': o->as_of = optarg; break;
		case 'p': o->pdf = optarg; break;
		case 'H': o->html = optarg; break;
		case 'l': o->letter = 1; break;
		default: fputs(report_usage, c == 'h' ? stdout : stderr); return 2;
		}
	if (o->org == NULL || (o->pdf == NULL) == (o->html == NULL)) {
		fputs(report_usage, stderr);
		return 2;
	}
	if (param_check(&slug, o->org, strlen(o->org), &why) != 0)
		return log_err("--org: \"%s\" %s", o->org, why);
	if (o->as_of && !date_valid(o->as_of, strlen(o->as_of)))
		return log_err("--as-of: a date is YYYY-MM-DD");
	return 0;
}

/* The page as an anonymous visitor gets it; its stylesheet inlined, since a file:// page cannot
 * load /assets/style.css (and the page needs no script). */
static int
render(const struct report_opts *o, struct buf *html)
{
	const struct embedded *css = asset_find("style.css");
	struct request req;
	const char *head;
	int rc = -1;

	req_init(&req);
	req.method = HTTP_GET;
	req.method_name = "GET";
	req.remote_addr = "127.0.0.1";
	req.path = req_printf(&req, "/orgs/%s/report", o->org);
	if (o->as_of)
		param_push(&req, &req.query, "as_of", o->as_of, strlen(o->as_of));
	config.page_cache_size = 0;	/* one render: its body stays in req.out, not in a kept page */
	router_dispatch(&req);
	if (req.status != 200 || (head = strstr(req.out.data, "</head>")) == NULL)
		log_err("report: %s: %s", o->org, req.status == 404 ? "no such organization" :
		    req.error_detail ? req.error_detail : "could not be rendered");
	else {
		buf_append(html, req.out.data, (size_t)(head - req.out.data));
		buf_puts(html, "<style>");
		if (css)
			buf_append(html, (const char *)css->data, css->len);
		if (o->letter)
			buf_puts(html, "@page { size: Letter; }");
		else
			buf_puts(html, "@page { size: A4; }");
		buf_puts(html, "</style>");
		buf_puts(html, head);
		rc = 0;
	}
	req_free(&req);
	return rc;
}

static int
write_file(const char *path, const struct buf *b)
{
	FILE *f = fopen(path, "w");
	int rc = 0;

	if (f == NULL)
		return log_err("%s: cannot write it", path);
	if (fwrite(b->data, 1, b->len, f) != b->len)
		rc = -1;
	if (fclose(f) != 0 || rc)
		return log_err("%s: cannot write it", path);
	return 0;
}

/* The Chromium to run: $CHROMIUM, else the first of the usual names on PATH. */
static const char *
chromium(void)
{
	static const char *const names[] = { "chromium", "chromium-browser", "google-chrome" };
	static char found[4096];
	const char *path = getenv("PATH"), *env = getenv("CHROMIUM");

	if (env && *env)
		return env;
	for (size_t i = 0; path && i < sizeof(names) / sizeof(names[0]); i++)
		for (const char *p = path; *p; p += strcspn(p, ":") + (p[strcspn(p, ":")] == ':')) {
			snprintf(found, sizeof(found), "%.*s/%s", (int)strcspn(p, ":"), p, names[i]);
			if (access(found, X_OK) == 0)
				return found;
		}
	return NULL;
}

/* Prints dir/report.html to pdf with headless Chromium (its profile in dir too). */
static int
print_pdf(const char *dir, const char *pdf)
{
	static char headless[] = "--headless", no_gpu[] = "--disable-gpu", bare[] = "--no-pdf-header-footer",
	    no_sandbox[] = "--no-sandbox";
	char page[4200], out[4200], profile[4200];
	const char *exe = chromium();
	char *argv[10];
	posix_spawn_file_actions_t quiet;
	int n = 0, status, spawned;
	pid_t pid;

	if (exe == NULL)
		return log_err("report: no Chromium found (install chromium, or set CHROMIUM); "
		    "--html FILE writes the page for a browser's Save as PDF");
	snprintf(page, sizeof(page), "file://%s/report.html", dir);
	snprintf(out, sizeof(out), "--print-to-pdf=%s", pdf);
	snprintf(profile, sizeof(profile), "--user-data-dir=%s/profile", dir);
	argv[n++] = (char *)exe;
	argv[n++] = headless;
	argv[n++] = no_gpu;
	argv[n++] = bare;
	argv[n++] = profile;
	if (geteuid() == 0)
		argv[n++] = no_sandbox;	/* Chromium refuses to run as root with its sandbox */
	argv[n++] = out;
	argv[n++] = page;
	argv[n] = NULL;
	/* Chromium's own chatter (D-Bus, "bytes written") is not ours to show. */
	posix_spawn_file_actions_init(&quiet);
	posix_spawn_file_actions_addopen(&quiet, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&quiet, 2, "/dev/null", O_WRONLY, 0);
	spawned = posix_spawn(&pid, exe, &quiet, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&quiet);
	if (spawned != 0)
		return log_err("report: cannot run %s", exe);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return log_err("report: %s failed", exe);
	if (access(pdf, R_OK) != 0)
		return log_err("report: %s wrote no %s", exe, pdf);
	return 0;
}

static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path) == 0 ? 0 : -1;
}

/* The temporary directory and what Chromium left in it (its profile). */
static void
remove_tree(const char *dir)
{
	if (nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS) != 0)
		log_err("report: could not remove %s", dir);
}

int
cmd_report(int argc, char *argv[])
{
	struct report_opts o;
	struct buf html = BUF_INIT;
	char dir[] = "/tmp/lectern-report-XXXXXX", file[64];
	int rc;

	if ((rc = parse(argc, argv, &o)) != 0)
		return 2;
	config_defaults(&config);
	assets_init();
	if (database_open(o.db, 0) != MODEL_OK || render(&o, &html) != 0) {
		buf_release(&html);
		return 1;
	}
	if (o.html)
		rc = write_file(o.html, &html);
	else if (mkdtemp(dir) == NULL)
		rc = log_err("report: cannot make a temporary directory");
	else {
		snprintf(file, sizeof(file), "%s/report.html", dir);
		rc = write_file(file, &html) == 0 ? print_pdf(dir, o.pdf) : -1;
		remove_tree(dir);
	}
	buf_release(&html);
	return rc == 0 ? 0 : 1;
}
