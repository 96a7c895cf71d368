/* layer: storage */
/* test_store_faults.c - each fault of the store made for real: a newer
 * schema, another program's file, garbage, a truncated file, damage met
 * while reading, a lock held by another connection, a read-only open, a
 * file-size limit, a FIFO or a device, a bad busy timeout; and the files
 * are private whatever the umask. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helper_store.h"
#include "store.h"

static void test_newer_schema_refused(void **state)
{
	struct fixture *f = *state;
	create(open_ok(f), CRITERIA, "p", NULL);
	store_close(f->st);
	f->st = NULL;
	sql_exec(f->path, "PRAGMA user_version = 999");
	expect_refused(f, 0, "newer verdict (schema version 999");
	expect_refused(f, STORE_OPEN_READ_ONLY, "newer verdict");
}

static void test_other_programs_file_refused(void **state)
{
	struct fixture *f = *state;
	sql_exec(f->path, "CREATE TABLE bookmarks (url TEXT)");
	expect_refused(f, 0, "not a verdict database");
	remove(f->path);
	sql_exec(f->path, "PRAGMA application_id = 1234; PRAGMA user_version = 1;"
	                  "CREATE TABLE sessions (x)");
	expect_refused(f, 0, "not a verdict database");
	expect_refused(f, STORE_OPEN_READ_ONLY, "not a verdict database");
}

static void test_garbage_refused(void **state)
{
	struct fixture *f = *state;
	FILE *fp = fopen(f->path, "wb");
	assert_non_null(fp);
	unsigned seed = 7;
	for (int i = 0; i < 10000; i++)
		fputc(rand_r(&seed) & 0xff, fp);
	fclose(fp);
	expect_refused(f, 0, "is not a verdict database or is damaged; it was not changed");
	expect_refused(f, STORE_OPEN_READ_ONLY, "is damaged");
	/* Text that merely starts like a database. */
	fp = fopen(f->path, "wb");
	assert_non_null(fp);
	fputs("SQLite format 3", fp);
	for (int i = 0; i < 5000; i++)
		fputc('x', fp);
	fclose(fp);
	expect_refused(f, 0, "is damaged");
}

static void test_truncated_refused(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	char notes[4000];
	memset(notes, 'n', sizeof notes - 1);
	notes[sizeof notes - 1] = '\0';
	for (int i = 0; i < 100; i++) {
		long long id = create(st, CRITERIA, "p", NULL);
		assert_int_equal(store_save_notes(st, id, notes), 0);
	}
	store_close(st);
	f->st = NULL;
	struct stat sb;
	assert_int_equal(stat(f->path, &sb), 0);
	assert_true(sb.st_size > 200000);
	assert_int_equal(truncate(f->path, sb.st_size / 2), 0);
	expect_refused(f, 0, "is not a verdict database or is damaged");
	expect_refused(f, STORE_OPEN_READ_ONLY, "is damaged");
}

static void test_locked(void **state)
{
	struct fixture *f = *state;
	setenv("VERDICT_BUSY_TIMEOUT_MS", "200", 1);
	struct store *st = open_ok(f);
	long long id = create(st, CRITERIA, "p", NULL);
	sqlite3 *other;
	assert_int_equal(sqlite3_open(f->path, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN EXCLUSIVE; UPDATE sessions SET step = 9",
	                              NULL, NULL, NULL), SQLITE_OK);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(store_save_notes(st, id, "while locked"), -1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_int_equal(store_error(st)->kind, VERROR_STORAGE);
	double waited = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	/* It waited for the busy timeout (a lower bound, which no load can
	 * break), then gave up. */
	assert_true(waited >= 0.15);
	assert_contains(store_error(st)->msg, f->path);
	assert_contains(store_error(st)->msg, "is locked by another");
	assert_contains(store_error(st)->msg, "the answer was not saved; try again when it has finished");
	/* Reads go on while another connection writes (WAL). */
	struct stored_session s;
	assert_int_equal(store_load(st, id, &s), 0);
	assert_null(s.notes);
	stored_session_free(&s);
	assert_int_equal(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	assert_int_equal(store_save_notes(st, id, "after"), 0);
	assert_int_equal(store_load(st, id, &s), 0);
	assert_string_equal(s.notes, "after");
	assert_int_equal(s.step, 9);
	stored_session_free(&s);
}

static void test_read_only(void **state)
{
	struct fixture *f = *state;
	/* A missing file reads as empty, and is not created. */
	struct store *st = NULL;
	assert_int_equal(store_open_flags(f->path, STORE_OPEN_READ_ONLY, &st, &f->err), 0);
	struct seen seen = { 0 };
	assert_int_equal(store_list(st, NULL, collect, &seen), 0);
	assert_int_equal(seen.n, 0);
	long long id;
	assert_int_equal(store_create(st, "t", CRITERIA, strlen(CRITERIA), "t", "T", NULL, NULL,
	                              &id), -1);
	assert_contains(store_error(st)->msg, "is read-only");
	assert_contains(store_error(st)->msg, "use --db to choose another file");
	store_close(st);
	assert_int_equal(access(f->path, F_OK), -1);

	id = create(open_ok(f), CRITERIA, "p", "r");
	store_close(f->st);
	f->st = NULL;
	size_t before_len;
	char *before = slurp(f->path, &before_len);
	assert_int_equal(store_open_flags(f->path, STORE_OPEN_READ_ONLY, &st, &f->err), 0);
	assert_int_equal(store_list(st, NULL, collect, &seen), 0);
	assert_int_equal(seen.n, 1);
	assert_int_equal(store_save_weight(st, id, "speed", 4), -1);
	assert_contains(store_error(st)->msg, f->path);
	assert_contains(store_error(st)->msg, "is read-only");
	assert_contains(store_error(st)->msg, "the answer was not saved");
	assert_int_equal(store_delete(st, id), -1);
	assert_contains(store_error(st)->msg, "is read-only");
	store_close(st);
	assert_unchanged(f->path, before, before_len);
}

/* In a child under a file-size limit: an answer is saved, a big one fails
 * and a small one after it still works. The failure's message goes to OUT;
 * the exit status says which step went wrong (0: none). */
static void full_disk_child(const char *path, long long id, int out)
{
	struct verror err;
	struct store *st;
	if (store_open(path, &st, &err))
		_exit(10);
	struct stat db, wal;
	char wal_path[320];
	snprintf(wal_path, sizeof wal_path, "%s-wal", path);
	if (stat(path, &db) || store_save_weight(st, id, "before", 1) || stat(wal_path, &wal))
		_exit(11);
	off_t limit = (db.st_size > wal.st_size ? db.st_size : wal.st_size) + 16384;
	struct rlimit rl;
	if (getrlimit(RLIMIT_FSIZE, &rl))
		_exit(12);
	rl.rlim_cur = (rlim_t)limit;
	if (setrlimit(RLIMIT_FSIZE, &rl))
		_exit(12);
	size_t big = 1 << 20;
	char *notes = malloc(big + 1);
	if (!notes)
		_exit(13);
	memset(notes, 'x', big);
	notes[big] = '\0';
	if (store_save_notes(st, id, notes) != -1)
		_exit(14);  /* the limit did not bite */
	const struct verror *e = store_error(st);
	if (e->kind != VERROR_STORAGE)
		_exit(17);
	const char *msg = e->msg;
	if (write(out, msg, strlen(msg)) < 0)
		_exit(15);
	if (store_save_weight(st, id, "after", 2))
		_exit(16);
	free(notes);
	store_close(st);
	_exit(0);
}

static void test_file_size_limit(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long id = create(st, CRITERIA, "p", NULL);
	assert_int_equal(store_save_choice(st, id, "q", "c"), 0);
	store_close(st);
	f->st = NULL;
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		full_disk_child(f->path, id, fds[1]);
	}
	close(fds[1]);
	char msg[1024] = "";
	ssize_t n = read(fds[0], msg, sizeof msg - 1);
	close(fds[0]);
	msg[n > 0 ? n : 0] = '\0';
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail_msg("child status %d (signal %d), message '%s'", WEXITSTATUS(status),
		         WIFSIGNALED(status) ? WTERMSIG(status) : 0, msg);
	assert_contains(msg, f->path);
	assert_contains(msg, "disk full or over the file-size limit; the answer was not saved; "
	                     "earlier answers are safe");
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM pragma_integrity_check "
	                                  "WHERE integrity_check = 'ok'"), 1);
	struct stored_session s;
	open_ok(f);
	assert_int_equal(store_load(f->st, id, &s), 0);
	assert_null(s.notes);
	assert_int_equal(s.nchoices, 1);
	assert_int_equal(s.nweights, 2);
	assert_string_equal(s.weights[0].criterion, "after");
	assert_string_equal(s.weights[1].criterion, "before");
	stored_session_free(&s);
}

/* The file and its -wal and -shm are private, whatever the umask. */
static void test_private_files(void **state)
{
	struct fixture *f = *state;
	static const mode_t masks[] = { 0, 022, 0277 };
	for (size_t i = 0; i < sizeof masks / sizeof masks[0]; i++) {
		snprintf(f->path, sizeof f->path, "%s/s%zu.db", f->dir, i);
		mode_t old = umask(masks[i]);
		struct store *st = open_ok(f);
		create(st, CRITERIA, "p", NULL);
		umask(old);
		static const char *const suffixes[] = { "", "-wal", "-shm" };
		for (size_t k = 0; k < 3; k++) {
			char name[320];
			struct stat sb;
			snprintf(name, sizeof name, "%s%s", f->path, suffixes[k]);
			assert_int_equal(stat(name, &sb), 0);
			if ((sb.st_mode & 0777) != 0600)
				fail_msg("%s has mode %o with umask %o", name, (unsigned)(sb.st_mode & 0777),
				         (unsigned)masks[i]);
		}
		store_close(st);
		f->st = NULL;
	}
	/* A file that is already there keeps its mode. */
	snprintf(f->path, sizeof f->path, "%s/mine.db", f->dir);
	FILE *fp = fopen(f->path, "w");
	assert_non_null(fp);
	fclose(fp);
	assert_int_equal(chmod(f->path, 0640), 0);
	open_ok(f);
	struct stat sb;
	assert_int_equal(stat(f->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0640);
}

static void test_busy_timeout_checked(void **state)
{
	struct fixture *f = *state;
	static const char *const bad[] = { "abc", "-1", "3600001", "", " 5", "5 ", "1e3",
	                                   "99999999999999999999", "+5", "0x10", "5\x1b[2J" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		setenv("VERDICT_BUSY_TIMEOUT_MS", bad[i], 1);
		for (unsigned flags = 0; flags <= STORE_OPEN_READ_ONLY; flags += STORE_OPEN_READ_ONLY) {
			struct store *st = NULL;
			assert_int_equal(store_open_flags(f->path, flags, &st, &f->err), -1);
			assert_null(st);
			assert_contains(f->err.msg, "VERDICT_BUSY_TIMEOUT_MS is '");
			assert_contains(f->err.msg, "': it must be a whole number of milliseconds from 0 to "
			                        "3600000 (5000 when it is not set); nothing was changed");
			/* Raw, cut at 40 bytes: the face cleans it when it prints. */
			char quoted[64];
			snprintf(quoted, sizeof quoted, "'%.40s%s'", bad[i], strlen(bad[i]) > 40 ? "..." : "");
			assert_contains(f->err.msg, quoted);
			assert_int_equal(access(f->path, F_OK), -1);  /* nothing made */
		}
	}
	setenv("VERDICT_BUSY_TIMEOUT_MS", "", 1);
	store_open_flags(f->path, 0, &f->st, &f->err);
	assert_string_equal(f->err.msg, "VERDICT_BUSY_TIMEOUT_MS is '': it must be a whole number of "
	                            "milliseconds from 0 to 3600000 (5000 when it is not set); "
	                            "nothing was changed");
	setenv("VERDICT_BUSY_TIMEOUT_MS", "0", 1);
	reopen(f);
	setenv("VERDICT_BUSY_TIMEOUT_MS", "3600000", 1);
	reopen(f);
	unsetenv("VERDICT_BUSY_TIMEOUT_MS");
}

/* A FIFO or a device is refused at once; a FIFO opened to read would wait
 * for a writer for ever (the alarm fails the test instead). */
static void test_not_a_regular_file(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(mkfifo(f->path, 0600), 0);
	alarm(20);
	struct store *st = NULL;
	for (unsigned flags = 0; flags <= STORE_OPEN_READ_ONLY; flags += STORE_OPEN_READ_ONLY) {
		assert_int_equal(store_open_flags(f->path, flags, &st, &f->err), -1);
		assert_null(st);
		assert_contains(f->err.msg, f->path);
		assert_contains(f->err.msg, " is a FIFO (named pipe), not a database file; nothing was "
		                        "changed. Use --db to name the database file itself");
	}
	alarm(0);
	struct stat sb;
	assert_int_equal(lstat(f->path, &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));
	assert_int_equal(store_open_flags("/dev/null", STORE_OPEN_READ_ONLY, &st, &f->err), -1);
	assert_contains(f->err.msg, "/dev/null is a character device, not a database file");
}

/* Damage met while reading is reported as damage, never as "no session". */
static void test_damage_while_reading(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long id = create(st, CRITERIA, "p", NULL);
	long long other = create(st, CRITERIA "summary: x\n", "q", NULL);
	store_close(st);
	f->st = NULL;
	/* The criteria text no longer matches its SHA-256. */
	sql_exec(f->path, "UPDATE criteria_texts SET body = CAST('verdict: 2' AS BLOB) "
	                  "WHERE id = (SELECT criteria_text_id FROM sessions WHERE id = 1)");
	for (unsigned flags = 0; flags <= STORE_OPEN_READ_ONLY; flags += STORE_OPEN_READ_ONLY) {
		assert_int_equal(store_open_flags(f->path, flags, &st, &f->err), 0);
		struct stored_session s;
		assert_int_equal(store_load(st, id, &s), -1);
		assert_contains(store_error(st)->msg, "is not a verdict database or is damaged");
		store_close(st);
	}
	/* The text is gone altogether. */
	sql_exec(f->path, "PRAGMA foreign_keys = OFF; DELETE FROM criteria_texts WHERE id = "
	                  "(SELECT criteria_text_id FROM sessions WHERE id = 2)");
	assert_int_equal(store_open_flags(f->path, STORE_OPEN_READ_ONLY, &st, &f->err), 0);
	struct stored_session s;
	assert_int_equal(store_load(st, other, &s), -1);
	assert_contains(store_error(st)->msg, "is damaged");
	/* A session that is not there, in a sound file, is not there. */
	assert_not_found(st, store_load(st, 77, &s));
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_newer_schema_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_programs_file_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_garbage_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_truncated_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_locked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_size_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_private_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_busy_timeout_checked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_a_regular_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damage_while_reading, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
