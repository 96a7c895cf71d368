/* cmd_run.c - verdict run: the walk-through (and plain `verdict`), or the
 * plain face (--plain, plain.h), both on the same flow. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "criteria_source.h"
#include "flow.h"
#include "plain.h"
#include "saved_session.h"
#include "store.h"
#include "tui/tui.h"
#include "tui/walk.h"
#include "text_print.h"
#include "xalloc.h"

static void run_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict run [--plain] [-c FILE] [--resume ID] [--project NAME]\n"
	        "                   [--respondent NAME]\n"
	        "\n"
	        "The walk-through: a few questions about your project, then how much each\n"
	        "point matters, then the recommendation with its reasons. Every answer is\n"
	        "saved as it is given; quit at any time and resume later. Plain 'verdict'\n"
	        "does the same with the default criteria.\n"
	        "\n"
	        "Options:\n"
	        "  -c, --criteria FILE   the criteria set (default: $VERDICT_CRITERIA, else the\n"
	        "                        built-in Node.js or Python set)\n"
	        "  --resume ID           carry on with saved session ID ('verdict list'), with\n"
	        "                        the criteria it was started with (so not with -c)\n"
	        "  --project NAME        the project's name, filled in on the start screen\n"
	        "  --respondent NAME     who answers, filled in on the start screen\n"
	        "  --plain               the same questions line by line, without drawing on\n"
	        "                        the screen: for screen readers, TERM=dumb, serial\n"
	        "                        consoles and scripts. Type an answer's number; an\n"
	        "                        empty line takes the one in [brackets]\n"
	        "  -h, --help            this help\n"
	        "\n"
	        "Keys: arrows or hjkl move, Enter goes on, b goes back, digits pick a weight,\n"
	        "? shows every key, q quits (nothing is lost).\n"
	        "\n"
	        "It needs a terminal that can move the cursor (TERM), at least %d x %d; on one\n"
	        "that cannot, it offers the plain face. Without a terminal, use --plain or\n"
	        "'verdict score'. NO_COLOR or --no-color turns colours off.\n"
	        "Exit status: 0 done, or stopped with every answer saved; 1 invalid criteria\n"
	        "or no such session; 2 usage error (an id that is not a number too) or no\n"
	        "terminal; 3 storage failure.\n",
	        TUI_MIN_COLS, TUI_MIN_ROWS);
}

/* On a terminal the walk-through cannot draw on (WHY), the plain face
 * instead, if the person wants it. Returns 1 when they do. */
static int offer_plain(const char *why)
{
	text_printf(stderr, "verdict: %s\n"
	            "The plain face asks the same questions line by line, without drawing on the "
	            "screen.\nAnswer them that way? [Y/n] ", why);
	fflush(stderr);
	char *line = plain_read_line(stdin);
	int yes = line && (!line[0] || !strcasecmp(line, "y") || !strcasecmp(line, "yes"));
	free(line);
	if (!yes)
		text_printf(stderr, "Set TERM to your terminal's type (for example "
		            "TERM=xterm-256color), or use\n'verdict run --plain', or 'verdict score' "
		            "without a terminal.\n");
	return yes;
}

int cmd_run(int argc, char **argv, const struct global_opts *g)
{
	enum { OPT_RESUME = 256, OPT_PROJECT, OPT_RESPONDENT, OPT_PLAIN };
	static const struct option longopts[] = {
		{ "criteria", required_argument, NULL, 'c' },
		{ "resume", required_argument, NULL, OPT_RESUME },
		{ "project", required_argument, NULL, OPT_PROJECT },
		{ "respondent", required_argument, NULL, OPT_RESPONDENT },
		{ "plain", no_argument, NULL, OPT_PLAIN },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *criteria = NULL, *project = NULL, *respondent = NULL, *resume = NULL;
	/* Plain 'verdict -c FILE' speaks as plain "verdict". */
	const char *cmd = strcmp(argv[0], "run") == 0 ? "run" : NULL;
	int ch, plain = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "c:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			criteria = optarg;
			break;
		case OPT_RESUME:
			resume = optarg;
			break;
		case OPT_PROJECT:
			project = optarg;
			break;
		case OPT_RESPONDENT:
			respondent = optarg;
			break;
		case OPT_PLAIN:
			plain = 1;
			break;
		case 'h':
			run_usage(stdout);
			return EXIT_OK;
		default:
			return cli_bad_usage(cmd, argv, longopts, run_usage);
		}
	}
	if (optind < argc) {
		text_printf(stderr, "verdict run: unexpected argument '%s'\n", argv[optind]);
		run_usage(stderr);
		return EXIT_USAGE;
	}
	long long id = 0;
	if (resume && cli_session_id("run", resume, &id))
		return EXIT_USAGE;
	if (resume && criteria) {
		/* A session is tied to the criteria text it was started with, kept
		 * with it; another set cannot be put under its answers. */
		fprintf(stderr, "verdict run: -c cannot go with --resume: session %lld goes on "
		        "with the criteria it was started with, kept with it; leave out -c to "
		        "resume it, or leave out --resume to start a new session with %s\n", id,
		        criteria);
		return EXIT_USAGE;
	}
	int rc = 0;
	if (!plain) {
		char why[300];
		switch (tui_check_terminal(why, sizeof why)) {
		case TUI_TERMINAL_OK:
			break;
		case TUI_TERMINAL_NONE:
			text_printf(stderr, "verdict: %s\n"
			            "For scripts and pipes, 'verdict run --plain' asks the same questions "
			            "line by line,\nand 'verdict score -c FILE -a ANSWERS' scores an answers "
			            "file ('verdict score --help' says more).\n", why);
			return EXIT_USAGE;
		case TUI_TERMINAL_UNDRAWABLE:
			if (!offer_plain(why))
				return EXIT_USAGE;
			plain = 1;
			break;
		}
	}

	struct criteria_source fresh;
	struct diags d;
	struct verror err;
	if (criteria_source_load(criteria, &fresh, &d, &err))
		rc = cli_fail_input(cmd, &d, &err);
	diags_free(&d);
	if (rc)
		return rc;
	struct store *st = NULL;
	rc = cli_open_store(cmd, g, 0, &st);
	if (rc == EXIT_OK && id) {
		/* Said now, before the screen changes: an unknown id or a broken session. */
		struct saved_session sv;
		if (saved_session_load(st, id, &sv, &d, &err))
			rc = cli_fail_input(cmd, &d, &err);
		else
			saved_session_free(&sv);
		diags_free(&d);
	}
	if (rc) {
		criteria_source_free(&fresh);
		store_close(st);
		return rc;
	}
	if (plain) {
		struct flow f;
		flow_init(&f, st, &fresh);
		struct plain_opts po = { .resume = id, .project = project, .respondent = respondent,
		                         .db = g->db };
		rc = plain_run(&f, &po, stdin, stdout);
		flow_free(&f);
		store_close(st);
		return rc;
	}

	struct tui t;
	memset(&t, 0, sizeof t);
	t.g = g;
	t.store = st;
	flow_init(&t.flow, st, &fresh);
	t.project_arg = project ? xstrdup(project) : NULL;
	t.respondent_arg = respondent ? xstrdup(respondent) : NULL;

	rc = tui_open(&t);
	if (rc) {
		tui_teardown(&t);
		return rc;
	}
	if (id)
		walk_open(&t, id);
	else
		tui_show(&t, SCREEN_START);
	if (!t.quit)
		tui_run(&t);
	rc = t.status;
	int sig = t.signal;
	long long left = rc == EXIT_OK && !t.flow.complete ? t.flow.id : 0;
	tui_teardown(&t);
	/* Where to pick up again, once the terminal is itself again. */
	if (left && !sig) {
		char dbw[600];
		text_printf(stdout, "Session %lld is saved where you stopped; 'verdict %srun --resume "
		            "%lld' goes on from there.\n", left, cli_db_words(g->db, dbw, sizeof dbw),
		            left);
	}
	if (sig) {
		/* Die of the signal that came, now that the terminal is itself again. */
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return rc;
}
