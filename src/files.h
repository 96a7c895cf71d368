/* files.h - whole files in, whole files out.
 *
 * Reading is bounded, so a huge or endless input fails fast; writing a
 * file is atomic, so a failed write leaves the old file as it was, and never
 * replaces a FIFO, a device or a descriptor's file. */
#ifndef VERDICT_FILES_H
#define VERDICT_FILES_H

#include <stddef.h>

#include "diag.h"
#include "verror.h"

/* The name messages give input file PATH: "<stdin>" for "-", else PATH. */
const char *file_input_name(const char *path);

/* Reads input file PATH ("-" for standard input) whole for a loader, at most
 * MAX bytes, into a new NUL-terminated buffer *DATA of *LEN bytes, which the
 * caller frees. Starts D (diags_init) for the file, under file_input_name(),
 * for the loader to go on with; D is the caller's to free whatever happens.
 * Returns 0, or -1 with ERR (VERROR_INPUT): a file larger than MAX is also a
 * positioned error in D, at 1:1, and ERR is its summary (diags_fail()); a
 * file that cannot be opened or read is in ERR alone, naming PATH. */
int file_read_input(const char *path, size_t max, char **data, size_t *len, struct diags *d,
                    struct verror *err);

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
 * Returns 0, or -1 with ERR: VERROR_INPUT for a block device or a socket,
 * which are never written; VERROR_STORAGE when the write failed. */
int file_write(const char *path, const char *data, size_t len, struct verror *err);

/* Writes LEN bytes to PATH as a new file, never replacing anything there:
 * a temporary file beside it, every byte written and synced, then linked to
 * PATH (which fails when anything, a dangling link included, is there by
 * then) and the directory synced. The file gets what a new file gets under
 * the umask. Returns 0, or -1 with ERR: VERROR_INPUT when PATH exists,
 * VERROR_STORAGE when the file cannot be made; either way nothing is left. */
int file_create(const char *path, const char *data, size_t len, struct verror *err);

#endif
