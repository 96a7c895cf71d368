/* score.c - from a criteria model and a session, the recommendation.
 *
 * Everything here is arithmetic on the model and the answers; docs/scoring.md
 * gives the same formulas in words. Scores are compared with a tolerance of
 * SCORE_EPS points, so that rounding in the last bits of a double never
 * decides a ranking, a tie or a strength. The effective weights come from
 * score_weight.c, where their rule is written once. */
#include "score.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "score_internal.h"
#include "xalloc.h"

/* The confidence trials' generator starts here every time: same input, same figure. */
#define SCORE_SEED UINT64_C(0x5eed0f7e4d1c7a11)

const char *score_status_message(enum score_status st)
{
	switch (st) {
	case SCORE_OK:
		return "ok";
	case SCORE_ALL_WEIGHTS_ZERO:
		return "every criterion has weight 0, so there is nothing to compare the options "
		       "on; give at least one criterion a weight above 0";
	case SCORE_PAIRWISE_INCOMPLETE:
		return "the comparisons in pairs do not give the criteria their weights yet: "
		       "some criteria (or groups of criteria) that need comparing have no "
		       "comparison yet, or their comparisons do not link them all together; "
		       "compare a few more pairs";
	}
	return "unknown scoring status";
}

const char *weight_source_name(enum weight_source s)
{
	switch (s) {
	case WEIGHT_PERSON:
		return "yours";
	case WEIGHT_PROFILE:
		return "answers";
	case WEIGHT_PAIRWISE:
		return "compared";
	case WEIGHT_DEFAULT:
		break;
	}
	return "default";
}

const char *method_key(enum method m)
{
	switch (m) {
	case METHOD_WEIGHTED_PRODUCT:
		return "weighted_product";
	case METHOD_TOPSIS:
		return "topsis";
	case METHOD_WEIGHTED_SUM:
	case METHOD_COUNT:
		break;
	}
	return "weighted_sum";
}

const char *method_name(enum method m)
{
	switch (m) {
	case METHOD_WEIGHTED_PRODUCT:
		return "weighted product";
	case METHOD_TOPSIS:
		return "TOPSIS";
	case METHOD_WEIGHTED_SUM:
	case METHOD_COUNT:
		break;
	}
	return "weighted sum";
}

const char *strength_name(enum strength st)
{
	switch (st) {
	case STRENGTH_CLEAR:
		return "clear";
	case STRENGTH_LEANING:
		return "leaning";
	case STRENGTH_TOO_CLOSE:
		return "too-close";
	}
	return "too-close";
}

static double clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

const struct choice *score_chosen(const struct criteria *c, const struct session *s, size_t q)
{
	if (!s || q >= s->nquestions || q >= c->nquestions)
		return NULL;
	int ch = s->choices[q];
	if (ch < 0 || (size_t)ch >= c->questions[q].nchoices)
		return NULL;
	return &c->questions[q].choices[ch];
}

void result_free(struct result *r)
{
	if (!r)
		return;
	free(r->weights);
	free(r->weight_source);
	free(r->weight_cause);
	free(r->ratings);
	free(r->rating_cause);
	free(r->choices);
	free(r->contributions);
	free(r->scores);
	free(r->ranking);
	free(r->sensitivity);
	free(r->levers);
	free(r->weight_shares);
	pairwise_info_free(r->pairwise);
	memset(r, 0, sizeof *r);
}

void score_rating_values(const struct criteria *c, const struct session *s, double *ratings)
{
	size_t n = c->noptions;
	for (size_t i = 0; i < c->ncriteria; i++)
		memcpy(ratings + i * n, c->criteria[i].ratings, n * sizeof *ratings);
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct choice *ch = score_chosen(c, s, q);
		for (size_t o = 0; ch && o < ch->noverrides; o++)
			ratings[ch->overrides[o].criterion * n + ch->overrides[o].option] =
				ch->overrides[o].rating;
	}
}

/* Ratings with the chosen choices' replacements, later questions last (as
 * score_rating_values(), with their causes). */
static void effective_ratings(const struct criteria *c, const struct session *s,
                              struct result *r)
{
	size_t n = c->noptions;
	for (size_t i = 0; i < c->ncriteria; i++)
		memcpy(r->ratings + i * n, c->criteria[i].ratings, n * sizeof *r->ratings);
	for (size_t i = 0; i < c->ncriteria * n; i++)
		r->rating_cause[i] = -1;
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct choice *ch = score_chosen(c, s, q);
		r->choices[q] = ch ? s->choices[q] : SESSION_NO_CHOICE;
		if (!ch)
			continue;
		for (size_t o = 0; o < ch->noverrides; o++) {
			const struct rating_override *ov = &ch->overrides[o];
			size_t at = ov->criterion * n + ov->option;
			r->ratings[at] = ov->rating;
			/* A replacement by the same value changes nothing to trace. */
			r->rating_cause[at] = ov->rating != c->criteria[ov->criterion].ratings[ov->option]
			                      ? (int)q : -1;
		}
	}
}

/* Best first; equal scores (to SCORE_EPS) keep the file's order. */
static void rank_options(struct result *r)
{
	for (size_t j = 0; j < r->noptions; j++) {
		size_t k = j;
		while (k > 0 && r->scores[j] > r->scores[r->ranking[k - 1]] + SCORE_EPS) {
			r->ranking[k] = r->ranking[k - 1];
			k--;
		}
		r->ranking[k] = j;
	}
}

/* Whether a lead of MARGIN points makes a winner under threshold TIE. */
static int is_win(double margin, double tie)
{
	return margin > SCORE_EPS && margin >= tie - SCORE_EPS;
}

static enum strength strength_of(const struct strength_thresholds *t, int winner, double margin)
{
	if (winner < 0)
		return STRENGTH_TOO_CLOSE;
	if (margin >= t->clear - SCORE_EPS)
		return STRENGTH_CLEAR;
	if (margin >= t->leaning - SCORE_EPS)
		return STRENGTH_LEANING;
	return STRENGTH_TOO_CLOSE;
}

/* The criteria most in the winner's favour over the runner-up: largest
 * advantage (contribution to the winner minus that to the runner-up) first,
 * only positive ones, at least 3 when there are, and past 3
 * only until together they cover the whole margin, at most 5. */
static void pick_reasons(struct result *r)
{
	r->nreasons = 0;
	if (r->winner < 0)
		return;
	size_t n = r->noptions, w = (size_t)r->winner, ru = r->ranking[1];
	double covered = 0;
	while (r->nreasons < SCORE_MAX_REASONS) {
		if (r->nreasons >= 3 && covered >= r->margin - SCORE_EPS)
			break;
		size_t best = 0;
		double best_adv = 0;
		int found = 0;
		for (size_t i = 0; i < r->ncriteria; i++) {
			double adv = r->contributions[i * n + w] - r->contributions[i * n + ru];
			if (adv <= SCORE_EPS || (found && adv <= best_adv + SCORE_EPS))
				continue;       /* equal advantages keep the file's order */
			int taken = 0;
			for (size_t k = 0; k < r->nreasons && !taken; k++)
				taken = r->reasons[k] == i;
			if (taken)
				continue;
			best = i;
			best_adv = adv;
			found = 1;
		}
		if (!found)
			break;
		r->reasons[r->nreasons++] = best;
		covered += best_adv;
	}
}

/* For each criterion i, with x its weight and the others held, option j's
 * score is 10 (A_j + x r_ij) / (B + x), where A_j sums w_k r_kj and B sums
 * w_k over the other criteria. It draws level with the winner v where
 * A_j + x r_ij = A_v + x r_iv, so x = (A_v - A_j) / (r_ij - r_iv). Of these
 * roots, over every challenger, the nearest the current weight within the
 * scale is where the winner first changes. TOTALS[j] is sum w_k r_kj. */
static void sensitivity(const struct criteria *c, struct result *r, const double *totals)
{
	size_t n = r->noptions;
	double lo = c->scale.min, hi = c->scale.max;
	for (size_t i = 0; i < r->ncriteria; i++) {
		struct sensitivity *se = &r->sensitivity[i];
		se->threshold = NAN;
		se->new_winner = -1;
		if (r->winner < 0)
			continue;
		size_t v = (size_t)r->winner;
		double wi = r->weights[i];
		const double *ri = r->ratings + i * n;
		double b = r->total_weight - wi;
		double av = totals[v] - wi * ri[v];
		double best_dist = INFINITY;
		for (size_t k = 1; k < n; k++) {
			size_t j = r->ranking[k];
			double slope = ri[j] - ri[v];
			if (slope == 0)
				continue;       /* the gap keeps its sign whatever x is */
			double aj = totals[j] - wi * ri[j];
			double x = (av - aj) / slope;
			if (x < lo - SCORE_EPS || x > hi + SCORE_EPS)
				continue;
			x = clamp(x, lo, hi) + 0.0;     /* + 0.0: no negative zero */
			if (b + x <= SCORE_EPS)
				continue;       /* every weight zero there: no scores at all */
			double dist = fabs(x - wi);
			if (dist < best_dist) {
				best_dist = dist;
				se->threshold = x;
				se->new_winner = (int)j;
			}
		}
	}
}

/* splitmix64: seeds the lanes' generators from SCORE_SEED. */
static uint64_t splitmix64(uint64_t *state)
{
	uint64_t z = (*state += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* xorshift64 (Marsaglia): shifts and xors only, so the lanes' draws run in
 * vector registers. Its top 31 bits give a number uniform in [-1, 1) on a
 * grid of 2^-30, far finer than any weight a person sets. */
static double xorshift_step(uint64_t *x)
{
	uint64_t v = *x;
	v ^= v << 13;
	v ^= v >> 7;
	v ^= v << 17;
	*x = v;
	return (double)(int32_t)(v >> 33) * (1.0 / 1073741824.0) - 1.0;
}

/* Trials run TRIAL_LANES side by side: each weight's draws are added to
 * every lane at once, so the additions overlap in the processor and the
 * compiler can use vector instructions. */
#define TRIAL_LANES 16

/* Whether a trial keeps R's result, given GAP[c], how far each challenger's
 * weighted sum is ahead of the leader's (negative when behind), and TOTAL,
 * the trial's sum of weights: the same winner, or for a tie, still a tie. */
static int trial_keeps(const struct result *r, const double *gap, size_t nchallengers,
                       double total, double tie)
{
	if (!(total > 0))
		return 0;       /* every weight zero: no result at all */
	/* The leader is one more contender, at gap 0. */
	double first = 0, second = -INFINITY;
	for (size_t ch = 0; ch < nchallengers; ch++) {
		if (gap[ch] > first) {
			second = first;
			first = gap[ch];
		} else if (gap[ch] > second) {
			second = gap[ch];
		}
	}
	if (r->winner >= 0)
		return first == 0 && is_win(-second * 10.0 / total, tie);
	return !is_win((first - second) * 10.0 / total, tie);
}

/* The share of SCORE_MIN_TRIALS weightings, each weight moved uniformly
 * within one step either way and clamped to the scale, whose result is the
 * same: the same winner, or for a tie, still a tie. A weighting whose weights
 * are all zero has no result and counts as a change. Only the gaps between
 * the leader and the others decide that, so each trial sums n - 1 gaps over
 * DIFF, room for [ncriteria * (noptions - 1)] rating differences. */
static void confidence(const struct criteria *c, struct result *r, double *diff)
{
	size_t n = r->noptions, m = r->ncriteria, nch = n - 1;
	size_t lead = r->winner >= 0 ? (size_t)r->winner : r->ranking[0];
	double lo = c->scale.min, hi = c->scale.max, tie = c->strength.tie;
	for (size_t k = 0; k < m; k++) {
		const double *rk = r->ratings + k * n;
		for (size_t j = 0, ch = 0; j < n; j++)
			if (j != lead)
				diff[k * nch + ch++] = rk[j] - rk[lead];
	}
	uint64_t seed = SCORE_SEED, rng[TRIAL_LANES];
	for (size_t l = 0; l < TRIAL_LANES; l++)
		rng[l] = splitmix64(&seed) | 1;         /* xorshift must not start at 0 */
	unsigned kept = 0;
	r->trials = (SCORE_MIN_TRIALS + TRIAL_LANES - 1) / TRIAL_LANES * TRIAL_LANES;
	for (unsigned t = 0; t < r->trials; t += TRIAL_LANES) {
		double gaps[CRITERIA_MAX_OPTIONS - 1][TRIAL_LANES] = { { 0 } };
		double total[TRIAL_LANES] = { 0 };
		double w[TRIAL_LANES];
		const double *dk = diff;
		for (size_t k = 0; k < m; k++, dk += nch) {
			double wk = r->weights[k];
			for (size_t l = 0; l < TRIAL_LANES; l++) {
				double v = wk + xorshift_step(&rng[l]);
				v = v < lo ? lo : v;
				w[l] = v > hi ? hi : v;
				total[l] += w[l];
			}
			for (size_t ch = 0; ch < nch; ch++) {
				double d = dk[ch];
				for (size_t l = 0; l < TRIAL_LANES; l++)
					gaps[ch][l] += w[l] * d;
			}
		}
		for (size_t l = 0; l < TRIAL_LANES; l++) {
			double gap[CRITERIA_MAX_OPTIONS - 1];
			for (size_t ch = 0; ch < nch; ch++)
				gap[ch] = gaps[ch][l];
			kept += (unsigned)trial_keeps(r, gap, nch, total[l], tie);
		}
	}
	r->confidence = (double)kept / r->trials;
}

/* The winner if criterion I weighed X, all else held: an option index, -1
 * for a tie, or -2 when every weight would be zero; its strength into *ST.
 * TOTALS[j] is sum w_k r_kj. */
static int winner_at(const struct criteria *c, const struct result *r, const double *totals,
                     size_t i, double x, enum strength *st)
{
	size_t n = r->noptions;
	double dw = x - r->weights[i];
	double total = r->total_weight + dw;
	if (total <= SCORE_EPS)
		return -2;
	const double *ri = r->ratings + i * n;
	size_t first = 0;
	double best = totals[0] + dw * ri[0], second = -INFINITY;
	for (size_t j = 1; j < n; j++) {
		double v = totals[j] + dw * ri[j];
		/* In points, so that SCORE_EPS means what it means elsewhere. */
		if ((v - best) * 10.0 / total > SCORE_EPS) {
			second = best;
			best = v;
			first = j;
		} else if (v > second) {
			second = v;
		}
	}
	double margin = (best - second) * 10.0 / total;
	int winner = is_win(margin, c->strength.tie) ? (int)first : -1;
	*st = strength_of(&c->strength, winner, margin);
	return winner;
}

/* For each criterion, the whole step of the scale nearest its weight at
 * which the result differs, trying nearer steps first and, at equal
 * distance, the higher one first. */
static void steps(const struct criteria *c, struct result *r, const double *totals)
{
	int lo = c->scale.min, hi = c->scale.max;
	for (size_t i = 0; i < r->ncriteria; i++) {
		struct sensitivity *se = &r->sensitivity[i];
		se->step = NAN;
		se->step_winner = -1;
		se->step_strength = STRENGTH_TOO_CLOSE;
		double w = r->weights[i];
		double best = INFINITY;
		for (int st = lo; st <= hi; st++) {
			double dist = fabs(st - w);
			/* At equal distance the later, higher step replaces the lower. */
			if (dist < 1e-9 || dist > best + 1e-9)
				continue;
			enum strength strength;
			int win = winner_at(c, r, totals, i, st, &strength);
			if (win == -2 || win == r->winner)
				continue;
			best = dist;
			se->step = st;
			se->step_winner = win;
			se->step_strength = strength;
		}
	}
}

/* Whether a weighting on the scale could put another option ahead of the
 * winner: the gap S_j - S_v = sum_k w_k (r_kj - r_kv) is largest with each
 * weight at the end of the scale its sign favours. */
static void dominance(const struct criteria *c, struct result *r)
{
	r->dominant = r->rating_dominant = 0;
	if (r->winner < 0)
		return;
	size_t n = r->noptions, v = (size_t)r->winner;
	double lo = c->scale.min, hi = c->scale.max;
	int beatable = 0, rated_above = 0;
	for (size_t j = 0; j < n && !beatable; j++) {
		if (j == v)
			continue;
		double most = 0, weight = 0;
		for (size_t k = 0; k < r->ncriteria; k++) {
			double d = r->ratings[k * n + j] - r->ratings[k * n + v];
			double x = d > 0 ? hi : lo;
			most += x * d;
			weight += x;
			rated_above |= d > 0;
		}
		/* Ahead by more than rounding, with some weight to score at all. */
		beatable = most > SCORE_EPS && weight > 0;
	}
	r->dominant = !beatable;
	r->rating_dominant = !rated_above;
}

static void result_alloc(struct result *r, size_t m, size_t n, size_t nq)
{
	r->noptions = n;
	r->ncriteria = m;
	r->nquestions = nq;
	r->rating_cause = xcalloc(m * n, sizeof *r->rating_cause);
	r->choices = xcalloc(nq, sizeof *r->choices);
	r->weights = xcalloc(m, sizeof *r->weights);
	r->weight_source = xcalloc(m, sizeof *r->weight_source);
	r->weight_cause = xcalloc(m, sizeof *r->weight_cause);
	r->ratings = xcalloc(m * n, sizeof *r->ratings);
	r->contributions = xcalloc(m * n, sizeof *r->contributions);
	r->scores = xcalloc(n, sizeof *r->scores);
	r->ranking = xcalloc(n, sizeof *r->ranking);
	r->sensitivity = xcalloc(m, sizeof *r->sensitivity);
}

/* Weights, ratings, contributions, scores, ranking, winner, margin and
 * strength. TALLY is score_weights()'s scratch, [ncriteria]; TOTALS gets
 * each option's weighted sum. */
static enum score_status score_core(const struct criteria *c, const struct session *s,
                                    struct result *r, struct weight_tally *tally, double *totals)
{
	size_t n = c->noptions, m = c->ncriteria;
	score_weights(c, s, r, tally);
	effective_ratings(c, s, r);
	double total = 0;
	for (size_t i = 0; i < m; i++)
		total += r->weights[i];
	if (!(total > 0))
		return SCORE_ALL_WEIGHTS_ZERO;
	r->total_weight = total;
	for (size_t j = 0; j < n; j++)
		totals[j] = 0;
	for (size_t i = 0; i < m; i++) {
		for (size_t j = 0; j < n; j++) {
			double wr = r->weights[i] * r->ratings[i * n + j];
			totals[j] += wr;
			r->contributions[i * n + j] = wr * 10.0 / total;
		}
	}
	for (size_t j = 0; j < n; j++)
		r->scores[j] = totals[j] * 10.0 / total;
	rank_options(r);
	r->margin = r->scores[r->ranking[0]] - r->scores[r->ranking[1]];
	r->winner = is_win(r->margin, c->strength.tie) ? (int)r->ranking[0] : -1;
	r->strength = strength_of(&c->strength, r->winner, r->margin);
	return SCORE_OK;
}

/* What every other choice of every question would give, the rest of S kept.
 * A choice whose weights are all zero gives no result and is left out. */
static void levers(const struct criteria *c, const struct session *s, struct result *r,
                   struct weight_tally *tally)
{
	size_t count = 0;
	for (size_t q = 0; q < c->nquestions; q++)
		count += c->questions[q].nchoices;
	r->nlevers = 0;
	r->answered = 0;
	if (!count)
		return;
	r->levers = xcalloc(count, sizeof *r->levers);
	int *choices = xcalloc(c->nquestions, sizeof *choices);
	struct result tr = { 0 };
	result_alloc(&tr, c->ncriteria, c->noptions, c->nquestions);
	struct session t = { 0 };
	if (s)
		t = *s;
	t.nquestions = c->nquestions;
	t.choices = choices;
	for (size_t q = 0; q < c->nquestions; q++) {
		choices[q] = s && q < s->nquestions ? s->choices[q] : SESSION_NO_CHOICE;
		r->answered += choices[q] != SESSION_NO_CHOICE;
	}
	double totals[CRITERIA_MAX_OPTIONS];
	for (size_t q = 0; q < c->nquestions; q++) {
		int now = choices[q];
		for (size_t ch = 0; ch < c->questions[q].nchoices; ch++) {
			if ((int)ch == now)
				continue;
			choices[q] = (int)ch;
			if (score_core(c, &t, &tr, tally, totals) != SCORE_OK)
				continue;
			r->levers[r->nlevers++] = (struct lever){ q, ch, tr.winner, tr.strength,
			                                          tr.margin };
		}
		choices[q] = now;
	}
	result_free(&tr);
	free(choices);
}

/* The lever that hands the win to another option by the widest margin, or
 * for a tie, that gives any winner the widest margin: -1 when none does.
 * A question not answered yet comes first: that answer is still to give,
 * where another answer to an answered one would contradict the person. */
static void top_lever(struct result *r)
{
	r->top_lever = -1;
	for (int unanswered = 1; unanswered >= 0 && r->top_lever < 0; unanswered--) {
		double best = -INFINITY;
		for (size_t l = 0; l < r->nlevers; l++) {
			const struct lever *lv = &r->levers[l];
			if ((r->choices[lv->question] < 0) != unanswered)
				continue;
			if (lv->winner < 0 || lv->winner == r->winner || lv->margin <= best)
				continue;
			best = lv->margin;
			r->top_lever = (int)l;
		}
	}
}

/* Each weight's share of the total, and the two other methods' verdicts
 * beside the weighted sum's own (score_methods.h). */
static void shares_and_methods(const struct criteria *c, struct result *r)
{
	size_t n = r->noptions, m = r->ncriteria;
	r->weight_shares = xcalloc(m, sizeof *r->weight_shares);
	for (size_t i = 0; i < m; i++)
		r->weight_shares[i] = r->weights[i] / r->total_weight;
	struct method_result *sum = &r->methods[METHOD_WEIGHTED_SUM];
	sum->winner = r->winner;
	memcpy(sum->scores, r->scores, n * sizeof *r->scores);
	score_weighted_product(n, m, r->ratings, r->weights, c->strength.tie,
	                       &r->methods[METHOD_WEIGHTED_PRODUCT]);
	score_topsis(n, m, r->ratings, r->weights, c->strength.tie, &r->methods[METHOD_TOPSIS]);
	r->methods_agree = 1;
	for (int k = 1; k < METHOD_COUNT; k++)
		r->methods_agree &= r->methods[k].winner == r->winner;
}

enum score_status score_session(const struct criteria *c, const struct session *s,
                                struct result *r)
{
	memset(r, 0, sizeof *r);
	size_t n = c->noptions, m = c->ncriteria;
	if (n < CRITERIA_MIN_OPTIONS || n > CRITERIA_MAX_OPTIONS || m == 0)
		return SCORE_ALL_WEIGHTS_ZERO;
	/* A session that weighs in pairs is scored as one whose person set every
	 * weight: to its comparisons' weights. */
	struct session pairs;
	double *pair_weights = NULL;
	unsigned char *pair_set = NULL;
	struct pairwise_info *info = NULL;
	if (s && s->weighting == WEIGHTING_PAIRWISE) {
		pair_weights = xcalloc(m, sizeof *pair_weights);
		enum score_status pst = score_pairwise(c, s, pair_weights, &info);
		if (pst != SCORE_OK) {
			free(pair_weights);
			return pst;
		}
		pair_set = xcalloc(m, 1);
		memset(pair_set, 1, m);
		pairs = *s;
		pairs.ncriteria = m;
		pairs.weights = pair_weights;
		pairs.weight_set = pair_set;
		s = &pairs;
	}
	result_alloc(r, m, n, c->nquestions);
	r->pairwise = info;
	struct weight_tally *tally = xcalloc(m, sizeof *tally);
	double totals[CRITERIA_MAX_OPTIONS] = { 0 };
	enum score_status st = score_core(c, s, r, tally, totals);
	if (st != SCORE_OK) {
		free(tally);
		free(pair_weights);
		free(pair_set);
		result_free(r);
		return st;
	}
	levers(c, s, r, tally);
	free(tally);
	free(pair_weights);
	free(pair_set);
	shares_and_methods(c, r);
	pick_reasons(r);
	top_lever(r);
	sensitivity(c, r, totals);
	steps(c, r, totals);
	dominance(c, r);
	/* Room for the confidence's rating gaps. */
	double *diff = xcalloc(m * (n - 1), sizeof *diff);
	confidence(c, r, diff);
	free(diff);
	return SCORE_OK;
}
