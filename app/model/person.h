/* person.h: people — the list, and a person's page: affiliations, speaking history, roles and seats. */
#ifndef LECTERN_PERSON_H
#define LECTERN_PERSON_H
#include "core/request.h"
#include "model/model.h"
#include "model/role.h"
#include "model/session.h"

struct person_item {
	const char	*name, *slug, *github;
	const char	*org_now;	/* the organization of an open affiliation, or NULL */
	long long	 sessions;
};

struct person_list {
	struct person_item	*items;
	size_t			 n;
	long long		 total;
};

struct affiliation_item {
	long long	 id;
	const char	*org, *org_slug, *title, *since, *until;
};

/* A session of a person's speaking history. */
struct appearance_item {
	struct session_item	 session;
	const char		*role;			/* speaker, moderator, panelist, host */
	const char		*org, *org_slug;	/* represented then, or NULL */
	const char		**co_speakers;		/* the others' slugs, by person id */
	size_t			 n_co_speakers;
};

struct person_page {
	long long		 id;
	const char		*name, *slug, *github, *bio;
	const char		*links;		/* a JSON array of addresses */
	const char		*email, *notes;	/* private: staff only */
	struct affiliation_item	*affiliations;	/* latest first */
	size_t			 n_affiliations;
	struct appearance_item	*history;	/* newest first */
	size_t			 n_history;
	struct role_item	*roles;		/* latest first */
	size_t			 n_roles;
};

enum model_status	person_list(struct request *, long long offset, int limit, struct person_list *);
/* speaker_orgs 0 leaves the history's speakers without their organizations and in no order
 * (the JSON shows neither: only the co-speakers, by person id); the cheaper statement. */
enum model_status	person_page(struct request *, const char *slug, int speaker_orgs, struct person_page *);
/* A person's speaking history and roles alone (/me). */
enum model_status	person_history(struct request *, long long person, struct appearance_item **,
			    size_t *n);
enum model_status	person_roles(struct request *, long long person, struct role_item **, size_t *n);

#endif
