/* screen_help.c - the keys of the screen it was called from, generated from
 * the key table, so it says what the keys do. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glossary.h"
#include "score_format.h"
#include "tui/draw.h"
#include "xalloc.h"

#define HELP_TERMS_MAX 64

struct help_state {
	enum screen_id from;    /* the screen it was called from, beneath it */
	int scroll;
	size_t terms[HELP_TERMS_MAX];   /* glossary terms on that screen */
	size_t nterms;
};

/* The glossary terms on the screen as it stands, for the help to define:
 * the text is read back from the terminal's window, so that what counts is
 * exactly what the person sees. */
static void glossary_of_screen(struct tui *t, struct help_state *h)
{
	h->nterms = 0;
	const struct criteria *c = t->flow.c;
	if (!c || !c->nglossary)
		return;
	size_t room = (size_t)t->rows * ((size_t)t->cols * MB_LEN_MAX + 1) + 1;
	char *text = xmalloc(room);
	wchar_t *line = xcalloc((size_t)t->cols + 1, sizeof *line);
	size_t used = 0;
	for (int y = 0; y < t->rows; y++) {
		if (mvwinnwstr(stdscr, y, 0, line, t->cols) == ERR)
			continue;
		/* Character by character, so that one the locale cannot write
		 * (curly quotes, bars, in a non-UTF-8 locale) costs only itself. */
		for (const wchar_t *w = line; *w; w++) {
			int n = wctomb(text + used, *w);
			if (n < 0)
				text[used++] = ' ';
			else
				used += (size_t)n;
		}
		text[used++] = '\n';
	}
	text[used] = '\0';
	size_t n = glossary_find(c, text, h->terms, HELP_TERMS_MAX);
	h->nterms = n < HELP_TERMS_MAX ? n : HELP_TERMS_MAX;
	free(text);
	free(line);
}

static void help_enter(struct tui *t, void *state)
{
	struct help_state *h = state;
	h->from = tui_under(t);
	h->scroll = 0;
	glossary_of_screen(t, h);
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
	{ KC_RESULTS, "methods", "Three ways of adding up the same ratings and weights: the "
	  "weighted sum (verdict's own: points added up), the weighted product (ratings "
	  "multiplied, so that a very low rating weighs more) and TOPSIS (how close each option "
	  "comes to the best possible one, and how far from the worst). When all three name the "
	  "same winner, the recommendation does not hang on how the ratings are added up." },
	{ KC_PAIRWISE | KC_CONSISTENCY, "1 to 9", "How many times as much one matters as the "
	  "other: 1 equally, 3 a little more, 5 clearly more, 7 much more, 9 extremely more, "
	  "and 2, 4, 6 and 8 in between (Saaty's scale)." },
	{ KC_PAIRWISE, "enough for now", "The weights can be worked out once your answers link "
	  "every criterion, directly or through others; the comparisons left then only make "
	  "them surer, and the results say which one would help most." },
	{ KC_CONSISTENCY, "consistency ratio", "How well your answers agree with each other: "
	  "if A matters more than B and B more than C, A should matter more than C. 0 is "
	  "perfect; above 0.10 some answers pull against the others, and the hints name those "
	  "whose change would help most, with the value the rest of your answers suggest." },
	{ KC_TEAM, "group weights", "The weights the group is scored with: the mean of "
	  "everyone's weights, criterion by criterion (for people who all compared in pairs, "
	  "the geometric mean of their comparisons)." },
	{ KC_TEAM, "standard deviation", "How far the respondents' weights of a criterion lie "
	  "from their mean: 0 when everyone gave the same weight." },
	{ KC_TEAM, "consensus", "How alike the respondents' weights are, from 0 to 100% "
	  "(Goepel's AHP consensus indicator): 100% when everyone weighs the criteria alike." },
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

static void help_draw(struct tui *t, void *state)
{
	struct help_state *h = state;
	const struct screen_ops *from = tui_screen_ops(h->from);
	char title[64];
	snprintf(title, sizeof title, "Help: %s", from->name);
	draw_rule(t, 1, title, NULL);
	struct pane p;
	pane_init(&p, 3, 2, t->rows - 4, t->cols - 4, h->scroll);
	pane_wrapped(t, &p, 0, ROLE_NORMAL,
	             "verdict saves every answer the moment you give it: quit whenever you like "
	             "and pick up where you left off from the start screen.");
	pane_blank(&p);
	const struct criteria *c = t->flow.c;
	if (h->nterms && c) {
		pane_text(t, &p, 0, ROLE_GROUP, "Words on this screen");
		int namew = 0;
		for (size_t i = 0; i < h->nterms; i++) {
			int w = draw_width(c->glossary[h->terms[i]].term);
			namew = w > namew ? w : namew;
		}
		namew = namew > 20 ? 20 : namew;
		for (size_t i = 0; i < h->nterms; i++) {
			const struct glossary_entry *g = &c->glossary[h->terms[i]];
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
	if (h->from == SCREEN_START) {
		pane_blank(&p);
		pane_text(t, &p, 0, ROLE_GROUP, "In the project and respondent fields");
		list_keys(t, &p, KC_FIELD, 0, 16);
	}
	if (h->from == SCREEN_EXPORT) {
		pane_blank(&p);
		pane_text(t, &p, 0, ROLE_GROUP, "In the file name (Tab gets there)");
		list_keys(t, &p, KC_PATH, KC_EXPORT, 16);
		pane_blank(&p);
		pane_wrapped(t, &p, 0, ROLE_NORMAL,
		             "A name without a leading / is relative to the directory verdict was "
		             "started in; ~/ is your home directory. The full path shows under "
		             "the name.");
	}
	if (h->from == SCREEN_HISTORY) {
		pane_blank(&p);
		pane_text(t, &p, 0, ROLE_GROUP, "In the import dialog (i gets there)");
		list_keys(t, &p, KC_IMPORT, 0, 16);
		pane_blank(&p);
		pane_wrapped(t, &p, 0, ROLE_NORMAL,
		             "Type the name of a JSON report (verdict export --format json) or of "
		             "another verdict database, relative to the directory verdict was "
		             "started in (~/ is your home directory). Everything in it is imported "
		             "or nothing is: a damaged file or a conflict is shown in the dialog. "
		             "A session already here is skipped.");
	}
	if (h->from == SCREEN_HISTORY || h->from == SCREEN_EXPORT) {
		pane_blank(&p);
		pane_text(t, &p, 0, ROLE_GROUP, h->from == SCREEN_EXPORT
		          ? "When the file is there already" : "When asked to confirm");
		list_keys(t, &p, KC_CONFIRM, 0, 16);
	}
	pane_blank(&p);
	pane_wrapped(t, &p, 0, ROLE_DIM,
	             "The mouse works too: click a choice, a weight on the scale, or a key on "
	             "the bottom line.");
	pane_finish(t, &p, &h->scroll);
}

static void help_act(struct tui *t, void *state, enum action a, int arg)
{
	(void)arg;
	struct help_state *h = state;
	switch (a) {
	case ACT_LEAVE:
	case ACT_BACK:
	case ACT_ACCEPT:
		tui_close_over(t);
		break;
	default:
		keys_move_scroll(a, &h->scroll, t->rows - 6);
		break;
	}
	if (h->scroll < 0)
		h->scroll = 0;
}

const struct screen_ops screen_help_ops = {
	.name = "Help",
	.context = KC_HELP,
	.state_size = sizeof(struct help_state),
	.enter = help_enter,
	.draw = help_draw,
	.act = help_act,
};
