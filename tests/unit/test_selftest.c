/* layer: scoring */
/* test_selftest.c - the published cases of `verdict selftest`
 * (selftest.c): every figure is there, with its source, and matches. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <string.h>
#include <cmocka.h>

#include "selftest.h"

static void test_all_pass(void **state)
{
	(void)state;
	struct selftest_result r;
	selftest_run(&r);
	assert_int_equal(r.ncases, 4);
	assert_int_equal(r.nfigures, 4 + 6 + 5 + 8);
	assert_int_equal(r.nmisses, 0);
	for (size_t k = 0; k < r.ncases; k++) {
		assert_non_null(r.cases[k].title);
		assert_non_null(r.cases[k].source);
		for (size_t i = 0; i < r.cases[k].nfigures; i++)
			assert_true(r.cases[k].figures[i].ok);
	}
}

/* The figures are the published ones, and the check is as tight as their
 * precision: 0.002 for Saaty's weights and ratios, half a unit of the
 * sixth decimal for TOPSIS. */
static void test_figures(void **state)
{
	(void)state;
	struct selftest_result r;
	selftest_run(&r);
	const struct selftest_case *saaty = &r.cases[1], *topsis = &r.cases[2];
	assert_string_equal(saaty->figures[1].name, "weight of Family");
	assert_true(saaty->figures[1].expected == 0.433);
	assert_true(fabs(saaty->figures[1].computed - 0.433454368081248) < 1e-9);
	assert_true(saaty->figures[5].expected == 0.050);
	assert_true(fabs(saaty->figures[5].computed - 0.0502757189577386) < 1e-9);
	assert_true(saaty->figures[5].tolerance == 0.002);
	assert_true(topsis->figures[0].expected == 0.535497);
	assert_true(topsis->figures[0].tolerance <= 0.0000005);
	assert_int_equal(topsis->figures[0].decimals, 6);
	assert_true(fabs(r.cases[0].figures[3].computed - 0.0331992159984228) < 1e-9);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_all_pass),
		cmocka_unit_test(test_figures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
