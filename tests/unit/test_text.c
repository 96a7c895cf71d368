/* layer: base */
/* test_text.c - the text module (src/text.h, src/text_print.h): what each
 * mode makes of every unsafe character, byte for byte; display widths,
 * cutting and wrapping; the printf that cleans its %s arguments. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <cmocka.h>

#include "text.h"
#include "text_print.h"

#define FFFD "\xef\xbf\xbd"

static int setup(void **state)
{
	(void)state;
	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8"))
		return -1;
	return 0;
}

/* Cleans LEN bytes of IN for MODE and compares the bytes with WANT. */
static void expect_mode_n(const char *in, size_t len, enum text_mode mode, const char *want)
{
	struct strbuf b;
	strbuf_init(&b);
	text_clean(&b, in, len, mode);
	if (b.len != strlen(want) || memcmp(strbuf_str(&b), want, b.len) != 0) {
		print_error("clean(mode %d): got \"%s\", want \"%s\"\n", (int)mode, strbuf_str(&b),
		            want);
		fail();
	}
	strbuf_free(&b);
}

static void expect_mode(const char *in, enum text_mode mode, const char *want)
{
	expect_mode_n(in, strlen(in), mode, want);
}

/* The terminal's form (TEXT_LINE, TEXT_LINES) and the reports' (Markdown,
 * HTML, CSV) of IN, which holds no tab, LF or CR. */
static void expect_unsafe(const char *in, const char *term, const char *report)
{
	expect_mode(in, TEXT_LINE, term);
	expect_mode(in, TEXT_LINES, term);
	expect_mode(in, TEXT_MARKDOWN, report);
	expect_mode(in, TEXT_HTML, report);
	expect_mode(in, TEXT_CSV, report);
}

/* Encoding: each length, and what cannot be encoded becomes U+FFFD; every
 * encodable code point decodes back to itself. */
static void test_utf8_encode(void **state)
{
	(void)state;
	char b[4];
	assert_int_equal(text_utf8_encode('A', b), 1);
	assert_memory_equal(b, "A", 1);
	assert_int_equal(text_utf8_encode(0xE9, b), 2);
	assert_memory_equal(b, "\xc3\xa9", 2);
	assert_int_equal(text_utf8_encode(0x20AC, b), 3);
	assert_memory_equal(b, "\xe2\x82\xac", 3);
	assert_int_equal(text_utf8_encode(0x1F600, b), 4);
	assert_memory_equal(b, "\xf0\x9f\x98\x80", 4);
	assert_int_equal(text_utf8_encode(0xD800, b), 3);
	assert_memory_equal(b, "\xef\xbf\xbd", 3);
	assert_int_equal(text_utf8_encode(0x110000, b), 3);
	assert_memory_equal(b, "\xef\xbf\xbd", 3);
	for (uint32_t c = 0; c <= 0x10FFFF; c += (c < 0x1000 ? 1 : 97)) {
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		uint32_t back;
		size_t n = text_utf8_encode(c, b);
		assert_int_equal(text_utf8_decode(b, n, &back), n);
		assert_int_equal(back, c);
	}
}

static void test_clean_plain(void **state)
{
	(void)state;
	const char *safe = "Node.js caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac e\xcc\x81 \xf0\x9f\x98\x80 "
	                   "\\u202e <b> & \"q\"";
	for (int m = TEXT_LINE; m <= TEXT_CSV; m++)
		expect_mode(safe, (enum text_mode)m, safe);
	for (int m = TEXT_LINE; m <= TEXT_CSV; m++)
		expect_mode("", (enum text_mode)m, "");
	char *s = text_clean_new(NULL, TEXT_LINE);
	assert_string_equal(s, "");
	free(s);
	assert_true(text_is_plain("Plain text, ~ and {}"));
	assert_false(text_is_plain("tab\there"));
	assert_false(text_is_plain("caf\xc3\xa9"));
	assert_false(text_is_plain("del\x7f"));
}

/* One table cell: printable ASCII returned as it is (the same pointer, width
 * = length), every byte value at every place of a word checked; other text
 * cleaned as text_clean(TEXT_LINE) and measured; a NUL ends the text. */
static void test_line_cell(void **state)
{
	(void)state;
	struct strbuf scratch;
	strbuf_init(&scratch);
	size_t n;
	int w;
	const char *plain = "Respondent 100000 of a long plain title ~{}";
	assert_ptr_equal(text_line_cell(plain, strlen(plain), &scratch, &n, &w), plain);
	assert_int_equal(n, strlen(plain));
	assert_int_equal(w, (int)strlen(plain));
	assert_ptr_equal(text_line_cell("", 0, &scratch, &n, &w), "");
	assert_int_equal(n, 0);
	assert_int_equal(w, 0);
	/* Each byte outside 0x20-0x7E, at each place within and after a word. */
	char text[20];
	for (int b = 0; b < 256; b++) {
		for (size_t at = 0; at < sizeof text; at++) {
			memset(text, 'a', sizeof text);
			text[at] = (char)b;
			const char *cell = text_line_cell(text, sizeof text, &scratch, &n, &w);
			if (b >= 0x20 && b < 0x7F) {
				assert_ptr_equal(cell, text);
				continue;
			}
			assert_ptr_not_equal(cell, text);
			/* As text_clean() makes it, ended at a NUL. */
			struct strbuf want;
			strbuf_init(&want);
			text_clean(&want, text, b ? sizeof text : at, TEXT_LINE);
			assert_int_equal(n, want.len);
			assert_memory_equal(cell, strbuf_str(&want), n);
			assert_int_equal(cell[n], '\0');
			assert_int_equal(w, text_utf8_width(cell, n));
			strbuf_free(&want);
		}
	}
	/* Exact values: a wide character, an escape, a bad byte, a NUL. */
	const char *cell = text_line_cell("\xe4\xb8\xad x\x1b" "b", 7, &scratch, &n, &w);
	assert_string_equal(cell, "\xe4\xb8\xad x\\u001bb");
	assert_int_equal(n, 12);
	assert_int_equal(w, 11);
	cell = text_line_cell("ab\xff", 3, &scratch, &n, &w);
	assert_string_equal(cell, "ab\\xff");
	assert_int_equal(w, 6);
	cell = text_line_cell("ab\0\x1b", 4, &scratch, &n, &w);
	assert_string_equal(cell, "ab");
	assert_int_equal(n, 2);
	assert_int_equal(w, 2);
	cell = text_line_cell("\0\x1b", 2, &scratch, &n, &w);
	assert_string_equal(cell, "");
	assert_int_equal(n, 0);
	assert_int_equal(w, 0);
	strbuf_free(&scratch);
}

/* The cases: escape sequences, BEL, C1, bidirectional controls. */
static void test_clean_controls(void **state)
{
	(void)state;
	/* OSC 52 (writes the clipboard), ended by BEL. */
	expect_unsafe("\x1b]52;c;aGk=\x07", "\\u001b]52;c;aGk=\\u0007", FFFD "]52;c;aGk=" FFFD);
	/* CSI, a raw BEL, the 8-bit CSI U+009B as UTF-8, DEL. */
	expect_unsafe("\x1b[31mred", "\\u001b[31mred", FFFD "[31mred");
	expect_unsafe("a\x07" "b", "a\\u0007b", "a" FFFD "b");
	expect_unsafe("\xc2\x9b" "2J", "\\u009b2J", FFFD "2J");
	expect_unsafe("x\x7f", "x\\u007f", "x" FFFD);
	/* Every C0 control but tab, LF and CR, and the C1 range's ends. */
	expect_unsafe("\x01\x1f", "\\u0001\\u001f", FFFD FFFD);
	expect_unsafe("\xc2\x80\xc2\x9f", "\\u0080\\u009f", FFFD FFFD);
	expect_mode_n("a\0b", 3, TEXT_LINE, "a\\u0000b");
	expect_mode_n("a\0b", 3, TEXT_HTML, "a" FFFD "b");
	/* The bidirectional embeddings, overrides and isolates, and the marks. */
	expect_unsafe("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad\xe2\x80\xae",
	              "\\u202a\\u202b\\u202c\\u202d\\u202e", FFFD FFFD FFFD FFFD FFFD);
	expect_unsafe("\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9",
	              "\\u2066\\u2067\\u2068\\u2069", FFFD FFFD FFFD FFFD);
	expect_unsafe("\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", "\\u200e\\u200f\\u061c",
	              FFFD FFFD FFFD);
	expect_unsafe("\xef\xbb\xbf", "\\ufeff", FFFD);
	/* Their neighbours are text. */
	expect_unsafe("\xc2\xa0\xe2\x80\x8d\xe2\x80\xa9\xe2\x80\xaf\xe2\x81\xaa\xd8\x9b",
	              "\xc2\xa0\xe2\x80\x8d\xe2\x80\xa9\xe2\x80\xaf\xe2\x81\xaa\xd8\x9b",
	              "\xc2\xa0\xe2\x80\x8d\xe2\x80\xa9\xe2\x80\xaf\xe2\x81\xaa\xd8\x9b");
}

static void test_clean_bad_utf8(void **state)
{
	(void)state;
	/* Each byte of a malformed sequence shows on a terminal; a report gets
	 * one U+FFFD for it. */
	expect_unsafe("a\x9b" "b", "a\\x9bb", "a" FFFD "b");        /* a lone C1 byte */
	expect_unsafe("a\xff", "a\\xff", "a" FFFD);
	expect_unsafe("a\xc3", "a\\xc3", "a" FFFD);                  /* cut short at the end */
	expect_unsafe("\xe2\x82" "x", "\\xe2\\x82x", FFFD "x");      /* cut short */
	expect_unsafe("\xc0\xaf", "\\xc0\\xaf", FFFD FFFD);          /* overlong */
	expect_unsafe("\xed\xa0\x80", "\\xed\\xa0\\x80", FFFD);      /* a surrogate */
	expect_unsafe("\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80", FFFD);   /* past U+10FFFF */
	/* JSON text cannot hold them: U+FFFD. */
	expect_mode("\"a\xff\"", TEXT_JSON, "\"a" FFFD "\"");
}

/* Tab, LF and CR: layout, each mode its own way. */
static void test_clean_spaces(void **state)
{
	(void)state;
	const char *in = "a\tb\nc\r\nd\re";
	expect_mode(in, TEXT_LINE, "a b c d e");
	expect_mode(in, TEXT_LINES, "a b\nc\nd\ne");
	expect_mode(in, TEXT_MARKDOWN, "a b c d e");
	expect_mode(in, TEXT_HTML, in);
	expect_mode(in, TEXT_CSV, in);
	expect_mode(in, TEXT_JSON, "a\\u0009b\nc\\u000D\nd\\u000De");
}

/* JSON from jansson: C1 and bidirectional controls become JSON escapes of
 * the same characters; the rest, escapes included, is left alone. */
static void test_clean_json(void **state)
{
	(void)state;
	expect_mode("{\n  \"k\": \"\\u001b]0;x\\u0007 \xc2\x9b \xe2\x80\xae \x7f \\\\u\"\n}",
	            TEXT_JSON,
	            "{\n  \"k\": \"\\u001b]0;x\\u0007 \\u009B \\u202E \\u007F \\\\u\"\n}");
}

/* On the way into jansson: only bad bytes are replaced. */
static void test_clean_utf8(void **state)
{
	(void)state;
	const char *controls = "a\x1b\xc2\x9b\xe2\x80\xae\t\n\x7f";
	expect_mode(controls, TEXT_UTF8, controls);
	expect_mode("a\x9b" "b\xff\xc0\xaf", TEXT_UTF8, "a" FFFD "b" FFFD FFFD FFFD);
}

/* Cleaning what is clean changes nothing. */
static void test_clean_idempotent(void **state)
{
	(void)state;
	const char *in = "\x1b]52;c;aGk=\x07 \xc2\x9b \xe2\x80\xae \xff\t\n";
	for (int m = TEXT_LINE; m <= TEXT_CSV; m++) {
		char *once = text_clean_new(in, (enum text_mode)m);
		assert_non_null(once);
		expect_mode(once, (enum text_mode)m, once);
		free(once);
	}
}

static void test_code_safe(void **state)
{
	(void)state;
	assert_true(text_code_safe(' '));
	assert_true(text_code_safe('~'));
	assert_false(text_code_safe('\t'));
	assert_false(text_code_safe('\n'));
	assert_false(text_code_safe(0x7F));
	assert_false(text_code_safe(0x9B));
	assert_true(text_code_safe(0xA0));
	assert_false(text_code_safe(0x202E));
	assert_true(text_code_safe(0x2030));
	assert_false(text_code_safe(0xD800));
	assert_false(text_code_safe(0x110000));
	assert_true(text_code_safe(0x1F600));
}

static void test_utf8_width(void **state)
{
	(void)state;
	assert_int_equal(text_utf8_width("abc", 3), 3);
	assert_int_equal(text_utf8_width("\xe6\x97\xa5\xe6\x9c\xac", 6), 4);     /* wide */
	assert_int_equal(text_utf8_width("e\xcc\x81", 3), 1);                   /* combining */
	assert_int_equal(text_utf8_width("\\u202e", 6), 6);
	int w;
	/* "a日本" in 4 columns: the second wide character does not fit. */
	assert_int_equal(text_utf8_fit("a\xe6\x97\xa5\xe6\x9c\xac", 7, 4, &w), 4);
	assert_int_equal(w, 3);
	/* A combining mark stays with its base. */
	assert_int_equal(text_utf8_fit("ae\xcc\x81x", 5, 2, &w), 4);
	assert_int_equal(w, 2);
	assert_int_equal(text_utf8_fit("abc", 3, 0, &w), 0);
	assert_int_equal(w, 0);
	assert_int_equal(text_utf8_fit("ab", 2, 10, NULL), 2);
}

/* text_format() into a buffer, compared with WANT. */
static void expect_format(const char *want, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void expect_format(const char *want, const char *fmt, ...)
{
	struct strbuf b;
	strbuf_init(&b);
	va_list ap;
	va_start(ap, fmt);
	text_vformat(&b, fmt, ap);
	va_end(ap);
	if (strcmp(strbuf_str(&b), want) != 0) {
		print_error("format(%s): got \"%s\", want \"%s\"\n", fmt, strbuf_str(&b), want);
		fail();
	}
	strbuf_free(&b);
}

static void test_format(void **state)
{
	(void)state;
	/* The format's own text is kept; %s arguments are cleaned for one line. */
	expect_format("id: '\\u001b]52;c;aGk=\\u0007'\n", "id: '%s'\n", "\x1b]52;c;aGk=\x07");
	expect_format("a b\n", "%s\n", "a\nb");
	const char *volatile none = NULL;       /* past the compiler's own check */
	expect_format("(null)", "%s", none);
	expect_format("x\\u001by", "x%cy", 0x1b);
	/* Widths and precisions of %s count display columns. */
	expect_format("[\xe6\x97\xa5  ]", "[%-4s]", "\xe6\x97\xa5");
	expect_format("[  ab]", "[%4s]", "ab");
	expect_format("[ab  ]", "[%*s]", -4, "ab");
	expect_format("[a\xe6\x97\xa5]", "[%.3s]", "a\xe6\x97\xa5\xe6\x9c\xac");
	expect_format("[\\u001]", "[%.*s]", 5, "\x1b");
	/* Numbers are printf's. */
	expect_format("7 -3 42 18446744073709551615 ff 0X1F", "%d %i %lld %zu %x %#X",
	              7, -3, 42LL, (size_t)-1, 255u, 31u);
	expect_format("  1.5 2.5 1e+06 100%", "%5.1f %g %g %d%%", 1.5, 2.5, 1e6, 100);
	expect_format("[   -5|-5   ]", "[%5ld|%-5hd]", -5L, (short)-5);
	expect_format("00042", "%05d", 42);
	expect_format("x", "x");
}

/* text_printf(), text_puts() and text_write() to a stream. */
static void test_print(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(text_printf(f, "Delete session %d%s? ", 3, " (\xe2\x80\xae" "evil)"),
	                 strlen("Delete session 3 (\\u202eevil)? "));
	assert_int_equal(text_puts(f, "one\ntwo\x1b[2J\n", TEXT_LINES), 0);
	assert_int_equal(text_puts(f, NULL, TEXT_LINE), 0);
	assert_int_equal(text_write(f, "\xc2\x9b" "x", 2, TEXT_LINE), 0);
	fclose(f);
	assert_string_equal(buf, "Delete session 3 (\\u202eevil)? one\ntwo\\u001b[2J\n\\u009b");
	free(buf);
}

/* ---- wide characters ---- */

/* Sanitizes IN and compares with the wide string WANT. */
static void expect_wide(const char *in, int keep_newlines, const wchar_t *want)
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

/* The walk-through shows what the command line shows. */
static void test_sanitize(void **state)
{
	(void)state;
	expect_wide("Node.js", 0, L"Node.js");
	expect_wide(NULL, 0, L"");
	expect_wide("caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac", 0, L"caf\u00e9 \u65e5\u672c");
	expect_wide("a\tb", 0, L"a b");
	expect_wide("one\ntwo", 0, L"one two");
	expect_wide("one\ntwo", 1, L"one\ntwo");
	expect_wide("cr\r\nlf", 1, L"cr\nlf");
	expect_wide("\x1b]0;pwned\x07title", 0, L"\\u001b]0;pwned\\u0007title");
	expect_wide("a\xc2\x9b" "31mb", 0, L"a\\u009b31mb");
	expect_wide("a\xe2\x80\xae" "b\xe2\x81\xa6" "c\xef\xbb\xbf", 0, L"a\\u202eb\\u2066c\\ufeff");
	expect_wide("a\xff" "b", 0, L"a\\xffb");
	/* A character the locale cannot show (unassigned U+0378). */
	expect_wide("a\xcd\xb8" "b", 0, L"a\ufffd" "b");
	assert_true(text_char_safe(L'a'));
	assert_true(text_char_safe(L'\u00e9'));
	assert_false(text_char_safe(L'\x1b'));
	assert_false(text_char_safe(L'\x9b'));
	assert_false(text_char_safe(L'\u202e'));
	assert_false(text_char_safe(L'\u0378'));
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_encode),
		cmocka_unit_test(test_clean_plain),
		cmocka_unit_test(test_clean_controls),
		cmocka_unit_test(test_clean_bad_utf8),
		cmocka_unit_test(test_clean_spaces),
		cmocka_unit_test(test_clean_json),
		cmocka_unit_test(test_clean_utf8),
		cmocka_unit_test(test_clean_idempotent),
		cmocka_unit_test(test_code_safe),
		cmocka_unit_test(test_utf8_width),
		cmocka_unit_test(test_line_cell),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_print),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_to_utf8),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
