/* xalloc.h - allocation that cannot fail: the one policy for running out of
 * memory.
 *
 * verdict's allocations are small and bounded (a criteria file, a session, a
 * report), so running out of memory means the machine is in trouble, not that
 * the input was wrong. Rather than carry a failure path through every
 * function (and leave most of them untested), each allocation goes through
 * these: on failure they run the face's cleanup hook (the walk-through
 * restores the terminal), print "verdict: out of memory" on stderr and exit
 * with status 3. The database is never left half-written: SQLite's own
 * allocations do not come through here, and every write is a transaction.
 *
 * This is the one place below the faces that prints; docs/style.md says why. */
#ifndef VERDICT_XALLOC_H
#define VERDICT_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
/* Zeroed, and N * SIZE checked for overflow (an overflow is out of memory). */
void *xcalloc(size_t n, size_t size);
/* As realloc(), P may be NULL; SIZE 0 is treated as 1. */
void *xrealloc(void *p, size_t size);
/* N * SIZE bytes, checked for overflow. */
void *xreallocarray(void *p, size_t n, size_t size);
/* A buffer of SIZE bytes that free() takes back. From XALLOC_LARGE bytes
 * on, it lies on whole huge pages, aligned to one, where the system offers
 * them: on a virtual machine the first write to each small page of a fresh
 * buffer can cost more than the read that fills it (an 8 MB file: about
 * 30 ms against 3 ms, measured). The pages become memory only as they are
 * written. */
#define XALLOC_LARGE ((size_t)2 << 20)
void *xmalloc_large(size_t size);
char *xstrdup(const char *s);
/* At most N bytes of S, always NUL-terminated. */
char *xstrndup(const char *s, size_t n);

/* Ends the process as out of memory: for a library that reports running out
 * (jansson, libyaml) rather than calling us. Never returns. */
_Noreturn void xalloc_die(void);

/* HOOK runs once before the message when memory runs out (the walk-through
 * sets one that restores the terminal; NULL removes it). It must not
 * allocate. */
void xalloc_set_hook(void (*hook)(void));

#endif
