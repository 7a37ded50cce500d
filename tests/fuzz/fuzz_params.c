/* fuzz_params.c: every parameter validator on arbitrary bytes; checks what a pass promises. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/params.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct param_rule rules[] = {
		{ "i", P_INT, PF_QUERY, -1000, 1000, NULL },
		{ "s", P_SLUG, PF_QUERY, 0, 40, NULL },
		{ "t", P_TEXT, PF_QUERY, 0, 200, NULL },
		{ "l", P_LINE, PF_QUERY, 0, 200, NULL },
		{ "e", P_ENUM, PF_QUERY, 0, 0, "talk|keynote|panel" },
		{ "d", P_DATE, PF_QUERY, 0, 0, NULL },
		{ "dt", P_DATETIME, PF_QUERY, 0, 0, NULL },
		{ "m", P_EMAIL, PF_QUERY, 0, 200, NULL },
		{ "u", P_URL, PF_QUERY, 0, 200, NULL },
		{ "k", P_TOKEN, PF_QUERY, 0, 64, NULL },
	};
	const char *s = (const char *)data, *why;

	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		const struct param_rule *r = &rules[i];

		if (param_check(r, s, size, &why) != 0) {
			if (why == NULL)
				abort();	/* a refusal always says why */
			continue;
		}
		/* What a pass promises. */
		if (memchr(s, '\0', size))
			abort();
		if (r->kind != P_FILE && r->kind != P_INT && !utf8_valid(s, size))
			abort();
		if (r->kind == P_INT) {
			char tmp[32];
			long long v;

			if (size >= sizeof(tmp))
				abort();
			memcpy(tmp, s, size);
			tmp[size] = '\0';
			v = strtoll(tmp, NULL, 10);
			if (v < r->min || v > r->max)
				abort();
		}
		if ((r->kind == P_SLUG || r->kind == P_TOKEN) &&
		    (memchr(s, '<', size) || memchr(s, '"', size) || memchr(s, '/', size)))
			abort();
		if (r->kind == P_DATE && (size != 10 || !date_valid(s, size)))
			abort();
		if ((r->kind == P_LINE || r->kind == P_EMAIL || r->kind == P_URL) && memchr(s, '\n', size))
			abort();
	}
	return 0;
}
