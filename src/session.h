/* session.h - one person's answers to a criteria set, and the steps they are
 * given in.
 *
 * A session says which profile choice was picked for each question and which
 * weight, if any, the person set for each criterion. It refers to the criteria
 * by index and holds no pointer into them: the criteria outlive it.
 *
 * The steps of a session on a criteria set with Q profile questions and N
 * criteria are numbered 0 to Q - 1 (the questions), Q to Q + N - 1 (the
 * criteria), Q + N (the review of all weights) and Q + N + 1 (the results).
 * The store keeps the step a session reached, so that every face resumes it
 * there, and `verdict score --save` stores a finished session on its
 * results; session_steps.c numbers them. */
#ifndef VERDICT_SESSION_H
#define VERDICT_SESSION_H

#include <stddef.h>

#include "criteria.h"

#define SESSION_NO_CHOICE (-1)

struct session {
	char *project;          /* NULL when not given */
	char *respondent;       /* NULL when not given */
	char *notes;            /* NULL when not given */
	size_t nquestions;
	int *choices;           /* [nquestions]: choice index or SESSION_NO_CHOICE */
	size_t ncriteria;
	double *weights;        /* [ncriteria]: the person's weight, valid where weight_set[i] */
	unsigned char *weight_set; /* [ncriteria]: 1 where the person set the weight */
};

/* A new empty session for C: no choices, no weights. Free with
 * session_free(). */
struct session *session_new(const struct criteria *c);
void session_free(struct session *s);

/* Replaces a text field (project, respondent or notes) with a copy of VALUE,
 * or clears it when VALUE is NULL. */
void session_set_text(char **field, const char *value);

/* ---- the steps (session_steps.c) ---- */

enum session_step_kind {
	SESSION_STEP_QUESTION,
	SESSION_STEP_CRITERION,
	SESSION_STEP_REVIEW,
	SESSION_STEP_RESULTS,
};

/* How many steps a session on C has: the last is the results. */
int session_nsteps(const struct criteria *c);
/* What STEP is (a step below 0 is the first, one past the end the results),
 * with the question's or criterion's index in *INDEX (0 for the review and
 * the results). */
enum session_step_kind session_step_kind(const struct criteria *c, int step, size_t *index);
/* The step of criterion K, of the review and of the results. */
int session_criterion_step(const struct criteria *c, size_t k);
int session_review_step(const struct criteria *c);
int session_results_step(const struct criteria *c);
/* STEP for people, into BUF: "question 1 of 2", "criterion 5 of 19", "the
 * review", "the results". Returns as snprintf does. */
int session_step_label(const struct criteria *c, int step, char *buf, size_t len);

#endif
