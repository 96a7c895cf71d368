/* layer: flow */
/* test_flow.c - the course of a session (flow.h) against a database in a
 * temporary directory: a new session stored on its first step, every answer
 * saved the moment it is given, steps stored as they are reached, a session
 * resumed where it stopped, a finished session changed in a copy or in the
 * original with a revision kept, a session deleted by another program while
 * it is answered, and the weights read without writing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "criteria_source.h"
#include "flow.h"
#include "store.h"
#include "helper_tmp.h"

/* One question (2 steps' worth of answers: it moves "speed" by +2 and
 * "price" by -2), two criteria: steps 0 (the question), 1-2 (the criteria),
 * 3 (the review), 4 (the results). */
static const char criteria[] =
	"verdict: 1\n"
	"id: t\n"
	"title: Tea or coffee?\n"
	"options:\n"
	"  - { id: tea, name: Tea }\n"
	"  - { id: coffee, name: Coffee }\n"
	"criteria:\n"
	"  - { id: speed, name: Speed, question: Fast?, default_weight: 2,\n"
	"      ratings: { tea: 3, coffee: 9 } }\n"
	"  - { id: price, name: Price, question: Cheap?, default_weight: 1,\n"
	"      ratings: { tea: 8, coffee: 4 } }\n"
	"questions:\n"
	"  - id: morning\n"
	"    prompt: When do you drink it?\n"
	"    choices:\n"
	"      - { id: early, label: Early, weights: { speed: +2, price: -2 } }\n"
	"      - { id: late, label: Late }\n";

struct fixture {
	char dir[256];
	char path[300];
	struct store *st;
	struct flow flow;
	struct verror err;
};

static int setup(void **state)
{
	struct fixture *x = calloc(1, sizeof *x);
	assert_non_null(x);
	assert_int_equal(tmp_dir_make(x->dir, sizeof x->dir, "flow"), 0);
	snprintf(x->path, sizeof x->path, "%s/sessions.db", x->dir);
	setenv("VERDICT_NOW", "1700000000", 1);
	struct verror why;
	if (store_open(x->path, &x->st, &why))
		fail_msg("store_open: %s", why.msg);
	struct criteria_source src;
	assert_int_equal(criteria_source_from_text("t.yaml", criteria, strlen(criteria), &src, NULL,
	                                           &why), 0);
	flow_init(&x->flow, x->st, &src);
	assert_null(src.model);
	*state = x;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *x = *state;
	flow_free(&x->flow);
	store_close(x->st);
	tmp_dir_remove(x->dir);
	free(x);
	unsetenv("VERDICT_NOW");
	return 0;
}

/* Session ID as stored; the caller frees it with stored_session_free(). */
static struct stored_session stored(struct fixture *x, long long id)
{
	struct stored_session ss;
	assert_int_equal(store_load(x->st, id, &ss), 0);
	return ss;
}

#define OK(call)                                                                  \
	do {                                                                      \
		if ((call) != 0)                                                  \
			fail_msg("%s failed: %s", #call, x->err.msg);             \
	} while (0)

/* A new session is stored with its names, on its first step, unfinished. */
static void test_new(void **state)
{
	struct fixture *x = *state;
	struct flow *f = &x->flow;
	OK(flow_new(f, "Shop", "", &x->err));
	assert_int_equal(f->id, 1);
	assert_int_equal(f->step, 0);
	assert_int_equal(f->complete, 0);
	assert_string_equal(f->s->project, "Shop");
	assert_null(f->s->respondent);
	assert_ptr_equal(f->c, f->fresh.model);
	struct stored_session ss = stored(x, 1);
	assert_string_equal(ss.project, "Shop");
	assert_null(ss.respondent);
	assert_string_equal(ss.criteria_name, "t.yaml");
	assert_int_equal(ss.step, 0);
	assert_int_equal(ss.status, SESSION_IN_PROGRESS);
	assert_int_equal(ss.nchoices, 0);
	assert_int_equal(ss.nweights, 0);
	stored_session_free(&ss);
}

/* Each answer is in the database when flow_answer() returns; one that
 * changes nothing writes nothing. */
static void test_answers_saved(void **state)
{
	struct fixture *x = *state;
	struct flow *f = &x->flow;
	OK(flow_new(f, NULL, NULL, &x->err));
	struct flow_change ch = flow_choice(f, 0, 0);
	assert_int_equal(flow_changes(f, &ch), 1);
	OK(flow_answer(f, &ch, &x->err));
	assert_int_equal(flow_changes(f, &ch), 0);
	ch = flow_weight(f, 1, 9);      /* held to the scale: 5 */
	assert_true(ch.value == 5);
	OK(flow_answer(f, &ch, &x->err));
	struct stored_session ss = stored(x, 1);
	assert_int_equal(ss.nchoices, 1);
	assert_string_equal(ss.choices[0].question, "morning");
	assert_string_equal(ss.choices[0].choice, "early");
	assert_int_equal(ss.nweights, 1);
	assert_string_equal(ss.weights[0].criterion, "price");
	assert_true(ss.weights[0].weight == 5);
	stored_session_free(&ss);

	/* Skipped, and back to the default: both forgotten. */
	ch = flow_choice(f, 0, 7);
	assert_int_equal(ch.value, SESSION_NO_CHOICE);
	OK(flow_answer(f, &ch, &x->err));
	ch = flow_default(1);
	OK(flow_answer(f, &ch, &x->err));
	assert_int_equal(flow_changes(f, &ch), 0);
	ss = stored(x, 1);
	assert_int_equal(ss.nchoices, 0);
	assert_int_equal(ss.nweights, 0);
	stored_session_free(&ss);
	assert_int_equal(f->s->choices[0], SESSION_NO_CHOICE);
	assert_int_equal(f->s->weight_set[1], 0);
}

/* The step reached is stored; steps are held to the first and the last. */
static void test_steps(void **state)
{
	struct fixture *x = *state;
	struct flow *f = &x->flow;
	OK(flow_new(f, NULL, NULL, &x->err));
	OK(flow_back(f, &x->err));
	assert_int_equal(f->step, 0);
	OK(flow_next(f, &x->err));
	OK(flow_next(f, &x->err));
	assert_int_equal(f->step, 2);
	struct stored_session ss = stored(x, 1);
	assert_int_equal(ss.step, 2);
	stored_session_free(&ss);
	OK(flow_back(f, &x->err));
	assert_int_equal(f->step, 1);
	OK(flow_goto(f, 99, &x->err));
	assert_int_equal(f->step, 4);
	OK(flow_goto(f, -5, &x->err));
	assert_int_equal(f->step, 0);
	ss = stored(x, 1);
	assert_int_equal(ss.step, 0);
	stored_session_free(&ss);
}

/* Closed and opened again, a session goes on where it stopped, with its
 * answers, on its own criteria. */
static void test_resume(void **state)
{
	struct fixture *x = *state;
	struct flow *f = &x->flow;
	OK(flow_new(f, "Again", NULL, &x->err));
	struct flow_change ch = flow_choice(f, 0, 1);
	OK(flow_answer(f, &ch, &x->err));
	OK(flow_next(f, &x->err));
	ch = flow_weight(f, 0, 4);
	OK(flow_answer(f, &ch, &x->err));
	OK(flow_next(f, &x->err));
	long long id;
	OK(flow_resumable(f, &id, &x->err));
	assert_int_equal(id, 1);
	flow_close(f);
	assert_int_equal(f->id, 0);
	assert_null(f->s);
	OK(flow_resumable(f, &id, &x->err));
	assert_int_equal(id, 1);
	char label[128];
	flow_resume_label(f, id, label, sizeof label);
	assert_string_equal(label, "Resume \"Again\" at criterion 2 of 2");

	OK(flow_open(f, 1, &x->err));
	assert_int_equal(f->id, 1);
	assert_int_equal(f->step, 2);
	assert_int_equal(f->complete, 0);
	assert_ptr_equal(f->c, f->loaded.model);
	assert_int_equal(f->s->choices[0], 1);
	assert_int_equal(f->s->weight_set[0], 1);
	assert_true(f->s->weights[0] == 4);
	assert_string_equal(f->s->project, "Again");

	/* An unknown id leaves the open session open. */
	assert_int_equal(flow_open(f, 42, &x->err), -1);
	assert_int_equal(x->err.kind, VERROR_INPUT);
	assert_int_equal(f->id, 1);
}

/* Scored, a session is stored as finished with its winner, and reopens on
 * its results; nothing to offer to resume then. */
static void test_score(void **state)
{
	struct fixture *x = *state;
	struct flow *f = &x->flow;
	OK(flow_new(f, NULL, NULL, &x->err));
	OK(flow_goto(f, 4, &x->err));
	OK(flow_score(f, &x->err));
	assert_int_equal(f->have_result, 1);
	assert_int_equal(f->complete, 1);
	struct stored_session ss = stored(x, 1);
	assert_int_equal(ss.status, SESSION_COMPLETE);
	assert_string_equal(ss.winner_name, "Coffee");
	assert_int_equal(ss.step, 4);
	stored_session_free(&ss);
	long long id;
	OK(flow_resumable(f, &id, &x->err));
	assert_int_equal(id, 0);
	flow_close(f);
	OK(flow_open(f, 1, &x->err));
	assert_int_equal(f->step, 4);
	assert_int_equal(f->complete, 1);
	/* Looking at a finished session's steps writes nothing. */
	OK(flow_goto(f, 1, &x->err));
	ss = stored(x, 1);
	assert_int_equal(ss.step, 4);
	stored_session_free(&ss);
}

/* Every weight the scale's least: nothing to weigh, nothing stored. */
static void test_nothing_to_weigh(void **state)
{
	struct fixture *x = *state;
	struct flow *f = &x->flow;
	OK(flow_new(f, NULL, NULL, &x->err));
	for (size_t k = 0; k < 2; k++) {
		struct flow_change ch = flow_weight(f, k, 0);
		OK(flow_answer(f, &ch, &x->err));
	}
	OK(flow_score(f, &x->err));
	assert_int_equal(f->have_result, 0);
	assert_int_equal(f->complete, 0);
	struct stored_session ss = stored(x, 1);
	assert_int_equal(ss.status, SESSION_IN_PROGRESS);
	stored_session_free(&ss);
}

/* A finished session, finished and on its results. */
static void finish(struct fixture *x)
{
	struct flow *f = &x->flow;
	OK(flow_new(f, "Kept", NULL, &x->err));
	OK(flow_goto(f, 4, &x->err));
	OK(flow_score(f, &x->err));
	OK(flow_goto(f, 1, &x->err));
}

/* A change to a finished session in a copy: the copy is answered, in
 * progress, on the step changed; the original stays as it was. */
static void test_edit_in_copy(void **state)
{
	struct fixture *x = *state;
	struct flow *f = &x->flow;
	finish(x);
	struct flow_change ch = flow_weight(f, 0, 5);
	long long rev = -1;
	OK(flow_edit_finished(f, &ch, FLOW_IN_COPY, &rev, &x->err));
	assert_int_equal(rev, 0);
	assert_int_equal(f->id, 2);
	assert_int_equal(f->complete, 0);
	assert_int_equal(f->have_result, 0);
	struct stored_session ss = stored(x, 2);
	assert_int_equal(ss.copied_from, 1);
	assert_int_equal(ss.status, SESSION_IN_PROGRESS);
	assert_int_equal(ss.step, 1);
	assert_int_equal(ss.nweights, 1);
	assert_true(ss.weights[0].weight == 5);
	stored_session_free(&ss);
	ss = stored(x, 1);
	assert_int_equal(ss.status, SESSION_COMPLETE);
	assert_int_equal(ss.nweights, 0);
	assert_int_equal(ss.step, 4);
	stored_session_free(&ss);
}

/* A change to a finished session in the original: its answers before are
 * revision 1, and it is in progress again, on the step changed. */
static void test_edit_in_original(void **state)
{
	struct fixture *x = *state;
	struct flow *f = &x->flow;
	finish(x);
	struct flow_change ch = flow_weight(f, 0, 5);
	long long rev = -1;
	OK(flow_edit_finished(f, &ch, FLOW_IN_ORIGINAL, &rev, &x->err));
	assert_int_equal(rev, 1);
	assert_int_equal(f->id, 1);
	assert_int_equal(f->complete, 0);
	struct stored_session ss = stored(x, 1);
	assert_int_equal(ss.status, SESSION_IN_PROGRESS);
	assert_int_equal(ss.step, 1);
	assert_int_equal(ss.nweights, 1);
	stored_session_free(&ss);
	assert_int_equal(store_revision_load(x->st, 1, 1, &ss), 0);
	assert_int_equal(ss.status, SESSION_COMPLETE);
	assert_int_equal(ss.nweights, 0);
	stored_session_free(&ss);
}

/* Deleted by another program while it is answered: the answer is not saved,
 * the session is closed, and the message says so. */
static void test_vanished(void **state)
{
	struct fixture *x = *state;
	struct flow *f = &x->flow;
	OK(flow_new(f, NULL, NULL, &x->err));
	assert_int_equal(store_delete(x->st, 1), 0);
	struct flow_change ch = flow_weight(f, 0, 4);
	assert_int_equal(flow_answer(f, &ch, &x->err), -1);
	assert_int_equal(x->err.kind, VERROR_INPUT);
	assert_string_equal(x->err.msg, "Session 1 is no longer stored (deleted by another "
	                    "program?), so the last change was not saved.");
	assert_int_equal(f->id, 0);
	assert_null(f->s);
	assert_ptr_equal(f->c, f->fresh.model);

	OK(flow_new(f, NULL, NULL, &x->err));
	assert_int_equal(store_delete(x->st, 2), 0);
	assert_int_equal(flow_next(f, &x->err), -1);
	assert_int_equal(x->err.kind, VERROR_INPUT);
	assert_int_equal(f->id, 0);
}

/* The default weight is read, not written: the person's weight stays set,
 * and the default is the file's moved by the answers, on the scale. */
static void test_default_weight(void **state)
{
	struct fixture *x = *state;
	struct flow *f = &x->flow;
	OK(flow_new(f, NULL, NULL, &x->err));
	assert_true(flow_default_weight(f, 0) == 2);
	struct flow_change ch = flow_choice(f, 0, 0);
	OK(flow_answer(f, &ch, &x->err));
	ch = flow_weight(f, 0, 1);
	OK(flow_answer(f, &ch, &x->err));
	assert_true(flow_default_weight(f, 0) == 4);    /* 2 + 2 */
	assert_true(flow_default_weight(f, 1) == 0);    /* 1 - 2, held at 0 */
	assert_int_equal(f->s->weight_set[0], 1);
	enum weight_source source;
	assert_true(flow_current_weight(f, 0, &source) == 1);
	assert_int_equal(source, WEIGHT_PERSON);
	assert_true(flow_current_weight(f, 1, &source) == 0);
	assert_int_equal(source, WEIGHT_PROFILE);
}

/* Weighing in pairs: the choice saved at once, the session on its one step
 * of comparisons (1: after the question), each comparison saved as given,
 * resumed with them; steps numbered the pairwise way (review 2, results 3). */
static void test_pairwise(void **state)
{
	struct fixture *x = *state;
	struct flow *f = &x->flow;
	OK(flow_new(f, NULL, NULL, &x->err));
	OK(flow_next(f, &x->err));
	struct flow_change ch = flow_weighting(WEIGHTING_PAIRWISE);
	assert_int_equal(flow_changes(f, &ch), 1);
	OK(flow_answer(f, &ch, &x->err));
	assert_int_equal(f->step, 1);
	ch = flow_judgment(JUDGE_CRITERIA, 1, 0, 0.33);    /* snapped to 1/3 */
	assert_true(ch.value == 1.0 / 3);
	OK(flow_answer(f, &ch, &x->err));
	/* The same comparison the other way round is the same answer. */
	ch = flow_judgment(JUDGE_CRITERIA, 0, 1, 3);
	assert_int_equal(flow_changes(f, &ch), 0);
	OK(flow_goto(f, 99, &x->err));
	assert_int_equal(f->step, 3);
	OK(flow_back(f, &x->err));
	struct stored_session ss = stored(x, 1);
	assert_string_equal(ss.weighting, "pairwise");
	assert_int_equal(ss.step, 2);
	assert_int_equal(ss.njudgments, 1);
	assert_string_equal(ss.judgments[0].level, "criteria");
	assert_string_equal(ss.judgments[0].a, "price");
	assert_string_equal(ss.judgments[0].b, "speed");
	assert_true(fabs(ss.judgments[0].value - 1.0 / 3) < 1e-12);
	stored_session_free(&ss);
	flow_close(f);
	OK(flow_open(f, 1, &x->err));
	assert_int_equal(f->s->weighting, WEIGHTING_PAIRWISE);
	assert_int_equal(f->step, 2);
	assert_int_equal(f->s->njudgments, 1);
	ch = flow_unjudge(JUDGE_CRITERIA, 0, 1);
	OK(flow_answer(f, &ch, &x->err));
	ss = stored(x, 1);
	assert_int_equal(ss.njudgments, 0);
	stored_session_free(&ss);
}

/* Changing how to weigh from the review starts weighing again, numbered
 * the new way: back to ratings, on the first criterion (1). */
static void test_weighting_changed(void **state)
{
	struct fixture *x = *state;
	struct flow *f = &x->flow;
	OK(flow_new(f, NULL, NULL, &x->err));
	struct flow_change ch = flow_weighting(WEIGHTING_PAIRWISE);
	OK(flow_answer(f, &ch, &x->err));
	OK(flow_goto(f, 2, &x->err));   /* the review */
	ch = flow_weighting(WEIGHTING_RATINGS);
	OK(flow_answer(f, &ch, &x->err));
	assert_int_equal(f->s->weighting, WEIGHTING_RATINGS);
	assert_int_equal(f->step, 1);
	OK(flow_goto(f, 99, &x->err));
	assert_int_equal(f->step, 4);
	struct stored_session ss = stored(x, 1);
	assert_string_equal(ss.weighting, "ratings");
	assert_int_equal(ss.step, 4);
	stored_session_free(&ss);
}

/* The decision recorded through the flow (issue 15): beside the advice of
 * a finished session, saved at once, read back when the session is opened,
 * and not carried into a copy. */
static void test_decide(void **state)
{
	struct fixture *x = *state;
	struct flow *f = &x->flow;
	assert_int_equal(f->decided, -1);
	OK(flow_new(f, NULL, NULL, &x->err));
	OK(flow_decide(f, 0, "", &x->err));     /* unfinished: no advice */
	OK(flow_goto(f, 4, &x->err));
	OK(flow_score(f, &x->err));
	setenv("VERDICT_NOW", "1700000100", 1);
	OK(flow_decide(f, 0, "cheaper", &x->err));
	assert_int_equal(f->decided, 0);
	assert_int_equal(f->decided_at, 1700000100);
	assert_string_equal(f->decided_note, "cheaper");
	assert_int_equal(flow_decide(f, 2, NULL, &x->err), -1);
	struct stored_session ss = stored(x, 1);
	assert_int_equal(ss.njournal, 2);
	assert_null(ss.journal[0].advised);
	assert_null(ss.journal[0].note);
	assert_string_equal(ss.journal[1].option, "tea");
	assert_string_equal(ss.journal[1].advised, "Coffee");
	assert_string_equal(ss.journal[1].note, "cheaper");
	assert_int_equal(ss.updated, 1700000000);
	stored_session_free(&ss);
	flow_close(f);
	assert_int_equal(f->decided, -1);
	assert_null(f->decided_note);
	OK(flow_open(f, 1, &x->err));
	assert_int_equal(f->decided, 0);
	assert_int_equal(f->decided_at, 1700000100);
	assert_string_equal(f->decided_note, "cheaper");
	struct flow_change ch = flow_weight(f, 0, 5);
	long long rev;
	OK(flow_edit_finished(f, &ch, FLOW_IN_COPY, &rev, &x->err));
	assert_int_equal(f->id, 2);
	assert_int_equal(f->decided, -1);
	assert_null(f->decided_note);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_new, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answers_saved, setup, teardown),
		cmocka_unit_test_setup_teardown(test_steps, setup, teardown),
		cmocka_unit_test_setup_teardown(test_resume, setup, teardown),
		cmocka_unit_test_setup_teardown(test_score, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nothing_to_weigh, setup, teardown),
		cmocka_unit_test_setup_teardown(test_edit_in_copy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_edit_in_original, setup, teardown),
		cmocka_unit_test_setup_teardown(test_vanished, setup, teardown),
		cmocka_unit_test_setup_teardown(test_default_weight, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pairwise, setup, teardown),
		cmocka_unit_test_setup_teardown(test_weighting_changed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_decide, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
