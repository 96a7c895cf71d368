/* layer: reports */
/* test_explain.c - the explanation of a result: tipping points in the
 * scale's words, dominance, answer levers, itemised causes, the glossary's
 * matching and the calibration examples, each against figures worked out
 * by hand (the working is in the comments). */
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
#include "helper_model.h"
#include "examples.h"
#include "glossary.h"
#include "score.h"
#include "score_format.h"
#include "session.h"

#define assert_near(got, want)                                                           \
	do {                                                                              \
		double got_ = (got), want_ = (want);                                      \
		if (!(fabs(got_ - want_) <= 1e-9))                                        \
			fail_msg("%s is %.12g, expected %.12g", #got, got_, want_);         \
	} while (0)

/* The worked example of docs/scoring.md, with short names on its answers and
 * one more change (speed +1 for the JavaScript team), so that one weight has
 * two causes; speed is capped at 5 either way, so the scores are the same. */
static const char worked[] =
	"verdict: 1\n"
	"id: worked-example\n"
	"title: Node.js or Python for a small chat app?\n"
	"options:\n"
	"  - { id: node, name: Node.js }\n"
	"  - { id: python, name: Python }\n"
	"criteria:\n"
	"  - { id: speed, name: Speed, question: Q?, default_weight: 3,\n"
	"      ratings: { node: 8, python: 5 } }\n"
	"  - { id: syntax, name: Readable code, question: Q?, default_weight: 2,\n"
	"      ratings: { node: 5, python: 8 } }\n"
	"  - { id: ai_ml, name: Machine learning, question: Q?, default_weight: 1,\n"
	"      ratings: { node: 3, python: 10 } }\n"
	"questions:\n"
	"  - id: app_kind\n"
	"    prompt: What are you building?\n"
	"    name: Kind of product\n"
	"    choices:\n"
	"      - { id: realtime, label: A real-time app, name: Real-time app,\n"
	"          weights: { speed: +3 } }\n"
	"      - { id: other, label: Something else }\n"
	"  - id: team\n"
	"    prompt: What does your team know?\n"
	"    name: Your team\n"
	"    choices:\n"
	"      - id: javascript\n"
	"        label: JavaScript\n"
	"        name: Mostly JavaScript\n"
	"        weights: { syntax: -1, speed: +1 }\n"
	"        ratings: { syntax: { node: 7 } }\n"
	"      - { id: python, label: Python }\n";

static char *text_of(const struct criteria *c, const struct result *r, enum score_sentence k,
                     size_t i)
{
	char *s = score_sentence_new(c, r, k, i);
	assert_non_null(s);
	return s;
}

#define assert_sentence(c, r, kind, i, want)                                             \
	do {                                                                              \
		char *got_ = text_of(c, r, kind, i);                                      \
		assert_string_equal(got_, want);                                          \
		free(got_);                                                               \
	} while (0)

/* No answers: weights 3, 2, 1, W = 6; Node.js 370/6 = 61.67, Python 410/6 =
 * 68.33. Speed's exact threshold is 13/3 = 4.33, between steps: at 4, W = 7,
 * Node.js 450/7 = 64.29 and Python 460/7 = 65.71, Python still ahead; at 5,
 * W = 8, Node.js 66.25, Python 63.75: the winner changes at 5. Readable
 * code's threshold is 2/3: at 1 Python leads 66 to 64; at 0 Node.js 67.5 to
 * 62.5. Machine learning: Node.js 34 + 3x, Python 31 + 10x, level at
 * x = 3/7; at 0 Node.js leads 340/5 = 68 to 62. */
static void test_steps_between_and_past(void **state)
{
	(void)state;
	struct criteria *c = model_parse(worked);
	struct session *s = model_answers(c, "{}");
	struct result r;
	assert_int_equal(score_session(c, s, &r), SCORE_OK);
	assert_int_equal(r.winner, 1);
	assert_near(r.sensitivity[0].threshold, 13.0 / 3);
	assert_near(r.sensitivity[0].step, 5);
	assert_int_equal(r.sensitivity[0].step_winner, 0);
	assert_sentence(c, &r, SCORE_SENTENCE_CHANGE, 0,
	                "Node.js would win if Speed were Critical (5) instead of Important (3).");
	assert_near(r.sensitivity[1].step, 0);
	assert_int_equal(r.sensitivity[1].step_winner, 0);
	assert_sentence(c, &r, SCORE_SENTENCE_CHANGE, 1,
	                "Node.js would win if Readable code were Does not matter (0) instead of "
	                "Moderate (2).");
	assert_near(r.sensitivity[2].threshold, 3.0 / 7);
	assert_near(r.sensitivity[2].step, 0);
	assert_sentence(c, &r, SCORE_SENTENCE_CHANGE, 2,
	                "Node.js would win if Machine learning were Does not matter (0) instead "
	                "of Minor (1).");
	/* Nearest step first: machine learning (1 step away), then speed and
	 * readable code (2 away each) in the file's order. */
	size_t order[3];
	assert_int_equal(score_change_order(&r, order), 3);
	assert_int_equal(order[0], 2);
	assert_int_equal(order[1], 0);
	assert_int_equal(order[2], 1);
	assert_sentence(c, &r, SCORE_SENTENCE_STEADY, 3, "");
	result_free(&r);
	session_free(s);
	criteria_free(c);
}

/* The worked answers: speed 3 + 3 + 1 capped at 5, readable code 2 - 1 = 1
 * with Node.js rated 7, machine learning 4 set by the person. Node.js 59,
 * Python 73. Machine learning's threshold is exactly 2, a step: there the
 * two draw level, a tie, which is where the result changes. */
static void test_step_exactly_at_threshold(void **state)
{
	(void)state;
	struct criteria *c = model_parse(worked);
	struct session *s = model_answers(c, "choices: { app_kind: realtime, team: javascript }\n"
	                               "weights: { ai_ml: 4 }\n");
	struct result r;
	assert_int_equal(score_session(c, s, &r), SCORE_OK);
	assert_near(r.scores[0], 59);
	assert_near(r.scores[1], 73);
	assert_near(r.sensitivity[2].threshold, 2);
	assert_near(r.sensitivity[2].step, 2);
	assert_int_equal(r.sensitivity[2].step_winner, -1);
	assert_sentence(c, &r, SCORE_SENTENCE_CHANGE, 2,
	                "It would be too close to call, with no winner, if Machine learning were "
	                "Moderate (2) instead of Very important (4).");
	/* Speed: 48 + 5x = 19 + 8x at x = 29/3, past the scale: not a step. */
	assert_true(isnan(r.sensitivity[0].step));
	result_free(&r);
	session_free(s);
	criteria_free(c);
}

/* A scale labelled with its numbers says just the numbers. */
static void test_steps_unlabelled_scale(void **state)
{
	(void)state;
	struct criteria *c = model_parse(
		"verdict: 1\nid: t\ntitle: T\noptions: [{ id: a, name: A }, { id: b, name: B }]\n"
		"scale: { min: 1, max: 4 }\n"
		"criteria:\n"
		"  - { id: x, name: X, question: Q?, default_weight: 2, ratings: { a: 8, b: 2 } }\n"
		"  - { id: y, name: Y, question: Q?, default_weight: 2, ratings: { a: 2, b: 6 } }\n");
	struct result r;
	/* A = 10 * 20 / 4 = 50, B = 40: A by 10. Y at 3: A 10 * 22 / 5 = 44,
	 * B 10 * (4 + 18) / 5 = 44: level; at 4 B would lead 52 to 40. X at 1:
	 * A 10 * 12 / 3 = 40, B 10 * 14 / 3 = 46.67: B wins, also one step away;
	 * the higher step is tried first. */
	assert_int_equal(score_session(c, NULL, &r), SCORE_OK);
	assert_int_equal(r.winner, 0);
	assert_near(r.sensitivity[1].step, 3);
	assert_int_equal(r.sensitivity[1].step_winner, -1);
	assert_sentence(c, &r, SCORE_SENTENCE_CHANGE, 1,
	                "It would be too close to call, with no winner, if Y were 3 instead of 2.");
	assert_near(r.sensitivity[0].step, 1);
	assert_sentence(c, &r, SCORE_SENTENCE_CHANGE, 0, "B would win if X were 1 instead of 2.");
	result_free(&r);
	criteria_free(c);
}

static const char dominated[] =
	"verdict: 1\nid: t\ntitle: T\noptions: [{ id: a, name: A }, { id: b, name: B }]\n"
	"criteria:\n"
	"  - { id: x, name: X, question: Q?, default_weight: 3, ratings: { a: 8, b: 5 } }\n"
	"  - { id: y, name: Y, question: Q?, default_weight: 2, ratings: { a: 7, b: 6 } }\n"
	"  - { id: z, name: Z, question: Q?, default_weight: 0, ratings: { a: 4, b: %d } }\n";

static void test_dominance(void **state)
{
	(void)state;
	char text[600];
	/* B no better anywhere: no weighting puts it ahead. */
	snprintf(text, sizeof text, dominated, 4);
	struct criteria *c = model_parse(text);
	struct result r;
	assert_int_equal(score_session(c, NULL, &r), SCORE_OK);
	assert_int_equal(r.winner, 0);
	assert_int_equal(r.dominant, 1);
	assert_int_equal(r.rating_dominant, 1);
	size_t order[3];
	size_t n = score_change_order(&r, order);
	assert_int_equal(n, 0);
	assert_sentence(c, &r, SCORE_SENTENCE_STEADY, 0,
	                "A is rated at least as high as B on every criterion, so no change of "
	                "weights can put B ahead.");
	result_free(&r);
	criteria_free(c);

	/* B better on Z, weighted 0 now: Z alone puts B ahead, so it is not
	 * dominance, and no single weight flips it (Z at 5: A 10 * (24 + 14 +
	 * 20) / 10 = 58, B 10 * (15 + 12 + 25) / 10 = 52; X at 0: A 70, B 60). */
	snprintf(text, sizeof text, dominated, 5);
	c = model_parse(text);
	assert_int_equal(score_session(c, NULL, &r), SCORE_OK);
	assert_int_equal(r.dominant, 0);
	assert_int_equal(r.rating_dominant, 0);
	assert_int_equal(score_change_order(&r, order), 0);
	assert_sentence(c, &r, SCORE_SENTENCE_STEADY, 0,
	                "No single weight on the 0-5 scale changes the winner: it would take "
	                "changes to several at once.");
	result_free(&r);
	criteria_free(c);

	/* On a scale from 1, B's edge on Y (1 point, at most weight 5) never
	 * makes up its loss on X (3 points, at least weight 1) ... unless X is
	 * 1 and Y 5: 5 - 3 = 2 > 0. So use a loss of 9 on X: 5 - 9 < 0. */
	c = model_parse("verdict: 1\nid: t\ntitle: T\noptions: [{ id: a, name: A }, { id: b, name: B }]\n"
	          "scale: { min: 1, max: 5, labels: [a, b, c, d, e] }\n"
	          "criteria:\n"
	          "  - { id: x, name: X, question: Q?, default_weight: 3, ratings: { a: 9, b: 0 } }\n"
	          "  - { id: y, name: Y, question: Q?, default_weight: 3, ratings: { a: 5, b: 6 } }\n");
	assert_int_equal(score_session(c, NULL, &r), SCORE_OK);
	assert_int_equal(r.dominant, 1);
	assert_int_equal(r.rating_dominant, 0);
	assert_sentence(c, &r, SCORE_SENTENCE_STEADY, 0,
	                "No change of weights on the 1-5 scale can put B ahead of A.");
	result_free(&r);
	criteria_free(c);
}

/* Three options, level with no answer: W = 4, each 10 * 20 / 4 = 50.
 *   xq (x +2): W = 6, A 10 * 38 / 6 = 63.33, B 50, C 10 * 22 / 6 = 36.67:
 *              A clear by 13.33;
 *   yq (y +2): C 63.33, B 50, A 36.67: C clear by 13.33;
 *   mid (B rates 10 on x): B 10 * 30 / 4 = 75, A and C 50: B clear by 25. */
static const char three[] =
	"verdict: 1\nid: t\ntitle: T\n"
	"options: [{ id: a, name: A }, { id: b, name: B }, { id: c, name: C }]\n"
	"criteria:\n"
	"  - { id: x, name: X, question: Q?, default_weight: 2, ratings: { a: 9, b: 5, c: 1 } }\n"
	"  - { id: y, name: Y, question: Q?, default_weight: 2, ratings: { a: 1, b: 5, c: 9 } }\n"
	"questions:\n"
	"  - id: q\n"
	"    prompt: Which?\n"
	"    choices:\n"
	"      - { id: xq, label: X first, weights: { x: +2 } }\n"
	"      - { id: yq, label: Y first, weights: { y: +2 } }\n"
	"      - { id: mid, label: Middle, ratings: { x: { b: 10 } } }\n";

static void test_levers_three_options(void **state)
{
	(void)state;
	struct criteria *c = model_parse(three);
	struct result r;
	assert_int_equal(score_session(c, NULL, &r), SCORE_OK);
	assert_int_equal(r.winner, -1);
	assert_int_equal(r.answered, 0);
	assert_int_equal(r.nlevers, 3);
	assert_int_equal(r.levers[0].choice, 0);
	assert_int_equal(r.levers[0].winner, 0);
	assert_int_equal(r.levers[0].strength, STRENGTH_CLEAR);
	assert_near(r.levers[0].margin, 380.0 / 6 - 50);
	assert_int_equal(r.levers[1].winner, 2);
	assert_near(r.levers[1].margin, 380.0 / 6 - 50);
	assert_int_equal(r.levers[2].winner, 1);
	assert_near(r.levers[2].margin, 25);
	assert_int_equal(r.top_lever, 2);
	assert_sentence(c, &r, SCORE_SENTENCE_LEVER_QUESTION, 0, "Which? (not answered):");
	assert_sentence(c, &r, SCORE_SENTENCE_LEVER_SHORT, 2,
	                "\u201cMiddle\u201d: B, clearly, by 25.0 points.");
	assert_sentence(c, &r, SCORE_SENTENCE_TOP_LEVER, 0,
	                "Not answered yet, and the answer that could change it most: with "
	                "\u201cMiddle\u201d for Which?, the result would be B, clearly, by 25.0 "
	                "points.");
	assert_sentence(c, &r, SCORE_SENTENCE_UNKNOWN_PROJECT, 0,
	                "Nothing about your project is known yet: the questions about it were not "
	                "answered, so this weighs only each option's general strengths.");
	result_free(&r);

	/* Answered xq: the others are levers, the answer itself is not. */
	struct session *s = model_answers(c, "choices: { q: xq }\n");
	assert_int_equal(score_session(c, s, &r), SCORE_OK);
	assert_int_equal(r.winner, 0);
	assert_int_equal(r.nlevers, 2);
	assert_int_equal(r.levers[0].choice, 1);
	assert_int_equal(r.levers[1].choice, 2);
	assert_int_equal(r.top_lever, 1);
	assert_sentence(c, &r, SCORE_SENTENCE_LEVER_QUESTION, 0, "Which? (now \u201cX first\u201d):");
	assert_sentence(c, &r, SCORE_SENTENCE_LEVER_SHORT, 0,
	                "\u201cY first\u201d: C, clearly, by 13.3 points.");
	assert_sentence(c, &r, SCORE_SENTENCE_UNKNOWN_PROJECT, 0, "");
	result_free(&r);
	session_free(s);
	criteria_free(c);
}

/* Speed: 3, +3 for the real-time app and +1 for the JavaScript team, 7,
 * capped at 5. Readable code: 2 - 1 = 1, and Node.js rated 7 instead of 5. */
/* A question not answered yet is the lever named first, even when another
 * answer to an answered one would move the result further. With xq, a
 * second question's "yyy" (y +4, capped at 5) gives x 4, y 5, W 9: A 410/9
 * = 45.6, B 50, C 490/9 = 54.4, C by 4.4; "mid" instead of xq gives B by 25. */
static void test_top_lever_unanswered_first(void **state)
{
	(void)state;
	char text[2048];
	snprintf(text, sizeof text, "%s"
	         "  - id: q2\n"
	         "    prompt: And?\n"
	         "    choices:\n"
	         "      - { id: yyy, label: Much Y, weights: { y: +4 } }\n"
	         "      - { id: nil, label: Nothing }\n", three);
	struct criteria *c = model_parse(text);
	struct session *s = model_answers(c, "choices: { q: xq }\n");
	struct result r;
	assert_int_equal(score_session(c, s, &r), SCORE_OK);
	assert_int_equal(r.winner, 0);
	assert_int_equal(r.nlevers, 4);
	assert_int_equal(r.levers[2].question, 1);
	assert_int_equal(r.levers[2].winner, 2);
	assert_near(r.levers[2].margin, 490.0 / 9 - 50);
	assert_int_equal(r.top_lever, 2);
	assert_sentence(c, &r, SCORE_SENTENCE_TOP_LEVER, 0,
	                "Not answered yet, and the answer that could change it most: with "
	                "\u201cMuch Y\u201d for And?, the result would be C, leaning, by 4.4 "
	                "points.");
	result_free(&r);
	session_free(s);
	/* Answered too, the widest margin wins. */
	s = model_answers(c, "choices: { q: xq, q2: nil }\n");
	assert_int_equal(score_session(c, s, &r), SCORE_OK);
	assert_int_equal(r.levers[r.top_lever].choice, 2);
	assert_sentence(c, &r, SCORE_SENTENCE_TOP_LEVER, 0,
	                "The answer that could change it most: with \u201cMiddle\u201d for "
	                "Which?, the result would be B, clearly, by 25.0 points.");
	result_free(&r);
	session_free(s);
	criteria_free(c);
}

static void test_causes(void **state)
{
	(void)state;
	struct criteria *c = model_parse(worked);
	struct session *s = model_answers(c, "choices: { app_kind: realtime, team: javascript }\n"
	                               "weights: { ai_ml: 4 }\n");
	struct result r;
	assert_int_equal(score_session(c, s, &r), SCORE_OK);
	struct cause causes[4];
	assert_int_equal(score_weight_causes(c, &r, 0, causes, 4), 2);
	assert_int_equal(causes[0].question, 0);
	assert_int_equal(causes[0].choice, 0);
	assert_near(causes[0].delta, 3);
	assert_int_equal(causes[1].question, 1);
	assert_near(causes[1].delta, 1);
	assert_sentence(c, &r, SCORE_SENTENCE_WEIGHT_STORY, 0,
	                "normally 3; +3 Kind of product: Real-time app; +1 Your team: Mostly "
	                "JavaScript; capped at 5");
	assert_sentence(c, &r, SCORE_SENTENCE_WEIGHT_STORY, 1,
	                "normally 2; -1 Your team: Mostly JavaScript");
	assert_sentence(c, &r, SCORE_SENTENCE_WEIGHT_STORY, 2, "set by you to 4 (normally 1)");
	assert_int_equal(score_weight_causes(c, &r, 2, causes, 4), 0);
	assert_int_equal(score_rating_causes(c, &r, 1, causes, 4), 1);
	assert_int_equal(causes[0].question, 1);
	assert_int_equal(causes[0].option, 0);
	assert_near(causes[0].from, 5);
	assert_near(causes[0].to, 7);
	/* The reason names the replaced rating and the answer behind it. */
	assert_sentence(c, &r, SCORE_SENTENCE_GIVEUP, 0,
	                "Speed (importance: Critical): Node.js rates 8 out of 10, Python 5.");
	assert_sentence(c, &r, SCORE_SENTENCE_REASON, 1,
	                "Readable code (importance: Minor): Python rates 8 out of 10, Node.js 7 "
	                "(normally 5, for your answer \u201cMostly JavaScript\u201d).");
	char buf[300];
	score_rating_story(c, s, 1, buf, sizeof buf);
	assert_string_equal(buf, "For your project, Node.js rates 7 instead of 5, for your "
	                    "answer \u201cMostly JavaScript\u201d.");
	score_default_story(c, s, 1, 1, buf, sizeof buf);
	assert_string_equal(buf, "normally 2; -1 Your team: Mostly JavaScript");
	result_free(&r);
	session_free(s);
	criteria_free(c);
}

/* Sentences hold names from the file whole, however long: none is cut at a
 * fixed buffer's end. */
static void test_long_names_whole(void **state)
{
	(void)state;
	char name[701];
	memset(name, 'n', 700);
	name[700] = '\0';
	char *text = malloc(4096);
	assert_non_null(text);
	snprintf(text, 4096,
	         "verdict: 1\nid: t\ntitle: T\n"
	         "options: [{ id: a, name: A%s }, { id: b, name: B }]\n"
	         "scale: { labels: [L0, L1, L2, L3, L4, L5%s] }\n"
	         "criteria:\n"
	         "  - { id: x, name: X, question: Q?, default_weight: 2, ratings: { a: 9, b: 5 } }\n"
	         "  - { id: y, name: Y, question: Q?, default_weight: 2, ratings: { a: 5, b: 9 } }\n"
	         "questions:\n"
	         "  - id: q\n"
	         "    prompt: Which?\n"
	         "    choices:\n"
	         "      - { id: long, label: L, name: C%s, ratings: { x: { a: 1 } } }\n"
	         "      - { id: short, label: S }\n", name, name, name);
	struct criteria *c = model_parse(text);
	free(text);
	struct session *s = model_answers(c, "choices: { q: short }\n");
	struct result r;
	assert_int_equal(score_session(c, s, &r), SCORE_OK);
	/* With the short choice A and B both score 70, a tie; the long one
	 * rates A 1 on X: A 30, B 70. */
	char *lever = text_of(c, &r, SCORE_SENTENCE_LEVER_SHORT, 0);
	assert_non_null(strstr(lever, name));
	assert_string_equal(lever + strlen(lever) - strlen("\u201d: B, clearly, by 40.0 points."),
	                    "\u201d: B, clearly, by 40.0 points.");
	free(lever);
	char *change = text_of(c, &r, SCORE_SENTENCE_CHANGE, 0);
	assert_non_null(strstr(change, name));
	assert_int_equal(change[strlen(change) - 1], '.');
	free(change);
	result_free(&r);
	session_free(s);

	s = model_answers(c, "choices: { q: long }\n");
	assert_int_equal(score_session(c, s, &r), SCORE_OK);
	char *reason = text_of(c, &r, SCORE_SENTENCE_REASON, 1);
	assert_non_null(strstr(reason, name));
	assert_string_equal(reason + strlen(reason) - 1, ".");
	char *giveup = text_of(c, &r, SCORE_SENTENCE_GIVEUP, 0);
	assert_non_null(strstr(giveup, "(normally 9, for your answer \u201cC"));
	assert_non_null(strstr(giveup, "\u201d), B 5."));
	free(reason);
	free(giveup);
	result_free(&r);
	session_free(s);
	criteria_free(c);
}

/* One answer replacing both ratings is named once; a replacement by the
 * same value is no change and is not traced; a criterion the runner-up wins
 * is told from its side; a person's weight says what the answers made it;
 * a step where the other option leads by less than "leaning" says so. */
static void test_traces_and_sides(void **state)
{
	(void)state;
	struct criteria *c = model_parse(
		"verdict: 1\nid: t\ntitle: T\noptions: [{ id: a, name: A }, { id: b, name: B }]\n"
		"criteria:\n"
		"  - { id: x, name: X, question: Q?, default_weight: 3, ratings: { a: 8, b: 5 },\n"
		"      why: { a: A is good at X., b: B is weak at X. } }\n"
		"  - { id: y, name: Y, question: Q?, default_weight: 2, ratings: { a: 5, b: 7 },\n"
		"      why: { a: A is weak at Y., b: B is good at Y. } }\n"
		"questions:\n"
		"  - id: q\n"
		"    prompt: Which?\n"
		"    choices:\n"
		"      - { id: both, label: Both, name: Both set,\n"
		"          weights: { y: +1 }, ratings: { x: { a: 9, b: 4 }, y: { a: 5 } } }\n"
		"      - { id: none, label: None }\n");
	struct session *s = model_answers(c, "choices: { q: both }\nweights: { y: 1 }\n");
	char buf[400];
	score_rating_story(c, s, 0, buf, sizeof buf);
	assert_string_equal(buf, "For your project, A rates 9 instead of 8 and B rates 4 instead "
	                    "of 5, for your answer \u201cBoth set\u201d.");
	score_rating_story(c, s, 1, buf, sizeof buf);
	assert_string_equal(buf, "");
	struct result r;
	assert_int_equal(score_session(c, s, &r), SCORE_OK);
	/* X 3, Y 1 (yours): A 10 * (27 + 5) / 4 = 80, B 10 * (12 + 7) / 4 = 47.5. */
	assert_int_equal(r.winner, 0);
	struct cause causes[2];
	assert_int_equal(score_rating_causes(c, &r, 1, causes, 2), 0);
	assert_int_equal(score_rating_causes(c, &r, 0, causes, 2), 2);
	assert_sentence(c, &r, SCORE_SENTENCE_REASON, 0,
	                "X (importance: Important): A rates 9 out of 10, B 4 (normally 8 and 5, "
	                "for your answer \u201cBoth set\u201d). A is good at X.");
	assert_sentence(c, &r, SCORE_SENTENCE_REASON, 1,
	                "Y (importance: Minor): B rates 7 out of 10, A 5. B is good at Y.");
	assert_sentence(c, &r, SCORE_SENTENCE_WEIGHT_STORY, 1,
	                "set by you to 1 (normally 2; 3 with your answers)");
	result_free(&r);
	session_free(s);

	/* No answer: A 10 * 34 / 5 = 68, B 62. Y at 5: A 10 * 49 / 8 = 61.25,
	 * B 10 * 50 / 8 = 62.5... at 4: A 10 * 44 / 7 = 62.86, B 10 * 43 / 7 =
	 * 61.43, A still; at 5 B leads by 1.25, under "leaning" (2). */
	assert_int_equal(score_session(c, NULL, &r), SCORE_OK);
	assert_near(r.sensitivity[1].step, 5);
	assert_int_equal(r.sensitivity[1].step_winner, 1);
	assert_int_equal(r.sensitivity[1].step_strength, STRENGTH_TOO_CLOSE);
	assert_sentence(c, &r, SCORE_SENTENCE_CHANGE, 1,
	                "B would edge ahead, too close to call, if Y were Critical (5) instead "
	                "of Moderate (2).");
	result_free(&r);
	criteria_free(c);
}

static void test_glossary_mentions(void **state)
{
	(void)state;
	assert_true(glossary_mentions("uses the GIL today", "GIL"));
	assert_true(glossary_mentions("the gil", "GIL"));
	assert_false(glossary_mentions("a gilded age", "GIL"));
	assert_false(glossary_mentions("the VIGIL", "GIL"));
	assert_true(glossary_mentions("an event\n   loop here", "event loop"));
	assert_true(glossary_mentions("many frameworks.", "framework"));
	assert_true(glossary_mentions("Node.js runs", "Node.js"));
	assert_false(glossary_mentions("Node.jsx", "Node.js"));
	assert_false(glossary_mentions("", "x"));
	assert_false(glossary_mentions("x", "  "));
}

static void test_examples_check(void **state)
{
	(void)state;
	static const char text[] =
		"verdict: 1\nid: t\ntitle: T\noptions: [{ id: a, name: A }, { id: b, name: B }]\n"
		"criteria:\n"
		"  - { id: x, name: X, question: Q?, default_weight: 3, ratings: { a: 8, b: 5 } }\n"
		"  - { id: y, name: Y, question: Q?, default_weight: 2, ratings: { a: 5, b: 8 } }\n"
		"examples:\n"
		"  - { name: as is, expect_winner: a, expect_strength: leaning }\n"
		"  - name: y first\n"
		"    weights: { y: 5 }\n"
		"    expect_winner: a\n"
		"    expect_strength: [clear, leaning]\n"
		"  - { name: level, weights: { x: 2 }, expect_winner: none }\n";
	struct criteria *c = model_parse(text);
	assert_int_equal(c->nexamples, 3);
	struct diags d;
	diags_init(&d, "t.yaml");
	/* As is: A 10 * 34 / 5 = 68, B 62: A by 6, leaning, passes. Y at 5:
	 * A 10 * 49 / 8 = 61.25, B 10 * 55 / 8 = 68.75: B by 7.5. X at 2: A 26,
	 * B 26: level, passes. */
	assert_int_equal(examples_check(c, &d), 1);
	assert_int_equal(d.count, 1);
	assert_int_equal(d.items[0].line, 10);
	assert_int_equal(d.items[0].column, 5);
	assert_string_equal(d.items[0].message,
	                    "example 'y first' expects a (clear or leaning), got b, leaning, "
	                    "margin 7.5 points");
	diags_free(&d);
	criteria_free(c);
}

/* The three methods in one sentence. LEAD is its start, the same in each. */
#define METHODS_LEAD "Checked three ways (adding up the weighted ratings, as the scores " \
	"here do; multiplying them, the weighted product; and TOPSIS, which looks at how near each " \
	"option comes to the best rating on every criterion and how far it stands from the " \
	"worst): "

#define DISAGREE_LEAD "The three ways of adding up do not agree: adding up the weighted " \
	"ratings, as the scores here do, "
#define TOPSIS_WHAT "TOPSIS, which looks at how near each option comes to the best rating " \
	"on every criterion and how far it stands from the worst, "

/* The shop of tests/fixtures (export-shop.yaml) with its answers' weights:
 * shares 5, 1, 2, 1.5, 1 of 10.5. Weighted sum Node.js 77.14, Go 73.33;
 * TOPSIS Go 60.91, Node.js 59.46. Node.js is nearer the ideal (0.0844
 * against Go's 0.0942) but Go further from the anti-ideal (0.1468 against
 * 0.1238). Of that lead, speed (share 5/10.5 over a vector length of
 * sqrt(64 + 25 + 81)) gives Go (9 - 5)^2 f^2 against Node.js's (8 - 5)^2
 * f^2, 7 f^2 = 0.0093; upkeep only (8 - 6)^2 f'^2 = 0.0002. */
static const char shop[] =
	"verdict: 1\nid: shop\ntitle: T\n"
	"options:\n  - { id: node, name: Node.js }\n  - { id: python, name: Python }\n"
	"  - { id: go, name: Go }\n"
	"criteria:\n"
	"  - { id: speed, name: Speed under load, question: Q?, default_weight: 5, ratings: { node: 8, python: 5, go: 9 } }\n"
	"  - { id: hiring, name: Hiring, question: Q?, default_weight: 1, ratings: { node: 9, python: 9, go: 6 } }\n"
	"  - { id: libraries, name: Libraries, question: Q?, default_weight: 2, ratings: { node: 10, python: 8, go: 6 } }\n"
	"  - { id: reports, name: Reports, question: Q?, default_weight: 1.5, ratings: { node: 4, python: 10, go: 4 } }\n"
	"  - { id: upkeep, name: Upkeep, question: Q?, default_weight: 1, ratings: { node: 6, python: 8, go: 8 } }\n"
	"questions:\n  - id: q\n    prompt: P?\n    choices:\n      - { id: a, label: A }\n      - { id: b, label: B }\n";

/* Node.js 10, 2, 9 and Python 6 on all three, weights equal: the sum picks
 * Node.js (70 against 60), the product Python (60 against (10 x 2 x 9)^(1/3)
 * x 10 = 56.46) and TOPSIS Python (58.91 against 41.09). The product's
 * largest edge for Python: ln 6 - ln 2 on Reach. With two options one's
 * gap to the ideal is the other's to the anti-ideal: Python is nearer the
 * ideal, its gaps 4 and 3 (over vector lengths sqrt 136 and sqrt 117)
 * against Node.js's one gap of 4 over sqrt 40 on Reach. */
static const char lopsided[] =
	"verdict: 1\nid: lopsided\ntitle: T\n"
	"options:\n  - { id: node, name: Node.js }\n  - { id: python, name: Python }\n"
	"criteria:\n"
	"  - { id: speed, name: Speed, question: Q?, default_weight: 2, ratings: { node: 10, python: 6 } }\n"
	"  - { id: reach, name: Reach, question: Q?, default_weight: 2, ratings: { node: 2, python: 6 } }\n"
	"  - { id: tools, name: Tools, question: Q?, default_weight: 2, ratings: { node: 9, python: 6 } }\n"
	"questions:\n  - id: q\n    prompt: P?\n    choices:\n      - { id: a, label: A }\n      - { id: b, label: B }\n";

static void test_methods_sentence(void **state)
{
	(void)state;
	struct criteria *c = model_parse(shop);
	struct session *s = model_answers(c, "choices: { q: a }\n");
	struct result r;
	assert_int_equal(score_session(c, s, &r), SCORE_OK);
	assert_near(r.methods[METHOD_TOPSIS].scores[2], 60.91057164853482);
	assert_near(r.methods[METHOD_TOPSIS].scores[0], 59.460729466364896);
	assert_sentence(c, &r, SCORE_SENTENCE_METHODS, 0, DISAGREE_LEAD "picks Node.js; "
	                "multiplying them (the weighted product) picks Node.js; and " TOPSIS_WHAT
	                "picks Go. Why: Node.js comes nearer the best ratings "
	                "on the whole, but Go stands further from the worst, most of all on Speed "
	                "under load, which weighs most: Go is rated 9 there, Node.js 8, and the "
	                "lowest rating is 5; TOPSIS counts the one as much as the other. Look at "
	                "where the options differ most before you decide.");
	result_free(&r);
	session_free(s);
	criteria_free(c);

	c = model_parse(lopsided);
	s = model_answers(c, "choices: { q: a }\n");
	assert_int_equal(score_session(c, s, &r), SCORE_OK);
	assert_near(r.scores[0], 70);
	assert_near(r.methods[METHOD_WEIGHTED_PRODUCT].scores[0], 10 * cbrt(180));
	assert_sentence(c, &r, SCORE_SENTENCE_METHODS, 0, DISAGREE_LEAD "picks Node.js; "
	                "multiplying them (the weighted product) picks Python; and " TOPSIS_WHAT
	                "picks Python. Why: Multiplying punishes a low rating "
	                "much harder than adding up: Node.js is rated only 2 on Reach, against 6 "
	                "for Python. Python comes nearer the best ratings than Node.js, most of "
	                "all on Reach: Node.js is rated 2 there, against a top rating of 6; TOPSIS counts one wide gap "
	                "from the best for more than several narrow ones, where adding up counts "
	                "them alike. Look at where the options differ most before you decide.");
	result_free(&r);
	session_free(s);

	/* Equal ratings on Speed and Tools: all three pick Python. */
	s = model_answers(c, "weights: { speed: 0, tools: 0 }\n");
	assert_int_equal(score_session(c, s, &r), SCORE_OK);
	assert_sentence(c, &r, SCORE_SENTENCE_METHODS, 0, METHODS_LEAD "all three pick Python.");
	result_free(&r);
	session_free(s);
	criteria_free(c);
}

/* Two options A and B on three criteria X, Y, Z with WEIGHTS and ratings
 * A (RA) and B (RB), scored and the methods sentence compared with WANT. */
static void assert_methods(const char *weights, const char *ra, const char *rb,
                           int sum, int product, int topsis, const char *want)
{
	char yaml[1024];
	int ax, ay, az, bx, by, bz, wx, wy, wz;
	sscanf(weights, "%d %d %d", &wx, &wy, &wz);
	sscanf(ra, "%d %d %d", &ax, &ay, &az);
	sscanf(rb, "%d %d %d", &bx, &by, &bz);
	snprintf(yaml, sizeof yaml,
	         "verdict: 1\nid: m\ntitle: T\n"
	         "options:\n  - { id: a, name: A }\n  - { id: b, name: B }\n"
	         "criteria:\n"
	         "  - { id: x, name: X, question: Q?, default_weight: %d, ratings: { a: %d, b: %d } }\n"
	         "  - { id: y, name: Y, question: Q?, default_weight: %d, ratings: { a: %d, b: %d } }\n"
	         "  - { id: z, name: Z, question: Q?, default_weight: %d, ratings: { a: %d, b: %d } }\n",
	         wx, ax, bx, wy, ay, by, wz, az, bz);
	struct criteria *c = model_parse(yaml);
	struct session *s = model_answers(c, "{}\n");
	struct result r;
	assert_int_equal(score_session(c, s, &r), SCORE_OK);
	assert_int_equal(r.winner, sum);
	assert_int_equal(r.methods[METHOD_WEIGHTED_PRODUCT].winner, product);
	assert_int_equal(r.methods[METHOD_TOPSIS].winner, topsis);
	assert_false(r.methods_agree);
	assert_sentence(c, &r, SCORE_SENTENCE_METHODS, 0, want);
	result_free(&r);
	session_free(s);
	criteria_free(c);
}


/* Each way the methods can disagree has a true reason. The figures, worked
 * by hand from docs/scoring.md's formulas: */
static void test_methods_ties(void **state)
{
	(void)state;
	/* Only the product finds it too close: weights 4, 5, 2; A 4, 6, 3 and
	 * B 5, 6, 2. Sum B 49.09 against 47.27; product A 45.64, B 45.98, 0.34
	 * apart (under 0.5); TOPSIS B 52.97 against 47.03. */
	assert_methods("4 5 2", "4 6 3", "5 6 2", 1, -1, 1, DISAGREE_LEAD "picks B; multiplying "
	               "them (the weighted product) finds B and A too close to call; and "
	               TOPSIS_WHAT "picks B. Why: Multiplying puts B and A only 0.3 points apart "
	               "out of 100, under the 0.5 that calls a winner, so it names neither. Look "
	               "at where the options differ most before you decide.");
	/* Only TOPSIS: weights 3, 2, 3; A 2, 9, 10 and B 10, 10, 2. Sum B 70
	 * against 67.5; product B 54.69 against 53.27; TOPSIS B 50.05, A 49.95,
	 * 0.10 apart. */
	assert_methods("3 2 3", "2 9 10", "10 10 2", 1, 1, -1, DISAGREE_LEAD "picks B; multiplying "
	               "them (the weighted product) picks B; and " TOPSIS_WHAT "finds B and A too "
	               "close to call. Why: TOPSIS puts B and A only 0.1 points apart out of 100, "
	               "under the 0.5 that calls a winner, so it names neither. Look at where the "
	               "options differ most before you decide.");
	/* The sum a tie, the other two picking: weights equal; A 5, 10, 6 and
	 * B 8, 7, 6. Sum 70 each; product B 69.52 against 66.94; TOPSIS B
	 * 56.41 against 43.59. */
	assert_methods("1 1 1", "5 10 6", "8 7 6", -1, 1, 1, DISAGREE_LEAD "finds A and B too "
	               "close to call; multiplying them (the weighted product) picks B; and "
	               TOPSIS_WHAT "picks B. Why: Adding up scores A and B alike, so it names "
	               "neither. Multiplying punishes a low rating much harder than adding up: A "
	               "is rated only 5 on X, against 8 for B. B comes nearer the best ratings "
	               "than A, most of all on X: A is rated 5 there, against a top rating of 8; "
	               "TOPSIS counts one wide gap from the best for more than several narrow "
	               "ones, where adding up counts them alike. Look at where the options differ "
	               "most before you decide.");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_steps_between_and_past),
		cmocka_unit_test(test_step_exactly_at_threshold),
		cmocka_unit_test(test_steps_unlabelled_scale),
		cmocka_unit_test(test_dominance),
		cmocka_unit_test(test_levers_three_options),
		cmocka_unit_test(test_top_lever_unanswered_first),
		cmocka_unit_test(test_causes),
		cmocka_unit_test(test_long_names_whole),
		cmocka_unit_test(test_traces_and_sides),
		cmocka_unit_test(test_glossary_mentions),
		cmocka_unit_test(test_examples_check),
		cmocka_unit_test(test_methods_sentence),
		cmocka_unit_test(test_methods_ties),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
