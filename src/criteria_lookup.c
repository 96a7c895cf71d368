/* criteria_lookup.c - questions asked of a loaded criteria model: where an
 * id stands, what a question or choice is called, the label of a weight.
 * criteria.c builds the model; this only reads it. */
#include <math.h>
#include <string.h>

#include "criteria.h"

int criteria_option_index(const struct criteria *c, const char *id)
{
	for (size_t i = 0; i < c->noptions; i++)
		if (c->options[i].id && strcmp(c->options[i].id, id) == 0)
			return (int)i;
	return -1;
}

int criteria_criterion_index(const struct criteria *c, const char *id)
{
	for (size_t i = 0; i < c->ncriteria; i++)
		if (c->criteria[i].id && strcmp(c->criteria[i].id, id) == 0)
			return (int)i;
	return -1;
}

int criteria_question_index(const struct criteria *c, const char *id)
{
	for (size_t i = 0; i < c->nquestions; i++)
		if (c->questions[i].id && strcmp(c->questions[i].id, id) == 0)
			return (int)i;
	return -1;
}

int criteria_choice_index(const struct question *q, const char *id)
{
	for (size_t i = 0; i < q->nchoices; i++)
		if (q->choices[i].id && strcmp(q->choices[i].id, id) == 0)
			return (int)i;
	return -1;
}

const char *criteria_question_name(const struct question *q)
{
	return q->name ? q->name : q->prompt;
}

const char *criteria_choice_name(const struct choice *ch)
{
	return ch->name ? ch->name : ch->label;
}

const char *criteria_weight_label(const struct criteria *c, double weight)
{
	long step = lround(weight);
	if (step < c->scale.min)
		step = c->scale.min;
	if (step > c->scale.max)
		step = c->scale.max;
	return c->scale.labels[step - c->scale.min];
}
