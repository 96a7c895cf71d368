/* schema.h - checking a YAML tree against what a file format expects.
 *
 * Shared by the criteria and answers loaders: typed reads of nodes that report
 * a positioned, plain-language error when a value is not what was expected,
 * and unknown-key checks that suggest the nearest known key. */
#ifndef VERDICT_SCHEMA_H
#define VERDICT_SCHEMA_H

#include "diag.h"
#include "yaml_tree.h"

/* Reports every key of map N that is not in KNOWN (NULL-terminated), naming
 * WHERE ("option", "the top level") and the nearest known key. */
void schema_unknown_keys(struct diags *d, const struct ynode *n, const char *where,
                         const char *const known[]);

/* The same in one pass over map N's keys that also finds the known ones:
 * FOUND[j] (as many as KNOWN) is set to the value of the first key
 * KNOWN[j], or NULL, as ynode_get() would give it. */
void schema_fields(struct diags *d, const struct ynode *n, const char *where,
                   const char *const known[], const struct ynode *found[]);
/* schema_require() for keys found by schema_fields(): REQUIRED holds
 * NREQUIRED places in KNOWN. */
int schema_require_found(struct diags *d, const struct ynode *n, const char *where,
                         const char *const known[], const struct ynode *const found[],
                         const int required[], size_t nrequired);

/* Checks that N is a map (or list), else reports "'KEY' must be a mapping".
 * Returns 0 when it is. */
int schema_expect_map(struct diags *d, const struct ynode *n, const char *key);
int schema_expect_seq(struct diags *d, const struct ynode *n, const char *key);

/* Reports REQUIRED keys missing from map N, naming WHERE. A key missing
 * because it was misspelt (schema_misspelt()) is not reported: the unknown
 * key's own error says it. Returns how many were reported. */
int schema_require(struct diags *d, const struct ynode *n, const char *where,
                   const char *const known[], const char *const required[]);
/* Whether map N (may be NULL) has a key not in KNOWN (NULL-terminated) whose
 * nearest known key is KEY: KEY misspelt. */
int schema_misspelt(const struct ynode *n, const char *key, const char *const known[]);

/* N's text (the tree's own, not a copy), which must be a scalar with more
 * than white space, or NULL after an error about KEY. Returns NULL without a
 * message when N is NULL. */
char *schema_text(struct diags *d, const struct ynode *n, const char *key);

/* An identifier: [a-z0-9_-]+, at most 64 characters. N's text (not a copy),
 * or NULL after an error. */
char *schema_id(struct diags *d, const struct ynode *n, const char *key);
/* Whether S is a valid identifier. */
int schema_is_id(const char *s);

/* A number within [MIN, MAX], written as YAML 1.2's core schema writes one
 * (yaml_core.h): a plain scalar, neither quoted nor tagged, in decimal
 * (3, +3, 2.5, .5, 1e-3) or as a 0o or 0x whole number; .inf and .nan are
 * numbers but never in range. Stores it in *OUT and returns 0, or reports an
 * error about KEY, saying what was found instead, and returns -1. */
int schema_number(struct diags *d, const struct ynode *n, const char *key, double min,
                  double max, double *out);
/* The same for whole numbers. */
int schema_integer(struct diags *d, const struct ynode *n, const char *key, long min,
                   long max, long *out);

/* Of the NAMES (COUNT of them), the one nearest WORD by edit distance if it is
 * near enough to be a likely typo, else NULL. */
const char *schema_nearest(const char *word, const char *const *names, size_t count);

/* The hint for WORD, an id not among NAMES (COUNT of them, NULL or empty
 * ones skipped), added to the last error of D (diags_hint()): "did you mean
 * 'NEAR'?", NEAR the name WORD was meant to be (NULL for the nearest one,
 * schema_nearest(), if any), and, when KIND is not NULL and there are at
 * most SCHEMA_LIST_MAX names, all of them: "the KIND are 'a', 'b' and
 * 'c'". */
void schema_hint_unknown(struct diags *d, const char *word, const char *near,
                         const char *const *names, size_t count, const char *kind);
#define SCHEMA_LIST_MAX 16

#endif
