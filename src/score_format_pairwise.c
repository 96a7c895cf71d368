/* score_format_pairwise.c - in words, how a weighting in pairs came out
 * (its consistency, the hints, the comparisons filled in, the one that
 * would help most, the criteria left out), and whether the three ways of
 * adding up agree. Every face and report prints these same sentences. */
#include "score_format.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "criteria_groups.h"
#include "score_methods.h"
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
		char cr[32];    /* two decimals always: 0.0013 is "0.00", not "0" */
		snprintf(cr, sizeof cr, "%.2f", x->ahp.cr);
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

int score_pairwise_warning(const struct criteria *c, const struct result *r, char *buf,
                           size_t len)
{
	const struct pairwise_info *p = r->pairwise;
	size_t high = 0, n = 0;
	for (size_t i = 0; p && i < p->nmatrices; i++)
		high += has_consistency(&p->matrices[i]) && p->matrices[i].ahp.cr > AHP_CR_LIMIT;
	if (!high) {
		if (len)
			buf[0] = '\0';
		return 0;
	}
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_puts(&sb, "Careful: your comparisons");
	double cr = 0;
	for (size_t i = 0; i < p->nmatrices; i++) {
		const struct pairwise_matrix *x = &p->matrices[i];
		if (!has_consistency(x) || x->ahp.cr <= AHP_CR_LIMIT)
			continue;
		n++;
		cr = x->ahp.cr;
		strbuf_puts(&sb, n == 1 ? "" : n == high ? " and" : ",");
		if (x->level == JUDGE_GROUPS)
			strbuf_puts(&sb, " of the groups");
		else if (x->group >= 0)
			strbuf_printf(&sb, " within %s",
			              score_pair_item_name(c, JUDGE_GROUPS, (size_t)x->group));
		if (high > 1)
			strbuf_printf(&sb, " (ratio %.2f)", x->ahp.cr);
	}
	if (high == 1)
		strbuf_printf(&sb, " contradict each other (consistency ratio %.2f, above 0.10)", cr);
	else
		strbuf_puts(&sb, " contradict each other (consistency ratios above 0.10)");
	strbuf_puts(&sb, ": the weights they give, and so the confidence, are less trustworthy "
	            "than they look. The review of your comparisons has hints on which answers to "
	            "change.");
	int w = snprintf(buf, len, "%s", strbuf_str(&sb));
	strbuf_free(&sb);
	return w;
}

/* How many pairs matrix X has among its compared items. */
static size_t pairs_of(const struct pairwise_matrix *x)
{
	size_t m = x->ahp.ncompared;
	return m * (m - 1) / 2;
}

/* One line per matrix with comparisons left out: how many were given, and
 * that the rest are worked out from them (each value is in the JSON). */
static void filled_lines(struct score_lines *lines, const struct criteria *c,
                         const struct pairwise_info *p)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < p->nmatrices; i++) {
		const struct pairwise_matrix *x = &p->matrices[i];
		if (x->status != AHP_OK || !x->ahp.nfilled)
			continue;
		size_t all = pairs_of(x), given = all - x->ahp.nfilled;
		if (x->level == JUDGE_GROUPS)
			strbuf_puts(&sb, "Of the groups");
		else if (x->group < 0)
			strbuf_puts(&sb, "Of the criteria");
		else
			strbuf_printf(&sb, "Within %s",
			              score_pair_item_name(c, JUDGE_GROUPS, (size_t)x->group));
		strbuf_printf(&sb, ", you compared %zu of the %zu pairs; verdict works out the "
		              "other %zu from those (the JSON output lists each value).", given,
		              all, x->ahp.nfilled);
		add_line(lines, &sb);
	}
	strbuf_free(&sb);
}

/* The pair (A, B) at LEVEL, A over B = V, in words: "Raw speed matters 4
 * times as much as Room to grow", or "... matter about equally". */
static void pair_in_words(struct strbuf *sb, const struct criteria *c,
                          enum judgment_level level, size_t a, size_t b, double v)
{
	if (v < 1) {
		size_t t = a;
		a = b;
		b = t;
		v = 1 / v;
	}
	char num[32];
	score_number(num, sizeof num, v, 1);
	if (strcmp(num, "1") == 0)
		strbuf_printf(sb, "%s and %s matter about equally", score_pair_item_name(c, level, a),
		              score_pair_item_name(c, level, b));
	else
		strbuf_printf(sb, "%s matters %s times as much as %s",
		              score_pair_item_name(c, level, a), num,
		              score_pair_item_name(c, level, b));
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
		strbuf_puts(&sb, "The comparison that would help most next: ");
		pair_names(&sb, c, p->next.level, p->next.a, p->next.b);
		strbuf_puts(&sb, ". Until you give it, verdict takes it that ");
		pair_in_words(&sb, c, p->next.level, p->next.a, p->next.b, p->next.value);
		strbuf_puts(&sb, ".");
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

/* Option O's rating on criterion I. */
static double rating(const struct result *r, size_t i, int o)
{
	return r->ratings[i * r->noptions + (size_t)o];
}

/* ", which weighs most" when criterion I weighs more than any other. */
static void weighs_most(struct strbuf *sb, const struct result *r, size_t i)
{
	for (size_t k = 0; k < r->ncriteria; k++)
		if (k != i && !(r->weights[k] < r->weights[i]))
			return;
	strbuf_puts(sb, ", which weighs most");
}

/* Why the weighted product picks P where the weighted sum picks S: the
 * criterion that gives P its largest edge once ratings are multiplied
 * (the largest share_i * (ln P's rating - ln S's rating), a rating of 0
 * counted as the product counts it). */
static void product_why(struct strbuf *sb, const struct criteria *c, const struct result *r,
                        int p, int s)
{
	size_t at = 0;
	double edge = -INFINITY;
	for (size_t i = 0; i < r->ncriteria; i++) {
		double rp = fmax(rating(r, i, p), SCORE_PRODUCT_FLOOR);
		double rs = fmax(rating(r, i, s), SCORE_PRODUCT_FLOOR);
		double e = r->weight_shares[i] * (log(rp) - log(rs));
		if (e > edge) {
			edge = e;
			at = i;
		}
	}
	char vp[32], vs[32];
	score_number(vp, sizeof vp, rating(r, at, p), 1);
	score_number(vs, sizeof vs, rating(r, at, s), 1);
	strbuf_printf(sb, " Multiplying punishes a low rating much harder than adding up: "
	              "%s is rated only %s on %s", c->options[s].name, vs,
	              c->criteria[at].name);
	weighs_most(sb, r, at);
	strbuf_printf(sb, ", against %s for %s.", vp, c->options[p].name);
}

/* Why TOPSIS picks T where the weighted sum picks S. TOPSIS scores each
 * option by its distance from an imaginary best option (the top rating on
 * every criterion) against its distance from an imaginary worst one (the
 * lowest); T wins because it is nearer the best, or else (nearer or not)
 * because it stands further from the worst. The criterion named is the one
 * that makes most of that difference. */
static void topsis_why(struct strbuf *sb, const struct criteria *c, const struct result *r,
                       int t, int s)
{
	size_t m = r->ncriteria;
	double *gap = xcalloc(4 * m, sizeof *gap);
	double *best_t = gap, *worst_t = gap + m, *best_s = gap + 2 * m, *worst_s = gap + 3 * m;
	score_topsis_gaps(r->noptions, m, r->ratings, r->weights, (size_t)t, best_t, worst_t);
	score_topsis_gaps(r->noptions, m, r->ratings, r->weights, (size_t)s, best_s, worst_s);
	double near_t = 0, near_s = 0;
	for (size_t i = 0; i < m; i++) {
		near_t += best_t[i] * best_t[i];
		near_s += best_s[i] * best_s[i];
	}
	int nearer = near_t < near_s;   /* T is nearer the best */
	size_t at = 0;
	double most = -INFINITY;
	for (size_t i = 0; i < m; i++) {
		double d = nearer ? best_s[i] * best_s[i] - best_t[i] * best_t[i]
		                  : worst_t[i] * worst_t[i] - worst_s[i] * worst_s[i];
		if (d > most) {
			most = d;
			at = i;
		}
	}
	free(gap);
	/* The lowest and the highest rating on that criterion. */
	double lo = rating(r, at, 0), hi = lo;
	for (size_t o = 1; o < r->noptions; o++) {
		lo = fmin(lo, rating(r, at, (int)o));
		hi = fmax(hi, rating(r, at, (int)o));
	}
	char vt[32], vs[32], ve[32];
	score_number(vt, sizeof vt, rating(r, at, t), 1);
	score_number(vs, sizeof vs, rating(r, at, s), 1);
	score_number(ve, sizeof ve, nearer ? hi : lo, 1);
	const char *tn = c->options[t].name, *sn = c->options[s].name;
	if (nearer)
		strbuf_printf(sb, " %s comes nearer the best ratings than %s, most of all on %s", tn,
		              sn, c->criteria[at].name);
	else
		strbuf_printf(sb, " %s comes nearer the best ratings on the whole, but %s stands "
		              "further from the worst, most of all on %s", sn, tn,
		              c->criteria[at].name);
	weighs_most(sb, r, at);
	if (nearer)
		strbuf_printf(sb, ": %s is rated %s there, against a top rating of %s; ", sn, vs, ve);
	else
		strbuf_printf(sb, ": %s is rated %s there, %s %s, and the lowest rating is %s; ", tn,
		              vt, sn, vs, ve);
	strbuf_puts(sb, nearer ? "TOPSIS counts one wide gap from the best for more than "
	            "several narrow ones, where adding up counts them alike."
	            : "TOPSIS counts the one as much as the other.");
}

int score_methods_text(const struct criteria *c, const struct result *r, char *buf, size_t len)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_puts(&sb, "Checked three ways (adding up the weighted ratings, as the scores "
	            "here do; multiplying them, the weighted product; and TOPSIS, which looks at "
	            "how near each option comes to the best rating on every criterion and how "
	            "far it stands from the worst): ");
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
	strbuf_puts(&sb, ".");
	int s = r->winner, p = r->methods[METHOD_WEIGHTED_PRODUCT].winner;
	int t = r->methods[METHOD_TOPSIS].winner;
	if (s >= 0 && p >= 0 && p != s)
		product_why(&sb, c, r, p, s);
	if (s >= 0 && t >= 0 && t != s)
		topsis_why(&sb, c, r, t, s);
	strbuf_puts(&sb, " Look at where the options differ most before you decide.");
	return strbuf_copy_out(&sb, buf, len);
}
