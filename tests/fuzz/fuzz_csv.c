/* fuzz_csv.c: the CSV reader (libcsv) on arbitrary bytes; the first byte picks the columns asked
 * for: as the header names them, or by number. See fuzz_reader.h. */
#include "fuzz_reader.h"

static const char *const maps[4] = {
	NULL, "title=#1,speakers=#2,start=#3", "title=#2,companies=#1,date=#3,start=#4,end=#5",
	"title=#1,duration=#2,room=,id=#3",
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	fuzz_reader(data + 1, size - 1, "csv", maps[data[0] & 3]);
	return 0;
}
