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

void session_pairs_init(struct session_pairs *p, const struct criteria *c)
{
	*p = (struct session_pairs){ 0 };
	criteria_groups_init(&p->groups, c);
	const struct criteria_groups *g = &p->groups;
	size_t cap = 0, m = c->ncriteria;
	/* A set with one group is compared as a flat one. */
	if (g->n < 2) {
		for (size_t a = 0; a < m; a++)
			for (size_t b = a + 1; b < m; b++)
				add_pair(p, &cap, JUDGE_CRITERIA, -1, a, b);
		return;
	}
	for (size_t grp = 0; grp < g->n; grp++)
		for (size_t a = 0; a < m; a++)
			for (size_t b = a + 1; b < m && g->of[a] == grp; b++)
				if (g->of[b] == grp)
					add_pair(p, &cap, JUDGE_CRITERIA, (int)grp, a, b);
	p->top = 1;
	for (size_t a = 0; a < g->n; a++)
		for (size_t b = a + 1; b < g->n; b++)
			add_pair(p, &cap, JUDGE_GROUPS, -1, a, b);
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
	/* Each matrix is the run of pairs with the same level and group; its
	 * items are those its pairs name. Linking K separate sets of items
	 * takes K - 1 comparisons more. */
	size_t m = s->ncriteria > p->groups.n ? s->ncriteria : p->groups.n;
	size_t *parent = xcalloc(m ? m : 1, sizeof *parent);
	unsigned char *in = xcalloc(m ? m : 1, 1);
	size_t needed = 0;
	for (size_t from = 0, to; from < p->n; from = to) {
		const struct session_pair *first = &p->items[from];
		for (to = from; to < p->n && p->items[to].level == first->level &&
		     p->items[to].group == first->group; to++)
			;
		for (size_t i = 0; i < m; i++) {
			parent[i] = i;
			in[i] = 0;
		}
		for (size_t i = from; i < to; i++)
			in[p->items[i].a] = in[p->items[i].b] = 1;
		size_t sets = 0;
		for (size_t i = 0; i < m; i++)
			sets += in[i];
		for (size_t i = from; i < to; i++) {
			if (!session_pair_given(p, i, s))
				continue;
			size_t ra = root(parent, p->items[i].a), rb = root(parent, p->items[i].b);
			if (ra != rb) {
				parent[ra] = rb;
				sets--;
			}
		}
		needed += sets - 1;
	}
	free(parent);
	free(in);
	return needed;
}
