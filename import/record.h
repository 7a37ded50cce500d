/*
 * record.h: the neutral records of reader.h with the strings they point to, for the readers
 * that build a session from several values (iCalendar, JSON, CSV). Values are stored trimmed,
 * empty ones as absent, cut at IMP_MAX_FIELD on a character boundary.
 */
#ifndef LECTERN_IMPORT_RECORD_H
#define LECTERN_IMPORT_RECORD_H
#include "import/reader.h"

struct rec {
	struct imp_session	 s;
	char			*text[IMP__FIELDS];
	struct imp_person	 persons[IMP_MAX_PERSONS];
	char			*ptext[IMP_MAX_PERSONS][4];
	int			 npersons;
	int			 left_out;	/* people past IMP_MAX_PERSONS */
};

struct rec_conf {
	struct imp_conference	 c;
	char			*text[IMP_C__MAX];
};

/* Sets field f to v (NULL or only spaces: absent) from line; 1 when v was cut, else 0. */
int	rec_set(struct rec *, enum imp_field f, const char *v, int line);
/* Adds a speaker (name required); 1 when added, 0 when the name is empty or the record
 * already holds IMP_MAX_PERSONS (then counted in left_out). */
int	rec_person(struct rec *, const char *name, const char *org, const char *id, const char *guid,
	    int line);
/* The session, its people attached; valid until the record changes. */
const struct imp_session *rec_session(struct rec *);
void	rec_clear(struct rec *);

int	rec_conf_set(struct rec_conf *, enum imp_conf_field f, const char *v, int line);
void	rec_conf_clear(struct rec_conf *);

/* What a reader keeps of its reading: where records and messages go, and how it ended. */
struct rd {
	const struct imp_source	*src;
	const struct imp_sink	*sink;
	struct buf		*err;
	int			 failed, stopped;
};

/* The file is refused: "NAME:LINE:1: reason" into err (the first refusal counts); always -1. */
int	rd_fail(struct rd *, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A sink's answer: 0 to go on, -1 when it stopped the reading (IMP_STOP, not an error) or
 * failed (IMP_FAIL, its message already in err). */
int	rd_answer(struct rd *, int rc);
/* A warning about session s (NULL: the file) at line, to the sink; as rd_answer. */
int	rd_warn(struct rd *, int line, const struct imp_session *s, const char *category,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* 0 while reading goes on, 1 once stopped, -1 once failed (json_stream.h's callbacks). */
int	rd_status(const struct rd *);

/* A copy of v trimmed of white space, cut at max bytes on a character boundary (*cut set);
 * NULL when nothing is left. */
char	*rec_trimmed(const char *v, size_t max, int *cut);

#endif
