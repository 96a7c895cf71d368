/* dbfile.c - telling database files apart, so that a report never replaces
 * one. */
#include "dbfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

/* verdict's PRAGMA application_id, "VRDT" (docs/storage.md). */
static const unsigned char verdict_id[4] = { 'V', 'R', 'D', 'T' };
#define APPLICATION_ID_AT 68

enum dbfile_kind dbfile_classify(const unsigned char *head, size_t n)
{
	static const unsigned char sqlite[16] = "SQLite format 3";   /* and its NUL */
	static const unsigned char journal[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
	if (n >= sizeof sqlite && memcmp(head, sqlite, sizeof sqlite) == 0) {
		if (n >= APPLICATION_ID_AT + 4 &&
		    memcmp(head + APPLICATION_ID_AT, verdict_id, sizeof verdict_id) == 0)
			return DBFILE_VERDICT;
		return DBFILE_SQLITE;
	}
	if (n >= 4 && head[0] == 0x37 && head[1] == 0x7f && head[2] == 0x06 &&
	    (head[3] == 0x82 || head[3] == 0x83))
		return DBFILE_WAL;
	if (n >= sizeof journal && memcmp(head, journal, sizeof journal) == 0)
		return DBFILE_JOURNAL;
	return DBFILE_NONE;
}

/* The kind of the regular file PATH by its first bytes; DBFILE_NONE when it
 * cannot be read. */
static enum dbfile_kind kind_of(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return DBFILE_NONE;
	int fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return DBFILE_NONE;
	unsigned char head[100];
	size_t n = 0;
	while (n < sizeof head) {
		ssize_t got = read(fd, head + n, sizeof head - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	return dbfile_classify(head, n);
}

/* The files SQLite keeps beside a database, and what each is for people. */
static const struct companion {
	const char *suffix;
	const char *what;
} companions[] = {
	{ "-wal", "write-ahead log" },
	{ "-shm", "shared-memory index" },
	{ "-journal", "rollback journal" },
};
#define NCOMPANIONS (sizeof companions / sizeof companions[0])

/* Whether PATH names, by device and inode, the file ST describes. */
static int same_file(const char *path, const struct stat *st)
{
	struct stat o;
	return stat(path, &o) == 0 && o.st_dev == st->st_dev && o.st_ino == st->st_ino;
}

/* Whether PATH is DB or one of its companions (set *WHICH to it, or -1 for
 * the database itself). */
static int is_open_db(const char *db, const struct stat *st, int *which)
{
	if (same_file(db, st)) {
		*which = -1;
		return 1;
	}
	size_t dlen = strlen(db);
	char *name = xmalloc(dlen + sizeof "-journal");
	int found = 0;
	for (size_t i = 0; i < NCOMPANIONS && !found; i++) {
		snprintf(name, dlen + sizeof "-journal", "%s%s", db, companions[i].suffix);
		if (same_file(name, st)) {
			*which = (int)i;
			found = 1;
		}
	}
	free(name);
	return found;
}

/* When PATH is named as an SQLite database's companion and that database is
 * beside it, says so in ERR and returns -1. */
static int companion_by_name(const char *path, struct verror *err)
{
	char *real = realpath(path, NULL);
	if (!real && errno == ENOMEM)
		xalloc_die();
	const char *p = real ? real : path;
	size_t plen = strlen(p);
	int rc = 0;
	for (size_t i = 0; i < NCOMPANIONS && !rc; i++) {
		size_t slen = strlen(companions[i].suffix);
		if (plen <= slen || strcmp(p + plen - slen, companions[i].suffix) != 0)
			continue;
		char *db = xstrndup(p, plen - slen);
		enum dbfile_kind k = kind_of(db);
		if (k == DBFILE_SQLITE || k == DBFILE_VERDICT) {
			/* Named as given when PATH itself has the suffix. */
			size_t given = strlen(path);
			int as_given = given > slen && strcmp(path + given - slen,
			                                      companions[i].suffix) == 0;
			rc = verror_set(err, VERROR_INPUT, "%s is the %s of the %s database %.*s; a "
			                "report there would damage it: choose another file name", path,
			                companions[i].what,
			                k == DBFILE_VERDICT ? "verdict sessions" : "SQLite",
			                (int)(as_given ? given - slen : plen - slen),
			                as_given ? path : db);
		}
		free(db);
	}
	free(real);
	return rc;
}

int dbfile_guard(const char *path, const char *open_db, struct verror *err)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return 0;       /* nothing there to destroy */
	int which;
	if (open_db && is_open_db(open_db, &st, &which)) {
		if (which < 0)
			return verror_set(err, VERROR_INPUT, "%s is the sessions database in use; a "
			                  "report there would destroy every saved session: choose "
			                  "another file name", path);
		return verror_set(err, VERROR_INPUT, "%s is the %s of the sessions database in use "
		                  "(%s); a report there would damage the saved sessions: choose "
		                  "another file name", path, companions[which].what, open_db);
	}
	if (!S_ISREG(st.st_mode))
		return 0;
	switch (kind_of(path)) {
	case DBFILE_VERDICT:
		return verror_set(err, VERROR_INPUT, "%s is a verdict sessions database; a report "
		                  "there would destroy its saved sessions: choose another file name",
		                  path);
	case DBFILE_SQLITE:
		return verror_set(err, VERROR_INPUT, "%s is an SQLite database; a report there would "
		                  "destroy it: choose another file name", path);
	case DBFILE_WAL:
		return verror_set(err, VERROR_INPUT, "%s is an SQLite write-ahead log; a report "
		                  "there would damage its database: choose another file name", path);
	case DBFILE_JOURNAL:
		return verror_set(err, VERROR_INPUT, "%s is an SQLite rollback journal; a report "
		                  "there would damage its database: choose another file name", path);
	case DBFILE_NONE:
		break;
	}
	return companion_by_name(path, err);
}
