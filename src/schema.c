/* schema.c - checking a YAML tree against what a file format expects. */
#include "schema.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ID_MAX 64

/* Levenshtein distance, for "did you mean" hints; words are short. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return (size_t)-1;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

const char *schema_nearest(const char *word, const char *const *names, size_t count)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	for (size_t i = 0; i < count; i++) {
		if (!names[i] || !*names[i])
			continue;
		size_t dist = edit_distance(word, names[i]);
		if (dist < best_d) {
			best_d = dist;
			best = names[i];
		}
	}
	size_t len = strlen(word);
	size_t allowed = len <= 3 ? 1 : len <= 6 ? 2 : 3;
	return best && best_d <= allowed ? best : NULL;
}

void schema_unknown_keys(struct diags *d, const struct ynode *n, const char *where,
                         const char *const known[])
{
	if (!n || n->kind != YNODE_MAP)
		return;
	size_t nknown = 0;
	while (known[nknown])
		nknown++;
	for (size_t i = 0; i < n->count; i++) {
		const struct ynode *k = n->keys[i];
		size_t j;
		for (j = 0; j < nknown; j++)
			if (strcmp(k->text, known[j]) == 0)
				break;
		if (j < nknown)
			continue;
		const char *near = schema_nearest(k->text, known, nknown);
		if (near)
			diags_add(d, k->line, k->column, "unknown key '%s' in %s; did you mean '%s'?",
			          k->text, where, near);
		else
			diags_add(d, k->line, k->column, "unknown key '%s' in %s", k->text, where);
	}
}

int schema_expect_map(struct diags *d, const struct ynode *n, const char *key)
{
	if (n->kind == YNODE_MAP)
		return 0;
	diags_add(d, n->line, n->column, "'%s' must be a mapping of keys, got %s", key,
	          ynode_kind_name(n));
	return -1;
}

int schema_expect_seq(struct diags *d, const struct ynode *n, const char *key)
{
	if (n->kind == YNODE_SEQ)
		return 0;
	diags_add(d, n->line, n->column, "'%s' must be a list (items starting with '- '), got %s",
	          key, ynode_kind_name(n));
	return -1;
}

int schema_require(struct diags *d, const struct ynode *n, const char *where,
                   const char *const required[])
{
	int missing = 0;
	for (size_t i = 0; required[i]; i++) {
		if (!ynode_get(n, required[i])) {
			diags_add(d, n->line, n->column, "%s is missing the required key '%s'", where,
			          required[i]);
			missing++;
		}
	}
	return missing;
}

/* A plain scalar that YAML reads as null: empty, ~ or null. */
static int is_null(const struct ynode *n)
{
	return n->kind == YNODE_SCALAR && n->plain &&
	       (!*n->text || strcmp(n->text, "~") == 0 || strcmp(n->text, "null") == 0 ||
	        strcmp(n->text, "Null") == 0 || strcmp(n->text, "NULL") == 0);
}

char *schema_text(struct diags *d, const struct ynode *n, const char *key)
{
	if (!n)
		return NULL;
	if (n->kind != YNODE_SCALAR) {
		diags_add(d, n->line, n->column, "'%s' must be text, got %s", key,
		          ynode_kind_name(n));
		return NULL;
	}
	if (is_null(n) || !n->text[strspn(n->text, " \t\r\n")]) {
		diags_add(d, n->line, n->column, "'%s' must not be empty", key);
		return NULL;
	}
	char *s = strdup(n->text);
	if (!s)
		diags_add(d, 0, 0, "out of memory");
	return s;
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
		diags_add(d, n->line, n->column, "'%s' must be an id, got %s", key,
		          ynode_kind_name(n));
		return NULL;
	}
	if (!schema_is_id(n->text)) {
		diags_add(d, n->line, n->column,
		          "'%s' must be an id of lowercase letters, digits, '_' and '-' "
		          "(at most %d), got '%.80s'", key, ID_MAX, n->text);
		return NULL;
	}
	char *s = strdup(n->text);
	if (!s)
		diags_add(d, 0, 0, "out of memory");
	return s;
}

/* Whether S is written as a decimal number: [+-]digits[.digits][e[+-]digits]. */
static int is_decimal(const char *s)
{
	if (*s == '+' || *s == '-')
		s++;
	int digits = 0;
	while (*s >= '0' && *s <= '9')
		s++, digits++;
	if (*s == '.') {
		s++;
		while (*s >= '0' && *s <= '9')
			s++, digits++;
	}
	if (!digits)
		return 0;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

/* Numbers print without trailing zeros in messages: 5, 2.5. */
#define NUM_FMT "%g"

int schema_number(struct diags *d, const struct ynode *n, const char *key, double min,
                  double max, double *out)
{
	if (n->kind != YNODE_SCALAR || !n->plain || !is_decimal(n->text)) {
		if (n->kind != YNODE_SCALAR)
			diags_add(d, n->line, n->column, "'%s' must be a number from " NUM_FMT
			          " to " NUM_FMT ", got %s", key, min, max, ynode_kind_name(n));
		else if (!n->plain && is_decimal(n->text))
			diags_add(d, n->line, n->column, "'%s' must be a number from " NUM_FMT
			          " to " NUM_FMT ", got the text '%.40s': write numbers without quotes",
			          key, min, max, n->text);
		else if (n->plain && !*n->text)
			diags_add(d, n->line, n->column, "'%s' must be a number from " NUM_FMT
			          " to " NUM_FMT ", got no value", key, min, max);
		else
			diags_add(d, n->line, n->column, "'%s' must be a number from " NUM_FMT
			          " to " NUM_FMT ", got '%.40s'", key, min, max, n->text);
		return -1;
	}
	errno = 0;
	double v = strtod(n->text, NULL);
	if (errno == ERANGE || !isfinite(v) || v < min || v > max) {
		diags_add(d, n->line, n->column, "'%s' must be from " NUM_FMT " to " NUM_FMT
		          ", got %.40s", key, min, max, n->text);
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
		diags_add(d, n->line, n->column, "'%s' must be a whole number, got %s", key,
		          n->text);
		return -1;
	}
	*out = (long)v;
	return 0;
}
