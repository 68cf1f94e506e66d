/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Diagnostics: what is wrong with a configuration, where, and how to fix it.
 * The core collects them; front ends print them, one per line, as
 *   SOURCE:LINE: SEVERITY: MESSAGE
 * (SOURCE: SEVERITY: MESSAGE when there is no line, SEVERITY: MESSAGE for
 * what comes from the kernel rather than from a file).
 */
#ifndef BONDCFG_DIAG_H
#define BONDCFG_DIAG_H

#include <stdbool.h>
#include <stddef.h>

enum diag_severity {
	DIAG_ERROR,
	DIAG_WARNING,
	DIAG_NOTE,
};

/* Where a value came from. @source must outlive every use of the location. */
struct diag_loc {
	const char *source;
	unsigned int line;
};

struct diag {
	enum diag_severity severity;
	struct diag_loc loc;
	char *message;
};

struct diags {
	struct diag *v;
	size_t n;
	size_t cap;
	unsigned int errors;
	unsigned int warnings;
	unsigned int dropped; /* not kept: past DIAGS_MAX */
	char **hidden; /* sources whose text is not quoted */
	size_t n_hidden;
};

/*
 * At most this many warnings and notes are kept, and as many errors again
 * (all are counted): a hostile file cannot fill memory with them.
 */
#define DIAGS_MAX 1000
/* Longer messages are cut (they may quote a value from a file). */
#define DIAG_MESSAGE_MAX 1024

void diags_init(struct diags *d);
void diags_free(struct diags *d);

/* Where @d is now, to go back to with diags_rewind(). */
struct diags_mark {
	size_t n;
	unsigned int errors, warnings, dropped;
};
struct diags_mark diags_mark(const struct diags *d);

/* Whether any diagnostic was added since @m (kept, or only counted). */
bool diags_added_since(const struct diags *d, struct diags_mark m);

/* Forgets every diagnostic added since @m, and their counts. */
void diags_rewind(struct diags *d, struct diags_mark m);

/*
 * Adds one diagnostic; @loc may be NULL. Control characters in the message
 * become '?', so that text quoted from a file cannot play tricks on a
 * terminal. Memory failure is fatal.
 */
__attribute__((format(printf, 4, 5))) void diags_add(struct diags *d,
						     enum diag_severity sev,
						     const struct diag_loc *loc,
						     const char *fmt, ...);

const char *diag_severity_name(enum diag_severity sev);

/*
 * The length of the valid UTF-8 sequence at @s (no overlong forms, no
 * surrogates, nothing above U+10FFFF), or 0.
 */
size_t diag_utf8_len(const unsigned char *s);

/*
 * Masks with '?', in place, what could act on a terminal: C0 and C1
 * controls, DEL, and bytes that are not valid UTF-8 (a lone 0x9b is CSI to
 * an 8-bit terminal).
 */
void diag_mask(char *s);

/*
 * Diagnostics about @source from now on quote none of its text: what is
 * between single quotes in their messages is left out. For a file that
 * not every user may read, so that no diagnostic (or syslog) shows what
 * it holds.
 */
void diags_hide_text_of(struct diags *d, const char *source);

/* Writes "SOURCE:LINE" (or "SOURCE") of @loc into @buf. */
void diag_loc_format(const struct diag_loc *loc, char *buf, size_t size);

#endif
