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
#include "score_number.h"
#include "session.h"

/* The version of the JSON keys below, as "version" in the output. */
#define SCORE_JSON_VERSION 1

/* The report for a terminal: the recommendation, a bar per option, the top
 * reasons, what would change the winner, the confidence. Every text from the
 * criteria or the answers is cleaned for the terminal (text.h); lines are
 * wrapped at 78 display columns. With UTF8 the bars are drawn with block
 * characters, else with '#' and '.'. */
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
 *   {option: n}, weight_story (score_weight_story()), weight_causes
 *   [{question, choice, delta}], rating_causes [{question, choice, option,
 *   from, to}]}], reasons [{criterion, text}], give_up [{criterion, against, text}]
 *   (at most SCORE_MAX_GIVEUPS, none for a tie), sensitivity [{criterion,
 *   weight, threshold (exact; null when none), new_winner (null when none),
 *   step (the whole step nearest the weight where the result changes; null
 *   when none), step_label (null when no step), step_winner (null for a tie
 *   or no step), step_strength (the strength there; null when no step),
 *   text (score_sensitivity_text())}], dominant (no weighting
 *   on the scale puts another option ahead), answered (profile questions
 *   answered), answer_levers [{question, choice, winner (null for a tie),
 *   strength, margin, top}], confidence (0..1), trials.
 * Returns a new reference, never NULL. */
json_t *score_json(const struct criteria *c, const struct session *s, const struct result *r);

/* A JSON string of S, or null when S is NULL. Text read from the database
 * (a project, a respondent, notes, a file name) may hold bytes that are not
 * UTF-8, which jansson refuses: those become U+FFFD (text.h, TEXT_UTF8) and
 * the rest is kept exactly. Returns a new reference, never NULL. */
json_t *score_json_text(const char *s);

/* The recommendation as one sentence into BUF, e.g. "Recommendation: Node.js,
 * clearly (margin 14.2 points, confidence 93%)." Returns as snprintf does. */
int score_recommendation_text(const struct criteria *c, const struct result *r, char *buf,
                              size_t len);

/* A margin of MARGIN points as every text writes it beside its strength:
 * score_points_beside() with C's tie, leaning and clear thresholds, so the
 * figure never contradicts the word ("7.96", never "8.0", for a lead that
 * is leaning with clear from 8). Returns BUF. */
char *score_margin_points(const struct criteria *c, double margin, char *buf, size_t len);

/* What a change to criterion I's weight would do, in the scale's words, as
 * one sentence into BUF: "Python would win if Readable code were Critical
 * (5) instead of Moderate (2).", at the whole step nearest the current weight
 * where the result changes; "It would be too close to call, with no winner,
 * if ..."; or "No weight of Readable code on the 0-5 scale changes the
 * winner." Returns as snprintf does. */
int score_sensitivity_text(const struct criteria *c, const struct result *r, size_t i,
                           char *buf, size_t len);

/* The confidence as one sentence into BUF: "Confidence: 93%. With every
 * weight moved at random by up to one step either way, Node.js stayed ahead
 * in 9,312 of 10,000 trials." Returns as snprintf does. */
int score_confidence_text(const struct result *r, const struct criteria *c, char *buf,
                          size_t len);

/* The line after the tipping points, for the SHOWN criteria that have one
 * told: when no weighting can put another option ahead (dominance), says
 * so; else how many other criteria cannot change the result alone, or that
 * it would take changes to several at once. Empty when nothing is left to
 * say. Returns as snprintf does. */
int score_steady_text(const struct criteria *c, const struct result *r, size_t shown,
                      char *buf, size_t len);

/* A result in a few words, appended to SB: "Python, clearly, by 12.0
 * points", "Python, leaning, by 3.2 points", "Python by 1.0 points, too
 * close to call", "no winner, too close to call (margin 0.3 points)", for
 * LV's winner, strength and margin (its question and choice are not read):
 * what each answer lever and each respondent of a group view says. */
struct strbuf;
void score_outcome_text(struct strbuf *sb, const struct criteria *c, const struct lever *lv);

/* What other answers would give, in a list grouped by question: "Your team
 * (now “Mostly JavaScript”):" for question Q, then "“Mostly Python”: Python,
 * leaning, by 3.2 points." for lever L of R (-1 when L is out of range). */
int score_lever_question_text(const struct criteria *c, const struct result *r, size_t q,
                              char *buf, size_t len);
int score_lever_short_text(const struct criteria *c, const struct result *r, size_t l,
                           char *buf, size_t len);
/* The lever that would change the winner most, named: "The answer that
 * could change it most: with “Mostly Python” for Your team, the result would
 * be Python, leaning, by 3.2 points." Empty when no other answer changes the
 * winner. */
int score_top_lever_text(const struct criteria *c, const struct result *r, char *buf,
                         size_t len);

/* When no profile question was answered, a sentence saying that nothing
 * about the project is known yet; else empty. Returns as snprintf does. */
int score_unknown_project_text(const struct criteria *c, const struct result *r, char *buf,
                               size_t len);

/* Why criterion I has its weight, item by item: "normally 3; +1 Kind of
 * product: Online shop; +1 Your team: Mostly JavaScript", "normally 3; +3
 * Kind of product: Real-time app; capped at 5", "normally 3"
 * or "set by you to 4 (normally 3)"; for a weight from comparisons in pairs,
 * "from your comparisons: 42.1% of the whole weight" or "left out of your
 * comparisons". Returns as snprintf does. */
int score_weight_story(const struct criteria *c, const struct result *r, size_t i, char *buf,
                       size_t len);

/* The same for the walk-through's criterion screen, before any result: how
 * session S's answers move criterion I's default to NOW, whether or not the
 * person has set a weight of their own. */
int score_default_story(const struct criteria *c, const struct session *s, size_t i,
                        double now, char *buf, size_t len);
/* The ratings of criterion I that S's answers replace: "For your project,
 * Node.js rates 9 instead of 6, for your answer “Online shop”; ...". Empty
 * when none is. Returns as snprintf does. */
int score_rating_story(const struct criteria *c, const struct session *s, size_t i, char *buf,
                       size_t len);
/* The two above in new strings ("" when there is nothing to tell), which the
 * caller frees. */
char *score_default_story_new(const struct criteria *c, const struct session *s, size_t i,
                              double now);
char *score_rating_story_new(const struct criteria *c, const struct session *s, size_t i);

/* The criteria in the order to tell what would change the result: those
 * with a tipping step, nearest the current weight first, then the others in
 * the file's order. Fills ORDER[ncriteria] and returns how many have a
 * tipping step. */
size_t score_change_order(const struct result *r, size_t *order);

enum score_sentence {
	SCORE_SENTENCE_RECOMMENDATION,  /* score_recommendation_text() */
	SCORE_SENTENCE_REASON,          /* score_reason_text() for criterion I */
	SCORE_SENTENCE_CHANGE,          /* score_sensitivity_text() for criterion I */
	SCORE_SENTENCE_CONFIDENCE,      /* score_confidence_text() */
	SCORE_SENTENCE_GIVEUP,          /* score_giveup_text() for criterion I */
	SCORE_SENTENCE_STEADY,          /* score_steady_text() with I shown */
	SCORE_SENTENCE_LEVER_SHORT,     /* score_lever_short_text() for lever I */
	SCORE_SENTENCE_LEVER_QUESTION,  /* score_lever_question_text() for question I */
	SCORE_SENTENCE_TOP_LEVER,       /* score_top_lever_text() */
	SCORE_SENTENCE_UNKNOWN_PROJECT, /* score_unknown_project_text() */
	SCORE_SENTENCE_WEIGHT_STORY,    /* score_weight_story() for criterion I */
	SCORE_SENTENCE_METHODS,         /* score_methods_text() */
	SCORE_SENTENCE_INCONSISTENT,    /* score_inconsistent_text() */
};

/* One of the sentences above, whole, in a new string the caller frees; NULL
 * only where the sentence's function returns -1 (I out of range). I is
 * ignored where no criterion, lever or question is named. */
#define SCORE_MAX_GIVEUPS 5
char *score_sentence_new(const struct criteria *c, const struct result *r,
                         enum score_sentence kind, size_t i);

/* ---- comparisons in pairs, and the three methods (score_format_pairwise.c) ---- */

/* Whether the three ways of adding up agree, as one plain sentence into
 * BUF: "Checked three ways (...): all three pick Node.js.", or where they
 * do not, which option each favours and why that can happen. Returns as
 * snprintf does. */
int score_methods_text(const struct criteria *c, const struct result *r, char *buf,
                       size_t len);

/* Sentences, each a new string. */
struct score_lines {
	size_t count;
	char **items;
};
void score_lines_free(struct score_lines *lines);

/* How a weighting in pairs came out, a sentence a line, into LINES (none
 * when R was not weighed in pairs): what the consistency ratio means, then
 * each matrix's ratio (where three items or more are compared and the
 * comparisons form a loop; else that they cannot be checked yet) with its
 * hints (score_hint_text_new() and "(with that, the ratio would be
 * 0.04)."), the comparisons filled in, in words,
 * the comparison that would help most next, and the criteria left out.
 * The caller frees LINES with score_lines_free(). */
void score_pairwise_lines(const struct criteria *c, const struct result *r,
                          struct score_lines *lines);

/* When comparisons in pairs contradict each other (a consistency ratio
 * above 0.10 in some matrix that can be checked), the warning that goes
 * right after the recommendation, naming where and which comparisons
 * (the hints'): "Take care: some of your comparisons contradict each
 * other, within Technical (consistency ratio 0.34, above 0.10), most of
 * all Raw speed vs Room to grow ... Until you follow the hints under “Your
 * comparisons in pairs”, the weights, and this recommendation with them,
 * are less trustworthy." Empty otherwise. Returns as snprintf does. */
int score_inconsistent_text(const struct criteria *c, const struct result *r, char *buf,
                            size_t len);

/* A hint of matrix X in words, in a new string: "Stability vs Room to
 * grow: you said Stability matters 5 times as much as Room to grow; your
 * other answers suggest Room to grow matters about 3 times as much as
 * Stability". */
char *score_hint_text_new(const struct criteria *c, const struct pairwise_matrix *x,
                          const struct ahp_hint *h);

/* The comparisons session S gave, one line each in the order given, into
 * LINES (none unless S weighs in pairs): "Raw speed matters 3 times as
 * much as Readable code", "Technical and Product matter about equally".
 * The caller frees LINES with score_lines_free(). */
void score_given_lines(const struct criteria *c, const struct session *s,
                       struct score_lines *lines);

/* The walk-through's and the plain face's shorter form of
 * score_inconsistent_text(), pointing to their review of the comparisons:
 * where some comparisons of R contradict each other (a matrix's
 * consistency ratio above AHP_CR_LIMIT), the warning that goes next to the
 * recommendation, into BUF: "Careful: your comparisons within Technical
 * contradict each other (consistency ratio 0.15, above 0.10): the weights
 * they give, and so the confidence, are less trustworthy than they look.
 * The review of your comparisons has hints on which answers to change."
 * (with more than one: "within Technical (ratio 0.15) and of the groups
 * (ratio 0.12) contradict each other (consistency ratios above 0.10)").
 * Else "" (0). Returns as snprintf does. */
int score_pairwise_warning(const struct criteria *c, const struct result *r, char *buf,
                           size_t len);

/* A comparison's value as a person writes it, into BUF: "3", "1/5"; with
 * EXACT 0, a value off the scale (one filled in) to one decimal: "2.4",
 * "1/2.4". */
void score_pair_value_text(char *buf, size_t len, double v, int exact);
/* The name of what a comparison at LEVEL compares: criterion INDEX's name,
 * or group INDEX's (criteria_groups.h). */
const char *score_pair_item_name(const struct criteria *c, enum judgment_level level,
                                 size_t index);

/* ---- the decision journal beside the advice (score_format_journal.c) ---- */

struct stored_session;
struct journal_entry;

/* The latest decision in META's journal, or NULL; and into *REVIEW (may be
 * NULL) the latest review recorded after it, or NULL. */
const struct journal_entry *score_latest_decision(const struct stored_session *meta,
                                                  const struct journal_entry **review);

/* Whether DECISION chose another option than R's winner (the advice); 0
 * for a tie, for no result (R NULL) and for no decision. */
int score_decision_differs(const struct criteria *c, const struct result *r,
                           const struct journal_entry *decision);

/* The decision in one sentence, beside R's winner (R may be NULL: a session
 * with no result yet): "Decided on 2026-11-26 14:03 UTC: Python, not
 * Node.js as advised.", "...: Node.js, as advised.", "...: Python (the
 * advice was a tie).", or "...: Python." with no result. A new string the
 * caller frees. */
char *score_decision_text_new(const struct criteria *c, const struct result *r,
                              const struct journal_entry *decision);

/* The review in one sentence: "Outcome on 2026-12-01 09:00 UTC: on time,
 * rated 4 of 5." A new string the caller frees. */
char *score_review_text_new(const struct journal_entry *review);

#endif
