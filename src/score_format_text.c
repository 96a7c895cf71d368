/* score_format_text.c - a scored session for people: the sentences every
 * format shares, and the plain-text report. */
#include "score_format.h"
#include "strbuf.h"
#include "text_print.h"
#include "xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_WIDTH 78
#define BAR_WIDTH  40
/* Past this many criteria that cannot change the winner, the text report
 * says so in one line rather than one each. */
#define TEXT_MAX_STEADY 3

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

char *score_margin_points(const struct criteria *c, double margin, char *buf, size_t len)
{
	const double at[] = { c->strength.tie, c->strength.leaning, c->strength.clear };
	return score_points_beside(buf, len, margin, at, sizeof at / sizeof at[0]);
}

int score_recommendation_text(const struct criteria *c, const struct result *r, char *buf,
                              size_t len)
{
	char margin[32];
	score_margin_points(c, r->margin, margin, sizeof margin);
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

/* A weight in the scale's words: "Critical (5)", or "2.5 (Moderate)" off
 * the whole steps; a scale labelled with its numbers says just "5". */
static void weight_words(struct strbuf *sb, const struct criteria *c, double w)
{
	char num[32];
	score_number(num, sizeof num, w, 2);
	const char *label = criteria_weight_label(c, w);
	if (strcmp(label, num) == 0)
		strbuf_puts(sb, num);
	else if (fabs(w - round(w)) < 1e-9)
		strbuf_printf(sb, "%s (%s)", label, num);
	else
		strbuf_printf(sb, "%s (%s)", num, label);
}

int score_sensitivity_text(const struct criteria *c, const struct result *r, size_t i,
                           char *buf, size_t len)
{
	const struct criterion *cr = &c->criteria[i];
	const struct sensitivity *se = &r->sensitivity[i];
	struct strbuf sb;
	strbuf_init(&sb);
	if (isnan(se->step)) {
		strbuf_printf(&sb, "No weight of %s on the %d-%d scale changes the %s.", cr->name,
		              c->scale.min, c->scale.max, r->winner >= 0 ? "winner" : "tie");
		return strbuf_copy_out(&sb, buf, len);
	}
	if (se->step_winner < 0)
		strbuf_printf(&sb, "It would be too close to call, with no winner, if %s were ",
		              cr->name);
	else if (se->step_strength == STRENGTH_TOO_CLOSE)
		strbuf_printf(&sb, "%s would edge ahead, too close to call, if %s were ",
		              c->options[se->step_winner].name, cr->name);
	else
		strbuf_printf(&sb, "%s would win if %s were ", c->options[se->step_winner].name,
		              cr->name);
	if (r->weight_source[i] == WEIGHT_PAIRWISE) {
		/* Weighed in pairs: the share of the whole weight it would take. */
		double rest = r->total_weight - r->weights[i];
		double then = se->step + rest > 0 ? se->step / (se->step + rest) : 0;
		char sthen[32], snow[32];
		strbuf_printf(&sb, "%s of the weight instead of %s (compare it %s with the "
		              "others).", score_share_text(sthen, sizeof sthen, then),
		              score_share_text(snow, sizeof snow, r->weight_shares[i]),
		              se->step > r->weights[i] ? "higher" : "lower");
		return strbuf_copy_out(&sb, buf, len);
	}
	weight_words(&sb, c, se->step);
	strbuf_puts(&sb, " instead of ");
	weight_words(&sb, c, r->weights[i]);
	strbuf_puts(&sb, ".");
	return strbuf_copy_out(&sb, buf, len);
}

int score_steady_text(const struct criteria *c, const struct result *r, size_t shown,
                      char *buf, size_t len)
{
	size_t rest = r->ncriteria - shown;
	int lo = c->scale.min, hi = c->scale.max;
	const char *what = r->winner >= 0 ? "winner" : "tie";
	struct strbuf sb;
	strbuf_init(&sb);
	if (r->dominant) {
		const char *winner = c->options[r->winner].name;
		const char *other = r->noptions == 2 ? c->options[r->ranking[1]].name
		                                     : "another option";
		if (r->rating_dominant)
			strbuf_printf(&sb, "%s is rated at least as high as %s on every criterion, so "
			              "no change of weights can put %s ahead.", winner,
			              r->noptions == 2 ? other : "every other option", other);
		else
			strbuf_printf(&sb, "No change of weights on the %d-%d scale can put %s ahead "
			              "of %s.", lo, hi, other, winner);
	} else if (rest && !shown && r->pairwise) {
		/* Weighed in pairs: the steps tried run from nothing up to the
		 * weight of the person's most important criterion. */
		strbuf_printf(&sb, "No single criterion, moved alone anywhere from no weight to "
		              "the weight of your most important one, changes the %s: it would "
		              "take changes to several at once.", what);
	} else if (rest && !shown) {
		strbuf_printf(&sb, "No single weight on the %d-%d scale changes the %s: it would "
		              "take changes to several at once.", lo, hi, what);
	} else if (rest == 1) {
		if (r->pairwise)
			strbuf_printf(&sb, "No weight of the other criterion, up to that of your most "
			              "important one, changes the %s.", what);
		else
			strbuf_printf(&sb, "No weight of the other criterion on the %d-%d scale "
			              "changes the %s.", lo, hi, what);
	} else if (rest) {
		if (r->pairwise)
			strbuf_printf(&sb, "No weight of any of the other %zu criteria, up to that of "
			              "your most important one, changes the %s.", rest, what);
		else
			strbuf_printf(&sb, "No weight of any of the other %zu criteria on the %d-%d "
			              "scale changes the %s.", rest, lo, hi, what);
	}
	return strbuf_copy_out(&sb, buf, len);
}

/* "Python, clearly, by 12.0 points", "Python, leaning, by 3.2 points",
 * "Python by 1.0 points, too close to call", "no winner, too close to call
 * (margin 0.3 points)". */
void score_outcome_text(struct strbuf *sb, const struct criteria *c, const struct lever *lv)
{
	char m[32];
	score_margin_points(c, lv->margin, m, sizeof m);
	if (lv->winner < 0) {
		strbuf_printf(sb, "no winner, too close to call (margin %s points)", m);
		return;
	}
	const char *name = c->options[lv->winner].name;
	switch (lv->strength) {
	case STRENGTH_CLEAR:
		strbuf_printf(sb, "%s, clearly, by %s points", name, m);
		return;
	case STRENGTH_LEANING:
		strbuf_printf(sb, "%s, leaning, by %s points", name, m);
		return;
	case STRENGTH_TOO_CLOSE:
		break;
	}
	strbuf_printf(sb, "%s by %s points, too close to call", name, m);
}

int score_lever_short_text(const struct criteria *c, const struct result *r, size_t l,
                           char *buf, size_t len)
{
	if (l >= r->nlevers)
		return -1;
	const struct lever *lv = &r->levers[l];
	const struct question *q = &c->questions[lv->question];
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_printf(&sb, "\u201c%s\u201d: ", criteria_choice_name(&q->choices[lv->choice]));
	score_outcome_text(&sb, c, lv);
	strbuf_puts(&sb, ".");
	return strbuf_copy_out(&sb, buf, len);
}

int score_lever_question_text(const struct criteria *c, const struct result *r, size_t q,
                              char *buf, size_t len)
{
	if (q >= c->nquestions)
		return -1;
	const struct question *qu = &c->questions[q];
	int cur = q < r->nquestions ? r->choices[q] : -1;
	struct strbuf sb;
	strbuf_init(&sb);
	if (cur < 0)
		strbuf_printf(&sb, "%s (not answered):", criteria_question_name(qu));
	else
		strbuf_printf(&sb, "%s (now \u201c%s\u201d):", criteria_question_name(qu),
		              criteria_choice_name(&qu->choices[cur]));
	return strbuf_copy_out(&sb, buf, len);
}

int score_top_lever_text(const struct criteria *c, const struct result *r, char *buf,
                         size_t len)
{
	struct strbuf sb;
	strbuf_init(&sb);
	if (r->top_lever >= 0) {
		const struct lever *lv = &r->levers[r->top_lever];
		const struct question *q = &c->questions[lv->question];
		strbuf_printf(&sb, "%s: with \u201c%s\u201d for %s, the result would be ",
		              r->choices[lv->question] < 0
		              ? "Not answered yet, and the answer that could change it most"
		              : "The answer that could change it most",
		              criteria_choice_name(&q->choices[lv->choice]), criteria_question_name(q));
		score_outcome_text(&sb, c, lv);
		strbuf_puts(&sb, ".");
	}
	return strbuf_copy_out(&sb, buf, len);
}

int score_unknown_project_text(const struct criteria *c, const struct result *r, char *buf,
                               size_t len)
{
	if (r->answered || !c->nquestions) {
		if (buf && len)
			buf[0] = '\0';
		return 0;
	}
	return snprintf(buf, len, "Nothing about your project is known yet: the questions about "
	                "it were not answered, so this weighs only each option's general "
	                "strengths%s.", r->winner >= 0 && r->strength != STRENGTH_CLEAR
	                ? ", and a lead this small says little" : "");
}

/* "normally 3; +1 Kind of product: Online shop" from CAUSES, the default
 * DEF and the weight they give, NOW. */
static int story(const struct criteria *c, const struct weight_causes *causes, double def,
                 double now, char *buf, size_t len)
{
	char d[32], w[32];
	score_number(d, sizeof d, def, 2);
	score_number(w, sizeof w, now, 2);
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_printf(&sb, "normally %s", d);
	double sum = def;
	for (size_t k = 0; k < causes->count; k++) {
		const struct cause *cause = &causes->items[k];
		const struct question *q = &c->questions[cause->question];
		score_number(d, sizeof d, fabs(cause->delta), 2);
		strbuf_printf(&sb, "; %s%s %s: %s", cause->delta < 0 ? "-" : "+", d,
		              criteria_question_name(q), criteria_choice_name(&q->choices[cause->choice]));
		sum += cause->delta;
	}
	if (fabs(sum - now) > 1e-9)
		strbuf_printf(&sb, "; %s at %s", sum > now ? "capped" : "floored", w);
	return strbuf_copy_out(&sb, buf, len);
}

int score_weight_story(const struct criteria *c, const struct result *r, size_t i, char *buf,
                       size_t len)
{
	if (r->weight_source[i] == WEIGHT_PAIRWISE) {
		if (!(r->weights[i] > 0))
			return snprintf(buf, len, "left out of your comparisons, so it counts for "
			                "nothing");
		char share[32];
		score_share_text(share, sizeof share, r->weight_shares ? r->weight_shares[i]
		                 : r->weights[i] / r->total_weight);
		return snprintf(buf, len, "from your comparisons: %s of the whole weight", share);
	}
	if (r->weight_source[i] == WEIGHT_PERSON) {
		char now[32], def[32], answered[32];
		double by_answers = score_answers_weight(c, r, i, NULL);
		score_number(def, sizeof def, c->criteria[i].default_weight, 2);
		score_number(now, sizeof now, r->weights[i], 2);
		score_number(answered, sizeof answered, by_answers, 2);
		if (by_answers != c->criteria[i].default_weight)
			return snprintf(buf, len, "set by you to %s (normally %s; %s with your answers)",
			                now, def, answered);
		return snprintf(buf, len, "set by you to %s (normally %s)", now, def);
	}
	struct weight_causes causes;
	score_answers_weight(c, r, i, &causes);
	int ret = story(c, &causes, c->criteria[i].default_weight, r->weights[i], buf, len);
	weight_causes_free(&causes);
	return ret;
}

int score_default_story(const struct criteria *c, const struct session *s, size_t i,
                        double now, char *buf, size_t len)
{
	struct weight_causes causes;
	score_profile_weight(c, s, i, &causes);
	int ret = story(c, &causes, c->criteria[i].default_weight, now, buf, len);
	weight_causes_free(&causes);
	return ret;
}

int score_rating_story(const struct criteria *c, const struct session *s, size_t i, char *buf,
                       size_t len)
{
	struct cause causes[CRITERIA_MAX_OPTIONS];
	size_t n = score_profile_rating_causes(c, s, i, causes, CRITERIA_MAX_OPTIONS);
	struct strbuf sb;
	strbuf_init(&sb);
	/* Options in order, each answer named once after the ratings it set. */
	for (size_t k = 0; k < n; k++) {
		strbuf_printf(&sb, "%s%s rates %g instead of %g", k == 0 ? "For your project, " :
		              causes[k].question == causes[k - 1].question ? " and " : "; ",
		              c->options[causes[k].option].name, causes[k].to, causes[k].from);
		if (k + 1 == n || causes[k + 1].question != causes[k].question) {
			const struct question *q = &c->questions[causes[k].question];
			strbuf_printf(&sb, ", for your answer \u201c%s\u201d",
			              criteria_choice_name(&q->choices[causes[k].choice]));
		}
	}
	if (n)
		strbuf_puts(&sb, ".");
	return strbuf_copy_out(&sb, buf, len);
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
	case SCORE_SENTENCE_GIVEUP:
		return score_giveup_text(c, r, i, buf, len);
	case SCORE_SENTENCE_STEADY:
		return score_steady_text(c, r, i, buf, len);
	case SCORE_SENTENCE_LEVER_SHORT:
		return score_lever_short_text(c, r, i, buf, len);
	case SCORE_SENTENCE_LEVER_QUESTION:
		return score_lever_question_text(c, r, i, buf, len);
	case SCORE_SENTENCE_TOP_LEVER:
		return score_top_lever_text(c, r, buf, len);
	case SCORE_SENTENCE_UNKNOWN_PROJECT:
		return score_unknown_project_text(c, r, buf, len);
	case SCORE_SENTENCE_WEIGHT_STORY:
		return score_weight_story(c, r, i, buf, len);
	case SCORE_SENTENCE_METHODS:
		return score_methods_text(c, r, buf, len);
	case SCORE_SENTENCE_INCONSISTENT:
		return score_inconsistent_text(c, r, buf, len);
	}
	return -1;
}

char *score_default_story_new(const struct criteria *c, const struct session *s, size_t i,
                              double now)
{
	int n = score_default_story(c, s, i, now, NULL, 0);
	char *buf = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	buf[0] = '\0';
	if (n > 0)
		score_default_story(c, s, i, now, buf, (size_t)n + 1);
	return buf;
}

char *score_rating_story_new(const struct criteria *c, const struct session *s, size_t i)
{
	int n = score_rating_story(c, s, i, NULL, 0);
	char *buf = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	buf[0] = '\0';
	if (n > 0)
		score_rating_story(c, s, i, buf, (size_t)n + 1);
	return buf;
}

char *score_sentence_new(const struct criteria *c, const struct result *r,
                         enum score_sentence kind, size_t i)
{
	int n = sentence(c, r, kind, i, NULL, 0);
	if (n < 0)
		return NULL;
	char *buf = xmalloc((size_t)n + 1);
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
	struct by_distance *d = xcalloc(m, sizeof *d);
	for (size_t i = 0; i < m; i++)
		if (!isnan(r->sensitivity[i].step))
			d[n++] = (struct by_distance){ fabs(r->sensitivity[i].step - r->weights[i]), i };
	qsort(d, n, sizeof *d, compare_distance);
	for (size_t k = 0; k < n; k++)
		order[k] = d[k].i;
	free(d);
	size_t k = n;
	for (size_t i = 0; i < m; i++)
		if (isnan(r->sensitivity[i].step))
			order[k++] = i;
	return n;
}

/* ---- plain text ---- */

/* Display columns of BYTES of UTF-8 text S. */
static size_t columns(const char *s, size_t bytes)
{
	return (size_t)text_utf8_width(s, bytes);
}

/* The display columns of untrusted text S once cleaned for the terminal. */
static size_t clean_columns(const char *s)
{
	char *t = text_clean_new(s, TEXT_LINE);
	size_t n = columns(t, strlen(t));
	free(t);
	return n;
}

/* RAW wrapped at TEXT_WIDTH columns, the first line after FIRST, the rest
 * after REST (prefixes of the same width). RAW is cleaned for the terminal
 * first (text.h): its line breaks become spaces and its controls visible
 * escapes. */
static void wrap(FILE *out, const char *first, const char *rest, const char *raw)
{
	char *text = text_clean_new(raw, TEXT_LINE);
	size_t indent = columns(first, strlen(first));
	size_t col = indent;
	int line_empty = 1;
	fputs(first, out);
	const char *p = text;
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		size_t bytes = strcspn(p, " ");
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
	free(text);
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

/* Writes sentence KIND (about criterion I) wrapped after FIRST and REST. */
static void wrap_sentence(FILE *out, const char *first, const char *rest,
                          const struct criteria *c, const struct result *r,
                          enum score_sentence kind, size_t i)
{
	char *text = score_sentence_new(c, r, kind, i);
	wrap(out, first, rest, text);
	free(text);
}

int score_write_text(FILE *out, const struct criteria *c, const struct session *s,
                     const struct result *r, int utf8)
{
	size_t *order = xcalloc(r->ncriteria, sizeof *order);
	text_printf(out, "%s\n", c->title);
	if (s && s->project)
		wrap(out, "Project: ", "  ", s->project);
	if (s && s->respondent)
		wrap(out, "Respondent: ", "  ", s->respondent);
	fputc('\n', out);
	wrap_sentence(out, "", "", c, r, SCORE_SENTENCE_RECOMMENDATION, 0);
	char *warning = score_sentence_new(c, r, SCORE_SENTENCE_INCONSISTENT, 0);
	if (*warning)
		wrap(out, "", "", warning);
	free(warning);
	if (!r->answered && c->nquestions)
		wrap_sentence(out, "", "", c, r, SCORE_SENTENCE_UNKNOWN_PROJECT, 0);
	fputc('\n', out);

	size_t namew = 0;
	for (size_t j = 0; j < r->noptions; j++) {
		size_t w = clean_columns(c->options[j].name);
		if (w > namew)
			namew = w;
	}
	for (size_t k = 0; k < r->noptions; k++) {
		/* text_printf() pads by display columns. */
		text_printf(out, "  %-*s  ", (int)namew, c->options[r->ranking[k]].name);
		bar(out, r->scores[r->ranking[k]], utf8);
		fprintf(out, "  %5.1f\n", r->scores[r->ranking[k]]);
	}

	struct score_lines pairs;
	score_pairwise_lines(c, r, &pairs);
	if (pairs.count) {
		fputs("\nYour comparisons in pairs:\n", out);
		for (size_t k = 0; k < pairs.count; k++)
			wrap(out, "  - ", "    ", pairs.items[k]);
	}
	score_lines_free(&pairs);

	if (r->winner >= 0 && r->nreasons) {
		text_printf(out, "\nWhy %s:\n", c->options[r->winner].name);
		for (size_t k = 0; k < r->nreasons; k++)
			wrap_sentence(out, "  - ", "    ", c, r, SCORE_SENTENCE_REASON, r->reasons[k]);
	}
	size_t giveups = score_giveups(r, order, SCORE_MAX_GIVEUPS);
	if (giveups) {
		text_printf(out, "\nWhat you give up with %s:\n", c->options[r->winner].name);
		for (size_t k = 0; k < giveups; k++)
			wrap_sentence(out, "  - ", "    ", c, r, SCORE_SENTENCE_GIVEUP, order[k]);
	}

	fputs("\nWhat would change it:\n", out);
	size_t tipping = score_change_order(r, order);
	for (size_t k = 0; k < tipping; k++)
		wrap_sentence(out, "  - ", "    ", c, r, SCORE_SENTENCE_CHANGE, order[k]);
	/* The criteria that cannot change the result one by one when few,
	 * else in one line. */
	size_t rest = r->ncriteria - tipping;
	size_t shown = tipping;
	if (rest <= TEXT_MAX_STEADY && !r->dominant && tipping) {
		for (size_t k = tipping; k < r->ncriteria; k++)
			wrap_sentence(out, "  - ", "    ", c, r, SCORE_SENTENCE_CHANGE, order[k]);
		shown = r->ncriteria;
	}
	char *steady = score_sentence_new(c, r, SCORE_SENTENCE_STEADY, shown);
	if (*steady)
		wrap(out, "  - ", "    ", steady);
	free(steady);

	if (r->nlevers) {
		fputs("\nIf you answered differently:\n", out);
		if (r->top_lever >= 0)
			wrap_sentence(out, "  ", "  ", c, r, SCORE_SENTENCE_TOP_LEVER, 0);
		for (size_t l = 0; l < r->nlevers; l++) {
			if (l == 0 || r->levers[l].question != r->levers[l - 1].question)
				wrap_sentence(out, "  ", "  ", c, r, SCORE_SENTENCE_LEVER_QUESTION,
				              r->levers[l].question);
			wrap_sentence(out, "  - ", "    ", c, r, SCORE_SENTENCE_LEVER_SHORT, l);
		}
	}
	fputc('\n', out);
	wrap_sentence(out, "", "", c, r, SCORE_SENTENCE_METHODS, 0);
	fputc('\n', out);
	wrap_sentence(out, "", "", c, r, SCORE_SENTENCE_CONFIDENCE, 0);
	free(order);
	return ferror(out) ? -1 : 0;
}
