/* store_internal.h - what the store's own files (store.c, store_read.c,
 * store_records.c, store_open.c, store_schema.c, store_fault.c, store_fold.c,
 * store_fill.c, store_journal.c)
 * share. Nothing outside them includes this header: the rest of verdict sees
 * only store.h.
 *
 * Ownership: a struct store owns its SQLite connection, its cached prepared
 * statements, its copy of the path and its last error message; store_close()
 * releases them all. */
#ifndef VERDICT_STORE_INTERNAL_H
#define VERDICT_STORE_INTERNAL_H

#include <sqlite3.h>

#include "store.h"
#include "verror.h"

/* "VRDT": marks a SQLite file as verdict's (PRAGMA application_id). */
#define STORE_APPLICATION_ID 0x56524454
#define STORE_BUSY_TIMEOUT_MS 5000

/* The cached statements, prepared on first use (see store.c's table). */
enum store_stmt {
	STMT_BEGIN,
	STMT_COMMIT,
	STMT_ROLLBACK,
	STMT_TOUCH,
	STMT_TEXT_INSERT,
	STMT_TEXT_FIND,
	STMT_SESSION_INSERT,
	STMT_CHOICE_SET,
	STMT_CHOICE_CLEAR,
	STMT_WEIGHT_SET,
	STMT_WEIGHT_CLEAR,
	STMT_NOTES_SET,
	STMT_NAMES_SET,
	STMT_STEP_SET,
	STMT_STATUS_SET,
	STMT_READ_BEGIN,
	STMT_SESSION_GET,
	STMT_CHOICES_GET,
	STMT_WEIGHTS_GET,
	STMT_LIST_ALL,
	STMT_LIST_PROJECT,
	STMT_LIST_PROJECT_FOLD,
	STMT_LATEST_UNFINISHED,
	STMT_SESSION_TEXT,
	STMT_SESSION_DELETE,
	STMT_TEXT_DELETE_ORPHAN,
	STMT_STATE_GET,
	STMT_KEPT_SET,
	STMT_EDITED_SET,
	STMT_UNFINISH,
	STMT_REV_NEXT,
	STMT_REV_INSERT,
	STMT_REV_CHOICES_INSERT,
	STMT_REV_WEIGHTS_INSERT,
	STMT_REV_DELETE,
	STMT_REV_LIST,
	STMT_REV_GET,
	STMT_REV_CHOICES_GET,
	STMT_REV_WEIGHTS_GET,
	STMT_REV_RESTORE,
	STMT_CHOICES_CLEAR_ALL,
	STMT_WEIGHTS_CLEAR_ALL,
	STMT_REV_CHOICES_RESTORE,
	STMT_REV_WEIGHTS_RESTORE,
	STMT_COPY_SESSION,
	STMT_COPY_CHOICES,
	STMT_COPY_WEIGHTS,
	STMT_UNSCORED,
	STMT_RESULT_FILL,
	STMT_WEIGHTING_SET,
	STMT_JUDGMENT_SET,
	STMT_JUDGMENT_CLEAR,
	STMT_JUDGMENTS_GET,
	STMT_REV_JUDGMENTS_INSERT,
	STMT_REV_JUDGMENTS_GET,
	STMT_JUDGMENTS_CLEAR_ALL,
	STMT_REV_JUDGMENTS_RESTORE,
	STMT_COPY_JUDGMENTS,
	STMT_JOURNAL_INSERT,
	STMT_DECIDED_SET,
	STMT_JOURNAL_GET,
	STMT_COUNT
};

struct store {
	sqlite3 *db;
	char *path;
	unsigned flags;         /* STORE_OPEN_* given to store_open_flags() */
	int busy_ms;            /* VERDICT_BUSY_TIMEOUT_MS, checked */
	int last_rc;            /* the SQLite result of the last failure, 0 for others */
	int stand_in;           /* read-only open of a missing or empty file: an empty
	                         * in-memory database stands in, and writes are refused */
	sqlite3_stmt *stmts[STMT_COUNT];
	struct verror err;      /* the last failure (store_error()) */
};

/* What a failed operation cost, for the message. */
#define LOST_ANSWER   "the answer was not saved"
#define LOST_SESSION  "the new session was not saved"
#define LOST_DELETE   "the session was not deleted"
#define LOST_NOTHING  "nothing was changed"
#define LOST_COPY     "no copy was made"
#define LOST_REVISION "the revision was not kept"
#define LOST_REVERT   "nothing was reverted"
#define LOST_FILL     "no result was filled in (the listing scores them as it reads)"

/* store.c: the statements and transactions the store's files share. */

/* The cached statement ID, prepared on first use; NULL with st->err set. */
sqlite3_stmt *store_stmt(struct store *st, enum store_stmt id);
/* Steps S to its end, then resets it and clears its bindings; returns the
 * SQLite result (SQLITE_OK when it ran to the end). */
int store_run(sqlite3_stmt *s);
/* Resets S and clears its bindings, for a statement stepped by hand. */
void store_finish(sqlite3_stmt *s);
/* Runs one bound write statement S inside a transaction: 0, or -1 with st->err set. */
int store_write_step(struct store *st, sqlite3_stmt *s, const char *lost);
/* Runs cached statement ID (a BEGIN, COMMIT, ...). Returns 0, or -1 with the
 * error recorded (store_fail() with LOST). */
int store_exec(struct store *st, enum store_stmt id, const char *lost);
/* Rolls back the open transaction, if SQLite has not already. */
void store_rollback(struct store *st);
/* HEX becomes the SHA-256 of TEXT[LEN], 64 lowercase hex digits and a NUL. */
void store_sha256_hex(const char *text, size_t len, char hex[65]);
/* BEGIN IMMEDIATE (refused on the read-only stand-in): 0, or -1 with st->err set. */
int store_write_begin(struct store *st, const char *lost);
/* Commits when RC is 0 (synced before it returns), rolls back otherwise.
 * Returns RC, or -1 when the commit fails. */
int store_write_end(struct store *st, int rc, const char *lost);
/* What the store knows of a session's record (sessions.status, kept_rev,
 * edited). */
struct session_state {
	int complete;           /* status is 'complete' */
	long long kept;         /* the revision holding exactly its answers, or 0 */
	int edited;             /* its answers changed since it was last finished */
};
/* Whether session ID exists: 0 (*STATE filled when not NULL), or -1 with
 * st->err set: VERROR_INPUT when it does not (store_fail_missing()). */
int store_session_state(struct store *st, long long id, struct session_state *state);
/* store_records.c: keeps session ID's current answers as a new revision,
 * its number in *REV, inside the open transaction. */
int store_keep_revision(struct store *st, long long id, long long *rev, const char *lost);
/* Marks session ID as updated now, inside the open transaction. */
int store_touch(struct store *st, long long id, const char *lost);
/* store_read.c: reads the answer rows of session ID (revision REV, or the
 * session itself when REV is 0) into OUT, which must be zeroed. */
int store_load_answers(struct store *st, long long id, long long rev, struct stored_session *out);
/* After a read found no session ID (or no revision REV of it, REV not 0):
 * -1 with st->err saying so (store_fail_missing()), or saying that the file
 * is damaged when a read-only connection finds it so, as a damaged page can
 * hide a session that is there. */
int store_confirm_missing(struct store *st, long long id, long long rev);

/* store_fold.c: makes the connection's own SQL functions (verdict_fold, for
 * matching names whatever their case). */
int store_functions(struct store *st);

/* store_fault.c: puts a message for SQLite result RC (extended) into st->err,
 * naming the file and saying what to do; LOST (may be NULL, for reads) says
 * what was not done. Returns -1, for "return store_fail(...)". */
int store_fail(struct store *st, int rc, const char *lost);
/* Sets st->err (VERROR_STORAGE) from a printf format; returns -1. */
int store_failf(struct store *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Sets st->err (VERROR_INPUT) to say that session ID, or its revision REV
 * when REV is not 0, is not there; returns -1. */
int store_fail_missing(struct store *st, long long id, long long rev);

/* store_schema.c: checks that the open file is verdict's (or empty), not
 * newer than this program and not damaged, then (unless read-only) turns on
 * WAL and migrates it to the current schema. *EMPTY says whether a read-only
 * open found nothing stored yet (version 0, no tables). Returns 0, or -1
 * with st->err set. */
int store_schema_prepare(struct store *st, int *empty);
/* Runs every migration step on a fresh connection (the in-memory stand-in). */
int store_schema_migrate(struct store *st);
/* How long to wait for another process's lock, from VERDICT_BUSY_TIMEOUT_MS
 * (store_open.c): 0 with *MS set, or -1 with st->err saying what is wrong. */
int store_busy_timeout(struct store *st, int *ms);
/* TEXT as the static string of the strength it names ("clear", "leaning",
 * "too-close"), or NULL when it names none (store_read.c). */
const char *store_strength_known(const char *text);

#endif
