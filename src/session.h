/* session.h - one person's answers to a criteria set.
 *
 * A session says which profile choice was picked for each question and which
 * weight, if any, the person set for each criterion. It refers to the criteria
 * by index and holds no pointer into them: the criteria outlive it. */
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

#endif
