/* session.c - one person's answers to a criteria set. */
#include "session.h"

#include <stdlib.h>
#include <string.h>

struct session *session_new(const struct criteria *c)
{
	struct session *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->nquestions = c->nquestions;
	s->ncriteria = c->ncriteria;
	s->choices = malloc((c->nquestions ? c->nquestions : 1) * sizeof *s->choices);
	s->weights = calloc(c->ncriteria ? c->ncriteria : 1, sizeof *s->weights);
	s->weight_set = calloc(c->ncriteria ? c->ncriteria : 1, 1);
	if (!s->choices || !s->weights || !s->weight_set) {
		session_free(s);
		return NULL;
	}
	for (size_t i = 0; i < c->nquestions; i++)
		s->choices[i] = SESSION_NO_CHOICE;
	return s;
}

void session_free(struct session *s)
{
	if (!s)
		return;
	free(s->project);
	free(s->respondent);
	free(s->notes);
	free(s->choices);
	free(s->weights);
	free(s->weight_set);
	free(s);
}

int session_set_text(char **field, const char *value)
{
	char *copy = NULL;
	if (value && !(copy = strdup(value)))
		return -1;
	free(*field);
	*field = copy;
	return 0;
}
