/* session_steps.c - the steps a session is answered in, numbered (session.h):
 * the profile questions, the criteria (or, weighing in pairs, one step for
 * every comparison), the review and the results; and the comparisons of a
 * pairwise session in the order they are asked. */
#include <stdio.h>
#include <stdlib.h>

#include "session.h"
#include "xalloc.h"

/* The steps of weighing: one per criterion, or one for every comparison. */
static size_t weighing_steps(const struct criteria *c, enum weighting w)
{
	return w == WEIGHTING_PAIRWISE ? 1 : c->ncriteria;
}

int session_nsteps(const struct criteria *c, enum weighting w)
{
	return (int)(c->nquestions + weighing_steps(c, w)) + 2;
}

enum session_step_kind session_step_kind(const struct criteria *c, enum weighting w, int step,
                                         size_t *index)
{
	size_t s = step < 0 ? 0 : (size_t)step;
	size_t nw = weighing_steps(c, w);
	*index = 0;
	if (s < c->nquestions) {
		*index = s;
		return SESSION_STEP_QUESTION;
	}
	s -= c->nquestions;
	if (s < nw) {
		if (w == WEIGHTING_PAIRWISE)
			return SESSION_STEP_PAIRS;
		*index = s;
		return SESSION_STEP_CRITERION;
	}
	return s == nw ? SESSION_STEP_REVIEW : SESSION_STEP_RESULTS;
}

int session_criterion_step(const struct criteria *c, size_t k)
{
	return (int)(c->nquestions + k);
}

int session_weighing_step(const struct criteria *c)
{
	return (int)c->nquestions;
}

int session_review_step(const struct criteria *c, enum weighting w)
{
	return (int)(c->nquestions + weighing_steps(c, w));
}

int session_results_step(const struct criteria *c, enum weighting w)
{
	return session_review_step(c, w) + 1;
}

int session_step_label(const struct criteria *c, const struct session *s, int step, char *buf,
                       size_t len)
{
	size_t i;
	switch (session_step_kind(c, s->weighting, step, &i)) {
	case SESSION_STEP_QUESTION:
		return snprintf(buf, len, "question %zu of %zu", i + 1, c->nquestions);
	case SESSION_STEP_CRITERION:
		return snprintf(buf, len, "criterion %zu of %zu", i + 1, c->ncriteria);
	case SESSION_STEP_PAIRS: {
		struct session_pairs p;
		session_pairs_init(&p, c);
		size_t first = session_pairs_first_missing(&p, s), n = p.n;
		session_pairs_free(&p);
		if (first == n)
			return snprintf(buf, len, "the comparisons");
		return snprintf(buf, len, "comparison %zu of %zu", first + 1, n);
	}
	case SESSION_STEP_REVIEW:
		return snprintf(buf, len, "the review");
	case SESSION_STEP_RESULTS:
		break;
	}
	return snprintf(buf, len, "the results");
}

/* ---- the comparisons ---- */

static void add_pair(struct session_pairs *p, size_t *cap, enum judgment_level level, int group,
                     size_t a, size_t b)
{
	if (p->n == *cap)
		p->items = xreallocarray(p->items, *cap = *cap ? *cap * 2 : 16, sizeof *p->items);
	p->items[p->n++] = (struct session_pair){ level, group, a, b };
}

/* Whether P holds A against B at LEVEL already. */
static int has_pair(const struct session_pairs *p, enum judgment_level level, size_t a, size_t b)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->items[i].level == level && p->items[i].a == a && p->items[i].b == b)
			return 1;
	return 0;
}

/* The pairs of group GRP's criteria (every criterion when GRP is -1): when
 * CHAIN, each with the next of the group, which links them all; else every
 * pair not yet asked. */
static void add_within(struct session_pairs *p, size_t *cap, const struct criteria *c, int grp,
                       int chain)
{
	const struct criteria_groups *g = &p->groups;
	size_t m = c->ncriteria;
	for (size_t a = 0; a < m; a++) {
		if (grp >= 0 && g->of[a] != (size_t)grp)
			continue;
		for (size_t b = a + 1; b < m; b++) {
			if (grp >= 0 && g->of[b] != (size_t)grp)
				continue;
			if (!chain && !has_pair(p, JUDGE_CRITERIA, a, b))
				add_pair(p, cap, JUDGE_CRITERIA, grp, a, b);
			if (chain) {
				add_pair(p, cap, JUDGE_CRITERIA, grp, a, b);
				break;
			}
		}
	}
}

/* The same for the groups themselves. */
static void add_groups(struct session_pairs *p, size_t *cap, int chain)
{
	size_t n = p->groups.n;
	for (size_t a = 0; a < n; a++)
		for (size_t b = a + 1; b < n; b++) {
			if (chain) {
				add_pair(p, cap, JUDGE_GROUPS, -1, a, b);
				break;
			}
			if (!has_pair(p, JUDGE_GROUPS, a, b))
				add_pair(p, cap, JUDGE_GROUPS, -1, a, b);
		}
}

void session_pairs_init(struct session_pairs *p, const struct criteria *c)
{
	*p = (struct session_pairs){ 0 };
	criteria_groups_init(&p->groups, c);
	const struct criteria_groups *g = &p->groups;
	size_t cap = 0;
	/* First the fewest that link everything (each item with the next, as a
	 * chain), then the rest: stopping once the first are given leaves no
	 * criterion out. A set with one group is compared as a flat one. */
	for (int chain = 1; chain >= 0; chain--) {
		if (g->n < 2) {
			add_within(p, &cap, c, -1, chain);
			continue;
		}
		for (size_t grp = 0; grp < g->n; grp++)
			add_within(p, &cap, c, (int)grp, chain);
		add_groups(p, &cap, chain);
	}
	p->top = g->n >= 2;
}

void session_pairs_free(struct session_pairs *p)
{
	criteria_groups_free(&p->groups);
	free(p->items);
	*p = (struct session_pairs){ 0 };
}

const struct judgment *session_pair_given(const struct session_pairs *p, size_t i,
                                          const struct session *s)
{
	const struct session_pair *pr = &p->items[i];
	return session_judgment(s, pr->level, pr->a, pr->b);
}

size_t session_pairs_given(const struct session_pairs *p, const struct session *s)
{
	size_t n = 0;
	for (size_t i = 0; i < p->n; i++)
		n += session_pair_given(p, i, s) != NULL;
	return n;
}

size_t session_pairs_first_missing(const struct session_pairs *p, const struct session *s)
{
	size_t i = 0;
	while (i < p->n && session_pair_given(p, i, s))
		i++;
	return i;
}

static size_t root(size_t *parent, size_t i)
{
	while (parent[i] != i)
		i = parent[i] = parent[parent[i]];
	return i;
}

size_t session_pairs_needed(const struct session_pairs *p, const struct session *s)
{
	/* Each matrix (the criteria of one group, or of a flat set; the groups)
	 * has its own items: criteria, or groups numbered after them. Linking
	 * K separate sets of a matrix's items takes K - 1 comparisons more, so
	 * the comparisons needed are the separate sets left, less one for each
	 * matrix. */
	size_t nc = s->ncriteria, m = nc + p->groups.n;
	size_t *parent = xcalloc(m ? m : 1, sizeof *parent);
	unsigned char *in = xcalloc(m ? m : 1, 1);
	/* The matrices asked: the flat one or each group's (by group + 1), and
	 * the groups' (the last). */
	unsigned char *matrix = xcalloc(p->groups.n + 2, 1);
	for (size_t i = 0; i < m; i++)
		parent[i] = i;
	size_t sets = 0, matrices = 0;
	for (size_t i = 0; i < p->n; i++) {
		const struct session_pair *pr = &p->items[i];
		size_t off = pr->level == JUDGE_GROUPS ? nc : 0;
		size_t mi = pr->level == JUDGE_GROUPS ? p->groups.n + 1 : (size_t)(pr->group + 1);
		if (!matrix[mi]) {
			matrix[mi] = 1;
			matrices++;
		}
		size_t a = off + pr->a, b = off + pr->b;
		sets += !in[a] + !in[b];
		in[a] = in[b] = 1;
	}
	for (size_t i = 0; i < p->n; i++) {
		if (!session_pair_given(p, i, s))
			continue;
		const struct session_pair *pr = &p->items[i];
		size_t off = pr->level == JUDGE_GROUPS ? nc : 0;
		size_t ra = root(parent, off + pr->a), rb = root(parent, off + pr->b);
		if (ra != rb) {
			parent[ra] = rb;
			sets--;
		}
	}
	free(parent);
	free(in);
	free(matrix);
	return sets - matrices;
}
