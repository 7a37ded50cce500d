/*
 * csv_time.h: dates, times and durations as spreadsheets write them (read_csv.c): ISO dates
 * ("2024-03-20"), US ("3/20/2024"), European ("20/03/2024", "20.03.2024"), written out
 * ("20 Mar 2024", "March 20, 2024", "Wednesday, March 20, 2024"); times "09:00", "9:00 AM",
 * "21:00:00"; a date and a time in one cell ("2024-03-20 09:00", "3/20/2024 9:00 AM",
 * Sessionize's "Scheduled At"), or an ISO date-time with an offset; durations "30", "30 min",
 * "1:30", "01:30:00", "1h30", "90m".
 */
#ifndef LECTERN_IMPORT_CSV_TIME_H
#define LECTERN_IMPORT_CSV_TIME_H
#include "import/wall.h"

/* A date into "YYYY-MM-DD": 0, or -1 when it is not one. *ambiguous is set when day and month
 * could be either way round (3/4/2024): it is then read month first. */
int	csv_date(const char *s, char out[11], int *ambiguous);
/* A time of day into "HH:MM:SS": 0 or -1. */
int	csv_time(const char *s, char out[9]);
/* A cell that may hold a date, a time or both: into w (either part may stay empty); an ISO
 * date-time with an offset into iso as it is (then 1). 0, 1, or -1 when it is none of them. */
int	csv_when(const char *s, struct wall *w, char iso[32], int *ambiguous);
/* Minutes of a duration: 0 or -1 (and 0 minutes or over 14 days is -1). */
int	csv_duration(const char *s, int *minutes);

#endif
