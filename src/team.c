/* team.c - the group view (team.h): several sessions on one criteria set
 * combined into one, scored by score_session() as one person's would be.
 * docs/scoring.md, "The group view", gives every rule with a worked
 * example. Pure, like score.c. */
#include "team.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

const char *team_method_key(enum team_method m)
{
	return m == TEAM_AIJ ? "aij" : "mean";
}

const char *team_consensus_word(double value)
{
	if (value < 0.5)
		return "very low";
	if (value < 0.625)
		return "low";
	if (value < 0.75)
		return "moderate";
	if (value < 0.875)
		return "high";
	return "very high";
}

/* Shannon's entropy of the M shares P, in nats (0 ln 0 is 0). */
static double entropy(const double *p, size_t m)
{
	double h = 0;
	for (size_t i = 0; i < m; i++)
		if (p[i] > 0)
			h -= p[i] * log(p[i]);
	return h;
}

void team_consensus_of(const double *w, size_t n, size_t m, struct team_consensus *out)
{
	memset(out, 0, sizeof *out);
	double *share = xcalloc(m ? m : 1, sizeof *share);
	double *mean = xcalloc(m ? m : 1, sizeof *mean);
	for (size_t k = 0; k < n; k++) {
		double total = 0;
		for (size_t i = 0; i < m; i++)
			total += w[k * m + i];
		for (size_t i = 0; i < m; i++) {
			share[i] = total > 0 ? w[k * m + i] / total : 0;
			mean[i] += share[i] / (double)n;
		}
		out->h_alpha += entropy(share, m) / (double)n;
	}
	out->h_gamma = entropy(mean, m);
	out->h_beta = out->h_gamma - out->h_alpha;
	if (m < 2) {
		out->value = 1;
	} else {
		double floor_ = 1.0 / (double)m;
		out->value = (exp(-out->h_beta) - floor_) / (1 - floor_);
		/* Rounding must not take it out of its range. */
		if (out->value > 1)
			out->value = 1;
		if (out->value < 0)
			out->value = 0;
	}
	free(share);
	free(mean);
}

/* The group's answer to each question: the plurality, not answering
 * counted as an answer; none when two or more lead. */
static void group_answers(const struct criteria *c, const struct session *const *s, size_t n,
                          struct team_result *t)
{
	t->nquestions = c->nquestions;
	t->answers = xcalloc(c->nquestions ? c->nquestions : 1, sizeof *t->answers);
	for (size_t q = 0; q < c->nquestions; q++) {
		size_t nch = c->questions[q].nchoices;
		size_t *count = xcalloc(nch + 1, sizeof *count);
		for (size_t k = 0; k < n; k++) {
			int ch = q < s[k]->nquestions ? s[k]->choices[q] : SESSION_NO_CHOICE;
			count[ch >= 0 && (size_t)ch < nch ? (size_t)ch : nch]++;
		}
		size_t best = 0, nbest = 0;
		for (size_t i = 0; i <= nch; i++) {
			if (count[i] > count[best]) {
				best = i;
				nbest = 1;
			} else if (count[i] == count[best]) {
				nbest++;
			}
		}
		struct team_answer *a = &t->answers[q];
		a->question = q;
		a->choice = nbest == 1 && best < nch ? (int)best : SESSION_NO_CHOICE;
		a->differs = count[best] != n;
		t->ndiffer += (size_t)a->differs;
		free(count);
	}
}

/* One comparison of the group: the logarithms of the respondents' values
 * of one pair, A over B, added up. */
struct pair_sum {
	enum judgment_level level;
	size_t a, b;
	double logs;
	size_t count;
};

/* The session scored for the group, with respondent SRC[k]'s weights in
 * the place of respondent k's (SRC NULL: each their own), into a new
 * session. */
static struct session *group_session(const struct criteria *c, const struct session *const *s,
                                     size_t n, const struct team_result *t, const size_t *src)
{
	struct session *g = session_new(c);
	size_t m = c->ncriteria;
	for (size_t q = 0; q < c->nquestions && q < g->nquestions; q++)
		g->choices[q] = t->answers[q].choice;
	if (t->method == TEAM_MEAN) {
		for (size_t i = 0; i < m; i++) {
			double sum = 0;
			for (size_t k = 0; k < n; k++)
				sum += t->weights[(src ? src[k] : k) * m + i];
			g->weights[i] = sum / (double)n;
			g->weight_set[i] = 1;
		}
		return g;
	}
	g->weighting = WEIGHTING_PAIRWISE;
	size_t room = 0;
	for (size_t k = 0; k < n; k++)
		room += s[src ? src[k] : k]->njudgments;
	struct pair_sum *pairs = xcalloc(room ? room : 1, sizeof *pairs);
	size_t npairs = 0;
	for (size_t k = 0; k < n; k++) {
		const struct session *r = s[src ? src[k] : k];
		for (size_t j = 0; j < r->njudgments; j++) {
			const struct judgment *ju = &r->judgments[j];
			if (!(ju->value > 0))
				continue;
			size_t p = 0;
			while (p < npairs && !(pairs[p].level == ju->level &&
			                       ((pairs[p].a == ju->a && pairs[p].b == ju->b) ||
			                        (pairs[p].a == ju->b && pairs[p].b == ju->a))))
				p++;
			if (p == npairs)
				pairs[npairs++] = (struct pair_sum){ ju->level, ju->a, ju->b, 0, 0 };
			double v = log(ju->value);
			pairs[p].logs += pairs[p].a == ju->a ? v : -v;
			pairs[p].count++;
		}
	}
	for (size_t p = 0; p < npairs; p++)
		session_set_judgment(g, pairs[p].level, pairs[p].a, pairs[p].b,
		                     exp(pairs[p].logs / (double)pairs[p].count));
	free(pairs);
	return g;
}

/* Larger standard deviation first, then the larger range, then the file's
 * order. */
static int spread_cmp(const void *pa, const void *pb)
{
	const struct team_spread *a = pa, *b = pb;
	if (a->sd > b->sd + 1e-12)
		return -1;
	if (b->sd > a->sd + 1e-12)
		return 1;
	double ra = a->max - a->min, rb = b->max - b->min;
	if (ra > rb + 1e-12)
		return -1;
	if (rb > ra + 1e-12)
		return 1;
	return a->criterion < b->criterion ? -1 : a->criterion > b->criterion;
}

static void spreads(struct team_result *t)
{
	size_t n = t->nrespondents, m = t->ncriteria;
	t->spread = xcalloc(m ? m : 1, sizeof *t->spread);
	for (size_t i = 0; i < m; i++) {
		struct team_spread *sp = &t->spread[i];
		sp->criterion = i;
		sp->min = sp->max = t->weights[i];
		double sum = 0;
		for (size_t k = 0; k < n; k++) {
			double w = t->weights[k * m + i];
			sum += w;
			if (w < sp->min)
				sp->min = w;
			if (w > sp->max)
				sp->max = w;
		}
		sp->mean = sum / (double)n;
		double var = 0;
		for (size_t k = 0; k < n; k++) {
			double d = t->weights[k * m + i] - sp->mean;
			var += d * d;
		}
		sp->sd = sqrt(var / (double)n);
	}
	qsort(t->spread, m, sizeof *t->spread, spread_cmp);
}

/* How far respondent K's weights put option U ahead of option V, with the
 * group's ratings, in points (10 x gap / total weight). */
static double lead_of(const struct team_result *t, size_t k, size_t u, size_t v)
{
	size_t m = t->ncriteria, no = t->result.noptions;
	double gap = 0, total = 0;
	for (size_t i = 0; i < m; i++) {
		double w = t->weights[k * m + i];
		gap += w * (t->result.ratings[i * no + u] - t->result.ratings[i * no + v]);
		total += w;
	}
	return total > 0 ? 10 * gap / total : 0;
}

struct flip_order {
	size_t k;
	double gain;
};

static int flip_cmp(const void *pa, const void *pb)
{
	const struct flip_order *a = pa, *b = pb;
	if (a->gain > b->gain)
		return -1;
	if (b->gain > a->gain)
		return 1;
	return a->k < b->k ? -1 : a->k > b->k;
}

/* The champion of the runner-up and how many respondents would have to
 * take its weights for the group's winner to change. */
static void flip(const struct criteria *c, const struct session *const *s, struct team_result *t)
{
	size_t n = t->nrespondents, m = t->ncriteria, no = t->result.noptions;
	t->runner_up = no > 1 ? (int)t->result.ranking[1] : -1;
	t->champion = -1;
	t->flip = -1;
	if (t->result.winner < 0 || t->runner_up < 0)
		return;
	size_t v = (size_t)t->result.winner, u = (size_t)t->runner_up;
	size_t champ = 0;
	for (size_t k = 1; k < n; k++)
		if (lead_of(t, k, u, v) > lead_of(t, champ, u, v) + 1e-12)
			champ = k;
	t->champion = (int)champ;
	struct flip_order *order = xcalloc(n, sizeof *order);
	size_t norder = 0;
	for (size_t k = 0; k < n; k++) {
		if (k == champ)
			continue;
		double gain = 0;
		for (size_t i = 0; i < m; i++)
			gain += (t->weights[champ * m + i] - t->weights[k * m + i]) *
			        (t->result.ratings[i * no + u] - t->result.ratings[i * no + v]);
		order[norder++] = (struct flip_order){ k, gain };
	}
	qsort(order, norder, sizeof *order, flip_cmp);
	size_t *src = xcalloc(n, sizeof *src);
	for (size_t k = 0; k < n; k++)
		src[k] = k;
	for (size_t j = 0; j < norder && t->flip < 0; j++) {
		src[order[j].k] = champ;
		struct session *g = group_session(c, s, n, t, src);
		struct result r;
		if (score_session(c, g, &r) == SCORE_OK) {
			if (r.winner != t->result.winner)
				t->flip = (int)(j + 1);
			result_free(&r);
		}
		session_free(g);
	}
	free(src);
	t->nflip_order = norder;
	t->flip_order = xcalloc(norder + 1, sizeof *t->flip_order);
	for (size_t j = 0; j < norder; j++)
		t->flip_order[j] = order[j].k;
	free(order);
}

enum team_status team_build(const struct criteria *c, const struct session *const *s, size_t n,
                            struct team_result *out, size_t *bad_respondent,
                            enum score_status *bad_status)
{
	memset(out, 0, sizeof *out);
	if (n < 2)
		return TEAM_TOO_FEW;
	size_t m = c->ncriteria;
	struct team_result *t = out;
	t->nrespondents = n;
	t->ncriteria = m;
	t->own = xcalloc(n, sizeof *t->own);
	t->method = TEAM_AIJ;
	for (size_t k = 0; k < n; k++) {
		enum score_status st = score_session(c, s[k], &t->own[k]);
		if (st != SCORE_OK) {
			for (size_t j = 0; j < k; j++)
				result_free(&t->own[j]);
			free(t->own);
			memset(out, 0, sizeof *out);
			if (bad_respondent)
				*bad_respondent = k;
			if (bad_status)
				*bad_status = st;
			return TEAM_RESPONDENT;
		}
		if (s[k]->weighting != WEIGHTING_PAIRWISE)
			t->method = TEAM_MEAN;
	}
	t->weights = xcalloc(n * m + 1, sizeof *t->weights);
	for (size_t k = 0; k < n; k++)
		memcpy(&t->weights[k * m], t->own[k].weights, m * sizeof *t->weights);
	group_answers(c, s, n, t);
	t->group = group_session(c, s, n, t, NULL);
	enum score_status st = score_session(c, t->group, &t->result);
	if (st != SCORE_OK) {
		session_free(t->group);
		t->group = NULL;
		memset(&t->result, 0, sizeof t->result);
		team_result_free(t);
		if (bad_status)
			*bad_status = st;
		return TEAM_GROUP;
	}
	if (t->method == TEAM_AIJ && t->result.pairwise) {
		const struct pairwise_info *p = t->result.pairwise;
		for (size_t x = 0; x < p->nmatrices; x++)
			if (p->matrices[x].status == AHP_OK && p->matrices[x].ahp.cr > t->group_cr)
				t->group_cr = p->matrices[x].ahp.cr;
	}
	spreads(t);
	team_consensus_of(t->weights, n, m, &t->consensus);
	flip(c, s, t);
	return TEAM_OK;
}

void team_result_free(struct team_result *t)
{
	if (!t)
		return;
	if (t->own)
		for (size_t k = 0; k < t->nrespondents; k++)
			result_free(&t->own[k]);
	free(t->own);
	if (t->group) {
		result_free(&t->result);
		session_free(t->group);
	}
	free(t->weights);
	free(t->spread);
	free(t->answers);
	free(t->flip_order);
	memset(t, 0, sizeof *t);
}
