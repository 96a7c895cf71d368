/* score_number.c - the numbers of a result as every text writes them. */
#include "score_number.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

char *score_number(char *buf, size_t len, double v, int decimals)
{
	snprintf(buf, len, "%.*f", decimals, v);
	char *dot = strchr(buf, '.');
	if (dot) {
		char *end = buf + strlen(buf);
		while (end > dot + 1 && end[-1] == '0')
			*--end = '\0';
		if (end == dot + 1)
			*dot = '\0';
	}
	if (strcmp(buf, "-0") == 0)
		snprintf(buf, len, "0");
	return buf;
}

char *score_points(char *buf, size_t len, double v)
{
	double r = round(v * 10) / 10;
	snprintf(buf, len, "%.1f", r == 0 ? 0.0 : r);  /* never "-0.0" */
	return buf;
}

char *score_points_beside(char *buf, size_t len, double v, const double *thresholds,
                          size_t n)
{
	for (int decimals = 1; decimals <= 6; decimals++) {
		double scale = pow(10, decimals);
		double shown = round(v * scale) / scale;
		int same = 1;
		for (size_t k = 0; k < n && same; k++)
			same = (v >= thresholds[k] - 1e-9) == (shown >= thresholds[k] - 1e-9);
		if (same || decimals == 6) {
			snprintf(buf, len, "%.*f", decimals, shown == 0 ? 0.0 : shown);
			return buf;
		}
	}
	return buf;
}

char *score_share_text(char *buf, size_t len, double share)
{
	char num[32];
	score_number(num, sizeof num, share * 100, 1);
	if (share > 0 && strcmp(num, "0") == 0)
		snprintf(buf, len, "under 0.1%%");
	else
		snprintf(buf, len, "%s%%", num);
	return buf;
}
