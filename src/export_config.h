/* export_config.h - the defaults of a person's reports, from a small YAML
 * file (the command line finds it: $XDG_CONFIG_HOME/verdict/config.yaml).
 *
 *   prepared_by: Dana Reyes, Reyes Consulting
 *   prepared_for: Northwind Traders
 *   logo: logo.png        # a PNG file; relative to the file's directory
 *   paper: a4             # or letter
 *
 * Every key is optional; an empty file gives no defaults. It is read with
 * the YAML reader and the checks of criteria files (yaml_tree.h, schema.h):
 * an unknown key (with the nearest known one), a value of the wrong kind or
 * a paper other than a4 or letter is a positioned error. */
#ifndef VERDICT_EXPORT_CONFIG_H
#define VERDICT_EXPORT_CONFIG_H

#include <stddef.h>

#include "diag.h"
#include "report.h"

struct export_config {
	char *prepared_by;      /* owned; NULL when not given */
	char *prepared_for;     /* owned; NULL when not given */
	char *logo;             /* owned, as written in the file; NULL when not given */
	int has_paper;          /* whether paper was given */
	enum report_paper paper;
};

/* Parses LEN bytes of TEXT into CFG (all of it NULL and 0 first). Returns 0,
 * or -1 with every error in D (CFG then holds nothing). The caller frees CFG
 * with export_config_free() either way. */
int export_config_parse(const char *text, size_t len, struct export_config *cfg,
                        struct diags *d);
void export_config_free(struct export_config *cfg);

#endif
