/* yaml_syntax.h - libyaml's syntax errors in words a person can act on. */
#ifndef VERDICT_YAML_SYNTAX_H
#define VERDICT_YAML_SYNTAX_H

#include <stddef.h>
#include <yaml.h>

#include "diag.h"

/* Reports into D the scanner or parser error that stopped P on TEXT (LEN
 * bytes): when the line it stopped at is indented with a tab, that line
 * and every later one indented with a tab ("tab-indent"); else libyaml's
 * words ("YAML syntax: PROBLEM (CONTEXT that started at line N)") with a
 * plain hint for the commonest slips. */
void yaml_syntax_error(struct diags *d, const char *text, size_t len, const yaml_parser_t *p);

#endif
