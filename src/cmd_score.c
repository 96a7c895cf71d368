/* cmd_score.c - verdict score: score an answers file against a criteria set
 * and print the recommendation as text, Markdown or JSON. */
#include <getopt.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "answers.h"
#include "cli.h"
#include "criteria_source.h"
#include "files.h"
#include "score.h"
#include "score_format.h"
#include "yaml_tree.h"

static void score_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict score [-c CRITERIA] -a ANSWERS [--format text|json|md]\n"
	        "\n"
	        "Scores the answers in ANSWERS (a YAML file, or - for standard input)\n"
	        "against a criteria set and prints the recommendation: which option fits,\n"
	        "how firmly, why, and what would change it.\n"
	        "\n"
	        "Options:\n"
	        "  -c, --criteria FILE  the criteria set (default: $VERDICT_CRITERIA, else\n"
	        "                       the built-in Node.js or Python set)\n"
	        "  -a, --answers FILE   the answers file: criteria, project, respondent,\n"
	        "                       notes, choices, weights (see docs/scoring.md)\n"
	        "  -f, --format FORMAT  text (default) for people, md for a Markdown\n"
	        "                       report, json for programs\n"
	        "  -h, --help           this help\n"
	        "\n"
	        "Exit status: 0 success, 1 invalid criteria or answers, 2 usage error,\n"
	        "3 output or memory failure.\n");
}

struct score_args {
	const char *criteria;   /* NULL for the default set */
	const char *answers;
	enum score_format format;
};

/* Reads the command line into A. Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct score_args *a)
{
	static const struct option longopts[] = {
		{ "criteria", required_argument, NULL, 'c' },
		{ "answers", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	memset(a, 0, sizeof *a);
	a->format = SCORE_FORMAT_TEXT;
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "c:a:f:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			a->criteria = optarg;
			break;
		case 'a':
			a->answers = optarg;
			break;
		case 'f':
			if (score_format_parse(optarg, &a->format)) {
				fprintf(stderr, "verdict score: unknown format '%s': use text, json or "
				        "md\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h':
			score_usage(stdout);
			return EXIT_OK;
		default:
			score_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "verdict score: unexpected argument '%s'\n", argv[optind]);
		score_usage(stderr);
		return EXIT_USAGE;
	}
	if (!a->answers) {
		fprintf(stderr, "verdict score: name the answers file with -a FILE (- for "
		        "standard input)\n");
		score_usage(stderr);
		return EXIT_USAGE;
	}
	if (a->criteria && strcmp(a->criteria, "-") == 0 && strcmp(a->answers, "-") == 0) {
		fprintf(stderr, "verdict score: the criteria and the answers cannot both come "
		        "from standard input\n");
		return EXIT_USAGE;
	}
	return -1;
}

/* Reads and parses the answers file PATH against C into *OUT. Errors go to
 * stderr. Returns 0 or an exit status. */
static int load_answers(const char *path, const struct criteria *c, struct session **out)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	char err[512];
	char *text;
	size_t len;
	int got = file_read_all(path, YAML_TREE_MAX_BYTES, &text, &len, err, sizeof err);
	if (got == -2) {
		fprintf(stderr, "%s:1:1: error: %s\n", name, err);
		return EXIT_INVALID;
	}
	if (got) {
		fprintf(stderr, "verdict score: %s\n", err);
		return EXIT_INVALID;
	}
	struct diags d;
	diags_init(&d, name);
	*out = answers_parse(text, len, c, &d);
	free(text);
	if (!*out)
		diags_print(&d, stderr);
	diags_free(&d);
	return *out ? EXIT_OK : EXIT_INVALID;
}

/* Whether the locale's characters are UTF-8, so that block bars display. */
static int locale_is_utf8(void)
{
	const char *codeset = nl_langinfo(CODESET);
	return codeset && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

static int print_result(enum score_format format, const struct criteria *c,
                        const struct session *s, const struct result *r)
{
	int failed = 0;
	switch (format) {
	case SCORE_FORMAT_TEXT:
		failed = score_write_text(stdout, c, s, r, locale_is_utf8());
		break;
	case SCORE_FORMAT_MD:
		failed = score_write_md(stdout, c, s, r);
		break;
	case SCORE_FORMAT_JSON: {
		json_t *doc = score_json(c, s, r);
		failed = !doc || json_dumpf(doc, stdout, JSON_INDENT(2)) || fputc('\n', stdout) == EOF;
		json_decref(doc);
		break;
	}
	}
	if (fflush(stdout) || failed || ferror(stdout)) {
		fprintf(stderr, "verdict score: could not write the result\n");
		return EXIT_STORAGE;
	}
	return EXIT_OK;
}

int cmd_score(int argc, char **argv, const struct global_opts *g)
{
	(void)g;
	struct score_args a;
	int status = parse_args(argc, argv, &a);
	if (status >= 0)
		return status;

	struct criteria_source src;
	if ((status = criteria_source_load(a.criteria, &src)))
		return status;
	const struct criteria *c = src.model;
	struct session *s = NULL;
	if ((status = load_answers(a.answers, c, &s))) {
		criteria_source_free(&src);
		return status;
	}

	struct result r;
	enum score_status st = score_session(c, s, &r);
	if (st != SCORE_OK) {
		fprintf(stderr, "verdict score: %s: %s\n",
		        strcmp(a.answers, "-") == 0 ? "<stdin>" : a.answers, score_status_message(st));
		status = st == SCORE_ALL_WEIGHTS_ZERO ? EXIT_INVALID : EXIT_STORAGE;
	} else {
		/* Saving the session (--save) belongs here: after scoring, before
		 * printing, with src, s and r in hand. */
		status = print_result(a.format, c, s, &r);
		result_free(&r);
	}
	session_free(s);
	criteria_source_free(&src);
	return status;
}
