/* export_csv.c - the report as CSV (RFC 4180, UTF-8): a header row, one row
 * per criterion, and a final total row.
 *
 * Every row repeats the session, the criteria set and the audit hashes, so
 * that the files of several people can be stacked into one sheet and each row
 * still says what it rests on. Lines end in CR LF; a cell is
 * quoted when it holds a comma, a quote, CR or LF, with quotes doubled. A text
 * cell that a spreadsheet would take for a formula gets a leading '. Numbers
 * are written as plain numbers, never quoted or guarded. */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "export.h"
#include "score_format.h"
#include "text.h"

void export_csv_text(struct strbuf *out, const char *raw)
{
	if (!raw || !*raw)
		return;
	/* Controls other than tab, LF and CR, the marks that reorder text and
	 * bytes that are not UTF-8 become U+FFFD (text.h). */
	char *text = text_clean_new(raw, TEXT_CSV);
	int guard = strchr("=+-@\t\r", text[0]) != NULL;
	int quote = strpbrk(text, ",\"\r\n") != NULL;
	if (quote)
		strbuf_putc(out, '"');
	if (guard)
		strbuf_putc(out, '\'');
	for (const char *p = text; *p; p++) {
		if (*p == '"')
			strbuf_putc(out, '"');
		strbuf_putc(out, *p);
	}
	if (quote)
		strbuf_putc(out, '"');
	free(text);
}

void export_csv_number(struct strbuf *out, double v)
{
	char buf[48];
	score_number(buf, sizeof buf, v, 6);
	strbuf_puts(out, buf);
}

/* The cells every row starts with: the session and the criteria set. */
static void csv_lead(const struct report *rep, struct strbuf *out)
{
	if (rep->session_id)
		strbuf_printf(out, "%lld", rep->session_id);
	strbuf_putc(out, ',');
	export_csv_text(out, rep->project);
	strbuf_putc(out, ',');
	export_csv_text(out, rep->respondent);
	char date[32];
	clock_format_iso(rep->generated, date, sizeof date);
	strbuf_printf(out, ",%s,", date);
	export_csv_text(out, rep->c->id);
	strbuf_printf(out, ",%s,%s,", rep->criteria_sha256, rep->answers_sha256);
}

/* The cells every row ends with: the decision recorded beside the advice,
 * how it turned out (issue 15), and where an imported session came from;
 * then the end of the line. */
static void csv_tail(const struct report *rep, struct strbuf *out)
{
	const struct journal_entry *d = rep->decision;
	strbuf_putc(out, ',');
	if (d) {
		export_csv_text(out, d->option_name);
		strbuf_puts(out, rep->decision_differs ? ",1," : ",0,");
		export_csv_text(out, d->note);
	} else {
		strbuf_puts(out, ",,");
	}
	strbuf_putc(out, ',');
	if (rep->review) {
		export_csv_text(out, rep->review->note);
		strbuf_putc(out, ',');
		if (rep->review->rating)
			strbuf_printf(out, "%d", rep->review->rating);
	} else {
		strbuf_putc(out, ',');
	}
	strbuf_putc(out, ',');
	export_csv_text(out, rep->origin);
	strbuf_puts(out, "\r\n");
}

void export_csv(const struct report *rep, struct strbuf *out)
{
	const struct criteria *c = rep->c;
	const struct result *r = rep->r;
	size_t n = r->noptions;
	strbuf_puts(out, "session,project,respondent,date,criteria,criteria_sha256,answers_sha256,"
	            "criterion,name,group,weight,weight_source,weight_reason");
	for (size_t o = 0; o < n; o++)
		strbuf_printf(out, ",%s_rating,%s_contribution", c->options[o].id, c->options[o].id);
	strbuf_puts(out, ",threshold,new_winner,reason,weight_share,methods,comparisons,given,"
	            "warning,decided,decision_differs,decision_note,outcome,outcome_rating,"
	            "origin\r\n");

	for (size_t k = 0; k < r->ncriteria; k++) {
		const struct criterion *cr = &c->criteria[k];
		csv_lead(rep, out);
		export_csv_text(out, cr->id);
		strbuf_putc(out, ',');
		export_csv_text(out, cr->name);
		strbuf_putc(out, ',');
		export_csv_text(out, cr->group);
		strbuf_putc(out, ',');
		export_csv_number(out, r->weights[k]);
		strbuf_putc(out, ',');
		export_csv_text(out, rep->rows[k].weight_source);
		strbuf_putc(out, ',');
		export_csv_text(out, rep->rows[k].weight_reason);
		for (size_t o = 0; o < n; o++) {
			strbuf_putc(out, ',');
			export_csv_number(out, r->ratings[k * n + o]);
			strbuf_putc(out, ',');
			export_csv_number(out, r->contributions[k * n + o]);
		}
		strbuf_putc(out, ',');
		const struct sensitivity *se = &r->sensitivity[k];
		if (r->winner >= 0 && se->new_winner >= 0 && se->threshold == se->threshold) {
			export_csv_number(out, se->threshold);
			strbuf_putc(out, ',');
			export_csv_text(out, c->options[se->new_winner].id);
		} else {
			strbuf_putc(out, ',');
		}
		strbuf_putc(out, ',');
		export_csv_text(out, rep->rows[k].reason);
		strbuf_putc(out, ',');
		export_csv_number(out, r->weight_shares[k]);
		strbuf_puts(out, ",,,,");
		csv_tail(rep, out);
	}

	/* The total row: the weights' sum, and each option's score as the sum of
	 * its contributions; no threshold; the reason is the recommendation. */
	csv_lead(rep, out);
	strbuf_puts(out, "total,Total score,,");
	export_csv_number(out, r->total_weight);
	strbuf_puts(out, ",,");
	for (size_t o = 0; o < n; o++) {
		strbuf_puts(out, ",,");
		export_csv_number(out, r->scores[o]);
	}
	strbuf_puts(out, ",,,");
	export_csv_text(out, rep->recommendation);
	/* The total row's share is the whole; it says whether the methods agree
	 * and, for a weighting in pairs, how the comparisons came out. */
	strbuf_puts(out, ",1,");
	export_csv_text(out, rep->methods_text);
	strbuf_putc(out, ',');
	struct strbuf pairs;
	strbuf_init(&pairs);
	for (size_t i = 0; i < rep->pairwise_lines.count; i++) {
		strbuf_puts(&pairs, i ? " " : "");
		strbuf_puts(&pairs, rep->pairwise_lines.items[i]);
	}
	export_csv_text(out, strbuf_str(&pairs));
	/* The comparisons the person gave, in words, one after another. */
	strbuf_free(&pairs);
	strbuf_init(&pairs);
	for (size_t i = 0; i < rep->given_lines.count; i++) {
		strbuf_puts(&pairs, i ? "; " : "");
		strbuf_puts(&pairs, rep->given_lines.items[i]);
	}
	strbuf_putc(out, ',');
	export_csv_text(out, strbuf_str(&pairs));
	strbuf_free(&pairs);
	strbuf_putc(out, ',');
	export_csv_text(out, rep->warning);
	csv_tail(rep, out);
}
