/* examples.h - a criteria set's calibration examples, scored and compared
 * with what each must conclude.
 *
 * A criteria file may carry examples (answers, the winner they must give, and
 * the strengths allowed). `verdict check` runs them, as a test suite runs
 * its tests, so that a change of a rating or weight that turns the advice
 * is caught where it is made. Pure: no I/O; misses become diagnostics. */
#ifndef VERDICT_EXAMPLES_H
#define VERDICT_EXAMPLES_H

#include <stddef.h>

#include "criteria.h"
#include "diag.h"

/* Scores every example of C and adds a diagnostic at the example's line and
 * column for each one whose result differs from what it expects, naming the
 * winner, strength and margin it got. Returns how many missed. */
size_t examples_check(const struct criteria *c, struct diags *d);

#endif
