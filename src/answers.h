/* answers.h - the answers file: one person's answers to a criteria set,
 * written as YAML for scripts, tests and non-interactive use.
 *
 *   criteria: node-vs-python      # optional; must match the criteria id
 *   project: Shop rewrite         # optional text
 *   respondent: Dana              # optional text
 *   notes: ...                    # optional text
 *   choices: { app_kind: realtime, team_skills: javascript }
 *   weights: { speed: 5, syntax: 1.5 }
 *
 * A question left out (or given an empty value) is unanswered and applies no
 * adjustment; a criterion left out keeps its profile-adjusted default. */
#ifndef VERDICT_ANSWERS_H
#define VERDICT_ANSWERS_H

#include <stddef.h>

#include "criteria.h"
#include "diag.h"
#include "session.h"
#include "yaml_tree.h"

/* Parses answers YAML TEXT of LEN bytes (need not be NUL-terminated) against
 * criteria C, which the session refers to by index and which must outlive
 * it. Every problem found is added to D, positioned, with the nearest known
 * id as a hint for a misspelt one. Returns a new session, which the caller
 * frees with session_free(), or NULL when the text has any error. */
struct session *answers_parse(const char *text, size_t len, const struct criteria *c,
                              struct diags *d);

/* The `choices` and `weights` mappings alone, read into S as answers_parse()
 * reads them, with the same messages: for answers written inside another
 * file (a criteria file's calibration examples). Either node may be NULL. */
void answers_read(struct diags *d, const struct criteria *c, struct session *s,
                  const struct ynode *choices, const struct ynode *weights);

#endif
