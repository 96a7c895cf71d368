/* store_import.c - sessions from other files (verdict import): a session
 * found by its uid, and whole sessions added, with their revisions and
 * journal, in one transaction for the whole import (store.h).
 *
 * Its statements are its own (prepared for each use, then finalized): an
 * import is rare, and its rows are few. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "store_internal.h"

#define LOST_IMPORT "nothing was imported"

/* Prepares SQL: the statement, or NULL with st->err set. */
static sqlite3_stmt *prep(struct store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(s);
		store_fail(st, rc, LOST_IMPORT);
		return NULL;
	}
	return s;
}

/* Runs bound write statement S to its end and finalizes it: 0, or -1 with
 * st->err set. */
static int done(struct store *st, sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, LOST_IMPORT);
}

static void bind_text(sqlite3_stmt *s, int i, const char *text)
{
	sqlite3_bind_text(s, i, text, -1, SQLITE_STATIC);
}

int store_find_uid(struct store *st, const char *uid, long long *id)
{
	*id = 0;
	sqlite3_stmt *s = prep(st, "SELECT id FROM sessions WHERE uid = ?1");
	if (!s)
		return -1;
	bind_text(s, 1, uid);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, rc, NULL);
}

int store_import_begin(struct store *st)
{
	return store_write_begin(st, LOST_IMPORT);
}

int store_import_end(struct store *st, int rc)
{
	return store_write_end(st, rc, LOST_IMPORT) ? -1 : 0;
}

static int input_fail(struct store *st, const char *what, const char *value)
{
	st->last_rc = 0;
	return verror_set(&st->err, VERROR_INPUT, "%s: %s '%s'; %s", st->path, what,
	                  value ? value : "(none)", LOST_IMPORT);
}

static int uid_ok(const char *uid)
{
	if (!uid || strlen(uid) != 32)
		return 0;
	return strspn(uid, "0123456789abcdef") == 32;
}

static const char *weighting_of(const char *w)
{
	if (!w || strcmp(w, "ratings") == 0)
		return "ratings";
	return strcmp(w, "pairwise") == 0 ? "pairwise" : NULL;
}

/* Checks what IN's answers hold before anything is written: 0, or -1 with
 * st->err (VERROR_INPUT). */
static int answers_ok(struct store *st, const struct stored_session *in)
{
	if (!weighting_of(in->weighting))
		return input_fail(st, "how a session weighs must be 'ratings' or 'pairwise', not",
		                  in->weighting);
	for (size_t i = 0; i < in->nchoices; i++)
		if (!in->choices[i].question || !in->choices[i].choice)
			return input_fail(st, "an answer needs a question and a choice, in session",
			                  in->uid);
	for (size_t i = 0; i < in->nweights; i++)
		if (!in->weights[i].criterion || !isfinite(in->weights[i].weight))
			return input_fail(st, "a weight needs a criterion and a finite number, in "
			                  "session", in->uid);
	for (size_t i = 0; i < in->njudgments; i++) {
		const struct stored_judgment *j = &in->judgments[i];
		if (!j->level || (strcmp(j->level, "criteria") != 0 &&
		                  strcmp(j->level, "groups") != 0) ||
		    !j->a || !j->b || strcmp(j->a, j->b) == 0 || !isfinite(j->value) ||
		    !(j->value > 0))
			return input_fail(st, "a comparison that cannot be stored, in session",
			                  in->uid);
	}
	return 0;
}

/* The id of criteria text TEXT[LEN], stored once per distinct text (as
 * store.c does), into *OUT. */
static int text_id(struct store *st, const char *text, size_t len, long long *out)
{
	char hex[65];
	store_sha256_hex(text ? text : "", len, hex);
	sqlite3_stmt *s = prep(st, "INSERT INTO criteria_texts (sha256, body) VALUES (?1, ?2) "
	                           "ON CONFLICT (sha256) DO NOTHING");
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, hex, 64, SQLITE_TRANSIENT);
	sqlite3_bind_blob64(s, 2, len ? text : "", len, SQLITE_STATIC);
	if (done(st, s))
		return -1;
	if (!(s = prep(st, "SELECT id FROM criteria_texts WHERE sha256 = ?1")))
		return -1;
	sqlite3_bind_text(s, 1, hex, 64, SQLITE_TRANSIENT);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return store_fail(st, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, LOST_IMPORT);
	return 0;
}

static const char *status_text(enum session_status s)
{
	return s == SESSION_COMPLETE ? "complete" : "in-progress";
}

static int insert_session(struct store *st, const struct stored_session *in, long long text,
                          const char *origin, long long *id)
{
	sqlite3_stmt *s = prep(st, "INSERT INTO sessions (criteria_text_id, criteria_name, "
	                           "criteria_id, criteria_title, project, respondent, notes, "
	                           "status, step, winner_name, margin, strength, created, updated, "
	                           "weighting, uid, origin, imported) VALUES (?1, ?2, ?3, ?4, ?5, "
	                           "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
	if (!s)
		return -1;
	int complete = in->status == SESSION_COMPLETE;
	const char *strength = complete ? store_strength_known(in->strength) : NULL;
	sqlite3_bind_int64(s, 1, text);
	bind_text(s, 2, in->criteria_name ? in->criteria_name : "");
	bind_text(s, 3, in->criteria_id ? in->criteria_id : "");
	bind_text(s, 4, in->criteria_title ? in->criteria_title : "");
	bind_text(s, 5, in->project);
	bind_text(s, 6, in->respondent);
	bind_text(s, 7, in->notes);
	bind_text(s, 8, status_text(in->status));
	sqlite3_bind_int64(s, 9, in->step);
	bind_text(s, 10, complete ? in->winner_name : NULL);
	if (strength && isfinite(in->margin))
		sqlite3_bind_double(s, 11, in->margin);
	else
		strength = NULL;
	bind_text(s, 12, strength);
	sqlite3_bind_int64(s, 13, (sqlite3_int64)in->created);
	sqlite3_bind_int64(s, 14, (sqlite3_int64)in->updated);
	bind_text(s, 15, weighting_of(in->weighting));
	bind_text(s, 16, in->uid);
	bind_text(s, 17, origin);
	sqlite3_bind_int64(s, 18, (sqlite3_int64)clock_now());
	if (done(st, s))
		return -1;
	*id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

/* The answers of IN (choices, weights, comparisons in their order) for
 * session ID, or for its revision REV when REV is not 0. */
static int insert_answers(struct store *st, long long id, long long rev,
                          const struct stored_session *in)
{
	const char *choice_sql = rev ? "INSERT INTO revision_choices (session_id, rev, question, "
	                               "choice) VALUES (?1, ?2, ?3, ?4)"
	                             : "INSERT INTO choices (session_id, question, choice) "
	                               "VALUES (?1, ?3, ?4)";
	const char *weight_sql = rev ? "INSERT INTO revision_weights (session_id, rev, criterion, "
	                               "weight) VALUES (?1, ?2, ?3, ?4)"
	                             : "INSERT INTO weights (session_id, criterion, weight) "
	                               "VALUES (?1, ?3, ?4)";
	const char *judgment_sql = rev ? "INSERT INTO revision_judgments (session_id, rev, seq, "
	                                 "level, a, b, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	                               : "INSERT INTO judgments (session_id, level, a, b, value) "
	                                 "VALUES (?1, ?4, ?5, ?6, ?7)";
	for (size_t i = 0; i < in->nchoices; i++) {
		sqlite3_stmt *s = prep(st, choice_sql);
		if (!s)
			return -1;
		sqlite3_bind_int64(s, 1, id);
		if (rev)
			sqlite3_bind_int64(s, 2, rev);
		bind_text(s, 3, in->choices[i].question);
		bind_text(s, 4, in->choices[i].choice);
		if (done(st, s))
			return -1;
	}
	for (size_t i = 0; i < in->nweights; i++) {
		sqlite3_stmt *s = prep(st, weight_sql);
		if (!s)
			return -1;
		sqlite3_bind_int64(s, 1, id);
		if (rev)
			sqlite3_bind_int64(s, 2, rev);
		bind_text(s, 3, in->weights[i].criterion);
		sqlite3_bind_double(s, 4, in->weights[i].weight);
		if (done(st, s))
			return -1;
	}
	for (size_t i = 0; i < in->njudgments; i++) {
		const struct stored_judgment *j = &in->judgments[i];
		sqlite3_stmt *s = prep(st, judgment_sql);
		if (!s)
			return -1;
		sqlite3_bind_int64(s, 1, id);
		if (rev) {
			sqlite3_bind_int64(s, 2, rev);
			sqlite3_bind_int64(s, 3, (sqlite3_int64)i + 1);
		}
		bind_text(s, 4, j->level);
		bind_text(s, 5, j->a);
		bind_text(s, 6, j->b);
		sqlite3_bind_double(s, 7, j->value);
		if (done(st, s))
			return -1;
	}
	return 0;
}

static int insert_revision(struct store *st, long long id, const struct stored_session *r)
{
	sqlite3_stmt *s = prep(st, "INSERT INTO revisions (session_id, rev, kept, project, "
	                           "respondent, notes, status, step, winner_name, updated, "
	                           "weighting) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
	                           "?11)");
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, r->revision);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)r->kept);
	bind_text(s, 4, r->project);
	bind_text(s, 5, r->respondent);
	bind_text(s, 6, r->notes);
	bind_text(s, 7, status_text(r->status));
	sqlite3_bind_int64(s, 8, r->step);
	bind_text(s, 9, r->status == SESSION_COMPLETE ? r->winner_name : NULL);
	sqlite3_bind_int64(s, 10, (sqlite3_int64)r->updated);
	bind_text(s, 11, weighting_of(r->weighting));
	if (done(st, s))
		return -1;
	return insert_answers(st, id, r->revision, r);
}

static int insert_journal(struct store *st, long long id, const struct journal_entry *e)
{
	int review = e->kind && strcmp(e->kind, "review") == 0;
	if (!e->kind || (!review && strcmp(e->kind, "decision") != 0))
		return input_fail(st, "a journal entry must be a decision or a review, not",
		                  e->kind);
	if (review ? !e->note || !*e->note || e->rating < 0 || e->rating > 5
	           : !e->option || !e->option_name)
		return input_fail(st, review ? "a review needs an outcome and a rating of 1 to 5 "
		                               "(or none), for"
		                             : "a decision needs the option chosen, for",
		                  e->kind);
	sqlite3_stmt *s = prep(st, "INSERT INTO journal (session_id, kind, at, option, "
	                           "option_name, advised, note, rating) VALUES (?1, ?2, ?3, ?4, "
	                           "?5, ?6, ?7, ?8)");
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, review ? "review" : "decision");
	sqlite3_bind_int64(s, 3, (sqlite3_int64)e->at);
	bind_text(s, 4, review ? NULL : e->option);
	bind_text(s, 5, review ? NULL : e->option_name);
	bind_text(s, 6, review ? NULL : e->advised);
	bind_text(s, 7, e->note);
	if (review && e->rating)
		sqlite3_bind_int(s, 8, e->rating);
	else
		sqlite3_bind_null(s, 8);
	if (done(st, s))
		return -1;
	if (review)
		return 0;
	/* The listing shows the option of the latest decision (sessions.decided,
	 * as store_decide() keeps it); entries come oldest first. */
	if (!(s = prep(st, "UPDATE sessions SET decided = ?2 WHERE id = ?1")))
		return -1;
	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, e->option_name);
	return done(st, s);
}

int store_import_session(struct store *st, const struct stored_session *in,
                         const struct stored_session *revs, size_t nrevs, const char *origin,
                         long long *id)
{
	if (sqlite3_get_autocommit(st->db)) {
		st->last_rc = 0;
		return verror_set(&st->err, VERROR_STORAGE, "%s: an import adds sessions only "
		                  "between store_import_begin() and store_import_end() (a bug in "
		                  "verdict); %s", st->path, LOST_IMPORT);
	}
	if (!uid_ok(in->uid))
		return input_fail(st, "a session's uid must be 32 lowercase hex digits, not", in->uid);
	if (!origin)
		return input_fail(st, "an imported session needs its origin, for session", in->uid);
	if (answers_ok(st, in))
		return -1;
	for (size_t r = 0; r < nrevs; r++) {
		if (revs[r].revision <= 0)
			return input_fail(st, "a revision's number must be 1 or more, in session",
			                  in->uid);
		for (size_t q = 0; q < r; q++)
			if (revs[q].revision == revs[r].revision)
				return input_fail(st, "two revisions have the same number, in session",
				                  in->uid);
		if (answers_ok(st, &revs[r]))
			return -1;
	}
	long long found = 0;
	if (store_find_uid(st, in->uid, &found))
		return -1;
	if (found) {
		st->last_rc = 0;
		return verror_set(&st->err, VERROR_INPUT, "%s already holds session %s (as session "
		                  "%lld); %s", st->path, in->uid, found, LOST_IMPORT);
	}
	long long text = 0, new_id = 0;
	if (text_id(st, in->criteria_text, in->criteria_len, &text) ||
	    insert_session(st, in, text, origin, &new_id) ||
	    insert_answers(st, new_id, 0, in))
		return -1;
	for (size_t r = 0; r < nrevs; r++)
		if (insert_revision(st, new_id, &revs[r]))
			return -1;
	for (size_t j = 0; j < in->njournal; j++)
		if (insert_journal(st, new_id, &in->journal[j]))
			return -1;
	*id = new_id;
	return 0;
}
