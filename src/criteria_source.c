/* criteria_source.c - finding, reading and loading a criteria set. */
#include "criteria_source.h"

#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "xalloc.h"
#include "yaml_tree.h"

/* Parses TEXT (LEN bytes, NUL-terminated; SRC's to free when OWN) as
 * criteria NAME into SRC, the errors into D, already started. */
static int parse(const char *name, const char *text, char *own, size_t len,
                 struct criteria_source *src, struct diags *d, struct verror *err)
{
	src->name = xstrdup(name);
	src->text = text;
	src->own_text = own;
	src->len = len;
	src->model = criteria_parse(text, len, d);
	if (src->model)
		return 0;
	criteria_source_free(src);
	return diags_fail(d, err);
}

/* TEXT (LEN bytes) as a new NUL-terminated string. */
static char *copy_text(const char *text, size_t len)
{
	char *copy = xmalloc(len + 1);
	memcpy(copy, text, len);
	copy[len] = '\0';
	return copy;
}

int criteria_source_adopt(const char *name, char *text, size_t len,
                          struct criteria_source *src, struct diags *d, struct verror *err)
{
	struct diags own;
	if (!d)
		d = &own;
	memset(src, 0, sizeof *src);
	diags_init(d, name);
	int rc = parse(name, text, text, len, src, d, err);
	if (d == &own)
		diags_free(&own);
	return rc;
}

int criteria_source_from_text(const char *name, const char *text, size_t len,
                              struct criteria_source *src, struct diags *d,
                              struct verror *err)
{
	return criteria_source_adopt(name, copy_text(text, len), len, src, d, err);
}

int criteria_source_load(const char *path, struct criteria_source *src, struct diags *d,
                         struct verror *err)
{
	struct diags own;
	if (!d)
		d = &own;
	memset(src, 0, sizeof *src);
	int rc;
	if (path && !*path) {
		/* An empty name given on the command line is a mistake, not a wish
		 * for the default set; an empty VERDICT_CRITERIA is unset. */
		diags_init(d, "");
		rc = verror_set(err, VERROR_USAGE, "a criteria file name cannot be empty; leave out "
		                "-c for the default set");
	} else {
		if (!path)
			path = getenv("VERDICT_CRITERIA");
		if (!path || !*path) {
			diags_init(d, CRITERIA_BUILTIN_NAME);
			rc = parse(CRITERIA_BUILTIN_NAME, default_criteria, NULL,
			           default_criteria_len, src, d, err);
		} else {
			char *text;
			size_t len;
			rc = file_read_input(path, YAML_TREE_MAX_BYTES, &text, &len, d, err);
			if (rc == 0)
				rc = parse(file_input_name(path), text, text, len, src, d, err);
		}
	}
	if (d == &own)
		diags_free(&own);
	return rc;
}

void criteria_source_free(struct criteria_source *src)
{
	criteria_free(src->model);
	free(src->name);
	free(src->own_text);
	memset(src, 0, sizeof *src);
}
