/* score_methods.h - the recommendation cross-checked by two more ways of
 * adding up the same ratings and weights: the weighted product and TOPSIS
 * (docs/scoring.md, "Three methods"). Pure arithmetic.
 *
 * RATINGS is [ncriteria * noptions], a row per criterion (0..10), WEIGHTS
 * [ncriteria] (>= 0, not all 0). Each method gives every option a score
 * from 0 to 100 and a winner: the option with the highest score, or -1 when
 * the best two are less than TIE points apart (the criteria set's tie
 * threshold, as for the weighted sum). */
#ifndef VERDICT_SCORE_METHODS_H
#define VERDICT_SCORE_METHODS_H

#include <stddef.h>

#include "criteria.h"

struct method_result {
	int winner;             /* option index, or -1 for a tie */
	double scores[CRITERIA_MAX_OPTIONS]; /* 0..100 */
};

/* The weighted product: each option's weighted geometric mean of its
 * ratings, out of 100. A rating of 0 counts as SCORE_PRODUCT_FLOOR (half
 * the smallest step of the rating scale), so that one zero weighs heavily
 * without wiping out every other criterion. */
#define SCORE_PRODUCT_FLOOR 0.5
void score_weighted_product(size_t noptions, size_t ncriteria, const double *ratings,
                            const double *weights, double tie, struct method_result *out);

/* TOPSIS: ratings normalised by each criterion's vector length, weighted by
 * the weights' shares; each option's closeness to the ideal (the best
 * rating on every criterion) against the anti-ideal (the worst), out of 100.
 * A criterion on which every option is rated 0 tells nothing and is left
 * out; when all are, every option scores 50. */
void score_topsis(size_t noptions, size_t ncriteria, const double *ratings,
                  const double *weights, double tie, struct method_result *out);

/* TOPSIS's closeness (0 to 1) of each option into CLOSENESS [noptions],
 * as score_topsis() finds it, for any positive figures (RATINGS need not
 * be ratings), with each criterion whose COST[i] is set counted the other
 * way (lower is better: its ideal is the smallest figure). COST may be
 * NULL. score_topsis() is this, without costs, times 100; `verdict
 * selftest` checks it against a published case that has a cost. */
void score_topsis_closeness(size_t noptions, size_t ncriteria, const double *ratings,
                            const double *weights, const unsigned char *cost,
                            double *closeness);

/* Option J's gaps on each criterion I as TOPSIS measures them (no costs),
 * into TO_BEST and TO_WORST [ncriteria]: how far its weighted, normalised
 * figure lies below the ideal's and above the anti-ideal's (both 0 on a
 * criterion every option is rated 0 on). The square roots of the sums of
 * their squares are the distances whose ratio score_topsis() scores; the
 * reports use them to say why TOPSIS picks another option. */
void score_topsis_gaps(size_t noptions, size_t ncriteria, const double *ratings,
                       const double *weights, size_t j, double *to_best, double *to_worst);

/* The weighted sum's own scores and winner (the result's), in the same
 * shape. */
void score_weighted_sum(size_t noptions, size_t ncriteria, const double *ratings,
                        const double *weights, double tie, struct method_result *out);

#endif
