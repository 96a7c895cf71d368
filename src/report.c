/* report.c - what every report holds, gathered once for all the formats. */
#include "report.h"

#include <math.h>
#include <nettle/sha2.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "score_format.h"
#include "text.h"
#include "xalloc.h"

const char *report_option_name(const struct report *rep, size_t o)
{
	return o < rep->c->noptions ? rep->c->options[o].name : "?";
}

char *report_utf8_copy(const char *text)
{
	return text ? text_clean_new(text, TEXT_UTF8) : NULL;
}

void report_sha256_hex(const void *data, size_t len, char hex[REPORT_SHA256_HEX])
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	sha256_digest(&ctx, sizeof digest, digest);
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < sizeof digest; i++) {
		hex[2 * i] = digits[digest[i] >> 4];
		hex[2 * i + 1] = digits[digest[i] & 0xf];
	}
	hex[2 * SHA256_DIGEST_SIZE] = '\0';
}

/* The shortest %g form of V that reads back as V. */
static void shortest_number(char *buf, size_t len, double v)
{
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, len, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			return;
	}
}

void report_canonical_answers(const struct criteria *c, const struct session *s,
                              struct strbuf *out)
{
	strbuf_puts(out, REPORT_ANSWERS_FORMAT "\n");
	for (size_t q = 0; q < c->nquestions && q < s->nquestions; q++) {
		int ch = s->choices[q];
		if (ch < 0 || (size_t)ch >= c->questions[q].nchoices)
			continue;
		strbuf_printf(out, "choice\t%s\t%s\n", c->questions[q].id,
		              c->questions[q].choices[ch].id);
	}
	for (size_t k = 0; k < c->ncriteria && k < s->ncriteria; k++) {
		if (!s->weight_set[k])
			continue;
		char num[40];
		shortest_number(num, sizeof num, s->weights[k]);
		strbuf_printf(out, "weight\t%s\t%s\n", c->criteria[k].id, num);
	}
	if (s->weighting != WEIGHTING_PAIRWISE)
		return;
	strbuf_puts(out, "weighting\tpairwise\n");
	for (size_t j = 0; j < s->njudgments; j++) {
		const struct judgment *ju = &s->judgments[j];
		char num[40];
		shortest_number(num, sizeof num, ju->value);
		int groups = ju->level == JUDGE_GROUPS;
		strbuf_printf(out, "pair\t%s\t%s\t%s\t%s\n", groups ? "groups" : "criteria",
		              groups ? score_pair_item_name(c, ju->level, ju->a) : c->criteria[ju->a].id,
		              groups ? score_pair_item_name(c, ju->level, ju->b) : c->criteria[ju->b].id,
		              num);
	}
}

/* The executive summary's strongest reasons: the criteria most in the
 * winner's favour over the runner-up, the first three of the result's
 * reasons (score.c: largest advantage first, the advantage being the
 * criterion's contribution to the winner's score minus its contribution to
 * the runner-up's, that is its weight times the difference of their
 * ratings, over the sum of the weights). None for a tie. */
static void build_strongest(struct report *rep)
{
	const struct result *r = rep->r;
	size_t max = sizeof rep->strongest / sizeof rep->strongest[0];
	rep->nstrongest = 0;
	for (size_t i = 0; r->winner >= 0 && i < r->nreasons && i < max; i++)
		rep->strongest[rep->nstrongest++] = r->reasons[i];
}

/* One line on the method, for the summary. */
static const char *method_note(const struct session *s)
{
	if (s->weighting == WEIGHTING_PAIRWISE)
		return "Method: each option's score out of 100 is the average of its ratings out "
		       "of 10, each criterion counting as much as your comparisons in pairs give "
		       "it; the confidence is how often the winner stays ahead when every weight "
		       "is moved at random by up to one step.";
	return "Method: each option's score out of 100 is the average of its ratings out of 10, "
	       "each criterion counting as much as its weight (from the criteria set, your "
	       "answers and your own weights); the confidence is how often the winner stays "
	       "ahead when every weight is moved at random by up to one step.";
}

/* A new string from a printf format. */
__attribute__((format(printf, 1, 2)))
static char *format_new(const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	char small[1];
	int n = vsnprintf(small, sizeof small, fmt, ap2);
	va_end(ap2);
	size_t len = n < 0 ? 0 : (size_t)n;    /* an encoding error gives "" */
	char *out = xmalloc(len + 1);
	out[0] = '\0';
	if (n > 0)
		vsnprintf(out, len + 1, fmt, ap);
	va_end(ap);
	return out;
}

/* Criterion K's row: where its weight came from and why, the answer that
 * moved it most (score_weights()' biggest cause, kept in the result), its
 * reason and its rating traces. */
static void build_row(struct report *rep, size_t k)
{
	const struct criteria *c = rep->c;
	const struct result *r = rep->r;
	struct report_row *row = &rep->rows[k];
	row->question = r->weight_cause[k];
	row->choice = row->question >= 0 ? r->choices[row->question] : -1;
	if (row->choice < 0)
		row->question = -1;
	switch (r->weight_source[k]) {
	case WEIGHT_DEFAULT:
		row->weight_source = "default";
		break;
	case WEIGHT_PERSON:
		row->weight_source = "person";
		break;
	case WEIGHT_PROFILE:
		row->weight_source = "profile";
		break;
	case WEIGHT_PAIRWISE:
		row->weight_source = "pairwise";
		break;
	}
	row->pairwise = r->weight_source[k] == WEIGHT_PAIRWISE;
	score_share_text(row->share, sizeof row->share, r->weight_shares[k]);
	row->weight_reason = score_sentence_new(c, r, SCORE_SENTENCE_WEIGHT_STORY, k);
	if (row->weight_reason[0] >= 'a' && row->weight_reason[0] <= 'z')
		row->weight_reason[0] = (char)(row->weight_reason[0] - 'a' + 'A');
	row->reason = score_sentence_new(c, r, SCORE_SENTENCE_REASON, k);
	row->rating_traces = xcalloc(r->noptions, sizeof *row->rating_traces);
	for (size_t o = 0; o < r->noptions; o++) {
		int n = score_rating_trace(c, r, k, o, NULL, 0);
		if (n <= 0)
			continue;
		row->rating_traces[o] = xmalloc((size_t)n + 1);
		score_rating_trace(c, r, k, o, row->rating_traces[o], (size_t)n + 1);
	}
}

static void build_changes(struct report *rep)
{
	const struct result *r = rep->r;
	size_t m = r->ncriteria;
	size_t *order = xcalloc(m, sizeof *order);
	rep->changes = xcalloc(m, sizeof *rep->changes);
	size_t moving = score_change_order(r, order);
	for (size_t i = 0; i < moving; i++) {
		size_t k = order[i];
		struct report_change *ch = &rep->changes[rep->nchanges++];
		ch->criterion = k;
		ch->step = r->sensitivity[k].step;
		ch->new_winner = r->sensitivity[k].step_winner;
		ch->text = score_sentence_new(rep->c, r, SCORE_SENTENCE_CHANGE, k);
	}
	free(order);
}

/* A sentence, or NULL when it is empty. */
static char *sentence_or_null(const struct report *rep, enum score_sentence kind, size_t i)
{
	char *text = score_sentence_new(rep->c, rep->r, kind, i);
	if (text && !*text) {
		free(text);
		text = NULL;
	}
	return text;
}

static void build_giveups(struct report *rep)
{
	rep->ngiveups = score_giveups(rep->r, rep->giveup_criteria, SCORE_MAX_GIVEUPS);
	for (size_t i = 0; i < rep->ngiveups; i++)
		rep->giveups[i] = score_sentence_new(rep->c, rep->r, SCORE_SENTENCE_GIVEUP,
		                                     rep->giveup_criteria[i]);
	rep->steady_text = sentence_or_null(rep, SCORE_SENTENCE_STEADY, rep->nchanges);
}

static void build_levers(struct report *rep)
{
	const struct result *r = rep->r;
	size_t nq = rep->c->nquestions;
	rep->unknown_project = sentence_or_null(rep, SCORE_SENTENCE_UNKNOWN_PROJECT, 0);
	rep->top_lever = sentence_or_null(rep, SCORE_SENTENCE_TOP_LEVER, 0);
	rep->lever_headings = xcalloc(nq, sizeof *rep->lever_headings);
	rep->levers = xcalloc(r->nlevers, sizeof *rep->levers);
	for (size_t q = 0; q < nq; q++)
		rep->lever_headings[q] = sentence_or_null(rep, SCORE_SENTENCE_LEVER_QUESTION, q);
	for (size_t l = 0; l < r->nlevers; l++)
		rep->levers[l] = sentence_or_null(rep, SCORE_SENTENCE_LEVER_SHORT, l);
}

static char *summary(const struct report *rep)
{
	const struct criteria *c = rep->c;
	const struct result *r = rep->r;
	size_t first = r->ranking[0], second = r->ranking[1];
	char s1[32], s2[32], margin[32];
	score_points(s1, sizeof s1, r->scores[first]);
	score_points(s2, sizeof s2, r->scores[second]);
	score_margin_points(c, r->margin, margin, sizeof margin);
	const char *a = c->options[first].name, *b = c->options[second].name;
	if (r->winner < 0) {
		char tie[32];
		score_number(tie, sizeof tie, c->strength.tie, 2);
		return format_new("No option comes out ahead: %s scores %s and %s %s, less "
		                  "than %s point%s apart, so it is too close to call.", a, s1, b, s2,
		                  tie, strcmp(tie, "1") ? "s" : "");
	}
	const char *lead;
	switch (r->strength) {
	case STRENGTH_CLEAR:
		lead = "is the clear choice";
		break;
	case STRENGTH_LEANING:
		lead = "is the better fit, though not by much";
		break;
	case STRENGTH_TOO_CLOSE:
	default:
		lead = "is only just ahead, too close to call";
		break;
	}
	return format_new("%s %s: it scores %s out of 100 against %s for %s, a lead of %s "
	                  "points, and %s of slightly different weightings give the same "
	                  "winner.", a, lead, s1, s2, b, margin, rep->confidence_text);
}

/* A session that is not finished has a draft result: its recommendation
 * and summary say so first, in every format. *TEXT is replaced. */
static void mark_draft(char **text, long long id)
{
	char *marked = format_new("Draft (session %lld is not finished, so this may still "
	                          "change): %s", id, *text);
	free(*text);
	*text = marked;
}

/* As a whole percentage rounded down, as the confidence sentence gives it:
 * only 1 is 100%. */
static void confidence_text(char *buf, size_t len, double conf)
{
	snprintf(buf, len, "%d%%", (int)floor(conf * 100 + 1e-9));
}

void report_build(struct report *rep, const struct criteria_source *src,
                  const struct session *s, const struct result *r,
                  const struct stored_session *meta, time_t generated)
{
	memset(rep, 0, sizeof *rep);
	rep->c = src->model;
	rep->s = s;
	rep->r = r;
	rep->generated = generated;
	rep->criteria_text = src->text;
	rep->criteria_len = src->len;
	rep->meta = meta;
	if (meta) {
		rep->session_id = meta->id;
		int done = meta->status == SESSION_COMPLETE;
		rep->status = done ? "complete" : "in-progress";
		rep->status_text = done ? "complete" : "in progress";
		rep->created = meta->created;
		rep->updated = meta->updated;
	} else {
		rep->status = "not-saved";
		rep->status_text = "not saved";
	}
	switch (r->winner < 0 ? STRENGTH_TOO_CLOSE : r->strength) {
	case STRENGTH_CLEAR:
		rep->strength_text = "Clear";
		break;
	case STRENGTH_LEANING:
		rep->strength_text = "Leaning";
		break;
	case STRENGTH_TOO_CLOSE:
	default:
		rep->strength_text = "Too close to call";
		break;
	}
	confidence_text(rep->confidence_text, sizeof rep->confidence_text, r->confidence);

	rep->criteria_source = report_utf8_copy(meta && meta->criteria_name ? meta->criteria_name
	                                        : src->name ? src->name : "");
	rep->project = report_utf8_copy(s->project);
	rep->respondent = report_utf8_copy(s->respondent);
	rep->notes = report_utf8_copy(s->notes);
	rep->recommendation = score_sentence_new(rep->c, r, SCORE_SENTENCE_RECOMMENDATION, 0);
	rep->confidence_sentence = score_sentence_new(rep->c, r, SCORE_SENTENCE_CONFIDENCE, 0);
	rep->summary = summary(rep);
	if (meta && meta->status != SESSION_COMPLETE) {
		mark_draft(&rep->recommendation, meta->id);
		mark_draft(&rep->summary, meta->id);
	}
	if (meta) {
		/* Where it came from, and the decision beside this advice. */
		rep->origin = report_utf8_copy(meta->origin);
		rep->imported = meta->origin ? meta->imported : 0;
		rep->decision = score_latest_decision(meta, &rep->review);
	}
	if (rep->decision) {
		rep->decision_differs = score_decision_differs(rep->c, r, rep->decision);
		char *text = score_decision_text_new(rep->c, r, rep->decision);
		rep->decision_text = report_utf8_copy(text);
		free(text);
	}
	size_t m = rep->c->ncriteria;
	rep->rows = xcalloc(m, sizeof *rep->rows);
	for (size_t k = 0; k < m; k++)
		build_row(rep, k);
	build_changes(rep);
	build_giveups(rep);
	build_levers(rep);
	rep->methods_text = score_sentence_new(rep->c, r, SCORE_SENTENCE_METHODS, 0);
	score_pairwise_lines(rep->c, r, &rep->pairwise_lines);
	score_given_lines(rep->c, s, &rep->given_lines);
	rep->warning = sentence_or_null(rep, SCORE_SENTENCE_INCONSISTENT, 0);
	build_strongest(rep);
	rep->method_note = xstrdup(method_note(s));

	struct strbuf canon;
	strbuf_init(&canon);
	report_canonical_answers(rep->c, s, &canon);
	rep->answers_canonical = strbuf_take(&canon, NULL);
	report_sha256_hex(src->text, src->len, rep->criteria_sha256);
	report_sha256_hex(rep->answers_canonical, strlen(rep->answers_canonical),
	                  rep->answers_sha256);
}

void report_free(struct report *rep)
{
	if (rep->rows)
		for (size_t k = 0; k < rep->c->ncriteria; k++) {
			free(rep->rows[k].weight_reason);
			free(rep->rows[k].reason);
			if (rep->rows[k].rating_traces)
				for (size_t o = 0; o < rep->c->noptions; o++)
					free(rep->rows[k].rating_traces[o]);
			free(rep->rows[k].rating_traces);
		}
	free(rep->rows);
	if (rep->changes)
		for (size_t i = 0; i < rep->nchanges; i++)
			free(rep->changes[i].text);
	free(rep->changes);
	free(rep->steady_text);
	for (size_t i = 0; i < rep->ngiveups; i++)
		free(rep->giveups[i]);
	free(rep->unknown_project);
	free(rep->top_lever);
	if (rep->lever_headings)
		for (size_t q = 0; q < rep->c->nquestions; q++)
			free(rep->lever_headings[q]);
	free(rep->lever_headings);
	if (rep->levers)
		for (size_t l = 0; l < rep->r->nlevers; l++)
			free(rep->levers[l]);
	free(rep->levers);
	free(rep->criteria_source);
	free(rep->project);
	free(rep->respondent);
	free(rep->notes);
	free(rep->recommendation);
	free(rep->summary);
	free(rep->confidence_sentence);
	free(rep->answers_canonical);
	free(rep->methods_text);
	score_lines_free(&rep->pairwise_lines);
	score_lines_free(&rep->given_lines);
	free(rep->warning);
	free(rep->origin);
	free(rep->decision_text);
	free(rep->prepared_by);
	free(rep->prepared_for);
	free(rep->logo_png);
	free(rep->method_note);
	memset(rep, 0, sizeof *rep);
}
