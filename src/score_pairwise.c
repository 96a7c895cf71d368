/* score_pairwise.c - a session that weighs in pairs: its comparisons, level
 * by level, to the criteria's effective weights (docs/scoring.md, "The
 * hierarchy").
 *
 * Where the set has groups (criteria_groups.h), the groups are compared
 * among themselves (one matrix) and the criteria within each group (one
 * matrix a group); a criterion's share is its group's share times its
 * share within the group. A set with one group has no matrix of groups,
 * and a flat set one matrix of all its criteria. Each share becomes a
 * weight on the scale, w = share / largest share * scale.max, so that the
 * rest of scoring reads it as it reads any weight. Pure, like score.c. */
#include "score.h"

#include <stdlib.h>
#include <string.h>

#include "criteria_groups.h"
#include "score_internal.h"
#include "xalloc.h"

/* Matrix X: its items from the groups G (LEVEL JUDGE_GROUPS), or the
 * criteria of group GROUP (-1: all of them). */
static void matrix_items(struct pairwise_matrix *x, const struct criteria *c,
                         const struct criteria_groups *g, enum judgment_level level, int group)
{
	x->level = level;
	x->group = group;
	size_t room = level == JUDGE_GROUPS ? g->n : c->ncriteria;
	x->items = xcalloc(room ? room : 1, sizeof *x->items);
	x->nitems = 0;
	for (size_t i = 0; i < room; i++)
		if (level == JUDGE_GROUPS || group < 0 || g->of[i] == (size_t)group)
			x->items[x->nitems++] = i;
}

/* The place of model index K in X, or X->nitems. */
static size_t local_index(const struct pairwise_matrix *x, size_t k)
{
	size_t i = 0;
	while (i < x->nitems && x->items[i] != k)
		i++;
	return i;
}

/* Solves matrix X from S's comparisons at its level between its items. */
static void matrix_solve(struct pairwise_matrix *x, const struct session *s)
{
	x->status = AHP_EMPTY;
	if (x->nitems < 2 || x->nitems > AHP_MAX_ITEMS)
		return;
	struct ahp_pair *pairs = xcalloc(s->njudgments ? s->njudgments : 1, sizeof *pairs);
	size_t npairs = 0;
	for (size_t j = 0; j < s->njudgments; j++) {
		const struct judgment *ju = &s->judgments[j];
		if (ju->level != x->level)
			continue;
		size_t a = local_index(x, ju->a), b = local_index(x, ju->b);
		if (a < x->nitems && b < x->nitems && a != b)
			pairs[npairs++] = (struct ahp_pair){ a, b, ju->value };
	}
	if (npairs)
		x->status = ahp_solve(x->nitems, pairs, npairs, &x->ahp);
	free(pairs);
}

/* Item I's share within matrix X: 1 for the only item of a matrix, else
 * its weight from the comparisons (0 when it is in none). */
static double share_in(const struct pairwise_matrix *x, size_t i)
{
	if (x->nitems == 1)
		return 1;
	return x->status == AHP_OK ? x->ahp.weights[i] : 0;
}

/* Whether matrix X lacks comparisons it needs: it has two items or more,
 * and either none is compared or they do not link. A group that is left
 * out at the level above (share 0) needs none. */
static int matrix_incomplete(const struct pairwise_matrix *x, double above)
{
	if (x->nitems < 2 || !(above > 0))
		return 0;
	return x->status != AHP_OK;
}

void pairwise_info_free(struct pairwise_info *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nmatrices; i++) {
		if (p->matrices[i].status == AHP_OK)
			ahp_result_free(&p->matrices[i].ahp);
		free(p->matrices[i].items);
	}
	free(p->matrices);
	free(p);
}

/* The matrix whose missing comparison would tell the most: of those with
 * one missing, the one with the most weight at stake (the groups' own
 * matrix holds all of it; a group's matrix its group's share), the first
 * of equal ones. */
static void pick_next(struct pairwise_info *p, const double *stake)
{
	double best = -1;
	p->has_next = 0;
	for (size_t i = 0; i < p->nmatrices; i++) {
		const struct pairwise_matrix *x = &p->matrices[i];
		if (x->status != AHP_OK || !x->ahp.has_next || !(stake[i] > best))
			continue;
		best = stake[i];
		p->has_next = 1;
		p->next = (struct judgment){ x->level, x->items[x->ahp.next.a],
		                             x->items[x->ahp.next.b], x->ahp.next.value };
	}
}

enum score_status score_pairwise(const struct criteria *c, const struct session *s,
                                 double *weights, struct pairwise_info **out)
{
	size_t m = c->ncriteria;
	struct criteria_groups g;
	criteria_groups_init(&g, c);
	struct pairwise_info *p = xcalloc(1, sizeof *p);
	size_t ngroups = g.n ? g.n : 1;
	int top = g.n > 1;      /* a matrix of the groups themselves */
	p->nmatrices = (size_t)top + ngroups;
	p->matrices = xcalloc(p->nmatrices, sizeof *p->matrices);
	double *group_share = xcalloc(ngroups, sizeof *group_share);
	double *stake = xcalloc(p->nmatrices, sizeof *stake);
	enum score_status st = SCORE_OK;
	if (top) {
		matrix_items(&p->matrices[0], c, &g, JUDGE_GROUPS, -1);
		matrix_solve(&p->matrices[0], s);
		if (matrix_incomplete(&p->matrices[0], 1))
			st = SCORE_PAIRWISE_INCOMPLETE;
		for (size_t k = 0; k < g.n; k++)
			group_share[k] = share_in(&p->matrices[0], k);
		stake[0] = 1;
	} else {
		group_share[0] = 1;
	}
	for (size_t k = 0; k < ngroups; k++) {
		struct pairwise_matrix *x = &p->matrices[(size_t)top + k];
		matrix_items(x, c, &g, JUDGE_CRITERIA, g.n ? (int)k : -1);
		matrix_solve(x, s);
		if (matrix_incomplete(x, group_share[k]))
			st = SCORE_PAIRWISE_INCOMPLETE;
		stake[(size_t)top + k] = group_share[k];
		for (size_t i = 0; i < x->nitems; i++)
			weights[x->items[i]] = group_share[k] * share_in(x, i);
	}
	double most = 0;
	for (size_t k = 0; k < m; k++)
		most = weights[k] > most ? weights[k] : most;
	p->nleft_out = 0;
	for (size_t k = 0; k < m; k++) {
		weights[k] = most > 0 ? weights[k] / most * c->scale.max : 0;
		p->nleft_out += !(weights[k] > 0);
	}
	if (!(most > 0))
		st = SCORE_PAIRWISE_INCOMPLETE;
	p->worst = -1;
	for (size_t i = 0; i < p->nmatrices; i++) {
		const struct pairwise_matrix *x = &p->matrices[i];
		if (x->status == AHP_OK &&
		    (p->worst < 0 || x->ahp.cr > p->matrices[p->worst].ahp.cr))
			p->worst = (int)i;
	}
	pick_next(p, stake);
	free(stake);
	free(group_share);
	criteria_groups_free(&g);
	if (st != SCORE_OK) {
		pairwise_info_free(p);
		p = NULL;
	}
	*out = p;
	return st;
}
