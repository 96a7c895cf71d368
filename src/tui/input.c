/* input.c - keys from the terminal, characters decoded in the locale's encoding. */
#include "tui/input.h"

#include <curses.h>
#include <langinfo.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

/* Whether standard input has hung up or gone: poll() says so at once. */
static int hung_up(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	return poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

static void reset(struct input *in)
{
	memset(&in->state, 0, sizeof in->state);
	in->partial = 0;
}

enum input_kind input_read(struct input *in, wint_t *key)
{
	in->dropped = 0;
	for (;;) {
		int c = wgetch(stdscr);
		if (c == ERR)
			return hung_up() ? INPUT_HANGUP : INPUT_NONE;
		if (c >= KEY_MIN) {
			/* A character cut short by a function key is left out. */
			in->dropped = in->partial > 0;
			reset(in);
			*key = (wint_t)c;
			return INPUT_KEY;
		}
		char byte = (char)(unsigned char)c;
		wchar_t wc = 0;
		size_t n = mbrtowc(&wc, &byte, 1, &in->state);
		if (n == (size_t)-2) {
			in->partial++;
			continue;       /* more bytes of the same character */
		}
		if (n == (size_t)-1) {
			int had = in->partial;
			reset(in);
			if (!had)
				return INPUT_UNREADABLE;
			/* A character cut short, then a byte that may start afresh
			 * (Enter, a letter): only the cut one is lost. */
			in->dropped = 1;
			n = mbrtowc(&wc, &byte, 1, &in->state);
			if (n == (size_t)-2) {
				in->partial++;
				continue;
			}
			if (n == (size_t)-1) {
				reset(in);
				return INPUT_UNREADABLE;
			}
		}
		in->partial = 0;
#ifndef __STDC_ISO_10646__
		/* Only where wide characters are Unicode is one stored as typed. */
		if ((unsigned long)wc > 0x7f)
			return INPUT_UNREADABLE;
#endif
		*key = (wint_t)wc;
		return INPUT_CHAR;
	}
}

int input_ascii_only(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (!strcmp(cs, "ANSI_X3.4-1968") || !strcmp(cs, "ASCII") ||
	              !strcmp(cs, "US-ASCII"));
}
