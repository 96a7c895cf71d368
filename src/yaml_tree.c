/* yaml_tree.c - YAML text to a bounded tree of positioned nodes. */
#include "yaml_tree.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct builder {
	const char *text;
	size_t len;
	struct diags *diags;
	struct ynode *stack[YAML_TREE_MAX_DEPTH + 1];
	int depth;
	size_t nodes;
	struct ynode *root;
	int failed;
};

/* The 1-based line and column (in characters) of byte OFFSET. */
static void position_of(const char *text, size_t len, size_t offset, int *line, int *column)
{
	int l = 1, c = 1;
	if (offset > len)
		offset = len;
	for (size_t i = 0; i < offset; i++) {
		unsigned char ch = (unsigned char)text[i];
		if (ch == '\n') {
			l++;
			c = 1;
		} else if ((ch & 0xC0) != 0x80) {
			c++;            /* count characters, not continuation bytes */
		}
	}
	*line = l;
	*column = c;
}

/* Length of the UTF-8 sequence at S (at most N bytes), or 0 if invalid. */
static size_t utf8_sequence(const unsigned char *s, size_t n)
{
	uint32_t cp;
	size_t need;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		need = 2;
		cp = s[0] & 0x1Fu;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		need = 3;
		cp = s[0] & 0x0Fu;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		need = 4;
		cp = s[0] & 0x07u;
	} else {
		return 0;
	}
	if (n < need)
		return 0;
	for (size_t i = 1; i < need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3Fu);
	}
	if ((need == 3 && cp < 0x800) || (need == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;       /* overlong, out of range, or a surrogate */
	return need;
}

/* Refuses NUL bytes and bytes that are not UTF-8, which libyaml reports at
 * 0:0 or not at all. Returns 0 when the text is clean. */
static int check_encoding(const char *text, size_t len, struct diags *d)
{
	const unsigned char *s = (const unsigned char *)text;
	for (size_t i = 0; i < len;) {
		int line, column;
		if (s[i] == 0) {
			position_of(text, len, i, &line, &column);
			diags_add(d, line, column, "NUL byte in the file: expected UTF-8 text");
			return -1;
		}
		size_t n = utf8_sequence(s + i, len - i);
		if (n == 0) {
			position_of(text, len, i, &line, &column);
			diags_add(d, line, column,
			          "invalid UTF-8 (byte 0x%02X): save the file as UTF-8", s[i]);
			return -1;
		}
		i += n;
	}
	return 0;
}

/* The byte offset where 1-based LINE starts. */
static size_t line_start(const char *text, size_t len, int line)
{
	size_t i = 0;
	for (int l = 1; l < line && i < len; i++)
		if (text[i] == '\n')
			l++;
	return i;
}

static void report_parser_error(struct builder *b, const yaml_parser_t *p)
{
	int line, column;
	if (p->error == YAML_READER_ERROR) {
		position_of(b->text, b->len, p->problem_offset, &line, &column);
		diags_add(b->diags, line, column, "%s", p->problem ? p->problem : "unreadable text");
		return;
	}
	if (p->error == YAML_MEMORY_ERROR) {
		diags_add(b->diags, 0, 0, "out of memory");
		return;
	}
	line = (int)p->problem_mark.line + 1;
	column = (int)p->problem_mark.column + 1;
	/* A tab in the indentation is the commonest cause of a scanner error,
	 * and libyaml's words for it do not say so. */
	size_t at = line_start(b->text, b->len, line);
	for (size_t i = at; i < b->len && (b->text[i] == ' ' || b->text[i] == '\t'); i++) {
		if (b->text[i] == '\t') {
			diags_add(b->diags, line, (int)(i - at) + 1,
			          "tab character in the indentation: YAML indents with spaces only");
			return;
		}
	}
	if (p->context)
		diags_add(b->diags, line, column, "YAML syntax: %s (%s that started at line %zu)",
		          p->problem, p->context, p->context_mark.line + 1);
	else
		diags_add(b->diags, line, column, "YAML syntax: %s", p->problem ? p->problem : "error");
}

void ynode_free(struct ynode *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->count; i++) {
		if (n->keys)
			ynode_free(n->keys[i]);
		ynode_free(n->items[i]);
	}
	if (n->key_pending)
		ynode_free(n->keys[n->count]);
	free(n->keys);
	free(n->items);
	free(n->text);
	free(n);
}

static struct ynode *node_new(struct builder *b, enum ynode_kind kind, yaml_mark_t mark)
{
	if (++b->nodes > YAML_TREE_MAX_NODES) {
		diags_add(b->diags, (int)mark.line + 1, (int)mark.column + 1,
		          "too many values in one file (more than %d)", YAML_TREE_MAX_NODES);
		return NULL;
	}
	struct ynode *n = calloc(1, sizeof *n);
	if (!n) {
		diags_add(b->diags, 0, 0, "out of memory");
		return NULL;
	}
	n->kind = kind;
	n->line = (int)mark.line + 1;
	n->column = (int)mark.column + 1;
	return n;
}

static int by_key_text(const void *a, const void *b)
{
	const struct ynode *x = *(struct ynode *const *)a, *y = *(struct ynode *const *)b;
	int c = strcmp(x->text, y->text);
	if (c)
		return c;
	return x->line != y->line ? (x->line < y->line ? -1 : 1) : (x->column > y->column) - (x->column < y->column);
}

/* libyaml lets a key be given twice; a person never means that. */
static void check_duplicate_keys(struct builder *b, const struct ynode *map)
{
	if (map->count < 2)
		return;
	struct ynode **sorted = malloc(map->count * sizeof *sorted);
	if (!sorted) {
		diags_add(b->diags, 0, 0, "out of memory");
		b->failed = 1;
		return;
	}
	memcpy(sorted, map->keys, map->count * sizeof *sorted);
	qsort(sorted, map->count, sizeof *sorted, by_key_text);
	for (size_t i = 1; i < map->count; i++) {
		if (strcmp(sorted[i]->text, sorted[i - 1]->text) == 0) {
			size_t first = i - 1;
			while (first > 0 && strcmp(sorted[first - 1]->text, sorted[i]->text) == 0)
				first--;
			diags_add(b->diags, sorted[i]->line, sorted[i]->column,
			          "duplicate key '%s' (first given at line %d)", sorted[i]->text,
			          sorted[first]->line);
		}
	}
	free(sorted);
}

static int grow(struct ynode *parent, int with_keys)
{
	if (parent->count < parent->cap)
		return 0;
	size_t cap = parent->cap ? parent->cap * 2 : 4;
	struct ynode **items = realloc(parent->items, cap * sizeof *items);
	if (!items)
		return -1;
	parent->items = items;
	if (with_keys) {
		struct ynode **keys = realloc(parent->keys, cap * sizeof *keys);
		if (!keys)
			return -1;
		parent->keys = keys;
	}
	parent->cap = cap;
	return 0;
}

/* Hangs N under the innermost open container (or makes it the root). A map
 * keeps a pending key in keys[count] until its value arrives. */
static int attach(struct builder *b, struct ynode *n)
{
	if (b->depth == 0) {
		b->root = n;
		return 0;
	}
	struct ynode *parent = b->stack[b->depth - 1];
	if (parent->kind == YNODE_SEQ) {
		if (grow(parent, 0)) {
			ynode_free(n);
			diags_add(b->diags, 0, 0, "out of memory");
			return -1;
		}
		parent->items[parent->count++] = n;
		return 0;
	}
	/* A map: a key when no key is pending, else the pending key's value. */
	if (!parent->key_pending) {
		if (n->kind != YNODE_SCALAR) {
			diags_add(b->diags, n->line, n->column,
			          "a mapping key must be plain text, not %s", ynode_kind_name(n));
			ynode_free(n);
			return -1;
		}
		if (grow(parent, 1)) {
			ynode_free(n);
			diags_add(b->diags, 0, 0, "out of memory");
			return -1;
		}
		parent->keys[parent->count] = n;
		parent->key_pending = 1;
		return 0;
	}
	parent->items[parent->count++] = n;
	parent->key_pending = 0;
	return 0;
}

static const char *event_anchor(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return (const char *)ev->data.scalar.anchor;
	case YAML_SEQUENCE_START_EVENT:
		return (const char *)ev->data.sequence_start.anchor;
	case YAML_MAPPING_START_EVENT:
		return (const char *)ev->data.mapping_start.anchor;
	default:
		return NULL;
	}
}

/* Handles one event. Returns 1 to go on, 0 at the end, -1 on an error. */
static int on_event(struct builder *b, const yaml_event_t *ev, int *documents)
{
	int line = (int)ev->start_mark.line + 1, column = (int)ev->start_mark.column + 1;
	struct ynode *n;

	if (ev->type == YAML_ALIAS_EVENT) {
		diags_add(b->diags, line, column,
		          "aliases (*%s) are not supported: write the value out in full",
		          (const char *)ev->data.alias.anchor);
		return -1;
	}
	const char *anchor = event_anchor(ev);
	if (anchor) {
		diags_add(b->diags, line, column,
		          "anchors (&%s) are not supported: write each value out in full", anchor);
		return -1;
	}
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++*documents > 1) {
			diags_add(b->diags, line, column,
			          "a second YAML document: expected one document per file");
			return -1;
		}
		return 1;
	case YAML_SCALAR_EVENT:
		if (!(n = node_new(b, YNODE_SCALAR, ev->start_mark)))
			return -1;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		n->text = malloc(ev->data.scalar.length + 1);
		if (!n->text) {
			ynode_free(n);
			diags_add(b->diags, 0, 0, "out of memory");
			return -1;
		}
		memcpy(n->text, ev->data.scalar.value, ev->data.scalar.length);
		n->text[ev->data.scalar.length] = '\0';
		return attach(b, n) ? -1 : 1;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (b->depth >= YAML_TREE_MAX_DEPTH) {
			diags_add(b->diags, line, column, "nesting deeper than %d levels",
			          YAML_TREE_MAX_DEPTH);
			return -1;
		}
		n = node_new(b, ev->type == YAML_MAPPING_START_EVENT ? YNODE_MAP : YNODE_SEQ,
		             ev->start_mark);
		if (!n || attach(b, n))
			return -1;
		b->stack[b->depth++] = n;
		return 1;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		n = b->stack[--b->depth];
		if (n->kind == YNODE_MAP)
			check_duplicate_keys(b, n);
		return b->failed ? -1 : 1;
	case YAML_STREAM_END_EVENT:
		return 0;
	default:
		return 1;
	}
}

struct ynode *yaml_tree_parse(const char *text, size_t len, struct diags *diags)
{
	if (len > YAML_TREE_MAX_BYTES) {
		diags_add(diags, 1, 1, "file is larger than %u MiB", YAML_TREE_MAX_BYTES >> 20);
		return NULL;
	}
	if (check_encoding(text, len, diags))
		return NULL;

	struct builder b = { .text = text, .len = len, .diags = diags };
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		diags_add(diags, 0, 0, "out of memory");
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);

	int documents = 0, state = 1;
	while (state > 0) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			report_parser_error(&b, &parser);
			state = -1;
			break;
		}
		state = on_event(&b, &ev, &documents);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);

	if (state < 0) {
		ynode_free(b.root);
		return NULL;
	}
	if (!b.root || (b.root->kind == YNODE_SCALAR && b.root->plain && !*b.root->text)) {
		diags_add(diags, 1, 1, "the file is empty: expected a mapping of keys");
		ynode_free(b.root);
		return NULL;
	}
	return b.root;
}

const struct ynode *ynode_get(const struct ynode *n, const char *key)
{
	if (!n || n->kind != YNODE_MAP)
		return NULL;
	for (size_t i = 0; i < n->count; i++)
		if (strcmp(n->keys[i]->text, key) == 0)
			return n->items[i];
	return NULL;
}

const char *ynode_kind_name(const struct ynode *n)
{
	switch (n->kind) {
	case YNODE_MAP:
		return "a mapping";
	case YNODE_SEQ:
		return "a list";
	default:
		return "text";
	}
}
