/* session_steps.c - the steps a session is answered in, numbered (session.h):
 * the profile questions, the criteria, the review and the results. */
#include <stdio.h>

#include "session.h"

int session_nsteps(const struct criteria *c)
{
	return (int)(c->nquestions + c->ncriteria) + 2;
}

enum session_step_kind session_step_kind(const struct criteria *c, int step, size_t *index)
{
	size_t s = step < 0 ? 0 : (size_t)step;
	*index = 0;
	if (s < c->nquestions) {
		*index = s;
		return SESSION_STEP_QUESTION;
	}
	s -= c->nquestions;
	if (s < c->ncriteria) {
		*index = s;
		return SESSION_STEP_CRITERION;
	}
	return s == c->ncriteria ? SESSION_STEP_REVIEW : SESSION_STEP_RESULTS;
}

int session_criterion_step(const struct criteria *c, size_t k)
{
	return (int)(c->nquestions + k);
}

int session_review_step(const struct criteria *c)
{
	return (int)(c->nquestions + c->ncriteria);
}

int session_results_step(const struct criteria *c)
{
	return session_review_step(c) + 1;
}

int session_step_label(const struct criteria *c, int step, char *buf, size_t len)
{
	size_t i;
	switch (session_step_kind(c, step, &i)) {
	case SESSION_STEP_QUESTION:
		return snprintf(buf, len, "question %zu of %zu", i + 1, c->nquestions);
	case SESSION_STEP_CRITERION:
		return snprintf(buf, len, "criterion %zu of %zu", i + 1, c->ncriteria);
	case SESSION_STEP_REVIEW:
		return snprintf(buf, len, "the review");
	case SESSION_STEP_RESULTS:
		break;
	}
	return snprintf(buf, len, "the results");
}
