/* layer: storage */
/* test_store_schema.c - the store's schema: made in an empty file, the
 * migrations from version 0 and from the version 1, 2 and 3 files of the
 * old verdict, every byte of every answer kept, and the results those files did
 * not keep, found through their index and filled in (store_fill.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helper_store.h"
#include "store.h"
#include "store_internal.h"

/* What store_list() gave collect_results(): the ids, strengths, margins. */
struct results {
	long long ids[8];
	const char *strength[8];
	double margin[8];
	size_t n;
};

static int collect_results(const struct session_summary *s, void *ctx)
{
	struct results *r = ctx;
	assert_true(r->n < 8);
	r->ids[r->n] = s->id;
	r->strength[r->n] = s->strength;
	r->margin[r->n++] = s->margin;
	return 0;
}

/* Listing ORDER BY updated DESC, id DESC reads the listing index only. */
static int plan_covered(const char *path)
{
	return sql_int(path, "SELECT count(*) FROM (SELECT 1 FROM sqlite_master WHERE "
	                     "name = 'sessions_listing')") == 1 &&
	       !plan_sorts(path, "SELECT id, project, respondent, criteria_title, status, "
	                         "winner_name, updated, margin, strength, origin, decided "
	                         "FROM sessions ORDER BY updated DESC, id DESC");
}

/* What store_list() gave lengths_of(): each text and its length as given. */
struct lengths {
	char project[8], respondent[8];
	size_t project_len, respondent_len, title_len, winner_len, n;
};

static int lengths_of(const struct session_summary *s, void *ctx)
{
	struct lengths *l = ctx;
	l->n++;
	snprintf(l->project, sizeof l->project, "%s", s->project ? s->project : "(null)");
	snprintf(l->respondent, sizeof l->respondent, "%s", s->respondent ? s->respondent : "(null)");
	l->project_len = s->project_len;
	l->respondent_len = s->respondent_len;
	l->title_len = s->criteria_title_len;
	l->winner_len = s->winner_name_len;
	return 0;
}

/* store_list() gives each text's length as SQLite holds it (a NUL inside
 * counts), 0 for NULL; and it leaves the connection's page cache size as it
 * was (it lists with a small one). */
static void test_list_lengths(void **state)
{
	struct fixture *f = *state;
	open_ok(f);
	create(f->st, CRITERIA, "p", NULL);
	store_close(f->st);
	f->st = NULL;
	sql_exec(f->path, "UPDATE sessions SET project = CAST(X'61006263' AS TEXT), "
	                  "winner_name = 'Winner'");
	reopen(f);
	struct lengths l = { .n = 0 };
	assert_int_equal(store_list(f->st, NULL, lengths_of, &l), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.project, "a");
	assert_int_equal(l.project_len, 4);
	assert_string_equal(l.respondent, "(null)");
	assert_int_equal(l.respondent_len, 0);
	assert_int_equal(l.title_len, 1);    /* "T" */
	assert_int_equal(l.winner_len, 6);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_exec(f->st->db, "PRAGMA cache_size = -1234", NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_int_equal(store_list(f->st, "p", lengths_of, &l), 0);
	assert_int_equal(sqlite3_prepare_v2(f->st->db, "PRAGMA cache_size", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), -1234);
	sqlite3_finalize(s);
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
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 5);
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
	assert_true(plan_covered(f->path));
	/* Opening again changes nothing. */
	reopen(f);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 5);
}

static void test_migrate_from_version_0(void **state)
{
	struct fixture *f = *state;
	/* An empty file... */
	FILE *fp = fopen(f->path, "w");
	assert_non_null(fp);
	fclose(fp);
	open_ok(f);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 5);
	create(f->st, CRITERIA, "p", "r");
	store_close(f->st);
	f->st = NULL;
	remove(f->path);
	/* ... and a SQLite database at user_version 0 with nothing in it. */
	sql_exec(f->path, "PRAGMA user_version = 0; VACUUM;");
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 0);
	open_ok(f);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 5);
	assert_int_equal(sql_int(f->path, "PRAGMA application_id"), 0x56524454);
	create(f->st, CRITERIA, "p", "r");
}

#define SESSION_COLUMNS "quote(id)||','||quote(criteria_text_id)||','||quote(criteria_name)||" \
	"','||quote(criteria_id)||','||quote(criteria_title)||','||quote(project)||','||" \
	"quote(respondent)||','||quote(notes)||','||quote(status)||','||quote(step)||','||" \
	"quote(winner_name)||','||quote(created)||','||quote(updated)"

#define CHOICE_COLUMNS "quote(session_id)||','||quote(question)||','||quote(choice)"

#define WEIGHT_COLUMNS "quote(session_id)||','||quote(criterion)||','||quote(weight)"

#define TEXT_COLUMNS "quote(id)||','||quote(sha256)||','||quote(body)"

static void test_migrate_from_version_1(void **state)
{
	struct fixture *f = *state;
	copy_fixture("tests/fixtures/store/v1.db", f->path);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 1);
	struct kept_rows rows[] = {
		{ "sessions", SESSION_COLUMNS, NULL },
		{ "choices", CHOICE_COLUMNS, NULL },
		{ "weights", WEIGHT_COLUMNS, NULL },
		{ "criteria_texts", TEXT_COLUMNS, NULL },
	};
	rows_before(f->path, rows, 4);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions"), 3);
	assert_int_equal(sql_int(f->path, "SELECT max(id) FROM sessions"), 4);

	/* Reading an old file changes nothing in it: it is read as it is. */
	size_t before_len;
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
	assert_unchanged(f->path, before, before_len);

	/* Opened for writing, it is upgraded: every session and answer as it was. */
	st = open_ok(f);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 5);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions WHERE uid IS NULL"), 0);
	assert_int_equal(sql_int(f->path, "PRAGMA application_id"), 0x56524454);
	assert_rows_kept(f->path, rows, 4);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions WHERE copied_from IS NOT "
	                                  "NULL OR kept_rev IS NOT NULL OR edited != 0"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM pragma_integrity_check WHERE "
	                                  "integrity_check = 'ok'"), 1);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	/* The same indexes, so listing still walks one in order, the one of
	 * the results not kept, and the one of the uids (schema 5). */
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
	                                  "AND name LIKE 'sessions_%'"), 6);
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
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 5);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions"), 3);
}

static void test_migrate_from_version_2(void **state)
{
	struct fixture *f = *state;
	copy_fixture("tests/fixtures/store/v2.db", f->path);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 2);
	struct kept_rows rows[] = {
		{ "sessions", SESSION_COLUMNS "||','||quote(copied_from)||','||quote(kept_rev)||"
		  "','||quote(edited)", NULL },
		{ "choices", CHOICE_COLUMNS, NULL },
		{ "weights", WEIGHT_COLUMNS, NULL },
		{ "criteria_texts", TEXT_COLUMNS, NULL },
	};
	rows_before(f->path, rows, 4);

	/* Read as it is, without the new index, and not changed: the results
	 * of its complete sessions are not known. */
	size_t before_len;
	char *before = slurp(f->path, &before_len);
	struct store *st = NULL;
	assert_int_equal(store_open_flags(f->path, STORE_OPEN_READ_ONLY, &st, &f->err), 0);
	struct results r = { .n = 0 };
	assert_int_equal(store_list(st, NULL, collect_results, &r), 0);
	assert_int_equal(r.n, 4);
	assert_int_equal(r.ids[0], 4);
	for (size_t i = 0; i < r.n; i++)
		assert_null(r.strength[i]);
	struct stored_session s;
	assert_int_equal(store_load(st, 1, &s), 0);
	assert_null(s.strength);
	assert_string_equal(s.winner_name, "Node.js");
	stored_session_free(&s);
	store_close(st);
	assert_unchanged(f->path, before, before_len);

	/* Opened for writing, it is upgraded: every session and answer as it
	 * was, no result known yet, and the listing reads one index. */
	st = open_ok(f);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 5);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions WHERE uid IS NULL"), 0);
	assert_rows_kept(f->path, rows, 4);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions WHERE margin IS NOT NULL "
	                                  "OR strength IS NOT NULL"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM pragma_integrity_check WHERE "
	                                  "integrity_check = 'ok'"), 1);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
	                                  "AND name = 'sessions_by_updated'"), 0);
	assert_true(plan_covered(f->path));
	/* A result saved now is kept, and listed. */
	assert_int_equal(store_save_result(st, 4, "Python", 12.5, "clear"), 0);
	r.n = 0;
	assert_int_equal(store_list(st, NULL, collect_results, &r), 0);
	assert_int_equal(r.n, 4);
	assert_string_equal(r.strength[0], "clear");
	assert_true(r.margin[0] == 12.5);
	assert_null(r.strength[1]);
	reopen(f);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 5);
}

#define REVISION_COLUMNS "quote(session_id)||','||quote(rev)||','||quote(kept)||','||" \
	"quote(project)||','||quote(respondent)||','||quote(notes)||','||quote(status)||','||" \
	"quote(step)||','||quote(winner_name)||','||quote(updated)"

/* Whether SQLite's plan for SQL on PATH searches INDEX. */
static int plan_uses(const char *path, const char *sql, const char *index)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	char plan[512];
	snprintf(plan, sizeof plan, "EXPLAIN QUERY PLAN %s", sql);
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, plan, -1, &s, NULL), SQLITE_OK);
	int used = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *detail = (const char *)sqlite3_column_text(s, 3);
		if (detail && strstr(detail, "SEARCH") && strstr(detail, index))
			used = 1;
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return used;
}

/* Counts the comparisons of each revision listed into CTX, by number. */
static int revision_judgments(const struct revision_summary *r, void *ctx)
{
	size_t *n = ctx;
	assert_true(r->rev < 4);
	n[0]++;
	n[r->rev] = r->nchoices * 100 + r->nweights * 10 + r->njudgments;
	return 0;
}

static void test_migrate_from_version_3(void **state)
{
	struct fixture *f = *state;
	copy_fixture("tests/fixtures/store/v3.db", f->path);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 3);
	struct kept_rows rows[] = {
		{ "sessions", SESSION_COLUMNS "||','||quote(copied_from)||','||quote(kept_rev)||"
		  "','||quote(edited)||','||quote(margin)||','||quote(strength)", NULL },
		{ "choices", CHOICE_COLUMNS, NULL },
		{ "weights", WEIGHT_COLUMNS, NULL },
		{ "criteria_texts", TEXT_COLUMNS, NULL },
		{ "revisions", REVISION_COLUMNS, NULL },
		{ "revision_choices", "quote(session_id)||','||quote(rev)||','||quote(question)||"
		  "','||quote(choice)", NULL },
		{ "revision_weights", "quote(session_id)||','||quote(rev)||','||quote(criterion)||"
		  "','||quote(weight)", NULL },
	};
	size_t nrows = sizeof rows / sizeof rows[0];
	rows_before(f->path, rows, nrows);
	/* Every table of the fixture holds rows, so every one is checked. */
	assert_int_equal(sql_int(f->path, "SELECT (SELECT count(*) FROM sessions) * 1000000 + "
	                                  "(SELECT count(*) FROM revisions) * 10000 + "
	                                  "(SELECT count(*) FROM revision_choices) * 100 + "
	                                  "(SELECT count(*) FROM revision_weights)"), 5030601);

	/* Read as it is, and not changed: every session rated, no comparisons. */
	size_t before_len;
	char *before = slurp(f->path, &before_len);
	struct store *st = NULL;
	assert_int_equal(store_open_flags(f->path, STORE_OPEN_READ_ONLY, &st, &f->err), 0);
	struct stored_session s;
	assert_int_equal(store_load(st, 1, &s), 0);
	assert_string_equal(s.weighting, "ratings");
	assert_int_equal(s.njudgments, 0);
	assert_int_equal(s.nweights, 2);
	assert_string_equal(s.strength, "leaning");
	assert_true(s.margin == 6.5);
	stored_session_free(&s);
	assert_int_equal(store_revision_load(st, 1, 2, &s), 0);
	assert_string_equal(s.weighting, "ratings");
	assert_int_equal(s.njudgments, 0);
	assert_int_equal(s.nweights, 1);
	assert_string_equal(s.winner_name, "Python");
	stored_session_free(&s);
	size_t n[4] = { 0 };
	assert_int_equal(store_revisions(st, 1, revision_judgments, n), 0);
	assert_int_equal(n[0], 2);
	assert_int_equal(n[1], 200);
	assert_int_equal(n[2], 210);
	assert_int_equal(store_save_judgment(st, 5, "criteria", "speed", "syntax", 3), -1);
	assert_contains(store_error(st)->msg, "is read-only");
	struct results r = { .n = 0 };
	assert_int_equal(store_list(st, NULL, collect_results, &r), 0);
	assert_int_equal(r.n, 5);
	store_close(st);
	assert_unchanged(f->path, before, before_len);

	/* Opened for writing, it is upgraded: every row of every table as it
	 * was, each session and revision rated, no comparisons. */
	st = open_ok(f);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 5);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions WHERE uid IS NULL"), 0);
	assert_rows_kept(f->path, rows, nrows);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions WHERE weighting = "
	                                  "'ratings'"), 5);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revisions WHERE weighting = "
	                                  "'ratings'"), 3);
	assert_int_equal(sql_int(f->path, "SELECT (SELECT count(*) FROM judgments) + "
	                                  "(SELECT count(*) FROM revision_judgments)"), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM pragma_integrity_check WHERE "
	                                  "integrity_check = 'ok'"), 1);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	assert_true(plan_covered(f->path));
	/* A pair is found through its index, whichever way round. */
	assert_true(plan_uses(f->path, "SELECT seq FROM judgments WHERE session_id = 5 AND "
	                               "level = 'criteria' AND min(a, b) = min('b', 'a') AND "
	                               "max(a, b) = max('b', 'a')", "judgments_pair"));

	/* The old sessions take comparisons, and an old finished one keeps its
	 * answers as a revision first, as always. */
	assert_int_equal(store_save_weighting(st, 3, "pairwise"), 0);
	assert_int_equal(store_save_judgment(st, 3, "criteria", "speed", "syntax", 3), 0);
	assert_int_equal(store_load(st, 3, &s), 0);
	assert_string_equal(s.weighting, "pairwise");
	assert_int_equal(s.njudgments, 1);
	assert_int_equal(s.status, SESSION_IN_PROGRESS);
	stored_session_free(&s);
	assert_int_equal(store_revision_load(st, 3, 1, &s), 0);
	assert_string_equal(s.weighting, "ratings");
	assert_int_equal(s.status, SESSION_COMPLETE);
	stored_session_free(&s);
	long long kept = 0;
	assert_int_equal(store_revert(st, 3, 1, &kept), 0);
	assert_int_equal(kept, 2);
	assert_int_equal(store_load(st, 3, &s), 0);
	assert_string_equal(s.weighting, "ratings");
	assert_int_equal(s.njudgments, 0);
	stored_session_free(&s);
	/* Deleting an old session takes its revisions, as before. */
	assert_int_equal(store_delete(st, 1), 0);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revision_weights"), 0);
	reopen(f);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), 5);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions"), 4);
}

/* Whether SQLite finds the sessions whose result is not kept through their
 * index, sessions_unscored, on the file at PATH. */
static int plan_unscored(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "EXPLAIN QUERY PLAN SELECT id FROM sessions "
	                                    "WHERE status = 'complete' AND strength IS NULL "
	                                    "ORDER BY id", -1, &s, NULL), SQLITE_OK);
	int indexed = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *detail = (const char *)sqlite3_column_text(s, 3);
		if (detail && strstr(detail, "sessions_unscored") && !strstr(detail, "TEMP B-TREE"))
			indexed = 1;
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return indexed;
}

/* Every column of sessions but the result (margin, strength), row by row. */
#define ALL_BUT_RESULT SESSION_COLUMNS "||','||quote(copied_from)||','||quote(kept_rev)||','||" \
	"quote(edited)"

static void test_unscored_through_index(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long done = create(st, CRITERIA, "done", NULL);
	long long old = create(st, CRITERIA, "old", NULL);
	long long going = create(st, CRITERIA, "going", NULL);
	assert_int_equal(store_save_result(st, done, "A", 3.5, "leaning"), 0);
	assert_int_equal(store_save_status(st, old, SESSION_COMPLETE, "B"), 0);
	assert_int_equal(store_save_step(st, going, 2), 0);
	struct unscored *found = NULL;
	size_t n = 0;
	assert_int_equal(store_unscored(st, &found, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(found[0].id, old);
	assert_int_equal(found[0].updated, 1700000000);
	free(found);
	assert_true(plan_unscored(f->path));
}

static void test_fill_keeps_only_the_result(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long id = create(st, CRITERIA, "old", "Dana");
	assert_int_equal(store_save_status(st, id, SESSION_COMPLETE, "B"), 0);
	long long rev = 0;
	assert_int_equal(store_revision_save(st, id, &rev), 0);
	char *before = dump_rows(f->path, "sessions", ALL_BUT_RESULT);
	long long revisions = sql_int(f->path, "SELECT count(*) FROM revisions");
	struct unscored *found = NULL;
	size_t n = 0;
	assert_int_equal(store_unscored(st, &found, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(found[0].kept_rev, rev);
	/* Later, by the clock: a fill that touched the updated time would show. */
	setenv("VERDICT_NOW", "1700009000", 1);
	int written = 0;
	assert_int_equal(store_fill_begin(st), 0);
	assert_int_equal(store_fill_result(st, &found[0], 12.25, "clear", &written), 0);
	assert_int_equal(store_fill_end(st, 0), 0);
	assert_true(written);
	free(found);
	char *after = dump_rows(f->path, "sessions", ALL_BUT_RESULT);
	assert_string_equal(after, before);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM revisions"), revisions);
	struct stored_session s;
	assert_int_equal(store_load(st, id, &s), 0);
	assert_string_equal(s.strength, "clear");
	assert_true(s.margin == 12.25);
	assert_string_equal(s.winner_name, "B");
	stored_session_free(&s);
	n = 1;
	assert_int_equal(store_unscored(st, &found, &n), 0);
	assert_int_equal(n, 0);
	assert_null(found);
	free(before);
	free(after);
}

static void test_fill_refused(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long id = create(st, CRITERIA, "old", NULL);
	assert_int_equal(store_save_status(st, id, SESSION_COMPLETE, "B"), 0);
	struct unscored *found = NULL;
	size_t n = 0;
	assert_int_equal(store_unscored(st, &found, &n), 0);
	assert_int_equal(n, 1);
	/* Outside a fill, no result is written. */
	assert_int_equal(store_fill_result(st, &found[0], 1, "clear", NULL), -1);
	/* Nor one that is not a result; a fill rolled back keeps nothing. */
	assert_int_equal(store_fill_begin(st), 0);
	assert_int_equal(store_fill_result(st, &found[0], 1, "certain", NULL), -1);
	assert_int_equal(store_fill_result(st, &found[0], HUGE_VAL, "clear", NULL), -1);
	assert_int_equal(store_fill_result(st, &found[0], 2, "clear", NULL), 0);
	assert_int_equal(store_fill_end(st, -1), -1);
	/* A session changed since it was found is left: its answers may differ. */
	setenv("VERDICT_NOW", "1700009000", 1);
	assert_int_equal(store_save_notes(st, id, "since"), 0);
	int written = 1;
	assert_int_equal(store_fill_begin(st), 0);
	assert_int_equal(store_fill_result(st, &found[0], 2, "clear", &written), 0);
	assert_int_equal(store_fill_end(st, 0), 0);
	assert_false(written);
	free(found);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions WHERE strength IS NOT "
	                                  "NULL OR margin IS NOT NULL"), 0);
	/* A read-only store fills nothing. */
	struct store *ro = NULL;
	assert_int_equal(store_open_flags(f->path, STORE_OPEN_READ_ONLY, &ro, &f->err), 0);
	assert_int_equal(store_fill_begin(ro), -1);
	store_close(ro);
}

/* A file of version 2: after the upgrade its complete sessions are listed
 * as not kept, and filled in without a change to anything else. */
static void test_fill_version_2(void **state)
{
	struct fixture *f = *state;
	copy_fixture("tests/fixtures/store/v2.db", f->path);
	struct store *st = open_ok(f);
	char *before = dump_rows(f->path, "sessions", ALL_BUT_RESULT);
	struct unscored *found = NULL;
	size_t n = 0;
	assert_int_equal(store_unscored(st, &found, &n), 0);
	assert_int_equal(n, 3);
	assert_true(plan_unscored(f->path));
	assert_int_equal(store_fill_begin(st), 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(store_fill_result(st, &found[i], (double)found[i].id, "leaning",
		                                   NULL), 0);
	assert_int_equal(store_fill_end(st, 0), 0);
	free(found);
	char *after = dump_rows(f->path, "sessions", ALL_BUT_RESULT);
	assert_string_equal(after, before);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions WHERE status = 'complete' "
	                                  "AND strength = 'leaning' AND margin = id"), 3);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions WHERE status = "
	                                  "'in-progress' AND strength IS NULL AND margin IS NULL"), 1);
	free(before);
	free(after);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_schema_created, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_lengths, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migrate_from_version_0, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migrate_from_version_1, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migrate_from_version_2, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migrate_from_version_3, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unscored_through_index, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fill_keeps_only_the_result, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fill_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fill_version_2, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
