/* cmd_export.c - verdict export: a saved session as a report. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "export.h"
#include "saved_session.h"
#include "store.h"
#include "text_print.h"

static void export_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict export ID --format md|html|json|csv [-o FILE] [--draft]\n"
	        "\n"
	        "Writes a report of saved session ID: the criteria set, the answers, the\n"
	        "scores, the reasons, what would change the result, and SHA-256 hashes of\n"
	        "the criteria text and the answers.\n"
	        "\n"
	        "  -f, --format FMT   md (Markdown), html (one self-contained page with\n"
	        "                     charts, printable), json (verdict-report/1) or csv\n"
	        "  -o, --output FILE  write to FILE, atomically (a failed export leaves any\n"
	        "                     old FILE as it was); a FIFO, a device or /dev/stdout\n"
	        "                     is written in place; a database is never replaced;\n"
	        "                     without -o, or with -o -, standard output (./- names\n"
	        "                     a file called -)\n"
	        "  -d, --draft        report a session that is not finished, its result\n"
	        "                     marked as a draft; without it such a session has no\n"
	        "                     report (exit 1)\n"
	        "  -h, --help         this help\n"
	        "\n"
	        "'verdict list' shows the saved sessions. Exit status: 0 success, 1 unknown\n"
	        "session, no recommendation yet or a FILE refused (a database), 2 usage\n"
	        "error, 3 storage or I/O failure.\n");
}

static int export_session(const struct saved_session *ss, enum report_format f,
                          const char *output)
{
	struct verror err;
	if (output)
		return export_write_saved(f, output, ss, &err) ? cli_fail("export", &err) : EXIT_OK;
	struct result r;
	enum score_status st = score_session(ss->source.model, ss->session, &r);
	if (st != SCORE_OK) {
		verror_set(&err, VERROR_INPUT, "session %lld: %s", ss->stored.id,
		           score_status_message(st));
		return cli_fail("export", &err);
	}
	struct strbuf out;
	strbuf_init(&out);
	export_render_saved(f, ss, &r, clock_now(), &out);
	result_free(&r);
	int rc = cli_write_stdout("export", strbuf_str(&out), out.len);
	strbuf_free(&out);
	return rc;
}

int cmd_export(int argc, char **argv, const struct global_opts *g)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "draft", no_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = NULL, *output = NULL;
	int ch, draft = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "f:o:dh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			draft = 1;
			break;
		case 'f':
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			export_usage(stdout);
			return EXIT_OK;
		default:
			return cli_bad_usage("export", argv, longopts, export_usage);
		}
	}
	if (optind != argc - 1) {
		text_printf(stderr, "verdict export: name exactly one session id\n");
		export_usage(stderr);
		return EXIT_USAGE;
	}
	long long id;
	if (cli_session_id("export", argv[optind], &id))
		return EXIT_USAGE;
	enum report_format f;
	if (!format) {
		text_printf(stderr, "verdict export: say which format with --format md|html|json|csv\n");
		return EXIT_USAGE;
	}
	if (report_format_parse(format, &f)) {
		text_printf(stderr, "verdict export: unknown format '%s'; use md, html, json or csv\n",
		            format);
		return EXIT_USAGE;
	}
	if (output && !*output) {
		text_printf(stderr, "verdict export: -o needs a file name\n");
		return EXIT_USAGE;
	}
	if (output && strcmp(output, "-") == 0)
		output = NULL;          /* standard output, as without -o */

	struct store *st;
	int rc = cli_open_store("export", g, STORE_OPEN_READ_ONLY, &st);
	if (rc)
		return rc;
	struct saved_session ss;
	struct diags d;
	struct verror err;
	if (saved_session_load(st, id, &ss, &d, &err)) {
		rc = cli_fail_input("export", &d, &err);
	} else if (ss.stored.status != SESSION_COMPLETE && !draft) {
		/* Not finished: no recommendation to report, unless a draft is asked for. */
		fprintf(stderr, "verdict export: session %lld is not finished: no recommendation yet. "
		        "Use --draft to export the draft result.\n", id);
		rc = EXIT_INVALID;
		saved_session_free(&ss);
	} else if (f == REPORT_JSON && saved_session_load_revisions(st, &ss, &err)) {
		/* the JSON report carries the revisions, for `verdict import` */
		rc = cli_fail("export", &err);
		saved_session_free(&ss);
	} else {
		rc = export_session(&ss, f, output);
		saved_session_free(&ss);
	}
	diags_free(&d);
	store_close(st);
	return rc;
}
