/* criteria_source.c - finding, reading and loading a criteria set. */
#include "criteria_source.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "files.h"
#include "yaml_tree.h"
#include "text_print.h"

int criteria_source_from_text(const char *name, const char *text, size_t len,
                              struct criteria_source *src)
{
	memset(src, 0, sizeof *src);
	src->name = strdup(name);
	src->text = malloc(len + 1);
	if (!src->name || !src->text) {
		text_printf(stderr, "verdict: out of memory\n");
		criteria_source_free(src);
		return EXIT_STORAGE;
	}
	memcpy(src->text, text, len);
	src->text[len] = '\0';
	src->len = len;
	struct diags d;
	diags_init(&d, name);
	src->model = criteria_parse(src->text, len, &d);
	if (!src->model) {
		diags_print(&d, stderr);
		diags_free(&d);
		criteria_source_free(src);
		return EXIT_INVALID;
	}
	diags_free(&d);
	return EXIT_OK;
}

int criteria_source_load(const char *path, struct criteria_source *src)
{
	/* An empty name given on the command line is a mistake, not a wish
	 * for the default set; an empty VERDICT_CRITERIA is unset. */
	if (path && !*path) {
		memset(src, 0, sizeof *src);
		fprintf(stderr, "verdict: a criteria file name cannot be empty; leave out -c for "
		        "the default set\n");
		return EXIT_USAGE;
	}
	if (!path)
		path = getenv("VERDICT_CRITERIA");
	if (!path || !*path)
		return criteria_source_from_text(CRITERIA_BUILTIN_NAME, default_criteria,
		                                 default_criteria_len, src);
	char err[512];
	char *text;
	size_t len;
	/* Standard input is named as verdict score names it. */
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	int got = file_read_all(path, YAML_TREE_MAX_BYTES, &text, &len, err, sizeof err);
	if (got == -2) {
		text_printf(stderr, "%s:1:1: error: %s\n", name, err);
		return EXIT_INVALID;
	}
	if (got) {
		text_printf(stderr, "verdict: %s\n", err);
		return EXIT_INVALID;
	}
	int rc = criteria_source_from_text(name, text, len, src);
	free(text);
	return rc;
}

void criteria_source_free(struct criteria_source *src)
{
	criteria_free(src->model);
	free(src->name);
	free(src->text);
	memset(src, 0, sizeof *src);
}
