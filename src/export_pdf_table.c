/* export_pdf_table.c - the charts and tables of the PDF report: scores,
 * what each criterion adds, the answers and the breakdown (export_pdf_draw.h).
 *
 * Nothing is ever drawn past the right margin: labels are cut with an
 * ellipsis or wrapped to their column, and a breakdown with more options
 * than fit across the page is split into groups of columns, each a table of
 * its own with the criteria repeated. A table that runs onto another page
 * repeats its header there. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_pdf_draw.h"
#include "score_format.h"
#include "score_number.h"
#include "xalloc.h"

/* A round axis maximum at or above V whose quarters are round too. */
static double nice_ceiling(double v)
{
	if (!(v > 0))
		return 1;
	double p = pow(10, floor(log10(v)));
	static const double steps[] = { 1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10 };
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
		if (steps[i] * p >= v - 1e-9)
			return steps[i] * p;
	return 10 * p;
}

/* Axis ticks under a chart: 0, a quarter, ..., MAX at X0..X0+W, Y. */
static void axis(struct pdf *p, double x0, double w, double y, double top, double max)
{
	const struct pdf_style tick = { .size = 6.5, .rgb = PDF_MUTED };
	for (int i = 0; i <= 4; i++) {
		double x = x0 + w * i / 4;
		pdf_rgb(p, 0xd5dae2);
		cairo_set_line_width(p->cr, 0.5);
		const double dash[] = { 2, 2 };
		cairo_set_dash(p->cr, dash, 2, 0);
		cairo_move_to(p->cr, x, top);
		cairo_line_to(p->cr, x, y);
		cairo_stroke(p->cr);
		cairo_set_dash(p->cr, NULL, 0, 0);
		char buf[32];
		score_number(buf, sizeof buf, max * i / 4, 1);
		pdf_set(p, NULL, buf, &tick, 40);
		int tw, th;
		pango_layout_get_size(p->lay, &tw, &th);
		double half = tw / (double)PANGO_SCALE / 2;
		/* Kept inside the column at both ends. */
		double tx = i == 0 ? x : i == 4 ? x - 2 * half : x - half;
		pdf_draw_at(p, tx, y + 2, 40, NULL, buf, &tick);
	}
}

void pdf_scores_chart(struct pdf *p)
{
	const struct report *rep = p->rep;
	const struct result *r = rep->r;
	size_t n = r->noptions;
	double row = n <= 6 ? 17 : 11, bar = n <= 6 ? 11 : 7;
	double label_w = 118, value_w = 34;
	double bx = p->x0 + label_w + 8, bw = p->x1 - value_w - bx;
	pdf_room(p, row * (double)n + 16);
	double top = p->y;
	const struct pdf_style label = { .size = n <= 6 ? 8.5 : 7, .rgb = PDF_INK, .right = 1,
	                                 .one_line = 1 };
	for (size_t i = 0; i < n; i++) {
		size_t o = r->ranking[i];
		double y = top + row * (double)i;
		struct pdf_style st = label;
		st.bold = (int)o == r->winner;
		double lh = pdf_measure(p, NULL, report_option_name(rep, o), &st, label_w);
		pdf_draw_at(p, p->x0, y + (row - lh) / 2, label_w, NULL, report_option_name(rep, o),
		            &st);
		pdf_rect(p, bx, y + (row - bar) / 2, bw, bar, 0xeef1f5);
		double v = r->scores[o];
		v = v < 0 ? 0 : v > 100 ? 100 : v;
		pdf_rect(p, bx, y + (row - bar) / 2, bw * v / 100, bar, pdf_option_rgb(o));
		char buf[32];
		score_points(buf, sizeof buf, r->scores[o]);
		struct pdf_style vs = st;
		vs.right = 0;
		pdf_draw_at(p, p->x1 - value_w + 4, y + (row - lh) / 2, value_w - 4, NULL, buf, &vs);
	}
	p->y = top + row * (double)n;
	axis(p, bx, bw, p->y + 2, top, 100);
	p->y += 14;
}

/* Criteria with a weight above zero, by the points they add in all, most
 * first (the criteria's order among equals), as the HTML chart. Returns
 * how many, in IDX. */
static size_t contribution_order(const struct result *r, size_t *idx)
{
	size_t count = 0, n = r->noptions;
	for (size_t k = 0; k < r->ncriteria; k++) {
		if (!(r->weights[k] > 0))
			continue;
		double sum = 0;
		for (size_t o = 0; o < n; o++)
			sum += r->contributions[k * n + o];
		size_t at = count++;
		while (at > 0) {
			double prev = 0;
			for (size_t o = 0; o < n; o++)
				prev += r->contributions[idx[at - 1] * n + o];
			if (prev >= sum)
				break;
			idx[at] = idx[at - 1];
			at--;
		}
		idx[at] = k;
	}
	return count;
}

void pdf_legend(struct pdf *p)
{
	const struct report *rep = p->rep;
	const struct pdf_style st = { .size = 8, .rgb = PDF_INK, .one_line = 1 };
	double x = p->x0, w = p->x1 - p->x0;
	pdf_room(p, 14);
	for (size_t o = 0; o < rep->c->noptions; o++) {
		const char *name = rep->c->options[o].name;
		pdf_set(p, NULL, name, &st, w - 12);
		int tw, th;
		pango_layout_get_size(p->lay, &tw, &th);
		double iw = 12 + tw / (double)PANGO_SCALE + 12;
		if (x > p->x0 && x + iw > p->x1) {
			x = p->x0;
			p->y += 12;
			pdf_room(p, 12);
		}
		pdf_rect(p, x, p->y + 2, 8, 8, pdf_option_rgb(o));
		pdf_draw_at(p, x + 11, p->y, p->x1 - x - 11, NULL, name, &st);
		x += iw;
	}
	p->y += 16;
}

void pdf_contributions_chart(struct pdf *p)
{
	const struct report *rep = p->rep;
	const struct result *r = rep->r;
	size_t n = r->noptions;
	size_t *idx = xcalloc(r->ncriteria ? r->ncriteria : 1, sizeof *idx);
	size_t rows = contribution_order(r, idx);
	double max = 0;
	for (size_t i = 0; i < rows; i++)
		for (size_t o = 0; o < n; o++)
			if (r->contributions[idx[i] * n + o] > max)
				max = r->contributions[idx[i] * n + o];
	max = nice_ceiling(max);
	double bar = n <= 4 ? 4.2 : n <= 8 ? 3 : 2, gap = n <= 4 ? 1.3 : n <= 8 ? 1 : 0.6;
	double label_w = 150, bx = p->x0 + label_w + 8, value_w = n <= 4 ? 26 : 0;
	double bw = p->x1 - bx - value_w;
	const struct pdf_style label = { .size = 7.5, .rgb = PDF_INK };
	const struct pdf_style value = { .size = 5, .rgb = PDF_MUTED };
	double top = p->y;
	for (size_t i = 0; i < rows; i++) {
		size_t k = idx[i];
		double bars = (bar + gap) * (double)n;
		double lh = pdf_measure(p, NULL, rep->c->criteria[k].name, &label, label_w);
		double h = (lh > bars ? lh : bars) + 2;
		if (p->y + h + 12 > p->bottom) {
			axis(p, bx, bw, p->y + 1, top, max);
			pdf_new_page(p);
			top = p->y;
		}
		if (i % 2 == 0)
			pdf_rect(p, p->x0, p->y, p->x1 - p->x0, h, 0xf7f9fb);
		pdf_draw_at(p, p->x0 + 3, p->y + 2, label_w - 3, NULL, rep->c->criteria[k].name,
		            &label);
		double y = p->y + 1 + (h - 2 - bars) / 2;
		for (size_t o = 0; o < n; o++) {
			double v = r->contributions[k * n + o];
			double len = v > 0 ? bw * v / max : 0;
			pdf_rect(p, bx, y, len, bar, pdf_option_rgb(o));
			if (value_w) {
				char buf[32];
				score_points(buf, sizeof buf, v);
				pdf_draw_at(p, bx + len + 2, y + bar / 2 - 3, value_w, NULL, buf, &value);
			}
			y += bar + gap;
		}
		p->y += h;
	}
	axis(p, bx, bw, p->y + 1, top, max);
	p->y += 14;
	free(idx);
}

/* A table cell: MAIN over SUB (muted, smaller), either may be NULL. */
struct cell {
	const char *main;
	const char *sub;
	int bold;
	unsigned swatch;        /* a colour square before MAIN, when not 0 */
	int span;               /* in a header: MAIN across this many columns (0 is 1) */
};

struct table {
	size_t ncols;
	const double *w;        /* each column's width */
	const int *right;       /* whether it is aligned right */
	double size;            /* the type size */
	struct cell *head;      /* the header, drawn again on each new page */
};

#define PAD 3

static double cell_height(struct pdf *p, const struct table *t, const struct cell *c, double w,
                          int head)
{
	struct pdf_style st = { .size = head ? t->size - 0.5 : t->size, .bold = c->bold || head,
	                        .rgb = head ? PDF_MUTED : PDF_INK };
	double sw = c->swatch ? 9 : 0;
	double h = c->main ? pdf_measure(p, NULL, c->main, &st, w - 2 * PAD - sw) : 0;
	if (c->sub) {
		struct pdf_style sub = { .size = t->size - 1.5, .rgb = PDF_MUTED };
		h += pdf_measure(p, NULL, c->sub, &sub, w - 2 * PAD);
	}
	return h;
}

/* The width of cell I of CELLS, across the columns it spans. */
static double span_width(const struct table *t, const struct cell *cells, size_t i)
{
	double w = 0;
	for (size_t j = i; j < t->ncols && j < i + (cells[i].span > 1 ? (size_t)cells[i].span : 1);
	     j++)
		w += t->w[j];
	return w;
}

static double row_height(struct pdf *p, const struct table *t, const struct cell *cells, int head)
{
	double h = 0;
	for (size_t i = 0; i < t->ncols; i++) {
		double ch = cell_height(p, t, &cells[i], span_width(t, cells, i), head);
		if (ch > h)
			h = ch;
	}
	return h + 2 * PAD;
}

static void draw_row(struct pdf *p, const struct table *t, const struct cell *cells, int head,
                     double h)
{
	double x = p->x0;
	for (size_t i = 0; i < t->ncols; x += t->w[i], i++) {
		const struct cell *c = &cells[i];
		if (!c->main && !c->sub)
			continue;
		struct pdf_style st = { .size = head ? t->size - 0.5 : t->size,
		                        .bold = c->bold || head, .rgb = head ? PDF_MUTED : PDF_INK,
		                        .right = t->right[i] };
		double cw = span_width(t, cells, i);
		double w = cw - 2 * PAD, y = p->y + PAD;
		if (head) {
			/* Header text sits on the rule under it. */
			y = p->y + h - PAD - cell_height(p, t, c, cw, 1);
		}
		double sw = c->swatch ? 9 : 0;
		if (c->swatch) {
			/* Just before the text, wherever its alignment puts it. */
			pdf_set(p, NULL, c->main, &st, w - sw);
			PangoRectangle log;
			pango_layout_get_extents(p->lay, NULL, &log);
			double lx = log.x / (double)PANGO_SCALE;
			pdf_rect(p, x + PAD + lx, y + st.size * 0.22, st.size * 0.8, st.size * 0.8,
			         c->swatch);
		}
		double mh = 0;
		if (c->main)
			mh = pdf_draw_at(p, x + PAD + sw, y, w - sw, NULL, c->main, &st);
		if (c->sub) {
			struct pdf_style sub = { .size = t->size - 1.5, .rgb = PDF_MUTED,
			                         .right = t->right[i] };
			pdf_draw_at(p, x + PAD, y + mh, w, NULL, c->sub, &sub);
		}
	}
	pdf_hline(p, p->x0, p->x1, p->y + h, head ? 1 : 0.4, head ? PDF_INK : PDF_LINE);
}

static void table_head(struct pdf *p, const struct table *t)
{
	double h = row_height(p, t, t->head, 1);
	draw_row(p, t, t->head, 1, h);
	p->y += h;
}

/* A row; on a new page when it does not fit, under the header again. */
static void table_row(struct pdf *p, const struct table *t, const struct cell *cells,
                      unsigned fill)
{
	double h = row_height(p, t, cells, 0);
	if (p->y + h > p->bottom) {
		pdf_new_page(p);
		table_head(p, t);
	}
	if (fill)
		pdf_rect(p, p->x0, p->y, p->x1 - p->x0, h, fill);
	draw_row(p, t, cells, 0, h);
	p->y += h;
}

/* A table's start: its header and first row (FIRST) kept together. */
static void table_start(struct pdf *p, const struct table *t, const struct cell *first)
{
	double h = row_height(p, t, t->head, 1) + (first ? row_height(p, t, first, 0) : 0);
	pdf_room(p, h);
	table_head(p, t);
}

void pdf_answers_table(struct pdf *p)
{
	const struct report *rep = p->rep;
	const struct criteria *c = rep->c;
	double w = p->x1 - p->x0;
	const double widths[2] = { w * 0.5, w * 0.5 };
	const int right[2] = { 0, 0 };
	struct cell head[2] = { { .main = "Question" }, { .main = "Answer" } };
	struct table t = { 2, widths, right, 8.5, head };
	for (size_t q = 0; q < c->nquestions; q++) {
		int ch = q < rep->s->nquestions ? rep->s->choices[q] : -1;
		struct cell row[2] = { { .main = c->questions[q].prompt }, { 0 } };
		if (ch >= 0 && (size_t)ch < c->questions[q].nchoices)
			row[1].main = c->questions[q].choices[ch].label;
		else
			row[1].sub = "Not answered";
		if (q == 0)
			table_start(p, &t, row);
		table_row(p, &t, row, 0);
	}
	p->y += 6;
}

int pdf_group_order(const struct criteria *c, size_t *order)
{
	size_t n = 0;
	int any = 0;
	for (size_t k = 0; k < c->ncriteria; k++) {
		const char *g = c->criteria[k].group;
		any |= g != NULL;
		int seen = 0;
		for (size_t j = 0; j < k && !seen; j++) {
			const char *gj = c->criteria[j].group;
			seen = (!g && !gj) || (g && gj && strcmp(g, gj) == 0);
		}
		if (seen)
			continue;
		for (size_t j = k; j < c->ncriteria; j++) {
			const char *gj = c->criteria[j].group;
			if ((!g && !gj) || (g && gj && strcmp(g, gj) == 0))
				order[n++] = j;
		}
	}
	return any;
}

#define NAME_W 130              /* the criterion column, beside a few options */
#define WEIGHT_W 72             /* the weight column, beside a few options */
#define NAME_NARROW_W 100       /* the same beside many */
#define WEIGHT_NARROW_W 58
#define OPTION_MIN_W 48         /* an option's column, at its narrowest */

/* The breakdown of options FROM..TO-1: a table of its own. WIDE: each
 * option's rating and points side by side (else points under the rating).
 * Why each weight is what it is goes in the cards after it. */
static void breakdown_part(struct pdf *p, size_t from, size_t to, int wide)
{
	const struct report *rep = p->rep;
	const struct criteria *c = rep->c;
	const struct result *r = rep->r;
	size_t n = r->noptions, m = to - from;
	size_t ncols = 2 + (wide ? 2 * m : m);
	double *w = xcalloc(ncols, sizeof *w);
	int *right = xcalloc(ncols, sizeof *right);
	struct cell *head = xcalloc(ncols, sizeof *head);
	struct cell *row = xcalloc(ncols, sizeof *row);
	char (*bufs)[2][48] = xcalloc(m, sizeof *bufs);
	double total = p->x1 - p->x0;
	w[0] = wide ? NAME_W : NAME_NARROW_W;
	w[1] = wide ? WEIGHT_W : WEIGHT_NARROW_W;
	right[1] = 1;
	head[0].main = "Criterion";
	head[1].main = "Weight";
	size_t at = 2;
	double rest = total - w[0] - w[1];
	for (size_t o = from; o < to; o++) {
		if (wide) {
			w[at] = rest / (double)m * 0.45;
			right[at] = 1;
			head[at].main = report_option_name(rep, o);
			head[at].swatch = pdf_option_rgb(o);
			head[at++].span = 2;
			w[at] = rest / (double)m * 0.55;
			right[at++] = 1;
		} else {
			w[at] = rest / (double)m;
			right[at] = 1;
			head[at].main = report_option_name(rep, o);
			head[at++].swatch = pdf_option_rgb(o);
		}
	}
	struct table t = { ncols, w, right, m > 6 ? 7 : 7.5, head };
	size_t *order = xcalloc(r->ncriteria ? r->ncriteria : 1, sizeof *order);
	int groups = pdf_group_order(c, order);
	for (size_t i = 0; i < r->ncriteria; i++) {
		size_t k = order[i];
		const char *prev = i ? c->criteria[order[i - 1]].group : NULL;
		const char *g = c->criteria[k].group;
		int starts = i == 0 || (g ? !prev || strcmp(prev, g) != 0 : prev != NULL);
		memset(row, 0, ncols * sizeof *row);
		row[0].main = c->criteria[k].name;
		char weight[48], wl[160];
		if (rep->rows[k].pairwise) {
			snprintf(wl, sizeof wl, "%s of the weight", rep->rows[k].share);
		} else {
			snprintf(wl, sizeof wl, "%s %s",
			         score_number(weight, sizeof weight, r->weights[k], 2),
			         criteria_weight_label(c, r->weights[k]));
		}
		row[1].main = wl;
		at = 2;
		for (size_t o = from; o < to; o++) {
			char *rating = bufs[o - from][0], *pts = bufs[o - from][1];
			score_number(rating, sizeof bufs[0][0], r->ratings[k * n + o], 2);
			score_points(pts, sizeof bufs[0][1], r->contributions[k * n + o]);
			if (wide) {
				strcat(rating, "/10");
				row[at++].main = rating;
				row[at++].main = pts;
			} else {
				strcat(pts, " pts");
				row[at].main = rating;
				row[at++].sub = pts;
			}
		}
		if (i == 0)
			table_start(p, &t, row);
		if (groups && starts) {
			struct cell gc[1] = { { .main = g ? g : "Other", .bold = 1 } };
			const double gw[1] = { total };
			const int gr[1] = { 0 };
			struct table gt = { 1, gw, gr, 7.5, NULL };
			double h = row_height(p, &gt, gc, 0);
			/* A group's heading stays with its first criterion. */
			if (p->y + h + row_height(p, &t, row, 0) > p->bottom) {
				pdf_new_page(p);
				table_head(p, &t);
			}
			pdf_rect(p, p->x0, p->y, total, h, PDF_SOFT);
			struct pdf_style gs = { .size = 7.5, .bold = 1, .rgb = PDF_ACCENT };
			pdf_draw_at(p, p->x0 + PAD, p->y + PAD, total - 2 * PAD, NULL, gc[0].main, &gs);
			p->y += h;
		}
		table_row(p, &t, row, 0);
	}
	memset(row, 0, ncols * sizeof *row);
	row[0].main = "Total";
	row[0].bold = 1;
	char tw[48];
	row[1].main = r->pairwise ? "100%" : score_number(tw, sizeof tw, r->total_weight, 2);
	row[1].bold = 1;
	at = 2;
	for (size_t o = from; o < to; o++) {
		char *score = bufs[o - from][0];
		score_points(score, sizeof bufs[0][0], r->scores[o]);
		if (wide)
			at++;   /* the rating column stays empty */
		row[at].main = score;
		row[at++].bold = 1;
	}
	table_row(p, &t, row, 0);
	p->y += 8;
	free(order);
	free(bufs);
	free(row);
	free(head);
	free(right);
	free(w);
}

void pdf_breakdown_table(struct pdf *p)
{
	size_t n = p->rep->r->noptions;
	double total = p->x1 - p->x0;
	if (n <= 3) {
		breakdown_part(p, 0, n, 1);
		return;
	}
	/* As many options in a table as fit across the page, the tables as
	 * even as they can be. */
	size_t fit = (size_t)((total - NAME_NARROW_W - WEIGHT_NARROW_W) / OPTION_MIN_W);
	if (fit < 1)
		fit = 1;
	size_t parts = (n + fit - 1) / fit, each = (n + parts - 1) / parts;
	for (size_t from = 0; from < n; from += each) {
		size_t to = from + each < n ? from + each : n;
		if (parts > 1) {
			char title[96];
			snprintf(title, sizeof title, "Options %zu to %zu of %zu", from + 1, to, n);
			pdf_room(p, 60);
			pdf_para(p, title, &PDF_MUTED_SMALL, 2);
		}
		breakdown_part(p, from, to, 0);
	}
}
