/* layer: storage */
/* test_store_records.c - sessions as records (schema version 2): ids never
 * reused, copies, and revisions (kept on each change of a finished session,
 * by hand, listed, loaded, reverted to). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "helper_store.h"
#include "store.h"

static void test_ids_never_reused(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long a = create(st, CRITERIA, "a", NULL);
	long long b = create(st, CRITERIA, "b", NULL);
	assert_int_equal(store_delete(st, b), 0);
	long long c = create(st, CRITERIA, "c", NULL);
	assert_true(c > b);
	assert_int_equal(store_delete(st, c), 0);
	assert_int_equal(store_delete(st, a), 0);
	reopen(f);
	assert_true(create(f->st, CRITERIA, "d", NULL) > c);
	/* Copies get new ids too. */
	long long d = 0;
	assert_int_equal(store_copy(f->st, c + 1, NULL, &d), 0);
	assert_true(d > c + 1);
}

/* A complete session with an answer of every kind, saved at 1700000000. */
static long long full_session(struct store *st)
{
	setenv("VERDICT_NOW", "1700000000", 1);
	long long id = create(st, CRITERIA, "Shop", "Dana");
	assert_int_equal(store_save_choice(st, id, "app_kind", "realtime"), 0);
	assert_int_equal(store_save_choice(st, id, "team", "python"), 0);
	assert_int_equal(store_save_weight(st, id, "speed", 5), 0);
	assert_int_equal(store_save_weight(st, id, "syntax", 1.5), 0);
	assert_int_equal(store_save_notes(st, id, "first notes"), 0);
	assert_int_equal(store_save_step(st, id, 9), 0);
	assert_int_equal(store_save_status(st, id, SESSION_COMPLETE, "Node.js"), 0);
	return id;
}

static void assert_same_answers(const struct stored_session *a, const struct stored_session *b)
{
	assert_int_equal(a->nchoices, b->nchoices);
	for (size_t i = 0; i < a->nchoices; i++) {
		assert_string_equal(a->choices[i].question, b->choices[i].question);
		assert_string_equal(a->choices[i].choice, b->choices[i].choice);
	}
	assert_int_equal(a->nweights, b->nweights);
	for (size_t i = 0; i < a->nweights; i++) {
		assert_string_equal(a->weights[i].criterion, b->weights[i].criterion);
		assert_true(a->weights[i].weight == b->weights[i].weight);
	}
}

static void test_copy(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long id = full_session(st);
	setenv("VERDICT_NOW", "1700005000", 1);
	long long copy = 0;
	assert_int_equal(store_copy(st, id, NULL, &copy), 0);
	assert_true(copy > id);
	struct stored_session a, b;
	assert_int_equal(store_load(st, id, &a), 0);
	assert_int_equal(store_load(st, copy, &b), 0);
	assert_int_equal(b.copied_from, id);
	assert_int_equal(a.copied_from, 0);
	assert_string_equal(b.criteria_name, a.criteria_name);
	assert_int_equal(b.criteria_len, a.criteria_len);
	assert_memory_equal(b.criteria_text, a.criteria_text, a.criteria_len);
	assert_string_equal(b.criteria_id, a.criteria_id);
	assert_string_equal(b.criteria_title, a.criteria_title);
	assert_string_equal(b.project, "Shop");
	assert_string_equal(b.respondent, "Dana");
	assert_string_equal(b.notes, "first notes");
	assert_int_equal(b.status, SESSION_COMPLETE);
	assert_string_equal(b.winner_name, "Node.js");
	assert_int_equal(b.step, 9);
	assert_int_equal(b.created, 1700005000);
	assert_int_equal(b.updated, 1700005000);
	assert_same_answers(&a, &b);
	stored_session_free(&b);
	/* The criteria text is shared, not stored twice. */
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM criteria_texts"), 1);

	/* Another project; revisions stay with the original. */
	assert_int_equal(store_save_weight(st, id, "speed", 1), 0);
	long long other = 0;
	assert_int_equal(store_copy(st, id, "Scenario B", &other), 0);
	assert_int_equal(store_load(st, other, &b), 0);
	assert_string_equal(b.project, "Scenario B");
	assert_string_equal(b.respondent, "Dana");
	assert_int_equal(b.copied_from, id);
	stored_session_free(&b);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revisions"), 1);
	/* Editing the copy leaves the original as it was. */
	assert_int_equal(store_save_choice(st, copy, "team", "javascript"), 0);
	assert_int_equal(store_load(st, id, &b), 0);
	assert_string_equal(b.choices[1].choice, "python");
	stored_session_free(&b);
	/* The original can go; the copy keeps its answers and its text. */
	assert_int_equal(store_delete(st, id), 0);
	assert_int_equal(store_load(st, copy, &b), 0);
	assert_int_equal(b.copied_from, id);
	assert_int_equal(b.nchoices, 2);
	assert_string_equal(b.choices[0].choice, "realtime");
	assert_string_equal(b.choices[1].choice, "javascript");
	assert_int_equal(b.nweights, 2);
	assert_true(b.weights[0].weight == 5.0);
	stored_session_free(&b);
	stored_session_free(&a);

	assert_not_found(st, store_copy(st, 999, NULL, &other));
}

struct revs {
	struct revision_summary r[8];
	char winner[8][16];
	size_t n;
};

static int collect_rev(const struct revision_summary *r, void *ctx)
{
	struct revs *v = ctx;
	assert_true(v->n < 8);
	v->r[v->n] = *r;
	snprintf(v->winner[v->n], sizeof v->winner[0], "%s", r->winner_name ? r->winner_name : "-");
	v->r[v->n].winner_name = v->r[v->n].project = v->r[v->n].respondent = NULL;
	v->n++;
	return 0;
}

/* The revisions of a session are told in chapters, each a test that first
 * plays the chapters before it: a failing check fails its own chapter and
 * those after it, and no other. */

/* A finished session (full_session) whose saves that change nothing keep no
 * revision; its id. */
static long long revisions_unchanged(struct fixture *f)
{
	struct store *st = open_ok(f);
	long long id = full_session(st);
	struct revs v = { 0 };
	assert_int_equal(store_revisions(st, id, collect_rev, &v), 0);
	assert_int_equal(v.n, 0);

	/* A save that changes nothing keeps nothing; neither does the step. */
	assert_int_equal(store_save_weight(st, id, "speed", 5), 0);
	assert_int_equal(store_save_choice(st, id, "team", "python"), 0);
	assert_int_equal(store_save_status(st, id, SESSION_COMPLETE, "Node.js"), 0);
	assert_int_equal(store_clear_weight(st, id, "never-set"), 0);
	assert_int_equal(store_save_step(st, id, 4), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revisions"), 0);
	return id;
}

/* Then edited twice: revisions 1 and 2. */
static long long revisions_edited(struct fixture *f)
{
	long long id = revisions_unchanged(f);
	struct store *st = f->st;
	struct stored_session before, now, rev;
	assert_int_equal(store_load(st, id, &before), 0);

	/* The walk-through's edit of a finished session: back in progress, then
	 * a weight. The answers before are revision 1, whole. */
	setenv("VERDICT_NOW", "1700001000", 1);
	assert_int_equal(store_save_status(st, id, SESSION_IN_PROGRESS, NULL), 0);
	assert_int_equal(store_save_weight(st, id, "speed", 2), 0);
	assert_int_equal(store_save_names(st, id, "Shop 2", NULL), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revisions"), 1);
	assert_int_equal(store_revision_load(st, id, 1, &rev), 0);
	assert_int_equal(rev.revision, 1);
	assert_int_equal(rev.id, id);
	assert_int_equal(rev.status, SESSION_COMPLETE);
	assert_string_equal(rev.winner_name, "Node.js");
	assert_string_equal(rev.project, "Shop");
	assert_string_equal(rev.respondent, "Dana");
	assert_string_equal(rev.notes, "first notes");
	assert_int_equal(rev.step, 4);
	assert_int_equal(rev.updated, 1700000000);
	assert_memory_equal(rev.criteria_text, before.criteria_text, before.criteria_len);
	assert_same_answers(&before, &rev);
	stored_session_free(&rev);
	stored_session_free(&before);
	assert_int_equal(store_load(st, id, &now), 0);
	assert_int_equal(now.status, SESSION_IN_PROGRESS);
	assert_null(now.winner_name);
	assert_null(now.respondent);
	assert_true(now.weights[0].weight == 2.0);
	assert_int_equal(now.updated, 1700001000);
	stored_session_free(&now);

	/* Finished again, then edited without going back to in progress (as a
	 * script might): still kept. */
	assert_int_equal(store_save_status(st, id, SESSION_COMPLETE, "Python"), 0);
	setenv("VERDICT_NOW", "1700002000", 1);
	assert_int_equal(store_save_notes(st, id, "second notes"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revisions"), 2);
	return id;
}

/* Then kept by hand: revision 3, and no more while nothing changes. */
static long long revisions_kept_by_hand(struct fixture *f)
{
	long long id = revisions_edited(f);
	struct store *st = f->st;
	/* Kept by hand: a new revision, and the same one while nothing changes. */
	long long r1 = 0, r2 = 0;
	assert_int_equal(store_revision_save(st, id, &r1), 0);
	assert_int_equal(r1, 3);
	assert_int_equal(store_revision_save(st, id, &r2), 0);
	assert_int_equal(r2, 3);
	assert_int_equal(store_save_step(st, id, 2), 0);
	assert_int_equal(store_revision_save(st, id, &r2), 0);
	assert_int_equal(r2, 3);
	/* A complete session whose answers are kept: its next edit keeps no copy. */
	assert_int_equal(store_save_notes(st, id, "third notes"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revisions"), 3);
	return id;
}

static void test_revisions_unchanged(void **state)
{
	revisions_unchanged(*state);
}

static void test_revisions_edited(void **state)
{
	revisions_edited(*state);
}

static void test_revisions_kept_by_hand(void **state)
{
	revisions_kept_by_hand(*state);
}

static void test_revisions_listed(void **state)
{
	struct fixture *f = *state;
	long long id = revisions_kept_by_hand(f);
	struct revs v = { 0 };
	assert_int_equal(store_revisions(f->st, id, collect_rev, &v), 0);
	assert_int_equal(v.n, 3);
	for (size_t i = 0; i < v.n; i++)
		assert_int_equal(v.r[i].rev, (long long)i + 1);
	assert_int_equal(v.r[0].status, SESSION_COMPLETE);
	assert_string_equal(v.winner[0], "Node.js");
	assert_int_equal(v.r[0].kept, 1700001000);
	assert_int_equal(v.r[0].updated, 1700000000);
	assert_int_equal(v.r[0].nchoices, 2);
	assert_int_equal(v.r[0].nweights, 2);
	assert_string_equal(v.winner[1], "Python");
	assert_int_equal(v.r[2].kept, 1700002000);
}

/* Unknown sessions and revisions. */
static void test_revisions_unknown(void **state)
{
	struct fixture *f = *state;
	long long id = revisions_kept_by_hand(f);
	struct store *st = f->st;
	struct revs v = { 0 };
	struct stored_session rev;
	long long r1 = 0, kept = 0;
	assert_not_found(st, store_revisions(st, 999, collect_rev, &v));
	assert_not_found(st, store_revision_load(st, id, 99, &rev));
	assert_not_found(st, store_revision_load(st, id, 0, &rev));
	assert_not_found(st, store_revision_load(st, 999, 1, &rev));
	assert_not_found(st, store_revision_save(st, 999, &r1));
	assert_not_found(st, store_revert(st, id, 99, &kept));
	char want[512];
	snprintf(want, sizeof want, "session %lld has no revision 99; 'verdict show %lld "
	         "--revisions' lists them", id, id);
	assert_string_equal(store_error(st)->msg, want);
	assert_not_found(st, store_revert(st, 999, 1, &kept));
	snprintf(want, sizeof want, "no session 999 in %s; 'verdict list' shows the saved ones",
	         f->path);
	assert_string_equal(store_error(st)->msg, want);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revisions"), 3);
}

static void test_revisions_reverted(void **state)
{
	struct fixture *f = *state;
	long long id = revisions_kept_by_hand(f);
	struct store *st = f->st;
	struct stored_session now, rev;
	long long kept = 0;
	/* Revert to 1: the answers now are kept first (revision 4), then
	 * revision 1's come back whole. */
	setenv("VERDICT_NOW", "1700003000", 1);
	assert_int_equal(store_load(st, id, &now), 0);
	assert_int_equal(store_revert(st, id, 1, &kept), 0);
	assert_int_equal(kept, 4);
	assert_int_equal(store_revision_load(st, id, 4, &rev), 0);
	assert_string_equal(rev.notes, "third notes");
	assert_same_answers(&now, &rev);
	stored_session_free(&rev);
	stored_session_free(&now);
	assert_int_equal(store_revision_load(st, id, 1, &rev), 0);
	assert_int_equal(store_load(st, id, &now), 0);
	assert_same_answers(&rev, &now);
	assert_int_equal(now.status, SESSION_COMPLETE);
	assert_string_equal(now.winner_name, "Node.js");
	assert_string_equal(now.project, "Shop");
	assert_string_equal(now.respondent, "Dana");
	assert_string_equal(now.notes, "first notes");
	assert_int_equal(now.step, 4);
	assert_int_equal(now.updated, 1700003000);
	stored_session_free(&rev);
	stored_session_free(&now);
	/* Revision 1 now holds the answers: editing keeps no duplicate, and
	 * reverting to it again changes nothing. */
	assert_int_equal(store_revert(st, id, 1, &kept), 0);
	assert_int_equal(kept, 1);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revisions"), 4);
	assert_int_equal(store_save_weight(st, id, "speed", 3), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revisions"), 4);
	/* Reverting to the answers kept before the revert undoes it. */
	assert_int_equal(store_revert(st, id, 4, &kept), 0);
	assert_int_equal(kept, 5);
	assert_int_equal(store_load(st, id, &now), 0);
	assert_string_equal(now.notes, "third notes");
	stored_session_free(&now);

	/* Deleting the session takes its revisions. */
	assert_int_equal(store_delete(st, id), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revisions"), 0);
}

/* As the walk-through edits a finished session: a weight first, then the
 * status. One revision, the finished answers; the weight alone puts the
 * session back in progress, its old winner gone. */
static void test_revisions_weight_first(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	struct stored_session now, rev;
	long long id = full_session(st);
	assert_int_equal(store_save_weight(st, id, "speed", 1), 0);
	assert_int_equal(store_load(st, id, &now), 0);
	assert_int_equal(now.status, SESSION_IN_PROGRESS);
	assert_null(now.winner_name);
	stored_session_free(&now);
	assert_int_equal(store_save_status(st, id, SESSION_IN_PROGRESS, NULL), 0);
	assert_int_equal(store_save_choice(st, id, "team", NULL), 0);
	assert_int_equal(store_clear_weight(st, id, "syntax"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revisions"), 1);
	assert_int_equal(store_revision_load(st, id, 1, &rev), 0);
	assert_int_equal(rev.status, SESSION_COMPLETE);
	assert_true(rev.weights[0].weight == 5.0);
	stored_session_free(&rev);
	/* Finished again: the next change keeps the new finished answers. Names
	 * and notes are kept too, but leave the session finished. */
	assert_int_equal(store_save_status(st, id, SESSION_COMPLETE, "Python"), 0);
	assert_int_equal(store_save_names(st, id, "Shop", "Sam"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revisions"), 2);
	assert_int_equal(store_load(st, id, &now), 0);
	assert_int_equal(now.status, SESSION_COMPLETE);
	assert_string_equal(now.winner_name, "Python");
	stored_session_free(&now);
	assert_int_equal(store_save_choice(st, id, "team", "python"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revisions"), 2);
	assert_int_equal(store_delete(st, id), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revisions"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revision_choices"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revision_weights"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_ids_never_reused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_copy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_revisions_unchanged, setup, teardown),
		cmocka_unit_test_setup_teardown(test_revisions_edited, setup, teardown),
		cmocka_unit_test_setup_teardown(test_revisions_kept_by_hand, setup, teardown),
		cmocka_unit_test_setup_teardown(test_revisions_listed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_revisions_unknown, setup, teardown),
		cmocka_unit_test_setup_teardown(test_revisions_reverted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_revisions_weight_first, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
