/* score_format_json.c - a scored session as JSON, built with jansson. The
 * keys are listed in score_format.h; they are a contract for programs. */
#include "score_format.h"

#include <math.h>
#include <stdlib.h>

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

static json_t *text_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
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
		push(arr, row, ok);
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
	set(root, "project", text_or_null(s ? s->project : NULL), &ok);
	set(root, "respondent", text_or_null(s ? s->respondent : NULL), &ok);
	set(root, "notes", text_or_null(s ? s->notes : NULL), &ok);

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
	set(root, "sensitivity", sensitivity(c, r, &ok), &ok);
	set(root, "confidence", json_real(r->confidence), &ok);
	set(root, "trials", json_integer(r->trials), &ok);
	if (!ok) {
		json_decref(root);
		return NULL;
	}
	return root;
}
