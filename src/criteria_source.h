/* criteria_source.h - where a criteria set comes from: a file named with -c,
 * the VERDICT_CRITERIA environment variable, or the default set compiled into
 * the binary. */
#ifndef VERDICT_CRITERIA_SOURCE_H
#define VERDICT_CRITERIA_SOURCE_H

#include <stddef.h>

#include "criteria.h"
#include "diag.h"
#include "verror.h"

/* The name shown for the compiled-in default set. */
#define CRITERIA_BUILTIN_NAME "node-vs-python.yaml (built in)"

struct criteria_source {
	char *name;             /* the path, or CRITERIA_BUILTIN_NAME */
	const char *text;       /* the exact text, NUL-terminated */
	size_t len;
	char *own_text;         /* TEXT when it is this source's to free; NULL for
	                         * the built-in set's, which is used in place */
	struct criteria *model;
};

/* Loads PATH ("-" for standard input, named "<stdin>"), or when PATH is NULL,
 * $VERDICT_CRITERIA if set and not empty, else the built-in set. Returns 0,
 * or -1 with ERR: VERROR_USAGE for an empty PATH (which never means the
 * default set), VERROR_INPUT for a file that cannot be read or criteria that
 * are not valid. D, when not NULL, is started (diags_init) under the set's
 * name and gets every positioned error of it (ERR has the first, see
 * diags_fail()); the caller frees D whatever is returned. Free the source
 * with criteria_source_free() after success. */
int criteria_source_load(const char *path, struct criteria_source *src, struct diags *d,
                         struct verror *err);
/* The same from text already in memory (a stored session's criteria), shown
 * as NAME. */
int criteria_source_from_text(const char *name, const char *text, size_t len,
                              struct criteria_source *src, struct diags *d,
                              struct verror *err);
/* The same, taking TEXT (LEN bytes, NUL-terminated, from malloc) as the
 * source's own, not copied: it is freed with the source, or at once when
 * the text does not load. */
int criteria_source_adopt(const char *name, char *text, size_t len,
                          struct criteria_source *src, struct diags *d, struct verror *err);
void criteria_source_free(struct criteria_source *src);

/* The compiled-in default criteria text. */
extern const char default_criteria[];
extern const size_t default_criteria_len;

#endif
