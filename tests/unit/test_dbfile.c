/* layer: storage */
/* test_dbfile.c - telling database files apart, so that a report never
 * replaces one: the first bytes (pure), and the guard on real files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "dbfile.h"

static void header(unsigned char *h, size_t n, const char *app_id)
{
	memset(h, 0, n);
	memcpy(h, "SQLite format 3", 16);
	if (app_id)
		memcpy(h + 68, app_id, 4);
}

static void test_classify(void **state)
{
	(void)state;
	unsigned char h[100];
	header(h, sizeof h, "VRDT");
	assert_int_equal(dbfile_classify(h, sizeof h), DBFILE_VERDICT);
	assert_int_equal(dbfile_classify(h, 72), DBFILE_VERDICT);
	/* Too short to hold the application id: still an SQLite database. */
	assert_int_equal(dbfile_classify(h, 71), DBFILE_SQLITE);
	header(h, sizeof h, "ABCD");
	assert_int_equal(dbfile_classify(h, sizeof h), DBFILE_SQLITE);
	header(h, sizeof h, NULL);
	assert_int_equal(dbfile_classify(h, 16), DBFILE_SQLITE);
	assert_int_equal(dbfile_classify(h, 15), DBFILE_NONE);   /* no NUL: not the header */
	static const unsigned char wal2[] = { 0x37, 0x7f, 0x06, 0x82 }, wal3[] = { 0x37, 0x7f, 0x06, 0x83 };
	static const unsigned char notwal[] = { 0x37, 0x7f, 0x06, 0x84 };
	assert_int_equal(dbfile_classify(wal2, 4), DBFILE_WAL);
	assert_int_equal(dbfile_classify(wal3, 4), DBFILE_WAL);
	assert_int_equal(dbfile_classify(notwal, 4), DBFILE_NONE);
	static const unsigned char journal[] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7, 0 };
	assert_int_equal(dbfile_classify(journal, sizeof journal), DBFILE_JOURNAL);
	assert_int_equal(dbfile_classify(journal, 7), DBFILE_NONE);
	assert_int_equal(dbfile_classify((const unsigned char *)"# Report\n", 9), DBFILE_NONE);
	assert_int_equal(dbfile_classify((const unsigned char *)"", 0), DBFILE_NONE);
}

static char dir[512];

static void put(const char *name, const void *bytes, size_t n)
{
	char path[600];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/* The guard on NAME (in the test directory) with OPEN_DB: WANT is NULL for
 * "may write", else the message after the path. */
static void expect_guard(const char *name, const char *open_db, const char *want)
{
	char path[600], db[600];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (open_db)
		snprintf(db, sizeof db, "%s/%s", dir, open_db);
	struct verror err = { 0 };
	int rc = dbfile_guard(path, open_db ? db : NULL, &err);
	const char *why = err.msg;
	if (!want) {
		if (rc)
			fail_msg("%s refused: %s", name, why);
		return;
	}
	/* "@" in WANT stands for the test directory. */
	char full[1600];
	size_t n = 0;
	for (const char *p = want; *p && n < sizeof full - 64; p++) {
		if (*p == '@')
			n += (size_t)snprintf(full + n, sizeof full - n, "%s", dir);
		else
			full[n++] = *p;
	}
	full[n] = '\0';
	assert_int_equal(rc, -1);
	assert_int_equal(err.kind, VERROR_INPUT);
	if (strcmp(why + strlen(dir) + 1, full) != 0)
		fail_msg("got  %s\nwant %s/%s", why, dir, full);
}

static void test_guard(void **state)
{
	(void)state;
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/verdict-dbfile-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	assert_non_null(mkdtemp(dir));
	unsigned char h[100];
	header(h, sizeof h, "VRDT");
	put("s.db", h, sizeof h);
	put("s.db-wal", "", 0);
	put("s.db-shm", "x", 1);
	header(h, sizeof h, NULL);
	put("other.sqlite", h, sizeof h);
	put("other.sqlite-journal", "", 0);
	put("report.md", "# old\n", 6);
	put("notes-wal", "x", 1);
	char a[600], b[600];
	snprintf(a, sizeof a, "%s/s.db", dir);
	snprintf(b, sizeof b, "%s/hard.md", dir);
	assert_int_equal(link(a, b), 0);
	snprintf(b, sizeof b, "%s/link.md", dir);
	assert_int_equal(symlink("s.db-wal", b), 0);

	expect_guard("report.md", "s.db", NULL);
	expect_guard("new.md", "s.db", NULL);
	expect_guard("notes-wal", "s.db", NULL);        /* no database "notes" beside it */
	expect_guard("s.db", "s.db", "s.db is the sessions database in use; a report there "
	             "would destroy every saved session: choose another file name");
	expect_guard("hard.md", "s.db", "hard.md is the sessions database in use; a report "
	             "there would destroy every saved session: choose another file name");
	expect_guard("link.md", "s.db", "link.md is the write-ahead log of the sessions "
	             "database in use (@/s.db); a report there would damage the saved "
	             "sessions: choose another file name");
	expect_guard("s.db-shm", "s.db", "s.db-shm is the shared-memory index of the sessions "
	             "database in use (@/s.db); a report there would damage the saved "
	             "sessions: choose another file name");
	/* With no database open, the bytes and the names tell. */
	expect_guard("s.db", NULL, "s.db is a verdict sessions database; a report there would "
	             "destroy its saved sessions: choose another file name");
	expect_guard("other.sqlite", "s.db", "other.sqlite is an SQLite database; a report "
	             "there would destroy it: choose another file name");
	expect_guard("other.sqlite-journal", NULL, "other.sqlite-journal is the rollback journal "
	             "of the SQLite database @/other.sqlite; a report there would damage it: "
	             "choose another file name");
	expect_guard("s.db-wal", NULL, "s.db-wal is the write-ahead log of the verdict sessions "
	             "database @/s.db; a report there would damage it: choose another file "
	             "name");
	static const unsigned char wal[] = { 0x37, 0x7f, 0x06, 0x82, 0, 0, 0, 0 };
	put("w.bin", wal, sizeof wal);
	expect_guard("w.bin", NULL, "w.bin is an SQLite write-ahead log; a report there would "
	             "damage its database: choose another file name");
	static const unsigned char journal[] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
	put("j.bin", journal, sizeof journal);
	expect_guard("j.bin", NULL, "j.bin is an SQLite rollback journal; a report there would "
	             "damage its database: choose another file name");

	static const char *const names[] = {
		"s.db", "s.db-wal", "s.db-shm", "other.sqlite", "other.sqlite-journal", "report.md",
		"notes-wal", "hard.md", "link.md", "w.bin", "j.bin",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(a, sizeof a, "%s/%s", dir, names[i]);
		unlink(a);
	}
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_classify),
		cmocka_unit_test(test_guard),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
