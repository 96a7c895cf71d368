/* flow.c - the course of a session: steps, and answers saved as given. */
#include "flow.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ahp.h"
#include "clock.h"
#include "criteria_groups.h"
#include "saved_session.h"
#include "xalloc.h"

void flow_init(struct flow *f, struct store *st, struct criteria_source *fresh)
{
	memset(f, 0, sizeof *f);
	f->store = st;
	f->fresh = *fresh;
	memset(fresh, 0, sizeof *fresh);
	f->c = f->fresh.model;
	f->src = &f->fresh;
	f->decided = -1;
}

/* No decision recorded: a new session, or a copy. */
static void forget_decision(struct flow *f)
{
	free(f->decided_note);
	f->decided_note = NULL;
	f->decided = -1;
	f->decided_at = 0;
}

/* The latest decision in S's journal, for the criteria C. */
static void take_decision(struct flow *f, const struct stored_session *s)
{
	forget_decision(f);
	for (size_t i = s->njournal; i-- > 0;) {
		const struct journal_entry *e = &s->journal[i];
		if (strcmp(e->kind, "decision") != 0)
			continue;
		for (size_t o = 0; o < f->c->noptions; o++)
			if (strcmp(f->c->options[o].id, e->option) == 0) {
				f->decided = (int)o;
				f->decided_at = e->at;
				f->decided_note = e->note ? xstrdup(e->note) : NULL;
			}
		return;
	}
}

void flow_free(struct flow *f)
{
	flow_close(f);
	criteria_source_free(&f->fresh);
	f->c = NULL;
	f->src = NULL;
}

static void forget_result(struct flow *f)
{
	if (f->have_result)
		result_free(&f->result);
	f->have_result = 0;
}

void flow_close(struct flow *f)
{
	forget_result(f);
	session_free(f->s);
	f->s = NULL;
	criteria_source_free(&f->loaded);
	f->c = f->fresh.model;
	f->src = &f->fresh;
	f->id = 0;
	f->step = 0;
	f->complete = 0;
	forget_decision(f);
}

/* The session being answered is no longer stored: another program deleted
 * it. Closes it. Returns -1. */
static int vanished(struct flow *f, struct verror *err)
{
	long long id = f->id;
	flow_close(f);
	return verror_set(err, VERROR_INPUT, "Session %lld is no longer stored (deleted by another "
	                  "program?), so the last change was not saved.", id);
}

/* The outcome RC of a store call on the current session: 0, or -1 with ERR
 * filled (the session closed when it is gone). */
static int saved(struct flow *f, int rc, struct verror *err)
{
	if (rc && store_error(f->store)->kind == VERROR_INPUT)
		return vanished(f, err);
	if (rc)
		return verror_copy(err, store_error(f->store));
	return 0;
}

/* An answer changed: a finished session is in progress again until its
 * results are seen, and resumes on the step where it was changed. */
static int touched(struct flow *f, struct verror *err)
{
	forget_result(f);
	if (!f->complete)
		return 0;
	if (saved(f, store_save_status(f->store, f->id, SESSION_IN_PROGRESS, NULL), err))
		return -1;
	f->complete = 0;
	return saved(f, store_save_step(f->store, f->id, f->step), err);
}

static const char *nonempty(const char *s)
{
	return s && *s ? s : NULL;
}

int flow_new(struct flow *f, const char *project, const char *respondent, struct verror *err)
{
	flow_close(f);
	project = nonempty(project);
	respondent = nonempty(respondent);
	f->s = session_new(f->c);
	session_set_text(&f->s->project, project);
	session_set_text(&f->s->respondent, respondent);
	long long id;
	if (store_create(f->store, f->src->name, f->src->text, f->src->len, f->c->id, f->c->title,
	                 project, respondent, &id))
		return verror_copy(err, store_error(f->store));
	f->id = id;
	f->step = -1;
	return flow_goto(f, 0, err);
}

int flow_open(struct flow *f, long long id, struct verror *err)
{
	struct saved_session sv;
	if (saved_session_load(f->store, id, &sv, NULL, err))
		return -1;
	flow_close(f);
	f->loaded = sv.source;
	memset(&sv.source, 0, sizeof sv.source);
	f->s = sv.session;
	sv.session = NULL;
	f->c = f->loaded.model;
	f->src = &f->loaded;
	f->id = id;
	f->complete = sv.stored.status == SESSION_COMPLETE;
	f->step = sv.stored.step;
	take_decision(f, &sv.stored);
	int step = f->complete ? session_results_step(f->c, f->s->weighting) : sv.stored.step;
	saved_session_free(&sv);
	return flow_goto(f, step, err);
}

int flow_goto(struct flow *f, int step, struct verror *err)
{
	int last = session_results_step(f->c, f->s->weighting);
	if (step < 0)
		step = 0;
	if (step > last)
		step = last;
	/* The step reached is where an unfinished session resumes; a finished
	 * one is only looked at, and looking writes nothing. */
	if (step != f->step && !f->complete &&
	    saved(f, store_save_step(f->store, f->id, step), err))
		return -1;
	f->step = step;
	return 0;
}

int flow_next(struct flow *f, struct verror *err)
{
	return flow_goto(f, f->step + 1, err);
}

int flow_back(struct flow *f, struct verror *err)
{
	return f->step > 0 ? flow_goto(f, f->step - 1, err) : 0;
}

struct flow_change flow_choice(const struct flow *f, size_t q, int choice)
{
	if (choice < 0 || (size_t)choice >= f->c->questions[q].nchoices)
		choice = SESSION_NO_CHOICE;
	return (struct flow_change){ .kind = FLOW_CHOICE, .index = q, .value = choice };
}

struct flow_change flow_weight(const struct flow *f, size_t k, double weight)
{
	const struct scale *sc = &f->c->scale;
	if (weight < sc->min)
		weight = sc->min;
	if (weight > sc->max)
		weight = sc->max;
	return (struct flow_change){ .kind = FLOW_WEIGHT, .index = k, .value = weight };
}

struct flow_change flow_default(size_t k)
{
	return (struct flow_change){ .kind = FLOW_DEFAULT, .index = k };
}

struct flow_change flow_weighting(enum weighting w)
{
	return (struct flow_change){ .kind = FLOW_WEIGHTING, .value = w };
}

struct flow_change flow_judgment(enum judgment_level level, size_t a, size_t b, double value)
{
	return (struct flow_change){ .kind = FLOW_JUDGMENT, .index = a, .other = b,
	                             .level = level, .value = ahp_nearest_scale(value) };
}

struct flow_change flow_unjudge(enum judgment_level level, size_t a, size_t b)
{
	return (struct flow_change){ .kind = FLOW_UNJUDGE, .index = a, .other = b,
	                             .level = level };
}

int flow_changes(const struct flow *f, const struct flow_change *ch)
{
	const struct session *s = f->s;
	switch (ch->kind) {
	case FLOW_CHOICE:
		return s->choices[ch->index] != (int)ch->value;
	case FLOW_WEIGHT:
		return !s->weight_set[ch->index] || s->weights[ch->index] != ch->value;
	case FLOW_DEFAULT:
		return s->weight_set[ch->index] != 0;
	case FLOW_WEIGHTING:
		return s->weighting != (enum weighting)ch->value;
	case FLOW_JUDGMENT: {
		const struct judgment *j = session_judgment(s, ch->level, ch->index, ch->other);
		if (!j)
			return 1;
		/* The same comparison given the other way round is the same answer. */
		double v = j->a == ch->index ? j->value : 1 / j->value;
		return fabs(v - ch->value) > 1e-9 * ch->value;
	}
	case FLOW_UNJUDGE:
		return session_judgment(s, ch->level, ch->index, ch->other) != NULL;
	}
	return 0;
}

/* The store's name of an item of a comparison at LEVEL: a criterion's id or
 * a group's name. */
static const char *item_name(const struct criteria *c, const struct criteria_groups *g,
                             enum judgment_level level, size_t i)
{
	return level == JUDGE_GROUPS ? g->names[i] : c->criteria[i].id;
}

/* Saves comparison change CH, then keeps it in the session. */
static int apply_judgment(struct flow *f, const struct flow_change *ch, struct verror *err)
{
	struct criteria_groups g;
	criteria_groups_init(&g, f->c);
	const char *level = ch->level == JUDGE_GROUPS ? "groups" : "criteria";
	const char *a = item_name(f->c, &g, ch->level, ch->index);
	const char *b = item_name(f->c, &g, ch->level, ch->other);
	int rc = ch->kind == FLOW_JUDGMENT
	         ? store_save_judgment(f->store, f->id, level, a, b, ch->value)
	         : store_clear_judgment(f->store, f->id, level, a, b);
	criteria_groups_free(&g);
	if (saved(f, rc, err))
		return -1;
	if (ch->kind == FLOW_JUDGMENT)
		session_set_judgment(f->s, ch->level, ch->index, ch->other, ch->value);
	else
		session_clear_judgment(f->s, ch->level, ch->index, ch->other);
	return 0;
}

/* Saves CH, then keeps it in the session. */
static int apply(struct flow *f, const struct flow_change *ch, struct verror *err)
{
	const struct criteria *c = f->c;
	size_t i = ch->index;
	int rc;
	switch (ch->kind) {
	case FLOW_CHOICE: {
		const struct question *q = &c->questions[i];
		int choice = (int)ch->value;
		rc = store_save_choice(f->store, f->id, q->id, choice < 0 ? NULL : q->choices[choice].id);
		if (saved(f, rc, err))
			return -1;
		f->s->choices[i] = choice;
		break;
	}
	case FLOW_WEIGHT:
		if (saved(f, store_save_weight(f->store, f->id, c->criteria[i].id, ch->value), err))
			return -1;
		f->s->weights[i] = ch->value;
		f->s->weight_set[i] = 1;
		break;
	case FLOW_DEFAULT:
		if (saved(f, store_clear_weight(f->store, f->id, c->criteria[i].id), err))
			return -1;
		f->s->weight_set[i] = 0;
		break;
	case FLOW_WEIGHTING: {
		enum weighting w = (enum weighting)ch->value;
		rc = store_save_weighting(f->store, f->id,
		                          w == WEIGHTING_PAIRWISE ? "pairwise" : "ratings");
		if (saved(f, rc, err))
			return -1;
		f->s->weighting = w;
		/* The steps are numbered anew: weighing starts again, the new way. */
		if (touched(f, err))
			return -1;
		return flow_goto(f, session_weighing_step(c), err);
	}
	case FLOW_JUDGMENT:
	case FLOW_UNJUDGE:
		if (apply_judgment(f, ch, err))
			return -1;
		break;
	}
	return touched(f, err);
}

int flow_answer(struct flow *f, const struct flow_change *ch, struct verror *err)
{
	if (!flow_changes(f, ch))
		return 0;
	return apply(f, ch, err);
}

int flow_edit_finished(struct flow *f, const struct flow_change *ch, enum flow_where where,
                       long long *rev, struct verror *err)
{
	*rev = 0;
	if (where == FLOW_IN_COPY) {
		long long copy;
		if (saved(f, store_copy(f->store, f->id, NULL, &copy), err))
			return -1;
		f->id = copy;
		forget_decision(f);     /* a copy starts with no decision */
	} else if (saved(f, store_revision_save(f->store, f->id, rev), err)) {
		return -1;
	}
	return apply(f, ch, err);
}

double flow_current_weight(const struct flow *f, size_t k, enum weight_source *source)
{
	return score_effective_weight(f->c, f->s, k, source, NULL);
}

double flow_default_weight(const struct flow *f, size_t k)
{
	return score_profile_weight(f->c, f->s, k, NULL);
}

int flow_score(struct flow *f, struct verror *err)
{
	forget_result(f);
	enum score_status st = score_session(f->c, f->s, &f->result);
	f->score_status = st;
	if (st != SCORE_OK)
		return 0;
	f->have_result = 1;
	if (f->complete)
		return 0;
	const char *winner = f->result.winner >= 0 ? f->c->options[f->result.winner].name : NULL;
	if (saved(f, store_save_result(f->store, f->id, winner, f->result.margin,
	                               strength_name(f->result.strength)), err))
		return -1;
	f->complete = 1;
	return 0;
}

enum score_status flow_preview(const struct flow *f, struct result *r)
{
	return score_session(f->c, f->s, r);
}

int flow_decide(struct flow *f, size_t o, const char *note, struct verror *err)
{
	if (!f->id || o >= f->c->noptions)
		return verror_set(err, VERROR_INPUT, "There is no such option to record.");
	note = nonempty(note);
	const char *advised = f->complete && f->have_result && f->result.winner >= 0
	                      ? f->c->options[f->result.winner].name : NULL;
	if (saved(f, store_decide(f->store, f->id, f->c->options[o].id, f->c->options[o].name,
	                          advised, note, NULL), err))
		return -1;
	char *copy = note ? xstrdup(note) : NULL;
	forget_decision(f);
	f->decided = (int)o;
	f->decided_at = clock_now();
	f->decided_note = copy;
	return 0;
}

int flow_resumable(struct flow *f, long long *id, struct verror *err)
{
	*id = 0;
	if (f->id && !f->complete) {
		*id = f->id;
		return 0;
	}
	if (store_latest_unfinished(f->store, f->fresh.model->id, id)) {
		*id = 0;
		return verror_copy(err, store_error(f->store));
	}
	return 0;
}

void flow_resume_label(struct flow *f, long long id, char *buf, size_t len)
{
	snprintf(buf, len, "Resume session %lld", id);
	struct saved_session sv;
	if (saved_session_load(f->store, id, &sv, NULL, NULL))
		return;
	char where[64];
	session_step_label(sv.source.model, sv.session, sv.stored.step, where, sizeof where);
	const char *who = sv.stored.project ? sv.stored.project : sv.stored.respondent;
	snprintf(buf, len, "Resume %s%s%s at %s", who ? "\"" : "",
	         who ? who : "the unfinished session", who ? "\"" : "", where);
	saved_session_free(&sv);
}
