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
#include <time.h>

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
	time_t start = time(NULL);
	assert_int_equal(saved_results_fill(st, &filled, &err), -1);
	/* At once, not after the busy timeout (5 seconds). */
	assert_true(time(NULL) - start < 3);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_filled_as_listed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_put_off_by_a_lock, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
