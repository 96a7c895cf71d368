/* files.c - whole files in, whole files out. */
#include "files.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

/* Reads all of PATH ("-" for standard input), at most MAX bytes, into a new
 * buffer. Returns 0, or -1 with either ERR set or, when the file is over MAX
 * bytes, *TOO_LARGE set: 1 with *SIZE the file's size, or 2 when the input
 * was read no further than MAX + 1 bytes. */
static int read_all(const char *path, size_t max, char **data, size_t *len, int *too_large,
                    size_t *size, struct verror *err)
{
	*too_large = 0;
	int is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return verror_set(err, VERROR_INPUT, "%s: cannot open: %s", path, strerror(errno));
	struct stat st;
	int rc = -1;
	char *buf = NULL;
	int regular = 0;
	if (fstat(fd, &st) != 0)
		st.st_mode = 0;
	if (S_ISDIR(st.st_mode)) {
		verror_set(err, VERROR_INPUT, "%s: is a directory, expected a file", path);
		goto out;
	}
	regular = S_ISREG(st.st_mode);
	if (regular && (size_t)st.st_size > max) {
		*too_large = 1;
		*size = (size_t)st.st_size;
		goto out;
	}
	/* A regular file is read into one buffer of its size (and a byte more,
	 * to see it end); else, or should it have grown, the buffer doubles up
	 * to MAX + 1 bytes: a byte past MAX is enough to know the input is over
	 * the bound, without reading on. */
	size_t cap = 65536 < max + 1 ? 65536 : max + 1, n = 0;
	if (regular && (size_t)st.st_size + 1 > cap)
		cap = (size_t)st.st_size + 1;
	buf = xmalloc_large(cap + 1);
	for (;;) {
		if (n == cap) {
			if (cap > max)
				break;
			cap = cap > (max + 1) / 2 ? max + 1 : cap * 2;
			buf = xrealloc(buf, cap + 1);
		}
		ssize_t got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			verror_set(err, VERROR_INPUT, "%s: cannot read: %s", path, strerror(errno));
			goto out;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	if (n > max) {
		*too_large = 2;
		*size = n;
		goto out;
	}
	buf[n] = '\0';
	*data = buf;
	*len = n;
	buf = NULL;
	rc = 0;
out:
	free(buf);
	if (!is_stdin)
		close(fd);
	return rc;
}

const char *file_input_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

int file_read_input(const char *path, size_t max, char **data, size_t *len, struct diags *d,
                    struct verror *err)
{
	diags_init(d, file_input_name(path));
	int too_large;
	size_t size = 0;
	struct verror why;
	if (read_all(path, max, data, len, &too_large, &size, &why) == 0)
		return 0;
	if (!too_large)
		return verror_copy(err, &why);
	diags_too_large(d, size, too_large == 2, max);
	return diags_fail(d, err);
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t put = write(fd, data, len);
		if (put < 0 && errno == EINTR)
			continue;
		if (put < 0)
			return -1;
		if (put == 0) {
			errno = ENOSPC;
			return -1;
		}
		data += put;
		len -= (size_t)put;
	}
	return 0;
}

/* The descriptor a path names: /dev/stdout, /dev/stderr, /dev/stdin,
 * /dev/fd/N or /proc/self/fd/N, directly or through symbolic links; else -1.
 * Such a path is the descriptor as the shell set it up: a file opened for
 * appending, a pipe, a terminal. */
static int named_descriptor(const char *path)
{
	static const struct {
		const char *name;
		int fd;
	} std_names[] = { { "/dev/stdin", 0 }, { "/dev/stdout", 1 }, { "/dev/stderr", 2 } };
	static const char *const fd_dirs[] = { "/dev/fd/", "/proc/self/fd/" };
	char cur[4096], next[4096];
	if (snprintf(cur, sizeof cur, "%s", path) >= (int)sizeof cur)
		return -1;
	for (int hop = 0; hop < 40; hop++) {
		for (size_t i = 0; i < sizeof std_names / sizeof std_names[0]; i++)
			if (strcmp(cur, std_names[i].name) == 0)
				return std_names[i].fd;
		for (size_t i = 0; i < sizeof fd_dirs / sizeof fd_dirs[0]; i++) {
			size_t n = strlen(fd_dirs[i]);
			const char *num = cur + n;
			if (strncmp(cur, fd_dirs[i], n) == 0 && *num && strlen(num) < 8 &&
			    strspn(num, "0123456789") == strlen(num))
				return atoi(num);
		}
		/* Only links are followed here: /dev/stdout is itself one. */
		struct stat ls;
		if (lstat(cur, &ls) != 0 || !S_ISLNK(ls.st_mode))
			return -1;
		ssize_t got = readlink(cur, next, sizeof next - 1);
		if (got <= 0)
			return -1;
		next[got] = '\0';
		if (next[0] == '/') {
			memcpy(cur, next, (size_t)got + 1);
		} else {
			char *slash = strrchr(cur, '/');
			size_t dirlen = slash ? (size_t)(slash - cur) + 1 : 0;
			if (dirlen + (size_t)got + 1 > sizeof cur)
				return -1;
			memmove(cur + dirlen, next, (size_t)got + 1);
		}
	}
	return -1;
}

/* Where a write to PATH lands: PATH itself, or, when PATH is a symbolic
 * link, the file it points to, so the link stays a link and the file behind
 * it gets the new bytes. A new string, or NULL with ERR set. */
static char *write_target(const char *path, struct verror *err)
{
	struct stat ls;
	if (lstat(path, &ls) != 0 || !S_ISLNK(ls.st_mode))
		return xstrdup(path);
	/* As the kernel's protected_symlinks does for open(): a link in a
	 * sticky, world-writable directory (such as /tmp) is followed only when
	 * it is ours or the directory owner's, so nobody can plant one there to
	 * make us overwrite a file of ours. */
	char *dircopy = xstrdup(path);
	struct stat ds;
	int shared = stat(dirname(dircopy), &ds) == 0 && (ds.st_mode & S_ISVTX) &&
	             (ds.st_mode & S_IWOTH) && ls.st_uid != geteuid() && ls.st_uid != ds.st_uid;
	free(dircopy);
	if (shared) {
		verror_set(err, VERROR_STORAGE, "%s: is another user's symbolic link in a shared "
		           "directory; it was not followed (the old file, if any, is unchanged)",
		           path);
		return NULL;
	}
	char *real = realpath(path, NULL);
	if (!real && errno == ENOMEM)
		xalloc_die();
	if (!real) {
		int saved = errno;
		char to[512];
		ssize_t n = readlink(path, to, sizeof to - 1);
		if (n <= 0)
			n = snprintf(to, sizeof to, "?");
		to[n] = '\0';
		verror_set(err, VERROR_STORAGE, "%s: is a symbolic link to %s, which cannot be "
		           "resolved: %s; nothing was written", path, to, strerror(saved));
	}
	return real;
}

/* The mode the written file gets: the old file's when it replaces one, else
 * what open(2) would give a new file under the umask. mkstemp's 0600 would
 * make a report unreadable to the rest of a team, and 0644 would open a file
 * its owner had closed. */
static mode_t new_file_mode(const char *target)
{
	struct stat st;
	if (stat(target, &st) == 0 && S_ISREG(st.st_mode))
		return st.st_mode & 07777;
	mode_t mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

/* Writes to descriptor FD, which PATH named, as it stands. */
static int write_descriptor(const char *path, int fd, const char *data, size_t len,
                            struct verror *err)
{
	if (write_all(fd, data, len))
		return verror_set(err, VERROR_STORAGE, "%s: cannot write: %s", path,
		                  strerror(errno));
	return 0;
}

/* Writes into TARGET, a FIFO or a character device, in place: opened for
 * writing without creating or truncating it, so the node stays what it is
 * and a reader of the FIFO gets the bytes. Opening a FIFO waits for its
 * reader, as the shell's > does. */
static int write_in_place(const char *path, const char *target, const char *data, size_t len,
                          struct verror *err)
{
	int fd = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return verror_set(err, VERROR_STORAGE, "%s: cannot open for writing: %s", path,
		                  strerror(errno));
	int rc = write_all(fd, data, len);
	int saved = errno;
	if (close(fd) && !rc) {
		rc = -1;
		saved = errno;
	}
	if (rc)
		return verror_set(err, VERROR_STORAGE, "%s: cannot write: %s", path,
		                  strerror(saved));
	return 0;
}

/* Why TARGET, which exists with mode MODE, cannot be written: a directory
 * (VERROR_STORAGE, as for a file that cannot be written) or a node that must
 * not be (VERROR_INPUT); 0 when it can. */
static int check_type(const char *path, mode_t mode, struct verror *err)
{
	if (S_ISDIR(mode))
		return verror_set(err, VERROR_STORAGE, "%s: is a directory; give the report a file "
		                  "name (nothing was written)", path);
	if (S_ISBLK(mode))
		return verror_set(err, VERROR_INPUT, "%s: is a block device (a disk); a report is "
		                  "never written onto one", path);
	if (S_ISSOCK(mode))
		return verror_set(err, VERROR_INPUT, "%s: is a socket, which cannot be written as "
		                  "a file", path);
	return 0;
}

/* A new temporary file ".verdict-XXXXXX" beside TARGET holding the bytes,
 * with MODE, written and synced; its name in *TMP (the caller frees it).
 * Returns 0, or -1 with ERRNO set and nothing left behind; *MADE says
 * whether the file could be created at all. */
static int write_temp(const char *target, const char *data, size_t len, mode_t mode,
                      char **tmp, int *made)
{
	/* The temporary file sits beside the target, so rename cannot cross
	 * file systems. Its name is short and fixed in length, so any name
	 * the target may have (up to NAME_MAX bytes) leaves room for it. */
	static const char tmp_name[] = ".verdict-XXXXXX";
	const char *slash = strrchr(target, '/');
	size_t dirlen = slash ? (size_t)(slash - target) + 1 : 0;
	*tmp = xmalloc(dirlen + sizeof tmp_name);
	memcpy(*tmp, target, dirlen);
	memcpy(*tmp + dirlen, tmp_name, sizeof tmp_name);
	*made = 0;
	int fd = mkstemp(*tmp);
	if (fd < 0)
		return -1;
	*made = 1;
	int saved = 0;
	if (write_all(fd, data, len) || fchmod(fd, mode) || fsync(fd)) {
		saved = errno;
		close(fd);
	} else if (close(fd)) {
		saved = errno;
	}
	if (!saved)
		return 0;
	unlink(*tmp);
	errno = saved;
	return -1;
}

/* Makes the rename or link of a file in PATH's directory durable. */
static void sync_dir(const char *path)
{
	char *dircopy = xstrdup(path);
	int dfd = open(dirname(dircopy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	free(dircopy);
}

/* Replaces TARGET with the bytes, through a temporary file beside it. */
static int write_replacing(const char *path, const char *target, const char *data, size_t len,
                           struct verror *err)
{
	char *tmp;
	int made;
	if (write_temp(target, data, len, new_file_mode(target), &tmp, &made)) {
		if (!made)
			verror_set(err, VERROR_STORAGE, "%s: cannot create a file in its directory: %s",
			           path, strerror(errno));
		else
			verror_set(err, VERROR_STORAGE, "%s: cannot write: %s (the old file, if any, "
			           "is unchanged)", path, strerror(errno));
		free(tmp);
		return -1;
	}
	if (rename(tmp, target)) {
		int saved = errno;
		unlink(tmp);
		verror_set(err, VERROR_STORAGE, "%s: cannot write: %s (the old file, if any, is "
		           "unchanged)", path, strerror(saved));
		free(tmp);
		return -1;
	}
	sync_dir(target);
	free(tmp);
	return 0;
}

int file_create(const char *path, const char *data, size_t len, struct verror *err)
{
	/* A write past the file-size limit must fail with EFBIG, not kill us. */
	signal(SIGXFSZ, SIG_IGN);
	struct stat st;
	if (lstat(path, &st) == 0)
		return verror_set(err, VERROR_INPUT, "%s: already exists; nothing was written "
		                  "(remove it first, or give another name)", path);
	mode_t mask = umask(0);
	umask(mask);
	char *tmp;
	int made;
	if (write_temp(path, data, len, 0666 & ~mask, &tmp, &made)) {
		verror_set(err, VERROR_STORAGE, "%s: cannot %s: %s; nothing was written", path,
		           made ? "write" : "create a file in its directory", strerror(errno));
		free(tmp);
		return -1;
	}
	/* A link, unlike a rename, never replaces what another program may
	 * have made at PATH meanwhile. */
	int rc = link(tmp, path);
	int saved = errno;
	unlink(tmp);
	free(tmp);
	if (rc && saved == EEXIST)
		return verror_set(err, VERROR_INPUT, "%s: already exists; nothing was written "
		                  "(remove it first, or give another name)", path);
	if (rc)
		return verror_set(err, VERROR_STORAGE, "%s: cannot create: %s; nothing was written",
		                  path, strerror(saved));
	sync_dir(path);
	return 0;
}

int file_write(const char *path, const char *data, size_t len, struct verror *err)
{
	/* A write past the file-size limit must fail with EFBIG, not kill us. */
	signal(SIGXFSZ, SIG_IGN);

	size_t plen = strlen(path);
	struct stat st;
	if (plen > 1 && path[plen - 1] == '/') {
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			return verror_set(err, VERROR_STORAGE, "%s: is a directory; give the report "
			                  "a file name (nothing was written)", path);
		return verror_set(err, VERROR_STORAGE, "%s: ends in '/', so it names a directory; "
		                  "give the report a file name (nothing was written)", path);
	}
	int fd = named_descriptor(path);
	if (fd >= 0)
		return write_descriptor(path, fd, data, len, err);

	char *target = write_target(path, err);
	if (!target)
		return -1;
	int rc;
	if (stat(target, &st) == 0) {
		rc = check_type(path, st.st_mode, err);
		if (!rc && (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)))
			rc = write_in_place(path, target, data, len, err);
		else if (!rc)
			rc = write_replacing(path, target, data, len, err);
	} else if (errno == ENAMETOOLONG) {
		char *dircopy = xstrdup(target);
		long max = pathconf(dirname(dircopy), _PC_NAME_MAX);
		free(dircopy);
		const char *slash = strrchr(target, '/');
		size_t name_len = strlen(slash ? slash + 1 : target);
		if (max > 0 && name_len > (size_t)max)
			verror_set(err, VERROR_STORAGE, "%s: the name is too long (a name holds at "
			           "most %ld bytes); nothing was written", path, max);
		else
			verror_set(err, VERROR_STORAGE, "%s: %s; nothing was written", path,
			           strerror(ENAMETOOLONG));
		rc = -1;
	} else {
		rc = write_replacing(path, target, data, len, err);
	}
	free(target);
	return rc;
}
