/* cmd_selftest.c - verdict selftest: the engine against published cases
 * (selftest.h), each figure expected and computed, ok or MISS. */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "selftest.h"
#include "text_print.h"

static void selftest_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict selftest\n"
	        "\n"
	        "Checks the arithmetic of comparing in pairs and of the three methods of\n"
	        "adding up against published cases, and prints each figure as published\n"
	        "and as computed, ok or MISS. The cases and their sources are in\n"
	        "docs/scoring.md. Exit status: 0 when every figure matches, 1 on any\n"
	        "miss, 2 on a usage error, 3 when the report cannot be written.\n");
}

/* One figure: its name, the published value with its own decimals, the
 * computed one with three more, and the verdict. */
static void print_figure(const struct selftest_figure *f)
{
	int shown = f->decimals + 3;
	text_printf(stdout, "  %-26s expected %.*f  computed %.*f  %s\n", f->name, f->decimals,
	            f->expected, shown, f->computed, f->ok ? "ok" : "MISS");
}

int cmd_selftest(int argc, char **argv, const struct global_opts *g)
{
	(void)g;
	int status = cli_only_help("selftest", argc, argv, selftest_usage);
	if (status >= 0)
		return status;
	if (optind < argc) {
		text_printf(stderr, "verdict selftest: takes no arguments\n");
		selftest_usage(stderr);
		return EXIT_USAGE;
	}
	struct selftest_result r;
	selftest_run(&r);
	for (size_t k = 0; k < r.ncases; k++) {
		const struct selftest_case *c = &r.cases[k];
		if (k)
			text_printf(stdout, "\n");
		text_printf(stdout, "%s\n  source: %s\n", c->title, c->source);
		for (size_t i = 0; i < c->nfigures; i++)
			print_figure(&c->figures[i]);
	}
	if (r.nmisses == 0)
		text_printf(stdout, "\nselftest: all %zu cases pass (%zu figures)\n", r.ncases,
		            r.nfigures);
	else
		text_printf(stdout, "\nselftest: %zu of %zu figures MISS\n", r.nmisses, r.nfigures);
	return r.nmisses ? EXIT_INVALID : EXIT_OK;
}
