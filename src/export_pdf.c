/* export_pdf.c - the report as a PDF (export_pdf.h): Cairo's PDF surface,
 * Pango for every text (wrapping, shaping, fallback to a font that has the
 * script), the fonts embedded, the charts drawn as paths.
 *
 * Page 1 is the executive summary: the recommendation and how firm it is,
 * the scores, the strongest reasons, what you give up, what would change
 * it, the decision recorded, the note on method, who prepared it for whom
 * and their logo. Then, as in the HTML report: the comparisons in pairs,
 * the reasons, what you give up and what would change it in full, what
 * other answers would give, what each criterion adds, and (unless the
 * report is brief) the answers, the breakdown table and the reasons by
 * criterion; then the notes and the audit hashes.
 *
 * The document is drawn twice, the first time to count its pages, so that
 * each footer can say "Page N of M". */
#include "export_pdf.h"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "export_pdf_draw.h"
#include "score_format.h"
#include "score_number.h"
#include "text.h"
#include "xalloc.h"

/* The faces: DejaVu for Latin, Greek and Cyrillic, Noto CJK for Chinese,
 * Japanese and Korean; fontconfig finds another for what neither has. */
#define SANS "DejaVu Sans, Noto Sans CJK SC, sans-serif"
#define MONO "DejaVu Sans Mono, Noto Sans Mono CJK SC, monospace"

#define SUMMARY_ITEMS 3         /* give-ups and changes on page 1; the rest follow */

int export_pdf_here(void)
{
	return 1;
}

/* LeakSanitizer (make asan) asks a program for the leaks that are not its
 * own, and how to speak of them: Cairo 1.16 keeps some hundred bytes of a
 * font subset (a CFF font, such as Noto CJK's) after a PDF surface is
 * finished, and fontconfig some patterns when it found no font, which
 * nothing outside them can free; and a suppressed leak is not worth a line
 * on standard error. Without a sanitizer nothing calls these. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libcairo.so\nleak:libfontconfig.so\n";
}
const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
	return "print_suppressions=0";
}

/* ---- page 1: the executive summary ---- */

/* The title block: kicker, title, project, respondent, date, who prepared it
 * for whom, and the logo at the right. */
static void title_block(struct pdf *p, cairo_surface_t *logo)
{
	const struct report *rep = p->rep;
	double w = p->x1 - p->x0, text_w = w;
	if (logo) {
		double lw = cairo_image_surface_get_width(logo);
		double lh = cairo_image_surface_get_height(logo);
		double scale = 130 / lw < 52 / lh ? 130 / lw : 52 / lh;
		if (scale > 1)
			scale = 1;
		cairo_save(p->cr);
		cairo_translate(p->cr, p->x1 - lw * scale, p->y);
		cairo_scale(p->cr, scale, scale);
		cairo_set_source_surface(p->cr, logo, 0, 0);
		cairo_paint(p->cr);
		cairo_restore(p->cr);
		text_w = w - lw * scale - 16;
	}
	const struct pdf_style kicker = { .size = 7.5, .bold = 1, .rgb = PDF_ACCENT };
	p->y += pdf_draw_at(p, p->x0, p->y, text_w, NULL, "DECISION REPORT", &kicker) + 3;
	const struct pdf_style title = { .size = 20, .bold = 1, .rgb = PDF_INK };
	p->y += pdf_draw_at(p, p->x0, p->y, text_w, NULL, rep->c->title, &title) + 4;
	struct strbuf b;
	strbuf_init(&b);
	char date[CLOCK_TEXT_MAX];
	clock_format(rep->generated, date, sizeof date);
	if (rep->project) {
		strbuf_puts(&b, rep->project);
		strbuf_puts(&b, " \u00b7 ");
	}
	if (rep->respondent) {
		strbuf_puts(&b, "answered by ");
		strbuf_puts(&b, rep->respondent);
		strbuf_puts(&b, " \u00b7 ");
	}
	strbuf_puts(&b, date);
	const struct pdf_style meta = { .size = 9.5, .rgb = PDF_MUTED };
	p->y += pdf_draw_at(p, p->x0, p->y, text_w, NULL, strbuf_str(&b), &meta);
	if (rep->prepared_by || rep->prepared_for) {
		strbuf_free(&b);
		strbuf_init(&b);
		if (rep->prepared_by) {
			strbuf_puts(&b, "Prepared by ");
			strbuf_puts(&b, rep->prepared_by);
		}
		if (rep->prepared_for) {
			strbuf_puts(&b, rep->prepared_by ? " for " : "Prepared for ");
			strbuf_puts(&b, rep->prepared_for);
		}
		p->y += 2 + pdf_draw_at(p, p->x0, p->y + 2, text_w, NULL, strbuf_str(&b), &PDF_BODY);
	}
	strbuf_free(&b);
	p->y += 10;
	pdf_hline(p, p->x0, p->x1, p->y, 2, PDF_INK);
	p->y += 14;
}

/* One of the four figures under the recommendation, at X, Y, W wide. */
static void figure(struct pdf *p, double x, double y, double w, const char *label,
                   const char *value)
{
	pdf_round_rect(p, x, y, w, 34, 3, 0xffffff, PDF_LINE);
	const struct pdf_style l = { .size = 6.5, .rgb = PDF_MUTED, .one_line = 1 };
	const struct pdf_style v = { .size = 11.5, .bold = 1, .rgb = PDF_INK, .one_line = 1 };
	pdf_draw_at(p, x + 7, y + 5, w - 14, NULL, label, &l);
	pdf_draw_at(p, x + 7, y + 15, w - 14, NULL, value, &v);
}

/* The recommendation panel: what it says, measured first, then drawn on a
 * tinted box with a bar in the strength's colour. */
static void recommendation(struct pdf *p)
{
	const struct report *rep = p->rep;
	const struct result *r = rep->r;
	double w = p->x1 - p->x0, in = w - 34, x = p->x0 + 20;
	const char *winner = r->winner >= 0 ? report_option_name(rep, (size_t)r->winner)
	                                    : "No clear winner";
	const struct pdf_style label = { .size = 7, .bold = 1, .rgb = PDF_MUTED };
	const struct pdf_style big = { .size = 22, .bold = 1, .rgb = PDF_INK };
	const struct pdf_style note = { .size = 8.5, .rgb = PDF_MUTED };
	const char *texts[5] = { "RECOMMENDATION", winner, rep->summary, rep->unknown_project,
	                         r->methods_agree ? rep->methods_text : NULL };
	const struct pdf_style *styles[5] = { &label, &big, &PDF_BODY, &PDF_BODY, &note };
	const double gaps[5] = { 3, 4, 5, 5, 5 };
	double h = 14, warn_h = 0;
	for (int i = 0; i < 5; i++)
		if (texts[i])
			h += pdf_measure(p, NULL, texts[i], styles[i], in) + gaps[i];
	if (rep->warning) {
		warn_h = pdf_measure(p, NULL, rep->warning, &PDF_SMALL, in - 20) + 12;
		h += warn_h + 6;
	}
	h += 34 + 14;
	pdf_room(p, h);
	unsigned bar = r->winner < 0 ? PDF_CLOSE : r->strength == STRENGTH_CLEAR ? PDF_GOOD
	             : r->strength == STRENGTH_LEANING ? PDF_LEAN : PDF_CLOSE;
	pdf_round_rect(p, p->x0, p->y, w, h, 4, PDF_SOFT, PDF_LINE);
	pdf_rect(p, p->x0, p->y, 5, h, bar);
	double y = p->y + 14;
	for (int i = 0; i < 5; i++) {
		if (!texts[i])
			continue;
		y += pdf_draw_at(p, x, y, in, NULL, texts[i], styles[i]) + gaps[i];
		if (i == 2 && rep->warning) {
			pdf_round_rect(p, x, y, in, warn_h, 3, PDF_WARN_BG, PDF_WARN_LINE);
			pdf_rect(p, x, y, 4, warn_h, PDF_LEAN);
			pdf_draw_at(p, x + 12, y + 6, in - 20, NULL, rep->warning, &PDF_SMALL);
			y += warn_h + 6;
		}
	}
	char score[32], lead[32];
	score_points(score, sizeof score, r->scores[r->ranking[0]]);
	score_margin_points(rep->c, r->margin, lead, sizeof lead);
	const char *labels[4] = { "SCORE", "LEAD", "STRENGTH", "CONFIDENCE" };
	const char *values[4] = { score, lead, r->winner < 0 ? "Tie" : rep->strength_text,
	                          rep->confidence_text };
	double fw = (in - 3 * 8) / 4;
	for (int i = 0; i < 4; i++)
		figure(p, x + i * (fw + 8), y + 2, fw, labels[i], values[i]);
	p->y += h + 10;
	if (!r->methods_agree) {
		/* A disagreement stands on its own, where it cannot be missed. */
		const char *head = "The three ways of adding up disagree";
		double th = pdf_measure(p, NULL, head, &PDF_H3, w - 24);
		double bh = th + 4 + pdf_measure(p, NULL, rep->methods_text, &PDF_SMALL, w - 24) + 16;
		pdf_room(p, bh);
		pdf_round_rect(p, p->x0, p->y, w, bh, 3, PDF_WARN_BG, PDF_WARN_LINE);
		pdf_rect(p, p->x0, p->y, 4, bh, PDF_LEAN);
		double ty = p->y + 8;
		ty += pdf_draw_at(p, p->x0 + 14, ty, w - 24, NULL, head, &PDF_H3) + 4;
		pdf_draw_at(p, p->x0 + 14, ty, w - 24, NULL, rep->methods_text, &PDF_SMALL);
		p->y += bh + 8;
	}
}

/* "N more on the next pages.", after a list cut short on page 1. */
static void more(struct pdf *p, size_t n)
{
	if (!n)
		return;
	char buf[80];
	snprintf(buf, sizeof buf, "%zu more on the next pages.", n);
	pdf_flow(p, p->x0 + 16, p->x1 - p->x0 - 16, NULL, 0, NULL, buf, &PDF_MUTED_SMALL);
	p->y += 4;
}

static void summary(struct pdf *p, cairo_surface_t *logo)
{
	const struct report *rep = p->rep;
	const struct result *r = rep->r;
	title_block(p, logo);
	recommendation(p);
	pdf_heading(p, "Scores", &PDF_H3, 40);
	pdf_scores_chart(p);
	/* The strongest reasons: the summary's own choice when made
	 * (REP->strongest), else the first of the reasons. */
	size_t nreasons = rep->nstrongest ? rep->nstrongest : r->nreasons < 3 ? r->nreasons : 3;
	pdf_heading(p, nreasons == 1 ? "The strongest reason" : "The strongest reasons", &PDF_H3, 30);
	if (!nreasons)
		pdf_para(p, "No criterion tips the balance: the options are level.", &PDF_BODY, 4);
	for (size_t i = 0; i < nreasons; i++) {
		char num[32];
		snprintf(num, sizeof num, "%zu.", i + 1);
		size_t k = rep->nstrongest ? rep->strongest[i] : r->reasons[i];
		pdf_item(p, num, NULL, rep->rows[k].reason);
	}
	if (rep->ngiveups) {
		char head[300];
		snprintf(head, sizeof head, "What you give up with %s",
		         report_option_name(rep, (size_t)r->winner));
		pdf_heading(p, head, &PDF_H3, 30);
		size_t shown = rep->ngiveups < SUMMARY_ITEMS ? rep->ngiveups : SUMMARY_ITEMS;
		for (size_t i = 0; i < shown; i++)
			pdf_item(p, "\u2022", NULL, rep->giveups[i]);
		more(p, rep->ngiveups - shown);
	}
	pdf_heading(p, "What would change it", &PDF_H3, 30);
	size_t shown = rep->nchanges < SUMMARY_ITEMS ? rep->nchanges : SUMMARY_ITEMS;
	for (size_t i = 0; i < shown; i++)
		pdf_item(p, "\u2022", NULL, rep->changes[i].text);
	if (shown < rep->nchanges)
		more(p, rep->nchanges - shown);
	else if (rep->steady_text)
		pdf_item(p, "\u2022", NULL, rep->steady_text);
	if (rep->decision_text) {
		pdf_heading(p, "The decision", &PDF_H3, 20);
		pdf_para(p, rep->decision_text, &PDF_BODY, 4);
	}
	if (rep->method_note) {
		p->y += 8;
		pdf_para(p, rep->method_note, &PDF_MUTED_SMALL, 0);
	}
}

/* ---- the pages after it ---- */

static void pairwise(struct pdf *p)
{
	const struct report *rep = p->rep;
	if (!rep->pairwise_lines.count && !rep->given_lines.count)
		return;
	pdf_heading(p, "Your comparisons in pairs", &PDF_H2, 30);
	if (rep->given_lines.count) {
		pdf_para(p, "You said:", &PDF_BODY, 3);
		for (size_t i = 0; i < rep->given_lines.count; i++)
			pdf_item(p, "\u2022", NULL, rep->given_lines.items[i]);
	}
	if (rep->pairwise_lines.count) {
		pdf_para(p, "How they came out:", &PDF_BODY, 3);
		for (size_t i = 0; i < rep->pairwise_lines.count; i++)
			pdf_item(p, "\u2022", NULL, rep->pairwise_lines.items[i]);
	}
}

static void why(struct pdf *p)
{
	const struct report *rep = p->rep;
	const struct result *r = rep->r;
	/* What page 1 left out: the reasons after its strongest ones (the
	 * first of the result's reasons, report.c; the first three when it
	 * names none), and the give-ups and changes after the first three. */
	size_t from = rep->nstrongest ? rep->nstrongest : r->nreasons < 3 ? r->nreasons : 3;
	if (from > r->nreasons)
		from = r->nreasons;
	if (from < r->nreasons)
		pdf_heading(p, "More reasons", &PDF_H2, 30);
	for (size_t i = from; i < r->nreasons; i++) {
		char num[32];
		snprintf(num, sizeof num, "%zu.", i + 1);
		pdf_item(p, num, NULL, rep->rows[r->reasons[i]].reason);
	}
	if (rep->ngiveups > SUMMARY_ITEMS) {
		char head[300];
		snprintf(head, sizeof head, "What else you give up with %s",
		         report_option_name(rep, (size_t)r->winner));
		pdf_heading(p, head, &PDF_H2, 30);
		for (size_t i = SUMMARY_ITEMS; i < rep->ngiveups; i++)
			pdf_item(p, "\u2022", NULL, rep->giveups[i]);
	}
	if (rep->nchanges > SUMMARY_ITEMS) {
		pdf_heading(p, "What else would change it", &PDF_H2, 30);
		for (size_t i = SUMMARY_ITEMS; i < rep->nchanges; i++)
			pdf_item(p, "\u2022", NULL, rep->changes[i].text);
		if (rep->steady_text)
			pdf_item(p, "\u2022", NULL, rep->steady_text);
	}
	if (r->nlevers) {
		pdf_heading(p, "If you answered differently", &PDF_H2, 30);
		if (rep->top_lever)
			pdf_para(p, rep->top_lever, &PDF_BODY, 6);
		for (size_t l = 0; l < r->nlevers; l++) {
			size_t q = r->levers[l].question;
			if (l == 0 || q != r->levers[l - 1].question) {
				pdf_room(p, 30);
				p->y += l ? 3 : 0;
				pdf_para(p, rep->lever_headings[q], &PDF_BODY, 3);
			}
			pdf_item(p, "\u2022", NULL, rep->levers[l]);
		}
	}
}

/* The card of criterion K at X, Y (its text column IN wide): its name,
 * the facts of its weight, and a line per option. Drawn when DRAW, else
 * only measured. Returns its height. */
static double card(struct pdf *p, size_t k, double x, double y, double in, int draw)
{
	const struct report *rep = p->rep;
	const struct criteria *c = rep->c;
	const struct result *r = rep->r;
	const struct criterion *cr = &c->criteria[k];
	size_t n = r->noptions;
	const struct pdf_style name = { .size = 8.5, .bold = 1, .rgb = PDF_INK };
	const struct pdf_style facts = { .size = 6.5, .rgb = PDF_MUTED };
	const struct pdf_style line = { .size = 7, .rgb = PDF_INK };
	struct strbuf f;
	strbuf_init(&f);
	if (cr->group) {
		strbuf_puts(&f, cr->group);
		strbuf_puts(&f, " \u00b7 ");
	}
	if (!rep->rows[k].pairwise) {
		char wbuf[48];
		strbuf_printf(&f, "weight %s (%s): ", score_number(wbuf, sizeof wbuf, r->weights[k], 2),
		              criteria_weight_label(c, r->weights[k]));
	}
	strbuf_puts(&f, rep->rows[k].weight_reason);
	if (cr->source) {
		strbuf_puts(&f, " \u00b7 source: ");
		strbuf_puts(&f, cr->source);
	}
	double h = 5;
	h += (draw ? pdf_draw_at(p, x, y + h, in, NULL, cr->name, &name)
	           : pdf_measure(p, NULL, cr->name, &name, in)) + 1;
	h += (draw ? pdf_draw_at(p, x, y + h, in, NULL, strbuf_str(&f), &facts)
	           : pdf_measure(p, NULL, strbuf_str(&f), &facts, in)) + 4;
	strbuf_free(&f);
	for (size_t o = 0; o < n; o++) {
		struct strbuf t;
		strbuf_init(&t);
		char rb[48], pb[48];
		strbuf_printf(&t, "%s/10", score_number(rb, sizeof rb, r->ratings[k * n + o], 2));
		if (rep->rows[k].rating_traces[o])
			strbuf_printf(&t, " (%s)", rep->rows[k].rating_traces[o]);
		strbuf_printf(&t, ", %s pts",
		              score_points(pb, sizeof pb, r->contributions[k * n + o]));
		if (cr->why && cr->why[o]) {
			strbuf_puts(&t, ". ");
			strbuf_puts(&t, cr->why[o]);
		}
		double lh;
		if (draw) {
			lh = pdf_draw_at(p, x + 6, y + h, in - 6, c->options[o].name, strbuf_str(&t),
			                 &line);
			pdf_rect(p, x, y + h + 0.5, 2.5, lh - 1, pdf_option_rgb(o));
		} else {
			lh = pdf_measure(p, c->options[o].name, strbuf_str(&t), &line, in - 6);
		}
		h += lh + 1.5;
		strbuf_free(&t);
	}
	return h + 3;
}

/* The reasons by criterion, as cards in two columns, in the breakdown's
 * order: each card goes to the column that ends higher, so that no space is
 * left beside a short card. */
static void cards(struct pdf *p)
{
	const struct result *r = p->rep->r;
	double gap = 10, cw = (p->x1 - p->x0 - gap) / 2, in = cw - 14;
	size_t *order = xcalloc(r->ncriteria ? r->ncriteria : 1, sizeof *order);
	pdf_group_order(p->rep->c, order);
	pdf_heading(p, "Reasons by criterion", &PDF_H2, 60);
	double col[2] = { p->y, p->y };
	for (size_t i = 0; i < r->ncriteria; i++) {
		double h = card(p, order[i], 0, 0, in, 0);
		int c = col[0] <= col[1] + 0.5 ? 0 : 1;
		if (col[c] + h > p->bottom) {
			if (col[1 - c] + h <= p->bottom) {
				c = 1 - c;
			} else {
				p->y = col[0] > col[1] ? col[0] : col[1];
				pdf_new_page(p);
				col[0] = col[1] = p->y;
				c = 0;
			}
		}
		double x = p->x0 + c * (cw + gap);
		pdf_round_rect(p, x, col[c], cw, h, 3, 0xffffff, PDF_LINE);
		card(p, order[i], x + 7, col[c], in, 1);
		col[c] += h + 4;
	}
	p->y = (col[0] > col[1] ? col[0] : col[1]) + 2;
	free(order);
}

static void notes(struct pdf *p)
{
	const struct report *rep = p->rep;
	if (!rep->notes || !*rep->notes)
		return;
	pdf_heading(p, "Notes", &PDF_H2, 30);
	const struct pdf_style st = { .size = 9.5, .rgb = PDF_INK, .lines = 1 };
	double top = p->y;
	int page = p->page;
	p->y += 6;
	pdf_flow(p, p->x0 + 12, p->x1 - p->x0 - 20, NULL, 0, NULL, rep->notes, &st);
	if (page == p->page)
		pdf_rect(p, p->x0, top, 3, p->y + 6 - top, PDF_ACCENT);
	p->y += 10;
}

/* A line of the about block: LABEL, then VALUE (monospaced when MONO). */
static void about_line(struct pdf *p, const char *label, const char *value, int mono)
{
	const struct pdf_style l = { .size = 8, .rgb = PDF_MUTED };
	const struct pdf_style v = { .size = mono ? 7.5 : 8, .rgb = PDF_INK, .mono = mono };
	double lw = 120, vw = p->x1 - p->x0 - lw;
	double h = pdf_measure(p, NULL, value, &v, vw);
	pdf_room(p, h + 4);
	pdf_draw_at(p, p->x0, p->y, lw - 8, NULL, label, &l);
	pdf_draw_at(p, p->x0 + lw, p->y + (mono ? 0.5 : 0), vw, NULL, value, &v);
	p->y += h + 4;
}

static void about(struct pdf *p)
{
	const struct report *rep = p->rep;
	char buf[512], date[CLOCK_TEXT_MAX], created[CLOCK_TEXT_MAX], updated[CLOCK_TEXT_MAX];
	pdf_heading(p, "About this report", &PDF_H2, 110);
	clock_format(rep->generated, date, sizeof date);
	if (rep->session_id) {
		clock_format(rep->created, created, sizeof created);
		clock_format(rep->updated, updated, sizeof updated);
		snprintf(buf, sizeof buf, "%lld (%s), started %s, last answer %s", rep->session_id,
		         rep->status_text, created, updated);
	} else {
		snprintf(buf, sizeof buf, "%s", rep->status_text);
	}
	about_line(p, "Session", buf, 0);
	about_line(p, "Report date", date, 0);
	struct strbuf b;
	strbuf_init(&b);
	strbuf_printf(&b, "%s (%s)", rep->c->title, rep->c->id);
	about_line(p, "Criteria", strbuf_str(&b), 0);
	strbuf_free(&b);
	about_line(p, "Criteria source", rep->criteria_source, 0);
	about_line(p, "Criteria text SHA-256", rep->criteria_sha256, 1);
	about_line(p, "Answers SHA-256", rep->answers_sha256, 1);
	strbuf_init(&b);
	strbuf_printf(&b, "%s Two reports with the same hashes rest on the same criteria text and "
	              "the same answers. Made by verdict " VERDICT_VERSION ".",
	              rep->confidence_sentence);
	p->y += 4;
	pdf_room(p, pdf_measure(p, NULL, strbuf_str(&b), &PDF_MUTED_SMALL, p->x1 - p->x0));
	pdf_para(p, strbuf_str(&b), &PDF_MUTED_SMALL, 0);
	strbuf_free(&b);
}

static void document(struct pdf *p, cairo_surface_t *logo)
{
	const struct report *rep = p->rep;
	pdf_begin(p);
	summary(p, logo);
	pdf_new_page(p);
	pairwise(p);
	why(p);
	pdf_heading(p, "What each criterion adds", &PDF_H2, 80);
	pdf_para(p, "The points each criterion adds to each option's score, largest first. "
	         "Criteria that do not matter (weight 0) add nothing and are left out.",
	         &PDF_MUTED_SMALL, 5);
	pdf_legend(p);
	pdf_contributions_chart(p);
	if (!rep->brief && rep->c->nquestions) {
		pdf_heading(p, "Answers", &PDF_H2, 40);
		pdf_answers_table(p);
	}
	if (!rep->brief) {
		pdf_heading(p, "Breakdown by criterion", &PDF_H2, 80);
		pdf_para(p, rep->r->noptions <= 3
		         ? "Each option's rating (out of 10) and the points it adds to its score. "
		           "An option's score is the sum of its points; why each weight is what it "
		           "is follows in the reasons by criterion."
		         : "Each option's rating (0 to 10), and under it the points it adds to "
		           "its score. An option's score is the sum of its points; why each weight "
		           "is what it is follows in the reasons by criterion.",
		         &PDF_MUTED_SMALL, 5);
		pdf_breakdown_table(p);
		cards(p);
	}
	notes(p);
	about(p);
	pdf_end(p);
}

/* ---- the surface, the fonts, the metadata ---- */

static cairo_status_t to_strbuf(void *closure, const unsigned char *data, unsigned int len)
{
	if (closure)
		strbuf_add(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

struct png_in {
	const unsigned char *data;
	size_t len, at;
};

static cairo_status_t from_png(void *closure, unsigned char *data, unsigned int len)
{
	struct png_in *in = closure;
	if (in->len - in->at < len)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, in->data + in->at, len);
	in->at += len;
	return CAIRO_STATUS_SUCCESS;
}

/* TEXT cleaned for the metadata (a line, no controls). */
static void meta(cairo_surface_t *s, cairo_pdf_metadata_t key, const char *text)
{
	if (!text)
		return;
	struct strbuf b;
	strbuf_init(&b);
	text_clean(&b, text, strlen(text), TEXT_MARKDOWN);
	cairo_pdf_surface_set_metadata(s, key, strbuf_str(&b));
	strbuf_free(&b);
}

static void metadata(cairo_surface_t *s, const struct report *rep)
{
	struct strbuf b;
	strbuf_init(&b);
	if (rep->project) {
		strbuf_puts(&b, rep->project);
		strbuf_puts(&b, " \u2014 ");
	}
	strbuf_puts(&b, rep->c->title);
	strbuf_puts(&b, " \u2014 decision report");
	meta(s, CAIRO_PDF_METADATA_TITLE, strbuf_str(&b));
	strbuf_free(&b);
	meta(s, CAIRO_PDF_METADATA_AUTHOR, rep->prepared_by);
	meta(s, CAIRO_PDF_METADATA_SUBJECT, rep->recommendation);
	meta(s, CAIRO_PDF_METADATA_CREATOR, "verdict " VERDICT_VERSION);
	char date[CLOCK_TEXT_MAX];
	clock_format_iso(rep->generated, date, sizeof date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
}

/* Draws the document once onto a PDF surface writing to OUT (NULL: only
 * counting pages). Returns the number of pages, or -1 with ERR. */
static int draw(const struct report *rep, cairo_surface_t *logo, int pages, struct strbuf *out,
                struct verror *err)
{
	struct pdf p = { .rep = rep, .pages = pages };
	p.pw = rep->paper == REPORT_PAPER_LETTER ? 612 : 595;
	p.ph = rep->paper == REPORT_PAPER_LETTER ? 792 : 842;
	p.type_scale = rep->paper == REPORT_PAPER_LETTER ? 0.95 : 1;
	p.x0 = 50;
	p.x1 = p.pw - 50;
	p.top = 52;
	p.bottom = p.ph - 48;
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_strbuf, out, p.pw, p.ph);
	cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
	metadata(s, rep);
	p.cr = cairo_create(s);
	p.lay = pango_cairo_create_layout(p.cr);
	p.sans = pango_font_description_from_string(SANS);
	p.mono = pango_font_description_from_string(MONO);
	/* No font at all draws every character as a box: refused. */
	pdf_set(&p, NULL, "Aa", &PDF_BODY, 100);
	int rc = 0;
	if (pango_layout_get_unknown_glyphs_count(p.lay) > 0) {
		rc = verror_set(err, VERROR_STORAGE, "no font to draw the PDF with: install the "
		                "DejaVu fonts (Debian package fonts-dejavu-core; 'make deps' does)");
	} else {
		document(&p, logo);
		rc = p.page;
	}
	pango_font_description_free(p.sans);
	pango_font_description_free(p.mono);
	g_object_unref(p.lay);
	cairo_status_t st = cairo_status(p.cr);
	cairo_destroy(p.cr);
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (rc >= 0 && st != CAIRO_STATUS_SUCCESS)
		rc = verror_set(err, VERROR_STORAGE, "the PDF could not be drawn: %s",
		                cairo_status_to_string(st));
	return rc;
}

int export_pdf(const struct report *rep, struct strbuf *out, struct verror *err)
{
	cairo_surface_t *logo = NULL;
	if (rep->logo_png) {
		struct png_in in = { rep->logo_png, rep->logo_len, 0 };
		logo = cairo_image_surface_create_from_png_stream(from_png, &in);
		if (cairo_surface_status(logo) != CAIRO_STATUS_SUCCESS) {
			int rc = verror_set(err, VERROR_STORAGE, "the logo could not be drawn: %s",
			                    cairo_status_to_string(cairo_surface_status(logo)));
			cairo_surface_destroy(logo);
			return rc;
		}
	}
	struct strbuf doc;
	strbuf_init(&doc);
	int pages = draw(rep, logo, 0, NULL, err);
	if (pages > 0)
		pages = draw(rep, logo, pages, &doc, err);
	if (logo)
		cairo_surface_destroy(logo);
	/* The fonts Pango, fontconfig and Cairo keep, let go: a process draws
	 * one report, and what they keep would otherwise count as leaked. */
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	FcFini();
	if (pages < 0) {
		strbuf_free(&doc);
		return -1;
	}
	strbuf_add(out, strbuf_str(&doc), doc.len);
	strbuf_free(&doc);
	return 0;
}
