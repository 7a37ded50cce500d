/* listing.h: the model's own helpers for the session rows every listing shares (not above the model). */
#ifndef LECTERN_LISTING_H
#define LECTERN_LISTING_H
#include "model/db.h"
#include "model/session.h"

/*
 * The columns every session listing selects, in this order (see session_item_read): id,
 * title, kind, status, date, event slug, event name, speakers packed as
 * "slug US name US org RS slug US ..." (US = char(31), RS = char(30)), ordered by position.
 * The packing keeps a listing one statement; stored text holds no control characters.
 */
#define SESSION_ITEM_COLS \
	"s.id, s.title, s.kind, s.status, coalesce(substr(s.starts_at, 1, 10), e.starts_on)," \
	" e.slug, e.name, (SELECT group_concat(x, char(30)) FROM (SELECT p.slug || char(31) ||" \
	" p.name || char(31) || coalesce(o.name, '') AS x FROM appearances a" \
	" JOIN people p ON p.id = a.person_id LEFT JOIN organizations o ON o.id = a.org_id" \
	" WHERE a.session_id = s.id ORDER BY a.position, a.id))"
#define SESSION_ITEM_NCOLS	8

/* Reads the SESSION_ITEM_COLS starting at column col of st into *item (strings in req's arena). */
void	session_item_read(struct request *, sqlite3_stmt *, int col, struct session_item *);

#endif
