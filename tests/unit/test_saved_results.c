/* layer: records */
/* test_saved_results.c - the results of complete sessions saved without them
 * (a file of schema version 2), filled in by saved_results_fill(): scored as
 * the listing scores them, all at once, and put off, with nothing written,
 * while another process holds the lock. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "helper_store.h"
#include "saved_results.h"
#include "store.h"

/* The file the old verdict wrote (sessions 1 to 3 complete, 4 in progress),
 * copied to F's path. */
static void copy_v2(struct fixture *f)
{
	size_t len;
	char *data = slurp("tests/fixtures/store/v2.db", &len);
	assert_non_null(data);
	FILE *out = fopen(f->path, "wb");
	assert_non_null(out);
	assert_int_equal(fwrite(data, 1, len, out), len);
	assert_int_equal(fclose(out), 0);
	free(data);
}

/* Session ID's kept result is STRENGTH and exactly MARGIN. */
static void assert_kept(struct store *st, long long id, double margin, const char *strength)
{
	struct stored_session s;
	assert_int_equal(store_load(st, id, &s), 0);
	assert_non_null(s.strength);
	assert_string_equal(s.strength, strength);
	if (s.margin != margin)
		fail_msg("session %lld: margin %.17g, not %.17g", id, s.margin, margin);
	stored_session_free(&s);
}

static void test_filled_as_listed(void **state)
{
	struct fixture *f = *state;
	copy_v2(f);
	struct store *st = open_ok(f);
	long long updated = sql_int(f->path, "SELECT sum(updated) FROM sessions");
	size_t filled = 0;
	struct verror err;
	assert_int_equal(saved_results_fill(st, &filled, &err), 0);
	assert_int_equal(filled, 3);
	/* The values `list --format json` printed for this file before. */
	assert_kept(st, 1, 7.5, "leaning");
	assert_kept(st, 2, 24.285714285714292, "clear");
	assert_kept(st, 3, 8.529411764705884, "clear");
	assert_int_equal(sql_int(f->path, "SELECT sum(updated) FROM sessions"), updated);
	/* Once: the next finds none. */
	assert_int_equal(saved_results_fill(st, &filled, &err), 0);
	assert_int_equal(filled, 0);
}

static void test_put_off_by_a_lock(void **state)
{
	struct fixture *f = *state;
	copy_v2(f);
	struct store *st = open_ok(f);
	sqlite3 *other;
	assert_int_equal(sqlite3_open(f->path, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	size_t filled = 7;
	struct verror err;
	assert_int_equal(saved_results_fill(st, &filled, &err), -1);
	assert_int_equal(err.kind, VERROR_STORAGE);
	assert_int_equal(filled, 0);
	assert_int_equal(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions WHERE strength IS NOT "
	                                  "NULL"), 0);
	/* The store goes on, and the next fill keeps them. */
	assert_int_equal(store_save_notes(st, 4, "later"), 0);
	assert_int_equal(saved_results_fill(st, &filled, &err), 0);
	assert_int_equal(filled, 3);
}

/* N more complete sessions without a result, each a copy of session 1 of
 * the version 2 file (its criteria, profile and weights); with DAMAGED, their
 * criteria text is one whose hash does not match, so they cannot be scored. */
static void clone_session_1(struct fixture *f, int n, int damaged)
{
	if (damaged)
		sql_exec(f->path, "INSERT OR IGNORE INTO criteria_texts (id, sha256, body) "
		                  "VALUES (999, printf('%064d', 0), 'verdict: 1')");
	char sql[1024];
	for (int i = 0; i < n; i++) {
		snprintf(sql, sizeof sql,
		         "INSERT INTO sessions (criteria_text_id, criteria_name, criteria_id, "
		         "criteria_title, project, respondent, status, step, winner_name, created, "
		         "updated) SELECT %s, criteria_name, criteria_id, criteria_title, project, "
		         "respondent, status, step, winner_name, created, updated FROM sessions "
		         "WHERE id = 1;"
		         "INSERT INTO weights SELECT last_insert_rowid(), criterion, weight "
		         "FROM weights WHERE session_id = 1;"
		         "INSERT INTO choices SELECT last_insert_rowid(), question, choice "
		         "FROM choices WHERE session_id = 1;",
		         damaged ? "999" : "criteria_text_id");
		sql_exec(f->path, sql);
	}
}

/* One writer keeps at most SAVED_RESULTS_FILL_MAX results, newest first, so
 * that a file of many old sessions does not hold up the command that opens
 * it; the next writer goes on from there. */
static void test_bounded_newest_first(void **state)
{
	struct fixture *f = *state;
	copy_v2(f);
	struct store *st = open_ok(f);
	clone_session_1(f, 250, 0);     /* sessions 5 to 254 */
	size_t filled = 0;
	struct verror err;
	assert_int_equal(saved_results_fill(st, &filled, &err), 0);
	assert_int_equal(filled, SAVED_RESULTS_FILL_MAX);
	assert_int_equal(sql_int(f->path, "SELECT min(id) FROM sessions WHERE strength IS NOT "
	                                  "NULL"), 155);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions WHERE strength IS NOT "
	                                  "NULL"), 100);
	assert_kept(st, 254, 7.5, "leaning");   /* as session 1, of which it is a copy */
	assert_int_equal(saved_results_fill(st, &filled, &err), 0);
	assert_int_equal(filled, 100);
	assert_int_equal(saved_results_fill(st, &filled, &err), 0);
	assert_int_equal(filled, 53);           /* the last 50 copies and sessions 1 to 3 */
	assert_kept(st, 2, 24.285714285714292, "clear");
	assert_int_equal(saved_results_fill(st, &filled, &err), 0);
	assert_int_equal(filled, 0);
}

/* Sessions that cannot be scored count as tries, not fills: past
 * SAVED_RESULTS_FILL_TRIES a writer stops, and those before them are still
 * filled in, though more slowly. */
static void test_unscorable_do_not_stop_the_rest(void **state)
{
	struct fixture *f = *state;
	copy_v2(f);
	struct store *st = open_ok(f);
	clone_session_1(f, 60, 0);      /* sessions 5 to 64 */
	clone_session_1(f, 150, 1);     /* 65 to 214: a damaged criteria text */
	size_t filled = 0;
	struct verror err;
	assert_int_equal(saved_results_fill(st, &filled, &err), 0);
	assert_int_equal(filled, 50);   /* 150 tries fail, 50 succeed */
	assert_int_equal(sql_int(f->path, "SELECT min(id) FROM sessions WHERE strength IS NOT "
	                                  "NULL"), 15);
	assert_int_equal(saved_results_fill(st, &filled, &err), 0);
	assert_int_equal(filled, 13);   /* the last 10 copies and sessions 1 to 3 */
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions WHERE strength IS NULL "
	                                  "AND status = 'complete'"), 150);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_filled_as_listed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_put_off_by_a_lock, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bounded_newest_first, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unscorable_do_not_stop_the_rest, setup,
		                                teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
