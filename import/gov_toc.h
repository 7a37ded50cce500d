/*
 * gov_toc.h: the TOC members list of cncf/toc's README.md read into seats and terms.
 *
 * The list is the bullets under a "Members" heading ("## Members", "## TOC Members") and a
 * "Shadows" heading, one line per member, as it has been written since 2016:
 *   * **Name** (term: 2 years - start date: 3/4/2025 - 3/4/2027) [GB-appointed][TOC Chair]
 *   * **Jonathan Boulle** (term: 3 years - start date: 1/29/2016)
 *   * **Faseela K** (term: 2 years 3/4/2025 - 3/4/2027) [GB-appointed]
 *   * **Ricardo Rocha** (term: remainder of 2 years - start date 2/1/2021 - 2/4/2022) [...]
 *   * **Liz Rice** (term: ...) [GB-appointed] (TOC Chair)
 *   * **Kevin Klues** (term: 1 year - start date: 3/4/2025 - 3/4/2026) [TOC-appointed][shadow]
 * Dates are month first (3/4/2025 is March 4), with '/' or '-'. Lines that cannot be read
 * are skipped with a warning; doubtful ones are kept with a review reason.
 */
#ifndef LECTERN_GOV_TOC_H
#define LECTERN_GOV_TOC_H
#include <stddef.h>

#include "import/gov.h"

#define TOC_FILE_MAX	(4u << 20)	/* bytes of README read */
#define TOC_LINE_MAX	4096
#define TOC_MEMBERS_MAX	1000

/* Seat types, with the codes of the roles.seat_type column. */
enum toc_seat {
	TOC_SEAT_NONE,		/* the line names none */
	TOC_SEAT_GB,		/* [GB-appointed] */
	TOC_SEAT_END_USER,	/* [EndUser-appointed] */
	TOC_SEAT_MAINTAINER,	/* [Maintainer-appointed] */
	TOC_SEAT_TOC,		/* [TOC-appointed] */
	TOC_SEAT__MAX
};

struct toc_member {
	char		*name;
	char		*github;	/* from a github.com link on the line, or NULL */
	enum toc_seat	 seat;
	char		 start[GOV_DATE_LEN];	/* YYYY-MM-DD, "" when the line gives none */
	char		 end[GOV_DATE_LEN];	/* "" when open (or refused: see review) */
	char		*term;		/* the length as written ("2 years"), or NULL */
	int		 term_months;	/* 24 for "2 years"; 0 when not a plain length */
	int		 chair;		/* [TOC Chair] or (TOC Chair) */
	int		 alternate;	/* [alternate] */
	int		 shadow;	/* [shadow], or listed under a Shadows heading */
	char		**roles;	/* other bracketed roles as written */
	size_t		 nroles;
	char		*section;	/* the heading the line is under */
	char		*review;	/* NULL, or why staff should look ("; "-joined) */
	int		 line;
};

struct toc_list {
	struct toc_member	*members;
	size_t			 n;
};

/* NULL for TOC_SEAT_NONE, else "gb", "end_user", "maintainer", "toc". */
const char	*toc_seat_code(enum toc_seat);

/*
 * Reads the members list from text (len bytes of README.md). Returns 0 and *out (owned by
 * the caller: gov_toc_free), warning through warn about each line skipped or doubted; or
 * -1 with err set when the file is refused: too large, a line longer than TOC_LINE_MAX,
 * invalid UTF-8, a NUL byte, more than TOC_MEMBERS_MAX members, or no Members heading.
 */
int		 gov_toc_parse(const char *text, size_t len, gov_warn_fn warn, void *arg,
		    struct toc_list **out, struct gov_err *err);
void		 gov_toc_free(struct toc_list *);

#endif
