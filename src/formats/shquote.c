// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Shell quoting both ways: $'...', bash's ANSI-C quoting, for the lexer
 * (shlex.c), the escapes decoded as bash decodes them (NetworkManager's
 * way of writing values with control bytes or invalid UTF-8 into ifcfg
 * files); and the quoting of the writers' values (shfile.h).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "formats/shfile.h"
#include "formats/shlex.h"

/* Appends code point @v as UTF-8, as bash does for \u and \U in a UTF-8 locale. */
static void add_utf8(struct word *w, unsigned long v)
{
	if (v < 0x80) {
		strbuf_addc(&w->text, (char)v);
	} else if (v < 0x800) {
		strbuf_addc(&w->text, (char)(0xc0 | (v >> 6)));
		strbuf_addc(&w->text, (char)(0x80 | (v & 0x3f)));
	} else if (v < 0x10000) {
		strbuf_addc(&w->text, (char)(0xe0 | (v >> 12)));
		strbuf_addc(&w->text, (char)(0x80 | ((v >> 6) & 0x3f)));
		strbuf_addc(&w->text, (char)(0x80 | (v & 0x3f)));
	} else {
		strbuf_addc(&w->text, (char)(0xf0 | ((v >> 18) & 0x07)));
		strbuf_addc(&w->text, (char)(0x80 | ((v >> 12) & 0x3f)));
		strbuf_addc(&w->text, (char)(0x80 | ((v >> 6) & 0x3f)));
		strbuf_addc(&w->text, (char)(0x80 | (v & 0x3f)));
	}
}

/* The escape after a backslash in $'...', decoded as bash decodes it. */
static void ansi_escape(struct scan *s, struct word *w)
{
	static const char simple[] = "a\ab\be\033E\033f\fn\nr\rt\tv\v"
				     "\\\\''\"\"??";
	char c = shlex_next(s);
	unsigned long v = 0;
	const char *p;
	int n, max;

	for (p = simple; *p; p += 2)
		if (*p == c) {
			strbuf_addc(&w->text, p[1]);
			return;
		}
	if (c >= '0' && c <= '7') {
		/* one to three octal digits, the byte their value's low 8 bits */
		v = (unsigned long)(c - '0');
		for (n = 1;
		     n < 3 && !shlex_at_end(s) && *s->p >= '0' && *s->p <= '7';
		     n++)
			v = v * 8 + (unsigned long)(shlex_next(s) - '0');
		strbuf_addc(&w->text, (char)(v & 0xff));
		return;
	}
	if (c == 'x' || c == 'u' || c == 'U') {
		max = c == 'x' ? 2 : c == 'u' ? 4 : 8;
		for (n = 0;
		     n < max && !shlex_at_end(s) && str_hex_digit(*s->p) >= 0;
		     n++)
			v = v * 16 +
			    (unsigned long)str_hex_digit(shlex_next(s));
		if (n && c == 'x')
			strbuf_addc(&w->text, (char)v);
		else if (n && v <= 0x10ffff)
			add_utf8(w, v);
		else
			goto literal;
		return;
	}
	if (c == 'c' && !shlex_at_end(s) && *s->p != '\'' && *s->p != '\n') {
		c = shlex_next(s);
		strbuf_addc(&w->text,
			    c == '?' ?
				    0x7f :
				    (char)((c >= 'a' && c <= 'z' ? c - 32 : c) &
					   0x1f));
		return;
	}
literal:
	/* an escape bash does not know stays as written */
	strbuf_addc(&w->text, '\\');
	strbuf_addc(&w->text, c);
}

int shlex_ansi_c_quoted(struct scan *s, struct word *w)
{
	unsigned int line = s->line;
	char c;

	shlex_next(s);
	shlex_next(s);
	while (!shlex_at_end(s)) {
		c = shlex_next(s);
		if (c == '\'')
			return 0;
		if (c == '\\' && !shlex_at_end(s))
			ansi_escape(s, w);
		else
			strbuf_addc(&w->text, c);
	}
	shlex_error_at(s, line, "unterminated $' quote (opened here)");
	return -EINVAL;
}

void shfile_write_quoted(FILE *out, const char *s)
{
	const char *p;

	fputc('\'', out);
	for (p = s; *p; p++) {
		if (*p == '\'')
			fputs("'\\''", out);
		else
			fputc(*p, out);
	}
	fputc('\'', out);
}

void shfile_write_word(FILE *out, const char *s)
{
	if (*s &&
	    strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		      "0123456789._:/+,=@%-") == strlen(s))
		fputs(s, out);
	else
		shfile_write_quoted(out, s);
}
