/* score_internal.h - what score.c and score_explain.c share, and no other
 * file needs. */
#ifndef VERDICT_SCORE_INTERNAL_H
#define VERDICT_SCORE_INTERNAL_H

#include <stddef.h>

#include "criteria.h"
#include "session.h"

/* Differences of scores, in points, smaller than this are rounding. */
#define SCORE_EPS 1e-9

/* The chosen choice of question Q in session S, or NULL (none, or S NULL). */
const struct choice *score_chosen(const struct criteria *c, const struct session *s, size_t q);

#endif
