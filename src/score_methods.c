/* score_methods.c - the weighted sum, the weighted product and TOPSIS over
 * the same ratings and weights (score_methods.h; docs/scoring.md, "Three
 * methods"). */
#include "score_methods.h"

#include <math.h>

#include "score_internal.h"

/* The winner of OUT's scores: the first option with the highest score (of
 * scores equal to within SCORE_EPS, the first), or -1 when the best two are
 * less than TIE points apart, by the weighted sum's own rule. */
static void pick_winner(size_t noptions, double tie, struct method_result *out)
{
	if (noptions == 0) {
		out->winner = -1;
		return;
	}
	size_t first = 0;
	for (size_t j = 1; j < noptions; j++)
		if (out->scores[j] > out->scores[first] + SCORE_EPS)
			first = j;
	double second = -INFINITY;
	for (size_t j = 0; j < noptions; j++)
		if (j != first && out->scores[j] > second)
			second = out->scores[j];
	double margin = out->scores[first] - second;
	out->winner = margin > SCORE_EPS && margin >= tie - SCORE_EPS ? (int)first : -1;
}

static double weight_total(size_t ncriteria, const double *weights)
{
	double total = 0;
	for (size_t i = 0; i < ncriteria; i++)
		total += weights[i];
	return total;
}

static void clear(struct method_result *out)
{
	for (size_t j = 0; j < CRITERIA_MAX_OPTIONS; j++)
		out->scores[j] = 0;
	out->winner = -1;
}

void score_weighted_sum(size_t noptions, size_t ncriteria, const double *ratings,
                        const double *weights, double tie, struct method_result *out)
{
	clear(out);
	double total = weight_total(ncriteria, weights);
	for (size_t j = 0; j < noptions; j++) {
		double s = 0;
		for (size_t i = 0; i < ncriteria; i++)
			s += weights[i] * ratings[i * noptions + j];
		out->scores[j] = total > 0 ? s * 10.0 / total : 0;
	}
	pick_winner(noptions, tie, out);
}

void score_weighted_product(size_t noptions, size_t ncriteria, const double *ratings,
                            const double *weights, double tie, struct method_result *out)
{
	clear(out);
	double total = weight_total(ncriteria, weights);
	for (size_t j = 0; j < noptions; j++) {
		/* The weighted geometric mean of r / 10, as a sum of logarithms. */
		double logs = 0;
		for (size_t i = 0; i < ncriteria; i++) {
			if (!(weights[i] > 0))
				continue;
			double r = ratings[i * noptions + j];
			if (r < SCORE_PRODUCT_FLOOR)
				r = SCORE_PRODUCT_FLOOR;
			logs += weights[i] / total * log(r / CRITERIA_RATING_MAX);
		}
		out->scores[j] = total > 0 ? 100.0 * exp(logs) : 0;
	}
	pick_winner(noptions, tie, out);
}

void score_topsis_closeness(size_t noptions, size_t ncriteria, const double *ratings,
                            const double *weights, const unsigned char *cost,
                            double *closeness)
{
	double total = weight_total(ncriteria, weights);
	double best[CRITERIA_MAX_OPTIONS] = { 0 }, worst[CRITERIA_MAX_OPTIONS] = { 0 };
	int used = 0;
	for (size_t i = 0; i < ncriteria; i++) {
		const double *row = ratings + i * noptions;
		double len = 0;
		for (size_t j = 0; j < noptions; j++)
			len += row[j] * row[j];
		len = sqrt(len);
		if (!(len > 0) || !(total > 0))
			continue;       /* every option rated 0: it tells nothing */
		used = 1;
		double share = weights[i] / total;
		/* The weighted, normalised figures v_j; the ideal is the largest,
		 * the anti-ideal the smallest (the other way round for a cost). */
		double hi = -INFINITY, lo = INFINITY;
		for (size_t j = 0; j < noptions; j++) {
			double v = share * row[j] / len;
			if (v > hi)
				hi = v;
			if (v < lo)
				lo = v;
		}
		if (cost && cost[i]) {
			double t = hi;
			hi = lo;
			lo = t;
		}
		for (size_t j = 0; j < noptions; j++) {
			double v = share * row[j] / len;
			best[j] += (v - hi) * (v - hi);
			worst[j] += (v - lo) * (v - lo);
		}
	}
	for (size_t j = 0; j < noptions; j++) {
		double dplus = sqrt(best[j]), dminus = sqrt(worst[j]);
		/* Level with the ideal and the anti-ideal at once (every option
		 * alike): halfway. */
		closeness[j] = used && dplus + dminus > 0 ? dminus / (dplus + dminus) : 0.5;
	}
}

void score_topsis_gaps(size_t noptions, size_t ncriteria, const double *ratings,
                       const double *weights, size_t j, double *to_best, double *to_worst)
{
	double total = weight_total(ncriteria, weights);
	for (size_t i = 0; i < ncriteria; i++) {
		const double *row = ratings + i * noptions;
		double len = 0, hi = row[0], lo = row[0];
		for (size_t k = 0; k < noptions; k++) {
			len += row[k] * row[k];
			hi = row[k] > hi ? row[k] : hi;
			lo = row[k] < lo ? row[k] : lo;
		}
		len = sqrt(len);
		/* As score_topsis_closeness(): the same share of each figure. */
		double f = len > 0 && total > 0 ? weights[i] / total / len : 0;
		to_best[i] = f * (hi - row[j]);
		to_worst[i] = f * (row[j] - lo);
	}
}

void score_topsis(size_t noptions, size_t ncriteria, const double *ratings,
                  const double *weights, double tie, struct method_result *out)
{
	clear(out);
	double closeness[CRITERIA_MAX_OPTIONS];
	score_topsis_closeness(noptions, ncriteria, ratings, weights, NULL, closeness);
	for (size_t j = 0; j < noptions; j++)
		out->scores[j] = 100.0 * closeness[j];
	pick_winner(noptions, tie, out);
}
