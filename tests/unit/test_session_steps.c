/* layer: model */
/* test_session_steps.c - the numbering of a session's steps (session.h): the
 * questions, the criteria, the review and the results, in that order, and
 * their names for people. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "criteria.h"
#include "helper_model.h"
#include "session.h"

/* Two questions, three criteria: steps 0-1, 2-4, 5 (review), 6 (results). */
static const char two_three[] =
	"verdict: 1\nid: t\ntitle: T\n"
	"options:\n  - { id: a, name: A }\n  - { id: b, name: B }\n"
	"criteria:\n"
	"  - { id: c1, name: C1, question: Q1?, default_weight: 1, ratings: { a: 1, b: 2 } }\n"
	"  - { id: c2, name: C2, question: Q2?, default_weight: 1, ratings: { a: 1, b: 2 } }\n"
	"  - { id: c3, name: C3, question: Q3?, default_weight: 1, ratings: { a: 1, b: 2 } }\n"
	"questions:\n"
	"  - id: q1\n    prompt: P1?\n    choices:\n      - { id: x, label: X }\n"
	"      - { id: y, label: Y }\n"
	"  - id: q2\n    prompt: P2?\n    choices:\n      - { id: x, label: X }\n"
	"      - { id: y, label: Y }\n";

/* No questions, one criterion: step 0, review 1, results 2. */
static const char none_one[] =
	"verdict: 1\nid: t\ntitle: T\n"
	"options:\n  - { id: a, name: A }\n  - { id: b, name: B }\n"
	"criteria:\n"
	"  - { id: c1, name: C1, question: Q1?, default_weight: 1, ratings: { a: 1, b: 2 } }\n";

static void expect_step(const struct criteria *c, int step, enum session_step_kind kind,
                        size_t index, const char *label)
{
	size_t i = 99;
	char buf[64];
	assert_int_equal(session_step_kind(c, step, &i), kind);
	assert_int_equal(i, index);
	int n = session_step_label(c, step, buf, sizeof buf);
	assert_string_equal(buf, label);
	assert_int_equal(n, (int)strlen(label));
}

static void test_numbering(void **state)
{
	(void)state;
	struct criteria *c = model_parse(two_three);
	assert_int_equal(session_nsteps(c), 7);
	expect_step(c, 0, SESSION_STEP_QUESTION, 0, "question 1 of 2");
	expect_step(c, 1, SESSION_STEP_QUESTION, 1, "question 2 of 2");
	expect_step(c, 2, SESSION_STEP_CRITERION, 0, "criterion 1 of 3");
	expect_step(c, 4, SESSION_STEP_CRITERION, 2, "criterion 3 of 3");
	expect_step(c, 5, SESSION_STEP_REVIEW, 0, "the review");
	expect_step(c, 6, SESSION_STEP_RESULTS, 0, "the results");
	assert_int_equal(session_criterion_step(c, 0), 2);
	assert_int_equal(session_criterion_step(c, 2), 4);
	assert_int_equal(session_review_step(c), 5);
	assert_int_equal(session_results_step(c), 6);
	assert_int_equal(session_results_step(c), session_nsteps(c) - 1);
	criteria_free(c);
}

/* Out of range: below 0 is the first step, past the end the results. */
static void test_out_of_range(void **state)
{
	(void)state;
	struct criteria *c = model_parse(two_three);
	expect_step(c, -3, SESSION_STEP_QUESTION, 0, "question 1 of 2");
	expect_step(c, 7, SESSION_STEP_RESULTS, 0, "the results");
	expect_step(c, 1000, SESSION_STEP_RESULTS, 0, "the results");
	criteria_free(c);
}

static void test_no_questions(void **state)
{
	(void)state;
	struct criteria *c = model_parse(none_one);
	assert_int_equal(session_nsteps(c), 3);
	expect_step(c, 0, SESSION_STEP_CRITERION, 0, "criterion 1 of 1");
	expect_step(c, 1, SESSION_STEP_REVIEW, 0, "the review");
	expect_step(c, 2, SESSION_STEP_RESULTS, 0, "the results");
	assert_int_equal(session_criterion_step(c, 0), 0);
	assert_int_equal(session_review_step(c), 1);
	assert_int_equal(session_results_step(c), 2);
	criteria_free(c);
}

/* A label cut short still says how long it is, as snprintf does. */
static void test_label_cut(void **state)
{
	(void)state;
	struct criteria *c = model_parse(two_three);
	char buf[9];
	assert_int_equal(session_step_label(c, 3, buf, sizeof buf), 16);
	assert_string_equal(buf, "criterio");
	criteria_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbering),
		cmocka_unit_test(test_out_of_range),
		cmocka_unit_test(test_no_questions),
		cmocka_unit_test(test_label_cut),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
