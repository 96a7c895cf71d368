/* fuzz_answers.c - libFuzzer target: the answers loader against the default
 * criteria, then scoring what it accepts. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "answers.h"
#include "criteria_source.h"
#include "score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct criteria *c;
	if (!c) {
		struct diags cd;
		diags_init(&cd, "default");
		c = criteria_parse(default_criteria, default_criteria_len, &cd);
		diags_free(&cd);
		if (!c)
			abort();
	}
	struct diags d;
	diags_init(&d, "fuzz.yaml");
	struct session *s = answers_parse((const char *)data, size, c, &d);
	if (!s && d.count == 0)
		abort();
	if (s) {
		struct result r;
		if (score_session(c, s, &r) == SCORE_OK) {
			if (r.confidence < 0 || r.confidence > 1)
				abort();
			result_free(&r);
		}
		session_free(s);
	}
	diags_free(&d);
	return 0;
}
