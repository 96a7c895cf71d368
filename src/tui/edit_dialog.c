/* edit_dialog.c - the question before a finished session is changed: its
 * answers are a record, so the change goes into a copy (the default) or into
 * the original, whose answers are kept as a revision first (walk.c makes the
 * change). A screen drawn over the step the change was made on. */
#include <stdio.h>

#include "tui/draw.h"
#include "tui/walk.h"

#define BOX_WIDTH 72            /* the dialog's width, at most */

struct edit_state {
	int cursor;             /* enum flow_where highlighted; a copy at first */
	int scroll;             /* in the dialog, on a small screen */
	struct flow_change change;      /* waiting to be made */
};

void edit_dialog_open(struct tui *t, struct flow_change ch)
{
	struct edit_state *e = tui_state(t, SCREEN_EDIT);
	e->cursor = FLOW_IN_COPY;
	e->scroll = 0;
	e->change = ch;
	tui_open_over(t, SCREEN_EDIT);
}

static void edit_draw(struct tui *t, void *state)
{
	struct edit_state *e = state;
	/* The step underneath, dimmed; only the dialog takes clicks. */
	tui_draw_under(t);
	t->nhits = 0;
	t->cursor_y = -1;
	draw_dim(t, 1, t->rows - 2);

	int w = t->cols - 4 < BOX_WIDTH ? t->cols - 4 : BOX_WIDTH;
	int x0 = (t->cols - w) / 2, inner = w - 4;
	char title[64], intro[200], where[2][300];
	snprintf(title, sizeof title, "Session %lld is finished", t->flow.id);
	snprintf(intro, sizeof intro, "Its answers are a record of what was decided. Where should "
	         "this change go?");
	snprintf(where[FLOW_IN_COPY], sizeof where[0], "In a copy: a new session with this change, "
	         "while session %lld stays as it was.", t->flow.id);
	snprintf(where[FLOW_IN_ORIGINAL], sizeof where[0], "In session %lld itself: its answers until "
	         "now are kept as a revision, which 'verdict revert' brings back.", t->flow.id);
	int lines[2], need = draw_lines(intro, inner) + 1;
	for (int i = 0; i < 2; i++) {
		lines[i] = draw_lines(where[i], inner - 5);
		need += lines[i];
	}
	/* Its text scrolls, keeping the highlight in view, when the screen
	 * is too small for all of it. */
	int room = t->rows - 2 - 5;
	int height = need < room ? need : room;
	int h = height + 5;             /* the borders, a blank, the buttons */
	int y0 = 1 + (t->rows - 2 - h) / 2;
	draw_box(t, y0, x0, h, w, title);

	struct pane p;
	pane_init(&p, y0 + 2, x0 + 2, height, inner, e->scroll);
	pane_wrapped(t, &p, 0, ROLE_NORMAL, intro);
	pane_blank(&p);
	int from = 0, to = 0;
	for (int i = 0; i < 2; i++) {
		int sel = i == e->cursor, first = p.y;
		for (int l = 0; l < lines[i]; l++) {
			int row = pane_row(&p, first + l);
			if (row < 0)
				continue;
			if (sel)
				draw_fill(t, row, x0 + 2, inner, ROLE_SELECTED);
			hit_add(t, row, x0 + 2, inner, ACT_PICK, i);
		}
		pane_wrapped(t, &p, 5, sel ? ROLE_SELECTED : ROLE_NORMAL, where[i]);
		/* The highlight's mark, and the key that makes the choice at once. */
		int row = pane_row(&p, first);
		if (row >= 0) {
			if (sel)
				draw_text(t, row, x0 + 2, 2, ROLE_SELECTED, glyph(t, GLYPH_POINTER));
			draw_text(t, row, x0 + 4, 1, sel ? ROLE_SELECTED : ROLE_KEY, i ? "o" : "c");
		}
		if (sel) {
			from = first;
			to = first + lines[i];
		}
	}
	pane_follow(t, &p, from, to, &e->scroll);
	pane_finish(t, &p, &e->scroll);

	/* The buttons, as in the export dialog. */
	int y = y0 + h - 2, end = x0 + w - 2;
	const char *labels[2][2] = { { "Esc", "Change nothing" }, { "Enter", "Change" } };
	enum action acts[2] = { ACT_LEAVE, ACT_ACCEPT };
	for (int i = 0; i < 2; i++) {
		int bw = 2 + draw_width(labels[i][0]) + 1 + draw_width(labels[i][1]) + 2;
		int x = end - bw;
		draw_text(t, y, x, 2, ROLE_NORMAL, "[ ");
		int kw = draw_text(t, y, x + 2, bw, ROLE_KEY, labels[i][0]);
		draw_text(t, y, x + 3 + kw, bw, ROLE_TITLE, labels[i][1]);
		draw_text(t, y, x + bw - 2, 2, ROLE_NORMAL, " ]");
		hit_add(t, y, x, bw, acts[i], 0);
		end = x - 2;
	}
}

/* Closes the dialog, then makes the change WHERE. */
static void make(struct tui *t, const struct edit_state *e, enum flow_where where)
{
	struct flow_change ch = e->change;
	tui_close_over(t);
	walk_edit_finished(t, ch, where);
}

static void edit_act(struct tui *t, void *state, enum action a, int arg)
{
	struct edit_state *e = state;
	switch (a) {
	case ACT_UP:
	case ACT_DOWN:
		e->cursor = !e->cursor;
		break;
	case ACT_PICK:
		if (arg == FLOW_IN_COPY || arg == FLOW_IN_ORIGINAL)
			make(t, e, (enum flow_where)arg);
		break;
	case ACT_ACCEPT:
		make(t, e, (enum flow_where)e->cursor);
		break;
	case ACT_LEAVE:
		tui_close_over(t);
		walk_edit_cancel(t);
		break;
	default:
		break;
	}
}

const struct screen_ops screen_edit_ops = {
	.name = "Change a finished session",
	.context = KC_EDIT,
	.state_size = sizeof(struct edit_state),
	.draw = edit_draw,
	.act = edit_act,
};
