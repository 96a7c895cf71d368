/* score_format.h - a scored session in words: the sentences every face and
 * report shares, the plain-text report of `verdict score`, and its JSON
 * document for programs. (The Markdown, HTML and CSV reports are export.h's.)
 *
 * Each function reads the criteria C, the session S and its result R (from
 * score_session(C, S, R)), all borrowed and left unchanged. The text report
 * writes to OUT and returns 0, or -1 when writing failed; the JSON one builds
 * a tree the caller owns; sentences go into the caller's buffer or a new
 * string the caller frees. */
#ifndef VERDICT_SCORE_FORMAT_H
#define VERDICT_SCORE_FORMAT_H

#include <stdio.h>

#include <jansson.h>

#include "criteria.h"
#include "score.h"
#include "session.h"

/* The version of the JSON keys below, as "version" in the output. */
#define SCORE_JSON_VERSION 1

/* The report for a terminal: the recommendation, a bar per option, the top
 * reasons, what would change the winner, the confidence. Lines are wrapped
 * at 78 columns. With UTF8 the bars are drawn with block characters, else
 * with '#' and '.'. */
int score_write_text(FILE *out, const struct criteria *c, const struct session *s,
                     const struct result *r, int utf8);

/* The result as JSON. Keys (a contract; more may be added, none removed):
 *   version, criteria {id, title}, project, respondent, notes (null when not
 *   given), options [{id, name}], choices {question: choice or null},
 *   weights {criterion: effective weight}, ranking [{option, name, score}]
 *   best first, winner (option id or null for a tie), margin, strength
 *   ("clear", "leaning", "too-close"), thresholds {tie, leaning, clear},
 *   recommendation (the sentence), breakdown [{criterion, name, weight,
 *   weight_source, weight_label, ratings {option: n}, contributions
 *   {option: n}}], reasons [{criterion, text}], sensitivity [{criterion,
 *   weight, threshold (null when none), new_winner (null when none)}],
 *   confidence (0..1), trials.
 * Returns a new reference, or NULL when memory ran out. */
json_t *score_json(const struct criteria *c, const struct session *s, const struct result *r);

/* The recommendation as one sentence into BUF, e.g. "Recommendation: Node.js,
 * clearly (margin 14.2 points, confidence 93%)." Returns as snprintf does. */
int score_recommendation_text(const struct criteria *c, const struct result *r, char *buf,
                              size_t len);

/* What a change to criterion I's weight would do, as one sentence into BUF:
 * "Python would draw level if Readable code mattered 4.6 or more (now 2,
 * Moderate)." or "No weight of Readable code on the 0-5 scale changes the
 * winner." Returns as snprintf does. */
int score_sensitivity_text(const struct criteria *c, const struct result *r, size_t i,
                           char *buf, size_t len);

/* Criterion I's threshold as people are shown it: to one decimal, rounded
 * away from the current weight, so that at the figure shown the challenger
 * has drawn level or passed. */
double score_threshold_shown(const struct result *r, size_t i);

/* The confidence as one sentence into BUF: "Confidence: 93%. With every
 * weight moved at random by up to one step either way, Node.js stayed ahead
 * in 9,312 of 10,000 trials." Returns as snprintf does. */
int score_confidence_text(const struct result *r, const struct criteria *c, char *buf,
                          size_t len);

/* The criteria in the order to tell what would change the winner: those
 * with a threshold, nearest the current weight first, then the others in
 * the file's order. Fills ORDER[ncriteria] and returns how many have a
 * threshold. */
size_t score_change_order(const struct result *r, size_t *order);

enum score_sentence {
	SCORE_SENTENCE_RECOMMENDATION,  /* score_recommendation_text() */
	SCORE_SENTENCE_REASON,          /* score_reason_text() for criterion I */
	SCORE_SENTENCE_CHANGE,          /* score_sensitivity_text() for criterion I */
	SCORE_SENTENCE_CONFIDENCE,      /* score_confidence_text() */
};

/* One of the sentences above, whole, in a new string the caller frees; NULL
 * when memory ran out. I is ignored where no criterion is named. */
char *score_sentence_new(const struct criteria *c, const struct result *r,
                         enum score_sentence kind, size_t i);

/* V with at most DECIMALS decimals, trailing zeros dropped, never "-0":
 * "3", "4.5", "72.41". Returns BUF. */
char *score_number(char *buf, size_t len, double v, int decimals);
/* Points on the 0..100 scale (scores, margins, contributions) with exactly
 * one decimal, so that "77.0" and "59.1" stand side by side. Returns BUF. */
char *score_points(char *buf, size_t len, double v);

#endif
