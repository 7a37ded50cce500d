/* wall.c: wall-clock dates and times without a zone (wall.h). */
#include <stdio.h>
#include <string.h>

#include "core/params.h"
#include "import/tz.h"
#include "import/wall.h"

int
wall_iso(const char *s, struct wall *out)
{
	int y, mo, d, h = -1, mi = -1, sec = -1, n = 0;

	memset(out, 0, sizeof(*out));
	if (s == NULL)
		return -1;
	while (*s == ' ')
		s++;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10)
		return -1;
	snprintf(out->date, sizeof(out->date), "%.10s", s);
	if (!date_valid(out->date, 10))
		return -1;
	s += 10;
	if (*s == '\0' || strspn(s, " ") == strlen(s))
		return 0;
	if (*s != ' ' && *s != 'T')
		return -1;
	s++;
	n = 0;
	if (sscanf(s, "%2d:%2d%n", &h, &mi, &n) != 2 || h > 23 || mi > 59)
		return -1;
	if (s[n] == ':' && sscanf(s + n + 1, "%2d", &sec) == 1 && sec <= 59)
		n += 3;
	if (s[n] != '\0' && strspn(s + n, " ") != strlen(s + n))
		return -1;
	snprintf(out->time, sizeof(out->time), "%02u:%02u:%02u", (unsigned)h % 24, (unsigned)mi % 60,
	    sec < 0 ? 0u : (unsigned)sec % 60);
	return 0;
}

int
wall_minutes(const struct wall *a, const struct wall *b)
{
	time_t ta, tb;

	if (!a->date[0] || !a->time[0] || !b->date[0] || !b->time[0] ||
	    tz_to_utc("UTC", a->date, a->time, &ta) == -1 || tz_to_utc("UTC", b->date, b->time, &tb) == -1 ||
	    tb <= ta || tb - ta > 14 * 86400)
		return -1;
	return (int)((tb - ta + 59) / 60);
}

void
wall_duration(int minutes, char out[16])
{
	snprintf(out, 16, "%d:%02d", minutes / 60, minutes % 60);
}
