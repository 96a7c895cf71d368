/* diff_format.c - the differences of two criteria versions or two sessions
 * in words and as JSON (diff_format.h). */
#include "diff_format.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "score_format.h"
#include "score_number.h"
#include "strbuf.h"
#include "text_print.h"
#include "xalloc.h"

/* ---- one difference in words ---- */

/* A weight with its label: "3 (Important)". */
static void weight_words(struct strbuf *b, const struct criteria *c, double w)
{
	char n[32];
	text_format(b, "%s (%s)", score_number(n, sizeof n, w, 2), criteria_weight_label(c, w));
}

void diff_ratio_words(struct strbuf *b, double v)
{
	double inv = 1 / v;
	if (v < 1 && inv < 1e6 && fabs(inv - round(inv)) < 1e-9 * inv)
		strbuf_printf(b, "1/%.0f", round(inv));
	else
		strbuf_printf(b, "%g", v);
}

static void quoted(struct strbuf *b, const char *s, const char *none)
{
	if (s)
		text_format(b, "\"%s\"", s);
	else
		strbuf_puts(b, none);
}

/* "Speed (speed)" */
static void named(struct strbuf *b, const struct diff_item *it)
{
	text_format(b, "%s (%s)", it->name ? it->name : it->id, it->id);
}

static const char *weighing_words(const char *w)
{
	return w && strcmp(w, "pairwise") == 0 ? "comparing criteria in pairs"
	                                       : "a weight for each criterion";
}

/* Difference IT of the old set A and the new set B, as one line's text. */
static void item_words(struct strbuf *b, const struct criteria *a, const struct criteria *nb,
                       const struct diff_item *it)
{
	char n1[32], n2[32];
	switch (it->kind) {
	case DIFF_SET_TEXT:
		if (strcmp(it->field, "summary") == 0) {
			strbuf_puts(b, "the set's summary changed");
			break;
		}
		text_format(b, "the set's %s: ", it->field);
		quoted(b, it->old_text, "(none)");
		strbuf_puts(b, " -> ");
		quoted(b, it->new_text, "(none)");
		break;
	case DIFF_OPTION_ADDED:
		strbuf_puts(b, "option added: ");
		named(b, it);
		break;
	case DIFF_OPTION_REMOVED:
		strbuf_puts(b, "option removed: ");
		named(b, it);
		break;
	case DIFF_OPTION_TEXT:
		text_format(b, "option %s: name ", it->id);
		quoted(b, it->old_text, "(none)");
		strbuf_puts(b, " -> ");
		quoted(b, it->new_text, "(none)");
		break;
	case DIFF_SCALE:
		if (strcmp(it->field, "range") == 0)
			text_format(b, "the importance scale: %s -> %s", it->old_text, it->new_text);
		else
			strbuf_puts(b, "the importance scale: its labels changed");
		break;
	case DIFF_STRENGTH:
		text_format(b, "the strength thresholds (tie / leaning / clear): %s -> %s",
		            it->old_text, it->new_text);
		break;
	case DIFF_CRITERION_ADDED:
		strbuf_puts(b, "criterion added: ");
		named(b, it);
		break;
	case DIFF_CRITERION_REMOVED:
		strbuf_puts(b, "criterion removed: ");
		named(b, it);
		break;
	case DIFF_DEFAULT_WEIGHT:
		named(b, it);
		strbuf_puts(b, ": default weight ");
		weight_words(b, a, it->old_value);
		strbuf_puts(b, " -> ");
		weight_words(b, nb, it->new_value);
		break;
	case DIFF_RATING:
		named(b, it);
		text_format(b, ": %s rated %s -> %s", it->option_name,
		            score_number(n1, sizeof n1, it->old_value, 2),
		            score_number(n2, sizeof n2, it->new_value, 2));
		break;
	case DIFF_CRITERION_TEXT:
		named(b, it);
		if (strcmp(it->field, "name") == 0 || strcmp(it->field, "group") == 0) {
			text_format(b, ": %s ", it->field);
			quoted(b, it->old_text, "(none)");
			strbuf_puts(b, " -> ");
			quoted(b, it->new_text, "(none)");
		} else if (strcmp(it->field, "why") == 0) {
			text_format(b, ": why %s changed", it->option_name);
		} else {
			text_format(b, ": %s changed", it->field);
		}
		break;
	case DIFF_QUESTION_ADDED:
		strbuf_puts(b, "question added: ");
		named(b, it);
		break;
	case DIFF_QUESTION_REMOVED:
		strbuf_puts(b, "question removed: ");
		named(b, it);
		break;
	case DIFF_QUESTION_EFFECTS:
		named(b, it);
		strbuf_puts(b, ": its answers move weights or ratings otherwise");
		break;
	case DIFF_QUESTION_TEXT:
		named(b, it);
		if (strcmp(it->field, "prompt") == 0) {
			strbuf_puts(b, ": prompt changed");
		} else {
			if (strcmp(it->field, "label") == 0)
				text_format(b, ": label of choice %s ", it->id2);
			else
				strbuf_puts(b, ": name ");
			quoted(b, it->old_text, "(none)");
			strbuf_puts(b, " -> ");
			quoted(b, it->new_text, "(none)");
		}
		break;
	case DIFF_SESSION_TEXT:
		if (strcmp(it->field, "notes") == 0) {
			strbuf_puts(b, "Notes: changed");
			break;
		}
		text_format(b, "%s: ", strcmp(it->field, "project") == 0 ? "Project" : "Respondent");
		quoted(b, it->old_text, "(none)");
		strbuf_puts(b, " -> ");
		quoted(b, it->new_text, "(none)");
		break;
	case DIFF_ANSWER:
		text_format(b, "%s: ", it->name);
		quoted(b, it->old_text, "(not answered)");
		strbuf_puts(b, " -> ");
		quoted(b, it->new_text, "(not answered)");
		break;
	case DIFF_WEIGHT:
		text_format(b, "Weight of %s: ", it->name);
		if (it->has_old)
			weight_words(b, a, it->old_value);
		else
			strbuf_puts(b, "not set");
		strbuf_puts(b, " -> ");
		if (it->has_new)
			weight_words(b, nb, it->new_value);
		else
			strbuf_puts(b, "not set");
		break;
	case DIFF_WEIGHING:
		if (strcmp(it->field, "method") == 0)
			text_format(b, "Weighing: %s -> %s", weighing_words(it->old_text),
			            weighing_words(it->new_text));
		else
			strbuf_puts(b, "Weighing: the comparisons give other weights");
		break;
	case DIFF_COMPARISON:
		text_format(b, "%s against %s: ", it->name, it->name2);
		if (it->has_old)
			diff_ratio_words(b, it->old_value);
		else
			strbuf_puts(b, "not compared");
		strbuf_puts(b, " -> ");
		if (it->has_new)
			diff_ratio_words(b, it->new_value);
		else
			strbuf_puts(b, "not compared");
		break;
	}
}

/* INDENT, then line B cleaned for the terminal, into OUT; frees B. */
static void put_line(struct strbuf *out, const char *indent, struct strbuf *b)
{
	strbuf_puts(out, indent);
	text_clean(out, strbuf_str(b), b->len, TEXT_LINE);
	strbuf_putc(out, '\n');
	strbuf_free(b);
}

/* ---- the criteria diff ---- */

/* One side of an example: its result on C, or why it has none. */
static void example_result(struct strbuf *b, const struct criteria *c, int ok,
                           enum score_status st, const char *winner, enum strength s,
                           double margin)
{
	if (!ok)
		strbuf_puts(b, score_status_message(st));
	else
		score_outcome_text(b, c, winner ? criteria_option_index(c, winner) : -1, s, margin);
}

void diff_write_criteria_text(struct strbuf *out, const char *old_name, const struct criteria *a,
                             const char *new_name, const struct criteria *b,
                             const struct diff *d, const struct diff_example *ex, size_t nex)
{
	struct strbuf line;
	if (!d->n)
		text_format(out, "%s and %s: no differences\n", old_name, new_name);
	else
		text_format(out, "%s -> %s: %zu difference%s\n", old_name, new_name, d->n,
		                  d->n == 1 ? "" : "s");
	for (size_t i = 0; i < d->n; i++) {
		strbuf_init(&line);
		item_words(&line, a, b, &d->items[i]);
		put_line(out, "  ", &line);
	}
	if (ex) {
		size_t changed = 0;
		for (size_t i = 0; i < nex; i++)
			changed += ex[i].changed != 0;
		text_format(out, "Examples: %zu of %zu change winner or strength%s\n", changed,
		                  nex, changed ? ":" : "");
		for (size_t i = 0; i < nex; i++) {
			if (!ex[i].changed)
				continue;
			strbuf_init(&line);
			text_format(&line, "%s%s: ", ex[i].name,
			            !ex[i].in_old ? " (new)" : !ex[i].in_new ? " (removed)" : "");
			example_result(&line, a, ex[i].ok_old, ex[i].st_old, ex[i].winner_old,
			               ex[i].strength_old, ex[i].margin_old);
			strbuf_puts(&line, " -> ");
			example_result(&line, b, ex[i].ok_new, ex[i].st_new, ex[i].winner_new,
			               ex[i].strength_new, ex[i].margin_new);
			put_line(out, "  ", &line);
		}
	}
}

static const char *const kind_keys[] = {
	[DIFF_SET_TEXT] = "set_text",
	[DIFF_OPTION_ADDED] = "option_added",
	[DIFF_OPTION_REMOVED] = "option_removed",
	[DIFF_OPTION_TEXT] = "option_text",
	[DIFF_SCALE] = "scale",
	[DIFF_STRENGTH] = "strength",
	[DIFF_CRITERION_ADDED] = "criterion_added",
	[DIFF_CRITERION_REMOVED] = "criterion_removed",
	[DIFF_DEFAULT_WEIGHT] = "default_weight",
	[DIFF_RATING] = "rating",
	[DIFF_CRITERION_TEXT] = "criterion_text",
	[DIFF_QUESTION_ADDED] = "question_added",
	[DIFF_QUESTION_REMOVED] = "question_removed",
	[DIFF_QUESTION_EFFECTS] = "question_effects",
	[DIFF_QUESTION_TEXT] = "question_text",
	[DIFF_SESSION_TEXT] = "session_text",
	[DIFF_ANSWER] = "answer",
	[DIFF_WEIGHT] = "weight",
	[DIFF_WEIGHING] = "weighing",
	[DIFF_COMPARISON] = "comparison",
};

static void set(json_t *o, const char *key, json_t *v)
{
	json_object_set_new(o, key, v);
}

static json_t *text_or_null(const char *s)
{
	return score_json_text(s);
}

/* The old or new value of IT: a number (null when there is none) for
 * weights, ratings and comparisons, else a text or null. */
static json_t *item_value(const struct diff_item *it, int new_side)
{
	switch (it->kind) {
	case DIFF_DEFAULT_WEIGHT:
	case DIFF_RATING:
	case DIFF_WEIGHT:
	case DIFF_COMPARISON:
		if (!(new_side ? it->has_new : it->has_old))
			return json_null();
		return json_real(new_side ? it->new_value : it->old_value);
	case DIFF_ANSWER:
		return text_or_null(new_side ? it->new_id : it->old_id);
	default:
		return text_or_null(new_side ? it->new_text : it->old_text);
	}
}

static json_t *item_json(const struct diff_item *it, const size_t *share_of)
{
	json_t *o = json_object();
	set(o, "kind", json_string(kind_keys[it->kind]));
	set(o, "id", text_or_null(it->id));
	set(o, "name", text_or_null(it->name));
	set(o, "field", text_or_null(it->field));
	set(o, "option", text_or_null(it->option));
	set(o, "other", text_or_null(it->id2));
	set(o, "old", item_value(it, 0));
	set(o, "new", item_value(it, 1));
	if (it->kind == DIFF_ANSWER) {
		set(o, "old_name", text_or_null(it->old_text));
		set(o, "new_name", text_or_null(it->new_text));
	}
	if (share_of)
		set(o, "share", it->player >= 0 ? json_integer((json_int_t)share_of[it->player])
		                                : json_null());
	return o;
}

static json_t *set_json(const char *name, const struct criteria *c)
{
	json_t *o = json_object();
	set(o, "file", text_or_null(name));
	set(o, "id", text_or_null(c->id));
	set(o, "title", text_or_null(c->title));
	return o;
}

static json_t *example_side(int in, int ok, enum score_status st, const char *winner,
                            enum strength s, double margin)
{
	(void)in;
	json_t *o = json_object();
	if (!ok) {
		set(o, "error", json_string(score_status_message(st)));
		return o;
	}
	set(o, "winner", text_or_null(winner));
	set(o, "strength", json_string(strength_name(s)));
	set(o, "margin", json_real(margin));
	return o;
}

json_t *diff_criteria_json(const char *old_name, const struct criteria *a, const char *new_name,
                           const struct criteria *b, const struct diff *d,
                           const struct diff_example *ex, size_t nex)
{
	json_t *root = json_object();
	set(root, "version", json_integer(DIFF_JSON_VERSION));
	set(root, "old", set_json(old_name, a));
	set(root, "new", set_json(new_name, b));
	json_t *arr = json_array();
	for (size_t i = 0; i < d->n; i++)
		json_array_append_new(arr, item_json(&d->items[i], NULL));
	set(root, "differences", arr);
	if (ex) {
		json_t *e = json_array();
		for (size_t i = 0; i < nex; i++) {
			json_t *o = json_object();
			set(o, "name", text_or_null(ex[i].name));
			set(o, "in_old", json_boolean(ex[i].in_old));
			set(o, "in_new", json_boolean(ex[i].in_new));
			set(o, "old", example_side(ex[i].in_old, ex[i].ok_old, ex[i].st_old,
			                           ex[i].winner_old, ex[i].strength_old, ex[i].margin_old));
			set(o, "new", example_side(ex[i].in_new, ex[i].ok_new, ex[i].st_new,
			                           ex[i].winner_new, ex[i].strength_new, ex[i].margin_new));
			set(o, "changed", json_boolean(ex[i].changed));
			json_array_append_new(e, o);
		}
		set(root, "examples", e);
	}
	return root;
}

/* ---- the sessions diff ---- */

/* "+1.25", "-0.40", "0.00" */
static char *signed_points(char *buf, size_t len, double v)
{
	if (fabs(v) < 0.005)
		snprintf(buf, len, "0.00");
	else
		snprintf(buf, len, "%+.2f", v);
	return buf;
}

/* The shares, largest in size first (equal ones in their order). */
static size_t *share_order(const struct session_diff *sd)
{
	size_t *order = xcalloc(sd->nshares + 1, sizeof *order);
	for (size_t i = 0; i < sd->nshares; i++) {
		size_t k = i;
		while (k > 0 && fabs(sd->shares[i].value) > fabs(sd->shares[order[k - 1]].value) + 1e-12) {
			order[k] = order[k - 1];
			k--;
		}
		order[k] = i;
	}
	return order;
}

static void share_words(struct strbuf *b, const struct criteria *a, const struct criteria *nb,
                        const struct session_diff *sd, const struct diff_share *sh)
{
	switch (sh->kind) {
	case SHARE_ITEM:
		item_words(b, a, nb, &sd->diff.items[sh->item]);
		if (sh->nplayers > 1)
			text_format(b, " (and %zu more)", sh->nplayers - 1);
		return;
	case SHARE_CRITERION:
		text_format(b, "every change to %s (%zu)", sh->name, sh->nplayers);
		return;
	case SHARE_QUESTION:
		text_format(b, "every change to %s (%zu)", sh->name, sh->nplayers);
		return;
	case SHARE_CRITERIA_TEXT:
		text_format(b, "every change to the criteria text (%zu)", sh->nplayers);
		return;
	case SHARE_ANSWERS:
		text_format(b, "every changed answer (%zu)", sh->nplayers);
		return;
	case SHARE_WEIGHTS:
		text_format(b, "every changed weight or comparison (%zu)", sh->nplayers);
		return;
	}
}

static const char *grouping_words(enum diff_grouping g)
{
	return g == DIFF_GROUP_SUBJECT ? "by criterion and question" : "by kind";
}

void diff_write_sessions_text(struct strbuf *out, long long id1, const struct criteria *a, long long id2,
                             const struct criteria *b, const struct session_diff *sd)
{
	struct strbuf line;
	static const char *const heads[] = { "Criteria text", "Names", "Answers", "Weights" };
	text_format(out, "Session %lld -> session %lld\n", id1, id2);
	for (int sec = 0; sec < 4; sec++) {
		int any = 0;
		for (size_t i = 0; i < sd->diff.n; i++) {
			enum diff_kind k = sd->diff.items[i].kind;
			int in = sec == 0 ? k < DIFF_SESSION_TEXT : sec == 1 ? k == DIFF_SESSION_TEXT
			         : sec == 2 ? k == DIFF_ANSWER : k > DIFF_ANSWER;
			if (!in)
				continue;
			if (!any)
				text_format(out, "\n%s:\n", heads[sec]);
			any = 1;
			strbuf_init(&line);
			item_words(&line, a, b, &sd->diff.items[i]);
			put_line(out, "  ", &line);
		}
	}
	if (!sd->diff.n)
		text_format(out, "\nThe two sessions have the same criteria text and answers.\n");
	text_format(out, "\nResult:\n");
	const struct result *rs[2] = { &sd->old_result, &sd->new_result };
	enum score_status st[2] = { sd->st_old, sd->st_new };
	const struct criteria *cs[2] = { a, b };
	long long ids[2] = { id1, id2 };
	for (int i = 0; i < 2; i++) {
		strbuf_init(&line);
		text_format(&line, "session %lld: ", ids[i]);
		if (st[i] == SCORE_OK)
			score_outcome_text(&line, cs[i], rs[i]->winner, rs[i]->strength, rs[i]->margin);
		else
			strbuf_puts(&line, score_status_message(st[i]));
		put_line(out, "  ", &line);
	}
	if (sd->refusal == DIFF_ATTRIBUTED) {
		char from[32], to[32], ch[32];
		text_format(out, "\nHow each difference moved the margin, %s minus %s, "
		                  "in points (from %s to %s: a change of %s):\n", b->options[sd->first].name,
		                  b->options[sd->second].name, signed_points(from, sizeof from, sd->from),
		                  signed_points(to, sizeof to, sd->to),
		                  signed_points(ch, sizeof ch, sd->to - sd->from));
		if (sd->grouping != DIFF_GROUP_NONE)
			text_format(out, "  (%zu changed inputs, more than %d: grouped %s; each "
			                  "group's share is exact for the grouped inputs)\n", sd->nplayers,
			                  DIFF_MAX_PLAYERS, grouping_words(sd->grouping));
		if (!sd->nshares)
			text_format(out, "  nothing that differs can move a score\n");
		size_t *order = share_order(sd);
		for (size_t k = 0; k < sd->nshares; k++) {
			const struct diff_share *sh = &sd->shares[order[k]];
			char v[32];
			strbuf_init(&line);
			text_format(&line, "%6s  ", signed_points(v, sizeof v, sh->value));
			share_words(&line, a, b, sd, sh);
			put_line(out, "  ", &line);
		}
		free(order);
	} else {
		text_format(out, "\nNo share of the margin for each difference: %s.\n",
		                  sd->refusal == DIFF_OPTIONS_DIFFER
		                  ? "the two criteria texts do not offer the same options"
		                  : "a session cannot be scored");
	}
	char sentence[1024];
	diff_sentence(a, b, sd, sentence, sizeof sentence);
	strbuf_init(&line);
	strbuf_puts(&line, sentence);
	text_format(out, "\n");
	put_line(out, "", &line);
}

/* ---- the sentence ---- */

/* The label of criterion ID's effective weight in R on C, or NULL. */
static const char *weight_label(const struct criteria *c, const struct result *r, const char *id)
{
	int k = criteria_criterion_index(c, id);
	return k >= 0 ? criteria_weight_label(c, r->weights[k]) : NULL;
}

/* Why share SH moved the margin, as a clause: "Syntax went from Minor to
 * Critical". */
static void share_clause(struct strbuf *b, const struct criteria *a, const struct criteria *nb,
                         const struct session_diff *sd, const struct diff_share *sh)
{
	const struct diff_item *it = &sd->diff.items[sh->item];
	char n1[32], n2[32];
	if (sh->kind == SHARE_CRITERION || sh->kind == SHARE_QUESTION) {
		text_format(b, "the changes to %s", sh->name);
		return;
	}
	if (sh->kind == SHARE_CRITERIA_TEXT) {
		strbuf_puts(b, "the changes to the criteria text");
		return;
	}
	if (sh->kind == SHARE_ANSWERS) {
		strbuf_puts(b, "the changed answers");
		return;
	}
	if (sh->kind == SHARE_WEIGHTS) {
		strbuf_puts(b, "the changed weights");
		return;
	}
	switch (it->kind) {
	case DIFF_ANSWER:
		if (!it->new_text)
			text_format(b, "%s is no longer answered", it->name);
		else if (!it->old_text)
			text_format(b, "%s is now answered “%s”", it->name, it->new_text);
		else
			text_format(b, "%s went from “%s” to “%s”", it->name, it->old_text, it->new_text);
		return;
	case DIFF_WEIGHT: {
		const char *l1 = weight_label(a, &sd->old_result, it->id);
		const char *l2 = weight_label(nb, &sd->new_result, it->id);
		if (l1 && l2)
			text_format(b, "%s went from %s to %s", it->name, l1, l2);
		else
			text_format(b, "the weight of %s changed", it->name);
		return;
	}
	case DIFF_DEFAULT_WEIGHT:
		text_format(b, "the default weight of %s went from %s to %s", it->name,
		            criteria_weight_label(a, it->old_value),
		            criteria_weight_label(nb, it->new_value));
		return;
	case DIFF_RATING:
		text_format(b, "%s's rating on %s went from %s to %s", it->option_name, it->name,
		            score_number(n1, sizeof n1, it->old_value, 2),
		            score_number(n2, sizeof n2, it->new_value, 2));
		return;
	case DIFF_CRITERION_ADDED:
		text_format(b, "%s was added", it->name);
		return;
	case DIFF_CRITERION_REMOVED:
		text_format(b, "%s was removed", it->name);
		return;
	case DIFF_QUESTION_EFFECTS:
		text_format(b, "the answers to %s now do otherwise", it->name);
		return;
	case DIFF_SCALE:
		text_format(b, "the scale went from %s to %s", it->old_text, it->new_text);
		return;
	case DIFF_WEIGHING:
		if (strcmp(it->field, "method") == 0)
			text_format(b, "the weighing went from %s to %s", weighing_words(it->old_text),
			            weighing_words(it->new_text));
		else
			strbuf_puts(b, "the comparisons changed");
		return;
	default:
		strbuf_puts(b, "the comparisons changed");
		return;
	}
}

int diff_sentence(const struct criteria *a, const struct criteria *nb,
                  const struct session_diff *sd, char *buf, size_t len)
{
	struct strbuf b;
	strbuf_init(&b);
	if (sd->refusal != DIFF_ATTRIBUTED) {
		strbuf_puts(&b, sd->diff.n ? "The results cannot be compared difference by difference."
		                           : "The two sessions have the same inputs.");
		return strbuf_copy_out(&b, buf, len);
	}
	const struct result *r1 = &sd->old_result, *r2 = &sd->new_result;
	double change = sd->to - sd->from;
	const char *w1 = r1->winner >= 0 ? a->options[r1->winner].id : NULL;
	const char *w2 = r2->winner >= 0 ? nb->options[r2->winner].id : NULL;
	int same = (!w1 && !w2) || (w1 && w2 && strcmp(w1, w2) == 0);
	char pts[32];
	score_points(pts, sizeof pts, fabs(change));
	if (fabs(change) < 0.05 || !sd->nshares) {
		if (!sd->diff.n)
			strbuf_puts(&b, "The two sessions have the same inputs.");
		else if (w2 && same)
			text_format(&b, "%s still wins, by the same margin over %s: nothing that changed "
			            "moved it.", nb->options[sd->first].name, nb->options[sd->second].name);
		else if (same)
			strbuf_puts(&b, "It is still too close to call: nothing that changed moved it.");
		else
			strbuf_puts(&b, "The result changed, though no difference moved the margin "
			                "by a tenth of a point.");
		return strbuf_copy_out(&b, buf, len);
	}
	if (w2 && !same)
		text_format(&b, "%s now wins because ", nb->options[r2->winner].name);
	else if (w2 && change > 0)
		text_format(&b, "%s still wins, %s points further ahead of %s, because ",
		            nb->options[sd->first].name, pts, nb->options[sd->second].name);
	else if (w2)
		text_format(&b, "%s still wins, but %s points less ahead of %s, because ",
		            nb->options[sd->first].name, pts, nb->options[sd->second].name);
	else if (w1)
		strbuf_puts(&b, "It is now too close to call because ");
	else
		text_format(&b, "It is still too close to call; %s moved %s points %s %s because ",
		            nb->options[sd->first].name, pts, change > 0 ? "towards" : "away from",
		            nb->options[sd->second].name);
	/* The clauses: the shares that moved the margin the way it went,
	 * largest first, at most two. */
	size_t *order = share_order(sd);
	size_t said = 0;
	for (size_t k = 0; k < sd->nshares && said < 2; k++) {
		const struct diff_share *sh = &sd->shares[order[k]];
		if (sh->value * change <= 0 || fabs(sh->value) < 0.005)
			continue;
		if (said)
			strbuf_puts(&b, " and ");
		share_clause(&b, a, nb, sd, sh);
		said++;
	}
	free(order);
	strbuf_putc(&b, '.');
	return strbuf_copy_out(&b, buf, len);
}

/* ---- the sessions diff as JSON ---- */

static json_t *session_json(long long id, const struct criteria *c, enum score_status st,
                            const struct result *r)
{
	json_t *o = json_object();
	set(o, "session", json_integer(id));
	set(o, "criteria", set_json(NULL, c));
	json_object_del(json_object_get(o, "criteria"), "file");
	if (st != SCORE_OK) {
		set(o, "error", json_string(score_status_message(st)));
		return o;
	}
	set(o, "winner", r->winner >= 0 ? json_string(c->options[r->winner].id) : json_null());
	set(o, "strength", json_string(strength_name(r->strength)));
	set(o, "margin", json_real(r->margin));
	json_t *rank = json_array();
	for (size_t k = 0; k < r->noptions; k++) {
		json_t *x = json_object();
		size_t j = r->ranking[k];
		set(x, "option", json_string(c->options[j].id));
		set(x, "name", text_or_null(c->options[j].name));
		set(x, "score", json_real(r->scores[j]));
		json_array_append_new(rank, x);
	}
	set(o, "ranking", rank);
	return o;
}

static const char *share_kind_key(enum diff_share_kind k)
{
	switch (k) {
	case SHARE_ITEM:
		return "difference";
	case SHARE_CRITERION:
		return "criterion";
	case SHARE_QUESTION:
		return "question";
	case SHARE_CRITERIA_TEXT:
		return "criteria_text";
	case SHARE_ANSWERS:
		return "answers";
	case SHARE_WEIGHTS:
		break;
	}
	return "weights";
}

json_t *diff_sessions_json(long long id1, const struct criteria *a, long long id2,
                           const struct criteria *b, const struct session_diff *sd)
{
	json_t *root = json_object();
	set(root, "version", json_integer(DIFF_JSON_VERSION));
	set(root, "old", session_json(id1, a, sd->st_old, &sd->old_result));
	set(root, "new", session_json(id2, b, sd->st_new, &sd->new_result));
	const size_t *share_of = sd->refusal == DIFF_ATTRIBUTED ? sd->player_share : NULL;
	json_t *arr = json_array();
	for (size_t i = 0; i < sd->diff.n; i++)
		json_array_append_new(arr, item_json(&sd->diff.items[i], share_of));
	set(root, "differences", arr);
	if (sd->refusal == DIFF_ATTRIBUTED) {
		json_t *at = json_object();
		set(at, "method", json_string("shapley"));
		set(at, "first", json_string(b->options[sd->first].id));
		set(at, "second", json_string(b->options[sd->second].id));
		set(at, "from", json_real(sd->from));
		set(at, "to", json_real(sd->to));
		set(at, "change", json_real(sd->to - sd->from));
		set(at, "inputs", json_integer((json_int_t)sd->nplayers));
		set(at, "grouping", json_string(sd->grouping == DIFF_GROUP_NONE ? "none"
		                                : sd->grouping == DIFF_GROUP_SUBJECT ? "subject"
		                                                                     : "kind"));
		json_t *shares = json_array();
		for (size_t s = 0; s < sd->nshares; s++) {
			const struct diff_share *sh = &sd->shares[s];
			json_t *o = json_object();
			set(o, "kind", json_string(share_kind_key(sh->kind)));
			set(o, "difference", sh->kind == SHARE_ITEM ? json_integer(sh->item) : json_null());
			set(o, "id", text_or_null(sh->id));
			set(o, "name", text_or_null(sh->name));
			set(o, "inputs", json_integer((json_int_t)sh->nplayers));
			set(o, "value", json_real(sh->value));
			json_array_append_new(shares, o);
		}
		set(at, "shares", shares);
		set(root, "attribution", at);
		set(root, "refused", json_null());
	} else {
		set(root, "attribution", json_null());
		set(root, "refused", json_string(sd->refusal == DIFF_OPTIONS_DIFFER ? "options-differ"
		                                                                     : "not-scored"));
	}
	char sentence[1024];
	diff_sentence(a, b, sd, sentence, sizeof sentence);
	set(root, "sentence", text_or_null(sentence));
	return root;
}
