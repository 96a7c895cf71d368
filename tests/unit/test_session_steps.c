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

/* Step STEP of session S: its kind, index and label. */
/* Two questions, six criteria in three groups met in the order G1 (k1, k3,
 * k6), G2 (k2, k4), G3 (k5 alone): 3 + 1 + 0 comparisons within the groups,
 * then 3 between them. */
static const char grouped[] =
	"verdict: 1\nid: t\ntitle: T\n"
	"options:\n  - { id: a, name: A }\n  - { id: b, name: B }\n"
	"criteria:\n"
	"  - { id: k1, name: K1, group: G1, question: Q?, default_weight: 1, ratings: { a: 1, b: 2 } }\n"
	"  - { id: k2, name: K2, group: G2, question: Q?, default_weight: 1, ratings: { a: 1, b: 2 } }\n"
	"  - { id: k3, name: K3, group: G1, question: Q?, default_weight: 1, ratings: { a: 1, b: 2 } }\n"
	"  - { id: k4, name: K4, group: G2, question: Q?, default_weight: 1, ratings: { a: 1, b: 2 } }\n"
	"  - { id: k5, name: K5, group: G3, question: Q?, default_weight: 1, ratings: { a: 1, b: 2 } }\n"
	"  - { id: k6, name: K6, group: G1, question: Q?, default_weight: 1, ratings: { a: 1, b: 2 } }\n"
	"questions:\n"
	"  - id: q1\n    prompt: P1?\n    choices:\n      - { id: x, label: X }\n"
	"      - { id: y, label: Y }\n"
	"  - id: q2\n    prompt: P2?\n    choices:\n      - { id: x, label: X }\n"
	"      - { id: y, label: Y }\n";

/* Three criteria all in one group: compared as a flat set. */
static const char one_group[] =
	"verdict: 1\nid: t\ntitle: T\n"
	"options:\n  - { id: a, name: A }\n  - { id: b, name: B }\n"
	"criteria:\n"
	"  - { id: c1, name: C1, group: G, question: Q?, default_weight: 1, ratings: { a: 1, b: 2 } }\n"
	"  - { id: c2, name: C2, group: G, question: Q?, default_weight: 1, ratings: { a: 1, b: 2 } }\n"
	"  - { id: c3, name: C3, group: G, question: Q?, default_weight: 1, ratings: { a: 1, b: 2 } }\n";

static void expect_step_of(const struct criteria *c, const struct session *s, int step,
                           enum session_step_kind kind, size_t index, const char *label)
{
	size_t i = 99;
	char buf[64];
	assert_int_equal(session_step_kind(c, s->weighting, step, &i), kind);
	assert_int_equal(i, index);
	int n = session_step_label(c, s, step, buf, sizeof buf);
	assert_string_equal(buf, label);
	assert_int_equal(n, (int)strlen(label));
}

/* The same for a session weighing with ratings. */
static void expect_step(const struct criteria *c, int step, enum session_step_kind kind,
                        size_t index, const char *label)
{
	struct session *s = session_new(c);
	expect_step_of(c, s, step, kind, index, label);
	session_free(s);
}

static void test_numbering(void **state)
{
	(void)state;
	struct criteria *c = model_parse(two_three);
	assert_int_equal(session_nsteps(c, WEIGHTING_RATINGS), 7);
	expect_step(c, 0, SESSION_STEP_QUESTION, 0, "question 1 of 2");
	expect_step(c, 1, SESSION_STEP_QUESTION, 1, "question 2 of 2");
	expect_step(c, 2, SESSION_STEP_CRITERION, 0, "criterion 1 of 3");
	expect_step(c, 4, SESSION_STEP_CRITERION, 2, "criterion 3 of 3");
	expect_step(c, 5, SESSION_STEP_REVIEW, 0, "the review");
	expect_step(c, 6, SESSION_STEP_RESULTS, 0, "the results");
	assert_int_equal(session_criterion_step(c, 0), 2);
	assert_int_equal(session_criterion_step(c, 2), 4);
	assert_int_equal(session_review_step(c, WEIGHTING_RATINGS), 5);
	assert_int_equal(session_results_step(c, WEIGHTING_RATINGS), 6);
	assert_int_equal(session_results_step(c, WEIGHTING_RATINGS), session_nsteps(c, WEIGHTING_RATINGS) - 1);
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
	assert_int_equal(session_nsteps(c, WEIGHTING_RATINGS), 3);
	expect_step(c, 0, SESSION_STEP_CRITERION, 0, "criterion 1 of 1");
	expect_step(c, 1, SESSION_STEP_REVIEW, 0, "the review");
	expect_step(c, 2, SESSION_STEP_RESULTS, 0, "the results");
	assert_int_equal(session_criterion_step(c, 0), 0);
	assert_int_equal(session_review_step(c, WEIGHTING_RATINGS), 1);
	assert_int_equal(session_results_step(c, WEIGHTING_RATINGS), 2);
	criteria_free(c);
}

/* A label cut short still says how long it is, as snprintf does. */
static void test_label_cut(void **state)
{
	(void)state;
	struct criteria *c = model_parse(two_three);
	struct session *s = session_new(c);
	char buf[9];
	assert_int_equal(session_step_label(c, s, 3, buf, sizeof buf), 16);
	assert_string_equal(buf, "criterio");
	session_free(s);
	criteria_free(c);
}

/* Weighing in pairs: the questions, one step for every comparison, the
 * review and the results. */
static void test_pairwise_numbering(void **state)
{
	(void)state;
	struct criteria *c = model_parse(grouped);
	struct session *s = session_new(c);
	s->weighting = WEIGHTING_PAIRWISE;
	assert_int_equal(session_nsteps(c, WEIGHTING_PAIRWISE), 5);
	expect_step_of(c, s, 0, SESSION_STEP_QUESTION, 0, "question 1 of 2");
	expect_step_of(c, s, 1, SESSION_STEP_QUESTION, 1, "question 2 of 2");
	expect_step_of(c, s, 2, SESSION_STEP_PAIRS, 0, "comparison 1 of 7");
	expect_step_of(c, s, 3, SESSION_STEP_REVIEW, 0, "the review");
	expect_step_of(c, s, 4, SESSION_STEP_RESULTS, 0, "the results");
	expect_step_of(c, s, 9, SESSION_STEP_RESULTS, 0, "the results");
	assert_int_equal(session_weighing_step(c), 2);
	assert_int_equal(session_review_step(c, WEIGHTING_PAIRWISE), 3);
	assert_int_equal(session_results_step(c, WEIGHTING_PAIRWISE), 4);
	session_free(s);
	criteria_free(c);
}

/* The same set weighing with ratings keeps today's numbers: a stored step
 * resumes where it was. */
static void test_ratings_numbering_kept(void **state)
{
	(void)state;
	struct criteria *c = model_parse(grouped);
	assert_int_equal(session_nsteps(c, WEIGHTING_RATINGS), 10);
	expect_step(c, 2, SESSION_STEP_CRITERION, 0, "criterion 1 of 6");
	expect_step(c, 7, SESSION_STEP_CRITERION, 5, "criterion 6 of 6");
	expect_step(c, 8, SESSION_STEP_REVIEW, 0, "the review");
	expect_step(c, 9, SESSION_STEP_RESULTS, 0, "the results");
	assert_int_equal(session_weighing_step(c), 2);
	assert_int_equal(session_review_step(c, WEIGHTING_RATINGS), 8);
	assert_int_equal(session_results_step(c, WEIGHTING_RATINGS), 9);
	criteria_free(c);
}

static void expect_pair(const struct session_pairs *p, size_t i, enum judgment_level level,
                        int group, size_t a, size_t b)
{
	assert_true(i < p->n);
	assert_int_equal(p->items[i].level, level);
	assert_int_equal(p->items[i].group, group);
	assert_int_equal(p->items[i].a, a);
	assert_int_equal(p->items[i].b, b);
}

/* First a chain linking each group's criteria, then the groups; then the
 * rest in the same order; a group of one asks nothing. */
static void test_pairs_grouped(void **state)
{
	(void)state;
	struct criteria *c = model_parse(grouped);
	struct session_pairs p;
	session_pairs_init(&p, c);
	assert_int_equal(p.n, 7);
	assert_int_equal(p.top, 1);
	assert_int_equal(p.groups.n, 3);
	expect_pair(&p, 0, JUDGE_CRITERIA, 0, 0, 2);
	expect_pair(&p, 1, JUDGE_CRITERIA, 0, 2, 5);
	expect_pair(&p, 2, JUDGE_CRITERIA, 1, 1, 3);
	expect_pair(&p, 3, JUDGE_GROUPS, -1, 0, 1);
	expect_pair(&p, 4, JUDGE_GROUPS, -1, 1, 2);
	expect_pair(&p, 5, JUDGE_CRITERIA, 0, 0, 5);
	expect_pair(&p, 6, JUDGE_GROUPS, -1, 0, 2);
	session_pairs_free(&p);
	criteria_free(c);
}

/* A flat set, and a set of one group: the chain, then the rest. */
static void test_pairs_flat(void **state)
{
	(void)state;
	const char *texts[] = { two_three, one_group };
	for (size_t t = 0; t < 2; t++) {
		struct criteria *c = model_parse(texts[t]);
		struct session_pairs p;
		session_pairs_init(&p, c);
		assert_int_equal(p.n, 3);
		assert_int_equal(p.top, 0);
		expect_pair(&p, 0, JUDGE_CRITERIA, -1, 0, 1);
		expect_pair(&p, 1, JUDGE_CRITERIA, -1, 1, 2);
		expect_pair(&p, 2, JUDGE_CRITERIA, -1, 0, 2);
		session_pairs_free(&p);
		criteria_free(c);
	}
}

/* Given in the order asked, the first comparisons link everything: after
 * exactly as many as were needed at the start, none more is needed. */
static void test_pairs_link_first(void **state)
{
	(void)state;
	const char *texts[] = { grouped, two_three, one_group };
	for (size_t t = 0; t < 3; t++) {
		struct criteria *c = model_parse(texts[t]);
		struct session *s = session_new(c);
		s->weighting = WEIGHTING_PAIRWISE;
		struct session_pairs p;
		session_pairs_init(&p, c);
		size_t least = session_pairs_needed(&p, s);
		assert_int_equal(least, t == 0 ? 5 : 2);
		for (size_t i = 0; i < p.n; i++) {
			assert_int_equal(session_pairs_needed(&p, s), i < least ? least - i : 0);
			session_set_judgment(s, p.items[i].level, p.items[i].a, p.items[i].b, 2);
		}
		assert_int_equal(session_pairs_needed(&p, s), 0);
		session_pairs_free(&p);
		session_free(s);
		criteria_free(c);
	}
}

/* The first comparison not given, given either way round, and how many
 * more link every matrix. */
static void test_pairs_progress(void **state)
{
	(void)state;
	struct criteria *c = model_parse(grouped);
	struct session *s = session_new(c);
	s->weighting = WEIGHTING_PAIRWISE;
	struct session_pairs p;
	session_pairs_init(&p, c);
	assert_int_equal(session_pairs_given(&p, s), 0);
	assert_int_equal(session_pairs_first_missing(&p, s), 0);
	/* G1: 3 items, 2 to link; G2: 1; the groups: 2. */
	assert_int_equal(session_pairs_needed(&p, s), 5);
	session_set_judgment(s, JUDGE_CRITERIA, 0, 2, 3);
	session_set_judgment(s, JUDGE_GROUPS, 1, 0, 0.5);      /* the other way round */
	assert_int_equal(session_pairs_given(&p, s), 2);
	assert_int_equal(session_pairs_first_missing(&p, s), 1);
	assert_int_equal(session_pairs_needed(&p, s), 3);
	expect_step_of(c, s, 2, SESSION_STEP_PAIRS, 0, "comparison 2 of 7");
	session_set_judgment(s, JUDGE_CRITERIA, 5, 2, 1);
	session_set_judgment(s, JUDGE_CRITERIA, 1, 3, 7);
	session_set_judgment(s, JUDGE_GROUPS, 2, 1, 2);
	/* Linked, with two comparisons still to give: the first of them is
	 * the first not in the chains. */
	assert_int_equal(session_pairs_needed(&p, s), 0);
	assert_int_equal(session_pairs_first_missing(&p, s), 5);
	session_set_judgment(s, JUDGE_CRITERIA, 0, 5, 5);
	session_set_judgment(s, JUDGE_GROUPS, 0, 2, 5);
	assert_int_equal(session_pairs_given(&p, s), 7);
	assert_int_equal(session_pairs_first_missing(&p, s), 7);
	expect_step_of(c, s, 2, SESSION_STEP_PAIRS, 0, "the comparisons");
	session_pairs_free(&p);
	session_free(s);
	criteria_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbering),
		cmocka_unit_test(test_out_of_range),
		cmocka_unit_test(test_no_questions),
		cmocka_unit_test(test_label_cut),
		cmocka_unit_test(test_pairwise_numbering),
		cmocka_unit_test(test_ratings_numbering_kept),
		cmocka_unit_test(test_pairs_grouped),
		cmocka_unit_test(test_pairs_flat),
		cmocka_unit_test(test_pairs_progress),
		cmocka_unit_test(test_pairs_link_first),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
