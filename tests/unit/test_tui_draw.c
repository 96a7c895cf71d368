/* layer: faces */
/* test_tui_draw.c - the walk-through's key table. No terminal needed. (Its
 * text helpers are the text module's: test_text.c.) */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <cmocka.h>

#include "tui/keys.h"

static int setup(void **state)
{
	(void)state;
	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8"))
		return -1;
	return 0;
}

/* Every row of the key table can be reached: no earlier row takes the same
 * key in the same context; and every row that the help lists has a name. */
static void test_key_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < keys_count; i++) {
		const struct key_binding *a = &keys_table[i];
		assert_true(a->where != 0);
		if (a->help)
			assert_non_null(a->name);
		for (size_t j = 0; j < i; j++) {
			const struct key_binding *b = &keys_table[j];
			if (a->key == b->key && a->fkey == b->fkey && (a->where & b->where)) {
				print_error("key table rows %zu and %zu both bind key %d\n", j, i, a->key);
				fail();
			}
		}
	}
	int arg;
	assert_int_equal(keys_lookup(KC_CRITERION, '4', 0, &arg), ACT_DIGIT);
	assert_int_equal(arg, 4);
	assert_int_equal(keys_lookup(KC_FIELD, 'q', 0, &arg), ACT_NONE);
	assert_int_equal(keys_lookup(KC_PROFILE, 'q', 0, &arg), ACT_QUIT);
	assert_int_equal(keys_lookup(KC_PROFILE, '\r', 0, &arg), ACT_ACCEPT);
	char buf[64];
	keys_expand("{left}/{right} or {digits}|choose", 0, "0-5", buf, sizeof buf);
	assert_string_equal(buf, "Left/Right or 0-5|choose");
	keys_expand("{up}", 1, NULL, buf, sizeof buf);
	assert_string_equal(buf, "\xe2\x86\x91");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_table),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
