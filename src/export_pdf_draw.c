/* export_pdf_draw.c - pages, text and shapes of the PDF report
 * (export_pdf_draw.h). */
#include "export_pdf_draw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "export_svg.h"
#include "strbuf.h"
#include "text.h"

#define PS ((double)PANGO_SCALE)

const struct pdf_style PDF_BODY = { .size = 9.2, .rgb = PDF_INK };
const struct pdf_style PDF_SMALL = { .size = 8, .rgb = PDF_INK };
const struct pdf_style PDF_MUTED_SMALL = { .size = 7.5, .rgb = PDF_MUTED };
const struct pdf_style PDF_H2 = { .size = 13, .bold = 1, .rgb = PDF_INK };
const struct pdf_style PDF_H3 = { .size = 10.5, .bold = 1, .rgb = PDF_INK };

void pdf_rgb(struct pdf *p, unsigned rgb)
{
	cairo_set_source_rgb(p->cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
	                     (rgb & 0xff) / 255.0);
}

unsigned pdf_option_rgb(size_t o)
{
	return (unsigned)strtoul(export_option_colour(o) + 1, NULL, 16);
}

/* TEXT made safe to show (text.h), appended to OUT: a text of one line has
 * its tabs and line breaks as spaces; one of LINES keeps its line breaks
 * (CR LF and CR as LF) and has its tabs as spaces. */
static void clean_into(struct strbuf *out, const char *text, int lines)
{
	if (!text)
		return;
	if (!lines) {
		text_clean(out, text, strlen(text), TEXT_MARKDOWN);
		return;
	}
	struct strbuf b;
	strbuf_init(&b);
	text_clean(&b, text, strlen(text), TEXT_HTML);
	for (const char *s = strbuf_str(&b); *s; s++) {
		if (*s == '\r') {
			strbuf_putc(out, '\n');
			if (s[1] == '\n')
				s++;
		} else {
			strbuf_putc(out, *s == '\t' ? ' ' : *s);
		}
	}
	strbuf_free(&b);
}

void pdf_set(struct pdf *p, const char *lead, const char *text, const struct pdf_style *st,
             double w)
{
	struct strbuf b;
	strbuf_init(&b);
	clean_into(&b, lead, 0);
	size_t lead_len = b.len;
	if (lead && text && *text)
		strbuf_putc(&b, ' ');
	clean_into(&b, text, st->lines);
	PangoFontDescription *fd = pango_font_description_copy(st->mono ? p->mono : p->sans);
	pango_font_description_set_absolute_size(fd, st->size * p->type_scale * PS);
	pango_font_description_set_weight(fd, st->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(p->lay, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(p->lay, (int)(w * PS));
	pango_layout_set_wrap(p->lay, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_ellipsize(p->lay, st->one_line ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
	pango_layout_set_alignment(p->lay, st->right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
	pango_layout_set_line_spacing(p->lay, 1.1f);
	PangoAttrList *attrs = pango_attr_list_new();
	if (lead_len && !st->bold) {
		PangoAttribute *a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
		a->start_index = 0;
		a->end_index = (guint)lead_len;
		pango_attr_list_insert(attrs, a);
	}
	if (st->spacing > 0)
		pango_attr_list_insert(attrs, pango_attr_letter_spacing_new((int)(st->spacing * PS)));
	pango_layout_set_attributes(p->lay, attrs);
	pango_attr_list_unref(attrs);
	pango_layout_set_text(p->lay, strbuf_str(&b), (int)b.len);
	strbuf_free(&b);
}

/* The height of what P->lay holds, in points. */
static double laid_height(struct pdf *p)
{
	int w, h;
	pango_layout_get_size(p->lay, &w, &h);
	return h / PS;
}

double pdf_measure(struct pdf *p, const char *lead, const char *text,
                   const struct pdf_style *st, double w)
{
	pdf_set(p, lead, text, st, w);
	return laid_height(p);
}

double pdf_draw_at(struct pdf *p, double x, double y, double w, const char *lead,
                   const char *text, const struct pdf_style *st)
{
	pdf_set(p, lead, text, st, w);
	pdf_rgb(p, st->rgb);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, p->lay);
	return laid_height(p);
}

void pdf_flow(struct pdf *p, double x, double w, const char *marker, double indent,
              const char *lead, const char *text, const struct pdf_style *st)
{
	pdf_set(p, lead, text, st, w);
	/* A copy: a new page's head and footer use P->lay. */
	PangoLayout *lay = pango_layout_copy(p->lay);
	PangoLayoutIter *it = pango_layout_get_iter(lay);
	double shift = p->y;    /* the page's y of the layout's top */
	int first = 1;
	do {
		PangoRectangle lr;
		pango_layout_iter_get_line_extents(it, NULL, &lr);
		double top = lr.y / PS + shift, h = lr.height / PS;
		if (top + h > p->bottom && top > p->top + 0.5) {
			pdf_new_page(p);
			shift = p->y - lr.y / PS;
			top = p->y;
		}
		double base = pango_layout_iter_get_baseline(it) / PS + shift;
		pdf_rgb(p, st->rgb);
		cairo_move_to(p->cr, x + lr.x / PS, base);
		pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
		p->y = top + h;
		if (first && marker) {
			/* The marker on the same baseline, in the same size. */
			PangoLayout *m = pango_layout_copy(lay);
			pango_layout_set_attributes(m, NULL);
			pango_layout_set_width(m, -1);
			pango_layout_set_text(m, marker, -1);
			PangoLayoutLine *ml = pango_layout_get_line_readonly(m, 0);
			pdf_rgb(p, PDF_MUTED);
			cairo_move_to(p->cr, x - indent, base);
			pango_cairo_show_layout_line(p->cr, ml);
			g_object_unref(m);
		}
		first = 0;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(lay);
}

void pdf_para(struct pdf *p, const char *text, const struct pdf_style *st, double after)
{
	pdf_flow(p, p->x0, p->x1 - p->x0, NULL, 0, NULL, text, st);
	p->y += after;
}

void pdf_item(struct pdf *p, const char *marker, const char *lead, const char *text)
{
	pdf_room(p, 14);
	pdf_flow(p, p->x0 + 16, p->x1 - p->x0 - 16, marker, 16, lead, text, &PDF_BODY);
	p->y += 4;
}

void pdf_room(struct pdf *p, double h)
{
	if (p->y + h > p->bottom && p->y > p->top + 0.5)
		pdf_new_page(p);
}

void pdf_heading(struct pdf *p, const char *text, const struct pdf_style *st, double need)
{
	double w = p->x1 - p->x0;
	double h = pdf_measure(p, NULL, text, st, w);
	if (p->y > p->top + 0.5)
		p->y += st->size * 1.1;
	pdf_room(p, h + 6 + need);
	pdf_draw_at(p, p->x0, p->y, w, NULL, text, st);
	p->y += h + 2;
	if (st->size >= PDF_H2.size) {
		pdf_hline(p, p->x0, p->x1, p->y, 0.75, PDF_LINE);
		p->y += 6;
	} else {
		p->y += 2;
	}
}

void pdf_rect(struct pdf *p, double x, double y, double w, double h, unsigned rgb)
{
	pdf_rgb(p, rgb);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_fill(p->cr);
}

void pdf_round_rect(struct pdf *p, double x, double y, double w, double h, double r,
                    unsigned fill, unsigned stroke)
{
	cairo_t *cr = p->cr;
	cairo_new_sub_path(cr);
	cairo_arc(cr, x + w - r, y + r, r, -G_PI / 2, 0);
	cairo_arc(cr, x + w - r, y + h - r, r, 0, G_PI / 2);
	cairo_arc(cr, x + r, y + h - r, r, G_PI / 2, G_PI);
	cairo_arc(cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
	cairo_close_path(cr);
	pdf_rgb(p, fill);
	cairo_fill_preserve(cr);
	pdf_rgb(p, stroke);
	cairo_set_line_width(cr, 0.6);
	cairo_stroke(cr);
}

void pdf_hline(struct pdf *p, double x0, double x1, double y, double width, unsigned rgb)
{
	pdf_rgb(p, rgb);
	cairo_set_line_width(p->cr, width);
	cairo_move_to(p->cr, x0, y);
	cairo_line_to(p->cr, x1, y);
	cairo_stroke(p->cr);
}

/* The running head of every page but the first: the project and the
 * criteria set's title, and a rule. */
static void running_head(struct pdf *p)
{
	const struct report *rep = p->rep;
	struct strbuf b;
	strbuf_init(&b);
	if (rep->project) {
		strbuf_puts(&b, rep->project);
		strbuf_puts(&b, " \u00b7 ");
	}
	strbuf_puts(&b, rep->c->title);
	const struct pdf_style head = { .size = 7.5, .rgb = PDF_MUTED, .one_line = 1 };
	double w = p->x1 - p->x0;
	double h = pdf_draw_at(p, p->x0, p->top - 24, w - 90, NULL, strbuf_str(&b), &head);
	const struct pdf_style right = { .size = 7.5, .rgb = PDF_MUTED, .right = 1, .one_line = 1 };
	pdf_draw_at(p, p->x1 - 90, p->top - 24, 90, NULL, "Decision report", &right);
	pdf_hline(p, p->x0, p->x1, p->top - 24 + h + 3, 0.5, PDF_LINE);
	strbuf_free(&b);
}

/* The footer: the report's date and the generator, and the page number. */
static void footer(struct pdf *p)
{
	char date[CLOCK_TEXT_MAX], left[160], right[48];
	clock_format(p->rep->generated, date, sizeof date);
	snprintf(left, sizeof left, "Made by verdict " VERDICT_VERSION " on %s", date);
	if (p->pages)
		snprintf(right, sizeof right, "Page %d of %d", p->page, p->pages);
	else
		snprintf(right, sizeof right, "Page %d", p->page);
	double y = p->ph - 34;
	pdf_hline(p, p->x0, p->x1, y - 5, 0.5, PDF_LINE);
	const struct pdf_style l = { .size = 7.5, .rgb = PDF_MUTED, .one_line = 1 };
	const struct pdf_style r = { .size = 7.5, .rgb = PDF_MUTED, .right = 1, .one_line = 1 };
	pdf_draw_at(p, p->x0, y, p->x1 - p->x0 - 100, NULL, left, &l);
	pdf_draw_at(p, p->x1 - 100, y, 100, NULL, right, &r);
}

void pdf_begin(struct pdf *p)
{
	p->page = 1;
	p->y = p->top;
}

void pdf_end(struct pdf *p)
{
	footer(p);
	cairo_show_page(p->cr);
}

void pdf_new_page(struct pdf *p)
{
	footer(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = p->top;
	running_head(p);
}
