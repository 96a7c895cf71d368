/* answers.c - the answers file: YAML text to a session. */
#include "answers.h"

#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "xalloc.h"
#include "yaml_core.h"
#include "yaml_tree.h"

static const char *const top_keys[] = {
	"criteria", "project", "respondent", "notes", "choices", "weights", NULL,
};

/* A plain scalar YAML reads as null (empty, ~ or null): "no answer". Quoted
 * or tagged empty text ("", !!str "") is not null but text, and an error
 * where an id is expected. */
static int is_null(const struct ynode *n)
{
	return n->kind == YNODE_SCALAR && n->plain && ycore_resolve(n->text) == YCORE_NULL;
}

/* "unknown WHAT 'WORD' in WHERE", with the nearest of NAMES as a hint. Once
 * D keeps no more errors, the message is only counted: no hint is sought
 * (NAMES may then be NULL). */
static void unknown_id(struct diags *d, const struct ynode *at, const char *what,
                       const char *where, const char *const *names, size_t count)
{
	const char *near = diags_full(d) ? NULL : schema_nearest(at->text, names, count);
	if (near)
		diags_add(d, at->line, at->column, "unknown %s '%s' in %s; did you mean '%s'?", what,
		          at->text, where, near);
	else
		diags_add(d, at->line, at->column, "unknown %s '%s' in %s", what, at->text, where);
}

/* The ids of C's questions or criteria, for hints. */
static const char **question_ids(const struct criteria *c)
{
	const char **ids = xcalloc(c->nquestions, sizeof *ids);
	for (size_t i = 0; i < c->nquestions; i++)
		ids[i] = c->questions[i].id;
	return ids;
}

static const char **criterion_ids(const struct criteria *c)
{
	const char **ids = xcalloc(c->ncriteria, sizeof *ids);
	for (size_t i = 0; i < c->ncriteria; i++)
		ids[i] = c->criteria[i].id;
	return ids;
}

static void load_choice(struct diags *d, const struct criteria *c, struct session *s, size_t q,
                        const struct ynode *v)
{
	const struct question *qu = &c->questions[q];
	if (is_null(v))
		return;         /* left unanswered */
	if (v->kind != YNODE_SCALAR) {
		diags_add(d, v->line, v->column, "'%s' must be a choice id, got %s", qu->id,
		          ynode_kind_name(v));
		return;
	}
	if (!*v->text) {
		diags_add(d, v->line, v->column, "'%s' must be a choice id, got empty text%s%s; to "
		          "leave the question unanswered, leave the value out or write ~", qu->id,
		          v->tag ? " tagged " : "", v->tag ? ynode_tag(v) : "");
		return;
	}
	int ch = criteria_choice_index(qu, v->text);
	if (ch >= 0) {
		s->choices[q] = ch;
		return;
	}
	const char **ids = xcalloc(qu->nchoices, sizeof *ids);
	for (size_t i = 0; i < qu->nchoices; i++)
		ids[i] = qu->choices[i].id;
	const char *near = diags_full(d) ? NULL : schema_nearest(v->text, ids, qu->nchoices);
	if (near)
		diags_add(d, v->line, v->column,
		          "question '%s' has no choice '%.80s'; did you mean '%s'?", qu->id, v->text,
		          near);
	else
		diags_add(d, v->line, v->column, "question '%s' has no choice '%.80s'", qu->id,
		          v->text);
	free(ids);
}

static void load_choices(struct diags *d, const struct criteria *c, struct session *s,
                         const struct ynode *n)
{
	if (is_null(n) || schema_expect_map(d, n, "choices"))
		return;
	const char **ids = NULL;        /* gathered for the first hint sought */
	for (size_t i = 0; i < n->count; i++) {
		int q = criteria_question_index(c, ynode_key(n, i)->text);
		if (q >= 0) {
			load_choice(d, c, s, (size_t)q, ynode_item(n, i));
			continue;
		}
		if (!ids && !diags_full(d))
			ids = question_ids(c);
		unknown_id(d, ynode_key(n, i), "question", "'choices'", ids, c->nquestions);
	}
	free(ids);
}

static void load_weights(struct diags *d, const struct criteria *c, struct session *s,
                         const struct ynode *n)
{
	if (is_null(n) || schema_expect_map(d, n, "weights"))
		return;
	const char **ids = NULL;        /* gathered for the first hint sought */
	for (size_t i = 0; i < n->count; i++) {
		int k = criteria_criterion_index(c, ynode_key(n, i)->text);
		if (k < 0) {
			if (!ids && !diags_full(d))
				ids = criterion_ids(c);
			unknown_id(d, ynode_key(n, i), "criterion", "'weights'", ids, c->ncriteria);
			continue;
		}
		if (is_null(ynode_item(n, i)))
			continue;       /* keeps its profile-adjusted default */
		double w;
		if (schema_number(d, ynode_item(n, i), ynode_key(n, i)->text, c->scale.min, c->scale.max, &w))
			continue;
		s->weights[k] = w;
		s->weight_set[k] = 1;
	}
	free(ids);
}

/* Copies text field KEY of ROOT into *FIELD, when given. */
static void load_text(struct diags *d, const struct ynode *root, const char *key, char **field)
{
	const struct ynode *v = ynode_get(root, key);
	const char *t = v ? schema_text(d, v, key) : NULL;
	if (t)
		*field = xstrdup(t);
}

void answers_read(struct diags *d, const struct criteria *c, struct session *s,
                  const struct ynode *choices, const struct ynode *weights)
{
	if (choices)
		load_choices(d, c, s, choices);
	if (weights)
		load_weights(d, c, s, weights);
}

struct session *answers_parse(const char *text, size_t len, const struct criteria *c,
                              struct diags *d)
{
	size_t errors_before = d->count + d->dropped;
	struct ytree tree;
	const struct ynode *root = yaml_tree_parse(&tree, text, len, d);
	if (!root)
		return NULL;
	struct session *s = session_new(c);
	if (root->kind != YNODE_MAP) {
		diags_add(d, root->line, root->column,
		          "the top level must be a mapping of keys (criteria, project, respondent, "
		          "notes, choices, weights), got %s", ynode_kind_name(root));
		goto done;
	}
	schema_unknown_keys(d, root, "the top level", top_keys);
	const struct ynode *v = ynode_get(root, "criteria");
	if (v) {
		const char *id = schema_id(d, v, "criteria");
		if (id && c->id && strcmp(id, c->id) != 0)
			diags_add(d, v->line, v->column,
			          "these answers are for criteria '%s', but the criteria loaded are '%s'",
			          id, c->id);
	}
	load_text(d, root, "project", &s->project);
	load_text(d, root, "respondent", &s->respondent);
	load_text(d, root, "notes", &s->notes);
	answers_read(d, c, s, ynode_get(root, "choices"), ynode_get(root, "weights"));
done:
	yaml_tree_free(&tree);
	if (d->count + d->dropped > errors_before) {
		session_free(s);
		return NULL;
	}
	return s;
}
