/* score_format_journal.c - the decision journal in words, beside the
 * advice: the sentences every face and report shares. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "score_format.h"
#include "store.h"
#include "strbuf.h"
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
