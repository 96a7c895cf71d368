/* cli_hint.c - the database's words in a command that a message suggests
 * (cli.h). */
#include <string.h>

#include "cli.h"

const char *cli_db_words(const char *db, char *buf, size_t len)
{
	static const char unknown[] = "--db PATH ";
	if (!len)
		return buf;
	buf[0] = '\0';
	if (!db)
		return buf;
	size_t n = 0;
	const char *head = "--db '";
	for (const char *h = head; *h && n + 1 < len; h++)
		buf[n++] = *h;
	for (const char *s = db; *s; s++) {
		const char *piece = *s == '\'' ? "'\\''" : NULL;
		size_t plen = piece ? strlen(piece) : 1;
		if (n + plen + 3 > len)
			goto too_long;
		if (piece) {
			memcpy(buf + n, piece, plen);
		} else {
			buf[n] = *s;
		}
		n += plen;
	}
	if (n + 3 > len)
		goto too_long;
	buf[n++] = '\'';
	buf[n++] = ' ';
	buf[n] = '\0';
	return buf;
too_long:
	if (len >= sizeof unknown)
		memcpy(buf, unknown, sizeof unknown);
	else
		buf[0] = '\0';
	return buf;
}
