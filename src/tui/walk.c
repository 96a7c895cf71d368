/* walk.c - the walk-through's side of the flow: each step's screen. */
#include "tui/walk.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"

int walk_failed(struct tui *t, const struct verror *err)
{
	if (err->kind != VERROR_INPUT) {
		snprintf(t->fatal, sizeof t->fatal, "%s", err->msg);
		t->status = verror_exit_status(err->kind);
		t->quit = 1;
		return -1;
	}
	if (!t->flow.id)
		tui_show(t, SCREEN_START);
	tui_message(t, ROLE_ERROR, "%s", err->msg);
	return -1;
}

int walk_choosing(const struct tui *t)
{
	const struct flow *f = &t->flow;
	if (!f->id || f->complete || f->step != session_weighing_step(f->c))
		return 0;
	for (size_t k = 0; k < f->s->ncriteria; k++)
		if (f->s->weight_set[k])
			return 0;
	return f->s->njudgments == 0;
}

/* Shows the screen of the flow's step; when OFFER, and weighing is to
 * start, first the choice of how. */
static void show_step(struct tui *t, int offer)
{
	static const enum screen_id screens[] = {
		[SESSION_STEP_QUESTION] = SCREEN_PROFILE,
		[SESSION_STEP_CRITERION] = SCREEN_CRITERION,
		[SESSION_STEP_PAIRS] = SCREEN_PAIRWISE,
		[SESSION_STEP_REVIEW] = SCREEN_REVIEW,
		[SESSION_STEP_RESULTS] = SCREEN_RESULTS,
	};
	if (offer && walk_choosing(t)) {
		tui_show(t, SCREEN_WEIGHING);
		return;
	}
	size_t i;
	enum session_step_kind kind = session_step_kind(t->flow.c, t->flow.s->weighting,
	                                                t->flow.step, &i);
	if (kind == SESSION_STEP_REVIEW && t->flow.s->weighting == WEIGHTING_PAIRWISE)
		tui_show(t, SCREEN_CONSISTENCY);
	else
		tui_show(t, screens[kind]);
}

int walk_new(struct tui *t, const char *project, const char *respondent)
{
	struct verror err;
	if (flow_new(&t->flow, project, respondent, &err))
		return walk_failed(t, &err);
	show_step(t, 1);
	return 0;
}

int walk_open(struct tui *t, long long id)
{
	struct verror err;
	if (flow_open(&t->flow, id, &err)) {
		if (err.kind != VERROR_INPUT)
			return walk_failed(t, &err);
		tui_message(t, ROLE_ERROR, "Session %lld cannot be opened: %s", id, err.msg);
		return 1;
	}
	/* A session that weighs in pairs chose so: it goes on with its
	 * comparisons (b from the first still offers the choice). */
	show_step(t, t->flow.s->weighting != WEIGHTING_PAIRWISE);
	return 0;
}

int walk_goto(struct tui *t, int step)
{
	struct verror err;
	int from = t->flow.step;
	if (flow_goto(&t->flow, step, &err))
		return walk_failed(t, &err);
	/* Coming to weighing from the step before it: how, first. */
	show_step(t, from < t->flow.step);
	return 0;
}

int walk_next(struct tui *t)
{
	return walk_goto(t, t->flow.step + 1);
}

int walk_back(struct tui *t)
{
	/* Back from the first step of weighing, before anything is weighed:
	 * the choice of how. */
	if (t->screen != SCREEN_WEIGHING && walk_choosing(t)) {
		tui_show(t, SCREEN_WEIGHING);
		return 0;
	}
	if (t->flow.step <= 0) {
		tui_show(t, SCREEN_START);
		return 0;
	}
	return walk_goto(t, t->flow.step - 1);
}

int walk_answer(struct tui *t, struct flow_change ch)
{
	if (!flow_changes(&t->flow, &ch))
		return 0;
	if (t->flow.complete) {
		/* A finished session is a record: the change waits for the
		 * person to say where it goes. */
		edit_dialog_open(t, ch);
		return 1;
	}
	struct verror err;
	if (flow_answer(&t->flow, &ch, &err))
		return walk_failed(t, &err);
	return 0;
}

int walk_set_choice(struct tui *t, size_t q, int choice)
{
	return walk_answer(t, flow_choice(&t->flow, q, choice));
}

int walk_set_weight(struct tui *t, size_t k, double weight)
{
	return walk_answer(t, flow_weight(&t->flow, k, weight));
}

int walk_clear_weight(struct tui *t, size_t k)
{
	return walk_answer(t, flow_default(k));
}

int walk_pick_weight(struct tui *t, size_t k, int v)
{
	const struct scale *sc = &t->flow.c->scale;
	if (v >= sc->min && v <= sc->max)
		return walk_set_weight(t, k, v);
	tui_message(t, ROLE_WARN, "The weights run from %d to %d.", sc->min, sc->max);
	return 0;
}

int walk_edit_finished(struct tui *t, struct flow_change ch, enum flow_where where)
{
	long long original = t->flow.id, rev;
	struct verror err;
	char dbw[600];
	if (flow_edit_finished(&t->flow, &ch, where, &rev, &err))
		return walk_failed(t, &err);
	if (where == FLOW_IN_COPY)
		tui_message(t, ROLE_GOOD, "Changed in session %lld, a copy; session %lld stays as it was.",
		            t->flow.id, original);
	else
		tui_message(t, ROLE_GOOD, "Changed in session %lld; its answers before are revision "
		            "%lld ('verdict %sshow %lld --revisions').", t->flow.id, rev,
		            cli_db_words(t->g ? t->g->db : NULL, dbw, sizeof dbw), t->flow.id);
	/* A choice is answered with Enter, which goes on; a new way of weighing
	 * starts weighing again. */
	if (ch.kind == FLOW_WEIGHTING)
		show_step(t, 0);
	return ch.kind == FLOW_CHOICE ? walk_next(t) : 0;
}

void walk_edit_cancel(struct tui *t)
{
	tui_message(t, ROLE_NORMAL, "Nothing changed: session %lld stays as it was.", t->flow.id);
}

int walk_set_weighting(struct tui *t, enum weighting w)
{
	int rc = walk_answer(t, flow_weighting(w));
	if (rc == 0)
		show_step(t, 0);
	return rc;
}

int walk_score(struct tui *t)
{
	struct verror err;
	if (flow_score(&t->flow, &err))
		return walk_failed(t, &err);
	return 0;
}
