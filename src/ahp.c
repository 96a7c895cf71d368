/* ahp.c - weights from comparisons in pairs (ahp.h).
 *
 * The method, written out with worked examples in docs/scoring.md
 * ("Comparing in pairs"):
 * - the compared items (those in at least one judgment) must form one
 *   linked set;
 * - Harker's matrix of them: a judgment's value and its reciprocal where
 *   given, 0 where missing, and on the diagonal 1 plus the number of
 *   comparisons missing in that row; its principal eigenvector, found by
 *   power iteration, is the weights (Harker 1987);
 * - the completed matrix fills each missing a_ij with w_i / w_j; it has the
 *   same eigenvector and the same eigenvalue, whose value gives CI and CR
 *   (Saaty's random index);
 * - the next question: the missing comparison whose answer moves the
 *   weights most, by the derivative of the eigenvector of the completed
 *   matrix (Harker's rule);
 * - the hints: for each given judgment, the value on the scale nearest
 *   what the others imply without it, and the consistency ratio with that
 *   value in its place. */
#include "ahp.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define POWER_TOL   1e-14       /* largest change of a weight between two steps */
#define POWER_STEPS 2000        /* the iteration cap, before Newton finishes */
#define NEWTON_TOL  1e-15       /* the residual of A w = lambda w, relative to lambda */
#define NEWTON_STEPS 50
#define DIM (AHP_MAX_ITEMS + 1)  /* a bordered matrix: the items and lambda */
#define TIE_EPS     1e-12       /* sensitivities or reductions closer than this are equal */

/* Saaty's random index, n = 0 to 10: The Analytic Hierarchy Process
 * (McGraw-Hill, 1980). */
static const double random_index[] = {
	0, 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49,
};
#define RI_LAST (sizeof random_index / sizeof random_index[0] - 1)

double ahp_random_index(size_t n)
{
	return random_index[n < RI_LAST ? n : RI_LAST];
}

/* Saaty's scale: 1 to 9 and their reciprocals. */
double ahp_nearest_scale(double v)
{
	if (!(v > 0))
		return 1;
	double best = 1, far = INFINITY;
	for (int k = 1; k <= 9; k++) {
		for (int up = 0; up < 2; up++) {
			double s = up ? k : 1.0 / k;
			double d = fabs(log(v) - log(s));
			if (d < far) {
				far = d;
				best = s;
			}
		}
	}
	return best;
}

int ahp_on_scale(double v)
{
	if (!(v > 0) || !isfinite(v))
		return 0;
	double s = ahp_nearest_scale(v);
	return fabs(v - s) <= 0.025 * s;
}

static size_t find_root(size_t *parent, size_t i)
{
	while (parent[i] != i)
		i = parent[i] = parent[parent[i]];
	return i;
}

/* ahp_components() over the pairs but SKIP (npairs for none). */
static size_t components_but(size_t n, const struct ahp_pair *pairs, size_t npairs,
                             size_t skip, size_t *component)
{
	size_t parent[AHP_MAX_ITEMS];
	unsigned char seen[AHP_MAX_ITEMS] = { 0 };
	for (size_t i = 0; i < n; i++)
		parent[i] = i;
	for (size_t p = 0; p < npairs; p++) {
		if (p == skip)
			continue;
		seen[pairs[p].a] = seen[pairs[p].b] = 1;
		size_t ra = find_root(parent, pairs[p].a), rb = find_root(parent, pairs[p].b);
		if (ra != rb)
			parent[ra < rb ? rb : ra] = ra < rb ? ra : rb;
	}
	size_t count = 0, label[AHP_MAX_ITEMS];
	for (size_t i = 0; i < n; i++)
		label[i] = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		if (!seen[i]) {
			component[i] = (size_t)-1;
			continue;
		}
		size_t r = find_root(parent, i);
		if (label[r] == (size_t)-1)
			label[r] = count++;
		component[i] = label[r];
	}
	return count;
}

size_t ahp_components(size_t n, const struct ahp_pair *pairs, size_t npairs,
                      size_t *component)
{
	return components_but(n, pairs, npairs, npairs, component);
}

/* The working state of one solution over the M compared items: the
 * matrix with 0 for a missing entry, the weights and the eigenvalue. */
struct solve {
	size_t m;
	double a[AHP_MAX_ITEMS][AHP_MAX_ITEMS]; /* given entries, 0 where missing */
	double w[AHP_MAX_ITEMS];
	double lambda;
};

/* Fills S->a from PAIRS (but SKIP, and with pair OVERRIDE's value replaced by
 * VALUE when OVERRIDE < npairs), items mapped by LOCAL. */
static void build(struct solve *s, const size_t *local, const struct ahp_pair *pairs,
                  size_t npairs, size_t skip, size_t override, double value)
{
	for (size_t i = 0; i < s->m; i++) {
		for (size_t j = 0; j < s->m; j++)
			s->a[i][j] = 0;
		s->a[i][i] = 1;
	}
	for (size_t p = 0; p < npairs; p++) {
		if (p == skip)
			continue;
		double v = p == override ? value : pairs[p].value;
		size_t a = local[pairs[p].a], b = local[pairs[p].b];
		s->a[a][b] = v;
		s->a[b][a] = 1 / v;
	}
}

/* Solves Q X = B in place (B becomes X) by Gaussian elimination with
 * partial pivoting; Q is M by M, M <= DIM, and nonsingular. */
static void linear_solve(size_t m, double q[][DIM], double *b)
{
	for (size_t k = 0; k < m; k++) {
		size_t piv = k;
		for (size_t i = k + 1; i < m; i++)
			if (fabs(q[i][k]) > fabs(q[piv][k]))
				piv = i;
		if (piv != k) {
			for (size_t j = 0; j < m; j++) {
				double t = q[k][j];
				q[k][j] = q[piv][j];
				q[piv][j] = t;
			}
			double t = b[k];
			b[k] = b[piv];
			b[piv] = t;
		}
		if (q[k][k] == 0)
			continue;       /* cannot happen for the matrices used here */
		for (size_t i = k + 1; i < m; i++) {
			double f = q[i][k] / q[k][k];
			if (f == 0)
				continue;
			for (size_t j = k; j < m; j++)
				q[i][j] -= f * q[k][j];
			b[i] -= f * b[k];
		}
	}
	for (size_t k = m; k-- > 0;) {
		double v = b[k];
		for (size_t j = k + 1; j < m; j++)
			v -= q[k][j] * b[j];
		b[k] = q[k][k] != 0 ? v / q[k][k] : 0;
	}
}

/* The principal (Perron) eigenvector of the M by M nonnegative,
 * irreducible matrix A (its transpose when TRANSPOSE) into W, summing to 1,
 * and its eigenvalue into *LAMBDA. Power iteration brings it near; where
 * that is slow (the second eigenvalue close to the first, as in Harker's
 * matrix of a long chain), Newton's method on (w, lambda) finishes it:
 * (A - lambda I) dw - w dlambda = -(A w - lambda w), with sum dw = 0. */
static void perron(size_t m, const double a[][AHP_MAX_ITEMS], int transpose, double *w,
                   double *lambda)
{
	double next[AHP_MAX_ITEMS];
	for (size_t i = 0; i < m; i++)
		w[i] = 1.0 / (double)m;
	double l = 0;
	for (long step = 0; step < POWER_STEPS; step++) {
		double sum = 0, change = 0;
		for (size_t i = 0; i < m; i++) {
			double v = 0;
			for (size_t j = 0; j < m; j++)
				v += (transpose ? a[j][i] : a[i][j]) * w[j];
			next[i] = v;
			sum += v;
		}
		for (size_t i = 0; i < m; i++) {
			next[i] /= sum;
			if (fabs(next[i] - w[i]) > change)
				change = fabs(next[i] - w[i]);
			w[i] = next[i];
		}
		l = sum;        /* W summed to 1 */
		if (change < POWER_TOL)
			break;
	}
	double (*q)[DIM] = xmalloc(sizeof(double[DIM][DIM]));
	double r[DIM];
	for (int step = 0; step < NEWTON_STEPS; step++) {
		double res = 0;
		for (size_t i = 0; i < m; i++) {
			double v = 0;
			for (size_t j = 0; j < m; j++) {
				double aij = transpose ? a[j][i] : a[i][j];
				q[i][j] = aij - (i == j ? l : 0);
				v += aij * w[j];
			}
			q[i][m] = -w[i];
			r[i] = -(v - l * w[i]);
			if (fabs(r[i]) > res)
				res = fabs(r[i]);
		}
		if (res <= NEWTON_TOL * l)
			break;
		for (size_t j = 0; j < m; j++)
			q[m][j] = 1;
		q[m][m] = 0;
		r[m] = 0;
		linear_solve(m + 1, q, r);
		for (size_t i = 0; i < m; i++)
			w[i] += r[i];
		l += r[m];
	}
	free(q);
	*lambda = l;
}

/* The principal eigenvector of Harker's matrix of S->a into S->w (sum 1),
 * and the eigenvalue of the completed matrix into S->lambda. */
static void eigen(struct solve *s)
{
	size_t m = s->m;
	double (*h)[AHP_MAX_ITEMS] = xmalloc(sizeof(double[AHP_MAX_ITEMS][AHP_MAX_ITEMS]));
	for (size_t i = 0; i < m; i++) {
		size_t missing = 0;
		for (size_t j = 0; j < m; j++) {
			h[i][j] = s->a[i][j];
			missing += s->a[i][j] == 0;
		}
		h[i][i] = 1 + (double)missing;
	}
	double harker;
	perron(m, (const double (*)[AHP_MAX_ITEMS])h, 0, s->w, &harker);
	free(h);
	/* The completed matrix's eigenvalue, from that matrix itself: with the
	 * weights summing to 1, the sum of A w. It equals Harker's. */
	double lambda = 0;
	for (size_t i = 0; i < m; i++)
		for (size_t j = 0; j < m; j++)
			lambda += (s->a[i][j] != 0 ? s->a[i][j] : s->w[i] / s->w[j]) * s->w[j];
	s->lambda = lambda;
}

static double consistency_index(double lambda, size_t m)
{
	if (m <= 2)
		return 0;
	double ci = (lambda - (double)m) / (double)(m - 1);
	/* lambda_max >= m for every positive reciprocal matrix: below is rounding. */
	return ci > 0 ? ci : 0;
}

static double consistency_ratio(double lambda, size_t m)
{
	double ri = ahp_random_index(m);
	return ri > 0 ? consistency_index(lambda, m) / ri : 0;
}

/* Harker's rule for the next question: for each missing comparison (i, j)
 * of the completed matrix A, how far the weights move as its value moves,
 * d w / d log a_ij, in the largest of its components. The derivative of
 * the principal eigenvector: (lambda I - A) dw = dA w - dlambda w, with
 * sum dw = 0 (the weights keep summing to 1), where dA is a_ij at (i, j)
 * and -a_ji at (j, i), and dlambda = y' dA w / y' w with y the left
 * eigenvector. Chooses the largest, the lowest (i, j) of equal ones. */
static int next_question(const struct solve *s, size_t *bi, size_t *bj)
{
	size_t m = s->m;
	double (*full)[AHP_MAX_ITEMS] = xmalloc(sizeof(double[AHP_MAX_ITEMS][AHP_MAX_ITEMS]));
	double (*q)[DIM] = xmalloc(sizeof(double[DIM][DIM]));
	for (size_t i = 0; i < m; i++)
		for (size_t j = 0; j < m; j++)
			full[i][j] = s->a[i][j] != 0 ? s->a[i][j] : s->w[i] / s->w[j];
	double y[AHP_MAX_ITEMS], ly;
	perron(m, (const double (*)[AHP_MAX_ITEMS])full, 1, y, &ly);
	double yw = 0;
	for (size_t i = 0; i < m; i++)
		yw += y[i] * s->w[i];
	double best = -1;
	int found = 0;
	for (size_t i = 0; i < m; i++) {
		for (size_t j = i + 1; j < m; j++) {
			if (s->a[i][j] != 0)
				continue;
			/* With a_ij = w_i / w_j, dA w per unit of log a_ij is w_i at row i
			 * and -w_j at row j. */
			double r[DIM];
			double dl = (y[i] * s->w[i] - y[j] * s->w[j]) / yw;
			for (size_t k = 0; k < m; k++) {
				for (size_t l = 0; l < m; l++)
					q[k][l] = (k == l ? s->lambda : 0) - full[k][l];
				r[k] = -dl * s->w[k];
			}
			r[i] += s->w[i];
			r[j] -= s->w[j];
			/* The last row of (lambda I - A) is implied by the others: it gives
			 * its place to sum dw = 0. */
			for (size_t l = 0; l < m; l++)
				q[m - 1][l] = 1;
			r[m - 1] = 0;
			linear_solve(m, q, r);
			double size = 0;
			for (size_t k = 0; k < m; k++)
				if (fabs(r[k]) > size)
					size = fabs(r[k]);
			if (size > best + TIE_EPS) {
				best = size;
				*bi = i;
				*bj = j;
				found = 1;
			}
		}
	}
	free(q);
	free(full);
	return found;
}

/* Whether hint X comes before hint Y: the larger reduction first, then the
 * judgment given first. */
static int hint_before(const struct ahp_hint *x, size_t xp, const struct ahp_hint *y,
                       size_t yp)
{
	if (x->cr_after < y->cr_after - TIE_EPS)
		return 1;
	if (y->cr_after < x->cr_after - TIE_EPS)
		return 0;
	return xp < yp;
}

/* The hints of a solution whose consistency ratio CR is over the limit. */
static void hints(struct ahp_result *out, const size_t *local, const struct ahp_pair *pairs,
                  size_t npairs, size_t m, double cr)
{
	struct solve *s = xmalloc(sizeof *s);
	size_t order[AHP_MAX_HINTS], comp[AHP_MAX_ITEMS];
	s->m = m;
	out->nhints = 0;
	for (size_t p = 0; p < npairs; p++) {
		/* A judgment the others do not link (its items fall apart without
		 * it) is implied by nothing, and no value of it changes the
		 * consistency. */
		if (components_but(out->n, pairs, npairs, p, comp) != 1
		    || comp[pairs[p].a] == (size_t)-1 || comp[pairs[p].b] == (size_t)-1)
			continue;
		build(s, local, pairs, npairs, p, npairs, 0);
		eigen(s);
		size_t a = local[pairs[p].a], b = local[pairs[p].b];
		double fit = ahp_nearest_scale(s->w[a] / s->w[b]);
		if (fabs(fit - pairs[p].value) <= 1e-9 * fit)
			continue;
		build(s, local, pairs, npairs, npairs, p, fit);
		eigen(s);
		double after = consistency_ratio(s->lambda, m);
		if (!(after < cr - TIE_EPS))
			continue;
		struct ahp_hint h = {
			.a = pairs[p].a, .b = pairs[p].b, .given = pairs[p].value,
			.fit = fit, .cr_after = after,
		};
		/* Insert in order, keeping the best AHP_MAX_HINTS. */
		size_t k = out->nhints;
		while (k > 0 && hint_before(&h, p, &out->hints[k - 1], order[k - 1])) {
			if (k < AHP_MAX_HINTS) {
				out->hints[k] = out->hints[k - 1];
				order[k] = order[k - 1];
			}
			k--;
		}
		if (k < AHP_MAX_HINTS) {
			out->hints[k] = h;
			order[k] = p;
			if (out->nhints < AHP_MAX_HINTS)
				out->nhints++;
		}
	}
	free(s);
}

enum ahp_status ahp_solve(size_t n, const struct ahp_pair *pairs, size_t npairs,
                          struct ahp_result *out)
{
	memset(out, 0, sizeof *out);
	if (npairs == 0)
		return AHP_EMPTY;
	size_t comp[AHP_MAX_ITEMS];
	if (ahp_components(n, pairs, npairs, comp) != 1)
		return AHP_DISCONNECTED;

	out->n = n;
	out->weights = xcalloc(n ? n : 1, sizeof *out->weights);
	out->compared = xcalloc(n ? n : 1, sizeof *out->compared);
	size_t local[AHP_MAX_ITEMS], global[AHP_MAX_ITEMS], m = 0;
	for (size_t i = 0; i < AHP_MAX_ITEMS; i++)
		local[i] = global[i] = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		if (comp[i] != (size_t)-1) {
			out->compared[i] = 1;
			global[m] = i;
			local[i] = m++;
		}
	}
	out->ncompared = m;

	struct solve *s = xmalloc(sizeof *s);
	s->m = m;
	build(s, local, pairs, npairs, npairs, npairs, 0);
	eigen(s);
	for (size_t k = 0; k < m; k++)
		out->weights[global[k]] = s->w[k];
	out->lambda_max = s->lambda;
	out->ci = consistency_index(s->lambda, m);
	out->ri = ahp_random_index(m);
	out->cr = consistency_ratio(s->lambda, m);

	size_t nmissing = 0;
	for (size_t i = 0; i < m; i++)
		for (size_t j = i + 1; j < m; j++)
			nmissing += s->a[i][j] == 0;
	out->nfilled = nmissing;
	if (nmissing) {
		out->filled = xcalloc(nmissing, sizeof *out->filled);
		size_t f = 0;
		for (size_t i = 0; i < m; i++) {
			for (size_t j = i + 1; j < m; j++) {
				if (s->a[i][j] != 0)
					continue;
				out->filled[f++] = (struct ahp_pair){
					.a = global[i], .b = global[j], .value = s->w[i] / s->w[j],
				};
			}
		}
		size_t bi, bj;
		if (next_question(s, &bi, &bj)) {
			out->has_next = 1;
			out->next = (struct ahp_pair){
				.a = global[bi], .b = global[bj], .value = s->w[bi] / s->w[bj],
			};
		}
	}
	free(s);
	if (out->cr > AHP_CR_LIMIT)
		hints(out, local, pairs, npairs, m, out->cr);
	return AHP_OK;
}

void ahp_result_free(struct ahp_result *r)
{
	if (!r)
		return;
	free(r->weights);
	free(r->compared);
	free(r->filled);
	memset(r, 0, sizeof *r);
}
