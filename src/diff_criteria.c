/* diff_criteria.c - what differs between two versions of a criteria set,
 * matched by ids, and which calibration examples come out otherwise. */
#include "diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "criteria_groups.h"
#include "diff_internal.h"
#include "xalloc.h"

struct diff_item *diff_add(struct diff *d, enum diff_kind kind)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 16;
		d->items = xreallocarray(d->items, d->cap, sizeof *d->items);
	}
	struct diff_item *it = &d->items[d->n++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->player = -1;
	return it;
}

void diff_free(struct diff *d)
{
	if (!d)
		return;
	free(d->items);
	memset(d, 0, sizeof *d);
}

int diff_same_text(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static struct diff_item *add_text(struct diff *d, enum diff_kind kind, const char *id,
                                  const char *name, const char *field, const char *old_text,
                                  const char *new_text)
{
	struct diff_item *it = diff_add(d, kind);
	it->id = id;
	it->name = name;
	it->field = field;
	it->old_text = old_text;
	it->new_text = new_text;
	it->has_old = old_text != NULL;
	it->has_new = new_text != NULL;
	return it;
}

static void scale_text(const struct scale *s, char *buf, size_t len)
{
	snprintf(buf, len, "%d-%d", s->min, s->max);
}

static int same_labels(const struct scale *a, const struct scale *b)
{
	if (a->min != b->min || a->max != b->max)
		return 0;
	for (int i = 0; i <= a->max - a->min; i++)
		if (strcmp(a->labels[i], b->labels[i]) != 0)
			return 0;
	return 1;
}

static void thresholds_text(const struct strength_thresholds *t, char *buf, size_t len)
{
	snprintf(buf, len, "%g / %g / %g", t->tie, t->leaning, t->clear);
}

static void diff_set(const struct criteria *a, const struct criteria *b, struct diff *d)
{
	if (!diff_same_text(a->id, b->id))
		add_text(d, DIFF_SET_TEXT, NULL, NULL, "id", a->id, b->id);
	if (!diff_same_text(a->title, b->title))
		add_text(d, DIFF_SET_TEXT, NULL, NULL, "title", a->title, b->title);
	if (!diff_same_text(a->summary, b->summary))
		add_text(d, DIFF_SET_TEXT, NULL, NULL, "summary", a->summary, b->summary);
	for (size_t o = 0; o < b->noptions; o++) {
		int k = criteria_option_index(a, b->options[o].id);
		if (k < 0)
			add_text(d, DIFF_OPTION_ADDED, b->options[o].id, b->options[o].name, NULL, NULL,
			         NULL);
		else if (strcmp(a->options[k].name, b->options[o].name) != 0)
			add_text(d, DIFF_OPTION_TEXT, b->options[o].id, b->options[o].name, "name",
			         a->options[k].name, b->options[o].name);
	}
	for (size_t o = 0; o < a->noptions; o++)
		if (criteria_option_index(b, a->options[o].id) < 0)
			add_text(d, DIFF_OPTION_REMOVED, a->options[o].id, a->options[o].name, NULL,
			         NULL, NULL);
	if (a->scale.min != b->scale.min || a->scale.max != b->scale.max) {
		struct diff_item *it = add_text(d, DIFF_SCALE, NULL, NULL, "range", NULL, NULL);
		scale_text(&a->scale, it->old_buf, sizeof it->old_buf);
		scale_text(&b->scale, it->new_buf, sizeof it->new_buf);
		it->old_text = it->old_buf;
		it->new_text = it->new_buf;
		it->old_value = a->scale.max;
		it->new_value = b->scale.max;
	} else if (!same_labels(&a->scale, &b->scale)) {
		add_text(d, DIFF_SCALE, NULL, NULL, "labels", NULL, NULL);
	}
	const struct strength_thresholds *ta = &a->strength, *tb = &b->strength;
	if (ta->tie != tb->tie || ta->leaning != tb->leaning || ta->clear != tb->clear) {
		struct diff_item *it = add_text(d, DIFF_STRENGTH, NULL, NULL, NULL, NULL, NULL);
		thresholds_text(ta, it->old_buf, sizeof it->old_buf);
		thresholds_text(tb, it->new_buf, sizeof it->new_buf);
		it->old_text = it->old_buf;
		it->new_text = it->new_buf;
	}
}

/* The texts of criterion KA of A and KB of B. */
static void criterion_texts(const struct criteria *a, const struct criterion *ka,
                            const struct criteria *b, const struct criterion *kb, struct diff *d)
{
	static const char *const fields[] = { "name", "question", "group", "source" };
	const char *va[] = { ka->name, ka->question, ka->group, ka->source };
	const char *vb[] = { kb->name, kb->question, kb->group, kb->source };
	for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
		if (!diff_same_text(va[f], vb[f]))
			add_text(d, DIFF_CRITERION_TEXT, kb->id, kb->name, fields[f], va[f], vb[f]);
	for (size_t o = 0; o < b->noptions; o++) {
		int oa = criteria_option_index(a, b->options[o].id);
		const char *wa = oa >= 0 ? ka->why[oa] : NULL;
		if (oa < 0 || diff_same_text(wa, kb->why[o]))
			continue;
		struct diff_item *it = add_text(d, DIFF_CRITERION_TEXT, kb->id, kb->name, "why", wa,
		                                kb->why[o]);
		it->option = b->options[o].id;
		it->option_name = b->options[o].name;
	}
}

static void diff_criteria_list(const struct criteria *a, const struct criteria *b,
                               struct diff *d)
{
	for (size_t k = 0; k < b->ncriteria; k++)
		if (criteria_criterion_index(a, b->criteria[k].id) < 0)
			add_text(d, DIFF_CRITERION_ADDED, b->criteria[k].id, b->criteria[k].name, NULL,
			         NULL, NULL);
	for (size_t k = 0; k < a->ncriteria; k++)
		if (criteria_criterion_index(b, a->criteria[k].id) < 0)
			add_text(d, DIFF_CRITERION_REMOVED, a->criteria[k].id, a->criteria[k].name,
			         NULL, NULL, NULL);
	for (size_t k = 0; k < b->ncriteria; k++) {
		const struct criterion *kb = &b->criteria[k];
		int at = criteria_criterion_index(a, kb->id);
		if (at < 0)
			continue;
		const struct criterion *ka = &a->criteria[at];
		if (ka->default_weight != kb->default_weight) {
			struct diff_item *it = add_text(d, DIFF_DEFAULT_WEIGHT, kb->id, kb->name, NULL,
			                                NULL, NULL);
			it->old_value = ka->default_weight;
			it->new_value = kb->default_weight;
			it->has_old = it->has_new = 1;
		}
		for (size_t o = 0; o < b->noptions; o++) {
			int oa = criteria_option_index(a, b->options[o].id);
			if (oa < 0 || ka->ratings[oa] == kb->ratings[o])
				continue;
			struct diff_item *it = add_text(d, DIFF_RATING, kb->id, kb->name, NULL, NULL,
			                                NULL);
			it->option = b->options[o].id;
			it->option_name = b->options[o].name;
			it->old_value = ka->ratings[oa];
			it->new_value = kb->ratings[o];
			it->has_old = it->has_new = 1;
		}
		criterion_texts(a, ka, b, kb, d);
	}
}

/* Whether choice CA of A and CB of B move the same weights by the same
 * amounts and replace the same ratings by the same values. */
static int same_choice_effects(const struct criteria *a, const struct choice *ca,
                               const struct criteria *b, const struct choice *cb)
{
	if (ca->ndeltas != cb->ndeltas || ca->noverrides != cb->noverrides)
		return 0;
	for (size_t i = 0; i < ca->ndeltas; i++) {
		const char *id = a->criteria[ca->deltas[i].criterion].id;
		int found = 0;
		for (size_t j = 0; j < cb->ndeltas && !found; j++)
			found = strcmp(b->criteria[cb->deltas[j].criterion].id, id) == 0 &&
			        cb->deltas[j].delta == ca->deltas[i].delta;
		if (!found)
			return 0;
	}
	for (size_t i = 0; i < ca->noverrides; i++) {
		const struct rating_override *oa = &ca->overrides[i];
		const char *id = a->criteria[oa->criterion].id, *opt = a->options[oa->option].id;
		int found = 0;
		for (size_t j = 0; j < cb->noverrides && !found; j++) {
			const struct rating_override *ob = &cb->overrides[j];
			found = strcmp(b->criteria[ob->criterion].id, id) == 0 &&
			        strcmp(b->options[ob->option].id, opt) == 0 && ob->rating == oa->rating;
		}
		if (!found)
			return 0;
	}
	return 1;
}

int diff_same_effects(const struct criteria *a, const struct question *qa,
                      const struct criteria *b, const struct question *qb)
{
	if (qa->nchoices != qb->nchoices)
		return 0;
	for (size_t i = 0; i < qb->nchoices; i++) {
		int at = criteria_choice_index(qa, qb->choices[i].id);
		if (at < 0 || !same_choice_effects(a, &qa->choices[at], b, &qb->choices[i]))
			return 0;
	}
	return 1;
}

static void diff_questions(const struct criteria *a, const struct criteria *b, struct diff *d)
{
	for (size_t q = 0; q < b->nquestions; q++)
		if (criteria_question_index(a, b->questions[q].id) < 0)
			add_text(d, DIFF_QUESTION_ADDED, b->questions[q].id,
			         criteria_question_name(&b->questions[q]), NULL, NULL, NULL);
	for (size_t q = 0; q < a->nquestions; q++)
		if (criteria_question_index(b, a->questions[q].id) < 0)
			add_text(d, DIFF_QUESTION_REMOVED, a->questions[q].id,
			         criteria_question_name(&a->questions[q]), NULL, NULL, NULL);
	for (size_t q = 0; q < b->nquestions; q++) {
		const struct question *qb = &b->questions[q];
		int at = criteria_question_index(a, qb->id);
		if (at < 0)
			continue;
		const struct question *qa = &a->questions[at];
		const char *name = criteria_question_name(qb);
		if (!diff_same_effects(a, qa, b, qb))
			add_text(d, DIFF_QUESTION_EFFECTS, qb->id, name, NULL, NULL, NULL);
		if (!diff_same_text(qa->prompt, qb->prompt))
			add_text(d, DIFF_QUESTION_TEXT, qb->id, name, "prompt", qa->prompt, qb->prompt);
		if (!diff_same_text(qa->name, qb->name))
			add_text(d, DIFF_QUESTION_TEXT, qb->id, name, "name", qa->name, qb->name);
		for (size_t i = 0; i < qb->nchoices; i++) {
			int ca = criteria_choice_index(qa, qb->choices[i].id);
			if (ca < 0 || diff_same_text(qa->choices[ca].label, qb->choices[i].label))
				continue;
			struct diff_item *it = add_text(d, DIFF_QUESTION_TEXT, qb->id, name, "label",
			                                qa->choices[ca].label, qb->choices[i].label);
			it->id2 = qb->choices[i].id;
		}
	}
}

void diff_criteria(const struct criteria *a, const struct criteria *b, struct diff *d)
{
	diff_set(a, b, d);
	diff_criteria_list(a, b, d);
	diff_questions(a, b, d);
}

/* ---- sessions across versions ---- */

/* The index in TO's groups of group G of FROM's, by name, or -1. */
static int map_group(const struct criteria_groups *from, size_t g,
                     const struct criteria_groups *to)
{
	return g < from->n ? criteria_group_find(to, from->names[g]) : -1;
}

struct session *diff_map_session(const struct criteria *from, const struct session *s,
                                 const struct criteria *to)
{
	struct session *out = session_new(to);
	session_set_text(&out->project, s->project);
	session_set_text(&out->respondent, s->respondent);
	session_set_text(&out->notes, s->notes);
	out->weighting = s->weighting;
	for (size_t q = 0; q < s->nquestions && q < from->nquestions; q++) {
		if (s->choices[q] == SESSION_NO_CHOICE)
			continue;
		const struct question *qf = &from->questions[q];
		int qt = criteria_question_index(to, qf->id);
		if (qt < 0)
			continue;
		int ct = criteria_choice_index(&to->questions[qt], qf->choices[s->choices[q]].id);
		if (ct >= 0)
			out->choices[qt] = ct;
	}
	for (size_t k = 0; k < s->ncriteria && k < from->ncriteria; k++) {
		int kt = criteria_criterion_index(to, from->criteria[k].id);
		if (!s->weight_set[k] || kt < 0)
			continue;
		out->weights[kt] = s->weights[k];
		out->weight_set[kt] = 1;
	}
	struct criteria_groups gf, gt;
	criteria_groups_init(&gf, from);
	criteria_groups_init(&gt, to);
	for (size_t i = 0; i < s->njudgments; i++) {
		const struct judgment *j = &s->judgments[i];
		int a, b;
		if (j->level == JUDGE_CRITERIA) {
			a = criteria_criterion_index(to, from->criteria[j->a].id);
			b = criteria_criterion_index(to, from->criteria[j->b].id);
		} else {
			a = map_group(&gf, j->a, &gt);
			b = map_group(&gf, j->b, &gt);
		}
		if (a >= 0 && b >= 0 && a != b)
			session_set_judgment(out, j->level, (size_t)a, (size_t)b, j->value);
	}
	criteria_groups_free(&gf);
	criteria_groups_free(&gt);
	return out;
}

/* ---- the calibration examples ---- */

static const struct criteria_example *example_named(const struct criteria *c, const char *name)
{
	for (size_t i = 0; i < c->nexamples; i++)
		if (c->examples[i].name && strcmp(c->examples[i].name, name) == 0)
			return &c->examples[i];
	return NULL;
}

/* Scores example NAME on C: its own answers (MINE) or OTHER's mapped from
 * OC. Fills one side of E. */
static void score_example(const struct criteria *c, const struct criteria_example *mine,
                          const struct criteria *oc, const struct criteria_example *other,
                          int *ok, enum score_status *st, const char **winner,
                          const char **winner_name, enum strength *strength, double *margin)
{
	struct session *mapped = NULL;
	const struct session *s = mine ? mine->answers : NULL;
	if (!s && other && other->answers)
		s = mapped = diff_map_session(oc, other->answers, c);
	struct result r;
	*ok = 0;
	*st = SCORE_ALL_WEIGHTS_ZERO;
	if (s) {
		*st = score_session(c, s, &r);
		if (*st == SCORE_OK) {
			*ok = 1;
			*winner = r.winner >= 0 ? c->options[r.winner].id : NULL;
			*winner_name = r.winner >= 0 ? c->options[r.winner].name : NULL;
			*strength = r.strength;
			*margin = r.margin;
			result_free(&r);
		}
	}
	if (mapped)
		session_free(mapped);
}

static void example_pair(const struct criteria *a, const struct criteria *b, const char *name,
                         struct diff_example *e)
{
	const struct criteria_example *ea = example_named(a, name), *eb = example_named(b, name);
	memset(e, 0, sizeof *e);
	e->name = name;
	e->in_old = ea != NULL;
	e->in_new = eb != NULL;
	score_example(a, ea, b, eb, &e->ok_old, &e->st_old, &e->winner_old, &e->winner_old_name,
	              &e->strength_old, &e->margin_old);
	score_example(b, eb, a, ea, &e->ok_new, &e->st_new, &e->winner_new, &e->winner_new_name,
	              &e->strength_new, &e->margin_new);
	if (!e->ok_old || !e->ok_new)
		e->changed = e->ok_old != e->ok_new || e->st_old != e->st_new;
	else
		e->changed = !diff_same_text(e->winner_old, e->winner_new) ||
		             e->strength_old != e->strength_new;
}

size_t diff_examples(const struct criteria *a, const struct criteria *b,
                     struct diff_example **out)
{
	size_t n = 0;
	*out = xcalloc(a->nexamples + b->nexamples + 1, sizeof **out);
	for (size_t i = 0; i < b->nexamples; i++)
		if (b->examples[i].name && (i == 0 || example_named(b, b->examples[i].name) ==
		                                      &b->examples[i]))
			example_pair(a, b, b->examples[i].name, &(*out)[n++]);
	for (size_t i = 0; i < a->nexamples; i++) {
		const char *name = a->examples[i].name;
		if (name && !example_named(b, name) && example_named(a, name) == &a->examples[i])
			example_pair(a, b, name, &(*out)[n++]);
	}
	return n;
}
