/* team_report.c - the group view in words (team_report.h): the sentences
 * every format shares, and the text `verdict team` prints. */
#include "team_report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dbfile.h"
#include "export.h"
#include "files.h"
#include "score_format.h"
#include "score_number.h"
#include "text.h"
#include "xalloc.h"

#define TEXT_WIDTH 78
#define BAR_WIDTH 40

const char *team_weighting_key(const struct session *s)
{
	return s->weighting == WEIGHTING_PAIRWISE ? "pairwise" : "ratings";
}

int team_format_parse(const char *name, enum team_format *out)
{
	if (strcmp(name, "text") == 0)
		*out = TEAM_FORMAT_TEXT;
	else if (strcmp(name, "json") == 0)
		*out = TEAM_FORMAT_JSON;
	else if (strcmp(name, "md") == 0 || strcmp(name, "markdown") == 0)
		*out = TEAM_FORMAT_MD;
	else if (strcmp(name, "html") == 0)
		*out = TEAM_FORMAT_HTML;
	else
		return -1;
	return 0;
}

/* A respondent's name for people: the one given, else "session N". */
static char *member_name(const struct team_member *m)
{
	if (m->respondent && *m->respondent)
		return report_utf8_copy(m->respondent);
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_printf(&sb, "session %lld", m->id);
	return strbuf_take(&sb, NULL);
}

/* "Ana", "Ana and Ben", "Ana, Ben and Cy" for the respondents WHO[0..N). */
static void name_list(struct strbuf *sb, const struct team_report *rep, const size_t *who,
                      size_t n)
{
	for (size_t j = 0; j < n; j++) {
		if (j)
			strbuf_puts(sb, j + 1 == n ? " and " : ", ");
		strbuf_puts(sb, rep->names[who[j]]);
	}
}

static char *recommendation(const struct criteria *c, const struct result *r)
{
	char buf[512];
	score_recommendation_text(c, r, buf, sizeof buf);
	static const char prefix[] = "Recommendation: ";
	struct strbuf sb;
	strbuf_init(&sb);
	if (strncmp(buf, prefix, sizeof prefix - 1) == 0)
		strbuf_printf(&sb, "Group recommendation: %s", buf + sizeof prefix - 1);
	else
		strbuf_printf(&sb, "For the group: %s", buf);
	return strbuf_take(&sb, NULL);
}

static char *method_text(const struct team_report *rep)
{
	const struct team_result *t = rep->t;
	struct strbuf sb;
	strbuf_init(&sb);
	if (t->method == TEAM_AIJ) {
		char cr[32];
		score_number(cr, sizeof cr, t->group_cr, 2);
		strbuf_printf(&sb, "Group weights: from the geometric mean of the %zu respondents' "
		              "comparisons, pair by pair (AIJ). The group's consistency ratio is "
		              "%s", t->nrespondents, cr);
		if (t->group_cr > AHP_CR_LIMIT)
			strbuf_puts(&sb, ", above 0.10: taken together, the group's comparisons "
			            "contradict each other.");
		else
			strbuf_puts(&sb, ".");
	} else {
		int some_pairs = 0;
		for (size_t k = 0; k < rep->n; k++)
			some_pairs |= rep->s[k]->weighting == WEIGHTING_PAIRWISE;
		strbuf_printf(&sb, "Group weights: the mean of the %zu respondents' weights, "
		              "criterion by criterion.", t->nrespondents);
		if (some_pairs)
			strbuf_puts(&sb, " Not everyone compared the criteria in pairs, so the weights "
			            "of those who did are taken as they come out on the scale, the "
			            "most important at the top.");
	}
	return strbuf_take(&sb, NULL);
}

/* A share 0..1 as a whole percentage, rounded down (as the confidence). */
static int whole_percent(double v)
{
	return (int)floor(v * 100 + 1e-9);
}

static char *consensus_text(const struct team_result *t)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_printf(&sb, "Consensus: %d%% (%s), Goepel's AHP consensus indicator: 100%% when "
	              "every respondent weighs the criteria alike, lower the more their weights "
	              "differ.", whole_percent(t->consensus.value),
	              team_consensus_word(t->consensus.value));
	return strbuf_take(&sb, NULL);
}

static char *change_text(const struct team_report *rep)
{
	const struct team_result *t = rep->t;
	const struct criteria *c = rep->c;
	struct strbuf sb;
	strbuf_init(&sb);
	if (t->result.winner < 0 || t->champion < 0) {
		strbuf_puts(&sb, "The group has no winner, so no change of mind is needed to change "
		            "it.");
		return strbuf_take(&sb, NULL);
	}
	const char *winner = c->options[t->result.winner].name;
	const char *champ = rep->names[t->champion];
	if (t->flip < 0) {
		strbuf_printf(&sb, "No change of mind would change the group's winner: even if "
		              "every respondent weighed the criteria as %s does, %s would still "
		              "win.", champ, winner);
		return strbuf_take(&sb, NULL);
	}
	strbuf_printf(&sb, "%d respondent%s would have to change their mind to change the "
	              "group's winner: if ", t->flip, t->flip == 1 ? "" : "s");
	name_list(&sb, rep, t->flip_order, (size_t)t->flip);
	strbuf_printf(&sb, " weighed the criteria as %s does, %s would no longer win.", champ,
	              winner);
	return strbuf_take(&sb, NULL);
}

/* The choice of question Q that session S gave, for people, in quotes. */
static void answer_words(struct strbuf *sb, const struct question *q, int ch)
{
	if (ch >= 0 && (size_t)ch < q->nchoices)
		strbuf_printf(sb, "\u201c%s\u201d", criteria_choice_name(&q->choices[ch]));
	else
		strbuf_puts(sb, "not answered");
}

static char *answer_text(const struct team_report *rep, size_t q)
{
	const struct question *qu = &rep->c->questions[q];
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_printf(&sb, "%s: ", criteria_question_name(qu));
	for (size_t k = 0; k < rep->n; k++) {
		const struct session *s = rep->s[k];
		strbuf_printf(&sb, "%s%s ", k ? ", " : "", rep->names[k]);
		answer_words(&sb, qu, q < s->nquestions ? s->choices[q] : SESSION_NO_CHOICE);
	}
	int g = rep->t->answers[q].choice;
	if (g >= 0) {
		strbuf_puts(&sb, "; the group takes ");
		answer_words(&sb, qu, g);
		strbuf_puts(&sb, ".");
	} else {
		strbuf_puts(&sb, "; the group takes no answer.");
	}
	return strbuf_take(&sb, NULL);
}

void team_report_build(struct team_report *rep, const struct criteria *c,
                       const char *criteria_text, size_t len, const struct session *const *s,
                       const struct team_result *t, const struct team_member *members,
                       size_t n, const struct team_member *left, size_t nleft,
                       const char *project, time_t generated)
{
	memset(rep, 0, sizeof *rep);
	rep->c = c;
	rep->s = s;
	rep->t = t;
	rep->n = n;
	rep->generated = generated;
	rep->project = project ? report_utf8_copy(project) : NULL;
	report_sha256_hex(criteria_text, len, rep->criteria_sha256);
	rep->ids = xcalloc(n + 1, sizeof *rep->ids);
	rep->respondents = xcalloc(n + 1, sizeof *rep->respondents);
	rep->names = xcalloc(n + 1, sizeof *rep->names);
	for (size_t k = 0; k < n; k++) {
		rep->ids[k] = members[k].id;
		rep->respondents[k] = report_utf8_copy(members[k].respondent);
		rep->names[k] = member_name(&members[k]);
	}
	rep->nleft = nleft;
	rep->left_ids = xcalloc(nleft + 1, sizeof *rep->left_ids);
	rep->left_names = xcalloc(nleft + 1, sizeof *rep->left_names);
	for (size_t k = 0; k < nleft; k++) {
		rep->left_ids[k] = left[k].id;
		rep->left_names[k] = member_name(&left[k]);
	}
	rep->recommendation = recommendation(c, &t->result);
	rep->method_text = method_text(rep);
	rep->consensus_text = consensus_text(t);
	rep->change_text = change_text(rep);
	rep->outcomes = xcalloc(n + 1, sizeof *rep->outcomes);
	for (size_t k = 0; k < n; k++) {
		const struct result *r = &t->own[k];
		struct lever lv = { .winner = r->winner, .strength = r->strength,
		                    .margin = r->margin };
		struct strbuf sb;
		strbuf_init(&sb);
		score_outcome_text(&sb, c, &lv);
		rep->outcomes[k] = strbuf_take(&sb, NULL);
	}
	rep->answer_texts = xcalloc(c->nquestions + 1, sizeof *rep->answer_texts);
	for (size_t q = 0; q < c->nquestions && q < t->nquestions; q++)
		if (t->answers[q].differs)
			rep->answer_texts[q] = answer_text(rep, q);
	if (t->ndiffer)
		rep->answers_note = xstrdup("Where answers differ, the group takes the answer "
		                            "most respondents gave (not answering counts as an "
		                            "answer); when no answer leads, none, and the criteria "
		                            "file's ratings stand.");
}

static void free_list(char **list, size_t n)
{
	if (!list)
		return;
	for (size_t k = 0; k < n; k++)
		free(list[k]);
	free(list);
}

void team_report_free(struct team_report *rep)
{
	free(rep->ids);
	free_list(rep->respondents, rep->n);
	free_list(rep->names, rep->n);
	free(rep->left_ids);
	free_list(rep->left_names, rep->nleft);
	free(rep->project);
	free(rep->recommendation);
	free(rep->method_text);
	free(rep->consensus_text);
	free(rep->change_text);
	free_list(rep->outcomes, rep->n);
	free_list(rep->answer_texts, rep->c ? rep->c->nquestions : 0);
	free(rep->answers_note);
	memset(rep, 0, sizeof *rep);
}

/* ---- the text for a terminal ---- */

/* TEXT cleaned for one line of a terminal into OUT, with its width. */
static int add_clean(struct strbuf *out, const char *text)
{
	struct strbuf tmp;
	strbuf_init(&tmp);
	text_clean(&tmp, text, strlen(text), TEXT_LINE);
	int w = text_utf8_width(strbuf_str(&tmp), tmp.len);
	strbuf_add(out, strbuf_str(&tmp), tmp.len);
	strbuf_free(&tmp);
	return w;
}

static int clean_width(const char *text)
{
	struct strbuf tmp;
	strbuf_init(&tmp);
	int w = add_clean(&tmp, text);
	strbuf_free(&tmp);
	return w;
}

/* TEXT cleaned and wrapped at TEXT_WIDTH columns: FIRST before its first
 * line, REST (blanks) before the others. */
static void wrap(struct strbuf *out, const char *first, const char *rest, const char *text)
{
	struct strbuf clean;
	strbuf_init(&clean);
	text_clean(&clean, text, strlen(text), TEXT_LINE);
	strbuf_puts(out, first);
	int indent = (int)strlen(rest), col = text_utf8_width(first, strlen(first));
	int line_empty = 1;
	const char *p = strbuf_str(&clean);
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		size_t bytes = strcspn(p, " ");
		int w = text_utf8_width(p, bytes);
		if (!line_empty && col + 1 + w > TEXT_WIDTH) {
			strbuf_printf(out, "\n%s", rest);
			col = indent;
			line_empty = 1;
		}
		if (!line_empty) {
			strbuf_putc(out, ' ');
			col++;
		}
		strbuf_add(out, p, bytes);
		col += w;
		line_empty = 0;
		p += bytes;
	}
	strbuf_putc(out, '\n');
	strbuf_free(&clean);
}

static void pad(struct strbuf *out, int n)
{
	for (int i = 0; i < n; i++)
		strbuf_putc(out, ' ');
}

static void bar(struct strbuf *out, double score, int utf8)
{
	long filled = lround(score / 100 * BAR_WIDTH);
	if (filled < 0)
		filled = 0;
	if (filled > BAR_WIDTH)
		filled = BAR_WIDTH;
	/* U+2588 FULL BLOCK and U+2591 LIGHT SHADE, in UTF-8. */
	const char *full = utf8 ? "\xe2\x96\x88" : "#", *empty = utf8 ? "\xe2\x96\x91" : ".";
	for (long i = 0; i < BAR_WIDTH; i++)
		strbuf_puts(out, i < filled ? full : empty);
}

static void text_header(const struct team_report *rep, struct strbuf *out)
{
	const struct criteria *c = rep->c;
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_printf(&sb, "Group view%s%s", rep->project ? ": " : "",
	              rep->project ? rep->project : "");
	wrap(out, "", "  ", strbuf_str(&sb));
	strbuf_free(&sb);
	strbuf_init(&sb);
	strbuf_printf(&sb, "%s (criteria text %.12s)", c->title, rep->criteria_sha256);
	wrap(out, "Criteria: ", "  ", strbuf_str(&sb));
	strbuf_free(&sb);
	strbuf_init(&sb);
	for (size_t k = 0; k < rep->n; k++)
		strbuf_printf(&sb, "%s%s (session %lld)", k ? ", " : "", rep->names[k], rep->ids[k]);
	wrap(out, "Respondents: ", "  ", strbuf_str(&sb));
	strbuf_free(&sb);
	if (rep->nleft) {
		strbuf_init(&sb);
		for (size_t k = 0; k < rep->nleft; k++)
			strbuf_printf(&sb, "%s%s (session %lld)", k ? ", " : "", rep->left_names[k],
			              rep->left_ids[k]);
		wrap(out, "Left out, not finished: ", "  ", strbuf_str(&sb));
		strbuf_free(&sb);
	}
}

static void text_scores(const struct team_report *rep, struct strbuf *out, int utf8)
{
	const struct criteria *c = rep->c;
	const struct result *r = &rep->t->result;
	int namew = 0;
	for (size_t o = 0; o < r->noptions; o++) {
		int w = clean_width(c->options[o].name);
		if (w > namew)
			namew = w;
	}
	for (size_t k = 0; k < r->noptions; k++) {
		size_t o = r->ranking[k];
		strbuf_puts(out, "  ");
		pad(out, namew - add_clean(out, c->options[o].name));
		strbuf_puts(out, "  ");
		bar(out, r->scores[o], utf8);
		strbuf_printf(out, "  %5.1f\n", r->scores[o]);
	}
}

static void text_spread(const struct team_report *rep, struct strbuf *out)
{
	const struct criteria *c = rep->c;
	const struct team_result *t = rep->t;
	strbuf_printf(out, "\nWhere the group disagrees (weights on the %d-%d scale, most "
	              "disagreed first):\n", c->scale.min, c->scale.max);
	int namew = (int)strlen("Criterion");
	for (size_t i = 0; i < c->ncriteria; i++) {
		int w = clean_width(c->criteria[i].name);
		if (w > namew)
			namew = w;
	}
	if (namew > 40)
		namew = 40;
	strbuf_puts(out, "  Criterion");
	pad(out, namew - (int)strlen("Criterion"));
	strbuf_puts(out, "  Group   Min   Max  Std dev\n");
	for (size_t j = 0; j < t->ncriteria; j++) {
		const struct team_spread *sp = &t->spread[j];
		strbuf_puts(out, "  ");
		int w = add_clean(out, c->criteria[sp->criterion].name);
		pad(out, namew - w);
		strbuf_printf(out, "  %5.2f %5.2f %5.2f  %7.2f\n",
		              t->result.weights[sp->criterion], sp->min, sp->max, sp->sd);
	}
}

void team_text(const struct team_report *rep, struct strbuf *out, int utf8)
{
	const struct team_result *t = rep->t;
	const struct criteria *c = rep->c;
	text_header(rep, out);
	strbuf_putc(out, '\n');
	wrap(out, "", "", rep->recommendation);
	strbuf_putc(out, '\n');
	text_scores(rep, out, utf8);
	strbuf_putc(out, '\n');
	wrap(out, "", "", rep->method_text);

	strbuf_puts(out, "\nEach respondent's own result:\n");
	for (size_t k = 0; k < rep->n; k++) {
		struct strbuf sb;
		strbuf_init(&sb);
		strbuf_printf(&sb, "%s (session %lld): %s.", rep->names[k], rep->ids[k],
		              rep->outcomes[k]);
		wrap(out, "  - ", "    ", strbuf_str(&sb));
		strbuf_free(&sb);
	}
	text_spread(rep, out);
	if (t->ndiffer) {
		strbuf_puts(out, "\nAnswers that differ:\n");
		for (size_t q = 0; q < c->nquestions; q++)
			if (rep->answer_texts[q])
				wrap(out, "  - ", "    ", rep->answer_texts[q]);
		wrap(out, "  ", "  ", rep->answers_note);
	}
	strbuf_putc(out, '\n');
	wrap(out, "", "", rep->consensus_text);
	strbuf_putc(out, '\n');
	wrap(out, "", "", rep->change_text);
}

void team_render(enum team_format f, const struct team_report *rep, struct strbuf *out,
                 int utf8)
{
	switch (f) {
	case TEAM_FORMAT_TEXT:
		team_text(rep, out, utf8);
		return;
	case TEAM_FORMAT_JSON:
		export_team_json(rep, out);
		return;
	case TEAM_FORMAT_MD:
		export_team_md(rep, out);
		return;
	case TEAM_FORMAT_HTML:
		export_team_html(rep, out);
		return;
	}
}

int team_report_write(enum team_format f, const struct team_report *rep, const char *path,
                      const char *db, int utf8, struct verror *err)
{
	struct strbuf out;
	strbuf_init(&out);
	team_render(f, rep, &out, utf8);
	struct verror why;
	int rc = 0;
	if (dbfile_guard(path, db, &why) || file_write(path, strbuf_str(&out), out.len, &why))
		rc = verror_set(err, why.kind, "No report written: %s", why.msg);
	strbuf_free(&out);
	return rc;
}
