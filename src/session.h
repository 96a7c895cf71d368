/* session.h - one person's answers to a criteria set, and the steps they are
 * given in.
 *
 * A session says which profile choice was picked for each question and which
 * weight, if any, the person set for each criterion. It refers to the criteria
 * by index and holds no pointer into them: the criteria outlive it.
 *
 * The steps of a session weighing with ratings, on a criteria set with Q
 * profile questions and N criteria, are numbered 0 to Q - 1 (the questions),
 * Q to Q + N - 1 (the criteria), Q + N (the review of all weights) and
 * Q + N + 1 (the results); one weighing in pairs has one step for all the
 * comparisons (below).
 * The store keeps the step a session reached, so that every face resumes it
 * there, and `verdict score --save` stores a finished session on its
 * results; session_steps.c numbers them. */
#ifndef VERDICT_SESSION_H
#define VERDICT_SESSION_H

#include <stddef.h>

#include "criteria.h"
#include "criteria_groups.h"

#define SESSION_NO_CHOICE (-1)

/* How the person weighs the criteria: a weight for each on the scale, or
 * comparisons of two at a time (pairwise, docs/scoring.md). */
enum weighting {
	WEIGHTING_RATINGS,
	WEIGHTING_PAIRWISE,
};

/* What one comparison compares: two criteria, or two groups of criteria
 * (criteria_groups.h) in a set whose criteria have groups. */
enum judgment_level {
	JUDGE_CRITERIA,
	JUDGE_GROUPS,
};

/* One comparison: A matters VALUE times as much as B (Saaty's scale: 1 to 9
 * and their reciprocals, 1/9 to 1). A and B are criterion indices, or group
 * indices (criteria_groups.h) for JUDGE_GROUPS; A != B. */
struct judgment {
	enum judgment_level level;
	size_t a, b;
	double value;
};

struct session {
	char *project;          /* NULL when not given */
	char *respondent;       /* NULL when not given */
	char *notes;            /* NULL when not given */
	size_t nquestions;
	int *choices;           /* [nquestions]: choice index or SESSION_NO_CHOICE */
	size_t ncriteria;
	double *weights;        /* [ncriteria]: the person's weight, valid where weight_set[i] */
	unsigned char *weight_set; /* [ncriteria]: 1 where the person set the weight */
	enum weighting weighting; /* WEIGHTING_RATINGS unless the person chose pairs */
	size_t njudgments;
	struct judgment *judgments; /* [njudgments], at most one per pair (either way
	                             * round), in the order first given; used when
	                             * weighting is WEIGHTING_PAIRWISE */
};

/* A new empty session for C: no choices, no weights. Free with
 * session_free(). */
struct session *session_new(const struct criteria *c);
void session_free(struct session *s);

/* Replaces a text field (project, respondent or notes) with a copy of VALUE,
 * or clears it when VALUE is NULL. */
void session_set_text(char **field, const char *value);

/* The comparison of A and B at LEVEL, whichever way round it was given, or
 * NULL. */
const struct judgment *session_judgment(const struct session *s, enum judgment_level level,
                                        size_t a, size_t b);
/* Sets A over B at LEVEL to VALUE, replacing the pair's comparison given
 * either way round (which keeps its place). */
void session_set_judgment(struct session *s, enum judgment_level level, size_t a, size_t b,
                          double value);
/* Forgets the comparison of A and B at LEVEL; returns 1 when there was one. */
int session_clear_judgment(struct session *s, enum judgment_level level, size_t a, size_t b);

/* ---- the steps (session_steps.c) ---- */

enum session_step_kind {
	SESSION_STEP_QUESTION,
	SESSION_STEP_CRITERION,
	SESSION_STEP_PAIRS,     /* every comparison of a pairwise session, one step */
	SESSION_STEP_REVIEW,
	SESSION_STEP_RESULTS,
};

/* The steps depend on how the session weighs (W): weighing with ratings,
 * they are as the top of this file says; weighing in pairs, the profile
 * questions are followed by one step holding every comparison (numbered Q),
 * then the review (Q + 1) and the results (Q + 2). */

/* How many steps a session on C weighing W has: the last is the results. */
int session_nsteps(const struct criteria *c, enum weighting w);
/* What STEP is (a step below 0 is the first, one past the end the results),
 * with the question's or criterion's index in *INDEX (0 for the comparisons,
 * the review and the results). */
enum session_step_kind session_step_kind(const struct criteria *c, enum weighting w, int step,
                                         size_t *index);
/* The step of criterion K (weighing with ratings). */
int session_criterion_step(const struct criteria *c, size_t k);
/* The first step of weighing, whichever way: the first criterion, or the
 * comparisons (both Q). */
int session_weighing_step(const struct criteria *c);
/* The step of the review and of the results. */
int session_review_step(const struct criteria *c, enum weighting w);
int session_results_step(const struct criteria *c, enum weighting w);
/* STEP of session S for people, into BUF: "question 1 of 2", "criterion 5 of
 * 19", "comparison 4 of 31" (the first not yet given; "the comparisons" when
 * every one is), "the review", "the results". Returns as snprintf does. */
int session_step_label(const struct criteria *c, const struct session *s, int step, char *buf,
                       size_t len);

/* ---- the comparisons of a pairwise session (session_steps.c) ---- */

/* One comparison asked: at LEVEL, A against B (criterion indices, or group
 * indices for JUDGE_GROUPS), A before B in the set's order. GROUP is the
 * group compared within (JUDGE_CRITERIA in a set with groups), else -1. */
struct session_pair {
	enum judgment_level level;
	int group;
	size_t a, b;
};

/* Every comparison a pairwise session on a set asks, in the fixed order the
 * faces ask them. First the fewest that link every criterion: within each
 * group (the groups in the order they first appear) each criterion with the
 * next of its group in the set's order, a chain; then each group with the
 * next. Then the rest, in the same order: within each group every pair not
 * yet asked (the criteria in the set's order), then the groups. In a flat
 * set (or one with a single group) the criteria are one group. Once the
 * first part is given, "enough for now" is allowed. A group of one
 * criterion asks nothing. */
struct session_pairs {
	struct criteria_groups groups;  /* the set's groups (criteria_groups.h) */
	int top;                /* 1 when the groups are compared with each other */
	size_t n;
	struct session_pair *items;     /* [n] */
};

/* The comparisons of C into P, which the caller frees with
 * session_pairs_free() (and which must not outlive C). */
void session_pairs_init(struct session_pairs *p, const struct criteria *c);
void session_pairs_free(struct session_pairs *p);
/* The comparison of P's pair I given in S, or NULL. */
const struct judgment *session_pair_given(const struct session_pairs *p, size_t i,
                                          const struct session *s);
/* How many of P's comparisons S has given. */
size_t session_pairs_given(const struct session_pairs *p, const struct session *s);
/* The first of P's comparisons S has not given, or p->n when every one is. */
size_t session_pairs_first_missing(const struct session_pairs *p, const struct session *s);
/* How many more comparisons at the least S needs before they link every
 * item of every matrix (the criteria within each group, and the groups): 0
 * when they do, and the weights can be worked out with no criterion left
 * out. */
size_t session_pairs_needed(const struct session_pairs *p, const struct session *s);

#endif
