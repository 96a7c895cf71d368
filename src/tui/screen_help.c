/* screen_help.c - the keys of the screen it was called from, generated from
 * the key table, so it says what the keys do. */
#include <stdio.h>
#include <string.h>

#include "score_format.h"
#include "tui/draw.h"

static void help_enter(struct tui *t)
{
	t->help_scroll = 0;
}

/* Lists the rows of the key table that apply in CONTEXT and not in EXCEPT. */
static void list_keys(struct tui *t, struct pane *p, unsigned context, unsigned except,
                      int namew)
{
	const struct criteria *c = t->flow.c;
	char digits[32], names[128], help[256];
	draw_digits(c, digits, sizeof digits);
	size_t i = 0;
	while (i < keys_count) {
		const struct key_binding *b = &keys_table[i];
		if (!(b->where & context) || (b->where & except) || !b->help) {
			i++;
			continue;
		}
		size_t next = keys_names(i, t->utf8, digits, names, sizeof names);
		keys_expand(b->help, t->utf8, digits, help, sizeof help);
		int row = pane_row(p, p->y);
		if (row >= 0)
			draw_text(t, row, p->left + 2, namew, ROLE_KEY, names);
		pane_wrapped(t, p, namew + 4, ROLE_NORMAL, help);
		i = next;
	}
}

/* verdict's own words, for the screens that use them. */
struct own_word {
	unsigned where;         /* KC_* contexts */
	const char *term;
	const char *meaning;
};

static const struct own_word own_words[] = {
	{ KC_RESULTS, "score", "How well an option meets what matters to you, from 0 to 100: "
	  "its ratings averaged, each counted as much as its weight." },
	{ KC_RESULTS, "margin", "The first option's score minus the second's, in points." },
	{ KC_RESULTS, "clearly, leaning", NULL },       /* the set's own limits */
	{ KC_RESULTS, "confidence", "How often the same result comes out when every weight is "
	  "moved at random by up to one step: a check on how much the answer hangs on exact "
	  "weights, not a chance of being right." },
	{ KC_RESULTS, "rating \u2192 points", "In the breakdown (Tab): the option's rating out of "
	  "10 on that point, then the points it adds to the score. \"Changes at\" is the "
	  "weight at which that point alone would change the result." },
	{ KC_REVIEW, "From", "Where each weight comes from: default is the criteria file's, "
	  "answers means your answers to the first questions moved it, yours is one you set." },
};

static void draw_own_words(struct tui *t, struct pane *p, unsigned context)
{
	const struct criteria *c = t->flow.c;
	int any = 0;
	for (size_t i = 0; i < sizeof own_words / sizeof own_words[0]; i++) {
		const struct own_word *w = &own_words[i];
		if (!(w->where & context))
			continue;
		if (!any)
			pane_text(t, p, 0, ROLE_GROUP, "verdict's words");
		any = 1;
		char limits[256];
		const char *meaning = w->meaning;
		if (!meaning) {
			const struct strength_thresholds *st = &c->strength;
			char clear[32], leaning[32];
			score_number(clear, sizeof clear, st->clear, 2);
			score_number(leaning, sizeof leaning, st->leaning, 2);
			snprintf(limits, sizeof limits, "A lead of %s point%s or more is clear, from %s "
			         "point%s leaning; below that it is too close to call.", clear,
			         strcmp(clear, "1") ? "s" : "", leaning, strcmp(leaning, "1") ? "s" : "");
			meaning = limits;
		}
		int row = pane_row(p, p->y);
		if (row >= 0)
			draw_text(t, row, p->left + 2, 18, ROLE_TITLE, w->term);
		pane_wrapped(t, p, 22, ROLE_NORMAL, meaning);
	}
	if (any)
		pane_blank(p);
}

static void help_draw(struct tui *t)
{
	const struct screen_ops *from = tui_screen_ops(t->help_from);
	char title[64];
	snprintf(title, sizeof title, "Help: %s", from->name);
	draw_rule(t, 1, title, NULL);
	struct pane p;
	pane_init(&p, 3, 2, t->rows - 4, t->cols - 4, t->help_scroll);
	pane_wrapped(t, &p, 0, ROLE_NORMAL,
	             "verdict saves every answer the moment you give it: quit whenever you like "
	             "and pick up where you left off from the start screen.");
	pane_blank(&p);
	const struct criteria *c = t->flow.c;
	if (t->nterms && c) {
		pane_text(t, &p, 0, ROLE_GROUP, "Words on this screen");
		int namew = 0;
		for (size_t i = 0; i < t->nterms; i++) {
			int w = draw_width(c->glossary[t->terms[i]].term);
			namew = w > namew ? w : namew;
		}
		namew = namew > 20 ? 20 : namew;
		for (size_t i = 0; i < t->nterms; i++) {
			const struct glossary_entry *g = &c->glossary[t->terms[i]];
			int row = pane_row(&p, p.y);
			if (row >= 0)
				draw_text(t, row, p.left + 2, namew, ROLE_TITLE, g->term);
			pane_wrapped(t, &p, namew + 4, ROLE_NORMAL, g->definition);
		}
		pane_blank(&p);
	}
	draw_own_words(t, &p, from->context);
	pane_text(t, &p, 0, ROLE_GROUP, "Keys on this screen");
	list_keys(t, &p, from->context, 0, 16);
	if (t->help_from == SCREEN_START) {
		pane_blank(&p);
		pane_text(t, &p, 0, ROLE_GROUP, "In the project and respondent fields");
		list_keys(t, &p, KC_FIELD, 0, 16);
	}
	if (t->help_from == SCREEN_EXPORT) {
		pane_blank(&p);
		pane_text(t, &p, 0, ROLE_GROUP, "In the file name (Tab gets there)");
		list_keys(t, &p, KC_PATH, KC_EXPORT, 16);
		pane_blank(&p);
		pane_wrapped(t, &p, 0, ROLE_NORMAL,
		             "A name without a leading / is relative to the directory verdict was "
		             "started in; ~/ is your home directory. The full path shows under "
		             "the name.");
	}
	if (t->help_from == SCREEN_HISTORY || t->help_from == SCREEN_EXPORT) {
		pane_blank(&p);
		pane_text(t, &p, 0, ROLE_GROUP, t->help_from == SCREEN_EXPORT
		          ? "When the file is there already" : "When asked to confirm");
		list_keys(t, &p, KC_CONFIRM, 0, 16);
	}
	pane_blank(&p);
	pane_wrapped(t, &p, 0, ROLE_DIM,
	             "The mouse works too: click a choice, a weight on the scale, or a key on "
	             "the bottom line.");
	pane_finish(t, &p, &t->help_scroll);
}

static void help_act(struct tui *t, enum action a, int arg)
{
	(void)arg;
	switch (a) {
	case ACT_LEAVE:
	case ACT_BACK:
	case ACT_ACCEPT:
		t->screen = t->help_from;
		break;
	default:
		keys_move_scroll(a, &t->help_scroll, t->rows - 6);
		break;
	}
	if (t->help_scroll < 0)
		t->help_scroll = 0;
}

const struct screen_ops screen_help_ops = {
	.name = "Help",
	.context = KC_HELP,
	.enter = help_enter,
	.draw = help_draw,
	.act = help_act,
};
