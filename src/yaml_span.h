/* yaml_span.h - where an error in a YAML file ends. */
#ifndef VERDICT_YAML_SPAN_H
#define VERDICT_YAML_SPAN_H

#include <stddef.h>

#include "diag.h"

/* Fills in where each error of D from the FROMth on ends (its END_LINE and
 * END_COLUMN, the column just past the last character), when it has not
 * yet been said: the end of the word, the quoted text, the [...] or {...}
 * of TEXT (LEN bytes, the file the errors are about) that the error's
 * position starts. An error at the end of a line spans nothing. The text is
 * read once, whatever the number of errors. */
void yaml_spans(struct diags *d, size_t from, const char *text, size_t len);

#endif
