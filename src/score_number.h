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

#endif
