/* score_format_json.c - a scored session as JSON, built with jansson. The
 * keys are listed in score_format.h; they are a contract for programs. */
#include "score_format.h"

#include <math.h>
#include <stdlib.h>

#include "text.h"
#include "xalloc.h"

/* jansson allocates through xalloc.h, so that no builder below returns NULL
 * for want of memory. Set here, before the first value is made, in case no
 * face has set it yet; values made before with malloc() are freed with the
 * same free(). */
static void json_xalloc(void)
{
	json_set_alloc_funcs(xmalloc, free);
}

/* The builders' values are never NULL: every text is valid UTF-8 (the
 * model's by its loader, the session's through score_json_text()) and every
 * number finite (real_or_null() for those that may not be). */
static void set(json_t *obj, const char *key, json_t *value)
{
	json_object_set_new(obj, key, value);
}

static void push(json_t *arr, json_t *value)
{
	json_array_append_new(arr, value);
}

json_t *score_json_text(const char *s)
{
	json_xalloc();
	if (!s)
		return json_null();
	json_t *v = json_string(s);
	if (v)
		return v;
	/* Not UTF-8: cleaned, it is. */
	char *utf8 = text_clean_new(s, TEXT_UTF8);
	v = json_string(utf8);
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
	json_t *v = json_string(text);
	free(text);
	return v;
}

static json_t *per_option(const struct criteria *c, const double *row, size_t n)
{
	json_t *o = json_object();
	for (size_t j = 0; j < n; j++)
		set(o, c->options[j].id, json_real(row[j]));
	return o;
}

/* The answers that moved criterion I's weight; none when the person set it. */
static json_t *weight_causes(const struct criteria *c, const struct result *r, size_t i)
{
	json_t *arr = json_array();
	if (r->weight_source[i] == WEIGHT_PERSON)
		return arr;
	struct weight_causes causes;
	score_answers_weight(c, r, i, &causes);
	for (size_t k = 0; k < causes.count; k++) {
		const struct cause *cause = &causes.items[k];
		const struct question *q = &c->questions[cause->question];
		json_t *o = json_object();
		set(o, "question", json_string(q->id));
		set(o, "choice", json_string(q->choices[cause->choice].id));
		set(o, "delta", json_real(cause->delta));
		push(arr, o);
	}
	weight_causes_free(&causes);
	return arr;
}

static json_t *rating_causes(const struct criteria *c, const struct result *r, size_t i)
{
	json_t *arr = json_array();
	struct cause causes[CRITERIA_MAX_OPTIONS];
	size_t n = score_rating_causes(c, r, i, causes, CRITERIA_MAX_OPTIONS);
	for (size_t k = 0; k < n; k++) {
		const struct question *q = &c->questions[causes[k].question];
		json_t *o = json_object();
		set(o, "question", json_string(q->id));
		set(o, "choice", json_string(q->choices[causes[k].choice].id));
		set(o, "option", json_string(c->options[causes[k].option].id));
		set(o, "from", json_real(causes[k].from));
		set(o, "to", json_real(causes[k].to));
		push(arr, o);
	}
	return arr;
}

static json_t *breakdown(const struct criteria *c, const struct result *r)
{
	size_t n = r->noptions;
	json_t *arr = json_array();
	for (size_t i = 0; i < r->ncriteria; i++) {
		json_t *row = json_object();
		set(row, "criterion", json_string(c->criteria[i].id));
		set(row, "name", json_string(c->criteria[i].name));
		set(row, "weight", json_real(r->weights[i]));
		set(row, "weight_source", json_string(source_name(r->weight_source[i])));
		set(row, "weight_label", json_string(criteria_weight_label(c, r->weights[i])));
		set(row, "ratings", per_option(c, r->ratings + i * n, n));
		set(row, "contributions", per_option(c, r->contributions + i * n, n));
		set(row, "weight_story", sentence(c, r, SCORE_SENTENCE_WEIGHT_STORY, i));
		set(row, "weight_causes", weight_causes(c, r, i));
		set(row, "rating_causes", rating_causes(c, r, i));
		push(arr, row);
	}
	return arr;
}

static json_t *sensitivity(const struct criteria *c, const struct result *r)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < r->ncriteria; i++) {
		const struct sensitivity *se = &r->sensitivity[i];
		json_t *row = json_object();
		set(row, "criterion", json_string(c->criteria[i].id));
		set(row, "weight", json_real(r->weights[i]));
		set(row, "threshold", real_or_null(se->threshold));
		set(row, "new_winner",
		    se->new_winner >= 0 ? json_string(c->options[se->new_winner].id) : json_null());
		int has_step = !isnan(se->step);
		set(row, "step", real_or_null(se->step));
		set(row, "step_label",
		    has_step ? json_string(criteria_weight_label(c, se->step)) : json_null());
		set(row, "step_winner", has_step && se->step_winner >= 0
		    ? json_string(c->options[se->step_winner].id) : json_null());
		set(row, "step_strength", has_step ? json_string(strength_name(se->step_strength))
		                                   : json_null());
		set(row, "text", sentence(c, r, SCORE_SENTENCE_CHANGE, i));
		push(arr, row);
	}
	return arr;
}

static json_t *levers(const struct criteria *c, const struct result *r)
{
	json_t *arr = json_array();
	for (size_t l = 0; l < r->nlevers; l++) {
		const struct lever *lv = &r->levers[l];
		const struct question *q = &c->questions[lv->question];
		json_t *o = json_object();
		set(o, "question", json_string(q->id));
		set(o, "choice", json_string(q->choices[lv->choice].id));
		set(o, "winner", lv->winner >= 0 ? json_string(c->options[lv->winner].id)
		                                 : json_null());
		set(o, "strength", json_string(strength_name(lv->strength)));
		set(o, "margin", json_real(lv->margin));
		set(o, "top", json_boolean((int)l == r->top_lever));
		push(arr, o);
	}
	return arr;
}

json_t *score_json(const struct criteria *c, const struct session *s, const struct result *r)
{
	json_xalloc();
	json_t *root = json_object();
	set(root, "version", json_integer(SCORE_JSON_VERSION));

	json_t *crit = json_object();
	set(crit, "id", json_string(c->id));
	set(crit, "title", json_string(c->title));
	set(root, "criteria", crit);
	set(root, "project", score_json_text(s ? s->project : NULL));
	set(root, "respondent", score_json_text(s ? s->respondent : NULL));
	set(root, "notes", score_json_text(s ? s->notes : NULL));

	json_t *options = json_array();
	for (size_t j = 0; j < r->noptions; j++) {
		json_t *o = json_object();
		set(o, "id", json_string(c->options[j].id));
		set(o, "name", json_string(c->options[j].name));
		push(options, o);
	}
	set(root, "options", options);

	json_t *choices = json_object();
	for (size_t q = 0; q < c->nquestions; q++) {
		int ch = s && q < s->nquestions ? s->choices[q] : SESSION_NO_CHOICE;
		set(choices, c->questions[q].id,
		    ch >= 0 ? json_string(c->questions[q].choices[ch].id) : json_null());
	}
	set(root, "choices", choices);

	json_t *weights = json_object();
	for (size_t i = 0; i < r->ncriteria; i++)
		set(weights, c->criteria[i].id, json_real(r->weights[i]));
	set(root, "weights", weights);

	json_t *ranking = json_array();
	for (size_t k = 0; k < r->noptions; k++) {
		size_t j = r->ranking[k];
		json_t *o = json_object();
		set(o, "option", json_string(c->options[j].id));
		set(o, "name", json_string(c->options[j].name));
		set(o, "score", json_real(r->scores[j]));
		push(ranking, o);
	}
	set(root, "ranking", ranking);
	set(root, "winner", r->winner >= 0 ? json_string(c->options[r->winner].id) : json_null());
	set(root, "margin", json_real(r->margin));
	set(root, "strength", json_string(strength_name(r->strength)));
	json_t *thresholds = json_object();
	set(thresholds, "tie", json_real(c->strength.tie));
	set(thresholds, "leaning", json_real(c->strength.leaning));
	set(thresholds, "clear", json_real(c->strength.clear));
	set(root, "thresholds", thresholds);
	set(root, "recommendation", sentence(c, r, SCORE_SENTENCE_RECOMMENDATION, 0));

	set(root, "breakdown", breakdown(c, r));
	json_t *reasons = json_array();
	for (size_t k = 0; k < r->nreasons; k++) {
		json_t *o = json_object();
		set(o, "criterion", json_string(c->criteria[r->reasons[k]].id));
		set(o, "text", sentence(c, r, SCORE_SENTENCE_REASON, r->reasons[k]));
		push(reasons, o);
	}
	set(root, "reasons", reasons);
	json_t *giveups = json_array();
	size_t order[SCORE_MAX_GIVEUPS];
	size_t ng = score_giveups(r, order, SCORE_MAX_GIVEUPS);
	for (size_t k = 0; k < ng; k++) {
		json_t *o = json_object();
		set(o, "criterion", json_string(c->criteria[order[k]].id));
		set(o, "against", json_string(c->options[r->ranking[1]].id));
		set(o, "text", sentence(c, r, SCORE_SENTENCE_GIVEUP, order[k]));
		push(giveups, o);
	}
	set(root, "give_up", giveups);
	set(root, "sensitivity", sensitivity(c, r));
	set(root, "dominant", json_boolean(r->dominant));
	set(root, "answered", json_integer(r->answered));
	set(root, "answer_levers", levers(c, r));
	set(root, "confidence", json_real(r->confidence));
	set(root, "trials", json_integer(r->trials));
	return root;
}
