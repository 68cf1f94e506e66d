// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Diagnostics collected by the core and printed by the front ends.
 */
#include "config.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/diag.h"
#include "model/xalloc.h"

void diags_init(struct diags *d)
{
	*d = (struct diags){ 0 };
}

struct diags_mark diags_mark(const struct diags *d)
{
	return (struct diags_mark){ d->n, d->errors, d->warnings, d->dropped };
}

bool diags_added_since(const struct diags *d, struct diags_mark m)
{
	return d->n != m.n || d->errors != m.errors ||
	       d->warnings != m.warnings || d->dropped != m.dropped;
}

void diags_rewind(struct diags *d, struct diags_mark m)
{
	while (d->n > m.n)
		free(d->v[--d->n].message);
	d->errors = m.errors;
	d->warnings = m.warnings;
	d->dropped = m.dropped;
}

void diags_free(struct diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		free(d->v[i].message);
	free(d->v);
	for (i = 0; i < d->n_hidden; i++)
		free(d->hidden[i]);
	free(d->hidden);
	diags_init(d);
}

size_t diag_utf8_len(const unsigned char *s)
{
	size_t n, i;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

void diag_mask(char *str)
{
	unsigned char *s = (unsigned char *)str;
	size_t n;

	while (*s) {
		n = diag_utf8_len(s);
		if (n == 1 && (*s < 0x20 || *s == 0x7f))
			n = 0;
		/* C1 controls (U+0080 to U+009F) act on some terminals too */
		if (n == 2 && s[0] == 0xc2 && s[1] < 0xa0)
			n = 0;
		if (!n) {
			*s++ = '?';
			continue;
		}
		s += n;
	}
}

void diags_hide_text_of(struct diags *d, const char *source)
{
	d->hidden = xreallocarray(d->hidden, d->n_hidden + 1, sizeof(char *));
	d->hidden[d->n_hidden++] = xstrdup(source);
}

static bool text_hidden(const struct diags *d, const struct diag_loc *loc)
{
	size_t i;

	if (!loc || !loc->source)
		return false;
	for (i = 0; i < d->n_hidden; i++)
		if (!strcmp(d->hidden[i], loc->source))
			return true;
	return false;
}

#define HIDDEN " (not every user may read the file: none of its text is shown)"

/* @msg (to free) with what is between single quotes left out. */
static char *hide_quoted(char *msg)
{
	struct strbuf b = { 0 };
	const char *p = msg, *q, *end;

	while ((q = strchr(p, '\'')) && (end = strchr(q + 1, '\''))) {
		strbuf_addn(&b, p, (size_t)(q - p));
		strbuf_addn(&b, "'...'", 5);
		p = end + 1;
	}
	strbuf_addn(&b, p, strlen(p));
	strbuf_addn(&b, HIDDEN, strlen(HIDDEN));
	free(msg);
	return strbuf_take(&b);
}

void diags_add(struct diags *d, enum diag_severity sev,
	       const struct diag_loc *loc, const char *fmt, ...)
{
	struct diag *diag;
	va_list ap;

	if (sev == DIAG_ERROR)
		d->errors++;
	else if (sev == DIAG_WARNING)
		d->warnings++;
	/* errors matter most: they get room of their own past the cap */
	if (d->n >= DIAGS_MAX && (sev != DIAG_ERROR || d->n >= 2 * DIAGS_MAX)) {
		d->dropped++;
		return;
	}
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 8;
		d->v = xreallocarray(d->v, d->cap, sizeof(*d->v));
	}
	diag = &d->v[d->n++];
	diag->severity = sev;
	diag->loc = loc ? *loc : (struct diag_loc){ 0 };
	va_start(ap, fmt);
	diag->message = xvasprintf(fmt, ap);
	va_end(ap);
	if (text_hidden(d, loc))
		diag->message = hide_quoted(diag->message);
	diag_mask(diag->message);
	if (strlen(diag->message) > DIAG_MESSAGE_MAX)
		strcpy(diag->message + DIAG_MESSAGE_MAX - 4, "...");
}

const char *diag_severity_name(enum diag_severity sev)
{
	switch (sev) {
	case DIAG_ERROR:
		return "error";
	case DIAG_WARNING:
		return "warning";
	case DIAG_NOTE:
		break;
	}
	return "note";
}

void diag_loc_format(const struct diag_loc *loc, char *buf, size_t size)
{
	const char *source = loc->source ? loc->source : "<input>";
	char line[16], *p = line + sizeof(line);
	unsigned int n = loc->line;
	size_t len;

	/* formatted ahead of the checks that may name it: no printf */
	str_copy(buf, size, source);
	if (!n)
		return;
	*--p = '\0';
	do
		*--p = (char)('0' + n % 10);
	while (n /= 10);
	*--p = ':';
	len = strlen(buf);
	str_copy(buf + len, size - len, p);
}
