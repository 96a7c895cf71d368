/* export_json.c - the report as JSON ("format": "verdict-report/1"), made
 * with jansson.
 *
 * It starts from score_json(), the document `verdict score --format json`
 * prints, so that every key of that contract is here with the same value,
 * and adds what a report holds besides: the session as stored, the reasons
 * behind each weight, each option's `why`, and the audit hashes.
 * docs/exports.md lists every key. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>

#include "clock.h"
#include "export.h"
#include "score_format.h"
#include "text.h"
#include "xalloc.h"

#define REPORT_JSON_FORMAT "verdict-report/1"

/* jansson reports a value it could not make as NULL: each setter records that
 * in *BAD and the caller checks once. Its allocations are xmalloc's (main()
 * sets them), every text here is UTF-8 and every number finite, so that can
 * only be memory run out. jansson takes VALUE even when it is NULL. */
static void set(json_t *obj, const char *key, json_t *value, int *bad)
{
	if (!obj || !value || json_object_set_new(obj, key, value))
		*bad = 1;
}

static json_t *date_or_null(time_t t, int known)
{
	if (!known)
		return json_null();
	char buf[32];
	clock_format_iso(t, buf, sizeof buf);
	return json_string(buf);
}

/* A text kept in the store as it is (a name, an id), or null. A text that
 * is not UTF-8 (a database changed by hand) is cleaned first. */
static json_t *stored_text(const char *text)
{
	if (!text)
		return json_null();
	json_t *v = json_string(text);
	if (v)
		return v;
	char *clean = report_utf8_copy(text);
	v = json_string(clean);
	free(clean);
	return v;
}

/* Stored answers (a revision's) as the session's keys: choices (only those
 * answered), weights, weighting and judgments. */
static void stored_answers_json(json_t *o, const struct stored_session *ss, int *bad)
{
	json_t *choices = json_object(), *weights = json_object(), *judgments = json_array();
	for (size_t i = 0; i < ss->nchoices; i++)
		set(choices, ss->choices[i].question, stored_text(ss->choices[i].choice), bad);
	for (size_t i = 0; i < ss->nweights; i++)
		set(weights, ss->weights[i].criterion, json_real(ss->weights[i].weight), bad);
	for (size_t i = 0; judgments && i < ss->njudgments; i++) {
		const struct stored_judgment *j = &ss->judgments[i];
		json_t *e = json_object();
		set(e, "level", json_string(j->level), bad);
		set(e, "a", stored_text(j->a), bad);
		set(e, "b", stored_text(j->b), bad);
		set(e, "value", json_real(j->value), bad);
		if (json_array_append_new(judgments, e))
			*bad = 1;
	}
	set(o, "choices", choices, bad);
	set(o, "weights", weights, bad);
	set(o, "weighting", json_string(ss->weighting ? ss->weighting : "ratings"), bad);
	set(o, "judgments", judgments, bad);
}

static json_t *revision_json(const struct stored_session *r, int *bad)
{
	json_t *o = json_object();
	set(o, "rev", json_integer(r->revision), bad);
	set(o, "kept", date_or_null(r->kept, 1), bad);
	set(o, "updated", date_or_null(r->updated, 1), bad);
	set(o, "status", json_string(r->status == SESSION_COMPLETE ? "complete" : "in-progress"),
	    bad);
	set(o, "winner", stored_text(r->status == SESSION_COMPLETE ? r->winner_name : NULL), bad);
	set(o, "project", stored_text(r->project), bad);
	set(o, "respondent", stored_text(r->respondent), bad);
	set(o, "notes", stored_text(r->notes), bad);
	set(o, "step", json_integer(r->step), bad);
	stored_answers_json(o, r, bad);
	return o;
}

static json_t *journal_json(const struct journal_entry *e, int *bad)
{
	json_t *o = json_object();
	set(o, "kind", json_string(e->kind ? e->kind : "decision"), bad);
	set(o, "at", date_or_null(e->at, 1), bad);
	set(o, "option", stored_text(e->option), bad);
	set(o, "option_name", stored_text(e->option_name), bad);
	set(o, "advised", stored_text(e->advised), bad);
	set(o, "note", stored_text(e->note), bad);
	set(o, "rating", e->rating ? json_integer(e->rating) : json_null(), bad);
	return o;
}

/* The keys `verdict import` reads besides the answers: where the session
 * came from, its exact criteria text, how far it got, its result as kept,
 * its revisions and its journal. */
static void session_import_json(const struct report *rep, json_t *o, int *bad)
{
	const struct stored_session *m = rep->meta;
	set(o, "uid", stored_text(m ? m->uid : NULL), bad);
	set(o, "origin", stored_text(m ? m->origin : NULL), bad);
	set(o, "imported", date_or_null(m ? m->imported : 0, m && m->imported), bad);
	set(o, "criteria_name", json_string(rep->criteria_source), bad);
	set(o, "criteria_id", json_string(rep->c->id), bad);
	set(o, "criteria_title", json_string(rep->c->title), bad);
	/* The exact bytes, which audit.criteria_sha256 is the hash of. */
	json_t *text = json_stringn(rep->criteria_text ? rep->criteria_text : "",
	                            rep->criteria_text ? rep->criteria_len : 0);
	if (!text) {
		char *clean = report_utf8_copy(rep->criteria_text);
		text = json_string(clean);
		free(clean);
	}
	set(o, "criteria_text", text, bad);
	set(o, "step", json_integer(m ? m->step : 0), bad);
	set(o, "winner_name", stored_text(m && m->status == SESSION_COMPLETE ? m->winner_name
	                                                                      : NULL), bad);
	json_t *revs = json_array();
	for (size_t i = 0; revs && i < rep->nrevisions; i++)
		if (json_array_append_new(revs, revision_json(&rep->revisions[i], bad)))
			*bad = 1;
	set(o, "revisions", revs, bad);
	json_t *journal = json_array();
	for (size_t i = 0; journal && m && i < m->njournal; i++)
		if (json_array_append_new(journal, journal_json(&m->journal[i], bad)))
			*bad = 1;
	set(o, "journal", journal, bad);
}

static json_t *session_json(const struct report *rep, int *bad)
{
	const struct criteria *c = rep->c;
	const struct session *s = rep->s;
	json_t *o = json_object(), *choices = json_object(), *weights = json_object();
	set(o, "id", rep->session_id ? json_integer(rep->session_id) : json_null(), bad);
	set(o, "status", json_string(rep->status), bad);
	set(o, "created", date_or_null(rep->created, rep->session_id != 0), bad);
	set(o, "updated", date_or_null(rep->updated, rep->session_id != 0), bad);
	set(o, "project", score_json_text(rep->project), bad);
	set(o, "respondent", score_json_text(rep->respondent), bad);
	set(o, "notes", score_json_text(rep->notes), bad);
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
	set(o, "weighting", json_string(s->weighting == WEIGHTING_PAIRWISE ? "pairwise"
	                                                                    : "ratings"), bad);
	json_t *judgments = json_array();
	for (size_t j = 0; judgments && j < s->njudgments; j++) {
		const struct judgment *ju = &s->judgments[j];
		int groups = ju->level == JUDGE_GROUPS;
		json_t *e = json_object();
		set(e, "level", json_string(groups ? "groups" : "criteria"), bad);
		set(e, "a", json_string(groups ? score_pair_item_name(c, ju->level, ju->a)
		                               : c->criteria[ju->a].id), bad);
		set(e, "b", json_string(groups ? score_pair_item_name(c, ju->level, ju->b)
		                               : c->criteria[ju->b].id), bad);
		set(e, "value", json_real(ju->value), bad);
		if (json_array_append_new(judgments, e))
			*bad = 1;
	}
	set(o, "judgments", judgments, bad);
	session_import_json(rep, o, bad);
	return o;
}

/* Adds the report's keys to breakdown entry E, for criterion K. */
static void breakdown_extras(const struct report *rep, json_t *e, size_t k, int *bad)
{
	const struct criteria *c = rep->c;
	const struct criterion *cr = &c->criteria[k];
	const struct report_row *row = &rep->rows[k];
	set(e, "group", score_json_text(cr->group), bad);
	set(e, "default_weight", json_real(cr->default_weight), bad);
	set(e, "weight_reason", json_string(row->weight_reason), bad);
	if (row->question >= 0) {
		const struct question *q = &c->questions[row->question];
		json_t *by = json_object();
		set(by, "question", json_string(q->id), bad);
		set(by, "choice", json_string(q->choices[row->choice].id), bad);
		set(by, "label", json_string(q->choices[row->choice].label), bad);
		set(e, "weight_answer", by, bad);
	} else {
		set(e, "weight_answer", json_null(), bad);
	}
	json_t *why = json_object();
	for (size_t o = 0; o < c->noptions; o++)
		set(why, c->options[o].id, score_json_text(cr->why ? cr->why[o] : NULL), bad);
	set(e, "why", why, bad);
	set(e, "reason", json_string(row->reason), bad);
	set(e, "source", score_json_text(cr->source), bad);
}

static json_t *audit_json(const struct report *rep, int *bad)
{
	json_t *a = json_object();
	set(a, "algorithm", json_string("sha256"), bad);
	set(a, "criteria_source", score_json_text(rep->criteria_source), bad);
	set(a, "criteria_sha256", json_string(rep->criteria_sha256), bad);
	set(a, "answers_sha256", json_string(rep->answers_sha256), bad);
	set(a, "answers_canonical", json_string(rep->answers_canonical), bad);
	return a;
}

/* The latest decision beside the advice, and the latest review after it
 * (issue 15), or null when none was recorded. */
static json_t *decision_json(const struct report *rep, int *bad)
{
	const struct journal_entry *d = rep->decision, *rv = rep->review;
	if (!d)
		return json_null();
	json_t *o = json_object();
	set(o, "option", score_json_text(d->option), bad);
	set(o, "option_name", score_json_text(d->option_name), bad);
	set(o, "advised", score_json_text(d->advised), bad);
	set(o, "differs", json_boolean(rep->decision_differs), bad);
	set(o, "note", score_json_text(d->note), bad);
	set(o, "at", date_or_null(d->at, 1), bad);
	set(o, "text", json_string(rep->decision_text), bad);
	if (rv) {
		json_t *r = json_object();
		set(r, "outcome", score_json_text(rv->note), bad);
		set(r, "rating", rv->rating ? json_integer(rv->rating) : json_null(), bad);
		set(r, "at", date_or_null(rv->at, 1), bad);
		set(o, "review", r, bad);
	} else {
		set(o, "review", json_null(), bad);
	}
	return o;
}

static json_t *report_json(const struct report *rep, int *bad)
{
	/* score_json() reads the session's texts: hand it the report's copies,
	 * which are valid UTF-8 whatever was stored. */
	struct session s = *rep->s;
	s.project = rep->project;
	s.respondent = rep->respondent;
	s.notes = rep->notes;
	json_t *score = score_json(rep->c, &s, rep->r);
	json_t *root = json_object();
	if (!score || !root) {
		json_decref(score);
		json_decref(root);
		*bad = 1;
		return NULL;
	}
	char date[32];
	clock_format_iso(rep->generated, date, sizeof date);
	set(root, "format", json_string(REPORT_JSON_FORMAT), bad);
	set(root, "generator", json_string("verdict " VERDICT_VERSION), bad);
	set(root, "generated", json_string(date), bad);
	/* The score document's keys, in its order, each kept as it is. */
	const char *key;
	json_t *value;
	json_object_foreach(score, key, value)
		if (json_object_set(root, key, value))
			*bad = 1;
	json_decref(score);

	set(root, "summary", json_string(rep->summary), bad);
	set(root, "confidence_text", json_string(rep->confidence_sentence), bad);
	set(root, "total_weight", json_real(rep->r->total_weight), bad);
	json_t *pairs = json_array();
	for (size_t i = 0; pairs && i < rep->pairwise_lines.count; i++)
		if (json_array_append_new(pairs, json_string(rep->pairwise_lines.items[i])))
			*bad = 1;
	set(root, "pairwise_text", pairs, bad);
	/* Who prepared it and for whom, and the executive summary's own keys. */
	set(root, "prepared_by", score_json_text(rep->prepared_by), bad);
	set(root, "prepared_for", score_json_text(rep->prepared_for), bad);
	json_t *strongest = json_array();
	for (size_t i = 0; strongest && i < rep->nstrongest; i++)
		if (json_array_append_new(strongest,
		                          json_string(rep->c->criteria[rep->strongest[i]].id)))
			*bad = 1;
	set(root, "strongest", strongest, bad);
	set(root, "method_note", json_string(rep->method_note), bad);
	json_t *breakdown = json_object_get(root, "breakdown");
	for (size_t k = 0; k < rep->r->ncriteria; k++) {
		json_t *e = json_array_get(breakdown, k);
		if (!e) {
			*bad = 1;
			break;
		}
		breakdown_extras(rep, e, k, bad);
	}
	set(root, "decision", decision_json(rep, bad), bad);
	set(root, "session", session_json(rep, bad), bad);
	set(root, "audit", audit_json(rep, bad), bad);
	return root;
}

static int dump_to_strbuf(const char *buffer, size_t size, void *data)
{
	strbuf_add(data, buffer, size);
	return 0;
}

void export_json(const struct report *rep, struct strbuf *out)
{
	int bad = 0;
	json_t *root = report_json(rep, &bad);
	struct strbuf dump;
	strbuf_init(&dump);
	if (bad || !root || json_dump_callback(root, dump_to_strbuf, &dump, JSON_INDENT(2)))
		xalloc_die();   /* see set() */
	json_decref(root);
	/* jansson escapes the C0 controls; the C1 and bidirectional ones become
	 * JSON escapes of the same characters here (text.h), so the report
	 * reads back exactly and shows nothing hostile where it is printed. */
	text_clean(out, strbuf_str(&dump), dump.len, TEXT_JSON);
	strbuf_free(&dump);
	strbuf_putc(out, '\n');
}
