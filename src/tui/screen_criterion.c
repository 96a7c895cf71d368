/* screen_criterion.c - one criterion per screen: where it stands in the set,
 * its question, each option's reason, and the importance scale with the
 * current weight highlighted and the default marked (with the profile answer
 * that moved it, if one did). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "score_format.h"
#include "strbuf.h"
#include "tui/draw.h"
#include "tui/walk.h"
#include "xalloc.h"

#define STEPS_MAX 128           /* whole steps a scale can have, and then some */

static size_t current(const struct tui *t)
{
	size_t k;
	session_step_kind(t->flow.c, t->flow.s->weighting, t->flow.step, &k);
	return k;
}

/* A weight as people write it: "3", or "2.5". */
static void format_weight(double w, char *buf, size_t len)
{
	if (fabs(w - round(w)) < 1e-9)
		snprintf(buf, len, "%.0f", w);
	else
		snprintf(buf, len, "%.1f", w);
}

/* The rows for the text above the scale: from row 4, leaving a blank row,
 * the scale, the default's mark and its cause, and the bottom line. */
static int criterion_room(const struct tui *t)
{
	return t->rows - 9;
}

/* The text above the scale, scrolled. */
struct criterion_state {
	int scroll;
};

static void criterion_enter(struct tui *t, void *state)
{
	(void)t;
	struct criterion_state *cs = state;
	cs->scroll = 0;
}

/* The option names' column: as wide as the widest name, within reason. */
static int names_width(const struct tui *t)
{
	int nw = 0;
	for (size_t o = 0; o < t->flow.c->noptions; o++) {
		int w = draw_width(t->flow.c->options[o].name);
		if (w > nw)
			nw = w;
	}
	return nw > 18 ? 18 : nw;
}

/* The label of step V when it says more than the number, else NULL: a scale
 * without labels is labelled with its numbers, which need not show twice. */
static const char *step_label(const struct scale *sc, int v)
{
	char num[16];
	snprintf(num, sizeof num, "%d", v);
	const char *label = sc->labels[v - sc->min];
	return strcmp(label, num) == 0 ? NULL : label;
}

/* On a scale labelled with its numbers only, which end is which. */
static void ends_hint(struct tui *t, int y, int x, int w)
{
	const struct scale *sc = &t->flow.c->scale;
	draw_textf(t, y, x, w, ROLE_DIM, "(%d matters least, %d most)", sc->min, sc->max);
}

/* Draws the scale on row Y, with each step's column into XS: in full ("0 Does
 * not matter  1 Minor ..."), or compact ("0  1 [2] 3  Moderate") when that
 * does not fit, or as words alone (columns -1) for a scale too long for both. */
static void draw_scale(struct tui *t, int y, int cur, int xs[STEPS_MAX])
{
	const struct scale *sc = &t->flow.c->scale;
	int steps = sc->max - sc->min + 1, w = t->cols - 4, full = 2;
	char item[160];
	for (int v = sc->min; v <= sc->max; v++) {
		const char *label = step_label(sc, v);
		snprintf(item, sizeof item, "%d%s%s", v, label ? " " : "", label ? label : "");
		full += draw_width(item) + 2;
	}
	int x = 2;
	if (full <= w) {
		for (int v = sc->min; v <= sc->max; v++) {
			int on = v == cur;
			const char *label = step_label(sc, v);
			snprintf(item, sizeof item, "%s%d%s%s%s", on ? "[" : " ", v, label ? " " : "",
			         label ? label : "", on ? "]" : " ");
			xs[v - sc->min] = x + 1;
			int iw = draw_text(t, y, x, w, on ? ROLE_CURRENT : ROLE_NORMAL, item);
			hit_add(t, y, x, iw, ACT_PICK, v);
			x += iw + 1;
		}
		if (!step_label(sc, sc->max))
			ends_hint(t, y, x + 1, w - x);
		return;
	}
	int cell = snprintf(item, sizeof item, "%d", sc->max) + 2;
	if (steps * (cell + 1) + 20 <= w) {
		for (int v = sc->min; v <= sc->max; v++) {
			int on = v == cur;
			snprintf(item, sizeof item, "%s%*d%s", on ? "[" : " ", cell - 2, v, on ? "]" : " ");
			xs[v - sc->min] = x + cell - 2;
			draw_text(t, y, x, cell, on ? ROLE_CURRENT : ROLE_NORMAL, item);
			hit_add(t, y, x, cell, ACT_PICK, v);
			x += cell + 1;
		}
		if (step_label(sc, cur))
			draw_text(t, y, x + 1, w - x, ROLE_TITLE, step_label(sc, cur));
		else
			ends_hint(t, y, x + 1, w - x);
		return;
	}
	/* A scale too long to show: the number and its label. */
	for (int v = 0; v < steps && v < STEPS_MAX; v++)
		xs[v] = -1;
	draw_textf(t, y, 2, w, ROLE_CURRENT, "Weight %d: %s (on a scale from %d to %d)", cur,
	           sc->labels[cur - sc->min], sc->min, sc->max);
}

/* Marks the default at column DX of row Y (no column: -1) with MARK, "default
 * 3, +1 because: ..."; where that does not fit beside the mark, BRIEF goes
 * there ("default 4") and WHY, the cause if any, on the row below. */
static void draw_mark(struct tui *t, int y, int dx, const char *mark, const char *brief,
                      const char *why)
{
	int room = t->cols - 2 - dx - 2;
	if (dx < 0) {
		draw_text(t, y, 2, t->cols - 4, ROLE_DEFAULT, mark);
		return;
	}
	draw_text(t, y, dx, 1, ROLE_DEFAULT, glyph(t, GLYPH_CARET));
	if (draw_width(mark) <= room) {
		draw_text(t, y, dx + 2, room, ROLE_DEFAULT, mark);
		return;
	}
	int bw = draw_width(brief);
	if (bw <= room || dx - 3 < bw)
		draw_text(t, y, dx + 2, room, ROLE_DEFAULT, brief);
	else
		draw_text(t, y, dx - 1 - bw, bw, ROLE_DEFAULT, brief);
	if (why[0])
		draw_text(t, y + 1, 2, t->cols - 4, ROLE_DIM, why);
}

static void criterion_draw(struct tui *t, void *state)
{
	struct criterion_state *cs = state;
	size_t k = current(t);
	const struct criterion *cr = &t->flow.c->criteria[k];
	char right[64];
	snprintf(right, sizeof right, "%zu of %zu", k + 1, t->flow.c->ncriteria);
	draw_rule(t, 1, cr->group ? cr->group : "What matters", right);
	int w = t->cols - 4;
	draw_bar(t, 2, 2, w, (double)(k + 1) / (double)t->flow.c->ncriteria, ROLE_BAR);

	/* Its name, its question, each option's reason and the ratings the
	 * answers replaced, if any: one text, scrolled as a whole when it does
	 * not fit above the scale, which stays in view below it. */
	char *ratings = score_rating_story_new(t->flow.c, t->flow.s, k);
	int nw = names_width(t);
	int need = draw_lines(cr->name, w) + draw_lines(cr->question, w) + 1;
	if (ratings[0])
		need += draw_lines(ratings, w - 2);
	for (size_t o = 0; o < t->flow.c->noptions; o++)
		need += draw_lines(cr->why[o] ? cr->why[o] : "-", w - 2 - nw - 2);
	int room = criterion_room(t);
	struct pane p;
	pane_init(&p, 4, 2, need < room ? need : room, w, cs->scroll);
	pane_wrapped(t, &p, 0, ROLE_TITLE, cr->name);
	pane_wrapped(t, &p, 0, ROLE_NORMAL, cr->question);
	pane_blank(&p);
	for (size_t o = 0; o < t->flow.c->noptions; o++) {
		int row = pane_row(&p, p.y);
		if (row >= 0)
			draw_text(t, row, 4, nw, ROLE_TITLE, t->flow.c->options[o].name);
		if (cr->why[o])
			pane_wrapped(t, &p, 2 + nw + 2, ROLE_NORMAL, cr->why[o]);
		else
			pane_wrapped(t, &p, 2 + nw + 2, ROLE_DIM, "(no reason given)");
	}
	if (ratings[0])
		pane_wrapped(t, &p, 2, ROLE_DIM, ratings);
	free(ratings);
	pane_finish(t, &p, &cs->scroll);
	int scale_y = 4 + p.height + 1;

	/* The scale, and the default's mark under it. */
	const struct scale *sc = &t->flow.c->scale;
	enum weight_source source;
	double weight = flow_current_weight(&t->flow, k, &source);
	int cur = (int)lround(weight);
	double def = flow_default_weight(&t->flow, k);
	int xs[STEPS_MAX];
	draw_scale(t, scale_y, cur, xs);
	int dx = xs[(int)lround(def) - sc->min];
	char brief[100], dw[16], yours[64] = "";
	format_weight(def, dw, sizeof dw);
	if (source == WEIGHT_PERSON && fabs(weight - def) > 1e-9) {
		char ww[16];
		format_weight(weight, ww, sizeof ww);
		snprintf(yours, sizeof yours, "%syours %s (d: back to default)", glyph(t, GLYPH_DOT),
		         ww);
	}
	/* The answers that moved the default, if any, beside the mark when they
	 * fit, else on the row below. */
	char *story = NULL;
	if (score_profile_causes(t->flow.c, t->flow.s, k, NULL, 0)) {
		story = score_default_story_new(t->flow.c, t->flow.s, k, def);
	}
	struct strbuf mark, line;
	strbuf_init(&mark);
	strbuf_init(&line);
	strbuf_printf(&mark, "default %s%s%s%s", dw, story ? ": " : "", story ? story : "", yours);
	if (story)
		strbuf_printf(&line, "(%s)", story);
	snprintf(brief, sizeof brief, "default %s%s", dw, yours);
	draw_mark(t, scale_y + 1, dx, strbuf_str(&mark), brief, strbuf_str(&line));
	strbuf_free(&mark);
	strbuf_free(&line);
	free(story);
}

static void criterion_act(struct tui *t, void *state, enum action a, int arg)
{
	struct criterion_state *cs = state;
	size_t k = current(t);
	const struct scale *sc = &t->flow.c->scale;
	enum weight_source source;
	int cur = (int)lround(flow_current_weight(&t->flow, k, &source));
	switch (a) {
	case ACT_LEFT:
		if (cur > sc->min)
			walk_set_weight(t, k, cur - 1);
		break;
	case ACT_RIGHT:
		if (cur < sc->max)
			walk_set_weight(t, k, cur + 1);
		break;
	case ACT_DIGIT:
	case ACT_PICK:
		walk_pick_weight(t, k, arg);
		break;
	case ACT_DEFAULT:
		walk_clear_weight(t, k);
		break;
	case ACT_ACCEPT:
		walk_next(t);
		break;
	case ACT_BACK:
		walk_back(t);
		break;
	default:
		keys_move_scroll(a, &cs->scroll, criterion_room(t) - 1);
		break;
	}
}

const struct screen_ops screen_criterion_ops = {
	.name = "Criterion",
	.context = KC_CRITERION,
	.state_size = sizeof(struct criterion_state),
	.enter = criterion_enter,
	.draw = criterion_draw,
	.act = criterion_act,
};
