/* score_format_pairwise.c - in words, how a weighting in pairs came out
 * (its consistency, the hints, the comparisons filled in, the one that
 * would help most, the criteria left out), and whether the three ways of
 * adding up agree. Every face and report prints these same sentences. */
#include "score_format.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "criteria_groups.h"
#include "strbuf.h"
#include "xalloc.h"

void score_pair_value_text(char *buf, size_t len, double v, int exact)
{
	double big = v >= 1 ? v : 1 / v;
	char num[32];
	if (exact)
		snprintf(num, sizeof num, "%.0f", big);
	else
		score_number(num, sizeof num, big, 1);
	snprintf(buf, len, "%s%s", v >= 1 || !strcmp(num, "1") ? "" : "1/", num);
}

const char *score_pair_item_name(const struct criteria *c, enum judgment_level level,
                                 size_t index)
{
	if (level == JUDGE_CRITERIA)
		return index < c->ncriteria ? c->criteria[index].name : "?";
	struct criteria_groups g;
	criteria_groups_init(&g, c);
	const char *name = index < g.n ? g.names[index] : "?";
	criteria_groups_free(&g);
	return name;        /* the model's own string, or CRITERIA_GROUP_OTHER */
}

/* "A vs B" for the pair (A, B) at LEVEL. */
static void pair_names(struct strbuf *sb, const struct criteria *c, enum judgment_level level,
                       size_t a, size_t b)
{
	strbuf_printf(sb, "%s vs %s", score_pair_item_name(c, level, a),
	              score_pair_item_name(c, level, b));
}

/* Which comparisons matrix X holds, for a sentence's start. */
static void matrix_where(struct strbuf *sb, const struct criteria *c,
                         const struct pairwise_matrix *x)
{
	if (x->level == JUDGE_GROUPS)
		strbuf_puts(sb, "Your comparisons of the groups");
	else if (x->group < 0)
		strbuf_puts(sb, "Your comparisons");
	else
		strbuf_printf(sb, "Your comparisons within %s",
		              score_pair_item_name(c, JUDGE_GROUPS, (size_t)x->group));
}

static void add_line(struct score_lines *lines, struct strbuf *sb)
{
	lines->items = xreallocarray(lines->items, lines->count + 1, sizeof *lines->items);
	lines->items[lines->count++] = strbuf_take(sb, NULL);
	strbuf_init(sb);
}

void score_lines_free(struct score_lines *lines)
{
	for (size_t i = 0; i < lines->count; i++)
		free(lines->items[i]);
	free(lines->items);
	*lines = (struct score_lines){ 0 };
}

/* Whether matrix X's consistency means anything: three items compared or
 * more (two cannot contradict each other). */
static int has_consistency(const struct pairwise_matrix *x)
{
	return x->status == AHP_OK && x->ahp.ncompared >= 3;
}

static void consistency_lines(struct score_lines *lines, const struct criteria *c,
                              const struct pairwise_info *p)
{
	struct strbuf sb;
	strbuf_init(&sb);
	int told = 0;
	for (size_t i = 0; i < p->nmatrices; i++) {
		const struct pairwise_matrix *x = &p->matrices[i];
		if (!has_consistency(x))
			continue;
		if (!told++) {
			strbuf_puts(&sb, "The consistency ratio says how much your comparisons "
			            "contradict each other: 0 is not at all, and above 0.10 is too "
			            "much to trust the weights they give.");
			add_line(lines, &sb);
		}
		char cr[32];
		score_number(cr, sizeof cr, x->ahp.cr, 2);
		matrix_where(&sb, c, x);
		if (x->ahp.cr > AHP_CR_LIMIT)
			strbuf_printf(&sb, ": consistency ratio %s, above 0.10: some of them "
			              "contradict the others.", cr);
		else
			strbuf_printf(&sb, ": consistency ratio %s, so they hang together.", cr);
		add_line(lines, &sb);
		for (size_t h = 0; h < x->ahp.nhints; h++) {
			const struct ahp_hint *hint = &x->ahp.hints[h];
			char given[32], fit[32], after[32];
			score_pair_value_text(given, sizeof given, hint->given, 1);
			score_pair_value_text(fit, sizeof fit, hint->fit, 1);
			score_number(after, sizeof after, hint->cr_after, 2);
			pair_names(&sb, c, x->level, x->items[hint->a], x->items[hint->b]);
			strbuf_printf(&sb, ": you said %s, the rest of your answers suggest %s "
			              "(with %s, the ratio would be %s).", given, fit, fit, after);
			add_line(lines, &sb);
		}
	}
	strbuf_free(&sb);
}

static void filled_lines(struct score_lines *lines, const struct criteria *c,
                         const struct pairwise_info *p)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < p->nmatrices; i++) {
		const struct pairwise_matrix *x = &p->matrices[i];
		if (x->status != AHP_OK || !x->ahp.nfilled)
			continue;
		matrix_where(&sb, c, x);
		strbuf_puts(&sb, " leave out some pairs; from the rest, verdict takes ");
		for (size_t f = 0; f < x->ahp.nfilled; f++) {
			const struct ahp_pair *pr = &x->ahp.filled[f];
			char v[32];
			score_pair_value_text(v, sizeof v, pr->value, 0);
			if (f)
				strbuf_puts(&sb, f + 1 == x->ahp.nfilled ? " and " : ", ");
			pair_names(&sb, c, x->level, x->items[pr->a], x->items[pr->b]);
			strbuf_printf(&sb, " as %s", v);
		}
		strbuf_puts(&sb, ".");
		add_line(lines, &sb);
	}
	strbuf_free(&sb);
}

void score_pairwise_lines(const struct criteria *c, const struct result *r,
                          struct score_lines *lines)
{
	*lines = (struct score_lines){ 0 };
	const struct pairwise_info *p = r->pairwise;
	if (!p)
		return;
	consistency_lines(lines, c, p);
	filled_lines(lines, c, p);
	struct strbuf sb;
	strbuf_init(&sb);
	if (p->has_next) {
		char v[32];
		score_pair_value_text(v, sizeof v, p->next.value, 0);
		strbuf_puts(&sb, "The comparison that would help most next: ");
		pair_names(&sb, c, p->next.level, p->next.a, p->next.b);
		strbuf_printf(&sb, " (taken as %s for now).", v);
		add_line(lines, &sb);
	}
	if (p->nleft_out) {
		strbuf_printf(&sb, "Left out of your comparisons, so %s for nothing: ",
		              p->nleft_out == 1 ? "it counts" : "they count");
		size_t told = 0;
		for (size_t k = 0; k < r->ncriteria; k++) {
			if (r->weights[k] > 0)
				continue;
			if (told++)
				strbuf_puts(&sb, told == p->nleft_out ? " and " : ", ");
			strbuf_puts(&sb, c->criteria[k].name);
		}
		strbuf_puts(&sb, ".");
		add_line(lines, &sb);
	}
	strbuf_free(&sb);
}

/* What method M picks, for the sentence: "the weighted product picks
 * Python", "TOPSIS finds it too close to call". */
static void method_pick(struct strbuf *sb, const struct criteria *c, const struct result *r,
                        enum method m)
{
	int w = r->methods[m].winner;
	if (w >= 0)
		strbuf_printf(sb, "%s picks %s", m == METHOD_TOPSIS ? "TOPSIS" : method_name(m),
		              c->options[w].name);
	else
		strbuf_printf(sb, "%s finds it too close to call",
		              m == METHOD_TOPSIS ? "TOPSIS" : method_name(m));
}

int score_methods_text(const struct criteria *c, const struct result *r, char *buf, size_t len)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_puts(&sb, "Checked three ways (adding up the weighted ratings, as above; "
	            "multiplying them, the weighted product; and measuring how near each "
	            "option comes to the best on every criterion, TOPSIS): ");
	if (r->methods_agree) {
		if (r->winner >= 0)
			strbuf_printf(&sb, "all three pick %s.", c->options[r->winner].name);
		else
			strbuf_puts(&sb, "all three find it too close to call.");
		return strbuf_copy_out(&sb, buf, len);
	}
	strbuf_puts(&sb, "they do not agree. The weighted sum");
	strbuf_puts(&sb, r->winner >= 0 ? " picks " : " finds it too close to call");
	if (r->winner >= 0)
		strbuf_puts(&sb, c->options[r->winner].name);
	strbuf_puts(&sb, ", the ");
	method_pick(&sb, c, r, METHOD_WEIGHTED_PRODUCT);
	strbuf_puts(&sb, " and ");
	method_pick(&sb, c, r, METHOD_TOPSIS);
	strbuf_puts(&sb, ". That happens when an option is very good on some criteria and "
	            "poor on others: adding up lets its strengths make up for its weak spots, "
	            "multiplying punishes a poor rating much harder, and TOPSIS favours the "
	            "option with no rating far from the best. Look at where the options differ "
	            "most before you decide.");
	return strbuf_copy_out(&sb, buf, len);
}
