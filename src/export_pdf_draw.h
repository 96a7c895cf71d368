/* export_pdf_draw.h - the page and text primitives of the PDF report
 * (export_pdf_draw.c), shared by export_pdf.c (the document and its
 * sections) and export_pdf_table.c (tables and charts).
 *
 * A report is drawn top down: P->y is where the next thing goes on the
 * current page; whatever does not fit below it starts a new page, which
 * gets the running head and, when it ends, the footer with "Page N of M".
 * Every text goes through Pango as plain text (never markup), cleaned first
 * (text.h): controls, the marks that reorder text and bytes that are not
 * UTF-8 become U+FFFD, line breaks and tabs spaces (but in the notes). */
#ifndef VERDICT_EXPORT_PDF_DRAW_H
#define VERDICT_EXPORT_PDF_DRAW_H

#include <cairo.h>
#include <pango/pangocairo.h>
#include <stddef.h>

#include "report.h"

/* The palette, as the HTML report's. */
#define PDF_INK     0x18202bu
#define PDF_MUTED   0x5d6878u
#define PDF_LINE    0xe2e6ecu
#define PDF_SOFT    0xf5f7fau
#define PDF_ACCENT  0x1f4e8cu
#define PDF_GOOD    0x0f7b4fu
#define PDF_LEAN    0xa86a12u
#define PDF_CLOSE   0x6b7280u
#define PDF_WARN_BG 0xfff8ecu
#define PDF_WARN_LINE 0xe8c48au

struct pdf {
	cairo_t *cr;
	PangoLayout *lay;
	PangoFontDescription *sans, *mono;
	const struct report *rep;
	double pw, ph;          /* the page, in points */
	double type_scale;      /* every type size is multiplied by it: 1 on A4; a
	                         * little less on Letter, which is shorter, so that
	                         * the same report takes the same pages */
	double x0, x1;          /* the text column's left and right edges */
	double top, bottom;     /* where a page's text starts, and may go down to */
	double y;               /* where the next thing goes */
	int page;               /* the page being drawn, from 1 */
	int pages;              /* how many there are (0 while counting them) */
};

/* How a text is set. */
struct pdf_style {
	double size;            /* points */
	int bold;
	unsigned rgb;           /* 0xRRGGBB */
	int mono;               /* the monospaced face */
	int right;              /* aligned right (else left) */
	int one_line;           /* cut with an ellipsis rather than wrapped */
	int lines;              /* keeps its line breaks (the notes) */
	double spacing;         /* extra letter spacing, points */
};

extern const struct pdf_style PDF_BODY, PDF_SMALL, PDF_MUTED_SMALL, PDF_H2, PDF_H3;

/* Sets the text LEAD (in bold, may be NULL) followed by TEXT (may be NULL)
 * in STYLE, W points wide, into P->lay. */
void pdf_set(struct pdf *p, const char *lead, const char *text, const struct pdf_style *st,
             double w);
/* The height of the text pdf_set() would lay out. */
double pdf_measure(struct pdf *p, const char *lead, const char *text,
                   const struct pdf_style *st, double w);
/* Draws it with its top at X, Y (not moving P->y, breaking no page).
 * Returns its height. */
double pdf_draw_at(struct pdf *p, double x, double y, double w, const char *lead,
                   const char *text, const struct pdf_style *st);
/* Draws it at P->y, line by line, going on at the top of a new page where a
 * line does not fit; MARKER (may be NULL: "1.", "•") is drawn on the first
 * line's baseline INDENT points to the left of X. Moves P->y below it. */
void pdf_flow(struct pdf *p, double x, double w, const char *marker, double indent,
              const char *lead, const char *text, const struct pdf_style *st);
/* A paragraph across the column, then AFTER points. */
void pdf_para(struct pdf *p, const char *text, const struct pdf_style *st, double after);
/* A list item across the column: MARKER, then LEAD (bold) and TEXT. */
void pdf_item(struct pdf *p, const char *marker, const char *lead, const char *text);
/* A section heading with a rule under it, on a new page unless NEED points
 * more fit below it. */
void pdf_heading(struct pdf *p, const char *text, const struct pdf_style *st, double need);
/* Makes sure H points fit below P->y: else a new page. */
void pdf_room(struct pdf *p, double h);
/* Ends the page (its footer) and starts the next (its running head). */
void pdf_new_page(struct pdf *p);
/* Starts page 1 (no running head), and ends the last page. */
void pdf_begin(struct pdf *p);
void pdf_end(struct pdf *p);

/* Fill colour RGB. */
void pdf_rgb(struct pdf *p, unsigned rgb);
/* A filled rectangle, and one with rounded corners (radius R). */
void pdf_rect(struct pdf *p, double x, double y, double w, double h, unsigned rgb);
void pdf_round_rect(struct pdf *p, double x, double y, double w, double h, double r,
                    unsigned fill, unsigned stroke);
/* A horizontal line from X0 to X1 at Y, WIDTH thick. */
void pdf_hline(struct pdf *p, double x0, double x1, double y, double width, unsigned rgb);
/* Option O's colour (export_option_colour()) as 0xRRGGBB. */
unsigned pdf_option_rgb(size_t o);

/* The charts and tables (export_pdf_table.c). */
void pdf_scores_chart(struct pdf *p);
void pdf_contributions_chart(struct pdf *p);
void pdf_legend(struct pdf *p);
void pdf_answers_table(struct pdf *p);
void pdf_breakdown_table(struct pdf *p);
/* The criteria of C in ORDER, grouped as the HTML report groups them: groups
 * in the order they first appear. Returns whether any has a group. */
int pdf_group_order(const struct criteria *c, size_t *order);

#endif
