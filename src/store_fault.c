/* store_fault.c - what went wrong with the database, in words a person can
 * act on: which file, what happened, what was (not) saved, what to do. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "store_internal.h"

int store_failf(struct store *st, const char *fmt, ...)
{
	st->last_rc = 0;
	va_list ap;
	va_start(ap, fmt);
	verror_vset(&st->err, VERROR_STORAGE, fmt, ap);
	va_end(ap);
	return -1;
}

int store_fail_missing(struct store *st, long long id, long long rev)
{
	st->last_rc = 0;
	if (rev)
		return verror_set(&st->err, VERROR_INPUT, "session %lld has no revision %lld; "
		                  "'verdict show %lld --revisions' lists them", id, rev, id);
	return verror_set(&st->err, VERROR_INPUT, "no session %lld in %s; 'verdict list' shows "
	                  "the saved ones", id, st->path);
}

/* Reads /proc/PID/comm into BUF, without its newline; empty when unknown. */
static void process_name(long pid, char *buf, size_t len)
{
	char path[64];
	buf[0] = '\0';
	snprintf(path, sizeof path, "/proc/%ld/comm", pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	if (fgets(buf, (int)len, f))
		buf[strcspn(buf, "\n")] = '\0';
	fclose(f);
}

/* The id of another process holding a write lock on the database or its
 * shared-memory index (the WAL writer's lock), found in /proc/locks; 0 when
 * none is found. Nothing is opened on the database files themselves: closing
 * such a descriptor would drop SQLite's own POSIX locks. Inodes are matched
 * without the device, which overlay file systems report differently; the
 * answer is a hint for a message, never acted on. */
static long lock_holder(const char *path)
{
	struct stat db, shm;
	char shm_path[4096];
	int have_db = stat(path, &db) == 0;
	int have_shm = snprintf(shm_path, sizeof shm_path, "%s-shm", path) < (int)sizeof shm_path &&
	               stat(shm_path, &shm) == 0;
	if (!have_db && !have_shm)
		return 0;
	FILE *f = fopen("/proc/locks", "r");
	if (!f)
		return 0;
	char line[256];
	long found = 0, self = (long)getpid();
	while (!found && fgets(line, sizeof line, f)) {
		/* "1: POSIX  ADVISORY  WRITE 1234 08:01:5678 0 EOF" (blocked waiters
		 * have "->" after the number: not holders, skipped). */
		char kind[16], mode[16], type[16];
		long pid;
		unsigned maj, min;
		unsigned long long ino;
		if (strstr(line, "->"))
			continue;
		if (sscanf(line, "%*d: %15s %15s %15s %ld %x:%x:%llu", kind, mode, type, &pid, &maj,
		           &min, &ino) != 7)
			continue;
		if (strcmp(type, "WRITE") != 0 || pid <= 0 || pid == self)
			continue;
		if ((have_db && ino == (unsigned long long)db.st_ino) ||
		    (have_shm && ino == (unsigned long long)shm.st_ino))
			found = pid;
	}
	fclose(f);
	return found;
}

static int is_full_errno(int e)
{
	return e == ENOSPC || e == EFBIG || e == EDQUOT;
}

static int is_read_only_errno(int e)
{
	return e == EACCES || e == EROFS || e == EPERM;
}

/* The directory holding PATH, into BUF. */
static void dir_of(const char *path, char *buf, size_t len)
{
	snprintf(buf, len, "%s", path);
	char *slash = strrchr(buf, '/');
	if (!slash)
		snprintf(buf, len, ".");
	else
		slash[slash == buf] = '\0';  /* "/db" is in "/" */
}

/* Whether a failed write ran out of room: SQLite reports a write at the
 * file-size limit (EFBIG) as a plain I/O error, and its saved errno may have
 * been overwritten since, so look at the files and the disk themselves. */
static int out_of_room(const char *path)
{
	const off_t slack = 256 * 1024;  /* more than one WAL frame of any page size */
	struct rlimit rl;
	if (getrlimit(RLIMIT_FSIZE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
		static const char *const suffixes[] = { "", "-wal", "-journal" };
		for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
			char name[4096];
			struct stat sb;
			snprintf(name, sizeof name, "%s%s", path, suffixes[i]);
			if (stat(name, &sb) == 0 && (rlim_t)(sb.st_size + slack) >= rl.rlim_cur)
				return 1;
		}
	}
	char dir[4096];
	dir_of(path, dir, sizeof dir);
	struct statvfs vfs;
	return statvfs(dir, &vfs) == 0 && (unsigned long long)vfs.f_bavail * vfs.f_frsize <
	                                  (unsigned long long)slack;
}

/* Whether PATH (or, when it does not exist, its directory) cannot be written
 * by this process. SQLite's own errno may come from a later fallback attempt
 * (opening read-only after read-write failed), so ask again. */
static int path_read_only(const char *path)
{
	if (access(path, F_OK) == 0)
		return access(path, W_OK) != 0 && is_read_only_errno(errno);
	char dir[4096];
	dir_of(path, dir, sizeof dir);
	return access(dir, W_OK | X_OK) != 0 && is_read_only_errno(errno);
}

/* Puts the message for RC into st->err (see store_fail). */
static int describe(struct store *st, int rc, const char *lost)
{
	int primary = rc & 0xff;
	int sys = st->db ? sqlite3_system_errno(st->db) : 0;
	const char *detail = st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);
	const char *p = st->path;
	char what[128] = "";
	if (lost)
		snprintf(what, sizeof what, "; %s", lost);

	if (primary == SQLITE_FULL || ((primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) &&
	                               (is_full_errno(sys) || out_of_room(p))))
		return store_failf(st, "%s: disk full or over the file-size limit%s; earlier answers "
		                   "are safe. Free some space and try again", p, what);
	if (primary == SQLITE_READONLY || primary == SQLITE_PERM ||
	    ((primary == SQLITE_CANTOPEN || primary == SQLITE_IOERR) &&
	     (is_read_only_errno(sys) || path_read_only(p))))
		return store_failf(st, "%s is read-only (the file or its directory)%s; use --db to "
		                   "choose another file", p, what);
	if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
		long pid = lock_holder(p);
		if (pid) {
			char name[64];
			process_name(pid, name, sizeof name);
			return store_failf(st, "%s is locked by another process (pid %ld%s%s)%s; try "
			                   "again when it has finished", p, pid, *name ? ", " : "",
			                   name, what);
		}
		return store_failf(st, "%s is locked by another verdict process or program%s; try "
		                   "again when it has finished", p, what);
	}
	if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
		return store_failf(st, "%s is not a verdict database or is damaged; it was not "
		                   "changed. Move it aside or use --db to choose another file", p);
	if (primary == SQLITE_NOMEM) {
		/* SQLite's own memory: not fatal, as ours is (xalloc.h). */
		store_failf(st, "out of memory while using %s%s", p, what);
		st->err.kind = VERROR_MEMORY;
		return -1;
	}
	if (primary == SQLITE_CANTOPEN)
		return store_failf(st, "%s: cannot open it%s%s; use --db to choose another file", p,
		                   sys ? ": " : "", sys ? strerror(sys) : "");
	if (primary == SQLITE_IOERR)
		return store_failf(st, "%s: input/output error (%s)%s; earlier answers are safe", p,
		                   sys ? strerror(sys) : detail, what);
	return store_failf(st, "%s: %s (SQLite error %d)%s", p, detail, rc, what);
}

int store_fail(struct store *st, int rc, const char *lost)
{
	describe(st, rc, lost);
	st->last_rc = rc;
	return -1;
}
