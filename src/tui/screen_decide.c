/* screen_decide.c - the dialog that records the decision, over the results:
 * the option actually chosen (the advice's winner highlighted first) and,
 * if wanted, why; saved at once through the flow (flow_decide()), then shown
 * on the results beside the advice. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/field.h"
#include "tui/walk.h"

#define BOX_WIDTH 72            /* the dialog's width, at most */
#define LABEL_WIDTH 10          /* "Chosen" and "Why", and the gap after them */
#define PICK_NOTE 1000          /* a click on the note; below it, the options */
#define NOTE_MAX 400            /* characters in the note */

struct decide_state {
	int cursor;             /* the option highlighted */
	int scroll;             /* the first option shown, when they do not all fit */
	int part;               /* 0 the options, 1 the note */
	struct text_field note;
};

static void decide_init(struct tui *t, void *state)
{
	(void)t;
	struct decide_state *d = state;
	d->note.max = NOTE_MAX;
}

void screen_decide_open(struct tui *t)
{
	struct decide_state *d = tui_state(t, SCREEN_DECIDE);
	const struct flow *f = &t->flow;
	/* The decision recorded last, else the advice. */
	d->cursor = f->decided >= 0 ? f->decided
	            : f->have_result && f->result.winner >= 0 ? f->result.winner : 0;
	d->scroll = 0;
	d->part = 0;
	field_set(&d->note, f->decided >= 0 ? f->decided_note : NULL);
	tui_open_over(t, SCREEN_DECIDE);
}

static unsigned decide_mode(const struct tui *t, const void *state)
{
	(void)t;
	const struct decide_state *d = state;
	return d->part ? KC_NOTE : KC_DECIDE;
}

/* A button "[ KEY LABEL ]" ending before column END on row Y, which a click
 * turns into action A. Returns its first column. */
static int button(struct tui *t, int y, int end, const char *key, const char *label,
                  enum action a)
{
	int w = 2 + draw_width(key) + 1 + draw_width(label) + 2;
	int x = end - w;
	draw_text(t, y, x, 2, ROLE_NORMAL, "[ ");
	int kw = draw_text(t, y, x + 2, w, ROLE_KEY, key);
	draw_text(t, y, x + 3 + kw, w, ROLE_TITLE, label);
	draw_text(t, y, x + w - 2, 2, ROLE_NORMAL, " ]");
	hit_add(t, y, x, w, a, 0);
	return x;
}

static void decide_draw(struct tui *t, void *state)
{
	struct decide_state *d = state;
	const struct flow *f = &t->flow;
	const struct criteria *c = f->c;
	tui_draw_under(t);
	t->nhits = 0;
	t->cursor_y = -1;
	draw_dim(t, 1, t->rows - 2);

	int w = t->cols - 4 < BOX_WIDTH ? t->cols - 4 : BOX_WIDTH;
	int x0 = (t->cols - w) / 2, inner = w - 4;
	int cx = x0 + 2 + LABEL_WIDTH, cw = inner - LABEL_WIDTH;
	/* The borders, a line of words, a blank, the options, a blank, the
	 * note, a blank, the buttons. */
	int room = t->rows - 2 - 10;
	int shown = (int)c->noptions < room ? (int)c->noptions : room < 1 ? 1 : room;
	if (d->cursor < d->scroll)
		d->scroll = d->cursor;
	if (d->cursor >= d->scroll + shown)
		d->scroll = d->cursor - shown + 1;
	int h = shown + 10;
	int y0 = 1 + (t->rows - 2 - h) / 2;
	char title[64];
	snprintf(title, sizeof title, "Record the decision for session %lld", f->id);
	draw_box(t, y0, x0, h, w, title);

	int y = y0 + 2;
	const char *advice = f->have_result && f->result.winner >= 0
	                     ? c->options[f->result.winner].name : NULL;
	char words[300];
	if (advice)
		snprintf(words, sizeof words, "Which option was actually chosen? The advice is %s.",
		         advice);
	else
		snprintf(words, sizeof words, "Which option was actually chosen?");
	draw_text(t, y, x0 + 2, inner, ROLE_NORMAL, words);
	y += 2;
	draw_text(t, y, x0 + 2, LABEL_WIDTH - 1, d->part ? ROLE_NORMAL : ROLE_TITLE, "Chosen");
	for (int i = 0; i < shown; i++) {
		int o = d->scroll + i, row = y + i;
		int sel = o == d->cursor, lit = sel && !d->part;
		enum role role = lit ? ROLE_SELECTED : ROLE_NORMAL;
		if (lit) {
			draw_fill(t, row, cx, cw, ROLE_SELECTED);
			draw_text(t, row, cx, 2, role, glyph(t, GLYPH_POINTER));
		}
		draw_text(t, row, cx + 2, 4, role, glyph(t, sel ? GLYPH_RADIO_ON : GLYPH_RADIO_OFF));
		int nw = draw_text(t, row, cx + 6, cw - 6, lit ? role : sel ? ROLE_TITLE : ROLE_NORMAL,
		                   c->options[o].name);
		if (advice && o == f->result.winner)
			draw_text(t, row, cx + 6 + nw + 1, cw - 7 - nw, lit ? role : ROLE_DIM,
			          "(the advice)");
		hit_add(t, row, cx, cw, ACT_PICK, o);
	}
	y += shown + 1;
	draw_text(t, y, x0 + 2, LABEL_WIDTH - 1, d->part ? ROLE_TITLE : ROLE_NORMAL, "Why");
	draw_text(t, y, cx, 1, ROLE_DIM, "[");
	field_draw(t, y, cx + 1, cw - 2, &d->note, d->part);
	draw_text(t, y, cx + cw - 1, 1, ROLE_DIM, "]");
	hit_add(t, y, x0 + 2, inner, ACT_PICK, PICK_NOTE);
	y += 2;
	int end = button(t, y, x0 + w - 2, "Esc", "Cancel", ACT_LEAVE) - 2;
	button(t, y, end, "Enter", "Record", ACT_ACCEPT);
}

/* Records the option highlighted, with the note, and closes the dialog. */
static void record(struct tui *t, struct decide_state *d)
{
	char *note = field_text(&d->note);
	struct verror err;
	size_t o = (size_t)d->cursor;
	int rc = flow_decide(&t->flow, o, note, &err);
	free(note);
	tui_close_over(t);
	if (rc) {
		walk_failed(t, &err);
		return;
	}
	const struct flow *f = &t->flow;
	if (f->have_result && f->result.winner >= 0 && (size_t)f->result.winner != o)
		tui_message(t, ROLE_WARN, "Recorded: %s chosen, not %s as advised.",
		            f->c->options[o].name, f->c->options[f->result.winner].name);
	else
		tui_message(t, ROLE_GOOD, "Recorded: %s chosen.", f->c->options[o].name);
}

static void decide_act(struct tui *t, void *state, enum action a, int arg)
{
	struct decide_state *d = state;
	int n = (int)t->flow.c->noptions;
	switch (a) {
	case ACT_ACCEPT:
		record(t, d);
		break;
	case ACT_LEAVE:
		tui_close_over(t);
		tui_message(t, ROLE_NORMAL, "Nothing recorded.");
		break;
	case ACT_NEXT_PART:
	case ACT_PREV_PART:
		d->part = !d->part;
		break;
	case ACT_DIGIT:
		if (arg >= 1 && arg <= n)
			d->cursor = arg - 1;
		break;
	case ACT_PICK:
		if (arg == PICK_NOTE) {
			d->part = 1;
		} else if (arg >= 0 && arg < n) {
			d->part = 0;
			d->cursor = arg;
		}
		break;
	default:
		if (d->part)
			field_edit(&d->note, a, arg);
		else
			keys_move_cursor(a, &d->cursor, n, 5, 1);
		break;
	}
}

const struct screen_ops screen_decide_ops = {
	.name = "Record the decision",
	.context = KC_DECIDE,
	.state_size = sizeof(struct decide_state),
	.init = decide_init,    /* opened with screen_decide_open() */
	.mode = decide_mode,
	.draw = decide_draw,
	.act = decide_act,
};
