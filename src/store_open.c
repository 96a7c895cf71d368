/* store_open.c - finding, opening and closing the sessions database: where
 * it lives, the directories above it, a new file private to its user, the
 * connection's settings, and the read-only ways in (an in-memory stand-in for
 * a file with nothing stored yet, an immutable open for a file beside which
 * nothing can be written). The checks and migrations run on open are in
 * store_schema.c. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store_internal.h"
#include "xalloc.h"

int store_path(const char *flag, char *buf, size_t len, struct verror *err)
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
		return verror_set(err, VERROR_STORAGE, "cannot tell where sessions are kept: HOME is "
		                  "not set; use --db PATH or set VERDICT_DB");
	if (n < 0 || (size_t)n >= len)
		return verror_set(err, VERROR_STORAGE, "the path of the sessions database is longer "
		                  "than %zu bytes; use --db to choose a shorter one", len - 1);
	return 0;
}

#define BUSY_TIMEOUT_MAX_MS 3600000

int store_busy_timeout(struct store *st, int *ms)
{
	const char *v = getenv("VERDICT_BUSY_TIMEOUT_MS");
	*ms = STORE_BUSY_TIMEOUT_MS;
	if (!v)
		return 0;
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (*v >= '0' && *v <= '9' && !*end && !errno && n <= BUSY_TIMEOUT_MAX_MS) {
		*ms = (int)n;
		return 0;
	}
	/* The value as given, cut short: the face cleans it when it prints. */
	size_t k = strnlen(v, 40);
	return store_failf(st, "VERDICT_BUSY_TIMEOUT_MS is '%.40s%s': it must be a whole number of "
	                   "milliseconds from 0 to %d (5000 when it is not set); nothing was "
	                   "changed", v, v[k] ? "..." : "", BUSY_TIMEOUT_MAX_MS);
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
	return store_functions(st) || store_schema_migrate(st) ? -1 : 0;
}

/* Whether a read-only open failed only because nothing can be written
 * beside the file: SQLite could not create or grow the shared-memory index of
 * a WAL file (a directory this process may not write, a full disk, a
 * file-size limit), with no write-ahead log holding anything yet. */
static int cannot_share(struct store *st)
{
	int primary = st->last_rc & 0xff;
	if (primary != SQLITE_READONLY && primary != SQLITE_CANTOPEN && primary != SQLITE_FULL &&
	    primary != SQLITE_IOERR)
		return 0;
	char wal[PATH_MAX];
	struct stat sb;
	if (snprintf(wal, sizeof wal, "%s-wal", st->path) >= (int)sizeof wal)
		return 0;
	return stat(wal, &sb) != 0 || sb.st_size == 0;
}

/* Reopens the file as immutable (no locks, no shared memory): the way to read
 * a database beside which nothing can be written, such as one on a read-only
 * mount or a full disk. *EMPTY as for store_schema_prepare(). */
static int open_immutable(struct store *st, int *empty)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(st->path);
	char *uri = xmalloc(3 * n + 32);
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
	int rc = sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
	                         SQLITE_OPEN_NOMUTEX, NULL);
	free(uri);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, LOST_NOTHING);
	sqlite3_extended_result_codes(st->db, 1);
	if (store_functions(st))
		return -1;
	return store_schema_prepare(st, empty);
}

static const char *file_kind(mode_t m)
{
	return S_ISFIFO(m) ? "a FIFO (named pipe)" : S_ISCHR(m) ? "a character device"
	     : S_ISBLK(m) ? "a block device" : S_ISSOCK(m) ? "a socket" : "not a regular file";
}

/* Creates a missing database file empty, readable and writable by its owner
 * only (0600, whatever the umask): SQLite gives the -wal and -shm files
 * beside it the same mode. An existing file is left alone. */
static int create_private(struct store *st)
{
	int fd = open(st->path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return errno == EEXIST ? 0 : store_fail(st, SQLITE_CANTOPEN, LOST_NOTHING);
	int failed = fchmod(fd, 0600) != 0;
	if (close(fd) != 0 || failed) {
		unlink(st->path);
		return store_fail(st, SQLITE_CANTOPEN, LOST_NOTHING);
	}
	return 0;
}

static int open_file(struct store *st)
{
	int read_only = (st->flags & STORE_OPEN_READ_ONLY) != 0;
	if (store_busy_timeout(st, &st->busy_ms))
		return -1;
	struct stat sb;
	int found = stat(st->path, &sb) == 0;
	int missing = !found && errno == ENOENT;
	if (found && S_ISDIR(sb.st_mode))
		return store_failf(st, "%s is a directory; use --db to name the database file itself",
		                   st->path);
	/* Opening a FIFO to read waits for a writer that may never come. */
	if (found && !S_ISREG(sb.st_mode))
		return store_failf(st, "%s is %s, not a database file; nothing was changed. Use --db "
		                   "to name the database file itself", st->path, file_kind(sb.st_mode));
	if ((found && access(st->path, R_OK) != 0 && errno == EACCES) ||
	    (!found && errno == EACCES))
		return store_failf(st, "%s cannot be read (permission denied); nothing was changed. "
		                   "Ask its owner for access, or use --db to choose another file",
		                   st->path);
	if (read_only && missing)
		return open_stand_in(st);
	if (!read_only && (make_parent_dirs(st) || (missing && create_private(st))))
		return -1;
	/* A connection is used by one thread at a time (store.h): no mutex. */
	int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
	            SQLITE_OPEN_NOMUTEX;
#ifdef SQLITE_OPEN_EXRESCODE
	flags |= SQLITE_OPEN_EXRESCODE;
#endif
	int rc = sqlite3_open_v2(st->path, &st->db, flags, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, LOST_NOTHING);
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, st->busy_ms);
	if (store_functions(st))
		return -1;
	if (!read_only && sqlite3_db_readonly(st->db, "main") == 1)
		return store_fail(st, SQLITE_READONLY, LOST_NOTHING);
	int empty = 0;
	rc = store_schema_prepare(st, &empty);
	if (rc && read_only && cannot_share(st))
		rc = open_immutable(st, &empty);
	if (rc == 0 && empty)
		return open_stand_in(st);
	return rc;
}

int store_open_flags(const char *path, unsigned flags, struct store **out, struct verror *err)
{
	*out = NULL;
	struct store *st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->flags = flags;
	ignore_sigxfsz();
	if (open_file(st)) {
		verror_copy(err, &st->err);
		close_untouched(st);
		free(st->path);
		free(st);
		return -1;
	}
	*out = st;
	return 0;
}

int store_open(const char *path, struct store **out, struct verror *err)
{
	return store_open_flags(path, 0, out, err);
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

const struct verror *store_error(const struct store *st)
{
	return &st->err;
}

const char *store_file(const struct store *st)
{
	return st->path;
}
