/* yaml_arena.h - memory handed out in order and freed at once: the nodes
 * and texts of a YAML tree (yaml_tree.h), and the strings of a model that
 * keeps them. */
#ifndef VERDICT_YAML_ARENA_H
#define VERDICT_YAML_ARENA_H

#include <stddef.h>

struct yaml_arena;

/* N bytes aligned to ALIGN (a power of two, at most max_align_t's) in *A (a
 * new arena when *A is NULL). Memory run out ends the program (xalloc.h). */
void *yaml_arena_alloc(struct yaml_arena **a, size_t n, size_t align);
/* N zeroed items of SIZE bytes, aligned to ALIGN. */
void *yaml_arena_calloc(struct yaml_arena **a, size_t n, size_t size, size_t align);
/* A copy of S. */
char *yaml_arena_strdup(struct yaml_arena **a, const char *s);
/* Moves all of MORE into *INTO: one arena, freed at once. */
void yaml_arena_join(struct yaml_arena **into, struct yaml_arena *more);
void yaml_arena_free(struct yaml_arena *a);

/* Where an arena stands, to go back to. */
struct yaml_arena_mark {
	struct yaml_arena *block;
	size_t used;
};
struct yaml_arena_mark yaml_arena_mark(struct yaml_arena *a);
/* Gives back all that was allocated since M. A block made since is kept,
 * empty, for what comes next; any between it and M's are freed. */
void yaml_arena_rewind(struct yaml_arena **a, struct yaml_arena_mark m);

#endif
