/*
 * gov.h: what the governance-file parsers share (gov_toc, gov_gitdm, gov_yaml): the warning
 * callback, the error they stop with, dates, and the checks every input line passes.
 *
 * The parsers are lenient per record (a bad line or entry is skipped with a warning, the rest
 * is kept) and strict about the file itself (size, line length, nesting, invalid UTF-8, NUL
 * bytes): those stop the parse with a gov_err and nothing is returned.
 */
#ifndef LECTERN_GOV_H
#define LECTERN_GOV_H
#include <stdarg.h>
#include <stddef.h>

/* Called once per skipped or doubtful record; line is 1-based (0: the whole file). */
typedef void (*gov_warn_fn)(void *arg, int line, const char *message);

/* Why a parse stopped: the line it stopped at (0: the whole file) and a sentence. */
struct gov_err {
	int	line;
	char	msg[200];
};

#define GOV_DATE_LEN	11	/* "YYYY-MM-DD" and its NUL */

/* Sets err and returns -1, so parsers can `return gov_fail(err, line, ...)`. */
int	gov_fail(struct gov_err *, int line, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Formats a warning and hands it to warn (which may be NULL). */
void	gov_warnf(gov_warn_fn warn, void *arg, int line, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));
void	gov_vwarnf(gov_warn_fn warn, void *arg, int line, const char *fmt, va_list)
	    __attribute__((format(printf, 4, 0)));

/* Copies s (n bytes, "YYYY-MM-DD", a real calendar date) into out. 0, or -1 when it is not. */
int	gov_date_ymd(const char *s, size_t n, char out[GOV_DATE_LEN]);
/* Reads a month-first date ("3/4/2025", "2-1-2023": M/D/YYYY or M-D-YYYY, one or two digits
 * for month and day) into out as YYYY-MM-DD. 0, or -1 when it is not a real date. */
int	gov_date_mdy(const char *s, size_t n, char out[GOV_DATE_LEN]);

/* Checks one line of input (n bytes, without its newline): at most max bytes, no NUL, valid
 * UTF-8. 0, or -1 with err set for line lineno. */
int	gov_line_check(const char *s, size_t n, size_t max, int lineno, struct gov_err *);
/* Runs gov_line_check on every line of text (len bytes, at most max_size). 0 or -1. */
int	gov_text_check(const char *text, size_t len, size_t max_size, size_t max_line,
	    struct gov_err *);

/* True when s (n bytes) can be a GitHub login: 1 to 39 letters, digits and hyphens, not
 * starting with a hyphen (old accounts keep double and trailing hyphens, so those pass). */
int	gov_github_login(const char *s, size_t n);

#endif
