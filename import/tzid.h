/*
 * tzid.h: the IANA zone an iCalendar TZID (or X-WR-TIMEZONE) means. Real feeds name zones every
 * way: IANA names ("Europe/Berlin"), Windows names ("W. Europe Standard Time", from Outlook and
 * Exchange), Outlook's display names ("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm,
 * Vienna"), prefixed IANA names ("/mozilla.org/20050126_1/Europe/Berlin",
 * "/freeassociation.sourceforge.net/Tzfile/Europe/Berlin"), fixed offsets ("GMT+05:30",
 * "UTC+1"); often with no VTIMEZONE for them in the file.
 */
#ifndef LECTERN_IMPORT_TZID_H
#define LECTERN_IMPORT_TZID_H

/* The zone tzid names, into out: 1 when it is a zone the system knows, 0 when not (out "").
 * A fixed offset of whole hours is "Etc/GMT-N"; *offset is set (seconds east) for any fixed
 * offset, else left alone. */
int	tzid_resolve(const char *tzid, char out[64], int *offset, int *fixed);

#endif
