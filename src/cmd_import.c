/* cmd_import.c - verdict import: sessions from other machines (JSON reports
 * and other databases) brought into this one, all or nothing. The reading
 * and every check are import.h's; this face only prints. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "import.h"
#include "store.h"
#include "text_print.h"
#include "xalloc.h"

static void import_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict import FILE... [--from-db PATH]\n"
	        "\n"
	        "Brings sessions answered on other machines into this database: each FILE\n"
	        "a JSON report ('verdict export ID --format json'), each --from-db PATH\n"
	        "another verdict database (read only: never written). A session keeps its\n"
	        "criteria text, answers, revisions and decision journal, and shows where it\n"
	        "came from in 'verdict list' and 'verdict show'.\n"
	        "\n"
	        "Everything is imported in one go or not at all: a damaged file (bad JSON,\n"
	        "a key missing, a criteria text or answers that do not match the report's\n"
	        "SHA-256 hashes, answers that do not fit their criteria) or a conflict\n"
	        "imports nothing. A session already here with the same answers is skipped,\n"
	        "so importing twice adds nothing; one already here whose answers, names,\n"
	        "notes or journal differ (changed since it was imported) is a conflict.\n"
	        "\n"
	        "  -F, --from-db PATH  import every session of database PATH (may be given\n"
	        "                      more than once)\n"
	        "  -h, --help          this help\n"
	        "\n"
	        "Exit status: 0 imported (or all already here), 1 a damaged or conflicting\n"
	        "input (nothing imported), 2 usage error, 3 storage failure.\n");
}

/* "session 7 (Acme, Alice)", the names cleaned when printed. */
static void print_who(const struct import_item *it)
{
	const char *p = it->s.project, *r = it->s.respondent;
	text_printf(stdout, "session %lld", it->source_id);
	if (p && r)
		text_printf(stdout, " (%s, %s)", p, r);
	else if (p || r)
		text_printf(stdout, " (%s)", p ? p : r);
}

int cmd_import(int argc, char **argv, const struct global_opts *g)
{
	static const struct option longopts[] = {
		{ "from-db", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char **dbs = xcalloc((size_t)argc + 1, sizeof *dbs);
	size_t ndbs = 0;
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "F:h", longopts, NULL)) != -1) {
		if (ch == 'F' && *optarg) {
			dbs[ndbs++] = optarg;
		} else if (ch == 'F') {
			free(dbs);
			text_printf(stderr, "verdict import: --from-db needs a path\n");
			return EXIT_USAGE;
		} else if (ch == 'h') {
			free(dbs);
			import_usage(stdout);
			return EXIT_OK;
		} else {
			free(dbs);
			return cli_bad_usage("import", argv, longopts, import_usage);
		}
	}
	if (optind == argc && ndbs == 0) {
		free(dbs);
		text_printf(stderr, "verdict import: name a JSON report to import, or --from-db "
		            "PATH\n");
		import_usage(stderr);
		return EXIT_USAGE;
	}
	char into[PATH_MAX];
	struct verror err;
	if (store_path(g->db, into, sizeof into, &err)) {
		free(dbs);
		return cli_fail("import", &err);
	}
	/* Every input read and checked before the database is opened. */
	struct import_batch b;
	import_batch_init(&b);
	int rc = EXIT_OK;
	for (int i = optind; rc == EXIT_OK && i < argc; i++) {
		struct diags d;
		if (import_read_report(argv[i], &b, &d, &err))
			rc = cli_fail_input("import", &d, &err);
		diags_free(&d);
	}
	for (size_t i = 0; rc == EXIT_OK && i < ndbs; i++)
		if (import_read_db(dbs[i], into, &b, &err))
			rc = cli_fail("import", &err);
	free(dbs);
	struct store *st = NULL;
	if (rc == EXIT_OK)
		rc = cli_open_store("import", g, 0, &st);
	struct import_outcome *out = xcalloc(b.n + 1, sizeof *out);
	if (rc == EXIT_OK && import_batch_store(st, &b, out, &err))
		rc = cli_fail("import", &err);
	if (rc == EXIT_OK) {
		size_t added = 0, skipped = 0;
		for (size_t i = 0; i < b.n; i++) {
			const struct import_item *it = &b.items[i];
			if (out[i].skipped) {
				skipped++;
				text_printf(stdout, "Skipped ");
				print_who(it);
				text_printf(stdout, " from %s: already here as session %lld\n", it->file,
				            out[i].id);
			} else {
				added++;
				text_printf(stdout, "Imported ");
				print_who(it);
				text_printf(stdout, " from %s as session %lld\n", it->file, out[i].id);
			}
		}
		text_printf(stdout, "%zu session%s imported, %zu already here.\n", added,
		            added == 1 ? "" : "s", skipped);
	}
	free(out);
	import_batch_free(&b);
	store_close(st);
	return rc;
}
