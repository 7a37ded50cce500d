/* pages.h: every page handler, one family per page_<name>.c file; routes.c wires them to paths. */
#ifndef LECTERN_PAGES_H
#define LECTERN_PAGES_H
#include "http.h"

int	page_health(struct request *);
int	page_home(struct request *);

/* Exports (page_export.c): streamed downloads. */
int	page_export_speakers_csv(struct request *);
int	page_export_speakers_json(struct request *);
int	page_export_schedule_xml(struct request *);
int	page_export_schedule_ics(struct request *);
int	page_export_talks_ics(struct request *);
int	page_export_history(struct request *);

#endif
