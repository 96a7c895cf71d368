/* export_md.c - the report as Markdown, which reads as well as plain text as
 * it renders.
 *
 * Every text from the criteria or the answers goes through export_md_text(),
 * which cleans it (text.h: controls and the marks that reorder text become
 * U+FFFD), keeps it on one line and backslash-escapes what would start markup or
 * raw HTML, or start a block (a list, a heading, a code block) where it
 * begins; the notes, which may span lines, become a block quote whose every
 * line is escaped the same way. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "export.h"
#include "score_format.h"
#include "text.h"
#include "xalloc.h"

void export_md_text(struct strbuf *out, const char *raw)
{
	if (!raw)
		return;
	/* Line breaks and tabs become spaces, other controls, the marks that
	 * reorder text and bytes that are not UTF-8 U+FFFD (text.h). */
	char *clean = text_clean_new(raw, TEXT_MARKDOWN);
	/* Leading blanks could make an indented code block; a leading list,
	 * rule or heading-underline marker could start a block of its own. */
	const char *text = clean + strspn(clean, " ");
	size_t digits = strspn(text, "0123456789");
	if (text[0] == '-' || text[0] == '+' || text[0] == '=') {
		strbuf_putc(out, '\\');
	} else if (digits && (text[digits] == '.' || text[digits] == ')')) {
		strbuf_add(out, text, digits);
		strbuf_putc(out, '\\');
		text += digits;
	}
	const char *start = text;
	for (const char *p = text; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		switch (ch) {
		case '\\': case '`': case '*': case '_': case '[': case ']':
		case '<': case '>': case '|': case '~':
			strbuf_putc(out, '\\');
			strbuf_putc(out, (char)ch);
			continue;
		case '#':
			if (p == start || p[-1] == ' ')
				strbuf_putc(out, '\\');
			strbuf_putc(out, '#');
			continue;
		case '&': {
			/* Only what would read as an entity: &name; or &#123; */
			const char *q = p + 1;
			if (*q == '#')
				q++;
			while (isalnum((unsigned char)*q))
				q++;
			if (q > p + 1 && *q == ';')
				strbuf_putc(out, '\\');
			strbuf_putc(out, '&');
			continue;
		}
		default:
			break;
		}
		strbuf_putc(out, (char)ch);
	}
	free(clean);
}

/* One line of the notes, LEN bytes at LINE, as a block-quote line. */
static void md_note_line(struct strbuf *out, const char *line, size_t len)
{
	char *copy = xstrndup(line, len);
	strbuf_puts(out, len ? "> " : ">");
	export_md_text(out, copy);
	strbuf_putc(out, '\n');
	free(copy);
}

static void md_notes(struct strbuf *out, const char *notes)
{
	const char *p = notes;
	while (*p) {
		size_t len = strcspn(p, "\n");
		size_t cut = len && p[len - 1] == '\r' ? len - 1 : len;
		md_note_line(out, p, cut);
		p += len;
		if (*p == '\n')
			p++;
	}
}

/* Whether TEXT ends a sentence already: a full stop, perhaps inside quotes. */
static int ends_sentence(const char *text)
{
	size_t n = strlen(text);
	if (n >= 4 && strcmp(text + n - 4, ".\u201d") == 0)
		return 1;
	return n && strchr(".!?", text[n - 1]);
}

static void md_num(struct strbuf *out, double v, int decimals)
{
	char buf[48];
	score_number(buf, sizeof buf, v, decimals);
	strbuf_puts(out, buf);
}

static void md_points(struct strbuf *out, double v)
{
	char buf[48];
	strbuf_puts(out, score_points(buf, sizeof buf, v));
}

static void md_heading(const struct report *rep, struct strbuf *out)
{
	const struct criteria *c = rep->c;
	strbuf_puts(out, "# ");
	export_md_text(out, c->title);
	strbuf_puts(out, "\n\nDecision report");
	if (rep->project) {
		strbuf_puts(out, " for **");
		export_md_text(out, rep->project);
		strbuf_puts(out, "**");
	}
	if (rep->respondent) {
		strbuf_puts(out, ", answered by **");
		export_md_text(out, rep->respondent);
		strbuf_puts(out, "**");
	}
	char date[40];
	clock_format(rep->generated, date, sizeof date);
	strbuf_printf(out, ", %s.\n\n", date);
}

static void md_recommendation(const struct report *rep, struct strbuf *out)
{
	strbuf_puts(out, "## Recommendation\n\n");
	export_md_text(out, rep->recommendation);
	strbuf_puts(out, "\n\n");
	if (rep->warning) {
		/* A block quote: it stands out where it is rendered and as text. */
		strbuf_puts(out, "> ");
		export_md_text(out, rep->warning);
		strbuf_puts(out, "\n\n");
	}
	if (rep->unknown_project) {
		export_md_text(out, rep->unknown_project);
		strbuf_puts(out, "\n\n");
	}
	export_md_text(out, rep->confidence_sentence);
	strbuf_puts(out, "\n\n");
	if (!rep->r->methods_agree)
		strbuf_puts(out, "> **The three ways of adding up disagree.**\n>\n> ");
	export_md_text(out, rep->methods_text);
	strbuf_puts(out, "\n\n");
}

/* How the comparisons in pairs came out; nothing for weights by ratings. */
static void md_pairwise(const struct report *rep, struct strbuf *out)
{
	const struct score_lines *lines = &rep->pairwise_lines;
	if (!lines->count && !rep->given_lines.count)
		return;
	strbuf_puts(out, "## Your comparisons in pairs\n\n");
	if (rep->given_lines.count) {
		strbuf_puts(out, "You said:\n\n");
		for (size_t i = 0; i < rep->given_lines.count; i++) {
			strbuf_puts(out, "- ");
			export_md_text(out, rep->given_lines.items[i]);
			strbuf_puts(out, "\n");
		}
		strbuf_puts(out, "\n");
	}
	if (lines->count)
		strbuf_puts(out, "How they came out:\n\n");
	for (size_t i = 0; i < lines->count; i++) {
		strbuf_puts(out, "- ");
		export_md_text(out, lines->items[i]);
		strbuf_puts(out, "\n");
	}
	strbuf_puts(out, "\n");
}

static void md_scores(const struct report *rep, struct strbuf *out)
{
	const struct result *r = rep->r;
	strbuf_puts(out, "## Scores\n\nOut of 100.\n\n| Rank | Option | Score |\n|---:|:---|---:|\n");
	for (size_t i = 0; i < r->noptions; i++) {
		size_t o = r->ranking[i];
		strbuf_printf(out, "| %zu | ", i + 1);
		export_md_text(out, report_option_name(rep, o));
		strbuf_puts(out, " | ");
		md_points(out, r->scores[o]);
		strbuf_puts(out, " |\n");
	}
	strbuf_puts(out, "\n");
}

static void md_reasons(const struct report *rep, struct strbuf *out)
{
	const struct result *r = rep->r;
	if (r->nreasons) {
		strbuf_puts(out, "## Why\n\n");
		for (size_t i = 0; i < r->nreasons; i++) {
			strbuf_printf(out, "%zu. ", i + 1);
			export_md_text(out, rep->rows[r->reasons[i]].reason);
			strbuf_puts(out, "\n");
		}
		strbuf_puts(out, "\n");
	}
	if (rep->ngiveups) {
		strbuf_puts(out, "## What you give up with ");
		export_md_text(out, report_option_name(rep, (size_t)r->winner));
		strbuf_puts(out, "\n\n");
		for (size_t i = 0; i < rep->ngiveups; i++) {
			strbuf_puts(out, "- ");
			export_md_text(out, rep->giveups[i]);
			strbuf_puts(out, "\n");
		}
		strbuf_puts(out, "\n");
	}
	strbuf_puts(out, "## What would change it\n\n");
	for (size_t i = 0; i < rep->nchanges; i++) {
		strbuf_puts(out, "- ");
		export_md_text(out, rep->changes[i].text);
		strbuf_puts(out, "\n");
	}
	if (rep->steady_text) {
		strbuf_puts(out, "- ");
		export_md_text(out, rep->steady_text);
		strbuf_puts(out, "\n");
	}
	strbuf_puts(out, "\n");
	if (!r->nlevers)
		return;
	strbuf_puts(out, "## If you answered differently\n\n");
	if (rep->top_lever) {
		export_md_text(out, rep->top_lever);
		strbuf_puts(out, "\n\n");
	}
	for (size_t l = 0; l < r->nlevers; l++) {
		size_t q = r->levers[l].question;
		if (l == 0 || q != r->levers[l - 1].question) {
			strbuf_puts(out, l ? "\n" : "");
			export_md_text(out, rep->lever_headings[q]);
			strbuf_puts(out, "\n\n");
		}
		strbuf_puts(out, "- ");
		export_md_text(out, rep->levers[l]);
		strbuf_puts(out, "\n");
	}
	strbuf_puts(out, "\n");
}

static void md_answers(const struct report *rep, struct strbuf *out)
{
	const struct criteria *c = rep->c;
	if (!c->nquestions)
		return;
	strbuf_puts(out, "## Answers\n\n| Question | Answer |\n|:---|:---|\n");
	for (size_t q = 0; q < c->nquestions; q++) {
		int ch = q < rep->s->nquestions ? rep->s->choices[q] : -1;
		strbuf_puts(out, "| ");
		export_md_text(out, c->questions[q].prompt);
		strbuf_puts(out, " | ");
		if (ch >= 0 && (size_t)ch < c->questions[q].nchoices)
			export_md_text(out, c->questions[q].choices[ch].label);
		else
			strbuf_puts(out, "(not answered)");
		strbuf_puts(out, " |\n");
	}
	strbuf_puts(out, "\n");
}

/* Who set criterion K's weight, in a word. */
static const char *set_by(const struct report *rep, size_t k)
{
	const char *src = rep->rows[k].weight_source;
	return strcmp(src, "person") == 0 ? "you" : rep->rows[k].pairwise ? "your comparisons"
	       : src;
}

/* Criterion K's weight: "5 (Critical)", or weighed in pairs its share of
 * the whole weight, "32.7% of the weight" (the scale's step would be a
 * word the person never chose). */
static void md_weight(const struct report *rep, struct strbuf *out, size_t k)
{
	const struct result *r = rep->r;
	if (rep->rows[k].pairwise) {
		strbuf_printf(out, "%s of the weight", rep->rows[k].share);
		return;
	}
	md_num(out, r->weights[k], 2);
	strbuf_puts(out, " (");
	export_md_text(out, criteria_weight_label(rep->c, r->weights[k]));
	strbuf_puts(out, ")");
}

static void md_breakdown(const struct report *rep, struct strbuf *out)
{
	const struct criteria *c = rep->c;
	const struct result *r = rep->r;
	size_t n = r->noptions;
	strbuf_puts(out, "## Breakdown by criterion\n\n"
	            "Each option's cell gives its rating out of 10 on the criterion, then the "
	            "points that criterion adds to its score. ");
	strbuf_puts(out, r->pairwise ? "Each weight is worked out from your comparisons in "
	            "pairs and shown as its share of the whole weight"
	            : "The weight was set by the criteria file (default), moved by a profile "
	            "answer (profile), or set by you");
	strbuf_puts(out, "; the reasons follow below.\n\n| Criterion | Weight | Set by |");
	for (size_t o = 0; o < n; o++) {
		strbuf_puts(out, " ");
		export_md_text(out, c->options[o].name);
		strbuf_puts(out, " |");
	}
	strbuf_puts(out, "\n|:---|:---|:---|");
	for (size_t o = 0; o < n; o++)
		strbuf_puts(out, "---:|");
	strbuf_puts(out, "\n");
	for (size_t k = 0; k < r->ncriteria; k++) {
		strbuf_puts(out, "| ");
		export_md_text(out, c->criteria[k].name);
		strbuf_puts(out, " | ");
		md_weight(rep, out, k);
		strbuf_printf(out, " | %s |", set_by(rep, k));
		for (size_t o = 0; o < n; o++) {
			strbuf_puts(out, " ");
			md_num(out, r->ratings[k * n + o], 2);
			strbuf_puts(out, " (");
			md_points(out, r->contributions[k * n + o]);
			strbuf_puts(out, ") |");
		}
		strbuf_puts(out, "\n");
	}
	strbuf_puts(out, "| **Score** | ");
	if (r->pairwise)
		strbuf_puts(out, "100%");
	else
		md_num(out, r->total_weight, 2);
	strbuf_puts(out, " in all | |");
	for (size_t o = 0; o < n; o++) {
		strbuf_puts(out, " **");
		md_points(out, r->scores[o]);
		strbuf_puts(out, "** |");
	}
	strbuf_puts(out, "\n\n");
}

static void md_details(const struct report *rep, struct strbuf *out)
{
	const struct criteria *c = rep->c;
	const struct result *r = rep->r;
	size_t n = r->noptions;
	strbuf_puts(out, "## Reasons by criterion\n\n");
	for (size_t k = 0; k < r->ncriteria; k++) {
		const struct criterion *cr = &c->criteria[k];
		strbuf_puts(out, "### ");
		export_md_text(out, cr->name);
		strbuf_puts(out, "\n\n");
		if (cr->group) {
			export_md_text(out, cr->group);
			strbuf_puts(out, ". ");
		}
		if (!rep->rows[k].pairwise) {
			strbuf_puts(out, "Weight ");
			md_weight(rep, out, k);
			strbuf_puts(out, ": ");
		}
		export_md_text(out, rep->rows[k].weight_reason);
		if (!ends_sentence(rep->rows[k].weight_reason))
			strbuf_puts(out, ".");
		if (cr->source) {
			strbuf_puts(out, " Source: ");
			export_md_text(out, cr->source);
			if (!ends_sentence(cr->source))
				strbuf_puts(out, ".");
		}
		strbuf_puts(out, "\n\n");
		for (size_t o = 0; o < n; o++) {
			strbuf_puts(out, "- **");
			export_md_text(out, c->options[o].name);
			strbuf_puts(out, "**, ");
			md_num(out, r->ratings[k * n + o], 2);
			strbuf_puts(out, "/10");
			if (rep->rows[k].rating_traces[o]) {
				strbuf_puts(out, " (");
				export_md_text(out, rep->rows[k].rating_traces[o]);
				strbuf_puts(out, ")");
			}
			strbuf_puts(out, ", ");
			md_points(out, r->contributions[k * n + o]);
			strbuf_puts(out, " points");
			if (cr->why && cr->why[o]) {
				strbuf_puts(out, ": ");
				export_md_text(out, cr->why[o]);
			}
			strbuf_puts(out, "\n");
		}
		strbuf_puts(out, "\n");
	}
}

/* The decision recorded beside the advice, its reason and how it turned
 * out (issue 15); nothing when none was recorded. */
static void md_decision(const struct report *rep, struct strbuf *out)
{
	if (!rep->decision)
		return;
	strbuf_puts(out, "## Decision\n\n");
	if (rep->decision_differs)
		strbuf_puts(out, "**Not the option advised.** ");
	export_md_text(out, rep->decision_text);
	strbuf_puts(out, "\n\n");
	if (rep->decision->note) {
		strbuf_puts(out, "Why: ");
		export_md_text(out, rep->decision->note);
		strbuf_puts(out, "\n\n");
	}
	if (rep->review) {
		char *text = score_review_text_new(rep->review);
		export_md_text(out, text);
		free(text);
		strbuf_puts(out, "\n\n");
	}
}

static void md_about(const struct report *rep, struct strbuf *out)
{
	char date[40];
	strbuf_puts(out, "## About this report\n\n");
	if (rep->session_id)
		strbuf_printf(out, "- **Session:** %lld (%s)\n", rep->session_id, rep->status_text);
	else
		strbuf_printf(out, "- **Session:** %s\n", rep->status_text);
	if (rep->session_id) {
		clock_format(rep->created, date, sizeof date);
		strbuf_printf(out, "- **Started:** %s\n", date);
		clock_format(rep->updated, date, sizeof date);
		strbuf_printf(out, "- **Last answer:** %s\n", date);
	}
	if (rep->origin) {
		strbuf_puts(out, "- **Imported from:** ");
		export_md_text(out, rep->origin);
		clock_format(rep->imported, date, sizeof date);
		strbuf_printf(out, ", on %s\n", date);
	}
	clock_format(rep->generated, date, sizeof date);
	strbuf_printf(out, "- **Report date:** %s\n", date);
	strbuf_puts(out, "- **Criteria:** ");
	export_md_text(out, rep->c->title);
	strbuf_puts(out, " (");
	export_md_text(out, rep->c->id);
	strbuf_puts(out, ")\n- **Criteria source:** ");
	export_md_text(out, rep->criteria_source);
	strbuf_printf(out, "\n- **Criteria text SHA-256:** `%s`\n"
	              "- **Answers SHA-256:** `%s`\n\n", rep->criteria_sha256, rep->answers_sha256);
	strbuf_puts(out, "Two reports with the same hashes rest on the same criteria text and the "
	            "same answers. Made by verdict " VERDICT_VERSION ".\n");
}

void export_md(const struct report *rep, struct strbuf *out)
{
	md_heading(rep, out);
	md_recommendation(rep, out);
	md_decision(rep, out);
	md_scores(rep, out);
	md_pairwise(rep, out);
	md_reasons(rep, out);
	md_answers(rep, out);
	md_breakdown(rep, out);
	md_details(rep, out);
	if (rep->notes && *rep->notes) {
		strbuf_puts(out, "## Notes\n\n");
		md_notes(out, rep->notes);
		strbuf_puts(out, "\n");
	}
	md_about(rep, out);
}
