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
	free(s->judgments);
	free(s);
}

void session_set_text(char **field, const char *value)
{
	char *copy = value ? xstrdup(value) : NULL;
	free(*field);
	*field = copy;
}

/* The place of the comparison of A and B at LEVEL, either way round, or
 * S->njudgments when there is none. */
static size_t find_judgment(const struct session *s, enum judgment_level level, size_t a,
                            size_t b)
{
	size_t i = 0;
	for (; i < s->njudgments; i++) {
		const struct judgment *j = &s->judgments[i];
		if (j->level == level && ((j->a == a && j->b == b) || (j->a == b && j->b == a)))
			break;
	}
	return i;
}

const struct judgment *session_judgment(const struct session *s, enum judgment_level level,
                                        size_t a, size_t b)
{
	size_t i = find_judgment(s, level, a, b);
	return i < s->njudgments ? &s->judgments[i] : NULL;
}

void session_set_judgment(struct session *s, enum judgment_level level, size_t a, size_t b,
                          double value)
{
	size_t i = find_judgment(s, level, a, b);
	if (i == s->njudgments)
		s->judgments = xreallocarray(s->judgments, ++s->njudgments, sizeof *s->judgments);
	s->judgments[i] = (struct judgment){ level, a, b, value };
}

int session_clear_judgment(struct session *s, enum judgment_level level, size_t a, size_t b)
{
	size_t i = find_judgment(s, level, a, b);
	if (i == s->njudgments)
		return 0;
	memmove(&s->judgments[i], &s->judgments[i + 1],
	        (s->njudgments - i - 1) * sizeof *s->judgments);
	s->njudgments--;
	return 1;
}
