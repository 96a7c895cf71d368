/* layer: records */
/* test_criteria.c - the criteria model and its loader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "criteria.h"
#include "criteria_source.h"
#include "glossary.h"
#include "strbuf.h"

static struct criteria *parse(const char *text, struct diags *d)
{
	diags_init(d, "t.yaml");
	return criteria_parse(text, strlen(text), d);
}

/* Asserts that TEXT fails with exactly one error, at LINE:COLUMN, whose
 * message contains WANT. */
static void expect_one_error(const char *text, int line, int column, const char *want)
{
	struct diags d;
	struct criteria *c = parse(text, &d);
	assert_null(c);
	if (d.count != 1) {
		diags_print(&d, stderr);
		fail_msg("expected one error, got %zu", d.count);
	}
	assert_int_equal(d.items[0].line, line);
	assert_int_equal(d.items[0].column, column);
	if (!strstr(d.items[0].message, want))
		fail_msg("message '%s' lacks '%s'", d.items[0].message, want);
	diags_free(&d);
}

#define HEAD "verdict: 1\nid: t\ntitle: T\noptions:\n  - id: a\n    name: A\n" \
             "  - id: b\n    name: B\n"
#define CRIT "criteria:\n  - id: c1\n    name: C1\n    question: Q?\n" \
             "    default_weight: 3\n    ratings: { a: 5, b: 6 }\n"

/* The built-in set, parsed and asserted valid. */
static struct criteria *default_set(void)
{
	struct diags d;
	diags_init(&d, "default");
	struct criteria *c = criteria_parse(default_criteria, default_criteria_len, &d);
	diags_print(&d, stderr);
	diags_free(&d);
	assert_non_null(c);
	return c;
}

/* The built-in set: its options, scale and criteria, each with what the
 * screens and reports need. */
static void test_default_set(void **state)
{
	(void)state;
	struct criteria *c = default_set();
	assert_string_equal(c->id, "node-vs-python");
	assert_int_equal(c->version, 1);
	assert_int_equal(c->noptions, 2);
	assert_string_equal(c->options[0].id, "node");
	assert_string_equal(c->options[0].name, "Node.js");
	assert_string_equal(c->options[1].id, "python");
	assert_string_equal(c->options[1].name, "Python");
	assert_int_equal(c->scale.min, 0);
	assert_int_equal(c->scale.max, 5);
	assert_string_equal(c->scale.labels[0], "Does not matter");
	assert_string_equal(c->scale.labels[5], "Critical");

	static const char *const rounds[] = {
		"architecture", "speed", "syntax", "scalability", "learning_curve", "libraries",
		"error_handling", "universality", "community", "extensibility", "use_cases",
	};
	/* Each argument once (docs/criteria-notes.md): the eleven rounds, the
	 * team's skills, AI and data, long-term upkeep. */
	assert_int_equal(c->ncriteria, 14);
	assert_true(c->nexamples >= 37);
	for (size_t i = 0; i < 11; i++)
		assert_string_equal(c->criteria[i].id, rounds[i]);
	for (size_t i = 0; i < c->ncriteria; i++) {
		const struct criterion *cr = &c->criteria[i];
		assert_non_null(cr->source);
		assert_non_null(cr->why[0]);
		assert_non_null(cr->why[1]);
		assert_true(cr->default_weight >= 0 && cr->default_weight <= 5);
	}
	criteria_free(c);
}

/* Every glossary term of the built-in set is one the set's own texts use
 * (sources included: reports show them). */
static void test_default_set_glossary(void **state)
{
	(void)state;
	struct criteria *c = default_set();
	assert_true(c->nglossary > 0);
	struct strbuf all;
	strbuf_init(&all);
	strbuf_printf(&all, "%s\n%s\n", c->title, c->summary);
	for (size_t i = 0; i < c->ncriteria; i++) {
		const struct criterion *cr = &c->criteria[i];
		strbuf_printf(&all, "%s\n%s\n%s\n%s\n%s\n", cr->name, cr->question, cr->why[0],
		              cr->why[1], cr->source);
	}
	for (size_t q = 0; q < c->nquestions; q++) {
		strbuf_printf(&all, "%s\n", c->questions[q].prompt);
		for (size_t k = 0; k < c->questions[q].nchoices; k++)
			strbuf_printf(&all, "%s\n", c->questions[q].choices[k].label);
	}
	for (size_t g = 0; g < c->nglossary; g++)
		if (!glossary_mentions(strbuf_str(&all), c->glossary[g].term))
			fail_msg("glossary term '%s' is used nowhere in the set", c->glossary[g].term);
	strbuf_free(&all);
	criteria_free(c);
}

/* The article's verdicts: Node.js wins speed, Python wins syntax, the
 * learning curve is a tie. */
static void test_default_set_verdicts(void **state)
{
	(void)state;
	struct criteria *c = default_set();
	int speed = criteria_criterion_index(c, "speed");
	int syntax = criteria_criterion_index(c, "syntax");
	int learning = criteria_criterion_index(c, "learning_curve");
	assert_true(c->criteria[speed].ratings[0] > c->criteria[speed].ratings[1]);
	assert_true(c->criteria[syntax].ratings[1] > c->criteria[syntax].ratings[0]);
	assert_true(c->criteria[learning].ratings[0] == c->criteria[learning].ratings[1]);
	criteria_free(c);
}

/* The built-in set's two profile questions and their choices. */
static void test_default_set_questions(void **state)
{
	(void)state;
	struct criteria *c = default_set();
	assert_int_equal(c->nquestions, 2);
	for (size_t q = 0; q < c->nquestions; q++) {
		assert_non_null(c->questions[q].name);
		for (size_t k = 0; k < c->questions[q].nchoices; k++)
			assert_non_null(c->questions[q].choices[k].name);
	}
	int kind = criteria_question_index(c, "app_kind");
	int team = criteria_question_index(c, "team_skills");
	assert_true(kind >= 0 && team >= 0);
	static const char *const kinds[] = { "realtime", "heavy_load", "ecommerce", "cms",
		"scientific", "government", "big_data", "ai_ml", "other" };
	assert_int_equal(c->questions[kind].nchoices, 9);
	for (size_t i = 0; i < 9; i++)
		assert_string_equal(c->questions[kind].choices[i].id, kinds[i]);
	static const char *const teams[] = { "javascript", "python", "both", "neither" };
	assert_int_equal(c->questions[team].nchoices, 4);
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(c->questions[team].choices[i].id, teams[i]);
	/* A real-time app raises weights and rates use_cases for Node.js. */
	const struct choice *rt = &c->questions[kind].choices[0];
	assert_true(rt->ndeltas > 0);
	assert_true(rt->noverrides > 0);
	criteria_free(c);
}

static void test_minimal_set(void **state)
{
	(void)state;
	struct diags d;
	struct criteria *c = parse(HEAD CRIT, &d);
	assert_non_null(c);
	assert_string_equal(c->title, "T");
	assert_null(c->summary);
	assert_int_equal(c->ncriteria, 1);
	assert_string_equal(c->criteria[0].name, "C1");
	assert_null(c->criteria[0].group);
	assert_null(c->criteria[0].why[0]);
	assert_true(c->criteria[0].default_weight == 3.0);
	assert_true(c->criteria[0].ratings[0] == 5.0);
	assert_true(c->criteria[0].ratings[1] == 6.0);
	/* Defaults: the 0..5 scale with plain labels, the strength thresholds. */
	assert_int_equal(c->scale.max, 5);
	assert_string_equal(criteria_weight_label(c, 3.4), "Important");
	assert_true(c->strength.tie == 0.5);
	assert_true(c->strength.leaning == 2.0);
	assert_true(c->strength.clear == 8.0);
	assert_int_equal(criteria_option_index(c, "b"), 1);
	assert_int_equal(criteria_option_index(c, "z"), -1);
	criteria_free(c);
	diags_free(&d);
}

static void test_questions_and_overrides(void **state)
{
	(void)state;
	struct diags d;
	struct criteria *c = parse(HEAD CRIT
		"scale: { min: 1, max: 9 }\n"
		"strength: { tie: 1, leaning: 3, clear: 10 }\n"
		"questions:\n  - id: q\n    prompt: P?\n    choices:\n"
		"      - { id: x, label: X, weights: { c1: -2.5 } }\n"
		"      - { id: y, label: Y, ratings: { c1: { b: 9.5 } } }\n", &d);
	diags_print(&d, stderr);
	assert_non_null(c);
	assert_int_equal(c->scale.min, 1);
	assert_int_equal(c->scale.max, 9);
	assert_string_equal(c->scale.labels[0], "1");
	assert_true(c->strength.clear == 10.0);
	const struct question *q = &c->questions[0];
	assert_int_equal(q->nchoices, 2);
	assert_int_equal(q->choices[0].ndeltas, 1);
	assert_int_equal(q->choices[0].deltas[0].criterion, 0);
	assert_true(q->choices[0].deltas[0].delta == -2.5);
	assert_int_equal(q->choices[1].noverrides, 1);
	assert_int_equal(q->choices[1].overrides[0].option, 1);
	assert_true(q->choices[1].overrides[0].rating == 9.5);
	assert_int_equal(criteria_choice_index(q, "y"), 1);
	criteria_free(c);
	diags_free(&d);
}

static void test_error_positions(void **state)
{
	(void)state;
	expect_one_error("", 1, 1, "empty");
	expect_one_error("- a\n", 1, 1, "top level must be a mapping");
	expect_one_error(HEAD CRIT "extra: 1\n", 15, 1, "unknown key 'extra' in the top level");
	expect_one_error(HEAD CRIT "sumary: s\n", 15, 1, "did you mean 'summary'?");
	expect_one_error(HEAD "criteria:\n  - id: c1\n    name: C1\n    question: Q?\n"
	                 "    default_weight: 6\n    ratings: { a: 5, b: 6 }\n",
	                 13, 21, "'default_weight' must be from 0 to 5, got 6");
	expect_one_error(HEAD "criteria:\n  - id: c1\n    name: C1\n    question: Q?\n"
	                 "    default_weight: 2\n    ratings: { a: 5 }\n",
	                 14, 14, "must rate every option: 'b' is missing");
	expect_one_error(HEAD CRIT "title: again\n", 15, 1, "duplicate key 'title' (first given at line 3)");
	expect_one_error("verdict: 1\nid: t\ntitle: T\noptions:\n  - id: a\n    name: A\n"
	                 "  - id: a\n    name: B\n" CRIT, 7, 9, "duplicate option id 'a'");
	expect_one_error(HEAD CRIT "\tsummary: s\n", 15, 1, "tab character in the indentation");
	expect_one_error(HEAD "criteria: [1, 2\n", 10, 1, "YAML syntax");
	expect_one_error("verdict: 1\nid: t\ntitle: \"a\xc3\x28\"\n", 3, 10, "invalid UTF-8 (byte 0xC3)");
	expect_one_error("verdict: 3\nid: t\ntitle: T\noptions:\n  - { id: a, name: A }\n"
	                 "  - { id: b, name: B }\n" CRIT, 1, 10,
	                 "unsupported format version");
}

static void test_nul_byte(void **state)
{
	(void)state;
	static const char text[] = "verdict: 1\nid: t\ntit\0le: T\n";
	struct diags d;
	diags_init(&d, "t.yaml");
	assert_null(criteria_parse(text, sizeof text - 1, &d));
	assert_int_equal(d.count, 1);
	assert_int_equal(d.items[0].line, 3);
	assert_int_equal(d.items[0].column, 4);
	assert_non_null(strstr(d.items[0].message, "NUL byte"));
	diags_free(&d);
}

/* A million nested brackets, a billion-laughs file, a file over the size
 * limit: each is refused at once. */
static void test_hostile_files(void **state)
{
	(void)state;
	size_t n = 1000000;
	char *deep = malloc(2 * n + 1);
	assert_non_null(deep);
	memset(deep, '[', n);
	memset(deep + n, ']', n);
	deep[2 * n] = '\0';
	expect_one_error(deep, 1, 65, "nesting deeper than 64 levels");
	free(deep);

	expect_one_error("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a]\n", 1, 4,
	                 "anchors (&a) are not supported");

	size_t big = (16u << 20) + 1;
	char *huge = malloc(big + 1);
	assert_non_null(huge);
	memset(huge, '#', big);
	huge[big] = '\0';
	expect_one_error(huge, 1, 1, "file is 16777217 bytes, over the bound of 16777216 bytes "
	                 "(16 MiB)");
	free(huge);
}

/* Random bytes and random mutations of a valid file: never a crash or leak,
 * and either a model or at least one positioned error. */
static void test_random_inputs(void **state)
{
	(void)state;
	uint64_t x = 0x9E3779B97F4A7C15u;
	const char *base = HEAD CRIT;
	size_t len = strlen(base);
	char buf[512];
	for (int round = 0; round < 3000; round++) {
		size_t n;
		if (round % 2) {
			n = len;
			memcpy(buf, base, n);
			for (int k = 0; k < 3; k++) {
				x ^= x << 13, x ^= x >> 7, x ^= x << 17;
				buf[x % n] = (char)(x >> 40);
			}
		} else {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			n = x % sizeof buf;
			for (size_t i = 0; i < n; i++) {
				x ^= x << 13, x ^= x >> 7, x ^= x << 17;
				buf[i] = (char)x;
			}
		}
		struct diags d;
		diags_init(&d, "r.yaml");
		struct criteria *c = criteria_parse(buf, n, &d);
		if (c)
			criteria_free(c);
		else
			assert_true(d.count > 0);
		for (size_t i = 0; i < d.count; i++)
			assert_true(d.items[i].line >= 0 && d.items[i].column >= 0);
		diags_free(&d);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_set),
		cmocka_unit_test(test_default_set_glossary),
		cmocka_unit_test(test_default_set_verdicts),
		cmocka_unit_test(test_default_set_questions),
		cmocka_unit_test(test_minimal_set),
		cmocka_unit_test(test_questions_and_overrides),
		cmocka_unit_test(test_error_positions),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_hostile_files),
		cmocka_unit_test(test_random_inputs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
