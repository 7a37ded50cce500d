/* gov.c: errors, warnings, dates and line checks shared by the governance-file parsers. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/params.h"
#include "import/gov.h"

int
gov_fail(struct gov_err *err, int line, const char *fmt, ...)
{
	va_list ap;

	err->line = line;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

void
gov_vwarnf(gov_warn_fn warn, void *arg, int line, const char *fmt, va_list ap)
{
	char msg[300];

	if (warn == NULL)
		return;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	warn(arg, line, msg);
}

void
gov_warnf(gov_warn_fn warn, void *arg, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	gov_vwarnf(warn, arg, line, fmt, ap);
	va_end(ap);
}

int
gov_date_ymd(const char *s, size_t n, char out[GOV_DATE_LEN])
{
	if (n != 10 || !date_valid(s, n))
		return -1;
	memcpy(out, s, 10);
	out[10] = '\0';
	return 0;
}

/* Reads 1..max digits at *p (bounded by end) into *v; advances *p. */
static int
digits(const char **p, const char *end, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (*p < end && **p >= '0' && **p <= '9' && n < max) {
		*v = *v * 10 + (**p - '0');
		(*p)++, n++;
	}
	return n;
}

int
gov_date_mdy(const char *s, size_t n, char out[GOV_DATE_LEN])
{
	const char *p = s, *end = s + n;
	char sep, ymd[32];
	int m, d, y;

	if (digits(&p, end, 2, &m) == 0 || p == end || (*p != '/' && *p != '-'))
		return -1;
	sep = *p++;
	if (digits(&p, end, 2, &d) == 0 || p == end || *p != sep)
		return -1;
	p++;
	if (digits(&p, end, 4, &y) != 4 || p != end)
		return -1;
	if (m > 12 || d > 31)
		return -1;
	snprintf(ymd, sizeof(ymd), "%04d-%02d-%02d", y, m, d);
	return gov_date_ymd(ymd, 10, out);
}

int
gov_line_check(const char *s, size_t n, size_t max, int lineno, struct gov_err *err)
{
	if (n > max)
		return gov_fail(err, lineno, "line longer than %zu bytes", max);
	if (memchr(s, '\0', n))
		return gov_fail(err, lineno, "NUL byte in the text");
	if (!utf8_valid(s, n))
		return gov_fail(err, lineno, "not valid UTF-8");
	return 0;
}

int
gov_text_check(const char *text, size_t len, size_t max_size, size_t max_line,
    struct gov_err *err)
{
	const char *p = text, *end = text + len;
	int lineno = 0;

	if (len > max_size)
		return gov_fail(err, 0, "file larger than %zu bytes", max_size);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

		if (gov_line_check(p, n, max_line, ++lineno, err) == -1)
			return -1;
		p += n + (nl != NULL);
	}
	return 0;
}

int
gov_github_login(const char *s, size_t n)
{
	if (n == 0 || n > 39 || s[0] == '-')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}
