/* layer: reports */
/* test_errors.c - the layers below the faces report failures as values:
 * criteria_source, saved_session and export each fill a struct verror with
 * the exact kind and message (and a struct diags with an input file's
 * positioned errors), printing nothing. */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <cmocka.h>

#include "criteria_source.h"
#include "export.h"
#include "saved_session.h"
#include "score.h"
#include "store.h"
#include "yaml_tree.h"
#include "helper_tmp.h"

#define CRITERIA \
	"verdict: 1\nid: t\ntitle: T\noptions:\n  - id: a\n    name: A\n  - id: b\n    name: B\n" \
	"criteria:\n  - id: c1\n    name: C1\n    question: Q?\n    default_weight: 3\n" \
	"    ratings: { a: 8, b: 4 }\n"
/* CRITERIA with one error (line 14), and with two (lines 2 and 14). */
#define ONE_ERROR \
	"verdict: 1\nid: t\ntitle: T\noptions:\n  - id: a\n    name: A\n  - id: b\n    name: B\n" \
	"criteria:\n  - id: c1\n    name: C1\n    question: Q?\n    default_weight: 3\n" \
	"    ratings: { a: 8, b: 4, z: 1 }\n"
#define TWO_ERRORS \
	"verdict: 1\nid: T!\ntitle: T\noptions:\n  - id: a\n    name: A\n  - id: b\n    name: B\n" \
	"criteria:\n  - id: c1\n    name: C1\n    question: Q?\n    default_weight: 3\n" \
	"    ratings: { a: 8, b: 4, z: 1 }\n"

static char dir[256];

static int setup(void **state)
{
	(void)state;
	if (tmp_dir_make(dir, sizeof dir, "errors"))
		return -1;
	setenv("VERDICT_NOW", "1700000000", 1);
	unsetenv("VERDICT_CRITERIA");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tmp_dir_remove(dir);
	return 0;
}

/* DIR/NAME into BUF. */
static const char *in_dir(char *buf, size_t len, const char *name)
{
	snprintf(buf, len, "%s/%s", dir, name);
	return buf;
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

/* ---- criteria_source ---- */

/* Loading PATH fails with KIND and exactly MSG, and D holds NDIAGS errors. */
static void expect_load_fails(const char *path, enum verror_kind kind, const char *msg,
                              size_t ndiags)
{
	struct criteria_source src;
	struct diags d;
	struct verror err = { 0 };
	assert_int_equal(criteria_source_load(path, &src, &d, &err), -1);
	assert_int_equal(err.kind, kind);
	assert_string_equal(err.msg, msg);
	assert_int_equal(d.count, ndiags);
	assert_null(src.model);
	diags_free(&d);
	/* The same without a struct diags. */
	memset(&err, 0, sizeof err);
	assert_int_equal(criteria_source_load(path, &src, NULL, &err), -1);
	assert_string_equal(err.msg, msg);
}

static void test_criteria_empty_name(void **state)
{
	(void)state;
	expect_load_fails("", VERROR_USAGE, "a criteria file name cannot be empty; leave out -c "
	                  "for the default set", 0);
}

static void test_criteria_unreadable(void **state)
{
	(void)state;
	char path[300], msg[600];
	in_dir(path, sizeof path, "missing.yaml");
	snprintf(msg, sizeof msg, "%s: cannot open: No such file or directory", path);
	expect_load_fails(path, VERROR_INPUT, msg, 0);
	snprintf(msg, sizeof msg, "%s: is a directory, expected a file", dir);
	expect_load_fails(dir, VERROR_INPUT, msg, 0);
	/* VERDICT_CRITERIA names the file when -c does not. */
	setenv("VERDICT_CRITERIA", path, 1);
	snprintf(msg, sizeof msg, "%s: cannot open: No such file or directory", path);
	expect_load_fails(NULL, VERROR_INPUT, msg, 0);
	unsetenv("VERDICT_CRITERIA");
}

static void test_criteria_too_large(void **state)
{
	(void)state;
	char path[300], msg[600];
	in_dir(path, sizeof path, "big.yaml");
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)YAML_TREE_MAX_BYTES + 1), 0);
	close(fd);
	/* A positioned error, the file's only one, and its summary. */
	snprintf(msg, sizeof msg, "%s:1:1: file is 16777217 bytes, over the bound of 16777216 "
	         "bytes (16 MiB)", path);
	expect_load_fails(path, VERROR_INPUT, msg, 1);
	struct criteria_source src;
	struct diags d;
	assert_int_equal(criteria_source_load(path, &src, &d, NULL), -1);
	assert_string_equal(d.file, path);
	assert_int_equal(d.items[0].line, 1);
	assert_int_equal(d.items[0].column, 1);
	assert_string_equal(d.items[0].message, "file is 16777217 bytes, over the bound of "
	                    "16777216 bytes (16 MiB)");
	diags_free(&d);
}

static void test_criteria_invalid(void **state)
{
	(void)state;
	char path[300], msg[600];
	in_dir(path, sizeof path, "one.yaml");
	put(path, ONE_ERROR);
	snprintf(msg, sizeof msg, "%s:14:28: unknown option 'z' in the ratings of 'c1'; did you "
	         "mean 'a'? The options are 'a' and 'b'", path);
	expect_load_fails(path, VERROR_INPUT, msg, 1);
	in_dir(path, sizeof path, "two.yaml");
	put(path, TWO_ERRORS);
	snprintf(msg, sizeof msg, "%s:2:5: 'id' must be an id of lowercase letters, digits, '_' "
	         "and '-' (at most 64), got 'T!' (and 1 more error)", path);
	expect_load_fails(path, VERROR_INPUT, msg, 2);
	/* From text, under the name given. */
	struct criteria_source src;
	struct verror err;
	assert_int_equal(criteria_source_from_text("stored", ONE_ERROR, strlen(ONE_ERROR), &src,
	                                           NULL, &err), -1);
	assert_int_equal(err.kind, VERROR_INPUT);
	assert_string_equal(err.msg, "stored:14:28: unknown option 'z' in the ratings of 'c1'; "
	                    "did you mean 'a'? The options are 'a' and 'b'");
}

static void test_criteria_loads(void **state)
{
	(void)state;
	char path[300];
	in_dir(path, sizeof path, "good.yaml");
	put(path, CRITERIA);
	struct criteria_source src;
	struct diags d;
	struct verror err = { 0 };
	assert_int_equal(criteria_source_load(path, &src, &d, &err), 0);
	assert_int_equal(err.kind, VERROR_NONE);
	assert_int_equal(d.count, 0);
	assert_string_equal(src.name, path);
	assert_string_equal(src.model->id, "t");
	criteria_source_free(&src);
	diags_free(&d);
	assert_int_equal(criteria_source_load(NULL, &src, NULL, NULL), 0);
	assert_string_equal(src.name, CRITERIA_BUILTIN_NAME);
	criteria_source_free(&src);
}

/* ---- saved_session ---- */

static void test_parse_id(void **state)
{
	(void)state;
	long long id = 0;
	struct verror err;
	assert_int_equal(saved_session_parse_id("12", &id, &err), 0);
	assert_int_equal(id, 12);
	static const char *const bad[] = { "abc", "0", "-1", "", "1x", " 1",
	                                   "99999999999999999999" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memset(&err, 0, sizeof err);
		assert_int_equal(saved_session_parse_id(bad[i], &id, &err), -1);
		assert_int_equal(err.kind, VERROR_USAGE);
		char want[200];
		snprintf(want, sizeof want, "'%s' is not a session id (a positive number; 'verdict "
		         "list' shows them)", bad[i]);
		assert_string_equal(err.msg, want);
	}
	assert_int_equal(id, 12);
}

/* A new database in DIR with one session answered against TEXT; its id in
 * *ID. */
static struct store *store_with(const char *name, const char *text, long long *id)
{
	char path[300];
	struct store *st;
	struct verror err;
	in_dir(path, sizeof path, name);
	if (store_open(path, &st, &err))
		fail_msg("store_open: %s", err.msg);
	assert_int_equal(store_create(st, "t.yaml", text, strlen(text), "t", "T", "P", NULL, id),
	                 0);
	return st;
}

/* Loading session ID from ST fails with KIND and exactly MSG. */
static void expect_saved_fails(struct store *st, long long id, enum verror_kind kind,
                               const char *msg)
{
	struct saved_session ss;
	struct verror err = { 0 };
	assert_int_equal(saved_session_load(st, id, &ss, NULL, &err), -1);
	assert_int_equal(err.kind, kind);
	assert_string_equal(err.msg, msg);
	assert_null(ss.session);
}

static void test_saved_unknown_id(void **state)
{
	(void)state;
	long long id;
	struct store *st = store_with("s1.db", CRITERIA, &id);
	char msg[600];
	snprintf(msg, sizeof msg, "no session %lld in %s; 'verdict list' shows the saved ones",
	         id + 1, store_file(st));
	expect_saved_fails(st, id + 1, VERROR_INPUT, msg);
	/* With a struct diags: started, and empty. */
	struct saved_session ss;
	struct diags d;
	assert_int_equal(saved_session_load(st, id + 1, &ss, &d, NULL), -1);
	assert_int_equal(d.count, 0);
	diags_free(&d);
	store_close(st);
}

static void test_saved_criteria_refused(void **state)
{
	(void)state;
	long long id;
	struct store *st = store_with("s2.db", ONE_ERROR, &id);
	char msg[600];
	snprintf(msg, sizeof msg, "session %lld criteria (t.yaml):14:28: unknown option 'z' in the "
	         "ratings of 'c1'; did you mean 'a'? The options are 'a' and 'b'", id);
	expect_saved_fails(st, id, VERROR_INPUT, msg);
	struct saved_session ss;
	struct diags d;
	assert_int_equal(saved_session_load(st, id, &ss, &d, NULL), -1);
	assert_int_equal(d.count, 1);
	snprintf(msg, sizeof msg, "session %lld criteria (t.yaml)", id);
	assert_string_equal(d.file, msg);
	diags_free(&d);
	store_close(st);
}

static void test_saved_damaged(void **state)
{
	(void)state;
	long long id;
	struct store *st = store_with("s3.db", CRITERIA, &id);
	char msg[800];
	/* An answer its criteria do not know: damage, not input. */
	assert_int_equal(store_save_choice(st, id, "nope", "x"), 0);
	snprintf(msg, sizeof msg, "session %lld: stored answer 'nope: x' is not in its criteria: "
	         "%s is damaged (or was edited by hand); it was not changed. Move it aside or use "
	         "--db to choose another file", id, store_file(st));
	expect_saved_fails(st, id, VERROR_STORAGE, msg);
	assert_int_equal(store_save_choice(st, id, "nope", NULL), 0);
	/* A weight off the scale. */
	assert_int_equal(store_save_weight(st, id, "c1", 9), 0);
	snprintf(msg, sizeof msg, "session %lld: stored weight 'c1: 9' does not fit its criteria: "
	         "%s is damaged (or was edited by hand); it was not changed. Move it aside or use "
	         "--db to choose another file", id, store_file(st));
	expect_saved_fails(st, id, VERROR_STORAGE, msg);
	assert_int_equal(store_save_weight(st, id, "c1", 4), 0);
	struct saved_session ss;
	assert_int_equal(saved_session_load(st, id, &ss, NULL, NULL), 0);
	assert_int_equal(ss.session->weight_set[0], 1);
	assert_string_equal(ss.session->project, "P");
	saved_session_free(&ss);
	store_close(st);
}

/* ---- export ---- */

/* The source of CRITERIA, a session for it with WEIGHT for c1 (-1: none set). */
static void answered(struct criteria_source *src, struct session **s, double weight)
{
	assert_int_equal(criteria_source_from_text("t.yaml", CRITERIA, strlen(CRITERIA), src,
	                                           NULL, NULL), 0);
	*s = session_new(src->model);
	if (weight >= 0) {
		(*s)->weights[0] = weight;
		(*s)->weight_set[0] = 1;
	}
}

/* Writing a report to PATH fails with KIND and exactly MSG. */
static void expect_write_fails(const char *path, double weight, enum verror_kind kind,
                               const char *msg)
{
	struct criteria_source src;
	struct session *s;
	answered(&src, &s, weight);
	struct verror err = { 0 };
	assert_int_equal(export_write(REPORT_MD, path, &src, s, NULL, NULL, &err), -1);
	assert_int_equal(err.kind, kind);
	assert_string_equal(err.msg, msg);
	session_free(s);
	criteria_source_free(&src);
}

static void test_export_unscorable(void **state)
{
	(void)state;
	char path[300], msg[600];
	in_dir(path, sizeof path, "zero.md");
	struct criteria_source src;
	struct session *s;
	answered(&src, &s, 0);
	struct result r;
	enum score_status st = score_session(src.model, s, &r);
	assert_int_equal(st, SCORE_ALL_WEIGHTS_ZERO);
	snprintf(msg, sizeof msg, "No report written: %s", score_status_message(st));
	session_free(s);
	criteria_source_free(&src);
	expect_write_fails(path, 0, VERROR_INPUT, msg);
	assert_int_equal(access(path, F_OK), -1);
}

static void test_export_refused(void **state)
{
	(void)state;
	char path[300], msg[800];
	/* An SQLite database. */
	in_dir(path, sizeof path, "other.db");
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	char head[100] = "SQLite format 3";
	assert_int_equal(write(fd, head, sizeof head), (ssize_t)sizeof head);
	close(fd);
	snprintf(msg, sizeof msg, "No report written: %s is an SQLite database; a report there "
	         "would destroy it: choose another file name", path);
	expect_write_fails(path, -1, VERROR_INPUT, msg);
	/* A socket. */
	in_dir(path, sizeof path, "sock");
	int s = socket(AF_UNIX, SOCK_STREAM, 0);
	assert_true(s >= 0);
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	assert_true(strlen(path) < sizeof addr.sun_path);
	strcpy(addr.sun_path, path);
	assert_int_equal(bind(s, (struct sockaddr *)&addr, sizeof addr), 0);
	snprintf(msg, sizeof msg, "No report written: %s: is a socket, which cannot be written "
	         "as a file", path);
	expect_write_fails(path, -1, VERROR_INPUT, msg);
	close(s);
}

static void test_export_unwritable(void **state)
{
	(void)state;
	char path[300], msg[800];
	in_dir(path, sizeof path, "no/such/dir/r.md");
	snprintf(msg, sizeof msg, "No report written: %s: cannot create a file in its directory: "
	         "No such file or directory", path);
	expect_write_fails(path, -1, VERROR_STORAGE, msg);
	snprintf(path, sizeof path, "%s/", dir);
	snprintf(msg, sizeof msg, "No report written: %s: is a directory; give the report a file "
	         "name (nothing was written)", path);
	expect_write_fails(path, -1, VERROR_STORAGE, msg);
}

static void test_export_written(void **state)
{
	(void)state;
	char path[300];
	in_dir(path, sizeof path, "ok.md");
	struct criteria_source src;
	struct session *s;
	answered(&src, &s, -1);
	struct verror err = { 0 };
	assert_int_equal(export_write(REPORT_MD, path, &src, s, NULL, NULL, &err), 0);
	assert_int_equal(err.kind, VERROR_NONE);
	assert_int_equal(access(path, F_OK), 0);
	session_free(s);
	criteria_source_free(&src);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_criteria_empty_name),
		cmocka_unit_test(test_criteria_unreadable),
		cmocka_unit_test(test_criteria_too_large),
		cmocka_unit_test(test_criteria_invalid),
		cmocka_unit_test(test_criteria_loads),
		cmocka_unit_test(test_parse_id),
		cmocka_unit_test(test_saved_unknown_id),
		cmocka_unit_test(test_saved_criteria_refused),
		cmocka_unit_test(test_saved_damaged),
		cmocka_unit_test(test_export_unscorable),
		cmocka_unit_test(test_export_refused),
		cmocka_unit_test(test_export_unwritable),
		cmocka_unit_test(test_export_written),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
