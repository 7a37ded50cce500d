/* config.h: process-wide settings, read once at start-up from conf/lectern.conf and the command line. */
#ifndef LECTERN_CONFIG_H
#define LECTERN_CONFIG_H
#include <stddef.h>

struct config {
	char		*bind;			/* address to listen on */
	int		 port;			/* 0: any free port */
	int		 threads;		/* worker threads */
	char		*db_path;
	char		*tls_cert;		/* PEM files; both set turns TLS on */
	char		*tls_key;
	int		 behind_tls_proxy;	/* a proxy terminates TLS: cookies are Secure */
	size_t		 max_body;		/* bytes, for any request body */
	size_t		 max_upload;		/* bytes, for an imported schedule */
	int		 max_connections;
	int		 max_per_ip;
	int		 timeout;		/* seconds a connection may stay idle */
	int		 public_read;		/* anonymous visitors may read public pages */
	char		*user;			/* to drop to when started as root */
	int		 seccomp;		/* enum sandbox_mode (sandbox.h) */
	int		 login_idle;		/* seconds a login lasts without use */
	int		 login_max;		/* seconds a login lasts at most */
	int		 access_log;
	int		 cache_max_age;		/* seconds anonymous pages may be kept (Cache-Control) */
	int		 cache_stale;		/* seconds more they may be served while revalidated */
	size_t		 page_cache_size;	/* bytes of rendered pages kept in memory */
	int		 search_budget_ms;	/* CPU time one search may take (db_budget_begin) */
	char		*public_url;		/* "https://lectern.example": the exports' links; NULL: the request's own */
};

extern struct config config;

/* Sets every field to its documented default. */
void	config_defaults(struct config *);
/* Reads an INI file over the current values; -1 with a message on error. */
int	config_load(struct config *, const char *path);
void	config_release(struct config *);

#endif
