/* yaml_arena.c - memory handed out in order and freed at once. */
#include "yaml_arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "xalloc.h"

/* Nodes and texts are carved from large blocks: a file of a million values
 * costs a few dozen allocations, not millions. Nodes and texts have an arena
 * each, so that texts pack with no gaps and can outlive the nodes. */
struct yaml_arena {
	struct yaml_arena *prev;
	size_t used;
	size_t size;
	_Alignas(max_align_t) unsigned char data[];
};

/* The first block is 64 KiB, its pages populated in one call: faulting them
 * in a page at a time cost more than building the tree. Past that, a block
 * is a reservation of 32 MiB on huge pages (xmalloc_large), which becomes
 * memory only as it is used: on a virtual machine the first write to each
 * small page costs several microseconds, more than the parse of what it
 * holds. A block that cannot be had is memory run out (xalloc.h). */
#define ARENA_FIRST (64u << 10)
#define ARENA_SMALL_LARGEST (64u << 10)
#define ARENA_RESERVE (32u << 20)
/* Linux's flag; elsewhere the same call without it. */
#ifndef MAP_POPULATE
#define MAP_POPULATE 0
#endif

/* A new block of SIZE bytes, its header included. */
static struct yaml_arena *arena_block(size_t size)
{
	void *m;
	if (size <= ARENA_SMALL_LARGEST) {
		m = mmap(NULL, size, PROT_READ | PROT_WRITE,
		         MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
		if (m == MAP_FAILED)
			xalloc_die();
	} else {
		size = (size + XALLOC_LARGE - 1) & ~(XALLOC_LARGE - 1);
		m = xmalloc_large(size);
	}
	struct yaml_arena *b = m;
	b->prev = NULL;
	b->used = 0;
	b->size = size - sizeof *b;
	return b;
}

static void arena_block_free(struct yaml_arena *b)
{
	size_t size = b->size + sizeof *b;
	if (size <= ARENA_SMALL_LARGEST)
		munmap(b, size);
	else
		free(b);
}

void *yaml_arena_alloc(struct yaml_arena **a, size_t n, size_t align)
{
	size_t at = *a ? ((*a)->used + align - 1) & ~(align - 1) : 0;
	if (!*a || at > (*a)->size || (*a)->size - at < n) {
		size_t size = !*a ? ARENA_FIRST
		              : (*a)->size + sizeof **a >= ARENA_SMALL_LARGEST ? ARENA_RESERVE
		              : ((*a)->size + sizeof **a) * 2;
		if (size < n + sizeof **a)
			size = n + sizeof **a;
		struct yaml_arena *b = arena_block(size);
		b->prev = *a;
		*a = b;
		at = 0;
	}
	void *p = (*a)->data + at;
	(*a)->used = at + n;
	return p;
}

struct yaml_arena_mark yaml_arena_mark(struct yaml_arena *a)
{
	return (struct yaml_arena_mark){ a, a ? a->used : 0 };
}

void yaml_arena_rewind(struct yaml_arena **a, struct yaml_arena_mark m)
{
	if (*a == m.block) {
		if (*a)
			(*a)->used = m.used;
		return;
	}
	struct yaml_arena *newest = *a, *p = newest->prev;
	while (p != m.block) {
		struct yaml_arena *prev = p->prev;
		arena_block_free(p);
		p = prev;
	}
	newest->prev = m.block;
	newest->used = 0;
}

void yaml_arena_free(struct yaml_arena *a)
{
	while (a) {
		struct yaml_arena *prev = a->prev;
		arena_block_free(a);
		a = prev;
	}
}

void yaml_arena_join(struct yaml_arena **into, struct yaml_arena *more)
{
	if (!more)
		return;
	struct yaml_arena *oldest = more;
	while (oldest->prev)
		oldest = oldest->prev;
	oldest->prev = *into;
	*into = more;
}

void *yaml_arena_calloc(struct yaml_arena **a, size_t n, size_t size, size_t align)
{
	if (size && n > SIZE_MAX / size)
		xalloc_die();
	return memset(yaml_arena_alloc(a, n * size, align), 0, n * size);
}

char *yaml_arena_strdup(struct yaml_arena **a, const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(yaml_arena_alloc(a, n, 1), s, n);
}
