/* layer: scoring */
/* test_weight.c - the effective weight's rule (score_weight.c): the default
 * moved by the chosen answers and clamped, its itemised causes, the
 * person's own weight on top, and the same figures from the whole-set pass
 * of score_session(). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "criteria.h"
#include "helper_model.h"
#include "score.h"
#include "session.h"

#define assert_exact(got, want)                                                          \
	do {                                                                              \
		double got_ = (got), want_ = (want);                                      \
		if (got_ != want_)                                                        \
			fail_msg("%s is %.17g, expected %.17g", #got, got_, want_);         \
	} while (0)

/* Criteria x (default 2), y (4), z (1) and w (5) on the default 0-5 scale,
 * and three questions whose answers move them. */
static const char set[] =
	"verdict: 1\nid: w\ntitle: T\noptions:\n"
	"  - { id: a, name: A }\n  - { id: b, name: B }\n"
	"criteria:\n"
	"  - { id: x, name: X, question: Q?, default_weight: 2, ratings: { a: 8, b: 2 } }\n"
	"  - { id: y, name: Y, question: Q?, default_weight: 4, ratings: { a: 3, b: 7 } }\n"
	"  - { id: z, name: Z, question: Q?, default_weight: 1, ratings: { a: 5, b: 6 } }\n"
	"  - { id: w, name: W, question: Q?, default_weight: 5, ratings: { a: 6, b: 5 } }\n"
	"questions:\n"
	"  - id: q1\n    prompt: P?\n    choices:\n"
	"      - { id: a, label: A, weights: { x: +1 } }\n"
	"      - { id: b, label: B, weights: { x: -1, y: +3 } }\n"
	"      - { id: c, label: C }\n"
	"  - id: q2\n    prompt: P?\n    choices:\n"
	"      - { id: a, label: A, weights: { x: +1.5 } }\n"
	"      - { id: b, label: B, weights: { x: -4 } }\n"
	"      - { id: c, label: C, weights: { y: +2 } }\n"
	"      - { id: d, label: D, weights: { x: +1 } }\n"
	"  - id: q3\n    prompt: P?\n    choices:\n"
	"      - { id: a, label: A, weights: { x: -1 } }\n"
	"      - { id: b, label: B, weights: { z: +4, w: +1 } }\n";

enum { X, Y, Z, W };

/* A session of SET with choices Q1, Q2, Q3 (-1 for none). */
static struct session *answered(const struct criteria *c, int q1, int q2, int q3)
{
	struct session *s = session_new(c);
	assert_non_null(s);
	s->choices[0] = q1;
	s->choices[1] = q2;
	s->choices[2] = q3;
	return s;
}

static void assert_cause(const struct weight_causes *wc, size_t k, size_t question,
                         size_t choice, double delta)
{
	assert_true(k < wc->count);
	assert_int_equal(wc->items[k].question, question);
	assert_int_equal(wc->items[k].choice, choice);
	assert_exact(wc->items[k].delta, delta);
}

static void test_no_answers(void **state)
{
	(void)state;
	struct criteria *c = model_parse(set);
	struct session *s = session_new(c);
	struct weight_causes wc;
	assert_exact(score_profile_weight(c, s, X, &wc), 2);
	assert_int_equal(wc.source, WEIGHT_DEFAULT);
	assert_int_equal(wc.biggest, -1);
	assert_int_equal(wc.count, 0);
	assert_null(wc.items);
	weight_causes_free(&wc);
	/* No session at all reads as no answers. */
	assert_exact(score_profile_weight(c, NULL, Y, &wc), 4);
	assert_int_equal(wc.source, WEIGHT_DEFAULT);
	assert_int_equal(wc.count, 0);
	weight_causes_free(&wc);
	assert_exact(score_profile_weight(c, s, W, NULL), 5);
	session_free(s);
	criteria_free(c);
}

static void test_one_answer(void **state)
{
	(void)state;
	struct criteria *c = model_parse(set);
	struct session *s = answered(c, 0, -1, -1);
	struct weight_causes wc;
	assert_exact(score_profile_weight(c, s, X, &wc), 3);
	assert_int_equal(wc.source, WEIGHT_PROFILE);
	assert_int_equal(wc.biggest, 0);
	assert_int_equal(wc.count, 1);
	assert_cause(&wc, 0, 0, 0, 1);
	weight_causes_free(&wc);
	/* The answer leaves the others where they were. */
	assert_exact(score_profile_weight(c, s, Y, &wc), 4);
	assert_int_equal(wc.source, WEIGHT_DEFAULT);
	assert_int_equal(wc.count, 0);
	weight_causes_free(&wc);
	assert_exact(score_profile_weight(c, s, X, NULL), 3);
	session_free(s);
	criteria_free(c);
}

static void test_two_answers_sum(void **state)
{
	(void)state;
	struct criteria *c = model_parse(set);
	/* x: 2 + 1 + 1.5 = 4.5, moved most by q2 (1.5). */
	struct session *s = answered(c, 0, 0, -1);
	struct weight_causes wc;
	assert_exact(score_profile_weight(c, s, X, &wc), 4.5);
	assert_int_equal(wc.source, WEIGHT_PROFILE);
	assert_int_equal(wc.biggest, 1);
	assert_int_equal(wc.count, 2);
	assert_cause(&wc, 0, 0, 0, 1);
	assert_cause(&wc, 1, 1, 0, 1.5);
	weight_causes_free(&wc);
	session_free(s);
	criteria_free(c);
}

static void test_clamped_both_ends(void **state)
{
	(void)state;
	struct criteria *c = model_parse(set);
	/* y: 4 + 3 + 2 = 9, capped at 5; both answers still listed. */
	struct session *s = answered(c, 1, 2, -1);
	struct weight_causes wc;
	assert_exact(score_profile_weight(c, s, Y, &wc), 5);
	assert_int_equal(wc.source, WEIGHT_PROFILE);
	assert_int_equal(wc.biggest, 0);
	assert_int_equal(wc.count, 2);
	assert_cause(&wc, 0, 0, 1, 3);
	assert_cause(&wc, 1, 1, 2, 2);
	weight_causes_free(&wc);
	session_free(s);
	/* x: 2 - 1 - 4 = -3, floored at 0, moved most by q2 (-4). */
	s = answered(c, 1, 1, -1);
	assert_exact(score_profile_weight(c, s, X, &wc), 0);
	assert_int_equal(wc.source, WEIGHT_PROFILE);
	assert_int_equal(wc.biggest, 1);
	assert_int_equal(wc.count, 2);
	assert_cause(&wc, 0, 0, 1, -1);
	assert_cause(&wc, 1, 1, 1, -4);
	weight_causes_free(&wc);
	session_free(s);
	criteria_free(c);
}

/* Answers that cancel out, or a clamp back onto the default, leave the
 * weight the default's, with no biggest cause, but are still listed. */
static void test_back_to_default(void **state)
{
	(void)state;
	struct criteria *c = model_parse(set);
	struct session *s = answered(c, 0, -1, 0);
	struct weight_causes wc;
	assert_exact(score_profile_weight(c, s, X, &wc), 2);
	assert_int_equal(wc.source, WEIGHT_DEFAULT);
	assert_int_equal(wc.biggest, -1);
	assert_int_equal(wc.count, 2);
	assert_cause(&wc, 0, 0, 0, 1);
	assert_cause(&wc, 1, 2, 0, -1);
	weight_causes_free(&wc);
	session_free(s);
	/* w: 5 + 1 capped at 5, its default; z: 1 + 4 = 5 by the same answer. */
	s = answered(c, -1, -1, 1);
	assert_exact(score_profile_weight(c, s, W, &wc), 5);
	assert_int_equal(wc.source, WEIGHT_DEFAULT);
	assert_int_equal(wc.biggest, -1);
	assert_int_equal(wc.count, 1);
	assert_cause(&wc, 0, 2, 1, 1);
	weight_causes_free(&wc);
	assert_exact(score_profile_weight(c, s, Z, &wc), 5);
	assert_int_equal(wc.source, WEIGHT_PROFILE);
	assert_int_equal(wc.biggest, 2);
	weight_causes_free(&wc);
	session_free(s);
	criteria_free(c);
}

/* Of equal moves the earlier question is the biggest. */
static void test_biggest_cause(void **state)
{
	(void)state;
	struct criteria *c = model_parse(set);
	struct session *s = answered(c, 0, 3, -1);
	struct weight_causes wc;
	assert_exact(score_profile_weight(c, s, X, &wc), 4);
	assert_int_equal(wc.source, WEIGHT_PROFILE);
	assert_int_equal(wc.biggest, 0);
	assert_int_equal(wc.count, 2);
	weight_causes_free(&wc);
	/* A larger move later wins: +1 then -4 then -1 gives q2. */
	session_free(s);
	s = answered(c, 0, 1, 0);
	assert_exact(score_profile_weight(c, s, X, &wc), 0);
	assert_int_equal(wc.biggest, 1);
	weight_causes_free(&wc);
	session_free(s);
	criteria_free(c);
}

/* The person's weight: score_profile_weight() ignores it,
 * score_effective_weight() returns it, clamped to the scale. */
static void test_person_weight(void **state)
{
	(void)state;
	struct criteria *c = model_parse(set);
	struct session *s = answered(c, 0, -1, -1);
	s->weights[X] = 1.5;
	s->weight_set[X] = 1;
	struct weight_causes wc;
	assert_exact(score_profile_weight(c, s, X, &wc), 3);
	assert_int_equal(wc.source, WEIGHT_PROFILE);
	assert_int_equal(wc.biggest, 0);
	assert_int_equal(wc.count, 1);
	weight_causes_free(&wc);
	enum weight_source src;
	int cause;
	assert_exact(score_effective_weight(c, s, X, &src, &cause), 1.5);
	assert_int_equal(src, WEIGHT_PERSON);
	assert_int_equal(cause, -1);
	/* Without the person's, the effective weight is the profile's. */
	assert_exact(score_effective_weight(c, s, Y, &src, &cause), 4);
	assert_int_equal(src, WEIGHT_DEFAULT);
	assert_int_equal(cause, -1);
	s->weights[X] = 7;
	assert_exact(score_effective_weight(c, s, X, NULL, NULL), 5);
	s->weight_set[X] = 0;
	assert_exact(score_effective_weight(c, s, X, &src, &cause), 3);
	assert_int_equal(src, WEIGHT_PROFILE);
	assert_int_equal(cause, 0);
	session_free(s);
	criteria_free(c);
}

/* A copy of S's bytes: the record and every array it points to. */
struct snapshot {
	struct session s;
	int choices[3];
	double weights[4];
	unsigned char weight_set[4];
};

static void snap(const struct session *s, struct snapshot *out)
{
	memset(out, 0, sizeof *out);
	out->s = *s;
	memcpy(out->choices, s->choices, sizeof out->choices);
	memcpy(out->weights, s->weights, sizeof out->weights);
	memcpy(out->weight_set, s->weight_set, sizeof out->weight_set);
}

/* Reading a weight writes nothing: the session is the same, byte for byte,
 * whether or not the person set the weight read. */
static void test_session_unchanged(void **state)
{
	(void)state;
	struct criteria *c = model_parse(set);
	struct session *s = answered(c, 1, 0, 1);
	s->weights[X] = 2.5;
	s->weight_set[X] = 1;
	s->weights[Z] = 0;
	s->weight_set[Z] = 1;
	struct snapshot before, after;
	snap(s, &before);
	for (size_t k = 0; k < c->ncriteria; k++) {
		struct weight_causes wc;
		score_profile_weight(c, s, k, &wc);
		weight_causes_free(&wc);
		score_profile_weight(c, s, k, NULL);
		score_effective_weight(c, s, k, NULL, NULL);
	}
	snap(s, &after);
	assert_memory_equal(&before, &after, sizeof before);
	session_free(s);
	criteria_free(c);
}

/* score_session()'s pass over the whole set gives what the rule gives one
 * criterion at a time, for every combination of answers. */
static void test_whole_set_agrees(void **state)
{
	(void)state;
	struct criteria *c = model_parse(set);
	for (int q1 = -1; q1 < 3; q1++)
		for (int q2 = -1; q2 < 4; q2++)
			for (int q3 = -1; q3 < 2; q3++) {
				struct session *s = answered(c, q1, q2, q3);
				s->weights[Y] = 3.5;
				s->weight_set[Y] = 1;
				struct result r;
				if (score_session(c, s, &r) != SCORE_OK) {
					session_free(s);
					continue;
				}
				for (size_t k = 0; k < c->ncriteria; k++) {
					struct weight_causes wc;
					double w = score_profile_weight(c, s, k, &wc);
					assert_exact(score_answers_weight(c, &r, k, NULL), w);
					enum weight_source src;
					int cause;
					assert_exact(score_effective_weight(c, s, k, &src, &cause),
					             r.weights[k]);
					assert_int_equal(src, r.weight_source[k]);
					assert_int_equal(cause, r.weight_cause[k]);
					if (k == Y) {
						assert_int_equal(r.weight_source[k], WEIGHT_PERSON);
						assert_exact(r.weights[k], 3.5);
					} else {
						assert_exact(r.weights[k], w);
						assert_int_equal(r.weight_source[k], wc.source);
						assert_int_equal(r.weight_cause[k], wc.biggest);
					}
					weight_causes_free(&wc);
				}
				result_free(&r);
				session_free(s);
			}
	criteria_free(c);
}

/* The bounded copies of the causes: at most MAX, and the whole count. */
static void test_bounded_causes(void **state)
{
	(void)state;
	struct criteria *c = model_parse(set);
	struct session *s = answered(c, 1, 1, 0);
	struct cause out[2];
	assert_int_equal(score_profile_causes(c, s, X, out, 2), 3);
	assert_int_equal(out[0].question, 0);
	assert_int_equal(out[1].question, 1);
	assert_exact(out[1].delta, -4);
	assert_int_equal(score_profile_causes(c, s, X, NULL, 0), 3);
	assert_int_equal(score_profile_causes(c, NULL, X, out, 2), 0);
	/* Freed twice is freed once: the record is emptied. */
	struct weight_causes wc;
	score_profile_weight(c, s, X, &wc);
	weight_causes_free(&wc);
	assert_null(wc.items);
	assert_int_equal(wc.count, 0);
	weight_causes_free(&wc);
	weight_causes_free(NULL);
	session_free(s);
	criteria_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_answers),
		cmocka_unit_test(test_one_answer),
		cmocka_unit_test(test_two_answers_sum),
		cmocka_unit_test(test_clamped_both_ends),
		cmocka_unit_test(test_back_to_default),
		cmocka_unit_test(test_biggest_cause),
		cmocka_unit_test(test_person_weight),
		cmocka_unit_test(test_session_unchanged),
		cmocka_unit_test(test_whole_set_agrees),
		cmocka_unit_test(test_bounded_causes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
