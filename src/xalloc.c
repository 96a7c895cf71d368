/* xalloc.c - allocation that cannot fail (xalloc.h). */
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void (*fail_hook)(void);

void xalloc_set_hook(void (*hook)(void))
{
	fail_hook = hook;
}

_Noreturn void xalloc_die(void)
{
	void (*hook)(void) = fail_hook;
	fail_hook = NULL;
	if (hook)
		hook();
	/* write(2), not stdio: stdio may need the memory that ran out. */
	static const char msg[] = "verdict: out of memory\n";
	ssize_t w = write(STDERR_FILENO, msg, sizeof msg - 1);
	(void)w;
	exit(3);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		xalloc_die();
	return p;
}

void *xmalloc_large(size_t size)
{
	if (size < XALLOC_LARGE)
		return xmalloc(size);
	size_t whole = (size + XALLOC_LARGE - 1) & ~(XALLOC_LARGE - 1);
	void *p;
	if (posix_memalign(&p, XALLOC_LARGE, whole) != 0)
		xalloc_die();
#ifdef MADV_HUGEPAGE
	(void)madvise(p, whole, MADV_HUGEPAGE);   /* a hint: without it, small pages */
#endif
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	if (n == 0 || size == 0)
		n = size = 1;
	void *p = calloc(n, size);
	if (!p)
		xalloc_die();
	return p;
}

void *xrealloc(void *p, size_t size)
{
	void *q = realloc(p, size ? size : 1);
	if (!q)
		xalloc_die();
	return q;
}

void *xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		xalloc_die();
	return xrealloc(p, n * size);
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = xmalloc(n);
	memcpy(p, s, n);
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}
