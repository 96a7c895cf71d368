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

int file_read_all(const char *path, size_t max, char **data, size_t *len, char *err,
                  size_t errlen)
{
	int is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s: is a directory, expected a file", path);
		if (!is_stdin)
			close(fd);
		return -1;
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size > max) {
		snprintf(err, errlen, "file is %lld bytes, larger than the %zu MiB allowed",
		         (long long)st.st_size, max >> 20);
		if (!is_stdin)
			close(fd);
		return -2;
	}
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap + 1);
	int rc = -1;
	if (!buf) {
		snprintf(err, errlen, "%s: out of memory", path);
		goto out;
	}
	for (;;) {
		if (n == cap) {
			if (cap > max) {
				snprintf(err, errlen, "file is larger than the %zu MiB allowed",
				         max >> 20);
				rc = -2;
				goto out;
			}
			char *bigger = realloc(buf, cap * 2 + 1);
			if (!bigger) {
				snprintf(err, errlen, "%s: out of memory", path);
				goto out;
			}
			buf = bigger;
			cap *= 2;
		}
		ssize_t got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
			goto out;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	if (n > max) {
		snprintf(err, errlen, "file is larger than the %zu MiB allowed", max >> 20);
		rc = -2;
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

/* Where a write to PATH lands: PATH itself, or, when PATH is a symbolic
 * link, the file it points to, so the link stays a link and the file behind
 * it gets the new bytes. A new string, or NULL with ERR set. */
static char *write_target(const char *path, char *err, size_t errlen)
{
	struct stat ls;
	if (lstat(path, &ls) != 0 || !S_ISLNK(ls.st_mode)) {
		char *same = strdup(path);
		if (!same)
			snprintf(err, errlen, "%s: out of memory", path);
		return same;
	}
	/* As the kernel's protected_symlinks does for open(): a link in a
	 * sticky, world-writable directory (such as /tmp) is followed only when
	 * it is ours or the directory owner's, so nobody can plant one there to
	 * make us overwrite a file of ours. */
	char *dircopy = strdup(path);
	if (!dircopy) {
		snprintf(err, errlen, "%s: out of memory", path);
		return NULL;
	}
	struct stat ds;
	int shared = stat(dirname(dircopy), &ds) == 0 && (ds.st_mode & S_ISVTX) &&
	             (ds.st_mode & S_IWOTH) && ls.st_uid != geteuid() && ls.st_uid != ds.st_uid;
	free(dircopy);
	if (shared) {
		snprintf(err, errlen, "%s: is another user's symbolic link in a shared directory; "
		         "it was not followed (the old file, if any, is unchanged)", path);
		return NULL;
	}
	char *real = realpath(path, NULL);
	if (!real) {
		int saved = errno;
		char to[512];
		ssize_t n = readlink(path, to, sizeof to - 1);
		if (n <= 0)
			n = snprintf(to, sizeof to, "?");
		to[n] = '\0';
		snprintf(err, errlen, "%s: is a symbolic link to %s, which cannot be resolved: %s; "
		         "nothing was written", path, to, strerror(saved));
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

int file_write_atomic(const char *path, const char *data, size_t len, char *err,
                      size_t errlen)
{
	/* A write past the file-size limit must fail with EFBIG, not kill us. */
	signal(SIGXFSZ, SIG_IGN);

	char *target = write_target(path, err, errlen);
	if (!target)
		return -1;
	size_t plen = strlen(target);
	char *tmp = malloc(plen + 16);
	char *dircopy = strdup(target);
	if (!tmp || !dircopy) {
		free(tmp);
		free(dircopy);
		free(target);
		snprintf(err, errlen, "%s: out of memory", path);
		return -1;
	}
	/* The temporary file sits beside the target, so rename cannot cross
	 * file systems; its name starts with a dot and ends in a random part. */
	const char *slash = strrchr(target, '/');
	size_t dirlen = slash ? (size_t)(slash - target) + 1 : 0;
	snprintf(tmp, plen + 16, "%.*s.%s.XXXXXX", (int)dirlen, target, target + dirlen);
	if (strlen(tmp) > plen + 15)
		tmp[plen + 15] = '\0';
	int fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot create a file in its directory: %s", path,
		         strerror(errno));
		free(tmp);
		free(dircopy);
		free(target);
		return -1;
	}
	int saved;
	if (write_all(fd, data, len) || fchmod(fd, new_file_mode(target)) || fsync(fd)) {
		saved = errno;
		close(fd);
		goto fail;
	}
	if (close(fd)) {
		saved = errno;
		goto fail;
	}
	if (rename(tmp, target)) {
		saved = errno;
		goto fail;
	}
	/* Make the rename itself durable. */
	int dfd = open(dirname(dircopy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	free(tmp);
	free(dircopy);
	free(target);
	return 0;
fail:
	unlink(tmp);
	snprintf(err, errlen, "%s: cannot write: %s (the old file, if any, is unchanged)", path,
	         strerror(saved));
	free(tmp);
	free(dircopy);
	free(target);
	return -1;
}
