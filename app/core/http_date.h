/* http_date.h: HTTP dates (RFC 9110 5.6.7), for Last-Modified and If-Modified-Since. */
#ifndef LECTERN_HTTP_DATE_H
#define LECTERN_HTTP_DATE_H
#include <stddef.h>
#include <time.h>

#define HTTP_DATE_LEN	30	/* "Sun, 06 Nov 1994 08:49:37 GMT" and its NUL */

/* Writes t as an IMF-fixdate into out (HTTP_DATE_LEN bytes). */
void	http_date_format(time_t t, char out[HTTP_DATE_LEN]);
/* Reads any of the three forms a recipient must accept (IMF-fixdate, RFC 850, asctime);
 * 0 with *t set, or -1 for anything else. */
int	http_date_parse(const char *s, time_t *t);

#endif
