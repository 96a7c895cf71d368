/* store_records.c - sessions as records: copies of a session (scenarios),
 * and revisions (the answers a session had before it was edited), listed
 * and brought back. The statements are in store.c's table. */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "store_internal.h"

/* Binds ID as ?1 and, when the statement has a ?2, OTHER as ?2, and runs
 * statement WHICH in the open transaction. */
static int run_two(struct store *st, enum store_stmt which, long long id, long long other,
                   const char *lost)
{
	sqlite3_stmt *s = store_stmt(st, which);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_bind_parameter_count(s) >= 2)
		sqlite3_bind_int64(s, 2, other);
	return store_write_step(st, s, lost);
}

int store_keep_revision(struct store *st, long long id, long long *rev, const char *lost)
{
	sqlite3_stmt *s = store_stmt(st, STMT_REV_NEXT);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	long long next = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	store_finish(s);
	if (rc != SQLITE_ROW)
		return store_fail(st, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, lost);
	if (!(s = store_stmt(st, STMT_REV_INSERT)))
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, next);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)clock_now());
	if (store_write_step(st, s, lost) ||
	    run_two(st, STMT_REV_CHOICES_INSERT, id, next, lost) ||
	    run_two(st, STMT_REV_WEIGHTS_INSERT, id, next, lost) ||
	    run_two(st, STMT_REV_JUDGMENTS_INSERT, id, next, lost) ||
	    run_two(st, STMT_KEPT_SET, id, next, lost))
		return -1;
	*rev = next;
	return 0;
}

/* Starts a write to session ID: 0 with the transaction open, or -1 with
 * none (VERROR_INPUT when the session does not exist). */
static int begin_session(struct store *st, long long id, long long *kept, const char *lost)
{
	if (store_write_begin(st, lost))
		return -1;
	struct session_state state = { 0 };
	int rc = store_session_state(st, id, &state);
	if (kept)
		*kept = state.kept;
	if (rc && st->err.kind != VERROR_INPUT)
		store_fail(st, st->last_rc ? st->last_rc : SQLITE_ERROR, lost);
	if (rc)
		store_rollback(st);
	return rc;
}

int store_copy(struct store *st, long long id, const char *project, long long *new_id)
{
	int rc = begin_session(st, id, NULL, LOST_COPY);
	if (rc)
		return rc;
	sqlite3_stmt *s = store_stmt(st, STMT_COPY_SESSION);
	long long copy = 0;
	if (!s) {
		rc = -1;
	} else {
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, project, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)clock_now());
		rc = store_write_step(st, s, LOST_COPY);
		copy = sqlite3_last_insert_rowid(st->db);
	}
	if (rc == 0)
		rc = run_two(st, STMT_COPY_CHOICES, id, copy, LOST_COPY);
	if (rc == 0)
		rc = run_two(st, STMT_COPY_WEIGHTS, id, copy, LOST_COPY);
	if (rc == 0)
		rc = run_two(st, STMT_COPY_JUDGMENTS, id, copy, LOST_COPY);
	rc = store_write_end(st, rc, LOST_COPY);
	if (rc == 0)
		*new_id = copy;
	return rc;
}

int store_revision_save(struct store *st, long long id, long long *rev)
{
	long long kept = 0;
	int rc = begin_session(st, id, &kept, LOST_REVISION);
	if (rc)
		return rc;
	if (!kept)
		rc = store_keep_revision(st, id, &kept, LOST_REVISION);
	rc = store_write_end(st, rc, LOST_REVISION);
	if (rc == 0)
		*rev = kept;
	return rc;
}

static enum session_status status_of(const unsigned char *text)
{
	return text && strcmp((const char *)text, "complete") == 0 ? SESSION_COMPLETE
	                                                           : SESSION_IN_PROGRESS;
}

int store_revisions(struct store *st, long long id,
                    int (*each)(const struct revision_summary *r, void *ctx), void *ctx)
{
	if (store_session_state(st, id, NULL))
		return st->err.kind == VERROR_INPUT ? store_confirm_missing(st, id, 0) : -1;
	sqlite3_stmt *s = store_stmt(st, STMT_REV_LIST);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct revision_summary r = {
			.rev = sqlite3_column_int64(s, 0),
			.kept = (time_t)sqlite3_column_int64(s, 1),
			.updated = (time_t)sqlite3_column_int64(s, 2),
			.status = status_of(sqlite3_column_text(s, 3)),
			.winner_name = (const char *)sqlite3_column_text(s, 4),
			.project = (const char *)sqlite3_column_text(s, 5),
			.respondent = (const char *)sqlite3_column_text(s, 6),
			.nchoices = (size_t)sqlite3_column_int64(s, 7),
			.nweights = (size_t)sqlite3_column_int64(s, 8),
			.njudgments = (size_t)sqlite3_column_int64(s, 9),
		};
		if (each(&r, ctx)) {
			rc = SQLITE_DONE;  /* stopped by EACH: not a failure */
			break;
		}
	}
	store_finish(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, NULL);
}

int store_revert(struct store *st, long long id, long long rev, long long *kept)
{
	long long current = 0;
	int rc = begin_session(st, id, &current, LOST_REVERT);
	if (rc)
		return rc;
	/* The revision must be there before anything is written. */
	sqlite3_stmt *s = store_stmt(st, STMT_REV_GET);
	if (!s) {
		rc = -1;
	} else {
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, rev);
		int step = sqlite3_step(s);
		store_finish(s);
		rc = step == SQLITE_ROW ? 0 : step == SQLITE_DONE ? store_fail_missing(st, id, rev)
		                                                  : store_fail(st, step, LOST_REVERT);
	}
	/* The answers now are kept first, unless a revision already holds them. */
	if (rc == 0 && !current)
		rc = store_keep_revision(st, id, &current, LOST_REVERT);
	if (rc == 0 && current != rev) {
		if (run_two(st, STMT_REV_RESTORE, id, rev, LOST_REVERT) ||
		    run_two(st, STMT_CHOICES_CLEAR_ALL, id, 0, LOST_REVERT) ||
		    run_two(st, STMT_WEIGHTS_CLEAR_ALL, id, 0, LOST_REVERT) ||
		    run_two(st, STMT_JUDGMENTS_CLEAR_ALL, id, 0, LOST_REVERT) ||
		    run_two(st, STMT_REV_CHOICES_RESTORE, id, rev, LOST_REVERT) ||
		    run_two(st, STMT_REV_WEIGHTS_RESTORE, id, rev, LOST_REVERT) ||
		    run_two(st, STMT_REV_JUDGMENTS_RESTORE, id, rev, LOST_REVERT) ||
		    run_two(st, STMT_EDITED_SET, id, 0, LOST_REVERT) ||
		    run_two(st, STMT_KEPT_SET, id, rev, LOST_REVERT) ||
		    store_touch(st, id, LOST_REVERT))
			rc = -1;
	}
	rc = store_write_end(st, rc, LOST_REVERT);
	if (rc == 0)
		*kept = current;
	return rc;
}
