/*
 * gov_gitdm.h: cncf/gitdm's developers_affiliations*.txt read one person at a time.
 *
 * The shape (devstats reads the same files):
 *   # comments, at the top of each file
 *   handle: email1!domain, email2!domain
 *   <tab>Company until 2018-01-01
 *   <tab>Other Company from 2018-01-01 until 2020-06-01
 *   <tab>Third Company from 2020-06-01
 *   <tab>Company                          (no dates: the whole time known)
 * Emails are written with '!' for '@'; one handle can head several blocks (one per set of
 * emails gitdm found). Memory stays flat: one line and one person are held at a time.
 * company_developers*.txt is derived from these files and is not read.
 */
#ifndef LECTERN_GOV_GITDM_H
#define LECTERN_GOV_GITDM_H
#include <stddef.h>
#include <stdio.h>

#include "import/gov.h"

#define GITDM_LINE_MAX		(64u << 10)	/* bytes of one line; longer is refused */
#define GITDM_EMAILS_MAX	500		/* emails kept per person */
#define GITDM_SPANS_MAX		500		/* affiliation lines kept per person */
#define GITDM_EMAIL_MAX		320		/* bytes of one email */

struct gitdm_span {
	const char	*company;		/* as written */
	char		 from[GOV_DATE_LEN];	/* "" when open at the start */
	char		 until[GOV_DATE_LEN];	/* "" when open at the end */
	int		 line;
};

struct gitdm_person {
	const char			*handle;	/* the GitHub login */
	int				 asterisk;	/* "handle*": gitdm found several
							   affiliations for one person */
	const char *const		*emails;	/* with '@' put back */
	size_t				 nemails;
	const struct gitdm_span		*spans;		/* in file order */
	size_t				 nspans;
	int				 line;		/* of the handle line */
};

/* Called once per block; everything it is given lives until it returns. Returning
 * non-zero stops the read, and gov_gitdm_read returns that value. */
typedef int	(*gitdm_person_fn)(void *arg, const struct gitdm_person *);

/*
 * Reads in to its end, calling each for every block and warn for every line skipped
 * (a bad handle line, an email without '!', a span with a date that is not one, an
 * affiliation before any handle). Returns 0; -1 with err set when the file is refused
 * (a line longer than GITDM_LINE_MAX, a NUL byte, invalid UTF-8, a read error); or what
 * each returned to stop.
 */
int	gov_gitdm_read(FILE *in, gitdm_person_fn each, gov_warn_fn warn, void *arg,
	    struct gov_err *err);
/* The same over text (len bytes). */
int	gov_gitdm_parse(const char *text, size_t len, gitdm_person_fn each, gov_warn_fn warn,
	    void *arg, struct gov_err *err);

#endif
