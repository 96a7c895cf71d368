/* store_internal.h - what the store's own files (store.c, store_open.c,
 * store_schema.c, store_fault.c) share. Nothing outside them includes this
 * header: the rest of verdict sees only store.h.
 *
 * Ownership: a struct store owns its SQLite connection, its cached prepared
 * statements, its copy of the path and its last error message; store_close()
 * releases them all. */
#ifndef VERDICT_STORE_INTERNAL_H
#define VERDICT_STORE_INTERNAL_H

#include <sqlite3.h>

#include "store.h"

/* "VRDT": marks a SQLite file as verdict's (PRAGMA application_id). */
#define STORE_APPLICATION_ID 0x56524454
#define STORE_BUSY_TIMEOUT_MS 5000
#define STORE_ERR_MAX 1024

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
	STMT_LATEST_UNFINISHED,
	STMT_SESSION_TEXT,
	STMT_SESSION_DELETE,
	STMT_TEXT_DELETE_ORPHAN,
	STMT_COUNT
};

struct store {
	sqlite3 *db;
	char *path;
	unsigned flags;         /* STORE_OPEN_* given to store_open_flags() */
	int stand_in;           /* read-only open of a missing or empty file: an empty
	                         * in-memory database stands in, and writes are refused */
	sqlite3_stmt *stmts[STMT_COUNT];
	char err[STORE_ERR_MAX];
};

/* What a failed operation cost, for the message. */
#define LOST_ANSWER   "the answer was not saved"
#define LOST_SESSION  "the new session was not saved"
#define LOST_DELETE   "the session was not deleted"
#define LOST_NOTHING  "nothing was changed"

/* store_fault.c: puts a message for SQLite result RC (extended) into st->err,
 * naming the file and saying what to do; LOST (may be NULL, for reads) says
 * what was not done. Returns -1, for "return store_fail(...)". */
int store_fail(struct store *st, int rc, const char *lost);
/* Sets st->err from a printf format; returns -1. */
int store_failf(struct store *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* store_schema.c: checks that the open file is verdict's (or empty), not
 * newer than this program and not damaged, then (unless read-only) turns on
 * WAL and migrates it to the current schema. Returns 0, -1 (st->err set),
 * or 1 when a read-only open finds nothing stored yet (version 0, no tables). */
int store_schema_prepare(struct store *st);
/* Runs every migration step on a fresh connection (the in-memory stand-in). */
int store_schema_migrate(struct store *st);

#endif
