/* files.h - whole files in, whole files out.
 *
 * Reading is bounded, so a huge or endless input fails fast; writing a
 * file is atomic, so a failed write leaves the old file as it was, and never
 * replaces a FIFO, a device or a descriptor's file. */
#ifndef VERDICT_FILES_H
#define VERDICT_FILES_H

#include <stddef.h>

/* Reads all of PATH ("-" for standard input), at most MAX bytes, into a new
 * NUL-terminated buffer *DATA of *LEN bytes, which the caller frees. Returns 0;
 * -1 with a reason (including the path) in ERR; or -2 when the input is larger
 * than MAX, with a reason that does not name the path. */
int file_read_all(const char *path, size_t max, char **data, size_t *len, char *err,
                  size_t errlen);

/* file_write() refused PATH: writing there would destroy what must not be. */
#define FILE_WRITE_REFUSED -2

/* Writes LEN bytes to PATH, never replacing what it must not:
 *   - a regular file, or a name not yet taken, is written atomically: a
 *     temporary file ".verdict-XXXXXX" in the same directory (short, so any
 *     name up to NAME_MAX works), every byte written, fsync, rename, then the
 *     directory synced. On failure nothing at PATH has changed and no
 *     temporary file is left. The file keeps its old mode, or gets what a
 *     new file gets under the umask;
 *   - a symbolic link: the file it points to is written the same way (its
 *     temporary file beside it) and the link is kept; a link that cannot be
 *     resolved (dangling, a loop), or another user's link in a sticky
 *     world-writable directory such as /tmp, is refused;
 *   - a FIFO or a character device (a terminal, /dev/null) is written in
 *     place: opened for writing, never created, truncated or replaced, so a
 *     FIFO's reader gets the bytes (opening waits for one);
 *   - /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N (directly or
 *     through links) are written to that descriptor as it stands, so
 *     `-o /dev/stdout >>log` appends to log rather than replacing it;
 *   - a directory, or a PATH ending in '/', is refused with a message that
 *     says so.
 * Returns 0; -1 when the write failed (ERR says why); FILE_WRITE_REFUSED for
 * a block device or a socket, which are never written. */
int file_write(const char *path, const char *data, size_t len, char *err, size_t errlen);

#endif
