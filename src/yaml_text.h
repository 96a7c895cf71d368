/* yaml_text.h - positions in the text of a YAML file: 1-based lines, and
 * 1-based columns in characters, as libyaml and editors count them, beside
 * byte offsets. A byte-order mark at the start is not a character of the
 * first line. */
#ifndef VERDICT_YAML_TEXT_H
#define VERDICT_YAML_TEXT_H

#include <stddef.h>

/* The byte offset where LINE starts in TEXT (LEN bytes); LEN past the last. */
size_t yaml_text_line_start(const char *text, size_t len, int line);
/* The line and column of byte OFFSET of TEXT. */
void yaml_text_position(const char *text, size_t len, size_t offset, int *line, int *column);
/* The byte offset of LINE and COLUMN of TEXT (the end of the line when the
 * column is past it). */
size_t yaml_text_offset(const char *text, size_t len, int line, int column);

#endif
