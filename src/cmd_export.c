/* cmd_export.c - verdict export: a saved session as a report. */
#include <getopt.h>
#include <limits.h>
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

/* Writes the whole buffer to standard output. Returns 0 or -1. */
static int write_stdout(const struct strbuf *b)
{
	if (b->len && fwrite(strbuf_str(b), 1, b->len, stdout) != b->len)
		return -1;
	return fflush(stdout) == 0 ? 0 : -1;
}

static int export_session(const struct saved_session *ss, enum report_format f,
                          const char *output)
{
	if (output) {
		char msg[1536];
		int rc = export_write_saved(f, output, ss, msg, sizeof msg);
		if (rc)
			text_printf(stderr, "verdict export: %s\n", msg);
		return rc;
	}
	struct result r;
	enum score_status st = score_session(ss->source.model, ss->session, &r);
	if (st != SCORE_OK) {
		text_printf(stderr, "verdict export: session %lld: %s\n", ss->stored.id,
		            score_status_message(st));
		return EXIT_INVALID;
	}
	struct strbuf out;
	strbuf_init(&out);
	int rc = export_render_result(f, &ss->source, ss->session, &r, &ss->stored, clock_now(),
	                              &out);
	result_free(&r);
	if (rc) {
		text_printf(stderr, "verdict export: out of memory\n");
		strbuf_free(&out);
		return EXIT_STORAGE;
	}
	rc = EXIT_OK;
	if (write_stdout(&out)) {
		perror("verdict export: standard output");
		rc = EXIT_STORAGE;
	}
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
			cli_bad_option("export", argv, longopts);
			export_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		text_printf(stderr, "verdict export: name exactly one session id\n");
		export_usage(stderr);
		return EXIT_USAGE;
	}
	long long id;
	if (saved_session_parse_id(argv[optind], &id)) {
		text_printf(stderr, "verdict export: '%s' is not a session id (a positive number; "
		            "'verdict list' shows them)\n", argv[optind]);
		return EXIT_USAGE;
	}
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

	char path[PATH_MAX];
	if (store_path(g->db, path, sizeof path)) {
		text_printf(stderr, "verdict export: cannot tell where the database is; set "
		            "VERDICT_DB or use --db PATH\n");
		return EXIT_STORAGE;
	}
	struct store *st;
	char err[1024];
	if (store_open_flags(path, STORE_OPEN_READ_ONLY, &st, err, sizeof err)) {
		text_printf(stderr, "verdict export: %s\n", err);
		return EXIT_STORAGE;
	}
	struct saved_session ss;
	int rc = saved_session_load(st, id, &ss);
	if (rc == EXIT_OK && ss.stored.status != SESSION_COMPLETE && !draft) {
		/* Not finished: no recommendation to report, unless a draft is asked for. */
		fprintf(stderr, "verdict export: session %lld is not finished: no recommendation yet. "
		        "Use --draft to export the draft result.\n", id);
		rc = EXIT_INVALID;
		saved_session_free(&ss);
	} else if (rc == EXIT_OK) {
		rc = export_session(&ss, f, output);
		saved_session_free(&ss);
	}
	store_close(st);
	return rc;
}
