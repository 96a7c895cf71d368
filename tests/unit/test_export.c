/* layer: reports */
/* test_export.c - the reports' escaping, file names, buffer and audit hashes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "answers.h"
#include "criteria_source.h"
#include "export.h"
#include "export_pdf.h"
#include "export_svg.h"
#include "report.h"
#include "saved_session.h"
#include "score.h"
#include "store.h"
#include "strbuf.h"

#include <sys/stat.h>
#include <unistd.h>

/* Runs ESCAPE on IN and checks the text it appends is WANT. */
static void check_escape(void (*escape)(struct strbuf *, const char *), const char *in,
                         const char *want)
{
	struct strbuf b;
	strbuf_init(&b);
	escape(&b, in);
	if (strcmp(strbuf_str(&b), want) != 0)
		fail_msg("escaping '%s': got '%s', want '%s'", in, strbuf_str(&b), want);
	strbuf_free(&b);
}

static void test_html_escape(void **state)
{
	(void)state;
	check_escape(export_html_escape, "<script>alert(1)</script>",
	             "&lt;script&gt;alert(1)&lt;/script&gt;");
	check_escape(export_html_escape, "Tom & \"Jerry\" 'x'", "Tom &amp; &quot;Jerry&quot; &#39;x&#39;");
	check_escape(export_html_escape, "&amp;", "&amp;amp;");
	check_escape(export_html_escape, "a\tb\nc\rd", "a\tb\nc\rd");
	check_escape(export_html_escape, "bell\x07" "del\x7f", "bell\xef\xbf\xbd" "del\xef\xbf\xbd");
	/* C1 (the 8-bit CSI), bidirectional controls, bytes that are not UTF-8. */
	check_escape(export_html_escape, "\xc2\x9b" "2J \xe2\x80\xae" "x \xe2\x81\xa6 \xff",
	             "\xef\xbf\xbd" "2J \xef\xbf\xbd" "x \xef\xbf\xbd \xef\xbf\xbd");
	check_escape(export_html_escape, "Zoe\xcc\x88 \xf0\x9f\x9a\x80", "Zoe\xcc\x88 \xf0\x9f\x9a\x80");
	check_escape(export_html_escape, "", "");
}

static void test_html_escape_cut(void **state)
{
	(void)state;
	struct strbuf b;
	strbuf_init(&b);
	export_html_escape_cut(&b, "short", 10);
	assert_string_equal(strbuf_str(&b), "short");
	strbuf_free(&b);
	export_html_escape_cut(&b, "<<<<<<", 4);
	assert_string_equal(strbuf_str(&b), "&lt;&lt;&lt;\xe2\x80\xa6");
	strbuf_free(&b);
	/* Cut between characters, never inside one. */
	export_html_escape_cut(&b, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 3);
	assert_string_equal(strbuf_str(&b), "\xc3\xa9\xc3\xa9\xe2\x80\xa6");
	strbuf_free(&b);
	/* Controls are U+FFFD here too, one character each. */
	export_html_escape_cut(&b, "\x1b]0;x\x07", 6);
	assert_string_equal(strbuf_str(&b), "\xef\xbf\xbd]0;x\xef\xbf\xbd");
	strbuf_free(&b);
	export_html_escape_cut(&b, "\x1b]0;x\x07", 5);
	assert_string_equal(strbuf_str(&b), "\xef\xbf\xbd]0;\xe2\x80\xa6");
	strbuf_free(&b);
}

static void test_csv_text(void **state)
{
	(void)state;
	check_escape(export_csv_text, "plain", "plain");
	check_escape(export_csv_text, "a,b", "\"a,b\"");
	check_escape(export_csv_text, "say \"hi\"", "\"say \"\"hi\"\"\"");
	check_escape(export_csv_text, "two\nlines", "\"two\nlines\"");
	check_escape(export_csv_text, "cr\rhere", "\"cr\rhere\"");
	/* Formula injection: a leading ' before = + - @ tab CR. */
	check_escape(export_csv_text, "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"");
	check_escape(export_csv_text, "=1+1", "'=1+1");
	check_escape(export_csv_text, "+cmd", "'+cmd");
	check_escape(export_csv_text, "-2", "'-2");
	check_escape(export_csv_text, "@SUM(A1)", "'@SUM(A1)");
	check_escape(export_csv_text, "\tx", "'\tx");
	check_escape(export_csv_text, "\rx", "\"'\rx\"");
	check_escape(export_csv_text, "a=b", "a=b");
	/* Controls other than tab, LF and CR, C1, bidirectional controls, bytes
	 * that are not UTF-8: U+FFFD. */
	check_escape(export_csv_text, "=\x1b]0;x\x07", "'=\xef\xbf\xbd]0;x\xef\xbf\xbd");
	check_escape(export_csv_text, "a\xc2\x9b" "b\xe2\x80\xae" "c\xff",
	             "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd");
	check_escape(export_csv_text, "", "");
	check_escape(export_csv_text, NULL, "");
}

static void test_csv_number(void **state)
{
	(void)state;
	struct strbuf b;
	strbuf_init(&b);
	export_csv_number(&b, -2.5);
	strbuf_putc(&b, ',');
	export_csv_number(&b, 72.4000001);
	strbuf_putc(&b, ',');
	export_csv_number(&b, 3);
	strbuf_putc(&b, ',');
	export_csv_number(&b, -0.0);
	assert_string_equal(strbuf_str(&b), "-2.5,72.4,3,0");
	strbuf_free(&b);
}

static void test_md_text(void **state)
{
	(void)state;
	check_escape(export_md_text, "a | b", "a \\| b");
	check_escape(export_md_text, "two\nlines\r\nthree", "two lines three");
	check_escape(export_md_text, "<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>");
	check_escape(export_md_text, "*bold* _it_ `code` [l](u) ~s~ \\",
	             "\\*bold\\* \\_it\\_ \\`code\\` \\[l\\](u) \\~s\\~ \\\\");
	check_escape(export_md_text, "# head", "\\# head");
	check_escape(export_md_text, "C# and F#", "C# and F#");
	check_escape(export_md_text, "a #tag", "a \\#tag");
	check_escape(export_md_text, "R&D &amp; &#60;", "R&D \\&amp; \\&#60;");
	check_escape(export_md_text, "- item", "\\- item");
	check_escape(export_md_text, "+ item", "\\+ item");
	check_escape(export_md_text, "=====", "\\=====");
	check_escape(export_md_text, "12. item", "12\\. item");
	check_escape(export_md_text, "3) item", "3\\) item");
	check_escape(export_md_text, "    indented", "indented");
	check_escape(export_md_text, "=HYPERLINK(\"http://x\")", "\\=HYPERLINK(\"http://x\")");
	check_escape(export_md_text, "Zo\xc3\xab \xf0\x9f\x98\x80", "Zo\xc3\xab \xf0\x9f\x98\x80");
	check_escape(export_md_text, "bell\x07", "bell\xef\xbf\xbd");
	check_escape(export_md_text, "\xc2\x9b[2J\xe2\x80\xae\xe2\x81\xa6\xff",
	             "\xef\xbf\xbd\\[2J\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	check_escape(export_md_text, "\t- item", "\\- item");
}

/* Checks the default name of PROJECT at the fixed time is WANT, and that it
 * is safe whatever it is. */
static void check_name(const char *project, enum report_format f, const char *want)
{
	char buf[128];
	assert_int_equal(export_default_name(project, 1795701780, f, buf, sizeof buf), 0);
	if (strcmp(buf, want) != 0)
		fail_msg("name of '%s': got '%s', want '%s'", project ? project : "(null)", buf, want);
	assert_null(strchr(buf, '/'));
	assert_null(strstr(buf, ".."));
	assert_true(buf[0] != '-' && buf[0] != '.');
	for (const char *p = buf; *p; p++)
		assert_true((unsigned char)*p > 0x20 && (unsigned char)*p < 0x7f);
}

static void test_default_name(void **state)
{
	(void)state;
	check_name("Shop rewrite", REPORT_HTML, "shop-rewrite-2026-11-26.html");
	check_name("Shop rewrite", REPORT_MD, "shop-rewrite-2026-11-26.md");
	check_name("Shop rewrite", REPORT_JSON, "shop-rewrite-2026-11-26.json");
	check_name("Shop rewrite", REPORT_CSV, "shop-rewrite-2026-11-26.csv");
	check_name(NULL, REPORT_HTML, "verdict-report-2026-11-26.html");
	check_name("", REPORT_HTML, "verdict-report-2026-11-26.html");
	check_name("../../etc/passwd", REPORT_CSV, "etc-passwd-2026-11-26.csv");
	check_name("--force", REPORT_MD, "force-2026-11-26.md");
	check_name("...", REPORT_MD, "verdict-report-2026-11-26.md");
	check_name("a/b\\c\nd\te\x01" "f", REPORT_MD, "a-b-c-d-e-f-2026-11-26.md");
	check_name("<script>alert(1)</script>", REPORT_HTML, "script-alert-1-script-2026-11-26.html");
	check_name("Caf\xc3\xa9 M\xc3\xbcller \xf0\x9f\x9a\x80 GmbH", REPORT_HTML,
	           "caf-m-ller-gmbh-2026-11-26.html");
	check_name("\xf0\x9f\x9a\x80\xf0\x9f\x9a\x80", REPORT_HTML, "verdict-report-2026-11-26.html");
	/* Long names are cut, without a trailing dash. */
	char buf[128];
	assert_int_equal(export_default_name("abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij "
	                                     "abcdefghij abcdefghij", 1795701780, REPORT_MD, buf,
	                                     sizeof buf), 0);
	assert_string_equal(buf, "abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcde"
	                    "-2026-11-26.md");
	/* Too small a buffer fails and leaves it empty. */
	assert_int_equal(export_default_name("Shop", 1795701780, REPORT_MD, buf, 8), -1);
	assert_string_equal(buf, "");
}

static void test_format_names(void **state)
{
	(void)state;
	enum report_format f;
	assert_int_equal(report_format_parse("md", &f), 0);
	assert_int_equal(f, REPORT_MD);
	assert_int_equal(report_format_parse("markdown", &f), 0);
	assert_int_equal(f, REPORT_MD);
	assert_int_equal(report_format_parse("html", &f), 0);
	assert_int_equal(f, REPORT_HTML);
	assert_int_equal(report_format_parse("json", &f), 0);
	assert_int_equal(f, REPORT_JSON);
	assert_int_equal(report_format_parse("csv", &f), 0);
	assert_int_equal(f, REPORT_CSV);
	assert_int_equal(report_format_parse("pdf", &f), 0);
	assert_int_equal(f, REPORT_PDF);
	assert_int_equal(report_format_parse("docx", &f), -1);
	assert_int_equal(report_format_parse("HTML", &f), -1);
	assert_int_equal(report_format_parse(NULL, &f), -1);
	assert_string_equal(report_format_ext(REPORT_HTML), "html");
	assert_string_equal(report_format_title(REPORT_CSV), "CSV");
	assert_string_equal(report_format_ext(REPORT_PDF), "pdf");
	assert_string_equal(report_format_title(REPORT_PDF), "PDF");
}

static void test_strbuf(void **state)
{
	(void)state;
	struct strbuf b;
	strbuf_init(&b);
	assert_string_equal(strbuf_str(&b), "");
	for (int i = 0; i < 1000; i++)
		strbuf_printf(&b, "%04d,", i);
	assert_int_equal(b.len, 5000);
	assert_memory_equal(b.data + 4995, "0999,", 5);
	char big[600];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	strbuf_printf(&b, "[%s]", big);
	assert_int_equal(b.len, 5000 + 601);
	strbuf_add(&b, "a\0b", 3);
	assert_int_equal(b.len, 5604);
	size_t len;
	char *text = strbuf_take(&b, &len);
	assert_int_equal(len, 5604);
	assert_null(b.data);
	free(text);
	/* An empty buffer hands over "", never NULL. */
	text = strbuf_take(&b, &len);
	assert_string_equal(text, "");
	assert_int_equal(len, 0);
	free(text);
}

static void test_utf8_copy(void **state)
{
	(void)state;
	char *s = report_utf8_copy("ok \xc3\xa9 \xf0\x9f\x98\x80");
	assert_string_equal(s, "ok \xc3\xa9 \xf0\x9f\x98\x80");
	free(s);
	/* A stray continuation byte, a cut sequence, an overlong form, a
	 * surrogate: as text_clean() makes them (one U+FFFD for a surrogate's
	 * three bytes, as every other destination gets). */
	s = report_utf8_copy("a\x80" "b\xc3" "c\xc0\xaf" "d\xed\xa0\x80" "e");
	assert_string_equal(s, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd\xef\xbf\xbd"
	                    "d\xef\xbf\xbd" "e");
	free(s);
	assert_null(report_utf8_copy(NULL));
}

static void test_sha256(void **state)
{
	(void)state;
	char hex[REPORT_SHA256_HEX];
	report_sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	report_sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

#define CRITERIA \
	"verdict: 1\nid: t\ntitle: T\noptions:\n  - id: a\n    name: A\n  - id: b\n    name: B\n" \
	"criteria:\n  - id: c1\n    name: C1\n    question: Q?\n    default_weight: 3\n" \
	"    ratings: { a: 8, b: 4 }\n  - id: c2\n    name: C2\n    question: Q?\n" \
	"    default_weight: 2\n    ratings: { a: 3, b: 9 }\n" \
	"questions:\n  - id: q1\n    prompt: P?\n    choices:\n" \
	"      - id: x\n        label: X\n        weights: { c2: +1 }\n" \
	"      - id: y\n        label: Y\n"

/* A report of CRITERIA with ANSWERS, handed to CHECK with CTX. */
static void with_report(const char *answers,
                        void (*check)(const struct report *rep, void *ctx), void *ctx)
{
	struct criteria_source src;
	assert_int_equal(criteria_source_from_text("t.yaml", CRITERIA, strlen(CRITERIA), &src, NULL,
	                                           NULL), 0);
	struct diags d;
	diags_init(&d, "a.yaml");
	struct session *s = answers_parse(answers, strlen(answers), src.model, &d);
	diags_print(&d, stderr);
	diags_free(&d);
	assert_non_null(s);
	struct result r;
	assert_int_equal(score_session(src.model, s, &r), SCORE_OK);
	struct report rep;
	report_build(&rep, &src, s, &r, NULL, 1795701780);
	check(&rep, ctx);
	report_free(&rep);
	result_free(&r);
	session_free(s);
	criteria_source_free(&src);
}

static void check_canonical(const struct report *rep, void *ctx)
{
	(void)ctx;
	assert_string_equal(rep->answers_canonical,
	                    "verdict-answers/1\nchoice\tq1\tx\nweight\tc1\t4.5\nweight\tc2\t0.1\n");
	char hex[REPORT_SHA256_HEX];
	report_sha256_hex(rep->answers_canonical, strlen(rep->answers_canonical), hex);
	assert_string_equal(rep->answers_sha256, hex);
	report_sha256_hex(CRITERIA, strlen(CRITERIA), hex);
	assert_string_equal(rep->criteria_sha256, hex);
	assert_string_equal(rep->status, "not-saved");
	assert_int_equal(rep->session_id, 0);
	assert_string_equal(rep->criteria_source, "t.yaml");
	assert_string_equal(rep->project, "P, \"q\"");
	assert_string_equal(rep->rows[0].weight_source, "person");
	assert_string_equal(rep->rows[0].weight_reason, "Set by you to 4.5 (normally 3)");
}

static void test_canonical_answers(void **state)
{
	(void)state;
	with_report("project: 'P, \"q\"'\nrespondent: R\nchoices: { q1: x }\n"
	            "weights: { c2: 0.1, c1: 4.5 }\n", check_canonical, NULL);
}

static void keep_hash(const struct report *rep, void *ctx)
{
	memcpy(ctx, rep->answers_sha256, REPORT_SHA256_HEX);
}

static void same_hash(const struct report *rep, void *ctx)
{
	assert_string_equal(rep->answers_sha256, (const char *)ctx);
}

static void test_hash_ignores_names(void **state)
{
	(void)state;
	/* The same answers from another person, in another order: the same hash. */
	char hash[REPORT_SHA256_HEX];
	with_report("project: One\nchoices: { q1: y }\nweights: { c1: 2 }\n", keep_hash, hash);
	with_report("weights: { c1: 2.0 }\nrespondent: Other\nnotes: n\nchoices: { q1: y }\n",
	            same_hash, hash);
}

static void check_profile_reason(const struct report *rep, void *ctx)
{
	(void)ctx;
	assert_string_equal(rep->rows[1].weight_source, "profile");
	assert_string_equal(rep->rows[1].weight_reason,
	                    "Normally 2; +1 P?: X");
	assert_int_equal(rep->rows[1].question, 0);
	assert_int_equal(rep->rows[1].choice, 0);
	assert_string_equal(rep->rows[0].weight_source, "default");
	assert_int_equal(rep->rows[0].question, -1);
	assert_non_null(rep->recommendation);
	assert_non_null(rep->summary);
	assert_non_null(rep->confidence_sentence);
	assert_string_equal(rep->answers_canonical, "verdict-answers/1\nchoice\tq1\tx\n");
}

static void test_profile_reason(void **state)
{
	(void)state;
	with_report("choices: { q1: x }\n", check_profile_reason, NULL);
}

/* Every renderer runs on the same report, and each carries the audit hashes. */
static void check_renderers(const struct report *rep, void *ctx)
{
	(void)ctx;
	static const enum report_format formats[] = { REPORT_MD, REPORT_HTML, REPORT_JSON,
	                                              REPORT_CSV };
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
		struct strbuf b;
		strbuf_init(&b);
		export_render(formats[i], rep, &b);
		assert_non_null(strstr(strbuf_str(&b), rep->criteria_sha256));
		assert_non_null(strstr(strbuf_str(&b), rep->answers_sha256));
		strbuf_free(&b);
	}
	/* verdict has no PDF renderer (export_pdf.h): its stand-in says so
	 * and adds nothing; export_render() adds nothing for a PDF either. */
	struct strbuf b;
	struct verror err;
	strbuf_init(&b);
	assert_int_equal(export_pdf_here(), 0);
	export_render(REPORT_PDF, rep, &b);
	assert_int_equal(export_pdf(rep, &b, &err), -1);
	assert_int_equal(err.kind, VERROR_STORAGE);
	assert_string_equal(err.msg, "this program draws no PDF: verdict-pdf does "
	                    "(docs/exports.md)");
	assert_int_equal(b.len, 0);
	strbuf_free(&b);
}

static void test_renderers(void **state)
{
	(void)state;
	with_report("project: P\nchoices: { q1: y }\n", check_renderers, NULL);
}

/* Reads the whole of PATH into a new string. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static const size_t cap = 1 << 20;
	char *buf = calloc(1, cap);
	assert_non_null(buf);
	size_t n = fread(buf, 1, cap - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

/* All of PATH's bytes, *LEN of them. */
static char *slurp_bytes(const char *path, size_t *len)
{
	char *buf = slurp(path);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	*len = (size_t)ftell(f);
	fclose(f);
	return buf;
}

/* The walk-through's way: a session in the store, written with
 * export_write_session(); a failure leaves the old file and says why. */
static void test_write_session(void **state)
{
	(void)state;
	const char *tmp = getenv("TMPDIR");
	char dir[200];
	snprintf(dir, sizeof dir, "%s/verdict-export-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	assert_non_null(mkdtemp(dir));
	char db[256], path[256], sub[256];
	struct verror err;
	snprintf(db, sizeof db, "%s/s.db", dir);
	snprintf(path, sizeof path, "%s/report.html", dir);
	snprintf(sub, sizeof sub, "%s/sub", dir);

	struct criteria_source src;
	assert_int_equal(criteria_source_from_text("t.yaml", CRITERIA, strlen(CRITERIA), &src, NULL,
	                                           NULL), 0);
	struct session *s = session_new(src.model);
	session_set_text(&s->project, "Shop");
	struct store *st;
	assert_int_equal(store_open(db, &st, &err), 0);
	long long id;
	assert_int_equal(store_create(st, "t.yaml", CRITERIA, strlen(CRITERIA), "t", "T", "Shop",
	                              NULL, &id), 0);

	assert_int_equal(export_write_session(REPORT_HTML, path, &src, s, st, id, NULL, &err), 0);
	char *first = slurp(path);
	assert_non_null(strstr(first, "<dt>Session</dt><dd>1 (in progress)</dd>"));

	/* A directory in the way: nothing written, the old file as it was. */
	assert_int_equal(mkdir(sub, 0755), 0);
	assert_int_equal(export_write_session(REPORT_MD, sub, &src, s, st, id, NULL, &err), -1);
	assert_int_equal(err.kind, VERROR_STORAGE);
	char want[512];
	snprintf(want, sizeof want, "No report written: %s: is a directory; give the report a "
	         "file name (nothing was written)", sub);
	assert_string_equal(err.msg, want);
	char *again = slurp(path);
	assert_string_equal(again, first);
	free(again);
	assert_int_equal(rmdir(sub), 0);

	/* The database itself, its write-ahead log, or a hard link to it: the
	 * export dialog's "Replace?" leads here, and the store stays whole. */
	size_t db_len;
	char *db_before = slurp_bytes(db, &db_len);
	char wal[300], hard[300];
	snprintf(wal, sizeof wal, "%s-wal", db);
	snprintf(hard, sizeof hard, "%s/hard.md", dir);
	assert_int_equal(link(db, hard), 0);
	const char *const onto[] = { db, wal, hard };
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(export_write_session(REPORT_MD, onto[i], &src, s, st, id, NULL, &err),
		                 -1);
		assert_int_equal(err.kind, VERROR_INPUT);
		assert_non_null(strstr(err.msg, "No report written: "));
		assert_non_null(strstr(err.msg, "of the sessions database in use") ||
		                strstr(err.msg, "is the sessions database in use"));
		struct saved_session ss;
		assert_int_equal(saved_session_load(st, id, &ss, NULL, &err), 0);
		assert_int_equal(export_write_saved(REPORT_MD, onto[i], &ss, NULL, &err), -1);
		assert_int_equal(err.kind, VERROR_INPUT);
		assert_non_null(strstr(err.msg, "No report written: "));
		saved_session_free(&ss);
	}
	size_t db_after_len;
	char *db_after = slurp_bytes(db, &db_after_len);
	assert_int_equal(db_after_len, db_len);
	assert_memory_equal(db_after, db_before, db_len);
	free(db_before);
	free(db_after);
	unlink(hard);

	/* A session the store no longer has. */
	assert_int_equal(export_write_session(REPORT_CSV, path, &src, s, st, id + 1, NULL, &err), -1);
	assert_int_equal(err.kind, VERROR_INPUT);
	snprintf(want, sizeof want, "No report written: session %lld is no longer stored", id + 1);
	assert_string_equal(err.msg, want);
	/* Not saved: no store. */
	assert_int_equal(export_write_session(REPORT_JSON, path, &src, s, NULL, 0, NULL, &err), 0);
	char *json = slurp(path);
	assert_non_null(strstr(json, "\"status\": \"not-saved\""));
	free(json);

	free(first);
	store_close(st);
	session_free(s);
	criteria_source_free(&src);
	unlink(path);
	char side[300];
	snprintf(side, sizeof side, "%s-wal", db);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", db);
	unlink(side);
	unlink(db);
	assert_int_equal(rmdir(dir), 0);        /* nothing else was left behind */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_escape),
		cmocka_unit_test(test_html_escape_cut),
		cmocka_unit_test(test_csv_text),
		cmocka_unit_test(test_csv_number),
		cmocka_unit_test(test_md_text),
		cmocka_unit_test(test_default_name),
		cmocka_unit_test(test_format_names),
		cmocka_unit_test(test_strbuf),
		cmocka_unit_test(test_utf8_copy),
		cmocka_unit_test(test_sha256),
		cmocka_unit_test(test_canonical_answers),
		cmocka_unit_test(test_hash_ignores_names),
		cmocka_unit_test(test_profile_reason),
		cmocka_unit_test(test_renderers),
		cmocka_unit_test(test_write_session),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
