/* clock.h - the time of day, which tests can fix.
 *
 * VERDICT_NOW, when set to a number of seconds since 1970 (UTC), stands in for
 * the clock, so that stored timestamps and report dates are repeatable. */
#ifndef VERDICT_CLOCK_H
#define VERDICT_CLOCK_H

#include <stddef.h>
#include <time.h>

time_t clock_now(void);
/* Formats T as "2026-11-26 14:03 UTC" into BUF. */
void clock_format(time_t t, char *buf, size_t len);
/* Formats T as "2026-11-26T14:03:00Z" into BUF. */
void clock_format_iso(time_t t, char *buf, size_t len);

#endif
