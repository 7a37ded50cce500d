/* listing.h: the model's own helpers for the session rows every listing shares (not above the model). */
#ifndef LECTERN_LISTING_H
#define LECTERN_LISTING_H
#include "model/db.h"
#include "model/session.h"

/*
 * The columns every session listing selects first, in this order: id, title, kind,
 * status, date, event slug, event name, speakers packed as "id US slug US name US org RS
 * id US ..." (US = char(31), RS = char(30)), ordered by position. The packing keeps a
 * listing one statement; stored text holds no control characters.
 */
#define SESSION_ITEM_COLS_WITH(org, join, order) \
	"s.id, s.title, s.kind, s.status, coalesce(substr(s.starts_at, 1, 10), e.starts_on)," \
	" e.slug, e.name, (SELECT group_concat(x, char(30)) FROM (SELECT p.id || char(31) || p.slug ||" \
	" char(31) || p.name || char(31) || " org " AS x FROM appearances a" \
	" JOIN people p ON p.id = a.person_id" join \
	" WHERE a.session_id = s.id" order "))"
/* The speakers with their organizations come packed from the table triggers keep them in
 * (schema/0015: by event, a schedule's lie together), which a page's route must declare the
 * people and organizations of as well as the sessions (http/route_deps.c). */
#define SESSION_ITEM_COLS \
	"s.id, s.title, s.kind, s.status, coalesce(substr(s.starts_at, 1, 10), e.starts_on)," \
	" e.slug, e.name, (SELECT speakers FROM session_speakers k" \
	" WHERE k.event_id = s.event_id AND k.session_id = s.id)"
/* The same without the speakers' organizations (each org NULL) and in no particular order, which
 * reads neither the organizations nor the appearances themselves (their (session, person) index
 * covers the rest): for a form that shows neither. */
#define SESSION_ITEM_COLS_BRIEF	SESSION_ITEM_COLS_WITH("''", "", "")
/* The row type's columns for a struct session_item at member m of st ("session." or nothing);
 * the packed speakers (the eighth column) are session_item_speakers's. */
#define SESSION_ITEM_COLUMNS(st, m) \
	COL(LONG, st, m id), COL(TEXT, st, m title), COL(TEXT, st, m kind), COL(TEXT, st, m status), \
	COL(TEXT, st, m date), COL(TEXT, st, m event_slug), COL(TEXT, st, m event_name), COL_PASS
#define SESSION_ITEM_NCOLS	8

/* Unpacks the speakers of column col into it. */
void	session_item_speakers(struct request *, sqlite3_stmt *, int col, struct session_item *it);
/* The row type of a bare session_item. */
extern const struct row_type	session_item_row;

#endif
