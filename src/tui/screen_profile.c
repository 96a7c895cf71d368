/* screen_profile.c - one profile question per screen, its choices as a menu,
 * with a last entry to skip it and keep the default weights. */
#include <stdio.h>

#include "tui/draw.h"
#include "tui/walk.h"

static const struct question *current(const struct tui *t, size_t *q)
{
	session_step_kind(t->flow.c, t->flow.s->weighting, t->flow.step, q);
	return &t->flow.c->questions[*q];
}

/* The rows for the question and its choices, above the bottom line. */
static int profile_room(const struct tui *t)
{
	return t->rows - 5;
}

static void profile_enter(struct tui *t, void *state)
{
	struct list_state *ls = state;
	size_t q;
	const struct question *qu = current(t, &q);
	int chosen = t->flow.s->choices[q];
	ls->cursor = chosen >= 0 ? chosen : (int)qu->nchoices;
	ls->scroll = 0;
	ls->reading = 0;
}

static void profile_draw(struct tui *t, void *state)
{
	struct list_state *ls = state;
	size_t q;
	const struct question *qu = current(t, &q);
	char right[64];
	snprintf(right, sizeof right, "question %zu of %zu", q + 1, t->flow.c->nquestions);
	draw_rule(t, 1, "About your project", right);
	int w = t->cols - 4;

	/* The question, then its choices and "skip": one text, scrolled to keep
	 * the highlight in view; up from the first choice reads the question
	 * above it to its start, however long it is. */
	struct pane p;
	pane_init(&p, 3, 2, profile_room(t), w, ls->scroll);
	pane_wrapped(t, &p, 0, ROLE_TITLE, qu->prompt);
	pane_wrapped(t, &p, 0, ROLE_DIM, "Your answer sets the starting weights of the points that "
	             "follow; you can still change each one.");
	pane_blank(&p);
	int chosen = t->flow.s->choices[q];
	int from = 0, to = 0;
	for (size_t i = 0; i <= qu->nchoices; i++) {
		int sel = (int)i == ls->cursor;
		int first = p.y;
		const char *label = i < qu->nchoices ? qu->choices[i].label
		                                     : "Skip this question (keep the default weights)";
		enum role role = sel ? ROLE_SELECTED : i < qu->nchoices ? ROLE_NORMAL : ROLE_DIM;
		int lines = draw_lines(label, w - 6);
		for (int l = 0; l < lines; l++) {
			int row = pane_row(&p, first + l);
			if (row < 0)
				continue;
			if (sel)
				draw_fill(t, row, 2, w, ROLE_SELECTED);
			hit_add(t, row, 2, w, ACT_PICK, (int)i);
		}
		pane_wrapped(t, &p, 6, role, label);
		if (sel) {
			from = first;
			to = first + lines;
		}
		int row = pane_row(&p, first);
		if (row >= 0) {
			if (sel)
				draw_text(t, row, 2, 2, ROLE_SELECTED, glyph(t, GLYPH_POINTER));
			int on = (int)i == chosen || (i == qu->nchoices && chosen < 0);
			draw_text(t, row, 4, 3, role, glyph(t, on ? GLYPH_RADIO_ON : GLYPH_RADIO_OFF));
		}
	}
	if (ls->reading && ls->scroll < from)
		from = ls->scroll;       /* scrolled up into the question */
	pane_follow(t, &p, from, to, &ls->scroll);
	pane_finish(t, &p, &ls->scroll);
}

static void profile_act(struct tui *t, void *state, enum action a, int arg)
{
	struct list_state *ls = state;
	size_t q;
	const struct question *qu = current(t, &q);
	int n = (int)qu->nchoices + 1;
	int *cur = &ls->cursor;
	int reading = ls->reading;
	ls->reading = 0;
	switch (a) {
	case ACT_PICK:
		if (arg < 0 || arg >= n)
			break;
		*cur = arg;
		/* fall through - a click answers */
	case ACT_ACCEPT:
		/* Not yet when a finished session asks where the change goes. */
		if (walk_set_choice(t, q, *cur < n - 1 ? *cur : SESSION_NO_CHOICE) == 0)
			walk_next(t);
		break;
	case ACT_BACK:
		walk_back(t);
		break;
	case ACT_UP:
	case ACT_PAGE_UP:
		/* On the first choice, up reads the question above it. */
		if (*cur == 0 && ls->scroll > 0) {
			ls->scroll -= a == ACT_UP ? 1 : profile_room(t) - 1;
			if (ls->scroll < 0)
				ls->scroll = 0;
			ls->reading = 1;
		} else if (*cur == 0 && reading) {
			ls->reading = 1;         /* at the top: stay there */
		} else {
			keys_move_cursor(a, cur, n, n, a == ACT_UP);
		}
		break;
	default:
		keys_move_cursor(a, cur, n, n, 1);
		break;
	}
}

const struct screen_ops screen_profile_ops = {
	.name = "Profile question",
	.context = KC_PROFILE,
	.state_size = sizeof(struct list_state),
	.enter = profile_enter,
	.draw = profile_draw,
	.act = profile_act,
};
