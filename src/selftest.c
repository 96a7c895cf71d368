/* selftest.c - the published cases and their check (selftest.h). */
#include "selftest.h"

#include <math.h>
#include <string.h>

#include "ahp.h"
#include "score_methods.h"

static void figure(struct selftest_case *c, const char *name, double expected, int decimals,
                   double tolerance, double computed)
{
	if (c->nfigures >= SELFTEST_MAX_FIGURES)
		return;
	struct selftest_figure *f = &c->figures[c->nfigures++];
	f->name = name;
	f->expected = expected;
	f->decimals = decimals;
	f->tolerance = tolerance;
	f->computed = computed;
	f->ok = fabs(computed - expected) <= tolerance;
}

/* A case that could not be solved at all: every figure missed. */
static void unsolved(struct selftest_case *c, const char *const *names, const double *expected,
                     size_t n, int decimals, double tolerance)
{
	for (size_t i = 0; i < n; i++)
		figure(c, names[i], expected[i], decimals, tolerance, NAN);
}

/* Saaty's 3 x 3: [1, 3, 5; 1/3, 1, 3; 1/5, 1/3, 1]. */
static void three_by_three(struct selftest_case *c)
{
	static const char *const names[] = {
		"weight of A", "weight of B", "weight of C", "consistency ratio",
	};
	static const double expected[] = { 0.637, 0.258, 0.105, 0.033 };
	c->title = "Saaty's 3 x 3 matrix [1, 3, 5; 1/3, 1, 3; 1/5, 1/3, 1]";
	c->source = "Saaty (1980), The Analytic Hierarchy Process; random index 0.58";
	const struct ahp_pair p[] = { { 0, 1, 3 }, { 0, 2, 5 }, { 1, 2, 3 } };
	struct ahp_result r;
	if (ahp_solve(3, p, 3, &r) != AHP_OK) {
		unsolved(c, names, expected, 4, 3, 0.002);
		return;
	}
	for (size_t i = 0; i < 3; i++)
		figure(c, names[i], expected[i], 3, 0.002, r.weights[i]);
	figure(c, names[3], expected[3], 3, 0.002, r.cr);
	ahp_result_free(&r);
}

/* Saaty (2008): the criteria for choosing a city to live in. */
static void saaty_2008(struct selftest_case *c)
{
	static const char *const names[] = {
		"weight of Culture", "weight of Family", "weight of Housing", "weight of Jobs",
		"weight of Transportation", "consistency ratio",
	};
	static const double expected[] = { 0.152, 0.433, 0.072, 0.305, 0.038, 0.050 };
	c->title = "Saaty's five criteria for choosing a city to live in";
	c->source = "Saaty (2008), Int. J. Services Sciences 1(1), pp. 83-98";
	enum { CULTURE, FAMILY, HOUSING, JOBS, TRANSPORT };
	const struct ahp_pair p[] = {
		{ CULTURE, FAMILY, 1.0 / 5 }, { CULTURE, HOUSING, 3 }, { CULTURE, JOBS, 1.0 / 2 },
		{ CULTURE, TRANSPORT, 5 }, { FAMILY, HOUSING, 7 }, { FAMILY, JOBS, 1 },
		{ FAMILY, TRANSPORT, 7 }, { HOUSING, JOBS, 1.0 / 4 }, { HOUSING, TRANSPORT, 3 },
		{ JOBS, TRANSPORT, 7 },
	};
	struct ahp_result r;
	if (ahp_solve(5, p, 10, &r) != AHP_OK) {
		unsolved(c, names, expected, 6, 3, 0.002);
		return;
	}
	for (size_t i = 0; i < 5; i++)
		figure(c, names[i], expected[i], 3, 0.002, r.weights[i]);
	figure(c, names[5], expected[5], 3, 0.002, r.cr);
	ahp_result_free(&r);
}

/* TOPSIS: Roszkowska's five alternatives on four criteria, the second a
 * cost. */
static void topsis(struct selftest_case *c)
{
	static const char *const names[] = {
		"closeness of A1", "closeness of A2", "closeness of A3", "closeness of A4",
		"closeness of A5",
	};
	static const double expected[] = { 0.535497, 0.434945, 0.557491, 0.516961, 0.370633 };
	c->title = "TOPSIS: five alternatives, four criteria (one a cost)";
	c->source = "Roszkowska (2011), Multiple Criteria Decision Making 6, pp. 200-230";
	/* A row per criterion, as score_methods.h wants them. */
	const double figures[] = {
		7, 7, 14, 14, 21,
		21, 24, 25, 26, 35,
		4, 6, 3, 9, 4,
		7, 4, 8, 3, 4,
	};
	const double weights[] = { 0.175, 0.425, 0.175, 0.225 };
	const unsigned char cost[] = { 0, 1, 0, 0 };
	double closeness[5];
	score_topsis_closeness(5, 4, figures, weights, cost, closeness);
	for (size_t j = 0; j < 5; j++)
		figure(c, names[j], expected[j], 6, 0.0000005, closeness[j]);
}

/* The incomplete cycle worked by hand in docs/scoring.md: a over b 2,
 * b over c 1, c over d 2, d over a 1; a-c and b-d missing. */
static void incomplete(struct selftest_case *c)
{
	static const char *const names[] = {
		"weight of a", "weight of b", "weight of c", "weight of d",
		"lambda max", "consistency ratio", "a over c, filled", "b over d, filled",
	};
	double r2 = sqrt(2);
	const double expected[] = {
		r2 / (2 + 2 * r2), 1 / (2 + 2 * r2), r2 / (2 + 2 * r2), 1 / (2 + 2 * r2),
		2 + 3 / r2, (1 / r2 - 2.0 / 3) / 0.90, 1, 1,
	};
	c->title = "An incomplete matrix: a cycle of four with two comparisons missing";
	c->source = "worked by hand in docs/scoring.md (Harker's method)";
	const struct ahp_pair p[] = { { 0, 1, 2 }, { 1, 2, 1 }, { 2, 3, 2 }, { 3, 0, 1 } };
	struct ahp_result r;
	if (ahp_solve(4, p, 4, &r) != AHP_OK || r.nfilled != 2) {
		if (r.weights)
			ahp_result_free(&r);
		unsolved(c, names, expected, 8, 4, 0.00005);
		return;
	}
	for (size_t i = 0; i < 4; i++)
		figure(c, names[i], expected[i], 4, 0.00005, r.weights[i]);
	figure(c, names[4], expected[4], 4, 0.00005, r.lambda_max);
	figure(c, names[5], expected[5], 4, 0.00005, r.cr);
	figure(c, names[6], expected[6], 4, 0.00005, r.filled[0].value);
	figure(c, names[7], expected[7], 4, 0.00005, r.filled[1].value);
	ahp_result_free(&r);
}

void selftest_run(struct selftest_result *out)
{
	memset(out, 0, sizeof *out);
	void (*const cases[SELFTEST_CASES])(struct selftest_case *) = {
		three_by_three, saaty_2008, topsis, incomplete,
	};
	for (size_t k = 0; k < SELFTEST_CASES; k++) {
		struct selftest_case *c = &out->cases[out->ncases++];
		cases[k](c);
		for (size_t i = 0; i < c->nfigures; i++) {
			out->nfigures++;
			out->nmisses += !c->figures[i].ok;
		}
	}
}
