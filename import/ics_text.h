/*
 * ics_text.h: what the text of a calendar entry says beyond its fields: speakers named in the
 * description ("Speaker: Name", "Speakers: A, B & C", "Presenter(s):", "von: Name",
 * "Referent: Name"), each "Name (Organization)" or "Name [Organization]"; and text in a
 * vCalendar CHARSET made UTF-8.
 */
#ifndef LECTERN_IMPORT_ICS_TEXT_H
#define LECTERN_IMPORT_ICS_TEXT_H
#include "core/buf.h"

/* Calls each with every speaker the description's "Speaker:" lines name (plain text, lines
 * separated by "\n"), with the organization in parentheses or brackets (or NULL), in order.
 * Returns the number of speakers found. */
int	ics_speakers(const char *text, void (*each)(void *arg, const char *name, const char *org),
	    void *arg);
/* The same for a list of names alone ("A (Org), B & C", or "Doe, Jane; Roe, Rick"): split on
 * ";" when it has one, else on ", ", " & ", " and ". */
int	ics_names(const char *list, void (*each)(void *arg, const char *name, const char *org),
	    void *arg);
/* Appends s (len bytes in charset) to out as UTF-8. 0, or -1 when the charset is unknown or s
 * is not valid in it (nothing appended). "UTF-8" (any case) is taken as it is, Latin-1
 * converted here; the others through glibc's iconv (in the server: the converters its sandbox
 * loaded before starting, see core/sandbox_prepare.c). */
int	ics_charset(const char *charset, const char *s, size_t len, struct buf *out);

#endif
