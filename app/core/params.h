/*
 * params.h: declared parameter validation, after Kore's validators.
 *
 * Each route lists the parameters it accepts with a rule; the router checks
 * every incoming path segment, query and form field against it. Anything not
 * declared is dropped before the handler runs.
 */
#ifndef LECTERN_PARAMS_H
#define LECTERN_PARAMS_H
#include <stddef.h>

enum param_kind {
	P_INT,		/* decimal integer in [min, max] */
	P_SLUG,		/* [a-z0-9-], 1..max characters, no leading/trailing dash */
	P_TEXT,		/* valid UTF-8, no control characters but tab and newline, <= max bytes */
	P_LINE,		/* as P_TEXT, without newlines */
	P_ENUM,		/* one of set, written "a|b|c" */
	P_DATE,		/* YYYY-MM-DD, a real calendar date */
	P_DATETIME,	/* YYYY-MM-DDTHH:MM[:SS] (an HTML datetime-local value) */
	P_EMAIL,	/* one @, no spaces, <= max bytes */
	P_URL,		/* url_valid, <= max bytes */
	P_TOKEN,	/* [A-Za-z0-9_-], <= max bytes */
	P_FILE,		/* an uploaded file, <= max bytes (not UTF-8 checked) */
	P_KIND__MAX
};

#define PF_PATH		0x01	/* a {segment} of the route pattern */
#define PF_QUERY	0x02
#define PF_FORM		0x04
#define PF_REQUIRED	0x08	/* absent or empty is an error */
#define PF_MULTI	0x10	/* may repeat (e.g. speaker rows) */

struct param_rule {
	const char	*name;
	enum param_kind	 kind;
	unsigned	 flags;
	long long	 min, max;	/* P_INT range; max length for text kinds */
	const char	*set;		/* P_ENUM */
};

/*
 * Checks value (len bytes) against rule. Returns 0 when valid; otherwise -1
 * with a static reason ("must be a whole number from 1 to 500") in *why.
 */
int	param_check(const struct param_rule *, const char *value, size_t len,
	    const char **why);
/* True when s (len bytes) is valid UTF-8 without overlongs or surrogates. */
int	utf8_valid(const char *s, size_t len);
/*
 * True when s (len bytes) is an address Lectern stores: http:// or https:// and more,
 * valid UTF-8, and no space, no control character (C0 with tab and newlines, DEL, C1)
 * and no " < >. The one rule for every URL that comes in (forms, member links, the
 * importer; the schema refuses the same characters): a CR/LF in a URL forged calendar
 * entries in the iCalendar export.
 */
int	url_valid(const char *s, size_t len);
/* True when s is YYYY-MM-DD and a real date. */
int	date_valid(const char *s, size_t len);

#endif
