/* plain_pairwise.c - the plain face weighing in pairs: how to weigh, each
 * comparison as a numbered prompt ("Speed vs Syntax [1]: ", answered 1 to 9
 * or 1/2 to 1/9, or a decimal such as 0.5, as an answers file writes them),
 * s to skip one, "enough for now" (e) once the answers link every criterion
 * (session.h asks the fewest that do first), and the review with the
 * consistency, the hints (each asked again with its suggestion in brackets)
 * and the weights, group by group. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ahp.h"
#include "plain_internal.h"
#include "score.h"

int plain_weighing_starts(const struct plain *p)
{
	const struct flow *f = p->f;
	if (!f->id || f->complete || f->step != session_weighing_step(f->c))
		return 0;
	for (size_t k = 0; k < f->s->ncriteria; k++)
		if (f->s->weight_set[k])
			return 0;
	return f->s->njudgments == 0;
}

int plain_choosing(const struct plain *p)
{
	return !p->chose && plain_weighing_starts(p);
}

void plain_weighing(struct plain *p)
{
	const struct criteria *c = p->f->c;
	struct session_pairs sp;
	session_pairs_init(&sp, c);
	size_t least = session_pairs_needed(&sp, p->f->s);
	int def = p->f->s->weighting == WEIGHTING_PAIRWISE ? 2 : 1;
	plain_say(p, "\nHow would you like to say what matters to you? Either way the results are "
	          "worked out the same; you can change this later from the review.\n");
	plain_say(p, "  1. Rate each criterion on the scale from %d to %d: %zu question%s\n",
	          c->scale.min, c->scale.max, c->ncriteria, c->ncriteria == 1 ? "" : "s");
	plain_say(p, "  2. Compare them two at a time: %zu comparison%s; the first %zu link every "
	          "criterion, and you can stop after them\n", sp.n, sp.n == 1 ? "" : "s", least);
	session_pairs_free(&sp);
	for (;;) {
		long pick = def;
		enum reply r = plain_ask(p, &pick, "Weigh 1-2 [%d]: ", def);
		if (p->stop)
			return;
		if (r == REPLY_BACK) {
			plain_back(p);
			return;
		}
		if (r == REPLY_HELP) {
			plain_help(p, "");
			continue;
		}
		if ((r == REPLY_DEFAULT || r == REPLY_NUMBER) && (pick == 1 || pick == 2)) {
			p->chose = 1;
			p->pair_at = PLAIN_NO_PAIR;
			plain_answer(p, flow_weighting(pick == 2 ? WEIGHTING_PAIRWISE
			                                         : WEIGHTING_RATINGS));
			return;
		}
		plain_say(p, "\"%s\" is not one of the answers: type 1 or 2, or Enter for %d.\n",
		          p->line, def);
	}
}

/* A number, all of S: "3", "0.5", "2.0". Returns 1 and it in *V. */
static int whole_number(const char *s, const char *end, double *v)
{
	if (s == end || !((*s >= '0' && *s <= '9') || *s == '.'))
		return 0;
	char buf[32];
	size_t n = (size_t)(end - s);
	if (n >= sizeof buf)
		return 0;
	memcpy(buf, s, n);
	buf[n] = '\0';
	char *stop;
	*v = strtod(buf, &stop);
	return *stop == '\0';
}

/* An answer to a comparison, as an answers file writes it: 1 to 9, 1/2 to
 * 1/9, or a decimal on the scale (0.5, 0.2, 3.0), snapped to the scale's
 * exact value. Returns the value, or 0 when S is none of them. */
static double pair_reply(const char *s)
{
	const char *slash = strchr(s, '/'), *end = s + strlen(s);
	double v, d;
	if (slash) {
		if (!whole_number(s, slash, &v) || !whole_number(slash + 1, end, &d) || !(d > 0))
			return 0;
		v /= d;
	} else if (!whole_number(s, end, &v)) {
		return 0;
	}
	return v > 0 && ahp_on_scale(v) ? ahp_nearest_scale(v) : 0;
}

/* VALUE as the prompt writes it: "7", "1", "1/5". */
static void value_text(double value, char *buf, size_t len)
{
	if (value >= 1)
		snprintf(buf, len, "%ld", lround(value));
	else
		snprintf(buf, len, "1/%ld", lround(1 / value));
}

static const char *item_name(const struct criteria *c, const struct session_pairs *sp,
                             enum judgment_level level, size_t i)
{
	return level == JUDGE_GROUPS ? sp->groups.names[i] : c->criteria[i].name;
}

/* Asks comparison A over B at LEVEL, DEF in brackets. Returns 1 and the
 * value in *V when one was given; 0 for another reply, in p->line (b, e, s,
 * q, the end). */
static int ask_pair(struct plain *p, const char *a, const char *b, double def, double *v)
{
	char dv[16];
	value_text(def, dv, sizeof dv);
	for (;;) {
		long n;
		enum reply r = plain_ask(p, &n, "%s vs %s [%s]: ", a, b, dv);
		if (p->stop || r == REPLY_BACK || !strcmp(p->line, "e") || !strcmp(p->line, "s"))
			return 0;
		if (r == REPLY_HELP) {
			plain_help(p, " e: enough for now, once the answers link every criterion. s: skip "
			           "this comparison, saving nothing (asked again at the end if it is still "
			           "needed).");
			continue;
		}
		*v = r == REPLY_DEFAULT ? def : pair_reply(p->line);
		if (*v > 0)
			return 1;
		plain_say(p, "\"%s\" is not an answer: 1 if they matter equally, 2 to 9 if %s matters "
		          "that many times as much, 1/2 to 1/9 (or 0.5 to 0.11) if %s does; s skips "
		          "it.\n", p->line, a, b);
	}
}

/* s on comparison AT of SP: nothing saved; the next, or after the last the
 * first not given (when some are still needed), else the review. */
static void skip(struct plain *p, const struct session_pairs *sp, size_t at)
{
	size_t first = session_pairs_first_missing(sp, p->f->s);
	if (at + 1 < sp->n) {
		p->pair_at = at + 1;
	} else if (!session_pairs_needed(sp, p->f->s)) {
		p->pair_at = PLAIN_NO_PAIR;
		plain_go(p, session_review_step(p->f->c, WEIGHTING_PAIRWISE));
	} else if (first != at) {
		p->pair_at = first;
		plain_say(p, "Some comparisons are still needed to link every criterion: here is the "
		          "first one not given.\n");
	} else {
		p->pair_at = at;
		plain_say(p, "This is the last comparison not given, and it is still needed to link "
		          "every criterion: 1 if you cannot tell them apart.\n");
	}
}

void plain_pairs(struct plain *p)
{
	const struct criteria *c = p->f->c;
	struct session_pairs sp;
	session_pairs_init(&sp, c);
	if (sp.n == 0) {
		session_pairs_free(&sp);
		plain_go(p, session_review_step(c, WEIGHTING_PAIRWISE));
		return;
	}
	size_t at = p->pair_at;
	if (at == PLAIN_NO_PAIR || at >= sp.n)
		at = session_pairs_first_missing(&sp, p->f->s);
	if (at == sp.n)
		at = sp.n - 1;
	const struct session_pair *pr = &sp.items[at];
	const char *a = item_name(c, &sp, pr->level, pr->a);
	const char *b = item_name(c, &sp, pr->level, pr->b);
	const char *where = pr->level == JUDGE_GROUPS ? "between the groups"
	                    : pr->group >= 0 ? sp.groups.names[pr->group] : NULL;
	plain_say(p, "\nComparison %zu of %zu%s%s%s: %s vs %s\n", at + 1, sp.n, where ? " (" : "",
	          where ? where : "", where ? ")" : "", a, b);
	if (pr->level == JUDGE_CRITERIA) {
		plain_say(p, "  %s: %s\n", a, c->criteria[pr->a].question);
		plain_say(p, "  %s: %s\n", b, c->criteria[pr->b].question);
	}
	if (!p->pairs_told)
		plain_say(p, "Which matters more, and how much? 1 equally; 2 to 9 if the first matters "
		          "that many times as much (3 a little more, 5 clearly, 7 much, 9 extremely); "
		          "1/2 to 1/9 if the second does. s: skip one you cannot judge. e: enough for "
		          "now, once the answers link every criterion.\n");
	p->pairs_told = 1;
	size_t ngiven = session_pairs_given(&sp, p->f->s);
	size_t still = session_pairs_needed(&sp, p->f->s);
	if (still)
		plain_say(p, "%zu of %zu given; %zu more before you can stop.\n", ngiven, sp.n, still);
	else if (ngiven < sp.n)
		plain_say(p, "%zu of %zu given: enough for now (e) whenever you like; each one more "
		          "makes the weights surer.\n", ngiven, sp.n);
	const struct judgment *j = session_pair_given(&sp, at, p->f->s);
	double def = j ? (j->a == pr->a ? j->value : 1 / j->value) : 1, v;
	int given = ask_pair(p, a, b, def, &v);
	if (given) {
		plain_answer(p, flow_judgment(pr->level, pr->a, pr->b, v));
		if (p->stop || !p->f->id) {
			session_pairs_free(&sp);
			return;
		}
		size_t needed = session_pairs_needed(&sp, p->f->s);
		if (at + 1 < sp.n) {
			p->pair_at = at + 1;
		} else if (needed) {
			p->pair_at = session_pairs_first_missing(&sp, p->f->s);
			plain_say(p, "Some comparisons are still needed to link every criterion: here is "
			          "the first one not given.\n");
		} else {
			p->pair_at = PLAIN_NO_PAIR;
			plain_go(p, session_review_step(c, WEIGHTING_PAIRWISE));
		}
	} else if (!p->stop && !strcmp(p->line, "s")) {
		skip(p, &sp, at);
	} else if (!p->stop && !strcmp(p->line, "e")) {
		size_t needed = session_pairs_needed(&sp, p->f->s);
		if (needed) {
			plain_say(p, "Not yet: %zu more comparison%s needed to link every criterion, so "
			          "that none is left out of the weights.\n", needed,
			          needed == 1 ? " is" : "s are");
			p->pair_at = at;
		} else {
			p->pair_at = PLAIN_NO_PAIR;
			plain_go(p, session_review_step(c, WEIGHTING_PAIRWISE));
		}
	} else if (!p->stop) {
		/* b: the comparison before, or the step before. */
		if (at > 0)
			p->pair_at = at - 1;
		else
			plain_back(p);
	}
	session_pairs_free(&sp);
}

/* A hint, in model indices. */
struct plain_hint {
	enum judgment_level level;
	size_t a, b;
	double given, fit;
};

/* The matrix's name in the review. */
static const char *matrix_name(const struct session_pairs *sp, const struct pairwise_matrix *mx)
{
	if (mx->level == JUDGE_GROUPS)
		return "Between the groups";
	return mx->group >= 0 ? sp->groups.names[mx->group] : "Your comparisons";
}

/* Says the consistency of each matrix of three or more, and gathers the
 * hints into HINTS (at most MAX). Returns how many. */
static size_t say_consistency(struct plain *p, const struct session_pairs *sp,
                              const struct pairwise_info *pw, struct plain_hint *hints,
                              size_t max)
{
	size_t n = 0;
	plain_say(p, "The consistency ratio says how well your answers agree with each other: if A "
	          "matters more than B, and B more than C, then A should matter more than C. Up to "
	          "0.10 is fine.\n");
	for (size_t m = 0; m < pw->nmatrices; m++) {
		const struct pairwise_matrix *mx = &pw->matrices[m];
		if (mx->status != AHP_OK)
			continue;
		if (mx->ahp.ncompared >= 3)
			plain_say(p, "  %s: %.2f, %s\n", matrix_name(sp, mx), mx->ahp.cr,
			          mx->ahp.cr > AHP_CR_LIMIT
			          ? "above 0.10: some answers pull against the others" : "consistent");
		for (size_t h = 0; h < mx->ahp.nhints && n < max; h++) {
			const struct ahp_hint *hi = &mx->ahp.hints[h];
			hints[n++] = (struct plain_hint){ mx->level, mx->items[hi->a], mx->items[hi->b],
			                                  hi->given, hi->fit };
		}
	}
	return n;
}

/* The weights that come out, as shares: group by group in the order the
 * comparisons are asked, each group's share of the whole first. */
static void say_weights(struct plain *p, const struct session_pairs *sp, const struct result *r)
{
	const struct criteria *c = p->f->c;
	const struct criteria_groups *g = &sp->groups;
	plain_say(p, "The weights from your comparisons:\n");
	for (size_t grp = 0; grp < (g->n ? g->n : 1); grp++) {
		if (g->n) {
			double sum = 0;
			for (size_t k = 0; k < c->ncriteria; k++)
				sum += g->of[k] == grp ? r->weight_shares[k] : 0;
			plain_say(p, "  %s: %.1f%% of the weight\n", g->names[grp], sum * 100);
		}
		for (size_t k = 0; k < c->ncriteria; k++) {
			if (g->n && g->of[k] != grp)
				continue;
			if (r->weight_shares[k] > 0)
				plain_say(p, "  %s%s: %.1f%%\n", g->n ? "  " : "", c->criteria[k].name,
				          r->weight_shares[k] * 100);
			else
				plain_say(p, "  %s%s: left out, in no comparison\n", g->n ? "  " : "",
				          c->criteria[k].name);
		}
	}
}

void plain_pairs_review(struct plain *p)
{
	const struct criteria *c = p->f->c;
	struct session_pairs sp;
	session_pairs_init(&sp, c);
	plain_say(p, "\nReview your comparisons: %zu of %zu given\n",
	          session_pairs_given(&sp, p->f->s), sp.n);
	struct result r;
	enum score_status st = flow_preview(p->f, &r);
	size_t needed = session_pairs_needed(&sp, p->f->s);
	struct plain_hint hints[16];
	size_t nh = 0;
	if (st == SCORE_OK && !needed) {
		if (r.pairwise)
			nh = say_consistency(p, &sp, r.pairwise, hints, 16);
		for (size_t i = 0; i < nh; i++) {
			char said[16], fit[16];
			value_text(hints[i].given, said, sizeof said);
			value_text(hints[i].fit, fit, sizeof fit);
			if (i == 0)
				plain_say(p, "Hints: the answers that pull most against the others\n");
			plain_say(p, "  %zu. %s vs %s: you said %s; the rest of your answers suggest %s.\n",
			          i + 1, item_name(c, &sp, hints[i].level, hints[i].a),
			          item_name(c, &sp, hints[i].level, hints[i].b), said, fit);
		}
		say_weights(p, &sp, &r);
	} else {
		plain_say(p, "Your comparisons do not yet link every criterion: %zu more needed; b "
		          "goes back to them.\n", needed ? needed : 1);
	}
	if (st == SCORE_OK)
		result_free(&r);
	for (;;) {
		long pick = 0;
		enum reply rep = nh
			? plain_ask(p, &pick, "A hint's number asks that comparison again; w rates each "
			            "criterion instead; Enter shows the results [Enter]: ")
			: plain_ask(p, &pick, "w rates each criterion instead; Enter shows the results "
			            "[Enter]: ");
		if (p->stop)
			break;
		if (rep == REPLY_DEFAULT && st == SCORE_OK && !needed) {
			plain_go(p, p->f->step + 1);
			break;
		}
		if (rep == REPLY_DEFAULT) {
			plain_say(p, "Not yet: the comparisons do not link every criterion; b goes back "
			          "to them.\n");
			continue;
		}
		if (rep == REPLY_BACK) {
			p->pair_at = sp.n ? sp.n - 1 : PLAIN_NO_PAIR;
			plain_back(p);
			break;
		}
		if (!strcmp(p->line, "w")) {
			plain_answer(p, flow_weighting(WEIGHTING_RATINGS));
			p->chose = 1;
			break;
		}
		if (rep == REPLY_HELP) {
			plain_help(p, "");
			continue;
		}
		if (rep == REPLY_NUMBER && pick >= 1 && (size_t)pick <= nh) {
			const struct plain_hint *h = &hints[pick - 1];
			const char *a = item_name(c, &sp, h->level, h->a);
			const char *b = item_name(c, &sp, h->level, h->b);
			double v;
			if (ask_pair(p, a, b, h->fit, &v))
				plain_answer(p, flow_judgment(h->level, h->a, h->b, v));
			break;          /* the review again, with the new answer */
		}
		plain_say(p, "\"%s\" is not an answer here: %s, w, or Enter for the results.\n",
		          p->line, nh ? "a hint's number" : "b");
	}
	session_pairs_free(&sp);
}
