/*
 * guid.h: the guids Lectern gives records that have none in its own schedule.xml, which the
 * same installation can read back to the record (so that importing its own export changes
 * nothing) and no other can mistake for its own.
 */
#ifndef LECTERN_GUID_H
#define LECTERN_GUID_H

/* The guid of record id of kind ("session", "person") at installation: a UUIDv8 (RFC 9562)
 * of 80 bits hashed from (installation, kind) and 48 bits of id. */
void		guid_make(const char *installation, const char *kind, long long id, char out[37]);
/* The id a guid_make guid of (installation, kind) carries; 0 for any other guid. */
long long	guid_local(const char *installation, const char *kind, const char *guid);

#endif
