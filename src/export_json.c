/* export_json.c - the report as JSON ("format": "verdict-report/1"), made
 * with jansson: the keys of `verdict score --format json`, plus the
 * session, the reasons and the audit hashes. docs/exports.md lists every key. */
#include <jansson.h>
#include <math.h>

#include "clock.h"
#include "export.h"

#define REPORT_JSON_FORMAT "verdict-report/1"

/* Building fails as a whole: each setter records a failure in *BAD and the
 * caller checks once. jansson takes VALUE even when it is NULL. */
static void set(json_t *obj, const char *key, json_t *value, int *bad)
{
	if (!value || json_object_set_new(obj, key, value))
		*bad = 1;
}

static void push(json_t *arr, json_t *value, int *bad)
{
	if (!value || json_array_append_new(arr, value))
		*bad = 1;
}

/* A string, or null for NULL. */
static json_t *text_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *number_or_null(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

static json_t *date_or_null(time_t t, int known)
{
	if (!known)
		return json_null();
	char buf[32];
	clock_format_iso(t, buf, sizeof buf);
	return json_string(buf);
}

static json_t *criteria_json(const struct report *rep, int *bad)
{
	const struct criteria *c = rep->c;
	json_t *o = json_object(), *opts = json_array(), *scale = json_object();
	if (!o || !opts || !scale) {
		json_decref(o);
		json_decref(opts);
		json_decref(scale);
		*bad = 1;
		return NULL;
	}
	set(o, "id", json_string(c->id), bad);
	set(o, "title", json_string(c->title), bad);
	set(o, "source", json_string(rep->criteria_source), bad);
	for (size_t i = 0; i < c->noptions; i++) {
		json_t *opt = json_object();
		if (opt) {
			set(opt, "id", json_string(c->options[i].id), bad);
			set(opt, "name", json_string(c->options[i].name), bad);
		}
		push(opts, opt, bad);
	}
	set(o, "options", opts, bad);
	set(scale, "min", json_integer(c->scale.min), bad);
	set(scale, "max", json_integer(c->scale.max), bad);
	set(o, "scale", scale, bad);
	return o;
}

static json_t *session_json(const struct report *rep, int *bad)
{
	const struct criteria *c = rep->c;
	const struct session *s = rep->s;
	json_t *o = json_object(), *choices = json_object(), *weights = json_object();
	if (!o || !choices || !weights) {
		json_decref(o);
		json_decref(choices);
		json_decref(weights);
		*bad = 1;
		return NULL;
	}
	set(o, "id", rep->session_id ? json_integer(rep->session_id) : json_null(), bad);
	set(o, "project", text_or_null(rep->project), bad);
	set(o, "respondent", text_or_null(rep->respondent), bad);
	set(o, "notes", text_or_null(rep->notes), bad);
	set(o, "status", json_string(rep->status), bad);
	set(o, "created", date_or_null(rep->created, rep->session_id != 0), bad);
	set(o, "updated", date_or_null(rep->updated, rep->session_id != 0), bad);
	for (size_t q = 0; q < c->nquestions && q < s->nquestions; q++) {
		int ch = s->choices[q];
		int answered = ch >= 0 && (size_t)ch < c->questions[q].nchoices;
		set(choices, c->questions[q].id,
		    answered ? json_string(c->questions[q].choices[ch].id) : json_null(), bad);
	}
	set(o, "choices", choices, bad);
	for (size_t k = 0; k < c->ncriteria && k < s->ncriteria; k++)
		if (s->weight_set[k])
			set(weights, c->criteria[k].id, json_real(s->weights[k]), bad);
	set(o, "weights", weights, bad);
	return o;
}

/* {option id: VALUES[k * n + o]} for criterion K. */
static json_t *per_option(const struct report *rep, const double *values, size_t k, int *bad)
{
	size_t n = rep->c->noptions;
	json_t *o = json_object();
	if (!o) {
		*bad = 1;
		return NULL;
	}
	for (size_t j = 0; j < n; j++)
		set(o, rep->c->options[j].id, json_real(values[k * n + j]), bad);
	return o;
}

static json_t *breakdown_json(const struct report *rep, int *bad)
{
	const struct criteria *c = rep->c;
	const struct result *r = rep->r;
	json_t *arr = json_array();
	if (!arr) {
		*bad = 1;
		return NULL;
	}
	for (size_t k = 0; k < r->ncriteria; k++) {
		const struct criterion *cr = &c->criteria[k];
		const struct report_row *row = &rep->rows[k];
		json_t *e = json_object(), *why = json_object();
		if (!e || !why) {
			json_decref(e);
			json_decref(why);
			*bad = 1;
			break;
		}
		set(e, "criterion", json_string(cr->id), bad);
		set(e, "name", json_string(cr->name), bad);
		set(e, "group", text_or_null(cr->group), bad);
		set(e, "weight", json_real(r->weights[k]), bad);
		set(e, "weight_label", json_string(criteria_weight_label(c, r->weights[k])), bad);
		set(e, "default_weight", json_real(cr->default_weight), bad);
		set(e, "weight_source", json_string(row->weight_source), bad);
		set(e, "weight_reason", json_string(row->weight_reason), bad);
		if (row->question >= 0) {
			const struct question *q = &c->questions[row->question];
			json_t *by = json_object();
			if (by) {
				set(by, "question", json_string(q->id), bad);
				set(by, "choice", json_string(q->choices[row->choice].id), bad);
				set(by, "label", json_string(q->choices[row->choice].label), bad);
			}
			set(e, "weight_answer", by, bad);
		} else {
			set(e, "weight_answer", json_null(), bad);
		}
		set(e, "ratings", per_option(rep, r->ratings, k, bad), bad);
		set(e, "contributions", per_option(rep, r->contributions, k, bad), bad);
		for (size_t o = 0; o < c->noptions; o++)
			set(why, c->options[o].id, text_or_null(cr->why ? cr->why[o] : NULL), bad);
		set(e, "why", why, bad);
		set(e, "reason", json_string(row->reason), bad);
		set(e, "source", text_or_null(cr->source), bad);
		push(arr, e, bad);
	}
	return arr;
}

static json_t *sensitivity_json(const struct report *rep, int *bad)
{
	const struct criteria *c = rep->c;
	const struct result *r = rep->r;
	json_t *arr = json_array();
	if (!arr) {
		*bad = 1;
		return NULL;
	}
	for (size_t k = 0; k < r->ncriteria; k++) {
		const struct sensitivity *se = &r->sensitivity[k];
		json_t *e = json_object();
		if (e) {
			int moves = !isnan(se->threshold) && se->new_winner >= 0;
			set(e, "criterion", json_string(c->criteria[k].id), bad);
			set(e, "weight", json_real(r->weights[k]), bad);
			set(e, "threshold", moves ? json_real(se->threshold) : json_null(), bad);
			set(e, "new_winner", moves ? json_string(c->options[se->new_winner].id)
			                           : json_null(), bad);
		}
		push(arr, e, bad);
	}
	return arr;
}

static json_t *report_json(const struct report *rep, int *bad)
{
	const struct criteria *c = rep->c;
	const struct result *r = rep->r;
	json_t *root = json_object();
	if (!root) {
		*bad = 1;
		return NULL;
	}
	char date[32];
	clock_format_iso(rep->generated, date, sizeof date);
	set(root, "format", json_string(REPORT_JSON_FORMAT), bad);
	set(root, "generator", json_string("verdict " VERDICT_VERSION), bad);
	set(root, "generated", json_string(date), bad);
	set(root, "criteria", criteria_json(rep, bad), bad);
	set(root, "session", session_json(rep, bad), bad);
	set(root, "recommendation", json_string(rep->recommendation), bad);

	json_t *weights = json_object();
	for (size_t k = 0; weights && k < r->ncriteria; k++)
		set(weights, c->criteria[k].id, json_real(r->weights[k]), bad);
	set(root, "weights", weights, bad);

	json_t *ranking = json_array();
	for (size_t i = 0; ranking && i < r->noptions; i++) {
		size_t o = r->ranking[i];
		json_t *e = json_object();
		if (e) {
			set(e, "option", json_string(c->options[o].id), bad);
			set(e, "name", json_string(c->options[o].name), bad);
			set(e, "score", json_real(r->scores[o]), bad);
		}
		push(ranking, e, bad);
	}
	set(root, "ranking", ranking, bad);
	set(root, "winner", r->winner >= 0 ? json_string(c->options[r->winner].id) : json_null(),
	    bad);
	set(root, "margin", number_or_null(r->margin), bad);
	set(root, "strength", json_string(strength_name(r->strength)), bad);
	set(root, "total_weight", json_real(r->total_weight), bad);
	set(root, "breakdown", breakdown_json(rep, bad), bad);

	json_t *reasons = json_array();
	for (size_t i = 0; reasons && i < r->nreasons; i++)
		push(reasons, json_string(c->criteria[r->reasons[i]].id), bad);
	set(root, "reasons", reasons, bad);
	set(root, "sensitivity", sensitivity_json(rep, bad), bad);
	set(root, "confidence", json_real(r->confidence), bad);
	set(root, "trials", json_integer((json_int_t)r->trials), bad);

	json_t *audit = json_object();
	if (audit) {
		set(audit, "algorithm", json_string("sha256"), bad);
		set(audit, "criteria_sha256", json_string(rep->criteria_sha256), bad);
		set(audit, "answers_sha256", json_string(rep->answers_sha256), bad);
		set(audit, "answers_canonical", json_string(rep->answers_canonical), bad);
	}
	set(root, "audit", audit, bad);
	return root;
}

static int dump_to_strbuf(const char *buffer, size_t size, void *data)
{
	struct strbuf *out = data;
	strbuf_add(out, buffer, size);
	return out->failed ? -1 : 0;
}

int export_json(const struct report *rep, struct strbuf *out)
{
	int bad = 0;
	json_t *root = report_json(rep, &bad);
	if (bad || !root) {
		json_decref(root);
		return -1;
	}
	int rc = json_dump_callback(root, dump_to_strbuf, out,
	                            JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
	json_decref(root);
	if (rc)
		return -1;
	strbuf_putc(out, '\n');
	return out->failed ? -1 : 0;
}
