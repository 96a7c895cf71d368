/* starter.h - the starter criteria set that 'verdict new' writes: every key
 * explained in a comment, the options a team names, a few criteria, one
 * profile question and one calibration example, which the set passes.
 *
 * Pure: it builds text, and scores its own example (score.h) to say the
 * strength that example gives; writing the file is the caller's. */
#ifndef VERDICT_STARTER_H
#define VERDICT_STARTER_H

#include <stddef.h>

#include "strbuf.h"
#include "verror.h"

enum {
	STARTER_MIN_OPTIONS = 2,
	STARTER_MAX_OPTIONS = 16,       /* as a criteria file allows */
	STARTER_MAX_CRITERIA = 50,
	STARTER_CRITERIA = 3,           /* without --criteria */
	STARTER_ID_MAX = 64,            /* an id's length, as criteria files allow */
};

/* The options without --options: "Option A,Option B". */
extern const char starter_default_options[];

/* ID (STARTER_ID_MAX + 1 bytes) made from NAME: its ASCII letters lowered
 * and its digits, every other run of characters one '-', none at either
 * end, at most STARTER_ID_MAX characters; "" when NAME has no ASCII letter
 * or digit. */
void starter_id(const char *name, char *id);

/* Appends to OUT the starter criteria set saved as FILE (its id is made
 * from FILE's name without the directory and a .yaml or .yml ending, else
 * "decision"), with the options OPTIONS (names separated by commas, the
 * spaces around each dropped; NULL for starter_default_options) and
 * CRITERIA criteria (the text of a whole number, NULL for
 * STARTER_CRITERIA). Returns 0, or -1 with ERR (VERROR_USAGE) saying what
 * is wrong with OPTIONS or CRITERIA, OUT unchanged. */
int starter_text(const char *file, const char *options, const char *criteria,
                 struct strbuf *out, struct verror *err);

#endif
