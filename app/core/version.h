/* version.h: the version every writer names (exports, PRODID, `lectern version`). */
#ifndef LECTERN_VERSION_H
#define LECTERN_VERSION_H

#define LECTERN_VERSION	"0.1.0"

#endif
