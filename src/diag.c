// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Diagnostics collected by the core and printed by the front ends.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"

void diags_init(struct diags *d)
{
	*d = (struct diags){ 0 };
}

void diags_free(struct diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		free(d->v[i].message);
	free(d->v);
	diags_init(d);
}

void diags_add(struct diags *d, enum diag_severity sev,
	       const struct diag_loc *loc, const char *fmt, ...)
{
	struct diag *diag;
	unsigned char *c;
	va_list ap;

	if (sev == DIAG_ERROR)
		d->errors++;
	else if (sev == DIAG_WARNING)
		d->warnings++;
	if (d->n >= DIAGS_MAX) {
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
	for (c = (unsigned char *)diag->message; *c; c++)
		if (*c < 0x20 || *c == 0x7f)
			*c = '?';
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

	if (loc->line)
		snprintf(buf, size, "%s:%u", source, loc->line);
	else
		snprintf(buf, size, "%s", source);
}
