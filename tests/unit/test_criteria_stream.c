/* layer: model */
/* test_criteria_stream.c - criteria loaded as the parse goes (a shortcut
 * for valid files) give the same model, and files it cannot take, or that
 * have errors, give exactly the messages of the whole-tree load. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "criteria.h"
#include "strbuf.h"

#define KEPT 100                /* the errors a list keeps (diag.c) */

static struct criteria *parse(const char *text, struct diags *d)
{
	diags_init(d, "t.yaml");
	return criteria_parse(text, strlen(text), d);
}

#define HEAD "verdict: 1\nid: t\ntitle: T\n"
#define OPTIONS "options:\n  - id: a\n    name: A\n  - id: b\n    name: B\n"
#define C1 "  - id: c1\n    name: C1\n    question: Q1?\n    default_weight: 3\n" \
           "    ratings: { a: 5, b: 6 }\n    why: { b: Because. }\n"
#define C2 "  - id: c2\n    name: C2\n    question: Q2?\n    default_weight: 8\n" \
           "    ratings: { b: 1, a: 2 }\n"

static void test_streamed_model(void **state)
{
	(void)state;
	struct diags d;
	struct criteria *c = parse(HEAD OPTIONS "scale: { min: 0, max: 10 }\ncriteria:\n" C1 C2
	                           "questions: []\n", &d);
	diags_print(&d, stderr);
	assert_non_null(c);
	assert_int_equal(c->ncriteria, 2);
	assert_string_equal(c->criteria[0].id, "c1");
	assert_string_equal(c->criteria[1].question, "Q2?");
	assert_true(c->criteria[0].ratings[1] == 6);
	assert_true(c->criteria[1].ratings[0] == 2);    /* keys out of order */
	assert_true(c->criteria[1].default_weight == 8);
	assert_null(c->criteria[0].why[0]);
	assert_string_equal(c->criteria[0].why[1], "Because.");
	assert_int_equal(criteria_criterion_index(c, "c2"), 1);
	assert_int_equal(criteria_criterion_index(c, "c3"), -1);
	assert_string_equal(c->scale.labels[10], "10");
	criteria_free(c);
	diags_free(&d);
}

/* The scale or the options after the criteria: loaded again, whole. */
static void test_late_scale_and_options(void **state)
{
	(void)state;
	struct diags d;
	struct criteria *c = parse(HEAD OPTIONS "criteria:\n" C1 C2 "scale: { min: 0, max: 10 }\n",
	                           &d);
	diags_print(&d, stderr);
	assert_non_null(c);
	assert_true(c->criteria[1].default_weight == 8);
	criteria_free(c);
	diags_free(&d);
	c = parse(HEAD "scale: { min: 0, max: 10 }\ncriteria:\n" C1 C2 OPTIONS, &d);
	diags_print(&d, stderr);
	assert_non_null(c);
	assert_int_equal(c->noptions, 2);
	assert_true(c->criteria[0].ratings[0] == 5);
	criteria_free(c);
	diags_free(&d);
}

static void expect_messages(const char *text, const char *const want[])
{
	struct diags d;
	assert_null(parse(text, &d));
	size_t n = 0;
	while (want[n])
		n++;
	for (size_t i = 0; i < d.count && i < n; i++)
		if (strcmp(d.items[i].message, want[i]) != 0)
			fail_msg("message %zu: '%s', expected '%s'", i, d.items[i].message, want[i]);
	assert_int_equal(d.count, n);
	diags_free(&d);
}

/* Errors in a criterion, in the top level, and repeated ids: the messages
 * of the whole-tree load, in its order, each once. */
static void test_errors_as_whole(void **state)
{
	(void)state;
	static const char *const rating[] = {
		"'b' must be from 0 to 10, got 11", NULL,
	};
	expect_messages(HEAD OPTIONS "criteria:\n" C1
	                "  - id: c2\n    name: C2\n    question: Q?\n    default_weight: 1\n"
	                "    ratings: { a: 1, b: 11 }\n", rating);
	static const char *const mixed[] = {
		"unknown key 'colour' in the top level",
		"'default_weight' must be from 0 to 5, got 8",
		NULL,
	};
	expect_messages(HEAD "colour: red\n" OPTIONS "criteria:\n" C1 C2, mixed);
	static const char *const dup[] = {
		"duplicate criterion id 'c1' (first given at line 10)", NULL,
	};
	expect_messages(HEAD OPTIONS "criteria:\n" C1 C1, dup);
}

/* Past the errors kept, the count of those dropped is the whole load's. */
static void test_many_errors(void **state)
{
	(void)state;
	struct strbuf b;
	strbuf_init(&b);
	strbuf_printf(&b, "%s%scriteria:\n", HEAD, OPTIONS);
	for (int i = 0; i < 150; i++)
		strbuf_printf(&b, "  - id: c%d\n    name: C\n    question: Q?\n    default_weight: 1\n"
		              "    ratings: { a: 1, b: 12 }\n", i);
	struct diags d;
	assert_null(parse(b.data, &d));
	assert_int_equal(d.count, KEPT);
	assert_int_equal(d.dropped, 150 - KEPT);
	assert_string_equal(d.items[0].message, "'b' must be from 0 to 10, got 12");
	assert_int_equal(d.items[0].line, 14);
	diags_free(&d);
	strbuf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_streamed_model),
		cmocka_unit_test(test_late_scale_and_options),
		cmocka_unit_test(test_errors_as_whole),
		cmocka_unit_test(test_many_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
