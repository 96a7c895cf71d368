/* clock.c - the time of day, which tests can fix. */
#include "clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "verror.h"

/* The latest VERDICT_NOW: 9999-12-31 23:59:59 UTC, the last second that
 * the reports' dates (four-digit years) can show. */
#define CLOCK_MAX CLOCK_MAX_TIME

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

/* Writes N digits of V, zero-padded, at P. */
static char *digits(char *p, unsigned v, int n)
{
	for (int i = n - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + n;
}

/* T as "YYYY-MM-DD" SEP "hh:mm", then ":ss" when SECONDS, into P (at most
 * 19 bytes, no NUL), by arithmetic: the days since 1970 to a civil date
 * (the proleptic Gregorian calendar, as gmtime()). Only for 0 <= T <=
 * CLOCK_MAX_TIME (years 1970 to 9999); returns the end, or NULL outside. */
static char *civil(time_t t, char sep, int seconds, char *p)
{
	if (t < 0 || t > CLOCK_MAX_TIME)
		return NULL;
	unsigned long long secs = (unsigned long long)t;
	unsigned long long days = secs / 86400;
	unsigned sod = (unsigned)(secs % 86400);
	/* Days to year, month, day: eras of 400 years from 0000-03-01. */
	unsigned long long z = days + 719468;
	unsigned long long era = z / 146097;
	unsigned doe = (unsigned)(z - era * 146097);                      /* 0..146096 */
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* 0..399 */
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);            /* 0..365 */
	unsigned mp = (5 * doy + 2) / 153;                                 /* 0..11, from March */
	unsigned d = doy - (153 * mp + 2) / 5 + 1;
	unsigned m = mp < 10 ? mp + 3 : mp - 9;
	unsigned y = (unsigned)(yoe + era * 400) + (m <= 2);
	p = digits(p, y, 4);
	*p++ = '-';
	p = digits(p, m, 2);
	*p++ = '-';
	p = digits(p, d, 2);
	*p++ = sep;
	p = digits(p, sod / 3600, 2);
	*p++ = ':';
	p = digits(p, sod / 60 % 60, 2);
	if (seconds) {
		*p++ = ':';
		p = digits(p, sod % 60, 2);
	}
	return p;
}

size_t clock_format_into(time_t t, int iso, char *out)
{
	char *end = civil(t, iso ? 'T' : ' ', iso, out);
	if (end) {
		memcpy(end, iso ? "Z" : " UTC", iso ? 2 : 5);
		return (size_t)(end - out) + (iso ? 1 : 4);
	}
	/* Outside the years 1970 to 9999 (a file edited by hand): the C
	 * library's, as before. */
	struct tm tm;
	if (!gmtime_r(&t, &tm) || !strftime(out, CLOCK_TEXT_MAX, iso ? "%Y-%m-%dT%H:%M:%SZ"
	                                                            : "%Y-%m-%d %H:%M UTC", &tm))
		out[0] = '\0';
	return strlen(out);
}

/* T as text (ISO or not) into BUF of LEN bytes. */
static void format_into_buffer(time_t t, int iso, char *buf, size_t len)
{
	char text[CLOCK_TEXT_MAX];
	size_t n = clock_format_into(t, iso, text);
	if (len) {    /* as strftime(): nothing when it does not fit */
		n = n < len ? n : 0;
		memcpy(buf, text, n);
		buf[n] = '\0';
	}
}

void clock_format(time_t t, char *buf, size_t len)
{
	format_into_buffer(t, 0, buf, len);
}

void clock_format_iso(time_t t, char *buf, size_t len)
{
	format_into_buffer(t, 1, buf, len);
}
