/* gov_run.c: a governance file's import run: its format, its date, its one transaction (gov_run.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/params.h"
#include "import/gov_gitdm.h"
#include "import/gov_run.h"
#include "import/gov_toc.h"
#include "import/gov_yaml.h"

static const struct gov_format formats[] = {
	{ "sigs-yaml", "sigs.yaml", "k8s-sigs", GOV_READ_YAML },
	{ "tags-yaml", "tags.yaml", "cncf-tags", GOV_READ_YAML },
	{ "toc-readme", "TOC README", "cncf-toc", GOV_READ_TOC },
	{ "gitdm", "gitdm affiliations", "gitdm", GOV_READ_GITDM },
};
#define NFORMATS	(sizeof(formats) / sizeof(formats[0]))

const struct gov_format *
gov_format_by_name(const char *name)
{
	for (size_t i = 0; name && i < NFORMATS; i++)
		if (strcmp(formats[i].name, name) == 0)
			return &formats[i];
	return NULL;
}

/* --- what a file is ------------------------------------------------------------------- */

static int
starts(const char *p, const char *end, const char *word)
{
	size_t n = strlen(word);

	return (size_t)(end - p) >= n && memcmp(p, word, n) == 0;
}

/* The first top-level key of a YAML file says which of the two files it is. */
static const struct gov_format *
yaml_of(const char *line, const char *end)
{
	static const char *const sigs[] = { "sigs:", "workinggroups:", "committees:", "usergroups:" };
	static const char *const tags[] = { "tags:", "toc_subprojects:" };

	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (starts(line, end, sigs[i]))
			return &formats[0];
	for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]); i++)
		if (starts(line, end, tags[i]))
			return &formats[1];
	return NULL;
}

/* "handle: email!domain, ...", the head of a gitdm block. */
static int
gitdm_head(const char *line, const char *end)
{
	const char *p = line, *colon = memchr(line, ':', (size_t)(end - line));

	if (colon == NULL || colon == line || colon + 1 >= end || colon[1] != ' ')
		return 0;
	for (; p < colon; p++)
		if (!(*p == '-' || *p == '_' || *p == '.' || *p == '*' || (*p >= '0' && *p <= '9') ||
		    ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')))
			return 0;
	return memchr(colon, '!', (size_t)(end - colon)) != NULL;
}

/* A Markdown heading naming the TOC's members. */
static int
members_heading(const char *line, const char *end)
{
	return line < end && *line == '#' && memmem(line, (size_t)(end - line), "Members", 7) &&
	    !memmem(line, (size_t)(end - line), "Past", 4) && !memmem(line, (size_t)(end - line), "Former", 6);
}

const struct gov_format *
gov_sniff(const char *head, size_t len)
{
	const char *p = head, *end = head + len;
	int first = 1, markdown = 0, content = 0;

	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (const char *nl; p < end; p = nl + 1, first = 0) {
		const char *le = (nl = memchr(p, '\n', (size_t)(end - p))) ? nl : end;

		/* gitdm's files open with "# " comments too: a heading names the members */
		if (first && *p == '#' && le - p > 1 && p[1] == ' ')
			markdown = 1;
		if (markdown && members_heading(p, le))
			return &formats[2];
		if (!content && p < le && *p != '#' && *p != ' ' && *p != '\t' && *p != '\r') {
			const struct gov_format *f = gitdm_head(p, le) ? &formats[3] : yaml_of(p, le);

			if (f || !markdown)
				return f;
			content = 1;	/* a README's prose: its heading may come */
		}
		if (nl == NULL)
			break;
	}
	return NULL;
}

/* --- the run ------------------------------------------------------------------------------ */

static void
parser_warning(void *arg, int line, const char *message)
{
	struct gov_run *g = arg;

	report_warn(&g->r, line, NULL, "record", "%s", message);	/* --strict: r.failed */
}

/* A file the parsers read whole, read whole: at most max bytes (the parsers refuse more). */
static int
whole(const struct imp_source *src, size_t max, struct buf *out, const char **text, size_t *len,
    struct report *r)
{
	FILE *f;
	char chunk[65536];
	size_t n;

	if (src->path == NULL) {
		*text = src->data, *len = src->len;
		return 0;
	}
	if ((f = fopen(src->path, "rb")) == NULL)
		return report_fail(r, 0, "cannot open the file");
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 && out->len <= max)
		buf_append(out, chunk, n);
	fclose(f);
	*text = out->data, *len = out->len;
	return 0;
}

static int
read_gitdm(struct gov_run *g, const struct imp_source *src, struct gov_err *e)
{
	FILE *f;
	int rc;

	if (src->path == NULL)
		return gov_gitdm_parse(src->data, src->len, gov_take_gitdm, parser_warning, g, e);
	if ((f = fopen(src->path, "rb")) == NULL)
		return gov_fail(e, 0, "cannot open the file");
	rc = gov_gitdm_read(f, gov_take_gitdm, parser_warning, g, e);
	fclose(f);
	return rc;
}

/* Snapshots of a scope go oldest first: a later date already imported would be undone by
 * this one's closings. */
static int
in_order(struct gov_run *g)
{
	char last[11];

	if (g->fmt->reader == GOV_READ_GITDM)
		return 0;
	if (gov_store_last_as_of(g->st, g->fmt->scope, last) == -1)
		return -1;
	if (last[0] && strcmp(last, g->as_of) > 0)
		return report_fail(&g->r, 0, "this file's records were last imported as of %s, after %s: import "
		    "snapshots oldest first (tools/import-history.sh does), or undo the later runs first", last,
		    g->as_of);
	return 0;
}

/* The parsed file (bodies, TOC list) or the streamed one (gitdm) into the registry. */
static int
take(struct gov_run *g, const struct imp_source *src, const char *text, size_t len)
{
	struct gov_bodies *bodies = NULL;
	struct toc_list *toc = NULL;
	struct gov_err e = { 0, "" };
	int rc;

	if (g->fmt->reader == GOV_READ_GITDM)
		rc = read_gitdm(g, src, &e) == 0 && !g->r.failed ? gov_affil_finish(g) : -1;
	else if (g->fmt->reader == GOV_READ_YAML)
		rc = gov_yaml_parse(text, len, parser_warning, g, &bodies, &e) == -1 ? -1 :
		    gov_take_bodies(g, bodies);
	else
		rc = gov_toc_parse(text, len, parser_warning, g, &toc, &e) == -1 ? -1 : gov_take_toc(g, toc);
	if (bodies)
		gov_bodies_free(bodies);
	if (toc)
		gov_toc_free(toc);
	if (rc != 0 && e.msg[0])
		report_fail(&g->r, e.line, "%s", e.msg);
	if (rc == 0 && g->fmt->reader != GOV_READ_GITDM)
		rc = gov_close_terms(g);
	if (rc == 0 && g->r.opt->recredit && (g->r.sum->gov.appearances_credited = gov_store_recredit(g->st)) < 0)
		rc = -1;
	return rc == 0 && !g->r.failed ? 0 : -1;
}

static void
today(char out[11])
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static int
run(struct gov_run *g, struct sqlite3 *db, const struct imp_source *src, const char *sha)
{
	struct buf file = BUF_INIT;
	const char *text = NULL;
	size_t len = 0;
	int ok;

	if (g->fmt->reader != GOV_READ_GITDM &&
	    whole(src, g->fmt->reader == GOV_READ_YAML ? GOV_YAML_FILE_MAX : TOC_FILE_MAX, &file, &text,
	    &len, &g->r) == -1) {
		buf_release(&file);
		return -1;
	}
	if ((g->st = store_open(db, g->r.opt->dry_run, &g->r, sha)) == NULL) {
		buf_release(&file);
		return -1;
	}
	match_init(&g->m, g->st, &g->r);
	ok = gov_store_begin(g->st) == 0 && in_order(g) == 0 && take(g, src, text, len) == 0;
	report_end(&g->r);
	g->r.sum->run_id = store_run_id(g->st);
	if (store_close(g->st, ok) == -1)
		ok = 0;
	match_release(&g->m);
	buf_release(&file);
	if (!ok && g->r.err->len == 0)
		report_fail(&g->r, 0, "the import failed, and nothing was written");
	return ok ? 0 : -1;
}

int
gov_import(struct sqlite3 *db, const struct imp_source *src, const struct gov_format *fmt, const char *sha,
    const struct import_options *opt, struct import_summary *sum, struct buf *err)
{
	struct gov_run g;
	int rc;

	memset(&g, 0, sizeof(g));
	g.r.opt = opt, g.r.sum = sum, g.r.err = err;
	g.fmt = fmt;
	g.ids = idmap_new();
	sum->governance = 1;
	sum->format = fmt->format;
	sum->scope = fmt->scope;
	/* Each of gitdm's files replaces the rows it gave before, and only those. */
	snprintf(g.aff_source, sizeof(g.aff_source), "gitdm:%s", strrchr(opt->file_name, '/') ?
	    strrchr(opt->file_name, '/') + 1 : opt->file_name);
	if (opt->as_of)
		snprintf(g.as_of, sizeof(g.as_of), "%s", opt->as_of);
	else
		today(g.as_of);
	memcpy(sum->as_of, g.as_of, sizeof(sum->as_of));
	if (strlen(g.as_of) != 10 || !date_valid(g.as_of, 10))
		rc = report_fail(&g.r, 0, "as of \"%s\": not a date (YYYY-MM-DD)", g.as_of);
	else
		rc = run(&g, db, src, sha);
	idmap_free(g.ids);
	free(g.bodies);
	free(g.people);
	return rc;
}
