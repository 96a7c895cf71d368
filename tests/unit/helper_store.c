/* layer: storage */
/* helper_store.c - for the store's unit tests: a fresh directory per test,
 * a store opened in it, sessions made, and the file read behind the store's
 * back with a connection of the test's own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helper_store.h"
#include "helper_tmp.h"

int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	assert_int_equal(tmp_dir_make(f->dir, sizeof f->dir, "store"), 0);
	snprintf(f->path, sizeof f->path, "%s/sessions.db", f->dir);
	setenv("VERDICT_NOW", "1700000000", 1);
	unsetenv("VERDICT_BUSY_TIMEOUT_MS");
	*state = f;
	return 0;
}

int teardown(void **state)
{
	struct fixture *f = *state;
	store_close(f->st);
	tmp_dir_remove(f->dir);
	free(f);
	unsetenv("VERDICT_NOW");
	return 0;
}

void assert_not_found(struct store *st, int rc)
{
	assert_int_equal(rc, -1);
	assert_int_equal(store_error(st)->kind, VERROR_INPUT);
	if (!strstr(store_error(st)->msg, "no session ") &&
	    !strstr(store_error(st)->msg, " has no revision "))
		fail_msg("not a 'not found' message: %s", store_error(st)->msg);
}

struct store *open_ok(struct fixture *f)
{
	if (store_open(f->path, &f->st, &f->err))
		fail_msg("store_open: %s", f->err.msg);
	return f->st;
}

void reopen(struct fixture *f)
{
	store_close(f->st);
	f->st = NULL;
	open_ok(f);
}

long long create(struct store *st, const char *text, const char *project,
                 const char *respondent)
{
	long long id = 0;
	if (store_create(st, "t.yaml", text, strlen(text), "t", "T", project, respondent, &id))
		fail_msg("store_create: %s", store_error(st)->msg);
	assert_true(id > 0);
	return id;
}

/* The whole file, and its length in *LEN; NULL when it cannot be read. */
char *slurp(const char *path, size_t *len)
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
long long sql_int(const char *path, const char *sql)
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
int plan_sorts(const char *path, const char *sql)
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

void sql_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	                                 NULL), SQLITE_OK);
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	sqlite3_close(db);
}

int sql_try(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL),
	                 SQLITE_OK);
	int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc == SQLITE_OK ? 0 : -1;
}

void assert_contains(const char *text, const char *want)
{
	if (!strstr(text, want))
		fail_msg("'%s' lacks '%s'", text, want);
}

/* Opening PATH fails with a message containing WANT and naming the file,
 * and leaves the file byte for byte as it was. */
void expect_refused(struct fixture *f, unsigned flags, const char *want)
{
	size_t before_len;
	char *before = slurp(f->path, &before_len);
	assert_non_null(before);
	struct store *st = NULL;
	assert_int_equal(store_open_flags(f->path, flags, &st, &f->err), -1);
	assert_null(st);
	assert_contains(f->err.msg, want);
	assert_contains(f->err.msg, f->path);
	assert_unchanged(f->path, before, before_len);
}

void assert_unchanged(const char *path, char *before, size_t before_len)
{
	size_t after_len;
	char *after = slurp(path, &after_len);
	assert_non_null(after);
	assert_int_equal(before_len, after_len);
	assert_memory_equal(before, after, before_len);
	free(before);
	free(after);
}

/* Every row of TABLE on PATH, each column quote()d, in a fixed order, as one
 * string (the caller frees it): two equal dumps hold the same values with
 * the same types, byte for byte. */
char *dump_rows(const char *path, const char *table, const char *columns)
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

void rows_before(const char *path, struct kept_rows *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		rows[i].before = dump_rows(path, rows[i].table, rows[i].columns);
}

void assert_rows_kept(const char *path, struct kept_rows *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *now = dump_rows(path, rows[i].table, rows[i].columns);
		if (strcmp(now, rows[i].before) != 0)
			fail_msg("%s changed:\n%s\nnow:\n%s", rows[i].table, rows[i].before, now);
		free(now);
		free(rows[i].before);
		rows[i].before = NULL;
	}
}

int collect(const struct session_summary *s, void *ctx)
{
	struct seen *seen = ctx;
	assert_true(seen->n < 16);
	seen->ids[seen->n++] = s->id;
	assert_string_equal(s->criteria_title, "T");
	return seen->stop_after && seen->n == seen->stop_after ? 42 : 0;
}

void copy_fixture(const char *name, const char *path)
{
	size_t len;
	char *bytes = slurp(name, &len);
	if (!bytes)
		fail_msg("%s cannot be read: run from the top of the tree", name);
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(bytes, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
	free(bytes);
}
