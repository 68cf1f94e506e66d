/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The words of shell-style files (shfile.c): characters, quotes,
 * expansions, here-documents, and the code that is skipped unread.
 */
#ifndef BONDCFG_FORMATS_SHLEX_H
#define BONDCFG_FORMATS_SHLEX_H

#include <stdbool.h>
#include <stddef.h>

#include "model/diag.h"
#include "model/xalloc.h"

struct shfile;

#define MAX_HEREDOCS 16
struct heredoc {
	char *delim;
	bool strip_tabs;
	unsigned int line;
};

struct scan {
	const char *p, *end;
	unsigned int line;
	const char *source;
	struct diags *d;
	struct shfile *f;
	int err;
	/* here-documents opened on the current line */
	struct heredoc heredocs[MAX_HEREDOCS];
	unsigned int n_heredocs;
	bool too_many; /* MAX_VARS reached */
	void *held; /* shfile.c: the assignments of the line being read */
};

/* A word as read: its text after quote removal, and what it held. */
struct word {
	struct strbuf text;
	bool quoted; /* some part was quoted or escaped */
	bool expands; /* $..., `...` outside single quotes */
	unsigned int line;
};

/* Where line @line of the file being read is, for a diagnostic. */
struct diag_loc shlex_here(const struct scan *s, unsigned int line);

/*
 * A $'...' at the read position (shquote.c), decoded into @w as bash
 * decodes it; a NUL ends the value, as in bash. Returns 0, or -EINVAL
 * (reported) when the quote is not closed.
 */
int shlex_ansi_c_quoted(struct scan *s, struct word *w);

/*
 * Says the first line of @buf that ends in CR LF: the lexer takes CR as
 * blank, where bash keeps it in the value.
 */
void shlex_crlf(struct scan *s, const char *buf, size_t len);

/* An error at line @line: reported, and the reading fails. */
void shlex_error_at(struct scan *s, unsigned int line, const char *msg);

/* Whether the whole input is read. */
bool shlex_at_end(const struct scan *s);

/* The character @ahead places on, without reading it; 0 at the end. */
char shlex_peek(const struct scan *s, size_t ahead);

/* Moves on one byte, counting lines. */
char shlex_next(struct scan *s);

/* A blank between words: space or tab. */
bool shlex_is_blank(char c);

/* Skips blanks and escaped newlines. */
void shlex_skip_blanks(struct scan *s);

/* Skips a comment, to the end of its line. */
void shlex_skip_comment(struct scan *s);

/*
 * Reads one word from the read position up to an unquoted break. Returns
 * 0, or -EINVAL (reported) when a quote or expansion is not closed.
 */
int shlex_read_word(struct scan *s, struct word *w);

/* The length of the NAME in NAME= or NAME+= at the read position, or 0. */
size_t shlex_assignment_name(const struct scan *s, bool *append);

/* Reads the here-document bodies opened on the line just ended. */
void shlex_skip_heredocs(struct scan *s);

/* Whether @w is, unquoted, one of the words of @list. */
bool shlex_word_is(struct word *w, const char *const *list);

/*
 * Skips shell code: to the end of the command when @depth is 0, or (for a
 * function body, @depth 1) to the '}' that closes it, leaving @body_end
 * just before it.
 */
int shlex_skip_code(struct scan *s, size_t depth, const char **body_end);

#endif
