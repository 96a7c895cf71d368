/* test_store.c - the session store: every field round trip, the schema and
 * its migration, shared criteria texts, listing, deleting, and each fault
 * made for real (a newer schema, garbage, a truncated file, a lock held by
 * another connection, a read-only open, a file-size limit). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <ftw.h>
#include <math.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "store.h"

#define CRITERIA "verdict: 1\nid: t\ntitle: T\n"

struct fixture {
	char dir[256];
	char path[300];
	struct store *st;
	char err[1024];
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	const char *tmp = getenv("TMPDIR");
	snprintf(f->dir, sizeof f->dir, "%s/verdict-store-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/sessions.db", f->dir);
	setenv("VERDICT_NOW", "1700000000", 1);
	unsetenv("VERDICT_BUSY_TIMEOUT_MS");
	*state = f;
	return 0;
}

static int remove_entry(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	(void)sb;
	(void)type;
	(void)ftw;
	return remove(path);
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	store_close(f->st);
	nftw(f->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(f);
	unsetenv("VERDICT_NOW");
	return 0;
}

static struct store *open_ok(struct fixture *f)
{
	if (store_open(f->path, &f->st, f->err, sizeof f->err))
		fail_msg("store_open: %s", f->err);
	return f->st;
}

static void reopen(struct fixture *f)
{
	store_close(f->st);
	f->st = NULL;
	open_ok(f);
}

static long long create(struct store *st, const char *text, const char *project,
                        const char *respondent)
{
	long long id = 0;
	if (store_create(st, "t.yaml", text, strlen(text), "t", "T", project, respondent, &id))
		fail_msg("store_create: %s", store_error(st));
	assert_true(id > 0);
	return id;
}

/* The whole file, and its length in *LEN; NULL when it cannot be read. */
static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	char *buf = NULL;
	size_t n = 0, cap = 0, got;
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
		got = fread(buf + n, 1, cap - n, fp);
		n += got;
	} while (got);
	fclose(fp);
	*len = n;
	return buf;
}

/* One integer from SQL run on PATH by a connection of the test's own. */
static long long sql_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	long long v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

/* Whether SQLite's plan for SQL on PATH sorts in a temporary b-tree rather
 * than walking an index in order. */
static int plan_sorts(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	char explain[512];
	snprintf(explain, sizeof explain, "EXPLAIN QUERY PLAN %s", sql);
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, explain, -1, &s, NULL), SQLITE_OK);
	int sorts = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *detail = (const char *)sqlite3_column_text(s, 3);
		if (detail && strstr(detail, "TEMP B-TREE"))
			sorts = 1;
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return sorts;
}

static void sql_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	                                 NULL), SQLITE_OK);
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	sqlite3_close(db);
}

static void assert_contains(const char *text, const char *want)
{
	if (!strstr(text, want))
		fail_msg("'%s' lacks '%s'", text, want);
}

/* Opening PATH fails with a message containing WANT and naming the file,
 * and leaves the file byte for byte as it was. */
static void expect_refused(struct fixture *f, unsigned flags, const char *want)
{
	size_t before_len, after_len;
	char *before = slurp(f->path, &before_len);
	assert_non_null(before);
	struct store *st = NULL;
	assert_int_equal(store_open_flags(f->path, flags, &st, f->err, sizeof f->err), -1);
	assert_null(st);
	assert_contains(f->err, want);
	assert_contains(f->err, f->path);
	char *after = slurp(f->path, &after_len);
	assert_non_null(after);
	assert_int_equal(before_len, after_len);
	assert_memory_equal(before, after, before_len);
	free(before);
	free(after);
}

static void test_path(void **state)
{
	(void)state;
	char buf[256], home[256];
	snprintf(home, sizeof home, "%s", getenv("HOME") ? getenv("HOME") : "");
	setenv("VERDICT_DB", "/env/v.db", 1);
	setenv("XDG_DATA_HOME", "/xdg", 1);
	setenv("HOME", "/home/u", 1);
	assert_int_equal(store_path("/flag.db", buf, sizeof buf), 0);
	assert_string_equal(buf, "/flag.db");
	assert_int_equal(store_path(NULL, buf, sizeof buf), 0);
	assert_string_equal(buf, "/env/v.db");
	unsetenv("VERDICT_DB");
	assert_int_equal(store_path(NULL, buf, sizeof buf), 0);
	assert_string_equal(buf, "/xdg/verdict/sessions.db");
	setenv("XDG_DATA_HOME", "relative", 1);  /* the spec says to ignore it */
	assert_int_equal(store_path(NULL, buf, sizeof buf), 0);
	assert_string_equal(buf, "/home/u/.local/share/verdict/sessions.db");
	unsetenv("XDG_DATA_HOME");
	assert_int_equal(store_path(NULL, buf, sizeof buf), 0);
	assert_string_equal(buf, "/home/u/.local/share/verdict/sessions.db");
	assert_int_equal(store_path(NULL, buf, 10), -1);
	unsetenv("HOME");
	assert_int_equal(store_path(NULL, buf, sizeof buf), -1);
	if (*home)
		setenv("HOME", home, 1);
}

static void test_schema_created(void **state)
{
	struct fixture *f = *state;
	/* Directories above the file are made, private to the user. */
	snprintf(f->path, sizeof f->path, "%s/a/b/sessions.db", f->dir);
	open_ok(f);
	char dir[300];
	snprintf(dir, sizeof dir, "%s/a/b", f->dir);
	struct stat sb;
	assert_int_equal(stat(dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 1);
	assert_int_equal(sql_int(f->path, "PRAGMA application_id"), 0x56524454);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sqlite_master WHERE name IN "
	                                  "('sessions', 'choices', 'weights', 'criteria_texts')"), 4);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM pragma_journal_mode "
	                                  "WHERE journal_mode = 'wal'"), 1);
	/* Listing newest first, by project or not, uses an index, not a sort. */
	assert_false(plan_sorts(f->path, "SELECT id, project, respondent, criteria_title, status, "
	                                 "winner_name, updated FROM sessions "
	                                 "ORDER BY updated DESC, id DESC"));
	assert_false(plan_sorts(f->path, "SELECT id, project, respondent, criteria_title, status, "
	                                 "winner_name, updated FROM sessions WHERE project = 'p' "
	                                 "ORDER BY updated DESC, id DESC"));
	assert_false(plan_sorts(f->path, "SELECT id FROM sessions WHERE status = 'in-progress' "
	                                 "ORDER BY updated DESC, id DESC LIMIT 1"));
	/* Opening again changes nothing. */
	reopen(f);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 1);
}

static void test_migrate_from_version_0(void **state)
{
	struct fixture *f = *state;
	/* An empty file... */
	FILE *fp = fopen(f->path, "w");
	assert_non_null(fp);
	fclose(fp);
	open_ok(f);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 1);
	create(f->st, CRITERIA, "p", "r");
	store_close(f->st);
	f->st = NULL;
	remove(f->path);
	/* ... and a SQLite database at user_version 0 with nothing in it. */
	sql_exec(f->path, "PRAGMA user_version = 0; VACUUM;");
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 0);
	open_ok(f);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 1);
	assert_int_equal(sql_int(f->path, "PRAGMA application_id"), 0x56524454);
	create(f->st, CRITERIA, "p", "r");
}

static void test_round_trip(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	const char *text = "verdict: 1\r\nid: t  \ntitle: \"Caf\xc3\xa9\"\n\n# no final newline";
	long long id = 0;
	assert_int_equal(store_create(st, "crit/t.yaml", text, strlen(text), "t-id", "The title",
	                              "Shop rewrite", "Dana", &id), 0);
	setenv("VERDICT_NOW", "1700000500", 1);
	assert_int_equal(store_save_choice(st, id, "app_kind", "realtime"), 0);
	assert_int_equal(store_save_choice(st, id, "team", "python"), 0);
	assert_int_equal(store_save_choice(st, id, "team", "javascript"), 0);  /* replaces */
	assert_int_equal(store_save_choice(st, id, "gone", "x"), 0);
	assert_int_equal(store_save_choice(st, id, "gone", NULL), 0);          /* clears */
	assert_int_equal(store_save_weight(st, id, "speed", 5), 0);
	assert_int_equal(store_save_weight(st, id, "syntax", 1.5), 0);
	assert_int_equal(store_save_weight(st, id, "ai", 2), 0);
	assert_int_equal(store_clear_weight(st, id, "ai"), 0);
	assert_int_equal(store_save_notes(st, id, "line one\nline two \xe2\x9c\x93"), 0);
	assert_int_equal(store_save_names(st, id, "Shop rewrite 2", "Dana K."), 0);
	assert_int_equal(store_save_step(st, id, 7), 0);
	setenv("VERDICT_NOW", "1700000900", 1);
	assert_int_equal(store_save_status(st, id, SESSION_COMPLETE, "Node.js"), 0);
	reopen(f);

	struct stored_session s;
	assert_int_equal(store_load(f->st, id, &s), 0);
	assert_int_equal(s.id, id);
	assert_string_equal(s.criteria_name, "crit/t.yaml");
	assert_int_equal(s.criteria_len, strlen(text));
	assert_memory_equal(s.criteria_text, text, strlen(text));
	assert_int_equal(s.criteria_text[s.criteria_len], '\0');
	assert_string_equal(s.criteria_id, "t-id");
	assert_string_equal(s.criteria_title, "The title");
	assert_string_equal(s.project, "Shop rewrite 2");
	assert_string_equal(s.respondent, "Dana K.");
	assert_string_equal(s.notes, "line one\nline two \xe2\x9c\x93");
	assert_string_equal(s.winner_name, "Node.js");
	assert_int_equal(s.status, SESSION_COMPLETE);
	assert_int_equal(s.step, 7);
	assert_int_equal(s.created, 1700000000);
	assert_int_equal(s.updated, 1700000900);
	assert_int_equal(s.nchoices, 2);
	assert_string_equal(s.choices[0].question, "app_kind");
	assert_string_equal(s.choices[0].choice, "realtime");
	assert_string_equal(s.choices[1].question, "team");
	assert_string_equal(s.choices[1].choice, "javascript");
	assert_int_equal(s.nweights, 2);
	assert_string_equal(s.weights[0].criterion, "speed");
	assert_true(s.weights[0].weight == 5.0);
	assert_string_equal(s.weights[1].criterion, "syntax");
	assert_true(s.weights[1].weight == 1.5);
	stored_session_free(&s);

	/* Back in progress: the winner goes; NULL names and notes come back NULL. */
	assert_int_equal(store_save_status(f->st, id, SESSION_IN_PROGRESS, "Node.js"), 0);
	assert_int_equal(store_save_names(f->st, id, NULL, NULL), 0);
	assert_int_equal(store_save_notes(f->st, id, NULL), 0);
	assert_int_equal(store_load(f->st, id, &s), 0);
	assert_int_equal(s.status, SESSION_IN_PROGRESS);
	assert_null(s.winner_name);
	assert_null(s.project);
	assert_null(s.respondent);
	assert_null(s.notes);
	stored_session_free(&s);

	/* A weight must be a number. */
	assert_int_equal(store_save_weight(f->st, id, "speed", NAN), -1);
	assert_int_equal(store_save_weight(f->st, id, "speed", INFINITY), -1);
}

static void test_criteria_text_shared(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long a = create(st, CRITERIA, "p1", "r1");
	long long b = create(st, CRITERIA, "p2", "r2");
	assert_true(a != b);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM criteria_texts"), 1);
	long long c = create(st, CRITERIA "summary: other\n", "p3", "r3");
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM criteria_texts"), 2);
	/* A text goes when the last session using it goes. */
	assert_int_equal(store_delete(st, a), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM criteria_texts"), 2);
	assert_int_equal(store_delete(st, b), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM criteria_texts"), 1);
	assert_int_equal(store_delete(st, c), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM criteria_texts"), 0);
}

static void test_criteria_file_gone(void **state)
{
	struct fixture *f = *state;
	char crit[300];
	snprintf(crit, sizeof crit, "%s/criteria.yaml", f->dir);
	FILE *fp = fopen(crit, "wb");
	assert_non_null(fp);
	/* Every byte value but NUL, CRLF line ends and trailing blanks. */
	for (int i = 1; i < 256; i++)
		fputc(i, fp);
	fputs("\r\nverdict: 1   \r\n\t\n", fp);
	fclose(fp);
	size_t len;
	char *text = slurp(crit, &len);
	assert_non_null(text);
	long long id = 0;
	assert_int_equal(store_create(open_ok(f), crit, text, len, "t", "T", NULL, NULL, &id), 0);
	assert_int_equal(remove(crit), 0);
	reopen(f);
	struct stored_session s;
	assert_int_equal(store_load(f->st, id, &s), 0);
	assert_string_equal(s.criteria_name, crit);
	assert_int_equal(s.criteria_len, len);
	assert_memory_equal(s.criteria_text, text, len);
	stored_session_free(&s);
	free(text);
}

struct seen {
	long long ids[16];
	const char *projects[16];
	size_t n;
	size_t stop_after;
};

static int collect(const struct session_summary *s, void *ctx)
{
	struct seen *seen = ctx;
	assert_true(seen->n < 16);
	seen->ids[seen->n++] = s->id;
	assert_string_equal(s->criteria_title, "T");
	return seen->stop_after && seen->n == seen->stop_after ? 42 : 0;
}

/* A listing callback may read (and write) the store it is listing. */
static int load_each(const struct session_summary *sum, void *ctx)
{
	struct store *st = ctx;
	struct stored_session s;
	assert_int_equal(store_load(st, sum->id, &s), 0);
	assert_int_equal(s.id, sum->id);
	stored_session_free(&s);
	assert_int_equal(store_save_step(st, sum->id, 3), 0);
	return 0;
}

static void test_list(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	struct seen seen = { 0 };
	assert_int_equal(store_list(st, NULL, collect, &seen), 0);
	assert_int_equal(seen.n, 0);
	setenv("VERDICT_NOW", "1000", 1);
	long long a = create(st, CRITERIA, "alpha", "r");
	setenv("VERDICT_NOW", "2000", 1);
	long long b = create(st, CRITERIA, "beta", NULL);
	setenv("VERDICT_NOW", "3000", 1);
	long long c = create(st, CRITERIA, "alpha", "s");
	setenv("VERDICT_NOW", "3000", 1);
	long long d = create(st, CRITERIA, NULL, NULL);  /* same second: higher id first */
	assert_int_equal(store_list(st, NULL, collect, &seen), 0);
	assert_int_equal(seen.n, 4);
	assert_int_equal(seen.ids[0], d);
	assert_int_equal(seen.ids[1], c);
	assert_int_equal(seen.ids[2], b);
	assert_int_equal(seen.ids[3], a);
	/* An answer makes a session the newest. */
	setenv("VERDICT_NOW", "4000", 1);
	assert_int_equal(store_save_weight(st, a, "speed", 3), 0);
	memset(&seen, 0, sizeof seen);
	assert_int_equal(store_list(st, NULL, collect, &seen), 0);
	assert_int_equal(seen.ids[0], a);
	memset(&seen, 0, sizeof seen);
	assert_int_equal(store_list(st, "alpha", collect, &seen), 0);
	assert_int_equal(seen.n, 2);
	assert_int_equal(seen.ids[0], a);
	assert_int_equal(seen.ids[1], c);
	memset(&seen, 0, sizeof seen);
	assert_int_equal(store_list(st, "nobody's", collect, &seen), 0);
	assert_int_equal(seen.n, 0);
	/* The callback can stop the listing. */
	memset(&seen, 0, sizeof seen);
	seen.stop_after = 2;
	assert_int_equal(store_list(st, NULL, collect, &seen), 42);
	assert_int_equal(seen.n, 2);
	/* The newest unfinished session, for resuming. */
	long long latest = 0;
	assert_int_equal(store_latest_unfinished(st, &latest), 0);
	assert_int_equal(latest, a);
	assert_int_equal(store_save_status(st, a, SESSION_COMPLETE, "X"), 0);
	assert_int_equal(store_latest_unfinished(st, &latest), 0);
	assert_int_equal(latest, d);
	/* Reading and writing from inside the listing. */
	assert_int_equal(store_list(st, "alpha", load_each, st), 0);
	struct stored_session s;
	assert_int_equal(store_load(st, c, &s), 0);
	assert_int_equal(s.step, 3);
	stored_session_free(&s);
}

static void test_delete_cascades(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long keep = create(st, CRITERIA, "keep", NULL);
	long long id = create(st, CRITERIA, "go", NULL);
	assert_int_equal(store_save_choice(st, id, "q", "c"), 0);
	assert_int_equal(store_save_weight(st, id, "w", 2), 0);
	assert_int_equal(store_save_choice(st, keep, "q", "c"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM choices"), 2);
	assert_int_equal(store_delete(st, id), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM choices"), 1);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM weights"), 0);
	struct stored_session s;
	assert_int_equal(store_load(st, id, &s), STORE_NOT_FOUND);
	assert_int_equal(store_delete(st, id), STORE_NOT_FOUND);
	assert_int_equal(store_load(st, keep, &s), 0);
	assert_int_equal(s.nchoices, 1);
	stored_session_free(&s);
}

static void test_not_found(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long latest;
	assert_int_equal(store_latest_unfinished(st, &latest), STORE_NOT_FOUND);
	long long id = create(st, CRITERIA, NULL, NULL) + 1;
	struct stored_session s;
	assert_int_equal(store_load(st, id, &s), STORE_NOT_FOUND);
	assert_int_equal(store_save_choice(st, id, "q", "c"), STORE_NOT_FOUND);
	assert_int_equal(store_save_choice(st, id, "q", NULL), STORE_NOT_FOUND);
	assert_int_equal(store_save_weight(st, id, "w", 1), STORE_NOT_FOUND);
	assert_int_equal(store_clear_weight(st, id, "w"), STORE_NOT_FOUND);
	assert_int_equal(store_save_notes(st, id, "n"), STORE_NOT_FOUND);
	assert_int_equal(store_save_names(st, id, "p", "r"), STORE_NOT_FOUND);
	assert_int_equal(store_save_step(st, id, 1), STORE_NOT_FOUND);
	assert_int_equal(store_save_status(st, id, SESSION_COMPLETE, "x"), STORE_NOT_FOUND);
	assert_int_equal(store_delete(st, id), STORE_NOT_FOUND);
	/* Nothing was written for the missing session. */
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM choices"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM weights"), 0);
}

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
	double waited = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	assert_true(waited >= 0.15);
	assert_true(waited < 3.0);
	assert_contains(store_error(st), f->path);
	assert_contains(store_error(st), "is locked by another");
	assert_contains(store_error(st), "the answer was not saved; try again when it has finished");
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
	assert_int_equal(store_open_flags(f->path, STORE_OPEN_READ_ONLY, &st, f->err,
	                                  sizeof f->err), 0);
	struct seen seen = { 0 };
	assert_int_equal(store_list(st, NULL, collect, &seen), 0);
	assert_int_equal(seen.n, 0);
	long long id;
	assert_int_equal(store_create(st, "t", CRITERIA, strlen(CRITERIA), "t", "T", NULL, NULL,
	                              &id), -1);
	assert_contains(store_error(st), "is read-only");
	assert_contains(store_error(st), "use --db to choose another file");
	store_close(st);
	assert_int_equal(access(f->path, F_OK), -1);

	id = create(open_ok(f), CRITERIA, "p", "r");
	store_close(f->st);
	f->st = NULL;
	size_t before_len, after_len;
	char *before = slurp(f->path, &before_len);
	assert_int_equal(store_open_flags(f->path, STORE_OPEN_READ_ONLY, &st, f->err,
	                                  sizeof f->err), 0);
	assert_int_equal(store_list(st, NULL, collect, &seen), 0);
	assert_int_equal(seen.n, 1);
	assert_int_equal(store_save_weight(st, id, "speed", 4), -1);
	assert_contains(store_error(st), f->path);
	assert_contains(store_error(st), "is read-only");
	assert_contains(store_error(st), "the answer was not saved");
	assert_int_equal(store_delete(st, id), -1);
	assert_contains(store_error(st), "is read-only");
	store_close(st);
	char *after = slurp(f->path, &after_len);
	assert_int_equal(before_len, after_len);
	assert_memory_equal(before, after, before_len);
	free(before);
	free(after);
}

/* In a child under a file-size limit: an answer is saved, a big one fails
 * and a small one after it still works. The failure's message goes to OUT;
 * the exit status says which step went wrong (0: none). */
static void full_disk_child(const char *path, long long id, int out)
{
	char err[1024];
	struct store *st;
	if (store_open(path, &st, err, sizeof err))
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
	const char *msg = store_error(st);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_path),
		cmocka_unit_test_setup_teardown(test_schema_created, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migrate_from_version_0, setup, teardown),
		cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_criteria_text_shared, setup, teardown),
		cmocka_unit_test_setup_teardown(test_criteria_file_gone, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delete_cascades, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_found, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_programs_file_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_garbage_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_truncated_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_locked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_size_limit, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
