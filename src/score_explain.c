/* score_explain.c - why a result is what it is: the answers that replaced a
 * rating, the trace of a rating, the reason and give-up sentences (the
 * answers that moved a weight are score_weight.c's). Pure, like score.c,
 * whose result it reads. */
#include "score.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "score_internal.h"
#include "score_number.h"
#include "strbuf.h"

size_t score_rating_causes(const struct criteria *c, const struct result *r, size_t i,
                           struct cause *out, size_t max)
{
	size_t count = 0, n = r->noptions;
	if (i >= r->ncriteria)
		return 0;
	for (size_t o = 0; o < n; o++) {
		int q = r->rating_cause[i * n + o];
		if (q < 0)
			continue;
		if (count < max)
			out[count] = (struct cause){ .question = (size_t)q,
			                             .choice = (size_t)r->choices[q], .option = o,
			                             .from = c->criteria[i].ratings[o],
			                             .to = r->ratings[i * n + o] };
		count++;
	}
	return count;
}

size_t score_profile_rating_causes(const struct criteria *c, const struct session *s, size_t i,
                                   struct cause *out, size_t max)
{
	size_t count = 0;
	if (!s || i >= c->ncriteria)
		return 0;
	for (size_t o = 0; o < c->noptions; o++) {
		int in_force = -1;
		double to = 0;
		for (size_t q = 0; q < c->nquestions; q++) {
			const struct choice *ch = score_chosen(c, s, q);
			for (size_t k = 0; ch && k < ch->noverrides; k++)
				if (ch->overrides[k].criterion == i && ch->overrides[k].option == o) {
					in_force = (int)q;      /* a later question's wins */
					to = ch->overrides[k].rating;
				}
		}
		if (in_force < 0 || to == c->criteria[i].ratings[o])
			continue;
		if (count < max)
			out[count] = (struct cause){ .question = (size_t)in_force,
			                             .choice = (size_t)s->choices[in_force], .option = o,
			                             .from = c->criteria[i].ratings[o], .to = to };
		count++;
	}
	return count;
}

/* The question whose answer replaced option O's rating on criterion K, or -1. */
static int rating_question(const struct criteria *c, const struct result *r, size_t k, size_t o)
{
	int q = k < r->ncriteria && o < r->noptions ? r->rating_cause[k * r->noptions + o] : -1;
	return q >= 0 && (size_t)q < c->nquestions && r->choices[q] >= 0 ? q : -1;
}

/* "normally 9, for your answer “Mostly JavaScript”" for question Q. */
static void trace_into(struct strbuf *sb, const struct criteria *c, const struct result *r,
                       size_t k, size_t o, int q)
{
	strbuf_printf(sb, "normally %g, for your answer \u201c%s\u201d", c->criteria[k].ratings[o],
	              criteria_choice_name(&c->questions[q].choices[r->choices[q]]));
}

int score_rating_trace(const struct criteria *c, const struct result *r, size_t k, size_t o,
                       char *buf, size_t len)
{
	struct strbuf sb;
	strbuf_init(&sb);
	int q = rating_question(c, r, k, o);
	if (q >= 0)
		trace_into(&sb, c, r, k, o, q);
	return strbuf_copy_out(&sb, buf, len);
}

/* " (normally 6, for your answer “Online shop”)" when an answer replaced
 * the rating of option O on criterion K. */
static void rating_trace(struct strbuf *sb, const struct criteria *c, const struct result *r,
                         size_t k, size_t o)
{
	int q = rating_question(c, r, k, o);
	if (q < 0)
		return;
	strbuf_puts(sb, " (");
	trace_into(sb, c, r, k, o, q);
	strbuf_puts(sb, ")");
}

/* How criterion K weighs between options LEAD and OTHER, with LEAD's reason.
 * A rating an answer replaced says so, once when one answer replaced both. */
static int reason_between(const struct criteria *c, const struct result *r, size_t k,
                          size_t lead, size_t other, char *buf, size_t len)
{
	size_t n = r->noptions;
	const struct criterion *cr = &c->criteria[k];
	const char *why = cr->why ? cr->why[lead] : NULL;
	int ql = r->rating_cause[k * n + lead], qo = r->rating_cause[k * n + other];
	int same = ql >= 0 && ql == qo && r->choices[ql] >= 0;
	struct strbuf sb;
	strbuf_init(&sb);
	/* Weighed in pairs, a weight is a share of the whole, not a step of
	 * the scale the person never saw. */
	char share[32];
	if (r->weight_source[k] == WEIGHT_PAIRWISE)
		strbuf_printf(&sb, "%s (%s of the weight): %s rates %g out of 10", cr->name,
		              score_share_text(share, sizeof share, r->weight_shares[k]),
		              c->options[lead].name, r->ratings[k * n + lead]);
	else
		strbuf_printf(&sb, "%s (importance: %s): %s rates %g out of 10", cr->name,
		              criteria_weight_label(c, r->weights[k]), c->options[lead].name,
		              r->ratings[k * n + lead]);
	if (!same)
		rating_trace(&sb, c, r, k, lead);
	strbuf_printf(&sb, ", %s %g", c->options[other].name, r->ratings[k * n + other]);
	if (same)
		strbuf_printf(&sb, " (normally %g and %g, for your answer \u201c%s\u201d)",
		              cr->ratings[lead], cr->ratings[other],
		              criteria_choice_name(&c->questions[ql].choices[r->choices[ql]]));
	else
		rating_trace(&sb, c, r, k, other);
	strbuf_printf(&sb, ".%s%s", why ? " " : "", why ? why : "");
	return strbuf_copy_out(&sb, buf, len);
}

int score_reason_text(const struct criteria *c, const struct result *r, size_t k, char *buf,
                      size_t len)
{
	if (k >= r->ncriteria || k >= c->ncriteria || r->noptions < 2)
		return -1;
	size_t lead = r->winner >= 0 ? (size_t)r->winner : r->ranking[0];
	size_t other = lead == r->ranking[0] ? r->ranking[1] : r->ranking[0];
	/* Told from the side of the one rated higher, with its reason: for a
	 * criterion the runner-up wins, the same as what you give up. */
	size_t n = r->noptions;
	if (r->ratings[k * n + other] > r->ratings[k * n + lead])
		return reason_between(c, r, k, other, lead, buf, len);
	return reason_between(c, r, k, lead, other, buf, len);
}

int score_giveup_text(const struct criteria *c, const struct result *r, size_t k, char *buf,
                      size_t len)
{
	if (k >= r->ncriteria || k >= c->ncriteria || r->noptions < 2)
		return -1;
	return reason_between(c, r, k, r->ranking[1], r->ranking[0], buf, len);
}

size_t score_giveups(const struct result *r, size_t *out, size_t max)
{
	size_t count = 0;
	if (r->winner < 0)
		return 0;
	size_t n = r->noptions, w = (size_t)r->winner, ru = r->ranking[1];
	/* Largest loss first, equal ones in the file's order: an insertion sort
	 * into OUT, keeping the MAX largest. */
	for (size_t i = 0; i < r->ncriteria; i++) {
		double loss = r->contributions[i * n + ru] - r->contributions[i * n + w];
		if (loss <= SCORE_EPS)
			continue;
		size_t k = count < max ? count : max;
		while (k > 0) {
			size_t p = out[k - 1];
			double pl = r->contributions[p * n + ru] - r->contributions[p * n + w];
			if (pl >= loss - SCORE_EPS)
				break;
			if (k < max)
				out[k] = p;
			k--;
		}
		if (k < max) {
			out[k] = i;
			if (count < max)
				count++;
		}
	}
	return count;
}
