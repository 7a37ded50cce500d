/* wall.h: wall-clock dates and times as spreadsheets and Sched's API write them, without a zone
 * (the run reads them in the conference's zone). */
#ifndef LECTERN_IMPORT_WALL_H
#define LECTERN_IMPORT_WALL_H

/* A local date and time of day: "YYYY-MM-DD" and "HH:MM" or "HH:MM:SS". */
struct wall {
	char	date[11];	/* "" when none */
	char	time[9];	/* "" when none */
};

/* "2024-03-20 09:00", "2024-03-20T09:00:00", "2024-03-20": 0 with out filled (time may be
 * empty), -1 when it is not such a date (a real one) and time. */
int	wall_iso(const char *s, struct wall *out);
/* Minutes from a to b (both with date and time), or -1 when b is not after a or more than
 * 14 days later. */
int	wall_minutes(const struct wall *a, const struct wall *b);
/* Writes minutes as a duration the run reads ("H:MM"). */
void	wall_duration(int minutes, char out[16]);

#endif
