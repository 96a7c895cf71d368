/* layer: scoring */
/* test_diff.c - two sessions compared (diff_session.c): each changed
 * input's exact Shapley share of the change in the margin, worked out by
 * hand, adding up to the whole change; a criteria file's changes; the
 * grouped game past 16 inputs; a refusal when the options differ; and the
 * criteria diff (diff_criteria.c) by ids. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "criteria.h"
#include "diff.h"
#include "helper_model.h"
#include "score.h"
#include "session.h"

#define assert_near(got, want)                                                           \
	do {                                                                              \
		double got_ = (got), want_ = (want);                                      \
		if (fabs(got_ - want_) > 1e-9)                                            \
			fail_msg("%s is %.17g, expected %.17g", #got, got_, want_);         \
	} while (0)

/* The worked example of docs/scoring.md (tests/fixtures/criteria/
 * worked-example.yaml). */
static const char worked[] =
	"verdict: 1\nid: worked-example\ntitle: T\noptions:\n"
	"  - { id: node, name: Node.js }\n  - { id: python, name: Python }\n"
	"criteria:\n"
	"  - { id: speed, name: Speed, question: Q?, default_weight: 3, ratings: { node: 8, python: 5 } }\n"
	"  - { id: syntax, name: Readable code, question: Q?, default_weight: 2, ratings: { node: 5, python: 8 } }\n"
	"  - { id: ai_ml, name: Machine learning, question: Q?, default_weight: 1, ratings: { node: 3, python: 10 } }\n"
	"questions:\n"
	"  - id: app_kind\n    prompt: What are you building?\n    choices:\n"
	"      - { id: realtime, label: A real-time app, weights: { speed: +3 } }\n"
	"      - { id: other, label: Something else }\n"
	"  - id: team\n    prompt: What does your team know?\n    choices:\n"
	"      - { id: javascript, label: JavaScript, weights: { syntax: -1 }, ratings: { syntax: { node: 7 } } }\n"
	"      - { id: python, label: Python }\n";

/* The share of the difference of KIND (about ID, when not NULL). */
static const struct diff_share *share_of(const struct session_diff *sd, enum diff_kind kind,
                                         const char *id)
{
	for (size_t i = 0; i < sd->nshares; i++) {
		const struct diff_item *it = &sd->diff.items[sd->shares[i].item];
		if (sd->shares[i].kind == SHARE_ITEM && it->kind == kind &&
		    (!id || (it->id && strcmp(it->id, id) == 0)))
			return &sd->shares[i];
	}
	fail_msg("no share for the difference of kind %d", (int)kind);
	return NULL;
}

static double share_sum(const struct session_diff *sd)
{
	double sum = 0;
	for (size_t i = 0; i < sd->nshares; i++)
		sum += sd->shares[i].value;
	return sum;
}

/* Session 1: no answers (weights 3, 2, 1). Session 2: a real-time app
 * (speed 3 + 3, capped at 5) and machine learning set to 4. The margin is
 * Python minus Node.js (Python leads in both). The four coalitions, with
 * m = 10 (sum w (r_python - r_node)) / (sum w):
 *   none:            w 3, 2, 1: 10 (-9 + 6 + 7) / 6   = 20/3
 *   the weight:      w 3, 2, 4: 10 (-9 + 6 + 28) / 9  = 250/9
 *   the answer:      w 5, 2, 1: 10 (-15 + 6 + 7) / 8  = -5/2
 *   both:            w 5, 2, 4: 10 (-15 + 6 + 28) / 11 = 190/11
 * The Shapley value of each is the mean of what it adds joining first and
 * joining second:
 *   the weight: ((250/9 - 20/3) + (190/11 + 5/2)) / 2 = 8095/396 (20.44)
 *   the answer: ((-5/2 - 20/3) + (190/11 - 250/9)) / 2 = -3895/396 (-9.84)
 * which add up to 190/11 - 20/3 = 4200/396. */
static void test_two_players_by_hand(void **state)
{
	(void)state;
	struct criteria *c = model_parse(worked);
	struct session *s1 = model_answers(c, "criteria: worked-example\n");
	struct session *s2 = model_answers(c, "criteria: worked-example\n"
	                                      "choices: { app_kind: realtime }\n"
	                                      "weights: { ai_ml: 4 }\n");
	struct session_diff sd;
	session_diff(c, s1, c, s2, &sd);
	assert_int_equal(sd.refusal, DIFF_ATTRIBUTED);
	assert_string_equal(c->options[sd.first].id, "python");
	assert_string_equal(c->options[sd.second].id, "node");
	assert_int_equal(sd.nplayers, 2);
	assert_int_equal(sd.grouping, DIFF_GROUP_NONE);
	double v0 = 20.0 / 3, vw = 250.0 / 9, va = -5.0 / 2, v12 = 190.0 / 11;
	assert_near(sd.from, v0);
	assert_near(sd.to, v12);
	/* The same margins as scoring each session. */
	assert_near(sd.from, sd.old_result.scores[1] - sd.old_result.scores[0]);
	assert_near(sd.to, sd.new_result.scores[1] - sd.new_result.scores[0]);
	double phi_w = ((vw - v0) + (v12 - va)) / 2;
	double phi_a = ((va - v0) + (v12 - vw)) / 2;
	assert_near(share_of(&sd, DIFF_WEIGHT, "ai_ml")->value, phi_w);
	assert_near(share_of(&sd, DIFF_ANSWER, "app_kind")->value, phi_a);
	assert_near(phi_w, 8095.0 / 396);
	assert_near(phi_a, -3895.0 / 396);
	assert_near(share_sum(&sd), sd.to - sd.from);
	session_diff_free(&sd);
	session_free(s1);
	session_free(s2);
	criteria_free(c);
}

/* A new version of the set: Python's rating of speed 5 -> 7, and the same
 * answers on both sides but for the team (none -> JavaScript). Three
 * players: the rating, the team's answer (which moves readable code 2 -> 1
 * and Node.js's rating of it 5 -> 7), and nothing else. */
static void test_across_versions(void **state)
{
	(void)state;
	struct criteria *a = model_parse(worked);
	char text[sizeof worked + 16];
	snprintf(text, sizeof text, "%s", worked);
	char *at = strstr(text, "ratings: { node: 8, python: 5 }");
	assert_non_null(at);
	at[strlen("ratings: { node: 8, python: ")] = '7';
	struct criteria *b = model_parse(text);
	struct session *s1 = model_answers(a, "criteria: worked-example\n");
	struct session *s2 = model_answers(b, "criteria: worked-example\n"
	                                      "choices: { team: javascript }\n");
	struct session_diff sd;
	session_diff(a, s1, b, s2, &sd);
	assert_int_equal(sd.refusal, DIFF_ATTRIBUTED);
	assert_int_equal(sd.nplayers, 2);
	/* none: 20/3 (as above). The rating: 10 (-3 + 6 + 7) / 6 = 50/3. The
	 * answer: w 3, 1, 1, node's syntax 7: 10 (-9 + 1 + 7) / 5 = -2. Both:
	 * 10 (-3 + 1 + 7) / 5 = 10. */
	double v0 = 20.0 / 3, vr = 50.0 / 3, va = -2, v12 = 10;
	assert_near(sd.from, v0);
	assert_near(sd.to, v12);
	assert_near(share_of(&sd, DIFF_RATING, "speed")->value, ((vr - v0) + (v12 - va)) / 2);
	assert_near(share_of(&sd, DIFF_ANSWER, "team")->value, ((va - v0) + (v12 - vr)) / 2);
	assert_near(share_sum(&sd), sd.to - sd.from);
	session_diff_free(&sd);
	session_free(s1);
	session_free(s2);
	criteria_free(a);
	criteria_free(b);
}

/* A criterion added in the new version, with the person's weight on it:
 * both come and go together (one player); and the margin's pair follows
 * the winners: Node.js now first, Python before. */
static void test_criterion_added(void **state)
{
	(void)state;
	struct criteria *a = model_parse(worked);
	char text[sizeof worked + 200];
	const char *q = strstr(worked, "questions:");
	snprintf(text, sizeof text, "%.*s%s%s", (int)(q - worked), worked,
	         "  - { id: hosting, name: Hosting, question: Q?, default_weight: 5, ratings: { node: 10, python: 0 } }\n",
	         q);
	struct criteria *b = model_parse(text);
	struct session *s1 = model_answers(a, "criteria: worked-example\n");
	struct session *s2 = model_answers(b, "criteria: worked-example\nweights: { hosting: 4 }\n");
	struct session_diff sd;
	session_diff(a, s1, b, s2, &sd);
	assert_int_equal(sd.refusal, DIFF_ATTRIBUTED);
	assert_int_equal(sd.nplayers, 1);
	assert_string_equal(b->options[sd.first].id, "node");
	assert_string_equal(b->options[sd.second].id, "python");
	/* Node.js minus Python: before 10 (37 - 41) / 6 = -20/3; after, with
	 * hosting at 4: 10 (77 - 41) / 10 = 36. */
	assert_near(sd.from, -20.0 / 3);
	assert_near(sd.to, 36);
	assert_near(share_of(&sd, DIFF_CRITERION_ADDED, "hosting")->value, 36 + 20.0 / 3);
	int added = -1, weight = -1;
	for (size_t i = 0; i < sd.diff.n; i++) {
		if (sd.diff.items[i].kind == DIFF_CRITERION_ADDED)
			added = sd.diff.items[i].player;
		if (sd.diff.items[i].kind == DIFF_WEIGHT)
			weight = sd.diff.items[i].player;
	}
	assert_true(added >= 0);
	assert_int_equal(weight, added);
	session_diff_free(&sd);
	session_free(s1);
	session_free(s2);
	criteria_free(a);
	criteria_free(b);
}

/* Twenty criteria, each with a changed rating and a changed weight: 40
 * inputs, more than DIFF_MAX_PLAYERS, and 20 criteria too, so they are
 * grouped by kind (the criteria text, the weights); the two shares still
 * add up to the whole change. */
static void test_grouped(void **state)
{
	(void)state;
	char old_text[8192], new_text[8192], answers1[2048], answers2[2048];
	size_t o1 = 0, o2 = 0, a1 = 0, a2 = 0;
	const char *head = "verdict: 1\nid: big\ntitle: T\noptions:\n"
	                   "  - { id: a, name: A }\n  - { id: b, name: B }\ncriteria:\n";
	o1 += (size_t)snprintf(old_text + o1, sizeof old_text - o1, "%s", head);
	o2 += (size_t)snprintf(new_text + o2, sizeof new_text - o2, "%s", head);
	a1 += (size_t)snprintf(answers1 + a1, sizeof answers1 - a1, "criteria: big\nweights: {");
	a2 += (size_t)snprintf(answers2 + a2, sizeof answers2 - a2, "criteria: big\nweights: {");
	for (int k = 0; k < 20; k++) {
		o1 += (size_t)snprintf(old_text + o1, sizeof old_text - o1,
		                       "  - { id: c%d, name: C%d, question: Q?, default_weight: 3, "
		                       "ratings: { a: %d, b: 5 } }\n", k, k, k % 10);
		o2 += (size_t)snprintf(new_text + o2, sizeof new_text - o2,
		                       "  - { id: c%d, name: C%d, question: Q?, default_weight: 3, "
		                       "ratings: { a: %d, b: 5 } }\n", k, k, (k + 1) % 10);
		a1 += (size_t)snprintf(answers1 + a1, sizeof answers1 - a1, "%s c%d: %d", k ? "," : "",
		                       k, k % 5 + 1);
		a2 += (size_t)snprintf(answers2 + a2, sizeof answers2 - a2, "%s c%d: %d", k ? "," : "",
		                       k, (k % 5 + 2) % 6);
	}
	snprintf(answers1 + a1, sizeof answers1 - a1, " }\n");
	snprintf(answers2 + a2, sizeof answers2 - a2, " }\n");
	struct criteria *a = model_parse(old_text), *b = model_parse(new_text);
	struct session *s1 = model_answers(a, answers1), *s2 = model_answers(b, answers2);
	struct session_diff sd;
	session_diff(a, s1, b, s2, &sd);
	assert_int_equal(sd.refusal, DIFF_ATTRIBUTED);
	assert_int_equal(sd.nplayers, 40);
	assert_int_equal(sd.grouping, DIFF_GROUP_KIND);
	assert_int_equal(sd.nshares, 2);
	assert_int_equal(sd.shares[0].kind, SHARE_CRITERIA_TEXT);
	assert_int_equal(sd.shares[0].nplayers, 20);
	assert_int_equal(sd.shares[1].kind, SHARE_WEIGHTS);
	assert_near(share_sum(&sd), sd.to - sd.from);
	assert_near(sd.from, sd.old_result.scores[sd.first] - sd.old_result.scores[sd.second]);
	assert_near(sd.to, sd.new_result.scores[sd.first] - sd.new_result.scores[sd.second]);
	session_diff_free(&sd);
	session_free(s1);
	session_free(s2);
	criteria_free(a);
	criteria_free(b);
}

/* The options differ: the differences are listed, no share is given. */
static void test_options_differ(void **state)
{
	(void)state;
	static const char one[] =
		"verdict: 1\nid: o\ntitle: T\noptions:\n  - { id: a, name: A }\n  - { id: b, name: B }\n"
		"criteria:\n  - { id: x, name: X, question: Q?, default_weight: 3, ratings: { a: 1, b: 2 } }\n";
	static const char two[] =
		"verdict: 1\nid: o\ntitle: T\noptions:\n  - { id: a, name: A }\n  - { id: go, name: Go }\n"
		"criteria:\n  - { id: x, name: X, question: Q?, default_weight: 3, ratings: { a: 1, go: 2 } }\n";
	struct criteria *a = model_parse(one);
	const char *text = two;
	struct criteria *b = model_parse(text);
	struct session *s1 = model_answers(a, "criteria: o\n");
	struct session *s2 = model_answers(b, "criteria: o\n");
	struct session_diff sd;
	session_diff(a, s1, b, s2, &sd);
	assert_int_equal(sd.refusal, DIFF_OPTIONS_DIFFER);
	assert_int_equal(sd.nshares, 0);
	assert_int_equal(sd.diff.n, 2);
	assert_int_equal(sd.diff.items[0].kind, DIFF_OPTION_ADDED);
	assert_string_equal(sd.diff.items[0].id, "go");
	assert_int_equal(sd.diff.items[1].kind, DIFF_OPTION_REMOVED);
	assert_string_equal(sd.diff.items[1].id, "b");
	session_diff_free(&sd);
	session_free(s1);
	session_free(s2);
	criteria_free(a);
	criteria_free(b);
}

/* The criteria diff: a rating, a default weight, a name and a question's
 * effects, found by ids whatever the order. */
static void test_criteria_diff(void **state)
{
	(void)state;
	struct criteria *a = model_parse(worked);
	struct criteria *b = model_parse(
		"verdict: 1\nid: worked-example\ntitle: T\noptions:\n"
		"  - { id: python, name: Python }\n  - { id: node, name: Node.js }\n"
		"criteria:\n"
		"  - { id: syntax, name: Clear code, question: Q?, default_weight: 2, ratings: { node: 5, python: 8 } }\n"
		"  - { id: speed, name: Speed, question: Q?, default_weight: 4, ratings: { node: 8, python: 6 } }\n"
		"questions:\n"
		"  - id: app_kind\n    prompt: What are you building?\n    choices:\n"
		"      - { id: realtime, label: A real-time app, weights: { speed: +2 } }\n"
		"      - { id: other, label: Something else }\n");
	struct diff d = { 0 };
	diff_criteria(a, b, &d);
	static const enum diff_kind want[] = {
		DIFF_CRITERION_REMOVED, DIFF_CRITERION_TEXT, DIFF_DEFAULT_WEIGHT, DIFF_RATING,
		DIFF_QUESTION_REMOVED, DIFF_QUESTION_EFFECTS,
	};
	assert_int_equal(d.n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < d.n; i++)
		assert_int_equal(d.items[i].kind, want[i]);
	assert_string_equal(d.items[0].id, "ai_ml");
	assert_string_equal(d.items[1].old_text, "Readable code");
	assert_string_equal(d.items[1].new_text, "Clear code");
	assert_near(d.items[2].old_value, 3);
	assert_near(d.items[2].new_value, 4);
	assert_string_equal(d.items[3].option, "python");
	assert_near(d.items[3].old_value, 5);
	assert_near(d.items[3].new_value, 6);
	assert_string_equal(d.items[4].id, "team");
	assert_string_equal(d.items[5].id, "app_kind");
	diff_free(&d);
	criteria_free(a);
	criteria_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_players_by_hand),
		cmocka_unit_test(test_across_versions),
		cmocka_unit_test(test_criterion_added),
		cmocka_unit_test(test_grouped),
		cmocka_unit_test(test_options_differ),
		cmocka_unit_test(test_criteria_diff),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
