/* screen_pairwise.c - weighing in pairs: one comparison at a time, as one
 * line between the two criteria (pair_line.h), in the order of
 * session_pairs (first the fewest that link every criterion, then the
 * rest). Each answer is saved as it is given; s skips one, saving nothing;
 * Back shows the comparison before with its answer; "enough for now" goes on
 * to the review once the answers link every criterion. */
#include <stdio.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/pair_line.h"
#include "tui/walk.h"

struct pairwise_state {
	struct session_pairs pairs;     /* the comparisons, in the order asked */
	int ready;              /* pairs holds them */
	size_t at;              /* the comparison on show */
	int pos;                /* the highlighted answer (pair_line.h) */
	int scroll;             /* the text under the line */
};

/* The answer given to comparison AT, as a place on the line; 0 (equal)
 * when none is. */
static int given_pos(const struct tui *t, const struct pairwise_state *ps, size_t at)
{
	const struct judgment *j = session_pair_given(&ps->pairs, at, t->flow.s);
	if (!j)
		return 0;
	const struct session_pair *pr = &ps->pairs.items[at];
	return pair_pos(j->a == pr->a ? j->value : 1 / j->value);
}

static void show(struct tui *t, struct pairwise_state *ps, size_t at)
{
	ps->at = at;
	ps->pos = given_pos(t, ps, at);
	ps->scroll = 0;
}

static void drop(struct pairwise_state *ps)
{
	if (ps->ready)
		session_pairs_free(&ps->pairs);
	ps->ready = 0;
}

static void pairwise_enter(struct tui *t, void *state)
{
	struct pairwise_state *ps = state;
	drop(ps);
	session_pairs_init(&ps->pairs, t->flow.c);
	ps->ready = 1;
	size_t n = ps->pairs.n;
	/* Back from the review or the results: the last comparison; else the
	 * first not yet given. */
	size_t at = session_pairs_first_missing(&ps->pairs, t->flow.s);
	if (t->left == SCREEN_CONSISTENCY || t->left == SCREEN_RESULTS || at == n)
		at = n ? n - 1 : 0;
	show(t, ps, at);
}

static void pairwise_leave(struct tui *t, void *state)
{
	(void)t;
	drop(state);
}

/* Where the comparison on show stands: its group's name, or the groups. */
static const char *heading(const struct tui *t, const struct pairwise_state *ps)
{
	const struct session_pair *pr = &ps->pairs.items[ps->at];
	if (pr->level == JUDGE_GROUPS)
		return "The groups";
	if (pr->group >= 0)
		return ps->pairs.groups.names[pr->group];
	(void)t;
	return "What matters";
}

/* What item I of the comparison on show is about: a criterion's question,
 * or the criteria of a group. */
static void about(const struct tui *t, const struct pairwise_state *ps, size_t i, char *buf,
                  size_t len)
{
	const struct criteria *c = t->flow.c;
	const struct session_pair *pr = &ps->pairs.items[ps->at];
	if (pr->level == JUDGE_CRITERIA) {
		snprintf(buf, len, "%s: %s", c->criteria[i].name, c->criteria[i].question);
		return;
	}
	size_t used = (size_t)snprintf(buf, len, "%s: ", ps->pairs.groups.names[i]);
	int first = 1;
	for (size_t k = 0; k < c->ncriteria && used < len; k++) {
		if (ps->pairs.groups.of[k] != i)
			continue;
		used += (size_t)snprintf(buf + used, len - used, "%s%s", first ? "" : ", ",
		                         c->criteria[k].name);
		first = 0;
	}
}

static void pairwise_draw(struct tui *t, void *state)
{
	struct pairwise_state *ps = state;
	const struct criteria *c = t->flow.c;
	int w = t->cols - 4;
	if (!ps->ready || ps->pairs.n == 0) {
		draw_rule(t, 1, "What matters", NULL);
		draw_text(t, 3, 2, w, ROLE_WARN, "With one criterion there is nothing to compare: "
		          "Enter goes on to the review.");
		return;
	}
	const struct session_pair *pr = &ps->pairs.items[ps->at];
	const struct criteria_groups *g = &ps->pairs.groups;
	const char *a = pair_item_name(c, g, pr->level, pr->a);
	const char *b = pair_item_name(c, g, pr->level, pr->b);
	char right[64];
	snprintf(right, sizeof right, "comparison %zu of %zu", ps->at + 1, ps->pairs.n);
	draw_rule(t, 1, heading(t, ps), right);
	size_t given = session_pairs_given(&ps->pairs, t->flow.s);
	draw_bar(t, 2, 2, w, (double)given / (double)ps->pairs.n, ROLE_BAR);

	draw_text(t, 4, 2, w, ROLE_TITLE, pr->level == JUDGE_GROUPS
	          ? "Which group matters more to you, and how much?"
	          : "Which matters more to you, and how much?");
	pair_draw_line(t, 6, a, b, ps->pos);
	char words[600];
	pair_words(a, b, ps->pos, words, sizeof words);
	int ww = draw_width(words);
	ww = ww < w ? ww : w;
	draw_text(t, 7, 2 + (w - ww) / 2, w, ROLE_CURRENT, words);
	const char *legend = "1 equal, 3 a little more, 5 clearly more, 7 much more, 9 extremely";
	int lw = draw_width(legend);
	lw = lw < w ? lw : w;
	draw_text(t, 8, 2 + (w - lw) / 2, w, ROLE_DIM, legend);

	/* What the two are about, then how far the answers have come. */
	struct pane p;
	pane_init(&p, 10, 2, t->rows - 10 - 4, w, ps->scroll);
	char buf[2000];
	about(t, ps, pr->a, buf, sizeof buf);
	pane_wrapped(t, &p, 0, ROLE_DIM, buf);
	about(t, ps, pr->b, buf, sizeof buf);
	pane_wrapped(t, &p, 0, ROLE_DIM, buf);
	pane_finish(t, &p, &ps->scroll);

	size_t needed = session_pairs_needed(&ps->pairs, t->flow.s);
	char status[300];
	if (needed)
		snprintf(status, sizeof status, "%zu of %zu given; %zu more before you can stop "
		         "(e: enough for now).", given, ps->pairs.n, needed);
	else if (given < ps->pairs.n)
		snprintf(status, sizeof status, "%zu of %zu given: enough for now (e) whenever you "
		         "like; each one more makes the weights surer.", given, ps->pairs.n);
	else
		snprintf(status, sizeof status, "All %zu given.", ps->pairs.n);
	/* Two rows, for a narrow terminal. */
	struct pane sp;
	pane_init(&sp, t->rows - 3, 2, 2, w, 0);
	pane_wrapped(t, &sp, 0, needed ? ROLE_DIM : ROLE_GOOD, status);
}

/* Goes on from comparison AT, given: the next, or the review after the
 * last (the first not yet given when some are left out and needed). */
static void go_on(struct tui *t, struct pairwise_state *ps)
{
	if (ps->at + 1 < ps->pairs.n) {
		show(t, ps, ps->at + 1);
		return;
	}
	if (session_pairs_needed(&ps->pairs, t->flow.s)) {
		show(t, ps, session_pairs_first_missing(&ps->pairs, t->flow.s));
		tui_message(t, ROLE_WARN, "Some comparisons are still needed to link every criterion: "
		            "here is the first one not given.");
		return;
	}
	walk_goto(t, session_review_step(t->flow.c, WEIGHTING_PAIRWISE));
}

/* s: comparison AT left unanswered; the next, or after the last the first
 * not given when some are still needed, else the review. */
static void skip(struct tui *t, struct pairwise_state *ps)
{
	size_t first = session_pairs_first_missing(&ps->pairs, t->flow.s);
	if (ps->at + 1 < ps->pairs.n) {
		show(t, ps, ps->at + 1);
	} else if (!session_pairs_needed(&ps->pairs, t->flow.s)) {
		walk_goto(t, session_review_step(t->flow.c, WEIGHTING_PAIRWISE));
	} else if (first != ps->at) {
		show(t, ps, first);
		tui_message(t, ROLE_WARN, "Some comparisons are still needed to link every criterion: "
		            "here is the first one not given.");
	} else {
		tui_message(t, ROLE_WARN, "This is the last comparison not given, and it is still "
		            "needed to link every criterion: 1 if you cannot tell them apart.");
	}
}

static void pairwise_act(struct tui *t, void *state, enum action a, int arg)
{
	struct pairwise_state *ps = state;
	if (!ps->ready || ps->pairs.n == 0) {
		if (a == ACT_ACCEPT || a == ACT_ENOUGH)
			walk_next(t);
		else if (a == ACT_BACK)
			walk_back(t);
		return;
	}
	const struct session_pair *pr = &ps->pairs.items[ps->at];
	switch (a) {
	case ACT_LEFT:
		ps->pos = pair_step(ps->pos, -1);
		break;
	case ACT_RIGHT:
		ps->pos = pair_step(ps->pos, 1);
		break;
	case ACT_DIGIT:
		ps->pos = pair_digit(ps->pos, arg);
		break;
	case ACT_PICK:
		if (arg >= PAIR_PICK_BASE - PAIR_POS_MAX && arg <= PAIR_PICK_BASE + PAIR_POS_MAX)
			ps->pos = arg - PAIR_PICK_BASE;
		break;
	case ACT_ACCEPT: {
		/* Not yet on when a finished session asks where the change goes,
		 * nor when it could not be saved. */
		int rc = walk_answer(t, flow_judgment(pr->level, pr->a, pr->b, pair_value(ps->pos)));
		if (rc == 0 && t->screen == SCREEN_PAIRWISE)
			go_on(t, ps);
		break;
	}
	case ACT_SKIP:
		skip(t, ps);
		break;
	case ACT_ENOUGH: {
		size_t needed = session_pairs_needed(&ps->pairs, t->flow.s);
		if (needed)
			tui_message(t, ROLE_WARN, "Not yet: %zu more comparison%s needed to link every "
			            "criterion, so that none is left out of the weights.", needed,
			            needed == 1 ? " is" : "s are");
		else
			walk_goto(t, session_review_step(t->flow.c, WEIGHTING_PAIRWISE));
		break;
	}
	case ACT_BACK:
		if (ps->at > 0)
			show(t, ps, ps->at - 1);
		else
			walk_back(t);
		break;
	default:
		keys_move_scroll(a, &ps->scroll, t->rows - 16);
		break;
	}
}

static void pairwise_done(struct tui *t, void *state)
{
	(void)t;
	drop(state);
}

const struct screen_ops screen_pairwise_ops = {
	.name = "Comparisons",
	.context = KC_PAIRWISE,
	.state_size = sizeof(struct pairwise_state),
	.enter = pairwise_enter,
	.leave = pairwise_leave,
	.done = pairwise_done,
	.draw = pairwise_draw,
	.act = pairwise_act,
};
