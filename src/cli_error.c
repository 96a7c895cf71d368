/* cli_error.c - saying on the command line what a lower layer reported.
 *
 * The layers below the faces print nothing: they return a struct verror
 * (and a struct diags for an input file's positioned errors). Here they are
 * said, each the one way, and the kind becomes the exit status. */
#include "cli.h"
#include "text_print.h"

int cli_fail(const char *cmd, const struct verror *err)
{
	text_printf(stderr, "verdict%s%s: %s\n", cmd ? " " : "", cmd ? cmd : "", err->msg);
	return verror_exit_status(err->kind);
}

int cli_fail_input(const char *cmd, struct diags *d, const struct verror *err)
{
	if (!d || !d->count)
		return cli_fail(cmd, err);
	diags_print(d, stderr);
	return verror_exit_status(err->kind);
}
