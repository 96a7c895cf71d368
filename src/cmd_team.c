/* cmd_team.c - verdict team: several respondents' sessions as one group
 * view (team.h, team_load.h, team_report.h). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "store.h"
#include "team_load.h"
#include "team_report.h"
#include "text_print.h"
#include "xalloc.h"

static void team_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict team --project NAME [--format FMT] [-o FILE]\n"
	        "       verdict team ID ID... [--format FMT] [-o FILE]\n"
	        "\n"
	        "Combines several people's finished sessions on the same criteria into one\n"
	        "group view: the group's weights (the mean of everyone's, or for sessions\n"
	        "compared in pairs the geometric mean of their comparisons), the group's\n"
	        "recommendation, each respondent's own, the criteria where they disagree\n"
	        "most, a consensus figure, and how many would have to change their mind\n"
	        "for the group's winner to change (docs/scoring.md, \"The group view\").\n"
	        "\n"
	        "  -p, --project NAME every finished session of project NAME (any case);\n"
	        "                     sessions not finished are listed as left out\n"
	        "  -f, --format FMT   text (default) for people; json (verdict-team/1);\n"
	        "                     md or html (one self-contained page, with a chart of\n"
	        "                     each respondent's weights)\n"
	        "  -o, --output FILE  write to FILE, atomically; a database is never\n"
	        "                     replaced; without -o, or with -o -, standard output\n"
	        "  -h, --help         this help\n"
	        "\n"
	        "The sessions must share one criteria text; sessions of different texts are\n"
	        "refused, naming which use which. Exit status: 0 success, 1 fewer than two\n"
	        "finished sessions, different criteria texts, an unknown session or a FILE\n"
	        "refused, 2 usage error, 3 storage or I/O failure.\n");
}

int cmd_team(int argc, char **argv, const struct global_opts *g)
{
	static const struct option longopts[] = {
		{ "project", required_argument, NULL, 'p' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *project = NULL, *output = NULL;
	enum team_format f = TEAM_FORMAT_TEXT;
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "p:f:o:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'p':
			project = optarg;
			break;
		case 'f':
			if (team_format_parse(optarg, &f)) {
				text_printf(stderr, "verdict team: unknown format '%s'; use text, json, md "
				            "or html\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			team_usage(stdout);
			return EXIT_OK;
		default:
			return cli_bad_usage("team", argv, longopts, team_usage);
		}
	}
	size_t nids = (size_t)(argc - optind);
	if (project && nids) {
		text_printf(stderr, "verdict team: name a project or session ids, not both\n");
		team_usage(stderr);
		return EXIT_USAGE;
	}
	if (!project && nids == 0) {
		text_printf(stderr, "verdict team: name a project (--project NAME) or the sessions "
		            "(two ids or more)\n");
		team_usage(stderr);
		return EXIT_USAGE;
	}
	if (project && !*project) {
		text_printf(stderr, "verdict team: --project needs a name\n");
		return EXIT_USAGE;
	}
	if (output && !*output) {
		text_printf(stderr, "verdict team: -o needs a file name\n");
		return EXIT_USAGE;
	}
	if (output && strcmp(output, "-") == 0)
		output = NULL;
	long long *ids = xcalloc(nids + 1, sizeof *ids);
	for (size_t k = 0; k < nids; k++) {
		if (cli_session_id("team", argv[optind + (int)k], &ids[k])) {
			free(ids);
			return EXIT_USAGE;
		}
	}

	struct store *st;
	int rc = cli_open_store("team", g, STORE_OPEN_READ_ONLY, &st);
	if (rc) {
		free(ids);
		return rc;
	}
	struct team_group grp;
	struct verror err;
	int failed = project ? team_load_project(st, project, clock_now(), &grp, &err)
	                     : team_load_ids(st, ids, nids, clock_now(), &grp, &err);
	free(ids);
	if (failed) {
		store_close(st);
		return cli_fail("team", &err);
	}
	int utf8 = cli_utf8_locale();
	if (output) {
		rc = team_report_write(f, &grp.rep, output, store_file(st), utf8, &err)
		             ? cli_fail("team", &err) : EXIT_OK;
	} else {
		struct strbuf out;
		strbuf_init(&out);
		team_render(f, &grp.rep, &out, utf8);
		rc = cli_write_stdout("team", strbuf_str(&out), out.len);
		strbuf_free(&out);
	}
	team_group_free(&grp);
	store_close(st);
	return rc;
}
