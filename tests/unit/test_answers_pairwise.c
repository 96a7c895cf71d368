/* layer: model */
/* test_answers_pairwise.c - the answers file's `pairwise` list: the
 * comparisons it reads (each value snapped to Saaty's scale), and the exact
 * position and wording of every comparison it refuses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "answers.h"
#include "criteria.h"

/* Flat: no criterion has a group. */
static const char flat_set[] =
	"verdict: 1\n"
	"id: flat\n"
	"title: T\n"
	"options:\n"
	"  - { id: node, name: Node.js }\n"
	"  - { id: python, name: Python }\n"
	"criteria:\n"
	"  - { id: speed, name: S, question: Q?, default_weight: 3, ratings: { node: 8, python: 5 } }\n"
	"  - { id: syntax, name: R, question: Q?, default_weight: 2, ratings: { node: 5, python: 8 } }\n"
	"  - { id: libraries, name: L, question: Q?, default_weight: 2, ratings: { node: 6, python: 9 } }\n"
	"  - { id: hiring, name: H, question: Q?, default_weight: 2, ratings: { node: 7, python: 7 } }\n";

/* Four groups: Technical (speed, scale), Team (syntax, libraries, hiring,
 * community), Product (ai), Money (cost). */
static const char grouped_set[] =
	"verdict: 1\n"
	"id: grouped\n"
	"title: T\n"
	"options:\n"
	"  - { id: node, name: Node.js }\n"
	"  - { id: python, name: Python }\n"
	"criteria:\n"
	"  - { id: speed, name: S, group: Technical, question: Q?, default_weight: 3, ratings: { node: 8, python: 5 } }\n"
	"  - { id: syntax, name: R, group: Team, question: Q?, default_weight: 2, ratings: { node: 5, python: 8 } }\n"
	"  - { id: scale, name: C, group: Technical, question: Q?, default_weight: 2, ratings: { node: 6, python: 9 } }\n"
	"  - { id: libraries, name: L, group: Team, question: Q?, default_weight: 2, ratings: { node: 6, python: 9 } }\n"
	"  - { id: hiring, name: H, group: Team, question: Q?, default_weight: 2, ratings: { node: 7, python: 7 } }\n"
	"  - { id: community, name: M, group: Team, question: Q?, default_weight: 2, ratings: { node: 7, python: 7 } }\n"
	"  - { id: ai, name: A, group: Product, question: Q?, default_weight: 2, ratings: { node: 3, python: 9 } }\n"
	"  - { id: cost, name: K, group: Money, question: Q?, default_weight: 2, ratings: { node: 7, python: 7 } }\n";

/* Groups whose names a hint must tell from criteria: Team & ecosystem
 * beside the criterion team, and a name YAML needs quoted in a list. */
static const char hint_set[] =
	"verdict: 1\n"
	"id: hints\n"
	"title: T\n"
	"options:\n"
	"  - { id: node, name: Node.js }\n"
	"  - { id: python, name: Python }\n"
	"criteria:\n"
	"  - { id: speed, name: S, group: Technical, question: Q?, default_weight: 3, ratings: { node: 8, python: 5 } }\n"
	"  - { id: scale, name: C, group: Technical, question: Q?, default_weight: 2, ratings: { node: 6, python: 9 } }\n"
	"  - { id: team, name: T, group: Team & ecosystem, question: Q?, default_weight: 2, ratings: { node: 5, python: 8 } }\n"
	"  - { id: libraries, name: L, group: Team & ecosystem, question: Q?, default_weight: 2, ratings: { node: 6, python: 9 } }\n"
	"  - { id: ai, name: A, group: \"Product: AI, data\", question: Q?, default_weight: 2, ratings: { node: 3, python: 9 } }\n";

struct sets {
	struct criteria *flat, *grouped, *hints;
};

static struct criteria *load(const char *text, size_t len)
{
	struct diags d;
	diags_init(&d, "set.yaml");
	struct criteria *c = criteria_parse(text, len, &d);
	diags_print(&d, stderr);
	diags_free(&d);
	return c;
}

static int setup(void **state)
{
	static struct sets sets;
	sets.flat = load(flat_set, sizeof flat_set - 1);
	sets.grouped = load(grouped_set, sizeof grouped_set - 1);
	sets.hints = load(hint_set, sizeof hint_set - 1);
	*state = &sets;
	return sets.flat && sets.grouped && sets.hints ? 0 : -1;
}

static int teardown(void **state)
{
	struct sets *sets = *state;
	criteria_free(sets->flat);
	criteria_free(sets->grouped);
	criteria_free(sets->hints);
	return 0;
}

static struct session *parse(const struct criteria *c, const char *text, struct diags *d)
{
	diags_init(d, "a.yaml");
	return answers_parse(text, strlen(text), c, d);
}

/* TEXT fails with COUNT errors; the first (in position order) is at
 * LINE:COLUMN and reads MSG. */
static void expect_error(const struct criteria *c, const char *text, size_t count, int line,
                         int column, const char *msg)
{
	struct diags d;
	struct session *s = parse(c, text, &d);
	assert_null(s);
	char out[4096] = "";
	FILE *f = fmemopen(out, sizeof out - 1, "w");
	assert_non_null(f);
	diags_print(&d, f);     /* sorts by position */
	fclose(f);
	if (d.count != count)
		fail_msg("expected %zu errors, got %zu:\n%s", count, d.count, out);
	const struct diag *e = &d.items[0];
	if (e->line != line || e->column != column || strcmp(e->message, msg) != 0)
		fail_msg("got %d:%d: %s\nwant %d:%d: %s", e->line, e->column, e->message, line,
		         column, msg);
	diags_free(&d);
}

/* TEXT fails with exactly the errors WANT (NULL-terminated), each line as
 * printed: "a.yaml:LINE:COLUMN: error: MESSAGE", in position order. */
static void expect_errors(const struct criteria *c, const char *text, const char *const *want)
{
	struct diags d;
	struct session *s = parse(c, text, &d);
	assert_null(s);
	char out[8192] = "";
	FILE *f = fmemopen(out, sizeof out - 1, "w");
	assert_non_null(f);
	diags_print(&d, f);
	fclose(f);
	diags_free(&d);
	char all[8192] = "";
	for (size_t i = 0; want[i]; i++) {
		strcat(all, want[i]);
		strcat(all, "\n");
	}
	if (strcmp(out, all) != 0) {
		fprintf(stderr, "got:\n%s\nwant:\n%s", out, all);
		fail();
	}
}

#define SAATY "a comparison's value must be a number on Saaty's scale: a whole number " \
	"from 1 to 9, or the reciprocal of one, from 1/2 to 1/9 (written 1/5 or 0.2), got "

/* The value VALUE, in [speed, syntax, VALUE], is refused with SAATY and
 * then GOT, at the value. */
static void expect_off_scale(const struct criteria *c, const char *value, const char *got)
{
	char text[200], msg[600];
	snprintf(text, sizeof text, "pairwise:\n  - [speed, syntax, %s]\n", value);
	snprintf(msg, sizeof msg, SAATY "%s", got);
	expect_error(c, text, 1, 2, 21, msg);
}

static struct session *accept(const struct criteria *c, const char *text)
{
	struct diags d;
	struct session *s = parse(c, text, &d);
	diags_print(&d, stderr);
	diags_free(&d);
	assert_non_null(s);
	return s;
}

static void expect_judgment(const struct session *s, size_t i, enum judgment_level level,
                            size_t a, size_t b, double value)
{
	assert_true(i < s->njudgments);
	const struct judgment *j = &s->judgments[i];
	assert_int_equal(j->level, level);
	assert_int_equal(j->a, a);
	assert_int_equal(j->b, b);
	if (j->value != value)
		fail_msg("judgment %zu: got %.17g, want %.17g", i, j->value, value);
}

static void test_flat(void **state)
{
	const struct sets *sets = *state;
	struct session *s = accept(sets->flat,
		"pairwise:\n"
		"  - [speed, syntax, 3]          # speed matters 3 times as much\n"
		"  - [syntax, libraries, 1/5]\n"
		"  - [libraries, hiring, \"1/3\"]\n"
		"  - [hiring, speed, 0.2]\n"
		"  - [speed, libraries, 0.33]\n"
		"  - [syntax, hiring, 9]\n");
	assert_int_equal(s->weighting, WEIGHTING_PAIRWISE);
	assert_int_equal(s->njudgments, 6);
	expect_judgment(s, 0, JUDGE_CRITERIA, 0, 1, 3);
	expect_judgment(s, 1, JUDGE_CRITERIA, 1, 2, 1.0 / 5);
	expect_judgment(s, 2, JUDGE_CRITERIA, 2, 3, 1.0 / 3);
	expect_judgment(s, 3, JUDGE_CRITERIA, 3, 0, 1.0 / 5);
	expect_judgment(s, 4, JUDGE_CRITERIA, 0, 2, 1.0 / 3);   /* snapped */
	expect_judgment(s, 5, JUDGE_CRITERIA, 1, 3, 9);
	for (size_t k = 0; k < 4; k++)
		assert_int_equal(s->weight_set[k], 0);
	session_free(s);

	/* A criterion in no comparison is left out, not an error. */
	s = accept(sets->flat, "pairwise: [[speed, syntax, 1], [syntax, libraries, 2]]\n");
	assert_int_equal(s->njudgments, 2);
	expect_judgment(s, 1, JUDGE_CRITERIA, 1, 2, 2);
	session_free(s);

	/* No value is no answer, as for the other keys (an empty list is an
	 * error: test_incomplete). */
	s = accept(sets->flat, "pairwise:\n");
	assert_int_equal(s->weighting, WEIGHTING_RATINGS);
	session_free(s);
	s = accept(sets->flat, "weights: { speed: 3 }\n");
	assert_int_equal(s->weighting, WEIGHTING_RATINGS);
	session_free(s);
}

static void test_grouped(void **state)
{
	const struct sets *sets = *state;
	struct session *s = accept(sets->grouped,
		"pairwise:\n"
		"  - [speed, scale, 2]\n"
		"  - [syntax, libraries, 1/4]\n"
		"  - [libraries, hiring, 3]\n"
		"  - [Team, Technical, 1/2]\n");
	assert_int_equal(s->njudgments, 4);
	expect_judgment(s, 0, JUDGE_CRITERIA, 0, 2, 2);
	expect_judgment(s, 1, JUDGE_CRITERIA, 1, 3, 0.25);
	expect_judgment(s, 2, JUDGE_CRITERIA, 3, 4, 3);
	/* Groups in the order they first appear: Technical 0, Team 1. */
	expect_judgment(s, 3, JUDGE_GROUPS, 1, 0, 0.5);
	session_free(s);
}

static void test_errors_flat(void **state)
{
	const struct criteria *c = ((const struct sets *)*state)->flat;
	expect_error(c, "pairwise:\n  - [sped, syntax, 3]\n", 1, 2, 6,
	             "unknown criterion 'sped' in 'pairwise'; did you mean 'speed'?");
	expect_error(c, "pairwise:\n  - [speed, zzzzzz, 3]\n", 1, 2, 13,
	             "unknown criterion 'zzzzzz' in 'pairwise'");
	expect_off_scale(c, "12", "12, which is not on the scale (it ends at 9)");
	expect_off_scale(c, "4.5", "4.5, which is not on the scale");
	expect_off_scale(c, "1/10", "1/10, which is not on the scale (it ends at 1/9)");
	expect_off_scale(c, "much", "'much', which is not a number");
	expect_off_scale(c, "[3]", "a list");
	expect_error(c, "pairwise:\n  - [speed, speed, 3]\n", 1, 2, 13,
	             "'speed' is compared with itself; compare two different criteria");
	expect_error(c, "pairwise:\n  - [speed, syntax, 3]\n  - [syntax, speed, 1/2]\n", 1, 3, 5,
	             "'syntax' and 'speed' are compared again with another value: 1/2 here, 1/3 "
	             "at line 2 (as 'syntax' over 'speed'); give each pair once, with the value "
	             "you mean");
	expect_error(c, "pairwise:\n  - [speed, syntax, 3]\n  - [speed, syntax, 5]\n", 1, 3, 5,
	             "'speed' and 'syntax' are compared again with another value: 5 here, 3 "
	             "at line 2 (as 'speed' over 'syntax'); give each pair once, with the value "
	             "you mean");
	expect_error(c, "pairwise:\n  - [speed, syntax, 3]\n  - [syntax, speed, 1/3]\n", 1, 3, 5,
	             "'syntax' and 'speed' are compared twice (first at line 2); give each pair "
	             "once");
	expect_error(c, "pairwise:\n  - [speed, syntax]\n", 1, 2, 5,
	             "each comparison in 'pairwise' must be a list of three items, [criterion, "
	             "criterion, value], got a list of 2 items");
	expect_error(c, "pairwise:\n  - { speed: syntax }\n", 1, 2, 5,
	             "each comparison in 'pairwise' must be a list of three items, [criterion, "
	             "criterion, value], got a mapping");
	expect_error(c, "pairwise:\n  - speed\n", 1, 2, 5,
	             "each comparison in 'pairwise' must be a list of three items, [criterion, "
	             "criterion, value], got text");
	expect_error(c, "pairwise: { speed: 3 }\n", 1, 1, 11,
	             "'pairwise' must be a list (items starting with '- '), got a mapping");
	expect_error(c, "pairwise:\n  - [[speed], syntax, 3]\n", 1, 2, 6,
	             "a comparison in 'pairwise' compares a criterion id, got a list");
	expect_error(c, "weights: { speed: 3 }\npairwise:\n  - [speed, syntax, 3]\n", 1, 2, 1,
	             "'pairwise' and 'weights' cannot both be given: weigh the criteria either "
	             "by a weight for each (weights) or by comparing them two at a time "
	             "(pairwise)");
	expect_error(c, "pairwise:\n  - [speed, syntax, 3]\n  - [libraries, hiring, 2]\n", 1, 1, 1,
	             "the comparisons do not link every criterion they name: 'libraries', "
	             "'hiring' are not linked to the others by any chain of comparisons; compare "
	             "one of them with one of the others");
	/* Every error of the list at once; the link is checked only then. */
	expect_error(c, "pairwise:\n  - [sped, syntax, 3]\n  - [speed, speed, 2]\n"
	             "  - [libraries, hiring, 11]\n", 3, 2, 6,
	             "unknown criterion 'sped' in 'pairwise'; did you mean 'speed'?");
}

static void test_errors_grouped(void **state)
{
	const struct criteria *c = ((const struct sets *)*state)->grouped;
	expect_error(c, "pairwise:\n  - [speed, syntax, 3]\n", 1, 2, 5,
	             "'speed' (group 'Technical') and 'syntax' (group 'Team') are in different "
	             "groups: compare criteria only within their group, and compare their groups "
	             "instead, as [Technical, Team, value]");
	expect_error(c, "pairwise:\n  - [speed, Team, 3]\n", 1, 2, 13,
	             "'speed' is a criterion and 'Team' a group: compare criteria with criteria "
	             "of their own group, and groups with groups");
	expect_error(c, "pairwise:\n  - [Team, Team, 3]\n", 1, 2, 12,
	             "'Team' is compared with itself; compare two different groups");
	expect_error(c, "pairwise:\n  - [Teem, Technical, 3]\n", 1, 2, 6,
	             "unknown criterion or group 'Teem' in 'pairwise'; did you mean the group 'Team'?");
	expect_error(c, "pairwise:\n  - [speed, scale]\n", 1, 2, 5,
	             "each comparison in 'pairwise' must be a list of three items, [criterion or "
	             "group, criterion or group, value], got a list of 2 items");
	expect_error(c, "pairwise:\n  - [Technical, Team, 2]\n  - [Team, Technical, 3]\n", 1, 3, 5,
	             "'Team' and 'Technical' are compared again with another value: 3 here, 1/2 "
	             "at line 2 (as 'Team' over 'Technical'); give each pair once, with the value "
	             "you mean");
	expect_error(c, "pairwise:\n  - [syntax, libraries, 3]\n  - [speed, scale, 2]\n"
	             "  - [hiring, hiring, 2]\n", 1, 4, 14,
	             "'hiring' is compared with itself; compare two different criteria");
}

/* Disconnection is checked matrix by matrix: the groups, then each group. */
static void test_disconnected_grouped(void **state)
{
	const struct criteria *c = ((const struct sets *)*state)->grouped;
	/* Criteria and groups in no comparison are left out, not unlinked:
	 * hiring and community of Team, and Product and Money with theirs. */
	struct session *s = accept(c, "pairwise:\n  - [syntax, libraries, 3]\n"
	                              "  - [Technical, Team, 1]\n  - [scale, speed, 2]\n");
	assert_int_equal(s->njudgments, 3);
	session_free(s);
	expect_error(c, "pairwise:\n  - [syntax, libraries, 3]\n  - [hiring, community, 2]\n"
	             "  - [Team, Technical, 1]\n  - [speed, scale, 1]\n", 1,
	             1, 1, "the comparisons within group 'Team' do not link every criterion they "
	             "name: 'hiring', 'community' are not linked to the others by any chain of "
	             "comparisons; compare one of them with one of the others");
	/* (with Technical's and Team's criteria not compared: three errors) */
	expect_error(c, "pairwise:\n  - [Technical, Team, 3]\n  - [Money, Product, 2]\n", 3, 1, 1,
	             "the comparisons of groups do not link every group they name: 'Product', "
	             "'Money' are not linked to the others by any chain of comparisons; compare "
	             "one of them with one of the others");
	expect_error(c, "pairwise:\n  - [speed, scale, 3]\n  - [Technical, Team, 3]\n"
	             "  - [Money, Product, 2]\n  - [hiring, community, 2]\n  - [syntax, libraries, 1]\n",
	             2, 1, 1,
	             "the comparisons of groups do not link every group they name: 'Product', "
	             "'Money' are not linked to the others by any chain of comparisons; compare "
	             "one of them with one of the others");
}

/* Every way a list can fall short of weighing the criteria, each with its
 * message, once, where it can be mended. */
static void test_incomplete(void **state)
{
	const struct sets *sets = *state;
	const struct criteria *c = sets->grouped;
	/* An empty list, at the key. */
	expect_error(sets->flat, "pairwise: []\n", 1, 1, 1,
	             "'pairwise' lists no comparisons: compare the criteria two at a time, as "
	             "[speed, syntax, 3] (speed matters 3 times as much as syntax); to rate each "
	             "criterion instead, use 'weights'");
	expect_error(c, "choices: {}\npairwise: []\n", 1, 2, 1,
	             "'pairwise' lists no comparisons: compare the criteria two at a time within "
	             "each group, as [speed, scale, 3] (speed matters 3 times as much as scale), "
	             "and then the groups, as [Technical, Team, 2]; to rate each criterion "
	             "instead, use 'weights'");
	/* Criteria compared, the groups not: at the key. */
	expect_error(c, "pairwise:\n  - [syntax, libraries, 3]\n  - [speed, scale, 2]\n", 1, 1, 1,
	             "the groups are not compared with each other: compare them two at a time "
	             "too, as [Technical, Team, 2], so that each group's criteria get their share "
	             "(the groups are 'Technical', 'Team', 'Product' and 'Money')");
	/* A group compared, none of its criteria: at the group's first mention,
	 * naming them. */
	expect_error(c, "pairwise:\n  - [Product, Team, 2]\n  - [Team, Technical, 1/3]\n"
	             "  - [syntax, libraries, 3]\n", 1, 3, 12,
	             "group 'Technical' is compared with other groups, but none of its criteria "
	             "is compared: compare 'speed' and 'scale' two at a time, as [speed, scale, "
	             "value], so that they share the group's weight");
	expect_error(c, "pairwise:\n  - [Technical, Team, 2]\n  - [speed, scale, 3]\n", 1, 2, 17,
	             "group 'Team' is compared with other groups, but none of its criteria is "
	             "compared: compare 'syntax', 'libraries', 'hiring' and 'community' two at a "
	             "time, as [syntax, libraries, value], so that they share the group's weight");
	/* A group's criteria compared, the group not: at their first entry. */
	expect_error(c, "pairwise:\n  - [Technical, Product, 2]\n  - [speed, scale, 3]\n"
	             "  - [hiring, syntax, 1]\n", 1, 4, 5,
	             "the criteria of group 'Team' are compared, but the group is not compared "
	             "with any other group, so they would count for nothing: compare it with one "
	             "of the others, as [Team, Technical, value]");
	/* A group of one criterion needs none: Product (ai) weighs whole. */
	struct session *s = accept(c, "pairwise:\n  - [Technical, Product, 2]\n"
	                              "  - [speed, scale, 3]\n");
	assert_int_equal(s->njudgments, 2);
	session_free(s);
	/* A repeated key: the YAML reader's error, and only the first list is
	 * read (the second once met the first's comparisons past the end of
	 * what it had read: found by fuzzing). */
	expect_error(c, "pairwise:\n  - [Technical, Team, 2]\n  - [speed, scale, 3]\n"
	             "  - [syntax, libraries, 3]\npairwise:\n  - [Team, Technical, 1/2]\n", 1, 5, 1,
	             "duplicate key 'pairwise' (first given at line 1)");
	/* Each shortfall is told; the first in the file first. */
	expect_error(c, "pairwise:\n  - [Technical, Team, 2]\n  - [Money, Product, 2]\n"
	             "  - [hiring, community, 2]\n  - [syntax, libraries, 1]\n", 3, 1, 1,
	             "the comparisons of groups do not link every group they name: 'Product', "
	             "'Money' are not linked to the others by any chain of comparisons; compare "
	             "one of them with one of the others");
}

/* Every value that is not on the scale, each told what is wrong with it;
 * a decimal that shortens one value of the scale is asked about. */
static void test_values(void **state)
{
	const struct criteria *c = ((const struct sets *)*state)->flat;
	expect_off_scale(c, "1/0", "1/0, which divides by zero");
	expect_off_scale(c, "0/5", "0/5, which is not on the scale (it is zero; 1 says the two "
	             "matter equally)");
	expect_off_scale(c, "0", "0, which is not on the scale (it is zero; 1 says the two "
	             "matter equally)");
	expect_off_scale(c, "-3", "-3, which is not on the scale (no value is negative: to say "
	             "the second matters 3 times as much, write 1/3)");
	expect_off_scale(c, "-0.5", "-0.5, which is not on the scale (no value is negative)");
	expect_off_scale(c, "1/2/3", "'1/2/3', which is neither a number nor a fraction such as "
	             "1/5");
	expect_off_scale(c, "1/x", "'1/x', which is neither a number nor a fraction such as 1/5");
	expect_off_scale(c, "\"1/ 5\"", "'1/ 5', a fraction with spaces in it; write it without "
	             "them, as 1/5");
	expect_off_scale(c, "inf", "'inf', which is not a number");
	expect_off_scale(c, "nan", "'nan', which is not a number");
	expect_off_scale(c, ".inf", ".inf, which is not on the scale (it ends at 9)");
	expect_off_scale(c, "-.inf", "-.inf, which is not on the scale (no value is negative)");
	expect_off_scale(c, ".nan", ".nan, which is not a number");
	expect_off_scale(c, "1e400", "1e400, which is not on the scale (it ends at 9)");
	expect_off_scale(c, "1e-400", "1e-400, which is not on the scale (it is zero; 1 says the "
	             "two matter equally)");
	expect_off_scale(c, "\"\"", "empty text");
	expect_off_scale(c, "\"3\"", "'3', a number in quotes; write it without them");
	expect_off_scale(c, "true", "'true', which is not a number");
	expect_off_scale(c, "~", "no value");
	expect_off_scale(c, "{ a: 1 }", "a mapping");
	expect_off_scale(c, "[1, 3]", "a list");
	expect_off_scale(c, "0.3", "0.3, which is not on the scale; did you mean 1/3?");
	expect_off_scale(c, "0.12", "0.12, which is not on the scale; did you mean 1/8?");
	expect_off_scale(c, "0.16", "0.16, which is not on the scale; did you mean 1/6?");
	expect_off_scale(c, "0.6", "0.6, which is not on the scale");
	expect_off_scale(c, "0.1", "0.1, which is not on the scale (it ends at 1/9)");
	expect_off_scale(c, "2.9", "2.9, which is not on the scale");
	/* Within 2.5 % of a value of the scale is that value. */
	struct session *s = accept(c, "pairwise: [[speed, syntax, 0.14], [syntax, hiring, 0.33],"
	                              " [hiring, libraries, \"2/6\"]]\n");
	expect_judgment(s, 0, JUDGE_CRITERIA, 0, 1, 1.0 / 7);
	expect_judgment(s, 1, JUDGE_CRITERIA, 1, 3, 1.0 / 3);
	expect_judgment(s, 2, JUDGE_CRITERIA, 3, 2, 1.0 / 3);
	session_free(s);
}

/* Both weighings given: that, and every other error of the file, at once. */
static void test_every_error_at_once(void **state)
{
	const struct criteria *c = ((const struct sets *)*state)->grouped;
	static const char *const want[] = {
		"a.yaml:1:1: error: unknown key 'projet' in the top level; did you mean 'project'?",
		"a.yaml:2:19: error: 'speed' must be from 0 to 5, got 7",
		"a.yaml:3:1: error: 'pairwise' and 'weights' cannot both be given: weigh the "
		"criteria either by a weight for each (weights) or by comparing them two at a "
		"time (pairwise)",
		"a.yaml:4:5: error: each comparison in 'pairwise' must be a list of three items, "
		"[criterion or group, criterion or group, value], got a list of 2 items",
		"a.yaml:4:17: error: unknown criterion or group 'sintax' in 'pairwise'; did you "
		"mean 'syntax'?",
		"a.yaml:5:20: error: " SAATY "1/0, which divides by zero",
		"a.yaml:6:25: error: " SAATY "'one', which is not a number",
		"a.yaml:7:13: error: 'speed' is a criterion and 'Team' a group: compare criteria "
		"with criteria of their own group, and groups with groups",
		"a.yaml:8:5: error: 'syntax' (group 'Team') and 'ai' (group 'Product') are in "
		"different groups: compare criteria only within their group, and compare their "
		"groups instead, as [Team, Product, value]",
		"a.yaml:8:18: error: " SAATY "0.3, which is not on the scale; did you mean 1/3?",
		NULL,
	};
	expect_errors(c, "projet: P\nweights: { speed: 7 }\npairwise:\n"
	              "  - [libraries, sintax]\n"
	              "  - [speed, scale, 1/0]\n"
	              "  - [syntax, libraries, one]\n"
	              "  - [speed, Team, 2]\n"
	              "  - [syntax, ai, 0.3]\n", want);
}

/* The hint for an unknown item looks among criteria and groups, first
 * among the kind of the pair's other item; a group's name is given as it
 * must be written. */
static void test_hints(void **state)
{
	const struct criteria *c = ((const struct sets *)*state)->hints;
	expect_error(c, "pairwise:\n  - [Technical, Team, 2]\n", 1, 2, 17,
	             "unknown criterion or group 'Team' in 'pairwise'; did you mean the group "
	             "'Team & ecosystem'?");
	expect_error(c, "pairwise:\n  - [Team, Technical, 2]\n", 1, 2, 6,
	             "unknown criterion or group 'Team' in 'pairwise'; did you mean the group "
	             "'Team & ecosystem'?");
	expect_error(c, "pairwise:\n  - [libraries, Team, 2]\n", 1, 2, 17,
	             "unknown criterion or group 'Team' in 'pairwise'; did you mean 'team'?");
	expect_error(c, "pairwise:\n  - [Tecnical, Team & ecosystem, 2]\n", 1, 2, 6,
	             "unknown criterion or group 'Tecnical' in 'pairwise'; did you mean the "
	             "group 'Technical'?");
	expect_error(c, "pairwise:\n  - [Technical, product, 2]\n", 1, 2, 17,
	             "unknown criterion or group 'product' in 'pairwise'; did you mean the "
	             "group \"Product: AI, data\" (quoted, as YAML needs it there)?");
	expect_error(c, "pairwise:\n  - [speed, scal, 2]\n", 1, 2, 13,
	             "unknown criterion or group 'scal' in 'pairwise'; did you mean 'scale'?");
	/* Neither known: the nearest by spelling, a criterion first. */
	expect_error(c, "pairwise:\n  - [Teem, zzzz, 2]\n", 2, 2, 6,
	             "unknown criterion or group 'Teem' in 'pairwise'; did you mean 'team'?");
	/* The quoted name is read as the group. */
	struct session *s = accept(c, "pairwise:\n  - [Technical, \"Product: AI, data\", 2]\n"
	                              "  - [Technical, Team & ecosystem, 1]\n"
	                              "  - [speed, scale, 3]\n  - [team, libraries, 1]\n");
	assert_int_equal(s->njudgments, 4);
	session_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flat),
		cmocka_unit_test(test_grouped),
		cmocka_unit_test(test_errors_flat),
		cmocka_unit_test(test_errors_grouped),
		cmocka_unit_test(test_disconnected_grouped),
		cmocka_unit_test(test_incomplete),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_every_error_at_once),
		cmocka_unit_test(test_hints),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
