/* layer: storage */
/* test_store_kill.c - a process killed with SIGKILL at any moment while it
 * saves answers leaves a database that passes integrity_check and holds every
 * answer it acknowledged.
 *
 * Each round a child opens the store and saves answers in a loop, alternating
 * choices and weights, and after each save returns it writes the answer's
 * sequence number to a pipe: what the pipe holds was acknowledged. The parent
 * kills the child after a random delay, then reopens the database and checks
 * it. VERDICT_TEST_SEED fixes the delays; otherwise the seed is printed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ftw.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "store.h"

#define ROUNDS 20
#define CRITERIA "verdict: 1\nid: t\ntitle: T\n"

static int remove_entry(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	(void)sb;
	(void)type;
	(void)ftw;
	return remove(path);
}

/* The child: saves answer after answer to session ID until killed. Answer K
 * is choice "qK" = "cK" for even K, weight "wK" = K for odd K. */
static void saver(const char *path, long long id, int out)
{
	struct verror err;
	struct store *st;
	if (store_open(path, &st, &err)) {
		fprintf(stderr, "child: %s\n", err.msg);
		_exit(2);
	}
	for (int64_t k = 0;; k++) {
		char key[32], value[32];
		int rc;
		if (k % 2 == 0) {
			snprintf(key, sizeof key, "q%lld", (long long)k);
			snprintf(value, sizeof value, "c%lld", (long long)k);
			rc = store_save_choice(st, id, key, value);
		} else {
			snprintf(key, sizeof key, "w%lld", (long long)k);
			rc = store_save_weight(st, id, key, (double)k);
		}
		if (rc) {
			fprintf(stderr, "child: %s\n", store_error(st)->msg);
			_exit(3);
		}
		if (write(out, &k, sizeof k) != (ssize_t)sizeof k)
			_exit(4);
	}
}

/* PRAGMA integrity_check on PATH, through a connection of the test's own. */
static void assert_integrity(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "ok");
	sqlite3_finalize(s);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &s, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/* Session ID holds every answer up to ACKED, and nothing beyond the one that
 * may have been in flight when the child died. */
static void assert_answers(struct store *st, long long id, long long acked)
{
	struct stored_session s;
	assert_int_equal(store_load(st, id, &s), 0);
	long long want_choices = acked < 0 ? 0 : acked / 2 + 1;
	long long want_weights = acked < 0 ? 0 : (acked + 1) / 2;
	/* The in-flight answer, number ACKED + 1, may or may not be there. */
	long long n = acked + 1;
	size_t extra_choices = n % 2 == 0 ? 1 : 0, extra_weights = n % 2 == 1 ? 1 : 0;
	assert_true(s.nchoices == (size_t)want_choices ||
	            s.nchoices == (size_t)want_choices + extra_choices);
	assert_true(s.nweights == (size_t)want_weights ||
	            s.nweights == (size_t)want_weights + extra_weights);
	for (size_t i = 0; i < s.nchoices; i++) {
		long long k = atoll(s.choices[i].question + 1);
		assert_true(k % 2 == 0 && k <= acked + 1);
		assert_int_equal(atoll(s.choices[i].choice + 1), k);
	}
	for (size_t i = 0; i < s.nweights; i++) {
		long long k = atoll(s.weights[i].criterion + 1);
		assert_true(k % 2 == 1 && k <= acked + 1);
		assert_true(s.weights[i].weight == (double)k);
	}
	stored_session_free(&s);
}

static void test_sigkill_loses_nothing_acknowledged(void **state)
{
	(void)state;
	char dir[256], path[300];
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/verdict-kill-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/sessions.db", dir);

	const char *fixed = getenv("VERDICT_TEST_SEED");
	unsigned seed = fixed && *fixed ? (unsigned)strtoul(fixed, NULL, 10)
	                                : (unsigned)time(NULL) ^ (unsigned)getpid();
	print_message("seed %u (set VERDICT_TEST_SEED to repeat)\n", seed);

	long long ids[ROUNDS], acked[ROUNDS];
	long long total = 0;
	for (int round = 0; round < ROUNDS; round++) {
		struct verror err;
		struct store *st;
		if (store_open(path, &st, &err))
			fail_msg("round %d: %s", round, err.msg);
		assert_int_equal(store_create(st, "t.yaml", CRITERIA, strlen(CRITERIA), "t", "T",
		                              "kill", NULL, &ids[round]), 0);
		store_close(st);

		int fds[2];
		assert_int_equal(pipe(fds), 0);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(fds[0]);
			saver(path, ids[round], fds[1]);
		}
		close(fds[1]);
		/* From at once (mid-open) to a few dozen saves in. */
		useconds_t delay = round == 0 ? 0 : (useconds_t)(rand_r(&seed) % 100000);
		usleep(delay);
		kill(pid, SIGKILL);
		int status;
		assert_int_equal(waitpid(pid, &status, 0), pid);
		if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
			fail_msg("round %d: the child ended by itself (status %d)", round, status);
		acked[round] = -1;
		int64_t k;
		while (read(fds[0], &k, sizeof k) == (ssize_t)sizeof k) {
			assert_int_equal(k, acked[round] + 1);
			acked[round] = k;
		}
		close(fds[0]);
		total += acked[round] + 1;

		assert_integrity(path);
		if (store_open(path, &st, &err))
			fail_msg("round %d: reopening: %s", round, err.msg);
		for (int r = 0; r <= round; r++)
			assert_answers(st, ids[r], acked[r]);
		store_close(st);
	}
	print_message("%d kills, %lld acknowledged answers, all present\n", ROUNDS, total);
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sigkill_loses_nothing_acknowledged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
