/* cmd_check.c - verdict check: validate criteria files. */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "criteria_source.h"

static void check_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict check FILE...\n"
	        "\n"
	        "Checks criteria files and prints a one-line summary of each valid one.\n"
	        "Problems are printed as FILE:LINE:COLUMN: error: MESSAGE, all of a file's\n"
	        "at once. Exit status: 0 when every file is valid, 1 when any is not,\n"
	        "2 on a usage error, 3 when the summaries cannot be written.\n");
}

int cmd_check(int argc, char **argv, const struct global_opts *g)
{
	(void)g;
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (ch == 'h') {
			check_usage(stdout);
			return EXIT_OK;
		}
		check_usage(stderr);
		return EXIT_USAGE;
	}
	if (optind >= argc) {
		fprintf(stderr, "verdict check: name at least one criteria file\n");
		check_usage(stderr);
		return EXIT_USAGE;
	}
	int status = EXIT_OK;
	for (int i = optind; i < argc; i++) {
		struct criteria_source src;
		if (criteria_source_load(argv[i], &src)) {
			status = EXIT_INVALID;
			continue;
		}
		const struct criteria *c = src.model;
		printf("%s: ok: %s (%s): %zu options, %zu %s, %zu question%s\n", argv[i], c->id,
		       c->title, c->noptions, c->ncriteria, c->ncriteria == 1 ? "criterion" : "criteria",
		       c->nquestions, c->nquestions == 1 ? "" : "s");
		criteria_source_free(&src);
	}
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "verdict check: cannot write the summaries\n");
		return EXIT_STORAGE;
	}
	return status;
}
