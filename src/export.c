/* export.c - choosing a report format, rendering, naming and writing reports. */
#include "export.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "dbfile.h"
#include "export_logo.h"
#include "export_pdf.h"
#include "files.h"
#include "xalloc.h"

struct format_name {
	const char *name;
	enum report_format format;
};

static const struct format_name format_names[] = {
	{ "md", REPORT_MD },
	{ "markdown", REPORT_MD },
	{ "html", REPORT_HTML },
	{ "json", REPORT_JSON },
	{ "csv", REPORT_CSV },
	{ "pdf", REPORT_PDF },
};

int report_format_parse(const char *name, enum report_format *out)
{
	for (size_t i = 0; name && i < sizeof format_names / sizeof format_names[0]; i++)
		if (strcmp(name, format_names[i].name) == 0) {
			*out = format_names[i].format;
			return 0;
		}
	return -1;
}

const char *report_format_ext(enum report_format f)
{
	switch (f) {
	case REPORT_MD:
		return "md";
	case REPORT_HTML:
		return "html";
	case REPORT_JSON:
		return "json";
	case REPORT_CSV:
		return "csv";
	case REPORT_PDF:
		return "pdf";
	}
	return "txt";
}

const char *report_format_title(enum report_format f)
{
	switch (f) {
	case REPORT_MD:
		return "Markdown";
	case REPORT_HTML:
		return "HTML";
	case REPORT_JSON:
		return "JSON";
	case REPORT_CSV:
		return "CSV";
	case REPORT_PDF:
		return "PDF";
	}
	return "text";
}

void export_render(enum report_format f, const struct report *rep, struct strbuf *out)
{
	switch (f) {
	case REPORT_MD:
		export_md(rep, out);
		break;
	case REPORT_HTML:
		export_html(rep, out);
		break;
	case REPORT_JSON:
		export_json(rep, out);
		break;
	case REPORT_CSV:
		export_csv(rep, out);
		break;
	case REPORT_PDF:
		break;          /* export_pdf(), which can fail */
	}
}

int report_paper_parse(const char *name, enum report_paper *out)
{
	if (name && strcmp(name, "a4") == 0)
		*out = REPORT_PAPER_A4;
	else if (name && strcmp(name, "letter") == 0)
		*out = REPORT_PAPER_LETTER;
	else
		return -1;
	return 0;
}

const char *report_paper_name(enum report_paper p)
{
	return p == REPORT_PAPER_LETTER ? "letter" : "a4";
}

/* A copy of TEXT made valid UTF-8, or NULL for NULL or "". */
static char *option_text(const char *text)
{
	return text && *text ? report_utf8_copy(text) : NULL;
}

int export_apply_options(struct report *rep, const struct export_options *opts,
                         struct verror *err)
{
	static const struct export_options none;
	if (!opts)
		opts = &none;
	free(rep->prepared_by);
	free(rep->prepared_for);
	free(rep->logo_png);
	rep->prepared_by = option_text(opts->prepared_by);
	rep->prepared_for = option_text(opts->prepared_for);
	rep->paper = opts->paper;
	rep->brief = opts->brief;
	rep->logo_png = NULL;
	rep->logo_len = 0;
	if (opts->logo && export_logo_read(opts->logo, &rep->logo_png, &rep->logo_len, err))
		return -1;
	return 0;
}

/* export_render_result() with the session's revisions REVS[0..NREVS). */
static int render_with(enum report_format f, const struct criteria_source *src,
                       const struct session *s, const struct result *r,
                       const struct stored_session *meta, const struct stored_session *revs,
                       size_t nrevs, time_t generated, const struct export_options *opts,
                       struct strbuf *out, struct verror *err)
{
	struct report rep;
	report_build(&rep, src, s, r, meta, generated);
	rep.revisions = revs;
	rep.nrevisions = nrevs;
	int rc = export_apply_options(&rep, opts, err);
	if (rc == 0) {
		/* The byte-order mark that tells a spreadsheet the file is UTF-8. */
		if (f == REPORT_CSV && opts && opts->excel)
			strbuf_puts(out, "\xef\xbb\xbf");
		if (f == REPORT_PDF)
			rc = export_pdf(&rep, out, err);
		else
			export_render(f, &rep, out);
	}
	report_free(&rep);
	return rc;
}

int export_render_result(enum report_format f, const struct criteria_source *src,
                         const struct session *s, const struct result *r,
                         const struct stored_session *meta, time_t generated,
                         const struct export_options *opts, struct strbuf *out,
                         struct verror *err)
{
	return render_with(f, src, s, r, meta, NULL, 0, generated, opts, out, err);
}

int export_render_saved(enum report_format f, const struct saved_session *ss,
                        const struct result *r, time_t generated,
                        const struct export_options *opts, struct strbuf *out,
                        struct verror *err)
{
	return render_with(f, &ss->source, ss->session, r, &ss->stored, ss->revisions,
	                   ss->nrevisions, generated, opts, out, err);
}

/* Writes report BYTES (LEN) to PATH, unless PATH is a database (the open
 * one, DB, may be NULL). */
static int write_report(const char *path, const char *db, const char *bytes, size_t len,
                        struct verror *err)
{
	struct verror why;
	if (dbfile_guard(path, db, &why) || file_write(path, bytes, len, &why))
		return verror_set(err, why.kind, "No report written: %s", why.msg);
	return 0;
}

/* export_write() for a session of database DB (NULL when none is open),
 * with its revisions REVS[0..NREVS). */
static int export_write_db(enum report_format f, const char *path,
                           const struct criteria_source *src, const struct session *s,
                           const struct stored_session *meta,
                           const struct stored_session *revs, size_t nrevs, const char *db,
                           const struct export_options *opts, struct verror *err)
{
	struct result r;
	enum score_status st = score_session(src->model, s, &r);
	if (st != SCORE_OK)
		return verror_set(err, VERROR_INPUT, "No report written: %s",
		                  score_status_message(st));
	struct strbuf out;
	strbuf_init(&out);
	struct verror why;
	int rc = render_with(f, src, s, &r, meta, revs, nrevs, clock_now(), opts, &out, &why);
	result_free(&r);
	if (rc)
		rc = verror_set(err, why.kind, "No report written: %s", why.msg);
	else
		rc = write_report(path, db, strbuf_str(&out), out.len, err);
	strbuf_free(&out);
	return rc;
}

int export_write(enum report_format f, const char *path, const struct criteria_source *src,
                 const struct session *s, const struct stored_session *meta,
                 const struct export_options *opts, struct verror *err)
{
	return export_write_db(f, path, src, s, meta, NULL, 0, NULL, opts, err);
}

int export_write_saved(enum report_format f, const char *path, const struct saved_session *ss,
                       const struct export_options *opts, struct verror *err)
{
	return export_write_db(f, path, &ss->source, ss->session, &ss->stored, ss->revisions,
	                       ss->nrevisions, ss->db_file, opts, err);
}

int export_write_session(enum report_format f, const char *path,
                         const struct criteria_source *src, const struct session *s,
                         struct store *st, long long id, const struct export_options *opts,
                         struct verror *err)
{
	const char *db = st ? store_file(st) : NULL;
	if (!st || id <= 0)
		return export_write_db(f, path, src, s, NULL, NULL, 0, db, opts, err);
	struct stored_session meta;
	if (store_load(st, id, &meta)) {
		const struct verror *why = store_error(st);
		if (why->kind == VERROR_INPUT)
			return verror_set(err, VERROR_INPUT, "No report written: session %lld is no "
			                  "longer stored", id);
		return verror_set(err, why->kind, "No report written: %s", why->msg);
	}
	/* The JSON report carries the revisions, so that the session can be
	 * imported whole into another file. */
	struct stored_session *revs = NULL;
	size_t nrevs = 0;
	struct verror why;
	if (f == REPORT_JSON && saved_revisions_load(st, id, &revs, &nrevs, &why)) {
		stored_session_free(&meta);
		return verror_set(err, why.kind, "No report written: %s", why.msg);
	}
	int rc = export_write_db(f, path, src, s, &meta, revs, nrevs, db, opts, err);
	saved_revisions_free(revs, nrevs);
	stored_session_free(&meta);
	return rc;
}

#define NAME_MAX_PROJECT 60

int export_default_name(const char *project, time_t when, enum report_format f, char *buf,
                        size_t len)
{
	char slug[NAME_MAX_PROJECT + 1];
	size_t n = 0;
	int dash = 0;
	for (const unsigned char *p = (const unsigned char *)(project ? project : ""); *p; p++) {
		if (isascii(*p) && isalnum(*p)) {
			if (dash && n > 0 && n < NAME_MAX_PROJECT)
				slug[n++] = '-';
			dash = 0;
			if (n < NAME_MAX_PROJECT)
				slug[n++] = (char)tolower(*p);
		} else if (*p < 0x80 || *p >= 0xc0) {
			/* One dash per run of anything else; a UTF-8 character's
			 * continuation bytes add nothing. */
			dash = 1;
		}
	}
	while (n > 0 && slug[n - 1] == '-')
		n--;
	slug[n] = '\0';
	char date[32];
	struct tm tm;
	if (!gmtime_r(&when, &tm) || !strftime(date, sizeof date, "%Y-%m-%d", &tm))
		snprintf(date, sizeof date, "undated");
	int w = snprintf(buf, len, "%s-%s.%s", n ? slug : "verdict-report", date,
	                 report_format_ext(f));
	if (w < 0 || (size_t)w >= len) {
		if (len)
			buf[0] = '\0';
		return -1;
	}
	return 0;
}
