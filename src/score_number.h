/* score_number.h - the numbers of a result as every text writes them: the
 * sentences and reports (score_format.h) and the calibration examples'
 * messages (examples.h). Pure. */
#ifndef VERDICT_SCORE_NUMBER_H
#define VERDICT_SCORE_NUMBER_H

#include <stddef.h>

/* V with at most DECIMALS decimals, trailing zeros dropped, never "-0":
 * "3", "4.5", "72.41". Returns BUF. */
char *score_number(char *buf, size_t len, double v, int decimals);
/* Points on the 0..100 scale (scores, margins, contributions) with exactly
 * one decimal, so that "77.0" and "59.1" stand side by side. Returns BUF. */
char *score_points(char *buf, size_t len, double v);
/* A share of the whole weight (0..1) as a percentage with at most one
 * decimal: "32.7%", "6%"; a share above 0 that would round to 0 is
 * "under 0.1%", so a criterion that counts never reads as counting for
 * nothing. Returns BUF. */
char *score_share_text(char *buf, size_t len, double share);
/* The same, beside a word that rests on thresholds (a strength, "under 1"):
 * one decimal, or as many more (up to 6) as it takes for the figure shown
 * to sit on the same side of each of the N THRESHOLDS as V does (a value
 * within 1e-9 below a threshold counts as reaching it, as the strength
 * does), so that 7.957 beside "leaning" (clear from 8) reads "7.96", never
 * "8.0". Returns BUF. */
char *score_points_beside(char *buf, size_t len, double v, const double *thresholds,
                          size_t n);

#endif
