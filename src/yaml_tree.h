/* yaml_tree.h - YAML text to a small tree of nodes that remember where they
 * stood in the file.
 *
 * Built from libyaml's event API with hard bounds, so that a hostile file
 * fails fast: at most YAML_TREE_MAX_BYTES of input, YAML_TREE_MAX_DEPTH levels
 * of nesting, YAML_TREE_MAX_NODES nodes. Anchors, aliases and a second
 * document are refused; duplicate mapping keys, which libyaml accepts, are
 * errors. Text must be UTF-8 without NUL bytes, and no value may hold a NUL
 * character written as an escape ("\0", "\x00", "\u0000"), which C strings
 * would silently cut short. Tags are refused, except `!!str` and the
 * non-specific `!` on a scalar, which YAML defines as "this is text": such a
 * scalar is never read as a number, a boolean or null. Every problem is
 * reported into a `struct diags` with its 1-based line and column. Nodes
 * are built on a side stack and copied once, by container, into their arena. */
#ifndef VERDICT_YAML_TREE_H
#define VERDICT_YAML_TREE_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "yaml_arena.h"

#define YAML_TREE_MAX_BYTES (16u << 20)
#define YAML_TREE_MAX_DEPTH 64
#define YAML_TREE_MAX_NODES 4000000

enum ynode_kind {
	YNODE_SCALAR,
	YNODE_MAP,
	YNODE_SEQ,
};

/* How a scalar was tagged as text (ynode_tag()). */
enum ynode_tag {
	YNODE_UNTAGGED,
	YNODE_TAG_STR,          /* !!str */
	YNODE_TAG_BANG,         /* the non-specific ! */
};

/* One value: 24 bytes. A container's children lie side by side in one
 * array: a map's as key, value, key, value, a list's in order. */
struct ynode {
	union {
		char *text;             /* scalar: NUL-terminated UTF-8 */
		const struct ynode *kids; /* map: [2 * count]; seq: [count] */
	};
	uint32_t count;         /* map: pairs; seq: items; scalar: 0 */
	int32_t line;           /* 1-based */
	int32_t column;         /* 1-based, in characters */
	unsigned char kind;     /* enum ynode_kind */
	unsigned char plain;    /* scalar written without quotes, block style or tag, so
	                         * read by its look (yaml_core.h) */
	unsigned char tag;      /* enum ynode_tag */
};


/* A parsed file: its root, the nodes, and the scalars' texts, which live
 * apart so that a loader can keep them (yaml_tree_take_text()) after the
 * nodes are gone. */
struct ytree {
	const struct ynode *root;
	struct yaml_arena *nodes;
	struct yaml_arena *text;
};

/* Parses TEXT (LEN bytes) into T. Returns the root (also T->root), or NULL
 * after reporting why into DIAGS (an empty document is reported too), T then
 * holding nothing. Duplicate keys are reported but do not stop the parse:
 * the caller checks DIAGS. Free T with yaml_tree_free() either way. */
const struct ynode *yaml_tree_parse(struct ytree *t, const char *text, size_t len,
                                    struct diags *diags);
void yaml_tree_free(struct ytree *t);

/* A long list handed over item by item as the parse goes, so that its
 * nodes need not all be held at once: each item that is a mapping, of the
 * list under KEY in the root mapping, goes to ON_ITEM as soon as it is
 * complete, with the root's pairs before KEY (ROOT_SO_FAR, a mapping). When
 * ON_ITEM returns 1 it has taken the item: the item's nodes are given back
 * but for its pair KEEP, so that in the finished tree the item is a mapping
 * of that one pair (or none). When it returns 0 the item stays whole. The
 * texts of a taken item stay with the tree's. */
struct ytree_stream {
	const char *key;
	const char *keep;
	int (*on_item)(void *ctx, const struct ynode *item, const struct ynode *root_so_far);
	void *ctx;
};
/* yaml_tree_parse() with STREAM. */
const struct ynode *yaml_tree_parse_stream(struct ytree *t, const char *text, size_t len,
                                           struct diags *diags,
                                           const struct ytree_stream *stream);
/* Takes the scalars' texts out of T: they stay valid until
 * yaml_arena_free() of what is returned. */
struct yaml_arena *yaml_tree_take_text(struct ytree *t);

/* Key I and value I of map N; item I of list N. */
static inline const struct ynode *ynode_key(const struct ynode *n, size_t i)
{
	return &n->kids[2 * i];
}
static inline const struct ynode *ynode_item(const struct ynode *n, size_t i)
{
	return n->kind == YNODE_MAP ? &n->kids[2 * i + 1] : &n->kids[i];
}
/* "!!str" or "!" for a scalar tagged as text, else NULL. */
const char *ynode_tag(const struct ynode *n);

/* The value under KEY in map N, or NULL. */
const struct ynode *ynode_get(const struct ynode *n, const char *key);
/* What N is, for messages: "a mapping", "a list", or for a scalar what YAML
 * 1.2 reads it as: "a number", "a boolean", "no value" (null) or "text". */
const char *ynode_kind_name(const struct ynode *n);

#endif
