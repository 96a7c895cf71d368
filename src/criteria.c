/* criteria.c - the criteria model loaded from YAML text, every fault found
 * reported with its position. The calibration examples are loaded in
 * criteria_examples.c; questions asked of a loaded model are in
 * criteria_lookup.c. */
#include "criteria.h"

#include <stdlib.h>
#include <string.h>

#include "criteria_load.h"
#include "schema.h"
#include "session.h"
#include "xalloc.h"
#include "yaml_span.h"
#include "yaml_tree.h"

#define CRITERIA_MAX_CRITERIA 100000
#define SCALE_MAX_STEPS 100

static const char *const default_labels[] = {
	"Does not matter", "Minor", "Moderate", "Important", "Very important", "Critical",
};

static const char *const top_keys[] = {
	"verdict", "id", "title", "summary", "options", "scale", "criteria", "questions",
	"strength", "examples", "glossary", NULL,
};
static const char *const top_required[] = {
	"verdict", "id", "title", "options", "criteria", NULL,
};
static const char *const option_keys[] = { "id", "name", NULL };
static const char *const scale_keys[] = { "min", "max", "labels", NULL };
static const char *const strength_keys[] = { "tie", "leaning", "clear", NULL };
static const char *const criterion_keys[] = {
	"id", "name", "group", "question", "default_weight", "ratings", "why", "source", NULL,
};
enum { K_ID, K_NAME, K_GROUP, K_QUESTION, K_WEIGHT, K_RATINGS, K_WHY, K_SOURCE, CRITERION_KEYS };
static const int criterion_required[] = { K_ID, K_NAME, K_QUESTION, K_WEIGHT, K_RATINGS };
static const char *const question_keys[] = { "id", "prompt", "name", "choices", NULL };
static const char *const question_required[] = { "id", "prompt", "choices", NULL };
static const char *const choice_keys[] = { "id", "label", "name", "weights", "ratings", NULL };


/* ---- duplicate ids, found by sorting so that large sets stay fast ---- */


static int by_id_then_position(const void *a, const void *b)
{
	const struct id_at *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	if (c)
		return c;
	if (x->node->line != y->node->line)
		return x->node->line < y->node->line ? -1 : 1;
	return (x->node->column > y->node->column) - (x->node->column < y->node->column);
}

/* Reports every entry of IDS that repeats an earlier one ("duplicate WHAT
 * 'ID' (first given at line N)"), as an error of kind CODE. Returns how
 * many. */
size_t check_unique(struct diags *d, struct id_at *ids, size_t n, const char *what,
                    const char *code)
{
	size_t dups = 0;
	qsort(ids, n, sizeof *ids, by_id_then_position);
	for (size_t i = 1; i < n; i++) {
		if (strcmp(ids[i].id, ids[i - 1].id) != 0)
			continue;
		size_t first = i - 1;
		while (first > 0 && strcmp(ids[first - 1].id, ids[i].id) == 0)
			first--;
		diags_error(d, code, ids[i].node->line, ids[i].node->column,
			    "duplicate %s '%s' (first given at line %d)", what, ids[i].id,
			    ids[first].node->line);
		dups++;
	}
	return dups;
}

/* Checks that the ids of the items of LIST (IDS, NULL where invalid) are
 * unique. Returns how many repeat an earlier one. When INDEX is not NULL, the
 * same sort becomes the list's id index: by id, then in the list's order (an
 * item's id comes after the ids of the items before it in the text). */
static size_t check_list_ids(struct loader *L, const struct ynode *list, char *const *ids,
                             const char *what, struct criteria_id_index *index)
{
	struct id_at *at = xcalloc(list->count, sizeof *at);
	size_t n = 0;
	for (size_t i = 0; i < list->count; i++)
		if (ids[i])
			at[n++] = (struct id_at){ ids[i], ynode_get(ynode_item(list, i), "id"), i };
	char label[64];
	snprintf(label, sizeof label, "%s id", what);
	size_t dups = check_unique(L->d, at, n, label, "duplicate-id");
	if (index) {
		index->slots = xcalloc(n, sizeof *index->slots);
		for (size_t i = 0; i < n; i++)
			index->slots[i] = (struct criteria_id_slot){ at[i].id, at[i].index };
		index->n = n;
	}
	free(at);
	return dups;
}

/* ---- parts of the file ---- */

/* Reports an unknown option KEY, with the option it was meant to be (MEANT,
 * or -1 for the nearest, if any, or -2 for none) and every option id as a
 * hint. Returns the index of the option named in the hint, or -1. */
int unknown_option(struct loader *L, const struct ynode *key, const char *where, int meant)
{
	const struct criteria *c = L->c;
	diags_error(L->d, "unknown-option", key->line, key->column, "unknown option '%s' in %s",
	            key->text, where);
	if (L->d->last_dropped)
		return -1;      /* only counted: no hint is sought */
	const char *near = meant >= 0 ? L->option_ids[meant] : meant == -1
	                 ? schema_nearest(key->text, L->option_ids, c->noptions) : NULL;
	schema_hint_unknown(L->d, key->text, near, L->option_ids, c->noptions, "options");
	for (size_t o = 0; near && o < c->noptions; o++)
		if (L->option_ids[o] == near)
			return (int)o;
	return -1;
}

static void load_options(struct loader *L, const struct ynode *list)
{
	struct criteria *c = L->c;
	if (schema_expect_seq(L->d, list, "options"))
		return;
	if (list->count < CRITERIA_MIN_OPTIONS || list->count > CRITERIA_MAX_OPTIONS) {
		diags_error(L->d, "option-count", list->line, list->column, "'options' must list "
		            "from %d to %d options, got %zu", CRITERIA_MIN_OPTIONS,
		            CRITERIA_MAX_OPTIONS, (size_t)list->count);
		L->options_broken = 1;
		if (list->count > CRITERIA_MAX_OPTIONS)
			return;
	}
	c->options = xcalloc(list->count, sizeof *c->options);
	L->option_ids = xcalloc(list->count, sizeof *L->option_ids);
	c->noptions = list->count;
	char **ids = xcalloc(list->count, sizeof *ids);
	for (size_t i = 0; i < list->count; i++) {
		const struct ynode *o = ynode_item(list, i);
		L->option_ids[i] = "";
		if (schema_expect_map(L->d, o, "options item")) {
			L->options_broken = 1;
			continue;
		}
		schema_unknown_keys(L->d, o, "option", option_keys);
		schema_require(L->d, o, "option", option_keys, option_keys);
		c->options[i].id = schema_id(L->d, ynode_get(o, "id"), "id");
		c->options[i].name = schema_text(L->d, ynode_get(o, "name"), "name");
		L->option_ids[i] = c->options[i].id ? c->options[i].id : "";
		if (!c->options[i].id)
			L->options_broken = 1;
		ids[i] = c->options[i].id;
	}
	/* With a repeated option id, ratings cannot be matched to options:
	 * checking them would only echo this error. */
	if (check_list_ids(L, list, ids, "option", NULL))
		L->options_broken = 1;
	free(ids);
}

static void load_scale(struct loader *L, const struct ynode *n)
{
	struct scale *s = &L->c->scale;
	s->min = 0;
	s->max = 5;
	const struct ynode *labels = NULL;
	if (n && !schema_expect_map(L->d, n, "scale")) {
		schema_unknown_keys(L->d, n, "scale", scale_keys);
		long v;
		const struct ynode *min = ynode_get(n, "min"), *max = ynode_get(n, "max");
		if (min && !schema_integer(L->d, min, "min", 0, SCALE_MAX_STEPS - 1, &v))
			s->min = (int)v;
		if (max && !schema_integer(L->d, max, "max", 1, SCALE_MAX_STEPS, &v))
			s->max = (int)v;
		if (s->min >= s->max) {
			diags_error(L->d, "scale-order", n->line, n->column, "scale 'min' (%d) "
			            "must be less than 'max' (%d)", s->min, s->max);
			s->min = 0;
			s->max = 5;
		}
		labels = ynode_get(n, "labels");
	}
	size_t steps = (size_t)(s->max - s->min + 1);
	s->labels = xcalloc(steps, sizeof *s->labels);
	if (labels && !schema_expect_seq(L->d, labels, "labels")) {
		if (labels->count != steps)
			diags_error(L->d, "label-count", labels->line, labels->column,
			            "the scale runs from %d to %d, so 'labels' needs %zu labels, "
			            "got %zu", s->min, s->max, steps, (size_t)labels->count);
		for (size_t i = 0; i < labels->count && i < steps; i++)
			s->labels[i] = schema_text(L->d, ynode_item(labels, i), "labels item");
	}
	/* Steps without a label of their own get a plain one. */
	int is_default = s->min == 0 && s->max == 5;
	for (size_t i = 0; i < steps; i++) {
		if (s->labels[i])
			continue;
		char num[16];
		snprintf(num, sizeof num, "%d", s->min + (int)i);
		s->labels[i] = yaml_arena_strdup(&L->c->strings, is_default ? default_labels[i] : num);
	}
}

static void load_strength(struct loader *L, const struct ynode *n)
{
	struct strength_thresholds *t = &L->c->strength;
	*t = (struct strength_thresholds){ 0.5, 2.0, 8.0 };
	if (!n || schema_expect_map(L->d, n, "strength"))
		return;
	schema_unknown_keys(L->d, n, "strength", strength_keys);
	const struct ynode *v;
	if ((v = ynode_get(n, "tie")))
		schema_number(L->d, v, "tie", 0, 100, &t->tie);
	if ((v = ynode_get(n, "leaning")))
		schema_number(L->d, v, "leaning", 0, 100, &t->leaning);
	if ((v = ynode_get(n, "clear")))
		schema_number(L->d, v, "clear", 0, 100, &t->clear);
	if (!(t->tie <= t->leaning && t->leaning <= t->clear))
		diags_error(L->d, "strength-order", n->line, n->column,
			    "strength thresholds must rise: tie (%g) <= leaning (%g) <= clear (%g)",
			    t->tie, t->leaning, t->clear);
}

/* Where in the file a map lies, for messages: BEFORE, ID, AFTER. Only
 * written out when a message needs it. */
struct where {
	const char *before;
	const char *id;
	const char *after;
};

/* AT written into BUF (96 bytes). */
static const char *where_text(const struct where *at, char buf[96])
{
	snprintf(buf, 96, "%s%s%s", at->before, at->id, at->after);
	return buf;
}

/* The index of the option with id ID, or -1, as criteria_option_index()
 * gives it; option I is tried first, as maps keyed by option ids mostly list
 * them in order. */
static int option_at(const struct loader *L, const char *id, size_t i)
{
	const struct criteria *c = L->c;
	if (!L->options_broken && i < c->noptions && c->options[i].id &&
	    strcmp(c->options[i].id, id) == 0)
		return (int)i;
	return criteria_option_index(c, id);
}

/* The unknown keys of a map of ratings (UNKNOWN, N of them) reported, each
 * with the option it was most likely meant to be, which is then taken as
 * rated (SEEN[o] 3): a misspelt option is that option's rating given, and
 * its being missing is the same slip, said once. When all options must be
 * rated (ALL), one key like no option, with one option unrated, is that
 * option's ('og' for 'go'). */
static void unknown_ratings(struct loader *L, const struct ynode *n, const size_t *unknown,
                            size_t nunknown, int all, unsigned char *seen, const char *where)
{
	const struct criteria *c = L->c;
	/* Past the errors kept, the messages are only counted: no hint is
	 * sought. */
	const char **near = xcalloc(nunknown, sizeof *near);
	size_t unmatched = 0, unrated = 0;
	for (size_t u = 0; u < nunknown && !diags_full(L->d); u++) {
		near[u] = schema_nearest(ynode_key(n, unknown[u])->text, L->option_ids,
		                         c->noptions);
		unmatched += !near[u];
	}
	int lone = -1;
	for (size_t o = 0; all && o < c->noptions; o++) {
		int claimed = 0;
		for (size_t u = 0; u < nunknown && !claimed; u++)
			claimed = near[u] == L->option_ids[o];
		if (!seen[o] && !claimed) {
			unrated++;
			lone = (int)o;
		}
	}
	for (size_t u = 0; u < nunknown; u++) {
		int meant = -1;
		for (size_t o = 0; near[u] && o < c->noptions; o++)
			if (L->option_ids[o] == near[u])
				meant = (int)o;
		if (!near[u] && all && unmatched == 1 && unrated == 1 && !diags_full(L->d))
			meant = lone;
		unknown_option(L, ynode_key(n, unknown[u]), where, meant < 0 ? -2 : meant);
		if (meant >= 0 && !seen[meant])
			seen[meant] = 3;
	}
	free(near);
}

/* A map from option ids to ratings 0..10. With ALL, every option must be named;
 * RATINGS[i] is set for the options named and SEEN[i] marks them. */
static void load_ratings(struct loader *L, const struct ynode *n, const struct where *at,
                         int all, double *ratings, unsigned char *seen)
{
	char where[96];
	if (schema_expect_map(L->d, n, "ratings") || L->options_broken)
		return;
	size_t *unknown = NULL, nunknown = 0;
	for (size_t i = 0; i < n->count; i++) {
		int o = option_at(L, ynode_key(n, i)->text, i);
		if (o < 0) {
			if (!unknown)
				unknown = xcalloc(n->count, sizeof *unknown);
			unknown[nunknown++] = i;
			continue;
		}
		if (!schema_number(L->d, ynode_item(n, i), ynode_key(n, i)->text, 0, CRITERIA_RATING_MAX,
		                   &ratings[o]))
			seen[o] = 1;
		else
			seen[o] = 2;    /* named, but its value was wrong: reported already */
	}
	if (nunknown)
		unknown_ratings(L, n, unknown, nunknown, all, seen, where_text(at, where));
	free(unknown);
	if (!all)
		return;
	for (size_t o = 0; o < L->c->noptions; o++)
		if (!seen[o] && L->c->options[o].id)
			diags_error(L->d, "missing-rating", n->line, n->column,
			            "%s must rate every option: '%s' is missing",
			            where_text(at, where), L->c->options[o].id);
}

static void load_criterion(struct loader *L, const struct ynode *n, struct criterion *cr)
{
	struct criteria *c = L->c;
	if (schema_expect_map(L->d, n, "criteria item"))
		return;
	const struct ynode *f[CRITERION_KEYS];
	schema_fields(L->d, n, "criterion", criterion_keys, f);
	schema_require_found(L->d, n, "criterion", criterion_keys, f, criterion_required,
	                     sizeof criterion_required / sizeof criterion_required[0]);
	cr->id = schema_id(L->d, f[K_ID], "id");
	cr->name = schema_text(L->d, f[K_NAME], "name");
	cr->group = schema_text(L->d, f[K_GROUP], "group");
	cr->question = schema_text(L->d, f[K_QUESTION], "question");
	cr->source = schema_text(L->d, f[K_SOURCE], "source");
	const struct ynode *v;
	if ((v = f[K_WEIGHT]))
		schema_number(L->d, v, "default_weight", c->scale.min, c->scale.max,
		              &cr->default_weight);
	/* Kept with the model's strings: two allocations fewer per criterion. */
	cr->ratings = yaml_arena_calloc(&c->strings, c->noptions, sizeof *cr->ratings,
	                                _Alignof(double));
	cr->why = yaml_arena_calloc(&c->strings, c->noptions, sizeof *cr->why,
	                            _Alignof(char *));
	unsigned char seen[CRITERIA_MAX_OPTIONS] = { 0 };
	const char *id = cr->id ? cr->id : "this criterion";
	if ((v = f[K_RATINGS]))
		load_ratings(L, v, &(struct where){ "the ratings of '", id, "'" }, 1, cr->ratings,
		             seen);
	if ((v = f[K_WHY]) && !schema_expect_map(L->d, v, "why")) {
		char where[96];
		for (size_t i = 0; i < v->count; i++) {
			int o = option_at(L, ynode_key(v, i)->text, i);
			if (o < 0) {
				if (!L->options_broken) {
					const struct where at = { "'why' of '", id, "'" };
					unknown_option(L, ynode_key(v, i), where_text(&at, where),
					               -1);
				}
				continue;
			}
			/* A repeated key was reported by the tree; keep the last. */
			cr->why[o] = schema_text(L->d, ynode_item(v, i), "why");
		}
	}
}

static void load_criteria_list(struct loader *L, const struct ynode *list)
{
	struct criteria *c = L->c;
	if (schema_expect_seq(L->d, list, "criteria"))
		return;
	if (list->count == 0) {
		diags_error(L->d, "no-criteria", list->line, list->column, "'criteria' must list "
		            "at least one criterion");
		return;
	}
	if (list->count > CRITERIA_MAX_CRITERIA) {
		diags_error(L->d, "too-many-criteria", list->line, list->column,
		            "'criteria' lists %zu criteria; at most %d", (size_t)list->count,
		            CRITERIA_MAX_CRITERIA);
		return;
	}
	char **ids = xcalloc(list->count, sizeof *ids);
	if (L->streamed) {
		/* Loaded as the parse went; each item now holds only its id. */
		if (c->ncriteria != list->count) {
			L->stream_failed = 1;
			free(ids);
			return;
		}
		for (size_t i = 0; i < list->count; i++)
			ids[i] = c->criteria[i].id;
	} else {
		c->criteria = xcalloc(list->count, sizeof *c->criteria);
		c->ncriteria = list->count;
		for (size_t i = 0; i < list->count; i++) {
			load_criterion(L, ynode_item(list, i), &c->criteria[i]);
			ids[i] = c->criteria[i].id;
			if (!ids[i])
				L->criteria_broken = 1;
		}
	}
	check_list_ids(L, list, ids, "criterion", &c->criterion_ids);
	free(ids);
}

/* Reports an unknown criterion KEY, with the nearest criterion id as a hint;
 * nothing when a criterion's own id was invalid, as KEY may well be it. */
static void unknown_criterion(struct loader *L, const struct ynode *key, const char *where)
{
	if (L->criteria_broken)
		return;
	diags_error(L->d, "unknown-criterion", key->line, key->column,
		    "unknown criterion '%s' in %s", key->text, where);
	const char *best = NULL;
	/* Past the errors kept, the message is only counted: no hint is sought. */
	for (size_t i = 0; i < L->c->ncriteria && !best && !diags_full(L->d); i++) {
		const char *id = L->c->criteria[i].id;
		if (id && schema_nearest(key->text, &id, 1))
			best = id;
	}
	if (best)
		diags_hint(L->d, "did you mean '%s'?", best);
}

static void load_choice(struct loader *L, const struct ynode *n, struct choice *ch)
{
	struct criteria *c = L->c;
	if (schema_expect_map(L->d, n, "choices item"))
		return;
	schema_unknown_keys(L->d, n, "choice", choice_keys);
	static const char *const required[] = { "id", "label", NULL };
	schema_require(L->d, n, "choice", choice_keys, required);
	ch->id = schema_id(L->d, ynode_get(n, "id"), "id");
	ch->label = schema_text(L->d, ynode_get(n, "label"), "label");
	ch->name = schema_text(L->d, ynode_get(n, "name"), "name");
	char where[96];
	const struct ynode *w = ynode_get(n, "weights");
	if (w && !schema_expect_map(L->d, w, "weights")) {
		snprintf(where, sizeof where, "the weights of choice '%s'", ch->id ? ch->id : "");
		ch->deltas = xcalloc(w->count, sizeof *ch->deltas);
		double span = c->scale.max - c->scale.min;
		for (size_t i = 0; i < w->count; i++) {
			int k = criteria_criterion_index(c, ynode_key(w, i)->text);
			double delta;
			if (k < 0) {
				unknown_criterion(L, ynode_key(w, i), where);
				continue;
			}
			char key[96];
			snprintf(key, sizeof key, "%s (a weight change)", ynode_key(w, i)->text);
			if (schema_number(L->d, ynode_item(w, i), key, -span, span, &delta))
				continue;
			ch->deltas[ch->ndeltas++] = (struct weight_delta){ (size_t)k, delta };
		}
	}
	const struct ynode *r = ynode_get(n, "ratings");
	if (r && !schema_expect_map(L->d, r, "ratings")) {
		snprintf(where, sizeof where, "the ratings of choice '%s'", ch->id ? ch->id : "");
		ch->overrides = xcalloc(r->count * c->noptions, sizeof *ch->overrides);
		for (size_t i = 0; i < r->count; i++) {
			int k = criteria_criterion_index(c, ynode_key(r, i)->text);
			if (k < 0) {
				unknown_criterion(L, ynode_key(r, i), where);
				continue;
			}
			double ratings[CRITERIA_MAX_OPTIONS];
			unsigned char seen[CRITERIA_MAX_OPTIONS] = { 0 };
			load_ratings(L, ynode_item(r, i), &(struct where){ "", where, "" }, 0, ratings,
			             seen);
			for (size_t o = 0; o < c->noptions; o++)
				if (seen[o] == 1)
					ch->overrides[ch->noverrides++] =
						(struct rating_override){ (size_t)k, o, ratings[o] };
		}
	}
}

static void load_questions(struct loader *L, const struct ynode *list)
{
	struct criteria *c = L->c;
	if (!list || schema_expect_seq(L->d, list, "questions") || list->count == 0)
		return;
	c->questions = xcalloc(list->count, sizeof *c->questions);
	char **ids = xcalloc(list->count, sizeof *ids);
	c->nquestions = list->count;
	for (size_t i = 0; i < list->count; i++) {
		const struct ynode *n = ynode_item(list, i);
		struct question *q = &c->questions[i];
		if (schema_expect_map(L->d, n, "questions item"))
			continue;
		schema_unknown_keys(L->d, n, "question", question_keys);
		schema_require(L->d, n, "question", question_keys, question_required);
		q->id = ids[i] = schema_id(L->d, ynode_get(n, "id"), "id");
		q->prompt = schema_text(L->d, ynode_get(n, "prompt"), "prompt");
		q->name = schema_text(L->d, ynode_get(n, "name"), "name");
		const struct ynode *chs = ynode_get(n, "choices");
		if (!chs || schema_expect_seq(L->d, chs, "choices"))
			continue;
		if (chs->count < 2) {
			diags_error(L->d, "few-choices", chs->line, chs->column,
			            "'choices' must offer at least 2 choices, got %zu",
			            (size_t)chs->count);
			if (!chs->count)
				continue;
		}
		q->choices = xcalloc(chs->count, sizeof *q->choices);
		char **cids = xcalloc(chs->count, sizeof *cids);
		q->nchoices = chs->count;
		for (size_t j = 0; j < chs->count; j++) {
			load_choice(L, ynode_item(chs, j), &q->choices[j]);
			cids[j] = q->choices[j].id;
		}
		check_list_ids(L, chs, cids, "choice", NULL);
		free(cids);
	}
	check_list_ids(L, list, ids, "question", &c->question_ids);
	free(ids);
}

/* TERM as the glossary matches it: ASCII letters in lower case, each run of
 * white space one space. A new string. */
static char *term_key(const char *term)
{
	char *key = xmalloc(strlen(term) + 1), *o = key;
	for (const char *p = term + strspn(term, " \t\r\n"); *p;) {
		if (strchr(" \t\r\n", *p)) {
			p += strspn(p, " \t\r\n");
			if (*p)
				*o++ = ' ';
			continue;
		}
		*o++ = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
		p++;
	}
	*o = '\0';
	return key;
}

/* Terms that the help would match alike ("MVCC" and "mvcc") are one term
 * given twice. Exact repeats were reported already as duplicate keys. */
static void check_glossary_terms(struct loader *L, const struct ynode *n)
{
	struct id_at *at = xcalloc(n->count, sizeof *at);
	size_t k = 0;
	for (size_t i = 0; i < n->count; i++)
		if (ynode_key(n, i)->kind == YNODE_SCALAR) {
			at[k].id = term_key(ynode_key(n, i)->text);
			at[k++].node = ynode_key(n, i);
		}
	qsort(at, k, sizeof *at, by_id_then_position);
	for (size_t i = 1; i < k; i++) {
		size_t first = i;
		while (first > 0 && strcmp(at[first - 1].id, at[i].id) == 0)
			first--;
		if (first == i || strcmp(at[first].node->text, at[i].node->text) == 0)
			continue;
		diags_error(L->d, "duplicate-term", at[i].node->line, at[i].node->column,
			    "duplicate glossary term '%s': the help matches it as '%s' "
			    "(first given at line %d)", at[i].node->text, at[first].node->text,
			    at[first].node->line);
	}
	for (size_t i = 0; i < k; i++)
		free((char *)at[i].id);
	free(at);
}

static void load_glossary(struct loader *L, const struct ynode *n)
{
	struct criteria *c = L->c;
	if (!n || schema_expect_map(L->d, n, "glossary") || n->count == 0)
		return;
	check_glossary_terms(L, n);
	c->glossary = xcalloc(n->count, sizeof *c->glossary);
	for (size_t i = 0; i < n->count; i++) {
		struct glossary_entry *g = &c->glossary[c->nglossary];
		g->term = schema_text(L->d, ynode_key(n, i), "glossary term");
		g->definition = schema_text(L->d, ynode_item(n, i), ynode_key(n, i)->text);
		if (g->term && g->definition)
			c->nglossary++;
		else
			g->term = g->definition = NULL;
	}
}

/* The strengths an example allows: one name, or a list of them. */
/* Whether errors were found since the parse began. */
static int any_errors(const struct loader *L)
{
	return L->d->count + L->d->dropped > L->errors_before;
}

/* Loads ITEM, a criterion, as the parse goes, so that the tree need not hold
 * every criterion at once (yaml_tree.h, struct ytree_stream). This is only
 * ever a shortcut for a valid file: it needs the scale and the options
 * before the criteria, and at the first error the whole file is loaded again
 * from its complete tree (criteria_parse()), so that every message is what
 * that load gives, in its order. Returns 1 when it took ITEM. */
static int take_criterion(void *ctx, const struct ynode *item, const struct ynode *root_so_far)
{
	struct loader *L = ctx;
	struct criteria *c = L->c;
	if (L->stream_failed || (!L->streamed && any_errors(L)))
		return 0;
	if (!L->streamed) {
		const struct ynode *options = ynode_get(root_so_far, "options");
		if (!options)
			return 0;
		L->streamed = 1;
		L->root_pairs_seen = root_so_far->count;
		load_scale(L, ynode_get(root_so_far, "scale"));
		load_options(L, options);
		if (any_errors(L) || L->options_broken) {
			L->stream_failed = 1;
			return 0;
		}
	}
	if (c->ncriteria == L->criteria_cap) {
		L->criteria_cap = L->criteria_cap ? L->criteria_cap * 2 : 256;
		c->criteria = xreallocarray(c->criteria, L->criteria_cap, sizeof *c->criteria);
	}
	struct criterion *cr = &c->criteria[c->ncriteria++];
	memset(cr, 0, sizeof *cr);
	load_criterion(L, item, cr);
	if (any_errors(L) || !cr->id)
		L->stream_failed = 1;
	return 1;
}

/* Whether KEY is among the root's pairs from the FROMth on. */
static int root_key_from(const struct ynode *root, size_t from, const char *key)
{
	for (size_t i = from; i < root->count; i++)
		if (strcmp(ynode_key(root, i)->text, key) == 0)
			return 1;
	return 0;
}

/* One load of TEXT: with STREAM, criteria are loaded as the parse goes; then
 * *RETRY is set when that shortcut did not hold and the text must be loaded
 * again without it. */
static struct criteria *parse_once(const char *text, size_t len, struct diags *d, int stream,
                                   int *retry)
{
	struct criteria *c = xcalloc(1, sizeof *c);
	struct loader L = { .d = d, .c = c, .errors_before = d->count + d->dropped };
	struct ytree_stream how = { "criteria", "id", take_criterion, &L };
	struct ytree tree;
	*retry = 0;
	const struct ynode *root = yaml_tree_parse_stream(&tree, text, len, d,
	                                                  stream ? &how : NULL);
	if (!root) {
		*retry = L.streamed;
		free(L.option_ids);
		criteria_free(c);
		return NULL;
	}
	yaml_arena_join(&c->strings, yaml_tree_take_text(&tree));
	if (L.streamed && (L.stream_failed || root->kind != YNODE_MAP ||
	                   root_key_from(root, L.root_pairs_seen, "scale") ||
	                   root_key_from(root, L.root_pairs_seen, "options"))) {
		*retry = 1;
		goto done;
	}
	if (root->kind != YNODE_MAP) {
		diags_error(d, "top-level-type", root->line, root->column,
			    "the top level must be a mapping of keys (verdict, id, title, options, "
			    "criteria), got %s", ynode_kind_name(root));
		goto done;
	}
	schema_unknown_keys(d, root, "the top level", top_keys);
	schema_require(d, root, "the top level", top_keys, top_required);

	const struct ynode *v;
	long version;
	if ((v = ynode_get(root, "verdict"))) {
		if (v->kind == YNODE_SCALAR && v->plain && schema_is_id(v->text) &&
		    strspn(v->text, "0123456789") == strlen(v->text) && strlen(v->text) < 6 &&
		    atoi(v->text) != CRITERIA_VERSION)
			diags_error(d, "unsupported-version", v->line, v->column,
			            "unsupported format version 'verdict: %s': this verdict reads "
			            "version %d", v->text, CRITERIA_VERSION);
		else if (!schema_integer(d, v, "verdict", CRITERIA_VERSION, CRITERIA_VERSION, &version))
			c->version = (int)version;
	}
	c->id = schema_id(d, ynode_get(root, "id"), "id");
	c->title = schema_text(d, ynode_get(root, "title"), "title");
	c->summary = schema_text(d, ynode_get(root, "summary"), "summary");
	if (!L.streamed)
		load_scale(&L, ynode_get(root, "scale"));
	load_strength(&L, ynode_get(root, "strength"));
	/* Without the options (or the criteria), every rating (every reference
	 * to a criterion) would be an error that only echoes the missing key. */
	if (!L.streamed && (v = ynode_get(root, "options")))
		load_options(&L, v);
	else if (!L.streamed)
		L.options_broken = 1;
	if ((v = ynode_get(root, "criteria")))
		load_criteria_list(&L, v);
	else
		L.criteria_broken = 1;
	/* Examples' answers name questions: when 'questions' is misspelt,
	 * they are not checked against questions the file seems not to have. */
	L.questions_broken = schema_misspelt(root, "questions", top_keys);
	if (L.streamed && (L.stream_failed || any_errors(&L))) {
		*retry = 1;
		goto done;
	}
	load_questions(&L, ynode_get(root, "questions"));
	load_glossary(&L, ynode_get(root, "glossary"));
	load_examples(&L, ynode_get(root, "examples"));
	if (L.streamed && any_errors(&L))
		*retry = 1;
done:
	free(L.option_ids);
	yaml_tree_free(&tree);
	if (*retry || any_errors(&L)) {
		criteria_free(c);
		return NULL;
	}
	return c;
}

struct criteria *criteria_parse(const char *text, size_t len, struct diags *d)
{
	size_t count = d->count, dropped = d->dropped;
	int retry;
	struct criteria *c = parse_once(text, len, d, 1, &retry);
	if (retry) {
		diags_rewind(d, count, dropped);
		c = parse_once(text, len, d, 0, &retry);
	}
	yaml_spans(d, count, text, len);
	return c;
}

void criteria_free(struct criteria *c)
{
	if (!c)
		return;
	free(c->options);
	free(c->scale.labels);
	free(c->criteria);
	for (size_t i = 0; i < c->nquestions; i++) {
		struct question *q = &c->questions[i];
		for (size_t j = 0; j < q->nchoices; j++) {
			free(q->choices[j].deltas);
			free(q->choices[j].overrides);
		}
		free(q->choices);
	}
	free(c->questions);
	for (size_t i = 0; i < c->nexamples; i++)
		session_free(c->examples[i].answers);
	free(c->examples);
	free(c->glossary);
	free(c->criterion_ids.slots);
	free(c->question_ids.slots);
	yaml_arena_free(c->strings);
	free(c);
}
