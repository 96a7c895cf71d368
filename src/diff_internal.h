/* diff_internal.h - what diff_criteria.c and diff_session.c share, and no
 * other file needs. */
#ifndef VERDICT_DIFF_INTERNAL_H
#define VERDICT_DIFF_INTERNAL_H

#include "diff.h"

/* A new item of KIND at the end of D, zeroed but for PLAYER (-1). */
struct diff_item *diff_add(struct diff *d, enum diff_kind kind);

/* Whether two texts (either may be NULL) are the same. */
int diff_same_text(const char *a, const char *b);

/* Whether the choices of question QA of A and QB of B move weights and
 * ratings alike: the same choice ids, each with the same deltas (by
 * criterion id) and the same replaced ratings (by criterion and option id). */
int diff_same_effects(const struct criteria *a, const struct question *qa,
                      const struct criteria *b, const struct question *qb);

#endif
