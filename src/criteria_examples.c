/* criteria_examples.c - a criteria set's calibration examples: each a set of
 * answers and what the set must conclude from them (docs/criteria-format.md),
 * loaded and checked with the rest of the file (criteria.c). */
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "criteria_load.h"
#include "schema.h"
#include "session.h"
#include "xalloc.h"

static const char *const example_keys[] = {
	"name", "choices", "weights", "expect_winner", "expect_strength", NULL,
};
static const char *const example_required[] = { "name", "expect_winner", NULL };

static unsigned load_expected_strengths(struct loader *L, const struct ynode *n)
{
	static const char *const names[] = { "clear", "leaning", "too-close" };
	static const unsigned bits[] = { EXPECT_CLEAR, EXPECT_LEANING, EXPECT_TOO_CLOSE };
	unsigned set = 0;
	size_t count = n->kind == YNODE_SEQ ? n->count : 1;
	if (n->kind == YNODE_MAP || (n->kind == YNODE_SEQ && n->count == 0)) {
		diags_error(L->d, "bad-strength", n->line, n->column, "'expect_strength' must be "
		            "a strength (clear, leaning, too-close) or a list of them, got %s",
		            n->kind == YNODE_MAP ? "a mapping" : "an empty list");
		return 0;
	}
	for (size_t i = 0; i < count; i++) {
		const struct ynode *v = n->kind == YNODE_SEQ ? ynode_item(n, i) : n;
		size_t k = 0;
		while (k < 3 && !(v->kind == YNODE_SCALAR && strcmp(v->text, names[k]) == 0))
			k++;
		if (k < 3) {
			set |= bits[k];
			continue;
		}
		if (v->kind != YNODE_SCALAR) {
			diags_error(L->d, "bad-strength", v->line, v->column, "'expect_strength' "
			            "must be clear, leaning or too-close, got %s",
			            ynode_kind_name(v));
			continue;
		}
		diags_error(L->d, "bad-strength", v->line, v->column, "'expect_strength' must be "
			    "clear, leaning or too-close, got '%s'", v->text);
		const char *near = schema_nearest(v->text, names, 3);
		if (near)
			diags_hint(L->d, "did you mean '%s'?", near);
	}
	return set;
}

static void load_example(struct loader *L, const struct ynode *n, struct criteria_example *ex)
{
	struct criteria *c = L->c;
	ex->line = n->line;
	ex->column = n->column;
	ex->expect_winner = EXPECT_NO_WINNER;
	int said_none = 0;
	if (schema_expect_map(L->d, n, "examples item"))
		return;
	schema_unknown_keys(L->d, n, "example", example_keys);
	schema_require(L->d, n, "example", example_keys, example_required);
	ex->name = schema_text(L->d, ynode_get(n, "name"), "name");
	const struct ynode *v = ynode_get(n, "expect_winner");
	if (v && !L->options_broken) {
		if (v->kind == YNODE_SCALAR && strcmp(v->text, "none") == 0) {
			ex->expect_winner = EXPECT_NO_WINNER;
			said_none = 1;
			if (criteria_option_index(c, "none") >= 0)
				diags_error(L->d, "none-is-option", v->line, v->column,
				            "'expect_winner: none' means no winner, but 'none' is "
				            "also an option id here: rename the option");
		} else if (v->kind != YNODE_SCALAR) {
			diags_error(L->d, "wrong-type", v->line, v->column, "'expect_winner' must "
			            "be an option id or 'none', got %s", ynode_kind_name(v));
		} else if ((ex->expect_winner = criteria_option_index(c, v->text)) < 0) {
			ex->expect_winner = EXPECT_NO_WINNER;
			unknown_option(L, v, "'expect_winner' (an option id, or 'none' for too "
			               "close to call)", -1);
		}
	}
	if ((v = ynode_get(n, "expect_strength"))) {
		ex->expect_strengths = load_expected_strengths(L, v);
		/* No winner is always too close to call. */
		if (said_none && ex->expect_strengths && !(ex->expect_strengths & EXPECT_TOO_CLOSE))
			diags_error(L->d, "impossible-strength", v->line, v->column,
			            "'expect_strength' can only be too-close when 'expect_winner' "
			            "is none: with no winner the options are too close to call");
	}
	if (L->criteria_broken || L->options_broken || L->questions_broken)
		return;
	ex->answers = session_new(c);
	answers_read(L->d, c, ex->answers, ynode_get(n, "choices"), ynode_get(n, "weights"));
}

void load_examples(struct loader *L, const struct ynode *list)
{
	struct criteria *c = L->c;
	if (!list || schema_expect_seq(L->d, list, "examples") || list->count == 0)
		return;
	c->examples = xcalloc(list->count, sizeof *c->examples);
	c->nexamples = list->count;
	struct id_at *names = xcalloc(list->count, sizeof *names);
	size_t k = 0;
	for (size_t i = 0; i < list->count; i++) {
		load_example(L, ynode_item(list, i), &c->examples[i]);
		if (c->examples[i].name)
			names[k++] = (struct id_at){ c->examples[i].name,
			                             ynode_get(ynode_item(list, i), "name"), i };
	}
	/* Messages name an example by its name: each must be its own. */
	check_unique(L->d, names, k, "example name", "duplicate-name");
	free(names);
}
