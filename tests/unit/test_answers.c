/* layer: model */
/* test_answers.c - the answers file loader: what it accepts, and the exact
 * position and wording of what it refuses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "answers.h"
#include "criteria.h"

static const char set[] =
	"verdict: 1\n"
	"id: stack\n"
	"title: T\n"
	"options:\n"
	"  - { id: node, name: Node.js }\n"
	"  - { id: python, name: Python }\n"
	"criteria:\n"
	"  - { id: speed, name: S, question: Q?, default_weight: 3, ratings: { node: 8, python: 5 } }\n"
	"  - { id: syntax, name: R, question: Q?, default_weight: 2, ratings: { node: 5, python: 8 } }\n"
	"questions:\n"
	"  - id: app_kind\n"
	"    prompt: P?\n"
	"    choices:\n"
	"      - { id: realtime, label: L, weights: { speed: +2 } }\n"
	"      - { id: government, label: L }\n"
	"  - id: team\n"
	"    prompt: P?\n"
	"    choices:\n"
	"      - { id: javascript, label: L }\n"
	"      - { id: python, label: L }\n";

static int setup(void **state)
{
	struct diags d;
	diags_init(&d, "set.yaml");
	struct criteria *c = criteria_parse(set, sizeof set - 1, &d);
	diags_print(&d, stderr);
	diags_free(&d);
	*state = c;
	return c ? 0 : -1;
}

static int teardown(void **state)
{
	criteria_free(*state);
	return 0;
}

static struct session *parse(const struct criteria *c, const char *text, struct diags *d)
{
	diags_init(d, "a.yaml");
	return answers_parse(text, strlen(text), c, d);
}

/* TEXT fails; error number K (in position order) is at LINE:COLUMN and reads MSG. */
static void expect_error(const struct criteria *c, const char *text, size_t count, size_t k,
                         int line, int column, const char *msg)
{
	struct diags d;
	struct session *s = parse(c, text, &d);
	assert_null(s);
	if (d.count != count) {
		diags_print(&d, stderr);
		fail_msg("expected %zu errors, got %zu", count, d.count);
	}
	char out[4096] = "";
	FILE *f = fmemopen(out, sizeof out - 1, "w");
	assert_non_null(f);
	diags_print(&d, f);     /* sorts by position */
	fclose(f);
	const struct diag *e = &d.items[k];
	if (e->line != line || e->column != column || strcmp(e->message, msg) != 0)
		fail_msg("got %d:%d: %s\nwant %d:%d: %s", e->line, e->column, e->message, line,
		         column, msg);
	diags_free(&d);
}

static void test_full_file(void **state)
{
	const struct criteria *c = *state;
	struct diags d;
	struct session *s = parse(c,
		"# a comment\n"
		"criteria: stack\n"
		"project: Shop rewrite\n"
		"respondent: Dana\n"
		"notes: |\n  Two lines\n  of notes.\n"
		"choices:\n  app_kind: realtime\n  team: python\n"
		"weights: { speed: 4.5, syntax: 0 }\n", &d);
	diags_print(&d, stderr);
	assert_non_null(s);
	assert_string_equal(s->project, "Shop rewrite");
	assert_string_equal(s->respondent, "Dana");
	assert_string_equal(s->notes, "Two lines\nof notes.\n");
	assert_int_equal(s->choices[0], 0);
	assert_int_equal(s->choices[1], 1);
	assert_int_equal(s->weight_set[0], 1);
	assert_true(s->weights[0] == 4.5);
	assert_int_equal(s->weight_set[1], 1);
	assert_true(s->weights[1] == 0);
	session_free(s);
	diags_free(&d);
}

static void test_defaults(void **state)
{
	const struct criteria *c = *state;
	struct diags d;
	/* Nothing given: no choices, no weights, no names. */
	struct session *s = parse(c, "{}\n", &d);
	assert_non_null(s);
	assert_null(s->project);
	assert_int_equal(s->choices[0], SESSION_NO_CHOICE);
	assert_int_equal(s->choices[1], SESSION_NO_CHOICE);
	assert_int_equal(s->weight_set[0], 0);
	session_free(s);
	diags_free(&d);

	/* Empty values leave a question unanswered and a weight unset. */
	s = parse(c, "choices: { app_kind: realtime, team: }\nweights: { speed: ~ }\n", &d);
	assert_non_null(s);
	assert_int_equal(s->choices[0], 0);
	assert_int_equal(s->choices[1], SESSION_NO_CHOICE);
	assert_int_equal(s->weight_set[0], 0);
	session_free(s);
	diags_free(&d);

	s = parse(c, "choices:\nweights:\n", &d);
	assert_non_null(s);
	session_free(s);
	diags_free(&d);
}

static void test_errors(void **state)
{
	const struct criteria *c = *state;
	expect_error(c, "criteria: stack\nchoices:\n  app_knd: realtime\n", 1, 0, 3, 3,
	             "unknown question 'app_knd' in 'choices'; did you mean 'app_kind'?");
	expect_error(c, "choices: { zzzzzz: realtime }\n", 1, 0, 1, 12,
	             "unknown question 'zzzzzz' in 'choices'");
	expect_error(c, "choices:\n  app_kind: realtim\n", 1, 0, 2, 13,
	             "question 'app_kind' has no choice 'realtim'; did you mean 'realtime'? "
	             "The choices are 'realtime' and 'government'");
	expect_error(c, "choices:\n  team: [javascript]\n", 1, 0, 2, 9,
	             "'team' must be a choice id, got a list");
	expect_error(c, "weights:\n  sped: 3\n", 1, 0, 2, 3,
	             "unknown criterion 'sped' in 'weights'; did you mean 'speed'?");
	expect_error(c, "weights:\n  speed: 7\n", 1, 0, 2, 10, "'speed' must be from 0 to 5, got 7");
	expect_error(c, "weights:\n  speed: -0.5\n", 1, 0, 2, 10,
	             "'speed' must be from 0 to 5, got -0.5");
	expect_error(c, "weights: { syntax: high }\n", 1, 0, 1, 20,
	             "'syntax' must be a number from 0 to 5, got 'high'");
	expect_error(c, "weights: { syntax: \"3\" }\n", 1, 0, 1, 20,
	             "'syntax' must be a number from 0 to 5, got the text '3': write numbers without quotes");
	expect_error(c, "criteria: node-vs-python\n", 1, 0, 1, 11,
	             "these answers are for criteria 'node-vs-python', but the criteria loaded "
	             "are 'stack'");
	expect_error(c, "criteria: Stack!\n", 1, 0, 1, 11,
	             "'criteria' must be an id of lowercase letters, digits, '_' and '-' "
	             "(at most 64), got 'Stack!'");
	expect_error(c, "projcet: Shop\n", 1, 0, 1, 1,
	             "unknown key 'projcet' in the top level; did you mean 'project'?");
	expect_error(c, "project: { name: Shop }\n", 1, 0, 1, 10,
	             "'project' must be text, got a mapping");
	expect_error(c, "choices: [realtime]\n", 1, 0, 1, 10,
	             "'choices' must be a mapping of keys, got a list");
	expect_error(c, "weights: 5\n", 1, 0, 1, 10, "'weights' must be a mapping of keys, got a number");
	expect_error(c, "choices: true\n", 1, 0, 1, 10,
	             "'choices' must be a mapping of keys, got a boolean");
	expect_error(c, "choices: text\n", 1, 0, 1, 10, "'choices' must be a mapping of keys, got text");
	expect_error(c, "- realtime\n", 1, 0, 1, 1,
	             "the top level must be a mapping of keys (criteria, project, respondent, "
	             "notes, choices, weights, pairwise), got a list");
	/* Every error of a file at once, in the order they stand. */
	expect_error(c,
	             "criteria: other\n"
	             "choices: { app_kind: nope, tem: python }\n"
	             "weights: { speed: 9, syntx: 1 }\n"
	             "extra: 1\n", 6, 2, 2, 28,
	             "unknown question 'tem' in 'choices'; did you mean 'team'?");
	expect_error(c,
	             "criteria: other\n"
	             "choices: { app_kind: nope, tem: python }\n"
	             "weights: { speed: 9, syntx: 1 }\n"
	             "extra: 1\n", 6, 5, 4, 1, "unknown key 'extra' in the top level");
}

static void test_yaml_errors(void **state)
{
	const struct criteria *c = *state;
	struct diags d;
	/* Duplicate keys and broken YAML come from the shared YAML reader. */
	assert_null(parse(c, "weights: { speed: 1, speed: 2 }\n", &d));
	assert_int_equal(d.count, 1);
	assert_int_equal(d.items[0].line, 1);
	assert_int_equal(d.items[0].column, 22);
	diags_free(&d);
	assert_null(parse(c, "choices: { app_kind: realtime\n", &d));
	assert_true(d.count >= 1);
	assert_true(d.items[0].line >= 1);
	diags_free(&d);
	assert_null(parse(c, "", &d));
	assert_int_equal(d.count, 1);
	diags_free(&d);
}

/* What YAML 1.2 says a value is, not what C's strtod or a string makes of it. */
/* YAML 1.2 as the answers file reads it: escapes of NUL, tags, numbers. */

/* A NUL written as an escape would cut the text short: refused where it stands. */
static void test_yaml_nul(void **state)
{
	const struct criteria *c = *state;
	struct diags d;
	expect_error(c, "project: \"a\\0zzz\"\n", 1, 0, 1, 12,
	             "'\\0' is a NUL character, which a value cannot hold: remove it");
	expect_error(c, "notes: \"x\\x00\"\n", 1, 0, 1, 10,
	             "'\\x00' is a NUL character, which a value cannot hold: remove it");
	expect_error(c, "respondent: \"\\u0000\"\n", 1, 0, 1, 14,
	             "'\\u0000' is a NUL character, which a value cannot hold: remove it");
	expect_error(c, "criteria: \"st\\U00000000ack\"\n", 1, 0, 1, 14,
	             "'\\U00000000' is a NUL character, which a value cannot hold: remove it");
	expect_error(c, "choices: { \"app_kind\\0x\": realtime }\n", 1, 0, 1, 21,
	             "'\\0' is a NUL character, which a value cannot hold: remove it");
	/* A byte-order mark is no character of the line. */
	expect_error(c, "\xEF\xBB\xBFproject: \"a\\0zzz\"\n", 1, 0, 1, 12,
	             "'\\0' is a NUL character, which a value cannot hold: remove it");
	expect_error(c, "\xEF\xBB\xBFproject: \"a\xFF\"\n", 1, 0, 1, 12,
	             "invalid UTF-8 (byte 0xFF): save the file as UTF-8");
	/* An escaped backslash before a 0 is no NUL. */
	struct session *s = parse(c, "project: \"a\\\\0b\"\n", &d);
	assert_non_null(s);
	assert_string_equal(s->project, "a\\0b");
	session_free(s);
	diags_free(&d);
}

/* !!str and ! make text: never a number, never "no answer"; every other tag
 * is refused. */
static void test_yaml_tags(void **state)
{
	const struct criteria *c = *state;
	struct diags d;
	expect_error(c, "weights: { speed: !!str 3 }\n", 1, 0, 1, 19,
	             "'speed' must be a number from 0 to 5, got the text '3' (tagged !!str): "
	             "write numbers plainly, without a tag");
	expect_error(c, "weights: { speed: ! 3 }\n", 1, 0, 1, 19,
	             "'speed' must be a number from 0 to 5, got the text '3' (tagged !): "
	             "write numbers plainly, without a tag");
	expect_error(c, "choices: { team: !!str \"\" }\n", 1, 0, 1, 18,
	             "'team' must be a choice id, got empty text tagged !!str; to leave the "
	             "question unanswered, leave the value out or write ~");
	expect_error(c, "choices: { team: \"\" }\n", 1, 0, 1, 18,
	             "'team' must be a choice id, got empty text; to leave the question "
	             "unanswered, leave the value out or write ~");
	expect_error(c, "choices: { team: !!str null }\n", 1, 0, 1, 18,
	             "question 'team' has no choice 'null'; the choices are 'javascript' and "
	             "'python'");
	struct session *s = parse(c, "project: !!str 12\nchoices: { team: !!str python }\n", &d);
	assert_non_null(s);
	assert_string_equal(s->project, "12");
	assert_int_equal(s->choices[1], 1);
	session_free(s);
	diags_free(&d);
	/* Every other tag is refused, on a scalar or a collection. */
	expect_error(c, "weights: { speed: !!int 3 }\n", 1, 0, 1, 19,
	             "tag '!!int' is not supported: write the value without it (only !!str, "
	             "which makes a value text, is allowed)");
	expect_error(c, "weights: !!map { speed: 3 }\n", 1, 0, 1, 10,
	             "tag '!!map' is not supported: write the value without it (only !!str, "
	             "which makes a value text, is allowed)");
	expect_error(c, "project: !local x\n", 1, 0, 1, 10,
	             "tag '!local' is not supported: write the value without it (only !!str, "
	             "which makes a value text, is allowed)");
}

/* Numbers as the core schema reads them. */
static void test_yaml_numbers(void **state)
{
	const struct criteria *c = *state;
	struct diags d;
	static const struct {
		const char *text;
		double value;
	} numbers[] = {
		{ "3", 3 }, { "+3", 3 }, { "-0", 0 }, { "0o4", 4 }, { "0x4", 4 }, { "2.5", 2.5 },
		{ ".5", 0.5 }, { "4.", 4 }, { "1e0", 1 }, { "1E-320", 1e-320 }, { "1e-400", 0 },
		{ "0.000", 0 }, { "05", 5 },
	};
	for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
		char text[64];
		snprintf(text, sizeof text, "weights: { speed: %s }\n", numbers[i].text);
		struct session *s = parse(c, text, &d);
		if (!s) {
			diags_print(&d, stderr);
			fail_msg("%s is a number", numbers[i].text);
		}
		assert_true(s->weights[0] == numbers[i].value);
		assert_false(signbit(s->weights[0]));
		session_free(s);
		diags_free(&d);
	}
	expect_error(c, "weights: { speed: 0x10 }\n", 1, 0, 1, 19,
	             "'speed' must be from 0 to 5, got 0x10 (16)");
	expect_error(c, "weights: { speed: 0o7 }\n", 1, 0, 1, 19,
	             "'speed' must be from 0 to 5, got 0o7 (7)");
	expect_error(c, "weights: { speed: .inf }\n", 1, 0, 1, 19,
	             "'speed' must be from 0 to 5, got .inf (infinity)");
	expect_error(c, "weights: { speed: -.Inf }\n", 1, 0, 1, 19,
	             "'speed' must be from 0 to 5, got -.Inf (infinity)");
	expect_error(c, "weights: { speed: 1e999 }\n", 1, 0, 1, 19,
	             "'speed' must be from 0 to 5, got 1e999 (too large for a number)");
	expect_error(c, "weights: { speed: .NaN }\n", 1, 0, 1, 19,
	             "'speed' must be a number from 0 to 5, got .NaN (not a number)");
	expect_error(c, "weights: { speed: nan }\n", 1, 0, 1, 19,
	             "'speed' must be a number from 0 to 5, got 'nan'");
	expect_error(c, "weights: { speed: 1_0 }\n", 1, 0, 1, 19,
	             "'speed' must be a number from 0 to 5, got '1_0', which YAML 1.2 reads as "
	             "text: write 10");
	expect_error(c, "weights: { speed: 0X3 }\n", 1, 0, 1, 19,
	             "'speed' must be a number from 0 to 5, got '0X3'");
	expect_error(c, "weights: { speed: -0x3 }\n", 1, 0, 1, 19,
	             "'speed' must be a number from 0 to 5, got '-0x3'");
	expect_error(c, "weights: { speed: 0b11 }\n", 1, 0, 1, 19,
	             "'speed' must be a number from 0 to 5, got '0b11'");
	expect_error(c, "weights: { speed: 0x1p1 }\n", 1, 0, 1, 19,
	             "'speed' must be a number from 0 to 5, got '0x1p1'");
	expect_error(c, "weights: { speed: 1:30 }\n", 1, 0, 1, 19,
	             "'speed' must be a number from 0 to 5, got '1:30'");
	expect_error(c, "weights: { speed: yes }\n", 1, 0, 1, 19,
	             "'speed' must be a number from 0 to 5, got 'yes'");
	expect_error(c, "weights: { speed: True }\n", 1, 0, 1, 19,
	             "'speed' must be a number from 0 to 5, got True, a boolean");
	expect_error(c, "weights: { speed: \"\" }\n", 1, 0, 1, 19,
	             "'speed' must be a number from 0 to 5, got empty text");
	expect_error(c, "weights: { speed: [3] }\n", 1, 0, 1, 19,
	             "'speed' must be a number from 0 to 5, got a list");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_file),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_yaml_errors),
		cmocka_unit_test(test_yaml_nul),
		cmocka_unit_test(test_yaml_tags),
		cmocka_unit_test(test_yaml_numbers),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
