/* export_svg.h - the inline SVG charts of the HTML report (export_svg.c).
 *
 * Both charts are drawn to a fixed coordinate box and scale with the page
 * through their viewBox; every text in them goes through
 * export_html_escape(). They use no fonts, images or links from outside. */
#ifndef VERDICT_EXPORT_SVG_H
#define VERDICT_EXPORT_SVG_H

#include <stddef.h>

#include "report.h"
#include "strbuf.h"

/* The colour of option O (an index) in every chart and legend: "#2563eb". */
const char *export_option_colour(size_t o);

/* A horizontal bar per option, best first, on a 0 to 100 axis. */
void export_svg_scores(const struct report *rep, struct strbuf *out);

/* For each criterion with a weight above zero, biggest first, a bar per
 * option showing the points it adds to that option's score: a <div> of one
 * small SVG per criterion between two axis strips, so that a printed page
 * may break between criteria. */
void export_svg_contributions(const struct report *rep, struct strbuf *out);

/* Appends TEXT escaped for HTML, cut to at most MAX characters (code
 * points, once cleaned by text.h) with an ellipsis when longer. */
void export_html_escape_cut(struct strbuf *out, const char *text, size_t max);

#endif
