/* layer: scoring */
/* test_team.c - the group view (team.c): three respondents whose group
 * weights, scores, spreads, consensus and "how many would have to change
 * their mind" are worked out by hand below (the worked example of
 * docs/scoring.md, "The group view"), the answers' plurality, and a group
 * that weighed in pairs, combined by the geometric mean of its comparisons
 * (AIJ), with its consistency ratio.
 *
 * The set is the worked example's: speed (Node.js 8, Python 5), readable
 * code (5, 8), machine learning (3, 10), scale 0-5; rating differences
 * Node.js - Python: +3, -3, -7.
 *
 * The three respondents set every weight:
 *
 *   A (Ana):  speed 5, syntax 1, ai_ml 4   (W 10: Node.js 57, Python 73)
 *   B (Ben):  speed 2, syntax 4, ai_ml 4   (W 10: Node.js 48, Python 82)
 *   C (Cy):   speed 5, syntax 1, ai_ml 0   (W 6: Node.js 450/6 = 75,
 *                                           Python 330/6 = 55)
 *
 * Group weights, the means: speed 12/3 = 4, syntax 6/3 = 2, ai_ml 8/3.
 * W = 26/3. Weighted sums: Node.js 4 x 8 + 2 x 5 + 8/3 x 3 = 50, Python
 * 4 x 5 + 2 x 8 + 8/3 x 10 = 188/3. Scores 10 x S / W: Node.js 1500/26 =
 * 57.6923..., Python 1880/26 = 72.3077...; Python by 380/26 = 14.615...,
 * clear.
 *
 * Spreads (population standard deviation: the mean square distance from
 * the mean, divided by 3):
 *   speed 5, 2, 5: min 2, max 5, mean 4, var (1 + 4 + 1)/3 = 2, sd sqrt 2
 *   syntax 1, 4, 1: min 1, max 4, mean 2, var (1 + 4 + 1)/3 = 2, sd sqrt 2
 *   ai_ml 4, 4, 0: min 0, max 4, mean 8/3, var (16/9 + 16/9 + 64/9)/3 =
 *     32/9, sd sqrt(32)/3 = 1.8856...
 * Most disagreed first: ai_ml, then speed and syntax (equal sd and range:
 * the file's order).
 *
 * Consensus (Goepel), on each one's shares: A (0.5, 0.1, 0.4), B (0.2, 0.4,
 * 0.4), C (5/6, 1/6, 0).
 *   H(A) = -(0.5 ln 0.5 + 0.1 ln 0.1 + 0.4 ln 0.4) = 0.94335
 *   H(B) = -(0.2 ln 0.2 + 2 x 0.4 ln 0.4)          = 1.05492
 *   H(C) = -(5/6 ln 5/6 + 1/6 ln 1/6)              = 0.45056
 *   H_alpha = their mean = 0.81628
 *   mean shares (23/45, 2/9, 4/15), H_gamma = 1.02975
 *   H_beta = H_gamma - H_alpha = 0.21347, exp(-H_beta) = 0.80778
 *   consensus = (0.80778 - 1/3) / (1 - 1/3) = 0.71166: moderate.
 *
 * Changing their minds: the runner-up is Node.js. Each one's own lead of
 * Node.js over Python with the group's ratings: A -16, B -34, C +20: C is
 * its champion. Replacing a weight row by C's moves the gap S_Node - S_Py
 * by (w_C - w_k) . (3, -3, -7): A (0, 0, -4) gives 28, B (3, -3, -4) gives
 * 46, so B first. A, C, C: means 5, 1, 4/3, W 22/3; S_Node = 40 + 5 + 4 =
 * 49, S_Py = 25 + 8 + 40/3 = 139/3; Node.js ahead by 10 x (8/3) / (22/3)
 * = 3.64 points: the winner changes with one respondent. */
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
#include "team.h"

#define assert_near(got, want, tol)                                                      \
	do {                                                                              \
		double got_ = (got), want_ = (want);                                      \
		if (!(fabs(got_ - want_) <= (tol)))                                       \
			fail_msg("%s is %.17g, expected %.17g", #got, got_, want_);         \
	} while (0)
#define assert_close(got, want) assert_near(got, want, 1e-9)

static const char worked[] =
	"verdict: 1\nid: worked-example\ntitle: T\n"
	"options:\n  - { id: node, name: Node.js }\n  - { id: python, name: Python }\n"
	"criteria:\n"
	"  - { id: speed, name: Speed, question: Q?, default_weight: 3, ratings: { node: 8, python: 5 } }\n"
	"  - { id: syntax, name: Readable code, question: Q?, default_weight: 2, ratings: { node: 5, python: 8 } }\n"
	"  - { id: ai_ml, name: Machine learning, question: Q?, default_weight: 1, ratings: { node: 3, python: 10 } }\n"
	"questions:\n"
	"  - id: team\n    prompt: P?\n    choices:\n"
	"      - { id: javascript, label: JS, weights: { syntax: -1 }, ratings: { syntax: { node: 7 } } }\n"
	"      - { id: python, label: Py }\n";

enum { SPEED, SYNTAX, AI_ML };
enum { NODE, PYTHON };

struct group {
	struct criteria *c;
	struct session *s[3];
	size_t n;
	struct team_result t;
};

static void build(struct group *g, const char *const *answers, size_t n)
{
	g->c = model_parse(worked);
	g->n = n;
	for (size_t k = 0; k < n; k++)
		g->s[k] = model_answers(g->c, answers[k]);
	size_t bad = 99;
	enum score_status st = SCORE_OK;
	assert_int_equal(team_build(g->c, (const struct session *const *)g->s, n, &g->t, &bad, &st),
	                 TEAM_OK);
}

static void drop(struct group *g)
{
	team_result_free(&g->t);
	for (size_t k = 0; k < g->n; k++)
		session_free(g->s[k]);
	criteria_free(g->c);
}

static const char *const three[] = {
	"respondent: Ana\nweights: { speed: 5, syntax: 1, ai_ml: 4 }\n",
	"respondent: Ben\nweights: { speed: 2, syntax: 4, ai_ml: 4 }\n",
	"respondent: Cy\nweights: { speed: 5, syntax: 1, ai_ml: 0 }\n",
};

static void test_group_weights_are_the_means(void **state)
{
	(void)state;
	struct group g;
	build(&g, three, 3);
	assert_int_equal(g.t.method, TEAM_MEAN);
	assert_close(g.t.result.weights[SPEED], 4);
	assert_close(g.t.result.weights[SYNTAX], 2);
	assert_close(g.t.result.weights[AI_ML], 8.0 / 3);
	assert_close(g.t.result.total_weight, 26.0 / 3);
	drop(&g);
}

static void test_group_scores_and_winner(void **state)
{
	(void)state;
	struct group g;
	build(&g, three, 3);
	assert_close(g.t.result.scores[NODE], 1500.0 / 26);
	assert_close(g.t.result.scores[PYTHON], 1880.0 / 26);
	assert_int_equal(g.t.result.winner, PYTHON);
	assert_close(g.t.result.margin, 380.0 / 26);
	assert_int_equal(g.t.result.strength, STRENGTH_CLEAR);
	assert_int_equal(g.t.runner_up, NODE);
	drop(&g);
}

static void test_each_respondent_has_their_own_winner(void **state)
{
	(void)state;
	struct group g;
	build(&g, three, 3);
	assert_int_equal(g.t.own[0].winner, PYTHON);
	assert_close(g.t.own[0].scores[NODE], 57);
	assert_int_equal(g.t.own[1].winner, PYTHON);
	assert_close(g.t.own[1].scores[PYTHON], 82);
	assert_int_equal(g.t.own[2].winner, NODE);
	assert_close(g.t.own[2].scores[NODE], 75);
	drop(&g);
}

static void test_spreads_most_disagreed_first(void **state)
{
	(void)state;
	struct group g;
	build(&g, three, 3);
	const struct team_spread *sp = g.t.spread;
	assert_int_equal(sp[0].criterion, AI_ML);
	assert_close(sp[0].min, 0);
	assert_close(sp[0].max, 4);
	assert_close(sp[0].mean, 8.0 / 3);
	assert_close(sp[0].sd, sqrt(32.0) / 3);
	assert_int_equal(sp[1].criterion, SPEED);
	assert_close(sp[1].min, 2);
	assert_close(sp[1].max, 5);
	assert_close(sp[1].sd, sqrt(2.0));
	assert_int_equal(sp[2].criterion, SYNTAX);
	assert_close(sp[2].min, 1);
	assert_close(sp[2].max, 4);
	assert_close(sp[2].sd, sqrt(2.0));
	drop(&g);
}

static double xlnx(double x)
{
	return x > 0 ? x * log(x) : 0;
}

static void test_consensus_is_goepels(void **state)
{
	(void)state;
	struct group g;
	build(&g, three, 3);
	double ha = -(xlnx(0.5) + xlnx(0.1) + xlnx(0.4) + xlnx(0.2) + 2 * xlnx(0.4) +
	              xlnx(5.0 / 6) + xlnx(1.0 / 6)) / 3;
	double hg = -(xlnx(23.0 / 45) + xlnx(2.0 / 9) + xlnx(4.0 / 15));
	assert_close(g.t.consensus.h_alpha, ha);
	assert_close(g.t.consensus.h_gamma, hg);
	assert_close(g.t.consensus.h_beta, hg - ha);
	assert_close(g.t.consensus.value, (exp(ha - hg) - 1.0 / 3) / (2.0 / 3));
	assert_near(g.t.consensus.value, 0.71166, 5e-6);
	assert_string_equal(team_consensus_word(g.t.consensus.value), "moderate");
	drop(&g);
}

static void test_one_respondent_would_have_to_change(void **state)
{
	(void)state;
	struct group g;
	build(&g, three, 3);
	assert_int_equal(g.t.champion, 2);
	assert_int_equal(g.t.flip, 1);
	assert_int_equal(g.t.nflip_order, 2);
	assert_int_equal(g.t.flip_order[0], 1);
	assert_int_equal(g.t.flip_order[1], 0);
	drop(&g);
}

/* Identical weights: every share the same, H_beta 0, consensus 1; no
 * respondent's weights favour Node.js, so none can turn the group. */
static void test_agreement_is_full_consensus(void **state)
{
	(void)state;
	static const char *const same[] = {
		"weights: { speed: 1, syntax: 4, ai_ml: 4 }\n",
		"weights: { speed: 1, syntax: 4, ai_ml: 4 }\n",
	};
	struct group g;
	build(&g, same, 2);
	assert_close(g.t.consensus.h_beta, 0);
	assert_close(g.t.consensus.value, 1);
	assert_close(g.t.spread[0].sd, 0);
	assert_int_equal(g.t.flip, -1);
	drop(&g);
}

/* Two of three answered JavaScript: the group's answer, and Node.js's 7
 * on readable code is the group's rating. */
static void test_answers_by_plurality(void **state)
{
	(void)state;
	static const char *const answers[] = {
		"choices: { team: javascript }\nweights: { speed: 3, syntax: 3, ai_ml: 3 }\n",
		"choices: { team: python }\nweights: { speed: 3, syntax: 3, ai_ml: 3 }\n",
		"choices: { team: javascript }\nweights: { speed: 3, syntax: 3, ai_ml: 3 }\n",
	};
	struct group g;
	build(&g, answers, 3);
	assert_int_equal(g.t.nquestions, 1);
	assert_int_equal(g.t.answers[0].choice, 0);
	assert_int_equal(g.t.answers[0].differs, 1);
	assert_int_equal(g.t.ndiffer, 1);
	assert_close(g.t.result.ratings[SYNTAX * 2 + NODE], 7);
	drop(&g);
}

/* One each way, and nobody answering leads neither: no answer, the file's
 * ratings. */
static void test_answers_tied_are_none(void **state)
{
	(void)state;
	static const char *const answers[] = {
		"choices: { team: javascript }\nweights: { speed: 3 }\n",
		"choices: { team: python }\nweights: { speed: 3 }\n",
	};
	struct group g;
	build(&g, answers, 2);
	assert_int_equal(g.t.answers[0].choice, SESSION_NO_CHOICE);
	assert_int_equal(g.t.answers[0].differs, 1);
	assert_close(g.t.result.ratings[SYNTAX * 2 + NODE], 5);
	drop(&g);
}

/* AIJ: R1 says speed 4 x syntax, syntax 1 x ai_ml, speed 2 x ai_ml (4 x 1
 * is not 2: inconsistent); R2 says 1, 4 and 8 (1 x 4 is not 8). Their
 * geometric means, pair by pair: sqrt(4 x 1) = 2, sqrt(1 x 4) = 2,
 * sqrt(2 x 8) = 4, and 2 x 2 = 4: the group's comparisons are consistent.
 * Shares 4/7, 2/7, 1/7, weights on the scale 5, 2.5, 1.25, and CR 0,
 * where each respondent's own is above 0. */
static void test_pairwise_group_is_aij(void **state)
{
	(void)state;
	static const char *const pairs[] = {
		"pairwise: [[speed, syntax, 4], [syntax, ai_ml, 1], [speed, ai_ml, 2]]\n",
		"pairwise: [[speed, syntax, 1], [ai_ml, syntax, 1/4], [speed, ai_ml, 8]]\n",
	};
	struct group g;
	build(&g, pairs, 2);
	assert_int_equal(g.t.method, TEAM_AIJ);
	const struct session *gs = g.t.group;
	assert_int_equal(gs->weighting, WEIGHTING_PAIRWISE);
	assert_int_equal(gs->njudgments, 3);
	const struct judgment *j = session_judgment(gs, JUDGE_CRITERIA, SPEED, SYNTAX);
	assert_non_null(j);
	assert_close(j->a == SPEED ? j->value : 1 / j->value, 2);
	j = session_judgment(gs, JUDGE_CRITERIA, SYNTAX, AI_ML);
	assert_non_null(j);
	assert_close(j->a == SYNTAX ? j->value : 1 / j->value, 2);
	j = session_judgment(gs, JUDGE_CRITERIA, SPEED, AI_ML);
	assert_non_null(j);
	assert_close(j->a == SPEED ? j->value : 1 / j->value, 4);
	assert_close(g.t.result.weight_shares[SPEED], 4.0 / 7);
	assert_close(g.t.result.weight_shares[SYNTAX], 2.0 / 7);
	assert_close(g.t.result.weight_shares[AI_ML], 1.0 / 7);
	assert_close(g.t.result.weights[SPEED], 5);
	assert_close(g.t.result.weights[SYNTAX], 2.5);
	assert_close(g.t.result.weights[AI_ML], 1.25);
	assert_close(g.t.group_cr, 0);
	assert_true(g.t.own[0].pairwise->matrices[0].ahp.cr > 0.01);
	assert_true(g.t.own[1].pairwise->matrices[0].ahp.cr > 0.01);
	drop(&g);
}

/* The group's CR is that of the matrix of the geometric means, as ahp.h
 * solves it: R1 speed 3 x syntax, speed 5 x ai_ml, syntax 3 x ai_ml
 * (Saaty's case); R2 the same but syntax 1/3 x ai_ml: the group's syntax
 * over ai_ml is sqrt(3 x 1/3) = 1. */
static void test_pairwise_group_cr_is_ahps(void **state)
{
	(void)state;
	static const char *const pairs[] = {
		"pairwise: [[speed, syntax, 3], [speed, ai_ml, 5], [syntax, ai_ml, 3]]\n",
		"pairwise: [[speed, syntax, 3], [speed, ai_ml, 5], [syntax, ai_ml, 1/3]]\n",
	};
	struct group g;
	build(&g, pairs, 2);
	struct ahp_pair p[] = { { 0, 1, 3 }, { 0, 2, 5 }, { 1, 2, 1 } };
	struct ahp_result a;
	assert_int_equal(ahp_solve(3, p, 3, &a), AHP_OK);
	assert_true(a.cr > 0);
	assert_close(g.t.group_cr, a.cr);
	for (size_t i = 0; i < 3; i++)
		assert_close(g.t.result.weight_shares[i], a.weights[i]);
	ahp_result_free(&a);
	drop(&g);
}

/* A group with one respondent weighing in pairs and one by ratings takes
 * the mean of their effective weights. */
static void test_mixed_group_takes_the_mean(void **state)
{
	(void)state;
	static const char *const mixed[] = {
		"pairwise: [[speed, syntax, 2], [syntax, ai_ml, 2], [speed, ai_ml, 4]]\n",
		"weights: { speed: 1, syntax: 1.5, ai_ml: 0.75 }\n",
	};
	struct group g;
	build(&g, mixed, 2);
	assert_int_equal(g.t.method, TEAM_MEAN);
	assert_close(g.t.result.weights[SPEED], 3);
	assert_close(g.t.result.weights[SYNTAX], 2);
	assert_close(g.t.result.weights[AI_ML], 1);
	drop(&g);
}

static void test_one_is_too_few(void **state)
{
	(void)state;
	struct criteria *c = model_parse(worked);
	struct session *s = model_answers(c, "weights: { speed: 3 }\n");
	const struct session *one[] = { s };
	struct team_result t;
	assert_int_equal(team_build(c, one, 1, &t, NULL, NULL), TEAM_TOO_FEW);
	session_free(s);
	criteria_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_group_weights_are_the_means),
		cmocka_unit_test(test_group_scores_and_winner),
		cmocka_unit_test(test_each_respondent_has_their_own_winner),
		cmocka_unit_test(test_spreads_most_disagreed_first),
		cmocka_unit_test(test_consensus_is_goepels),
		cmocka_unit_test(test_one_respondent_would_have_to_change),
		cmocka_unit_test(test_agreement_is_full_consensus),
		cmocka_unit_test(test_answers_by_plurality),
		cmocka_unit_test(test_answers_tied_are_none),
		cmocka_unit_test(test_pairwise_group_is_aij),
		cmocka_unit_test(test_pairwise_group_cr_is_ahps),
		cmocka_unit_test(test_mixed_group_takes_the_mean),
		cmocka_unit_test(test_one_is_too_few),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
