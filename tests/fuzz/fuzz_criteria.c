/* fuzz_criteria.c - libFuzzer target: the criteria loader, as `verdict check`
 * runs it. Every input either loads or is refused with positioned errors. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "criteria.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d;
	diags_init(&d, "fuzz.yaml");
	struct criteria *c = criteria_parse((const char *)data, size, &d);
	if (!c && d.count == 0)
		abort();        /* refused without saying why */
	for (size_t i = 0; i < d.count; i++)
		if (d.items[i].line < 0 || d.items[i].column < 0)
			abort();
	criteria_free(c);
	diags_free(&d);
	return 0;
}
