/* store.c - sessions in SQLite: the cached statements, and the reads and
 * writes of a session's answers. Reading sessions back is in store_read.c,
 * copies and revisions are in store_records.c,
 * opening in store_open.c, the schema and its checks in store_schema.c, the
 * messages for faults in store_fault.c, the case folding of names in
 * store_fold.c, the filling in of results not kept in store_fill.c. */
#include <math.h>
#include <nettle/sha2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "store_internal.h"

/* Indexed by enum store_stmt. Values are always bound, never spliced in.
 * An edit changes a row only when the value differs, so that a save which
 * changes nothing is seen to (sqlite3_changes() is 0). */
static const char *const stmt_sql[STMT_COUNT] = {
	[STMT_BEGIN] = "BEGIN IMMEDIATE",
	[STMT_COMMIT] = "COMMIT",
	[STMT_ROLLBACK] = "ROLLBACK",
	[STMT_TOUCH] = "UPDATE sessions SET updated = ?2 WHERE id = ?1",
	[STMT_TEXT_INSERT] = "INSERT INTO criteria_texts (sha256, body) VALUES (?1, ?2) "
	                     "ON CONFLICT (sha256) DO NOTHING",
	[STMT_TEXT_FIND] = "SELECT id FROM criteria_texts WHERE sha256 = ?1",
	/* Every new session gets a uid of its own, 32 random hex digits. */
	[STMT_SESSION_INSERT] = "INSERT INTO sessions (criteria_text_id, criteria_name, "
	                        "criteria_id, criteria_title, project, respondent, created, "
	                        "updated, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, "
	                        "lower(hex(randomblob(16))))",
	[STMT_CHOICE_SET] = "INSERT INTO choices (session_id, question, choice) VALUES (?1, ?2, ?3) "
	                    "ON CONFLICT (session_id, question) DO UPDATE SET choice = excluded.choice "
	                    "WHERE choice IS NOT excluded.choice",
	[STMT_CHOICE_CLEAR] = "DELETE FROM choices WHERE session_id = ?1 AND question = ?2",
	[STMT_WEIGHT_SET] = "INSERT INTO weights (session_id, criterion, weight) VALUES (?1, ?2, ?3) "
	                    "ON CONFLICT (session_id, criterion) DO UPDATE SET weight = excluded.weight "
	                    "WHERE weight IS NOT excluded.weight",
	[STMT_WEIGHT_CLEAR] = "DELETE FROM weights WHERE session_id = ?1 AND criterion = ?2",
	[STMT_NOTES_SET] = "UPDATE sessions SET notes = ?2 WHERE id = ?1 AND notes IS NOT ?2",
	[STMT_NAMES_SET] = "UPDATE sessions SET project = ?2, respondent = ?3 WHERE id = ?1 AND "
	                   "(project IS NOT ?2 OR respondent IS NOT ?3)",
	[STMT_STEP_SET] = "UPDATE sessions SET step = ?2 WHERE id = ?1 AND step IS NOT ?2",
	[STMT_STATUS_SET] = "UPDATE sessions SET status = ?2, winner_name = ?3, margin = ?4, "
	                    "strength = ?5 WHERE id = ?1 AND (status IS NOT ?2 OR "
	                    "winner_name IS NOT ?3 OR margin IS NOT ?4 OR strength IS NOT ?5)",
	[STMT_READ_BEGIN] = "BEGIN",
	/* A LEFT JOIN: a session whose text cannot be found is damage, not a
	 * session that is not there. */
	[STMT_SESSION_GET] = "SELECT s.criteria_name, t.id, s.criteria_id, s.criteria_title, "
	                     "s.project, s.respondent, s.notes, s.winner_name, s.status, s.step, "
	                     "s.created, s.updated, s.copied_from, t.sha256, s.margin, s.strength, "
	                     "s.weighting, s.uid, s.origin, s.imported "
	                     "FROM sessions s "
	                     "LEFT JOIN criteria_texts t ON t.id = s.criteria_text_id "
	                     "WHERE s.id = ?1",
	[STMT_CHOICES_GET] = "SELECT question, choice FROM choices WHERE session_id = ?1 "
	                     "ORDER BY question",
	[STMT_WEIGHTS_GET] = "SELECT criterion, weight FROM weights WHERE session_id = ?1 "
	                     "ORDER BY criterion",
	[STMT_LIST_ALL] = "SELECT id, project, respondent, criteria_title, status, winner_name, "
	                  "updated, margin, strength, origin, decided FROM sessions "
	                  "ORDER BY updated DESC, id DESC",
	/* A project whatever the case of its letters: ASCII ones through the
	 * index; a name with other characters is compared folded by
	 * verdict_fold(), this connection's own function, row by row. */
	[STMT_LIST_PROJECT] = "SELECT id, project, respondent, criteria_title, status, "
	                      "winner_name, updated, margin, strength, origin, decided "
	                      "FROM sessions "
	                      "WHERE project = ?1 COLLATE NOCASE "
	                      "ORDER BY updated DESC, id DESC",
	[STMT_LIST_PROJECT_FOLD] = "SELECT id, project, respondent, criteria_title, status, "
	                           "winner_name, updated, margin, strength, origin, decided "
	                           "FROM sessions "
	                           "WHERE verdict_fold(project) = verdict_fold(?1) "
	                           "ORDER BY updated DESC, id DESC",
	[STMT_LATEST_UNFINISHED] = "SELECT id FROM sessions WHERE status = 'in-progress' "
	                           "AND (?1 IS NULL OR criteria_id = ?1) "
	                           "ORDER BY updated DESC, id DESC LIMIT 1",
	[STMT_SESSION_TEXT] = "SELECT criteria_text_id FROM sessions WHERE id = ?1",
	[STMT_SESSION_DELETE] = "DELETE FROM sessions WHERE id = ?1",
	[STMT_TEXT_DELETE_ORPHAN] = "DELETE FROM criteria_texts WHERE id = ?1 AND NOT EXISTS "
	                            "(SELECT 1 FROM sessions WHERE criteria_text_id = ?1)",
	[STMT_STATE_GET] = "SELECT status, kept_rev, edited FROM sessions WHERE id = ?1",
	[STMT_KEPT_SET] = "UPDATE sessions SET kept_rev = ?2 WHERE id = ?1",
	[STMT_EDITED_SET] = "UPDATE sessions SET kept_rev = NULL, edited = ?2 WHERE id = ?1",
	[STMT_UNFINISH] = "UPDATE sessions SET status = 'in-progress', winner_name = NULL, "
	                  "margin = NULL, strength = NULL WHERE id = ?1",
	[STMT_REV_NEXT] = "SELECT coalesce(max(rev), 0) + 1 FROM revisions WHERE session_id = ?1",
	[STMT_REV_INSERT] = "INSERT INTO revisions (session_id, rev, kept, project, respondent, "
	                    "notes, status, step, winner_name, updated, weighting) SELECT id, ?2, "
	                    "?3, project, respondent, notes, status, step, winner_name, updated, "
	                    "weighting FROM sessions WHERE id = ?1",
	[STMT_REV_CHOICES_INSERT] = "INSERT INTO revision_choices (session_id, rev, question, "
	                            "choice) SELECT session_id, ?2, question, choice FROM choices "
	                            "WHERE session_id = ?1",
	[STMT_REV_WEIGHTS_INSERT] = "INSERT INTO revision_weights (session_id, rev, criterion, "
	                            "weight) SELECT session_id, ?2, criterion, weight FROM weights "
	                            "WHERE session_id = ?1",
	[STMT_REV_DELETE] = "DELETE FROM revisions WHERE session_id = ?1 AND rev = ?2",
	[STMT_REV_LIST] = "SELECT r.rev, r.kept, r.updated, r.status, r.winner_name, r.project, "
	                  "r.respondent, (SELECT count(*) FROM revision_choices c "
	                  "WHERE c.session_id = r.session_id AND c.rev = r.rev), "
	                  "(SELECT count(*) FROM revision_weights w "
	                  "WHERE w.session_id = r.session_id AND w.rev = r.rev), "
	                  "(SELECT count(*) FROM revision_judgments j "
	                  "WHERE j.session_id = r.session_id AND j.rev = r.rev) "
	                  "FROM revisions r WHERE r.session_id = ?1 ORDER BY r.rev",
	[STMT_REV_GET] = "SELECT project, respondent, notes, winner_name, status, step, updated, "
	                 "weighting, kept FROM revisions WHERE session_id = ?1 AND rev = ?2",
	[STMT_REV_CHOICES_GET] = "SELECT question, choice FROM revision_choices "
	                         "WHERE session_id = ?1 AND rev = ?2 ORDER BY question",
	[STMT_REV_WEIGHTS_GET] = "SELECT criterion, weight FROM revision_weights "
	                         "WHERE session_id = ?1 AND rev = ?2 ORDER BY criterion",
	[STMT_REV_RESTORE] = "UPDATE sessions SET (project, respondent, notes, status, step, "
	                     "winner_name, weighting) = (SELECT project, respondent, notes, status, "
	                     "step, winner_name, weighting FROM revisions WHERE session_id = ?1 "
	                     "AND rev = ?2), "
	                     "margin = NULL, strength = NULL WHERE id = ?1",
	[STMT_CHOICES_CLEAR_ALL] = "DELETE FROM choices WHERE session_id = ?1",
	[STMT_WEIGHTS_CLEAR_ALL] = "DELETE FROM weights WHERE session_id = ?1",
	[STMT_REV_CHOICES_RESTORE] = "INSERT INTO choices (session_id, question, choice) "
	                             "SELECT session_id, question, choice FROM revision_choices "
	                             "WHERE session_id = ?1 AND rev = ?2",
	[STMT_REV_WEIGHTS_RESTORE] = "INSERT INTO weights (session_id, criterion, weight) "
	                             "SELECT session_id, criterion, weight FROM revision_weights "
	                             "WHERE session_id = ?1 AND rev = ?2",
	[STMT_COPY_SESSION] = "INSERT INTO sessions (criteria_text_id, criteria_name, criteria_id, "
	                      "criteria_title, project, respondent, notes, status, step, "
	                      "winner_name, margin, strength, created, updated, copied_from, "
	                      "weighting, uid) SELECT criteria_text_id, criteria_name, criteria_id, "
	                      "criteria_title, CASE WHEN ?2 IS NULL THEN project ELSE ?2 END, "
	                      "respondent, notes, status, step, winner_name, margin, strength, ?3, "
	                      "?3, id, weighting, lower(hex(randomblob(16))) FROM sessions "
	                      "WHERE id = ?1",
	[STMT_COPY_CHOICES] = "INSERT INTO choices (session_id, question, choice) "
	                      "SELECT ?2, question, choice FROM choices WHERE session_id = ?1",
	[STMT_COPY_WEIGHTS] = "INSERT INTO weights (session_id, criterion, weight) "
	                      "SELECT ?2, criterion, weight FROM weights WHERE session_id = ?1",
	/* Through the partial index sessions_unscored (schema version 3). */
	[STMT_UNSCORED] = "SELECT id, updated, coalesce(kept_rev, 0), edited FROM sessions "
	                  "WHERE status = 'complete' AND strength IS NULL ORDER BY id DESC",
	/* Only the result (not updated, the revision state or the winner), and
	 * only while the session is as it was found. */
	[STMT_RESULT_FILL] = "UPDATE sessions SET margin = ?2, strength = ?3 WHERE id = ?1 AND "
	                     "status = 'complete' AND strength IS NULL AND updated = ?4 AND "
	                     "coalesce(kept_rev, 0) = ?5 AND edited = ?6",
	[STMT_WEIGHTING_SET] = "UPDATE sessions SET weighting = ?2 WHERE id = ?1 AND "
	                       "weighting IS NOT ?2",
	/* One row per pair, whichever way round (the unique index judgments_pair):
	 * a pair given again takes the new way round and value, and keeps its
	 * place (seq). */
	[STMT_JUDGMENT_SET] = "INSERT INTO judgments (session_id, level, a, b, value) "
	                      "VALUES (?1, ?2, ?3, ?4, ?5) "
	                      "ON CONFLICT (session_id, level, min(a, b), max(a, b)) DO UPDATE SET "
	                      "a = excluded.a, b = excluded.b, value = excluded.value "
	                      "WHERE a IS NOT excluded.a OR value IS NOT excluded.value",
	[STMT_JUDGMENT_CLEAR] = "DELETE FROM judgments WHERE session_id = ?1 AND level = ?2 AND "
	                        "min(a, b) = min(?3, ?4) AND max(a, b) = max(?3, ?4)",
	[STMT_JUDGMENTS_GET] = "SELECT level, a, b, value FROM judgments WHERE session_id = ?1 "
	                       "ORDER BY seq",
	[STMT_REV_JUDGMENTS_INSERT] = "INSERT INTO revision_judgments (session_id, rev, seq, level, "
	                              "a, b, value) SELECT session_id, ?2, seq, level, a, b, value "
	                              "FROM judgments WHERE session_id = ?1",
	[STMT_REV_JUDGMENTS_GET] = "SELECT level, a, b, value FROM revision_judgments "
	                           "WHERE session_id = ?1 AND rev = ?2 ORDER BY seq",
	[STMT_JUDGMENTS_CLEAR_ALL] = "DELETE FROM judgments WHERE session_id = ?1",
	/* Inserted in their order, so new seqs keep it. */
	[STMT_REV_JUDGMENTS_RESTORE] = "INSERT INTO judgments (session_id, level, a, b, value) "
	                               "SELECT session_id, level, a, b, value FROM "
	                               "revision_judgments WHERE session_id = ?1 AND rev = ?2 "
	                               "ORDER BY seq",
	[STMT_COPY_JUDGMENTS] = "INSERT INTO judgments (session_id, level, a, b, value) "
	                        "SELECT ?2, level, a, b, value FROM judgments WHERE session_id = ?1 "
	                        "ORDER BY seq",
	/* The decision journal (store_journal.c). */
	[STMT_JOURNAL_INSERT] = "INSERT INTO journal (session_id, kind, at, option, option_name, "
	                        "advised, note, rating) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[STMT_DECIDED_SET] = "UPDATE sessions SET decided = ?2 WHERE id = ?1",
	[STMT_JOURNAL_GET] = "SELECT id, kind, at, option, option_name, advised, note, rating "
	                     "FROM journal WHERE session_id = ?1 ORDER BY id",
};

sqlite3_stmt *store_stmt(struct store *st, enum store_stmt id)
{
	if (!st->stmts[id]) {
		int rc = sqlite3_prepare_v3(st->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
		                            &st->stmts[id], NULL);
		if (rc != SQLITE_OK) {
			store_fail(st, rc, NULL);
			return NULL;
		}
	}
	return st->stmts[id];
}

int store_run(sqlite3_stmt *s)
{
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

void store_finish(sqlite3_stmt *s)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

#define stmt store_stmt
#define run store_run
#define finish store_finish
#define exec_stmt store_exec
#define rollback store_rollback
#define sha256_hex store_sha256_hex

int store_exec(struct store *st, enum store_stmt id, const char *lost)
{
	sqlite3_stmt *s = stmt(st, id);
	if (!s)
		return -1;
	int rc = run(s);
	return rc == SQLITE_OK ? 0 : store_fail(st, rc, lost);
}

void store_rollback(struct store *st)
{
	if (sqlite3_get_autocommit(st->db))
		return;  /* SQLite has already rolled back (some I/O errors do) */
	sqlite3_stmt *s = stmt(st, STMT_ROLLBACK);
	if (!s || run(s) != SQLITE_OK)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

int store_write_begin(struct store *st, const char *lost)
{
	if (st->stand_in || (st->flags & STORE_OPEN_READ_ONLY))
		return store_fail(st, SQLITE_READONLY, lost);
	return exec_stmt(st, STMT_BEGIN, lost);
}

int store_write_end(struct store *st, int rc, const char *lost)
{
	if (rc == 0 && exec_stmt(st, STMT_COMMIT, lost))
		rc = -1;
	if (rc)
		rollback(st);
	return rc;
}

int store_write_step(struct store *st, sqlite3_stmt *s, const char *lost)
{
	int rc = run(s);
	return rc == SQLITE_OK ? 0 : store_fail(st, rc, lost);
}

#define write_end store_write_end
#define write_step store_write_step

int store_session_state(struct store *st, long long id, struct session_state *state)
{
	sqlite3_stmt *s = stmt(st, STMT_STATE_GET);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && state) {
		const unsigned char *status = sqlite3_column_text(s, 0);
		state->complete = status && strcmp((const char *)status, "complete") == 0;
		state->kept = sqlite3_column_int64(s, 1);
		state->edited = sqlite3_column_int(s, 2) != 0;
	}
	finish(s);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? store_fail_missing(st, id, 0) : store_fail(st, rc, NULL);
}

int store_touch(struct store *st, long long id, const char *lost)
{
	sqlite3_stmt *s = stmt(st, STMT_TOUCH);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)clock_now());
	return write_step(st, s, lost);
}

/* Binds ID as ?1 and, when the statement has a ?2, REV as ?2 (NULL when
 * REV is 0 and the statement is not STMT_EDITED_SET), and runs statement
 * WHICH inside the open transaction. */
static int run_id_rev(struct store *st, enum store_stmt which, long long id, long long rev,
                      const char *lost)
{
	sqlite3_stmt *s = stmt(st, which);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_bind_parameter_count(s) >= 2 && (rev || which == STMT_EDITED_SET))
		sqlite3_bind_int64(s, 2, rev);
	return write_step(st, s, lost);
}

/* Starts a write to session ID: BEGIN IMMEDIATE, then finds whether it
 * exists, and its *STATE. Returns 0, or -1 (VERROR_INPUT when it does not
 * exist) with no transaction left open. */
static int write_begin_session(struct store *st, long long id, struct session_state *state,
                               const char *lost)
{
	if (store_write_begin(st, lost))
		return -1;
	if (store_session_state(st, id, state) == 0)
		return 0;
	if (st->err.kind != VERROR_INPUT)
		store_fail(st, st->last_rc ? st->last_rc : SQLITE_ERROR, lost);
	rollback(st);
	return -1;
}

void store_sha256_hex(const char *text, size_t len, char hex[65])
{
	struct sha256_ctx ctx;
	uint8_t d[SHA256_DIGEST_SIZE];
	sha256_init(&ctx);
	sha256_update(&ctx, len, (const uint8_t *)text);
	sha256_digest(&ctx, sizeof d, d);
	for (size_t i = 0; i < sizeof d; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
}

/* The id of the criteria_texts row holding TEXT, inserted if new. */
static int criteria_text_id(struct store *st, const char *text, size_t len, long long *out)
{
	char hex[65];
	sha256_hex(text, len, hex);
	sqlite3_stmt *s = stmt(st, STMT_TEXT_INSERT);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, hex, 64, SQLITE_TRANSIENT);
	sqlite3_bind_blob64(s, 2, len ? text : "", len, SQLITE_STATIC);
	if (write_step(st, s, LOST_SESSION))
		return -1;
	if (!(s = stmt(st, STMT_TEXT_FIND)))
		return -1;
	sqlite3_bind_text(s, 1, hex, 64, SQLITE_TRANSIENT);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	finish(s);
	if (rc != SQLITE_ROW)
		return store_fail(st, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, LOST_SESSION);
	return 0;
}

/* Inserts a session row inside the open transaction; its id into *ID. */
static int insert_session(struct store *st, const char *criteria_name, const char *criteria_text,
                          size_t len, const char *criteria_id, const char *title,
                          const char *project, const char *respondent, long long *id)
{
	long long text_id = 0;
	int rc = criteria_text_id(st, criteria_text, len, &text_id);
	sqlite3_stmt *s = rc ? NULL : stmt(st, STMT_SESSION_INSERT);
	if (s) {
		sqlite3_bind_int64(s, 1, text_id);
		sqlite3_bind_text(s, 2, criteria_name ? criteria_name : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, criteria_id ? criteria_id : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, title ? title : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 5, project, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 6, respondent, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 7, (sqlite3_int64)clock_now());
		rc = write_step(st, s, LOST_SESSION);
	} else {
		rc = -1;
	}
	*id = sqlite3_last_insert_rowid(st->db);
	return rc;
}

int store_create(struct store *st, const char *criteria_name, const char *criteria_text,
                 size_t len, const char *criteria_id, const char *title,
                 const char *project, const char *respondent, long long *id)
{
	int rc = store_write_begin(st, LOST_SESSION);
	if (rc)
		return rc;
	long long new_id = 0;
	rc = insert_session(st, criteria_name, criteria_text, len, criteria_id, title, project,
	                    respondent, &new_id);
	rc = write_end(st, rc, LOST_SESSION);
	if (rc == 0)
		*id = new_id;
	return rc;
}


/* The shape of most saves: begin, keep a finished session's answers as a
 * revision, touch session ID, then run statement WHICH with ID as ?1 and the
 * fields below as ?2 and ?3, then commit. */
struct save {
	enum store_stmt which;
	const char *text2, *text3;  /* bound as ?2 and ?3 when the statement has them */
	double number;              /* bound as ?3 when USE_NUMBER */
	int use_number;
	long long integer;          /* bound as ?2 when USE_INTEGER */
	int use_integer;
	const char *strength;       /* bound as ?5, and MARGIN as ?4 (NULL, both, when
	                             * STRENGTH is), when the statement has them */
	double margin;
	const char *text4;          /* a comparison's B, bound as ?4 (its level is TEXT2,
	                             * its A TEXT3), and its value NUMBER as ?5 when
	                             * USE_NUMBER */
};

/* Runs save SV for session ID inside the open transaction. */
static int save_step(struct store *st, long long id, const struct save *sv, const char *lost)
{
	sqlite3_stmt *s = stmt(st, sv->which);
	if (!s)
		return -1;
	int n = sqlite3_bind_parameter_count(s);
	sqlite3_bind_int64(s, 1, id);
	if (sv->which == STMT_JUDGMENT_SET || sv->which == STMT_JUDGMENT_CLEAR) {
		sqlite3_bind_text(s, 2, sv->text2, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, sv->text3, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, sv->text4, -1, SQLITE_STATIC);
		if (sv->use_number)
			sqlite3_bind_double(s, 5, sv->number);
		return write_step(st, s, lost);
	}
	if (sv->use_integer)
		sqlite3_bind_int64(s, 2, sv->integer);
	else if (n >= 2)
		sqlite3_bind_text(s, 2, sv->text2, -1, SQLITE_STATIC);
	if (sv->use_number)
		sqlite3_bind_double(s, 3, sv->number);
	else if (n >= 3)
		sqlite3_bind_text(s, 3, sv->text3, -1, SQLITE_STATIC);
	if (n >= 5) {
		if (sv->strength)
			sqlite3_bind_double(s, 4, sv->margin);
		else
			sqlite3_bind_null(s, 4);
		sqlite3_bind_text(s, 5, sv->strength, -1, SQLITE_STATIC);
	}
	return write_step(st, s, lost);
}

/* One save to session ID, in one transaction. Before an edit changes a
 * finished session, its answers are kept as a revision, unless one already
 * holds them (sessions.kept_rev) or they changed since it was finished
 * (sessions.edited: the finished ones are kept already); a save that changes
 * nothing keeps nothing. A changed answer (a choice or a weight) also puts a
 * complete session back in progress: its stored winner was that of the
 * answers before. The walk-through's step is where it is, not an answer:
 * saving it keeps no revision and changes nothing else. */
static int save(struct store *st, long long id, const struct save *sv)
{
	struct session_state state;
	long long rev = 0;
	int rc = write_begin_session(st, id, &state, LOST_ANSWER);
	if (rc)
		return rc;
	int answer = sv->which != STMT_STEP_SET;
	int finishing = sv->which == STMT_STATUS_SET && sv->text2 &&
	                strcmp(sv->text2, "complete") == 0;
	int unfinishes = sv->which == STMT_CHOICE_SET || sv->which == STMT_CHOICE_CLEAR ||
	                 sv->which == STMT_WEIGHT_SET || sv->which == STMT_WEIGHT_CLEAR ||
	                 sv->which == STMT_WEIGHTING_SET || sv->which == STMT_JUDGMENT_SET ||
	                 sv->which == STMT_JUDGMENT_CLEAR;
	if (answer && state.complete && !state.kept && !state.edited)
		rc = store_keep_revision(st, id, &rev, LOST_ANSWER);
	if (rc == 0)
		rc = store_touch(st, id, LOST_ANSWER);
	if (rc == 0)
		rc = save_step(st, id, sv, LOST_ANSWER);
	if (rc == 0 && answer) {
		if (sqlite3_changes(st->db) > 0) {
			rc = run_id_rev(st, STMT_EDITED_SET, id, finishing ? 0 : 1, LOST_ANSWER);
			if (rc == 0 && unfinishes && state.complete)
				rc = run_id_rev(st, STMT_UNFINISH, id, 0, LOST_ANSWER);
		} else if (rev) {  /* nothing changed: the revision is not needed */
			rc = run_id_rev(st, STMT_REV_DELETE, id, rev, LOST_ANSWER) ||
			     run_id_rev(st, STMT_KEPT_SET, id, 0, LOST_ANSWER) ? -1 : 0;
		}
	}
	return write_end(st, rc, LOST_ANSWER);
}

/* "ratings" or "pairwise" as the static string, or NULL. */
static const char *weighting_known(const char *text)
{
	static const char *const names[] = { "ratings", "pairwise" };
	for (size_t i = 0; text && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(text, names[i]) == 0)
			return names[i];
	return NULL;
}

/* Checks a comparison's arguments (VALUE only when CHECK_VALUE): 0, or -1
 * with st->err saying what is wrong. */
static int judgment_args(struct store *st, const char *level, const char *a, const char *b,
                         int check_value, double value);

int store_create_whole(struct store *st, const struct stored_session *in, long long *id)
{
	const char *weighting = in->weighting ? weighting_known(in->weighting) : "ratings";
	if (!weighting)
		return store_failf(st, "%s: how a session weighs must be 'ratings' or 'pairwise', "
		                   "not '%s'; %s", st->path, in->weighting, LOST_SESSION);
	for (size_t i = 0; i < in->njudgments; i++)
		if (judgment_args(st, in->judgments[i].level, in->judgments[i].a,
		                  in->judgments[i].b, 1, in->judgments[i].value))
			return -1;
	int rc = store_write_begin(st, LOST_SESSION);
	if (rc)
		return rc;
	long long new_id = 0;
	rc = insert_session(st, in->criteria_name, in->criteria_text, in->criteria_len,
	                    in->criteria_id, in->criteria_title, in->project, in->respondent,
	                    &new_id);
	for (size_t i = 0; rc == 0 && i < in->nchoices; i++) {
		struct save sv = { .which = STMT_CHOICE_SET, .text2 = in->choices[i].question,
		                   .text3 = in->choices[i].choice };
		rc = save_step(st, new_id, &sv, LOST_SESSION);
	}
	for (size_t i = 0; rc == 0 && i < in->nweights; i++) {
		struct save sv = { .which = STMT_WEIGHT_SET, .text2 = in->weights[i].criterion,
		                   .number = in->weights[i].weight, .use_number = 1 };
		rc = save_step(st, new_id, &sv, LOST_SESSION);
	}
	if (rc == 0) {
		struct save sv = { .which = STMT_WEIGHTING_SET, .text2 = weighting };
		rc = save_step(st, new_id, &sv, LOST_SESSION);
	}
	for (size_t i = 0; rc == 0 && i < in->njudgments; i++) {
		const struct stored_judgment *j = &in->judgments[i];
		struct save sv = { .which = STMT_JUDGMENT_SET, .text2 = j->level, .text3 = j->a,
		                   .text4 = j->b, .number = j->value, .use_number = 1 };
		rc = save_step(st, new_id, &sv, LOST_SESSION);
	}
	if (rc == 0 && in->notes) {
		struct save sv = { .which = STMT_NOTES_SET, .text2 = in->notes };
		rc = save_step(st, new_id, &sv, LOST_SESSION);
	}
	if (rc == 0) {
		struct save sv = { .which = STMT_STEP_SET, .integer = in->step, .use_integer = 1 };
		rc = save_step(st, new_id, &sv, LOST_SESSION);
	}
	if (rc == 0) {
		int complete = in->status == SESSION_COMPLETE;
		struct save sv = { .which = STMT_STATUS_SET,
		                   .text2 = complete ? "complete" : "in-progress",
		                   .text3 = complete ? in->winner_name : NULL,
		                   .strength = complete ? store_strength_known(in->strength) : NULL,
		                   .margin = in->margin };
		rc = save_step(st, new_id, &sv, LOST_SESSION);
	}
	rc = write_end(st, rc, LOST_SESSION);
	if (rc == 0)
		*id = new_id;
	return rc;
}

int store_save_choice(struct store *st, long long id, const char *question, const char *choice)
{
	if (!question)
		return store_failf(st, "%s: an answer needs a question id", st->path);
	struct save sv = { .which = choice ? STMT_CHOICE_SET : STMT_CHOICE_CLEAR,
	                   .text2 = question, .text3 = choice };
	return save(st, id, &sv);
}

int store_save_weight(struct store *st, long long id, const char *criterion, double weight)
{
	if (!criterion || !isfinite(weight))
		return store_failf(st, "%s: a weight needs a criterion id and a finite number",
		                   st->path);
	struct save sv = { .which = STMT_WEIGHT_SET, .text2 = criterion, .number = weight,
	                   .use_number = 1 };
	return save(st, id, &sv);
}

int store_clear_weight(struct store *st, long long id, const char *criterion)
{
	if (!criterion)
		return store_failf(st, "%s: a weight needs a criterion id", st->path);
	struct save sv = { .which = STMT_WEIGHT_CLEAR, .text2 = criterion };
	return save(st, id, &sv);
}

int store_save_weighting(struct store *st, long long id, const char *weighting)
{
	if (!weighting_known(weighting))
		return store_failf(st, "%s: how a session weighs must be 'ratings' or 'pairwise', "
		                   "not '%s'; nothing was changed", st->path,
		                   weighting ? weighting : "(none)");
	struct save sv = { .which = STMT_WEIGHTING_SET, .text2 = weighting };
	return save(st, id, &sv);
}

static int judgment_args(struct store *st, const char *level, const char *a, const char *b,
                         int check_value, double value)
{
	if (!level || (strcmp(level, "criteria") != 0 && strcmp(level, "groups") != 0))
		return store_failf(st, "%s: a comparison's level must be 'criteria' or 'groups', "
		                   "not '%s'; nothing was changed", st->path, level ? level : "(none)");
	if (!a || !b)
		return store_failf(st, "%s: a comparison needs two criterion ids or group names; "
		                   "nothing was changed", st->path);
	if (strcmp(a, b) == 0)
		return store_failf(st, "%s: '%s' cannot be compared with itself; nothing was changed",
		                   st->path, a);
	if (check_value && !(isfinite(value) && value > 0))
		return store_failf(st, "%s: a comparison's value must be a finite number above 0, "
		                   "not %g; nothing was changed", st->path, value);
	return 0;
}

int store_save_judgment(struct store *st, long long id, const char *level, const char *a,
                        const char *b, double value)
{
	if (judgment_args(st, level, a, b, 1, value))
		return -1;
	struct save sv = { .which = STMT_JUDGMENT_SET, .text2 = level, .text3 = a, .text4 = b,
	                   .number = value, .use_number = 1 };
	return save(st, id, &sv);
}

int store_clear_judgment(struct store *st, long long id, const char *level, const char *a,
                         const char *b)
{
	if (judgment_args(st, level, a, b, 0, 0))
		return -1;
	struct save sv = { .which = STMT_JUDGMENT_CLEAR, .text2 = level, .text3 = a, .text4 = b };
	return save(st, id, &sv);
}

int store_save_notes(struct store *st, long long id, const char *notes)
{
	struct save sv = { .which = STMT_NOTES_SET, .text2 = notes };
	return save(st, id, &sv);
}

int store_save_names(struct store *st, long long id, const char *project, const char *respondent)
{
	struct save sv = { .which = STMT_NAMES_SET, .text2 = project, .text3 = respondent };
	return save(st, id, &sv);
}

int store_save_step(struct store *st, long long id, int step)
{
	struct save sv = { .which = STMT_STEP_SET, .integer = step, .use_integer = 1 };
	return save(st, id, &sv);
}

int store_save_status(struct store *st, long long id, enum session_status status,
                      const char *winner_name)
{
	int complete = status == SESSION_COMPLETE;
	struct save sv = { .which = STMT_STATUS_SET, .text2 = complete ? "complete" : "in-progress",
	                   .text3 = complete ? winner_name : NULL };
	return save(st, id, &sv);
}

int store_save_result(struct store *st, long long id, const char *winner_name, double margin,
                      const char *strength)
{
	strength = store_strength_known(strength);
	if (strength && !isfinite(margin))
		return store_failf(st, "%s: a margin must be a finite number", st->path);
	struct save sv = { .which = STMT_STATUS_SET, .text2 = "complete", .text3 = winner_name,
	                   .strength = strength, .margin = margin };
	return save(st, id, &sv);
}


int store_delete(struct store *st, long long id)
{
	int rc = store_write_begin(st, LOST_DELETE);
	if (rc)
		return rc;
	sqlite3_stmt *s = stmt(st, STMT_SESSION_TEXT);
	long long text_id = 0;
	if (s) {
		sqlite3_bind_int64(s, 1, id);
		int step = sqlite3_step(s);
		if (step == SQLITE_ROW)
			text_id = sqlite3_column_int64(s, 0);
		finish(s);
		rc = step == SQLITE_ROW ? 0 : step == SQLITE_DONE ? store_fail_missing(st, id, 0)
		                                                   : store_fail(st, step, LOST_DELETE);
	} else {
		rc = -1;
	}
	/* Choices and weights go with the session (ON DELETE CASCADE); its
	 * criteria text goes too when no other session shares it. */
	if (rc == 0 && (s = stmt(st, STMT_SESSION_DELETE))) {
		sqlite3_bind_int64(s, 1, id);
		rc = write_step(st, s, LOST_DELETE);
	} else if (rc == 0) {
		rc = -1;
	}
	if (rc == 0 && (s = stmt(st, STMT_TEXT_DELETE_ORPHAN))) {
		sqlite3_bind_int64(s, 1, text_id);
		rc = write_step(st, s, LOST_DELETE);
	} else if (rc == 0) {
		rc = -1;
	}
	return write_end(st, rc, LOST_DELETE);
}
