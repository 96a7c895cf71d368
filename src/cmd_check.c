/* cmd_check.c - verdict check: validate criteria files. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "criteria_source.h"
#include "examples.h"
#include "score_format.h"
#include "text_print.h"
#include "xalloc.h"
#include "yaml_span.h"
#include "yaml_tree.h"

static void check_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict check [--format text|json|github] FILE...\n"
	        "\n"
	        "Checks criteria files, runs the calibration examples each one carries,\n"
	        "and prints a one-line summary of each valid one. Problems and examples\n"
	        "that miss are printed as FILE:LINE:COLUMN: error: MESSAGE, all of a\n"
	        "file's at once. --format json prints one JSON object with every file and\n"
	        "every error (its position, its end, a stable code, the message and a\n"
	        "hint); --format github prints each error as a GitHub Actions annotation\n"
	        "(docs/criteria-format.md). Exit status: 0 when every file is valid and\n"
	        "every example passes, 1 when not, 2 on a usage error, 3 when the output\n"
	        "cannot be written.\n");
}

enum check_format { CHECK_TEXT, CHECK_JSON, CHECK_GITHUB };

/* What the check of each file leaves for the output: the JSON document's
 * parts, when JSON. */
struct check_out {
	enum check_format format;
	json_t *files;
	json_t *diagnostics;
};

/* The message of ERR, a failure to read FILE, without the "FILE: " it
 * starts with. */
static const char *without_file(const char *msg, const char *file)
{
	size_t n = strlen(file);
	if (strncmp(msg, file, n) == 0 && strncmp(msg + n, ": ", 2) == 0)
		return msg + n + 2;
	return msg;
}

/* Says that FILE failed: its errors D, or ERR when it has none. */
static void failed(struct check_out *o, const char *file, struct diags *d,
                   const struct verror *err)
{
	const char *name = d->count ? d->file : file;
	switch (o->format) {
	case CHECK_TEXT:
		cli_fail_input("check", d, err);
		break;
	case CHECK_JSON:
		if (d->count)
			cli_diags_json(o->diagnostics, d);
		else
			cli_diag_json_whole(o->diagnostics, name, "cannot-read",
			                    without_file(err->msg, name));
		break;
	case CHECK_GITHUB:
		if (d->count)
			cli_diags_github(stdout, d);
		else
			cli_diag_github_whole(stdout, name, "cannot-read",
			                      without_file(err->msg, name));
		break;
	}
	if (o->format == CHECK_JSON) {
		json_t *f = json_object();
		json_object_set_new(f, "file", score_json_text(name));
		json_object_set_new(f, "valid", json_false());
		json_object_set_new(f, "errors", json_integer((json_int_t)(d->count ? d->count +
		                                                d->dropped : 1)));
		json_array_append_new(o->files, f);
	}
}

/* Says that FILE, the criteria C, is valid. */
static void passed(struct check_out *o, const char *file, const struct criteria *c)
{
	if (o->format == CHECK_JSON) {
		json_t *f = json_object();
		json_object_set_new(f, "file", score_json_text(file));
		json_object_set_new(f, "valid", json_true());
		json_object_set_new(f, "errors", json_integer(0));
		json_array_append_new(o->files, f);
		return;
	}
	char examples[48] = "";
	if (c->nexamples)
		snprintf(examples, sizeof examples, ", %zu example%s passed", c->nexamples,
		         c->nexamples == 1 ? "" : "s");
	text_printf(stdout, "%s: ok: %s (%s): %zu options, %zu %s, %zu question%s%s\n", file,
	            c->id, c->title, c->noptions, c->ncriteria,
	            c->ncriteria == 1 ? "criterion" : "criteria", c->nquestions,
	            c->nquestions == 1 ? "" : "s", examples);
}

/* Checks FILE. Returns 0 when it is valid and its examples pass. */
static int check_file(struct check_out *o, const char *file)
{
	struct criteria_source src;
	struct diags d;
	struct verror err;
	if (criteria_source_load(file, &src, &d, &err)) {
		failed(o, file, &d, &err);
		diags_free(&d);
		return -1;
	}
	diags_free(&d);
	const struct criteria *c = src.model;
	diags_init(&d, src.name);
	int rc = 0;
	if (examples_check(c, &d) > 0) {
		yaml_spans(&d, 0, src.text, src.len);
		verror_set(&err, VERROR_INPUT, "%s: examples missed", src.name);
		failed(o, file, &d, &err);
		rc = -1;
	} else {
		passed(o, file, c);
	}
	diags_free(&d);
	criteria_source_free(&src);
	return rc;
}

int cmd_check(int argc, char **argv, const struct global_opts *g)
{
	(void)g;
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text";
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "f:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			format = optarg;
			break;
		case 'h':
			check_usage(stdout);
			return EXIT_OK;
		default:
			return cli_bad_usage("check", argv, longopts, check_usage);
		}
	}
	struct check_out o = { CHECK_TEXT, NULL, NULL };
	if (strcmp(format, "json") == 0) {
		o.format = CHECK_JSON;
	} else if (strcmp(format, "github") == 0) {
		o.format = CHECK_GITHUB;
	} else if (strcmp(format, "text") != 0) {
		text_printf(stderr, "verdict check: unknown format '%s'; use text, json or github\n",
		            format);
		return EXIT_USAGE;
	}
	if (optind >= argc) {
		text_printf(stderr, "verdict check: name at least one criteria file\n");
		check_usage(stderr);
		return EXIT_USAGE;
	}
	if (o.format == CHECK_JSON) {
		o.files = json_array();
		o.diagnostics = json_array();
	}
	/* Every file is checked; any that fails makes the status 1. */
	int status = EXIT_OK;
	for (int i = optind; i < argc; i++)
		if (check_file(&o, argv[i]))
			status = EXIT_INVALID;
	if (o.format == CHECK_JSON) {
		json_t *doc = json_object();
		json_object_set_new(doc, "version", json_integer(1));
		json_object_set_new(doc, "valid", json_boolean(status == EXIT_OK));
		json_object_set_new(doc, "files", o.files);
		json_object_set_new(doc, "diagnostics", o.diagnostics);
		char *dump = json_dumps(doc, JSON_INDENT(2));
		json_decref(doc);
		if (!dump)
			xalloc_die();
		text_puts(stdout, dump, TEXT_JSON);
		text_puts(stdout, "\n", TEXT_JSON);
		free(dump);
	}
	return status;
}
