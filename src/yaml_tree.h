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
 * reported into a `struct diags` with its 1-based line and column. */
#ifndef VERDICT_YAML_TREE_H
#define VERDICT_YAML_TREE_H

#include <stddef.h>

#include "diag.h"

#define YAML_TREE_MAX_BYTES (16u << 20)
#define YAML_TREE_MAX_DEPTH 64
#define YAML_TREE_MAX_NODES 4000000

enum ynode_kind {
	YNODE_SCALAR,
	YNODE_MAP,
	YNODE_SEQ,
};

struct yaml_arena;

struct ynode {
	enum ynode_kind kind;
	int line;               /* 1-based */
	int column;             /* 1-based, in characters */
	int plain;              /* scalar written without quotes, block style or tag, so
	                         * read by its look (yaml_core.h) */
	const char *tag;        /* scalar tagged as text: "!!str" or "!"; else NULL */
	char *text;             /* scalar: NUL-terminated UTF-8 */
	size_t count;           /* map: pairs; seq: items */
	struct ynode **keys;    /* map: [count] scalar keys */
	struct ynode **items;   /* map: [count] values; seq: [count] items */
	struct ynode *next;     /* while the tree is built: the next sibling */
	struct yaml_arena *arena; /* the root only: where every node lives */
};

/* Parses TEXT (LEN bytes) into a tree. Returns the root, or NULL after
 * reporting why into DIAGS (an empty document is reported too). Duplicate
 * keys are reported but do not stop the parse: the caller checks DIAGS. All
 * nodes live in one arena, freed at once by ynode_free() on the root. */
struct ynode *yaml_tree_parse(const char *text, size_t len, struct diags *diags);
void ynode_free(struct ynode *root);

/* The value under KEY in map N, or NULL. */
const struct ynode *ynode_get(const struct ynode *n, const char *key);
/* What N is, for messages: "a mapping", "a list", or for a scalar what YAML
 * 1.2 reads it as: "a number", "a boolean", "no value" (null) or "text". */
const char *ynode_kind_name(const struct ynode *n);

#endif
