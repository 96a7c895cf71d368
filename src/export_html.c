/* export_html.c - the report as one self-contained HTML page: inline CSS,
 * inline SVG charts (export_svg.c), nothing fetched from anywhere (a
 * Content-Security-Policy says so to the browser too), readable on screen
 * and printable on A4 or Letter.
 *
 * Every text from the criteria, the answers or the notes goes through
 * export_html_escape(); the only unescaped text is this file's own markup and
 * numbers it formats itself. */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "export.h"
#include "score_format.h"
#include "text.h"
#include "export_svg.h"
#include "xalloc.h"

void export_html_escape(struct strbuf *out, const char *raw)
{
	if (!raw)
		return;
	/* Controls other than tab, LF and CR, the marks that reorder text and
	 * bytes that are not UTF-8 become U+FFFD (text.h). */
	char *clean = text_clean_new(raw, TEXT_HTML);
	const char *text = clean, *plain = clean;
	for (const char *p = text; *p; p++) {
		const char *ent;
		switch (*p) {
		case '&':
			ent = "&amp;";
			break;
		case '<':
			ent = "&lt;";
			break;
		case '>':
			ent = "&gt;";
			break;
		case '"':
			ent = "&quot;";
			break;
		case '\'':
			ent = "&#39;";
			break;
		default:
			continue;
		}
		strbuf_add(out, plain, (size_t)(p - plain));
		strbuf_puts(out, ent);
		plain = p + 1;
	}
	strbuf_puts(out, plain);
	free(clean);
}

/* The style sheet, in pieces short enough for any C compiler. */
static const char *const css[] = {
	":root{--ink:#18202b;--muted:#5d6878;--line:#e2e6ec;--soft:#f5f7fa;--accent:#1f4e8c;"
	"--good:#0f7b4f;--lean:#a86a12;--close:#6b7280}\n"
	"*{box-sizing:border-box}\n"
	"html{-webkit-text-size-adjust:100%;print-color-adjust:exact;-webkit-print-color-adjust:exact}\n"
	"body{margin:0;background:#eef1f5;color:var(--ink);font:15px/1.55 -apple-system,"
	"BlinkMacSystemFont,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,\"Noto Sans\",sans-serif,"
	"\"Apple Color Emoji\",\"Segoe UI Emoji\",\"Noto Color Emoji\"}\n"
	".page{max-width:900px;margin:32px auto;background:#fff;padding:48px 56px 40px;"
	"border-radius:6px;box-shadow:0 1px 3px rgba(16,24,40,.08),0 8px 24px rgba(16,24,40,.06)}\n"
	"p,li,td,th,dd,h1,h2,h3{overflow-wrap:anywhere}\n"
	".kicker{margin:0 0 6px;font-size:12px;font-weight:600;letter-spacing:.12em;"
	"text-transform:uppercase;color:var(--accent)}\n"
	"h1{margin:0 0 10px;font-size:30px;line-height:1.2;font-weight:700}\n"
	".meta{margin:0;color:var(--muted);font-size:15px}\n"
	".meta strong{color:var(--ink);font-weight:600}\n"
	"header{padding-bottom:24px;border-bottom:3px solid var(--ink);margin-bottom:28px}\n"
	"h2{font-size:19px;margin:36px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}\n"
	"h3{font-size:15px;margin:0 0 4px}\n",

	".rec{display:flex;gap:28px;align-items:stretch;border:1px solid var(--line);"
	"border-left:6px solid var(--good);border-radius:6px;padding:22px 26px;background:var(--soft)}\n"
	".rec.leaning{border-left-color:var(--lean)}\n"
	".rec.too-close{border-left-color:var(--close)}\n"
	".rec-main{flex:1 1 auto}\n"
	".rec-label{font-size:12px;font-weight:600;letter-spacing:.1em;text-transform:uppercase;"
	"color:var(--muted)}\n"
	".rec-winner{font-size:32px;font-weight:750;line-height:1.15;margin:4px 0 10px}\n"
	".rec p{margin:0;font-size:15px}\n"
	".rec p.warn,.callout{margin:12px 0 0;padding:10px 14px;border:1px solid #e8c48a;"
	"border-left:5px solid var(--lean);border-radius:4px;background:#fff8ec}\n"
	".callout{margin:16px 0 0}\n"
	".callout p{margin:0}\n"
	".callout .callout-title{font-weight:700;margin:0 0 4px}\n"
	".figures{flex:0 0 236px;margin:0;display:grid;grid-template-columns:1fr 1fr;gap:10px 14px;"
	"align-content:center}\n"
	".figures div{background:#fff;border:1px solid var(--line);border-radius:5px;padding:8px 10px}\n"
	".figures dt{font-size:11px;text-transform:uppercase;letter-spacing:.08em;color:var(--muted)}\n"
	".figures dd{margin:0;font-size:18px;font-weight:700;line-height:1.25;overflow-wrap:normal}\n"
	".chart{display:block;width:100%;height:auto;font-family:inherit}\n"
	".crow{margin:0}\n"
	".chart .grid{stroke:#d5dae2;stroke-width:1;stroke-dasharray:3 3}\n"
	".chart .tick{font-size:11px;fill:var(--muted)}\n"
	".chart .track{fill:#eef1f5}\n"
	".chart .zebra{fill:#f7f9fb}\n"
	".chart .label{font-size:13px;fill:var(--ink)}\n"
	".chart .label.win,.chart .value.win{font-weight:700}\n"
	".chart .value{font-size:13px;fill:var(--ink)}\n"
	".chart .sub{font-size:11px;fill:var(--muted)}\n"
	".chart .small{font-size:10px;fill:var(--muted)}\n"
	".legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin:0 0 8px;padding:0;list-style:none;"
	"font-size:13px}\n"
	".legend li{display:flex;align-items:center;gap:6px}\n"
	".swatch{display:inline-block;width:12px;height:12px;border-radius:2px}\n",

	".cols{display:grid;grid-template-columns:1fr 1fr;gap:0 36px}\n"
	".cols h2{margin-top:32px}\n"
	"ol.reasons,ul.changes{margin:0;padding-left:20px}\n"
	"ol.reasons li,ul.changes li{margin:0 0 8px}\n"
	".hint{color:var(--muted);font-size:13px;margin:-4px 0 12px}\n"
	"table{width:100%;border-collapse:collapse;font-size:13px}\n"
	"th,td{padding:7px 8px;border-bottom:1px solid var(--line);vertical-align:top;text-align:left}\n"
	"thead th{font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);"
	"border-bottom:2px solid var(--ink);vertical-align:bottom}\n"
	"td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
	"tr.group td{background:var(--soft);font-weight:600;font-size:12px;letter-spacing:.04em;"
	"color:var(--accent)}\n"
	"col.c-name{width:22%}col.c-why{width:30%}\n"
	".wide{overflow-x:auto}\n"
	"table.compact{font-size:12px}table.compact th,table.compact td{padding:6px 5px}\n"
	"table.compact th.num{white-space:normal;overflow-wrap:normal;text-transform:none;"
	"letter-spacing:0}\n"
	"table.compact .opt{display:inline}\n"
	"table.compact td:first-child,table.compact th:first-child{min-width:9em}\n"
	"tr.total td{font-weight:700;border-top:2px solid var(--ink);border-bottom:none}\n"
	".wlabel{display:block;color:var(--muted);font-size:11px}\n"
	".why-weight{color:var(--muted)}\n"
	".opt{display:inline-flex;align-items:center;gap:6px}\n"
	".cards{display:grid;grid-template-columns:1fr 1fr;gap:14px}\n"
	".card{border:1px solid var(--line);border-radius:6px;padding:12px 14px}\n"
	".card .facts{margin:0 0 8px;color:var(--muted);font-size:12px}\n"
	".card ul{margin:0;padding:0;list-style:none}\n"
	".card li{margin:0 0 6px;font-size:13px;padding-left:10px;border-left:3px solid var(--line)}\n"
	".card li b{font-weight:600}\n"
	".notes{white-space:pre-wrap;background:var(--soft);border-left:3px solid var(--accent);"
	"padding:12px 16px;margin:0;border-radius:0 4px 4px 0}\n"
	"dl.about{display:grid;grid-template-columns:180px 1fr;gap:6px 16px;margin:0;font-size:13px}\n"
	"dl.about dt{color:var(--muted)}\n"
	"dl.about dd{margin:0}\n"
	"code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,\"DejaVu Sans Mono\",monospace;"
	"overflow-wrap:anywhere;word-break:break-all}\n"
	"footer{margin-top:32px;padding-top:12px;border-top:1px solid var(--line);color:var(--muted);"
	"font-size:12px}\n",

	"@media (max-width:720px){.page{margin:0;padding:24px 18px;border-radius:0}"
	".rec{flex-direction:column}.figures{flex:none}.cols,.cards{grid-template-columns:1fr}"
	"dl.about{grid-template-columns:1fr}}\n"
	"@page{margin:14mm 13mm 16mm}\n"
	"@media print{body{background:#fff;font-size:10pt}"
	".page{max-width:none;margin:0;padding:0;box-shadow:none;border-radius:0}"
	"h1{font-size:22pt}h2{font-size:13pt;margin-top:18pt;break-after:avoid;page-break-after:avoid}"
	"header{margin-bottom:16pt}"
	".rec,.chart,.crow,.card,tr,.notes,dl.about,ol.reasons li,ul.changes li,section.keep"
	"{break-inside:avoid;page-break-inside:avoid}"
	"h3,.hint,.legend,thead{break-after:avoid;page-break-after:avoid}"
	"thead{display:table-header-group}"
	"table{font-size:9pt}th,td{padding:4pt 5pt}"
	".card li,.card .facts{font-size:9pt}"
	".wide{overflow:visible}"
	"a{color:inherit;text-decoration:none}}\n",
	NULL,
};

static void h(struct strbuf *out, const char *text)
{
	export_html_escape(out, text);
}

static void num(struct strbuf *out, double v, int decimals)
{
	char buf[48];
	score_number(buf, sizeof buf, v, decimals);
	strbuf_puts(out, buf);
}

static void points(struct strbuf *out, double v)
{
	char buf[48];
	strbuf_puts(out, score_points(buf, sizeof buf, v));
}

static void swatch(struct strbuf *out, size_t o)
{
	strbuf_printf(out, "<span class=\"swatch\" style=\"background:%s\"></span>",
	              export_option_colour(o));
}

static void html_head(const struct report *rep, struct strbuf *out)
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
	strbuf_puts(out, " \u2014 decision report</title>\n<style>\n");
	for (size_t i = 0; css[i]; i++)
		strbuf_puts(out, css[i]);
	strbuf_puts(out, "</style>\n</head>\n<body>\n<main class=\"page\">\n");
}

static void html_header(const struct report *rep, struct strbuf *out)
{
	char date[40];
	clock_format(rep->generated, date, sizeof date);
	strbuf_puts(out, "<header>\n<p class=\"kicker\">Decision report</p>\n<h1>");
	h(out, rep->c->title);
	strbuf_puts(out, "</h1>\n<p class=\"meta\">");
	if (rep->project) {
		strbuf_puts(out, "<strong>");
		h(out, rep->project);
		strbuf_puts(out, "</strong> \u00b7 ");
	}
	if (rep->respondent) {
		strbuf_puts(out, "answered by <strong>");
		h(out, rep->respondent);
		strbuf_puts(out, "</strong> \u00b7 ");
	}
	strbuf_printf(out, "%s</p>\n</header>\n", date);
}

static void html_recommendation(const struct report *rep, struct strbuf *out)
{
	const struct result *r = rep->r;
	const char *cls = r->winner < 0 ? "too-close" : strength_name(r->strength);
	strbuf_printf(out, "<section class=\"rec %s\" aria-label=\"Recommendation\">\n"
	              "<div class=\"rec-main\">\n<div class=\"rec-label\">Recommendation</div>\n"
	              "<div class=\"rec-winner\">", cls);
	if (r->winner >= 0)
		h(out, report_option_name(rep, (size_t)r->winner));
	else
		strbuf_puts(out, "No clear winner");
	strbuf_puts(out, "</div>\n<p>");
	h(out, rep->summary);
	if (rep->warning) {
		strbuf_puts(out, "</p>\n<p class=\"warn\" role=\"note\">");
		h(out, rep->warning);
	}
	if (rep->unknown_project) {
		strbuf_puts(out, "</p>\n<p>");
		h(out, rep->unknown_project);
	}
	if (r->methods_agree) {
		strbuf_puts(out, "</p>\n<p class=\"methods\">");
		h(out, rep->methods_text);
	}
	strbuf_puts(out, "</p>\n</div>\n<dl class=\"figures\">\n<div><dt>Score</dt><dd>");
	points(out, r->scores[r->ranking[0]]);
	strbuf_puts(out, "</dd></div>\n<div><dt>Lead</dt><dd>");
	char lead[32];
	strbuf_puts(out, score_margin_points(rep->c, r->margin, lead, sizeof lead));
	strbuf_printf(out, "</dd></div>\n<div><dt>Strength</dt><dd>%s</dd></div>\n"
	              "<div><dt>Confidence</dt><dd>%s</dd></div>\n</dl>\n</section>\n",
	              r->winner < 0 ? "Tie" : rep->strength_text, rep->confidence_text);
	if (!r->methods_agree) {
		/* A disagreement stands on its own, where it cannot be missed. */
		strbuf_puts(out, "<div class=\"callout methods\" role=\"note\">\n"
		            "<p class=\"callout-title\">The three ways of adding up disagree</p>\n<p>");
		h(out, rep->methods_text);
		strbuf_puts(out, "</p>\n</div>\n");
	}
}

/* The decision recorded beside the advice, its reason and how it turned
 * out (issue 15); a decision that is not the advice stands out as a
 * callout. Nothing when none was recorded. */
static void html_decision(const struct report *rep, struct strbuf *out)
{
	if (!rep->decision)
		return;
	strbuf_puts(out, "<section class=\"decision\">\n<h2>Decision</h2>\n");
	if (rep->decision_differs)
		strbuf_puts(out, "<div class=\"callout differs\" role=\"note\">\n"
		            "<p class=\"callout-title\">Not the option advised</p>\n");
	strbuf_puts(out, "<p>");
	h(out, rep->decision_text);
	strbuf_puts(out, "</p>\n");
	if (rep->decision_differs)
		strbuf_puts(out, "</div>\n");
	if (rep->decision->note) {
		strbuf_puts(out, "<p>Why: ");
		h(out, rep->decision->note);
		strbuf_puts(out, "</p>\n");
	}
	if (rep->review) {
		char *text = score_review_text_new(rep->review);
		strbuf_puts(out, "<p>");
		h(out, text);
		strbuf_puts(out, "</p>\n");
		free(text);
	}
	strbuf_puts(out, "</section>\n");
}

static void html_legend(const struct report *rep, struct strbuf *out)
{
	strbuf_puts(out, "<ul class=\"legend\">");
	for (size_t o = 0; o < rep->c->noptions; o++) {
		strbuf_puts(out, "<li>");
		swatch(out, o);
		h(out, rep->c->options[o].name);
		strbuf_puts(out, "</li>");
	}
	strbuf_puts(out, "</ul>\n");
}

static void html_why(const struct report *rep, struct strbuf *out)
{
	const struct result *r = rep->r;
	strbuf_puts(out, "<div class=\"cols\">\n<div>\n<h2>Why</h2>\n");
	if (r->nreasons) {
		strbuf_puts(out, "<ol class=\"reasons\">\n");
		for (size_t i = 0; i < r->nreasons; i++) {
			strbuf_puts(out, "<li>");
			h(out, rep->rows[r->reasons[i]].reason);
			strbuf_puts(out, "</li>\n");
		}
		strbuf_puts(out, "</ol>\n");
	} else {
		strbuf_puts(out, "<p>No criterion tips the balance: the options are level.</p>\n");
	}
	if (rep->ngiveups) {
		strbuf_puts(out, "<h2>What you give up with ");
		h(out, report_option_name(rep, (size_t)r->winner));
		strbuf_puts(out, "</h2>\n<ul class=\"changes\">\n");
		for (size_t i = 0; i < rep->ngiveups; i++) {
			strbuf_puts(out, "<li>");
			h(out, rep->giveups[i]);
			strbuf_puts(out, "</li>\n");
		}
		strbuf_puts(out, "</ul>\n");
	}
	strbuf_puts(out, "</div>\n<div>\n<h2>What would change it</h2>\n<ul class=\"changes\">\n");
	for (size_t i = 0; i < rep->nchanges; i++) {
		strbuf_puts(out, "<li>");
		h(out, rep->changes[i].text);
		strbuf_puts(out, "</li>\n");
	}
	if (rep->steady_text) {
		strbuf_puts(out, "<li>");
		h(out, rep->steady_text);
		strbuf_puts(out, "</li>\n");
	}
	strbuf_puts(out, "</ul>\n");
	if (r->nlevers) {
		strbuf_puts(out, "<h2>If you answered differently</h2>\n");
		if (rep->top_lever) {
			strbuf_puts(out, "<p>");
			h(out, rep->top_lever);
			strbuf_puts(out, "</p>\n");
		}
		for (size_t l = 0; l < r->nlevers; l++) {
			size_t q = r->levers[l].question;
			if (l == 0 || q != r->levers[l - 1].question) {
				strbuf_puts(out, l ? "</ul>\n<p>" : "<p>");
				h(out, rep->lever_headings[q]);
				strbuf_puts(out, "</p>\n<ul class=\"changes\">\n");
			}
			strbuf_puts(out, "<li>");
			h(out, rep->levers[l]);
			strbuf_puts(out, "</li>\n");
		}
		strbuf_puts(out, "</ul>\n");
	}
	strbuf_puts(out, "</div>\n</div>\n");
}

static void html_answers(const struct report *rep, struct strbuf *out)
{
	const struct criteria *c = rep->c;
	if (!c->nquestions)
		return;
	strbuf_puts(out, "<section>\n<h2>Answers</h2>\n<table>\n<thead><tr><th>Question</th>"
	            "<th>Answer</th></tr></thead>\n<tbody>\n");
	for (size_t q = 0; q < c->nquestions; q++) {
		int ch = q < rep->s->nquestions ? rep->s->choices[q] : -1;
		strbuf_puts(out, "<tr><td>");
		h(out, c->questions[q].prompt);
		strbuf_puts(out, "</td><td>");
		if (ch >= 0 && (size_t)ch < c->questions[q].nchoices)
			h(out, c->questions[q].choices[ch].label);
		else
			strbuf_puts(out, "<span class=\"why-weight\">Not answered</span>");
		strbuf_puts(out, "</td></tr>\n");
	}
	strbuf_puts(out, "</tbody>\n</table>\n</section>\n");
}

/* The criteria in ORDER grouped: groups in the order they first appear, each
 * group's criteria in the file's order, criteria without a group where their
 * first one stands. Returns whether any criterion has a group. */
static int group_order(const struct criteria *c, size_t *order)
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

/* The breakdown table. With up to four options each has a rating and a
 * points column and the table says why each weight is what it is; with more,
 * each option has one cell (rating, points under it) and the reasons for the
 * weights are left to the cards below, so the table still fits a page. */
static void html_breakdown(const struct report *rep, struct strbuf *out)
{
	const struct criteria *c = rep->c;
	const struct result *r = rep->r;
	size_t n = r->noptions;
	int compact = n > 4;
	size_t *order = xcalloc(r->ncriteria, sizeof *order);
	strbuf_printf(out, "<section class=\"breakdown\">\n<h2>Breakdown by criterion</h2>\n"
	              "<p class=\"hint\">Each option's rating (0 to 10) and the points it adds "
	              "to its score%s. An option's score is the sum of its points.</p>\n"
	              "<div class=\"wide\"><table%s>\n", compact ? ", under it" : "",
	              compact ? " class=\"compact\"" : "");
	const char *span = compact ? "" : " rowspan=\"2\"";
	if (!compact)
		strbuf_puts(out, "<colgroup><col class=\"c-name\"><col><col class=\"c-why\">"
		            "</colgroup>\n");
	strbuf_printf(out, "<thead>\n<tr><th%s>Criterion</th><th%s class=\"num\">Weight</th>",
	              span, span);
	if (!compact)
		strbuf_printf(out, "<th%s>Why this weight</th>", span);
	for (size_t o = 0; o < n; o++) {
		strbuf_printf(out, "<th%s class=\"num\"><span class=\"opt\">",
		              compact ? "" : " colspan=\"2\"");
		swatch(out, o);
		h(out, c->options[o].name);
		strbuf_puts(out, "</span></th>");
	}
	strbuf_puts(out, "</tr>\n");
	if (!compact) {
		strbuf_puts(out, "<tr>");
		for (size_t o = 0; o < n; o++)
			strbuf_puts(out, "<th class=\"num\">Rating</th><th class=\"num\">Points</th>");
		strbuf_puts(out, "</tr>\n");
	}
	strbuf_puts(out, "</thead>\n<tbody>\n");
	int groups = group_order(c, order);
	for (size_t i = 0; i < r->ncriteria; i++) {
		size_t k = order[i];
		const char *prev = i ? c->criteria[order[i - 1]].group : NULL;
		const char *g = c->criteria[k].group;
		int starts = i == 0 || (g ? !prev || strcmp(prev, g) != 0 : prev != NULL);
		if (groups && starts) {
			strbuf_printf(out, "<tr class=\"group\"><td colspan=\"%zu\">",
			              compact ? 2 + n : 3 + 2 * n);
			h(out, c->criteria[k].group ? c->criteria[k].group : "Other");
			strbuf_puts(out, "</td></tr>\n");
		}
		strbuf_puts(out, "<tr><td>");
		h(out, c->criteria[k].name);
		strbuf_puts(out, "</td><td class=\"num\">");
		if (rep->rows[k].pairwise) {
			strbuf_printf(out, "%s<span class=\"wlabel\">of the weight</span></td>",
			              rep->rows[k].share);
		} else {
			num(out, r->weights[k], 2);
			strbuf_puts(out, "<span class=\"wlabel\">");
			h(out, criteria_weight_label(c, r->weights[k]));
			strbuf_puts(out, "</span></td>");
		}
		if (!compact) {
			strbuf_puts(out, "<td class=\"why-weight\">");
			h(out, rep->rows[k].weight_reason);
			strbuf_puts(out, "</td>");
		}
		for (size_t o = 0; o < n; o++) {
			strbuf_puts(out, "<td class=\"num\">");
			num(out, r->ratings[k * n + o], 2);
			strbuf_puts(out, compact ? "<span class=\"wlabel\">" : "</td><td class=\"num\">");
			points(out, r->contributions[k * n + o]);
			strbuf_puts(out, compact ? " pts</span></td>" : "</td>");
		}
		strbuf_puts(out, "</tr>\n");
	}
	strbuf_puts(out, "<tr class=\"total\"><td>Total</td><td class=\"num\">");
	if (r->pairwise)
		strbuf_puts(out, "100%");
	else
		num(out, r->total_weight, 2);
	strbuf_puts(out, compact ? "</td>" : "</td><td></td>");
	for (size_t o = 0; o < n; o++) {
		strbuf_puts(out, compact ? "<td class=\"num\">" : "<td></td><td class=\"num\">");
		points(out, r->scores[o]);
		strbuf_puts(out, "</td>");
	}
	strbuf_puts(out, "</tr>\n</tbody>\n</table></div>\n</section>\n");
	free(order);
}

static void html_details(const struct report *rep, struct strbuf *out)
{
	const struct criteria *c = rep->c;
	const struct result *r = rep->r;
	size_t n = r->noptions;
	size_t *order = xcalloc(r->ncriteria, sizeof *order);
	group_order(c, order);
	strbuf_puts(out, "<section class=\"details\">\n<h2>Reasons by criterion</h2>\n"
	            "<div class=\"cards\">\n");
	for (size_t i = 0; i < r->ncriteria; i++) {
		size_t k = order[i];
		const struct criterion *cr = &c->criteria[k];
		strbuf_puts(out, "<div class=\"card\">\n<h3>");
		h(out, cr->name);
		strbuf_puts(out, "</h3>\n<p class=\"facts\">");
		if (cr->group) {
			h(out, cr->group);
			strbuf_puts(out, " \u00b7 ");
		}
		if (!rep->rows[k].pairwise) {
			strbuf_puts(out, "weight ");
			num(out, r->weights[k], 2);
			strbuf_puts(out, " (");
			h(out, criteria_weight_label(c, r->weights[k]));
			strbuf_puts(out, "): ");
		}
		h(out, rep->rows[k].weight_reason);
		if (cr->source) {
			strbuf_puts(out, " \u00b7 source: ");
			h(out, cr->source);
		}
		strbuf_puts(out, "</p>\n<ul>\n");
		for (size_t o = 0; o < n; o++) {
			strbuf_printf(out, "<li style=\"border-left-color:%s\"><b>",
			              export_option_colour(o));
			h(out, c->options[o].name);
			strbuf_puts(out, "</b> ");
			num(out, r->ratings[k * n + o], 2);
			strbuf_puts(out, "/10");
			if (rep->rows[k].rating_traces[o]) {
				strbuf_puts(out, " (");
				h(out, rep->rows[k].rating_traces[o]);
				strbuf_puts(out, ")");
			}
			strbuf_puts(out, ", ");
			points(out, r->contributions[k * n + o]);
			strbuf_puts(out, " pts");
			if (cr->why && cr->why[o]) {
				strbuf_puts(out, ". ");
				h(out, cr->why[o]);
			}
			strbuf_puts(out, "</li>\n");
		}
		strbuf_puts(out, "</ul>\n</div>\n");
	}
	strbuf_puts(out, "</div>\n</section>\n");
	free(order);
}

static void html_about(const struct report *rep, struct strbuf *out)
{
	char date[40];
	strbuf_puts(out, "<section>\n<h2>About this report</h2>\n<dl class=\"about\">\n");
	if (rep->session_id)
		strbuf_printf(out, "<dt>Session</dt><dd>%lld (%s)</dd>\n", rep->session_id,
		              rep->status_text);
	else
		strbuf_printf(out, "<dt>Session</dt><dd>%s</dd>\n", rep->status_text);
	if (rep->session_id) {
		clock_format(rep->created, date, sizeof date);
		strbuf_printf(out, "<dt>Started</dt><dd>%s</dd>\n", date);
		clock_format(rep->updated, date, sizeof date);
		strbuf_printf(out, "<dt>Last answer</dt><dd>%s</dd>\n", date);
	}
	if (rep->origin) {
		strbuf_puts(out, "<dt>Imported from</dt><dd>");
		h(out, rep->origin);
		clock_format(rep->imported, date, sizeof date);
		strbuf_printf(out, ", on %s</dd>\n", date);
	}
	clock_format(rep->generated, date, sizeof date);
	strbuf_printf(out, "<dt>Report date</dt><dd>%s</dd>\n<dt>Criteria</dt><dd>", date);
	h(out, rep->c->title);
	strbuf_puts(out, " (<code>");
	h(out, rep->c->id);
	strbuf_puts(out, "</code>)</dd>\n<dt>Criteria source</dt><dd>");
	h(out, rep->criteria_source);
	strbuf_printf(out, "</dd>\n<dt>Criteria text SHA-256</dt><dd><code>%s</code></dd>\n"
	              "<dt>Answers SHA-256</dt><dd><code>%s</code></dd>\n</dl>\n</section>\n",
	              rep->criteria_sha256, rep->answers_sha256);
	strbuf_puts(out, "<footer><p>");
	h(out, rep->confidence_sentence);
	strbuf_puts(out, " Two reports with the same hashes rest on the same criteria text and "
	            "the same answers. Made by verdict " VERDICT_VERSION ".</p></footer>\n");
}

void export_html(const struct report *rep, struct strbuf *out)
{
	html_head(rep, out);
	html_header(rep, out);
	html_recommendation(rep, out);
	html_decision(rep, out);
	strbuf_puts(out, "<section class=\"keep\">\n<h2>Scores</h2>\n<p class=\"hint\">Out of 100: how well "
	            "each option meets the criteria, weighted by how much each matters.</p>\n");
	export_svg_scores(rep, out);
	strbuf_puts(out, "</section>\n");
	if (rep->pairwise_lines.count || rep->given_lines.count) {
		strbuf_puts(out, "<section>\n<h2>Your comparisons in pairs</h2>\n");
		if (rep->given_lines.count) {
			strbuf_puts(out, "<p>You said:</p>\n<ul>\n");
			for (size_t i = 0; i < rep->given_lines.count; i++) {
				strbuf_puts(out, "<li>");
				h(out, rep->given_lines.items[i]);
				strbuf_puts(out, "</li>\n");
			}
			strbuf_puts(out, "</ul>\n");
		}
		if (rep->pairwise_lines.count)
			strbuf_puts(out, "<p>How they came out:</p>\n");
		strbuf_puts(out, "<ul>\n");
		for (size_t i = 0; i < rep->pairwise_lines.count; i++) {
			strbuf_puts(out, "<li>");
			h(out, rep->pairwise_lines.items[i]);
			strbuf_puts(out, "</li>\n");
		}
		strbuf_puts(out, "</ul>\n</section>\n");
	}
	html_why(rep, out);
	strbuf_puts(out, "<section>\n<h2>What each criterion adds</h2>\n<p class=\"hint\">The "
	            "points each criterion adds to each option's score, largest first. Criteria "
	            "that do not matter (weight 0) add nothing and are left out.</p>\n");
	html_legend(rep, out);
	export_svg_contributions(rep, out);
	strbuf_puts(out, "</section>\n");
	html_answers(rep, out);
	html_breakdown(rep, out);
	html_details(rep, out);
	if (rep->notes && *rep->notes) {
		strbuf_puts(out, "<section>\n<h2>Notes</h2>\n<p class=\"notes\">");
		h(out, rep->notes);
		strbuf_puts(out, "</p>\n</section>\n");
	}
	html_about(rep, out);
	strbuf_puts(out, "</main>\n</body>\n</html>\n");
}
