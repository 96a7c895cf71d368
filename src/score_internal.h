/* score_internal.h - what score.c, score_weight.c and score_explain.c
 * share, and no other file needs. */
#ifndef VERDICT_SCORE_INTERNAL_H
#define VERDICT_SCORE_INTERNAL_H

#include <stddef.h>

#include "criteria.h"
#include "score.h"
#include "session.h"

/* Differences of scores, in points, smaller than this are rounding. */
#define SCORE_EPS 1e-9

/* The chosen choice of question Q in session S, or NULL (none, or S NULL). */
const struct choice *score_chosen(const struct criteria *c, const struct session *s, size_t q);

/* Every rating of C as session S makes it, into RATINGS [ncriteria *
 * noptions], a row per criterion: the file's, replaced by a chosen answer's
 * (of two answers replacing the same rating, the later question's). */
void score_rating_values(const struct criteria *c, const struct session *s, double *ratings);

/* How the chosen answers move one criterion's weight, as they are added up
 * (score_weight.c). */
struct weight_tally {
	double sum;             /* the deltas so far */
	double big;             /* the largest of them, in size */
	int cause;              /* its question, or -1 */
};

/* Every criterion's effective weight, its source and its biggest cause into
 * R (weights, weight_source, weight_cause), by the rule of
 * score_effective_weight(), in one pass over the chosen deltas so that a
 * large set costs criteria + deltas, not their product. TALLY is scratch
 * for [ncriteria]. */
void score_weights(const struct criteria *c, const struct session *s, struct result *r,
                   struct weight_tally *tally);

/* A session that weighs in pairs (score_pairwise.c): each criterion's
 * weight on the scale from S's comparisons into WEIGHTS [ncriteria] (0 for
 * one left out), and how the comparisons came out into *OUT, which
 * pairwise_info_free() frees. SCORE_PAIRWISE_INCOMPLETE, with *OUT NULL,
 * when some matrix that needs comparisons has none or they do not link. */
enum score_status score_pairwise(const struct criteria *c, const struct session *s,
                                 double *weights, struct pairwise_info **out);
void pairwise_info_free(struct pairwise_info *p);

#endif
