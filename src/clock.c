/* clock.c - the time of day, which tests can fix. */
#include "clock.h"

#include <errno.h>
#include <stdlib.h>

time_t clock_now(void)
{
	const char *fixed = getenv("VERDICT_NOW");
	if (fixed && *fixed) {
		char *end;
		errno = 0;
		long long v = strtoll(fixed, &end, 10);
		if (!errno && !*end && v >= 0)
			return (time_t)v;
	}
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
