// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Allocation helpers that end the process when memory runs out.
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/xalloc.h"

static void *oom(void *p)
{
	if (!p) {
		fputs("out of memory\n", stderr);
		abort();
	}
	return p;
}

/*
 * Arrays grow one element at a time all over the readers: a block that
 * has room is kept, and one that must grow gets half again as much, so
 * that appending n elements copies O(n) bytes, not O(n^2) (with ASan's
 * allocator, which never grows a block in place, 50000 appends took
 * half a minute).
 */
void *xreallocarray(void *p, size_t n, size_t size)
{
	size_t want, room;

	if (size && n > (size_t)-1 / size)
		return oom(NULL);
	want = n && size ? n * size : 1;
	if (!p)
		return oom(malloc(want));
	room = malloc_usable_size(p);
	if (room >= want)
		return p;
	if (want < room + room / 2 && room + room / 2 > room)
		want = room + room / 2;
	return oom(realloc(p, want));
}

void *xcalloc(size_t n, size_t size)
{
	return oom(calloc(n ? n : 1, size ? size : 1));
}

char *xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xcalloc(len + 1, 1);

	memcpy(p, s, len);
	return p;
}

void str_copy(char *dst, size_t size, const char *src)
{
	size_t len = strnlen(src, size - 1);

	memcpy(dst, src, len);
	dst[len] = '\0';
}

char *xpathjoin(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	char *p = xcalloc(a + b + 2, 1);

	memcpy(p, dir, a);
	p[a] = '/';
	memcpy(p + a + 1, name, b);
	return p;
}

char *xstrdup(const char *s)
{
	return oom(strdup(s));
}

char *xvasprintf(const char *fmt, va_list ap)
{
	char *s = NULL;

	if (vasprintf(&s, fmt, ap) < 0)
		return oom(NULL);
	return s;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

static void strbuf_grow(struct strbuf *b, size_t more)
{
	if (b->len + more + 1 <= b->cap)
		return;
	while (b->len + more + 1 > b->cap)
		b->cap = b->cap ? 2 * b->cap : 64;
	b->s = xreallocarray(b->s, b->cap, 1);
}

void strbuf_addc(struct strbuf *b, char c)
{
	strbuf_grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

void strbuf_addn(struct strbuf *b, const char *s, size_t n)
{
	strbuf_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

const char *strbuf_str(struct strbuf *b)
{
	strbuf_grow(b, 0);
	b->s[b->len] = '\0';
	return b->s;
}

char *strbuf_take(struct strbuf *b)
{
	char *s;

	strbuf_str(b);
	s = b->s;
	*b = (struct strbuf){ 0 };
	return s;
}

void strbuf_reset(struct strbuf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void strbuf_free(struct strbuf *b)
{
	free(b->s);
	*b = (struct strbuf){ 0 };
}

int str_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}
