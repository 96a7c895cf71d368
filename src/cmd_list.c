/* cmd_list.c - verdict list: the saved sessions, newest first, as a table
 * or as JSON. */
#include <getopt.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "clock.h"
#include "saved_session.h"
#include "score.h"
#include "score_format.h"
#include "store.h"
#include "text.h"
#include "text_print.h"
#include "xalloc.h"

static void list_usage(FILE *out)
{
	fprintf(out,
	        "usage: verdict list [--project NAME] [--format text|json] [--ids]\n"
	        "\n"
	        "Lists the saved sessions, newest first: id, project, respondent, criteria\n"
	        "title, status, winner and when each was last updated (UTC); when any has\n"
	        "one, the option decided ('verdict decide'; '(not advised)' when it is not\n"
	        "the winner) and where an imported session came from. --project keeps\n"
	        "only that project's sessions (the name in any case: 'shop' finds\n"
	        "'Shop'). --format json prints an array of\n"
	        "objects with the keys id, project, respondent, criteria_title, status\n"
	        "(\"in-progress\" or \"complete\"), winner, margin and strength (a complete\n"
	        "session's, as 'verdict score --format json' gives them), updated (ISO\n"
	        "8601, UTC), decided (the option of the latest decision), decision_differs\n"
	        "(true when that is not the winner) and origin (where an imported session\n"
	        "came from); missing values are null. --ids prints only the ids, one a\n"
	        "line, newest first (for scripts and shell completion). Nothing in the\n"
	        "database is changed.\n"
	        "\n"
	        "Exit status: 0 success, 2 usage error, 3 storage failure.\n");
}

/* Numbers written by their digits, without printf. */
enum { DIGITS_MAX = 24 };

/* The digits of V, with its sign, ending at END; returns where they start. */
static char *digits_before(long long v, char *end)
{
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do {
		*--end = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--end = '-';
	return end;
}

static int digit_count(long long v)
{
	char num[DIGITS_MAX];
	return (int)(num + sizeof num - digits_before(v, num + sizeof num));
}

/* ---- the text listing ----
 *
 * Two streaming passes over the sessions, nothing gathered in memory: the
 * first measures the columns (each cell cleaned and measured by
 * text_line_cell(), which returns printable ASCII as it is), the second
 * writes the rows into large blocks. */
enum { COL_PROJECT, COL_RESPONDENT, COL_CRITERIA, COL_WINNER, COL_DECIDED, COL_ORIGIN, NTEXT };
/* The columns shown only when some session listed has a value there. */
#define COL_OPTIONAL(c) ((c) >= COL_DECIDED)

static const char *const col_heads[NTEXT] = { "PROJECT", "RESPONDENT", "CRITERIA", "WINNER",
                                              "DECIDED", "ORIGIN" };
/* A column is never wider than this; longer text is cut with an ellipsis. */
static const int col_caps[NTEXT] = { 24, 20, 32, 16, 30, 20 };

/* Whether session S's decision is not its winner (the advice). A session
 * in progress or tied has no winner to differ from. */
static int decision_differs(const struct session_summary *s)
{
	return s->decided && s->winner_name && s->status == SESSION_COMPLETE &&
	       (s->decided_len != s->winner_name_len ||
	        memcmp(s->decided, s->winner_name, s->decided_len) != 0);
}

/* The table's text, gathered into large blocks for standard output. */
struct out {
	char buf[1 << 16];
	size_t len;
};

struct table {
	struct strbuf scratch;          /* a cell being cleaned */
	struct strbuf mark;             /* a decision with its mark */
	int shown[NTEXT];               /* an optional column has a value in some row */
	int idw;                        /* width of the id column */
	int width[NTEXT];               /* widths of the text columns */
	size_t n;                       /* rows seen */
	const char *ellipsis;           /* what stands for the cut end of a cell */
	time_t when;                    /* the time last formatted, and its text */
	size_t when_len;
	char when_text[CLOCK_TEXT_MAX];
	struct out o;
};

/* The raw text of column C of session S, with a stand-in for one not given;
 * a decision that is not the winner is marked, in T's buffer. */
static const char *raw_cell(struct table *t, const struct session_summary *s, int c,
                            size_t *len)
{
	const char *v = NULL;
	switch (c) {
	case COL_DECIDED:
		v = s->decided, *len = s->decided_len;
		if (v && decision_differs(s)) {
			t->mark.len = 0;
			strbuf_add(&t->mark, v, *len);
			strbuf_add(&t->mark, " (not advised)", 14);
			*len = t->mark.len;
			return t->mark.data;
		}
		break;
	case COL_ORIGIN:
		v = s->origin, *len = s->origin_len;
		break;
	case COL_PROJECT:
		v = s->project, *len = s->project_len;
		break;
	case COL_RESPONDENT:
		v = s->respondent, *len = s->respondent_len;
		break;
	case COL_CRITERIA:
		v = s->criteria_title, *len = s->criteria_title_len;
		break;
	case COL_WINNER:
		v = s->winner_name, *len = s->winner_name_len;
		if (!v && s->status == SESSION_COMPLETE) {
			*len = 5;
			return "(tie)";
		}
		break;
	}
	if (!v) {
		*len = 1;
		return "-";
	}
	return v;
}

/* First pass: the widest id and cell of each column, within the caps. */
static int measure_row(const struct session_summary *s, void *ctx)
{
	struct table *t = ctx;
	int d = digit_count(s->id);
	if (d > t->idw)
		t->idw = d;
	t->shown[COL_DECIDED] |= s->decided != NULL;
	t->shown[COL_ORIGIN] |= s->origin != NULL;
	for (int c = 0; c < NTEXT; c++) {
		if (t->width[c] >= col_caps[c])
			continue;
		size_t raw_len, n;
		int w;
		const char *raw = raw_cell(t, s, c, &raw_len);
		text_line_cell(raw, raw_len, &t->scratch, &n, &w);
		if (w > t->width[c])
			t->width[c] = w > col_caps[c] ? col_caps[c] : w;
	}
	t->n++;
	return 0;
}

static void out_flush(struct out *o)
{
	if (o->len)
		fwrite(o->buf, 1, o->len, stdout);
	o->len = 0;
}

static void out_put(struct out *o, const char *s, size_t n)
{
	if (n > sizeof o->buf - o->len) {
		out_flush(o);
		if (n > sizeof o->buf) {
			fwrite(s, 1, n, stdout);
			return;
		}
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static void out_spaces(struct out *o, int n)
{
	static const char spaces[] = "                                                                ";
	for (; n > 0; n -= (int)sizeof spaces - 1)
		out_put(o, spaces, n < (int)sizeof spaces - 1 ? (size_t)n : sizeof spaces - 1);
}

/* Writes cell S (N bytes of cleaned text, FULL columns wide) in WIDTH
 * columns: cut with ELLIPSIS when longer, padded. */
static void put_cell(struct out *o, const char *s, size_t n, int full, int width,
                     const char *ellipsis)
{
	int shown = full;
	if (full > width) {
		/* Cleaned text is one byte a column only when it is all ASCII. */
		if (n == (size_t)full) {
			n = (size_t)(width - 1);
			shown = width - 1;
		} else {
			n = text_utf8_fit(s, n, width - 1, &shown);
		}
	}
	out_put(o, s, n);
	if (full > width) {
		out_put(o, ellipsis, strlen(ellipsis));
		shown++;
	}
	out_spaces(o, width - shown);
}

static void print_head(struct table *t)
{
	out_spaces(&t->o, t->idw - 2);
	out_put(&t->o, "ID", 2);
	for (int c = 0; c < NTEXT; c++) {
		if (COL_OPTIONAL(c) && !t->shown[c])
			continue;
		out_put(&t->o, "  ", 2);
		if (c == COL_WINNER)
			out_put(&t->o, "STATUS       ", 13);
		put_cell(&t->o, col_heads[c], strlen(col_heads[c]), (int)strlen(col_heads[c]),
		         t->width[c], t->ellipsis);
	}
	out_put(&t->o, "  UPDATED\n", 10);
}

/* Second pass: one line per session. Stops when standard output fails. */
static int print_row(const struct session_summary *s, void *ctx)
{
	struct table *t = ctx;
	struct out *o = &t->o;
	char num[DIGITS_MAX];
	char *d = digits_before(s->id, num + sizeof num);
	size_t dn = (size_t)(num + sizeof num - d);
	out_spaces(o, t->idw - (int)dn);
	out_put(o, d, dn);
	for (int c = 0; c < NTEXT; c++) {
		if (COL_OPTIONAL(c) && !t->shown[c])
			continue;
		size_t raw_len, n;
		int w;
		const char *raw = raw_cell(t, s, c, &raw_len);
		const char *cell = text_line_cell(raw, raw_len, &t->scratch, &n, &w);
		out_put(o, "  ", 2);
		if (c == COL_WINNER)
			out_put(o, s->status == SESSION_COMPLETE ? "complete     " : "in progress  ", 13);
		put_cell(o, cell, n, w, t->width[c], t->ellipsis);
	}
	/* Rows come newest first, many within the same minute. */
	if (s->updated != t->when || !t->when_len) {
		t->when = s->updated;
		t->when_len = clock_format_into(s->updated, 0, t->when_text);
	}
	out_put(o, "  ", 2);
	out_put(o, t->when_text, t->when_len);
	out_put(o, "\n", 1);
	return o->len >= sizeof o->buf / 2 && ferror(stdout);
}

/* The JSON listing: one object per line, streamed (the listing may hold
 * many sessions), each row built in one buffer and written in large blocks. */
struct json_list {
	struct store *st;
	size_t n;               /* rows written */
	char *buf;              /* the rows not written yet */
	size_t len, cap;
};

static void put(struct json_list *j, const char *s, size_t n)
{
	if (j->len + n > j->cap) {
		j->cap = (j->len + n) * 2;
		j->buf = xrealloc(j->buf, j->cap);
	}
	memcpy(j->buf + j->len, s, n);
	j->len += n;
}

#define PUT_LIT(j, lit) put((j), (lit), sizeof(lit) - 1)

static void flush_rows(struct json_list *j)
{
	if (j->len)
		fwrite(j->buf, 1, j->len, stdout);
	j->len = 0;
}

/* S as a JSON string, as jansson writes it and text_write() then cleans it:
 * printable ASCII needs only '"' and '\' escaped; other text goes through
 * jansson and text_write(TEXT_JSON) as before (score_json_text() makes
 * bytes that are not UTF-8 valid first). NULL is null. */
static void put_text(struct json_list *j, const char *s)
{
	if (!s) {
		PUT_LIT(j, "null");
		return;
	}
	if (text_is_plain(s)) {
		put(j, "\"", 1);
		for (const char *run = s;;) {
			size_t k = strcspn(run, "\"\\");
			put(j, run, k);
			if (!run[k])
				break;
			put(j, run[k] == '"' ? "\\\"" : "\\\\", 2);
			run += k + 1;
		}
		put(j, "\"", 1);
		return;
	}
	json_t *v = score_json_text(s);
	char *dump = v ? json_dumps(v, JSON_ENCODE_ANY) : NULL;
	json_decref(v);
	if (!dump)
		xalloc_die();   /* jansson fails only for memory here: every text is UTF-8 */
	flush_rows(j);
	text_write(stdout, dump, strlen(dump), TEXT_JSON);
	free(dump);
}

/* A margin as jansson writes a real: %.17g, with ".0" when it reads as an
 * integer; an exponent, which jansson rewrites, is left to jansson. */
static void put_real(struct json_list *j, double v)
{
	char num[40];
	int n = snprintf(num, sizeof num, "%.17g", v);
	if (n > 0 && (size_t)n < sizeof num - 2 && !strpbrk(num, "eEni")) {
		if (!strchr(num, '.')) {
			memcpy(num + n, ".0", 3);
			n += 2;
		}
		put(j, num, (size_t)n);
		return;
	}
	json_t *r = json_real(v);
	char *dump = r ? json_dumps(r, JSON_ENCODE_ANY) : NULL;
	json_decref(r);
	if (!dump)
		xalloc_die();
	put(j, dump, strlen(dump));
	free(dump);
}

/* The margin and strength of complete session S: as saved, or for one saved
 * before they were kept (schema version 2 or older, or reverted) that no
 * writer has filled in yet (saved_results.h), scored again from its stored
 * criteria text and answers, the file not written. 0 when not known (its criteria text no
 * longer reads, or nothing to weigh). */
static int session_result(struct json_list *j, const struct session_summary *s,
                          double *margin, const char **strength)
{
	if (s->strength) {
		*margin = s->margin;
		*strength = s->strength;
		return 1;
	}
	struct saved_session sv;
	struct verror err;
	verror_clear(&err);
	int known = 0;
	if (saved_session_load(j->st, s->id, &sv, NULL, &err) == 0) {
		struct result r;
		if (score_session(sv.source.model, sv.session, &r) == SCORE_OK) {
			*margin = r.margin;
			*strength = strength_name(r.strength);
			known = 1;
			result_free(&r);
		}
		saved_session_free(&sv);
	}
	return known;
}

/* One row. Stops when standard output fails. */
static int print_json_row(const struct session_summary *s, void *ctx)
{
	struct json_list *j = ctx;
	char num[DIGITS_MAX], when[CLOCK_TEXT_MAX];
	if (j->n++)
		PUT_LIT(j, ",\n  {\"id\": ");
	else
		PUT_LIT(j, "[\n  {\"id\": ");
	char *d = digits_before(s->id, num + sizeof num);
	put(j, d, (size_t)(num + sizeof num - d));
	PUT_LIT(j, ", \"project\": ");
	put_text(j, s->project);
	PUT_LIT(j, ", \"respondent\": ");
	put_text(j, s->respondent);
	PUT_LIT(j, ", \"criteria_title\": ");
	put_text(j, s->criteria_title);
	if (s->status == SESSION_COMPLETE)
		PUT_LIT(j, ", \"status\": \"complete\", \"winner\": ");
	else
		PUT_LIT(j, ", \"status\": \"in-progress\", \"winner\": ");
	put_text(j, s->winner_name);
	double margin;
	const char *strength;
	if (s->status == SESSION_COMPLETE && session_result(j, s, &margin, &strength)) {
		PUT_LIT(j, ", \"margin\": ");
		put_real(j, margin);
		PUT_LIT(j, ", \"strength\": \"");
		put(j, strength, strlen(strength));
		PUT_LIT(j, "\"");
	} else {
		PUT_LIT(j, ", \"margin\": null, \"strength\": null");
	}
	PUT_LIT(j, ", \"updated\": \"");
	put(j, when, clock_format_into(s->updated, 1, when));
	PUT_LIT(j, "\", \"decided\": ");
	put_text(j, s->decided);
	if (decision_differs(s))
		PUT_LIT(j, ", \"decision_differs\": true, \"origin\": ");
	else
		PUT_LIT(j, ", \"decision_differs\": false, \"origin\": ");
	put_text(j, s->origin);
	PUT_LIT(j, "}");
	if (j->len >= 1 << 16)
		flush_rows(j);
	return ferror(stdout);
}

/* --ids: one id a line. Stops when standard output fails. */
static int print_id(const struct session_summary *s, void *ctx)
{
	(void)ctx;
	char num[DIGITS_MAX + 1];
	num[DIGITS_MAX] = '\n';
	char *d = digits_before(s->id, num + DIGITS_MAX);
	fwrite(d, 1, (size_t)(num + sizeof num - d), stdout);
	return ferror(stdout);
}

/* The sessions may hold client names: a file other users can read gets a
 * warning (the listing goes on). */
static void warn_if_shared(const char *path)
{
	struct stat sb;
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || !(sb.st_mode & (S_IRGRP | S_IROTH)))
		return;
	text_printf(stderr, "verdict list: warning: %s can be read by other users (mode %04o); "
	        "'chmod 600' on it keeps the sessions private\n", path,
	        (unsigned)(sb.st_mode & 07777));
}

int cmd_list(int argc, char **argv, const struct global_opts *g)
{
	static const struct option longopts[] = {
		{ "project", required_argument, NULL, 'p' },
		{ "format", required_argument, NULL, 'f' },
		{ "ids", no_argument, NULL, 'i' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *project = NULL, *format = NULL;
	int ch, ids = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "p:f:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'p':
			project = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'i':
			ids = 1;
			break;
		case 'h':
			list_usage(stdout);
			return EXIT_OK;
		default:
			return cli_bad_usage("list", argv, longopts, list_usage);
		}
	}
	if (ids && format) {
		text_printf(stderr, "verdict list: --ids prints the ids alone; leave out --format\n");
		return EXIT_USAGE;
	}
	if (!format)
		format = "text";
	int json = strcmp(format, "json") == 0;
	if (!json && strcmp(format, "text") != 0) {
		text_printf(stderr, "verdict list: unknown format '%s'; use text or json\n", format);
		return EXIT_USAGE;
	}
	if (optind < argc) {
		text_printf(stderr, "verdict list: unexpected argument '%s'\n", argv[optind]);
		list_usage(stderr);
		return EXIT_USAGE;
	}
	struct store *st;
	int status = cli_open_store("list", g, STORE_OPEN_READ_ONLY, &st);
	if (status)
		return status;
	if (ids) {
		/* The fast path of shell completion: ids alone, no warning. */
		int rc = store_list(st, project, print_id, NULL);
		if (rc)
			status = cli_fail("list", store_error(st));
		store_close(st);
		return status;
	}
	warn_if_shared(store_file(st));
	/* A listing may run to megabytes: write it in large blocks. */
	static char outbuf[1 << 16];
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	int rc;
	if (json) {
		struct json_list j = { .st = st };
		rc = store_list(st, project, print_json_row, &j);
		flush_rows(&j);
		free(j.buf);
		fputs(j.n ? "\n]\n" : "[]\n", stdout);
	} else {
		static struct table t;
		t.idw = 2;
		t.ellipsis = cli_utf8_locale() ? "\xe2\x80\xa6" : ".";
		strbuf_init(&t.scratch);
		strbuf_init(&t.mark);
		for (int c = 0; c < NTEXT; c++)
			t.width[c] = (int)strlen(col_heads[c]);
		rc = store_list(st, project, measure_row, &t);
		if (rc == 0 && t.n) {
			print_head(&t);
			rc = store_list(st, project, print_row, &t);
			out_flush(&t.o);
		} else if (rc == 0) {
			text_printf(stdout, project ? "No saved sessions for project '%s'.\n"
			                    : "No saved sessions.%s\n", project ? project : "");
		}
		strbuf_free(&t.scratch);
		strbuf_free(&t.mark);
	}
	/* A failed write to standard output is main()'s to say (close_stdout()). */
	if (rc)
		status = cli_fail("list", store_error(st));
	store_close(st);
	return status;
}

