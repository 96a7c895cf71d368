/* score_format_md.c - a scored session as a Markdown report. */
#include "score_format.h"

#include <stdlib.h>
#include <string.h>

/* TEXT with Markdown's special characters escaped, so that names and notes
 * print as written. In a table cell (CELL) line breaks become spaces. */
static void md_text(FILE *out, const char *text, int cell)
{
	for (const char *p = text; *p; p++) {
		if (*p == '\n') {
			fputs(cell ? " " : "  \n", out);    /* two spaces: a hard break */
			continue;
		}
		if (strchr("\\`*_[]<>|#!~&", *p))
			fputc('\\', out);
		fputc(*p, out);
	}
}

static void md_item(FILE *out, const char *label, const char *text)
{
	fprintf(out, "- **%s:** ", label);
	md_text(out, text, 0);
	fputc('\n', out);
}

static const char *source_name(enum weight_source src)
{
	switch (src) {
	case WEIGHT_DEFAULT:
		return "default";
	case WEIGHT_PROFILE:
		return "profile";
	case WEIGHT_PERSON:
		return "you";
	}
	return "default";
}

static void md_answers(FILE *out, const struct criteria *c, const struct session *s,
                       const struct result *r)
{
	int any = 0;
	for (size_t q = 0; s && q < c->nquestions && q < s->nquestions; q++) {
		int ch = s->choices[q];
		if (ch < 0 || (size_t)ch >= c->questions[q].nchoices)
			continue;
		if (!any++)
			fputs("\n## Answers\n\n", out);
		fputs("- ", out);
		md_text(out, c->questions[q].prompt, 0);
		fputs(" **", out);
		md_text(out, c->questions[q].choices[ch].label, 0);
		fputs("**\n", out);
	}
	for (size_t i = 0; i < r->ncriteria; i++) {
		if (r->weight_source[i] != WEIGHT_PERSON)
			continue;
		if (!any++)
			fputs("\n## Answers\n\n", out);
		char w[32];
		fputs("- ", out);
		md_text(out, c->criteria[i].name, 0);
		fprintf(out, ": weight **%s** (", score_number(w, sizeof w, r->weights[i], 2));
		md_text(out, criteria_weight_label(c, r->weights[i]), 0);
		fputs(")\n", out);
	}
}

static void md_breakdown(FILE *out, const struct criteria *c, const struct result *r)
{
	size_t n = r->noptions;
	fputs("\n## Breakdown\n\n"
	      "Each option's cell gives its rating out of 10 on the criterion, then the "
	      "points that criterion adds to its score. The weight was set by the criteria "
	      "file (default), moved by a profile answer (profile), or set by you.\n\n"
	      "| Criterion | Weight | Set by |", out);
	for (size_t j = 0; j < n; j++) {
		fputc(' ', out);
		md_text(out, c->options[j].name, 1);
		fputs(" |", out);
	}
	fputs("\n|---|---|---|", out);
	for (size_t j = 0; j < n; j++)
		fputs("---:|", out);
	fputc('\n', out);
	for (size_t i = 0; i < r->ncriteria; i++) {
		char w[32], rating[32], pts[32];
		fputs("| ", out);
		md_text(out, c->criteria[i].name, 1);
		fprintf(out, " | %s (", score_number(w, sizeof w, r->weights[i], 2));
		md_text(out, criteria_weight_label(c, r->weights[i]), 1);
		fprintf(out, ") | %s |", source_name(r->weight_source[i]));
		for (size_t j = 0; j < n; j++)
			fprintf(out, " %s (%s) |",
			        score_number(rating, sizeof rating, r->ratings[i * n + j], 2),
			        score_number(pts, sizeof pts, r->contributions[i * n + j], 2));
		fputc('\n', out);
	}
	fputs("| **Score** | | |", out);
	for (size_t j = 0; j < n; j++) {
		char sc[32];
		fprintf(out, " **%s** |", score_number(sc, sizeof sc, r->scores[j], 2));
	}
	fputc('\n', out);
}

/* Writes sentence KIND (about criterion I) as Markdown text, in a table
 * cell or list item when CELL. Returns -1 when memory ran out. */
static int md_sentence(FILE *out, const struct criteria *c, const struct result *r,
                       enum score_sentence kind, size_t i, int cell)
{
	char *text = score_sentence_new(c, r, kind, i);
	if (!text)
		return -1;
	md_text(out, text, cell);
	free(text);
	return 0;
}

int score_write_md(FILE *out, const struct criteria *c, const struct session *s,
                   const struct result *r)
{
	int failed = 0;
	size_t *order = malloc(r->ncriteria * sizeof *order);
	if (!order)
		return -1;
	fputs("# ", out);
	md_text(out, c->title, 1);
	fputs("\n\n", out);
	md_item(out, "Criteria", c->id);
	if (s && s->project)
		md_item(out, "Project", s->project);
	if (s && s->respondent)
		md_item(out, "Respondent", s->respondent);

	fputs("\n## Recommendation\n\n", out);
	failed |= md_sentence(out, c, r, SCORE_SENTENCE_RECOMMENDATION, 0, 0);
	fputs("\n\n| Rank | Option | Score |\n|---:|---|---:|\n", out);
	for (size_t k = 0; k < r->noptions; k++) {
		char sc[32];
		fprintf(out, "| %zu | ", k + 1);
		md_text(out, c->options[r->ranking[k]].name, 1);
		fprintf(out, " | %s |\n", score_number(sc, sizeof sc, r->scores[r->ranking[k]], 2));
	}

	if (r->winner >= 0 && r->nreasons) {
		fputs("\n## Why ", out);
		md_text(out, c->options[r->winner].name, 1);
		fputs("\n\n", out);
		for (size_t k = 0; k < r->nreasons; k++) {
			fputs("- ", out);
			failed |= md_sentence(out, c, r, SCORE_SENTENCE_REASON, r->reasons[k], 1);
			fputc('\n', out);
		}
	}

	fputs("\n## What would change it\n\n", out);
	if (r->winner < 0) {
		fputs("The options are level, so a small change to any weight could tip the "
		      "balance either way.\n", out);
	} else {
		score_change_order(r, order);
		for (size_t k = 0; k < r->ncriteria; k++) {
			fputs("- ", out);
			failed |= md_sentence(out, c, r, SCORE_SENTENCE_CHANGE, order[k], 1);
			fputc('\n', out);
		}
	}

	fputs("\n## Confidence\n\n", out);
	failed |= md_sentence(out, c, r, SCORE_SENTENCE_CONFIDENCE, 0, 0);
	fputc('\n', out);

	md_answers(out, c, s, r);
	if (s && s->notes) {
		fputs("\n## Notes\n\n", out);
		md_text(out, s->notes, 0);
		fputc('\n', out);
	}
	md_breakdown(out, c, r);
	free(order);
	return failed || ferror(out) ? -1 : 0;
}
