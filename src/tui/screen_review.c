/* screen_review.c - every weight in one table, editable in place. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/walk.h"

static void review_enter(struct tui *t, void *state)
{
	struct list_state *ls = state;
	/* Coming back from the results, or on from the last criterion. */
	if (ls->cursor < 0 || (size_t)ls->cursor >= t->flow.c->ncriteria)
		ls->cursor = 0;
}

/* A small picture of the weight on the scale, e.g. "###.." for 3 of 5. */
static void draw_meter(struct tui *t, int y, int x, int w, double weight, enum role role)
{
	const struct scale *sc = &t->flow.c->scale;
	double span = sc->max - sc->min;
	draw_bar(t, y, x, w, span > 0 ? (weight - sc->min) / span : 0, role);
}

static void review_draw(struct tui *t, void *state)
{
	struct list_state *ls = state;
	const struct criteria *c = t->flow.c;
	char right[64];
	snprintf(right, sizeof right, "%zu %s", c->ncriteria,
	         c->ncriteria == 1 ? "criterion" : "criteria");
	draw_rule(t, 1, "Review your weights", right);
	draw_text(t, 2, 2, t->cols - 4, ROLE_DIM,
	          "Change any weight here, then Enter shows the results; w compares them in pairs "
	          "instead.");

	/* Columns: name, meter, weight and label, where it comes from. */
	int labelw = 0;
	for (int v = 0; v <= c->scale.max - c->scale.min; v++) {
		int lw = draw_width(c->scale.labels[v]);
		if (lw > labelw)
			labelw = lw;
	}
	if (labelw > 16)
		labelw = 16;
	int steps = c->scale.max - c->scale.min;
	int meterw = steps <= 10 ? steps : 10;
	int w = t->cols - 4;
	int fromw = 7;
	if (w - 2 - (1 + meterw + 1 + 4 + labelw + 2 + fromw) < 28)
		labelw = 0;             /* narrow: the number says it */
	if (w - 2 - (1 + meterw + 1 + 4 + labelw + 2 + fromw) < 28)
		fromw = 0;
	int tail = 1 + meterw + 1 + 4 + labelw + 2 + fromw;
	int groupw = w - 2 - tail >= 56 ? 18 : 0;
	int namew = w - 2 - tail - groupw;
	int mx = 2 + 2 + namew + groupw + 1;
	if (groupw)
		draw_text(t, 3, 4 + namew, groupw, ROLE_GROUP, "Group");
	draw_text(t, 3, 4, namew, ROLE_GROUP, "Criterion");
	draw_text(t, 3, mx, meterw + 5 + labelw, ROLE_GROUP, "Weight");
	draw_text(t, 3, mx + meterw + 5 + labelw + 2, fromw, ROLE_GROUP, "From");

	struct pane p;
	pane_init(&p, 4, 2, t->rows - 5, w, ls->scroll);
	int from = 0, to = 0;
	for (size_t k = 0; k < c->ncriteria; k++) {
		const struct criterion *cr = &c->criteria[k];
		int sel = (int)k == ls->cursor;
		enum weight_source source;
		double weight = flow_current_weight(&t->flow, k, &source);
		const char *label = criteria_weight_label(c, weight);
		/* A row is as tall as its longest name: nothing is cut. */
		int first = p.y, lines = draw_lines(cr->name, namew - 1);
		if (groupw && cr->group && draw_lines(cr->group, groupw - 1) > lines)
			lines = draw_lines(cr->group, groupw - 1);
		if (labelw && draw_lines(label, labelw) > lines)
			lines = draw_lines(label, labelw);
		p.y += lines;
		if (sel) {
			from = first;
			to = first + lines;
		}
		enum role role = sel ? ROLE_SELECTED : ROLE_NORMAL;
		for (int l = 0; l < lines; l++) {
			int r = pane_row(&p, first + l);
			if (r < 0)
				continue;
			if (sel)
				draw_fill(t, r, 2, w, ROLE_SELECTED);
			hit_add(t, r, 2, w, ACT_PICK, (int)k);
		}
		pane_cell(t, &p, first, 2, namew - 1, role, cr->name);
		if (groupw && cr->group)
			pane_cell(t, &p, first, 2 + namew, groupw - 1, sel ? role : ROLE_DIM, cr->group);
		if (labelw)
			pane_cell(t, &p, first, mx + meterw + 5 - 2, labelw, role, label);
		int row = pane_row(&p, first);
		if (row < 0)
			continue;
		if (sel)
			draw_text(t, row, 2, 2, role, glyph(t, GLYPH_POINTER));
		draw_meter(t, row, mx, meterw, weight, source == WEIGHT_PERSON ? ROLE_BAR_WIN : ROLE_BAR);
		char num[16];
		if (fabs(weight - round(weight)) < 1e-9)
			snprintf(num, sizeof num, "%3.0f", weight);
		else
			snprintf(num, sizeof num, "%3.1f", weight);
		draw_text(t, row, mx + meterw + 1, 4, role, num);
		draw_text(t, row, mx + meterw + 5 + labelw + 2, fromw,
		          source == WEIGHT_DEFAULT && !sel ? ROLE_DIM : role, weight_source_name(source));
	}
	pane_follow(t, &p, from, to, &ls->scroll);
	pane_finish(t, &p, &ls->scroll);
}

static void review_act(struct tui *t, void *state, enum action a, int arg)
{
	struct list_state *ls = state;
	const struct criteria *c = t->flow.c;
	int n = (int)c->ncriteria, page = t->rows - 8;
	int *cur = &ls->cursor;
	size_t k = (size_t)*cur;
	enum weight_source source;
	int weight = (int)lround(flow_current_weight(&t->flow, k, &source));
	switch (a) {
	case ACT_PICK:
		if (arg >= 0 && arg < n)
			*cur = arg;
		break;
	case ACT_LEFT:
		if (weight > c->scale.min)
			walk_set_weight(t, k, weight - 1);
		break;
	case ACT_RIGHT:
		if (weight < c->scale.max)
			walk_set_weight(t, k, weight + 1);
		break;
	case ACT_DIGIT:
		walk_pick_weight(t, k, arg);
		break;
	case ACT_DEFAULT:
		walk_clear_weight(t, k);
		break;
	case ACT_WEIGHING:
		walk_set_weighting(t, WEIGHTING_PAIRWISE);
		break;
	case ACT_ACCEPT:
		walk_next(t);
		break;
	case ACT_BACK:
		walk_back(t);
		break;
	default:
		keys_move_cursor(a, cur, n, page, 0);
		break;
	}
}

const struct screen_ops screen_review_ops = {
	.name = "Review",
	.context = KC_REVIEW,
	.state_size = sizeof(struct list_state),
	.enter = review_enter,
	.draw = review_draw,
	.act = review_act,
};
