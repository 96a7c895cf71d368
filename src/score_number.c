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
