/* layer: storage */
/* test_store_import.c - sessions from other files (schema version 5):
 * store_find_uid(), and store_import_begin/session/end(): a session kept as
 * the other file had it (uid, dates, answers, revisions with their numbers
 * and kept times, the journal with new ids and its dates), its origin and
 * import time recorded; the criteria text stored once; a uid already there
 * is VERROR_INPUT; a failure anywhere rolls the whole import back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helper_store.h"
#include "store.h"

static char uid_a[] = "0123456789abcdef0123456789abcdef";
static char uid_b[] = "fedcba9876543210fedcba9876543210";
static char text[] = CRITERIA;
static char name[] = "alice.yaml", cid[] = "t", title[] = "T";
static char project[] = "Acme", respondent[] = "Alice", notes[] = "some notes";
static char winner[] = "Node.js";
static char q1[] = "app_kind", c1[] = "realtime", q2[] = "team", c2[] = "python";
static char k1[] = "speed", k2[] = "syntax";
static char ja[] = "speed", jb[] = "syntax";
static char opt[] = "node", opt_name[] = "Node.js", why[] = "the team knows it";
static char outcome[] = "shipped on time";

static struct stored_choice choices[] = { { q1, c1 }, { q2, c2 } };
static struct stored_weight weights[] = { { k1, 5 }, { k2, 1.5 } };
static struct stored_judgment judgments[] = { { "criteria", ja, jb, 3 } };
static struct stored_choice rev_choices[] = { { q1, c2 } };

/* A complete session of uid UID, as another file held it. */
static struct stored_session session_of(char *uid)
{
	static struct journal_entry journal[2];
	journal[0] = (struct journal_entry){ .kind = "decision", .at = 1600000100, .option = opt,
	                                     .option_name = opt_name, .advised = winner,
	                                     .note = why };
	journal[1] = (struct journal_entry){ .kind = "review", .at = 1600000200,
	                                     .note = outcome, .rating = 4 };
	return (struct stored_session){
		.id = 7, .uid = uid, .criteria_name = name, .criteria_text = text,
		.criteria_len = sizeof text - 1, .criteria_id = cid, .criteria_title = title,
		.project = project, .respondent = respondent, .notes = notes,
		.winner_name = winner, .status = SESSION_COMPLETE, .strength = "clear",
		.margin = 12.5, .step = 9, .created = 1600000000, .updated = 1600000050,
		.nchoices = 2, .choices = choices, .nweights = 2, .weights = weights,
		.weighting = "pairwise", .njudgments = 1, .judgments = judgments,
		.njournal = 2, .journal = journal,
	};
}

/* Revision 3 of it, kept at 1600000040. */
static struct stored_session revision_of(void)
{
	return (struct stored_session){
		.revision = 3, .kept = 1600000040, .updated = 1600000030, .project = project,
		.status = SESSION_IN_PROGRESS, .step = 4, .nchoices = 1, .choices = rev_choices,
		.weighting = "ratings",
	};
}

static long long import_one(struct store *st, char *uid)
{
	struct stored_session in = session_of(uid), rev = revision_of();
	long long id = 0;
	assert_int_equal(store_import_begin(st), 0);
	int rc = store_import_session(st, &in, &rev, 1, "alice.json", &id);
	assert_int_equal(store_import_end(st, rc), 0);
	assert_int_equal(rc, 0);
	return id;
}

static void test_find_uid(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long id = -1;
	assert_int_equal(store_find_uid(st, uid_a, &id), 0);
	assert_int_equal(id, 0);
	long long got = import_one(st, uid_a);
	assert_int_equal(store_find_uid(st, uid_a, &id), 0);
	assert_int_equal(id, got);
	assert_int_equal(store_find_uid(st, uid_b, &id), 0);
	assert_int_equal(id, 0);
}

static void test_session_kept(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	create(st, CRITERIA, "here", NULL);
	setenv("VERDICT_NOW", "1700009999", 1);
	long long id = import_one(st, uid_a);
	assert_true(id > 1);
	struct stored_session s;
	assert_int_equal(store_load(st, id, &s), 0);
	assert_string_equal(s.uid, uid_a);
	assert_string_equal(s.origin, "alice.json");
	assert_int_equal(s.imported, 1700009999);
	assert_int_equal(s.created, 1600000000);
	assert_int_equal(s.updated, 1600000050);
	assert_string_equal(s.project, "Acme");
	assert_string_equal(s.respondent, "Alice");
	assert_string_equal(s.notes, "some notes");
	assert_int_equal(s.status, SESSION_COMPLETE);
	assert_string_equal(s.winner_name, "Node.js");
	assert_string_equal(s.strength, "clear");
	assert_true(s.margin == 12.5);
	assert_int_equal(s.step, 9);
	assert_int_equal(s.copied_from, 0);
	assert_int_equal(s.criteria_len, sizeof text - 1);
	assert_memory_equal(s.criteria_text, text, sizeof text - 1);
	assert_string_equal(s.criteria_name, "alice.yaml");
	assert_int_equal(s.nchoices, 2);
	assert_string_equal(s.choices[0].question, "app_kind");
	assert_string_equal(s.choices[1].choice, "python");
	assert_int_equal(s.nweights, 2);
	assert_true(s.weights[1].weight == 1.5);
	assert_string_equal(s.weighting, "pairwise");
	assert_int_equal(s.njudgments, 1);
	assert_string_equal(s.judgments[0].a, "speed");
	assert_true(s.judgments[0].value == 3);
	stored_session_free(&s);
}

static void test_revision_kept(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long id = import_one(st, uid_a);
	struct stored_session r;
	assert_int_equal(store_revision_load(st, id, 3, &r), 0);
	assert_int_equal(r.revision, 3);
	assert_int_equal(r.kept, 1600000040);
	assert_int_equal(r.updated, 1600000030);
	assert_int_equal(r.status, SESSION_IN_PROGRESS);
	assert_int_equal(r.step, 4);
	assert_null(r.respondent);
	assert_int_equal(r.nchoices, 1);
	assert_string_equal(r.choices[0].choice, "python");
	assert_int_equal(r.nweights, 0);
	stored_session_free(&r);
	assert_not_found(st, store_revision_load(st, id, 1, &r));
}

static void test_journal_kept(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long first = import_one(st, uid_a);
	long long second = import_one(st, uid_b);
	struct stored_session a, b;
	assert_int_equal(store_load(st, first, &a), 0);
	assert_int_equal(store_load(st, second, &b), 0);
	assert_int_equal(b.njournal, 2);
	assert_string_equal(b.journal[0].kind, "decision");
	assert_int_equal(b.journal[0].at, 1600000100);
	assert_string_equal(b.journal[0].option, "node");
	assert_string_equal(b.journal[0].option_name, "Node.js");
	assert_string_equal(b.journal[0].advised, "Node.js");
	assert_string_equal(b.journal[0].note, "the team knows it");
	assert_string_equal(b.journal[1].kind, "review");
	assert_int_equal(b.journal[1].at, 1600000200);
	assert_string_equal(b.journal[1].note, "shipped on time");
	assert_int_equal(b.journal[1].rating, 4);
	/* New ids, unique in the file. */
	assert_true(b.journal[0].id > a.journal[1].id);
	stored_session_free(&a);
	stored_session_free(&b);
}

static void test_text_stored_once(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	create(st, CRITERIA, "here", NULL);
	import_one(st, uid_a);
	import_one(st, uid_b);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM criteria_texts"), 1);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions"), 3);
}

static void test_uid_clash_is_input(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	long long first = import_one(st, uid_a);
	struct stored_session in = session_of(uid_a);
	long long id = 0;
	assert_int_equal(store_import_begin(st), 0);
	int rc = store_import_session(st, &in, NULL, 0, "again.json", &id);
	assert_int_equal(rc, -1);
	assert_int_equal(store_error(st)->kind, VERROR_INPUT);
	char want[64];
	snprintf(want, sizeof want, "as session %lld", first);
	assert_contains(store_error(st)->msg, want);
	assert_int_equal(store_import_end(st, rc), -1);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions"), 1);
}

/* One good session, then one that cannot be stored: the import is rolled
 * back whole, and the file is byte for byte as before. */
static void test_rollback_on_failure(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	create(st, CRITERIA, "here", NULL);
	store_close(st);
	f->st = NULL;
	size_t len = 0;
	char *before = slurp(f->path, &len);
	st = open_ok(f);
	struct stored_session good = session_of(uid_a), bad = session_of(uid_b);
	struct stored_judgment self[] = { { "criteria", ja, ja, 3 } };
	bad.judgments = self;
	long long id = 0;
	assert_int_equal(store_import_begin(st), 0);
	int rc = store_import_session(st, &good, NULL, 0, "alice.json", &id);
	assert_int_equal(rc, 0);
	rc = store_import_session(st, &bad, NULL, 0, "bob.json", &id);
	assert_int_equal(rc, -1);
	assert_int_equal(store_error(st)->kind, VERROR_INPUT);
	assert_int_equal(store_import_end(st, rc), -1);
	long long found = -1;
	assert_int_equal(store_find_uid(st, uid_a, &found), 0);
	assert_int_equal(found, 0);
	store_close(st);
	f->st = NULL;
	assert_unchanged(f->path, before, len);
}

static void test_bad_uid_refused(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	char upper[] = "0123456789ABCDEF0123456789ABCDEF";
	char short_uid[] = "0123";
	char *bad[] = { upper, short_uid, NULL };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct stored_session in = session_of(bad[i]);
		long long id = 0;
		assert_int_equal(store_import_begin(st), 0);
		int rc = store_import_session(st, &in, NULL, 0, "x.json", &id);
		assert_int_equal(rc, -1);
		assert_int_equal(store_error(st)->kind, VERROR_INPUT);
		assert_int_equal(store_import_end(st, rc), -1);
	}
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions"), 0);
}

static void test_outside_transaction_refused(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	struct stored_session in = session_of(uid_a);
	long long id = 0;
	assert_int_equal(store_import_session(st, &in, NULL, 0, "x.json", &id), -1);
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM sessions"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_find_uid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_revision_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_journal_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_stored_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_uid_clash_is_input, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rollback_on_failure, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_uid_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_outside_transaction_refused, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
