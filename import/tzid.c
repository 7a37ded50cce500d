/* tzid.c: the IANA zone of an iCalendar TZID written any of the ways real feeds write it (tzid.h). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "import/tz.h"
#include "import/tzid.h"

/* Windows zone names (CLDR's windowsZones, the "001" territory) and Outlook's older display
 * names, for the zones conferences are held in. */
static const struct { const char *windows, *iana; } windows_zones[] = {
	{ "Dateline Standard Time", "Etc/GMT+12" }, { "UTC", "UTC" }, { "Coordinated Universal Time", "UTC" },
	{ "Hawaiian Standard Time", "Pacific/Honolulu" }, { "Alaskan Standard Time", "America/Anchorage" },
	{ "Pacific Standard Time", "America/Los_Angeles" }, { "Pacific Time (US & Canada)", "America/Los_Angeles" },
	{ "US Mountain Standard Time", "America/Phoenix" }, { "Mountain Standard Time", "America/Denver" },
	{ "Mountain Time (US & Canada)", "America/Denver" }, { "Central Standard Time", "America/Chicago" },
	{ "Central Time (US & Canada)", "America/Chicago" }, { "Central America Standard Time", "America/Guatemala" },
	{ "Central Standard Time (Mexico)", "America/Mexico_City" }, { "Mexico Standard Time", "America/Mexico_City" },
	{ "Canada Central Standard Time", "America/Regina" }, { "Eastern Standard Time", "America/New_York" },
	{ "Eastern Time (US & Canada)", "America/New_York" }, { "US Eastern Standard Time", "America/Indianapolis" },
	{ "SA Pacific Standard Time", "America/Bogota" }, { "Atlantic Standard Time", "America/Halifax" },
	{ "Newfoundland Standard Time", "America/St_Johns" }, { "Venezuela Standard Time", "America/Caracas" },
	{ "SA Western Standard Time", "America/La_Paz" }, { "Pacific SA Standard Time", "America/Santiago" },
	{ "E. South America Standard Time", "America/Sao_Paulo" }, { "Argentina Standard Time", "America/Buenos_Aires" },
	{ "SA Eastern Standard Time", "America/Cayenne" }, { "Montevideo Standard Time", "America/Montevideo" },
	{ "Azores Standard Time", "Atlantic/Azores" }, { "Cape Verde Standard Time", "Atlantic/Cape_Verde" },
	{ "GMT Standard Time", "Europe/London" }, { "Greenwich Standard Time", "Atlantic/Reykjavik" },
	{ "Morocco Standard Time", "Africa/Casablanca" }, { "W. Europe Standard Time", "Europe/Berlin" },
	{ "Central Europe Standard Time", "Europe/Budapest" }, { "Romance Standard Time", "Europe/Paris" },
	{ "Central European Standard Time", "Europe/Warsaw" }, { "W. Central Africa Standard Time", "Africa/Lagos" },
	{ "GTB Standard Time", "Europe/Bucharest" }, { "E. Europe Standard Time", "Europe/Chisinau" },
	{ "FLE Standard Time", "Europe/Kiev" }, { "Israel Standard Time", "Asia/Jerusalem" },
	{ "Jerusalem Standard Time", "Asia/Jerusalem" }, { "Egypt Standard Time", "Africa/Cairo" },
	{ "South Africa Standard Time", "Africa/Johannesburg" }, { "Jordan Standard Time", "Asia/Amman" },
	{ "Middle East Standard Time", "Asia/Beirut" }, { "Turkey Standard Time", "Europe/Istanbul" },
	{ "Arabic Standard Time", "Asia/Baghdad" }, { "Arab Standard Time", "Asia/Riyadh" },
	{ "Russian Standard Time", "Europe/Moscow" }, { "E. Africa Standard Time", "Africa/Nairobi" },
	{ "Iran Standard Time", "Asia/Tehran" }, { "Arabian Standard Time", "Asia/Dubai" },
	{ "Georgian Standard Time", "Asia/Tbilisi" }, { "Pakistan Standard Time", "Asia/Karachi" },
	{ "India Standard Time", "Asia/Calcutta" }, { "Sri Lanka Standard Time", "Asia/Colombo" },
	{ "Nepal Standard Time", "Asia/Katmandu" }, { "Bangladesh Standard Time", "Asia/Dhaka" },
	{ "SE Asia Standard Time", "Asia/Bangkok" }, { "North Asia Standard Time", "Asia/Krasnoyarsk" },
	{ "China Standard Time", "Asia/Shanghai" }, { "Singapore Standard Time", "Asia/Singapore" },
	{ "Malay Peninsula Standard Time", "Asia/Singapore" }, { "Taipei Standard Time", "Asia/Taipei" },
	{ "W. Australia Standard Time", "Australia/Perth" }, { "Tokyo Standard Time", "Asia/Tokyo" },
	{ "Korea Standard Time", "Asia/Seoul" }, { "Cen. Australia Standard Time", "Australia/Adelaide" },
	{ "AUS Central Standard Time", "Australia/Darwin" }, { "E. Australia Standard Time", "Australia/Brisbane" },
	{ "AUS Eastern Standard Time", "Australia/Sydney" }, { "New Zealand Standard Time", "Pacific/Auckland" },
};

static const char *const areas[] = {
	"Europe", "America", "Asia", "Africa", "Australia", "Pacific", "Atlantic", "Indian", NULL
};

static int
known(const char *zone, char out[64])
{
	if (!tz_known(zone) || strlen(zone) >= 64)
		return 0;
	snprintf(out, 64, "%s", zone);
	return 1;
}

/* "GMT+05:30", "UTC-8", "GMT+0100": seconds east; 0 with *offset, -1 when it is not one. */
static int
fixed_offset(const char *s, int *offset)
{
	int h = 0, m = 0, n = 0, sign;

	if (strncasecmp(s, "GMT", 3) != 0 && strncasecmp(s, "UTC", 3) != 0)
		return -1;
	s += 3;
	if (*s != '+' && *s != '-')
		return -1;
	sign = *s++ == '-' ? -1 : 1;
	if (sscanf(s, "%2d:%2d%n", &h, &m, &n) == 2 || (sscanf(s, "%2d%2d%n", &h, &m, &n) == 2 && n == 4) ||
	    (m = 0, sscanf(s, "%2d%n", &h, &n) == 1)) {
		if (s[n] != '\0' || h > 14 || m > 59)
			return -1;
		*offset = sign * (h * 3600 + m * 60);
		return 0;
	}
	return -1;
}

/* An IANA name at the end of a path ("/mozilla.org/20050126_1/Europe/Berlin"). */
static int
path_suffix(const char *tzid, char out[64])
{
	for (const char *p = tzid; p; p = strchr(p + 1, '/'))
		if (known(*p == '/' ? p + 1 : p, out))
			return 1;
	return 0;
}

/* Outlook's display names: "(UTC+01:00) Amsterdam, Berlin, ..." by their first known city. */
static int
display_name(const char *tzid, char out[64])
{
	const char *p = strchr(tzid, ')');
	char city[48], zone[64];

	if (tzid[0] != '(' || p == NULL)
		return 0;
	for (p++; *p;) {
		size_t n;

		p += strspn(p, " ,/");
		n = strcspn(p, ",/");
		while (n && p[n - 1] == ' ')
			n--;
		if (n == 0 || n >= sizeof(city))
			break;
		snprintf(city, sizeof(city), "%.*s", (int)n, p);
		for (char *c = city; *c; c++)
			if (*c == ' ')
				*c = '_';
		for (int a = 0; areas[a]; a++) {
			snprintf(zone, sizeof(zone), "%s/%s", areas[a], city);
			if (known(zone, out))
				return 1;
		}
		p += strcspn(p, ",/");
	}
	return 0;
}

int
tzid_resolve(const char *tzid, char out[64], int *offset, int *fixed)
{
	char name[128], fixed_zone[16];
	size_t n;

	out[0] = '\0';
	*fixed = 0;
	if (tzid == NULL)
		return 0;
	while (*tzid == ' ' || *tzid == '"')
		tzid++;
	n = strlen(tzid);
	while (n && (tzid[n - 1] == ' ' || tzid[n - 1] == '"'))
		n--;
	if (n == 0 || n >= sizeof(name))
		return 0;
	snprintf(name, sizeof(name), "%.*s", (int)n, tzid);
	if (strcasecmp(name, "Z") == 0 || strcasecmp(name, "GMT") == 0 || strcasecmp(name, "UTC") == 0)
		return known("UTC", out);
	if (known(name, out) || path_suffix(name, out))
		return 1;
	for (size_t i = 0; i < sizeof(windows_zones) / sizeof(windows_zones[0]); i++)
		if (strcasecmp(name, windows_zones[i].windows) == 0 ||
		    (name[0] == '(' && strstr(name, windows_zones[i].windows) && strchr(windows_zones[i].windows, '(')))
			return known(windows_zones[i].iana, out);
	if (fixed_offset(name, offset) == 0) {
		*fixed = 1;
		return *offset % 3600 == 0 ? known(tz_fixed_name(*offset, fixed_zone), out) : 0;
	}
	return display_name(name, out);
}
