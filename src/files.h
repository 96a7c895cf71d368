/* files.h - whole files in, whole files out.
 *
 * Reading is bounded, so a huge or endless input fails fast; writing is
 * atomic, so a failed write leaves the old file as it was. */
#ifndef VERDICT_FILES_H
#define VERDICT_FILES_H

#include <stddef.h>

/* Reads all of PATH ("-" for standard input), at most MAX bytes, into a new
 * NUL-terminated buffer *DATA of *LEN bytes, which the caller frees. Returns 0;
 * -1 with a reason (including the path) in ERR; or -2 when the input is larger
 * than MAX, with a reason that does not name the path. */
int file_read_all(const char *path, size_t max, char **data, size_t *len, char *err,
                  size_t errlen);

/* Writes LEN bytes to PATH through a temporary file in the same directory,
 * fsync and rename, then fsyncs the directory. On failure nothing at PATH has
 * changed, no temporary file is left, and ERR says why. Returns 0 or -1.
 * When PATH is a symbolic link, the file it points to is replaced the same
 * way (temporary file beside it) and the link is kept; a link that cannot be
 * resolved (dangling, a loop), or another user's link in a sticky
 * world-writable directory such as /tmp, is refused. */
int file_write_atomic(const char *path, const char *data, size_t len, char *err,
                      size_t errlen);

#endif
