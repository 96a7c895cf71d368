/* cmd_schema.c - verdict schema: the JSON Schema of criteria files or of
 * answers files, as docs/schema holds them (compiled in: build/cli_schemas.c). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "text_print.h"

static void schema_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict schema criteria|answers\n"
	        "\n"
	        "Prints the JSON Schema (draft-07) of criteria files or of answers files,\n"
	        "for editors that complete keys, show what each means and flag mistakes\n"
	        "as you type (yaml-language-server: VS Code, Neovim, Helix, Zed). Save it\n"
	        "beside your files and name it on the first line of each:\n"
	        "\n"
	        "  verdict schema criteria > criteria.schema.json\n"
	        "  # yaml-language-server: $schema=criteria.schema.json\n"
	        "\n"
	        "docs/criteria-format.md says more. 'verdict check' checks what a schema\n"
	        "cannot: unique ids, ratings naming the file's own options, the examples.\n"
	        "Exit status: 0, 2 on a usage error, 3 when the schema cannot be written.\n");
}

int cmd_schema(int argc, char **argv, const struct global_opts *g)
{
	(void)g;
	int status = cli_only_help("schema", argc, argv, schema_usage);
	if (status >= 0)
		return status;
	if (optind + 1 != argc) {
		text_printf(stderr, "verdict schema: name one kind of file, criteria or answers\n");
		schema_usage(stderr);
		return EXIT_USAGE;
	}
	const char *which = argv[optind];
	if (strcmp(which, "criteria") == 0)
		return cli_write_stdout("schema", criteria_schema, criteria_schema_len);
	if (strcmp(which, "answers") == 0)
		return cli_write_stdout("schema", answers_schema, answers_schema_len);
	text_printf(stderr, "verdict schema: unknown kind of file '%s'; use criteria or answers\n",
	            which);
	return EXIT_USAGE;
}
