/* import_json.c - a JSON report (`export --format json`, "verdict-report/1")
 * read back into a stored session, with every check of import.h made before
 * anything is kept: the JSON itself, each key and its type, the audit
 * hashes of the criteria text and of the answers, and answers that fit
 * their criteria. */
#include "import.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "criteria_source.h"
#include "files.h"
#include "report.h"
#include "strbuf.h"
#include "xalloc.h"

/* Where a key is, for messages: "alice.json: session.revisions[1].rev". */
struct at {
	const char *file;
	char path[200];
	struct verror *err;
};

static int missing(struct at *a, const char *key, const char *want)
{
	return verror_set(a->err, VERROR_INPUT, "%s: the key '%s%s%s' (%s) is missing; is it a "
	                  "report written by 'verdict export ID --format json'?", a->file, a->path,
	                  *a->path ? "." : "", key, want);
}

static const char *type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
	case JSON_REAL:
		return "a number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "true or false";
	case JSON_NULL:
		return "null";
	}
	return "something else";
}

static int wrong(struct at *a, const char *key, const json_t *v, const char *want)
{
	return verror_set(a->err, VERROR_INPUT, "%s: the key '%s%s%s' should be %s, not %s",
	                  a->file, a->path, *a->path ? "." : "", key, want, type_name(v));
}

/* OBJ[KEY], which must be there: NULL with the error set when it is not. */
static json_t *need(struct at *a, const json_t *obj, const char *key, const char *want)
{
	json_t *v = json_object_get(obj, key);
	if (!v)
		missing(a, key, want);
	return v;
}

/* A text at OBJ[KEY]: a string without NUL bytes, or (when NULLABLE) null,
 * copied into *OUT (NULL for null). */
static int text_key(struct at *a, const json_t *obj, const char *key, int nullable, char **out)
{
	const char *want = nullable ? "a string or null" : "a string";
	json_t *v = need(a, obj, key, want);
	if (!v)
		return -1;
	if (nullable && json_is_null(v)) {
		*out = NULL;
		return 0;
	}
	if (!json_is_string(v))
		return wrong(a, key, v, want);
	if (strlen(json_string_value(v)) != json_string_length(v))
		return verror_set(a->err, VERROR_INPUT, "%s: the key '%s%s%s' holds a NUL character",
		                  a->file, a->path, *a->path ? "." : "", key);
	*out = xstrdup(json_string_value(v));
	return 0;
}

static int int_key(struct at *a, const json_t *obj, const char *key, long long lo,
                   long long hi, long long *out)
{
	json_t *v = need(a, obj, key, "a whole number");
	if (!v)
		return -1;
	if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi)
		return verror_set(a->err, VERROR_INPUT, "%s: the key '%s%s%s' should be a whole "
		                  "number from %lld to %lld", a->file, a->path, *a->path ? "." : "",
		                  key, lo, hi);
	*out = json_integer_value(v);
	return 0;
}

/* Days from 1970-01-01 to Y-M-D (proleptic Gregorian). */
static long long days_from_civil(long long y, unsigned m, unsigned d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

/* A date as the reports write it, "2026-11-26T14:03:00Z", at OBJ[KEY]. */
static int date_key(struct at *a, const json_t *obj, const char *key, time_t *out)
{
	const char *want = "a date like 2026-11-26T14:03:00Z";
	json_t *v = need(a, obj, key, want);
	if (!v)
		return -1;
	unsigned y, mo, d, h, mi, s;
	char z = 0, end = 0;
	if (!json_is_string(v) ||
	    sscanf(json_string_value(v), "%4u-%2u-%2uT%2u:%2u:%2u%c%c", &y, &mo, &d, &h, &mi, &s,
	           &z, &end) != 7 || z != 'Z' || y < 1970 || mo < 1 || mo > 12 || d < 1 ||
	    d > 31 || h > 23 || mi > 59 || s > 60)
		return verror_set(a->err, VERROR_INPUT, "%s: the key '%s%s%s' should be %s",
		                  a->file, a->path, *a->path ? "." : "", key, want);
	*out = (time_t)(days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s);
	return 0;
}

static int cmp_choice(const void *x, const void *y)
{
	return strcmp(((const struct stored_choice *)x)->question,
	              ((const struct stored_choice *)y)->question);
}

/* The answers at OBJ (choices, weights, weighting, judgments) into SS. */
static int answers_keys(struct at *a, const json_t *obj, struct stored_session *ss)
{
	json_t *choices = need(a, obj, "choices", "an object");
	json_t *weights = choices ? need(a, obj, "weights", "an object") : NULL;
	json_t *judgments = weights ? need(a, obj, "judgments", "an array") : NULL;
	if (!judgments)
		return -1;
	if (!json_is_object(choices))
		return wrong(a, "choices", choices, "an object");
	if (!json_is_object(weights))
		return wrong(a, "weights", weights, "an object");
	if (!json_is_array(judgments))
		return wrong(a, "judgments", judgments, "an array");
	const char *key;
	json_t *v;
	ss->choices = xcalloc(json_object_size(choices) + 1, sizeof *ss->choices);
	json_object_foreach(choices, key, v) {
		if (json_is_null(v))
			continue;   /* not answered */
		if (!json_is_string(v))
			return wrong(a, "choices", v, "an object of choice ids (strings) or null");
		ss->choices[ss->nchoices].question = xstrdup(key);
		ss->choices[ss->nchoices++].choice = xstrdup(json_string_value(v));
	}
	qsort(ss->choices, ss->nchoices, sizeof *ss->choices, cmp_choice);
	ss->weights = xcalloc(json_object_size(weights) + 1, sizeof *ss->weights);
	json_object_foreach(weights, key, v) {
		if (!json_is_number(v))
			return wrong(a, "weights", v, "an object of numbers");
		ss->weights[ss->nweights].criterion = xstrdup(key);
		ss->weights[ss->nweights++].weight = json_number_value(v);
	}
	char *weighting = NULL;
	if (text_key(a, obj, "weighting", 0, &weighting))
		return -1;
	ss->weighting = strcmp(weighting, "pairwise") == 0 ? "pairwise"
	                : strcmp(weighting, "ratings") == 0 ? "ratings" : NULL;
	free(weighting);
	if (!ss->weighting)
		return verror_set(a->err, VERROR_INPUT, "%s: the key '%s%sweighting' should be "
		                  "\"ratings\" or \"pairwise\"", a->file, a->path, *a->path ? "." : "");
	size_t n = json_array_size(judgments);
	ss->judgments = xcalloc(n + 1, sizeof *ss->judgments);
	char saved[sizeof a->path];
	memcpy(saved, a->path, sizeof saved);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		json_t *j = json_array_get(judgments, i);
		/* A path too long for the buffer is cut: it only names the key in
		 * a message. */
		if (snprintf(a->path, sizeof a->path, "%s%sjudgments[%zu]", saved, *saved ? "." : "",
		             i) >= (int)sizeof a->path)
			a->path[sizeof a->path - 1] = '\0';
		struct stored_judgment *sj = &ss->judgments[ss->njudgments];
		char *level = NULL;
		json_t *value;
		if (!json_is_object(j)) {
			rc = verror_set(a->err, VERROR_INPUT, "%s: '%s' should be an object", a->file,
			                a->path);
		} else if (text_key(a, j, "level", 0, &level) || text_key(a, j, "a", 0, &sj->a) ||
		           text_key(a, j, "b", 0, &sj->b) ||
		           !(value = need(a, j, "value", "a number"))) {
			rc = -1;
		} else if (!json_is_number(value)) {
			rc = wrong(a, "value", value, "a number");
		} else {
			sj->level = strcmp(level, "groups") == 0 ? "groups"
			            : strcmp(level, "criteria") == 0 ? "criteria" : NULL;
			sj->value = json_number_value(value);
			if (!sj->level)
				rc = verror_set(a->err, VERROR_INPUT, "%s: the key '%s.level' should be "
				                "\"criteria\" or \"groups\"", a->file, a->path);
		}
		free(level);
		ss->njudgments++;   /* its texts are freed with the session */
	}
	memcpy(a->path, saved, sizeof saved);
	return rc;
}

static int status_key(struct at *a, const json_t *obj, enum session_status *out)
{
	char *status = NULL;
	if (text_key(a, obj, "status", 0, &status))
		return -1;
	int rc = 0;
	if (strcmp(status, "complete") == 0)
		*out = SESSION_COMPLETE;
	else if (strcmp(status, "in-progress") == 0)
		*out = SESSION_IN_PROGRESS;
	else
		rc = verror_set(a->err, VERROR_INPUT, "%s: the key '%s%sstatus' should be "
		                "\"complete\" or \"in-progress\"", a->file, a->path,
		                *a->path ? "." : "");
	free(status);
	return rc;
}

static int revision_keys(struct at *a, const json_t *r, struct stored_session *out)
{
	if (!json_is_object(r))
		return verror_set(a->err, VERROR_INPUT, "%s: '%s' should be an object", a->file,
		                  a->path);
	long long rev = 0, step = 0;
	if (int_key(a, r, "rev", 1, 1000000000LL, &rev) || date_key(a, r, "kept", &out->kept) ||
	    date_key(a, r, "updated", &out->updated) || status_key(a, r, &out->status) ||
	    text_key(a, r, "winner", 1, &out->winner_name) ||
	    text_key(a, r, "project", 1, &out->project) ||
	    text_key(a, r, "respondent", 1, &out->respondent) ||
	    text_key(a, r, "notes", 1, &out->notes) || int_key(a, r, "step", 0, 1000000, &step) ||
	    answers_keys(a, r, out))
		return -1;
	out->revision = rev;
	out->step = (int)step;
	return 0;
}

static int journal_keys(struct at *a, const json_t *j, struct journal_entry *e)
{
	if (!json_is_object(j))
		return verror_set(a->err, VERROR_INPUT, "%s: '%s' should be an object", a->file,
		                  a->path);
	char *kind = NULL;
	if (text_key(a, j, "kind", 0, &kind))
		return -1;
	e->kind = strcmp(kind, "decision") == 0 ? "decision"
	          : strcmp(kind, "review") == 0 ? "review" : NULL;
	free(kind);
	if (!e->kind)
		return verror_set(a->err, VERROR_INPUT, "%s: the key '%s.kind' should be "
		                  "\"decision\" or \"review\"", a->file, a->path);
	json_t *rating = need(a, j, "rating", "a whole number from 1 to 5, or null");
	if (date_key(a, j, "at", &e->at) || text_key(a, j, "option", 1, &e->option) ||
	    text_key(a, j, "option_name", 1, &e->option_name) ||
	    text_key(a, j, "advised", 1, &e->advised) || text_key(a, j, "note", 1, &e->note) ||
	    !rating)
		return -1;
	if (!json_is_null(rating) && (!json_is_integer(rating) || json_integer_value(rating) < 1 ||
	                              json_integer_value(rating) > 5))
		return wrong(a, "rating", rating, "a whole number from 1 to 5, or null");
	e->rating = json_is_null(rating) ? 0 : (int)json_integer_value(rating);
	int review = strcmp(e->kind, "review") == 0;
	if (review ? !e->note || !*e->note : !e->option)
		return verror_set(a->err, VERROR_INPUT, "%s: '%s' is a %s without %s", a->file,
		                  a->path, e->kind, review ? "its outcome (note)" : "the option "
		                                             "chosen (option)");
	return 0;
}

/* The session's keys of report ROOT into IT. */
static int session_keys(struct at *a, const json_t *root, struct import_item *it)
{
	struct stored_session *ss = &it->s;
	json_t *session = need(a, root, "session", "an object");
	if (!session)
		return -1;
	if (!json_is_object(session))
		return wrong(a, "session", session, "an object");
	snprintf(a->path, sizeof a->path, "session");
	json_t *id = need(a, session, "id", "a session id");
	if (!id)
		return -1;
	json_t *uid = json_object_get(session, "uid");
	if (!json_is_null(id) && uid && json_is_null(uid))
		return verror_set(a->err, VERROR_INPUT, "%s: this report has no session uid to import "
		                  "it by: it was exported from a database of an older verdict, not "
		                  "written to since. Any command of this verdict that saves to that "
		                  "database (the walk-through, 'copy', 'decide') brings it up to date; "
		                  "export the session again after that", a->file);
	if (json_is_null(id))
		return verror_set(a->err, VERROR_INPUT, "%s: this report is of answers that were "
		                  "never saved in a database, so nothing tells this session from "
		                  "another: save them ('verdict score -a ANSWERS --save'), then export "
		                  "the saved session ('verdict export ID --format json') and import "
		                  "that", a->file);
	long long source_id = 0, step = 0;
	json_t *text;
	if (int_key(a, session, "id", 1, (long long)1 << 62, &source_id) ||
	    text_key(a, session, "uid", 0, &ss->uid))
		return -1;
	if (strlen(ss->uid) != 32 || strspn(ss->uid, "0123456789abcdef") != 32)
		return verror_set(a->err, VERROR_INPUT, "%s: the key 'session.uid' should be 32 "
		                  "lowercase hex digits", a->file);
	if (status_key(a, session, &ss->status) || date_key(a, session, "created", &ss->created) ||
	    date_key(a, session, "updated", &ss->updated) ||
	    text_key(a, session, "project", 1, &ss->project) ||
	    text_key(a, session, "respondent", 1, &ss->respondent) ||
	    text_key(a, session, "notes", 1, &ss->notes) ||
	    text_key(a, session, "criteria_name", 0, &ss->criteria_name) ||
	    text_key(a, session, "criteria_id", 0, &ss->criteria_id) ||
	    text_key(a, session, "criteria_title", 0, &ss->criteria_title) ||
	    !(text = need(a, session, "criteria_text", "a string")) ||
	    int_key(a, session, "step", 0, 1000000, &step) ||
	    text_key(a, session, "winner_name", 1, &ss->winner_name) ||
	    answers_keys(a, session, ss))
		return -1;
	if (!json_is_string(text))
		return wrong(a, "criteria_text", text, "a string");
	ss->criteria_len = json_string_length(text);
	ss->criteria_text = xmalloc(ss->criteria_len + 1);
	memcpy(ss->criteria_text, json_string_value(text), ss->criteria_len + 1);
	ss->step = (int)step;
	it->source_id = source_id;
	ss->id = source_id;

	json_t *revs = need(a, session, "revisions", "an array");
	json_t *journal = revs ? need(a, session, "journal", "an array") : NULL;
	if (!journal)
		return -1;
	if (!json_is_array(revs))
		return wrong(a, "revisions", revs, "an array");
	if (!json_is_array(journal))
		return wrong(a, "journal", journal, "an array");
	it->revs = xcalloc(json_array_size(revs) + 1, sizeof *it->revs);
	for (size_t i = 0; i < json_array_size(revs); i++) {
		snprintf(a->path, sizeof a->path, "session.revisions[%zu]", i);
		it->nrevs++;
		if (revision_keys(a, json_array_get(revs, i), &it->revs[i]))
			return -1;
	}
	ss->journal = xcalloc(json_array_size(journal) + 1, sizeof *ss->journal);
	for (size_t i = 0; i < json_array_size(journal); i++) {
		snprintf(a->path, sizeof a->path, "session.journal[%zu]", i);
		ss->njournal++;
		if (journal_keys(a, json_array_get(journal, i), &ss->journal[i]))
			return -1;
	}
	*a->path = '\0';
	/* A complete session's result, as the report gives it. */
	if (ss->status == SESSION_COMPLETE) {
		json_t *strength = json_object_get(root, "strength");
		json_t *margin = json_object_get(root, "margin");
		if (json_is_string(strength) && json_is_number(margin)) {
			const char *names[] = { "clear", "leaning", "too-close" };
			for (size_t i = 0; i < 3; i++)
				if (strcmp(json_string_value(strength), names[i]) == 0)
					ss->strength = names[i];
			ss->margin = json_number_value(margin);
		}
	}
	return 0;
}

/* The audit's hash KEY, 64 lowercase hex digits, into HEX. */
static int audit_hash(struct at *a, const json_t *audit, const char *key,
                      char hex[REPORT_SHA256_HEX])
{
	char *v = NULL;
	if (text_key(a, audit, key, 0, &v))
		return -1;
	int ok = strlen(v) == 64 && strspn(v, "0123456789abcdef") == 64;
	if (ok)
		memcpy(hex, v, REPORT_SHA256_HEX);
	free(v);
	return ok ? 0 : verror_set(a->err, VERROR_INPUT, "%s: the key 'audit.%s' should be 64 "
	                           "lowercase hex digits", a->file, key);
}

/* The checks of the answers against the criteria and the audit. */
static int check_item(struct at *a, const json_t *root, struct import_item *it)
{
	json_t *audit = need(a, root, "audit", "an object");
	if (!audit)
		return -1;
	if (!json_is_object(audit))
		return wrong(a, "audit", audit, "an object");
	snprintf(a->path, sizeof a->path, "audit");
	char criteria_hex[REPORT_SHA256_HEX], answers_hex[REPORT_SHA256_HEX];
	if (audit_hash(a, audit, "criteria_sha256", criteria_hex) ||
	    audit_hash(a, audit, "answers_sha256", answers_hex))
		return -1;
	*a->path = '\0';
	char hex[REPORT_SHA256_HEX];
	report_sha256_hex(it->s.criteria_text, it->s.criteria_len, hex);
	if (strcmp(hex, criteria_hex) != 0)
		return verror_set(a->err, VERROR_INPUT, "%s: the criteria text (session.criteria_text) "
		                  "is not the one the report was made from: its SHA-256 is %s, the "
		                  "audit says %s; the file was changed or damaged", a->file, hex,
		                  criteria_hex);
	struct criteria_source src;
	struct verror why;
	char name[600];
	snprintf(name, sizeof name, "%s: session.criteria_text", a->file);
	if (criteria_source_from_text(name, it->s.criteria_text, it->s.criteria_len, &src, NULL,
	                              &why))
		return verror_set(a->err, VERROR_INPUT, "%s: its criteria text does not load in this "
		                  "verdict: %s", a->file, why.msg);
	struct session *se = session_new(src.model);
	char where[600];
	snprintf(where, sizeof where, "%s: session %lld", a->file, it->source_id);
	int rc = import_fit_answers(src.model, &it->s, se, where, a->err);
	if (rc == 0) {
		struct strbuf canon;
		strbuf_init(&canon);
		report_canonical_answers(src.model, se, &canon);
		report_sha256_hex(strbuf_str(&canon), canon.len, hex);
		strbuf_free(&canon);
		if (strcmp(hex, answers_hex) != 0)
			rc = verror_set(a->err, VERROR_INPUT, "%s: the answers are not the ones the "
			                "report was made from: the SHA-256 of their canonical text is "
			                "%s, the audit says %s; the file was changed or damaged", a->file,
			                hex, answers_hex);
	}
	for (size_t r = 0; rc == 0 && r < it->nrevs; r++) {
		struct session *rs = session_new(src.model);
		snprintf(where, sizeof where, "%s: session %lld, revision %lld", a->file,
		         it->source_id, it->revs[r].revision);
		rc = import_fit_answers(src.model, &it->revs[r], rs, where, a->err);
		session_free(rs);
	}
	session_free(se);
	criteria_source_free(&src);
	return rc;
}

int import_read_report(const char *path, struct import_batch *b, struct diags *d,
                       struct verror *err)
{
	char *data = NULL;
	size_t len = 0;
	if (file_read_input(path, IMPORT_MAX_BYTES, &data, &len, d, err))
		return -1;
	json_error_t jerr;
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
	free(data);
	if (!root) {
		diags_add(d, jerr.line > 0 ? jerr.line : 1, jerr.column > 0 ? jerr.column : 1,
		          "not a JSON report: %s", jerr.text);
		return diags_fail(d, err);
	}
	const char *name = file_input_name(path);   /* "<stdin>" for "-" */
	struct at a = { .file = name, .err = err };
	size_t before = b->n;
	struct import_item *it = import_batch_add(b);
	it->file = xstrdup(name);
	it->origin = xstrdup(name);
	json_t *format = json_object_get(root, "format");
	int rc;
	if (!json_is_object(root))
		rc = verror_set(err, VERROR_INPUT, "%s: not a verdict report (a JSON object with "
		                "\"format\": \"%s\")", name, IMPORT_REPORT_FORMAT);
	else if (!json_is_string(format) || strcmp(json_string_value(format),
	                                           IMPORT_REPORT_FORMAT) != 0)
		rc = verror_set(err, VERROR_INPUT, "%s: not a verdict report: its \"format\" should "
		                "be \"%s\" (written by 'verdict export ID --format json')", name,
		                IMPORT_REPORT_FORMAT);
	else
		rc = session_keys(&a, root, it) || check_item(&a, root, it) ? -1 : 0;
	json_decref(root);
	if (rc)
		import_batch_cut(b, before);
	return rc;
}
