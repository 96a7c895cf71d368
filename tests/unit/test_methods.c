/* layer: scoring */
/* test_methods.c - the three ways of adding up (score_methods.c): the
 * weighted sum, the weighted product with its floor for a rating of 0, and
 * TOPSIS, on docs/scoring.md's worked example and the edges. Expected values
 * are the docs' hand computations, to 1e-9 (the decimals given are from an
 * independent computation, 12 digits). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <cmocka.h>

#include "score_methods.h"

#define assert_near(got, want, tol)                                                      \
	do {                                                                              \
		double got_ = (got), want_ = (want), tol_ = (tol);                        \
		if (!(fabs(got_ - want_) <= tol_))                                        \
			fail_msg("%s is %.15g, expected %.15g within %g", #got, got_, want_, \
			         tol_);                                                   \
	} while (0)

#define EXACT 1e-9

/* The worked example of docs/scoring.md: speed (5), readable code (1),
 * machine learning (4); Node.js 8, 7, 3; Python 5, 8, 10. */
static const double worked_ratings[] = { 8, 5, 7, 8, 3, 10 };
static const double worked_weights[] = { 5, 1, 4 };
enum { NODE, PYTHON };

static void test_sum_worked(void **state)
{
	(void)state;
	struct method_result m;
	score_weighted_sum(2, 3, worked_ratings, worked_weights, 0.5, &m);
	assert_near(m.scores[NODE], 59, EXACT);
	assert_near(m.scores[PYTHON], 73, EXACT);
	assert_int_equal(m.winner, PYTHON);
}

/* 100 * 0.8^0.5 * 0.7^0.1 * 0.3^0.4 and 100 * 0.5^0.5 * 0.8^0.1 * 1^0.4. */
static void test_product_worked(void **state)
{
	(void)state;
	struct method_result m;
	score_weighted_product(2, 3, worked_ratings, worked_weights, 0.5, &m);
	assert_near(m.scores[NODE], 100 * pow(0.8, 0.5) * pow(0.7, 0.1) * pow(0.3, 0.4), EXACT);
	assert_near(m.scores[NODE], 53.321615561622, EXACT);
	assert_near(m.scores[PYTHON], 100 * pow(0.5, 0.5) * pow(0.8, 0.1), EXACT);
	assert_near(m.scores[PYTHON], 69.150289218124, EXACT);
	assert_int_equal(m.winner, PYTHON);
}

/* With two options each is the ideal or the anti-ideal on every criterion,
 * so Python's distance to the ideal is Node.js's to the anti-ideal:
 * d+ = 0.158999682001, d- = 0.268356295025 for Python. */
static void test_topsis_worked(void **state)
{
	(void)state;
	struct method_result m;
	score_topsis(2, 3, worked_ratings, worked_weights, 0.5, &m);
	assert_near(m.scores[PYTHON], 62.794557570651, EXACT);
	assert_near(m.scores[NODE], 37.205442429349, EXACT);
	assert_near(m.scores[NODE] + m.scores[PYTHON], 100, EXACT);
	assert_int_equal(m.winner, PYTHON);
}

/* A rating of 0 counts as 0.5: sqrt(0.05 * 1) = 0.2236 of the way, where
 * the weighted sum gives 50. */
static void test_product_zero(void **state)
{
	(void)state;
	const double ratings[] = { 0, 6, 10, 6 };
	const double weights[] = { 1, 1 };
	struct method_result m;
	score_weighted_product(2, 2, ratings, weights, 0.5, &m);
	assert_near(m.scores[0], 100 * sqrt(0.05), EXACT);
	assert_near(m.scores[1], 60, EXACT);
	assert_int_equal(m.winner, 1);
	score_weighted_sum(2, 2, ratings, weights, 0.5, &m);
	assert_near(m.scores[0], 50, EXACT);
}

/* A criterion of weight 0 takes no part in the product. */
static void test_product_weight_zero(void **state)
{
	(void)state;
	const double ratings[] = { 0, 9, 4, 4 };
	const double weights[] = { 0, 2 };
	struct method_result m;
	score_weighted_product(2, 2, ratings, weights, 0.5, &m);
	assert_near(m.scores[0], 40, EXACT);
	assert_near(m.scores[1], 40, EXACT);
	assert_int_equal(m.winner, -1);
}

/* A criterion on which every option is rated 0 is left out of TOPSIS. */
static void test_topsis_zero_criterion(void **state)
{
	(void)state;
	const double ratings[] = { 0, 0, 0, 2, 5, 9, 7, 7, 1 };
	const double weights[] = { 3, 2, 1 };
	struct method_result m;
	score_topsis(3, 3, ratings, weights, 0.5, &m);
	assert_near(m.scores[0], 31.117804156868, EXACT);
	assert_near(m.scores[1], 52.146807527910, EXACT);
	assert_near(m.scores[2], 68.882195843132, EXACT);
	assert_int_equal(m.winner, 2);
}

static void test_topsis_all_zero(void **state)
{
	(void)state;
	const double ratings[] = { 0, 0, 0, 0 };
	const double weights[] = { 1, 1 };
	struct method_result m;
	score_topsis(2, 2, ratings, weights, 0.5, &m);
	assert_near(m.scores[0], 50, 0);
	assert_near(m.scores[1], 50, 0);
	assert_int_equal(m.winner, -1);
}

/* Options rated alike everywhere: level with both, so halfway. */
static void test_topsis_alike(void **state)
{
	(void)state;
	const double ratings[] = { 4, 4, 7, 7 };
	const double weights[] = { 1, 3 };
	struct method_result m;
	score_topsis(2, 2, ratings, weights, 0.5, &m);
	assert_near(m.scores[0], 50, 0);
	assert_near(m.scores[1], 50, 0);
	assert_int_equal(m.winner, -1);
}

/* TOPSIS depends on each criterion's ratings only up to a common factor:
 * the vector normalisation divides it out. */
static void test_topsis_scale_free(void **state)
{
	(void)state;
	const double a[] = { 8, 5, 7, 8, 3, 10 };
	const double b[] = { 4, 2.5, 7, 8, 0.3, 1 };
	struct method_result ma, mb;
	score_topsis(2, 3, a, worked_weights, 0.5, &ma);
	score_topsis(2, 3, b, worked_weights, 0.5, &mb);
	assert_near(ma.scores[0], mb.scores[0], EXACT);
	assert_near(ma.scores[1], mb.scores[1], EXACT);
}

/* The winner needs TIE points over the second: 60 against 59.6 is a tie
 * at 0.5 and a win at 0.4; equal scores go to no one. */
static void test_tie(void **state)
{
	(void)state;
	const double ratings[] = { 6, 5.96 };
	const double weights[] = { 1 };
	struct method_result m;
	score_weighted_sum(2, 1, ratings, weights, 0.5, &m);
	assert_int_equal(m.winner, -1);
	score_weighted_sum(2, 1, ratings, weights, 0.4, &m);
	assert_int_equal(m.winner, 0);
	const double same[] = { 5, 5, 5 };
	score_weighted_sum(3, 1, same, weights, 0, &m);
	assert_int_equal(m.winner, -1);
}

/* Of three, the best against the second best, wherever they stand. */
static void test_three_options(void **state)
{
	(void)state;
	const double ratings[] = { 3, 9, 6 };
	const double weights[] = { 2 };
	struct method_result m;
	score_weighted_sum(3, 1, ratings, weights, 0.5, &m);
	assert_int_equal(m.winner, 1);
	score_weighted_product(3, 1, ratings, weights, 0.5, &m);
	assert_near(m.scores[1], 90, EXACT);
	assert_int_equal(m.winner, 1);
	score_topsis(3, 1, ratings, weights, 0.5, &m);
	assert_near(m.scores[1], 100, EXACT);
	assert_near(m.scores[0], 0, EXACT);
	assert_near(m.scores[2], 50, EXACT);
	assert_int_equal(m.winner, 1);
}

/* A cost criterion takes the smallest figure as its ideal: one criterion
 * of costs 1, 2, 4 puts the cheapest first, the reverse of a benefit. */
static void test_closeness_cost(void **state)
{
	(void)state;
	const double figures[] = { 1, 2, 4 };
	const double weights[] = { 1 };
	const unsigned char cost[] = { 1 };
	double c[3];
	score_topsis_closeness(3, 1, figures, weights, cost, c);
	assert_near(c[0], 1, EXACT);
	assert_near(c[1], 2.0 / 3, EXACT);
	assert_near(c[2], 0, EXACT);
	score_topsis_closeness(3, 1, figures, weights, NULL, c);
	assert_near(c[0], 0, EXACT);
	assert_near(c[1], 1.0 / 3, EXACT);
}

/* The gaps TOPSIS measures, on the worked example: shares 0.5, 0.1, 0.4
 * over vector lengths sqrt 89, sqrt 113, sqrt 109. Node.js is the best on speed
 * (8 against 5, so 3 above the worst), 1 below the best on readable code
 * and 7 below on machine learning. The distances they make are test_topsis_worked's. */
static void test_topsis_gaps(void **state)
{
	(void)state;
	double best[3], worst[3];
	score_topsis_gaps(2, 3, worked_ratings, worked_weights, NODE, best, worst);
	assert_near(best[0], 0, EXACT);
	assert_near(worst[0], 0.5 * 3 / sqrt(89), EXACT);
	assert_near(best[1], 0.1 * 1 / sqrt(113), EXACT);
	assert_near(worst[1], 0, EXACT);
	assert_near(best[2], 0.4 * 7 / sqrt(109), EXACT);
	assert_near(worst[2], 0, EXACT);
	double dplus = sqrt(best[0] * best[0] + best[1] * best[1] + best[2] * best[2]);
	double dminus = sqrt(worst[0] * worst[0] + worst[1] * worst[1] + worst[2] * worst[2]);
	assert_near(dplus, 0.268356295025, 1e-12);
	assert_near(dminus, 0.158999682001, 1e-12);
	assert_near(100 * dminus / (dplus + dminus), 37.205442429349, EXACT);
	/* A criterion every option is rated 0 on has no gaps. */
	static const double zero[] = { 0, 0, 4, 2 };
	static const double w[] = { 1, 1 };
	score_topsis_gaps(2, 2, zero, w, PYTHON, best, worst);
	assert_near(best[0], 0, EXACT);
	assert_near(worst[0], 0, EXACT);
	assert_near(best[1], 0.5 * 2 / sqrt(20), EXACT);
	assert_near(worst[1], 0, EXACT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sum_worked),
		cmocka_unit_test(test_product_worked),
		cmocka_unit_test(test_topsis_worked),
		cmocka_unit_test(test_product_zero),
		cmocka_unit_test(test_product_weight_zero),
		cmocka_unit_test(test_topsis_zero_criterion),
		cmocka_unit_test(test_topsis_all_zero),
		cmocka_unit_test(test_topsis_alike),
		cmocka_unit_test(test_topsis_scale_free),
		cmocka_unit_test(test_tie),
		cmocka_unit_test(test_three_options),
		cmocka_unit_test(test_closeness_cost),
		cmocka_unit_test(test_topsis_gaps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
