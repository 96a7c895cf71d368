/* layer: storage */
/* helper_store.h - for the store's unit tests (test_store*.c): a fixture
 * with a fresh directory and the database path in it, opened and read
 * behind the store's back. */
#ifndef VERDICT_HELPER_STORE_H
#define VERDICT_HELPER_STORE_H

#include <stddef.h>

#include "store.h"

/* The criteria text every test session is made of. */
#define CRITERIA "verdict: 1\nid: t\ntitle: T\n"

struct fixture {
	char dir[256];
	char path[300];
	struct store *st;
	struct verror err;
};

/* What store_list() showed collect() (CTX): the ids and projects, in order;
 * with STOP_AFTER, collect() stops the listing there, returning 42. */
struct seen {
	long long ids[16];
	const char *projects[16];
	size_t n;
	size_t stop_after;
};

/* The cmocka setup of every test with a fixture: a new directory under
 * $TMPDIR, VERDICT_NOW fixed; teardown closes the store and removes it all. */
int setup(void **state);
int teardown(void **state);

/* The store at F's path, opened (the test fails if it cannot be); reopen
 * closes and opens it again. */
/* RC is a failure of kind VERROR_INPUT: the session or revision is not
 * there, and ST's message says which. */
void assert_not_found(struct store *st, int rc);
struct store *open_ok(struct fixture *f);
void reopen(struct fixture *f);

/* A new session of criteria TEXT (named t.yaml) with PROJECT and RESPONDENT
 * (either may be NULL); its id. */
long long create(struct store *st, const char *text, const char *project,
                 const char *respondent);

/* The whole file, and its length in *LEN; NULL when it cannot be read. */
char *slurp(const char *path, size_t *len);
/* PATH is now byte for byte BEFORE (BEFORE_LEN bytes, from slurp(), which
 * this frees). */
void assert_unchanged(const char *path, char *before, size_t before_len);

/* Every row of TABLE on PATH, each of COLUMNS (an SQL expression giving one
 * text per row) quote()d, in a fixed order, as one string the caller frees:
 * two equal dumps hold the same values with the same types, byte for byte. */
char *dump_rows(const char *path, const char *table, const char *columns);

/* One table's rows, dumped before a change (an upgrade) to be compared
 * after it. */
struct kept_rows {
	const char *table;
	const char *columns;    /* as for dump_rows() */
	char *before;           /* rows_before() fills it; assert_rows_kept() frees it */
};
/* Dumps each of ROWS[N] on PATH into its BEFORE. */
void rows_before(const char *path, struct kept_rows *rows, size_t n);
/* Each of ROWS[N] on PATH is now exactly as rows_before() found it, naming
 * the table that changed; frees the dumps. */
void assert_rows_kept(const char *path, struct kept_rows *rows, size_t n);

/* One integer from SQL run on PATH by a connection of the test's own. */
long long sql_int(const char *path, const char *sql);

/* Whether SQLite's plan for SQL on PATH sorts in a temporary b-tree rather
 * than walking an index in order. */
int plan_sorts(const char *path, const char *sql);

/* Runs SQL on PATH with a connection of the test's own. */
void sql_exec(const char *path, const char *sql);

/* Runs SQL on PATH with a connection of the test's own, foreign keys on:
 * 0, or -1 when SQLite refuses it (nothing of it is then kept). */
int sql_try(const char *path, const char *sql);

/* TEXT holds WANT. */
void assert_contains(const char *text, const char *want);

/* Opening PATH fails with a message containing WANT and naming the file,
 * and leaves the file byte for byte as it was. */
void expect_refused(struct fixture *f, unsigned flags, const char *want);

/* The fixture file NAME (tests/fixtures/store/), copied to PATH. The tests
 * run from the top of the source tree. */
void copy_fixture(const char *name, const char *path);

/* A store_list() callback that fills the struct seen CTX. */
int collect(const struct session_summary *s, void *ctx);

#endif
