/* diff_format.h - the differences of two criteria versions or two sessions
 * (diff.h) in words, for a terminal, and as JSON for programs.
 *
 * The text reports are appended to OUT, every text from the files or the
 * database cleaned for the terminal (text.h, TEXT_LINE), for the face to
 * write. The JSON builders return a new reference the caller
 * owns; their keys are listed in docs/exports.md. */
#ifndef VERDICT_DIFF_FORMAT_H
#define VERDICT_DIFF_FORMAT_H

#include <jansson.h>

#include "criteria.h"
#include "diff.h"
#include "strbuf.h"

#define DIFF_JSON_VERSION 1

/* Two versions of a criteria set, named OLD_NAME and NEW_NAME: every
 * difference, then with EX (NEX examples, or NULL without --examples)
 * which examples change winner or strength. */
void diff_write_criteria_text(struct strbuf *out, const char *old_name, const struct criteria *a,
                             const char *new_name, const struct criteria *b,
                             const struct diff *d, const struct diff_example *ex, size_t nex);
json_t *diff_criteria_json(const char *old_name, const struct criteria *a, const char *new_name,
                           const struct criteria *b, const struct diff *d,
                           const struct diff_example *ex, size_t nex);

/* Sessions ID1 (on A) and ID2 (on B): the differences, each session's
 * result, each difference's share of the change in the margin, and the
 * sentence. */
void diff_write_sessions_text(struct strbuf *out, long long id1, const struct criteria *a, long long id2,
                             const struct criteria *b, const struct session_diff *sd);
json_t *diff_sessions_json(long long id1, const struct criteria *a, long long id2,
                           const struct criteria *b, const struct session_diff *sd);

/* A comparison's value in plain terms, appended to B: "3", "2.5", or "1/5"
 * for the reciprocal of a whole number (as 'verdict diff' and 'verdict show
 * --revisions' write it). */
void diff_ratio_words(struct strbuf *b, double v);

/* The one sentence that ends the diff of two sessions, into BUF: "Python
 * now wins because Syntax went from Minor to Critical and the answer to Your
 * team is now “Mostly Python”." Returns as snprintf does. */
int diff_sentence(const struct criteria *a, const struct criteria *b,
                  const struct session_diff *sd, char *buf, size_t len);

#endif
