/* cmd_run.c - verdict run: the walk-through (and plain `verdict`). */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "criteria_source.h"
#include "saved_session.h"
#include "store.h"
#include "tui/tui.h"
#include "tui/walk.h"
#include "text_print.h"
#include "xalloc.h"

static void run_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict run [-c FILE] [--resume ID] [--project NAME] [--respondent NAME]\n"
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
	        "  -h, --help            this help\n"
	        "\n"
	        "Keys: arrows or hjkl move, Enter goes on, b goes back, digits pick a weight,\n"
	        "? shows every key, q quits (nothing is lost).\n"
	        "\n"
	        "It needs a terminal that can move the cursor (TERM), at least %d x %d.\n"
	        "Without one, use 'verdict score'. NO_COLOR or --no-color turns colours off.\n"
	        "Exit status: 0 done, 1 invalid criteria or session id, 2 usage error or no\n"
	        "terminal, 3 storage failure.\n",
	        TUI_MIN_COLS, TUI_MIN_ROWS);
}

int cmd_run(int argc, char **argv, const struct global_opts *g)
{
	enum { OPT_RESUME = 256, OPT_PROJECT, OPT_RESPONDENT };
	static const struct option longopts[] = {
		{ "criteria", required_argument, NULL, 'c' },
		{ "resume", required_argument, NULL, OPT_RESUME },
		{ "project", required_argument, NULL, OPT_PROJECT },
		{ "respondent", required_argument, NULL, OPT_RESPONDENT },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *criteria = NULL, *project = NULL, *respondent = NULL, *resume = NULL;
	/* Plain 'verdict -c FILE' speaks as plain "verdict". */
	const char *cmd = strcmp(argv[0], "run") == 0 ? "run" : NULL;
	int ch;
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
	int rc = tui_check_terminal();
	if (rc)
		return rc;

	struct tui t;
	memset(&t, 0, sizeof t);
	t.g = g;
	struct diags d;
	struct verror err;
	if (criteria_source_load(criteria, &t.fresh, &d, &err))
		rc = cli_fail_input(cmd, &d, &err);
	diags_free(&d);
	if (rc)
		return rc;
	rc = cli_open_store(cmd, g, 0, &t.store);
	if (rc == EXIT_OK && id) {
		/* Said now, before the screen changes: an unknown id or a broken session. */
		struct saved_session sv;
		if (saved_session_load(t.store, id, &sv, &d, &err))
			rc = cli_fail_input(cmd, &d, &err);
		else
			saved_session_free(&sv);
		diags_free(&d);
	}
	if (rc) {
		tui_teardown(&t);
		return rc;
	}
	t.project_arg = project ? xstrdup(project) : NULL;
	t.respondent_arg = respondent ? xstrdup(respondent) : NULL;

	rc = tui_open(&t);
	if (rc) {
		tui_teardown(&t);
		return rc;
	}
	screen_start_fill(&t);
	if (id)
		walk_open(&t, id);
	else
		tui_show(&t, SCREEN_START);
	if (!t.quit)
		tui_run(&t);
	rc = t.status;
	int sig = t.signal;
	long long left = rc == EXIT_OK && !t.complete ? t.id : 0;
	tui_teardown(&t);
	/* Where to pick up again, once the terminal is itself again. */
	if (left && !sig)
		text_printf(stdout, "Session %lld is saved where you stopped; 'verdict run --resume %lld' "
		            "goes on from there.\n", left, left);
	if (sig) {
		/* Die of the signal that came, now that the terminal is itself again. */
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return rc;
}
