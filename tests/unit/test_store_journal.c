/* layer: storage */
/* test_store_journal.c - schema version 5: the migration from a version 4
 * file written by the old verdict (tests/fixtures/store/v4.db), every row of
 * every table kept and a uid made for each session; the same file read
 * without being changed; uids for new sessions and copies; the decision
 * journal (store_decide(), store_review()) written, read back, listed and
 * deleted with its session. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helper_store.h"
#include "store.h"

/* What store_list() gave collect_decided(): each session's origin and
 * decision ("-" for NULL), newest first. */
struct listed {
	long long ids[8];
	char origin[8][16];
	char decided[8][16];
	size_t n;
};

static int collect_decided(const struct session_summary *s, void *ctx)
{
	struct listed *l = ctx;
	assert_true(l->n < 8);
	l->ids[l->n] = s->id;
	snprintf(l->origin[l->n], sizeof l->origin[0], "%s", s->origin ? s->origin : "-");
	snprintf(l->decided[l->n], sizeof l->decided[0], "%s", s->decided ? s->decided : "-");
	if (s->decided)
		assert_int_equal(s->decided_len, strlen(s->decided));
	l->n++;
	return 0;
}

/* The uid is 32 lowercase hex digits. */
static void assert_uid(const char *uid)
{
	assert_non_null(uid);
	assert_int_equal(strlen(uid), 32);
	assert_int_equal(strspn(uid, "0123456789abcdef"), 32);
}

#define SESSION_V4 "quote(id)||','||quote(criteria_text_id)||','||quote(criteria_name)||" \
	"','||quote(criteria_id)||','||quote(criteria_title)||','||quote(project)||','||" \
	"quote(respondent)||','||quote(notes)||','||quote(status)||','||quote(step)||','||" \
	"quote(winner_name)||','||quote(created)||','||quote(updated)||','||" \
	"quote(copied_from)||','||quote(kept_rev)||','||quote(edited)||','||quote(margin)||" \
	"','||quote(strength)||','||quote(weighting)"

/* Whether listing newest first reads the listing index alone. */
static int listing_covered(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "EXPLAIN QUERY PLAN SELECT id, project, "
	                                    "respondent, criteria_title, status, winner_name, "
	                                    "updated, margin, strength, origin, decided FROM "
	                                    "sessions ORDER BY updated DESC, id DESC", -1, &s,
	                                    NULL), SQLITE_OK);
	int covered = 0, rows = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *detail = (const char *)sqlite3_column_text(s, 3);
		rows++;
		covered = detail && strstr(detail, "COVERING INDEX sessions_listing") &&
		          !strstr(detail, "TEMP B-TREE");
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return rows == 1 && covered;
}

static void test_migrate_from_version_4(void **state)
{
	struct fixture *f = *state;
	copy_fixture("tests/fixtures/store/v4.db", f->path);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 4);
	struct kept_rows rows[] = {
		{ "sessions", SESSION_V4, NULL },
		{ "choices", "quote(session_id)||','||quote(question)||','||quote(choice)", NULL },
		{ "weights", "quote(session_id)||','||quote(criterion)||','||quote(weight)", NULL },
		{ "criteria_texts", "quote(id)||','||quote(sha256)||','||quote(body)", NULL },
		{ "revisions", "quote(session_id)||','||quote(rev)||','||quote(kept)||','||"
		  "quote(project)||','||quote(respondent)||','||quote(notes)||','||quote(status)||"
		  "','||quote(step)||','||quote(winner_name)||','||quote(updated)||','||"
		  "quote(weighting)", NULL },
		{ "revision_choices", "quote(session_id)||','||quote(rev)||','||quote(question)||"
		  "','||quote(choice)", NULL },
		{ "revision_weights", "quote(session_id)||','||quote(rev)||','||quote(criterion)||"
		  "','||quote(weight)", NULL },
		{ "judgments", "quote(seq)||','||quote(session_id)||','||quote(level)||','||"
		  "quote(a)||','||quote(b)||','||quote(value)", NULL },
		{ "revision_judgments", "quote(session_id)||','||quote(rev)||','||quote(seq)||','||"
		  "quote(level)||','||quote(a)||','||quote(b)||','||quote(value)", NULL },
	};
	size_t nrows = sizeof rows / sizeof rows[0];
	rows_before(f->path, rows, nrows);
	/* Every table of the fixture holds rows, so every one is checked. */
	assert_int_equal(sql_int(f->path, "SELECT (SELECT count(*) FROM sessions) * 100000000 + "
	                                  "(SELECT count(*) FROM choices) * 10000000 + "
	                                  "(SELECT count(*) FROM weights) * 1000000 + "
	                                  "(SELECT count(*) FROM revisions) * 100000 + "
	                                  "(SELECT count(*) FROM revision_choices) * 10000 + "
	                                  "(SELECT count(*) FROM revision_weights) * 1000 + "
	                                  "(SELECT count(*) FROM judgments) * 100 + "
	                                  "(SELECT count(*) FROM revision_judgments) * 10 + "
	                                  "(SELECT count(*) FROM criteria_texts)"), 422433422);

	/* Read as it is, and not changed: no uid, no origin, no journal. */
	size_t before_len;
	char *before = slurp(f->path, &before_len);
	struct store *st = NULL;
	assert_int_equal(store_open_flags(f->path, STORE_OPEN_READ_ONLY, &st, &f->err), 0);
	struct stored_session s;
	assert_int_equal(store_load(st, 2, &s), 0);
	assert_null(s.uid);
	assert_null(s.origin);
	assert_int_equal(s.imported, 0);
	assert_int_equal(s.njournal, 0);
	assert_null(s.journal);
	assert_string_equal(s.weighting, "pairwise");
	assert_int_equal(s.njudgments, 2);
	stored_session_free(&s);
	assert_int_equal(store_revision_load(st, 2, 1, &s), 0);
	assert_int_equal(s.kept, 1700000900);
	assert_int_equal(s.njournal, 0);
	stored_session_free(&s);
	struct listed l = { .n = 0 };
	assert_int_equal(store_list(st, NULL, collect_decided, &l), 0);
	assert_int_equal(l.n, 4);
	for (size_t i = 0; i < l.n; i++) {
		assert_string_equal(l.origin[i], "-");
		assert_string_equal(l.decided[i], "-");
	}
	assert_int_equal(store_decide(st, 1, "node", "Node.js", "Node.js", NULL, NULL), -1);
	assert_contains(store_error(st)->msg, "is read-only");
	assert_int_equal(store_review(st, 1, "fine", 3, NULL), -1);
	store_close(st);
	assert_unchanged(f->path, before, before_len);

	/* Opened for writing, it is upgraded: every row of every table as it
	 * was, and each session given a uid of its own. */
	st = open_ok(f);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 5);
	assert_rows_kept(f->path, rows, nrows);
	assert_int_equal(sql_int(f->path, "SELECT count(DISTINCT uid) FROM sessions WHERE "
	                                  "length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'"), 4);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions WHERE origin IS NOT NULL "
	                                  "OR imported IS NOT NULL OR decided IS NOT NULL"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM journal"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM pragma_integrity_check WHERE "
	                                  "integrity_check = 'ok'"), 1);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	assert_true(listing_covered(f->path));
	/* A uid is unique in the file, and must look like one. */
	assert_int_equal(sql_try(f->path, "UPDATE sessions SET uid = (SELECT uid FROM sessions "
	                                  "WHERE id = 1) WHERE id = 2"), -1);
	assert_int_equal(sql_try(f->path, "UPDATE sessions SET uid = 'ABC' WHERE id = 2"), -1);
	assert_int_equal(store_load(st, 1, &s), 0);
	assert_uid(s.uid);
	char uid[33];
	snprintf(uid, sizeof uid, "%s", s.uid);
	stored_session_free(&s);

	/* An old session takes a decision; its uid stays as made. */
	assert_int_equal(store_decide(st, 1, "python", "Python", "Node.js", "team", NULL), 0);
	reopen(f);
	assert_int_equal(store_load(f->st, 1, &s), 0);
	assert_string_equal(s.uid, uid);
	assert_int_equal(s.njournal, 1);
	stored_session_free(&s);
	l.n = 0;
	assert_int_equal(store_list(f->st, NULL, collect_decided, &l), 0);
	assert_int_equal(l.ids[3], 1);
	assert_string_equal(l.decided[3], "Python");
	assert_string_equal(l.decided[0], "-");
}

/* A file of an older version read without migrating it: no uid, an empty
 * journal, nothing decided. */
static void test_read_version_1(void **state)
{
	struct fixture *f = *state;
	copy_fixture("tests/fixtures/store/v1.db", f->path);
	size_t before_len;
	char *before = slurp(f->path, &before_len);
	struct store *st = NULL;
	assert_int_equal(store_open_flags(f->path, STORE_OPEN_READ_ONLY, &st, &f->err), 0);
	struct stored_session s;
	assert_int_equal(store_load(st, 1, &s), 0);
	assert_null(s.uid);
	assert_int_equal(s.njournal, 0);
	stored_session_free(&s);
	struct listed l = { .n = 0 };
	assert_int_equal(store_list(st, NULL, collect_decided, &l), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.decided[0], "-");
	store_close(st);
	assert_unchanged(f->path, before, before_len);
}

static void test_decide_and_review(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long id = create(st, CRITERIA, "p", NULL);
	assert_int_equal(store_save_result(st, id, "Node.js", 3.5, "leaning"), 0);
	long long before_updated = sql_int(f->path, "SELECT updated FROM sessions");
	setenv("VERDICT_NOW", "1700001000", 1);
	long long e1 = 0, e2 = 0, e3 = 0, e4 = 0;
	assert_int_equal(store_decide(st, id, "python", "Python", "Node.js",
	                              "the team knows it", &e1), 0);
	setenv("VERDICT_NOW", "1700002000", 1);
	assert_int_equal(store_review(st, id, "shipped on time", 4, &e2), 0);
	setenv("VERDICT_NOW", "1700003000", 1);
	assert_int_equal(store_decide(st, id, "node", "Node.js", "Node.js", NULL, &e3), 0);
	assert_int_equal(store_review(st, id, "still fine", 0, &e4), 0);
	assert_true(e1 > 0 && e2 > e1 && e3 > e2 && e4 > e3);
	/* Neither touches the answers, the updated time or the revisions. */
	assert_int_equal(sql_int(f->path, "SELECT updated FROM sessions"), before_updated);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revisions"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions WHERE status = "
	                                  "'complete' AND strength = 'leaning' AND edited = 0"), 1);

	reopen(f);
	struct stored_session s;
	assert_int_equal(store_load(f->st, id, &s), 0);
	assert_int_equal(s.njournal, 4);
	const struct journal_entry *j = s.journal;
	assert_int_equal(j[0].id, e1);
	assert_string_equal(j[0].kind, "decision");
	assert_int_equal(j[0].at, 1700001000);
	assert_string_equal(j[0].option, "python");
	assert_string_equal(j[0].option_name, "Python");
	assert_string_equal(j[0].advised, "Node.js");
	assert_string_equal(j[0].note, "the team knows it");
	assert_int_equal(j[0].rating, 0);
	assert_string_equal(j[1].kind, "review");
	assert_int_equal(j[1].at, 1700002000);
	assert_null(j[1].option);
	assert_null(j[1].option_name);
	assert_null(j[1].advised);
	assert_string_equal(j[1].note, "shipped on time");
	assert_int_equal(j[1].rating, 4);
	assert_string_equal(j[2].option_name, "Node.js");
	assert_null(j[2].note);
	assert_string_equal(j[3].kind, "review");
	assert_int_equal(j[3].rating, 0);
	assert_int_equal(s.updated, before_updated);
	stored_session_free(&s);
	/* The listing shows the latest decision. */
	struct listed l = { .n = 0 };
	assert_int_equal(store_list(f->st, NULL, collect_decided, &l), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.decided[0], "Node.js");

	/* What cannot be recorded records nothing. */
	assert_int_equal(store_review(f->st, id, "x", 6, NULL), -1);
	assert_int_equal(store_review(f->st, id, "x", -1, NULL), -1);
	assert_int_equal(store_review(f->st, id, "", 2, NULL), -1);
	assert_int_equal(store_review(f->st, id, NULL, 2, NULL), -1);
	assert_int_equal(store_decide(f->st, id, NULL, "Python", NULL, NULL, NULL), -1);
	assert_int_equal(store_decide(f->st, id, "python", "", NULL, NULL, NULL), -1);
	assert_not_found(f->st, store_decide(f->st, 99, "python", "Python", NULL, NULL, NULL));
	assert_not_found(f->st, store_review(f->st, 99, "fine", 3, NULL));
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM journal"), 4);
	/* The schema refuses what the store would never write. */
	assert_int_equal(sql_try(f->path, "INSERT INTO journal (session_id, kind, at, note, rating) "
	                                  "VALUES (1, 'review', 1, 'x', 6)"), -1);
	assert_int_equal(sql_try(f->path, "INSERT INTO journal (session_id, kind, at, option) "
	                                  "VALUES (1, 'decision', 1, 'x')"), -1);
	assert_int_equal(sql_try(f->path, "INSERT INTO journal (session_id, kind, at, note) "
	                                  "VALUES (1, 'guess', 1, 'x')"), -1);
	assert_int_equal(sql_try(f->path, "INSERT INTO journal (session_id, kind, at, note) "
	                                  "VALUES (42, 'review', 1, 'x')"), -1);

	/* A revision has no journal, and says when it was kept. */
	setenv("VERDICT_NOW", "1700004000", 1);
	long long rev = 0;
	assert_int_equal(store_revision_save(f->st, id, &rev), 0);
	assert_int_equal(store_revision_load(f->st, id, rev, &s), 0);
	assert_int_equal(s.njournal, 0);
	assert_int_equal(s.kept, 1700004000);
	assert_uid(s.uid);
	stored_session_free(&s);
}

static void test_delete_takes_the_journal(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long a = create(st, CRITERIA, "p", NULL);
	long long b = create(st, CRITERIA, "q", NULL);
	assert_int_equal(store_decide(st, a, "x", "X", NULL, NULL, NULL), 0);
	assert_int_equal(store_review(st, a, "ok", 5, NULL), 0);
	assert_int_equal(store_decide(st, b, "y", "Y", "X", NULL, NULL), 0);
	assert_int_equal(store_delete(st, a), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM journal"), 1);
	assert_int_equal(sql_int(f->path, "SELECT session_id FROM journal"), b);
}

static void test_uids_distinct(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long a = create(st, CRITERIA, "p", NULL);
	assert_int_equal(store_decide(st, a, "x", "X", NULL, NULL, NULL), 0);
	long long b = 0, c = 0;
	assert_int_equal(store_copy(st, a, NULL, &b), 0);
	struct stored_session s;
	assert_int_equal(store_load(st, a, &s), 0);
	long long d = 0;
	assert_int_equal(store_create_whole(st, &s, &d), 0);
	stored_session_free(&s);
	assert_int_equal(store_copy(st, d, "r", &c), 0);
	char uids[4][33];
	long long ids[4] = { a, b, c, d };
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(store_load(st, ids[i], &s), 0);
		assert_uid(s.uid);
		assert_null(s.origin);
		snprintf(uids[i], sizeof uids[i], "%s", s.uid);
		/* A copy or a whole new session starts with no decision. */
		assert_int_equal(s.njournal, i == 0 ? 1 : 0);
		stored_session_free(&s);
		for (size_t k = 0; k < i; k++)
			assert_string_not_equal(uids[i], uids[k]);
	}
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions WHERE decided IS NOT NULL"),
	                 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_migrate_from_version_4, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_version_1, setup, teardown),
		cmocka_unit_test_setup_teardown(test_decide_and_review, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delete_takes_the_journal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_uids_distinct, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
