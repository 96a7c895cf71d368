/* layer: faces */
/* test_paper.c - the paper a report is laid out for by default: letter for
 * the locales of the countries that use it, A4 for every other
 * (cli_paper_for_locale(), cli_report.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "cli_report.h"

static void test_letter(void **state)
{
	(void)state;
	static const char *const names[] = {
		"en_US", "en_US.UTF-8", "en_US.utf8", "es_US.UTF-8", "en_CA.UTF-8", "fr_CA.UTF-8",
		"es_MX.UTF-8", "es_PR", "en_PH.UTF-8", "fil_PH", "es_CL.UTF-8", "es_CO.UTF-8",
		"es_VE.UTF-8", "es_CR", "es_GT", "es_NI", "es_PA", "es_SV", "es_DO.UTF-8",
		"en_US.ISO-8859-1@euro",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (cli_paper_for_locale(names[i]) != REPORT_PAPER_LETTER)
			fail_msg("%s should be letter", names[i]);
}

static void test_a4(void **state)
{
	(void)state;
	static const char *const names[] = {
		"en_GB.UTF-8", "de_DE.UTF-8@euro", "fr_FR", "ja_JP.UTF-8", "es_ES.UTF-8", "es_AR",
		"pt_BR.UTF-8", "en_AU.UTF-8", "en_IN", "C", "C.UTF-8", "POSIX", "", "en",
		"en_USA", "en_U", "_US", "xx_us",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (cli_paper_for_locale(names[i]) != REPORT_PAPER_A4)
			fail_msg("'%s' should be A4", names[i]);
	assert_int_equal(cli_paper_for_locale(NULL), REPORT_PAPER_A4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_letter),
		cmocka_unit_test(test_a4),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
