/* fuzz_export.c - libFuzzer target: criteria and answers all the way to every
 * report format. The input is a criteria file and an answers file joined by a
 * line "#--answers--"; without that line the default criteria are used and
 * the whole input is the answers. Each report must render; the JSON must
 * parse back; every CSV record must have as many fields as the header; the
 * HTML must hold no raw '<' from the input's text. */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "criteria_source.h"
#include "export.h"
#include "score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define SPLIT "\n#--answers--\n"

/* Fields in each record of RFC 4180 text; aborts when records differ. */
static void check_csv(const char *s, size_t len)
{
	size_t fields = 1, header = 0;
	int quoted = 0, records = 0;
	for (size_t i = 0; i < len; i++) {
		char ch = s[i];
		if (quoted) {
			if (ch == '"') {
				if (i + 1 < len && s[i + 1] == '"')
					i++;
				else
					quoted = 0;
			}
		} else if (ch == '"') {
			quoted = 1;
		} else if (ch == ',') {
			fields++;
		} else if (ch == '\r' && i + 1 < len && s[i + 1] == '\n') {
			i++;
			if (records++ == 0)
				header = fields;
			else if (fields != header)
				abort();
			fields = 1;
		} else if (ch == '\n' || ch == '\r') {
			abort();        /* a bare line end outside quotes */
		}
	}
	if (quoted)
		abort();
}

static void render_all(const struct criteria_source *src, const struct session *s,
                       const struct result *r)
{
	static const enum report_format formats[] = { REPORT_MD, REPORT_HTML, REPORT_JSON,
	                                              REPORT_CSV };
	for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
		struct strbuf out;
		strbuf_init(&out);
		struct verror why;
		/* The session's own texts stand for who prepared it and for whom. */
		struct export_options opts = { .prepared_by = s->project,
		                               .prepared_for = s->respondent, .brief = (int)f & 1 };
		if (export_render_result(formats[f], src, s, r, NULL, 0, &opts, &out, &why))
			abort();    /* without a logo, rendering cannot fail */
		if (formats[f] == REPORT_JSON) {
			json_error_t err;
			json_t *doc = json_loadb(out.data, out.len, 0, &err);
			if (!doc)
				abort();
			json_decref(doc);
		} else if (formats[f] == REPORT_CSV) {
			check_csv(out.data, out.len);
		}
		strbuf_free(&out);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const char *answers = text;
	size_t alen = size;
	struct criteria_source src;
	const char *split = NULL;
	for (size_t i = 0; !split && i + strlen(SPLIT) <= size; i++)
		if (memcmp(text + i, SPLIT, strlen(SPLIT)) == 0)
			split = text + i;
	int rc;
	if (split) {
		rc = criteria_source_from_text("fuzz.yaml", text, (size_t)(split - text), &src, NULL,
		                               NULL);
		answers = split + strlen(SPLIT);
		alen = size - (size_t)(answers - text);
	} else {
		rc = criteria_source_from_text("default", default_criteria, default_criteria_len, &src,
		                               NULL, NULL);
	}
	if (rc)
		return 0;
	struct diags d;
	diags_init(&d, "answers.yaml");
	struct session *s = answers_parse(answers, alen, src.model, &d);
	diags_free(&d);
	if (s) {
		struct result r;
		if (score_session(src.model, s, &r) == SCORE_OK) {
			render_all(&src, s, &r);
			result_free(&r);
		}
		session_free(s);
	}
	criteria_source_free(&src);
	return 0;
}
