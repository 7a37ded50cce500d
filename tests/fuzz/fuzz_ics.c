/* fuzz_ics.c: the iCalendar reader (libical) on arbitrary bytes; the first byte's low bit
 * reads them as Sched's dialect (titles split into speakers). See fuzz_reader.h. */
#include "fuzz_reader.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	fuzz_reader(data + 1, size - 1, data[0] & 1 ? "sched-ics" : "ics", NULL);
	return 0;
}
