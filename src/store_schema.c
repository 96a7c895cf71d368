/* store_schema.c - the database's schema, its version and its migrations, and
 * the checks made before anything is written to a file.
 *
 * The schema version is PRAGMA user_version; PRAGMA application_id marks the
 * file as verdict's (STORE_APPLICATION_ID, "VRDT"). The file's header is read
 * in one read transaction, so the checks see one state of it even while
 * another process is creating it. Migrations run forward from the file's
 * version, all missing steps in one BEGIN IMMEDIATE transaction that first
 * reads the header again and checks it, so they are applied whole or not at
 * all, and two processes opening a new file at once do not both apply them.
 * A lock that SQLite's busy handler does not wait for (switching the journal
 * to WAL, a log being recovered) is retried until the busy timeout is spent. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

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
	{
		"ids never reused, copies that know their original, and revisions: the "
		"answers a session had before it was edited",
		/* SQLite cannot add AUTOINCREMENT to a table: sessions is built
		 * again, every row copied as it is (the same ids, values and types),
		 * then the old table dropped and the new one renamed. This runs with
		 * foreign keys off (see migrate()), so dropping it touches no answer;
		 * the answers' references, by name, then lead to the new table. */
		"CREATE TABLE sessions_v2 ("
		"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
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
		"  updated INTEGER NOT NULL,"
		"  copied_from INTEGER,"
		"  kept_rev INTEGER,"
		"  edited INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1))"
		");"
		"INSERT INTO sessions_v2 (id, criteria_text_id, criteria_name, criteria_id,"
		"  criteria_title, project, respondent, notes, status, step, winner_name, created,"
		"  updated)"
		"  SELECT id, criteria_text_id, criteria_name, criteria_id, criteria_title, project,"
		"  respondent, notes, status, step, winner_name, created, updated FROM sessions"
		"  ORDER BY id;"
		"DROP TABLE sessions;"
		"ALTER TABLE sessions_v2 RENAME TO sessions;"
		"CREATE INDEX sessions_by_updated ON sessions(updated, id);"
		/* --project matches whatever the case (of ASCII letters, here). */
		"CREATE INDEX sessions_by_project ON sessions(project COLLATE NOCASE, updated, id);"
		"CREATE INDEX sessions_unfinished ON sessions(updated, id)"
		"  WHERE status = 'in-progress';"
		"CREATE INDEX sessions_by_criteria_text ON sessions(criteria_text_id);"
		/* A revision: a session's answers as they were before an edit. */
		"CREATE TABLE revisions ("
		"  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
		"  rev INTEGER NOT NULL CHECK (rev > 0),"
		"  kept INTEGER NOT NULL,"
		"  project TEXT,"
		"  respondent TEXT,"
		"  notes TEXT,"
		"  status TEXT NOT NULL CHECK (status IN ('in-progress', 'complete')),"
		"  step INTEGER NOT NULL,"
		"  winner_name TEXT,"
		"  updated INTEGER NOT NULL,"
		"  PRIMARY KEY (session_id, rev)"
		") WITHOUT ROWID;"
		"CREATE TABLE revision_choices ("
		"  session_id INTEGER NOT NULL,"
		"  rev INTEGER NOT NULL,"
		"  question TEXT NOT NULL,"
		"  choice TEXT NOT NULL,"
		"  PRIMARY KEY (session_id, rev, question),"
		"  FOREIGN KEY (session_id, rev) REFERENCES revisions(session_id, rev)"
		"    ON DELETE CASCADE"
		") WITHOUT ROWID;"
		"CREATE TABLE revision_weights ("
		"  session_id INTEGER NOT NULL,"
		"  rev INTEGER NOT NULL,"
		"  criterion TEXT NOT NULL,"
		"  weight REAL NOT NULL,"
		"  PRIMARY KEY (session_id, rev, criterion),"
		"  FOREIGN KEY (session_id, rev) REFERENCES revisions(session_id, rev)"
		"    ON DELETE CASCADE"
		") WITHOUT ROWID;"
		"PRAGMA user_version = 2;",
	},
	{
		"a complete session's margin and strength, kept with its winner, and the "
		"listing read from one index",
		/* Known when the result is saved; NULL for a session in progress,
		 * and for a complete one saved before they were kept (a reader
		 * scores it again, until a writer fills it in). */
		"ALTER TABLE sessions ADD COLUMN margin REAL;"
		"ALTER TABLE sessions ADD COLUMN strength TEXT"
		"  CHECK (strength IN ('clear', 'leaning', 'too-close'));"
		/* Every column the listing reads, in its order: the listing walks
		 * this index backwards and never touches the table. It starts with
		 * (updated, id), so it replaces the index of just those. */
		"CREATE INDEX sessions_listing ON sessions(updated, id, project, respondent,"
		"  criteria_title, status, winner_name, margin, strength);"
		"DROP INDEX sessions_by_updated;"
		/* The complete sessions whose result is not kept yet: found at
		 * each open for writing, and filled in then (store_fill.c). It
		 * holds none once they are, so finding none costs nothing. */
		"CREATE INDEX sessions_unscored ON sessions(id)"
		"  WHERE status = 'complete' AND strength IS NULL;"
		"PRAGMA user_version = 3;",
	},
	{
		"how a session weighs (a weight for each criterion, or comparisons of two at a "
		"time), and its comparisons, revisions included",
		/* 'ratings' in every old row: sessions stored before there was a
		 * choice were rated. */
		"ALTER TABLE sessions ADD COLUMN weighting TEXT NOT NULL DEFAULT 'ratings'"
		"  CHECK (weighting IN ('ratings', 'pairwise'));"
		/* One comparison, A over B = VALUE, as it was last given; one row
		 * per pair whichever way round (the unique index of the pair in
		 * order), and SEQ keeps the order the pairs were first given (a
		 * new comparison of a pair updates its row, keeping SEQ). */
		"CREATE TABLE judgments ("
		"  seq INTEGER PRIMARY KEY,"
		"  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
		"  level TEXT NOT NULL CHECK (level IN ('criteria', 'groups')),"
		"  a TEXT NOT NULL,"
		"  b TEXT NOT NULL,"
		"  value REAL NOT NULL CHECK (value > 0),"
		"  CHECK (a <> b)"
		");"
		"CREATE UNIQUE INDEX judgments_pair ON judgments(session_id, level, min(a, b),"
		"  max(a, b));"
		"ALTER TABLE revisions ADD COLUMN weighting TEXT NOT NULL DEFAULT 'ratings'"
		"  CHECK (weighting IN ('ratings', 'pairwise'));"
		"CREATE TABLE revision_judgments ("
		"  session_id INTEGER NOT NULL,"
		"  rev INTEGER NOT NULL,"
		"  seq INTEGER NOT NULL,"
		"  level TEXT NOT NULL CHECK (level IN ('criteria', 'groups')),"
		"  a TEXT NOT NULL,"
		"  b TEXT NOT NULL,"
		"  value REAL NOT NULL CHECK (value > 0),"
		"  PRIMARY KEY (session_id, rev, seq),"
		"  FOREIGN KEY (session_id, rev) REFERENCES revisions(session_id, rev)"
		"    ON DELETE CASCADE"
		") WITHOUT ROWID;"
		"PRAGMA user_version = 4;",
	},
	{
		"a random uid for every session, where an imported one came from, and the "
		"decision journal: the option chosen and how it turned out",
		/* 32 lowercase hex digits, made at random for every session there
		 * is; a new one gets its own as it is inserted (store.c). NULL is
		 * allowed only because SQLite cannot add a NOT NULL column without
		 * a constant default; no row is left without one. */
		"ALTER TABLE sessions ADD COLUMN uid TEXT"
		"  CHECK (uid IS NULL OR (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'));"
		"UPDATE sessions SET uid = lower(hex(randomblob(16)));"
		"CREATE UNIQUE INDEX sessions_by_uid ON sessions(uid);"
		/* NULL for a session made in this file. */
		"ALTER TABLE sessions ADD COLUMN origin TEXT;"
		"ALTER TABLE sessions ADD COLUMN imported INTEGER;"
		/* The option named by the latest decision, kept by store_decide()
		 * for the listing, which reads no other table. */
		"ALTER TABLE sessions ADD COLUMN decided TEXT;"
		"CREATE TABLE journal ("
		"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
		"  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
		"  kind TEXT NOT NULL CHECK (kind IN ('decision', 'review')),"
		"  at INTEGER NOT NULL,"
		"  option TEXT,"
		"  option_name TEXT,"
		"  advised TEXT,"
		"  note TEXT,"
		"  rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),"
		"  CHECK (kind = 'review' OR (option IS NOT NULL AND option_name IS NOT NULL"
		"    AND rating IS NULL)),"
		"  CHECK (kind = 'decision' OR (note IS NOT NULL AND option IS NULL))"
		");"
		"CREATE INDEX journal_by_session ON journal(session_id, id);"
		/* The listing index again, carrying the two new columns it shows. */
		"DROP INDEX sessions_listing;"
		"CREATE INDEX sessions_listing ON sessions(updated, id, project, respondent,"
		"  criteria_title, status, winner_name, margin, strength, origin, decided);"
		"PRAGMA user_version = 5;",
	},
};

/* Before version 4: every session rated, no comparisons kept. */
#define NO_JUDGMENTS \
	"CREATE TEMP TABLE judgments (seq INTEGER PRIMARY KEY, session_id, level, a, b, value);" \
	"CREATE TEMP TABLE revision_judgments (session_id, rev, seq, level, a, b, value);"

/* Before version 5: no uid, origin or decision kept, an empty journal. */
#define NO_JOURNAL \
	"CREATE TEMP TABLE journal (id INTEGER PRIMARY KEY, session_id, kind, at, option," \
	"  option_name, advised, note, rating);"
#define NO_UID "NULL AS uid, NULL AS origin, NULL AS imported, NULL AS decided"

/* A file at an older version opened read-only cannot be migrated: temporary
 * views and tables give it the current shape for reading. Entry N is for
 * version N (0: nothing to read, and no entry). */
static const char *const read_shapes[] = {
	NULL,
	/* Version 1: no copies, no revisions. Temporary objects are found
	 * before the file's own of the same name. */
	"CREATE TEMP VIEW sessions AS SELECT id, criteria_text_id, criteria_name, criteria_id,"
	"  criteria_title, project, respondent, notes, status, step, winner_name, created,"
	"  updated, NULL AS copied_from, NULL AS kept_rev, 0 AS edited, NULL AS margin,"
	"  NULL AS strength, 'ratings' AS weighting, " NO_UID " FROM main.sessions;"
	"CREATE TEMP TABLE revisions (session_id, rev, kept, project, respondent, notes, status,"
	"  step, winner_name, updated, weighting);"
	"CREATE TEMP TABLE revision_choices (session_id, rev, question, choice);"
	"CREATE TEMP TABLE revision_weights (session_id, rev, criterion, weight);"
	NO_JUDGMENTS NO_JOURNAL,
	/* Version 2: no margins or strengths kept (NULL: a reader scores the
	 * session again), and no listing index: the listing walks
	 * sessions_by_updated and reads each row from the table. */
	"CREATE TEMP VIEW sessions AS SELECT *, NULL AS margin, NULL AS strength,"
	"  'ratings' AS weighting, " NO_UID " FROM main.sessions;"
	"CREATE TEMP VIEW revisions AS SELECT *, 'ratings' AS weighting FROM main.revisions;"
	NO_JUDGMENTS NO_JOURNAL,
	/* Version 3: no weighting (every session rated) and no comparisons. */
	"CREATE TEMP VIEW sessions AS SELECT *, 'ratings' AS weighting, " NO_UID
	"  FROM main.sessions;"
	"CREATE TEMP VIEW revisions AS SELECT *, 'ratings' AS weighting FROM main.revisions;"
	NO_JUDGMENTS NO_JOURNAL,
	/* Version 4: no uid, origin or decision, and an empty journal. The
	 * listing walks the version 4 listing index for the columns it has. */
	"CREATE TEMP VIEW sessions AS SELECT *, " NO_UID " FROM main.sessions;"
	NO_JOURNAL,
};

#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

_Static_assert(sizeof read_shapes / sizeof read_shapes[0] == SCHEMA_VERSION,
               "every older version can be read");

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

int store_confirm_missing(struct store *st, long long id, long long rev)
{
	/* A file opened for writing was checked whole when it was opened. */
	if (!st->stand_in && (st->flags & STORE_OPEN_READ_ONLY) && quick_check(st))
		return -1;
	return store_fail_missing(st, id, rev);
}

struct header {
	long long app_id, version, objects;
};

/* Reads the header inside the open transaction and checks it: a file of
 * another program, or of a newer verdict, is refused. */
static int read_header(struct store *st, struct header *h)
{
	if (query_int(st, "PRAGMA application_id", &h->app_id) ||
	    query_int(st, "PRAGMA user_version", &h->version) ||
	    query_int(st, "SELECT count(*) FROM main.sqlite_master", &h->objects))
		return -1;
	if ((h->app_id != 0 && h->app_id != STORE_APPLICATION_ID) ||
	    (h->app_id == 0 && (h->version != 0 || h->objects != 0)))
		return store_failf(st, "%s is not a verdict database (it belongs to another "
		                   "program); it was not changed. Use --db to choose another file",
		                   st->path);
	if (h->version > SCHEMA_VERSION)
		return store_failf(st, "%s was written by a newer verdict (schema version %lld; this "
		                   "one knows up to %d); it was not changed. Upgrade verdict, or use "
		                   "--db to choose another file", st->path, h->version, SCHEMA_VERSION);
	return 0;
}

static void end_transaction(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Runs the missing steps in one BEGIN IMMEDIATE transaction that reads the
 * header again first: another process may have migrated the file while this
 * one waited for the lock. Foreign keys are off meanwhile (they cannot be
 * switched inside a transaction), so a step may rebuild a table; a step
 * must leave every reference sound, which is checked before the commit. */
static int migrate(struct store *st)
{
	if (run_script(st, "PRAGMA foreign_keys = OFF", LOST_NOTHING) ||
	    run_script(st, "BEGIN IMMEDIATE", LOST_NOTHING))
		return -1;
	struct header h;
	if (read_header(st, &h))
		goto fail;
	for (int from = (int)h.version; from < SCHEMA_VERSION; from++) {
		long long now = 0;
		if (run_script(st, migrations[from].sql, LOST_NOTHING) ||
		    query_int(st, "PRAGMA user_version", &now))
			goto fail;
		if (now != from + 1) {
			store_failf(st, "%s: schema step %d set version %lld, not %d (a bug in "
			            "verdict); it was not changed", st->path, from, now, from + 1);
			goto fail;
		}
	}
	long long dangling = 0;
	if (h.version < SCHEMA_VERSION &&
	    query_int(st, "SELECT count(*) FROM pragma_foreign_key_check", &dangling))
		goto fail;
	if (dangling) {
		store_failf(st, "%s: upgrading it would leave %lld answers without their session; "
		            "it was not changed. Move it aside or use --db to choose another file",
		            st->path, dangling);
		goto fail;
	}
	if (run_script(st, "COMMIT", LOST_NOTHING))
		goto fail;
	return run_script(st, "PRAGMA foreign_keys = ON", LOST_NOTHING);
fail:
	end_transaction(st);
	sqlite3_exec(st->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	return -1;
}

int store_schema_migrate(struct store *st)
{
	return migrate(st);
}

/* Switches the file to WAL (a no-op when it is already). The switch needs
 * the file to itself: while another process reads it, SQLite may leave the
 * journal as it was without an error, which is reported as a lock. */
static int wal_mode(struct store *st)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, "PRAGMA journal_mode = WAL", -1, &s, NULL);
	int wal = 0;
	if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *v = sqlite3_column_text(s, 0);
		wal = v && strcmp((const char *)v, "wal") == 0;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, LOST_NOTHING);
	return wal ? 0 : store_fail(st, SQLITE_BUSY, LOST_NOTHING);
}

/* One attempt at store_schema_prepare(). */
static int prepare_once(struct store *st, int *empty)
{
	int read_only = (st->flags & STORE_OPEN_READ_ONLY) != 0;
	struct header h;
	/* One read transaction for the header and the whole-file check, so they
	 * see one state of the file: another process may be creating it. The
	 * first read fails on a file that is not SQLite, before anything could
	 * be written to it. */
	if (run_script(st, "BEGIN", LOST_NOTHING))
		return -1;
	if (read_header(st, &h))
		goto fail;
	/* Before anything is written, the whole file is checked: a damaged one
	 * is refused untouched. A read-only open skips this (it reads the whole
	 * file: about half a second for 100,000 sessions, and it cannot make
	 * things worse); damage it meets while reading is reported the same way. */
	if (h.objects && !read_only && quick_check(st))
		goto fail;
	if (run_script(st, "COMMIT", LOST_NOTHING))
		goto fail;
	if (read_only) {
		if (h.version == 0) {
			*empty = 1;  /* nothing stored yet */
			return 0;
		}
		if (h.version < SCHEMA_VERSION &&
		    run_script(st, read_shapes[h.version], LOST_NOTHING))
			return -1;
		return run_script(st, "PRAGMA foreign_keys = ON", NULL);
	}
	/* Durable on return: WAL, with the log synced at every commit. */
	if (wal_mode(st) || run_script(st, "PRAGMA synchronous = FULL", LOST_NOTHING))
		return -1;
	if (h.version < SCHEMA_VERSION)
		return migrate(st);
	return run_script(st, "PRAGMA foreign_keys = ON", LOST_NOTHING);
fail:
	end_transaction(st);
	return -1;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int store_schema_prepare(struct store *st, int *empty)
{
	*empty = 0;
	long long deadline = now_ms() + st->busy_ms;
	for (unsigned attempt = 0;; attempt++) {
		st->last_rc = 0;
		int rc = prepare_once(st, empty);
		int primary = st->last_rc & 0xff;
		if (rc == 0 || (primary != SQLITE_BUSY && primary != SQLITE_LOCKED &&
		                primary != SQLITE_PROTOCOL))
			return rc;
		/* A lock SQLite's busy handler does not wait for: try again, a
		 * little later each time, until the busy timeout is spent. */
		if (now_ms() >= deadline)
			return rc;
		long long ms = 1 + (attempt < 6 ? attempt * attempt : 25);
		struct timespec pause = { 0, (long)ms * 1000000L };
		while (nanosleep(&pause, &pause) && errno == EINTR)
			;
	}
}
