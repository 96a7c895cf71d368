/* import.h - sessions from other machines (verdict import): the JSON reports
 * that `export --format json` writes, and other verdict databases, read into
 * stored sessions with every check made before anything is written, then
 * added to a database in one transaction.
 *
 * Reading: import_read_report() and import_read_db() append what they read
 * to a struct import_batch, and refuse a damaged input whole (nothing of it
 * is appended). import_batch_store() then brings the whole batch in, in one
 * transaction: a session already there (the same uid) with the same answers,
 * names, notes, status, criteria text and journal is skipped; one with the
 * same uid that differs in any of them is a conflict, which refuses the
 * whole import (nothing is written), naming the file, the session and what
 * differs. docs/verdict.1 and README.md ("Answers from other machines") say
 * the same for people.
 *
 * Ownership: a batch owns everything in it (import_batch_free()). Prints
 * nothing. */
#ifndef VERDICT_IMPORT_H
#define VERDICT_IMPORT_H

#include <stddef.h>

#include "criteria.h"
#include "diag.h"
#include "session.h"
#include "store.h"
#include "verror.h"

/* "verdict-report/1", the only JSON format read. */
#define IMPORT_REPORT_FORMAT "verdict-report/1"
/* The largest JSON report read, in bytes (a criteria text can be large). */
#define IMPORT_MAX_BYTES (64u * 1024u * 1024u)

struct import_item {
	struct stored_session s;        /* the session: uid, criteria text, answers,
	                                 * journal, ... as store_import_session() takes it */
	struct stored_session *revs;    /* its revisions, oldest first */
	size_t nrevs;
	char *file;                     /* the file it was read from, as given */
	char *origin;                   /* what it is recorded as coming from: the file
	                                 * name as given ("alice.json"), or "database
	                                 * NAME" for --from-db */
	long long source_id;            /* its id in that file */
};

struct import_batch {
	struct import_item *items;
	size_t n, cap;
};

void import_batch_init(struct import_batch *b);
void import_batch_free(struct import_batch *b);

/* Reads JSON report PATH (as `export --format json` writes it) and appends
 * its session, with its revisions and journal, to B. Refuses, appending
 * nothing: JSON that does not parse (the position in D: "PATH:LINE:COLUMN:
 * error: ..."), a format other than "verdict-report/1", a key missing or of
 * the wrong type (named), a criteria text whose SHA-256 is not the audit's
 * criteria_sha256, answers whose canonical text's SHA-256 is not the
 * audit's answers_sha256, answers (or a revision's) that do not fit the
 * criteria, and a report of a session that was never saved (it has no uid).
 * D is started for PATH (diags_init) and is the caller's to free. Returns 0,
 * or -1 with ERR (VERROR_INPUT; a file that cannot be read is VERROR_INPUT
 * too, naming it). */
int import_read_report(const char *path, struct import_batch *b, struct diags *d,
                       struct verror *err);

/* Reads every session of the verdict database PATH, with its revisions and
 * journal, opened read-only (nothing in it is written), and appends them to
 * B. INTO (may be NULL) is the database being imported into: PATH naming the
 * same file (by device and inode) is refused, and so is a PATH that does not
 * exist, a file of an older verdict (its sessions have no uid yet) and
 * stored answers that do not fit their criteria. Returns 0, or -1 with ERR
 * (VERROR_INPUT, or the store's kind for a file that cannot be read). */
int import_read_db(const char *path, const char *into, struct import_batch *b,
                   struct verror *err);

/* What became of each item of a batch. */
struct import_outcome {
	int skipped;            /* already there, the same: nothing added */
	long long id;           /* its id here: new, or the one already there */
};

/* Adds B's sessions to ST in one transaction (store_import_begin() ...
 * store_import_end()): OUT[i] (B->n of them, the caller's) says what became
 * of item i. A conflict (a session already there by uid that differs) or
 * any failure writes nothing. Returns 0, or -1 with ERR: VERROR_INPUT for a
 * conflict, the store's kind for a failure of the database. */
int import_batch_store(struct store *st, const struct import_batch *b,
                       struct import_outcome *out, struct verror *err);

/* Maps stored answers SS (a session's or a revision's) onto C, into SE (a
 * session_new(C)): choices, weights, weighting and comparisons. WHERE names
 * them in a message ("alice.json: session 7"). Returns 0, or -1 with ERR
 * (VERROR_INPUT) naming the question, choice, criterion or comparison that
 * C does not know. */
int import_fit_answers(const struct criteria *c, const struct stored_session *ss,
                       struct session *se, const char *where, struct verror *err);

/* Appends a new, zeroed item to B and returns it. */
struct import_item *import_batch_add(struct import_batch *b);
/* Drops B's items from index N on (freeing them). */
void import_batch_cut(struct import_batch *b, size_t n);

#endif
