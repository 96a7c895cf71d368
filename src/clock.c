/* clock.c - the time of day, which tests can fix. */
#include "clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "verror.h"

/* The latest VERDICT_NOW: 9999-12-31 23:59:59 UTC, the last second that
 * the reports' dates (four-digit years) can show. */
#define CLOCK_MAX 253402300799LL

/* VERDICT_NOW's value: *SET is 0 when it is unset or empty (the real clock),
 * else 1 with the time in *OUT. Returns 0, or -1 when it is not a time. */
static int fixed_time(int *set, long long *out)
{
	const char *fixed = getenv("VERDICT_NOW");
	*set = 0;
	if (!fixed || !*fixed)
		return 0;
	if (strspn(fixed, "0123456789") != strlen(fixed) || strlen(fixed) > 18)
		return -1;      /* 18 digits cannot overflow a long long */
	long long v = strtoll(fixed, NULL, 10);
	if (v > CLOCK_MAX)
		return -1;
	*set = 1;
	*out = v;
	return 0;
}

int clock_check(struct verror *err)
{
	int set;
	long long v;
	if (fixed_time(&set, &v) == 0)
		return 0;
	/* The value as given, cut short: the face cleans it when it prints. */
	const char *shown = getenv("VERDICT_NOW");
	return verror_set(err, VERROR_USAGE, "VERDICT_NOW='%.40s' is not a time: give whole seconds "
	                  "since 1970-01-01 00:00 UTC, from 0 to %lld (the end of the year "
	                  "9999), or leave it unset for the real clock", shown, CLOCK_MAX);
}

time_t clock_now(void)
{
	int set;
	long long v;
	if (fixed_time(&set, &v) == 0 && set)
		return (time_t)v;
	return time(NULL);
}

void clock_format(time_t t, char *buf, size_t len)
{
	struct tm tm;
	if (!gmtime_r(&t, &tm) || !strftime(buf, len, "%Y-%m-%d %H:%M UTC", &tm))
		if (len)
			buf[0] = '\0';
}

void clock_format_iso(time_t t, char *buf, size_t len)
{
	struct tm tm;
	if (!gmtime_r(&t, &tm) || !strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm))
		if (len)
			buf[0] = '\0';
}
