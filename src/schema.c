/* schema.c - checking a YAML tree against what a file format expects. */
#include "schema.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"
#include "yaml_core.h"

#define ID_MAX 64

/* Levenshtein distance between A (LA bytes) and B (LB bytes), for "did you
 * mean" hints, when it is at most BOUND; else some number above BOUND. Each
 * row's least value never falls, so the rows stop once it passes BOUND. Words
 * longer than 64 bytes are never near. */
static size_t edit_distance(const char *a, size_t la, const char *b, size_t lb, size_t bound)
{
	if (la > 64 || lb > 64)
		return (size_t)-1;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		size_t least = row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
			if (best < least)
				least = best;
		}
		if (least > bound)
			return bound + 1;
	}
	return row[lb];
}

const char *schema_nearest(const char *word, const char *const *names, size_t count)
{
	size_t len = strlen(word);
	size_t allowed = len <= 3 ? 1 : len <= 6 ? 2 : 3;
	/* The first name at the least distance, if that is within ALLOWED. A name
	 * is measured only as far as it could still win: its length must be
	 * within ALLOWED of WORD's (the distance is at least the difference), and
	 * its distance below the best so far. */
	const char *best = NULL;
	size_t best_d = allowed + 1;
	for (size_t i = 0; i < count && best_d > 0; i++) {
		if (!names[i] || !*names[i])
			continue;
		size_t nlen = strlen(names[i]);
		if ((nlen > len ? nlen - len : len - nlen) >= best_d)
			continue;
		size_t dist = edit_distance(word, len, names[i], nlen, best_d - 1);
		if (dist < best_d) {
			best_d = dist;
			best = names[i];
		}
	}
	return best;
}

/* The place of KEY in KNOWN (NKNOWN of them), or NKNOWN. */
static size_t known_index(const char *key, const char *const known[], size_t nknown)
{
	size_t j;
	for (j = 0; j < nknown; j++)
		if (key[0] == known[j][0] && strcmp(key, known[j]) == 0)
			break;
	return j;
}

/* Reports key K of a map, not among the NKNOWN KNOWN, as unknown. */
static void unknown_key(struct diags *d, const struct ynode *k, const char *where,
                        const char *const known[], size_t nknown)
{
	diags_error(d, "unknown-key", k->line, k->column, "unknown key '%s' in %s", k->text,
		    where);
	const char *near = schema_nearest(k->text, known, nknown);
	if (near)
		diags_hint(d, "did you mean '%s'?", near);
}

/* How many names KNOWN (NULL-terminated) holds. */
static size_t count_known(const char *const known[])
{
	size_t n = 0;
	while (known[n])
		n++;
	return n;
}

int schema_misspelt(const struct ynode *n, const char *key, const char *const known[])
{
	if (!n || n->kind != YNODE_MAP)
		return 0;
	size_t nknown = count_known(known);
	for (size_t i = 0; i < n->count; i++) {
		const struct ynode *k = ynode_key(n, i);
		if (known_index(k->text, known, nknown) != nknown)
			continue;
		const char *near = schema_nearest(k->text, known, nknown);
		if (near && strcmp(near, key) == 0)
			return 1;
	}
	return 0;
}

void schema_hint_unknown(struct diags *d, const char *word, const char *near,
                         const char *const *names, size_t count, const char *kind)
{
	if (d->last_dropped)
		return;         /* only counted: no hint is sought */
	if (!near)
		near = schema_nearest(word, names, count);
	struct strbuf sb;
	strbuf_init(&sb);
	if (near)
		strbuf_printf(&sb, "did you mean '%s'?", near);
	if (kind && count > 0 && count <= SCHEMA_LIST_MAX) {
		strbuf_printf(&sb, "%s %s are ", near ? " The" : "the", kind);
		size_t listed = 0, all = 0;
		for (size_t i = 0; i < count; i++)
			all += names[i] && *names[i];
		for (size_t i = 0; i < count; i++) {
			if (!names[i] || !*names[i])
				continue;
			listed++;
			strbuf_printf(&sb, "%s'%s'",
			              listed == 1 ? "" : listed == all ? " and " : ", ", names[i]);
		}
	}
	if (sb.len)
		diags_hint(d, "%s", strbuf_str(&sb));
	strbuf_free(&sb);
}

void schema_unknown_keys(struct diags *d, const struct ynode *n, const char *where,
                         const char *const known[])
{
	if (!n || n->kind != YNODE_MAP)
		return;
	size_t nknown = count_known(known);
	for (size_t i = 0; i < n->count; i++) {
		const struct ynode *k = ynode_key(n, i);
		if (known_index(k->text, known, nknown) == nknown)
			unknown_key(d, k, where, known, nknown);
	}
}

void schema_fields(struct diags *d, const struct ynode *n, const char *where,
                   const char *const known[], const struct ynode *found[])
{
	size_t nknown = 0;
	while (known[nknown])
		found[nknown++] = NULL;
	for (size_t i = 0; i < n->count; i++) {
		const struct ynode *k = ynode_key(n, i);
		size_t j = known_index(k->text, known, nknown);
		if (j == nknown)
			unknown_key(d, k, where, known, nknown);
		else if (!found[j])
			found[j] = ynode_item(n, i);
	}
}

int schema_require_found(struct diags *d, const struct ynode *n, const char *where,
                         const char *const known[], const struct ynode *const found[],
                         const int required[], size_t nrequired)
{
	int missing = 0;
	for (size_t i = 0; i < nrequired; i++) {
		if (!found[required[i]] && !schema_misspelt(n, known[required[i]], known)) {
			diags_error(d, "missing-key", n->line, n->column, "%s is missing the "
			            "required key '%s'", where, known[required[i]]);
			missing++;
		}
	}
	return missing;
}

int schema_expect_map(struct diags *d, const struct ynode *n, const char *key)
{
	if (n->kind == YNODE_MAP)
		return 0;
	diags_error(d, "wrong-type", n->line, n->column, "'%s' must be a mapping of keys, got %s",
	            key, ynode_kind_name(n));
	return -1;
}

int schema_expect_seq(struct diags *d, const struct ynode *n, const char *key)
{
	if (n->kind == YNODE_SEQ)
		return 0;
	diags_error(d, "wrong-type", n->line, n->column, "'%s' must be a list (items starting "
	            "with '- '), got %s", key, ynode_kind_name(n));
	return -1;
}

int schema_require(struct diags *d, const struct ynode *n, const char *where,
                   const char *const known[], const char *const required[])
{
	int missing = 0;
	for (size_t i = 0; required[i]; i++) {
		if (!ynode_get(n, required[i]) && !schema_misspelt(n, required[i], known)) {
			diags_error(d, "missing-key", n->line, n->column, "%s is missing the "
			            "required key '%s'", where, required[i]);
			missing++;
		}
	}
	return missing;
}

/* A plain scalar that YAML reads as null: empty, ~ or null. */
static int is_null(const struct ynode *n)
{
	return n->kind == YNODE_SCALAR && n->plain && ycore_is_null(n->text);
}

char *schema_text(struct diags *d, const struct ynode *n, const char *key)
{
	if (!n)
		return NULL;
	if (n->kind != YNODE_SCALAR) {
		diags_error(d, "wrong-type", n->line, n->column, "'%s' must be text, got %s", key,
			    ynode_kind_name(n));
		return NULL;
	}
	if (is_null(n) || !n->text[strspn(n->text, " \t\r\n")]) {
		diags_error(d, "empty-text", n->line, n->column, "'%s' must not be empty", key);
		return NULL;
	}
	return n->text;
}

int schema_is_id(const char *s)
{
	size_t len = 0;
	for (; s[len]; len++) {
		char c = s[len];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
			return 0;
	}
	return len > 0 && len <= ID_MAX;
}

char *schema_id(struct diags *d, const struct ynode *n, const char *key)
{
	if (!n)
		return NULL;
	if (n->kind != YNODE_SCALAR) {
		diags_error(d, "wrong-type", n->line, n->column, "'%s' must be an id, got %s", key,
			    ynode_kind_name(n));
		return NULL;
	}
	if (!schema_is_id(n->text)) {
		diags_error(d, "bad-id", n->line, n->column,
			    "'%s' must be an id of lowercase letters, digits, '_' and '-' "
			    "(at most %d), got '%.80s'", key, ID_MAX, n->text);
		return NULL;
	}
	return n->text;
}

/* Numbers print without trailing zeros in messages: 5, 2.5. */
#define NUM_FMT "%g"

/* Reports why N, a scalar, is not a number, after "'KEY' must be a number
 * from MIN to MAX, got ". */
static void not_a_number(struct diags *d, const struct ynode *n, const char *key, double min,
                         double max)
{
	char what[160];
	enum ycore_type looks = ycore_resolve(n->text);
	int numeric = looks == YCORE_INT || looks == YCORE_FLOAT;
	if (n->tag)
		snprintf(what, sizeof what, "the text '%.40s' (tagged %s): write numbers plainly, "
		         "without a tag", n->text, ynode_tag(n));
	else if (!n->plain && numeric)
		snprintf(what, sizeof what, "the text '%.40s': write numbers without quotes",
		         n->text);
	else if (!n->plain && !*n->text)
		snprintf(what, sizeof what, "empty text");
	else if (n->plain && looks == YCORE_NULL)
		snprintf(what, sizeof what, "no value");
	else if (n->plain && looks == YCORE_BOOL)
		snprintf(what, sizeof what, "%.8s, a boolean", n->text);
	else if (n->plain && strchr(n->text, '_') && strlen(n->text) < 40) {
		/* YAML 1.1 allowed 1_000; 1.2 reads it as text. */
		char bare[40], *o = bare;
		for (const char *p = n->text; *p; p++)
			if (*p != '_')
				*o++ = *p;
		*o = '\0';
		looks = ycore_resolve(bare);
		if (looks == YCORE_INT || looks == YCORE_FLOAT)
			snprintf(what, sizeof what, "'%s', which YAML 1.2 reads as text: write %s",
			         n->text, bare);
		else
			snprintf(what, sizeof what, "'%s'", n->text);
	} else
		snprintf(what, sizeof what, "'%.40s'", n->text);
	diags_error(d, "not-a-number", n->line, n->column, "'%s' must be a number from " NUM_FMT
	            " to " NUM_FMT ", got %s", key, min, max, what);
}

int schema_number(struct diags *d, const struct ynode *n, const char *key, double min,
                  double max, double *out)
{
	if (n->kind != YNODE_SCALAR) {
		diags_error(d, "not-a-number", n->line, n->column, "'%s' must be a number from "
		            NUM_FMT " to " NUM_FMT ", got %s", key, min, max, ynode_kind_name(n));
		return -1;
	}
	double v;
	if (!n->plain || !ycore_small_integer(n->text, &v)) {
		enum ycore_type looks = ycore_resolve(n->text);
		if (!n->plain || (looks != YCORE_INT && looks != YCORE_FLOAT)) {
			not_a_number(d, n, key, min, max);
			return -1;
		}
		v = ycore_number(n->text);
	}
	if (isnan(v)) {
		diags_error(d, "not-a-number", n->line, n->column, "'%s' must be a number from "
		            NUM_FMT " to " NUM_FMT ", got %s (not a number)", key, min, max,
		            n->text);
		return -1;
	}
	if (!isfinite(v) || v < min || v > max) {
		const char *why = isinf(v) && ycore_is_inf(n->text) ? " (infinity)"
		                : isinf(v) ? " (too large for a number)" : "";
		char value[48] = "";
		if (!why[0] && (n->text[0] == '0' && (n->text[1] == 'x' || n->text[1] == 'o')))
			snprintf(value, sizeof value, " (%.17g)", v);
		diags_error(d, "out-of-range", n->line, n->column, "'%s' must be from " NUM_FMT
		            " to " NUM_FMT ", got %.40s%s%s", key, min, max, n->text, why, value);
		return -1;
	}
	*out = v == 0 ? 0 : v;  /* no negative zero */
	return 0;
}

int schema_integer(struct diags *d, const struct ynode *n, const char *key, long min,
                   long max, long *out)
{
	double v;
	if (schema_number(d, n, key, (double)min, (double)max, &v))
		return -1;
	if (v != floor(v)) {
		diags_error(d, "not-whole", n->line, n->column, "'%s' must be a whole number, got "
		            "%s", key, n->text);
		return -1;
	}
	*out = (long)v;
	return 0;
}
