/* dbfile.h - telling database files apart, so that a report never replaces
 * one.
 *
 * A report written with -o (or from the walk-through's export dialog) must
 * never land on the sessions database, nor on the files SQLite keeps beside
 * it (PATH-wal, PATH-shm, PATH-journal), nor on any other SQLite database:
 * rename would put Markdown where every session was. Files are told apart by
 * device and inode (so ./s.db, a symbolic link or a hard link to the database
 * is the database) and by their first bytes (SQLite's header, the
 * write-ahead log's and the rollback journal's magic numbers). */
#ifndef VERDICT_DBFILE_H
#define VERDICT_DBFILE_H

#include <stddef.h>

#include "verror.h"

enum dbfile_kind {
	DBFILE_NONE,            /* none of the below */
	DBFILE_SQLITE,          /* "SQLite format 3\0": an SQLite database */
	DBFILE_VERDICT,         /* one whose application_id (offset 68) is "VRDT" */
	DBFILE_WAL,             /* an SQLite write-ahead log (magic 0x377f0682/3) */
	DBFILE_JOURNAL,         /* an SQLite rollback journal */
};

/* What the first N bytes of a file, HEAD, say it is. Pure. */
enum dbfile_kind dbfile_classify(const unsigned char *head, size_t n);

/* Whether a report may be written to PATH. Returns 0 when it may (PATH does
 * not exist yet, or is a file that is not a database); else -1, with a
 * sentence for a person in ERR (VERROR_INPUT) that names PATH and what it is:
 *   - the database OPEN_DB (may be NULL) or its -wal, -shm or -journal file,
 *     compared by device and inode;
 *   - a file whose first bytes are an SQLite database (verdict's or any
 *     other), a write-ahead log or a rollback journal;
 *   - a file named like an SQLite database's -wal, -shm or -journal beside
 *     that database.
 * Only regular files are read; nothing is written. */
int dbfile_guard(const char *path, const char *open_db, struct verror *err);

#endif
