/* layer: base */
/* helper_tmp.h - for unit tests: a fresh directory of the test's own, and
 * removing it with all it holds. */
#ifndef VERDICT_HELPER_TMP_H
#define VERDICT_HELPER_TMP_H

#include <stddef.h>

/* Makes a new directory $TMPDIR/verdict-WHAT-XXXXXX (/tmp when TMPDIR is
 * unset or empty), its path into DIR (LEN bytes). Returns 0, or -1 when it
 * could not be made. */
int tmp_dir_make(char *dir, size_t len, const char *what);
/* Removes DIR and everything in it (symbolic links are not followed). */
void tmp_dir_remove(const char *dir);

#endif
