/* store_schema.c - the database's schema, its version and its migrations, and
 * the checks made before anything is written to a file.
 *
 * The schema version is PRAGMA user_version; PRAGMA application_id marks the
 * file as verdict's (STORE_APPLICATION_ID, "VRDT"). Migrations run forward
 * from the file's version, each step in its own BEGIN IMMEDIATE transaction
 * that also sets the new version, so a step is applied whole or not at all,
 * and two processes opening a new file at once do not both apply it. */
#include <stdio.h>
#include <string.h>

#include "store_internal.h"

struct migration {
	const char *summary;
	const char *sql;        /* constant statements; ends by setting user_version */
};

/* Step N takes a file from version N to N + 1. Append new steps; never edit
 * a step that has shipped. */
static const struct migration migrations[] = {
	{
		"sessions, their answers and the criteria texts they were answered against",
		/* Each distinct criteria text once, keyed by its SHA-256 (hex). */
		"CREATE TABLE criteria_texts ("
		"  id INTEGER PRIMARY KEY,"
		"  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),"
		"  body BLOB NOT NULL"
		");"
		"CREATE TABLE sessions ("
		"  id INTEGER PRIMARY KEY,"
		"  criteria_text_id INTEGER NOT NULL REFERENCES criteria_texts(id),"
		"  criteria_name TEXT NOT NULL,"
		"  criteria_id TEXT NOT NULL,"
		"  criteria_title TEXT NOT NULL,"
		"  project TEXT,"
		"  respondent TEXT,"
		"  notes TEXT,"
		"  status TEXT NOT NULL DEFAULT 'in-progress'"
		"    CHECK (status IN ('in-progress', 'complete')),"
		"  step INTEGER NOT NULL DEFAULT 0,"
		"  winner_name TEXT,"
		"  created INTEGER NOT NULL,"
		"  updated INTEGER NOT NULL"
		");"
		"CREATE INDEX sessions_by_updated ON sessions(updated, id);"
		"CREATE INDEX sessions_by_project ON sessions(project, updated, id);"
		"CREATE INDEX sessions_unfinished ON sessions(updated, id)"
		"  WHERE status = 'in-progress';"
		"CREATE INDEX sessions_by_criteria_text ON sessions(criteria_text_id);"
		"CREATE TABLE choices ("
		"  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
		"  question TEXT NOT NULL,"
		"  choice TEXT NOT NULL,"
		"  PRIMARY KEY (session_id, question)"
		") WITHOUT ROWID;"
		"CREATE TABLE weights ("
		"  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
		"  criterion TEXT NOT NULL,"
		"  weight REAL NOT NULL,"
		"  PRIMARY KEY (session_id, criterion)"
		") WITHOUT ROWID;"
		"PRAGMA application_id = 1448232020;"
		"PRAGMA user_version = 1;",
	},
};

#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

/* Runs SQL, one or more constant statements, discarding any rows. */
static int run_script(struct store *st, const char *sql, const char *lost)
{
	while (sql && *sql) {
		sqlite3_stmt *s = NULL;
		const char *tail = NULL;
		int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, &tail);
		if (rc != SQLITE_OK)
			return store_fail(st, rc, lost);
		if (s) {
			while ((rc = sqlite3_step(s)) == SQLITE_ROW)
				;
			sqlite3_finalize(s);
			if (rc != SQLITE_DONE)
				return store_fail(st, rc, lost);
		}
		sql = tail;
	}
	return 0;
}

/* Runs a query that yields one integer (a PRAGMA or a count) into *OUT. */
static int query_int(struct store *st, const char *sql, long long *out)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int64(s, 0);
			rc = SQLITE_OK;
		} else if (rc == SQLITE_DONE) {
			*out = 0;
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(s);
	return rc == SQLITE_OK ? 0 : store_fail(st, rc, LOST_NOTHING);
}

/* PRAGMA quick_check: the first row is "ok" for a sound file. */
static int quick_check(struct store *st)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, "PRAGMA quick_check(1)", -1, &s, NULL);
	int sound = 0;
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			const unsigned char *v = sqlite3_column_text(s, 0);
			sound = v && strcmp((const char *)v, "ok") == 0;
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, LOST_NOTHING);
	if (!sound)
		return store_fail(st, SQLITE_CORRUPT, LOST_NOTHING);
	return 0;
}

/* Applies the step from version FROM, unless another process has already
 * done so while we waited for the write lock. */
static int migrate_step(struct store *st, int from)
{
	if (run_script(st, "BEGIN IMMEDIATE", LOST_NOTHING))
		return -1;
	long long now;
	if (query_int(st, "PRAGMA user_version", &now))
		goto fail;
	if (now == from) {
		if (run_script(st, migrations[from].sql, LOST_NOTHING))
			goto fail;
		if (query_int(st, "PRAGMA user_version", &now))
			goto fail;
		if (now != from + 1) {
			store_failf(st, "%s: schema step %d set version %lld, not %d (a bug in "
			            "verdict); it was not changed", st->path, from, now, from + 1);
			goto fail;
		}
	}
	if (run_script(st, "COMMIT", LOST_NOTHING))
		goto fail;
	return 0;
fail:
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

int store_schema_migrate(struct store *st)
{
	long long version;
	if (query_int(st, "PRAGMA user_version", &version))
		return -1;
	for (int v = (int)version; v < SCHEMA_VERSION; v++)
		if (migrate_step(st, v))
			return -1;
	return 0;
}

int store_schema_prepare(struct store *st)
{
	int read_only = (st->flags & STORE_OPEN_READ_ONLY) != 0;
	long long app_id, version, objects;
	/* The first read of the header: a file that is not SQLite fails here,
	 * before anything could be written to it. */
	if (query_int(st, "PRAGMA application_id", &app_id) ||
	    query_int(st, "PRAGMA user_version", &version) ||
	    query_int(st, "SELECT count(*) FROM sqlite_master", &objects))
		return -1;
	if ((app_id != 0 && app_id != STORE_APPLICATION_ID) ||
	    (app_id == 0 && (version != 0 || objects != 0)))
		return store_failf(st, "%s is not a verdict database (it belongs to another "
		                   "program); it was not changed. Use --db to choose another file",
		                   st->path);
	if (version > SCHEMA_VERSION)
		return store_failf(st, "%s was written by a newer verdict (schema version %lld; this "
		                   "one knows up to %d); it was not changed. Upgrade verdict, or use "
		                   "--db to choose another file", st->path, version, SCHEMA_VERSION);
	/* Before anything is written, the whole file is checked: a damaged one
	 * is refused untouched. A read-only open skips this (it reads the whole
	 * file: about half a second for 100,000 sessions, and it cannot make
	 * things worse); damage it meets while reading is reported the same way. */
	if (objects && !read_only && quick_check(st))
		return -1;
	if (read_only) {
		if (version == 0)
			return 1;  /* nothing stored yet */
		if (version < SCHEMA_VERSION)
			return store_failf(st, "%s was written by an older verdict (schema version "
			                   "%lld); open it once for writing (any command that saves) to "
			                   "upgrade it", st->path, version);
		return run_script(st, "PRAGMA foreign_keys = ON", NULL);
	}
	/* Durable on return: WAL, with the log synced at every commit. */
	if (run_script(st, "PRAGMA journal_mode = WAL", LOST_NOTHING) ||
	    run_script(st, "PRAGMA synchronous = FULL", LOST_NOTHING) ||
	    run_script(st, "PRAGMA foreign_keys = ON", LOST_NOTHING))
		return -1;
	return store_schema_migrate(st);
}
