/* score_format_json.c - a scored session as JSON, built with jansson. The
 * keys are listed in score_format.h; they are a contract for programs. */
#include "score_format.h"

#include <math.h>
#include <stdlib.h>

#include "text.h"

/* Builders that tolerate a NULL value (out of memory) by failing the whole
 * document: OK goes to 0 and stays there. */
static void set(json_t *obj, const char *key, json_t *value, int *ok)
{
	if (!obj || !value || json_object_set_new(obj, key, value))
		*ok = 0;
}

static void push(json_t *arr, json_t *value, int *ok)
{
	if (!arr || !value || json_array_append_new(arr, value))
		*ok = 0;
}

json_t *score_json_text(const char *s)
{
	if (!s)
		return json_null();
	json_t *v = json_string(s);
	if (v)
		return v;
	char *utf8 = text_clean_new(s, TEXT_UTF8);
	v = utf8 ? json_string(utf8) : NULL;
	free(utf8);
	return v;
}

/* A number, or null when it is not one (a threshold that does not exist). */
static json_t *real_or_null(double v)
{
	return isnan(v) ? json_null() : json_real(v);
}

static const char *source_name(enum weight_source src)
{
	switch (src) {
	case WEIGHT_DEFAULT:
		return "default";
	case WEIGHT_PROFILE:
		return "profile";
	case WEIGHT_PERSON:
		return "person";
	}
	return "default";
}

/* Sentence KIND about criterion I as a JSON string. */
static json_t *sentence(const struct criteria *c, const struct result *r,
                        enum score_sentence kind, size_t i)
{
	char *text = score_sentence_new(c, r, kind, i);
	json_t *v = text ? json_string(text) : NULL;
	free(text);
	return v;
}

static json_t *per_option(const struct criteria *c, const double *row, size_t n, int *ok)
{
	json_t *o = json_object();
	for (size_t j = 0; j < n; j++)
		set(o, c->options[j].id, json_real(row[j]), ok);
	return o;
}

static json_t *weight_causes(const struct criteria *c, const struct result *r, size_t i,
                             int *ok)
{
	json_t *arr = json_array();
	size_t n = score_weight_causes(c, r, i, NULL, 0);
	struct cause *all = malloc((n ? n : 1) * sizeof *all);
	if (!all) {
		*ok = 0;
		return arr;
	}
	score_weight_causes(c, r, i, all, n);
	for (size_t k = 0; k < n; k++) {
		const struct question *q = &c->questions[all[k].question];
		json_t *o = json_object();
		set(o, "question", json_string(q->id), ok);
		set(o, "choice", json_string(q->choices[all[k].choice].id), ok);
		set(o, "delta", json_real(all[k].delta), ok);
		push(arr, o, ok);
	}
	free(all);
	return arr;
}

static json_t *rating_causes(const struct criteria *c, const struct result *r, size_t i,
                             int *ok)
{
	json_t *arr = json_array();
	struct cause causes[CRITERIA_MAX_OPTIONS];
	size_t n = score_rating_causes(c, r, i, causes, CRITERIA_MAX_OPTIONS);
	for (size_t k = 0; k < n; k++) {
		const struct question *q = &c->questions[causes[k].question];
		json_t *o = json_object();
		set(o, "question", json_string(q->id), ok);
		set(o, "choice", json_string(q->choices[causes[k].choice].id), ok);
		set(o, "option", json_string(c->options[causes[k].option].id), ok);
		set(o, "from", json_real(causes[k].from), ok);
		set(o, "to", json_real(causes[k].to), ok);
		push(arr, o, ok);
	}
	return arr;
}

static json_t *breakdown(const struct criteria *c, const struct result *r, int *ok)
{
	size_t n = r->noptions;
	json_t *arr = json_array();
	for (size_t i = 0; i < r->ncriteria; i++) {
		json_t *row = json_object();
		set(row, "criterion", json_string(c->criteria[i].id), ok);
		set(row, "name", json_string(c->criteria[i].name), ok);
		set(row, "weight", json_real(r->weights[i]), ok);
		set(row, "weight_source", json_string(source_name(r->weight_source[i])), ok);
		set(row, "weight_label", json_string(criteria_weight_label(c, r->weights[i])), ok);
		set(row, "ratings", per_option(c, r->ratings + i * n, n, ok), ok);
		set(row, "contributions", per_option(c, r->contributions + i * n, n, ok), ok);
		set(row, "weight_story", sentence(c, r, SCORE_SENTENCE_WEIGHT_STORY, i), ok);
		set(row, "weight_causes", weight_causes(c, r, i, ok), ok);
		set(row, "rating_causes", rating_causes(c, r, i, ok), ok);
		push(arr, row, ok);
	}
	return arr;
}

static json_t *sensitivity(const struct criteria *c, const struct result *r, int *ok)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < r->ncriteria; i++) {
		const struct sensitivity *se = &r->sensitivity[i];
		json_t *row = json_object();
		set(row, "criterion", json_string(c->criteria[i].id), ok);
		set(row, "weight", json_real(r->weights[i]), ok);
		set(row, "threshold", real_or_null(se->threshold), ok);
		set(row, "new_winner",
		    se->new_winner >= 0 ? json_string(c->options[se->new_winner].id) : json_null(),
		    ok);
		int has_step = !isnan(se->step);
		set(row, "step", real_or_null(se->step), ok);
		set(row, "step_label",
		    has_step ? json_string(criteria_weight_label(c, se->step)) : json_null(), ok);
		set(row, "step_winner", has_step && se->step_winner >= 0
		    ? json_string(c->options[se->step_winner].id) : json_null(), ok);
		set(row, "step_strength", has_step ? json_string(strength_name(se->step_strength))
		                                   : json_null(), ok);
		set(row, "text", sentence(c, r, SCORE_SENTENCE_CHANGE, i), ok);
		push(arr, row, ok);
	}
	return arr;
}

static json_t *levers(const struct criteria *c, const struct result *r, int *ok)
{
	json_t *arr = json_array();
	for (size_t l = 0; l < r->nlevers; l++) {
		const struct lever *lv = &r->levers[l];
		const struct question *q = &c->questions[lv->question];
		json_t *o = json_object();
		set(o, "question", json_string(q->id), ok);
		set(o, "choice", json_string(q->choices[lv->choice].id), ok);
		set(o, "winner", lv->winner >= 0 ? json_string(c->options[lv->winner].id)
		                                 : json_null(), ok);
		set(o, "strength", json_string(strength_name(lv->strength)), ok);
		set(o, "margin", json_real(lv->margin), ok);
		set(o, "top", json_boolean((int)l == r->top_lever), ok);
		push(arr, o, ok);
	}
	return arr;
}

json_t *score_json(const struct criteria *c, const struct session *s, const struct result *r)
{
	int ok = 1;
	json_t *root = json_object();
	set(root, "version", json_integer(SCORE_JSON_VERSION), &ok);

	json_t *crit = json_object();
	set(crit, "id", json_string(c->id), &ok);
	set(crit, "title", json_string(c->title), &ok);
	set(root, "criteria", crit, &ok);
	set(root, "project", score_json_text(s ? s->project : NULL), &ok);
	set(root, "respondent", score_json_text(s ? s->respondent : NULL), &ok);
	set(root, "notes", score_json_text(s ? s->notes : NULL), &ok);

	json_t *options = json_array();
	for (size_t j = 0; j < r->noptions; j++) {
		json_t *o = json_object();
		set(o, "id", json_string(c->options[j].id), &ok);
		set(o, "name", json_string(c->options[j].name), &ok);
		push(options, o, &ok);
	}
	set(root, "options", options, &ok);

	json_t *choices = json_object();
	for (size_t q = 0; q < c->nquestions; q++) {
		int ch = s && q < s->nquestions ? s->choices[q] : SESSION_NO_CHOICE;
		set(choices, c->questions[q].id,
		    ch >= 0 ? json_string(c->questions[q].choices[ch].id) : json_null(), &ok);
	}
	set(root, "choices", choices, &ok);

	json_t *weights = json_object();
	for (size_t i = 0; i < r->ncriteria; i++)
		set(weights, c->criteria[i].id, json_real(r->weights[i]), &ok);
	set(root, "weights", weights, &ok);

	json_t *ranking = json_array();
	for (size_t k = 0; k < r->noptions; k++) {
		size_t j = r->ranking[k];
		json_t *o = json_object();
		set(o, "option", json_string(c->options[j].id), &ok);
		set(o, "name", json_string(c->options[j].name), &ok);
		set(o, "score", json_real(r->scores[j]), &ok);
		push(ranking, o, &ok);
	}
	set(root, "ranking", ranking, &ok);
	set(root, "winner", r->winner >= 0 ? json_string(c->options[r->winner].id) : json_null(),
	    &ok);
	set(root, "margin", json_real(r->margin), &ok);
	set(root, "strength", json_string(strength_name(r->strength)), &ok);
	json_t *thresholds = json_object();
	set(thresholds, "tie", json_real(c->strength.tie), &ok);
	set(thresholds, "leaning", json_real(c->strength.leaning), &ok);
	set(thresholds, "clear", json_real(c->strength.clear), &ok);
	set(root, "thresholds", thresholds, &ok);
	set(root, "recommendation", sentence(c, r, SCORE_SENTENCE_RECOMMENDATION, 0), &ok);

	set(root, "breakdown", breakdown(c, r, &ok), &ok);
	json_t *reasons = json_array();
	for (size_t k = 0; k < r->nreasons; k++) {
		json_t *o = json_object();
		set(o, "criterion", json_string(c->criteria[r->reasons[k]].id), &ok);
		set(o, "text", sentence(c, r, SCORE_SENTENCE_REASON, r->reasons[k]), &ok);
		push(reasons, o, &ok);
	}
	set(root, "reasons", reasons, &ok);
	json_t *giveups = json_array();
	size_t *order = malloc((r->ncriteria ? r->ncriteria : 1) * sizeof *order);
	size_t ng = order ? score_giveups(r, order, SCORE_MAX_GIVEUPS) : 0;
	ok &= order != NULL;
	for (size_t k = 0; k < ng; k++) {
		json_t *o = json_object();
		set(o, "criterion", json_string(c->criteria[order[k]].id), &ok);
		set(o, "against", json_string(c->options[r->ranking[1]].id), &ok);
		set(o, "text", sentence(c, r, SCORE_SENTENCE_GIVEUP, order[k]), &ok);
		push(giveups, o, &ok);
	}
	free(order);
	set(root, "give_up", giveups, &ok);
	set(root, "sensitivity", sensitivity(c, r, &ok), &ok);
	set(root, "dominant", json_boolean(r->dominant), &ok);
	set(root, "answered", json_integer(r->answered), &ok);
	set(root, "answer_levers", levers(c, r, &ok), &ok);
	set(root, "confidence", json_real(r->confidence), &ok);
	set(root, "trials", json_integer(r->trials), &ok);
	if (!ok) {
		json_decref(root);
		return NULL;
	}
	return root;
}
