/* diff_session.c - two sessions compared: what differs between them, and
 * each changed input's exact share of the change in the margin (Shapley
 * values over the changed inputs, docs/scoring.md). Pure, like score.c. */
#include "diff.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "criteria_groups.h"
#include "diff_internal.h"
#include "score_internal.h"
#include "xalloc.h"

/* ---- the differences of the answers ---- */

/* The id of the choice S gives to question Q of C, or NULL. */
static const char *choice_id(const struct criteria *c, const struct session *s, int q)
{
	if (q < 0 || (size_t)q >= s->nquestions || s->choices[q] == SESSION_NO_CHOICE)
		return NULL;
	return c->questions[q].choices[s->choices[q]].id;
}

static const char *choice_label(const struct criteria *c, int q, const char *id)
{
	if (!id)
		return NULL;
	int k = criteria_choice_index(&c->questions[q], id);
	return k >= 0 ? criteria_choice_name(&c->questions[q].choices[k]) : id;
}

/* The person's weight of criterion K of S, if set. */
static int person_weight(const struct session *s, int k, double *w)
{
	if (k < 0 || (size_t)k >= s->ncriteria || !s->weight_set[k])
		return 0;
	*w = s->weights[k];
	return 1;
}

static void session_texts(const struct session *s1, const struct session *s2, struct diff *d)
{
	static const char *const fields[] = { "project", "respondent", "notes" };
	const char *v1[] = { s1->project, s1->respondent, s1->notes };
	const char *v2[] = { s2->project, s2->respondent, s2->notes };
	for (size_t f = 0; f < 3; f++)
		if (!diff_same_text(v1[f], v2[f])) {
			struct diff_item *it = diff_add(d, DIFF_SESSION_TEXT);
			it->field = fields[f];
			it->old_text = v1[f];
			it->new_text = v2[f];
			it->has_old = v1[f] != NULL;
			it->has_new = v2[f] != NULL;
		}
}

static void answers(const struct criteria *a, const struct session *s1,
                    const struct criteria *b, const struct session *s2, struct diff *d)
{
	for (size_t q = 0; q < b->nquestions + a->nquestions; q++) {
		int qb = q < b->nquestions ? (int)q : -1;
		int qa = qb >= 0 ? criteria_question_index(a, b->questions[q].id)
		                 : (int)(q - b->nquestions);
		if (qb < 0 && criteria_question_index(b, a->questions[qa].id) >= 0)
			continue;
		const char *c1 = choice_id(a, s1, qa), *c2 = choice_id(b, s2, qb);
		if (diff_same_text(c1, c2))
			continue;
		struct diff_item *it = diff_add(d, DIFF_ANSWER);
		const struct question *qu = qb >= 0 ? &b->questions[qb] : &a->questions[qa];
		it->id = qu->id;
		it->name = criteria_question_name(qu);
		it->old_id = c1;
		it->new_id = c2;
		it->old_text = c1 ? choice_label(a, qa, c1) : NULL;
		it->new_text = c2 ? choice_label(b, qb, c2) : NULL;
		it->has_old = c1 != NULL;
		it->has_new = c2 != NULL;
	}
}

static void weights(const struct criteria *a, const struct session *s1,
                    const struct criteria *b, const struct session *s2, struct diff *d)
{
	for (size_t k = 0; k < b->ncriteria + a->ncriteria; k++) {
		int kb = k < b->ncriteria ? (int)k : -1;
		int ka = kb >= 0 ? criteria_criterion_index(a, b->criteria[k].id)
		                 : (int)(k - b->ncriteria);
		if (kb < 0 && criteria_criterion_index(b, a->criteria[ka].id) >= 0)
			continue;
		double w1 = 0, w2 = 0;
		int h1 = s1->weighting == WEIGHTING_RATINGS && person_weight(s1, ka, &w1);
		int h2 = s2->weighting == WEIGHTING_RATINGS && person_weight(s2, kb, &w2);
		if (h1 == h2 && (!h1 || w1 == w2))
			continue;
		struct diff_item *it = diff_add(d, DIFF_WEIGHT);
		const struct criterion *cr = kb >= 0 ? &b->criteria[kb] : &a->criteria[ka];
		it->id = cr->id;
		it->name = cr->name;
		it->has_old = h1;
		it->has_new = h2;
		it->old_value = w1;
		it->new_value = w2;
	}
}

static const char *weighting_word(enum weighting w)
{
	return w == WEIGHTING_PAIRWISE ? "pairwise" : "ratings";
}

/* An item's id and name of a comparison at LEVEL: a criterion's, or a
 * group's (its name for both). */
static void judged(const struct criteria *c, const struct criteria_groups *g,
                   enum judgment_level level, size_t i, const char **id, const char **name)
{
	if (level == JUDGE_CRITERIA) {
		*id = c->criteria[i].id;
		*name = c->criteria[i].name;
	} else {
		*id = *name = i < g->n ? g->names[i] : "";
	}
}

/* The comparison of IDA and IDB at LEVEL in S on C, as IDA over IDB. */
static int find_judgment(const struct criteria *c, const struct criteria_groups *g,
                         const struct session *s, enum judgment_level level, const char *ida,
                         const char *idb, double *v)
{
	int a, b;
	if (level == JUDGE_CRITERIA) {
		a = criteria_criterion_index(c, ida);
		b = criteria_criterion_index(c, idb);
	} else {
		a = criteria_group_find(g, ida);
		b = criteria_group_find(g, idb);
	}
	if (a < 0 || b < 0)
		return 0;
	const struct judgment *j = session_judgment(s, level, (size_t)a, (size_t)b);
	if (!j)
		return 0;
	*v = j->a == (size_t)a ? j->value : 1 / j->value;
	return 1;
}

/* Each comparison of S1 (on A) that S2 (on B) does not hold the same, then
 * each of S2 that S1 lacks. */
static void comparisons(const struct criteria *a, const struct session *s1,
                        const struct criteria *b, const struct session *s2, struct diff *d)
{
	struct criteria_groups ga, gb;
	criteria_groups_init(&ga, a);
	criteria_groups_init(&gb, b);
	for (size_t i = 0; i < s1->njudgments; i++) {
		const struct judgment *j = &s1->judgments[i];
		const char *ia, *na, *ib, *nb;
		judged(a, &ga, j->level, j->a, &ia, &na);
		judged(a, &ga, j->level, j->b, &ib, &nb);
		double v = 0;
		int there = find_judgment(b, &gb, s2, j->level, ia, ib, &v);
		if (there && v == j->value)
			continue;
		struct diff_item *it = diff_add(d, DIFF_COMPARISON);
		it->field = j->level == JUDGE_CRITERIA ? "criteria" : "groups";
		it->id = ia;
		it->name = na;
		it->id2 = ib;
		it->name2 = nb;
		it->has_old = 1;
		it->old_value = j->value;
		it->has_new = there;
		it->new_value = v;
	}
	for (size_t i = 0; i < s2->njudgments; i++) {
		const struct judgment *j = &s2->judgments[i];
		const char *ia, *na, *ib, *nb;
		judged(b, &gb, j->level, j->a, &ia, &na);
		judged(b, &gb, j->level, j->b, &ib, &nb);
		double v;
		if (find_judgment(a, &ga, s1, j->level, ia, ib, &v))
			continue;
		struct diff_item *it = diff_add(d, DIFF_COMPARISON);
		it->field = j->level == JUDGE_CRITERIA ? "criteria" : "groups";
		it->id = ia;
		it->name = na;
		it->id2 = ib;
		it->name2 = nb;
		it->has_new = 1;
		it->new_value = j->value;
	}
	criteria_groups_free(&ga);
	criteria_groups_free(&gb);
}

/* ---- the game ---- */

enum player_kind {
	P_PRESENCE,             /* criterion U added or removed */
	P_RATING,               /* criterion U's rating of option O */
	P_DEFAULT,              /* criterion U's default weight */
	P_EFFECTS,              /* what question U's choices do */
	P_SCALE,                /* the scale's range */
	P_ANSWER,               /* the answer to question U */
	P_WEIGHT,               /* the person's weight of criterion U */
	P_WEIGHING,             /* how the person weighs: the method, comparisons */
};

struct player {
	enum player_kind kind;
	size_t u, o;
	int item;               /* its first difference */
	size_t group;           /* its share */
};

/* Both versions side by side: the criteria as one list (the new set's, then
 * those of the old set alone), the questions likewise, and a hybrid model
 * and session that take each changed input from one side or the other. */
struct game {
	const struct criteria *a, *b;
	const struct session *s1, *s2;
	const struct result *r1, *r2;
	size_t nopt;
	int *oa;                /* [nopt]: each option of B in A */
	size_t nu;
	int *ua, *ub;           /* [nu]: each criterion in A, in B, or -1 */
	size_t nq;
	int *qa, *qb;           /* [nq] */
	struct question *qdef_a, *qdef_b; /* [nq]: the questions of A, B with the union's
	                                   * indices (valid where qa, qb >= 0) */
	int *presence, *deflt, *weight, *rating, *effects, *answer; /* player or -1 */
	int scale, weighing;
	size_t nplayers;
	struct player *players;
	unsigned char *on;      /* [nplayers]: in the coalition */
	struct criteria hc;
	struct criterion *hcrit;
	double *hfile;          /* [nu * nopt] the file ratings in force */
	struct question *hq;
	struct session hs;
	double *eff;            /* [nu * nopt] */
	size_t first, second;
};

/* Question QU of C (CMAP its criteria's union indices) with the union's
 * indices, into OUT. */
static void remap_question(const struct criteria *c, const struct question *qu,
                           const size_t *cmap, const int *omap, struct question *out)
{
	*out = *qu;
	out->choices = xcalloc(qu->nchoices ? qu->nchoices : 1, sizeof *out->choices);
	for (size_t i = 0; i < qu->nchoices; i++) {
		const struct choice *ch = &qu->choices[i];
		struct choice *oc = &out->choices[i];
		*oc = *ch;
		oc->deltas = xcalloc(ch->ndeltas + 1, sizeof *oc->deltas);
		for (size_t k = 0; k < ch->ndeltas; k++)
			oc->deltas[k] = (struct weight_delta){ cmap[ch->deltas[k].criterion],
			                                       ch->deltas[k].delta };
		oc->overrides = xcalloc(ch->noverrides + 1, sizeof *oc->overrides);
		oc->noverrides = 0;
		for (size_t k = 0; k < ch->noverrides; k++) {
			const struct rating_override *ov = &ch->overrides[k];
			int o = omap ? omap[ov->option] : (int)ov->option;
			if (o >= 0)
				oc->overrides[oc->noverrides++] = (struct rating_override){
					cmap[ov->criterion], (size_t)o, ov->rating };
		}
	}
	(void)c;
}

static void free_question(struct question *q)
{
	for (size_t i = 0; q->choices && i < q->nchoices; i++) {
		free(q->choices[i].deltas);
		free(q->choices[i].overrides);
	}
	free(q->choices);
}

static void game_init(struct game *g, const struct criteria *a, const struct session *s1,
                      const struct result *r1, const struct criteria *b,
                      const struct session *s2, const struct result *r2)
{
	memset(g, 0, sizeof *g);
	g->a = a, g->b = b, g->s1 = s1, g->s2 = s2, g->r1 = r1, g->r2 = r2;
	g->nopt = b->noptions;
	g->oa = xcalloc(g->nopt, sizeof *g->oa);
	int *ob = xcalloc(a->noptions, sizeof *ob);
	for (size_t o = 0; o < g->nopt; o++)
		g->oa[o] = criteria_option_index(a, b->options[o].id);
	for (size_t o = 0; o < a->noptions; o++)
		ob[o] = criteria_option_index(b, a->options[o].id);
	size_t cap = a->ncriteria + b->ncriteria;
	g->ua = xcalloc(cap, sizeof *g->ua);
	g->ub = xcalloc(cap, sizeof *g->ub);
	size_t *amap = xcalloc(a->ncriteria + 1, sizeof *amap), *bmap = xcalloc(b->ncriteria + 1,
	                                                                         sizeof *bmap);
	for (size_t k = 0; k < b->ncriteria; k++) {
		g->ub[k] = (int)k;
		g->ua[k] = criteria_criterion_index(a, b->criteria[k].id);
		bmap[k] = k;
		if (g->ua[k] >= 0)
			amap[g->ua[k]] = k;
	}
	g->nu = b->ncriteria;
	for (size_t k = 0; k < a->ncriteria; k++)
		if (criteria_criterion_index(b, a->criteria[k].id) < 0) {
			g->ua[g->nu] = (int)k;
			g->ub[g->nu] = -1;
			amap[k] = g->nu++;
		}
	cap = a->nquestions + b->nquestions;
	g->qa = xcalloc(cap + 1, sizeof *g->qa);
	g->qb = xcalloc(cap + 1, sizeof *g->qb);
	g->qdef_a = xcalloc(cap + 1, sizeof *g->qdef_a);
	g->qdef_b = xcalloc(cap + 1, sizeof *g->qdef_b);
	for (size_t q = 0; q < b->nquestions; q++) {
		g->qb[q] = (int)q;
		g->qa[q] = criteria_question_index(a, b->questions[q].id);
	}
	g->nq = b->nquestions;
	for (size_t q = 0; q < a->nquestions; q++)
		if (criteria_question_index(b, a->questions[q].id) < 0) {
			g->qa[g->nq] = (int)q;
			g->qb[g->nq++] = -1;
		}
	for (size_t q = 0; q < g->nq; q++) {
		if (g->qa[q] >= 0)
			remap_question(a, &a->questions[g->qa[q]], amap, ob, &g->qdef_a[q]);
		if (g->qb[q] >= 0)
			remap_question(b, &b->questions[g->qb[q]], bmap, NULL, &g->qdef_b[q]);
	}
	free(amap);
	free(bmap);
	free(ob);
	size_t nu = g->nu ? g->nu : 1, nq = g->nq ? g->nq : 1;
	g->presence = xcalloc(nu, sizeof *g->presence);
	g->deflt = xcalloc(nu, sizeof *g->deflt);
	g->weight = xcalloc(nu, sizeof *g->weight);
	g->rating = xcalloc(nu * g->nopt, sizeof *g->rating);
	g->effects = xcalloc(nq, sizeof *g->effects);
	g->answer = xcalloc(nq, sizeof *g->answer);
	for (size_t u = 0; u < nu; u++)
		g->presence[u] = g->deflt[u] = g->weight[u] = -1;
	for (size_t i = 0; i < nu * g->nopt; i++)
		g->rating[i] = -1;
	for (size_t q = 0; q < nq; q++)
		g->effects[q] = g->answer[q] = -1;
	g->scale = g->weighing = -1;
	g->hcrit = xcalloc(nu, sizeof *g->hcrit);
	g->hfile = xcalloc(nu * g->nopt, sizeof *g->hfile);
	g->eff = xcalloc(nu * g->nopt, sizeof *g->eff);
	g->hq = xcalloc(nq, sizeof *g->hq);
	g->hc = *b;
	g->hc.ncriteria = g->nu;
	g->hc.criteria = g->hcrit;
	g->hc.nquestions = g->nq;
	g->hc.questions = g->hq;
	g->hc.nexamples = 0;
	g->hs = (struct session){ .nquestions = g->nq, .ncriteria = g->nu };
	g->hs.choices = xcalloc(nq, sizeof *g->hs.choices);
	g->hs.weights = xcalloc(nu, sizeof *g->hs.weights);
	g->hs.weight_set = xcalloc(nu, 1);
	for (size_t u = 0; u < g->nu; u++)
		g->hcrit[u].ratings = g->hfile + u * g->nopt;
}

static void game_free(struct game *g)
{
	for (size_t q = 0; q < g->nq; q++) {
		if (g->qa[q] >= 0)
			free_question(&g->qdef_a[q]);
		if (g->qb[q] >= 0)
			free_question(&g->qdef_b[q]);
	}
	free(g->oa), free(g->ua), free(g->ub), free(g->qa), free(g->qb);
	free(g->qdef_a), free(g->qdef_b);
	free(g->presence), free(g->deflt), free(g->weight), free(g->rating);
	free(g->effects), free(g->answer), free(g->players), free(g->on);
	free(g->hcrit), free(g->hfile), free(g->eff), free(g->hq);
	free(g->hs.choices), free(g->hs.weights), free(g->hs.weight_set);
}

static int add_player(struct game *g, enum player_kind kind, size_t u, size_t o, int item)
{
	g->players = xreallocarray(g->players, g->nplayers + 1, sizeof *g->players);
	g->players[g->nplayers] = (struct player){ kind, u, o, item, 0 };
	return (int)g->nplayers++;
}

static int player_on(const struct game *g, int p)
{
	return p >= 0 && g->on[p];
}

/* The union index of criterion ID, or -1. */
static int union_criterion(const struct game *g, const char *id)
{
	int k = criteria_criterion_index(g->b, id);
	if (k >= 0)
		return k;
	k = criteria_criterion_index(g->a, id);
	for (size_t u = g->b->ncriteria; k >= 0 && u < g->nu; u++)
		if (g->ua[u] == k)
			return (int)u;
	return -1;
}

static int union_question(const struct game *g, const char *id)
{
	int q = criteria_question_index(g->b, id);
	if (q >= 0)
		return q;
	q = criteria_question_index(g->a, id);
	for (size_t u = g->b->nquestions; q >= 0 && u < g->nq; u++)
		if (g->qa[u] == q)
			return (int)u;
	return -1;
}

/* Whether the two sides' comparisons give different weights (either side
 * weighing in pairs). */
static int pairwise_weights_differ(const struct game *g)
{
	for (size_t u = 0; u < g->nu; u++) {
		double w1 = g->ua[u] >= 0 ? g->r1->weights[g->ua[u]] : 0;
		double w2 = g->ub[u] >= 0 ? g->r2->weights[g->ub[u]] : 0;
		if (w1 != w2)
			return 1;
	}
	return 0;
}

/* Gives each difference that can move a score its player. */
static void make_players(struct game *g, struct diff *d)
{
	int pairs = g->s1->weighting == WEIGHTING_PAIRWISE ||
	            g->s2->weighting == WEIGHTING_PAIRWISE;
	for (size_t i = 0; i < d->n; i++) {
		struct diff_item *it = &d->items[i];
		int u, at;
		switch (it->kind) {
		case DIFF_CRITERION_ADDED:
		case DIFF_CRITERION_REMOVED:
			u = union_criterion(g, it->id);
			it->player = g->presence[u] = add_player(g, P_PRESENCE, (size_t)u, 0, (int)i);
			break;
		case DIFF_DEFAULT_WEIGHT:
			u = union_criterion(g, it->id);
			it->player = g->deflt[u] = add_player(g, P_DEFAULT, (size_t)u, 0, (int)i);
			break;
		case DIFF_RATING:
			u = union_criterion(g, it->id);
			at = criteria_option_index(g->b, it->option);
			it->player = g->rating[(size_t)u * g->nopt + (size_t)at] =
				add_player(g, P_RATING, (size_t)u, (size_t)at, (int)i);
			break;
		case DIFF_QUESTION_EFFECTS:
			u = union_question(g, it->id);
			it->player = g->effects[u] = add_player(g, P_EFFECTS, (size_t)u, 0, (int)i);
			break;
		case DIFF_SCALE:
			if (strcmp(it->field, "range") == 0)
				it->player = g->scale = add_player(g, P_SCALE, 0, 0, (int)i);
			break;
		case DIFF_ANSWER:
			u = union_question(g, it->id);
			it->player = g->answer[u] = add_player(g, P_ANSWER, (size_t)u, 0, (int)i);
			break;
		case DIFF_WEIGHT:
			u = union_criterion(g, it->id);
			if (pairs) {
				if (g->weighing < 0)
					g->weighing = add_player(g, P_WEIGHING, 0, 0, (int)i);
				it->player = g->weighing;
			} else if (g->ua[u] >= 0 && g->ub[u] >= 0) {
				it->player = g->weight[u] = add_player(g, P_WEIGHT, (size_t)u, 0, (int)i);
			} else {
				/* A criterion of one version only: its weight comes and goes with it. */
				it->player = g->presence[u];
			}
			break;
		case DIFF_WEIGHING:
		case DIFF_COMPARISON:
			if (g->weighing < 0)
				g->weighing = add_player(g, P_WEIGHING, 0, 0, (int)i);
			it->player = g->weighing;
			break;
		default:
			break;
		}
	}
	if (pairs && g->weighing < 0 && pairwise_weights_differ(g)) {
		struct diff_item *it = diff_add(d, DIFF_WEIGHING);
		it->field = "weights";
		it->old_text = weighting_word(g->s1->weighting);
		it->new_text = weighting_word(g->s2->weighting);
		it->player = g->weighing = add_player(g, P_WEIGHING, 0, 0, (int)(d->n - 1));
	}
	g->on = xcalloc(g->nplayers + 1, 1);
}

/* Side SIDE's (1 or 2) weight of union criterion U as the person's layer
 * gives it: *W and 1 when set (a pairwise session sets every weight), else
 * 0. A criterion that side's version lacks takes the other side's. */
static int side_weight(const struct game *g, int side, size_t u, double *w)
{
	if ((side == 1 && g->ua[u] < 0) || (side == 2 && g->ub[u] < 0))
		side = 3 - side;
	const struct session *s = side == 1 ? g->s1 : g->s2;
	const struct result *r = side == 1 ? g->r1 : g->r2;
	int k = side == 1 ? g->ua[u] : g->ub[u];
	if (s->weighting == WEIGHTING_PAIRWISE) {
		*w = r->weights[k];
		return 1;
	}
	return person_weight(s, k, w);
}

/* Builds the hybrid model and session of the coalition in G->ON. */
static void game_fill(struct game *g)
{
	const struct criteria *a = g->a, *b = g->b;
	g->hc.scale = player_on(g, g->scale) || g->scale < 0 ? b->scale : a->scale;
	for (size_t u = 0; u < g->nu; u++) {
		struct criterion *h = &g->hcrit[u];
		int ka = g->ua[u], kb = g->ub[u];
		double *row = g->hfile + u * g->nopt;
		if (kb >= 0 && (ka < 0 || g->deflt[u] < 0 || player_on(g, g->deflt[u])))
			h->default_weight = b->criteria[kb].default_weight;
		else
			h->default_weight = a->criteria[ka].default_weight;
		for (size_t o = 0; o < g->nopt; o++) {
			int p = g->rating[u * g->nopt + o];
			if (kb >= 0 && (ka < 0 || p < 0 || player_on(g, p)))
				row[o] = b->criteria[kb].ratings[o];
			else
				row[o] = g->oa[o] >= 0 ? a->criteria[ka].ratings[g->oa[o]] : 0;
		}
	}
	for (size_t q = 0; q < g->nq; q++) {
		int qa = g->qa[q], qb = g->qb[q];
		g->hq[q] = qb >= 0 && (qa < 0 || g->effects[q] < 0 || player_on(g, g->effects[q]))
		           ? g->qdef_b[q] : g->qdef_a[q];
		const char *id = g->answer[q] >= 0 && !player_on(g, g->answer[q])
		                 ? choice_id(a, g->s1, qa) : choice_id(b, g->s2, qb);
		if (g->answer[q] < 0 && qb < 0)
			id = choice_id(a, g->s1, qa);
		g->hs.choices[q] = id ? criteria_choice_index(&g->hq[q], id) : SESSION_NO_CHOICE;
	}
	int side = g->weighing >= 0 && !player_on(g, g->weighing) ? 1 : 2;
	g->hs.weighting = (side == 1 ? g->s1 : g->s2)->weighting;
	for (size_t u = 0; u < g->nu; u++) {
		int su = side;
		if (g->weighing < 0 && g->hs.weighting == WEIGHTING_RATINGS)
			su = g->weight[u] >= 0 && !player_on(g, g->weight[u]) ? 1 : 2;
		double w = 0;
		g->hs.weight_set[u] = (unsigned char)side_weight(g, su, u, &w);
		g->hs.weights[u] = w;
	}
}

/* Whether union criterion U counts in the coalition in G->ON. */
static int present(const struct game *g, size_t u)
{
	if (g->ua[u] >= 0 && g->ub[u] >= 0)
		return 1;
	return g->ub[u] >= 0 ? player_on(g, g->presence[u]) || g->presence[u] < 0
	                     : !player_on(g, g->presence[u]);
}

/* The margin, score of FIRST minus score of SECOND, in the coalition in
 * G->ON: 10 times the weighted sum of the rating gaps over the sum of the
 * weights (0 when every weight is 0). */
static double game_value(struct game *g)
{
	game_fill(g);
	score_rating_values(&g->hc, &g->hs, g->eff);
	double num = 0, total = 0;
	for (size_t u = 0; u < g->nu; u++) {
		if (!present(g, u))
			continue;
		double w = score_effective_weight(&g->hc, &g->hs, u, NULL, NULL);
		const double *r = g->eff + u * g->nopt;
		total += w;
		num += w * (r[g->first] - r[g->second]);
	}
	return total > 0 ? 10 * num / total : 0;
}

/* ---- the shares ---- */

/* The share key of player P at GROUPING: players with the same key share. */
static size_t share_key(const struct game *g, const struct player *p, enum diff_grouping how)
{
	if (how == DIFF_GROUP_KIND) {
		switch (p->kind) {
		case P_ANSWER:
			return 1;
		case P_WEIGHT:
		case P_WEIGHING:
			return 2;
		default:
			return 0;
		}
	}
	switch (p->kind) {
	case P_PRESENCE:
	case P_RATING:
	case P_DEFAULT:
	case P_WEIGHT:
		return 2 + p->u;
	case P_EFFECTS:
	case P_ANSWER:
		return 2 + g->nu + p->u;
	case P_SCALE:
		return 0;
	case P_WEIGHING:
		break;
	}
	return 1;
}

/* Puts the players into shares by HOW; returns how many. */
static size_t group_players(struct game *g, struct session_diff *out, enum diff_grouping how)
{
	free(out->shares);
	out->shares = xcalloc(g->nplayers + 1, sizeof *out->shares);
	size_t *keys = xcalloc(g->nplayers + 1, sizeof *keys);
	size_t n = 0;
	for (size_t i = 0; i < g->nplayers; i++) {
		struct player *p = &g->players[i];
		size_t key = how == DIFF_GROUP_NONE ? i : share_key(g, p, how);
		size_t s = 0;
		while (s < n && keys[s] != key)
			s++;
		if (s == n) {
			keys[n] = key;
			out->shares[n++] = (struct diff_share){ .kind = SHARE_ITEM, .item = p->item };
		}
		p->group = s;
		struct diff_share *sh = &out->shares[s];
		sh->nplayers++;
		if (sh->nplayers == 1 || how == DIFF_GROUP_NONE)
			continue;
		const struct diff_item *it = &out->diff.items[p->item];
		if (how == DIFF_GROUP_KIND) {
			sh->kind = key == 0 ? SHARE_CRITERIA_TEXT : key == 1 ? SHARE_ANSWERS
			                                                    : SHARE_WEIGHTS;
		} else if (key >= 2 && key < 2 + g->nu) {
			sh->kind = SHARE_CRITERION;
			sh->id = it->id;
			sh->name = it->name;
		} else if (key >= 2) {
			sh->kind = SHARE_QUESTION;
			sh->id = it->id;
			sh->name = it->name;
		}
	}
	/* A kind's share of one player is that player's; name the kind anyway
	 * when several kinds are shown, for a coherent list. */
	if (how == DIFF_GROUP_KIND)
		for (size_t s = 0; s < n; s++)
			out->shares[s].kind = keys[s] == 0 ? SHARE_CRITERIA_TEXT
			                     : keys[s] == 1 ? SHARE_ANSWERS : SHARE_WEIGHTS;
	free(keys);
	return n;
}

/* The exact Shapley value of each of the N shares: the average, over every
 * order of the shares, of what each adds to the margin when it joins. */
static void shapley(struct game *g, struct session_diff *out)
{
	size_t n = out->nshares;
	size_t count = (size_t)1 << n;
	double *v = xcalloc(count, sizeof *v);
	for (size_t mask = 0; mask < count; mask++) {
		for (size_t p = 0; p < g->nplayers; p++)
			g->on[p] = (unsigned char)((mask >> g->players[p].group) & 1);
		v[mask] = game_value(g);
	}
	out->from = v[0];
	out->to = v[count - 1];
	/* w[s] = s! (n - s - 1)! / n!: the share of the orders in which a
	 * player joins a given coalition of s others. */
	double w[DIFF_MAX_PLAYERS + 1];
	for (size_t s = 0; s < n; s++) {
		double x = 1.0 / (double)n;
		for (size_t k = 1; k <= s; k++)
			x *= (double)k / (double)(n - k);
		w[s] = x;
	}
	for (size_t i = 0; i < n; i++) {
		double phi = 0;
		size_t bit = (size_t)1 << i;
		for (size_t mask = 0; mask < count; mask++) {
			if (mask & bit)
				continue;
			phi += w[__builtin_popcountll(mask)] * (v[mask | bit] - v[mask]);
		}
		out->shares[i].value = phi;
	}
	free(v);
}

/* The option of B with the id of A's option K, or -1. */
static int new_option(const struct criteria *a, const struct criteria *b, size_t k)
{
	return criteria_option_index(b, a->options[k].id);
}

static int same_options(const struct criteria *a, const struct criteria *b)
{
	if (a->noptions != b->noptions)
		return 0;
	for (size_t o = 0; o < a->noptions; o++)
		if (new_option(a, b, o) < 0)
			return 0;
	return 1;
}

void session_diff(const struct criteria *a, const struct session *s1, const struct criteria *b,
                  const struct session *s2, struct session_diff *out)
{
	memset(out, 0, sizeof *out);
	diff_criteria(a, b, &out->diff);
	session_texts(s1, s2, &out->diff);
	answers(a, s1, b, s2, &out->diff);
	weights(a, s1, b, s2, &out->diff);
	if (s1->weighting != s2->weighting) {
		struct diff_item *it = diff_add(&out->diff, DIFF_WEIGHING);
		it->field = "method";
		it->old_text = weighting_word(s1->weighting);
		it->new_text = weighting_word(s2->weighting);
	}
	comparisons(a, s1, b, s2, &out->diff);
	out->st_old = score_session(a, s1, &out->old_result);
	out->st_new = score_session(b, s2, &out->new_result);
	if (!same_options(a, b)) {
		out->refusal = DIFF_OPTIONS_DIFFER;
		return;
	}
	if (out->st_old != SCORE_OK || out->st_new != SCORE_OK) {
		out->refusal = DIFF_NOT_SCORED;
		return;
	}
	struct game g;
	game_init(&g, a, s1, &out->old_result, b, s2, &out->new_result);
	make_players(&g, &out->diff);
	g.first = out->new_result.ranking[0];
	int old_first = new_option(a, b, out->old_result.ranking[0]);
	g.second = (size_t)old_first != g.first ? (size_t)old_first : out->new_result.ranking[1];
	out->first = g.first;
	out->second = g.second;
	out->nplayers = g.nplayers;
	out->grouping = DIFF_GROUP_NONE;
	out->nshares = group_players(&g, out, DIFF_GROUP_NONE);
	if (out->nshares > DIFF_MAX_PLAYERS) {
		out->grouping = DIFF_GROUP_SUBJECT;
		out->nshares = group_players(&g, out, DIFF_GROUP_SUBJECT);
	}
	if (out->nshares > DIFF_MAX_PLAYERS) {
		out->grouping = DIFF_GROUP_KIND;
		out->nshares = group_players(&g, out, DIFF_GROUP_KIND);
	}
	out->player_share = xcalloc(g.nplayers + 1, sizeof *out->player_share);
	for (size_t p = 0; p < g.nplayers; p++)
		out->player_share[p] = g.players[p].group;
	shapley(&g, out);
	game_free(&g);
}

void session_diff_free(struct session_diff *d)
{
	if (!d)
		return;
	diff_free(&d->diff);
	if (d->st_old == SCORE_OK)
		result_free(&d->old_result);
	if (d->st_new == SCORE_OK)
		result_free(&d->new_result);
	free(d->shares);
	free(d->player_share);
	memset(d, 0, sizeof *d);
}
