/* cmd_new.c - verdict new: write a starter criteria set. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "files.h"
#include "starter.h"
#include "strbuf.h"
#include "text_print.h"

static void new_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict new FILE [--options \"A,B,C\"] [--criteria N]\n"
	        "\n"
	        "Writes a starter criteria set to FILE, a new file ('-' for standard output),\n"
	        "to edit into your own: every key explained in a comment, the options named,\n"
	        "a few criteria, one question about the project and one calibration example.\n"
	        "The set passes 'verdict check' as written. An existing FILE is never\n"
	        "replaced: remove it first, or give another name.\n"
	        "\n"
	        "  --options \"A,B,C\"  the options' names, 2 to 16, separated by commas (without\n"
	        "                     it, \"Option A,Option B\"); each option's id is made from\n"
	        "                     its name: \"Node.js\" gets node-js\n"
	        "  --criteria N       how many criteria, 1 to 50 (without it, 3)\n"
	        "\n"
	        "The set's id is made from FILE's name. Exit status: 0 success, 1 FILE\n"
	        "exists, 2 usage error, 3 the file could not be written.\n");
}

int cmd_new(int argc, char **argv, const struct global_opts *g)
{
	(void)g;
	static const struct option longopts[] = {
		{ "options", required_argument, NULL, 'o' },
		{ "criteria", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *options = NULL, *criteria = NULL;
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			options = optarg;
			break;
		case 'c':
			criteria = optarg;
			break;
		case 'h':
			new_usage(stdout);
			return EXIT_OK;
		default:
			return cli_bad_usage("new", argv, longopts, new_usage);
		}
	}
	if (optind >= argc) {
		text_printf(stderr, "verdict new: name the criteria file to write\n");
		new_usage(stderr);
		return EXIT_USAGE;
	}
	if (optind + 1 < argc) {
		text_printf(stderr, "verdict new: unexpected argument '%s'; name one file\n",
		            argv[optind + 1]);
		new_usage(stderr);
		return EXIT_USAGE;
	}
	const char *file = argv[optind];
	if (!*file) {
		text_printf(stderr, "verdict new: the file name is empty\n");
		return EXIT_USAGE;
	}
	struct strbuf text;
	struct verror err;
	strbuf_init(&text);
	if (starter_text(strcmp(file, "-") == 0 ? "decision" : file, options, criteria, &text,
	                 &err)) {
		strbuf_free(&text);
		return cli_fail("new", &err);
	}
	size_t len;
	char *data = strbuf_take(&text, &len);
	int status = EXIT_OK;
	if (strcmp(file, "-") == 0)
		status = cli_write_stdout("new", data, len);
	else if (file_create(file, data, len, &err))
		status = cli_fail("new", &err);
	else
		text_printf(stdout, "%s: written; edit it into your own set, then check it with "
		            "'verdict check'\n", file);
	free(data);
	return status;
}
