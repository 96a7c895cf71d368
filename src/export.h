/* export.h - reports in Markdown, HTML, JSON, CSV and PDF, rendered in memory
 * and written to standard output or atomically to a file.
 *
 * Each format has a file of its own (export_md.c, export_html.c,
 * export_json.c, export_csv.c; the PDF export_pdf*.c, see export_pdf.h) that
 * renders a `struct report` (report.h) into
 * a `struct strbuf`; export.c picks the renderer, scores a session when asked
 * to, builds default file names and writes files. docs/exports.md describes
 * every format, the escaping rules and the audit hashes.
 *
 * The faces use three entry points:
 *   - export_render_result(): the command line's `verdict score --format`,
 *     which already holds a result;
 *   - export_write(), export_write_session(), export_write_saved(): score,
 *     render and write a report (atomically, never over a database), and
 *     say in a struct verror why not, printing nothing (safe under curses);
 *   - export_default_name(): a safe file name from the project and date. */
#ifndef VERDICT_EXPORT_H
#define VERDICT_EXPORT_H

#include <stddef.h>
#include <time.h>

#include "criteria_source.h"
#include "report.h"
#include "saved_session.h"
#include "score.h"
#include "session.h"
#include "store.h"
#include "strbuf.h"
#include "verror.h"

enum report_format {
	REPORT_MD,
	REPORT_HTML,
	REPORT_JSON,
	REPORT_CSV,
	REPORT_PDF,
};
/* How many formats there are: they are numbered from 0. */
#define REPORT_FORMATS (REPORT_PDF + 1)

/* What a person may ask of a report beyond its format (issue 16): who
 * prepared it and for whom, a logo (a PNG file's path), the paper, a brief
 * report, and CSV for spreadsheets (a byte-order mark and CRLF line ends).
 * All zero (or a NULL pointer to it) is the default: nobody named, no logo,
 * A4, the full report, plain CSV. */
struct export_options {
	const char *prepared_by;
	const char *prepared_for;
	const char *logo;
	enum report_paper paper;
	int brief;
	int excel;
};

/* The format named NAME ("md", "markdown", "html", "json", "csv" or "pdf")
 * into *OUT. Returns 0, or -1 for any other name. */
int report_format_parse(const char *name, enum report_format *out);
/* The file name extension, without the dot: "md", "html", "json", "csv",
 * "pdf". */
const char *report_format_ext(enum report_format f);
/* For people: "Markdown", "HTML", "JSON", "CSV", "PDF". */
const char *report_format_title(enum report_format f);

/* The renderers: each appends the whole report to OUT. */
void export_md(const struct report *rep, struct strbuf *out);
void export_html(const struct report *rep, struct strbuf *out);
void export_json(const struct report *rep, struct strbuf *out);
void export_csv(const struct report *rep, struct strbuf *out);

/* Renders REP in format F into OUT: the text formats, which cannot fail. A
 * PDF, which can, is export_pdf() (export_pdf.h): here it adds nothing. */
void export_render(enum report_format f, const struct report *rep, struct strbuf *out);

/* Applies OPTS (NULL for the defaults) to REP, built by report_build():
 * copies of who prepared it and for whom (NULL or "" for nobody; made
 * valid UTF-8 as the session's texts are), the paper, whether it is brief,
 * and the logo, read from the file OPTS->logo names and checked
 * (export_logo_read(), export_logo.h). Returns 0, or -1 with ERR
 * (VERROR_INPUT naming the logo's file and why it was refused or could not
 * be read), REP then having no logo. */
int export_apply_options(struct report *rep, const struct export_options *opts,
                         struct verror *err);

/* Builds the report of SRC, S and their result R (META: the stored session,
 * or NULL when not saved; GENERATED: the report's date), applies OPTS (NULL
 * for the defaults; export_apply_options()) and renders it in format F into
 * OUT; CSV with OPTS->excel starts with a UTF-8 byte-order mark. Returns 0,
 * or -1 with ERR as export_apply_options(), or when a PDF could not be drawn
 * (export_pdf()), OUT then unchanged. */
int export_render_result(enum report_format f, const struct criteria_source *src,
                         const struct session *s, const struct result *r,
                         const struct stored_session *meta, time_t generated,
                         const struct export_options *opts, struct strbuf *out,
                         struct verror *err);

/* export_render_result() for a session loaded with saved_session_load():
 * the report also carries SS's revisions (saved_session_load_revisions()),
 * which the JSON report lists. Returns as export_render_result(). */
int export_render_saved(enum report_format f, const struct saved_session *ss,
                        const struct result *r, time_t generated,
                        const struct export_options *opts, struct strbuf *out,
                        struct verror *err);

/* Scores S against SRC->model, renders the report in format F dated by
 * clock_now() with OPTS (NULL for the defaults), and writes it to PATH
 * (file_write(): atomically for a file, so
 * a failure leaves any old file at PATH as it was and no temporary file; in
 * place for a FIFO, a device or /dev/stdout). A PATH that is a database
 * (dbfile_guard(): any SQLite database, write-ahead log or journal) is
 * refused and left as it was. META is the stored session, or NULL. Prints
 * nothing. Returns 0, or -1 with ERR saying "No report written: " and why:
 * VERROR_INPUT when the answers cannot be scored (every weight zero), the
 * logo was refused or PATH was refused (a database, a block device, a
 * socket), VERROR_STORAGE when the file could not be written. */
int export_write(enum report_format f, const char *path, const struct criteria_source *src,
                 const struct session *s, const struct stored_session *meta,
                 const struct export_options *opts, struct verror *err);
/* export_write() for the session being answered in the walk-through: its
 * stored record (id, status, dates; for JSON its revisions too) is read from
 * ST for session ID (0, or a
 * NULL ST, for one not saved). PATH is refused when it is ST's database or
 * one of its files, by device and inode. Prints nothing. Returns as
 * export_write(); session ID no longer stored is VERROR_INPUT, and a failure
 * to read it has the store's kind. */
int export_write_session(enum report_format f, const char *path,
                         const struct criteria_source *src, const struct session *s,
                         struct store *st, long long id, const struct export_options *opts,
                         struct verror *err);
/* export_write() for a session loaded with saved_session_load(), with its
 * revisions when loaded (export_render_saved()); PATH is refused when it is
 * the database the session came from (SS->db_file) or one of its files, by
 * device and inode. */
int export_write_saved(enum report_format f, const char *path, const struct saved_session *ss,
                       const struct export_options *opts, struct verror *err);

/* "a4" or "letter" into *OUT. Returns 0, or -1 for any other name. */
int report_paper_parse(const char *name, enum report_paper *out);
/* "a4" or "letter". */
const char *report_paper_name(enum report_paper p);

/* Writes into BUF a file name for a report of PROJECT (may be NULL) on the
 * date of WHEN (UTC) in format F, e.g. "shop-rewrite-2026-11-26.html": the
 * project lowercased, each run of characters other than ASCII letters and
 * digits made one '-', trimmed to 60 bytes, with no leading or trailing '-';
 * "verdict-report" when nothing is left. The result never holds '/', "..",
 * a control character or a space, and never starts with '-' or '.'. Returns
 * 0, or -1 when BUF (LEN bytes) is too small (it then holds ""). */
int export_default_name(const char *project, time_t when, enum report_format f, char *buf,
                        size_t len);

/* Escapers, shared by the renderers and tested on their own. */

/* HTML text or attribute value: & < > " ' become entities; the characters
 * text.h cleans (C0 controls other than tab, LF and CR, DEL, C1 controls,
 * the marks that reorder text, bytes that are not UTF-8) become U+FFFD. */
void export_html_escape(struct strbuf *out, const char *text);
/* One CSV cell (RFC 4180): TEXT quoted when it holds a comma, quote, CR or LF
 * (quotes doubled), and, when it starts with = + - @ tab or CR, prefixed with
 * ' against spreadsheet formulas. The characters text.h cleans, but for tab,
 * LF and CR, become U+FFFD. An empty TEXT (or one cut short by a NUL) is an
 * empty cell. */
void export_csv_text(struct strbuf *out, const char *text);
/* One CSV cell holding the number V, unquoted and unguarded. */
void export_csv_number(struct strbuf *out, double v);
/* Markdown inline text: characters that would start markup (\ ` * _ [ ] < >
 * | ~, a '#' at the start or after a space, an '&' that would start an
 * entity) are backslash-escaped; so is a leading - + = or "1." / "1)" that
 * would start a list or a heading; leading blanks are dropped; line breaks
 * and tabs become spaces, so the text stays on one line (a table cell, a
 * list item, a heading, a paragraph), and the other characters text.h
 * cleans (controls, the marks that reorder text, bytes that are not UTF-8)
 * U+FFFD. */
void export_md_text(struct strbuf *out, const char *text);

#endif
