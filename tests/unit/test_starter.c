/* layer: scoring */
/* test_starter.c - the starter set of `verdict new` (starter.c): ids made
 * from names, the set's id from the file name, every option count and many
 * criteria counts read back with no error and pass their own example, and
 * a refused argument leaves the output as it was. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "criteria.h"
#include "diag.h"
#include "examples.h"
#include "starter.h"

static void expect_id(const char *name, const char *want)
{
	char id[STARTER_ID_MAX + 1];
	starter_id(name, id);
	assert_string_equal(id, want);
}

static void test_ids_from_names(void **state)
{
	(void)state;
	expect_id("Tea", "tea");
	expect_id("Node.js", "node-js");
	expect_id("  Rented   server  ", "rented-server");
	expect_id("C++", "c");
	expect_id("Café au lait", "caf-au-lait");
	expect_id("東京", "");
	expect_id("--", "");
	expect_id("Version 2.0", "version-2-0");
}

static void test_id_at_most_64(void **state)
{
	(void)state;
	char name[200];
	memset(name, 'a', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	char id[STARTER_ID_MAX + 1];
	starter_id(name, id);
	assert_int_equal(strlen(id), STARTER_ID_MAX);
	/* A word break where the 64th character would go leaves no '-' at
	 * the end. */
	memset(name, 'b', 63);
	strcpy(name + 63, " cd");
	starter_id(name, id);
	assert_int_equal(strlen(id), STARTER_ID_MAX);
	assert_true(id[STARTER_ID_MAX - 1] != '-');
}

/* The set starter_text() writes for FILE, OPTIONS and CRITERIA reads with
 * no error, has the counts asked for, and passes its example. */
static void expect_good(const char *file, const char *options, const char *criteria,
                        size_t noptions, size_t ncriteria, const char *id)
{
	struct strbuf b;
	struct verror err;
	strbuf_init(&b);
	assert_int_equal(starter_text(file, options, criteria, &b, &err), 0);
	struct diags d;
	diags_init(&d, file);
	struct criteria *c = criteria_parse(strbuf_str(&b), strlen(strbuf_str(&b)), &d);
	assert_non_null(c);
	assert_int_equal(c->noptions, noptions);
	assert_int_equal(c->ncriteria, ncriteria);
	assert_int_equal(c->nquestions, 1);
	assert_int_equal(c->nexamples, 1);
	assert_string_equal(c->id, id);
	assert_int_equal(examples_check(c, &d), 0);
	criteria_free(c);
	diags_free(&d);
	strbuf_free(&b);
}

static void test_every_option_count(void **state)
{
	(void)state;
	char options[256] = "";
	for (size_t n = 1; n <= STARTER_MAX_OPTIONS; n++) {
		char name[16];
		snprintf(name, sizeof name, "%sOption %zu", n > 1 ? "," : "", n);
		strcat(options, name);
		if (n >= STARTER_MIN_OPTIONS)
			expect_good("set.yaml", options, NULL, n, STARTER_CRITERIA, "set");
	}
}

static void test_criteria_counts(void **state)
{
	(void)state;
	static const char *const counts[] = { "1", "2", "8", "9", "24", "25", "50" };
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		size_t n = (size_t)atoi(counts[i]);
		expect_good("dir/team.yml", NULL, counts[i], 2, n, "team");
	}
}

static void test_set_id_from_file(void **state)
{
	(void)state;
	expect_good("a/b/Hosting Plan.yaml", NULL, NULL, 2, 3, "hosting-plan");
	expect_good("2024.yaml", NULL, NULL, 2, 3, "decision-2024");
	expect_good("yes.yaml", NULL, NULL, 2, 3, "decision-yes");
	expect_good("東京.yaml", NULL, NULL, 2, 3, "decision");
	expect_good(".yaml", NULL, NULL, 2, 3, "yaml");
}

/* Names that YAML would read as something else, or that need quotes. */
static void test_names_that_need_quoting(void **state)
{
	(void)state;
	expect_good("q.yaml", "true,2024,a: b #c,\"x\" \\ y,-z,~,null,Yes,0x1F,.5", NULL, 10, 3,
	            "q");
	expect_good("q.yaml", "A,a-,a--,A!", NULL, 4, 3, "q");
}

static void expect_refused(const char *options, const char *criteria, const char *msg)
{
	struct strbuf b;
	struct verror err;
	strbuf_init(&b);
	strbuf_puts(&b, "kept");
	assert_int_equal(starter_text("x.yaml", options, criteria, &b, &err), -1);
	assert_int_equal(err.kind, VERROR_USAGE);
	assert_string_equal(err.msg, msg);
	assert_string_equal(strbuf_str(&b), "kept");
	strbuf_free(&b);
}

static void test_refused(void **state)
{
	(void)state;
	expect_refused("A", NULL, "--options must name from 2 to 16 options, separated by "
	               "commas, got 1");
	expect_refused("", NULL, "--options must name from 2 to 16 options, separated by "
	               "commas, got 1");
	expect_refused("A,,B", NULL, "--options: option 2 is empty; name every option between "
	               "the commas");
	expect_refused("A,B,a", NULL, "--options: 'a' names the same option as 'A'");
	expect_refused("A,B\x1b", NULL, "--options: option 2 holds a control character; name "
	               "it in plain text");
	expect_refused("A\xc3,B", NULL, "--options: option 1 is not UTF-8 text");
	expect_refused(NULL, "0", "--criteria must be a whole number from 1 to 50, got '0'");
	expect_refused(NULL, "00051", "--criteria must be a whole number from 1 to 50, got "
	               "'00051'");
	expect_refused(NULL, "+3", "--criteria must be a whole number from 1 to 50, got '+3'");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ids_from_names),
		cmocka_unit_test(test_id_at_most_64),
		cmocka_unit_test(test_every_option_count),
		cmocka_unit_test(test_criteria_counts),
		cmocka_unit_test(test_set_id_from_file),
		cmocka_unit_test(test_names_that_need_quoting),
		cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
