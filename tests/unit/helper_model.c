/* layer: model */
/* helper_model.c - valid criteria and answers from text, for unit tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "answers.h"
#include "helper_model.h"

struct criteria *model_parse(const char *text)
{
	struct diags d;
	diags_init(&d, "t.yaml");
	struct criteria *c = criteria_parse(text, strlen(text), &d);
	diags_print(&d, stderr);
	diags_free(&d);
	assert_non_null(c);
	return c;
}

struct session *model_answers(const struct criteria *c, const char *text)
{
	struct diags d;
	diags_init(&d, "a.yaml");
	struct session *s = answers_parse(text, strlen(text), c, &d);
	diags_print(&d, stderr);
	diags_free(&d);
	assert_non_null(s);
	return s;
}
