/* cmd_diff.c - verdict diff: what differs between two saved sessions and
 * how each difference moved the result, or between two versions of a
 * criteria file. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "criteria_source.h"
#include "diff.h"
#include "diff_format.h"
#include "saved_session.h"
#include "store.h"
#include "text_print.h"
#include "xalloc.h"

static void diff_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict diff ID1 ID2 [--format text|json] [--exit-code]\n"
	        "       verdict diff --criteria OLD.yaml NEW.yaml [--examples] [--format text|json]\n"
	        "                    [--exit-code]\n"
	        "\n"
	        "Compares two saved sessions: what differs in their criteria text (criteria\n"
	        "added or removed, ratings, default weights and texts changed), their\n"
	        "answers and their weights, each session's result, and how much each\n"
	        "difference moved the margin between the two options that matter (the new\n"
	        "session's first option and the old session's, or its runner-up), as exact\n"
	        "Shapley values that add up to the whole change. It ends in one sentence\n"
	        "saying why the result moved.\n"
	        "\n"
	        "With --criteria, compares two versions of a criteria file (either may be a\n"
	        "pipe, as in <(git show HEAD~1:criteria/x.yaml)): the criteria added and\n"
	        "removed, the ratings, weights and texts changed.\n"
	        "\n"
	        "  -c, --criteria  compare two criteria files instead of two sessions\n"
	        "  -e, --examples  with --criteria: which calibration examples (of either\n"
	        "                  file, matched by name) change winner or strength\n"
	        "  -f, --format F  text (default) or json\n"
	        "      --exit-code exit 1 when there are differences, as 'git diff' does\n"
	        "  -h, --help      this help\n"
	        "\n"
	        "Exit status: 0 success (with --exit-code: 0 no differences, 1 differences),\n"
	        "1 an unknown session or an invalid criteria file, 2 usage error, 3 storage\n"
	        "or output failure.\n");
}

static int write_json(json_t *doc)
{
	char *dump = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (!dump)
		xalloc_die();
	text_puts(stdout, dump, TEXT_JSON);
	fputc('\n', stdout);
	free(dump);
	json_decref(doc);
	return EXIT_OK;
}

/* Writes the text report OUT (freed) to standard output. */
static int write_text(struct strbuf out)
{
	int rc = cli_write_stdout("diff", strbuf_str(&out), out.len);
	strbuf_free(&out);
	return rc;
}

static struct strbuf diff_text_criteria(const char *old_name, const struct criteria *a,
                                        const char *new_name, const struct criteria *b,
                                        const struct diff *d, const struct diff_example *ex,
                                        size_t nex)
{
	struct strbuf out;
	strbuf_init(&out);
	diff_write_criteria_text(&out, old_name, a, new_name, b, d, ex, nex);
	return out;
}

static struct strbuf diff_text_sessions(long long id1, const struct criteria *a, long long id2,
                                        const struct criteria *b, const struct session_diff *sd)
{
	struct strbuf out;
	strbuf_init(&out);
	diff_write_sessions_text(&out, id1, a, id2, b, sd);
	return out;
}

static int diff_criteria_files(const char *old_path, const char *new_path, int examples,
                               int json, int exit_code)
{
	struct criteria_source a, b;
	struct diags d;
	struct verror err;
	int rc = criteria_source_load(old_path, &a, &d, &err);
	if (rc) {
		rc = cli_fail_input("diff", &d, &err);
		diags_free(&d);
		return rc;
	}
	diags_free(&d);
	if (criteria_source_load(new_path, &b, &d, &err)) {
		rc = cli_fail_input("diff", &d, &err);
		diags_free(&d);
		criteria_source_free(&a);
		return rc;
	}
	diags_free(&d);
	struct diff df = { 0 };
	diff_criteria(a.model, b.model, &df);
	struct diff_example *ex = NULL;
	size_t nex = 0, changed = 0;
	if (examples) {
		nex = diff_examples(a.model, b.model, &ex);
		for (size_t i = 0; i < nex; i++)
			changed += ex[i].changed != 0;
	}
	if (json)
		write_json(diff_criteria_json(a.name, a.model, b.name, b.model, &df, ex, nex));
	else
		rc = write_text(diff_text_criteria(a.name, a.model, b.name, b.model, &df, ex, nex));
	if (rc == EXIT_OK && exit_code && (df.n || changed))
		rc = EXIT_INVALID;
	free(ex);
	diff_free(&df);
	criteria_source_free(&a);
	criteria_source_free(&b);
	return rc;
}

static int diff_sessions(const struct global_opts *g, long long id1, long long id2, int json,
                         int exit_code)
{
	struct store *st;
	int rc = cli_open_store("diff", g, STORE_OPEN_READ_ONLY, &st);
	if (rc)
		return rc;
	struct saved_session s1, s2;
	struct diags d;
	struct verror err;
	if (saved_session_load(st, id1, &s1, &d, &err)) {
		rc = cli_fail_input("diff", &d, &err);
		diags_free(&d);
		store_close(st);
		return rc;
	}
	diags_free(&d);
	if (saved_session_load(st, id2, &s2, &d, &err)) {
		rc = cli_fail_input("diff", &d, &err);
		diags_free(&d);
		saved_session_free(&s1);
		store_close(st);
		return rc;
	}
	diags_free(&d);
	store_close(st);
	struct session_diff sd;
	session_diff(s1.source.model, s1.session, s2.source.model, s2.session, &sd);
	if (json)
		write_json(diff_sessions_json(id1, s1.source.model, id2, s2.source.model, &sd));
	else
		rc = write_text(diff_text_sessions(id1, s1.source.model, id2, s2.source.model, &sd));
	if (rc == EXIT_OK && exit_code && sd.diff.n)
		rc = EXIT_INVALID;
	session_diff_free(&sd);
	saved_session_free(&s1);
	saved_session_free(&s2);
	return rc;
}

int cmd_diff(int argc, char **argv, const struct global_opts *g)
{
	enum { OPT_EXIT_CODE = 256 };
	static const struct option longopts[] = {
		{ "criteria", no_argument, NULL, 'c' },
		{ "examples", no_argument, NULL, 'e' },
		{ "format", required_argument, NULL, 'f' },
		{ "exit-code", no_argument, NULL, OPT_EXIT_CODE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int criteria = 0, examples = 0, json = 0, exit_code = 0, ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "cef:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			criteria = 1;
			break;
		case 'e':
			examples = 1;
			break;
		case 'f':
			if (strcmp(optarg, "json") == 0) {
				json = 1;
			} else if (strcmp(optarg, "text") == 0) {
				json = 0;
			} else {
				text_printf(stderr, "verdict diff: unknown format '%s': use text or json\n",
				            optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_EXIT_CODE:
			exit_code = 1;
			break;
		case 'h':
			diff_usage(stdout);
			return EXIT_OK;
		default:
			return cli_bad_usage("diff", argv, longopts, diff_usage);
		}
	}
	if (argc - optind != 2) {
		text_printf(stderr, "verdict diff: name two %s to compare\n",
		            criteria ? "criteria files" : "sessions");
		diff_usage(stderr);
		return EXIT_USAGE;
	}
	if (examples && !criteria) {
		text_printf(stderr, "verdict diff: --examples goes with --criteria\n");
		diff_usage(stderr);
		return EXIT_USAGE;
	}
	if (criteria)
		return diff_criteria_files(argv[optind], argv[optind + 1], examples, json, exit_code);
	long long id1, id2;
	if (cli_session_id("diff", argv[optind], &id1) ||
	    cli_session_id("diff", argv[optind + 1], &id2))
		return EXIT_USAGE;
	return diff_sessions(g, id1, id2, json, exit_code);
}
