/* cli_store.c - the sessions database and session ids for a command. */
#include <limits.h>

#include "cli.h"
#include "saved_results.h"
#include "saved_session.h"
#include "store.h"

int cli_open_store(const char *cmd, const struct global_opts *g, unsigned flags,
                   struct store **st)
{
	char path[PATH_MAX];
	struct verror err;
	*st = NULL;
	if (store_path(g->db, path, sizeof path, &err) ||
	    store_open_flags(path, flags, st, &err))
		return cli_fail(cmd, &err);
	/* A cache filled in, best effort: the command goes on either way. */
	if (!(flags & STORE_OPEN_READ_ONLY))
		(void)saved_results_fill(*st, NULL, NULL);
	return EXIT_OK;
}

int cli_session_id(const char *cmd, const char *text, long long *id)
{
	struct verror err;
	if (saved_session_parse_id(text, id, &err))
		return cli_fail(cmd, &err);
	return EXIT_OK;
}
