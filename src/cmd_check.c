/* cmd_check.c - verdict check: validate criteria files. */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "criteria_source.h"
#include "examples.h"
#include "text_print.h"
#include "xalloc.h"

static void check_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict check FILE...\n"
	        "\n"
	        "Checks criteria files, runs the calibration examples each one carries,\n"
	        "and prints a one-line summary of each valid one. Problems and examples\n"
	        "that miss are printed as FILE:LINE:COLUMN: error: MESSAGE, all of a\n"
	        "file's at once. Exit status: 0 when every file is valid and every example\n"
	        "passes, 1 when not, 2 on a usage error, 3 when the summaries cannot be\n"
	        "written.\n");
}

int cmd_check(int argc, char **argv, const struct global_opts *g)
{
	(void)g;
	int status = cli_only_help("check", argc, argv, check_usage);
	if (status >= 0)
		return status;
	if (optind >= argc) {
		text_printf(stderr, "verdict check: name at least one criteria file\n");
		check_usage(stderr);
		return EXIT_USAGE;
	}
	/* Every file is checked; any that fails makes the status 1. */
	status = EXIT_OK;
	for (int i = optind; i < argc; i++) {
		struct criteria_source src;
		struct diags d;
		struct verror err;
		int rc = criteria_source_load(argv[i], &src, &d, &err);
		if (rc)
			cli_fail_input("check", &d, &err);
		diags_free(&d);
		if (rc) {
			status = EXIT_INVALID;
			continue;
		}
		const struct criteria *c = src.model;
		diags_init(&d, src.name);
		size_t missed = examples_check(c, &d);
		if (missed > 0) {
			diags_print(&d, stderr);
			status = EXIT_INVALID;
		} else {
			char examples[48] = "";
			if (c->nexamples)
				snprintf(examples, sizeof examples, ", %zu example%s passed",
				         c->nexamples, c->nexamples == 1 ? "" : "s");
			text_printf(stdout, "%s: ok: %s (%s): %zu options, %zu %s, %zu question%s%s\n", argv[i],
			            c->id, c->title, c->noptions, c->ncriteria,
			            c->ncriteria == 1 ? "criterion" : "criteria", c->nquestions,
			            c->nquestions == 1 ? "" : "s", examples);
		}
		diags_free(&d);
		criteria_source_free(&src);
	}
	return status;
}
