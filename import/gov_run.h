/*
 * gov_run.h: a governance file's import, by stage: gov_run.c tells the format and runs it
 * (one transaction, the run record), the pure parsers (gov_yaml.c, gov_toc.c, gov_gitdm.c)
 * read the file, gov_bodies.c takes bodies and TOC seats, gov_people.c says who and which
 * organization, gov_terms.c which term a role continues, opens or closes, gov_affil.c merges
 * gitdm's affiliations, and gov_store.c writes.
 *
 * A file is a snapshot, true on the run's date (--as-of): a role it lists opens a term at that
 * date or continues one; a term the source opened and the file no longer lists closes at that
 * date; dates the file gives (tags.yaml's term, the TOC's start and end) win over inferred ones.
 */
#ifndef LECTERN_IMPORT_GOV_RUN_H
#define LECTERN_IMPORT_GOV_RUN_H
#include "import/gov_store.h"
#include "import/idmap.h"
#include "import/match.h"
#include "import/reader.h"

enum gov_reader { GOV_READ_YAML, GOV_READ_TOC, GOV_READ_GITDM };

struct gov_format {
	const char	*name;		/* --format: "sigs-yaml" */
	const char	*format;	/* as the summary names it: "sigs.yaml" */
	const char	*scope;		/* the records' source: "k8s-sigs" */
	enum gov_reader	 reader;
};

struct gov_run {
	struct report			 r;
	const struct gov_format		*fmt;
	struct store			*st;
	struct match			 m;		/* organizations: match_org */
	char				 as_of[11];
	/* What the run met: "gh" a login (a = the person), "pn" the slug of a person it made
	 * without a login (a = the person), "role" a term it saw (a = 1), "aff" a gitdm
	 * handle already merged (a = 1). */
	struct idmap			*ids;
	long long			*bodies;	/* the bodies the file lists */
	size_t				 nbodies;
	/* gitdm: the people whose affiliations the file gives, and the source of those rows
	 * ("gitdm:developers_affiliations1.txt": each file of gitdm's replaces its own). */
	long long			*people;
	size_t				 npeople;
	char				 aff_source[160];
};

/* The governance format of a file starting with head, or NULL; by --format name, or NULL. */
const struct gov_format	*gov_sniff(const char *head, size_t len);
const struct gov_format	*gov_format_by_name(const char *name);
/* Imports src as fmt (import.h's contract: 0, or -1 with the reason in err). */
int			 gov_import(struct sqlite3 *, const struct imp_source *, const struct gov_format *,
			    const char *sha, const struct import_options *, struct import_summary *,
			    struct buf *err);

/* gov_bodies.c: the bodies of sigs.yaml or tags.yaml and their leaders; the TOC's members. */
struct gov_bodies;
struct toc_list;
int		 gov_take_bodies(struct gov_run *, const struct gov_bodies *);
int		 gov_take_toc(struct gov_run *, const struct toc_list *);

/* gov_people.c: the person a file's entry means (made when none matches; a new person gets
 * the login); the organization a company names (0 for none: "Independent", unknown). -1 on
 * error for both. */
long long	 gov_person(struct gov_run *, const char *github, const char *name, long long org,
		    const char *email, int line);
long long	 gov_org(struct gov_run *, const char *company);
/* The registry's person with that login, never made; 0 for none, -1. */
long long	 gov_person_known(struct gov_run *, const char *github);

/* gov_terms.c: one role of the file, and at the end the terms it no longer lists. */
struct gov_term {
	struct gov_role_in	 r;		/* org 0: the person's affiliation at the start */
	const char		*start, *end;	/* dates the file gives ("": none) */
	const char		*who;		/* "Saad Ali, chair of sig-storage", for the report */
	int			 line;
};
int		 gov_term(struct gov_run *, const struct gov_term *);
int		 gov_close_terms(struct gov_run *);

/* gov_affil.c: one gitdm block (gitdm_person_fn); at the end, the rows of the file's source
 * that no block gave again are deleted. */
struct gitdm_person;
int		 gov_take_gitdm(void *run, const struct gitdm_person *);
int		 gov_affil_finish(struct gov_run *);

#endif
