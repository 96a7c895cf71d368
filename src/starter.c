/* starter.c - the starter criteria set of 'verdict new'. */
#include "starter.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "criteria.h"
#include "diag.h"
#include "score.h"
#include "text.h"
#include "xalloc.h"

const char starter_default_options[] = "Option A,Option B";

/* The criteria's names and ids, first to last; past them, "Criterion N". */
static const struct {
	const char *id, *name, *question;
} named_criteria[] = {
	{ "cost", "Cost", "How much does the cost matter to you?" },
	{ "ease_of_use", "Ease of use", "How much does ease of use matter to you?" },
	{ "support", "Support", "How much does good support matter to you?" },
	{ "fit", "Fit with what we have", "How much does fitting with what you already have "
	  "matter to you?" },
	{ "risk", "Low risk", "How much does keeping the risk low matter to you?" },
	{ "time_to_start", "Time to get going", "How much does getting going quickly matter "
	  "to you?" },
	{ "room_to_grow", "Room to grow", "How much does room to grow matter to you?" },
	{ "quality", "Quality", "How much does quality matter to you?" },
};
enum { NAMED_CRITERIA = sizeof named_criteria / sizeof named_criteria[0] };

struct option_names {
	size_t n;
	char *name[STARTER_MAX_OPTIONS];
	char id[STARTER_MAX_OPTIONS][STARTER_ID_MAX + 1];
};

void starter_id(const char *name, char *id)
{
	size_t n = 0;
	int gap = 0;
	for (const char *p = name; *p && n < STARTER_ID_MAX; p++) {
		char ch = *p;
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
			if (gap && n > 0 && n + 1 < STARTER_ID_MAX)
				id[n++] = '-';
			id[n++] = ch;
			gap = 0;
		} else {
			gap = 1;
		}
	}
	id[n] = '\0';
}

/* The --criteria count from TEXT (NULL for the default) into *N. */
static int parse_count(const char *text, int *n, struct verror *err)
{
	if (!text) {
		*n = STARTER_CRITERIA;
		return 0;
	}
	size_t len = strlen(text);
	if (len == 0 || len > 4 || strspn(text, "0123456789") != len ||
	    atoi(text) < 1 || atoi(text) > STARTER_MAX_CRITERIA)
		return verror_set(err, VERROR_USAGE, "--criteria must be a whole number from 1 to "
		                  "%d, got '%s'", STARTER_MAX_CRITERIA, text);
	*n = atoi(text);
	return 0;
}

/* Why NAME (option number I, from 1) cannot name an option; 0 when it can. */
static int check_name(const char *name, size_t i, struct verror *err)
{
	if (!*name)
		return verror_set(err, VERROR_USAGE, "--options: option %zu is empty; name every "
		                  "option between the commas", i);
	size_t len = strlen(name);
	for (size_t at = 0; at < len;) {
		uint32_t c;
		at += text_utf8_decode(name + at, len - at, &c);
		if (c == TEXT_BAD_CHAR)
			return verror_set(err, VERROR_USAGE, "--options: option %zu is not UTF-8 "
			                  "text", i);
		if (!text_code_safe(c))
			return verror_set(err, VERROR_USAGE, "--options: option %zu holds a control "
			                  "character; name it in plain text", i);
	}
	return 0;
}

static void names_free(struct option_names *o)
{
	for (size_t i = 0; i < o->n; i++)
		free(o->name[i]);
	o->n = 0;
}

/* Whether ID, written plainly in YAML, reads as text both in YAML 1.2 (as
 * verdict reads it) and in YAML 1.1 (as many other tools do): not a number
 * (it starts with a letter) nor a boolean or null. */
static int reads_as_text(const char *id)
{
	static const char *const words[] = { "true", "false", "null", "yes", "no", "on",
	                                     "off", "y", "n" };
	if (*id < 'a' || *id > 'z')
		return 0;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(id, words[i]) == 0)
			return 0;
	return 1;
}

/* WORD and '-' put before ID (STARTER_ID_MAX + 1 bytes), cut to fit. */
static void prefix_id(char *id, const char *word)
{
	char was[STARTER_ID_MAX + 1];
	strcpy(was, id);
	snprintf(id, STARTER_ID_MAX + 1, "%s-%.*s", word,
	         (int)(STARTER_ID_MAX - 1 - strlen(word)), was);
}

/* The option names of TEXT, each with an id of its own. */
static int parse_options(const char *text, struct option_names *o, struct verror *err)
{
	size_t count = 1;
	for (const char *p = text; *p; p++)
		count += *p == ',';
	o->n = 0;
	if (count < STARTER_MIN_OPTIONS || count > STARTER_MAX_OPTIONS)
		return verror_set(err, VERROR_USAGE, "--options must name from %d to %d options, "
		                  "separated by commas, got %zu", STARTER_MIN_OPTIONS,
		                  STARTER_MAX_OPTIONS, count);
	const char *p = text;
	for (size_t i = 0; i < count; i++) {
		size_t len = strcspn(p, ",");
		const char *start = p, *end = p + len;
		while (start < end && *start == ' ')
			start++;
		while (end > start && end[-1] == ' ')
			end--;
		o->name[o->n++] = xstrndup(start, (size_t)(end - start));
		p += len + (p[len] == ',');
	}
	for (size_t i = 0; i < o->n; i++) {
		if (check_name(o->name[i], i + 1, err))
			goto fail;
		for (size_t j = 0; j < i; j++) {
			if (strcasecmp(o->name[i], o->name[j]) == 0) {
				verror_set(err, VERROR_USAGE, "--options: '%s' names the same option "
				           "as '%s'", o->name[i], o->name[j]);
				goto fail;
			}
		}
	}
	/* Ids from the names; an option whose name gives none, or the id of an
	 * earlier one, gets a number. */
	for (size_t i = 0; i < o->n; i++) {
		char base[STARTER_ID_MAX + 1];
		starter_id(o->name[i], base);
		if (!*base)
			snprintf(base, sizeof base, "option-%zu", i + 1);
		else if (!reads_as_text(base))
			prefix_id(base, "option");
		/* Room for a number; no '-' left at the end. */
		base[STARTER_ID_MAX - 4] = '\0';
		for (size_t e = strlen(base); e > 1 && base[e - 1] == '-'; e--)
			base[e - 1] = '\0';
		strcpy(o->id[i], base);
		for (int k = 2;; k++) {
			size_t j = 0;
			while (j < i && strcmp(o->id[j], o->id[i]) != 0)
				j++;
			if (j == i)
				break;
			/* BASE was cut to leave room for "-K" (at most 16 options). */
			if (snprintf(o->id[i], sizeof o->id[i], "%s-%d", base, k) >= (int)sizeof o->id[i]) {
				verror_set(err, VERROR_USAGE, "--options: no id is left for option %zu",
				           i + 1);
				goto fail;
			}
		}
	}
	return 0;
fail:
	names_free(o);
	return -1;
}

/* S written as a YAML scalar: plain when it plainly reads as itself, else
 * in double quotes. */
static void put_scalar(struct strbuf *b, const char *s)
{
	static const char plain[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                            "0123456789 ._()/+&,?!'-";
	size_t len = strlen(s);
	int ok = len > 0 && ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')) &&
	         strspn(s, plain) == len && s[len - 1] != ' ' && strcasecmp(s, "true") != 0 &&
	         strcasecmp(s, "false") != 0 && strcasecmp(s, "null") != 0;
	if (ok) {
		strbuf_puts(b, s);
		return;
	}
	strbuf_putc(b, '"');
	for (const char *p = s; *p; p++) {
		if (*p == '"' || *p == '\\')
			strbuf_putc(b, '\\');
		strbuf_putc(b, *p);
	}
	strbuf_putc(b, '"');
}

/* "KEY: SCALAR\n" after INDENT. */
static void put_key(struct strbuf *b, const char *indent, const char *key, const char *s)
{
	strbuf_printf(b, "%s%s: ", indent, key);
	put_scalar(b, s);
	strbuf_putc(b, '\n');
}

/* The set's id: FILE's name, without its directory and a YAML ending. */
static void set_id(const char *file, char *id)
{
	const char *slash = strrchr(file, '/');
	char *name = xstrdup(slash ? slash + 1 : file);
	size_t len = strlen(name);
	if (len > 5 && strcmp(name + len - 5, ".yaml") == 0)
		name[len - 5] = '\0';
	else if (len > 4 && strcmp(name + len - 4, ".yml") == 0)
		name[len - 4] = '\0';
	starter_id(name, id);
	if (!*id)
		strcpy(id, "decision");
	else if (!reads_as_text(id))
		prefix_id(id, "decision");
	free(name);
}

static const char head[] =
	"# A criteria set for verdict, written by 'verdict new'.\n"
	"#\n"
	"# It describes one decision: the options to choose between, the criteria\n"
	"# that matter, how well each option meets each criterion, a question about\n"
	"# the project asked first, and a calibration example. Replace the texts and\n"
	"# numbers with your own; the comment above each key says what it is for.\n"
	"# 'verdict check' with this file's name checks it and runs its example;\n"
	"# 'verdict -c' with its name asks its questions. docs/criteria-format.md\n"
	"# describes every key and every error message.\n"
	"\n"
	"# The format version: always 1 for now.\n"
	"verdict: 1\n"
	"# The set's id: lowercase letters, digits, '_' and '-'. Every session keeps\n"
	"# it, so change it only before anyone answers.\n";

static const char middle[] =
	"# A paragraph for the first screen of the walk-through (optional).\n"
	"summary: >-\n"
	"  A few questions about your situation, then how much each point matters\n"
	"  to you: verdict recommends an option, says why, and what would change it.\n"
	"\n"
	"# The options to choose between, 2 to 16: an id, used in the ratings and\n"
	"# the example below, and the name people see.\n"
	"options:\n";

static const char scale_text[] =
	"\n"
	"# The importance scale of the weights (optional; this is the default):\n"
	"# whole steps from min to max, a label for each.\n"
	"scale:\n"
	"  min: 0\n"
	"  max: 5\n"
	"  labels: [Does not matter, Minor, Moderate, Important, Very important, Critical]\n"
	"\n"
	"# How far ahead, in points out of 100, the first option must be (optional;\n"
	"# these are the defaults): below tie there is no winner; from leaning the\n"
	"# advice is leaning, from clear it is clear, and in between too close to call.\n"
	"strength: { tie: 0.5, leaning: 2, clear: 8 }\n"
	"\n"
	"# What matters in the choice, at least one criterion. Each has\n"
	"#   id              used by the question and the example below\n"
	"#   name            a short name\n"
	"#   group           (optional) a section heading in the walk-through\n"
	"#   question        what the walk-through asks about it\n"
	"#   default_weight  how much it matters before any answer, on the scale\n"
	"#   ratings         how well each option meets it, from 0 (not at all) to 10\n"
	"#   why             (optional) a plain reason for each option's rating\n"
	"#   source          (optional) where the ratings come from, for a reader to check\n"
	"# The ratings here are placeholders: put in your own.\n"
	"criteria:\n";

static const char questions_text[] =
	"\n"
	"# Questions about the project, asked before the weights (optional). Each\n"
	"# has an id (used in answers files and the example below), a prompt, a\n"
	"# short name for summaries (optional) and at least two choices. A choice\n"
	"# has an id, a label, a short name (optional), and may move the default\n"
	"# weights (weights: +2 or -1, the total kept on the scale) or put other\n"
	"# ratings in place for such a project (ratings: { CRITERION: { OPTION: 0 to\n"
	"# 10 } }).\n"
	"questions:\n"
	"  - id: budget\n"
	"    prompt: How tight is the budget?\n"
	"    name: Budget\n"
	"    choices:\n"
	"      - id: tight\n"
	"        label: Tight, every cost counts\n"
	"        name: Tight\n"
	"        weights: { cost: +2 }\n"
	"      - id: comfortable\n"
	"        label: Comfortable\n"
	"        weights: { cost: -1 }\n"
	"\n"
	"# Plain one-line definitions of the technical words the texts use\n"
	"# (optional): the walk-through's help explains those on the screen.\n"
	"glossary:\n"
	"  weight: How much a point matters to you, from 0 (does not matter) to 5 (critical).\n"
	"\n"
	"# Calibration examples (optional): answers, and the advice they must give.\n"
	"# 'verdict check' scores each one and fails when the advice differs, so a\n"
	"# changed rating that turns the advice is caught at once. Each has a name,\n"
	"# the answers (choices: { QUESTION: CHOICE }, weights: { CRITERION: WEIGHT }),\n"
	"# the option that must win (expect_winner, or none for too close to call)\n"
	"# and the strengths allowed (expect_strength, optional: clear, leaning or\n"
	"# too-close, or a list of them).\n"
	"examples:\n"
	"  - name: Tight budget\n"
	"    choices: { budget: tight }\n";

/* The whole set into B, its example expecting STRENGTH (NULL: no strength). */
static void build(struct strbuf *b, const char *id, const struct option_names *o, int ncrit,
                  const char *strength)
{
	struct strbuf s;
	strbuf_init(&s);
	strbuf_puts(b, head);
	strbuf_printf(b, "id: %s\n# The decision, as a question.\n", id);
	/* "A or B?", "A, B or C?" */
	for (size_t i = 0; i < o->n; i++)
		strbuf_printf(&s, "%s%s", i == 0 ? "" : i + 1 == o->n ? " or " : ", ", o->name[i]);
	strbuf_putc(&s, '?');
	put_key(b, "", "title", strbuf_str(&s));
	strbuf_puts(b, middle);
	for (size_t i = 0; i < o->n; i++) {
		strbuf_printf(b, "  - id: %s\n", o->id[i]);
		put_key(b, "    ", "name", o->name[i]);
	}
	strbuf_puts(b, scale_text);
	for (int k = 0; k < ncrit; k++) {
		char cid[32], cname[32], question[64];
		const char *name = cname, *q = question;
		if (k < NAMED_CRITERIA) {
			snprintf(cid, sizeof cid, "%s", named_criteria[k].id);
			name = named_criteria[k].name;
			q = named_criteria[k].question;
		} else {
			snprintf(cid, sizeof cid, "criterion_%d", k + 1);
			snprintf(cname, sizeof cname, "Criterion %d", k + 1);
			snprintf(question, sizeof question, "How much does criterion %d matter to you?",
			         k + 1);
		}
		strbuf_printf(b, "  - id: %s\n", cid);
		put_key(b, "    ", "name", name);
		if (k == 0)
			strbuf_puts(b, "    group: Money\n");
		put_key(b, "    ", "question", q);
		strbuf_puts(b, "    default_weight: 3\n    ratings: {");
		/* The first option rates better on cost, the rest are even: the
		 * example has something to find. */
		for (size_t i = 0; i < o->n; i++)
			strbuf_printf(b, "%s %s: %d", i ? "," : "", o->id[i], k == 0 && i == 0 ? 8 : 5);
		strbuf_puts(b, " }\n");
		if (k == 0) {
			strbuf_puts(b, "    why:\n");
			for (size_t i = 0; i < o->n; i++) {
				strbuf_free(&s);
				strbuf_init(&s);
				strbuf_printf(&s, "Say here why %s rates %d.", o->name[i], i == 0 ? 8 : 5);
				strbuf_printf(b, "      %s: ", o->id[i]);
				put_scalar(b, strbuf_str(&s));
				strbuf_putc(b, '\n');
			}
			strbuf_puts(b, "    source: Say here where these ratings come from.\n");
		}
	}
	strbuf_puts(b, questions_text);
	strbuf_printf(b, "    expect_winner: %s\n", o->id[0]);
	if (strength)
		strbuf_printf(b, "    expect_strength: %s\n", strength);
	strbuf_free(&s);
}

/* The strength the example of TEXT gives, or NULL with ERR when the set
 * does not read or its example cannot be scored (which would be a fault
 * here, not the person's). */
static const char *example_strength(const char *text, size_t len, struct verror *err)
{
	struct diags d;
	diags_init(&d, "the starter set");
	struct criteria *c = criteria_parse(text, len, &d);
	const char *strength = NULL;
	if (!c) {
		diags_fail(&d, err);
	} else if (c->nexamples != 1 || !c->examples[0].answers) {
		verror_set(err, VERROR_INPUT, "the starter set's example does not read");
	} else {
		struct result r;
		enum score_status st = score_session(c, c->examples[0].answers, &r);
		if (st != SCORE_OK) {
			verror_set(err, VERROR_INPUT, "the starter set's example: %s",
			           score_status_message(st));
		} else {
			strength = strength_name(r.strength);
			result_free(&r);
		}
	}
	criteria_free(c);
	diags_free(&d);
	return strength;
}

int starter_text(const char *file, const char *options, const char *criteria,
                 struct strbuf *out, struct verror *err)
{
	int ncrit = STARTER_CRITERIA;
	struct option_names o;
	if (parse_count(criteria, &ncrit, err) ||
	    parse_options(options ? options : starter_default_options, &o, err))
		return -1;
	char id[STARTER_ID_MAX + 1];
	set_id(file, id);
	/* Built once to score its example, then with the strength it gives. */
	struct strbuf draft;
	strbuf_init(&draft);
	build(&draft, id, &o, ncrit, NULL);
	size_t len;
	char *text = strbuf_take(&draft, &len);
	const char *strength = example_strength(text, len, err);
	free(text);
	if (strength)
		build(out, id, &o, ncrit, strength);
	names_free(&o);
	return strength ? 0 : -1;
}
