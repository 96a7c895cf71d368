/* walk.c - the walk-through's course: steps, and answers saved as given. */
#include "tui/walk.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "saved_session.h"

int walk_nsteps(const struct criteria *c)
{
	return (int)(c->nquestions + c->ncriteria) + 2;
}

enum step_kind walk_step_kind(const struct criteria *c, int step, size_t *index)
{
	size_t s = step < 0 ? 0 : (size_t)step;
	*index = 0;
	if (s < c->nquestions) {
		*index = s;
		return STEP_QUESTION;
	}
	s -= c->nquestions;
	if (s < c->ncriteria) {
		*index = s;
		return STEP_CRITERION;
	}
	return s == c->ncriteria ? STEP_REVIEW : STEP_RESULTS;
}

int walk_criterion_step(const struct criteria *c, size_t k)
{
	return (int)(c->nquestions + k);
}

int walk_review_step(const struct criteria *c)
{
	return (int)(c->nquestions + c->ncriteria);
}

void walk_step_label(const struct criteria *c, int step, char *buf, size_t len)
{
	size_t i;
	switch (walk_step_kind(c, step, &i)) {
	case STEP_QUESTION:
		snprintf(buf, len, "question %zu of %zu", i + 1, c->nquestions);
		break;
	case STEP_CRITERION:
		snprintf(buf, len, "criterion %zu of %zu", i + 1, c->ncriteria);
		break;
	case STEP_REVIEW:
		snprintf(buf, len, "the review");
		break;
	case STEP_RESULTS:
		snprintf(buf, len, "the results");
		break;
	}
}

void walk_close(struct tui *t)
{
	if (t->have_result)
		result_free(&t->result);
	t->have_result = 0;
	session_free(t->s);
	t->s = NULL;
	criteria_source_free(&t->loaded);
	t->c = t->fresh.model;
	t->src = &t->fresh;
	t->id = 0;
	t->step = 0;
	t->complete = 0;
	t->edit.asking = 0;
}

int walk_vanished(struct tui *t)
{
	long long id = t->id;
	walk_close(t);
	tui_show(t, SCREEN_START);
	tui_message(t, ROLE_ERROR, "Session %lld is no longer stored (deleted by another program?), "
	            "so the last change was not saved.", id);
	return -1;
}

/* The outcome RC of a write to the current session: 0, or -1 having ended
 * the walk-through (a storage failure) or gone back to the start screen (the
 * session is gone). */
static int saved(struct tui *t, int rc)
{
	if (rc && store_error(t->store)->kind == VERROR_INPUT)
		return walk_vanished(t);
	if (rc)
		return tui_fail_storage(t);
	return 0;
}

/* An answer changed: a finished session is in progress again until its
 * results are seen, and resumes on the step where it was changed. */
static int touched(struct tui *t)
{
	if (t->have_result) {
		result_free(&t->result);
		t->have_result = 0;
	}
	if (!t->complete)
		return 0;
	if (saved(t, store_save_status(t->store, t->id, SESSION_IN_PROGRESS, NULL)))
		return -1;
	t->complete = 0;
	return saved(t, store_save_step(t->store, t->id, t->step));
}

static const char *nonempty(const char *s)
{
	return s && *s ? s : NULL;
}

int walk_new(struct tui *t, const char *project, const char *respondent)
{
	walk_close(t);
	project = nonempty(project);
	respondent = nonempty(respondent);
	t->s = session_new(t->c);
	session_set_text(&t->s->project, project);
	session_set_text(&t->s->respondent, respondent);
	long long id;
	if (store_create(t->store, t->src->name, t->src->text, t->src->len, t->c->id, t->c->title,
	                 project, respondent, &id))
		return tui_fail_storage(t);
	t->id = id;
	t->step = -1;
	return walk_goto(t, 0);
}

int walk_open(struct tui *t, long long id)
{
	struct saved_session sv;
	struct verror err;
	int rc = saved_session_load(t->store, id, &sv, NULL, &err);
	if (rc && err.kind == VERROR_INPUT) {
		tui_message(t, ROLE_ERROR, "Session %lld cannot be opened: %s", id, err.msg);
		return 1;
	}
	if (rc) {
		snprintf(t->fatal, sizeof t->fatal, "%s", err.msg);
		t->status = verror_exit_status(err.kind);
		t->quit = 1;
		return -1;
	}
	walk_close(t);
	t->loaded = sv.source;
	memset(&sv.source, 0, sizeof sv.source);
	t->s = sv.session;
	sv.session = NULL;
	t->c = t->loaded.model;
	t->src = &t->loaded;
	t->id = id;
	t->complete = sv.stored.status == SESSION_COMPLETE;
	t->step = sv.stored.step;
	int step = t->complete ? walk_nsteps(t->c) - 1 : sv.stored.step;
	saved_session_free(&sv);
	return walk_goto(t, step);
}

int walk_goto(struct tui *t, int step)
{
	int last = walk_nsteps(t->c) - 1;
	if (step < 0)
		step = 0;
	if (step > last)
		step = last;
	/* The step reached is where an unfinished session resumes; a finished
	 * one is only looked at, and looking writes nothing. */
	if (step != t->step && !t->complete && saved(t, store_save_step(t->store, t->id, step)))
		return -1;
	t->step = step;
	size_t i;
	static const enum screen_id screens[] = {
		[STEP_QUESTION] = SCREEN_PROFILE,
		[STEP_CRITERION] = SCREEN_CRITERION,
		[STEP_REVIEW] = SCREEN_REVIEW,
		[STEP_RESULTS] = SCREEN_RESULTS,
	};
	tui_show(t, screens[walk_step_kind(t->c, step, &i)]);
	return 0;
}

int walk_next(struct tui *t)
{
	return walk_goto(t, t->step + 1);
}

int walk_back(struct tui *t)
{
	if (t->step <= 0) {
		tui_show(t, SCREEN_START);
		return 0;
	}
	return walk_goto(t, t->step - 1);
}

/* A finished session is a record: a change to it waits for the person to
 * say where it goes (walk_edit_finished). Returns 1 when it waits. */
static int ask_first(struct tui *t, enum change_kind kind, size_t index, double value)
{
	if (!t->complete)
		return 0;
	struct edit_state *e = &t->edit;
	e->asking = 1;
	e->cursor = EDIT_COPY;
	e->scroll = 0;
	e->kind = kind;
	e->index = index;
	e->value = value;
	return 1;
}

static int set_choice(struct tui *t, size_t q, int choice)
{
	const struct question *qu = &t->c->questions[q];
	if (saved(t, store_save_choice(t->store, t->id, qu->id,
	                               choice < 0 ? NULL : qu->choices[choice].id)))
		return -1;
	t->s->choices[q] = choice;
	return touched(t);
}

int walk_set_choice(struct tui *t, size_t q, int choice)
{
	const struct question *qu = &t->c->questions[q];
	if (choice < 0 || (size_t)choice >= qu->nchoices)
		choice = SESSION_NO_CHOICE;
	if (t->s->choices[q] == choice)
		return 0;
	if (ask_first(t, CHANGE_CHOICE, q, choice))
		return 1;
	return set_choice(t, q, choice);
}

static int set_weight(struct tui *t, size_t k, double weight)
{
	if (saved(t, store_save_weight(t->store, t->id, t->c->criteria[k].id, weight)))
		return -1;
	t->s->weights[k] = weight;
	t->s->weight_set[k] = 1;
	return touched(t);
}

int walk_set_weight(struct tui *t, size_t k, double weight)
{
	if (weight < t->c->scale.min)
		weight = t->c->scale.min;
	if (weight > t->c->scale.max)
		weight = t->c->scale.max;
	if (t->s->weight_set[k] && t->s->weights[k] == weight)
		return 0;
	if (ask_first(t, CHANGE_WEIGHT, k, weight))
		return 1;
	return set_weight(t, k, weight);
}

int walk_pick_weight(struct tui *t, size_t k, int v)
{
	const struct scale *sc = &t->c->scale;
	if (v >= sc->min && v <= sc->max)
		return walk_set_weight(t, k, v);
	tui_message(t, ROLE_WARN, "The weights run from %d to %d.", sc->min, sc->max);
	return 0;
}

static int clear_weight(struct tui *t, size_t k)
{
	if (saved(t, store_clear_weight(t->store, t->id, t->c->criteria[k].id)))
		return -1;
	t->s->weight_set[k] = 0;
	return touched(t);
}

int walk_clear_weight(struct tui *t, size_t k)
{
	if (!t->s->weight_set[k])
		return 0;
	if (ask_first(t, CHANGE_CLEAR, k, 0))
		return 1;
	return clear_weight(t, k);
}

int walk_edit_finished(struct tui *t, enum edit_where where)
{
	struct edit_state *e = &t->edit;
	if (!e->asking)
		return 0;
	e->asking = 0;
	long long original = t->id, rev = 0;
	if (where == EDIT_COPY) {
		long long copy;
		if (saved(t, store_copy(t->store, t->id, NULL, &copy)))
			return -1;
		t->id = copy;
	} else if (saved(t, store_revision_save(t->store, t->id, &rev))) {
		return -1;
	}
	int rc;
	switch (e->kind) {
	case CHANGE_CHOICE:
		rc = set_choice(t, e->index, (int)e->value);
		break;
	case CHANGE_WEIGHT:
		rc = set_weight(t, e->index, e->value);
		break;
	default:
		rc = clear_weight(t, e->index);
		break;
	}
	if (rc)
		return rc;
	if (where == EDIT_COPY)
		tui_message(t, ROLE_GOOD, "Changed in session %lld, a copy; session %lld stays as it was.",
		            t->id, original);
	else
		tui_message(t, ROLE_GOOD, "Changed in session %lld; its answers before are revision "
		            "%lld ('verdict show %lld --revisions').", t->id, rev, t->id);
	/* A choice is answered with Enter, which goes on. */
	return e->kind == CHANGE_CHOICE ? walk_next(t) : 0;
}

void walk_edit_cancel(struct tui *t)
{
	t->edit.asking = 0;
	tui_message(t, ROLE_NORMAL, "Nothing changed: session %lld stays as it was.", t->id);
}

double walk_weight(struct tui *t, size_t k, enum weight_source *source)
{
	int cause;
	return score_effective_weight(t->c, t->s, k, source, &cause);
}

double walk_default_weight(struct tui *t, size_t k, int *cause)
{
	unsigned char set = t->s->weight_set[k];
	enum weight_source source;
	t->s->weight_set[k] = 0;
	double w = score_effective_weight(t->c, t->s, k, &source, cause);
	t->s->weight_set[k] = set;
	return w;
}

int walk_score(struct tui *t)
{
	if (t->have_result) {
		result_free(&t->result);
		t->have_result = 0;
	}
	t->score_status = score_session(t->c, t->s, &t->result);
	if (t->score_status == SCORE_NO_MEMORY)
		return tui_fail_memory(t);
	if (t->score_status != SCORE_OK)
		return 0;
	t->have_result = 1;
	if (t->complete)
		return 0;
	const char *winner = t->result.winner >= 0 ? t->c->options[t->result.winner].name : NULL;
	if (saved(t, store_save_status(t->store, t->id, SESSION_COMPLETE, winner)))
		return -1;
	t->complete = 1;
	return 0;
}
