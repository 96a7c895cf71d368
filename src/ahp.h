/* ahp.h - weights from comparisons of two items at a time (the analytic
 * hierarchy process, AHP): one matrix of judgments, possibly incomplete.
 *
 * Pure arithmetic: no I/O, no globals, no allocation failure (xalloc.h).
 * The method, the random-index table and its source, the completion of
 * missing comparisons and how the next question and the hints are chosen
 * are written out in docs/scoring.md ("Comparing in pairs"), each with a
 * worked example; `verdict selftest` checks them against published cases.
 *
 * Items are numbered 0 to n - 1 (the caller maps them to criteria or
 * groups). A judgment (a, b, v) says a matters v times as much as b, so the
 * matrix holds v at (a, b) and 1/v at (b, a). */
#ifndef VERDICT_AHP_H
#define VERDICT_AHP_H

#include <stddef.h>

#define AHP_MAX_ITEMS 64        /* items in one matrix */
#define AHP_CR_LIMIT 0.10       /* a consistency ratio above this is flagged */
#define AHP_MAX_HINTS 3

struct ahp_pair {
	size_t a, b;
	double value;           /* a over b */
};

/* A comparison whose change would most reduce the inconsistency. */
struct ahp_hint {
	size_t a, b;            /* as the person gave it */
	double given;           /* their value, a over b */
	double fit;             /* the value on Saaty's scale (1..9 or 1/9..1/2) nearest to
	                         * what the other comparisons imply, a over b */
	double cr_after;        /* the consistency ratio with FIT in its place */
};

struct ahp_result {
	size_t n;
	double *weights;        /* [n]: sum 1 over the compared items; 0 for an item in no
	                         * comparison */
	unsigned char *compared; /* [n]: 1 for an item in at least one comparison */
	size_t ncompared;
	double lambda_max;      /* principal eigenvalue of the (completed) matrix of the
	                         * compared items */
	double ci;              /* (lambda_max - m) / (m - 1), m = ncompared; 0 for m <= 2 */
	double ri;              /* the random index for m (ahp_random_index()) */
	double cr;              /* ci / ri; 0 when ri is 0 (m <= 2) */
	size_t nfilled;
	struct ahp_pair *filled; /* [nfilled]: each missing comparison between compared
	                          * items, a < b, with the value the method fills in */
	int has_next;           /* 1 when some comparison between compared items is missing */
	struct ahp_pair next;   /* the missing comparison that would tell the most, a < b,
	                         * with the value now filled in for it */
	size_t nhints;          /* 0 unless cr > AHP_CR_LIMIT */
	struct ahp_hint hints[AHP_MAX_HINTS]; /* largest reduction first */
};

enum ahp_status {
	AHP_OK,
	AHP_EMPTY,              /* no comparisons */
	AHP_DISCONNECTED,       /* the compared items fall apart into unlinked sets */
};

/* Solves the NPAIRS judgments PAIRS on N items (N <= AHP_MAX_ITEMS; every
 * a and b below N, a != b, at most one judgment per pair, each value > 0)
 * into OUT. On AHP_OK the caller frees OUT with ahp_result_free(); otherwise
 * OUT holds nothing to free. */
enum ahp_status ahp_solve(size_t n, const struct ahp_pair *pairs, size_t npairs,
                          struct ahp_result *out);
void ahp_result_free(struct ahp_result *r);

/* The linked sets of the compared items: COMPONENT[i] gets the set of item
 * i (0, 1, ...; (size_t)-1 for an item in no comparison). Returns how many
 * sets there are. For the message on a disconnected set. */
size_t ahp_components(size_t n, const struct ahp_pair *pairs, size_t npairs,
                      size_t *component);

/* The random index for a matrix of N items (0 for N <= 2), from the table
 * docs/scoring.md names; beyond the table, its last value. */
double ahp_random_index(size_t n);

/* 1 when V is on Saaty's scale: a whole number 1 to 9 or the reciprocal of
 * one, within 2.5 % (so 0.2 is 1/5, and 0.33 and 0.14 are 1/3 and 1/7). */
int ahp_on_scale(double v);
/* The value on the scale nearest V (compared as logarithms): V's exact
 * value when ahp_on_scale(V). */
double ahp_nearest_scale(double v);

#endif
