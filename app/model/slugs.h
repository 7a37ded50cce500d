/* slugs.h: the model's own bookkeeping of slugs that moved (model only; pages use redirect.h). */
#ifndef LECTERN_SLUGS_H
#define LECTERN_SLUGS_H
#include <sqlite3.h>

#include "core/buf.h"
#include "core/request.h"
#include "model/model.h"
#include "model/record.h"

/* Inside the transaction that changes record id's slug from old (a rename, a merge that
 * drops it): old leads to the record from now on. */
enum model_status	slug_moved(sqlite3 *, const char *kind, const char *old, long long id);
/* Forgets that slug leads anywhere: a record takes it as its own (the record that has it
 * wins over an old address), or the rename or merge that moved it is undone. */
enum model_status	slug_forget(sqlite3 *, const char *kind, const char *slug);
/* The old addresses that led to from lead to into (a merge); slug_repoint_back leads the
 * ones listed in the JSON array slugs_json to record to again (the merge's undo). */
enum model_status	slug_repoint(sqlite3 *, const char *kind, long long from, long long into);
enum model_status	slug_repoint_back(sqlite3 *, const char *kind, const char *slugs_json, long long to);
/* The old slugs leading to id, as a JSON array in out (what a merge moves). */
enum model_status	slug_list(sqlite3 *, const char *kind, long long id, struct buf *out);

/* Inside the transaction that changed record id of kind k (before: its snapshot then, NULL
 * for a new record): when its slug is not what it was, the old one leads to the record, and
 * the new one is no longer anybody's old address. */
enum model_status	slug_follow(sqlite3 *, struct request *, const struct record_kind *, long long id,
			    const char *before);

#endif
