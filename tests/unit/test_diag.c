/* layer: model */
/* test_diag.c - positioned errors: the count of those past the limit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "diag.h"

/* What diags_print() says after N errors. */
static void print_after(int n, char *out, size_t len)
{
	struct diags d;
	diags_init(&d, "f.yaml");
	for (int i = 0; i < n; i++)
		diags_add(&d, i + 1, 1, "bad");
	FILE *f = fmemopen(out, len - 1, "w");
	assert_non_null(f);
	diags_print(&d, f);
	fclose(f);
	diags_free(&d);
}

static void test_one_more_error(void **state)
{
	(void)state;
	char out[8192] = "";
	print_after(101, out, sizeof out);
	assert_non_null(strstr(out, "f.yaml: error: 1 more error not shown\n"));
}

static void test_more_errors(void **state)
{
	(void)state;
	char out[8192] = "";
	print_after(102, out, sizeof out);
	assert_non_null(strstr(out, "f.yaml: error: 2 more errors not shown\n"));
	memset(out, 0, sizeof out);
	print_after(100, out, sizeof out);
	assert_null(strstr(out, "not shown"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_more_error),
		cmocka_unit_test(test_more_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
