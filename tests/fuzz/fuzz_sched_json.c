/* fuzz_sched_json.c: the reader of Sched's API export (yajl, streamed) on arbitrary bytes.
 * See fuzz_reader.h. */
#include "fuzz_reader.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_reader(data, size, "sched-json", NULL);
	return 0;
}
