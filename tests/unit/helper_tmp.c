/* layer: base */
/* helper_tmp.c - a fresh directory per test (helper_tmp.h). */
#include "helper_tmp.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

int tmp_dir_make(char *dir, size_t len, const char *what)
{
	const char *tmp = getenv("TMPDIR");
	int n = snprintf(dir, len, "%s/verdict-%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", what);
	if (n < 0 || (size_t)n >= len)
		return -1;
	return mkdtemp(dir) ? 0 : -1;
}

static int remove_entry(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	(void)sb;
	(void)type;
	(void)ftw;
	return remove(path);
}

void tmp_dir_remove(const char *dir)
{
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}
