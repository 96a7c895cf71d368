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

int criteria_id_find(const struct criteria_id_index *ix, const char *id, size_t *probes)
{
	/* The first slot whose id is not below ID: of equal ids, the first given. */
	size_t lo = 0, hi = ix->n, compared = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		compared++;
		if (strcmp(ix->slots[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	int found = -1;
	if (lo < ix->n) {
		compared++;
		if (strcmp(ix->slots[lo].id, id) == 0)
			found = (int)ix->slots[lo].index;
	}
	if (probes)
		*probes = compared;
	return found;
}

int criteria_criterion_index(const struct criteria *c, const char *id)
{
	return criteria_id_find(&c->criterion_ids, id, NULL);
}

int criteria_question_index(const struct criteria *c, const char *id)
{
	return criteria_id_find(&c->question_ids, id, NULL);
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
