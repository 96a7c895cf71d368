/* ahp.c - weights from comparisons in pairs (ahp.h). */
#include "ahp.h"

#include <math.h>

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
