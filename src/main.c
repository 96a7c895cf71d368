/* main.c - verdict: command dispatch. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "text_print.h"
#include "xalloc.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv, const struct global_opts *g);
	const char *summary;
};

static const struct command commands[] = {
	{ "run", cmd_run, "the walk-through (the default)" },
	{ "check", cmd_check, "validate criteria files" },
	{ "score", cmd_score, "score an answers file" },
	{ "list", cmd_list, "list saved sessions" },
	{ "show", cmd_show, "show a saved session and its result" },
	{ "delete", cmd_delete, "delete a saved session" },
	{ "export", cmd_export, "export a session as a report" },
	{ "import", cmd_import, "bring in sessions from reports or another database" },
	{ "copy", cmd_copy, "make a new session from a saved one" },
	{ "revert", cmd_revert, "bring back a session's earlier answers" },
	{ "new", cmd_new, "write a starter criteria file" },
	{ "decide", cmd_decide, "record the option actually chosen" },
	{ "review", cmd_review, "record how a decision turned out" },
	{ "diff", cmd_diff, "what differs between two sessions or criteria files, and why" },
	{ "selftest", cmd_selftest, "check the arithmetic against published cases" },
	{ "team", cmd_team, "combine several people's sessions into a group view" },
	{ "schema", cmd_schema, "print the JSON Schema of criteria or answers files" },
};

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict [--db PATH] [--no-color] [COMMAND [ARGS]]\n"
	        "\n"
	        "verdict helps decide between options (out of the box: Node.js or Python\n"
	        "for a backend) by weighing criteria that matter to your project.\n"
	        "\n"
	        "Commands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fprintf(out,
	        "\n"
	        "Options:\n"
	        "  --db PATH     the sessions database (default: $VERDICT_DB, else\n"
	        "                $XDG_DATA_HOME/verdict/sessions.db)\n"
	        "  --no-color    no colours in the walk-through (so does NO_COLOR)\n"
	        "  -h, --help    this help; 'verdict help COMMAND' (or 'verdict COMMAND\n"
	        "                --help') for a command's\n"
	        "  -V, --version the version\n"
	        "\n"
	        "Exit status: 0 success, 1 invalid input, 2 usage error, 3 storage or I/O failure.\n");
}

/* The user's locale, for the two of its parts verdict uses: LC_CTYPE (the
 * terminal's characters: their encoding and display widths) and LC_MESSAGES
 * (the system's error messages). The others are left out, so that starting
 * does not read their files: numbers are read and written with a '.'
 * whatever the locale (files, reports and the audit hashes must not change
 * with it), dates only with digits, and text is compared byte by byte. As
 * setlocale(LC_ALL, "") would, a locale that cannot be had leaves both at
 * "C". */
static void take_locale(void)
{
	if (!setlocale(LC_CTYPE, "") || !setlocale(LC_MESSAGES, "")) {
		setlocale(LC_CTYPE, "C");
		setlocale(LC_MESSAGES, "C");
	}
}

/* Takes the global options out of ARGV wherever they stand, so that every
 * command accepts them. Returns -1 on a usage error. */
static int take_globals(int *argc, char **argv, struct global_opts *g)
{
	int out = 1;
	for (int i = 1; i < *argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		if (strcmp(a, "--db") == 0 || strncmp(a, "--db=", 5) == 0) {
			if (a[4] == '\0' && i + 1 >= *argc) {
				text_printf(stderr, "verdict: --db needs a path\n");
				return -1;
			}
			g->db = a[4] == '=' ? a + 5 : argv[++i];
			/* An empty path must not mean "the default database". */
			if (!*g->db) {
				fprintf(stderr, "verdict: --db needs a path, not an empty one (leave "
				        "--db out for the default database)\n");
				return -1;
			}
		} else if (strcmp(a, "--no-color") == 0) {
			g->no_color = 1;
		} else {
			argv[out++] = argv[i];
		}
	}
	*argc = out;
	argv[out] = NULL;
	return 0;
}

/* Every command's last word: what it printed must have reached standard
 * output. A failed write, flush or close there (a full disk, /dev/full, a
 * closed descriptor) turns success into EXIT_STORAGE, with a message
 * (cli_output_failed()); a command that failed already has said why.
 * Returns the exit status. */
static int close_stdout(const char *cmd, int rc)
{
	errno = 0;
	int failed = fflush(stdout) != 0;
	int saved = errno;
	failed |= ferror(stdout) != 0;
	if (fclose(stdout) != 0 && !failed) {
		failed = 1;
		saved = errno;
	}
	if (!failed || rc != EXIT_OK)
		return rc;
	return cli_output_failed(cmd, saved);
}

/* Runs command C with ARGC, ARGV (ARGV[0] its name), then close_stdout(). */
static int run_command(const struct command *c, int argc, char **argv,
                       const struct global_opts *g)
{
	return close_stdout(c->name, c->run(argc, argv, g));
}

/* The command named NAME, or NULL. */
static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(name, commands[i].name) == 0)
			return &commands[i];
	return NULL;
}

/* 'verdict help [COMMAND]' (ARGC words from "help"): the general help, or
 * COMMAND's own, as 'verdict COMMAND --help' prints it. */
static int help(int argc, char **argv, const struct global_opts *g)
{
	if (argc < 2) {
		usage(stdout);
		return close_stdout(NULL, EXIT_OK);
	}
	const struct command *c = find_command(argv[1]);
	if (argc > 2 || !c) {
		if (argc > 2)
			text_printf(stderr, "verdict help: name one command, as 'verdict help "
			            "score'");
		else
			text_printf(stderr, "verdict help: unknown command '%s'", argv[1]);
		fprintf(stderr, "; the commands are ");
		for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
			fprintf(stderr, "%s%s", i ? ", " : "", commands[i].name);
		fprintf(stderr, "\n");
		return EXIT_USAGE;
	}
	char opt[] = "--help";
	char *help_argv[] = { argv[1], opt, NULL };
	return run_command(c, 2, help_argv, g);
}

int main(int argc, char **argv)
{
	/* jansson's memory too follows the one policy (xalloc.h). */
	json_set_alloc_funcs(xmalloc, free);
	take_locale();
	opterr = 0;             /* the commands say what is wrong: cli_bad_option() */
	struct global_opts g = { 0 };
	if (take_globals(&argc, argv, &g))
		return EXIT_USAGE;
	struct verror err;
	if (clock_check(&err))
		return cli_fail(NULL, &err);
	if (argc < 2) {
		/* No command: the walk-through with the defaults. */
		char name[] = "run";
		char *run_argv[] = { name, NULL };
		return run_command(&commands[0], 1, run_argv, &g);
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "help") == 0)
		return help(argc - 1, argv + 1, &g);
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
		usage(stdout);
		return close_stdout(NULL, EXIT_OK);
	}
	if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
		text_printf(stdout, "verdict %s\n", VERDICT_VERSION);
		return close_stdout(NULL, EXIT_OK);
	}
	const struct command *c = find_command(cmd);
	if (c)
		return run_command(c, argc - 1, argv + 1, &g);
	if (cmd[0] == '-') {
		/* Options without a command are the walk-through's: verdict -c FILE.
		 * Its messages then speak as plain "verdict". */
		char name[] = "verdict";
		argv[0] = name;
		return close_stdout(NULL, cmd_run(argc, argv, &g));
	}
	text_printf(stderr, "verdict: unknown command '%s'; 'verdict --help' lists them\n", cmd);
	return EXIT_USAGE;
}
