/* score_format_json.c - a scored session as JSON, built with jansson. The
 * keys are listed in score_format.h; they are a contract for programs. */
#include "score_format.h"

#include <math.h>
#include <stdlib.h>

#include "strbuf.h"
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
	case WEIGHT_PAIRWISE:
		return "pairwise";
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
	if (r->weight_source[i] == WEIGHT_PERSON || r->weight_source[i] == WEIGHT_PAIRWISE)
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

/* What a comparison compares: a criterion id or a group name. */
static json_t *pair_item(const struct criteria *c, enum judgment_level level, size_t index)
{
	if (level == JUDGE_CRITERIA)
		return json_string(c->criteria[index].id);
	return json_string(score_pair_item_name(c, level, index));
}

static const char *level_name(enum judgment_level level)
{
	return level == JUDGE_GROUPS ? "groups" : "criteria";
}

/* {level, a, b, value}: A over B; ITEMS maps a matrix's items to the
 * model's (NULL: A and B are the model's already). */
static json_t *pair_json(const struct criteria *c, enum judgment_level level,
                         const size_t *items, size_t a, size_t b, double value)
{
	json_t *o = json_object();
	set(o, "level", json_string(level_name(level)));
	set(o, "a", pair_item(c, level, items ? items[a] : a));
	set(o, "b", pair_item(c, level, items ? items[b] : b));
	set(o, "value", json_real(value));
	return o;
}

static json_t *hint_json(const struct criteria *c, const struct pairwise_matrix *x,
                         const struct ahp_hint *h)
{
	json_t *o = json_object();
	set(o, "level", json_string(level_name(x->level)));
	set(o, "a", pair_item(c, x->level, x->items[h->a]));
	set(o, "b", pair_item(c, x->level, x->items[h->b]));
	set(o, "given", json_real(h->given));
	set(o, "fit", json_real(h->fit));
	set(o, "consistency_ratio_after", json_real(h->cr_after));
	char *text = score_hint_text_new(c, x, h);
	set(o, "text", json_string(text));
	free(text);
	return o;
}

/* One matrix's figures, or null where there are none (no comparisons). */
static void matrix_figures(json_t *o, const struct pairwise_matrix *x)
{
	int ok = x && x->status == AHP_OK;
	set(o, "lambda_max", ok ? json_real(x->ahp.lambda_max) : json_null());
	set(o, "consistency_index", ok ? json_real(x->ahp.ci) : json_null());
	set(o, "consistency_ratio", ok ? json_real(x->ahp.cr) : json_null());
	set(o, "random_index", ok ? json_real(x->ahp.ri) : json_null());
	set(o, "inconsistent", json_boolean(ok && x->ahp.cr > AHP_CR_LIMIT));
}

static json_t *matrix_json(const struct criteria *c, const struct pairwise_matrix *x)
{
	json_t *o = json_object();
	set(o, "level", json_string(level_name(x->level)));
	set(o, "group", x->group >= 0
	    ? json_string(score_pair_item_name(c, JUDGE_GROUPS, (size_t)x->group)) : json_null());
	json_t *shares = json_object();
	for (size_t i = 0; i < x->nitems; i++) {
		double v = x->nitems == 1 ? 1 : x->status == AHP_OK ? x->ahp.weights[i] : 0;
		const char *key = x->level == JUDGE_CRITERIA ? c->criteria[x->items[i]].id
		                  : score_pair_item_name(c, JUDGE_GROUPS, x->items[i]);
		set(shares, key, json_real(v));
	}
	set(o, "weights", shares);
	set(o, "compared", json_integer(x->status == AHP_OK ? (json_int_t)x->ahp.ncompared : 0));
	matrix_figures(o, x);
	json_t *filled = json_array(), *hints = json_array();
	if (x->status == AHP_OK) {
		for (size_t f = 0; f < x->ahp.nfilled; f++)
			push(filled, pair_json(c, x->level, x->items, x->ahp.filled[f].a,
			                       x->ahp.filled[f].b, x->ahp.filled[f].value));
		for (size_t h = 0; h < x->ahp.nhints; h++)
			push(hints, hint_json(c, x, &x->ahp.hints[h]));
	}
	set(o, "filled", filled);
	set(o, "hints", hints);
	set(o, "next_question", x->status == AHP_OK && x->ahp.has_next
	    ? pair_json(c, x->level, x->items, x->ahp.next.a, x->ahp.next.b, x->ahp.next.value)
	    : json_null());
	return o;
}

/* result.pairwise: the worst matrix's figures at the top, every matrix's
 * filled comparisons and hints gathered, and each matrix in detail. */
static json_t *pairwise_json(const struct criteria *c, const struct result *r)
{
	const struct pairwise_info *p = r->pairwise;
	if (!p)
		return json_null();
	json_t *o = json_object();
	matrix_figures(o, p->worst >= 0 ? &p->matrices[p->worst] : NULL);
	json_t *filled = json_array(), *hints = json_array(), *matrices = json_array();
	for (size_t i = 0; i < p->nmatrices; i++) {
		json_t *m = matrix_json(c, &p->matrices[i]);
		size_t k;
		json_t *v;
		json_array_foreach(json_object_get(m, "filled"), k, v)
			json_array_append(filled, v);
		json_array_foreach(json_object_get(m, "hints"), k, v)
			json_array_append(hints, v);
		push(matrices, m);
	}
	set(o, "filled", filled);
	set(o, "next_question", p->has_next ? pair_json(c, p->next.level, NULL, p->next.a,
	                                                p->next.b, p->next.value) : json_null());
	set(o, "hints", hints);
	json_t *left = json_array();
	for (size_t k = 0; k < r->ncriteria; k++)
		if (!(r->weights[k] > 0))
			push(left, json_string(c->criteria[k].id));
	set(o, "left_out", left);
	set(o, "matrices", matrices);
	return o;
}

static json_t *methods_json(const struct criteria *c, const struct result *r)
{
	json_t *o = json_object();
	for (int m = 0; m < METHOD_COUNT; m++) {
		const struct method_result *mr = &r->methods[m];
		json_t *one = json_object();
		set(one, "winner", mr->winner >= 0 ? json_string(c->options[mr->winner].id)
		                                   : json_null());
		set(one, "scores", per_option(c, mr->scores, r->noptions));
		set(o, method_key((enum method)m), one);
	}
	return o;
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

	set(root, "weighting", json_string(r->pairwise ? "pairwise" : "ratings"));
	json_t *shares = json_object();
	for (size_t i = 0; i < r->ncriteria; i++)
		set(shares, c->criteria[i].id, json_real(r->weight_shares[i]));
	set(root, "weight_shares", shares);
	set(root, "pairwise", pairwise_json(c, r));
	json_t *given = json_array();
	struct score_lines words;
	score_given_lines(c, s, &words);
	for (size_t j = 0; j < words.count; j++) {
		const struct judgment *ju = &s->judgments[j];
		json_t *one = pair_json(c, ju->level, NULL, ju->a, ju->b, ju->value);
		set(one, "text", json_string(words.items[j]));
		push(given, one);
	}
	score_lines_free(&words);
	set(root, "comparisons", given);
	set(root, "methods", methods_json(c, r));
	set(root, "methods_agree", json_boolean(r->methods_agree));
	set(root, "methods_text", sentence(c, r, SCORE_SENTENCE_METHODS, 0));
	char *warning = score_sentence_new(c, r, SCORE_SENTENCE_INCONSISTENT, 0);
	set(root, "warning", *warning ? json_string(warning) : json_null());
	free(warning);
	return root;
}
