/* log.h: error reporting; log_err() logs and yields -1 so callers can `return log_err(...)`. */
#ifndef LECTERN_LOG_H
#define LECTERN_LOG_H

int	log_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
