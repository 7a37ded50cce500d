/* health.h: whether the database answers a real query (GET /healthz). */
#ifndef LECTERN_HEALTH_H
#define LECTERN_HEALTH_H
#include "model/model.h"

/* MODEL_OK when this thread's connection reads the schema; the failure otherwise. */
enum model_status	health_check(void);

#endif
