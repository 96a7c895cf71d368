/* screen_team.c - a project's group view, opened from the history (t): the
 * group's recommendation, each respondent's own winner, the criteria they
 * disagree on most and the consensus, as `verdict team --project` says
 * them (team_load.h, team_report.h). */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "score_number.h"
#include "team_load.h"
#include "tui/draw.h"
#include "tui/walk.h"

/* The criteria listed as the most disagreed. */
#define TEAM_SCREEN_SPREADS 3

struct team_state {
	struct team_group g;
	int loaded;
	int scroll;
};

void screen_team_open(struct tui *t, const char *project)
{
	struct team_state *s = tui_state(t, SCREEN_TEAM);
	if (s->loaded) {
		team_group_free(&s->g);
		s->loaded = 0;
	}
	struct verror err;
	if (team_load_project(t->store, project, clock_now(), &s->g, &err)) {
		if (err.kind == VERROR_INPUT || err.kind == VERROR_USAGE)
			tui_message(t, ROLE_WARN, "No group view: %s.", err.msg);
		else
			walk_failed(t, &err);
		return;
	}
	s->loaded = 1;
	s->scroll = 0;
	tui_show(t, SCREEN_TEAM);
}

static void team_leave(struct tui *t, void *state)
{
	(void)t;
	struct team_state *s = state;
	if (s->loaded)
		team_group_free(&s->g);
	s->loaded = 0;
}

static void team_draw(struct tui *t, void *state)
{
	struct team_state *s = state;
	if (!s->loaded)
		return;
	const struct team_report *rep = &s->g.rep;
	const struct team_result *tr = &s->g.t;
	const struct criteria *c = rep->c;
	char left[512], right[64], line[1024];
	snprintf(left, sizeof left, "Group view%s%s", rep->project ? ": " : "",
	         rep->project ? rep->project : "");
	snprintf(right, sizeof right, "%zu respondents", rep->n);
	draw_rule(t, 1, left, right);
	struct pane p;
	pane_init(&p, 3, 2, t->rows - 4, t->cols - 4, s->scroll);
	pane_wrapped(t, &p, 0, ROLE_TITLE, rep->recommendation);
	const struct result *r = &tr->result;
	int namew = 0;
	for (size_t o = 0; o < r->noptions; o++) {
		int w = draw_width(c->options[o].name);
		namew = w > namew ? w : namew;
	}
	namew = namew > 24 ? 24 : namew;
	for (size_t k = 0; k < r->noptions; k++) {
		size_t o = r->ranking[k];
		int row = pane_row(&p, p.y);
		if (row >= 0) {
			draw_text(t, row, p.left + 2, namew, ROLE_NORMAL, c->options[o].name);
			int barw = p.width - namew - 12;
			if (barw > 40)
				barw = 40;
			if (barw > 4)
				draw_bar(t, row, p.left + namew + 4, barw, r->scores[o] / 100,
				         (int)o == r->winner ? ROLE_BAR_WIN : ROLE_BAR);
			draw_textf(t, row, p.left + namew + 5 + (barw > 4 ? barw : 0), 6, ROLE_NORMAL,
			           "%5.1f", r->scores[o]);
		}
		p.y++;
	}
	pane_blank(&p);

	pane_text(t, &p, 0, ROLE_GROUP, "Each respondent's own winner");
	for (size_t k = 0; k < rep->n; k++) {
		snprintf(line, sizeof line, "%s (session %lld): %s.", rep->names[k], rep->ids[k],
		         rep->outcomes[k]);
		pane_wrapped(t, &p, 2, ROLE_NORMAL, line);
	}
	pane_blank(&p);

	snprintf(line, sizeof line, "Where they disagree most (weights on the %d-%d scale)",
	         c->scale.min, c->scale.max);
	pane_text(t, &p, 0, ROLE_GROUP, line);
	for (size_t j = 0; j < tr->ncriteria && j < TEAM_SCREEN_SPREADS; j++) {
		const struct team_spread *sp = &tr->spread[j];
		char lo[32], hi[32], sd[32], g[32];
		score_number(lo, sizeof lo, sp->min, 2);
		score_number(hi, sizeof hi, sp->max, 2);
		score_number(sd, sizeof sd, sp->sd, 2);
		score_number(g, sizeof g, r->weights[sp->criterion], 2);
		snprintf(line, sizeof line, "%s: from %s to %s, standard deviation %s (the group: "
		         "%s)", c->criteria[sp->criterion].name, lo, hi, sd, g);
		pane_wrapped(t, &p, 2, ROLE_NORMAL, line);
	}
	pane_blank(&p);
	pane_wrapped(t, &p, 0, ROLE_NORMAL, rep->consensus_text);
	pane_blank(&p);
	pane_wrapped(t, &p, 0, ROLE_NORMAL, rep->change_text);
	pane_blank(&p);
	pane_wrapped(t, &p, 0, ROLE_DIM, rep->method_text);
	for (size_t q = 0; q < c->nquestions; q++)
		if (rep->answer_texts[q]) {
			snprintf(line, sizeof line, "Answers differ: %s", rep->answer_texts[q]);
			pane_wrapped(t, &p, 0, ROLE_DIM, line);
		}
	if (rep->nleft) {
		size_t used = (size_t)snprintf(line, sizeof line, "Left out, not finished:");
		for (size_t k = 0; k < rep->nleft && used < sizeof line; k++)
			used += (size_t)snprintf(line + used, sizeof line - used, "%s %s (session %lld)",
			                         k ? "," : "", rep->left_names[k], rep->left_ids[k]);
		pane_wrapped(t, &p, 0, ROLE_DIM, line);
	}
	pane_finish(t, &p, &s->scroll);
}

static void team_act(struct tui *t, void *state, enum action a, int arg)
{
	(void)arg;
	struct team_state *s = state;
	switch (a) {
	case ACT_BACK:
		tui_show(t, SCREEN_HISTORY);
		break;
	default:
		keys_move_scroll(a, &s->scroll, t->rows - 6);
		break;
	}
	if (s->scroll < 0)
		s->scroll = 0;
}

const struct screen_ops screen_team_ops = {
	.name = "Group view",
	.context = KC_TEAM,
	.state_size = sizeof(struct team_state),
	.leave = team_leave,
	.done = team_leave,
	.draw = team_draw,
	.act = team_act,
};
