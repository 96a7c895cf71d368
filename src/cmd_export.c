/* cmd_export.c - verdict export: a saved session as a report. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli_report.h"
#include "cli_pdf.h"
#include "clock.h"
#include "export.h"
#include "export_pdf.h"
#include "saved_session.h"
#include "store.h"
#include "text_print.h"

static void export_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict export ID --format md|html|json|csv|pdf [-o FILE] [--draft]\n"
	        "                      [--prepared-by TEXT] [--prepared-for TEXT] [--logo FILE.png]\n"
	        "                      [--paper a4|letter] [--brief] [--excel]\n"
	        "\n"
	        "Writes a report of saved session ID: the criteria set, the answers, the\n"
	        "scores, the reasons, what would change the result, and SHA-256 hashes of\n"
	        "the criteria text and the answers.\n"
	        "\n"
	        "  -f, --format FMT   md (Markdown), html (one self-contained page with\n"
	        "                     charts, printable), json (verdict-report/1), csv or\n"
	        "                     pdf (pages to send, drawn by verdict-pdf; to a file\n"
	        "                     or a pipe, never a terminal)\n"
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
	        CLI_REPORT_USAGE
	        "\n"
	        "'verdict list' shows the saved sessions. Exit status: 0 success, 1 unknown\n"
	        "session, no recommendation yet, a FILE refused (a database), a logo\n"
	        "refused or a config file with errors, 2 usage error, 3 storage or I/O\n"
	        "failure.\n");
}

static int export_session(const struct saved_session *ss, enum report_format f,
                          const char *output, const struct export_options *opts)
{
	struct verror err;
	if (output)
		return export_write_saved(f, output, ss, opts, &err) ? cli_fail("export", &err)
		                                                     : EXIT_OK;
	struct result r;
	enum score_status st = score_session(ss->source.model, ss->session, &r);
	if (st != SCORE_OK) {
		verror_set(&err, VERROR_INPUT, "session %lld: %s", ss->stored.id,
		           score_status_message(st));
		return cli_fail("export", &err);
	}
	struct strbuf out;
	strbuf_init(&out);
	int rc = export_render_saved(f, ss, &r, clock_now(), opts, &out, &err);
	result_free(&r);
	if (rc)
		rc = cli_fail("export", &err);
	else
		rc = cli_write_stdout("export", strbuf_str(&out), out.len);
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
		CLI_REPORT_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	const char *format = NULL, *output = NULL;
	int ch, draft = 0, taken;
	struct cli_report rep;
	cli_report_init(&rep);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "f:o:dh", longopts, NULL)) != -1) {
		if ((taken = cli_report_option("export", ch, optarg, &rep)) != 0) {
			if (taken < 0)
				return EXIT_USAGE;
			continue;
		}
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
		text_printf(stderr, "verdict export: say which format with --format "
		            "md|html|json|csv|pdf\n");
		return EXIT_USAGE;
	}
	if (report_format_parse(format, &f)) {
		text_printf(stderr, "verdict export: unknown format '%s'; use md, html, json, csv or "
		            "pdf\n", format);
		return EXIT_USAGE;
	}
	if (rep.opts.excel && f != REPORT_CSV) {
		text_printf(stderr, "verdict export: --excel is for --format csv\n");
		return EXIT_USAGE;
	}
	if (output && !*output) {
		text_printf(stderr, "verdict export: -o needs a file name\n");
		return EXIT_USAGE;
	}
	if (output && strcmp(output, "-") == 0)
		output = NULL;          /* standard output, as without -o */
	if (f == REPORT_PDF && !output && isatty(STDOUT_FILENO)) {
		text_printf(stderr, "verdict export: a PDF is not for a terminal: write it to a "
		            "file with -o FILE (or send standard output to a file or a pipe)\n");
		return EXIT_USAGE;
	}
	/* The PDF renderer is verdict-pdf's (export_pdf.h): the same command there. */
	if (f == REPORT_PDF && !export_pdf_here())
		return cli_pdf_exec("export", argc, argv, g);

	int rc = cli_report_defaults("export", &rep);
	struct store *st;
	if (rc == EXIT_OK)
		rc = cli_open_store("export", g, STORE_OPEN_READ_ONLY, &st);
	if (rc) {
		cli_report_free(&rep);
		return rc;
	}
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
		rc = export_session(&ss, f, output, &rep.opts);
		saved_session_free(&ss);
	}
	diags_free(&d);
	store_close(st);
	cli_report_free(&rep);
	return rc;
}
