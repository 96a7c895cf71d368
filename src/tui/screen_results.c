/* screen_results.c - the recommendation: a bar per option, one plain
 * sentence with its strength, margin and confidence, the top reasons, what
 * would change it; and, a Tab away, the points per criterion. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "score_format.h"
#include "tui/draw.h"
#include "tui/walk.h"
#include "xalloc.h"

#define SHOWN_CHANGES 3         /* sensitivity lines on the summary */
#define SHOWN_GIVEUPS 3         /* "what you give up" lines on the summary */
#define OPTION_COLUMN 13        /* the breakdown's column per option */

struct results_state {
	int part;               /* 0 the summary, 1 the breakdown */
	int scroll[2];
	int column;             /* the first option column of the breakdown shown */
};

static void results_enter(struct tui *t, void *state)
{
	struct results_state *rs = state;
	memset(rs, 0, sizeof *rs);
	walk_score(t);
}

static void format_weight(double w, char *buf, size_t len)
{
	if (fabs(w - round(w)) < 1e-9)
		snprintf(buf, len, "%.0f", w);
	else
		snprintf(buf, len, "%.1f", w);
}

enum layout { PLAIN, INDENTED, BULLETED };

/* Sentence KIND (about I) of the result, whole however long, as a paragraph
 * at the pane's next row: PLAIN, INDENTED by two, or after a bullet. An
 * empty sentence draws nothing. */
static void say(struct tui *t, struct pane *p, enum layout how, enum role role,
                enum score_sentence kind, size_t i)
{
	char *text = score_sentence_new(t->flow.c, &t->flow.result, kind, i);
	if (!text)
		return;         /* an index out of range: nothing to say */
	if (*text) {
		int indent = how == PLAIN ? 0 : how == INDENTED ? 2 : 4;
		int row = pane_row(p, p->y);
		if (how == BULLETED && row >= 0)
			draw_text(t, row, 4, 2, ROLE_NORMAL, glyph(t, GLYPH_BULLET));
		pane_wrapped(t, p, indent, role, text);
	}
	free(text);
}

/* Whether the three ways of adding up agree on the winner (the sentence of
 * verdict score and the reports), and for a pairwise session with
 * comparisons left, the one that would help most. */
static void draw_methods(struct tui *t, struct pane *p)
{
	const struct criteria *c = t->flow.c;
	const struct result *r = &t->flow.result;
	say(t, p, PLAIN, r->methods_agree ? ROLE_NORMAL : ROLE_WARN, SCORE_SENTENCE_METHODS, 0);
	const struct pairwise_info *pw = r->pairwise;
	if (pw && pw->has_next) {
		char buf[1200];
		const struct judgment *j = &pw->next;
		snprintf(buf, sizeof buf, "The comparison that would help most next: %s against %s "
		         "(b goes back to the comparisons).",
		         score_pair_item_name(c, j->level, j->a), score_pair_item_name(c, j->level, j->b));
		pane_wrapped(t, p, 0, ROLE_NORMAL, buf);
	}
	pane_blank(p);
}

/* The decision recorded (d), beside the advice, and why. */
static void draw_decision(struct tui *t, struct pane *p)
{
	const struct flow *f = &t->flow;
	if (f->decided < 0)
		return;
	const struct criteria_option *o = &f->c->options[f->decided];
	struct journal_entry e = { .kind = "decision", .at = f->decided_at, .option = o->id,
	                           .option_name = o->name };
	char *text = score_decision_text_new(f->c, &f->result, &e);
	int differs = score_decision_differs(f->c, &f->result, &e);
	pane_wrapped(t, p, 0, differs ? ROLE_WARN : ROLE_GOOD, text);
	free(text);
	if (f->decided_note) {
		size_t n = strlen(f->decided_note) + 8;
		char *why = xmalloc(n);
		snprintf(why, n, "Why: %s", f->decided_note);
		pane_wrapped(t, p, 2, ROLE_DIM, why);
		free(why);
	}
}

static void draw_summary(struct tui *t, struct results_state *rs)
{
	const struct criteria *c = t->flow.c;
	const struct result *r = &t->flow.result;
	int w = t->cols - 4;
	struct pane p;
	pane_init(&p, 3, 2, t->rows - 4, w, rs->scroll[0]);
	char buf[1024];
	/* The same sentences as verdict score and the reports. */
	say(t, &p, PLAIN, ROLE_TITLE, SCORE_SENTENCE_RECOMMENDATION, 0);
	draw_decision(t, &p);
	say(t, &p, PLAIN, ROLE_WARN, SCORE_SENTENCE_UNKNOWN_PROJECT, 0);
	/* Comparisons that contradict each other: said here, where the
	 * recommendation's strength is read. */
	char careful[1200];
	if (score_pairwise_warning(c, r, careful, sizeof careful - 32) > 0) {
		size_t end = strlen(careful);
		if (end && careful[end - 1] == '.')
			careful[end - 1] = '\0';
		strcat(careful, ": b goes back to it.");
		pane_wrapped(t, &p, 0, ROLE_WARN, careful);
	}
	pane_blank(&p);

	int nw = 0;
	for (size_t o = 0; o < c->noptions; o++) {
		int ow = draw_width(c->options[o].name);
		nw = ow > nw ? ow : nw;
	}
	nw = nw > 20 ? 20 : nw;
	int bw = w - 2 - nw - 2 - 6;
	for (size_t i = 0; i < r->noptions; i++) {
		size_t o = r->ranking[i];
		int row = pane_row(&p, p.y++);
		if (row < 0)
			continue;
		enum role role = (int)o == r->winner ? ROLE_BAR_WIN : ROLE_BAR;
		draw_text(t, row, 4, nw, (int)o == r->winner ? ROLE_TITLE : ROLE_NORMAL,
		          c->options[o].name);
		draw_bar(t, row, 4 + nw + 2, bw, r->scores[o] / 100, role);
		draw_textf(t, row, 4 + nw + 2 + bw + 1, 5, ROLE_TITLE, "%5.1f", r->scores[o]);
	}
	pane_blank(&p);

	if (r->nreasons) {
		snprintf(buf, sizeof buf, "Why %s", c->options[r->winner].name);
		pane_text(t, &p, 0, ROLE_GROUP, buf);
		for (size_t i = 0; i < r->nreasons; i++)
			say(t, &p, BULLETED, ROLE_NORMAL, SCORE_SENTENCE_REASON, r->reasons[i]);
		pane_blank(&p);
	}

	size_t *order = xcalloc(r->ncriteria ? r->ncriteria : 1, sizeof *order);
	size_t ng = score_giveups(r, order, SHOWN_GIVEUPS);
	if (ng) {
		snprintf(buf, sizeof buf, "What you give up with %s", c->options[r->winner].name);
		pane_text(t, &p, 0, ROLE_GROUP, buf);
		for (size_t i = 0; i < ng; i++)
			say(t, &p, BULLETED, ROLE_NORMAL, SCORE_SENTENCE_GIVEUP, order[i]);
		pane_blank(&p);
	}

	pane_text(t, &p, 0, ROLE_GROUP, "What would change it");
	size_t n = score_change_order(r, order);
	for (size_t i = 0; i < n && i < SHOWN_CHANGES; i++)
		say(t, &p, BULLETED, ROLE_NORMAL, SCORE_SENTENCE_CHANGE, order[i]);
	free(order);
	if (n > SHOWN_CHANGES)
		pane_wrapped(t, &p, 4, ROLE_DIM, "More in the breakdown (Tab).");
	else
		say(t, &p, BULLETED, ROLE_NORMAL, SCORE_SENTENCE_STEADY, n);
	pane_blank(&p);

	if (r->nlevers) {
		pane_text(t, &p, 0, ROLE_GROUP, "If you answered differently");
		say(t, &p, INDENTED, ROLE_TITLE, SCORE_SENTENCE_TOP_LEVER, 0);
		for (size_t l = 0; l < r->nlevers; l++) {
			if (l == 0 || r->levers[l].question != r->levers[l - 1].question)
				say(t, &p, INDENTED, ROLE_NORMAL, SCORE_SENTENCE_LEVER_QUESTION,
				    r->levers[l].question);
			say(t, &p, BULLETED, r->levers[l].winner != r->winner ? ROLE_WARN : ROLE_NORMAL,
			    SCORE_SENTENCE_LEVER_SHORT, l);
		}
		pane_blank(&p);
	}
	say(t, &p, PLAIN, ROLE_NORMAL, SCORE_SENTENCE_CONFIDENCE, 0);
	pane_blank(&p);
	draw_methods(t, &p);

	snprintf(buf, sizeof buf,
	         "Scores run from 0 to 100. The margin is the gap between the first two; the "
	         "confidence is how often the same option comes first when every weight is "
	         "nudged up or down by one step. Saved as session %lld.", t->flow.id);
	pane_wrapped(t, &p, 0, ROLE_DIM, buf);
	pane_finish(t, &p, &rs->scroll[0]);
}

static void draw_breakdown(struct tui *t, struct results_state *rs)
{
	const struct criteria *c = t->flow.c;
	const struct result *r = &t->flow.result;
	int w = t->cols - 4;
	int fixed = 7 + 14;
	int ncols = (w - 16 - fixed) / OPTION_COLUMN;
	if (ncols < 1)
		ncols = 1;
	if ((size_t)ncols > c->noptions)
		ncols = (int)c->noptions;
	int maxcol = (int)c->noptions - ncols;
	if (rs->column > maxcol)
		rs->column = maxcol;
	int first = rs->column;
	int namew = w - fixed - ncols * OPTION_COLUMN;
	int x = 2 + namew;

	draw_text(t, 3, 2, namew - 1, ROLE_GROUP, "Criterion");
	draw_text(t, 3, x, 7, ROLE_GROUP, "Weight");
	for (int i = 0; i < ncols; i++) {
		size_t o = r->ranking[first + i];
		draw_text(t, 3, x + 7 + i * OPTION_COLUMN, OPTION_COLUMN - 1, ROLE_GROUP,
		          c->options[o].name);
	}
	draw_text(t, 3, x + 7 + ncols * OPTION_COLUMN, 14, ROLE_GROUP, "Changes at");
	if (first > 0)
		draw_text(t, 3, x + 5, 1, ROLE_DIM, glyph(t, GLYPH_MORE_UP));
	if (first < maxcol)
		draw_textf(t, 3, x + 7 + ncols * OPTION_COLUMN - 2, 2, ROLE_DIM, "%s",
		           t->utf8 ? "\u25b6" : ">");

	struct pane p;
	pane_init(&p, 4, 2, t->rows - 5, w, rs->scroll[1]);
	char buf[64];
	for (size_t k = 0; k <= c->ncriteria; k++) {
		/* A row is as tall as its criterion's name, or where it changes:
		 * nothing is cut. */
		int top = p.y, atx = x + 7 + ncols * OPTION_COLUMN;
		const char *name = k < c->ncriteria ? c->criteria[k].name : "Score";
		int lines = pane_cell(t, &p, top, 0, namew - 1,
		                      k < c->ncriteria ? ROLE_NORMAL : ROLE_TITLE, name);
		if (k < c->ncriteria) {
			const struct sensitivity *se = &r->sensitivity[k];
			char at[256];
			if (isnan(se->step))
				snprintf(at, sizeof at, "-");
			else
				snprintf(at, sizeof at, "at %g: %s", se->step,
				         se->step_winner >= 0 ? c->options[se->step_winner].name : "tie");
			int n = pane_cell(t, &p, top, atx - p.left, 14,
			                  isnan(se->step) ? ROLE_DIM : ROLE_WARN, at);
			lines = n > lines ? n : lines;
		}
		p.y += lines;
		int row = pane_row(&p, top);
		if (row < 0)
			continue;
		if (k < c->ncriteria) {
			format_weight(r->weights[k], buf, sizeof buf);
			draw_textf(t, row, x, 7, r->weight_source[k] == WEIGHT_PERSON ? ROLE_TITLE
			           : ROLE_NORMAL, "%4s", buf);
		}
		for (int i = 0; i < ncols; i++) {
			size_t o = r->ranking[first + i];
			int cx = x + 7 + i * OPTION_COLUMN;
			if (k == c->ncriteria) {
				draw_textf(t, row, cx, OPTION_COLUMN - 1, ROLE_TITLE, "%10.1f", r->scores[o]);
				continue;
			}
			double rating = r->ratings[k * r->noptions + o];
			double pts = r->contributions[k * r->noptions + o];
			int best = 1;
			for (size_t j = 0; j < r->noptions; j++)
				best &= r->contributions[k * r->noptions + j] <= pts;
			draw_textf(t, row, cx, OPTION_COLUMN - 1, best && pts > 0 ? ROLE_GOOD : ROLE_NORMAL,
			           "%2g %s %5.1f", rating, glyph(t, GLYPH_ARROW), pts);
		}
	}
	pane_finish(t, &p, &rs->scroll[1]);
}

static void results_draw(struct tui *t, void *state)
{
	struct results_state *rs = state;
	char right[64];
	snprintf(right, sizeof right, "rating %s points", glyph(t, GLYPH_ARROW));
	draw_rule(t, 1, rs->part ? "Results: points per criterion" : "Results",
	          rs->part ? right : NULL);
	if (!t->flow.have_result) {
		struct pane p;
		pane_init(&p, 3, 2, t->rows - 4, t->cols - 4, 0);
		char buf[300];
		if (t->flow.score_status == SCORE_PAIRWISE_INCOMPLETE)
			snprintf(buf, sizeof buf, "Your comparisons do not yet link every criterion, "
			         "so the weights cannot be worked out.\n\nPress b to go back to them.");
		else
			snprintf(buf, sizeof buf, "Every weight is %d (%s), so there is nothing to "
			         "weigh.\n\nPress b to go back and give at least one point some weight.",
			         t->flow.c->scale.min, t->flow.c->scale.labels[0]);
		pane_wrapped(t, &p, 0, ROLE_WARN, buf);
		return;
	}
	if (rs->part)
		draw_breakdown(t, rs);
	else
		draw_summary(t, rs);
}

static void results_act(struct tui *t, void *state, enum action a, int arg)
{
	struct results_state *rs = state;
	(void)arg;
	int *scroll = &rs->scroll[rs->part];
	int page = t->rows - 6;
	switch (a) {
	case ACT_NEXT_PART:
	case ACT_PREV_PART:
		rs->part = !rs->part;
		break;
	case ACT_LEFT:
		if (rs->column > 0)
			rs->column--;
		break;
	case ACT_RIGHT:
		rs->column++;
		break;
	case ACT_EXPORT:
		if (t->flow.have_result)
			screen_export_open(t, 0, t->flow.s->project, t->flow.s->respondent);
		else
			tui_message(t, ROLE_WARN, "Nothing to export: every weight is %d.",
			            t->flow.c->scale.min);
		break;
	case ACT_DECIDE:
		if (t->flow.have_result)
			screen_decide_open(t);
		else
			tui_message(t, ROLE_WARN, "No result yet to record a decision beside.");
		break;
	case ACT_NEW:
		flow_close(&t->flow);
		tui_show(t, SCREEN_START);
		break;
	case ACT_BACK:
		walk_back(t);
		break;
	default:
		keys_move_scroll(a, scroll, page);
		break;
	}
}

const struct screen_ops screen_results_ops = {
	.name = "Results",
	.context = KC_RESULTS,
	.state_size = sizeof(struct results_state),
	.enter = results_enter,
	.draw = results_draw,
	.act = results_act,
};
