/* yaml_tree.c - YAML text to a bounded tree of positioned nodes. */
#include "yaml_tree.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "xalloc.h"
#include "yaml_arena.h"
#include "yaml_core.h"
#include "yaml_syntax.h"
#include "yaml_text.h"

#define KEY_SLOTS 512           /* a power of two */
#define KEY_LONGEST 24

/* The tree is built on a side stack: the finished children of every open
 * container lie in PEND, each container's from its frame's FIRST on. When a
 * container ends, its children are copied at once into the node arena. */
struct builder {
	struct yaml_arena *nodes, *texts;
	const char *text;
	size_t len;
	struct diags *diags;
	struct frame {          /* an open container */
		struct ynode node;
		size_t first;   /* its first child in pend */
	} stack[YAML_TREE_MAX_DEPTH + 1];
	int depth;
	size_t nodes_made;
	struct ynode *pend;
	size_t npend, cap;
	struct ynode root;
	int has_root;
	/* Short map keys, each text kept once: a key such as "id" comes back
	 * for every item of a list. Open addressing; slots hold texts. */
	struct key_slot {
		char *text;
		size_t len;
	} keys[KEY_SLOTS];
	size_t nkeys;
	const struct ytree_stream *stream;
	int streaming;          /* the list under stream->key is open, as frame 1 */
	struct yaml_arena_mark item_mark; /* the node arena as its current item began */
};

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

/* Whether the 8 bytes of W are all ASCII and none is NUL. */
static int word_is_plain_ascii(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	return ((w | ((w - ones) & ~w)) & highs) == 0;
}

/* Refuses NUL bytes and bytes that are not UTF-8. libyaml finds these too,
 * but marks a bad sequence at its last byte rather than its first. Returns 0
 * when the text is clean. Eight bytes are tested at a time while they are
 * plain ASCII, the common case. */
static int check_encoding(const char *text, size_t len, struct diags *d)
{
	const unsigned char *s = (const unsigned char *)text;
	for (size_t i = 0; i < len;) {
		int line, column;
		if (len - i >= 8) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (word_is_plain_ascii(w)) {
				i += 8;
				continue;
			}
		}
		if (s[i] >= 0x01 && s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] == 0) {
			yaml_text_position(text, len, i, &line, &column);
			diags_error(d, "nul-byte", line, column, "NUL byte in the file: expected "
			            "UTF-8 text");
			return -1;
		}
		size_t n = utf8_sequence(s + i, len - i);
		if (n == 0) {
			yaml_text_position(text, len, i, &line, &column);
			diags_error(d, "invalid-utf8", line, column,
				    "invalid UTF-8 (byte 0x%02X): save the file as UTF-8", s[i]);
			return -1;
		}
		i += n;
	}
	return 0;
}

static void report_parser_error(struct builder *b, const yaml_parser_t *p)
{
	int line, column;
	if (p->error == YAML_READER_ERROR) {
		/* libyaml's mark is 0:0 here; its byte offset is right. */
		size_t at = p->problem_offset < b->len ? p->problem_offset : b->len;
		unsigned char byte = at < b->len ? (unsigned char)b->text[at] : 0;
		yaml_text_position(b->text, b->len, at, &line, &column);
		if (at < b->len && byte == 0)
			diags_error(b->diags, "nul-byte", line, column, "NUL byte in the file: "
			            "expected UTF-8 text");
		else if (byte >= 0x80 || strstr(p->problem ? p->problem : "", "UTF-8"))
			diags_error(b->diags, "invalid-utf8", line, column,
				    "invalid UTF-8 (byte 0x%02X): save the file as UTF-8", byte);
		else
			diags_error(b->diags, "control-character", line, column,
			            "control character 0x%02X in the file: expected printable text",
			            byte);
		return;
	}
	if (p->error == YAML_MEMORY_ERROR)
		xalloc_die();
	yaml_syntax_error(b->diags, b->text, b->len, p);
}

/* A node of KIND at MARK, counted against the bound. Returns 0, or -1
 * after reporting too many. */
static int node_init(struct builder *b, struct ynode *n, enum ynode_kind kind,
                     yaml_mark_t mark)
{
	if (++b->nodes_made > YAML_TREE_MAX_NODES) {
		diags_error(b->diags, "too-many-values", (int)mark.line + 1, (int)mark.column + 1,
			    "too many values in one file (more than %d)", YAML_TREE_MAX_NODES);
		return -1;
	}
	*n = (struct ynode){ .kind = (unsigned char)kind, .line = (int32_t)mark.line + 1,
	                     .column = (int32_t)mark.column + 1 };
	return 0;
}

static int by_key_text(const void *a, const void *b)
{
	const struct ynode *x = *(const struct ynode *const *)a,
	                   *y = *(const struct ynode *const *)b;
	int c = strcmp(x->text, y->text);
	if (c)
		return c;
	return x->line != y->line ? (x->line < y->line ? -1 : 1) : (x->column > y->column) - (x->column < y->column);
}

/* Reports each repeated key of MAP, in the order of the keys' texts. */
static void report_duplicate_keys(struct builder *b, const struct ynode *map)
{
	const struct ynode **sorted = xreallocarray(NULL, map->count, sizeof *sorted);
	for (size_t i = 0; i < map->count; i++)
		sorted[i] = ynode_key(map, i);
	qsort(sorted, map->count, sizeof *sorted, by_key_text);
	for (size_t i = 1; i < map->count; i++) {
		if (strcmp(sorted[i]->text, sorted[i - 1]->text) == 0) {
			size_t first = i - 1;
			while (first > 0 && strcmp(sorted[first - 1]->text, sorted[i]->text) == 0)
				first--;
			diags_error(b->diags, "duplicate-key", sorted[i]->line, sorted[i]->column,
				    "duplicate key '%s' (first given at line %d)", sorted[i]->text,
				    sorted[first]->line);
		}
	}
	free(sorted);
}

/* Maps up to this many keys are checked pair by pair, without allocating. */
#define SMALL_MAP 16

/* libyaml lets a key be given twice; a person never means that. */
static void check_duplicate_keys(struct builder *b, const struct ynode *map)
{
	size_t n = map->count;
	if (n < 2)
		return;
	if (n <= SMALL_MAP) {
		const struct ynode *k = map->kids;
		for (size_t i = 1; i < n; i++)
			for (size_t j = 0; j < i; j++)
				if (k[2 * i].text[0] == k[2 * j].text[0] &&
				    strcmp(k[2 * i].text, k[2 * j].text) == 0) {
					report_duplicate_keys(b, map);
					return;
				}
		return;
	}
	report_duplicate_keys(b, map);
}

/* Whether N may come next in the innermost open container: a map's
 * children alternate key, value, and a key must be text. Returns 0, or -1
 * after reporting why not. */
static int may_attach(struct builder *b, const struct ynode *n)
{
	if (b->depth == 0)
		return 0;
	const struct frame *parent = &b->stack[b->depth - 1];
	if (parent->node.kind == YNODE_MAP && (b->npend - parent->first) % 2 == 0 &&
	    n->kind != YNODE_SCALAR) {
		diags_error(b->diags, "key-not-text", n->line, n->column, "a mapping key must be "
		            "plain text, not %s", ynode_kind_name(n));
		return -1;
	}
	return 0;
}

/* Hangs N, finished, under the innermost open container (or makes it the
 * root). */
static void attach(struct builder *b, const struct ynode *n)
{
	if (b->depth == 0) {
		b->root = *n;
		b->has_root = 1;
		return;
	}
	if (b->npend == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 1024;
		b->pend = xreallocarray(b->pend, b->cap, sizeof *b->pend);
	}
	b->pend[b->npend++] = *n;
}

/* Offers ITEM, a finished item of the streamed list (now in pend), to the
 * stream; when taken, its nodes are given back but for the pair to keep. */
static void hand_over(struct builder *b, struct ynode *item)
{
	const struct frame *root = &b->stack[0];
	struct ynode so_far = { .kind = YNODE_MAP, .kids = b->pend + root->first,
	                        .count = (uint32_t)((b->stack[1].first - root->first) / 2),
	                        .line = root->node.line, .column = root->node.column };
	if (!b->stream->on_item(b->stream->ctx, item, &so_far))
		return;
	struct ynode keep[2];
	int kept = 0;
	for (size_t i = 0; i < item->count && !kept; i++)
		if (strcmp(item->kids[2 * i].text, b->stream->keep) == 0) {
			memcpy(keep, &item->kids[2 * i], sizeof keep);
			kept = 1;
		}
	yaml_arena_rewind(&b->nodes, b->item_mark);
	item->kids = NULL;
	item->count = 0;
	if (kept) {
		struct ynode *k = yaml_arena_alloc(&b->nodes, sizeof keep, _Alignof(struct ynode));
		memcpy(k, keep, sizeof keep);
		item->kids = k;
		item->count = 1;
	}
}

/* Closes the innermost container: its children move into the node arena. */
static void finish(struct builder *b)
{
	struct frame *f = &b->stack[--b->depth];
	struct ynode *n = &f->node;
	size_t nkids = b->npend - f->first;
	if (nkids > 0) {
		struct ynode *kids = yaml_arena_alloc(&b->nodes, nkids * sizeof *kids,
		                                 _Alignof(struct ynode));
		memcpy(kids, b->pend + f->first, nkids * sizeof *kids);
		n->kids = kids;
		n->count = (uint32_t)(n->kind == YNODE_MAP ? nkids / 2 : nkids);
	}
	b->npend = f->first;
	if (n->kind == YNODE_MAP)
		check_duplicate_keys(b, n);
	attach(b, n);
	if (b->streaming && b->depth == 1)
		b->streaming = 0;       /* the streamed list itself ended */
	else if (b->streaming && b->depth == 2 && n->kind == YNODE_MAP)
		hand_over(b, &b->pend[b->npend - 1]);
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

/* Whether the N characters at S are all '0'. */
static int zeros(const char *s, const char *end, size_t n)
{
	if ((size_t)(end - s) < n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != '0')
			return 0;
	return 1;
}

/* A scalar whose value holds a NUL character: libyaml decodes "\0",
 * "\x00", "\u0000" and "\U00000000" in double quotes into one, and a C
 * string would end there, silently dropping the rest. Reports it at the
 * escape that made it (or at the scalar, should none be found). */
static void report_nul_escape(struct builder *b, const yaml_event_t *ev)
{
	size_t from = yaml_text_offset(b->text, b->len, (int)ev->start_mark.line + 1,
	                        (int)ev->start_mark.column + 1);
	size_t to = yaml_text_offset(b->text, b->len, (int)ev->end_mark.line + 1,
	                      (int)ev->end_mark.column + 1);
	const char *s = b->text + from, *end = b->text + (to > from ? to : from);
	while (s < end && *s != '"')
		s++;            /* past a tag to the opening quote */
	for (s++; s < end; s++) {
		if (*s != '\\' || s + 1 >= end)
			continue;
		const char *esc = s++;
		size_t n = *s == '0' ? 0 : *s == 'x' ? 2 : *s == 'u' ? 4 : *s == 'U' ? 8 : (size_t)-1;
		if (n == (size_t)-1)
			continue;       /* another escape: its character is skipped */
		if (n == 0 || zeros(s + 1, end, n)) {
			int line, column;
			yaml_text_position(b->text, b->len, (size_t)(esc - b->text), &line, &column);
			diags_error(b->diags, "nul-escape", line, column, "'%.*s' is a NUL "
			            "character, which a value cannot hold: remove it", (int)(n + 2),
			            esc);
			return;
		}
	}
	diags_error(b->diags, "nul-escape", (int)ev->start_mark.line + 1,
	            (int)ev->start_mark.column + 1, "a NUL character in this value, which a value "
	            "cannot hold: remove it");
}

static const char *event_tag(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return (const char *)ev->data.scalar.tag;
	case YAML_SEQUENCE_START_EVENT:
		return (const char *)ev->data.sequence_start.tag;
	case YAML_MAPPING_START_EVENT:
		return (const char *)ev->data.mapping_start.tag;
	default:
		return NULL;
	}
}

#define YAML_TAG_PREFIX "tag:yaml.org,2002:"

/* A tag is refused unless it says "text" of a scalar: `!!str`, or the
 * non-specific `!`, which YAML resolves to text for any quoted or tagged
 * scalar. Returns 0 when TAG (may be NULL) is fine, with *TEXT_TAG set to
 * which it is (enum ynode_tag). */
static int check_tag(struct builder *b, const yaml_event_t *ev, int *text_tag)
{
	const char *tag = event_tag(ev);
	*text_tag = YNODE_UNTAGGED;
	if (!tag)
		return 0;
	size_t plen = sizeof YAML_TAG_PREFIX - 1;
	int core = strncmp(tag, YAML_TAG_PREFIX, plen) == 0;
	if (ev->type == YAML_SCALAR_EVENT) {
		if (strcmp(tag, "!") == 0) {
			*text_tag = YNODE_TAG_BANG;
			return 0;
		}
		if (core && strcmp(tag + plen, "str") == 0) {
			*text_tag = YNODE_TAG_STR;
			return 0;
		}
	}
	diags_error(b->diags, "tag", (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1,
	            "tag '%s%.60s' is not supported: write the value without it (only !!str, "
	            "which makes a value text, is allowed)", core ? "!!" : "",
	            core ? tag + plen : tag);
	return -1;
}

/* Whether the next node of the innermost open container is a map's key. */
static int next_is_key(const struct builder *b)
{
	if (b->depth == 0)
		return 0;
	const struct frame *f = &b->stack[b->depth - 1];
	return f->node.kind == YNODE_MAP && (b->npend - f->first) % 2 == 0;
}

/* The text of a scalar, VALUE (LEN bytes), NUL-terminated in the text
 * arena; a short key's is shared with the same key's before. */
static char *scalar_text(struct builder *b, const char *value, size_t len)
{
	struct key_slot *slot = NULL;
	if (len <= KEY_LONGEST && next_is_key(b)) {
		uint32_t h = 2166136261u;       /* FNV-1a */
		for (size_t i = 0; i < len; i++)
			h = (h ^ (unsigned char)value[i]) * 16777619u;
		for (size_t i = h & (KEY_SLOTS - 1);; i = (i + 1) & (KEY_SLOTS - 1)) {
			struct key_slot *k = &b->keys[i];
			if (!k->text) {
				if (b->nkeys < KEY_SLOTS / 2)
					slot = k;
				break;
			}
			if (k->len == len && memcmp(k->text, value, len) == 0)
				return k->text;
		}
	}
	char *t = yaml_arena_alloc(&b->texts, len + 1, 1);
	memcpy(t, value, len);
	t[len] = '\0';
	if (slot) {
		slot->text = t;
		slot->len = len;
		b->nkeys++;
	}
	return t;
}

/* Handles one event, setting *END at the end of the stream. Returns 0, or -1
 * on an error (in the builder's diags). */
static int on_event(struct builder *b, const yaml_event_t *ev, int *documents, int *end)
{
	int line = (int)ev->start_mark.line + 1, column = (int)ev->start_mark.column + 1;

	if (ev->type == YAML_ALIAS_EVENT) {
		diags_error(b->diags, "alias", line, column,
			    "aliases (*%s) are not supported: write the value out in full",
			    (const char *)ev->data.alias.anchor);
		return -1;
	}
	const char *anchor = event_anchor(ev);
	if (anchor) {
		diags_error(b->diags, "anchor", line, column, "anchors (&%s) are not supported: "
		            "write each value out in full", anchor);
		return -1;
	}
	int text_tag;
	if (check_tag(b, ev, &text_tag))
		return -1;
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++*documents > 1) {
			diags_error(b->diags, "second-document", line, column,
				    "a second YAML document: expected one document per file");
			return -1;
		}
		return 0;
	case YAML_SCALAR_EVENT: {
		struct ynode n;
		if (node_init(b, &n, YNODE_SCALAR, ev->start_mark))
			return -1;
		size_t len = ev->data.scalar.length;
		if (memchr(ev->data.scalar.value, '\0', len)) {
			report_nul_escape(b, ev);
			return -1;
		}
		n.plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !text_tag;
		n.tag = (unsigned char)text_tag;
		n.text = scalar_text(b, (const char *)ev->data.scalar.value, len);
		if (may_attach(b, &n))
			return -1;
		attach(b, &n);
		return 0;
	}
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (b->depth >= YAML_TREE_MAX_DEPTH) {
			diags_error(b->diags, "too-deep", line, column, "nesting deeper than %d "
			            "levels", YAML_TREE_MAX_DEPTH);
			return -1;
		}
		struct frame *f = &b->stack[b->depth];
		if (node_init(b, &f->node, ev->type == YAML_MAPPING_START_EVENT ? YNODE_MAP
		              : YNODE_SEQ, ev->start_mark) || may_attach(b, &f->node))
			return -1;
		f->first = b->npend;
		if (b->stream && b->depth == 1 && f->node.kind == YNODE_SEQ &&
		    b->stack[0].node.kind == YNODE_MAP && (b->npend - b->stack[0].first) % 2 == 1 &&
		    strcmp(b->pend[b->npend - 1].text, b->stream->key) == 0)
			b->streaming = 1;
		if (b->streaming && b->depth == 2)
			b->item_mark = yaml_arena_mark(b->nodes);
		b->depth++;
		return 0;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		finish(b);
		return 0;
	case YAML_STREAM_END_EVENT:
		*end = 1;
		return 0;
	default:
		return 0;
	}
}

static void builder_free(struct builder *b)
{
	yaml_arena_free(b->nodes);
	yaml_arena_free(b->texts);
	free(b->pend);
}

const struct ynode *yaml_tree_parse(struct ytree *t, const char *text, size_t len,
                                    struct diags *diags)
{
	return yaml_tree_parse_stream(t, text, len, diags, NULL);
}

const struct ynode *yaml_tree_parse_stream(struct ytree *t, const char *text, size_t len,
                                           struct diags *diags,
                                           const struct ytree_stream *stream)
{
	memset(t, 0, sizeof *t);
	if (len > YAML_TREE_MAX_BYTES) {
		diags_too_large(diags, len, 0, YAML_TREE_MAX_BYTES);
		return NULL;
	}
	if (check_encoding(text, len, diags))
		return NULL;

	struct builder b = { .text = text, .len = len, .diags = diags, .stream = stream };
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		xalloc_die();   /* libyaml fails here only for memory */
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);

	int documents = 0, end = 0, rc = 0;
	while (rc == 0 && !end) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			report_parser_error(&b, &parser);
			rc = -1;
			break;
		}
		rc = on_event(&b, &ev, &documents, &end);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	free(b.pend);
	b.pend = NULL;

	if (rc || !b.has_root ||
	    (b.root.kind == YNODE_SCALAR && b.root.plain && !*b.root.text)) {
		if (rc == 0)
			diags_error(diags, "empty-file", 1, 1, "the file is empty: expected a "
			            "mapping of keys");
		builder_free(&b);
		return NULL;
	}
	struct ynode *root = yaml_arena_alloc(&b.nodes, sizeof *root, _Alignof(struct ynode));
	*root = b.root;
	t->root = root;
	t->nodes = b.nodes;
	t->text = b.texts;
	return root;
}

void yaml_tree_free(struct ytree *t)
{
	yaml_arena_free(t->nodes);
	yaml_arena_free(t->text);
	memset(t, 0, sizeof *t);
}

struct yaml_arena *yaml_tree_take_text(struct ytree *t)
{
	struct yaml_arena *a = t->text;
	t->text = NULL;
	return a;
}

const char *ynode_tag(const struct ynode *n)
{
	return n->tag == YNODE_TAG_STR ? "!!str" : n->tag == YNODE_TAG_BANG ? "!" : NULL;
}

const struct ynode *ynode_get(const struct ynode *n, const char *key)
{
	if (!n || n->kind != YNODE_MAP)
		return NULL;
	for (size_t i = 0; i < n->count; i++)
		if (strcmp(n->kids[2 * i].text, key) == 0)
			return &n->kids[2 * i + 1];
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
		break;
	}
	if (!n->plain)
		return "text";
	switch (ycore_resolve(n->text)) {
	case YCORE_NULL:
		return "no value";
	case YCORE_BOOL:
		return "a boolean";
	case YCORE_INT:
	case YCORE_FLOAT:
		return "a number";
	default:
		return "text";
	}
}

