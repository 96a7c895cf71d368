/* yaml_text.c - positions in the text of a YAML file: lines and columns
 * (in characters) as libyaml and editors count them, and byte offsets. */
#include "yaml_text.h"

#include <string.h>

/* The byte offset where 1-based LINE starts. */
size_t yaml_text_line_start(const char *text, size_t len, int line)
{
	size_t i = 0;
	for (int l = 1; l < line && i < len; i++)
		if (text[i] == '\n')
			l++;
	return i;
}

/* The 1-based line and column (in characters) of byte OFFSET. A byte-order
 * mark at the start is not a character of the line, as for libyaml and for
 * editors. */
void yaml_text_position(const char *text, size_t len, size_t offset, int *line, int *column)
{
	int l = 1, c = 1;
	if (offset > len)
		offset = len;
	size_t i = 0;
	if (offset >= 3 && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (; i < offset; i++) {
		unsigned char ch = (unsigned char)text[i];
		if (ch == '\n') {
			l++;
			c = 1;
		} else if ((ch & 0xC0) != 0x80) {
			c++;            /* count characters, not continuation bytes */
		}
	}
	*line = l;
	*column = c;
}

/* The byte offset of 1-based LINE and COLUMN (in characters), as libyaml
 * marks them: a byte-order mark at the start is not counted. */
size_t yaml_text_offset(const char *text, size_t len, int line, int column)
{
	size_t i = yaml_text_line_start(text, len, line);
	if (i == 0 && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (int c = 1; c < column && i < len && text[i] != '\n'; c++) {
		i++;
		while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}
