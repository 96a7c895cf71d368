/* export_pdf.h - the report as a PDF, drawn with Cairo and Pango.
 *
 * Cairo and Pango (with glib, harfbuzz, fontconfig and freetype) cannot be
 * linked statically, and linked dynamically they would slow every start of
 * verdict, which is linked statically (static-pie) to start fast. So the
 * PDF renderer (export_pdf.c, export_pdf_draw.c, export_pdf_table.c) is not
 * in verdict: it is in its companion, verdict-pdf, built from the same
 * sources and linked dynamically. verdict itself links export_nopdf.c,
 * whose export_pdf() says the renderer is elsewhere; asked for a PDF, the
 * command line and the walk-through run verdict-pdf with the same command
 * (cli_pdf.h), which builds the same `struct report` and draws it here.
 * docs/exports.md explains the choice. */
#ifndef VERDICT_EXPORT_PDF_H
#define VERDICT_EXPORT_PDF_H

#include "report.h"
#include "strbuf.h"
#include "verror.h"

/* Whether this program draws PDFs itself: 1 in verdict-pdf, 0 in verdict. */
int export_pdf_here(void);

/* Appends REP as a whole PDF document to OUT: A4 or Letter (REP->paper),
 * vector text in embedded fonts, the charts drawn as paths; its metadata
 * (title, author from REP->prepared_by, subject, creation date REP->generated)
 * set. Returns 0, or -1 with ERR (VERROR_STORAGE) when it could not be drawn:
 * no font found, a Cairo failure, a logo that is not a PNG; OUT is then as it
 * was. Prints nothing. */
int export_pdf(const struct report *rep, struct strbuf *out, struct verror *err);

#endif
