/* cli_locale.c - whether the terminal's characters are UTF-8: the one rule. */
#include <langinfo.h>
#include <strings.h>

#include "cli.h"

int cli_utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0);
}
