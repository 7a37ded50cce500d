/* gov_people.c: who a governance file's entry is, and which organization its company is (gov_run.h). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/slug.h"
#include "import/gov.h"
#include "import/gov_run.h"

/* Names that say a person represented no organization, or that nobody knows which. */
static const char *const nobody[] = { "independent", "notfound", "not found", "(unknown)", "unknown",
    "none", "n/a", "-", "?", "self", "self-employed", NULL };

long long
gov_org(struct gov_run *g, const char *company)
{
	if (company == NULL || *company == '\0')
		return 0;
	for (size_t i = 0; nobody[i]; i++)
		if (strcasecmp(company, nobody[i]) == 0)
			return 0;
	return match_org(&g->m, company);
}

/* The run's memory of a login ("gh", in lower case) or of a slug it made a person for ("pn"). */
static struct idmap_entry *
met(struct gov_run *g, const char *kind, const char *key, int create)
{
	char low[128];
	size_t i;

	for (i = 0; key[i] && i < sizeof(low) - 1; i++)
		low[i] = (char)(key[i] >= 'A' && key[i] <= 'Z' ? key[i] | 0x20 : key[i]);
	low[i] = '\0';
	return idmap_key(g->ids, kind, low, create);
}

/* A name match being weighed: the first candidate taken, the first refused and why. */
struct weigh {
	const char	*slug, *github;
	long long	 org, taken, refused;
	int		 has_github;
	const char	*why;
	char		 refused_slug[96];
};

static int
weigh(void *arg, const struct gov_person_row *c)
{
	struct weigh *w = arg;
	struct buf slug = BUF_INIT;
	const char *why = NULL;

	slug_from_name(&slug, c->name);
	if (strcmp(slug.data, w->slug) != 0) {		/* "alex-2" is someone else's slug */
		buf_release(&slug);
		return 0;
	}
	buf_release(&slug);
	if (w->github && c->github && strcasecmp(w->github, c->github) != 0)
		why = "another GitHub handle";
	else if (w->org != 0 && !c->org_link && c->has_org)
		why = "another organization";
	if (why == NULL) {
		w->taken = c->id;
		w->has_github = c->github != NULL;
		return 1;
	}
	if (w->refused == 0) {
		w->refused = c->id;
		w->why = why;
		snprintf(w->refused_slug, sizeof(w->refused_slug), "/people/%s", c->slug);
	}
	return 0;
}

/* The registry's person of that name, when the file's evidence allows; 0 when none. */
static long long
by_name(struct gov_run *g, const char *github, const char *name, long long org, int line)
{
	struct buf slug = BUF_INIT;
	struct weigh w = { NULL, github, org, 0, 0, 0, NULL, "" };
	struct idmap_entry *e;

	slug_from_name(&slug, name);
	w.slug = slug.data;
	if (github == NULL && (e = met(g, "pn", slug.data, 0)) != NULL) {
		buf_release(&slug);
		return e->a;
	}
	if (gov_store_people_named(g->st, slug.data, org, weigh, &w) == -1)
		w.taken = -1;
	else if (w.taken == 0 && w.refused) {
		g->r.sum->review++;
		report_line(&g->r, "review: line %d: \"%s\"%s%s may be %s (%s): made a new person", line, name,
		    github ? " @" : "", github ? github : "", w.refused_slug, w.why);
	} else if (w.taken > 0 && github && !w.has_github &&
	    gov_store_person_set(g->st, w.taken, NULL, github, NULL) == -1)
		w.taken = -1;
	buf_release(&slug);
	return w.taken;
}

/* The person with that login; their name, when it is only their login, from the file. */
static long long
by_github(struct gov_run *g, const char *github, const char *name, const char *email)
{
	struct gov_person_row row;
	struct buf text = BUF_INIT;
	struct idmap_entry *e;
	long long id;

	if ((e = met(g, "gh", github, 0)) != NULL)
		return e->a;
	if ((id = gov_store_person_by_github(g->st, github, &row, &text)) > 0) {
		int placeholder = name && strcasecmp(row.name, github) == 0 && strcmp(row.name, name) != 0;

		if ((placeholder || (email && row.email == NULL)) &&
		    gov_store_person_set(g->st, id, placeholder ? name : NULL, NULL,
		    row.email == NULL ? email : NULL) == -1)
			id = -1;
		else
			met(g, "gh", github, 1)->a = id;
	}
	buf_release(&text);
	return id;
}

long long
gov_person_known(struct gov_run *g, const char *github)
{
	return gov_github_login(github, strlen(github)) ? by_github(g, github, NULL, NULL) : 0;
}

long long
gov_person(struct gov_run *g, const char *github, const char *name, long long org, const char *email,
    int line)
{
	long long id = 0;

	if (github && !gov_github_login(github, strlen(github)))
		github = NULL;
	if (github == NULL && name == NULL)
		return 0;
	if (github && (id = by_github(g, github, name, email)) != 0)
		return id;
	if (name && (id = by_name(g, github, name, org, line)) != 0) {
		if (id > 0 && github)
			met(g, "gh", github, 1)->a = id;
		return id;
	}
	if ((id = gov_store_person_add(g->st, name ? name : github, github, email)) == -1)
		return -1;
	g->r.sum->people_new++;
	if (github)
		met(g, "gh", github, 1)->a = id;
	if (name) {
		struct buf slug = BUF_INIT;

		slug_from_name(&slug, name);
		met(g, "pn", slug.data, 1)->a = id;
		buf_release(&slug);
	}
	return id;
}
