/* score_weight.c - a criterion's effective weight: the criteria file's
 * default moved by the chosen profile answers and clamped to the scale, or
 * the person's own. The rule is written once, in tally_add() (the deltas
 * summed, the biggest remembered) and tally_weight() (the clamp and where
 * the weight came from); the one-criterion reads and the whole-set pass of
 * score_session() both go through them. Pure, like score.c. */
#include "score.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "score_internal.h"
#include "xalloc.h"

static double clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static void tally_start(struct weight_tally *t)
{
	*t = (struct weight_tally){ .sum = 0, .big = 0, .cause = -1 };
}

/* Question Q's chosen answer changes the weight by DELTA. Of equal changes
 * the first (the earliest question) stays the biggest. */
static void tally_add(struct weight_tally *t, size_t q, double delta)
{
	t->sum += delta;
	if (fabs(delta) > t->big) {
		t->big = fabs(delta);
		t->cause = (int)q;
	}
}

/* Criterion K's weight from its tally T: the default plus the sum, clamped
 * to the scale. *SOURCE becomes WEIGHT_PROFILE when that moved the weight,
 * else WEIGHT_DEFAULT with T's cause cleared to -1 (answers that cancel, or
 * a clamp back onto the default, move nothing). */
static double tally_weight(const struct criteria *c, size_t k, struct weight_tally *t,
                           enum weight_source *source)
{
	double def = c->criteria[k].default_weight;
	double w = clamp(def + t->sum, c->scale.min, c->scale.max);
	if (w == def) {
		*source = WEIGHT_DEFAULT;
		t->cause = -1;
	} else {
		*source = WEIGHT_PROFILE;
	}
	return w;
}

/* Whether the person set criterion K's weight in S; if so, it (clamped to
 * the scale) into *W. A session that weighs in pairs reaches here with the
 * weights of its comparisons (score_session()), which are on the scale
 * already or 0 for a criterion left out, and are kept as they are. */
static int person_weight(const struct criteria *c, const struct session *s, size_t k, double *w)
{
	if (!s || k >= s->ncriteria || !s->weight_set[k])
		return 0;
	*w = s->weighting == WEIGHTING_PAIRWISE ? s->weights[k]
	                                        : clamp(s->weights[k], c->scale.min, c->scale.max);
	return 1;
}

/* Appends question Q's cause of DELTA to CAUSES, which has room for *ROOM. */
static void causes_add(struct weight_causes *causes, size_t *room, size_t q, int choice,
                       double delta)
{
	if (causes->count == *room) {
		*room = *room ? *room * 2 : 4;
		causes->items = xreallocarray(causes->items, *room, sizeof *causes->items);
	}
	causes->items[causes->count++] = (struct cause){ .question = q, .choice = (size_t)choice,
	                                                 .delta = delta };
}

/* Criterion K's weight from S's chosen answers alone, with its source and
 * biggest cause; each answer that moved it is appended to CAUSES (already
 * emptied) when that is not NULL. */
static double profile_weight(const struct criteria *c, const struct session *s, size_t k,
                             enum weight_source *source, int *biggest,
                             struct weight_causes *causes)
{
	struct weight_tally t;
	tally_start(&t);
	size_t room = 0;
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct choice *ch = score_chosen(c, s, q);
		if (!ch)
			continue;
		for (size_t d = 0; d < ch->ndeltas; d++) {
			if (ch->deltas[d].criterion != k)
				continue;
			tally_add(&t, q, ch->deltas[d].delta);
			if (causes && ch->deltas[d].delta != 0)
				causes_add(causes, &room, q, s->choices[q], ch->deltas[d].delta);
		}
	}
	double w = tally_weight(c, k, &t, source);
	*biggest = t.cause;
	return w;
}

double score_profile_weight(const struct criteria *c, const struct session *s, size_t k,
                            struct weight_causes *causes)
{
	enum weight_source source;
	int biggest;
	if (causes)
		*causes = (struct weight_causes){ .source = WEIGHT_DEFAULT, .biggest = -1 };
	double w = profile_weight(c, s, k, &source, &biggest, causes);
	if (causes) {
		causes->source = source;
		causes->biggest = biggest;
	}
	return w;
}

void weight_causes_free(struct weight_causes *causes)
{
	if (!causes)
		return;
	free(causes->items);
	*causes = (struct weight_causes){ .source = WEIGHT_DEFAULT, .biggest = -1 };
}

double score_effective_weight(const struct criteria *c, const struct session *s, size_t i,
                              enum weight_source *source, int *cause)
{
	enum weight_source src_local;
	int cause_local;
	if (!source)
		source = &src_local;
	if (!cause)
		cause = &cause_local;
	double w;
	if (person_weight(c, s, i, &w)) {
		*source = WEIGHT_PERSON;
		*cause = -1;
		return w;
	}
	return profile_weight(c, s, i, source, cause, NULL);
}

void score_weights(const struct criteria *c, const struct session *s, struct result *r,
                   struct weight_tally *tally)
{
	size_t m = c->ncriteria;
	for (size_t i = 0; i < m; i++)
		tally_start(&tally[i]);
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct choice *ch = score_chosen(c, s, q);
		if (!ch)
			continue;
		for (size_t d = 0; d < ch->ndeltas; d++)
			tally_add(&tally[ch->deltas[d].criterion], q, ch->deltas[d].delta);
	}
	for (size_t i = 0; i < m; i++) {
		if (person_weight(c, s, i, &r->weights[i])) {
			r->weight_source[i] = s->weighting == WEIGHTING_PAIRWISE ? WEIGHT_PAIRWISE
			                                                         : WEIGHT_PERSON;
			r->weight_cause[i] = -1;
		} else {
			r->weights[i] = tally_weight(c, i, &tally[i], &r->weight_source[i]);
			r->weight_cause[i] = tally[i].cause;
		}
	}
}

/* The answers R was scored with, as a session of choices alone (no
 * person's weights), for score_profile_weight(). */
static struct session answers_of(const struct result *r)
{
	return (struct session){ .nquestions = r->nquestions, .choices = r->choices };
}

double score_answers_weight(const struct criteria *c, const struct result *r, size_t i,
                            struct weight_causes *causes)
{
	struct session s = answers_of(r);
	return score_profile_weight(c, &s, i, causes);
}

/* At most MAX of CAUSES' items into OUT; how many there are. Frees CAUSES. */
static size_t causes_out(struct weight_causes *causes, struct cause *out, size_t max)
{
	size_t n = causes->count;
	if (n && max)
		memcpy(out, causes->items, (n < max ? n : max) * sizeof *out);
	weight_causes_free(causes);
	return n;
}

size_t score_weight_causes(const struct criteria *c, const struct result *r, size_t i,
                           struct cause *out, size_t max)
{
	if (i >= r->ncriteria || r->weight_source[i] == WEIGHT_PERSON ||
	    r->weight_source[i] == WEIGHT_PAIRWISE)
		return 0;
	struct weight_causes causes;
	score_answers_weight(c, r, i, &causes);
	return causes_out(&causes, out, max);
}

size_t score_profile_causes(const struct criteria *c, const struct session *s, size_t i,
                            struct cause *out, size_t max)
{
	if (!s || i >= c->ncriteria)
		return 0;
	struct weight_causes causes;
	score_profile_weight(c, s, i, &causes);
	return causes_out(&causes, out, max);
}
