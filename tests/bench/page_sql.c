/*
 * page_sql.c: page_sql DB PATH: the statements the public page PATH runs on DB, each with its
 * values bound in (sqlite3_expanded_sql), one per line and ending in ';', for sqlite3 to run
 * as the cold renders' reference in cache.sh. A page's own, not its triggers'. Not part of make test.
 */
#include <stdio.h>
#include <stdlib.h>

#include "core/config.h"
#include "core/mem.h"
#include "model/db.h"
#include "page_render.h"

static void
print_statement(sqlite3_stmt *st)
{
	char *sql = sqlite3_expanded_sql(st);

	/* The pages' own freshness checks are the server's, not the render's. */
	if (sql && strstr(sql, "data_generations") == NULL && strncmp(sql, "PRAGMA", 6) != 0)
		printf("%s;\n", sql);
	sqlite3_free(sql);
}

int
main(int argc, char **argv)
{
	const struct route *r;
	int json, status;
	size_t n;

	if (argc != 3) {
		fprintf(stderr, "usage: page_sql DB PATH\n");
		return 2;
	}
	config_defaults(&config);
	config.access_log = 0;
	free(config.db_path);
	config.db_path = xstrdup(argv[1]);
	n = strlen(argv[2]);
	json = n > 5 && strcmp(argv[2] + n - 5, ".json") == 0;
	if (json)
		argv[2][n - 5] = '\0';
	db_trace_statements(print_statement);
	status = page_render(argv[2], json, &r, NULL);
	db_trace_statements(NULL);
	db_thread_close();
	if (status != 200)
		fprintf(stderr, "page_sql: %s: status %d\n", argv[2], status);
	return status == 200 ? 0 : 1;
}
