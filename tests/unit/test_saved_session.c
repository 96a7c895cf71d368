/* layer: records */
/* test_saved_session.c - a stored session brought back (saved_session.h):
 * how it weighs, and its comparisons mapped onto the model, criteria by id
 * and groups by name, in the order first given; a comparison its criteria
 * do not know is damage, as a weight's is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helper_store.h"
#include "saved_session.h"
#include "store.h"

/* Three criteria in two groups (Taste: flavour, aroma; Cost: price), two
 * options. */
static const char grouped[] =
	"verdict: 1\n"
	"id: t\n"
	"title: Tea or coffee?\n"
	"options:\n"
	"  - { id: tea, name: Tea }\n"
	"  - { id: coffee, name: Coffee }\n"
	"criteria:\n"
	"  - { id: flavour, name: Flavour, question: Tasty?, default_weight: 2, group: Taste,\n"
	"      ratings: { tea: 3, coffee: 9 } }\n"
	"  - { id: price, name: Price, question: Cheap?, default_weight: 1, group: Cost,\n"
	"      ratings: { tea: 8, coffee: 4 } }\n"
	"  - { id: aroma, name: Aroma, question: Fragrant?, default_weight: 1, group: Taste,\n"
	"      ratings: { tea: 6, coffee: 7 } }\n";

/* Stores a complete session of TEXT weighing in pairs with comparisons JS[N];
 * its id. */
static long long store_pairwise(struct store *st, const char *text,
                                const struct stored_judgment *js, size_t n)
{
	struct stored_session in = {
		.criteria_name = (char *)"t.yaml", .criteria_text = (char *)text,
		.criteria_len = strlen(text), .criteria_id = (char *)"t",
		.criteria_title = (char *)"T", .status = SESSION_COMPLETE,
		.weighting = "pairwise", .njudgments = n,
		.judgments = (struct stored_judgment *)js,
	};
	long long id = 0;
	if (store_create_whole(st, &in, &id))
		fail_msg("store_create_whole: %s", store_error(st)->msg);
	return id;
}

#define J(level, a, b, v) { level, (char *)(a), (char *)(b), v }

static void test_judgments_restored(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	const struct stored_judgment js[] = {
		J("criteria", "aroma", "flavour", 1.0 / 3),
		J("groups", "Cost", "Taste", 5),
		J("criteria", "flavour", "price", 7),
	};
	long long id = store_pairwise(st, grouped, js, 3);
	struct saved_session ss;
	struct verror err;
	if (saved_session_load(st, id, &ss, NULL, &err))
		fail_msg("saved_session_load: %s", err.msg);
	const struct session *s = ss.session;
	assert_int_equal(s->weighting, WEIGHTING_PAIRWISE);
	assert_int_equal(s->njudgments, 3);
	/* aroma is criterion 2, flavour 0, price 1; Taste is group 0, Cost 1. */
	assert_int_equal(s->judgments[0].level, JUDGE_CRITERIA);
	assert_int_equal(s->judgments[0].a, 2);
	assert_int_equal(s->judgments[0].b, 0);
	assert_true(s->judgments[0].value == 1.0 / 3);
	assert_int_equal(s->judgments[1].level, JUDGE_GROUPS);
	assert_int_equal(s->judgments[1].a, 1);
	assert_int_equal(s->judgments[1].b, 0);
	assert_true(s->judgments[1].value == 5);
	assert_int_equal(s->judgments[2].level, JUDGE_CRITERIA);
	assert_int_equal(s->judgments[2].a, 0);
	assert_int_equal(s->judgments[2].b, 1);
	assert_true(s->judgments[2].value == 7);
	/* Found either way round. */
	const struct judgment *j = session_judgment(s, JUDGE_GROUPS, 0, 1);
	assert_non_null(j);
	assert_true(j->value == 5);
	saved_session_free(&ss);

	/* A session rated loads as rated, with no comparisons. */
	long long rated = create(st, grouped, NULL, NULL);
	if (saved_session_load(st, rated, &ss, NULL, &err))
		fail_msg("saved_session_load: %s", err.msg);
	assert_int_equal(ss.session->weighting, WEIGHTING_RATINGS);
	assert_int_equal(ss.session->njudgments, 0);
	saved_session_free(&ss);
}

/* Loading session ID fails as damage, the message holding WANT. */
static void expect_damage(struct fixture *f, long long id, const char *want)
{
	struct saved_session ss;
	struct verror err;
	assert_int_equal(saved_session_load(f->st, id, &ss, NULL, &err), -1);
	assert_int_equal(err.kind, VERROR_STORAGE);
	assert_contains(err.msg, want);
	assert_contains(err.msg, "is damaged (or was edited by hand)");
	assert_contains(err.msg, f->path);
}

static void test_judgments_damaged(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	const struct stored_judgment unknown[] = { J("criteria", "flavour", "colour", 3) };
	expect_damage(f, store_pairwise(st, grouped, unknown, 1),
	              "stored comparison of criteria 'flavour' with 'colour' does not fit its "
	              "criteria");
	const struct stored_judgment group[] = { J("groups", "Taste", "Looks", 3) };
	expect_damage(f, store_pairwise(st, grouped, group, 1),
	              "stored comparison of groups 'Taste' with 'Looks'");
	/* A criterion's id is not a group's name, nor a group's a criterion's. */
	const struct stored_judgment as_group[] = { J("groups", "flavour", "price", 3) };
	expect_damage(f, store_pairwise(st, grouped, as_group, 1), "groups 'flavour' with 'price'");
	const struct stored_judgment as_criterion[] = { J("criteria", "Taste", "Cost", 3) };
	expect_damage(f, store_pairwise(st, grouped, as_criterion, 1),
	              "criteria 'Taste' with 'Cost'");
	/* A set without groups has none to compare. */
	const char *flat = CRITERIA "options:\n  - { id: a, name: A }\n  - { id: b, name: B }\n"
	                   "criteria:\n  - { id: x, name: X, question: X?, default_weight: 1,\n"
	                   "      ratings: { a: 1, b: 2 } }\n"
	                   "  - { id: y, name: Y, question: Y?, default_weight: 1,\n"
	                   "      ratings: { a: 2, b: 1 } }\n";
	const struct stored_judgment other[] = { J("groups", "Other", "X", 3) };
	expect_damage(f, store_pairwise(st, flat, other, 1), "groups 'Other' with 'X'");
	const struct stored_judgment fine[] = { J("criteria", "y", "x", 9) };
	struct saved_session ss;
	struct verror err;
	if (saved_session_load(st, store_pairwise(st, flat, fine, 1), &ss, NULL, &err))
		fail_msg("saved_session_load: %s", err.msg);
	assert_int_equal(ss.session->njudgments, 1);
	assert_int_equal(ss.session->judgments[0].a, 1);
	saved_session_free(&ss);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_judgments_restored, setup, teardown),
		cmocka_unit_test_setup_teardown(test_judgments_damaged, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
