/* test_tui_draw.c - the walk-through's text helpers: sanitizing, display
 * width, cutting and wrapping. No terminal needed. */
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
#include "tui/text.h"

static int setup(void **state)
{
	(void)state;
	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8"))
		return -1;
	return 0;
}

/* Sanitizes IN and compares with the wide string WANT. */
static void expect_clean(const char *in, int keep_newlines, const wchar_t *want)
{
	wchar_t *got = text_sanitize(in, keep_newlines);
	assert_non_null(got);
	if (wcscmp(got, want) != 0) {
		char *g = text_to_utf8(got, wcslen(got));
		char *w = text_to_utf8(want, wcslen(want));
		print_error("sanitize(%s): got \"%s\", want \"%s\"\n", in, g, w);
		free(g);
		free(w);
		fail();
	}
	free(got);
}

static void test_sanitize_plain(void **state)
{
	(void)state;
	expect_clean("Node.js", 0, L"Node.js");
	expect_clean(NULL, 0, L"");
	expect_clean("", 0, L"");
	expect_clean("caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac", 0, L"caf\u00e9 \u65e5\u672c");
	expect_clean("a\tb", 0, L"a b");
	expect_clean("one\ntwo", 0, L"one two");
	expect_clean("one\ntwo", 1, L"one\ntwo");
	expect_clean("cr\r\nlf", 1, L"cr\nlf");
}

static void test_sanitize_controls(void **state)
{
	(void)state;
	/* C0 controls, DEL and C1 controls disappear. */
	expect_clean("a\x01\x07\x08" "b\x7f" "c", 0, L"abc");
	expect_clean("a\xc2\x85" "b", 0, L"ab");
	/* Escape sequences go whole: SGR, cursor moves, the screen clear. */
	expect_clean("\x1b[31mred\x1b[0m", 0, L"red");
	expect_clean("x\x1b[2J\x1b[H" "y", 0, L"xy");
	expect_clean("x\x1b[?1049h" "y", 0, L"xy");
	/* OSC (a title change, a hyperlink) up to BEL or ST. */
	expect_clean("\x1b]0;pwned\x07title", 0, L"title");
	expect_clean("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", 0, L"link");
	/* DCS and two-byte escapes. */
	expect_clean("a\x1bP1$r\x1b\\" "b", 0, L"ab");
	expect_clean("a\x1b" "cb", 0, L"ab");
	expect_clean("a\x1b(Bb", 0, L"ab");
	/* The 8-bit forms: CSI and OSC as C1 characters. */
	expect_clean("a\xc2\x9b" "31mb", 0, L"ab");
	expect_clean("a\xc2\x9d" "0;t\xc2\x9c" "b", 0, L"ab");
	/* An escape at the very end, and an unterminated OSC. */
	expect_clean("end\x1b", 0, L"end");
	expect_clean("a\x1b]0;never ends", 0, L"a");
	/* Bidirectional overrides and the BOM. */
	expect_clean("a\xe2\x80\xae" "b\xe2\x81\xa6" "c\xef\xbb\xbf", 0, L"abc");
}

static void test_sanitize_bad_utf8(void **state)
{
	(void)state;
	expect_clean("a\xff" "b", 0, L"a\ufffd" "b");
	expect_clean("a\xc3", 0, L"a\ufffd");
	expect_clean("\xc0\xaf", 0, L"\ufffd\ufffd");          /* overlong */
	expect_clean("\xed\xa0\x80", 0, L"\ufffd");             /* a surrogate */
	expect_clean("\xf4\x90\x80\x80", 0, L"\ufffd");         /* past U+10FFFF */
	expect_clean("\xe2\x82" "x", 0, L"\ufffd" "x");         /* cut short */
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(L"abc", 3), 3);
	assert_int_equal(text_width(L"\u65e5\u672c", 2), 4);                /* wide */
	assert_int_equal(text_width(L"e\u0301", 2), 1);                     /* combining */
	assert_int_equal(text_width(L"abc", 2), 2);
	assert_int_equal(text_char_width(L'\u0301'), 0);
	assert_int_equal(text_char_width(L'\u4e00'), 2);
}

static void test_fit(void **state)
{
	(void)state;
	int w;
	assert_int_equal(text_fit(L"abcdef", 6, 4, &w), 4);
	assert_int_equal(w, 4);
	/* A wide character that would straddle the edge stays out. */
	assert_int_equal(text_fit(L"a\u65e5\u672c", 3, 4, &w), 2);
	assert_int_equal(w, 3);
	/* A combining mark stays with its base. */
	assert_int_equal(text_fit(L"ae\u0301x", 4, 2, &w), 3);
	assert_int_equal(w, 2);
	assert_int_equal(text_fit(L"abc", 3, 0, &w), 0);
	assert_int_equal(w, 0);
	assert_int_equal(text_fit(L"ab", 2, 10, NULL), 2);
}

/* Wraps S at COLS and compares the lines, joined with '|', with WANT. */
static void expect_wrap(const wchar_t *s, int cols, const char *want)
{
	char got[512] = "";
	size_t pos = 0;
	struct text_span line;
	int n = 0;
	while (text_wrap_next(s, &pos, cols, &line)) {
		char *u = text_to_utf8(s + line.start, line.len);
		assert_non_null(u);
		if (n++)
			strcat(got, "|");
		strcat(got, u);
		assert_true(line.width <= cols || line.len == 1);
		assert_int_equal(line.width, text_width(s + line.start, line.len));
		free(u);
	}
	if (strcmp(got, want) != 0) {
		print_error("wrap at %d: got \"%s\", want \"%s\"\n", cols, got, want);
		fail();
	}
}

static void test_wrap(void **state)
{
	(void)state;
	expect_wrap(L"the quick brown fox", 10, "the quick|brown fox");
	expect_wrap(L"the quick brown fox", 9, "the quick|brown fox");
	expect_wrap(L"the quick brown fox", 19, "the quick brown fox");
	expect_wrap(L"the   quick", 5, "the|quick");
	expect_wrap(L"abcdefghij", 4, "abcd|efgh|ij");
	expect_wrap(L"a verylongword b", 5, "a|veryl|ongwo|rd b");
	expect_wrap(L"one\ntwo three", 20, "one|two three");
	expect_wrap(L"one\n\ntwo", 20, "one||two");
	expect_wrap(L"", 10, "");
	/* Wide characters wrap by width, combining marks stay put. */
	expect_wrap(L"\u65e5\u672c\u8a9e\u65e5\u672c", 4, "\xe6\x97\xa5\xe6\x9c\xac|"
	            "\xe8\xaa\x9e\xe6\x97\xa5|\xe6\x9c\xac");
	expect_wrap(L"e\u0301e\u0301e\u0301", 2, "e\xcc\x81" "e\xcc\x81|e\xcc\x81");
	/* A column narrower than one wide character still makes progress. */
	expect_wrap(L"\u65e5\u672c", 1, "\xe6\x97\xa5|\xe6\x9c\xac");
	assert_int_equal(text_wrap_count(L"the quick brown fox", 10), 2);
	assert_int_equal(text_wrap_count(L"", 10), 1);
}

static void test_to_utf8(void **state)
{
	(void)state;
	char *u = text_to_utf8(L"a\u00e9\u65e5\U0001F600", 4);
	assert_non_null(u);
	assert_string_equal(u, "a\xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80");
	free(u);
	u = text_to_utf8(L"abc", 2);
	assert_string_equal(u, "ab");
	free(u);
	/* Round trip through the sanitizer. */
	wchar_t *w = text_sanitize("Gr\xc3\xbc\xc3\x9f" "e \xe6\x97\xa5", 0);
	u = text_to_utf8(w, wcslen(w));
	assert_string_equal(u, "Gr\xc3\xbc\xc3\x9f" "e \xe6\x97\xa5");
	free(u);
	free(w);
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
		cmocka_unit_test(test_sanitize_plain),
		cmocka_unit_test(test_sanitize_controls),
		cmocka_unit_test(test_sanitize_bad_utf8),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_to_utf8),
		cmocka_unit_test(test_key_table),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
