/* cli_option.c - what was wrong with a command-line option, said safely,
 * and the options of a command that takes only -h.
 *
 * getopt's own messages would echo a bad option to the terminal as typed,
 * escape sequences and all; main() turns them off (opterr) and the commands
 * say what went wrong with this, through text_printf(). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "text_print.h"
#include "xalloc.h"

void cli_bad_option(const char *cmd, char *const argv[], const struct option *longopts)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";
	/* "verdict CMD: ...", or plain "verdict: ..." for options given before
	 * any command (CMD NULL). */
	const char *sep = cmd ? " " : "";
	if (!cmd)
		cmd = "";
	int known = 0;
	for (const struct option *o = longopts; o->name; o++)
		known |= optopt != 0 && o->val == optopt;
	if (strncmp(arg, "--", 2) != 0 || (optopt != 0 && !known)) {
		/* A short option: unknown, or missing its value. */
		char opt[3] = { '-', (char)optopt, '\0' };
		text_printf(stderr, known ? "verdict%s%s: option '%s' needs a value\n"
		                          : "verdict%s%s: unknown option '%s'\n", sep, cmd, opt);
		return;
	}
	size_t n = strcspn(arg, "=");
	char *name = xstrndup(arg, n);
	if (known) {
		text_printf(stderr, "verdict%s%s: option '%s' %s\n", sep, cmd, name,
		            arg[n] ? "takes no value" : "needs a value");
	} else {
		size_t matches = 0;
		for (const struct option *o = longopts; o->name; o++)
			matches += strncmp(o->name, name + 2, n - 2) == 0;
		text_printf(stderr, "verdict%s%s: %s option '%s'\n", sep, cmd,
		            matches > 1 ? "ambiguous" : "unknown", name);
	}
	free(name);
}

int cli_bad_usage(const char *cmd, char *const argv[], const struct option *longopts,
                  void (*usage)(FILE *out))
{
	cli_bad_option(cmd, argv, longopts);
	usage(stderr);
	return EXIT_USAGE;
}

int cli_only_help(const char *cmd, int argc, char **argv, void (*usage)(FILE *out))
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	optind = 1;
	int ch = getopt_long(argc, argv, "h", longopts, NULL);
	if (ch == -1)
		return -1;
	if (ch == 'h') {
		usage(stdout);
		return EXIT_OK;
	}
	return cli_bad_usage(cmd, argv, longopts, usage);
}
