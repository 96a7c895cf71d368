/* clock.h - the time of day, which tests can fix.
 *
 * VERDICT_NOW, when set to a number of seconds since 1970 (UTC), stands in for
 * the clock, so that stored timestamps and report dates are repeatable; any
 * other value is an error the command line reports (clock_check()). */
#ifndef VERDICT_CLOCK_H
#define VERDICT_CLOCK_H

#include <stddef.h>
#include <time.h>

#include "verror.h"

/* The time: VERDICT_NOW when it is set and valid, else the real clock. */
time_t clock_now(void);
/* Checks VERDICT_NOW: unset, empty, or whole seconds from 0 to the end of
 * the year 9999 (253402300799). Returns 0, or -1 with a sentence for a
 * person in ERR (VERROR_USAGE) that quotes the value. */
int clock_check(struct verror *err);
/* The latest time VERDICT_NOW may give: the end of the year 9999. */
#define CLOCK_MAX_TIME 253402300799LL
/* Room for clock_format_into()'s text, with its NUL. */
#define CLOCK_TEXT_MAX 64
/* Formats T into OUT (CLOCK_TEXT_MAX bytes) as clock_format() (ISO 0) or
 * clock_format_iso() (ISO 1) do, and returns its length; the text ends in
 * a NUL. No printf or strftime for the years 1970 to 9999. */
size_t clock_format_into(time_t t, int iso, char *out);
/* Formats T as "2026-11-26 14:03 UTC" into BUF (cut to fit LEN). */
void clock_format(time_t t, char *buf, size_t len);
/* Formats T as "2026-11-26T14:03:00Z" into BUF. */
void clock_format_iso(time_t t, char *buf, size_t len);

#endif
