/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Allocation that cannot fail: running out of memory ends the process with
 * a message, so callers need no error path for it.
 */
#ifndef BONDCFG_XALLOC_H
#define BONDCFG_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xreallocarray(void *p, size_t n, size_t size);
void *xcalloc(size_t n, size_t size);
char *xstrdup(const char *s);
/* The first @n bytes of @s (fewer at a NUL), as a string. */
char *xstrndup(const char *s, size_t n);
/* Copies @src into @dst of @size bytes, cut to fit: snprintf's "%s". */
void str_copy(char *dst, size_t size, const char *src);
/* "@dir/@name": the paths of a folder's files, without printf. */
char *xpathjoin(const char *dir, const char *name);
char *xvasprintf(const char *fmt, va_list ap)
	__attribute__((format(printf, 1, 0)));
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable string; starts zeroed. */
struct strbuf {
	char *s;
	size_t len;
	size_t cap;
};

void strbuf_addc(struct strbuf *b, char c);
void strbuf_addn(struct strbuf *b, const char *s, size_t n);
/* The string so far, NUL-terminated (never NULL). */
const char *strbuf_str(struct strbuf *b);
/* Hands the string over to the caller and empties @b. */
char *strbuf_take(struct strbuf *b);
void strbuf_reset(struct strbuf *b);
void strbuf_free(struct strbuf *b);

/* The value of hex digit @c, or -1. */
int str_hex_digit(char c);

#endif
