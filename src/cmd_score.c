/* cmd_score.c - verdict score: score an answers file against a criteria set
 * and print the recommendation: text for people and the score JSON from
 * score_format.h, or the Markdown, HTML and CSV reports from export.h. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "answers.h"
#include "cli.h"
#include "cli_report.h"
#include "cli_pdf.h"
#include "clock.h"
#include "criteria_groups.h"
#include "criteria_source.h"
#include "export.h"
#include "export_pdf.h"
#include "files.h"
#include "score.h"
#include "score_format.h"
#include "session.h"
#include "store.h"
#include "yaml_tree.h"
#include "text_print.h"
#include "xalloc.h"

static void score_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict score [-c CRITERIA] -a ANSWERS [--format FORMAT] [--save]\n"
	        "                     [--prepared-by TEXT] [--prepared-for TEXT] [--logo FILE.png]\n"
	        "                     [--paper a4|letter] [--brief] [--excel]\n"
	        "\n"
	        "Scores the answers in ANSWERS (a YAML file, or - for standard input)\n"
	        "against a criteria set and prints the recommendation: which option fits,\n"
	        "how firmly, why, and what would change it.\n"
	        "\n"
	        "Options:\n"
	        "  -c, --criteria FILE  the criteria set (default: $VERDICT_CRITERIA, else\n"
	        "                       the built-in Node.js or Python set)\n"
	        "  -a, --answers FILE   the answers file (YAML; its keys below)\n"
	        "  -f, --format FORMAT  text (default) for people; json for programs;\n"
	        "                       md, html, csv or pdf for the report 'verdict\n"
	        "                       export' writes of a saved session (pdf to a file\n"
	        "                       or a pipe, never a terminal)\n"
	        "  -s, --save           also keep the result as a complete session in the\n"
	        "                       database (--db, $VERDICT_DB, or the default) and\n"
	        "                       print its id on standard error\n"
	        "  -h, --help           this help\n"
	        "\n"
	        CLI_REPORT_USAGE
	        "\n"
	        "The answers file's keys, each optional (docs/scoring.md, \"The answers\n"
	        "file\"):\n"
	        "  criteria: ID         the criteria set's id, which must match\n"
	        "  project, respondent, notes: TEXT\n"
	        "  choices: { QUESTION: CHOICE, ... }  the answers to the profile questions\n"
	        "  weights: { CRITERION: WEIGHT, ... }  how much each criterion matters, or\n"
	        "  pairwise: [[speed, syntax, 3], ...]  criteria (or groups) compared two at\n"
	        "                       a time: here speed matters 3 times as much as syntax\n"
	        "                       (Saaty's scale, 1 to 9 or 1/2 to 1/9)\n"
	        "\n"
	        "Exit status: 0 success, 1 invalid criteria or answers, 2 usage error,\n"
	        "3 storage, output or memory failure.\n");
}

/* What to print: the text report, the score JSON, or an export report. */
enum score_output {
	OUTPUT_TEXT,
	OUTPUT_JSON,
	OUTPUT_REPORT,
};

struct score_args {
	const char *criteria;   /* NULL for the default set */
	const char *answers;
	enum score_output output;
	enum report_format report;  /* for OUTPUT_REPORT */
	int save;               /* --save */
	struct cli_report rep;  /* the report's options (OUTPUT_REPORT) */
};

/* NAME as an output into A; -1 for an unknown name. */
static int parse_format(const char *name, struct score_args *a)
{
	if (strcmp(name, "text") == 0)
		a->output = OUTPUT_TEXT;
	else if (strcmp(name, "json") == 0)
		a->output = OUTPUT_JSON;
	else if (report_format_parse(name, &a->report) == 0)
		a->output = OUTPUT_REPORT;
	else
		return -1;
	return 0;
}

/* Reads the command line into A. Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct score_args *a)
{
	static const struct option longopts[] = {
		{ "criteria", required_argument, NULL, 'c' },
		{ "answers", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ "save", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		CLI_REPORT_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	memset(a, 0, sizeof *a);
	a->output = OUTPUT_TEXT;
	cli_report_init(&a->rep);
	int ch, taken;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "c:a:f:sh", longopts, NULL)) != -1) {
		if ((taken = cli_report_option("score", ch, optarg, &a->rep)) != 0) {
			if (taken < 0)
				return EXIT_USAGE;
			continue;
		}
		switch (ch) {
		case 's':
			a->save = 1;
			break;
		case 'c':
			a->criteria = optarg;
			break;
		case 'a':
			a->answers = optarg;
			break;
		case 'f':
			if (parse_format(optarg, a)) {
				text_printf(stderr, "verdict score: unknown format '%s': use text, json, md, "
				            "html, csv or pdf\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h':
			score_usage(stdout);
			return EXIT_OK;
		default:
			return cli_bad_usage("score", argv, longopts, score_usage);
		}
	}
	if (optind < argc) {
		text_printf(stderr, "verdict score: unexpected argument '%s'\n", argv[optind]);
		score_usage(stderr);
		return EXIT_USAGE;
	}
	if (!a->answers) {
		text_printf(stderr, "verdict score: name the answers file with -a FILE (- for "
		            "standard input)\n");
		score_usage(stderr);
		return EXIT_USAGE;
	}
	if (a->rep.opts.excel && (a->output != OUTPUT_REPORT || a->report != REPORT_CSV)) {
		text_printf(stderr, "verdict score: --excel is for --format csv\n");
		return EXIT_USAGE;
	}
	if (a->criteria && strcmp(a->criteria, "-") == 0 && strcmp(a->answers, "-") == 0) {
		text_printf(stderr, "verdict score: the criteria and the answers cannot both come "
		            "from standard input\n");
		return EXIT_USAGE;
	}
	return -1;
}

/* Reads and parses the answers file PATH against C into *OUT, read as a
 * criteria file is (file_read_input()). Returns 0, or an exit status having
 * said why. */
static int load_answers(const char *path, const struct criteria *c, struct session **out)
{
	char *text;
	size_t len;
	struct diags d;
	struct verror err;
	int status = EXIT_OK;
	*out = NULL;
	if (file_read_input(path, YAML_TREE_MAX_BYTES, &text, &len, &d, &err) == 0) {
		*out = answers_parse(text, len, c, &d);
		free(text);
		if (!*out)
			diags_fail(&d, &err);
	}
	if (!*out)
		status = cli_fail_input("score", &d, &err);
	diags_free(&d);
	return status;
}

/* Keeps the scored session as a complete session in one transaction, and
 * says its id on stderr, so that stdout holds only the result. Returns an
 * exit status. */
static int save_session(const struct global_opts *g, const struct criteria_source *src,
                        const struct session *s, const struct result *r)
{
	const struct criteria *c = src->model;
	struct stored_choice *choices = xcalloc(c->nquestions, sizeof *choices);
	struct stored_weight *weights = xcalloc(c->ncriteria, sizeof *weights);
	struct stored_judgment *judgments = xcalloc(s->njudgments ? s->njudgments : 1,
	                                            sizeof *judgments);
	struct criteria_groups groups;
	criteria_groups_init(&groups, c);
	struct stored_session in = {
		.criteria_name = src->name,
		.criteria_text = (char *)src->text,  /* only read by a save */
		.criteria_len = src->len,
		.criteria_id = c->id,
		.criteria_title = c->title,
		.project = s->project,
		.respondent = s->respondent,
		.notes = s->notes,
		.winner_name = r->winner >= 0 ? c->options[r->winner].name : NULL,
		.status = SESSION_COMPLETE,
		.strength = strength_name(r->strength),
		.margin = r->margin,
		/* On its results, where every face opens a finished session. */
		.step = session_results_step(c, s->weighting),
		.choices = choices,
		.weights = weights,
		.weighting = s->weighting == WEIGHTING_PAIRWISE ? "pairwise" : "ratings",
		.judgments = judgments,
	};
	for (size_t q = 0; q < c->nquestions; q++)
		if (s->choices[q] >= 0)
			choices[in.nchoices++] = (struct stored_choice){
				c->questions[q].id, c->questions[q].choices[s->choices[q]].id };
	for (size_t i = 0; i < c->ncriteria; i++)
		if (s->weight_set[i])
			weights[in.nweights++] = (struct stored_weight){ c->criteria[i].id,
			                                                 s->weights[i] };
	/* Comparisons by name: criteria by id, groups by their name. */
	for (size_t i = 0; i < s->njudgments; i++) {
		const struct judgment *j = &s->judgments[i];
		int by_group = j->level == JUDGE_GROUPS;
		judgments[in.njudgments++] = (struct stored_judgment){
			.level = by_group ? "groups" : "criteria",
			.a = (char *)(by_group ? groups.names[j->a] : c->criteria[j->a].id),
			.b = (char *)(by_group ? groups.names[j->b] : c->criteria[j->b].id),
			.value = j->value,
		};
	}
	struct store *st;
	int status = cli_open_store("score", g, 0, &st);
	long long id = 0;
	if (status == EXIT_OK) {
		if (store_create_whole(st, &in, &id)) {
			status = cli_fail("score", store_error(st));
		} else {
			text_printf(stderr, "saved as session %lld\n", id);
		}
		store_close(st);
	}
	free(choices);
	free(weights);
	free(judgments);
	criteria_groups_free(&groups);
	return status;
}

/* Prints the result of SRC's criteria and session S as A asks. Returns an
 * exit status; a failed write of the text or JSON is main()'s to say
 * (close_stdout()). */
static int print_result(const struct score_args *a, const struct criteria_source *src,
                        const struct session *s, const struct result *r)
{
	int status = EXIT_OK;
	switch (a->output) {
	case OUTPUT_TEXT:
		score_write_text(stdout, src->model, s, r, cli_utf8_locale());
		break;
	case OUTPUT_JSON: {
		json_t *doc = score_json(src->model, s, r);
		/* jansson escapes the C0 controls; text_puts() the C1 and
		 * bidirectional ones, as JSON escapes of the same characters. */
		char *dump = doc ? json_dumps(doc, JSON_INDENT(2)) : NULL;
		if (!dump)
			xalloc_die();   /* jansson fails only for memory here */
		text_puts(stdout, dump, TEXT_JSON);
		fputc('\n', stdout);
		free(dump);
		json_decref(doc);
		break;
	}
	case OUTPUT_REPORT: {
		struct strbuf out;
		strbuf_init(&out);
		struct verror err;
		if (export_render_result(a->report, src, s, r, NULL, clock_now(), &a->rep.opts, &out,
		                         &err))
			status = cli_fail("score", &err);
		else
			status = cli_write_stdout("score", strbuf_str(&out), out.len);
		strbuf_free(&out);
		break;
	}
	}
	return status;
}

/* Scores as A asks. Returns an exit status. */
static int score_run(const struct score_args *args, const struct global_opts *g)
{
	const struct score_args a = *args;
	int status = -1;
	struct criteria_source src;
	struct diags d;
	struct verror err;
	if (criteria_source_load(a.criteria, &src, &d, &err))
		status = cli_fail_input("score", &d, &err);
	diags_free(&d);
	if (status >= 0)
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
		verror_set(&err, VERROR_INPUT, "%s: %s", file_input_name(a.answers),
		           score_status_message(st));
		status = cli_fail("score", &err);
	} else {
		/* Saved before printing: a result is never shown as kept when it
		 * was not. */
		status = a.save ? save_session(g, &src, s, &r) : EXIT_OK;
		if (status == EXIT_OK)
			status = print_result(&a, &src, s, &r);
		result_free(&r);
	}
	session_free(s);
	criteria_source_free(&src);
	return status;
}

int cmd_score(int argc, char **argv, const struct global_opts *g)
{
	struct score_args a;
	int status = parse_args(argc, argv, &a);
	if (status < 0 && a.output == OUTPUT_REPORT) {
		/* The config file's defaults, before any work is done. */
		status = cli_report_defaults("score", &a.rep);
		if (status == EXIT_OK)
			status = -1;
	}
	if (status < 0 && a.output == OUTPUT_REPORT && a.report == REPORT_PDF) {
		if (isatty(STDOUT_FILENO)) {
			text_printf(stderr, "verdict score: a PDF is not for a terminal: send standard "
			            "output to a file or a pipe\n");
			status = EXIT_USAGE;
		} else if (!export_pdf_here()) {
			/* The PDF renderer is verdict-pdf's (export_pdf.h): the same command there. */
			status = cli_pdf_exec("score", argc, argv, g);
		}
	}
	if (status < 0)
		status = score_run(&a, g);
	cli_report_free(&a.rep);
	return status;
}
