/* selftest.h - the engine against published cases: `verdict selftest`
 * (cmd_selftest.c prints what selftest_run() finds). Pure arithmetic: no
 * I/O. The cases and their sources are written out in docs/scoring.md
 * ("Checking the engine"). */
#ifndef VERDICT_SELFTEST_H
#define VERDICT_SELFTEST_H

#include <stddef.h>

#define SELFTEST_MAX_FIGURES 12

/* One published figure and what the engine computes for it. */
struct selftest_figure {
	const char *name;       /* "weight of Family", "consistency ratio", ... */
	double expected;        /* as published (or worked by hand) */
	int decimals;           /* the decimals it is published with */
	double tolerance;       /* how far the computed one may be */
	double computed;
	int ok;                 /* |computed - expected| <= tolerance */
};

struct selftest_case {
	const char *title;      /* what is checked */
	const char *source;     /* where the expected figures come from */
	size_t nfigures;
	struct selftest_figure figures[SELFTEST_MAX_FIGURES];
};

#define SELFTEST_CASES 4

struct selftest_result {
	size_t ncases;
	struct selftest_case cases[SELFTEST_CASES];
	size_t nfigures;        /* over every case */
	size_t nmisses;         /* figures not ok */
};

/* Runs every case into OUT (which holds no allocation). */
void selftest_run(struct selftest_result *out);

#endif
