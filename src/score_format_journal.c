/* score_format_journal.c - the decision journal in words, beside the
 * advice: the sentences every face and report shares, and the lines `verdict
 * show` prints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "score_format.h"
#include "store.h"
#include "strbuf.h"
#include "text_print.h"
#include "xalloc.h"

const struct journal_entry *score_latest_decision(const struct stored_session *meta,
                                                  const struct journal_entry **review)
{
	const struct journal_entry *d = NULL, *rv = NULL;
	for (size_t i = 0; meta && i < meta->njournal; i++) {
		const struct journal_entry *e = &meta->journal[i];
		if (strcmp(e->kind, "decision") == 0) {
			d = e;
			rv = NULL;      /* a review is of the decision before it */
		} else if (d) {
			rv = e;
		}
	}
	if (review)
		*review = rv;
	return d;
}

int score_decision_differs(const struct criteria *c, const struct result *r,
                           const struct journal_entry *decision)
{
	return decision && r && r->winner >= 0 && (size_t)r->winner < c->noptions &&
	       strcmp(decision->option, c->options[r->winner].id) != 0;
}

char *score_decision_text_new(const struct criteria *c, const struct result *r,
                              const struct journal_entry *decision)
{
	char when[CLOCK_TEXT_MAX];
	clock_format_into(decision->at, 0, when);
	struct strbuf b;
	strbuf_init(&b);
	strbuf_printf(&b, "Decided on %s: ", when);
	strbuf_puts(&b, decision->option_name);
	if (!r)
		strbuf_printf(&b, ".");
	else if (r->winner < 0 || (size_t)r->winner >= c->noptions)
		strbuf_printf(&b, " (the advice was a tie).");
	else if (score_decision_differs(c, r, decision))
		{
		strbuf_puts(&b, ", not ");
		strbuf_puts(&b, c->options[r->winner].name);
		strbuf_puts(&b, " as advised.");
	}
	else
		strbuf_printf(&b, ", as advised.");
	return strbuf_take(&b, NULL);
}

char *score_review_text_new(const struct journal_entry *review)
{
	char when[CLOCK_TEXT_MAX];
	clock_format_into(review->at, 0, when);
	struct strbuf b;
	strbuf_init(&b);
	strbuf_printf(&b, "Outcome on %s: ", when);
	strbuf_puts(&b, review->note ? review->note : "");
	if (review->rating)
		strbuf_printf(&b, ", rated %d of 5.", review->rating);
	else if (!b.len || b.data[b.len - 1] != '.')
		strbuf_printf(&b, ".");
	return strbuf_take(&b, NULL);
}

int score_write_origin(FILE *out, const struct stored_session *meta)
{
	if (!meta || !meta->origin)
		return 0;
	char when[CLOCK_TEXT_MAX];
	clock_format_into(meta->imported, 0, when);
	return text_printf(out, "Imported from %s on %s\n", meta->origin, when) < 0 ? -1 : 0;
}

int score_write_journal(FILE *out, const struct criteria *c, const struct result *r,
                        const struct stored_session *meta)
{
	const struct journal_entry *review;
	const struct journal_entry *d = score_latest_decision(meta, &review);
	if (!d)
		return 0;
	int rc = 0;
	char *text = score_decision_text_new(c, r, d);
	rc |= text_printf(out, "%s\n", text) < 0;
	free(text);
	if (d->note)
		rc |= text_printf(out, "  Why: %s\n", d->note) < 0;
	if (review) {
		text = score_review_text_new(review);
		rc |= text_printf(out, "  %s\n", text) < 0;
		free(text);
	}
	/* The entries superseded, oldest first. */
	size_t shown = 1 + (review != NULL);
	if (meta->njournal > shown) {
		rc |= text_printf(out, "Earlier in the journal:\n") < 0;
		for (size_t i = 0; i < meta->njournal; i++) {
			const struct journal_entry *e = &meta->journal[i];
			if (e == d || e == review)
				continue;
			char when[CLOCK_TEXT_MAX];
			clock_format_into(e->at, 0, when);
			if (strcmp(e->kind, "decision") == 0)
				rc |= text_printf(out, "  %s: decided on %s%s%s\n", when, e->option_name,
				                  e->note ? ": " : "", e->note ? e->note : "") < 0;
			else if (e->rating)
				rc |= text_printf(out, "  %s: outcome %s, rated %d of 5\n", when, e->note,
				                  e->rating) < 0;
			else
				rc |= text_printf(out, "  %s: outcome %s\n", when, e->note) < 0;
		}
	}
	return rc ? -1 : 0;
}
