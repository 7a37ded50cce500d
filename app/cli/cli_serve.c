/* cli_serve.c: `lectern serve`, `migrate` and `version`: the server's start-up and the schema. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/assets.h"
#include "core/config.h"
#include "core/log.h"
#include "core/sandbox.h"
#include "core/version.h"
#include "http/server.h"
#include "model/database.h"

#define DEFAULT_CONF	"conf/lectern.conf"

static const char serve_usage[] =
"usage: lectern serve [--config FILE] [--db FILE] [--bind ADDR] [--port N]\n"
"\n"
"Serves Lectern over HTTP (or HTTPS when tls_cert and tls_key are set).\n"
"Migrates the database first. Stops cleanly on SIGTERM or SIGINT.\n"
"\n"
"  --config FILE  configuration file (default conf/lectern.conf if it exists)\n"
"  --db FILE      database file (config: database; default data/lectern.db)\n"
"  --bind ADDR    IPv4 or IPv6 address to listen on (config: bind; default 127.0.0.1)\n"
"  --port N       port, 0 for any free port (config: port; default 8888)\n"
"  --threads N    worker threads (config: threads; default 4)\n"
"\n"
"Every other setting is in the configuration file; see conf/lectern.conf.\n";

/* Loads the configuration file: the named one must exist, the default may not. */
static int
load_config(const char *path)
{
	FILE *f;

	config_defaults(&config);
	if (path)
		return config_load(&config, path);
	if ((f = fopen(DEFAULT_CONF, "r")) == NULL)
		return 0;
	fclose(f);
	return config_load(&config, DEFAULT_CONF);
}

/* Called once the socket is bound, before any worker thread: drop root, then what the
 * threads inherit (W^X, the converters, Landlock: sandbox_prepare.c). */
static int
serve_bound(void)
{
	if (privilege_drop() == -1)
		return -1;
	tzset();	/* the zone history shows times in, read before Landlock shuts /etc */
	return sandbox_prepare(config.seccomp, config.db_path);
}

/* Called once the workers run: confine every thread to serving (sandbox.c). */
static int
serve_started(void)
{
	return sandbox_enter(config.seccomp);
}

/* The command line's settings, over the configuration file's. */
struct serve_options {
	const char	*conf, *db, *bind;
	long		 port, threads;		/* -1: the file's */
};

/* 0, or the exit status: 0 after --help, 2 on a bad option. */
static int
serve_options(int argc, char *argv[], struct serve_options *o)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'd' },
		{ "bind", required_argument, NULL, 'b' },
		{ "port", required_argument, NULL, 'p' },
		{ "threads", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "c:d:b:p:t:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c': o->conf = optarg; break;
		case 'd': o->db = optarg; break;
		case 'b': o->bind = optarg; break;
		case 'p':
			if (cli_number(optarg, 0, 65535, &o->port) == -1)
				return log_err("--port: %s is not a port from 0 to 65535", optarg), 2;
			break;
		case 't':
			if (cli_number(optarg, 1, 256, &o->threads) == -1)
				return log_err("--threads: %s is not from 1 to 256", optarg), 2;
			break;
		case 'h': fputs(serve_usage, stdout); return -1;
		default: fputs(serve_usage, stderr); return 2;
		}
	}
	if (optind != argc) {
		fputs(serve_usage, stderr);
		return 2;
	}
	return 0;
}

int
cmd_serve(int argc, char *argv[])
{
	struct serve_options o = { NULL, NULL, NULL, -1, -1 };
	static char out_buf[BUFSIZ];
	int rc;

	if ((rc = serve_options(argc, argv, &o)) != 0)
		return rc == -1 ? 0 : rc;
	if (load_config(o.conf) == -1)
		return 1;
	if (o.db)
		free(config.db_path), config.db_path = strdup(o.db);
	if (o.bind)
		free(config.bind), config.bind = strdup(o.bind);
	if (o.port >= 0)
		config.port = (int)o.port;
	if (o.threads > 0)
		config.threads = (int)o.threads;
	/* Create and migrate once here, so workers only ever open a current schema. */
	if (database_open(config.db_path, 1) != MODEL_OK)
		return 1;
	database_close();
	assets_init();
	/* The access log's stream gets its buffer now: glibc would allocate one at the first
	 * line, under the seccomp filter, and ask isatty() (an ioctl) when standard output is a
	 * character device other than a terminal (/dev/null, systemd's StandardOutput=null). */
	setvbuf(stdout, out_buf, _IOLBF, sizeof(out_buf));
	if (server_run(serve_bound, serve_started) == -1)
		return 1;
	config_release(&config);
	return 0;
}

int
cmd_migrate(int argc, char *argv[])
{
	const char *path = NULL;

	if (cli_db_only(argc, argv, "usage: lectern migrate --db FILE\n", &path))
		return 2;
	if (database_migrate(path) != MODEL_OK)
		return 1;
	printf("%s: schema version %d\n", path, database_schema_version());
	return 0;
}

int
cmd_version(int argc, char *argv[])
{
	(void)argc, (void)argv;
	printf("lectern %s (schema %d, sqlite %s)\n", LECTERN_VERSION,
	    database_schema_version(), database_engine_version());
	return 0;
}

void
cli_release(void)
{
	database_close();
	config_release(&config);
}
