/* export_svg.c - the inline SVG charts of the HTML report. */
#include "export_svg.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "score_format.h"
#include "text.h"
#include "xalloc.h"

/* One colour per option, as many as a criteria set may have; the first ones,
 * which most sets use, differ in shade too, for black-and-white prints. */
static const char *const option_colours[] = {
	"#2563eb", "#e08a1e", "#0f8a5f", "#c2417a",
	"#6d4fd0", "#0e7490", "#7a8b12", "#b91c1c",
	"#64748b", "#92400e", "#06b6d4", "#a855f7",
	"#166534", "#f472b6", "#1e3a8a", "#ca8a04",
};
#define NCOLOURS (sizeof option_colours / sizeof option_colours[0])

const char *export_option_colour(size_t o)
{
	return option_colours[o % NCOLOURS];
}

void export_html_escape_cut(struct strbuf *out, const char *text, size_t max)
{
	if (!text)
		return;
	/* Cleaned first (text.h), so that a cut never splits an escape. */
	char *clean = text_clean_new(text, TEXT_HTML);
	/* Counted in characters, not display columns: a report must not depend
	 * on the locale it was made in. */
	size_t len = strlen(clean), chars = 0, keep = 0;
	for (size_t i = 0; i < len; chars++) {
		uint32_t c;
		if (chars + 1 == max)
			keep = i;
		i += text_utf8_decode(clean + i, len - i, &c);
	}
	if (chars > max && max > 0) {
		/* Too long: keep MAX - 1 characters, without trailing blanks, and
		 * add an ellipsis. */
		while (keep && clean[keep - 1] == ' ')
			keep--;
		clean[keep] = '\0';
		export_html_escape(out, clean);
		strbuf_puts(out, "\u2026");
	} else {
		export_html_escape(out, clean);
	}
	free(clean);
}

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

#define SVG_W       800
#define SC_LABEL_X  150         /* right edge of the option names */
#define SC_BAR_X    164
#define SC_BAR_W    560
#define SC_ROW      38
#define SC_BAR_H    22
#define SC_TOP      6

void export_svg_scores(const struct report *rep, struct strbuf *out)
{
	const struct result *r = rep->r;
	size_t n = r->noptions;
	double plot_h = (double)n * SC_ROW;
	double h = SC_TOP + plot_h + 26;
	strbuf_printf(out, "<svg class=\"chart\" viewBox=\"0 0 %d %.0f\" role=\"img\" "
	              "aria-labelledby=\"scores-title\" xmlns=\"http://www.w3.org/2000/svg\">\n"
	              "<title id=\"scores-title\">Score of each option, out of 100</title>\n",
	              SVG_W, h);
	for (int t = 0; t <= 100; t += 25) {
		double x = SC_BAR_X + SC_BAR_W * t / 100.0;
		strbuf_printf(out, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" "
		              "y2=\"%.0f\"/>\n<text class=\"tick\" x=\"%.1f\" y=\"%.0f\" "
		              "text-anchor=\"middle\">%d</text>\n", x, SC_TOP, x, SC_TOP + plot_h, x,
		              SC_TOP + plot_h + 18, t);
	}
	for (size_t i = 0; i < n; i++) {
		size_t o = r->ranking[i];
		double y = SC_TOP + (double)i * SC_ROW + (SC_ROW - SC_BAR_H) / 2.0;
		double score = r->scores[o] < 0 ? 0 : r->scores[o] > 100 ? 100 : r->scores[o];
		double w = SC_BAR_W * score / 100.0;
		int win = r->winner >= 0 && (size_t)r->winner == o;
		char val[32];
		score_points(val, sizeof val, r->scores[o]);
		strbuf_puts(out, "<g>\n<title>");
		export_html_escape(out, report_option_name(rep, o));
		strbuf_printf(out, ": %s out of 100</title>\n", val);
		strbuf_printf(out, "<text class=\"label%s\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">",
		              win ? " win" : "", SC_LABEL_X, y + SC_BAR_H / 2.0 + 5);
		export_html_escape_cut(out, report_option_name(rep, o), 20);
		strbuf_printf(out, "</text>\n<rect class=\"track\" x=\"%d\" y=\"%.1f\" width=\"%d\" "
		              "height=\"%d\" rx=\"4\"/>\n", SC_BAR_X, y, SC_BAR_W, SC_BAR_H);
		strbuf_printf(out, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" rx=\"4\" "
		              "fill=\"%s\"/>\n", SC_BAR_X, y, w, SC_BAR_H, export_option_colour(o));
		strbuf_printf(out, "<text class=\"value%s\" x=\"%.1f\" y=\"%.1f\">%s</text>\n</g>\n",
		              win ? " win" : "", SC_BAR_X + w + 8, y + SC_BAR_H / 2.0 + 5, val);
	}
	strbuf_puts(out, "</svg>\n");
}

#define CO_LABEL_X  8
#define CO_BAR_X    260
#define CO_BAR_W    480
#define CO_PAD      9
#define CO_GAP      3

/* Criteria with a weight above zero, by the points they add in all, most
 * first (the criteria's order among equals). Returns how many, in IDX. */
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

/* The axis of the contribution chart: tick labels at 0, 1/4 ... of AXIS,
 * under or above the rows. */
static void contribution_axis(struct strbuf *out, double axis)
{
	strbuf_printf(out, "<svg class=\"chart crow\" viewBox=\"0 0 %d 22\" aria-hidden=\"true\">\n",
	              SVG_W);
	for (int t = 0; t <= 4; t++) {
		double x = CO_BAR_X + CO_BAR_W * t / 4.0;
		char tick[32];
		score_number(tick, sizeof tick, axis * t / 4.0, 2);
		strbuf_printf(out, "<text class=\"tick\" x=\"%.1f\" y=\"15\" text-anchor=\"middle\">"
		              "%s%s</text>\n", x, tick, t == 4 ? " pts" : "");
	}
	strbuf_puts(out, "</svg>\n");
}

/* One criterion's row: its own small SVG, so that a printed page can break
 * between rows. */
static void contribution_row(const struct report *rep, struct strbuf *out, size_t k,
                             size_t i, double axis, double bar_h, double row_h)
{
	const struct criteria *c = rep->c;
	const struct result *r = rep->r;
	size_t n = r->noptions;
	double bars_h = (double)n * (bar_h + CO_GAP) - CO_GAP;
	double y0 = (row_h - bars_h) / 2.0;
	char wt[48];
	/* Weighed in pairs, a weight is its share of the whole. */
	int share = rep->rows[k].pairwise;
	if (share)
		snprintf(wt, sizeof wt, "%s of the weight", rep->rows[k].share);
	else
		score_number(wt, sizeof wt, r->weights[k], 2);
	strbuf_printf(out, "<svg class=\"chart crow\" viewBox=\"0 0 %d %.0f\" role=\"img\" "
	              "aria-label=\"", SVG_W, row_h);
	export_html_escape(out, c->criteria[k].name);
	strbuf_printf(out, "\">\n<title>");
	export_html_escape(out, c->criteria[k].name);
	strbuf_printf(out, share ? " (%s)</title>\n" : " (weight %s)</title>\n", wt);
	if (i % 2 == 0)
		strbuf_printf(out, "<rect class=\"zebra\" x=\"0\" y=\"0\" width=\"%d\" height=\"%.0f\"/>\n",
		              SVG_W, row_h);
	for (int t = 0; t <= 4; t++) {
		double x = CO_BAR_X + CO_BAR_W * t / 4.0;
		strbuf_printf(out, "<line class=\"grid\" x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%.0f\"/>\n",
		              x, x, row_h);
	}
	strbuf_printf(out, "<text class=\"label\" x=\"%d\" y=\"%.1f\">", CO_LABEL_X, row_h / 2.0 - 2);
	export_html_escape_cut(out, c->criteria[k].name, 36);
	if (share) {
		strbuf_printf(out, "</text>\n<text class=\"sub\" x=\"%d\" y=\"%.1f\">%s",
		              CO_LABEL_X, row_h / 2.0 + 13, wt);
	} else {
		strbuf_printf(out, "</text>\n<text class=\"sub\" x=\"%d\" y=\"%.1f\">weight %s "
		              "\u00b7 ", CO_LABEL_X, row_h / 2.0 + 13, wt);
		export_html_escape_cut(out, criteria_weight_label(c, r->weights[k]), 24);
	}
	strbuf_puts(out, "</text>\n");
	for (size_t o = 0; o < n; o++) {
		double v = r->contributions[k * n + o];
		double w = v > 0 ? CO_BAR_W * v / axis : 0;
		double y = y0 + (double)o * (bar_h + CO_GAP);
		char val[32];
		score_points(val, sizeof val, v);
		strbuf_printf(out, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"2\" "
		              "fill=\"%s\"/>", CO_BAR_X, y, w, bar_h, export_option_colour(o));
		if (n <= 4)
			strbuf_printf(out, "<text class=\"small\" x=\"%.1f\" y=\"%.1f\">%s</text>",
			              CO_BAR_X + w + 5, y + bar_h - 1.5, val);
		strbuf_puts(out, "\n");
	}
	strbuf_puts(out, "</svg>\n");
}

void export_svg_contributions(const struct report *rep, struct strbuf *out)
{
	const struct result *r = rep->r;
	size_t n = r->noptions;
	size_t *idx = xcalloc(r->ncriteria, sizeof *idx);
	size_t rows = contribution_order(r, idx);
	double max = 0;
	for (size_t i = 0; i < rows; i++)
		for (size_t o = 0; o < n; o++)
			if (r->contributions[idx[i] * n + o] > max)
				max = r->contributions[idx[i] * n + o];
	double axis = nice_ceiling(max);
	double bar_h = n <= 2 ? 11 : n <= 4 ? 8 : 5;
	double row_h = CO_PAD * 2 + (double)n * (bar_h + CO_GAP) - CO_GAP;
	if (row_h < 40)
		row_h = 40;
	strbuf_puts(out, "<div class=\"cchart\" role=\"group\" aria-label=\"Points each criterion "
	            "adds to each option's score\">\n");
	contribution_axis(out, axis);
	for (size_t i = 0; i < rows; i++)
		contribution_row(rep, out, idx[i], i, axis, bar_h, row_h);
	contribution_axis(out, axis);
	strbuf_puts(out, "</div>\n");
	free(idx);
}
