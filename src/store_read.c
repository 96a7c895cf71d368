/* store_read.c - sessions read back from SQLite: one session whole (or one
 * of its revisions), in one read transaction so its parts agree, and the
 * list of sessions. Nothing here writes. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "xalloc.h"

#define stmt store_stmt
#define finish store_finish
#define exec_stmt store_exec
#define rollback store_rollback
#define sha256_hex store_sha256_hex

/* A copy of text column COL, or NULL for SQL NULL; *NOMEM set when SQLite
 * ran out of memory converting it (SQLite's own allocations are its own). */
static char *column_dup(sqlite3_stmt *s, int col, int *nomem)
{
	if (sqlite3_column_type(s, col) == SQLITE_NULL)
		return NULL;
	const unsigned char *v = sqlite3_column_text(s, col);
	size_t n = (size_t)sqlite3_column_bytes(s, col);
	if (!v) {
		*nomem = 1;
		return NULL;
	}
	char *copy = xmalloc(n + 1);
	memcpy(copy, v, n);
	copy[n] = '\0';
	return copy;
}

static enum session_status status_of(const unsigned char *text)
{
	return text && strcmp((const char *)text, "complete") == 0 ? SESSION_COMPLETE
	                                                           : SESSION_IN_PROGRESS;
}

/* TEXT as the static string of a weighting: "pairwise", or "ratings" for
 * anything else (a session stored before there was a choice). */
static const char *weighting_of(const unsigned char *text)
{
	return text && strcmp((const char *)text, "pairwise") == 0 ? "pairwise" : "ratings";
}

/* TEXT as the static string of a comparison's level, or NULL. */
static const char *level_of(const unsigned char *text)
{
	if (text && strcmp((const char *)text, "criteria") == 0)
		return "criteria";
	if (text && strcmp((const char *)text, "groups") == 0)
		return "groups";
	return NULL;
}

const char *store_strength_known(const char *text)
{
	static const char *const names[] = { "clear", "leaning", "too-close" };
	for (size_t i = 0; text && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(text, names[i]) == 0)
			return names[i];
	return NULL;
}

/* The strength in column COL, with the margin in column COL - 1, into
 * *STRENGTH and *MARGIN; a strength not known leaves them NULL and 0. */
static void result_of(sqlite3_stmt *s, int col, const char **strength, double *margin)
{
	*strength = NULL;
	*margin = 0;
	if (sqlite3_column_type(s, col) != SQLITE_TEXT || sqlite3_column_type(s, col - 1) == SQLITE_NULL)
		return;
	*strength = store_strength_known((const char *)sqlite3_column_text(s, col));
	if (*strength)
		*margin = sqlite3_column_double(s, col - 1);
}

/* Reads the criteria text of row TEXT_ID into OUT's criteria_text (NUL-
 * terminated) and criteria_len, straight from the file's pages into one
 * buffer (the blob API: a text can be megabytes, and reading it as a column
 * would copy it twice). Returns SQLITE_OK or SQLite's code. */
static int read_text(struct store *st, long long text_id, struct stored_session *out)
{
	sqlite3_blob *b;
	int rc = sqlite3_blob_open(st->db, "main", "criteria_texts", "body", text_id, 0, &b);
	if (rc != SQLITE_OK)
		return rc;
	size_t len = (size_t)sqlite3_blob_bytes(b);
	out->criteria_text = xmalloc_large(len + 1);
	rc = len ? sqlite3_blob_read(b, out->criteria_text, (int)len, 0) : SQLITE_OK;
	out->criteria_text[len] = '\0';
	out->criteria_len = len;
	int closed = sqlite3_blob_close(b);
	return rc != SQLITE_OK ? rc : closed;
}

static int load_session_row(struct store *st, long long id, struct stored_session *out)
{
	sqlite3_stmt *s = stmt(st, STMT_SESSION_GET);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		finish(s);
		return rc == SQLITE_DONE ? store_confirm_missing(st, id, 0) : store_fail(st, rc, NULL);
	}
	int nomem = 0, damaged = 0;
	out->id = id;
	out->criteria_name = column_dup(s, 0, &nomem);
	const unsigned char *sha = sqlite3_column_text(s, 13);
	int text_rc = SQLITE_OK;
	if (!sha) {
		damaged = 1;  /* the session's criteria text is gone */
	} else {
		text_rc = read_text(st, sqlite3_column_int64(s, 1), out);
		/* The text is stored under its SHA-256: a text that no longer
		 * matches it was damaged. */
		char hex[65];
		if (text_rc == SQLITE_OK) {
			sha256_hex(out->criteria_text, out->criteria_len, hex);
			damaged = strcmp(hex, (const char *)sha) != 0;
		}
	}
	out->criteria_id = column_dup(s, 2, &nomem);
	out->criteria_title = column_dup(s, 3, &nomem);
	out->project = column_dup(s, 4, &nomem);
	out->respondent = column_dup(s, 5, &nomem);
	out->notes = column_dup(s, 6, &nomem);
	out->winner_name = column_dup(s, 7, &nomem);
	out->status = status_of(sqlite3_column_text(s, 8));
	out->step = sqlite3_column_int(s, 9);
	out->created = (time_t)sqlite3_column_int64(s, 10);
	out->updated = (time_t)sqlite3_column_int64(s, 11);
	out->copied_from = sqlite3_column_int64(s, 12);
	if (out->status == SESSION_COMPLETE)
		result_of(s, 15, &out->strength, &out->margin);
	out->weighting = weighting_of(sqlite3_column_text(s, 16));
	out->uid = column_dup(s, 17, &nomem);
	out->origin = column_dup(s, 18, &nomem);
	out->imported = (time_t)sqlite3_column_int64(s, 19);
	/* A column SQLite could not read (a damaged record) shows as an error
	 * of the statement's next step. */
	rc = sqlite3_errcode(st->db);
	finish(s);
	if (nomem)
		return store_fail(st, SQLITE_NOMEM, NULL);
	if (text_rc != SQLITE_OK)
		return store_fail(st, text_rc, NULL);
	if (damaged || !out->criteria_name || !out->criteria_id || !out->criteria_title)
		return store_fail(st, SQLITE_CORRUPT, NULL);
	if (rc != SQLITE_ROW && rc != SQLITE_OK)
		return store_fail(st, rc, NULL);
	return 0;
}

/* Overwrites OUT's answers-side fields with those of revision REV of
 * session ID. */
static int load_revision_row(struct store *st, long long id, long long rev,
                             struct stored_session *out)
{
	sqlite3_stmt *s = stmt(st, STMT_REV_GET);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, rev);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		finish(s);
		return rc == SQLITE_DONE ? store_confirm_missing(st, id, rev)
		                         : store_fail(st, rc, NULL);
	}
	int nomem = 0;
	free(out->project);
	free(out->respondent);
	free(out->notes);
	free(out->winner_name);
	out->project = column_dup(s, 0, &nomem);
	out->respondent = column_dup(s, 1, &nomem);
	out->notes = column_dup(s, 2, &nomem);
	out->winner_name = column_dup(s, 3, &nomem);
	out->status = status_of(sqlite3_column_text(s, 4));
	out->step = sqlite3_column_int(s, 5);
	out->updated = (time_t)sqlite3_column_int64(s, 6);
	out->weighting = weighting_of(sqlite3_column_text(s, 7));
	out->kept = (time_t)sqlite3_column_int64(s, 8);
	out->revision = rev;
	out->strength = NULL;   /* a revision keeps no result: not known */
	out->margin = 0;
	finish(s);
	return nomem ? store_fail(st, SQLITE_NOMEM, NULL) : 0;
}

/* Grows *ARR (of SIZE-byte items, *CAP of them) to hold one more than N. */
static void grow(void **arr, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return;
	*cap = *cap ? *cap * 2 : 8;
	*arr = xreallocarray(*arr, *cap, size);
}

int store_load_answers(struct store *st, long long id, long long rev, struct stored_session *out)
{
	sqlite3_stmt *s = stmt(st, rev ? STMT_REV_CHOICES_GET : STMT_CHOICES_GET);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (rev)
		sqlite3_bind_int64(s, 2, rev);
	size_t cap = 0;
	int rc, nomem = 0;
	while (!nomem && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		grow((void **)&out->choices, &cap, out->nchoices, sizeof *out->choices);
		struct stored_choice *c = &out->choices[out->nchoices++];
		c->question = column_dup(s, 0, &nomem);
		c->choice = column_dup(s, 1, &nomem);
	}
	finish(s);
	if (nomem)
		return store_fail(st, SQLITE_NOMEM, NULL);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, NULL);
	if (!(s = stmt(st, rev ? STMT_REV_WEIGHTS_GET : STMT_WEIGHTS_GET)))
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (rev)
		sqlite3_bind_int64(s, 2, rev);
	cap = 0;
	while (!nomem && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		grow((void **)&out->weights, &cap, out->nweights, sizeof *out->weights);
		struct stored_weight *w = &out->weights[out->nweights++];
		w->criterion = column_dup(s, 0, &nomem);
		w->weight = sqlite3_column_double(s, 1);
	}
	finish(s);
	if (nomem)
		return store_fail(st, SQLITE_NOMEM, NULL);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, NULL);
	if (!(s = stmt(st, rev ? STMT_REV_JUDGMENTS_GET : STMT_JUDGMENTS_GET)))
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (rev)
		sqlite3_bind_int64(s, 2, rev);
	cap = 0;
	while (!nomem && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		grow((void **)&out->judgments, &cap, out->njudgments, sizeof *out->judgments);
		struct stored_judgment *j = &out->judgments[out->njudgments++];
		j->level = level_of(sqlite3_column_text(s, 0));
		j->a = column_dup(s, 1, &nomem);
		j->b = column_dup(s, 2, &nomem);
		j->value = sqlite3_column_double(s, 3);
	}
	finish(s);
	if (nomem)
		return store_fail(st, SQLITE_NOMEM, NULL);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, NULL);
	/* A NULL where none can be is a damaged record. */
	for (size_t i = 0; i < out->nchoices; i++)
		if (!out->choices[i].question || !out->choices[i].choice)
			return store_fail(st, SQLITE_CORRUPT, NULL);
	for (size_t i = 0; i < out->nweights; i++)
		if (!out->weights[i].criterion)
			return store_fail(st, SQLITE_CORRUPT, NULL);
	for (size_t i = 0; i < out->njudgments; i++) {
		const struct stored_judgment *j = &out->judgments[i];
		if (!j->level || !j->a || !j->b || strcmp(j->a, j->b) == 0 ||
		    !(isfinite(j->value) && j->value > 0))
			return store_fail(st, SQLITE_CORRUPT, NULL);
	}
	return 0;
}

/* TEXT as the static string of a journal entry's kind, or NULL. */
static const char *kind_of(const unsigned char *text)
{
	if (text && strcmp((const char *)text, "decision") == 0)
		return "decision";
	if (text && strcmp((const char *)text, "review") == 0)
		return "review";
	return NULL;
}

/* Reads session ID's journal into OUT, oldest first. */
static int load_journal(struct store *st, long long id, struct stored_session *out)
{
	sqlite3_stmt *s = stmt(st, STMT_JOURNAL_GET);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	size_t cap = 0;
	int rc, nomem = 0;
	while (!nomem && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		grow((void **)&out->journal, &cap, out->njournal, sizeof *out->journal);
		struct journal_entry *e = &out->journal[out->njournal++];
		memset(e, 0, sizeof *e);
		e->id = sqlite3_column_int64(s, 0);
		e->kind = kind_of(sqlite3_column_text(s, 1));
		e->at = (time_t)sqlite3_column_int64(s, 2);
		e->option = column_dup(s, 3, &nomem);
		e->option_name = column_dup(s, 4, &nomem);
		e->advised = column_dup(s, 5, &nomem);
		e->note = column_dup(s, 6, &nomem);
		e->rating = sqlite3_column_int(s, 7);
	}
	finish(s);
	if (nomem)
		return store_fail(st, SQLITE_NOMEM, NULL);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, NULL);
	/* What the schema's checks forbid is a damaged record. */
	for (size_t i = 0; i < out->njournal; i++) {
		const struct journal_entry *e = &out->journal[i];
		int decision = e->kind && strcmp(e->kind, "decision") == 0;
		if (!e->kind || (decision && (!e->option || !e->option_name)) ||
		    (!decision && !e->note) || e->rating < 0 || e->rating > 5)
			return store_fail(st, SQLITE_CORRUPT, NULL);
	}
	return 0;
}

/* Loads session ID, or its revision REV when REV is not 0, in one read
 * transaction, so the session and its answers agree. */
static int load(struct store *st, long long id, long long rev, struct stored_session *out)
{
	memset(out, 0, sizeof *out);
	if (exec_stmt(st, STMT_READ_BEGIN, NULL))
		return -1;
	int rc = load_session_row(st, id, out);
	if (rc == 0 && rev)
		rc = load_revision_row(st, id, rev, out);
	if (rc == 0)
		rc = store_load_answers(st, id, rev, out);
	if (rc == 0 && !rev)
		rc = load_journal(st, id, out);
	if (rc == 0 && exec_stmt(st, STMT_COMMIT, NULL))
		rc = -1;
	if (rc) {
		rollback(st);
		stored_session_free(out);
	}
	return rc;
}

int store_load(struct store *st, long long id, struct stored_session *out)
{
	return load(st, id, 0, out);
}

int store_revision_load(struct store *st, long long id, long long rev,
                        struct stored_session *out)
{
	if (rev <= 0) {
		memset(out, 0, sizeof *out);
		return store_fail_missing(st, id, rev);
	}
	return load(st, id, rev, out);
}

void stored_session_free(struct stored_session *s)
{
	if (!s)
		return;
	free(s->criteria_name);
	free(s->criteria_text);
	free(s->criteria_id);
	free(s->criteria_title);
	free(s->project);
	free(s->respondent);
	free(s->notes);
	free(s->winner_name);
	for (size_t i = 0; i < s->nchoices; i++) {
		free(s->choices[i].question);
		free(s->choices[i].choice);
	}
	free(s->choices);
	for (size_t i = 0; i < s->nweights; i++)
		free(s->weights[i].criterion);
	free(s->weights);
	for (size_t i = 0; i < s->njudgments; i++) {
		free(s->judgments[i].a);
		free(s->judgments[i].b);
	}
	free(s->judgments);
	free(s->uid);
	free(s->origin);
	for (size_t i = 0; i < s->njournal; i++) {
		free(s->journal[i].option);
		free(s->journal[i].option_name);
		free(s->journal[i].advised);
		free(s->journal[i].note);
	}
	free(s->journal);
	memset(s, 0, sizeof *s);
}

static int list(struct store *st, const char *project,
                int (*each)(const struct session_summary *s, void *ctx), void *ctx);

/* The connection's page cache size (PRAGMA cache_size) into CTX. */
static int cache_size_of(void *ctx, int ncol, char **values, char **names)
{
	(void)names;
	if (ncol == 1 && values[0])
		*(long long *)ctx = strtoll(values[0], NULL, 10);
	return 0;
}

int store_list(struct store *st, const char *project,
               int (*each)(const struct session_summary *s, void *ctx), void *ctx)
{
	/* A listing reads each page of the index once, in order: a cache of a
	 * few pages serves it, and spares allocating (and faulting in) a new
	 * page buffer for every page read, up to the default 2 MiB. It pays:
	 * 100,000 sessions listed in about 0.8 of the time. The connection's
	 * own size is put back after. These are hints: a failure changes
	 * nothing that matters, so it is not one. */
	long long cache = 0;
	int resize = sqlite3_exec(st->db, "PRAGMA cache_size", cache_size_of, &cache, NULL) ==
	             SQLITE_OK && cache != 0;
	if (resize)
		sqlite3_exec(st->db, "PRAGMA cache_size = -64", NULL, NULL, NULL);
	int rc = list(st, project, each, ctx);
	if (resize) {
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld", cache);
		sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	}
	return rc;
}

static int list(struct store *st, const char *project,
                int (*each)(const struct session_summary *s, void *ctx), void *ctx)
{
	int ascii = 1;
	for (const char *p = project; p && *p; p++)
		ascii &= (unsigned char)*p < 0x80;
	sqlite3_stmt *s = stmt(st, !project ? STMT_LIST_ALL : ascii ? STMT_LIST_PROJECT
	                                                             : STMT_LIST_PROJECT_FOLD);
	if (!s)
		return -1;
	if (project)
		sqlite3_bind_text(s, 1, project, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		/* Each text column read once, its length after it (as SQLite
		 * asks: the bytes of the text just converted). */
		struct session_summary sum = { .id = sqlite3_column_int64(s, 0) };
		sum.project = (const char *)sqlite3_column_text(s, 1);
		sum.project_len = (size_t)sqlite3_column_bytes(s, 1);
		sum.respondent = (const char *)sqlite3_column_text(s, 2);
		sum.respondent_len = (size_t)sqlite3_column_bytes(s, 2);
		sum.criteria_title = (const char *)sqlite3_column_text(s, 3);
		sum.criteria_title_len = (size_t)sqlite3_column_bytes(s, 3);
		sum.status = status_of(sqlite3_column_text(s, 4));
		sum.winner_name = (const char *)sqlite3_column_text(s, 5);
		sum.winner_name_len = (size_t)sqlite3_column_bytes(s, 5);
		sum.updated = (time_t)sqlite3_column_int64(s, 6);
		if (sum.status == SESSION_COMPLETE)
			result_of(s, 8, &sum.strength, &sum.margin);
		sum.origin = (const char *)sqlite3_column_text(s, 9);
		sum.origin_len = (size_t)sqlite3_column_bytes(s, 9);
		sum.decided = (const char *)sqlite3_column_text(s, 10);
		sum.decided_len = (size_t)sqlite3_column_bytes(s, 10);
		if (!sum.criteria_title) {
			sum.criteria_title = "";
			sum.criteria_title_len = 0;
		}
		if (each(&sum, ctx)) {
			rc = SQLITE_DONE;  /* stopped by EACH: not a failure */
			break;
		}
	}
	finish(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, NULL);
}

int store_latest_unfinished(struct store *st, const char *criteria_id, long long *id)
{
	sqlite3_stmt *s = stmt(st, STMT_LATEST_UNFINISHED);
	if (!s)
		return -1;
	if (criteria_id)
		sqlite3_bind_text(s, 1, criteria_id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	finish(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, rc, NULL);
}
