/* cli_store.c - opening the sessions database for a command. */
#include <limits.h>
#include <stdio.h>

#include "cli.h"
#include "store.h"
#include "text_print.h"

int cli_open_store(const char *cmd, const struct global_opts *g, unsigned flags,
                   struct store **st)
{
	char path[PATH_MAX], err[1024];
	if (store_path(g->db, path, sizeof path)) {
		text_printf(stderr, "verdict %s: cannot tell where sessions are kept: HOME is not set; "
		            "use --db PATH or set VERDICT_DB\n", cmd);
		return EXIT_STORAGE;
	}
	if (store_open_flags(path, flags, st, err, sizeof err)) {
		text_printf(stderr, "verdict %s: %s\n", cmd, err);
		return EXIT_STORAGE;
	}
	return EXIT_OK;
}
