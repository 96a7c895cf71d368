/* answers.c - the answers file: YAML text to a session. */
#include "answers.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ahp.h"
#include "criteria_groups.h"
#include "schema.h"
#include "strbuf.h"
#include "xalloc.h"
#include "yaml_core.h"
#include "yaml_span.h"
#include "yaml_tree.h"

static const char *const top_keys[] = {
	"criteria", "project", "respondent", "notes", "choices", "weights", "pairwise", NULL,
};

/* A plain scalar YAML reads as null (empty, ~ or null): "no answer". Quoted
 * or tagged empty text ("", !!str "") is not null but text, and an error
 * where an id is expected. */
static int is_null(const struct ynode *n)
{
	return n->kind == YNODE_SCALAR && n->plain && ycore_resolve(n->text) == YCORE_NULL;
}

/* "unknown WHAT 'WORD' in WHERE", an error of kind CODE, with the nearest of
 * NAMES as a hint. Once D keeps no more errors, the message is only
 * counted: no hint is sought (NAMES may then be NULL). */
static void unknown_id(struct diags *d, const char *code, const struct ynode *at,
                       const char *what, const char *where, const char *const *names,
                       size_t count)
{
	diags_error(d, code, at->line, at->column, "unknown %s '%s' in %s", what, at->text, where);
	const char *near = diags_full(d) ? NULL : schema_nearest(at->text, names, count);
	if (near)
		diags_hint(d, "did you mean '%s'?", near);
}

/* The ids of C's questions or criteria, for hints. */
static const char **question_ids(const struct criteria *c)
{
	const char **ids = xcalloc(c->nquestions, sizeof *ids);
	for (size_t i = 0; i < c->nquestions; i++)
		ids[i] = c->questions[i].id;
	return ids;
}

static const char **criterion_ids(const struct criteria *c)
{
	const char **ids = xcalloc(c->ncriteria, sizeof *ids);
	for (size_t i = 0; i < c->ncriteria; i++)
		ids[i] = c->criteria[i].id;
	return ids;
}

static void load_choice(struct diags *d, const struct criteria *c, struct session *s, size_t q,
                        const struct ynode *v)
{
	const struct question *qu = &c->questions[q];
	if (is_null(v))
		return;         /* left unanswered */
	if (v->kind != YNODE_SCALAR) {
		diags_error(d, "wrong-type", v->line, v->column, "'%s' must be a choice id, got %s",
		            qu->id, ynode_kind_name(v));
		return;
	}
	if (!*v->text) {
		diags_error(d, "empty-text", v->line, v->column, "'%s' must be a choice id, got "
		            "empty text%s%s; to leave the question unanswered, leave the value "
		            "out or write ~", qu->id, v->tag ? " tagged " : "",
		            v->tag ? ynode_tag(v) : "");
		return;
	}
	int ch = criteria_choice_index(qu, v->text);
	if (ch >= 0) {
		s->choices[q] = ch;
		return;
	}
	diags_error(d, "unknown-choice", v->line, v->column, "question '%s' has no choice '%.80s'",
		    qu->id, v->text);
	if (diags_full(d))
		return;
	const char **ids = xcalloc(qu->nchoices, sizeof *ids);
	for (size_t i = 0; i < qu->nchoices; i++)
		ids[i] = qu->choices[i].id;
	schema_hint_unknown(d, v->text, NULL, ids, qu->nchoices, "choices");
	free(ids);
}

static void load_choices(struct diags *d, const struct criteria *c, struct session *s,
                         const struct ynode *n)
{
	if (is_null(n) || schema_expect_map(d, n, "choices"))
		return;
	const char **ids = NULL;        /* gathered for the first hint sought */
	for (size_t i = 0; i < n->count; i++) {
		int q = criteria_question_index(c, ynode_key(n, i)->text);
		if (q >= 0) {
			load_choice(d, c, s, (size_t)q, ynode_item(n, i));
			continue;
		}
		if (!ids && !diags_full(d))
			ids = question_ids(c);
		unknown_id(d, "unknown-question", ynode_key(n, i), "question", "'choices'", ids,
		           c->nquestions);
	}
	free(ids);
}

static void load_weights(struct diags *d, const struct criteria *c, struct session *s,
                         const struct ynode *n)
{
	if (is_null(n) || schema_expect_map(d, n, "weights"))
		return;
	const char **ids = NULL;        /* gathered for the first hint sought */
	for (size_t i = 0; i < n->count; i++) {
		int k = criteria_criterion_index(c, ynode_key(n, i)->text);
		if (k < 0) {
			if (!ids && !diags_full(d))
				ids = criterion_ids(c);
			unknown_id(d, "unknown-criterion", ynode_key(n, i), "criterion",
			           "'weights'", ids, c->ncriteria);
			continue;
		}
		if (is_null(ynode_item(n, i)))
			continue;       /* keeps its profile-adjusted default */
		double w;
		if (schema_number(d, ynode_item(n, i), ynode_key(n, i)->text, c->scale.min, c->scale.max, &w))
			continue;
		s->weights[k] = w;
		s->weight_set[k] = 1;
	}
	free(ids);
}

/* ---- pairwise: comparisons of two criteria (or two groups) at a time ---- */

#define SAATY_WORDS "a number on Saaty's scale: a whole number from 1 to 9, or the " \
	"reciprocal of one, from 1/2 to 1/9 (written 1/5 or 0.2)"

/* What a pairwise entry compares, as it reads the file. */
struct pw_side {
	enum judgment_level level;
	size_t index;           /* a criterion or a group index */
	const char *text;       /* as written */
};

/* The pairwise reading of one answers file: the groups of the set, the
 * line each accepted comparison was given at (parallel to the session's
 * judgments) and its entry. */
struct pw_read {
	struct diags *d;
	const struct criteria *c;
	struct session *s;
	struct criteria_groups g;
	int *lines;
	const struct ynode **entries; /* [njudgments]: each accepted comparison's entry */
};

/* V (on the scale) as a person writes it: "3", "1/5". */
static void scale_text(double v, char *buf, size_t len)
{
	if (v >= 1)
		snprintf(buf, len, "%.0f", v);
	else
		snprintf(buf, len, "1/%.0f", 1 / v);
}

/* An entry's side N: a criterion id, or a group's name in a set with
 * groups. Returns 0 and fills *OUT; -1 having reported an item that is not
 * text; -2 for text that names nothing (for pw_unknown(), which knows the
 * pair's other item). */
static int pw_side(struct pw_read *p, const struct ynode *n, struct pw_side *out)
{
	const struct criteria *c = p->c;
	const char *what = p->g.n ? "a criterion id or a group name" : "a criterion id";
	if (n->kind != YNODE_SCALAR || is_null(n)) {
		diags_error(p->d, "wrong-type", n->line, n->column, "a comparison in 'pairwise' "
		            "compares %s, got %s", what, ynode_kind_name(n));
		return -1;
	}
	int k = criteria_criterion_index(c, n->text);
	if (k >= 0) {
		*out = (struct pw_side){ JUDGE_CRITERIA, (size_t)k, c->criteria[k].id };
		return 0;
	}
	int g = criteria_group_find(&p->g, n->text);
	if (g >= 0) {
		*out = (struct pw_side){ JUDGE_GROUPS, (size_t)g, p->g.names[g] };
		return 0;
	}
	return -2;
}

/* Whether TEXT can stand as a plain item of a flow list, [a, TEXT, 3], and
 * be read back as this text; else it must be written quoted. */
static int flow_plain_ok(const char *text)
{
	size_t len = strlen(text);
	if (!len || text[0] == ' ' || text[len - 1] == ' ' || text[len - 1] == ':')
		return 0;
	if (strchr("-?:,[]{}#&*!|>'\"%@`", text[0]))
		return 0;
	for (const char *q = text; *q; q++) {
		unsigned char ch = (unsigned char)*q;
		if (ch < 0x20 || ch == 0x7f || strchr(",[]{}", ch))
			return 0;
		if ((ch == ':' && q[1] == ' ') || (ch == '#' && q > text && q[-1] == ' '))
			return 0;
	}
	return ycore_resolve(text) == YCORE_STR;
}

/* Group name NAME as a hint: 'NAME', or "NAME" as YAML needs it quoted. */
static void group_hint(struct strbuf *sb, const char *name)
{
	if (flow_plain_ok(name)) {
		strbuf_printf(sb, "the group '%s'", name);
		return;
	}
	strbuf_puts(sb, "the group \"");
	for (const char *q = name; *q; q++) {
		if (*q == '"' || *q == '\\')
			strbuf_printf(sb, "\\%c", *q);
		else
			strbuf_printf(sb, "%c", *q);
	}
	strbuf_puts(sb, "\" (quoted, as YAML needs it there)");
}

/* Whether CH continues a word: an ASCII letter or digit, or a byte of a
 * UTF-8 character (so that "Team" does not begin "Teamwork" or "Teamé"). */
static int word_byte(char ch)
{
	unsigned char u = (unsigned char)ch;
	return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
	       u >= 0x80 || u == '_';
}

/* The group name nearest WORD: by spelling (schema_nearest()), else the
 * one group whose name begins with WORD as a whole word, in any case
 * ("Team" for "Team & ecosystem", "product" for "Product: AI"). NULL when
 * none. */
static const char *group_nearest(const struct pw_read *p, const char *word)
{
	const char *near = schema_nearest(word, (const char *const *)p->g.names, p->g.n);
	if (near)
		return near;
	size_t len = strlen(word), found = 0;
	for (size_t g = 0; g < p->g.n && len; g++) {
		const char *name = p->g.names[g];
		if (strncasecmp(name, word, len) == 0 && !word_byte(name[len])) {
			near = name;
			found++;
		}
	}
	return found == 1 ? near : NULL;
}

/* Reports item N, neither a criterion id nor a group name. The hint looks
 * among both, and first among the kind of OTHER, the pair's other item
 * when it is known (a group beside a group); NULL when it is not. */
static void pw_unknown(struct pw_read *p, const struct ynode *n, const struct pw_side *other)
{
	const struct criteria *c = p->c;
	const char *what = p->g.n ? "criterion or group" : "criterion";
	const char *crit = NULL, *grp = NULL;
	if (!diags_full(p->d)) {
		const char **ids = criterion_ids(c);
		crit = schema_nearest(n->text, ids, c->ncriteria);
		free(ids);
		grp = p->g.n ? group_nearest(p, n->text) : NULL;
	}
	int want_group = other ? other->level == JUDGE_GROUPS
	                       : grp && (!crit || strcasecmp(grp, n->text) == 0);
	struct strbuf hint;
	strbuf_init(&hint);
	if (grp && (want_group || !crit))
		group_hint(&hint, grp);
	else if (crit)
		strbuf_printf(&hint, "'%s'", crit);
	diags_error(p->d, "unknown-criterion", n->line, n->column, "unknown %s '%s' in "
		    "'pairwise'", what, n->text);
	if (hint.len)
		diags_hint(p->d, "did you mean %s?", strbuf_str(&hint));
	strbuf_free(&hint);
}

/* The digits of T from FROM to TO: a plain decimal number (digits, at
 * most one point). Returns 1 with its value in *OUT. */
static int decimal_part(const char *from, const char *to, double *out)
{
	int digits = 0, dots = 0;
	for (const char *q = from; q < to; q++) {
		if (*q >= '0' && *q <= '9')
			digits++;
		else if (*q == '.' && !dots)
			dots++;
		else
			return 0;
	}
	if (!digits)
		return 0;
	char buf[64];
	size_t len = (size_t)(to - from) < sizeof buf - 1 ? (size_t)(to - from) : sizeof buf - 1;
	memcpy(buf, from, len);
	buf[len] = '\0';
	*out = strtod(buf, NULL);
	return 1;
}

/* T read as "P/Q", two plain decimal numbers: 1 with P and Q in PART;
 * 0 when T has no slash; -1 when it has one but is no such fraction. */
static int fraction(const char *t, double part[2])
{
	const char *slash = strchr(t, '/');
	if (!slash)
		return 0;
	if (!decimal_part(t, slash, &part[0]) || !decimal_part(slash + 1, t + strlen(t), &part[1]))
		return -1;
	return 1;
}

/* The one value of the scale that decimal TEXT (V) could be a shortening
 * of: the value rounded or cut to TEXT's number of decimals ("0.3" for 1/3,
 * "0.16" for 1/6). 0 when TEXT is no decimal or when none or several could
 * be. */
static double meant_value(const char *text, double v)
{
	const char *dot = strchr(text, '.');
	if (!dot || strpbrk(text, "eExX") || dot[1] == '\0')
		return 0;
	int decimals = (int)strlen(dot + 1);
	double unit = pow(10, -decimals), found = 0;
	int count = 0;
	for (int k = 1; k <= 9; k++) {
		for (int up = 0; up < 2; up++) {
			double s = up ? k : 1.0 / k;
			if ((up && k == 1) || !(fabs(s - v) < unit / 2 - 1e-12 ||
			                        (s >= v && s - v < unit - 1e-12)))
				continue;
			found = s;
			count++;
		}
	}
	return count == 1 ? found : 0;
}

/* Reports value N (whose text is SHOWN) as not on the scale, saying WHY. */
static void off_scale(struct pw_read *p, const struct ynode *n, const char *shown, const char *why)
{
	diags_error(p->d, "pairwise-value", n->line, n->column, "a comparison's value must be "
	            SAATY_WORDS ", got %s%s", shown, why);
}

/* An entry's value N: a number or a fraction on Saaty's scale, snapped to
 * the scale's exact value. Returns 0 and fills *OUT, or reports and
 * returns -1. */
static int pw_value(struct pw_read *p, const struct ynode *n, double *out)
{
	double v, part[2];
	char shown[64], why[160] = "";
	if (n->kind != YNODE_SCALAR || is_null(n)) {
		off_scale(p, n, ynode_kind_name(n), "");
		return -1;
	}
	if (!*n->text) {
		off_scale(p, n, "empty text", "");
		return -1;
	}
	snprintf(shown, sizeof shown, "%.40s", n->text);
	int frac = fraction(n->text, part);
	if (frac < 0) {
		/* "1/ 5": a fraction but for its spaces. */
		char tight[64];
		size_t len = 0;
		for (const char *q = n->text; *q && len < sizeof tight - 1; q++)
			if (*q != ' ')
				tight[len++] = *q;
		tight[len] = '\0';
		snprintf(shown, sizeof shown, "'%.40s'", n->text);
		if (fraction(tight, part) > 0)
			off_scale(p, n, shown, ", a fraction with spaces in it; write it without "
			          "them, as 1/5");
		else
			off_scale(p, n, shown, ", which is neither a number nor a fraction such as "
			          "1/5");
		return -1;
	}
	if (frac > 0) {
		if (part[1] == 0) {
			off_scale(p, n, shown, ", which divides by zero");
			return -1;
		}
		v = part[0] / part[1];
	} else {
		enum ycore_type looks = ycore_resolve(n->text);
		if (!n->plain || (looks != YCORE_INT && looks != YCORE_FLOAT)) {
			snprintf(shown, sizeof shown, "'%.40s'", n->text);
			off_scale(p, n, shown, looks == YCORE_INT || looks == YCORE_FLOAT
			          ? ", a number in quotes; write it without them"
			          : ", which is not a number");
			return -1;
		}
		v = ycore_number(n->text);
	}
	if (ahp_on_scale(v)) {
		*out = ahp_nearest_scale(v);
		return 0;
	}
	double meant;
	if (isnan(v)) {
		snprintf(why, sizeof why, ", which is not a number");
	} else if (v < 0) {
		strcpy(why, ", which is not on the scale (no value is negative");
		if (ahp_on_scale(-v) && -v > 1)
			snprintf(why + strlen(why), sizeof why - strlen(why), ": to say the second "
			         "matters %.0f times as much, write 1/%.0f)", -v, -v);
		else
			strcat(why, ")");
	} else if (v == 0) {
		strcpy(why, ", which is not on the scale (it is zero; 1 says the two matter "
		       "equally)");
	} else if (v > 9) {
		strcpy(why, ", which is not on the scale (it ends at 9)");
	} else if (v < 1.0 / 9) {
		strcpy(why, ", which is not on the scale (it ends at 1/9)");
	} else if ((meant = meant_value(n->text, v)) != 0) {
		char mt[16];
		scale_text(meant, mt, sizeof mt);
		snprintf(why, sizeof why, ", which is not on the scale; did you mean %s?", mt);
	} else {
		strcpy(why, ", which is not on the scale");
	}
	off_scale(p, n, shown, why);
	return -1;
}

/* The group a criterion is in, for messages. */
static const char *group_of(const struct pw_read *p, size_t k)
{
	return p->g.names[p->g.of[k]];
}

/* One entry N of the list: checked, and its comparison added to the session.
 * An entry of the wrong shape still has the items it has checked. */
static void pw_entry(struct pw_read *p, const struct ynode *n)
{
	struct diags *d = p->d;
	const char *what = p->g.n ? "criterion or group" : "criterion";
	if (n->kind != YNODE_SEQ || n->count != 3) {
		char got[40];
		if (n->kind == YNODE_SEQ)
			snprintf(got, sizeof got, "a list of %u item%s", (unsigned)n->count,
			         n->count == 1 ? "" : "s");
		diags_error(d, "pairwise-entry", n->line, n->column, "each comparison in "
		            "'pairwise' must be a list of three items, [%s, %s, value], got %s",
		            what, what, n->kind == YNODE_SEQ ? got : ynode_kind_name(n));
		if (n->kind != YNODE_SEQ)
			return;
	}
	struct pw_side side[2];
	int found[2] = { -1, -1 };
	for (size_t i = 0; i < 2 && i < n->count; i++)
		found[i] = pw_side(p, ynode_item(n, i), &side[i]);
	for (size_t i = 0; i < 2 && i < n->count; i++)
		if (found[i] == -2)
			pw_unknown(p, ynode_item(n, i), found[1 - i] == 0 ? &side[1 - i] : NULL);
	double v = 1;
	int bad_value = n->count != 3 || pw_value(p, ynode_item(n, 2), &v);
	if (n->count < 2 || found[0] || found[1])
		return;
	/* Both items known: how they stand to each other is checked whatever
	 * the value, which a repeat then needs. */
	struct pw_side a = side[0], b = side[1];
	const struct ynode *at = ynode_item(n, 1);
	if (a.level != b.level) {
		const struct pw_side *crit = a.level == JUDGE_CRITERIA ? &a : &b;
		const struct pw_side *grp = a.level == JUDGE_CRITERIA ? &b : &a;
		diags_error(d, "pairwise-mixed", at->line, at->column, "'%s' is a criterion and "
		            "'%s' a group: compare criteria with criteria of their own group, and "
		            "groups with groups", crit->text, grp->text);
		return;
	}
	if (a.index == b.index) {
		diags_error(d, "pairwise-self", at->line, at->column, "'%s' is compared with "
		            "itself; compare two different %s", a.text,
		            a.level == JUDGE_GROUPS ? "groups" : "criteria");
		return;
	}
	if (a.level == JUDGE_CRITERIA && p->g.n && p->g.of[a.index] != p->g.of[b.index]) {
		diags_error(d, "pairwise-groups", n->line, n->column, "'%s' (group '%s') and '%s' "
		            "(group '%s') are in different groups: compare criteria only within "
		            "their group, and compare their groups instead, as [%s, %s, value]",
		            a.text, group_of(p, a.index), b.text, group_of(p, b.index),
		            group_of(p, a.index), group_of(p, b.index));
		return;
	}
	if (bad_value)
		return;
	const struct judgment *was = session_judgment(p->s, a.level, a.index, b.index);
	if (was) {
		int line = p->lines[was - p->s->judgments];
		double before = was->a == a.index ? was->value : 1 / was->value;
		char then[16], now[16];
		scale_text(before, then, sizeof then);
		scale_text(v, now, sizeof now);
		if (fabs(before - v) <= 1e-9 * v)
			diags_error(d, "pairwise-repeated", n->line, n->column,
			            "'%s' and '%s' are compared twice (first at line %d); give "
			            "each pair once", a.text, b.text, line);
		else
			diags_error(d, "pairwise-repeated", n->line, n->column,
			            "'%s' and '%s' are compared again with another value: %s "
			            "here, %s at line %d (as '%s' over '%s'); give each pair "
			            "once, with the value you mean", a.text, b.text, now, then,
			            line, a.text, b.text);
		return;
	}
	session_set_judgment(p->s, a.level, a.index, b.index, v);
	p->lines = xreallocarray(p->lines, p->s->njudgments, sizeof *p->lines);
	p->lines[p->s->njudgments - 1] = n->line;
	p->entries = xreallocarray(p->entries, p->s->njudgments, sizeof *p->entries);
	p->entries[p->s->njudgments - 1] = n;
}

/* The set of item I, with path halving. */
static size_t find_root(size_t *parent, size_t i)
{
	while (parent[i] != i)
		i = parent[i] = parent[parent[i]];
	return i;
}

/* When the comparisons at LEVEL among the items IN (criteria of one group,
 * or every criterion of a flat set, or the groups) fall apart into unlinked
 * sets, reports at KEY which items are not linked to the others: those not
 * in the set of the first item compared. NAME gives an item's name, WHERE
 * says which comparisons these are. */
static void pw_linked(struct pw_read *p, const struct ynode *key, enum judgment_level level,
                      const size_t *in, size_t nin, const char *const *name, const char *where)
{
	const struct session *s = p->s;
	size_t *parent = xcalloc(nin, sizeof *parent);
	unsigned char *used = xcalloc(nin, 1);
	for (size_t i = 0; i < nin; i++)
		parent[i] = i;
	int first = -1;
	for (size_t j = 0; j < s->njudgments; j++) {
		const struct judgment *ju = &s->judgments[j];
		if (ju->level != level)
			continue;
		size_t ia = nin, ib = nin;
		for (size_t i = 0; i < nin; i++) {
			if (in[i] == ju->a)
				ia = i;
			if (in[i] == ju->b)
				ib = i;
		}
		if (ia == nin || ib == nin)
			continue;
		if (first < 0)
			first = (int)ia;
		used[ia] = used[ib] = 1;
		parent[find_root(parent, ia)] = find_root(parent, ib);
	}
	struct strbuf apart;
	strbuf_init(&apart);
	size_t napart = 0;
	for (size_t i = 0; first >= 0 && i < nin; i++) {
		if (!used[i] || find_root(parent, i) == find_root(parent, (size_t)first))
			continue;
		strbuf_printf(&apart, "%s'%s'", napart ? ", " : "", name[in[i]]);
		napart++;
	}
	if (napart)
		diags_error(p->d, "pairwise-unlinked", key->line, key->column,
		            "the comparisons%s do not link every %s they name: %s %s not linked "
		            "to the others by any chain of comparisons; compare %s with one of "
		            "the others", where, level == JUDGE_GROUPS ? "group" : "criterion",
		            strbuf_str(&apart), napart == 1 ? "is" : "are",
		            napart == 1 ? "it" : "one of them");
	strbuf_free(&apart);
	free(used);
	free(parent);
}

/* "'a', 'b' and 'c'": the criteria of group G (every criterion when G is
 * (size_t)-1) into SB. */
static void criteria_list(struct strbuf *sb, const struct pw_read *p, size_t g)
{
	const struct criteria *c = p->c;
	size_t n = 0, total = 0;
	for (size_t k = 0; k < c->ncriteria; k++)
		total += g == (size_t)-1 || p->g.of[k] == g;
	for (size_t k = 0; k < c->ncriteria; k++) {
		if (g != (size_t)-1 && p->g.of[k] != g)
			continue;
		if (n++)
			strbuf_puts(sb, n == total ? " and " : ", ");
		strbuf_printf(sb, "'%s'", c->criteria[k].id);
	}
}

/* The first two criteria of group G (of the set when (size_t)-1), for an
 * example comparison; *B is *A when there is only one. */
static void two_criteria(const struct pw_read *p, size_t g, const char **a, const char **b)
{
	*a = *b = NULL;
	for (size_t k = 0; k < p->c->ncriteria && !*b; k++) {
		if (g != (size_t)-1 && p->g.of[k] != g)
			continue;
		if (!*a)
			*a = p->c->criteria[k].id;
		else
			*b = p->c->criteria[k].id;
	}
	if (!*b)
		*b = *a;
}

/* An empty list: nothing to weigh by. */
static void pw_empty(struct pw_read *p, const struct ynode *key)
{
	const char *a, *b;
	size_t g = p->g.n ? 0 : (size_t)-1;
	while (p->g.n && g + 1 < p->g.n && p->g.count[g] < 2)
		g++;    /* a group with two criteria to compare, when there is one */
	two_criteria(p, g, &a, &b);
	struct strbuf sb;
	strbuf_init(&sb);
	if (p->g.n > 1)
		strbuf_printf(&sb, ", and then the groups, as [%s, %s, 2]", p->g.names[0],
		              p->g.names[1]);
	diags_error(p->d, "pairwise-empty", key->line, key->column, "'pairwise' lists no "
	            "comparisons: compare the criteria two at a time%s, as [%s, %s, 3] (%s "
	            "matters 3 times as much as %s)%s; to rate each criterion instead, use "
	            "'weights'", p->g.n > 1 ? " within each group" : "", a, b, a, b,
	            strbuf_str(&sb));
	strbuf_free(&sb);
}

/* The comparisons give every criterion that counts its weight (as
 * score_pairwise() needs them; docs/scoring.md, "The answers file's
 * pairwise list"): the list is not empty; where the set has groups, the
 * groups are compared; each set of comparisons links the items it names;
 * a group compared with the others has its criteria compared (unless it
 * has only one); and a group whose criteria are compared is compared with
 * the others. Items no comparison names are left out (weight 0). */
static void pw_complete(struct pw_read *p, const struct ynode *key)
{
	const struct criteria *c = p->c;
	const struct session *s = p->s;
	if (!s->njudgments) {
		pw_empty(p, key);
		return;
	}
	const char **ids = criterion_ids(c);
	size_t *in = xcalloc(c->ncriteria + p->g.n + 1, sizeof *in);
	size_t ngroups = p->g.n ? p->g.n : 1;
	/* For each group: its first comparison with another group (the item
	 * naming it) and its criteria's first comparison (the entry). */
	const struct ynode **named = xcalloc(ngroups, sizeof *named);
	const struct ynode **inner = xcalloc(ngroups, sizeof *inner);
	size_t ntop = 0;
	for (size_t j = 0; j < s->njudgments; j++) {
		const struct judgment *ju = &s->judgments[j];
		const struct ynode *e = p->entries[j];
		if (ju->level == JUDGE_GROUPS) {
			ntop++;
			/* The entry names a first, then b, whichever way round it was
			 * stored: find each group's own item by its text. */
			for (size_t side = 0; side < 2; side++) {
				const struct ynode *item = ynode_item(e, side);
				int gi = criteria_group_find(&p->g, item->text);
				if (gi >= 0 && !named[gi])
					named[gi] = item;
			}
		} else {
			size_t g = p->g.n ? p->g.of[ju->a] : 0;
			if (!inner[g])
				inner[g] = e;
		}
	}
	int top = p->g.n > 1;
	if (top && !ntop) {
		struct strbuf all;
		strbuf_init(&all);
		for (size_t g = 0; g < p->g.n; g++)
			strbuf_printf(&all, "%s'%s'", g ? (g + 1 == p->g.n ? " and " : ", ") : "",
			              p->g.names[g]);
		diags_error(p->d, "pairwise-incomplete", key->line, key->column,
		            "the groups are not compared with each other: compare them two at a "
		            "time too, as [%s, %s, 2], so that each group's criteria get their "
		            "share (the groups are %s)", p->g.names[0], p->g.names[1],
		            strbuf_str(&all));
		strbuf_free(&all);
	} else if (top) {
		for (size_t g = 0; g < p->g.n; g++)
			in[g] = g;
		pw_linked(p, key, JUDGE_GROUPS, in, p->g.n, p->g.names, " of groups");
	}
	for (size_t g = 0; g < ngroups; g++) {
		size_t nin = 0;
		for (size_t k = 0; k < c->ncriteria; k++)
			if (!p->g.n || p->g.of[k] == g)
				in[nin++] = k;
		if (top && ntop && named[g] && !inner[g] && nin > 1) {
			const char *a, *b;
			two_criteria(p, g, &a, &b);
			struct strbuf list;
			strbuf_init(&list);
			criteria_list(&list, p, g);
			diags_error(p->d, "pairwise-incomplete", named[g]->line, named[g]->column,
			            "group '%s' is compared with other groups, but none of its "
			            "criteria is compared: compare %s two at a time, as [%s, %s, "
			            "value], so that they share the group's weight", p->g.names[g],
			            strbuf_str(&list), a, b);
			strbuf_free(&list);
			continue;
		}
		if (top && ntop && !named[g] && inner[g]) {
			const char *other = p->g.names[g ? 0 : 1];
			diags_error(p->d, "pairwise-incomplete", inner[g]->line, inner[g]->column,
			            "the criteria of group '%s' are compared, but the group is "
			            "not compared with any other group, so they would count for "
			            "nothing: compare it with one of the others, as [%s, %s, "
			            "value]", p->g.names[g], p->g.names[g], other);
			continue;
		}
		char where[160] = "";
		if (p->g.n)
			snprintf(where, sizeof where, " within group '%.120s'", p->g.names[g]);
		pw_linked(p, key, JUDGE_CRITERIA, in, nin, ids, where);
	}
	free(named);
	free(inner);
	free(in);
	free(ids);
}

/* The `pairwise` list VALUE under KEY: the session weighs in pairs. */
static void load_pairwise(struct diags *d, const struct criteria *c, struct session *s,
                          const struct ynode *key, const struct ynode *value)
{
	if (is_null(value) || schema_expect_seq(d, value, "pairwise"))
		return;
	s->weighting = WEIGHTING_PAIRWISE;
	struct pw_read p = { .d = d, .c = c, .s = s };
	criteria_groups_init(&p.g, c);
	size_t errors_before = d->count + d->dropped;
	for (size_t i = 0; i < value->count; i++)
		pw_entry(&p, ynode_item(value, i));
	if (d->count + d->dropped == errors_before)
		pw_complete(&p, key);
	free(p.lines);
	free(p.entries);
	criteria_groups_free(&p.g);
}

/* Copies text field KEY of ROOT into *FIELD, when given. */
static void load_text(struct diags *d, const struct ynode *root, const char *key, char **field)
{
	const struct ynode *v = ynode_get(root, key);
	const char *t = v ? schema_text(d, v, key) : NULL;
	if (t)
		*field = xstrdup(t);
}

void answers_read(struct diags *d, const struct criteria *c, struct session *s,
                  const struct ynode *choices, const struct ynode *weights)
{
	if (choices)
		load_choices(d, c, s, choices);
	if (weights)
		load_weights(d, c, s, weights);
}

struct session *answers_parse(const char *text, size_t len, const struct criteria *c,
                              struct diags *d)
{
	size_t errors_before = d->count + d->dropped, first = d->count;
	struct ytree tree;
	const struct ynode *root = yaml_tree_parse(&tree, text, len, d);
	if (!root) {
		yaml_spans(d, first, text, len);
		return NULL;
	}
	struct session *s = session_new(c);
	if (root->kind != YNODE_MAP) {
		diags_error(d, "top-level-type", root->line, root->column, "the top level must be "
		            "a mapping of keys (criteria, project, respondent, notes, choices, "
		            "weights, pairwise), got %s", ynode_kind_name(root));
		goto done;
	}
	schema_unknown_keys(d, root, "the top level", top_keys);
	const struct ynode *v = ynode_get(root, "criteria");
	if (v) {
		const char *id = schema_id(d, v, "criteria");
		if (id && c->id && strcmp(id, c->id) != 0)
			diags_error(d, "criteria-mismatch", v->line, v->column,
			            "these answers are for criteria '%s', but the criteria loaded "
			            "are '%s'", id, c->id);
	}
	load_text(d, root, "project", &s->project);
	load_text(d, root, "respondent", &s->respondent);
	load_text(d, root, "notes", &s->notes);
	answers_read(d, c, s, ynode_get(root, "choices"), ynode_get(root, "weights"));
	/* The first `pairwise` key only: a repeated key is an error of the
	 * YAML reader, and a second list would meet the first's comparisons. */
	for (size_t i = 0; i < root->count; i++) {
		const struct ynode *key = ynode_key(root, i);
		if (key->kind != YNODE_SCALAR || strcmp(key->text, "pairwise") != 0)
			continue;
		/* Both weighings given: said, and the list still read, so that
		 * every other error of the file is told at once. */
		const struct ynode *w = ynode_get(root, "weights");
		if (w && !is_null(w) && !is_null(ynode_item(root, i)))
			diags_error(d, "weights-and-pairwise", key->line, key->column,
			            "'pairwise' and 'weights' cannot both be given: weigh the "
			            "criteria either by a weight for each (weights) or by "
			            "comparing them two at a time (pairwise)");
		load_pairwise(d, c, s, key, ynode_item(root, i));
		break;
	}
done:
	yaml_tree_free(&tree);
	yaml_spans(d, first, text, len);
	if (d->count + d->dropped > errors_before) {
		session_free(s);
		return NULL;
	}
	return s;
}
