/* layer: model */
/* test_diag.c - positioned errors: the count of those past the limit, and
 * the one line that sums them up for a face that shows one. */
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

/* diags_fail(): the first error by position, and how many more. */
static void test_fail_summary(void **state)
{
	(void)state;
	struct diags d;
	struct verror err;
	diags_init(&d, "f.yaml");
	assert_int_equal(diags_fail(&d, &err), -1);
	assert_int_equal(err.kind, VERROR_INPUT);
	assert_string_equal(err.msg, "f.yaml: not valid");
	diags_add(&d, 5, 1, "later");
	assert_int_equal(diags_fail(&d, &err), -1);
	assert_string_equal(err.msg, "f.yaml:5:1: later");
	diags_add(&d, 2, 7, "first %s", "of two");
	assert_int_equal(diags_fail(&d, &err), -1);
	assert_string_equal(err.msg, "f.yaml:2:7: first of two (and 1 more error)");
	for (int i = 0; i < 99; i++)
		diags_add(&d, 9, 1, "more");
	assert_int_equal(d.count, 100);
	assert_int_equal(d.dropped, 1);
	assert_int_equal(diags_fail(&d, &err), -1);
	assert_string_equal(err.msg, "f.yaml:2:7: first of two (and 100 more errors)");
	assert_int_equal(diags_fail(&d, NULL), -1);
	diags_free(&d);
}

/* Each error has a code (diags_add()'s is the general one) and, once
 * given, a hint known apart from the message, which goes on with it. */
static void test_codes_and_hints(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d, "f.yaml");
	diags_error(&d, "unknown-key", 3, 1, "unknown key '%s'", "titel");
	diags_hint(&d, "did you mean '%s'?", "title");
	diags_add(&d, 4, 2, "plain");
	assert_string_equal(d.items[0].code, "unknown-key");
	assert_string_equal(d.items[0].message, "unknown key 'titel'; did you mean 'title'?");
	assert_int_equal(diag_message_len(&d.items[0]), strlen("unknown key 'titel'"));
	assert_string_equal(d.items[0].message + d.items[0].hint, "did you mean 'title'?");
	assert_string_equal(d.items[1].code, DIAG_CODE_GENERAL);
	assert_int_equal(d.items[1].hint, 0);
	assert_int_equal(diag_message_len(&d.items[1]), 5);
	diags_free(&d);
}

/* A hint or an end given for an error past the limit, only counted, is
 * not put on the last error kept. */
static void test_hint_after_limit(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d, "f.yaml");
	for (int i = 0; i < 100; i++)
		diags_error(&d, "tab-indent", i + 1, 1, "tab");
	diags_end(&d, 100, 3);
	assert_int_equal(d.items[99].end_column, 3);
	diags_error(&d, "unknown-key", 200, 1, "dropped");
	diags_hint(&d, "no");
	diags_end(&d, 200, 9);
	assert_int_equal(d.dropped, 1);
	assert_string_equal(d.items[99].message, "tab");
	assert_int_equal(d.items[99].end_line, 100);
	assert_int_equal(d.items[99].end_column, 3);
	diags_rewind(&d, 99, 0);
	diags_hint(&d, "no");
	assert_string_equal(d.items[98].message, "tab");
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_more_error),
		cmocka_unit_test(test_more_errors),
		cmocka_unit_test(test_fail_summary),
		cmocka_unit_test(test_codes_and_hints),
		cmocka_unit_test(test_hint_after_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
