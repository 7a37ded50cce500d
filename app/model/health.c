/* health.c: the health check's query (see health.h). */
#include "model/db.h"
#include "model/health.h"

enum model_status
health_check(void)
{
	static const char sql[] = "SELECT count(*) FROM sqlite_schema";
	sqlite3_stmt *st;
	enum model_status ms;

	if ((ms = db_query(sql, &st)) != MODEL_OK)
		return ms;
	return db_one_int(st, -1) >= 1 ? MODEL_OK : MODEL_ERROR;
}
