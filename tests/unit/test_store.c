/* layer: storage */
/* test_store.c - the session store: every field round trip, shared criteria
 * texts, listing (in order, by project in any case, a callback that reads
 * and writes), deleting, and a session that is not there. The schema is
 * test_store_schema.c's, the faults test_store_faults.c's, copies and
 * revisions test_store_records.c's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helper_store.h"
#include "store.h"

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
	assert_int_equal(store_latest_unfinished(st, NULL, &latest), 0);
	assert_int_equal(latest, a);
	assert_int_equal(store_save_status(st, a, SESSION_COMPLETE, "X"), 0);
	assert_int_equal(store_latest_unfinished(st, NULL, &latest), 0);
	assert_int_equal(latest, d);
	/* Only a session of the set named, when one is. */
	assert_int_equal(store_latest_unfinished(st, "t", &latest), 0);
	assert_int_equal(latest, d);
	long long other = 0;
	const char *o = "verdict: 1\nid: o\ntitle: O\n";
	assert_int_equal(store_create(st, "o.yaml", o, strlen(o), "o", "O", NULL, NULL, &other), 0);
	assert_int_equal(store_latest_unfinished(st, NULL, &latest), 0);
	assert_int_equal(latest, other);
	assert_int_equal(store_latest_unfinished(st, "t", &latest), 0);
	assert_int_equal(latest, d);
	assert_int_equal(store_latest_unfinished(st, "nothing", &latest), 0);
	assert_int_equal(latest, 0);
	assert_int_equal(store_delete(st, other), 0);
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
	assert_int_equal(store_latest_unfinished(st, NULL, &latest), 0);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_path),
		cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_criteria_text_shared, setup, teardown),
		cmocka_unit_test_setup_teardown(test_criteria_file_gone, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delete_cascades, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_found, setup, teardown),
		cmocka_unit_test_setup_teardown(test_project_any_case, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
