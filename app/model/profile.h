/* profile.h: /me — the person and organization a login is linked to, and the bio and links its member edits. */
#ifndef LECTERN_PROFILE_H
#define LECTERN_PROFILE_H
#include "core/request.h"
#include "model/model.h"

struct profile {
	long long	 person;		/* 0: the login is linked to no person */
	const char	*slug, *bio;
	const char	*links;			/* one address a line */
	long long	 version;
	const char	*org, *org_slug;	/* the linked organization, or NULL */
};

/* The profile of user; MODEL_NOT_FOUND when the user is gone. */
enum model_status	profile_of(struct request *, long long user, struct profile *);
/*
 * Saves person's bio and links (links_json: a JSON array of addresses) over version,
 * with its audit row, in one transaction. MODEL_STALE when the person changed since.
 */
enum model_status	profile_save(struct request *, long long person, const char *bio,
			    const char *links_json, long long version);

#endif
