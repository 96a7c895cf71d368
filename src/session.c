/* session.c - one person's answers to a criteria set. */
#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct session *session_new(const struct criteria *c)
{
	struct session *s = xcalloc(1, sizeof *s);
	s->nquestions = c->nquestions;
	s->ncriteria = c->ncriteria;
	s->choices = xcalloc(c->nquestions, sizeof *s->choices);
	s->weights = xcalloc(c->ncriteria, sizeof *s->weights);
	s->weight_set = xcalloc(c->ncriteria, 1);
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

void session_set_text(char **field, const char *value)
{
	char *copy = value ? xstrdup(value) : NULL;
	free(*field);
	*field = copy;
}
