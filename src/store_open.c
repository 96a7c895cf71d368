/* store_open.c - finding, opening and closing the sessions database: where
 * it lives, the directories above it, the connection's settings, and the
 * read-only ways in (an in-memory stand-in for a file with nothing stored yet,
 * an immutable open for a file nobody here may write). The checks and
 * migrations run on open are in store_schema.c. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store_internal.h"

int store_path(const char *flag, char *buf, size_t len)
{
	const char *v;
	int n;
	if (flag && *flag)
		n = snprintf(buf, len, "%s", flag);
	else if ((v = getenv("VERDICT_DB")) && *v)
		n = snprintf(buf, len, "%s", v);
	else if ((v = getenv("XDG_DATA_HOME")) && *v == '/')  /* relative ones are ignored */
		n = snprintf(buf, len, "%s/verdict/sessions.db", v);
	else if ((v = getenv("HOME")) && *v)
		n = snprintf(buf, len, "%s/.local/share/verdict/sessions.db", v);
	else
		return -1;
	return n < 0 || (size_t)n >= len ? -1 : 0;
}

static int busy_timeout_ms(void)
{
	const char *v = getenv("VERDICT_BUSY_TIMEOUT_MS");
	if (v && *v) {
		char *end;
		errno = 0;
		long ms = strtol(v, &end, 10);
		if (!errno && !*end && ms >= 0 && ms <= 3600000)
			return (int)ms;
	}
	return STORE_BUSY_TIMEOUT_MS;
}

/* A write beyond RLIMIT_FSIZE raises SIGXFSZ, which kills by default; ignored,
 * the write fails with EFBIG and the transaction is rolled back. */
static void ignore_sigxfsz(void)
{
	struct sigaction old;
	if (sigaction(SIGXFSZ, NULL, &old) == 0 && old.sa_handler == SIG_DFL) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = SIG_IGN;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGXFSZ, &sa, NULL);
	}
}

/* Creates the directories above the file, mode 0700, as needed. */
static int make_parent_dirs(struct store *st)
{
	char dir[PATH_MAX];
	if (snprintf(dir, sizeof dir, "%s", st->path) >= (int)sizeof dir)
		return store_failf(st, "%s: the path is too long", st->path);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return 0;
	*slash = '\0';
	struct stat sb;
	if (stat(dir, &sb) == 0)
		return 0;
	for (char *p = dir + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return store_failf(st, "%s: cannot create the directory %s: %s; use --db to "
			                   "choose another file", st->path, dir, strerror(errno));
		*p = c;
		if (!c)
			return 0;
	}
}

/* Closes the connection without the checkpoint SQLite makes on close, so a
 * refused file is left exactly as it was found. */
static void close_untouched(struct store *st)
{
	if (!st->db)
		return;
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
	sqlite3_close_v2(st->db);
	st->db = NULL;
}

/* An empty in-memory database standing in for a file with nothing stored yet,
 * opened read-only: reads find no sessions, writes are refused. */
static int open_stand_in(struct store *st)
{
	close_untouched(st);
	int rc = sqlite3_open_v2(":memory:", &st->db, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, NULL);
	st->stand_in = 1;
	return store_schema_migrate(st);
}

/* Whether a read-only open failed only because SQLite could not create the
 * shared-memory index of a WAL file next to a file (and in a directory) it
 * may not write, with no write-ahead log holding anything yet. */
static int cannot_share(struct store *st)
{
	int primary = sqlite3_extended_errcode(st->db) & 0xff;
	if (primary != SQLITE_READONLY && primary != SQLITE_CANTOPEN)
		return 0;
	char wal[PATH_MAX];
	struct stat sb;
	if (snprintf(wal, sizeof wal, "%s-wal", st->path) >= (int)sizeof wal)
		return 0;
	return stat(wal, &sb) != 0 || sb.st_size == 0;
}

/* Reopens the file as immutable (no locks, no shared memory): the way to read
 * a database nobody here can write, such as one on a read-only mount. */
static int open_immutable(struct store *st)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(st->path);
	char *uri = malloc(3 * n + 32);
	if (!uri)
		return store_fail(st, SQLITE_NOMEM, NULL);
	char *o = uri + sprintf(uri, "file:");
	for (const unsigned char *p = (const unsigned char *)st->path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	strcpy(o, "?immutable=1");
	close_untouched(st);
	int rc = sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	free(uri);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, LOST_NOTHING);
	sqlite3_extended_result_codes(st->db, 1);
	return store_schema_prepare(st);
}

static int open_file(struct store *st)
{
	int read_only = (st->flags & STORE_OPEN_READ_ONLY) != 0;
	struct stat sb;
	if (stat(st->path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return store_failf(st, "%s is a directory; use --db to name the database file itself",
		                   st->path);
	if (read_only && stat(st->path, &sb) != 0 && errno == ENOENT)
		return open_stand_in(st);
	if (!read_only && make_parent_dirs(st))
		return -1;
	int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
#ifdef SQLITE_OPEN_EXRESCODE
	flags |= SQLITE_OPEN_EXRESCODE;
#endif
	int rc = sqlite3_open_v2(st->path, &st->db, flags, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, LOST_NOTHING);
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, busy_timeout_ms());
	if (!read_only && sqlite3_db_readonly(st->db, "main") == 1)
		return store_fail(st, SQLITE_READONLY, LOST_NOTHING);
	rc = store_schema_prepare(st);
	if (rc < 0 && read_only && cannot_share(st))
		rc = open_immutable(st);
	if (rc == 1)
		return open_stand_in(st);
	return rc;
}

int store_open_flags(const char *path, unsigned flags, struct store **out, char *err,
                     size_t errlen)
{
	*out = NULL;
	struct store *st = calloc(1, sizeof *st);
	if (!st || !(st->path = strdup(path))) {
		free(st);
		snprintf(err, errlen, "out of memory opening %s", path);
		return -1;
	}
	st->flags = flags;
	ignore_sigxfsz();
	if (open_file(st)) {
		snprintf(err, errlen, "%s", st->err);
		close_untouched(st);
		free(st->path);
		free(st);
		return -1;
	}
	*out = st;
	return 0;
}

int store_open(const char *path, struct store **out, char *err, size_t errlen)
{
	return store_open_flags(path, 0, out, err, errlen);
}

void store_close(struct store *st)
{
	if (!st)
		return;
	for (int i = 0; i < STMT_COUNT; i++)
		sqlite3_finalize(st->stmts[i]);
	sqlite3_close_v2(st->db);
	free(st->path);
	free(st);
}

const char *store_error(const struct store *st)
{
	return st->err;
}

const char *store_file(const struct store *st)
{
	return st->path;
}
