/* export_team_md.c - the group view as Markdown. Every text from the
 * criteria, the database or the arguments goes through export_md_text()
 * (export.h), as in the one-session report. The chart of each respondent's
 * weights is a table here: Markdown has no pictures of its own that need
 * no file beside them. */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "export.h"
#include "score_number.h"
#include "team_report.h"

static void num(struct strbuf *out, double v, int decimals)
{
	char buf[48];
	strbuf_puts(out, score_number(buf, sizeof buf, v, decimals));
}

static void md_header(const struct team_report *rep, struct strbuf *out)
{
	const struct criteria *c = rep->c;
	strbuf_puts(out, "# Group view");
	if (rep->project) {
		strbuf_puts(out, ": ");
		export_md_text(out, rep->project);
	}
	strbuf_puts(out, "\n\n- Criteria: ");
	export_md_text(out, c->title);
	strbuf_printf(out, " (criteria text SHA-256 `%s`)\n", rep->criteria_sha256);
	strbuf_puts(out, "- Respondents: ");
	for (size_t k = 0; k < rep->n; k++) {
		if (k)
			strbuf_puts(out, ", ");
		export_md_text(out, rep->names[k]);
		strbuf_printf(out, " (session %lld)", rep->ids[k]);
	}
	strbuf_putc(out, '\n');
	if (rep->nleft) {
		strbuf_puts(out, "- Left out, not finished: ");
		for (size_t k = 0; k < rep->nleft; k++) {
			if (k)
				strbuf_puts(out, ", ");
			export_md_text(out, rep->left_names[k]);
			strbuf_printf(out, " (session %lld)", rep->left_ids[k]);
		}
		strbuf_putc(out, '\n');
	}
	char when[32];
	clock_format_iso(rep->generated, when, sizeof when);
	strbuf_printf(out, "- Generated: %s\n\n", when);
}

static void md_ranking(const struct team_report *rep, struct strbuf *out)
{
	const struct criteria *c = rep->c;
	const struct result *r = &rep->t->result;
	strbuf_puts(out, "## The group's recommendation\n\n");
	export_md_text(out, rep->recommendation);
	strbuf_puts(out, "\n\n| Option | Group score |\n|---|---:|\n");
	for (size_t k = 0; k < r->noptions; k++) {
		size_t o = r->ranking[k];
		strbuf_puts(out, "| ");
		export_md_text(out, c->options[o].name);
		strbuf_puts(out, " | ");
		char buf[32];
		strbuf_puts(out, score_points(buf, sizeof buf, r->scores[o]));
		strbuf_puts(out, " |\n");
	}
	strbuf_putc(out, '\n');
	export_md_text(out, rep->method_text);
	strbuf_puts(out, "\n\n");
}

static void md_respondents(const struct team_report *rep, struct strbuf *out)
{
	strbuf_puts(out, "## Each respondent's own result\n\n| Respondent | Session | Weighs by "
	            "| Result |\n|---|---:|---|---|\n");
	for (size_t k = 0; k < rep->n; k++) {
		strbuf_puts(out, "| ");
		export_md_text(out, rep->names[k]);
		strbuf_printf(out, " | %lld | %s | ", rep->ids[k], team_weighting_key(rep->s[k]));
		export_md_text(out, rep->outcomes[k]);
		strbuf_puts(out, " |\n");
	}
	strbuf_putc(out, '\n');
}

static void md_spread(const struct team_report *rep, struct strbuf *out)
{
	const struct criteria *c = rep->c;
	const struct team_result *t = rep->t;
	strbuf_printf(out, "## Where the group disagrees\n\nWeights on the %d-%d scale, the "
	              "criteria where the respondents' weights lie furthest apart (the largest "
	              "standard deviation) first.\n\n| Criterion | Group | Min | Max | Std dev |",
	              c->scale.min, c->scale.max);
	for (size_t k = 0; k < rep->n; k++) {
		strbuf_puts(out, " ");
		export_md_text(out, rep->names[k]);
		strbuf_puts(out, " |");
	}
	strbuf_puts(out, "\n|---|---:|---:|---:|---:|");
	for (size_t k = 0; k < rep->n; k++)
		strbuf_puts(out, "---:|");
	strbuf_putc(out, '\n');
	for (size_t j = 0; j < t->ncriteria; j++) {
		const struct team_spread *sp = &t->spread[j];
		size_t i = sp->criterion;
		strbuf_puts(out, "| ");
		export_md_text(out, c->criteria[i].name);
		strbuf_puts(out, " | ");
		num(out, t->result.weights[i], 2);
		strbuf_puts(out, " | ");
		num(out, sp->min, 2);
		strbuf_puts(out, " | ");
		num(out, sp->max, 2);
		strbuf_puts(out, " | ");
		num(out, sp->sd, 2);
		strbuf_puts(out, " |");
		for (size_t k = 0; k < rep->n; k++) {
			strbuf_puts(out, " ");
			num(out, t->weights[k * t->ncriteria + i], 2);
			strbuf_puts(out, " |");
		}
		strbuf_putc(out, '\n');
	}
	strbuf_putc(out, '\n');
}

void export_team_md(const struct team_report *rep, struct strbuf *out)
{
	const struct criteria *c = rep->c;
	md_header(rep, out);
	md_ranking(rep, out);
	md_respondents(rep, out);
	md_spread(rep, out);
	if (rep->t->ndiffer) {
		strbuf_puts(out, "## Answers that differ\n\n");
		for (size_t q = 0; q < c->nquestions; q++) {
			if (!rep->answer_texts[q])
				continue;
			strbuf_puts(out, "- ");
			export_md_text(out, rep->answer_texts[q]);
			strbuf_putc(out, '\n');
		}
		strbuf_putc(out, '\n');
		export_md_text(out, rep->answers_note);
		strbuf_puts(out, "\n\n");
	}
	strbuf_puts(out, "## Consensus\n\n");
	export_md_text(out, rep->consensus_text);
	strbuf_puts(out, "\n\n## What would change the group's winner\n\n");
	export_md_text(out, rep->change_text);
	strbuf_putc(out, '\n');
}
