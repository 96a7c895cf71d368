/* test_store.c - the session store: every field round trip, the schema and
 * its migrations (from an empty file and from the version 1 file of the old
 * verdict), shared criteria texts, listing, deleting, ids never reused,
 * copies and revisions, private files, and each fault made for real (a newer
 * schema, garbage, a truncated file, damage met while reading, a lock held by
 * another connection, a read-only open, a file-size limit, a FIFO, a bad
 * busy timeout). */
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
	struct verror err;
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

/* RC is a failure of kind VERROR_INPUT: the session or revision is not
 * there, and ST's message says which. */
static void assert_not_found(struct store *st, int rc)
{
	assert_int_equal(rc, -1);
	assert_int_equal(store_error(st)->kind, VERROR_INPUT);
	if (!strstr(store_error(st)->msg, "no session ") &&
	    !strstr(store_error(st)->msg, " has no revision "))
		fail_msg("not a 'not found' message: %s", store_error(st)->msg);
}

static struct store *open_ok(struct fixture *f)
{
	if (store_open(f->path, &f->st, &f->err))
		fail_msg("store_open: %s", f->err.msg);
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
		fail_msg("store_create: %s", store_error(st)->msg);
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
	assert_int_equal(store_open_flags(f->path, flags, &st, &f->err), -1);
	assert_null(st);
	assert_contains(f->err.msg, want);
	assert_contains(f->err.msg, f->path);
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
	struct verror err;
	snprintf(home, sizeof home, "%s", getenv("HOME") ? getenv("HOME") : "");
	setenv("VERDICT_DB", "/env/v.db", 1);
	setenv("XDG_DATA_HOME", "/xdg", 1);
	setenv("HOME", "/home/u", 1);
	assert_int_equal(store_path("/flag.db", buf, sizeof buf, &err), 0);
	assert_string_equal(buf, "/flag.db");
	assert_int_equal(store_path(NULL, buf, sizeof buf, &err), 0);
	assert_string_equal(buf, "/env/v.db");
	unsetenv("VERDICT_DB");
	assert_int_equal(store_path(NULL, buf, sizeof buf, &err), 0);
	assert_string_equal(buf, "/xdg/verdict/sessions.db");
	setenv("XDG_DATA_HOME", "relative", 1);  /* the spec says to ignore it */
	assert_int_equal(store_path(NULL, buf, sizeof buf, &err), 0);
	assert_string_equal(buf, "/home/u/.local/share/verdict/sessions.db");
	unsetenv("XDG_DATA_HOME");
	assert_int_equal(store_path(NULL, buf, sizeof buf, &err), 0);
	assert_string_equal(buf, "/home/u/.local/share/verdict/sessions.db");
	assert_int_equal(store_path(NULL, buf, 10, &err), -1);
	assert_int_equal(err.kind, VERROR_STORAGE);
	assert_string_equal(err.msg, "the path of the sessions database is longer than 9 bytes; "
	                    "use --db to choose a shorter one");
	unsetenv("HOME");
	assert_int_equal(store_path(NULL, buf, sizeof buf, &err), -1);
	assert_int_equal(err.kind, VERROR_STORAGE);
	assert_string_equal(err.msg, "cannot tell where sessions are kept: HOME is not set; use "
	                    "--db PATH or set VERDICT_DB");
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
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 2);
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
	                                 "COLLATE NOCASE ORDER BY updated DESC, id DESC"));
	assert_false(plan_sorts(f->path, "SELECT id FROM sessions WHERE status = 'in-progress' "
	                                 "ORDER BY updated DESC, id DESC LIMIT 1"));
	/* Opening again changes nothing. */
	reopen(f);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 2);
}

static void test_migrate_from_version_0(void **state)
{
	struct fixture *f = *state;
	/* An empty file... */
	FILE *fp = fopen(f->path, "w");
	assert_non_null(fp);
	fclose(fp);
	open_ok(f);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 2);
	create(f->st, CRITERIA, "p", "r");
	store_close(f->st);
	f->st = NULL;
	remove(f->path);
	/* ... and a SQLite database at user_version 0 with nothing in it. */
	sql_exec(f->path, "PRAGMA user_version = 0; VACUUM;");
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 0);
	open_ok(f);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 2);
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
	/* The callback can stop the listing: that is no failure. */
	memset(&seen, 0, sizeof seen);
	seen.stop_after = 2;
	assert_int_equal(store_list(st, NULL, collect, &seen), 0);
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
	assert_not_found(st, store_load(st, id, &s));
	assert_not_found(st, store_delete(st, id));
	assert_int_equal(store_load(st, keep, &s), 0);
	assert_int_equal(s.nchoices, 1);
	stored_session_free(&s);
}

static void test_not_found(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long latest = 99;
	assert_int_equal(store_latest_unfinished(st, &latest), 0);
	assert_int_equal(latest, 0);  /* none */
	long long id = create(st, CRITERIA, NULL, NULL) + 1;
	struct stored_session s;
	assert_not_found(st, store_load(st, id, &s));
	assert_not_found(st, store_save_choice(st, id, "q", "c"));
	assert_not_found(st, store_save_choice(st, id, "q", NULL));
	assert_not_found(st, store_save_weight(st, id, "w", 1));
	assert_not_found(st, store_clear_weight(st, id, "w"));
	assert_not_found(st, store_save_notes(st, id, "n"));
	assert_not_found(st, store_save_names(st, id, "p", "r"));
	assert_not_found(st, store_save_step(st, id, 1));
	assert_not_found(st, store_save_status(st, id, SESSION_COMPLETE, "x"));
	assert_not_found(st, store_delete(st, id));
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
	assert_int_equal(store_error(st)->kind, VERROR_STORAGE);
	double waited = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	assert_true(waited >= 0.15);
	assert_true(waited < 3.0);
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
	size_t before_len, after_len;
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

/* ---- records: ids, copies, revisions (schema version 2) ---- */

/* Every row of TABLE on PATH, each column quote()d, in a fixed order, as one
 * string (the caller frees it): two equal dumps hold the same values with
 * the same types, byte for byte. */
static char *dump_rows(const char *path, const char *table, const char *columns)
{
	char sql[1024];
	snprintf(sql, sizeof sql, "SELECT group_concat(r, char(10)) FROM (SELECT %s AS r FROM %s "
	         "ORDER BY 1)", columns, table);
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	const char *v = (const char *)sqlite3_column_text(s, 0);
	char *copy = strdup(v ? v : "");
	assert_non_null(copy);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return copy;
}

#define SESSION_COLUMNS "quote(id)||','||quote(criteria_text_id)||','||quote(criteria_name)||" \
	"','||quote(criteria_id)||','||quote(criteria_title)||','||quote(project)||','||" \
	"quote(respondent)||','||quote(notes)||','||quote(status)||','||quote(step)||','||" \
	"quote(winner_name)||','||quote(created)||','||quote(updated)"
#define CHOICE_COLUMNS "quote(session_id)||','||quote(question)||','||quote(choice)"
#define WEIGHT_COLUMNS "quote(session_id)||','||quote(criterion)||','||quote(weight)"
#define TEXT_COLUMNS "quote(id)||','||quote(sha256)||','||quote(body)"

/* The version 1 file written by the old verdict (tests/fixtures/store/README.md),
 * copied to PATH. The tests run from the top of the source tree. */
static void copy_v1(const char *path)
{
	size_t len;
	char *bytes = slurp("tests/fixtures/store/v1.db", &len);
	if (!bytes)
		fail_msg("tests/fixtures/store/v1.db cannot be read: run from the top of the tree");
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(bytes, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
	free(bytes);
}

static void test_migrate_from_version_1(void **state)
{
	struct fixture *f = *state;
	copy_v1(f->path);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 1);
	char *sessions = dump_rows(f->path, "sessions", SESSION_COLUMNS);
	char *choices = dump_rows(f->path, "choices", CHOICE_COLUMNS);
	char *weights = dump_rows(f->path, "weights", WEIGHT_COLUMNS);
	char *texts = dump_rows(f->path, "criteria_texts", TEXT_COLUMNS);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions"), 3);
	assert_int_equal(sql_int(f->path, "SELECT max(id) FROM sessions"), 4);

	/* Reading an old file changes nothing in it: it is read as it is. */
	size_t before_len, after_len;
	char *before = slurp(f->path, &before_len);
	struct store *st = NULL;
	assert_int_equal(store_open_flags(f->path, STORE_OPEN_READ_ONLY, &st, &f->err), 0);
	struct stored_session s;
	assert_int_equal(store_load(st, 4, &s), 0);
	assert_string_equal(s.project, "Caf\xc3\xa9 \xc3\x9c");
	assert_int_equal(s.copied_from, 0);
	assert_int_equal(s.nweights, 1);
	assert_true(s.weights[0].weight == 2.5);
	stored_session_free(&s);
	long long none = 0;
	assert_not_found(st, store_revision_load(st, 4, 1, &s));
	assert_int_equal(store_revision_save(st, 4, &none), -1);
	assert_contains(store_error(st)->msg, "is read-only");
	store_close(st);
	char *after = slurp(f->path, &after_len);
	assert_int_equal(before_len, after_len);
	assert_memory_equal(before, after, before_len);
	free(before);
	free(after);

	/* Opened for writing, it is upgraded: every session and answer as it was. */
	st = open_ok(f);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 2);
	assert_int_equal(sql_int(f->path, "PRAGMA application_id"), 0x56524454);
	char *now;
	assert_string_equal(now = dump_rows(f->path, "sessions", SESSION_COLUMNS), sessions);
	free(now);
	assert_string_equal(now = dump_rows(f->path, "choices", CHOICE_COLUMNS), choices);
	free(now);
	assert_string_equal(now = dump_rows(f->path, "weights", WEIGHT_COLUMNS), weights);
	free(now);
	assert_string_equal(now = dump_rows(f->path, "criteria_texts", TEXT_COLUMNS), texts);
	free(now);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions WHERE copied_from IS NOT "
	                                  "NULL OR kept_rev IS NOT NULL OR edited != 0"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM pragma_integrity_check WHERE "
	                                  "integrity_check = 'ok'"), 1);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	/* The same indexes, so listing still walks one in order. */
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
	                                  "AND name LIKE 'sessions_%'"), 4);
	assert_false(plan_sorts(f->path, "SELECT id, project, respondent, criteria_title, status, "
	                                 "winner_name, updated FROM sessions "
	                                 "ORDER BY updated DESC, id DESC"));
	assert_false(plan_sorts(f->path, "SELECT id, project, respondent, criteria_title, status, "
	                                 "winner_name, updated FROM sessions WHERE project = 'p' "
	                                 "COLLATE NOCASE ORDER BY updated DESC, id DESC"));
	/* From here on ids are never used twice: a new session is 5, and after
	 * it is deleted the next is 6. */
	long long id = create(st, CRITERIA, "new", NULL);
	assert_int_equal(id, 5);
	assert_int_equal(store_delete(st, id), 0);
	assert_int_equal(create(st, CRITERIA, "newer", NULL), 6);
	/* Deleting an old session takes its answers, as before. */
	assert_int_equal(store_delete(st, 4), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM weights"), 0);
	/* Opening again changes nothing more. */
	reopen(f);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 2);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions"), 3);
	free(sessions);
	free(choices);
	free(weights);
	free(texts);
}

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

static void test_revisions(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long id = full_session(st);
	struct stored_session before, now, rev;
	assert_int_equal(store_load(st, id, &before), 0);
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

	v.n = 0;
	assert_int_equal(store_revisions(st, id, collect_rev, &v), 0);
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

	/* Unknown sessions and revisions. */
	assert_not_found(st, store_revisions(st, 999, collect_rev, &v));
	assert_not_found(st, store_revision_load(st, id, 99, &rev));
	assert_not_found(st, store_revision_load(st, id, 0, &rev));
	assert_not_found(st, store_revision_load(st, 999, 1, &rev));
	assert_not_found(st, store_revision_save(st, 999, &r1));
	long long kept = 0;
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

	/* Revert to 1: the answers now are kept first (revision 4), then
	 * revision 1's come back whole. */
	setenv("VERDICT_NOW", "1700003000", 1);
	stored_session_free(&before);
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

	/* As the walk-through edits a finished session: a weight first, then the
	 * status. One revision, the finished answers; the weight alone puts the
	 * session back in progress, its old winner gone. */
	id = full_session(st);
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
	stored_session_free(&before);
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
			assert_null(strchr(f->err.msg, '\x1b'));
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

static void test_project_any_case(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long a = create(st, CRITERIA, "Shop Rewrite", NULL);
	long long b = create(st, CRITERIA, "shop rewrite", NULL);
	long long c = create(st, CRITERIA, "SHOP REWRITE", NULL);
	long long d = create(st, CRITERIA, "Caf\xc3\xa9 \xc3\x9c" "ber", NULL);
	create(st, CRITERIA, "Shop", NULL);
	create(st, CRITERIA, "Shop Rewrite 2", NULL);
	create(st, CRITERIA, NULL, NULL);
	create(st, CRITERIA, "\xff\xfe", NULL);
	struct seen seen = { 0 };
	assert_int_equal(store_list(st, "sHoP rEwRiTe", collect, &seen), 0);
	assert_int_equal(seen.n, 3);
	assert_int_equal(seen.ids[0], c);
	assert_int_equal(seen.ids[1], b);
	assert_int_equal(seen.ids[2], a);
	memset(&seen, 0, sizeof seen);
	assert_int_equal(store_list(st, "CAF\xc3\x89 \xc3\xbc" "BER", collect, &seen), 0);
	assert_int_equal(seen.n, 1);
	assert_int_equal(seen.ids[0], d);
	memset(&seen, 0, sizeof seen);
	assert_int_equal(store_list(st, "\xff\xfe", collect, &seen), 0);
	assert_int_equal(seen.n, 1);
	memset(&seen, 0, sizeof seen);
	assert_int_equal(store_list(st, "shop rewrit", collect, &seen), 0);
	assert_int_equal(seen.n, 0);
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
		cmocka_unit_test_setup_teardown(test_migrate_from_version_1, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ids_never_reused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_copy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_revisions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_private_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_busy_timeout_checked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_a_regular_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_project_any_case, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damage_while_reading, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
