/* screen_weighing.c - before weighing, how: rating each criterion on the
 * scale, or comparing them two at a time (docs/scoring.md, "Comparing in
 * pairs"). The choice is saved at once, and can be changed from the review. */
#include <stdio.h>

#include "tui/draw.h"
#include "tui/walk.h"

static void weighing_enter(struct tui *t, void *state)
{
	struct list_state *ls = state;
	ls->cursor = t->flow.s->weighting == WEIGHTING_PAIRWISE;
	ls->scroll = 0;
}

/* The two ways, as their two paragraphs. */
static void way_texts(const struct tui *t, char title[2][160], char more[2][400])
{
	const struct criteria *c = t->flow.c;
	struct session_pairs p;
	session_pairs_init(&p, c);
	snprintf(title[0], 160, "Rate each criterion on the scale from %d to %d", c->scale.min,
	         c->scale.max);
	snprintf(more[0], 400, "%zu question%s, one for each criterion.", c->ncriteria,
	         c->ncriteria == 1 ? "" : "s");
	snprintf(title[1], 160, "Compare them two at a time");
	/* Nothing is weighed yet (walk_choosing()): how many link them all is
	 * the fewest before "enough". */
	size_t least = session_pairs_needed(&p, t->flow.s);
	snprintf(more[1], 400, "%zu comparison%s, each one line: which of two matters more and "
	         "how much. The first %zu link every criterion, and you can stop after them; the "
	         "rest make the weights surer, and verdict checks that your answers agree.",
	         p.n, p.n == 1 ? "" : "s", least);
	session_pairs_free(&p);
}

static void weighing_draw(struct tui *t, void *state)
{
	struct list_state *ls = state;
	draw_rule(t, 1, "How to weigh", NULL);
	int w = t->cols - 4;
	struct pane p;
	pane_init(&p, 3, 2, t->rows - 5, w, ls->scroll);
	pane_wrapped(t, &p, 0, ROLE_TITLE, "How would you like to say what matters to you?");
	pane_wrapped(t, &p, 0, ROLE_DIM, "Either way the results are worked out the same; you can "
	             "change this later from the review.");
	pane_blank(&p);
	char title[2][160], more[2][400];
	way_texts(t, title, more);
	int chosen = t->flow.s->weighting == WEIGHTING_PAIRWISE;
	int from = 0, to = 0;
	for (int i = 0; i < 2; i++) {
		int sel = i == ls->cursor, first = p.y;
		int lines = draw_lines(title[i], w - 6) + draw_lines(more[i], w - 6);
		for (int l = 0; l < lines; l++) {
			int row = pane_row(&p, first + l);
			if (row < 0)
				continue;
			if (sel)
				draw_fill(t, row, 2, w, ROLE_SELECTED);
			hit_add(t, row, 2, w, ACT_PICK, i);
		}
		pane_wrapped(t, &p, 6, sel ? ROLE_SELECTED : ROLE_NORMAL, title[i]);
		pane_wrapped(t, &p, 6, sel ? ROLE_SELECTED : ROLE_DIM, more[i]);
		if (sel) {
			from = first;
			to = first + lines;
		}
		int row = pane_row(&p, first);
		if (row >= 0) {
			if (sel)
				draw_text(t, row, 2, 2, ROLE_SELECTED, glyph(t, GLYPH_POINTER));
			draw_text(t, row, 4, 3, sel ? ROLE_SELECTED : ROLE_NORMAL,
			          glyph(t, i == chosen ? GLYPH_RADIO_ON : GLYPH_RADIO_OFF));
		}
		pane_blank(&p);
	}
	pane_follow(t, &p, from, to, &ls->scroll);
	pane_finish(t, &p, &ls->scroll);
}

static void weighing_act(struct tui *t, void *state, enum action a, int arg)
{
	struct list_state *ls = state;
	switch (a) {
	case ACT_PICK:
		if (arg < 0 || arg > 1)
			break;
		ls->cursor = arg;
		/* fall through - a click or a number answers */
	case ACT_ACCEPT:
		walk_set_weighting(t, ls->cursor ? WEIGHTING_PAIRWISE : WEIGHTING_RATINGS);
		break;
	case ACT_BACK:
		walk_back(t);
		break;
	default:
		keys_move_cursor(a, &ls->cursor, 2, 2, 1);
		break;
	}
}

const struct screen_ops screen_weighing_ops = {
	.name = "How to weigh",
	.context = KC_WEIGHING,
	.state_size = sizeof(struct list_state),
	.enter = weighing_enter,
	.draw = weighing_draw,
	.act = weighing_act,
};
