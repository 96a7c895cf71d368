/* criteria_load.h - what the parts of the criteria loader share (criteria.c,
 * criteria_examples.c); not for use outside them. */
#ifndef VERDICT_CRITERIA_LOAD_H
#define VERDICT_CRITERIA_LOAD_H

#include <stddef.h>

#include "criteria.h"
#include "diag.h"
#include "yaml_tree.h"

struct loader {
	struct diags *d;
	struct criteria *c;
	const char **option_ids;        /* [noptions], borrowed from c, for hints */
	int options_broken;             /* an option had no valid id: ratings are not checked */
	int criteria_broken;            /* a criterion had no valid id: references to
	                                 * criteria are not checked */
	int questions_broken;           /* 'questions' was misspelt: the examples'
	                                 * answers are not checked */
	/* The criteria loaded as the parse goes (take_criterion()). */
	size_t errors_before;           /* the errors in D when the parse began */
	int streamed;                   /* scale and options were loaded early */
	int stream_failed;              /* an error since: load it all again, whole */
	size_t root_pairs_seen;         /* the root's pairs before 'criteria' */
	size_t criteria_cap;
};

/* An id and where it stood, for finding duplicates by sorting. */
struct id_at {
	const char *id;
	const struct ynode *node;
	size_t index;           /* its place in its list */
};

/* Reports every entry of IDS that repeats an earlier one ("duplicate WHAT
 * 'ID' (first given at line N)"), as an error of kind CODE. Returns how
 * many. */
size_t check_unique(struct diags *d, struct id_at *ids, size_t n, const char *what,
                    const char *code);
/* Reports an unknown option KEY, with the option it was meant to be (MEANT,
 * or -1 for the nearest, if any, or -2 for none) and every option id as a
 * hint. Returns the index of the option named in the hint, or -1. */
int unknown_option(struct loader *L, const struct ynode *key, const char *where, int meant);
/* Loads the 'examples' list LIST (may be NULL) into the model. */
void load_examples(struct loader *L, const struct ynode *list);

#endif
