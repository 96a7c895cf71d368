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

/* The pair (A, B) at LEVEL, A over B = V, in words: "Raw speed matters 4
 * times as much as Room to grow", or "... matter about equally"; with
 * ABOUT, "matters about 4 times as much" (a value worked out, not given). */
static void pair_in_words(struct strbuf *sb, const struct criteria *c,
                          enum judgment_level level, size_t a, size_t b, double v, int about)
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
		strbuf_printf(sb, "%s matters %s%s times as much as %s",
		              score_pair_item_name(c, level, a), about ? "about " : "", num,
		              score_pair_item_name(c, level, b));
}

/* Whether matrix X's consistency means anything: three items compared or
 * more (two cannot contradict each other). */
static int has_consistency(const struct pairwise_matrix *x)
{
	return x->status == AHP_OK && x->ahp.ncompared >= 3;
}

/* How many pairs matrix X has among its compared items. */
static size_t pairs_of(const struct pairwise_matrix *x)
{
	size_t m = x->ahp.ncompared;
	return m * (m - 1) / 2;
}

/* Whether matrix X's comparisons can contradict each other at all: more
 * than the m - 1 that link m items (those form no loop, so any values fit
 * together and the ratio is 0 whatever they are). */
static int checkable(const struct pairwise_matrix *x)
{
	return has_consistency(x) && pairs_of(x) - x->ahp.nfilled >= x->ahp.ncompared;
}

/* Whether matrix X is checked and contradicts itself. */
static int contradicts(const struct pairwise_matrix *x)
{
	return checkable(x) && x->ahp.cr > AHP_CR_LIMIT;
}

/* "within Technical", "among the groups", "among the criteria". */
static void matrix_place(struct strbuf *sb, const struct criteria *c,
                         const struct pairwise_matrix *x)
{
	if (x->level == JUDGE_GROUPS)
		strbuf_puts(sb, "among the groups");
	else if (x->group < 0)
		strbuf_puts(sb, "among the criteria");
	else
		strbuf_printf(sb, "within %s", score_pair_item_name(c, JUDGE_GROUPS, (size_t)x->group));
}

static void hint_words(struct strbuf *sb, const struct criteria *c,
                       const struct pairwise_matrix *x, const struct ahp_hint *h)
{
	size_t a = x->items[h->a], b = x->items[h->b];
	pair_names(sb, c, x->level, a, b);
	strbuf_puts(sb, ": you said ");
	pair_in_words(sb, c, x->level, a, b, h->given, 0);
	strbuf_puts(sb, "; your other answers suggest ");
	pair_in_words(sb, c, x->level, a, b, h->fit, 1);
}

char *score_hint_text_new(const struct criteria *c, const struct pairwise_matrix *x,
                          const struct ahp_hint *h)
{
	struct strbuf sb;
	strbuf_init(&sb);
	hint_words(&sb, c, x, h);
	return strbuf_take(&sb, NULL);
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
		const char *things = x->level == JUDGE_GROUPS ? "groups" : "criteria";
		if (!checkable(x)) {
			/* A chain with no loop: nothing can contradict anything. */
			matrix_where(&sb, c, x);
			strbuf_printf(&sb, " cannot be checked for contradictions yet: %zu comparisons "
			              "link the %zu %s with no way round, so there is nothing to check "
			              "them against. One more comparison among them would allow a check.",
			              pairs_of(x) - x->ahp.nfilled, x->ahp.ncompared, things);
			add_line(lines, &sb);
			continue;
		}
		if (!told++) {
			strbuf_puts(&sb, "The consistency ratio says how much your comparisons "
			            "contradict each other: 0 is not at all, and above 0.10 is too "
			            "much to trust the weights they give.");
			add_line(lines, &sb);
		}
		char cr[32];    /* two decimals always: 0.0013 is "0.00", not "0" */
		snprintf(cr, sizeof cr, "%.2f", x->ahp.cr);
		if (strcmp(cr, "0.10") == 0 && x->ahp.cr > AHP_CR_LIMIT)
			snprintf(cr, sizeof cr, "%.4f", x->ahp.cr);   /* "above 0.10" beside 0.1004 */
		matrix_where(&sb, c, x);
		if (x->ahp.cr > AHP_CR_LIMIT)
			strbuf_printf(&sb, ": consistency ratio %s, above 0.10: some of them "
			              "contradict the others.", cr);
		else
			strbuf_printf(&sb, ": consistency ratio %s, so they hang together.", cr);
		add_line(lines, &sb);
		for (size_t h = 0; h < x->ahp.nhints; h++) {
			const struct ahp_hint *hint = &x->ahp.hints[h];
			char after[32];
			score_number(after, sizeof after, hint->cr_after, 2);
			hint_words(&sb, c, x, hint);
			strbuf_printf(&sb, " (with that, the ratio would be %s).", after);
			add_line(lines, &sb);
		}
	}
	strbuf_free(&sb);
}

/* Filled comparisons named one by one, at most this many a matrix. */
#define FILLED_NAMED 3

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

/* One line per matrix with comparisons left out: how many were given, and
 * what verdict takes the others to be, in words. */
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
		              "other %zu from those: ", given, all, x->ahp.nfilled);
		size_t named = x->ahp.nfilled < FILLED_NAMED ? x->ahp.nfilled : FILLED_NAMED;
		for (size_t f = 0; f < named; f++) {
			const struct ahp_pair *fp = &x->ahp.filled[f];
			strbuf_puts(&sb, f ? "; " : "");
			pair_in_words(&sb, c, x->level, x->items[fp->a], x->items[fp->b], fp->value, 1);
		}
		if (x->ahp.nfilled > named)
			strbuf_printf(&sb, "; and %zu more", x->ahp.nfilled - named);
		strbuf_puts(&sb, ".");
		add_line(lines, &sb);
	}
	strbuf_free(&sb);
}

int score_inconsistent_text(const struct criteria *c, const struct result *r, char *buf,
                            size_t len)
{
	struct strbuf sb;
	strbuf_init(&sb);
	const struct pairwise_info *p = r->pairwise;
	size_t told = 0;
	for (size_t i = 0; p && i < p->nmatrices; i++) {
		const struct pairwise_matrix *x = &p->matrices[i];
		if (!contradicts(x))
			continue;
		strbuf_puts(&sb, told++ ? "; " : "Take care: some of your comparisons contradict "
		            "each other, ");
		matrix_place(&sb, c, x);
		char cr[32];
		snprintf(cr, sizeof cr, "%.2f", x->ahp.cr);
		if (strcmp(cr, "0.10") == 0)
			snprintf(cr, sizeof cr, "%.4f", x->ahp.cr);
		strbuf_printf(&sb, " (consistency ratio %s, above 0.10)", cr);
		for (size_t h = 0; h < x->ahp.nhints; h++) {
			strbuf_puts(&sb, h == 0 ? ", most of all " : h + 1 == x->ahp.nhints ? " and "
			            : ", ");
			pair_names(&sb, c, x->level, x->items[x->ahp.hints[h].a],
			           x->items[x->ahp.hints[h].b]);
		}
	}
	if (told)
		strbuf_puts(&sb, ". Until you follow the hints under \u201cYour comparisons in "
		            "pairs\u201d, the weights, and this recommendation with them, are less "
		            "trustworthy.");
	return strbuf_copy_out(&sb, buf, len);
}

void score_given_lines(const struct criteria *c, const struct session *s,
                       struct score_lines *lines)
{
	*lines = (struct score_lines){ 0 };
	if (!s || s->weighting != WEIGHTING_PAIRWISE)
		return;
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t j = 0; j < s->njudgments; j++) {
		const struct judgment *ju = &s->judgments[j];
		pair_in_words(&sb, c, ju->level, ju->a, ju->b, ju->value, 0);
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
		strbuf_puts(&sb, "The comparison that would help most next: ");
		pair_names(&sb, c, p->next.level, p->next.a, p->next.b);
		strbuf_puts(&sb, ". Until you give it, verdict takes it that ");
		pair_in_words(&sb, c, p->next.level, p->next.a, p->next.b, p->next.value, 1);
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

/* The best two options of method M (its scores), best first. */
static void method_top_two(const struct result *r, enum method m, int *first, int *second)
{
	const double *sc = r->methods[m].scores;
	*first = 0;
	*second = 1;
	if (sc[1] > sc[0]) {
		*first = 1;
		*second = 0;
	}
	for (int o = 2; o < (int)r->noptions; o++) {
		if (sc[o] > sc[*first]) {
			*second = *first;
			*first = o;
		} else if (sc[o] > sc[*second]) {
			*second = o;
		}
	}
}

/* Method M's choice in plain words: "picks Python", "finds Node.js and
 * Python too close to call". */
static void method_choice(struct strbuf *sb, const struct criteria *c, const struct result *r,
                          enum method m)
{
	int w = r->methods[m].winner;
	if (w >= 0) {
		strbuf_printf(sb, "picks %s", c->options[w].name);
		return;
	}
	int a, b;
	method_top_two(r, m, &a, &b);
	strbuf_printf(sb, "finds %s and %s too close to call", c->options[a].name,
	              c->options[b].name);
}

/* Why method M finds it too close to call: its best two and how far apart. */
static void close_why(struct strbuf *sb, const struct criteria *c, const struct result *r,
                      enum method m)
{
	static const char *const who[METHOD_COUNT] = { "Adding up", "Multiplying", "TOPSIS" };
	int a, b;
	method_top_two(r, m, &a, &b);
	double gap = r->methods[m].scores[a] - r->methods[m].scores[b];
	const double at[] = { c->strength.tie };
	char g[32], tie[32];
	score_points_beside(g, sizeof g, gap, at, 1);
	score_number(tie, sizeof tie, c->strength.tie, 2);
	if (strcmp(g, "0.0") == 0)
		strbuf_printf(sb, " %s scores %s and %s alike, so it names neither.", who[m],
		              c->options[a].name, c->options[b].name);
	else
		strbuf_printf(sb, " %s puts %s and %s only %s points apart out of 100, under the "
		              "%s that calls a winner, so it names neither.", who[m],
		              c->options[a].name, c->options[b].name, g, tie);
}

/* The option that method M's winner W is set against when the weighted
 * sum finds it too close to call: the sum's best option other than W. */
static int sum_rival(const struct result *r, int w)
{
	return (int)r->ranking[r->ranking[0] == (size_t)w ? 1 : 0];
}

int score_methods_text(const struct criteria *c, const struct result *r, char *buf, size_t len)
{
	struct strbuf sb;
	strbuf_init(&sb);
	if (r->methods_agree) {
		strbuf_puts(&sb, "Checked three ways (adding up the weighted ratings, as the scores "
		            "here do; multiplying them, the weighted product; and TOPSIS, which looks "
		            "at how near each option comes to the best rating on every criterion and "
		            "how far it stands from the worst): ");
		if (r->winner >= 0)
			strbuf_printf(&sb, "all three pick %s.", c->options[r->winner].name);
		else
			strbuf_puts(&sb, "all three find it too close to call.");
		return strbuf_copy_out(&sb, buf, len);
	}
	strbuf_puts(&sb, "The three ways of adding up do not agree: adding up the weighted "
	            "ratings, as the scores here do, ");
	method_choice(&sb, c, r, METHOD_WEIGHTED_SUM);
	strbuf_puts(&sb, "; multiplying them (the weighted product) ");
	method_choice(&sb, c, r, METHOD_WEIGHTED_PRODUCT);
	strbuf_puts(&sb, "; and TOPSIS, which looks at how near each option comes to the best "
	            "rating on every criterion and how far it stands from the worst, ");
	method_choice(&sb, c, r, METHOD_TOPSIS);
	strbuf_puts(&sb, ". Why:");
	int s = r->winner, p = r->methods[METHOD_WEIGHTED_PRODUCT].winner;
	int t = r->methods[METHOD_TOPSIS].winner;
	if (s < 0)
		close_why(&sb, c, r, METHOD_WEIGHTED_SUM);
	if (p < 0 && s >= 0)
		close_why(&sb, c, r, METHOD_WEIGHTED_PRODUCT);
	else if (p >= 0 && p != s)
		product_why(&sb, c, r, p, s >= 0 ? s : sum_rival(r, p));
	if (t < 0 && s >= 0)
		close_why(&sb, c, r, METHOD_TOPSIS);
	else if (t >= 0 && t != s)
		topsis_why(&sb, c, r, t, s >= 0 ? s : sum_rival(r, t));
	strbuf_puts(&sb, " Look at where the options differ most before you decide.");
	return strbuf_copy_out(&sb, buf, len);
}
