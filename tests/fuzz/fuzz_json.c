/* fuzz_json.c: the schedule.json reader (yajl, streamed) on arbitrary bytes. See fuzz_reader.h. */
#include "fuzz_reader.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_reader(data, size, "json", NULL);
	return 0;
}
