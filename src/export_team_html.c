/* export_team_html.c - the group view as one self-contained HTML page: its
 * style sheet inline, its chart an inline SVG, no script, no font, image
 * or link from elsewhere (the page's Content-Security-Policy forbids them).
 * Every text from the criteria, the database or the arguments goes through
 * export_html_escape(), which cleans before it escapes (text.h). */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "export.h"
#include "export_svg.h"
#include "score_number.h"
#include "team_report.h"

static const char *const css[] = {
	":root{--ink:#18202b;--muted:#5d6878;--line:#e2e6ec;--soft:#f5f7fa;--accent:#1f4e8c}\n"
	"*{box-sizing:border-box}\n"
	"html{print-color-adjust:exact;-webkit-print-color-adjust:exact}\n"
	"body{margin:0;background:#eef1f5;color:var(--ink);font:15px/1.55 -apple-system,"
	"BlinkMacSystemFont,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,\"Noto Sans\",sans-serif}\n"
	".page{max-width:900px;margin:32px auto;background:#fff;padding:48px 56px 40px;"
	"border-radius:6px;box-shadow:0 1px 3px rgba(16,24,40,.08)}\n"
	"p,li,td,th,h1,h2{overflow-wrap:anywhere}\n"
	".kicker{margin:0 0 6px;font-size:12px;font-weight:600;letter-spacing:.12em;"
	"text-transform:uppercase;color:var(--accent)}\n"
	"h1{margin:0 0 10px;font-size:30px;line-height:1.2}\n"
	"h2{margin:32px 0 10px;font-size:19px;border-bottom:1px solid var(--line);"
	"padding-bottom:6px}\n"
	".meta{margin:0;color:var(--muted)}\n"
	".rec{margin:24px 0;padding:18px 22px;background:var(--soft);border-left:5px solid "
	"var(--accent);border-radius:4px;font-size:17px}\n"
	"table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:14px}\n"
	"th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;"
	"vertical-align:top}\n"
	"td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n"
	".legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin:0 0 8px;padding:0;"
	"list-style:none;font-size:14px}\n"
	".swatch{display:inline-block;width:12px;height:12px;border-radius:2px;"
	"margin-right:6px;vertical-align:-1px}\n"
	".chart{width:100%;height:auto;display:block}\n"
	".chart text{font:12px sans-serif;fill:var(--ink)}\n"
	".chart .grid{stroke:var(--line)}\n"
	".chart .group{stroke:#18202b;stroke-width:2}\n"
	"@media print{body{background:#fff}.page{box-shadow:none;margin:0;padding:0}}\n",
	NULL,
};

static void h(struct strbuf *out, const char *text)
{
	export_html_escape(out, text);
}

static void num(struct strbuf *out, double v, int decimals)
{
	char buf[48];
	strbuf_puts(out, score_number(buf, sizeof buf, v, decimals));
}

static void html_head(const struct team_report *rep, struct strbuf *out)
{
	strbuf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	            "style-src 'unsafe-inline'; img-src data:\">\n"
	            "<meta name=\"generator\" content=\"verdict " VERDICT_VERSION "\">\n<title>");
	if (rep->project) {
		h(out, rep->project);
		strbuf_puts(out, " \u2014 ");
	}
	h(out, rep->c->title);
	strbuf_puts(out, " \u2014 group view</title>\n<style>\n");
	for (size_t i = 0; css[i]; i++)
		strbuf_puts(out, css[i]);
	strbuf_puts(out, "</style>\n</head>\n<body>\n<main class=\"page\">\n");
}

static void html_header(const struct team_report *rep, struct strbuf *out)
{
	char date[40];
	clock_format(rep->generated, date, sizeof date);
	strbuf_puts(out, "<header>\n<p class=\"kicker\">Group view</p>\n<h1>");
	h(out, rep->project ? rep->project : rep->c->title);
	strbuf_puts(out, "</h1>\n<p class=\"meta\">");
	h(out, rep->c->title);
	strbuf_printf(out, " \u00b7 %zu respondents \u00b7 %s</p>\n<p class=\"meta\">Criteria "
	              "text SHA-256 <code>%s</code></p>\n", rep->n, date, rep->criteria_sha256);
	if (rep->nleft) {
		strbuf_puts(out, "<p class=\"meta\">Left out, not finished: ");
		for (size_t k = 0; k < rep->nleft; k++) {
			if (k)
				strbuf_puts(out, ", ");
			h(out, rep->left_names[k]);
			strbuf_printf(out, " (session %lld)", rep->left_ids[k]);
		}
		strbuf_puts(out, "</p>\n");
	}
	strbuf_puts(out, "</header>\n");
}

static void html_ranking(const struct team_report *rep, struct strbuf *out)
{
	const struct criteria *c = rep->c;
	const struct result *r = &rep->t->result;
	strbuf_puts(out, "<section class=\"rec\">");
	h(out, rep->recommendation);
	strbuf_puts(out, "</section>\n<table>\n<thead><tr><th>Option</th><th class=\"n\">Group "
	            "score</th></tr></thead>\n<tbody>\n");
	for (size_t k = 0; k < r->noptions; k++) {
		size_t o = r->ranking[k];
		char buf[32];
		strbuf_puts(out, "<tr><td>");
		h(out, c->options[o].name);
		strbuf_printf(out, "</td><td class=\"n\">%s</td></tr>\n",
		              score_points(buf, sizeof buf, r->scores[o]));
	}
	strbuf_puts(out, "</tbody>\n</table>\n<p>");
	h(out, rep->method_text);
	strbuf_puts(out, "</p>\n");
}

static void html_respondents(const struct team_report *rep, struct strbuf *out)
{
	strbuf_puts(out, "<h2>Each respondent's own result</h2>\n<table>\n<thead><tr>"
	              "<th>Respondent</th><th class=\"n\">Session</th><th>Weighs by</th>"
	              "<th>Result</th></tr></thead>\n<tbody>\n");
	for (size_t k = 0; k < rep->n; k++) {
		strbuf_printf(out, "<tr><td><span class=\"swatch\" style=\"background:%s\"></span>",
		              export_option_colour(k));
		h(out, rep->names[k]);
		strbuf_printf(out, "</td><td class=\"n\">%lld</td><td>%s</td><td>", rep->ids[k],
		              team_weighting_key(rep->s[k]));
		h(out, rep->outcomes[k]);
		strbuf_puts(out, "</td></tr>\n");
	}
	strbuf_puts(out, "</tbody>\n</table>\n");
}

#define CH_W       800
#define CH_LABEL_X 200          /* right edge of the criteria names */
#define CH_BAR_X   212
#define CH_BAR_W   540
#define CH_BAR_H   9
#define CH_STEP    11
#define CH_PAD     10

/* Each respondent's weight of every criterion, most disagreed first: a bar
 * per respondent in their colour, and the group's weight as a dark line
 * across them. */
static void html_chart(const struct team_report *rep, struct strbuf *out)
{
	const struct criteria *c = rep->c;
	const struct team_result *t = rep->t;
	size_t n = rep->n, m = t->ncriteria;
	double top = c->scale.max > 0 ? c->scale.max : 1;
	double row = (double)n * CH_STEP + 2 * CH_PAD;
	double plot_h = (double)m * row;
	strbuf_puts(out, "<ul class=\"legend\">\n");
	for (size_t k = 0; k < n; k++) {
		strbuf_printf(out, "<li><span class=\"swatch\" style=\"background:%s\"></span>",
		              export_option_colour(k));
		h(out, rep->names[k]);
		strbuf_puts(out, "</li>\n");
	}
	strbuf_puts(out, "<li><span class=\"swatch\" style=\"background:#18202b\"></span>the "
	            "group</li>\n</ul>\n");
	strbuf_printf(out, "<svg class=\"chart\" viewBox=\"0 0 %d %.0f\" role=\"img\" "
	              "aria-labelledby=\"weights-title\" xmlns=\"http://www.w3.org/2000/svg\">\n"
	              "<title id=\"weights-title\">Each respondent's weight of each criterion, "
	              "on the %d-%d scale</title>\n", CH_W, plot_h + 26, c->scale.min,
	              c->scale.max);
	for (int s = 0; s <= c->scale.max; s++) {
		if (s < 0)
			continue;
		double x = CH_BAR_X + CH_BAR_W * s / top;
		strbuf_printf(out, "<line class=\"grid\" x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" "
		              "y2=\"%.0f\"/>\n<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">%d"
		              "</text>\n", x, x, plot_h, x, plot_h + 18, s);
	}
	for (size_t j = 0; j < m; j++) {
		size_t i = t->spread[j].criterion;
		double y0 = (double)j * row;
		strbuf_printf(out, "<g>\n<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">", CH_LABEL_X,
		              y0 + row / 2 + 4);
		export_html_escape_cut(out, c->criteria[i].name, 30);
		strbuf_puts(out, "</text>\n");
		for (size_t k = 0; k < n; k++) {
			double w = t->weights[k * m + i];
			double bw = w > 0 ? CH_BAR_W * w / top : 0;
			if (bw > CH_BAR_W)
				bw = CH_BAR_W;
			strbuf_printf(out, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" "
			              "fill=\"%s\"><title>", CH_BAR_X,
			              y0 + CH_PAD + (double)k * CH_STEP, bw, CH_BAR_H,
			              export_option_colour(k));
			h(out, rep->names[k]);
			strbuf_puts(out, ": ");
			num(out, w, 2);
			strbuf_puts(out, "</title></rect>\n");
		}
		double g = t->result.weights[i];
		double gx = CH_BAR_X + CH_BAR_W * (g > 0 ? (g < top ? g : top) : 0) / top;
		strbuf_printf(out, "<line class=\"group\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		              "y2=\"%.1f\"><title>the group: ", gx, y0 + CH_PAD - 3, gx,
		              y0 + row - CH_PAD + 3);
		num(out, g, 2);
		strbuf_puts(out, "</title></line>\n</g>\n");
	}
	strbuf_puts(out, "</svg>\n");
}

static void html_spread(const struct team_report *rep, struct strbuf *out)
{
	const struct criteria *c = rep->c;
	const struct team_result *t = rep->t;
	strbuf_printf(out, "<h2>Where the group disagrees</h2>\n<p>Weights on the %d-%d scale, "
	              "the criteria where the respondents' weights lie furthest apart (the "
	              "largest standard deviation) first.</p>\n", c->scale.min, c->scale.max);
	html_chart(rep, out);
	strbuf_puts(out, "<table>\n<thead><tr><th>Criterion</th><th class=\"n\">Group</th>"
	            "<th class=\"n\">Min</th><th class=\"n\">Max</th><th class=\"n\">Std dev</th>"
	            "</tr></thead>\n<tbody>\n");
	for (size_t j = 0; j < t->ncriteria; j++) {
		const struct team_spread *sp = &t->spread[j];
		strbuf_puts(out, "<tr><td>");
		h(out, c->criteria[sp->criterion].name);
		strbuf_puts(out, "</td><td class=\"n\">");
		num(out, t->result.weights[sp->criterion], 2);
		strbuf_puts(out, "</td><td class=\"n\">");
		num(out, sp->min, 2);
		strbuf_puts(out, "</td><td class=\"n\">");
		num(out, sp->max, 2);
		strbuf_puts(out, "</td><td class=\"n\">");
		num(out, sp->sd, 2);
		strbuf_puts(out, "</td></tr>\n");
	}
	strbuf_puts(out, "</tbody>\n</table>\n");
}

void export_team_html(const struct team_report *rep, struct strbuf *out)
{
	const struct criteria *c = rep->c;
	html_head(rep, out);
	html_header(rep, out);
	html_ranking(rep, out);
	html_respondents(rep, out);
	html_spread(rep, out);
	if (rep->t->ndiffer) {
		strbuf_puts(out, "<h2>Answers that differ</h2>\n<ul>\n");
		for (size_t q = 0; q < c->nquestions; q++) {
			if (!rep->answer_texts[q])
				continue;
			strbuf_puts(out, "<li>");
			h(out, rep->answer_texts[q]);
			strbuf_puts(out, "</li>\n");
		}
		strbuf_puts(out, "</ul>\n<p>");
		h(out, rep->answers_note);
		strbuf_puts(out, "</p>\n");
	}
	strbuf_puts(out, "<h2>Consensus</h2>\n<p>");
	h(out, rep->consensus_text);
	strbuf_puts(out, "</p>\n<h2>What would change the group's winner</h2>\n<p>");
	h(out, rep->change_text);
	strbuf_puts(out, "</p>\n</main>\n</body>\n</html>\n");
}
