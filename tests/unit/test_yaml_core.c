/* layer: model */
/* test_yaml_core.c - plain scalars as YAML 1.2's core schema reads them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <cmocka.h>

#include "yaml_core.h"

static void expect_type(const char *const texts[], enum ycore_type want)
{
	for (size_t i = 0; texts[i]; i++)
		if (ycore_resolve(texts[i]) != want)
			fail_msg("'%s' resolves to %d, expected %d", texts[i],
			         (int)ycore_resolve(texts[i]), (int)want);
}

static void test_resolve(void **state)
{
	(void)state;
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL", NULL };
	static const char *const bools[] = {
		"true", "True", "TRUE", "false", "False", "FALSE", NULL,
	};
	static const char *const ints[] = {
		"0", "7", "+7", "-7", "007", "0o17", "0x1F", "0xff", "0o0", "123456789012345678901234567890",
		NULL,
	};
	static const char *const floats[] = {
		"1.5", ".5", "5.", "-.5", "+5.", "1e3", "1E3", "1e+3", "1e-320", "-1.5e-3", ".inf",
		"-.Inf", "+.INF", ".nan", ".NaN", ".NAN", NULL,
	};
	/* Text in YAML 1.2, whatever YAML 1.1 or strtod make of them. */
	static const char *const texts[] = {
		"nul", "NuLL", "yes", "no", "on", "off", "y", "n", "tRUE", "1_000", "0b101", "0O17",
		"0X1F", "-0x1F", "+0o7", "0x", "0o", "0o8", "0xg", "1:30", ".", "+", "-", "e3", ".e3",
		"1e", "1e+", "1.2.3", "inf", "nan", "-nan", "infinity", ".Nan", "+.nan", "-.nan",
		"0x1p3", " 1", "1 ", "1,5", "１", "1e3.5", "--1", NULL,
	};
	expect_type(nulls, YCORE_NULL);
	for (size_t i = 0; nulls[i]; i++)
		assert_true(ycore_is_null(nulls[i]));
	for (size_t i = 0; texts[i]; i++)
		assert_false(ycore_is_null(texts[i]));
	for (size_t i = 0; bools[i]; i++)
		assert_false(ycore_is_null(bools[i]));
	expect_type(bools, YCORE_BOOL);
	expect_type(ints, YCORE_INT);
	expect_type(floats, YCORE_FLOAT);
	expect_type(texts, YCORE_STR);
}

static void test_number(void **state)
{
	(void)state;
	assert_true(ycore_number("0x1F") == 31);
	assert_true(ycore_number("0o17") == 15);
	assert_true(ycore_number("+7") == 7);
	assert_true(ycore_number("-7") == -7);
	assert_true(ycore_number("007") == 7);   /* decimal in 1.2, not octal */
	assert_true(ycore_number("2.5") == 2.5);
	assert_true(ycore_number(".5") == 0.5);
	assert_true(ycore_number("5.") == 5);
	/* A subnormal is a value, not an error; below it, 0. */
	assert_true(ycore_number("1e-320") > 0 && ycore_number("1e-320") < 1e-300);
	assert_true(ycore_number("1e-400") == 0);
	assert_true(isinf(ycore_number("1e999")) && ycore_number("1e999") > 0);
	assert_true(isinf(ycore_number(".inf")) && ycore_number(".inf") > 0);
	assert_true(isinf(ycore_number("-.INF")) && ycore_number("-.INF") < 0);
	assert_true(isnan(ycore_number(".nan")));
	assert_true(isnan(ycore_number("yes")));
	assert_true(isnan(ycore_number("0x1p3")));
	assert_true(ycore_number("0xFFFFFFFFFFFFFFFFFFFF") > 1e24);
	assert_true(ycore_is_inf("+.Inf"));
	assert_false(ycore_is_inf("inf"));
	assert_true(ycore_is_nan(".NaN"));
	assert_false(ycore_is_nan("-.nan"));
}

/* The integer fast path gives exactly what ycore_number() (strtod) gives,
 * and leaves alone what is not [-+]?[0-9]{1,15}. */
static void test_small_integer(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		double value;
	} yes[] = {
		{ "0", 0 }, { "7", 7 }, { "007", 7 }, { "+5", 5 }, { "-5", -5 }, { "-0", -0.0 },
		{ "+0", 0 }, { "10", 10 }, { "999999999999999", 999999999999999.0 },
		{ "-999999999999999", -999999999999999.0 }, { "000000000000001", 1 },
	};
	static const char *const no[] = {
		"", "-", "+", " 5", "5 ", "1e3", "1.0", "1.", ".5", "0x10", "0o7", "9999999999999999999",
		"1000000000000000", "0000000000000000", "--1", "+-1", "1_000", "５", ".inf", "~", NULL,
	};
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		double v = 12345, ref = ycore_number(yes[i].text);
		if (!ycore_small_integer(yes[i].text, &v))
			fail_msg("'%s' not taken", yes[i].text);
		assert_memory_equal(&v, &yes[i].value, sizeof v);     /* -0 stays -0 */
		assert_memory_equal(&v, &ref, sizeof v);
		assert_int_equal(ycore_resolve(yes[i].text), YCORE_INT);
	}
	for (size_t i = 0; no[i]; i++) {
		double v = 12345;
		if (ycore_small_integer(no[i], &v))
			fail_msg("'%s' taken as %g", no[i], v);
		assert_true(v == 12345);
	}
	assert_true(signbit(ycore_number("-0")));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_integer),
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_number),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
