/* score_format_text.c - a scored session for people: the sentences every
 * format shares, and the plain-text report. */
#include "score_format.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_WIDTH 78
#define BAR_WIDTH  40
/* Past this many criteria that cannot change the winner, the text report
 * says so in one line rather than one each. */
#define TEXT_MAX_STEADY 3

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

/* The confidence as a whole percentage, rounded down so it never claims
 * more than was seen: 0.999 is 99%, only 1 is 100%. */
static int percent(double share)
{
	return (int)floor(share * 100 + 1e-9);
}

/* 10000 as "10,000". */
static void thousands(char *buf, size_t len, unsigned v)
{
	char digits[24];
	int n = snprintf(digits, sizeof digits, "%u", v);
	size_t o = 0;
	for (int i = 0; i < n && o + 1 < len; i++) {
		if (i > 0 && (n - i) % 3 == 0 && o + 2 < len)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
}

int score_recommendation_text(const struct criteria *c, const struct result *r, char *buf,
                              size_t len)
{
	char margin[32];
	score_points(margin, sizeof margin, r->margin);
	if (r->winner < 0) {
		char tie[32];
		score_number(tie, sizeof tie, c->strength.tie, 2);
		return snprintf(buf, len,
		                "No recommendation: %s and %s are too close to call (margin %s "
		                "points, under %s).", c->options[r->ranking[0]].name,
		                c->options[r->ranking[1]].name, margin, tie);
	}
	const char *name = c->options[r->winner].name;
	int pct = percent(r->confidence);
	switch (r->strength) {
	case STRENGTH_CLEAR:
		return snprintf(buf, len, "Recommendation: %s, clearly (margin %s points, "
		                "confidence %d%%).", name, margin, pct);
	case STRENGTH_LEANING:
		return snprintf(buf, len, "Recommendation: leaning towards %s (margin %s points, "
		                "confidence %d%%).", name, margin, pct);
	case STRENGTH_TOO_CLOSE:
		break;
	}
	return snprintf(buf, len, "Recommendation: %s, but too close to call (margin %s points, "
	                "confidence %d%%).", name, margin, pct);
}

int score_sensitivity_text(const struct criteria *c, const struct result *r, size_t i,
                           char *buf, size_t len)
{
	const struct criterion *cr = &c->criteria[i];
	const struct sensitivity *se = &r->sensitivity[i];
	if (r->winner < 0)
		return snprintf(buf, len, "%s: the options are level, so any change to its weight "
		                "could tip the balance.", cr->name);
	if (isnan(se->threshold) || se->new_winner < 0)
		return snprintf(buf, len, "No weight of %s on the %d-%d scale changes the winner.",
		                cr->name, c->scale.min, c->scale.max);
	double w = r->weights[i];
	int up = se->threshold > w;
	double shown = score_threshold_shown(r, i);
	char th[32], now[32];
	score_number(th, sizeof th, shown, 1);
	score_number(now, sizeof now, w, 2);
	return snprintf(buf, len, "%s would draw level if %s mattered %s or %s (now %s, %s).",
	                c->options[se->new_winner].name, cr->name, th, up ? "more" : "less", now,
	                criteria_weight_label(c, w));
}

int score_confidence_text(const struct result *r, const struct criteria *c, char *buf,
                          size_t len)
{
	unsigned kept = (unsigned)lround(r->confidence * r->trials);
	char k[24], t[24];
	thousands(k, sizeof k, kept);
	thousands(t, sizeof t, r->trials);
	if (r->winner < 0)
		return snprintf(buf, len, "Confidence: %d%%. With every weight moved at random by up "
		                "to one step either way, the options stayed too close to call in "
		                "%s of %s trials.", percent(r->confidence), k, t);
	return snprintf(buf, len, "Confidence: %d%%. With every weight moved at random by up to "
	                "one step either way, %s stayed ahead in %s of %s trials.",
	                percent(r->confidence), c->options[r->winner].name, k, t);
}

static int sentence(const struct criteria *c, const struct result *r, enum score_sentence kind,
                    size_t i, char *buf, size_t len)
{
	switch (kind) {
	case SCORE_SENTENCE_RECOMMENDATION:
		return score_recommendation_text(c, r, buf, len);
	case SCORE_SENTENCE_REASON:
		return score_reason_text(c, r, i, buf, len);
	case SCORE_SENTENCE_CHANGE:
		return score_sensitivity_text(c, r, i, buf, len);
	case SCORE_SENTENCE_CONFIDENCE:
		return score_confidence_text(r, c, buf, len);
	}
	return -1;
}

char *score_sentence_new(const struct criteria *c, const struct result *r,
                         enum score_sentence kind, size_t i)
{
	int n = sentence(c, r, kind, i, NULL, 0);
	if (n < 0)
		return NULL;
	char *buf = malloc((size_t)n + 1);
	if (buf)
		sentence(c, r, kind, i, buf, (size_t)n + 1);
	return buf;
}

struct by_distance {
	double dist;
	size_t i;
};

static int compare_distance(const void *a, const void *b)
{
	const struct by_distance *x = a, *y = b;
	if (x->dist != y->dist)
		return x->dist < y->dist ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

size_t score_change_order(const struct result *r, size_t *order)
{
	size_t m = r->ncriteria, n = 0;
	struct by_distance *d = malloc((m ? m : 1) * sizeof *d);
	for (size_t i = 0; i < m; i++)
		if (!isnan(r->sensitivity[i].threshold)) {
			if (d)
				d[n] = (struct by_distance){
					fabs(r->sensitivity[i].threshold - r->weights[i]), i };
			else
				order[n] = i;   /* out of memory: the file's order will do */
			n++;
		}
	if (d) {
		qsort(d, n, sizeof *d, compare_distance);
		for (size_t k = 0; k < n; k++)
			order[k] = d[k].i;
		free(d);
	}
	size_t k = n;
	for (size_t i = 0; i < m; i++)
		if (isnan(r->sensitivity[i].threshold))
			order[k++] = i;
	return n;
}

/* ---- plain text ---- */

/* Display columns of UTF-8 text, one per character. */
static size_t columns(const char *s, size_t bytes)
{
	size_t n = 0;
	for (size_t i = 0; i < bytes; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* TEXT wrapped at TEXT_WIDTH columns, the first line after FIRST, the rest
 * after REST (prefixes of the same width). */
static void wrap(FILE *out, const char *first, const char *rest, const char *text)
{
	size_t indent = columns(first, strlen(first));
	size_t col = indent;
	int line_empty = 1;
	fputs(first, out);
	const char *p = text;
	while (*p) {
		while (*p == ' ' || *p == '\n')
			p++;
		if (!*p)
			break;
		size_t bytes = strcspn(p, " \n");
		size_t w = columns(p, bytes);
		if (!line_empty && col + 1 + w > TEXT_WIDTH) {
			fprintf(out, "\n%s", rest);
			col = indent;
			line_empty = 1;
		}
		if (!line_empty) {
			fputc(' ', out);
			col++;
		}
		fwrite(p, 1, bytes, out);
		col += w;
		line_empty = 0;
		p += bytes;
	}
	fputc('\n', out);
}

static void bar(FILE *out, double score, int utf8)
{
	long filled = lround(score / 100 * BAR_WIDTH);
	if (filled < 0)
		filled = 0;
	if (filled > BAR_WIDTH)
		filled = BAR_WIDTH;
	/* U+2588 FULL BLOCK and U+2591 LIGHT SHADE, in UTF-8. */
	const char *full = utf8 ? "\xe2\x96\x88" : "#", *empty = utf8 ? "\xe2\x96\x91" : ".";
	for (long i = 0; i < BAR_WIDTH; i++)
		fputs(i < filled ? full : empty, out);
}

/* Writes sentence KIND (about criterion I) wrapped after FIRST and REST.
 * Returns -1 when memory ran out. */
static int wrap_sentence(FILE *out, const char *first, const char *rest,
                         const struct criteria *c, const struct result *r,
                         enum score_sentence kind, size_t i)
{
	char *text = score_sentence_new(c, r, kind, i);
	if (!text)
		return -1;
	wrap(out, first, rest, text);
	free(text);
	return 0;
}

int score_write_text(FILE *out, const struct criteria *c, const struct session *s,
                     const struct result *r, int utf8)
{
	int failed = 0;
	size_t *order = malloc(r->ncriteria * sizeof *order);
	if (!order)
		return -1;
	fprintf(out, "%s\n", c->title);
	if (s && s->project)
		wrap(out, "Project: ", "  ", s->project);
	if (s && s->respondent)
		wrap(out, "Respondent: ", "  ", s->respondent);
	fputc('\n', out);
	failed |= wrap_sentence(out, "", "", c, r, SCORE_SENTENCE_RECOMMENDATION, 0);
	fputc('\n', out);

	size_t namew = 0;
	for (size_t j = 0; j < r->noptions; j++) {
		size_t w = columns(c->options[j].name, strlen(c->options[j].name));
		if (w > namew)
			namew = w;
	}
	for (size_t k = 0; k < r->noptions; k++) {
		const char *name = c->options[r->ranking[k]].name;
		fprintf(out, "  %s%*s  ", name,
		        (int)(namew - columns(name, strlen(name))), "");
		bar(out, r->scores[r->ranking[k]], utf8);
		fprintf(out, "  %5.1f\n", r->scores[r->ranking[k]]);
	}

	if (r->winner >= 0 && r->nreasons) {
		fprintf(out, "\nWhy %s:\n", c->options[r->winner].name);
		for (size_t k = 0; k < r->nreasons; k++)
			failed |= wrap_sentence(out, "  - ", "    ", c, r, SCORE_SENTENCE_REASON,
			                        r->reasons[k]);
	}

	fputs("\nWhat would change it:\n", out);
	if (r->winner < 0) {
		wrap(out, "  ", "  ", "The options are level, so a small change to any weight "
		     "could tip the balance either way.");
	} else {
		/* Every tipping point, nearest first; the criteria that cannot
		 * change the winner one by one when few, else in one line. */
		size_t tipping = score_change_order(r, order);
		size_t rest = r->ncriteria - tipping;
		size_t upto = rest <= TEXT_MAX_STEADY ? r->ncriteria : tipping;
		for (size_t k = 0; k < upto; k++)
			failed |= wrap_sentence(out, "  - ", "    ", c, r, SCORE_SENTENCE_CHANGE,
			                        order[k]);
		if (upto < r->ncriteria) {
			char line[160];
			if (tipping)
				snprintf(line, sizeof line, "No weight of any of the other %zu criteria "
				         "on the %d-%d scale changes the winner.", rest, c->scale.min,
				         c->scale.max);
			else
				snprintf(line, sizeof line, "No single weight on the %d-%d scale changes "
				         "the winner: it would take changes to several at once.",
				         c->scale.min, c->scale.max);
			wrap(out, "  - ", "    ", line);
		}
	}
	fputc('\n', out);
	failed |= wrap_sentence(out, "", "", c, r, SCORE_SENTENCE_CONFIDENCE, 0);
	free(order);
	return failed || ferror(out) ? -1 : 0;
}

double score_threshold_shown(const struct result *r, size_t i)
{
	/* Rounded away from the current weight, so that at the figure shown the
	 * challenger has drawn level or passed. */
	double t = r->sensitivity[i].threshold;
	if (t > r->weights[i])
		return ceil(t * 10 - 1e-9) / 10;
	return floor(t * 10 + 1e-9) / 10 + 0.0;
}

char *score_points(char *buf, size_t len, double v)
{
	double r = round(v * 10) / 10;
	snprintf(buf, len, "%.1f", r == 0 ? 0.0 : r);  /* never "-0.0" */
	return buf;
}
