/* store_journal.c - the decision journal (schema 5): the option actually
 * chosen for a session and, later, how it turned out. Entries are only
 * added; a decision also sets sessions.decided, the option named by the
 * latest one, for the listing. Neither touches the session's answers, its
 * updated time or its revisions. The statements are in store.c's table. */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "store_internal.h"

#define LOST_DECISION "the decision was not recorded"
#define LOST_REVIEW   "the review was not recorded"

/* Binds TEXT as parameter N, NULL when it is NULL. */
static void bind_text(sqlite3_stmt *s, int n, const char *text)
{
	if (text)
		sqlite3_bind_text(s, n, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, n);
}

/* Adds one journal entry to session ID, and for a decision sets the
 * session's decided column, in one transaction. */
static int add_entry(struct store *st, long long id, const char *kind, const char *option,
                     const char *option_name, const char *advised, const char *note,
                     int rating, long long *entry, const char *lost)
{
	if (store_write_begin(st, lost))
		return -1;
	int rc = store_session_state(st, id, NULL);
	if (rc && st->err.kind != VERROR_INPUT)
		store_fail(st, st->last_rc ? st->last_rc : SQLITE_ERROR, lost);
	sqlite3_stmt *s = rc ? NULL : store_stmt(st, STMT_JOURNAL_INSERT);
	if (rc == 0 && !s)
		rc = -1;
	long long new_id = 0;
	if (s) {
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)clock_now());
		bind_text(s, 4, option);
		bind_text(s, 5, option_name);
		bind_text(s, 6, advised);
		bind_text(s, 7, note);
		if (rating)
			sqlite3_bind_int(s, 8, rating);
		else
			sqlite3_bind_null(s, 8);
		rc = store_write_step(st, s, lost);
		new_id = sqlite3_last_insert_rowid(st->db);
	}
	if (rc == 0 && option_name) {
		if (!(s = store_stmt(st, STMT_DECIDED_SET))) {
			rc = -1;
		} else {
			sqlite3_bind_int64(s, 1, id);
			sqlite3_bind_text(s, 2, option_name, -1, SQLITE_STATIC);
			rc = store_write_step(st, s, lost);
		}
	}
	rc = store_write_end(st, rc, lost);
	if (rc == 0 && entry)
		*entry = new_id;
	return rc;
}

int store_decide(struct store *st, long long id, const char *option, const char *option_name,
                 const char *advised, const char *note, long long *entry)
{
	if (!option || !*option || !option_name || !*option_name)
		return store_failf(st, "%s: a decision needs the option's id and name; %s",
		                   st->path, LOST_DECISION);
	return add_entry(st, id, "decision", option, option_name, advised, note, 0, entry,
	                 LOST_DECISION);
}

int store_review(struct store *st, long long id, const char *outcome, int rating,
                 long long *entry)
{
	if (!outcome || !*outcome)
		return store_failf(st, "%s: a review needs its outcome; %s", st->path, LOST_REVIEW);
	if (rating < 0 || rating > 5)
		return store_failf(st, "%s: a review's rating must be 1 to 5, not %d; %s", st->path,
		                   rating, LOST_REVIEW);
	return add_entry(st, id, "review", NULL, NULL, NULL, outcome, rating, entry, LOST_REVIEW);
}
