/* layer: model */
/* test_yaml_tree.c - the tree's own checks of the text: the UTF-8 scan that
 * reads eight bytes at a time, and the nodes it builds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "diag.h"
#include "yaml_span.h"
#include "yaml_tree.h"

/* Parses TEXT (LEN bytes) and asserts one error at LINE:COLUMN saying WANT. */
static void expect_error(const char *text, size_t len, int line, int column, const char *want)
{
	struct diags d;
	struct ytree t;
	diags_init(&d, "t.yaml");
	assert_null(yaml_tree_parse(&t, text, len, &d));
	if (d.count != 1 || d.items[0].line != line || d.items[0].column != column ||
	    strcmp(d.items[0].message, want) != 0)
		fail_msg("%zu errors, the first at %d:%d '%s'; expected %d:%d '%s'", d.count,
		         d.count ? d.items[0].line : 0, d.count ? d.items[0].column : 0,
		         d.count ? d.items[0].message : "", line, column, want);
	yaml_tree_free(&t);
	diags_free(&d);
}

/* Every invalid sequence, at every place in an 8-byte word, after ASCII or
 * after a two-byte character, on the first line or a later one: the error
 * names the sequence's first byte, at its character's line and column. */
static void test_utf8_every_alignment(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"\x80", "\xBF", "\xC0\x80", "\xC1\xBF", "\xC3\x28", "\xE0\x80\x80", "\xE0\x9F\xBF",
		"\xED\xA0\x80", "\xED\xBF\xBF", "\xE2\x82\x28", "\xF0\x80\x80\x80", "\xF0\x8F\xBF\xBF",
		"\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xF8\x88\x80\x80\x80", "\xFE", "\xFF",
		"\xF0\x9F\x98", NULL,
	};
	for (size_t b = 0; bad[b]; b++) {
		for (int lines = 0; lines < 2; lines++) {
			for (int wide = 0; wide < 2; wide++) {
				for (int pad = 0; pad < 17; pad++) {
					char text[128], want[96];
					int n = snprintf(text, sizeof text, "%sk: ", lines ? "a: b\n" : "");
					for (int i = 0; i < pad; i++)
						n += snprintf(text + n, sizeof text - (size_t)n, "%s",
						              wide ? "\xC3\xA9" : "x");
					n += snprintf(text + n, sizeof text - (size_t)n, "%s\nz: 1\n", bad[b]);
					snprintf(want, sizeof want, "invalid UTF-8 (byte 0x%02X): save the "
					         "file as UTF-8", (unsigned char)bad[b][0]);
					expect_error(text, (size_t)n, lines + 1, 4 + pad, want);
				}
			}
		}
	}
	/* A sequence cut short by the end of the text. */
	for (int pad = 0; pad < 17; pad++) {
		char text[64];
		int n = snprintf(text, sizeof text, "k: ");
		for (int i = 0; i < pad; i++)
			text[n++] = 'x';
		text[n++] = '\xE2';
		text[n++] = '\x82';
		expect_error(text, (size_t)n, 1, 4 + pad,
		             "invalid UTF-8 (byte 0xE2): save the file as UTF-8");
	}
}

/* A NUL byte at every place in a word. */
static void test_nul_every_alignment(void **state)
{
	(void)state;
	for (int pad = 0; pad < 17; pad++) {
		char text[64];
		int n = snprintf(text, sizeof text, "a: b\nk: ");
		for (int i = 0; i < pad; i++)
			text[n++] = 'x';
		text[n++] = '\0';
		n += snprintf(text + n, sizeof text - (size_t)n, "y\n");
		expect_error(text, (size_t)n, 2, 4 + pad, "NUL byte in the file: expected UTF-8 text");
	}
}

/* Valid text of every width at every alignment passes the scan. */
static void test_utf8_valid(void **state)
{
	(void)state;
	static const char *const chars[] = { "x", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
	                                     "\xF4\x8F\xBF\xBF", "\xEF\xBF\xBD", NULL };
	for (size_t c = 0; chars[c]; c++)
		for (int pad = 0; pad < 17; pad++) {
			char text[128];
			int n = snprintf(text, sizeof text, "k: ");
			for (int i = 0; i < pad; i++)
				text[n++] = 'x';
			for (int i = 0; i < 3; i++)
				n += snprintf(text + n, sizeof text - (size_t)n, "%s", chars[c]);
			text[n++] = '\n';
			struct diags d;
			struct ytree t;
			diags_init(&d, "t.yaml");
			const struct ynode *root = yaml_tree_parse(&t, text, (size_t)n, &d);
			assert_non_null(root);
			assert_int_equal(d.count, 0);
			assert_int_equal(root->kind, YNODE_MAP);
			assert_int_equal(root->count, 1);
			assert_memory_equal(ynode_item(root, 0)->text + pad, chars[c], strlen(chars[c]));
			yaml_tree_free(&t);
			diags_free(&d);
		}
}

/* Nodes: 24 bytes; a map's keys and values side by side; a repeated short
 * key shares its text; positions kept. */
static void test_nodes(void **state)
{
	(void)state;
	assert_true(sizeof(struct ynode) <= 24);
	const char *text = "a: [1, \"two\", !!str 3]\nb: {id: x}\nc:\n  - {id: y}\n  - {id: z}\n";
	struct diags d;
	struct ytree t;
	diags_init(&d, "t.yaml");
	const struct ynode *root = yaml_tree_parse(&t, text, strlen(text), &d);
	assert_non_null(root);
	assert_int_equal(root->count, 3);
	const struct ynode *a = ynode_get(root, "a");
	assert_int_equal(a->kind, YNODE_SEQ);
	assert_int_equal(a->count, 3);
	assert_string_equal(ynode_item(a, 1)->text, "two");
	assert_int_equal(ynode_item(a, 0)->plain, 1);
	assert_int_equal(ynode_item(a, 1)->plain, 0);
	assert_null(ynode_tag(ynode_item(a, 1)));
	assert_string_equal(ynode_tag(ynode_item(a, 2)), "!!str");
	assert_int_equal(ynode_item(a, 2)->line, 1);
	assert_int_equal(ynode_item(a, 2)->column, 15);
	const struct ynode *c = ynode_get(root, "c");
	assert_int_equal(c->count, 2);
	assert_string_equal(ynode_get(ynode_item(c, 1), "id")->text, "z");
	assert_int_equal(ynode_item(c, 1)->line, 5);
	assert_ptr_equal(ynode_key(ynode_item(c, 0), 0)->text,
	                 ynode_key(ynode_get(root, "b"), 0)->text);
	yaml_tree_free(&t);
	diags_free(&d);
}

/* Duplicate keys in a small map (checked pair by pair) and a large one
 * (sorted) are reported alike: by key text, each repeat with its first. */
static void test_duplicate_keys(void **state)
{
	(void)state;
	for (int big = 0; big < 2; big++) {
		char text[1024];
		int n = snprintf(text, sizeof text, "b: 1\na: 2\nb: 3\na: 4\n");
		for (int i = 0; big && i < 20; i++)
			n += snprintf(text + n, sizeof text - (size_t)n, "k%d: 0\n", i);
		struct diags d;
		struct ytree t;
		diags_init(&d, "t.yaml");
		assert_non_null(yaml_tree_parse(&t, text, (size_t)n, &d));
		assert_int_equal(d.count, 2);
		assert_string_equal(d.items[0].message, "duplicate key 'a' (first given at line 2)");
		assert_int_equal(d.items[0].line, 4);
		assert_string_equal(d.items[1].message, "duplicate key 'b' (first given at line 1)");
		assert_int_equal(d.items[1].line, 3);
		yaml_tree_free(&t);
		diags_free(&d);
	}
}

/* Where an error ends: the end of the word, the quoted text or the [...] or
 * {...} that starts where it is, in characters, just past the last. */
static void test_spans(void **state)
{
	(void)state;
	static const char text[] =
		"name: Hosting cost  # a comment\n"  /* 1 */
		"why: \"a \\\" b\" # q\n"          /* 2 */
		"list: [a, {b: c}, d]\n"             /* 3 */
		"flow: [alpha, beta]\n"              /* 4 */
		"empty:\n"                           /* 5 */
		"multi: 'x\n  y'\n"                   /* 6, 7 */
		"é: ünï code\n"                      /* 8 */
		"- item\n";                          /* 9 */
	static const struct { int line, column, end_line, end_column; } want[] = {
		{ 1, 1, 1, 5 },         /* name */
		{ 1, 7, 1, 19 },        /* Hosting cost, without the comment */
		{ 2, 6, 2, 14 },        /* "a \" b" */
		{ 3, 7, 3, 21 },        /* [a, {b: c}, d] */
		{ 3, 11, 3, 17 },       /* {b: c} */
		{ 4, 15, 4, 19 },       /* beta, in a flow list */
		{ 5, 7, 5, 7 },         /* the end of a line: nothing */
		{ 6, 8, 7, 5 },         /* a quoted text over two lines */
		{ 8, 4, 8, 12 },        /* ünï code, in characters */
		{ 9, 1, 9, 2 },         /* the '-' of a list item */
	};
	size_t n = sizeof want / sizeof want[0];
	struct diags d;
	diags_init(&d, "f.yaml");
	for (size_t i = 0; i < n; i++)
		diags_error(&d, "x", want[i].line, want[i].column, "at %zu", i);
	diags_end(&d, 1, 1);    /* the last is given its end: it is kept */
	yaml_spans(&d, 0, text, sizeof text - 1);
	for (size_t i = 0; i + 1 < n; i++) {
		if (d.items[i].end_line != want[i].end_line ||
		    d.items[i].end_column != want[i].end_column)
			fail_msg("%d:%d ends at %d:%d, expected %d:%d", want[i].line, want[i].column,
			         d.items[i].end_line, d.items[i].end_column, want[i].end_line,
			         want[i].end_column);
	}
	assert_int_equal(d.items[n - 1].end_line, 1);
	assert_int_equal(d.items[n - 1].end_column, 1);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_every_alignment),
		cmocka_unit_test(test_nul_every_alignment),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_nodes),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_spans),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
