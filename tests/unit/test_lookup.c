/* layer: model */
/* test_lookup.c - finding criteria and questions by id, and the "did you
 * mean" hints: without a scan per key, and exact. No timing here: the
 * lookups are counted (criteria_id_find's probes); the growth in time is
 * measured by `make bench`. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "answers.h"
#include "criteria.h"
#include "helper_model.h"
#include "schema.h"
#include "session.h"
#include "strbuf.h"

#define BIG 20000

/* A valid set of N criteria c0 .. c(N-1), given in the order c(N-1) .. c0
 * so that the file's order is not the ids' order, and one question. */
static char *big_set(size_t n)
{
	struct strbuf b;
	strbuf_init(&b);
	strbuf_puts(&b, "verdict: 1\nid: big\ntitle: Big\noptions:\n  - { id: a, name: A }\n"
	            "  - { id: b, name: B }\ncriteria:\n");
	for (size_t i = n; i-- > 0;)
		strbuf_printf(&b, "  - { id: c%zu, name: N, question: Q, default_weight: 1, "
		              "ratings: { a: 1, b: 2 } }\n", i);
	strbuf_puts(&b, "questions:\n  - id: q\n    prompt: P\n    choices:\n"
	            "      - { id: x, label: X, weights: { c0: 1 } }\n"
	            "      - { id: y, label: Y }\n");
	return strbuf_take(&b, NULL);
}

/* The number of bits of N: a binary search compares at most that many ids,
 * and one more to confirm. */
static size_t bits(size_t n)
{
	size_t k = 0;
	while (n) {
		k++;
		n >>= 1;
	}
	return k;
}

static void test_every_id_found_in_log_probes(void **state)
{
	(void)state;
	char *text = big_set(BIG);
	struct criteria *c = model_parse(text);
	assert_int_equal(c->criterion_ids.n, BIG);
	size_t most = 0;
	for (size_t i = 0; i < BIG; i++) {
		size_t probes;
		int k = criteria_id_find(&c->criterion_ids, c->criteria[i].id, &probes);
		assert_int_equal(k, (int)i);
		if (probes > most)
			most = probes;
	}
	assert_true(most <= bits(BIG) + 1);
	criteria_free(c);
	free(text);
}

static void test_unknown_id_in_log_probes(void **state)
{
	(void)state;
	char *text = big_set(BIG);
	struct criteria *c = model_parse(text);
	size_t probes;
	assert_int_equal(criteria_id_find(&c->criterion_ids, "c20000", &probes), -1);
	assert_true(probes <= bits(BIG) + 1);
	assert_int_equal(criteria_id_find(&c->criterion_ids, "", &probes), -1);
	assert_int_equal(criteria_id_find(&c->criterion_ids, "zzz", &probes), -1);
	assert_int_equal(criteria_criterion_index(c, "c19999"), 0);
	assert_int_equal(criteria_criterion_index(c, "c0"), BIG - 1);
	assert_int_equal(criteria_question_index(c, "q"), 0);
	assert_int_equal(criteria_question_index(c, "c0"), -1);
	criteria_free(c);
	free(text);
}

/* A repeated id (a model that then fails to load) finds the first given, as
 * a scan of the list would. */
static void test_repeated_id_finds_the_first(void **state)
{
	(void)state;
	struct criteria_id_slot slots[] = { { "a", 3 }, { "b", 0 }, { "b", 2 }, { "b", 5 },
	                                    { "c", 1 } };
	struct criteria_id_index ix = { 5, slots };
	assert_int_equal(criteria_id_find(&ix, "b", NULL), 0);
	assert_int_equal(criteria_id_find(&ix, "a", NULL), 3);
	assert_int_equal(criteria_id_find(&ix, "c", NULL), 1);
	assert_int_equal(criteria_id_find(&ix, "bb", NULL), -1);
	struct criteria_id_index none = { 0, NULL };
	size_t probes = 9;
	assert_int_equal(criteria_id_find(&none, "a", &probes), -1);
	assert_int_equal(probes, 0);
}

/* An answers file that weights all BIG criteria loads, each weight where it
 * belongs. */
static void test_big_answers_file(void **state)
{
	(void)state;
	char *text = big_set(BIG);
	struct criteria *c = model_parse(text);
	struct strbuf b;
	strbuf_init(&b);
	strbuf_puts(&b, "criteria: big\nchoices: { q: y }\nweights:\n");
	for (size_t i = 0; i < BIG; i++)
		strbuf_printf(&b, "  c%zu: %zu\n", i, i % 6);
	struct session *s = model_answers(c, strbuf_str(&b));
	assert_int_equal(s->choices[0], 1);
	for (size_t k = 0; k < BIG; k++) {
		/* Criterion k of the file is c(BIG-1-k). */
		assert_true(s->weight_set[k]);
		assert_true(s->weights[k] == (double)((BIG - 1 - k) % 6));
	}
	session_free(s);
	strbuf_free(&b);
	criteria_free(c);
	free(text);
}

/* Past the errors kept, unknown keys are only counted: the file still fails
 * with every one of them counted. */
static void test_unknown_keys_past_the_limit(void **state)
{
	(void)state;
	char *text = big_set(BIG);
	struct criteria *c = model_parse(text);
	struct strbuf b;
	strbuf_init(&b);
	strbuf_puts(&b, "weights:\n");
	for (size_t i = 0; i < BIG; i++)
		strbuf_printf(&b, "  d%zu: 1\n", i);
	struct diags d;
	diags_init(&d, "a.yaml");
	assert_null(answers_parse(strbuf_str(&b), b.len, c, &d));
	assert_int_equal(d.count, 100);
	assert_int_equal(d.dropped, BIG - 100);
	assert_string_equal(d.items[0].message,
	                    "unknown criterion 'd0' in 'weights'; did you mean 'c0'?");
	diags_free(&d);
	strbuf_free(&b);
	criteria_free(c);
	free(text);
}

/* The hint is the first name at the least distance, within what the word's
 * length allows; names too long or too short to be near never are. */
static void test_nearest_is_the_first_nearest(void **state)
{
	(void)state;
	const char *names[] = { "speedometer", NULL, "", "spade", "spend", "sped", "speeds" };
	assert_string_equal(schema_nearest("speed", names, 7), "spend");
	assert_string_equal(schema_nearest("spd", names, 7), "sped");
	assert_string_equal(schema_nearest("spent", names, 7), "spend");
	assert_string_equal(schema_nearest("speedometre", names, 7), "speedometer");
	assert_null(schema_nearest("sp", names, 7));
	assert_null(schema_nearest("velocity", names, 7));
	const char *ties[] = { "cost", "cast", "coat" };
	assert_string_equal(schema_nearest("cst", ties, 3), "cost");
	const char *exact[] = { "abcd", "abce", "abc" };
	assert_string_equal(schema_nearest("abc", exact, 3), "abc");
}

/* A word or name past 64 bytes is never near, as before. */
static void test_nearest_of_long_words(void **state)
{
	(void)state;
	char longer[70];
	memset(longer, 'a', 66);
	longer[66] = '\0';
	const char *names[] = { longer };
	char word[70];
	memset(word, 'a', 65);
	word[65] = '\0';
	assert_null(schema_nearest(word, names, 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_id_found_in_log_probes),
		cmocka_unit_test(test_unknown_id_in_log_probes),
		cmocka_unit_test(test_repeated_id_finds_the_first),
		cmocka_unit_test(test_big_answers_file),
		cmocka_unit_test(test_unknown_keys_past_the_limit),
		cmocka_unit_test(test_nearest_is_the_first_nearest),
		cmocka_unit_test(test_nearest_of_long_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
