/* layer: base */
/* test_clock.c - the dates clock_format() and clock_format_iso() write by
 * arithmetic: exact on the edges of the calendar, and the same as the C
 * library's gmtime() and strftime() across the years 1970 to 9999. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <time.h>

#include "clock.h"

static void expect(time_t t, const char *text, const char *iso)
{
	char buf[CLOCK_TEXT_MAX];
	clock_format(t, buf, sizeof buf);
	assert_string_equal(buf, text);
	clock_format_iso(t, buf, sizeof buf);
	assert_string_equal(buf, iso);
	assert_int_equal(clock_format_into(t, 1, buf), strlen(iso));
	assert_int_equal(clock_format_into(t, 0, buf), strlen(text));
}

static void test_edges(void **state)
{
	(void)state;
	expect(0, "1970-01-01 00:00 UTC", "1970-01-01T00:00:00Z");
	expect(59, "1970-01-01 00:00 UTC", "1970-01-01T00:00:59Z");
	expect(86399, "1970-01-01 23:59 UTC", "1970-01-01T23:59:59Z");
	expect(951782400, "2000-02-29 00:00 UTC", "2000-02-29T00:00:00Z");
	expect(951868799, "2000-02-29 23:59 UTC", "2000-02-29T23:59:59Z");
	expect(951868800, "2000-03-01 00:00 UTC", "2000-03-01T00:00:00Z");
	expect(1078012800, "2004-02-29 00:00 UTC", "2004-02-29T00:00:00Z");
	/* 2100 is not a leap year: February has 28 days. */
	expect(4107542399, "2100-02-28 23:59 UTC", "2100-02-28T23:59:59Z");
	expect(4107542400, "2100-03-01 00:00 UTC", "2100-03-01T00:00:00Z");
	expect(1700000000, "2023-11-14 22:13 UTC", "2023-11-14T22:13:20Z");
	expect(1709164800, "2024-02-29 00:00 UTC", "2024-02-29T00:00:00Z");
	expect(1735689599, "2024-12-31 23:59 UTC", "2024-12-31T23:59:59Z");
	/* The latest time the store takes (VERDICT_NOW): the end of 9999. */
	expect(CLOCK_MAX_TIME, "9999-12-31 23:59 UTC", "9999-12-31T23:59:59Z");
	/* Outside it (a file edited by hand), the C library's text. */
	expect(CLOCK_MAX_TIME + 1, "10000-01-01 00:00 UTC", "10000-01-01T00:00:00Z");
	expect(-1, "1969-12-31 23:59 UTC", "1969-12-31T23:59:59Z");
	expect(-86400L * 365, "1969-01-01 00:00 UTC", "1969-01-01T00:00:00Z");
}

/* A buffer too small holds nothing, as strftime() leaves it. */
static void test_small_buffer(void **state)
{
	(void)state;
	char buf[8] = "xxxxxxx";
	clock_format(0, buf, sizeof buf);
	assert_string_equal(buf, "");
	char fits[21];
	clock_format_iso(0, fits, sizeof fits);
	assert_string_equal(fits, "1970-01-01T00:00:00Z");
	clock_format_iso(0, fits, sizeof fits - 1);
	assert_string_equal(fits, "");
}

/* Every day's first and last second and a time in between (every day to
 * the 25th century, every week after), 1970 to 9999,
 * against gmtime() and strftime(). */
static void test_against_libc(void **state)
{
	(void)state;
	for (long long day = 0; day * 86400 <= CLOCK_MAX_TIME; day += day < 200000 ? 1 : 7) {
		time_t ts[] = { (time_t)(day * 86400), (time_t)(day * 86400 + 86399),
		                (time_t)(day * 86400 + (day * 7919) % 86400) };
		for (size_t i = 0; i < 3; i++) {
			struct tm tm;
			char want[64], got[CLOCK_TEXT_MAX];
			assert_non_null(gmtime_r(&ts[i], &tm));
			strftime(want, sizeof want, "%Y-%m-%d %H:%M UTC", &tm);
			clock_format(ts[i], got, sizeof got);
			assert_string_equal(got, want);
			strftime(want, sizeof want, "%Y-%m-%dT%H:%M:%SZ", &tm);
			clock_format_iso(ts[i], got, sizeof got);
			assert_string_equal(got, want);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_small_buffer),
		cmocka_unit_test(test_against_libc),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
