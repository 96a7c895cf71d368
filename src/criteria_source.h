/* criteria_source.h - where a criteria set comes from: a file named with -c,
 * the VERDICT_CRITERIA environment variable, or the default set compiled into
 * the binary. */
#ifndef VERDICT_CRITERIA_SOURCE_H
#define VERDICT_CRITERIA_SOURCE_H

#include <stddef.h>

#include "criteria.h"

/* The name shown for the compiled-in default set. */
#define CRITERIA_BUILTIN_NAME "node-vs-python.yaml (built in)"

struct criteria_source {
	char *name;             /* the path, or CRITERIA_BUILTIN_NAME */
	char *text;             /* the exact text, NUL-terminated */
	size_t len;
	struct criteria *model;
};

/* Loads PATH, or when PATH is NULL, $VERDICT_CRITERIA if set and not empty,
 * else the built-in set. Errors go to stderr as FILE:LINE:COLUMN lines.
 * Returns 0, or the exit status to end with (1 for invalid criteria or an
 * unreadable file, 2 for an empty PATH, which never means the default). Free
 * the source with criteria_source_free(). */
int criteria_source_load(const char *path, struct criteria_source *src);
/* The same from text already in memory (a stored session's criteria). */
int criteria_source_from_text(const char *name, const char *text, size_t len,
                              struct criteria_source *src);
void criteria_source_free(struct criteria_source *src);

/* The compiled-in default criteria text. */
extern const char default_criteria[];
extern const size_t default_criteria_len;

#endif
