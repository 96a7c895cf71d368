/* export_team_json.c - the group view as JSON ("format": "verdict-team/1"),
 * made with jansson. docs/exports.md lists every key. */
#include <jansson.h>

#include "clock.h"
#include "score_format.h"
#include "team_report.h"
#include "text.h"
#include "xalloc.h"

/* As in export_json.c: a NULL from jansson can only be memory run out, and
 * is checked once. */
static void set(json_t *obj, const char *key, json_t *value, int *bad)
{
	if (!obj || !value || json_object_set_new(obj, key, value))
		*bad = 1;
}

static void push(json_t *arr, json_t *value, int *bad)
{
	if (!arr || !value || json_array_append_new(arr, value))
		*bad = 1;
}

static json_t *option_or_null(const struct criteria *c, int o)
{
	return o >= 0 ? json_string(c->options[o].id) : json_null();
}

static json_t *choice_or_null(const struct question *q, int ch)
{
	return ch >= 0 && (size_t)ch < q->nchoices ? json_string(q->choices[ch].id) : json_null();
}

static json_t *respondent_json(const struct team_report *rep, size_t k, int *bad)
{
	const struct criteria *c = rep->c;
	const struct session *s = rep->s[k];
	const struct result *r = &rep->t->own[k];
	json_t *o = json_object(), *choices = json_object(), *weights = json_object(),
	       *scores = json_object();
	set(o, "session", json_integer(rep->ids[k]), bad);
	set(o, "respondent", score_json_text(rep->respondents[k]), bad);
	set(o, "name", score_json_text(rep->names[k]), bad);
	set(o, "weighting", json_string(team_weighting_key(s)), bad);
	for (size_t q = 0; q < c->nquestions; q++)
		set(choices, c->questions[q].id,
		    choice_or_null(&c->questions[q], q < s->nquestions ? s->choices[q] : -1), bad);
	set(o, "choices", choices, bad);
	for (size_t i = 0; i < c->ncriteria; i++)
		set(weights, c->criteria[i].id, json_real(rep->t->weights[k * c->ncriteria + i]), bad);
	set(o, "weights", weights, bad);
	for (size_t j = 0; j < c->noptions; j++)
		set(scores, c->options[j].id, json_real(r->scores[j]), bad);
	set(o, "scores", scores, bad);
	set(o, "winner", option_or_null(c, r->winner), bad);
	set(o, "margin", json_real(r->margin), bad);
	set(o, "strength", json_string(strength_name(r->strength)), bad);
	set(o, "result", score_json_text(rep->outcomes[k]), bad);
	return o;
}

static json_t *differing_json(const struct team_report *rep, int *bad)
{
	const struct criteria *c = rep->c;
	const struct team_result *t = rep->t;
	json_t *arr = json_array();
	for (size_t q = 0; q < c->nquestions; q++) {
		if (!t->answers[q].differs)
			continue;
		const struct question *qu = &c->questions[q];
		json_t *o = json_object(), *answers = json_array();
		set(o, "question", json_string(qu->id), bad);
		set(o, "group_choice", choice_or_null(qu, t->answers[q].choice), bad);
		for (size_t k = 0; k < rep->n; k++) {
			const struct session *s = rep->s[k];
			json_t *a = json_object();
			set(a, "session", json_integer(rep->ids[k]), bad);
			set(a, "choice", choice_or_null(qu, q < s->nquestions ? s->choices[q] : -1), bad);
			push(answers, a, bad);
		}
		set(o, "answers", answers, bad);
		set(o, "text", score_json_text(rep->answer_texts[q]), bad);
		push(arr, o, bad);
	}
	return arr;
}

static json_t *spread_json(const struct team_report *rep, int *bad)
{
	const struct criteria *c = rep->c;
	const struct team_result *t = rep->t;
	json_t *arr = json_array();
	for (size_t j = 0; j < t->ncriteria; j++) {
		const struct team_spread *sp = &t->spread[j];
		json_t *o = json_object();
		set(o, "criterion", json_string(c->criteria[sp->criterion].id), bad);
		set(o, "name", json_string(c->criteria[sp->criterion].name), bad);
		set(o, "group", json_real(t->result.weights[sp->criterion]), bad);
		set(o, "mean", json_real(sp->mean), bad);
		set(o, "min", json_real(sp->min), bad);
		set(o, "max", json_real(sp->max), bad);
		set(o, "sd", json_real(sp->sd), bad);
		push(arr, o, bad);
	}
	return arr;
}

static json_t *change_json(const struct team_report *rep, int *bad)
{
	const struct team_result *t = rep->t;
	json_t *o = json_object(), *who = json_array();
	set(o, "respondents", t->flip >= 0 ? json_integer(t->flip) : json_null(), bad);
	set(o, "runner_up", option_or_null(rep->c, t->runner_up), bad);
	set(o, "champion", t->champion >= 0 ? json_integer(rep->ids[t->champion]) : json_null(),
	    bad);
	for (int j = 0; j < t->flip; j++)
		push(who, json_integer(rep->ids[t->flip_order[j]]), bad);
	set(o, "who", who, bad);
	set(o, "text", json_string(rep->change_text), bad);
	return o;
}

static json_t *team_json(const struct team_report *rep, int *bad)
{
	const struct criteria *c = rep->c;
	const struct team_result *t = rep->t;
	const struct result *r = &t->result;
	json_t *root = json_object();
	set(root, "format", json_string(TEAM_JSON_FORMAT), bad);
	char when[32];
	clock_format_iso(rep->generated, when, sizeof when);
	set(root, "generated", json_string(when), bad);
	json_t *crit = json_object();
	set(crit, "id", json_string(c->id), bad);
	set(crit, "title", json_string(c->title), bad);
	set(crit, "sha256", json_string(rep->criteria_sha256), bad);
	set(root, "criteria", crit, bad);
	set(root, "project", score_json_text(rep->project), bad);
	json_t *options = json_array();
	for (size_t o = 0; o < c->noptions; o++) {
		json_t *x = json_object();
		set(x, "id", json_string(c->options[o].id), bad);
		set(x, "name", json_string(c->options[o].name), bad);
		push(options, x, bad);
	}
	set(root, "options", options, bad);
	json_t *resp = json_array();
	for (size_t k = 0; k < rep->n; k++)
		push(resp, respondent_json(rep, k, bad), bad);
	set(root, "respondents", resp, bad);
	json_t *left = json_array();
	for (size_t k = 0; k < rep->nleft; k++) {
		json_t *x = json_object();
		set(x, "session", json_integer(rep->left_ids[k]), bad);
		set(x, "name", score_json_text(rep->left_names[k]), bad);
		set(x, "status", json_string("in-progress"), bad);
		push(left, x, bad);
	}
	set(root, "left_out", left, bad);
	set(root, "method", json_string(team_method_key(t->method)), bad);
	set(root, "consistency_ratio", t->method == TEAM_AIJ ? json_real(t->group_cr) : json_null(),
	    bad);
	json_t *weights = json_object(), *shares = json_object(), *choices = json_object();
	for (size_t i = 0; i < c->ncriteria; i++) {
		set(weights, c->criteria[i].id, json_real(r->weights[i]), bad);
		set(shares, c->criteria[i].id, json_real(r->weight_shares[i]), bad);
	}
	set(root, "weights", weights, bad);
	set(root, "shares", shares, bad);
	for (size_t q = 0; q < c->nquestions; q++)
		set(choices, c->questions[q].id,
		    choice_or_null(&c->questions[q], t->answers[q].choice), bad);
	set(root, "choices", choices, bad);
	json_t *ranking = json_array();
	for (size_t k = 0; k < r->noptions; k++) {
		size_t o = r->ranking[k];
		json_t *x = json_object();
		set(x, "option", json_string(c->options[o].id), bad);
		set(x, "name", json_string(c->options[o].name), bad);
		set(x, "score", json_real(r->scores[o]), bad);
		push(ranking, x, bad);
	}
	set(root, "ranking", ranking, bad);
	set(root, "winner", option_or_null(c, r->winner), bad);
	set(root, "margin", json_real(r->margin), bad);
	set(root, "strength", json_string(strength_name(r->strength)), bad);
	set(root, "confidence", json_real(r->confidence), bad);
	set(root, "trials", json_integer(r->trials), bad);
	set(root, "recommendation", json_string(rep->recommendation), bad);
	set(root, "method_text", json_string(rep->method_text), bad);
	set(root, "differing_answers", differing_json(rep, bad), bad);
	set(root, "spread", spread_json(rep, bad), bad);
	json_t *cons = json_object();
	set(cons, "value", json_real(t->consensus.value), bad);
	set(cons, "word", json_string(team_consensus_word(t->consensus.value)), bad);
	set(cons, "h_alpha", json_real(t->consensus.h_alpha), bad);
	set(cons, "h_beta", json_real(t->consensus.h_beta), bad);
	set(cons, "h_gamma", json_real(t->consensus.h_gamma), bad);
	set(cons, "text", json_string(rep->consensus_text), bad);
	set(root, "consensus", cons, bad);
	set(root, "change_of_mind", change_json(rep, bad), bad);
	return root;
}

static int dump_to_strbuf(const char *buffer, size_t size, void *data)
{
	strbuf_add(data, buffer, size);
	return 0;
}

void export_team_json(const struct team_report *rep, struct strbuf *out)
{
	int bad = 0;
	json_t *root = team_json(rep, &bad);
	struct strbuf dump;
	strbuf_init(&dump);
	if (bad || !root || json_dump_callback(root, dump_to_strbuf, &dump, JSON_INDENT(2)))
		xalloc_die();
	json_decref(root);
	/* As export_json.c: the characters text.h cleans become JSON escapes of
	 * the same characters. */
	text_clean(out, strbuf_str(&dump), dump.len, TEXT_JSON);
	strbuf_free(&dump);
	strbuf_putc(out, '\n');
}
