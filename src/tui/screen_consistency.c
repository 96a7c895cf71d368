/* screen_consistency.c - the review of a pairwise session, before the
 * results: how well the answers agree (each matrix's consistency ratio, in
 * plain words, flagged above 0.10), the hints "you said 7; the rest of your
 * answers suggest 2", each fixable in place, and the weights that come out. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/pair_line.h"
#include "tui/walk.h"
#include "xalloc.h"

#define HINTS_MAX 32

/* A hint, in model indices. */
struct hint_row {
	enum judgment_level level;
	size_t a, b;            /* as given */
	double given, fit;
};

struct consistency_state {
	struct result r;
	enum score_status status;
	struct criteria_groups groups;
	int ready;
	struct hint_row hints[HINTS_MAX];
	size_t nhints;
	int cursor;             /* the hint highlighted */
	int pos;                /* its answer as moved, before it is given */
	int moved;              /* pos was moved from the answer given */
	int scroll;
	int follow;             /* the highlighted hint moved: scroll to show it (once,
	                         * so that the page keys can go past it) */
};

static void drop(struct consistency_state *cs)
{
	if (!cs->ready)
		return;
	if (cs->status == SCORE_OK)
		result_free(&cs->r);
	criteria_groups_free(&cs->groups);
	cs->ready = 0;
}

/* The highlighted hint's answer as given, as a place on its line. */
static void reset_pos(struct consistency_state *cs)
{
	cs->follow = 1;
	cs->moved = 0;
	cs->pos = cs->nhints ? pair_pos(cs->hints[cs->cursor].given) : 0;
}

/* Scores the session as it stands (writing nothing) and gathers its hints. */
static void work_out(struct tui *t, struct consistency_state *cs)
{
	drop(cs);
	criteria_groups_init(&cs->groups, t->flow.c);
	cs->status = flow_preview(&t->flow, &cs->r);
	cs->ready = 1;
	cs->nhints = 0;
	if (cs->status == SCORE_OK && cs->r.pairwise) {
		const struct pairwise_info *pw = cs->r.pairwise;
		for (size_t m = 0; m < pw->nmatrices; m++) {
			const struct pairwise_matrix *mx = &pw->matrices[m];
			if (mx->status != AHP_OK)
				continue;
			for (size_t h = 0; h < mx->ahp.nhints && cs->nhints < HINTS_MAX; h++) {
				const struct ahp_hint *hi = &mx->ahp.hints[h];
				cs->hints[cs->nhints++] = (struct hint_row){
					mx->level, mx->items[hi->a], mx->items[hi->b], hi->given, hi->fit };
			}
		}
	}
	if (cs->cursor >= (int)cs->nhints)
		cs->cursor = cs->nhints ? (int)cs->nhints - 1 : 0;
	reset_pos(cs);
}

static void consistency_enter(struct tui *t, void *state)
{
	struct consistency_state *cs = state;
	cs->cursor = 0;
	cs->scroll = 0;
	work_out(t, cs);
}

static void consistency_leave(struct tui *t, void *state)
{
	(void)t;
	drop(state);
}

/* The name of matrix MX: its group's, the groups', or the criteria's. */
static const char *matrix_name(const struct consistency_state *cs,
                               const struct pairwise_matrix *mx)
{
	if (mx->level == JUDGE_GROUPS)
		return "Between the groups";
	return mx->group >= 0 ? cs->groups.names[mx->group] : "Your comparisons";
}

static void draw_consistency(struct tui *t, struct consistency_state *cs, struct pane *p)
{
	const struct pairwise_info *pw = cs->r.pairwise;
	char buf[600];
	pane_wrapped(t, p, 0, ROLE_DIM, "The consistency ratio says how well your answers agree "
	             "with each other: if A matters more than B, and B more than C, then A should "
	             "matter more than C. Up to 0.10 is fine.");
	for (size_t m = 0; pw && m < pw->nmatrices; m++) {
		const struct pairwise_matrix *mx = &pw->matrices[m];
		if (mx->status != AHP_OK || mx->ahp.ncompared < 3)
			continue;
		int high = mx->ahp.cr > AHP_CR_LIMIT;
		snprintf(buf, sizeof buf, "%s: %.2f, %s", matrix_name(cs, mx), mx->ahp.cr,
		         high ? "above 0.10: some answers pull against the others (hints below)"
		              : "consistent");
		pane_wrapped(t, p, 2, high ? ROLE_WARN : ROLE_GOOD, buf);
	}
	pane_blank(p);
}

/* The hints, the highlighted one with its line to move; returns the rows of
 * the highlighted one, for the pane to follow. */
static void draw_hints(struct tui *t, struct consistency_state *cs, struct pane *p, int *from,
                       int *to)
{
	const struct criteria *c = t->flow.c;
	char buf[800], said[16], fit[16];
	if (!cs->nhints)
		return;
	pane_text(t, p, 0, ROLE_GROUP, "Hints: the answers that pull most against the others");
	for (size_t i = 0; i < cs->nhints; i++) {
		const struct hint_row *h = &cs->hints[i];
		const char *a = pair_item_name(c, &cs->groups, h->level, h->a);
		const char *b = pair_item_name(c, &cs->groups, h->level, h->b);
		int sel = (int)i == cs->cursor, first = p->y;
		pair_value_text(h->given, said, sizeof said);
		pair_value_text(h->fit, fit, sizeof fit);
		snprintf(buf, sizeof buf, "%s vs %s: you said %s; the rest of your answers suggest %s.",
		         a, b, said, fit);
		int row = pane_row(p, p->y);
		if (row >= 0 && sel)
			draw_text(t, row, 2, 2, ROLE_SELECTED, glyph(t, GLYPH_POINTER));
		if (row >= 0)
			hit_add(t, row, 2, t->cols - 4, ACT_PICK, (int)i);
		pane_wrapped(t, p, 2, sel ? ROLE_SELECTED : ROLE_NORMAL, buf);
		if (sel) {
			row = pane_row(p, p->y);
			if (row >= 0)
				pair_draw_line(t, row, a, b, cs->pos);
			p->y++;
			char words[600];
			pair_words(a, b, cs->pos, words, sizeof words);
			snprintf(buf, sizeof buf, "%s%s", words, cs->moved ? " (Enter gives it)"
			         : " (as you said; f takes the suggestion)");
			pane_wrapped(t, p, 4, ROLE_CURRENT, buf);
			*from = first;
			*to = p->y;
		}
	}
	pane_blank(p);
}

/* The weights that come out, as shares, group by group in the order the
 * comparisons are asked (each group's heading with its share of the whole),
 * the criteria of each in the set's order. */
static void draw_weights(struct tui *t, struct consistency_state *cs, struct pane *p)
{
	const struct criteria *c = t->flow.c;
	const struct criteria_groups *g = &cs->groups;
	pane_text(t, p, 0, ROLE_GROUP, "The weights from your comparisons");
	int in = g->n ? 2 : 0;  /* the criteria under their group's heading */
	int nw = 0;
	for (size_t k = 0; k < c->ncriteria; k++) {
		int w = draw_width(c->criteria[k].name);
		nw = w > nw ? w : nw;
	}
	int w = t->cols - 4;
	nw = nw > w / 2 - in ? w / 2 - in : nw;
	int bw = w - 2 - in - nw - 2 - 8;
	double most = 0;
	for (size_t k = 0; k < c->ncriteria; k++)
		most = cs->r.weight_shares[k] > most ? cs->r.weight_shares[k] : most;
	for (size_t grp = 0; grp < (g->n ? g->n : 1); grp++) {
		if (g->n) {
			double sum = 0;
			for (size_t k = 0; k < c->ncriteria; k++)
				sum += g->of[k] == grp ? cs->r.weight_shares[k] : 0;
			char head[300];
			snprintf(head, sizeof head, "%s: %.1f%% of the weight", g->names[grp], sum * 100);
			pane_wrapped(t, p, 2, ROLE_TITLE, head);
		}
		for (size_t k = 0; k < c->ncriteria; k++) {
			if (g->n && g->of[k] != grp)
				continue;
			int row = pane_row(p, p->y++);
			if (row < 0)
				continue;
			int x = 4 + in;
			double share = cs->r.weight_shares[k];
			draw_text(t, row, x, nw, ROLE_NORMAL, c->criteria[k].name);
			if (share <= 0) {
				draw_text(t, row, x + nw + 2, bw + 8, ROLE_DIM, "left out: in no comparison");
				continue;
			}
			draw_bar(t, row, x + nw + 2, bw, most > 0 ? share / most : 0, ROLE_BAR);
			draw_textf(t, row, x + nw + 2 + bw + 1, 7, ROLE_TITLE, "%5.1f%%", share * 100);
		}
	}
}

static void consistency_draw(struct tui *t, void *state)
{
	struct consistency_state *cs = state;
	const struct criteria *c = t->flow.c;
	struct session_pairs sp;
	session_pairs_init(&sp, c);
	char right[64];
	snprintf(right, sizeof right, "%zu of %zu compared", session_pairs_given(&sp, t->flow.s),
	         sp.n);
	size_t needed = session_pairs_needed(&sp, t->flow.s);
	session_pairs_free(&sp);
	draw_rule(t, 1, "Review your comparisons", right);
	struct pane p;
	pane_init(&p, 3, 2, t->rows - 4, t->cols - 4, cs->scroll);
	if (cs->status != SCORE_OK || needed) {
		char buf[300];
		snprintf(buf, sizeof buf, "Your comparisons do not yet link every criterion: %zu more "
		         "needed. b goes back to them.", needed ? needed : 1);
		pane_wrapped(t, &p, 0, ROLE_WARN, buf);
		pane_finish(t, &p, &cs->scroll);
		return;
	}
	int from = 0, to = 0;
	draw_consistency(t, cs, &p);
	draw_hints(t, cs, &p, &from, &to);
	draw_weights(t, cs, &p);
	if (to > from && cs->follow)
		pane_follow(t, &p, from, to, &cs->scroll);
	cs->follow = 0;
	pane_finish(t, &p, &cs->scroll);
}

/* Gives the highlighted hint's comparison the answer VALUE. */
static void give(struct tui *t, struct consistency_state *cs, double value)
{
	const struct hint_row *h = &cs->hints[cs->cursor];
	if (walk_answer(t, flow_judgment(h->level, h->a, h->b, value)) == 0 &&
	    t->screen == SCREEN_CONSISTENCY)
		work_out(t, cs);
}

static void consistency_act(struct tui *t, void *state, enum action a, int arg)
{
	struct consistency_state *cs = state;
	int n = (int)cs->nhints;
	switch (a) {
	case ACT_PICK:
		if (arg >= PAIR_PICK_BASE - PAIR_POS_MAX && arg <= PAIR_PICK_BASE + PAIR_POS_MAX) {
			cs->pos = arg - PAIR_PICK_BASE;
			cs->moved = n > 0;
		} else if (arg >= 0 && arg < n) {
			cs->cursor = arg;
			reset_pos(cs);
		}
		break;
	case ACT_LEFT:
	case ACT_RIGHT:
		if (n) {
			cs->pos = pair_step(cs->pos, a == ACT_LEFT ? -1 : 1);
			cs->moved = 1;
			cs->follow = 1;
		}
		break;
	case ACT_FIT:
		if (n)
			give(t, cs, cs->hints[cs->cursor].fit);
		else
			tui_message(t, ROLE_NORMAL, "No hints: your answers agree well enough.");
		break;
	case ACT_ACCEPT:
		if (n && cs->moved)
			give(t, cs, pair_value(cs->pos));
		else if (cs->status == SCORE_OK)
			walk_next(t);
		else
			tui_message(t, ROLE_WARN, "The comparisons do not link every criterion yet: b "
			            "goes back to them.");
		break;
	case ACT_WEIGHING:
		walk_set_weighting(t, WEIGHTING_RATINGS);
		break;
	case ACT_BACK:
		walk_back(t);
		break;
	case ACT_UP:
	case ACT_DOWN:
		if (n) {
			keys_move_cursor(a, &cs->cursor, n, n, 0);
			reset_pos(cs);
		} else {
			keys_move_scroll(a, &cs->scroll, t->rows - 6);
		}
		break;
	default:
		keys_move_scroll(a, &cs->scroll, t->rows - 6);
		break;
	}
}

static void consistency_done(struct tui *t, void *state)
{
	(void)t;
	drop(state);
}

const struct screen_ops screen_consistency_ops = {
	.name = "Review your comparisons",
	.context = KC_CONSISTENCY,
	.state_size = sizeof(struct consistency_state),
	.enter = consistency_enter,
	.leave = consistency_leave,
	.done = consistency_done,
	.draw = consistency_draw,
	.act = consistency_act,
};
