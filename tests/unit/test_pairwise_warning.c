/* layer: reports */
/* test_pairwise_warning.c - the warning next to the recommendation when
 * comparisons in pairs contradict each other (score_pairwise_warning(),
 * score_format.h): none when they agree well enough, the matrix named with
 * its consistency ratio when one is above 0.10, each named when several are. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "criteria.h"
#include "helper_model.h"
#include "score.h"
#include "score_format.h"
#include "session.h"

/* Three criteria, flat; and the same in two groups of three. */
static const char flat[] =
	"verdict: 1\nid: t\ntitle: T\n"
	"options:\n  - { id: a, name: A }\n  - { id: b, name: B }\n"
	"criteria:\n"
	"  - { id: c1, name: C1, question: Q?, default_weight: 1, ratings: { a: 1, b: 2 } }\n"
	"  - { id: c2, name: C2, question: Q?, default_weight: 1, ratings: { a: 2, b: 1 } }\n"
	"  - { id: c3, name: C3, question: Q?, default_weight: 1, ratings: { a: 1, b: 3 } }\n";

static const char grouped[] =
	"verdict: 1\nid: t\ntitle: T\n"
	"options:\n  - { id: a, name: A }\n  - { id: b, name: B }\n"
	"criteria:\n"
	"  - { id: c1, name: C1, group: Speed, question: Q?, default_weight: 1, ratings: { a: 1, b: 2 } }\n"
	"  - { id: c2, name: C2, group: Speed, question: Q?, default_weight: 1, ratings: { a: 2, b: 1 } }\n"
	"  - { id: c3, name: C3, group: Speed, question: Q?, default_weight: 1, ratings: { a: 1, b: 3 } }\n"
	"  - { id: c4, name: C4, group: Team, question: Q?, default_weight: 1, ratings: { a: 1, b: 2 } }\n"
	"  - { id: c5, name: C5, group: Team, question: Q?, default_weight: 1, ratings: { a: 2, b: 1 } }\n"
	"  - { id: c6, name: C6, group: Team, question: Q?, default_weight: 1, ratings: { a: 1, b: 3 } }\n";

/* The warning for session S on C, into BUF. */
static int warning(const struct criteria *c, struct session *s, char *buf, size_t len)
{
	struct result r;
	assert_int_equal(score_session(c, s, &r), SCORE_OK);
	int n = score_pairwise_warning(c, &r, buf, len);
	result_free(&r);
	return n;
}

static void test_none(void **state)
{
	(void)state;
	struct criteria *c = model_parse(flat);
	struct session *s = session_new(c);
	char buf[600] = "x";
	/* Weighed with ratings: nothing to warn of. */
	assert_int_equal(warning(c, s, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	/* 2, 2, 4: consistent. */
	s->weighting = WEIGHTING_PAIRWISE;
	session_set_judgment(s, JUDGE_CRITERIA, 0, 1, 2);
	session_set_judgment(s, JUDGE_CRITERIA, 1, 2, 2);
	session_set_judgment(s, JUDGE_CRITERIA, 0, 2, 4);
	assert_int_equal(warning(c, s, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	session_free(s);
	criteria_free(c);
}

static void test_one(void **state)
{
	(void)state;
	struct criteria *c = model_parse(flat);
	struct session *s = session_new(c);
	s->weighting = WEIGHTING_PAIRWISE;
	/* C1 over C2, C2 over C3, and C3 over C1: a circle. */
	session_set_judgment(s, JUDGE_CRITERIA, 0, 1, 5);
	session_set_judgment(s, JUDGE_CRITERIA, 1, 2, 5);
	session_set_judgment(s, JUDGE_CRITERIA, 0, 2, 1.0 / 5);
	char buf[600];
	const char *want = "Careful: your comparisons contradict each other (consistency ratio "
		"2.76, above 0.10): the weights they give, and so the confidence, are less "
		"trustworthy than they look. The review of your comparisons has hints on which "
		"answers to change.";
	assert_int_equal(warning(c, s, buf, sizeof buf), (int)strlen(want));
	assert_string_equal(buf, want);
	/* Cut short, it says how long it is, as snprintf does. */
	char small[10];
	assert_int_equal(warning(c, s, small, sizeof small), (int)strlen(want));
	assert_string_equal(small, "Careful: ");
	session_free(s);
	criteria_free(c);
}

static void test_several(void **state)
{
	(void)state;
	struct criteria *c = model_parse(grouped);
	struct session *s = session_new(c);
	s->weighting = WEIGHTING_PAIRWISE;
	session_set_judgment(s, JUDGE_CRITERIA, 0, 1, 5);
	session_set_judgment(s, JUDGE_CRITERIA, 1, 2, 5);
	session_set_judgment(s, JUDGE_CRITERIA, 0, 2, 1.0 / 5);
	session_set_judgment(s, JUDGE_CRITERIA, 3, 4, 3);
	session_set_judgment(s, JUDGE_CRITERIA, 4, 5, 3);
	session_set_judgment(s, JUDGE_CRITERIA, 3, 5, 1.0 / 3);
	session_set_judgment(s, JUDGE_GROUPS, 0, 1, 2);
	char buf[600];
	warning(c, s, buf, sizeof buf);
	assert_string_equal(buf, "Careful: your comparisons within Speed (ratio 2.76) and within "
	                    "Team (ratio 1.15) contradict each other (consistency ratios above "
	                    "0.10): the weights they give, and so the confidence, are less "
	                    "trustworthy than they look. The review of your comparisons has hints "
	                    "on which answers to change.");
	session_free(s);
	criteria_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_none),
		cmocka_unit_test(test_one),
		cmocka_unit_test(test_several),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
