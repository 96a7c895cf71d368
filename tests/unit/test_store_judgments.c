/* layer: storage */
/* test_store_judgments.c - how a session weighs and its comparisons in the
 * store (schema version 4): saved either way round into one row per pair,
 * cleared, kept in the order first given, refused when malformed, kept in
 * revisions, reverted, copied, created whole, deleted with their session. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helper_store.h"
#include "store.h"

/* S's comparisons are exactly WANT: "level a b value" each, in order. */
static void assert_judgments(const struct stored_session *s, const char *const *want, size_t n)
{
	assert_int_equal(s->njudgments, n);
	for (size_t i = 0; i < n; i++) {
		char got[128];
		snprintf(got, sizeof got, "%s %s %s %g", s->judgments[i].level, s->judgments[i].a,
		         s->judgments[i].b, s->judgments[i].value);
		assert_string_equal(got, want[i]);
	}
}

#define ASSERT_JUDGMENTS(s, ...) do { \
	const char *const want_[] = { __VA_ARGS__ }; \
	assert_judgments((s), want_, sizeof want_ / sizeof want_[0]); \
} while (0)

/* A session weighing in pairs with three comparisons: speed over syntax 3,
 * syntax over libraries 1/5, and the group Technical over Product 2. */
static long long pairwise_session(struct store *st)
{
	long long id = create(st, CRITERIA, "Shop", "Dana");
	assert_int_equal(store_save_weighting(st, id, "pairwise"), 0);
	assert_int_equal(store_save_judgment(st, id, "criteria", "speed", "syntax", 3), 0);
	assert_int_equal(store_save_judgment(st, id, "criteria", "syntax", "libraries", 0.2), 0);
	assert_int_equal(store_save_judgment(st, id, "groups", "Technical", "Product", 2), 0);
	return id;
}

static void test_weighting_default_and_saved(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long id = create(st, CRITERIA, NULL, NULL);
	struct stored_session s;
	assert_int_equal(store_load(st, id, &s), 0);
	assert_string_equal(s.weighting, "ratings");
	assert_int_equal(s.njudgments, 0);
	assert_null(s.judgments);
	stored_session_free(&s);
	assert_int_equal(store_save_weighting(st, id, "pairwise"), 0);
	reopen(f);
	assert_int_equal(store_load(f->st, id, &s), 0);
	assert_string_equal(s.weighting, "pairwise");
	stored_session_free(&s);
	assert_int_equal(store_save_weighting(f->st, id, "ratings"), 0);
	assert_int_equal(store_load(f->st, id, &s), 0);
	assert_string_equal(s.weighting, "ratings");
	stored_session_free(&s);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions WHERE weighting = "
	                                  "'ratings'"), 1);
}

static void test_judgments_round_trip(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long id = pairwise_session(st);
	struct stored_session s;
	assert_int_equal(store_load(st, id, &s), 0);
	ASSERT_JUDGMENTS(&s, "criteria speed syntax 3", "criteria syntax libraries 0.2",
	                 "groups Technical Product 2");
	stored_session_free(&s);

	/* The same pair the other way round replaces it, in its place; the
	 * same names at the other level are another comparison. */
	assert_int_equal(store_save_judgment(st, id, "criteria", "syntax", "speed", 5), 0);
	assert_int_equal(store_save_judgment(st, id, "groups", "speed", "syntax", 7), 0);
	assert_int_equal(store_save_judgment(st, id, "criteria", "libraries", "speed", 1.0 / 9), 0);
	reopen(f);
	st = f->st;
	assert_int_equal(store_load(st, id, &s), 0);
	ASSERT_JUDGMENTS(&s, "criteria syntax speed 5", "criteria syntax libraries 0.2",
	                 "groups Technical Product 2", "groups speed syntax 7",
	                 "criteria libraries speed 0.111111");
	assert_true(s.judgments[4].value == 1.0 / 9);
	stored_session_free(&s);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM judgments"), 5);

	/* Cleared whichever way round; clearing one not there changes nothing. */
	assert_int_equal(store_clear_judgment(st, id, "criteria", "speed", "syntax"), 0);
	assert_int_equal(store_clear_judgment(st, id, "criteria", "speed", "syntax"), 0);
	assert_int_equal(store_clear_judgment(st, id, "groups", "Product", "Technical"), 0);
	assert_int_equal(store_load(st, id, &s), 0);
	ASSERT_JUDGMENTS(&s, "criteria syntax libraries 0.2", "groups speed syntax 7",
	                 "criteria libraries speed 0.111111");
	stored_session_free(&s);

	/* A pair cleared and given again comes last: it is given anew. */
	assert_int_equal(store_save_judgment(st, id, "criteria", "speed", "syntax", 1), 0);
	assert_int_equal(store_load(st, id, &s), 0);
	ASSERT_JUDGMENTS(&s, "criteria syntax libraries 0.2", "groups speed syntax 7",
	                 "criteria libraries speed 0.111111", "criteria speed syntax 1");
	stored_session_free(&s);
}

static void test_judgments_refused(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long id = create(st, CRITERIA, NULL, NULL);
	assert_int_equal(store_save_weighting(st, id, "both"), -1);
	assert_contains(store_error(st)->msg, "must be 'ratings' or 'pairwise', not 'both'");
	assert_int_equal(store_save_weighting(st, id, NULL), -1);
	assert_int_equal(store_save_judgment(st, id, "items", "a", "b", 3), -1);
	assert_contains(store_error(st)->msg, "level must be 'criteria' or 'groups', not 'items'");
	assert_int_equal(store_save_judgment(st, id, NULL, "a", "b", 3), -1);
	assert_int_equal(store_save_judgment(st, id, "criteria", NULL, "b", 3), -1);
	assert_contains(store_error(st)->msg, "needs two criterion ids or group names");
	assert_int_equal(store_clear_judgment(st, id, "criteria", "a", NULL), -1);
	assert_int_equal(store_save_judgment(st, id, "criteria", "a", "a", 3), -1);
	assert_contains(store_error(st)->msg, "'a' cannot be compared with itself");
	assert_int_equal(store_clear_judgment(st, id, "groups", "a", "a"), -1);
	const double bad[] = { 0, -3, NAN, HUGE_VAL, -HUGE_VAL };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(store_save_judgment(st, id, "criteria", "a", "b", bad[i]), -1);
		assert_contains(store_error(st)->msg, "must be a finite number above 0");
	}
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM judgments"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions WHERE weighting = "
	                                  "'ratings'"), 1);
	/* A session that is not there. */
	assert_not_found(st, store_save_weighting(st, id + 1, "pairwise"));
	assert_not_found(st, store_save_judgment(st, id + 1, "criteria", "a", "b", 3));
	assert_not_found(st, store_clear_judgment(st, id + 1, "criteria", "a", "b"));
	/* The schema refuses what the functions would: a value of 0, a pair of
	 * one, a level or a weighting of another kind, a pair twice. */
	sql_exec(f->path, "INSERT INTO judgments (session_id, level, a, b, value) "
	                  "VALUES (1, 'criteria', 'a', 'b', 2)");
	const char *const refused[] = {
		"INSERT INTO judgments (session_id, level, a, b, value) VALUES (1, 'criteria', 'b', "
		"'a', 2)",
		"INSERT INTO judgments (session_id, level, a, b, value) VALUES (1, 'criteria', 'c', "
		"'d', 0)",
		"INSERT INTO judgments (session_id, level, a, b, value) VALUES (1, 'criteria', 'c', "
		"'c', 1)",
		"INSERT INTO judgments (session_id, level, a, b, value) VALUES (1, 'items', 'c', "
		"'d', 1)",
		"INSERT INTO judgments (session_id, level, a, b, value) VALUES (99, 'criteria', 'c', "
		"'d', 1)",
		"UPDATE sessions SET weighting = 'both'",
	};
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		long long before = sql_int(f->path, "SELECT count(*) FROM judgments");
		assert_int_equal(sql_try(f->path, refused[i]), -1);
		assert_int_equal(sql_int(f->path, "SELECT count(*) FROM judgments"), before);
	}
}

/* An edit of a finished session keeps its comparisons as a revision first,
 * and puts it back in progress; a save that changes nothing keeps nothing. */
static void test_judgments_edit_finished(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long id = pairwise_session(st);
	assert_int_equal(store_save_result(st, id, "Node.js", 12.5, "clear"), 0);

	/* The same comparison again, or clearing one not there: no revision,
	 * still complete. */
	assert_int_equal(store_save_judgment(st, id, "criteria", "speed", "syntax", 3), 0);
	assert_int_equal(store_clear_judgment(st, id, "criteria", "speed", "libraries"), 0);
	assert_int_equal(store_save_weighting(st, id, "pairwise"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revisions"), 0);
	struct stored_session s;
	assert_int_equal(store_load(st, id, &s), 0);
	assert_int_equal(s.status, SESSION_COMPLETE);
	assert_string_equal(s.strength, "clear");
	stored_session_free(&s);

	/* A changed comparison: revision 1 holds the three as they were. */
	assert_int_equal(store_save_judgment(st, id, "criteria", "syntax", "speed", 2), 0);
	assert_int_equal(store_load(st, id, &s), 0);
	assert_int_equal(s.status, SESSION_IN_PROGRESS);
	assert_null(s.winner_name);
	assert_null(s.strength);
	ASSERT_JUDGMENTS(&s, "criteria syntax speed 2", "criteria syntax libraries 0.2",
	                 "groups Technical Product 2");
	stored_session_free(&s);
	assert_int_equal(store_revision_load(st, id, 1, &s), 0);
	assert_string_equal(s.weighting, "pairwise");
	assert_int_equal(s.status, SESSION_COMPLETE);
	assert_string_equal(s.winner_name, "Node.js");
	ASSERT_JUDGMENTS(&s, "criteria speed syntax 3", "criteria syntax libraries 0.2",
	                 "groups Technical Product 2");
	stored_session_free(&s);

	/* Finished again, then a clear, then the weighting: one revision each
	 * time it was finished. */
	assert_int_equal(store_save_result(st, id, "Python", 3, "leaning"), 0);
	assert_int_equal(store_clear_judgment(st, id, "groups", "Product", "Technical"), 0);
	assert_int_equal(store_save_weighting(st, id, "ratings"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revisions"), 2);
	assert_int_equal(store_revision_load(st, id, 2, &s), 0);
	assert_string_equal(s.weighting, "pairwise");
	assert_string_equal(s.winner_name, "Python");
	ASSERT_JUDGMENTS(&s, "criteria syntax speed 2", "criteria syntax libraries 0.2",
	                 "groups Technical Product 2");
	stored_session_free(&s);
	assert_int_equal(store_save_result(st, id, "Python", 3, "leaning"), 0);
	assert_int_equal(store_save_weighting(st, id, "pairwise"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revisions"), 3);
	assert_int_equal(store_revision_load(st, id, 3, &s), 0);
	assert_string_equal(s.weighting, "ratings");
	ASSERT_JUDGMENTS(&s, "criteria syntax speed 2", "criteria syntax libraries 0.2");
	stored_session_free(&s);
	assert_int_equal(store_load(st, id, &s), 0);
	assert_int_equal(s.status, SESSION_IN_PROGRESS);
	assert_string_equal(s.weighting, "pairwise");
	stored_session_free(&s);
}

static int count_judgments(const struct revision_summary *r, void *ctx)
{
	size_t *n = ctx;
	n[r->rev] = r->njudgments;
	return 0;
}

/* A revert brings back the weighting and the comparisons, in their order,
 * keeping the ones it replaces as a revision. */
static void test_judgments_reverted(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long id = pairwise_session(st);
	assert_int_equal(store_save_status(st, id, SESSION_COMPLETE, "Node.js"), 0);
	long long rev = 0;
	assert_int_equal(store_revision_save(st, id, &rev), 0);
	assert_int_equal(rev, 1);
	assert_int_equal(store_clear_judgment(st, id, "criteria", "speed", "syntax"), 0);
	assert_int_equal(store_save_judgment(st, id, "criteria", "speed", "syntax", 9), 0);
	assert_int_equal(store_save_weighting(st, id, "ratings"), 0);
	assert_int_equal(store_save_weight(st, id, "speed", 4), 0);
	size_t n[4] = { 0 };
	assert_int_equal(store_revisions(st, id, count_judgments, n), 0);
	assert_int_equal(n[1], 3);
	long long kept = 0;
	assert_int_equal(store_revert(st, id, 1, &kept), 0);
	assert_int_equal(kept, 2);
	struct stored_session s;
	assert_int_equal(store_load(st, id, &s), 0);
	assert_string_equal(s.weighting, "pairwise");
	assert_int_equal(s.nweights, 0);
	ASSERT_JUDGMENTS(&s, "criteria speed syntax 3", "criteria syntax libraries 0.2",
	                 "groups Technical Product 2");
	stored_session_free(&s);
	assert_int_equal(store_revision_load(st, id, 2, &s), 0);
	assert_string_equal(s.weighting, "ratings");
	assert_int_equal(s.nweights, 1);
	ASSERT_JUDGMENTS(&s, "criteria syntax libraries 0.2", "groups Technical Product 2",
	                 "criteria speed syntax 9");
	stored_session_free(&s);
	memset(n, 0, sizeof n);
	assert_int_equal(store_revisions(st, id, count_judgments, n), 0);
	assert_int_equal(n[1], 3);
	assert_int_equal(n[2], 3);
	/* Nothing changed since the revert: keeping a revision gives 1 again. */
	assert_int_equal(store_revision_save(st, id, &rev), 0);
	assert_int_equal(rev, 1);
	/* A changed comparison is a change: the next keep is a new revision. */
	assert_int_equal(store_save_judgment(st, id, "groups", "Technical", "Product", 3), 0);
	assert_int_equal(store_revision_save(st, id, &rev), 0);
	assert_int_equal(rev, 3);
	assert_int_equal(store_revert(st, id, 2, &kept), 0);
	assert_int_equal(kept, 3);
	assert_int_equal(store_load(st, id, &s), 0);
	assert_string_equal(s.weighting, "ratings");
	ASSERT_JUDGMENTS(&s, "criteria syntax libraries 0.2", "groups Technical Product 2",
	                 "criteria speed syntax 9");
	stored_session_free(&s);
	/* Deleting the session takes its comparisons and its revisions'. */
	assert_int_equal(store_delete(st, id), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM judgments"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revision_judgments"), 0);
}

static void test_judgments_copied(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long id = pairwise_session(st);
	assert_int_equal(store_save_judgment(st, id, "criteria", "syntax", "speed", 5), 0);
	long long copy = 0;
	assert_int_equal(store_copy(st, id, "Scenario B", &copy), 0);
	struct stored_session s;
	assert_int_equal(store_load(st, copy, &s), 0);
	assert_string_equal(s.weighting, "pairwise");
	ASSERT_JUDGMENTS(&s, "criteria syntax speed 5", "criteria syntax libraries 0.2",
	                 "groups Technical Product 2");
	stored_session_free(&s);
	/* Each has its own: a change to the copy leaves the original. */
	assert_int_equal(store_clear_judgment(st, copy, "criteria", "syntax", "speed"), 0);
	assert_int_equal(store_load(st, id, &s), 0);
	assert_int_equal(s.njudgments, 3);
	stored_session_free(&s);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM judgments"), 5);
}

static void test_judgments_created_whole(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	struct stored_judgment js[] = {
		{ "criteria", (char *)"syntax", (char *)"speed", 1.0 / 3 },
		{ "groups", (char *)"Technical", (char *)"Product", 2 },
		{ "criteria", (char *)"libraries", (char *)"syntax", 5 },
	};
	struct stored_session in = {
		.criteria_name = (char *)"t.yaml", .criteria_text = (char *)CRITERIA,
		.criteria_len = strlen(CRITERIA), .criteria_id = (char *)"t",
		.criteria_title = (char *)"T", .status = SESSION_COMPLETE,
		.winner_name = (char *)"Python", .strength = "clear", .margin = 20,
		.weighting = "pairwise", .njudgments = 3, .judgments = js,
	};
	long long id = 0;
	assert_int_equal(store_create_whole(st, &in, &id), 0);
	struct stored_session s;
	assert_int_equal(store_load(st, id, &s), 0);
	assert_string_equal(s.weighting, "pairwise");
	ASSERT_JUDGMENTS(&s, "criteria syntax speed 0.333333", "groups Technical Product 2",
	                 "criteria libraries syntax 5");
	assert_true(s.judgments[0].value == 1.0 / 3);
	assert_int_equal(s.status, SESSION_COMPLETE);
	assert_string_equal(s.strength, "clear");
	stored_session_free(&s);
	/* Weighting NULL is ratings. */
	in.weighting = NULL;
	in.njudgments = 0;
	assert_int_equal(store_create_whole(st, &in, &id), 0);
	assert_int_equal(store_load(st, id, &s), 0);
	assert_string_equal(s.weighting, "ratings");
	stored_session_free(&s);
	/* A malformed comparison or weighting stores nothing. */
	long long sessions = sql_int(f->path, "SELECT count(*) FROM sessions");
	in.njudgments = 3;
	js[2].b = (char *)"libraries";
	assert_int_equal(store_create_whole(st, &in, &id), -1);
	assert_contains(store_error(st)->msg, "cannot be compared with itself");
	js[2].b = (char *)"syntax";
	js[1].value = 0;
	assert_int_equal(store_create_whole(st, &in, &id), -1);
	js[1].value = 2;
	/* The same pair twice, either way round, is one row: the last one. */
	js[2] = (struct stored_judgment){ "criteria", (char *)"speed", (char *)"syntax", 4 };
	in.weighting = "in pairs";
	assert_int_equal(store_create_whole(st, &in, &id), -1);
	assert_contains(store_error(st)->msg, "not 'in pairs'");
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions"), sessions);
	in.weighting = "pairwise";
	assert_int_equal(store_create_whole(st, &in, &id), 0);
	assert_int_equal(store_load(st, id, &s), 0);
	ASSERT_JUDGMENTS(&s, "criteria speed syntax 4", "groups Technical Product 2");
	stored_session_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_weighting_default_and_saved, setup, teardown),
		cmocka_unit_test_setup_teardown(test_judgments_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_judgments_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_judgments_edit_finished, setup, teardown),
		cmocka_unit_test_setup_teardown(test_judgments_reverted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_judgments_copied, setup, teardown),
		cmocka_unit_test_setup_teardown(test_judgments_created_whole, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
