/* cmd_sessions.c - verdict delete: removing a saved session (verdict list,
 * the browsing, is cmd_list.c). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "store.h"
#include "strbuf.h"
#include "text_print.h"

/* ---- verdict delete ---- */

static void delete_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict delete ID [--yes]\n"
	        "\n"
	        "Deletes saved session ID (see 'verdict list'), with its answers. On a\n"
	        "terminal it asks first, unless --yes is given; otherwise it does not ask.\n"
	        "\n"
	        "Exit status: 0 deleted (or kept at the question), 1 no such session,\n"
	        "2 usage error, 3 storage failure.\n");
}

/* " (project, respondent)" or the part of it that is known, cleaned for
 * the terminal, into OUT. */
static void describe_names(const struct stored_session *s, struct strbuf *out)
{
	if (s->project && s->respondent)
		text_format(out, " (%s, %s)", s->project, s->respondent);
	else if (s->project || s->respondent)
		text_format(out, " (%s)", s->project ? s->project : s->respondent);
}

/* Asks on the terminal; 1 for yes. */
static int confirm(long long id, const char *names)
{
	text_printf(stderr, "Delete session %lld%s? [y/N] ", id, names);
	fflush(stderr);
	char line[64];
	if (!fgets(line, sizeof line, stdin))
		return 0;
	return line[0] == 'y' || line[0] == 'Y';
}

int cmd_delete(int argc, char **argv, const struct global_opts *g)
{
	static const struct option longopts[] = {
		{ "yes", no_argument, NULL, 'y' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int yes = 0, ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "yh", longopts, NULL)) != -1) {
		if (ch == 'y') {
			yes = 1;
		} else if (ch == 'h') {
			delete_usage(stdout);
			return EXIT_OK;
		} else {
			return cli_bad_usage("delete", argv, longopts, delete_usage);
		}
	}
	if (optind != argc - 1) {
		text_printf(stderr, "verdict delete: %s\n",
		            optind >= argc ? "name the session to delete" : "delete one session at a time");
		delete_usage(stderr);
		return EXIT_USAGE;
	}
	long long id;
	if (cli_session_id("delete", argv[optind], &id))
		return EXIT_USAGE;
	struct store *st;
	int status = cli_open_store("delete", g, 0, &st);
	if (status)
		return status;
	struct stored_session s;
	int rc = store_load(st, id, &s);
	if (rc == 0) {
		struct strbuf names;
		strbuf_init(&names);
		describe_names(&s, &names);
		stored_session_free(&s);
		if (!yes && isatty(STDIN_FILENO) && !confirm(id, strbuf_str(&names))) {
			text_printf(stdout, "Kept session %lld.\n", id);
		} else {
			rc = store_delete(st, id);
			if (rc == 0)
				text_printf(stdout, "Deleted session %lld%s.\n", id, strbuf_str(&names));
		}
		strbuf_free(&names);
	}
	if (rc)
		status = cli_fail("delete", store_error(st));
	store_close(st);
	return status;
}
