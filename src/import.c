/* import.c - a batch of sessions from other machines: the answers checked
 * against their criteria, the same session told from a conflict, and the
 * whole batch stored in one transaction. Reading a JSON report is in
 * import_json.c, another database in import_db.c. */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "criteria_groups.h"
#include "saved_session.h"
#include "xalloc.h"

void import_batch_init(struct import_batch *b)
{
	memset(b, 0, sizeof *b);
}

struct import_item *import_batch_add(struct import_batch *b)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 4;
		b->items = xreallocarray(b->items, b->cap, sizeof *b->items);
	}
	struct import_item *it = &b->items[b->n++];
	memset(it, 0, sizeof *it);
	return it;
}

static void item_free(struct import_item *it)
{
	stored_session_free(&it->s);
	saved_revisions_free(it->revs, it->nrevs);
	free(it->file);
	free(it->origin);
	memset(it, 0, sizeof *it);
}

void import_batch_cut(struct import_batch *b, size_t n)
{
	while (b->n > n)
		item_free(&b->items[--b->n]);
}

void import_batch_free(struct import_batch *b)
{
	import_batch_cut(b, 0);
	free(b->items);
	memset(b, 0, sizeof *b);
}

int import_fit_answers(const struct criteria *c, const struct stored_session *ss,
                       struct session *se, const char *where, struct verror *err)
{
	for (size_t i = 0; i < ss->nchoices; i++) {
		const struct stored_choice *sc = &ss->choices[i];
		int q = criteria_question_index(c, sc->question);
		if (q < 0)
			return verror_set(err, VERROR_INPUT, "%s: the answer to question '%s', which "
			                  "its criteria do not have", where, sc->question);
		int ch = criteria_choice_index(&c->questions[q], sc->choice);
		if (ch < 0)
			return verror_set(err, VERROR_INPUT, "%s: the answer '%s' to question '%s' is "
			                  "not one of its choices", where, sc->choice, sc->question);
		se->choices[q] = ch;
	}
	for (size_t i = 0; i < ss->nweights; i++) {
		const struct stored_weight *sw = &ss->weights[i];
		int k = criteria_criterion_index(c, sw->criterion);
		if (k < 0)
			return verror_set(err, VERROR_INPUT, "%s: a weight for criterion '%s', which "
			                  "its criteria do not have", where, sw->criterion);
		if (!(sw->weight >= c->scale.min && sw->weight <= c->scale.max))
			return verror_set(err, VERROR_INPUT, "%s: the weight of '%s' is %g, outside "
			                  "the scale (%d to %d)", where, sw->criterion, sw->weight,
			                  c->scale.min, c->scale.max);
		se->weights[k] = sw->weight;
		se->weight_set[k] = 1;
	}
	const char *w = ss->weighting ? ss->weighting : "ratings";
	if (strcmp(w, "ratings") != 0 && strcmp(w, "pairwise") != 0)
		return verror_set(err, VERROR_INPUT, "%s: how it weighs must be 'ratings' or "
		                  "'pairwise', not '%s'", where, w);
	se->weighting = strcmp(w, "pairwise") == 0 ? WEIGHTING_PAIRWISE : WEIGHTING_RATINGS;
	struct criteria_groups g;
	criteria_groups_init(&g, c);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < ss->njudgments; i++) {
		const struct stored_judgment *sj = &ss->judgments[i];
		int groups = sj->level && strcmp(sj->level, "groups") == 0;
		int a = groups ? criteria_group_find(&g, sj->a) : criteria_criterion_index(c, sj->a);
		int b = groups ? criteria_group_find(&g, sj->b) : criteria_criterion_index(c, sj->b);
		if (!sj->level || (!groups && strcmp(sj->level, "criteria") != 0))
			rc = verror_set(err, VERROR_INPUT, "%s: a comparison's level must be 'criteria' "
			                "or 'groups', not '%s'", where, sj->level ? sj->level : "");
		else if (a < 0 || b < 0 || a == b)
			rc = verror_set(err, VERROR_INPUT, "%s: the comparison of %s '%s' with '%s' "
			                "does not fit its criteria", where, sj->level, sj->a, sj->b);
		else if (!(sj->value > 0 && sj->value < 1e300))
			rc = verror_set(err, VERROR_INPUT, "%s: the comparison of '%s' with '%s' must "
			                "be a number above 0, not %g", where, sj->a, sj->b, sj->value);
		else
			session_set_judgment(se, groups ? JUDGE_GROUPS : JUDGE_CRITERIA, (size_t)a,
			                     (size_t)b, sj->value);
	}
	criteria_groups_free(&g);
	return rc;
}

static int text_same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static int cmp_choice(const void *x, const void *y)
{
	return strcmp(((const struct stored_choice *)x)->question,
	              ((const struct stored_choice *)y)->question);
}

static int cmp_weight(const void *x, const void *y)
{
	return strcmp(((const struct stored_weight *)x)->criterion,
	              ((const struct stored_weight *)y)->criterion);
}

/* Whether the choices of A and B are the same, whatever their order. */
static int choices_same(const struct stored_session *a, const struct stored_session *b)
{
	if (a->nchoices != b->nchoices)
		return 0;
	size_t n = a->nchoices;
	struct stored_choice *x = xcalloc(n ? n : 1, sizeof *x), *y = xcalloc(n ? n : 1, sizeof *y);
	if (n) {
		memcpy(x, a->choices, n * sizeof *x);
		memcpy(y, b->choices, n * sizeof *y);
	}
	qsort(x, n, sizeof *x, cmp_choice);
	qsort(y, n, sizeof *y, cmp_choice);
	int same = 1;
	for (size_t i = 0; same && i < n; i++)
		same = strcmp(x[i].question, y[i].question) == 0 &&
		       strcmp(x[i].choice, y[i].choice) == 0;
	free(x);
	free(y);
	return same;
}

static int weights_same(const struct stored_session *a, const struct stored_session *b)
{
	if (a->nweights != b->nweights)
		return 0;
	size_t n = a->nweights;
	struct stored_weight *x = xcalloc(n ? n : 1, sizeof *x), *y = xcalloc(n ? n : 1, sizeof *y);
	if (n) {
		memcpy(x, a->weights, n * sizeof *x);
		memcpy(y, b->weights, n * sizeof *y);
	}
	qsort(x, n, sizeof *x, cmp_weight);
	qsort(y, n, sizeof *y, cmp_weight);
	int same = 1;
	for (size_t i = 0; same && i < n; i++)
		same = strcmp(x[i].criterion, y[i].criterion) == 0 && x[i].weight == y[i].weight;
	free(x);
	free(y);
	return same;
}

static int judgments_same(const struct stored_session *a, const struct stored_session *b)
{
	const char *wa = a->weighting ? a->weighting : "ratings";
	const char *wb = b->weighting ? b->weighting : "ratings";
	if (strcmp(wa, wb) != 0 || a->njudgments != b->njudgments)
		return 0;
	for (size_t i = 0; i < a->njudgments; i++) {
		const struct stored_judgment *x = &a->judgments[i], *y = &b->judgments[i];
		if (strcmp(x->level, y->level) != 0 || strcmp(x->a, y->a) != 0 ||
		    strcmp(x->b, y->b) != 0 || x->value != y->value)
			return 0;
	}
	return 1;
}

static int journal_same(const struct stored_session *a, const struct stored_session *b)
{
	if (a->njournal != b->njournal)
		return 0;
	for (size_t i = 0; i < a->njournal; i++) {
		const struct journal_entry *x = &a->journal[i], *y = &b->journal[i];
		if (!text_same(x->kind, y->kind) || x->at != y->at || !text_same(x->option, y->option) ||
		    !text_same(x->option_name, y->option_name) || !text_same(x->advised, y->advised) ||
		    !text_same(x->note, y->note) || x->rating != y->rating)
			return 0;
	}
	return 1;
}

/* What differs between session HERE and IN, in words, or NULL when they
 * are the same session. */
static const char *difference(const struct stored_session *here, const struct stored_session *in)
{
	if (here->criteria_len != in->criteria_len ||
	    (in->criteria_len && memcmp(here->criteria_text, in->criteria_text, in->criteria_len)))
		return "a different criteria text";
	if (!choices_same(here, in))
		return "different answers to the profile questions";
	if (!weights_same(here, in))
		return "different weights";
	if (!judgments_same(here, in))
		return "a different way of weighing or different comparisons";
	if (!text_same(here->project, in->project) || !text_same(here->respondent, in->respondent))
		return "a different project or respondent name";
	if (!text_same(here->notes, in->notes))
		return "different notes";
	if (here->status != in->status)
		return here->status == SESSION_COMPLETE ? "a different status (finished here, not in "
		                                          "the file)"
		                                        : "a different status (finished in the file, "
		                                          "not here)";
	if (!journal_same(here, in))
		return "a different decision journal";
	return NULL;
}

/* The item's session as a person knows it: "session 7 (Acme, Alice)". */
static void describe(const struct import_item *it, char *buf, size_t len)
{
	const char *p = it->s.project, *r = it->s.respondent;
	if (p && r)
		snprintf(buf, len, "session %lld (%s, %s)", it->source_id, p, r);
	else if (p || r)
		snprintf(buf, len, "session %lld (%s)", it->source_id, p ? p : r);
	else
		snprintf(buf, len, "session %lld", it->source_id);
}

/* Item IT whose uid is session HERE_ID of ST: skipped when the same (0),
 * else -1 with ERR naming what differs. */
static int same_or_conflict(struct store *st, const struct import_item *it, long long here_id,
                            struct verror *err)
{
	struct stored_session here;
	if (store_load(st, here_id, &here))
		return verror_copy(err, store_error(st));
	const char *what = difference(&here, &it->s);
	stored_session_free(&here);
	if (!what)
		return 0;
	char who[600];
	describe(it, who, sizeof who);
	return verror_set(err, VERROR_INPUT, "%s: %s is already in %s as session %lld, with %s: "
	                  "nothing was imported. Leave %s out of the import, or delete session "
	                  "%lld first ('verdict delete %lld') to bring in the file's", it->file, who,
	                  store_file(st), here_id, what, it->file, here_id, here_id);
}

/* Two items of the batch with the same uid: the later is skipped when they
 * are the same session (0), else -1 with ERR naming both files. */
static int same_in_batch(const struct import_item *first, const struct import_item *it,
                         struct verror *err)
{
	const char *what = difference(&first->s, &it->s);
	if (!what)
		return 0;
	char who[600];
	describe(it, who, sizeof who);
	return verror_set(err, VERROR_INPUT, "%s: %s is also in %s, with %s: nothing was "
	                  "imported. Leave one of them out of the import", it->file, who,
	                  first->file, what);
}

int import_batch_store(struct store *st, const struct import_batch *b,
                       struct import_outcome *out, struct verror *err)
{
	/* What is already here, or twice in the batch, is decided first, by
	 * reads of their own; then the rest is written in one transaction (a
	 * session another process adds meanwhile fails it: VERROR_INPUT). */
	size_t *twin = xcalloc(b->n + 1, sizeof *twin);   /* 1 + the earlier item, or 0 */
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < b->n; i++) {
		const struct import_item *it = &b->items[i];
		out[i].skipped = 0;
		out[i].id = 0;
		for (size_t j = 0; !twin[i] && j < i; j++)
			if (strcmp(b->items[j].s.uid, it->s.uid) == 0)
				twin[i] = j + 1;
		if (twin[i]) {
			rc = same_in_batch(&b->items[twin[i] - 1], it, err);
			out[i].skipped = 1;
			continue;
		}
		long long found = 0;
		if (store_find_uid(st, it->s.uid, &found))
			rc = verror_copy(err, store_error(st));
		else if (found)
			rc = same_or_conflict(st, it, found, err);
		out[i].skipped = found != 0;
		out[i].id = found;
	}
	if (rc == 0 && store_import_begin(st))
		rc = verror_copy(err, store_error(st));
	if (rc) {
		free(twin);
		return rc;
	}
	for (size_t i = 0; rc == 0 && i < b->n; i++) {
		const struct import_item *it = &b->items[i];
		if (out[i].skipped)
			continue;
		if (store_import_session(st, &it->s, it->revs, it->nrevs, it->origin, &out[i].id))
			rc = verror_copy(err, store_error(st));
	}
	if (store_import_end(st, rc) && rc == 0)
		rc = verror_copy(err, store_error(st));
	for (size_t i = 0; rc == 0 && i < b->n; i++)
		if (twin[i])
			out[i].id = out[twin[i] - 1].id;
	free(twin);
	return rc;
}
