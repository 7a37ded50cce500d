/* build_id.h: what tells this build of the binary from any other, for validators that must change with the code. */
#ifndef LECTERN_BUILD_ID_H
#define LECTERN_BUILD_ID_H
#include <stddef.h>

/* The linker's GNU build ID of the running program (a hash of its code and data), or, when
 * it was linked without one, the version and the time this file was compiled. Static
 * storage; *len gets its length. */
const unsigned char	*build_id(size_t *len);

#endif
