// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The words of shell-style files, as the POSIX shell reads them: quotes,
 * backslashes, expansions, comments only at the start of a word,
 * here-documents; and the code the reader skips (functions, if/case/loops),
 * not misled by quotes, brackets or here-documents inside. Nesting is
 * tracked with counters, not recursion.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "formats/shlex.h"

struct diag_loc shlex_here(const struct scan *s, unsigned int line)
{
	return (struct diag_loc){ .source = s->source, .line = line };
}

void shlex_error_at(struct scan *s, unsigned int line, const char *msg)
{
	struct diag_loc loc = shlex_here(s, line);

	diags_add(s->d, DIAG_ERROR, &loc, "%s", msg);
	s->err = -EINVAL;
}

bool shlex_at_end(const struct scan *s)
{
	return s->p >= s->end;
}

char shlex_peek(const struct scan *s, size_t ahead)
{
	return s->p + ahead < s->end ? s->p[ahead] : '\0';
}

/* Moves on one byte, counting lines. */
char shlex_next(struct scan *s)
{
	char c = *s->p++;

	if (c == '\n')
		s->line++;
	return c;
}

bool shlex_is_blank(char c)
{
	/* a carriage return is taken as blank: files with CRLF endings */
	return c == ' ' || c == '\t' || c == '\r';
}

/*
 * The bytes that end a run copied whole: in a word (WORD_STOP, which has
 * the breaks, BREAK, and what starts a quote, escape or expansion), inside
 * "..." (DQ_STOP) and inside '...' (SQ_STOP). A newline ends each, for
 * shlex_next() to count it.
 */
enum { BREAK = 1, WORD_STOP = 2, DQ_STOP = 4, SQ_STOP = 8 };
#define BREAKS (BREAK | WORD_STOP)
static const unsigned char stops[256] = {
	[' '] = BREAKS,
	['\t'] = BREAKS,
	['\r'] = BREAKS,
	['\n'] = BREAKS | DQ_STOP | SQ_STOP,
	[';'] = BREAKS,
	['&'] = BREAKS,
	['|'] = BREAKS,
	['<'] = BREAKS,
	['>'] = BREAKS,
	['('] = BREAKS,
	[')'] = BREAKS,
	['\\'] = WORD_STOP | DQ_STOP,
	['"'] = WORD_STOP | DQ_STOP,
	['$'] = WORD_STOP | DQ_STOP,
	['`'] = WORD_STOP | DQ_STOP,
	['\''] = WORD_STOP | SQ_STOP,
};

/* Characters that end an unquoted word. */
static bool is_break(char c)
{
	return stops[(unsigned char)c] & BREAK;
}

static bool is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_name_char(char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9');
}

void shlex_skip_blanks(struct scan *s)
{
	while (!shlex_at_end(s) &&
	       (shlex_is_blank(*s->p) ||
		(*s->p == '\\' && shlex_peek(s, 1) == '\n'))) {
		if (*s->p == '\\')
			shlex_next(s);
		shlex_next(s);
	}
}

void shlex_skip_comment(struct scan *s)
{
	while (!shlex_at_end(s) && *s->p != '\n')
		shlex_next(s);
}

/*
 * Copies a $(...), ${...} or `...` into @w as written, with what nests
 * inside. @open is the byte after '$' ('(' or '{'), or '`'.
 */
static int copy_expansion(struct scan *s, struct word *w, char open)
{
	char close = open == '(' ? ')' : open == '{' ? '}' : '`';
	unsigned int line = s->line;
	size_t depth = 1;
	char c, quote = 0;

	strbuf_addc(&w->text, shlex_next(s));
	while (!shlex_at_end(s)) {
		c = shlex_next(s);
		strbuf_addc(&w->text, c);
		if (c == '\\' && !shlex_at_end(s) && quote != '\'') {
			strbuf_addc(&w->text, shlex_next(s));
		} else if (quote) {
			if (c == quote)
				quote = 0;
		} else if ((c == '\'' || c == '"') && open != '`') {
			quote = c;
		} else if (c == close) {
			if (--depth == 0)
				return 0;
		} else if (c == open && open != '`') {
			depth++;
		}
	}
	shlex_error_at(
		s, line,
		open == '`' ? "unterminated `...` command substitution" :
		open == '(' ? "unterminated $(...) command substitution" :
			      "unterminated ${...} parameter expansion");
	return -EINVAL;
}

static bool is_special_param(char c)
{
	return c == '?' || c == '#' || c == '@' || c == '*' || c == '$' ||
	       c == '!' || c == '-' || (c >= '0' && c <= '9');
}

/* A '$' at the read position: an expansion is kept as written. */
static int dollar(struct scan *s, struct word *w)
{
	char c = shlex_peek(s, 1);

	if (c == '(' || c == '{') {
		w->expands = true;
		strbuf_addc(&w->text, shlex_next(s));
		return copy_expansion(s, w, c);
	}
	if (is_name_start(c) || is_special_param(c))
		w->expands = true;
	strbuf_addc(&w->text, shlex_next(s));
	return 0;
}

/* A $..., a `...` or a plain byte at the read position, into @w. */
static int plain_or_expansion(struct scan *s, struct word *w)
{
	if (*s->p == '$')
		return dollar(s, w);
	if (*s->p == '`') {
		w->expands = true;
		return copy_expansion(s, w, '`');
	}
	strbuf_addc(&w->text, shlex_next(s));
	return 0;
}

/*
 * Appends to @w the bytes from here on that are none of @stop (stops[]),
 * and no newline: one copy, not one call per byte.
 */
static void add_run(struct scan *s, struct word *w, unsigned char stop)
{
	const char *q = s->p;

	while (q < s->end && !(stops[(unsigned char)*q] & stop))
		q++;
	strbuf_addn(&w->text, s->p, (size_t)(q - s->p));
	s->p = q;
}

static int double_quoted(struct scan *s, struct word *w)
{
	unsigned int line = s->line;
	char c;

	shlex_next(s);
	while (!shlex_at_end(s)) {
		add_run(s, w, DQ_STOP);
		if (shlex_at_end(s))
			break;
		c = *s->p;
		if (c == '"') {
			shlex_next(s);
			return 0;
		}
		if (c == '\\') {
			char e = shlex_peek(s, 1);

			shlex_next(s);
			if (e == '\n') {
				shlex_next(s);
			} else if (e == '$' || e == '`' || e == '"' ||
				   e == '\\') {
				strbuf_addc(&w->text, shlex_next(s));
			} else {
				strbuf_addc(&w->text, '\\');
			}
		} else if (plain_or_expansion(s, w)) {
			return -EINVAL;
		}
	}
	shlex_error_at(s, line, "unterminated \" quote (opened here)");
	return -EINVAL;
}

static int single_quoted(struct scan *s, struct word *w)
{
	unsigned int line = s->line;

	shlex_next(s);
	while (!shlex_at_end(s)) {
		add_run(s, w, SQ_STOP);
		if (shlex_at_end(s))
			break;
		if (*s->p == '\'') {
			shlex_next(s);
			return 0;
		}
		strbuf_addc(&w->text, shlex_next(s));
	}
	shlex_error_at(s, line, "unterminated ' quote (opened here)");
	return -EINVAL;
}

/*
 * Reads one word from the read position up to an unquoted break. Returns
 * 0, or -EINVAL (reported) when a quote or expansion is not closed.
 */
int shlex_read_word(struct scan *s, struct word *w)
{
	char c;

	strbuf_reset(&w->text);
	w->quoted = w->expands = false;
	w->line = s->line;
	while (!shlex_at_end(s)) {
		c = *s->p;
		if (is_break(c))
			break;
		if (c == '\\') {
			shlex_next(s);
			w->quoted = true;
			if (shlex_at_end(s))
				break;
			if (*s->p == '\n')
				shlex_next(s);
			else
				strbuf_addc(&w->text, shlex_next(s));
		} else if (c == '\'') {
			w->quoted = true;
			if (single_quoted(s, w))
				return -EINVAL;
		} else if (c == '"') {
			w->quoted = true;
			if (double_quoted(s, w))
				return -EINVAL;
		} else if (c == '$' && shlex_peek(s, 1) == '\'') {
			w->quoted = true;
			if (shlex_ansi_c_quoted(s, w))
				return -EINVAL;
		} else if (c == '$' && shlex_peek(s, 1) == '"') {
			/* $"...": a translated string; untranslated, "..." */
			w->quoted = true;
			shlex_next(s);
			if (double_quoted(s, w))
				return -EINVAL;
		} else if (c == '$' || c == '`') {
			if (plain_or_expansion(s, w))
				return -EINVAL;
		} else {
			add_run(s, w, WORD_STOP);
		}
	}
	return 0;
}

/* The length of the NAME in NAME= or NAME+= at the read position, or 0. */
size_t shlex_assignment_name(const struct scan *s, bool *append)
{
	size_t n = 0;

	if (!is_name_start(shlex_peek(s, 0)))
		return 0;
	while (is_name_char(shlex_peek(s, n)))
		n++;
	*append = shlex_peek(s, n) == '+' && shlex_peek(s, n + 1) == '=';
	if (*append || shlex_peek(s, n) == '=')
		return n;
	return 0;
}

/* Reads the here-document bodies opened on the line just ended. */
void shlex_skip_heredocs(struct scan *s)
{
	unsigned int i;

	for (i = 0; i < s->n_heredocs; i++) {
		struct heredoc *h = &s->heredocs[i];
		unsigned int line = h->line;
		bool found = false;

		while (!shlex_at_end(s)) {
			const char *start = s->p, *eol;
			size_t len;

			while (!shlex_at_end(s) && *s->p != '\n')
				s->p++;
			eol = s->p;
			if (!shlex_at_end(s))
				shlex_next(s);
			while (h->strip_tabs && start < eol && *start == '\t')
				start++;
			len = (size_t)(eol - start);
			if (len && start[len - 1] == '\r')
				len--;
			if (len == strlen(h->delim) &&
			    !memcmp(start, h->delim, len)) {
				found = true;
				break;
			}
		}
		if (!found)
			shlex_error_at(
				s, line,
				"here-document not closed: no line with its delimiter");
		free(h->delim);
	}
	s->n_heredocs = 0;
}

/* After '<<': notes the here-document whose body starts on the next line. */
static int heredoc_start(struct scan *s, struct word *w)
{
	bool strip = false;

	if (shlex_peek(s, 0) == '-') {
		strip = true;
		shlex_next(s);
	}
	shlex_skip_blanks(s);
	if (shlex_read_word(s, w))
		return -EINVAL;
	if (!w->text.len) {
		shlex_error_at(s, s->line,
			       "here-document without a delimiter word");
		return -EINVAL;
	}
	if (s->n_heredocs == MAX_HEREDOCS) {
		shlex_error_at(s, s->line,
			       "too many here-documents on one line");
		return -EINVAL;
	}
	s->heredocs[s->n_heredocs].line = s->line;
	s->heredocs[s->n_heredocs].delim = strbuf_take(&w->text);
	s->heredocs[s->n_heredocs++].strip_tabs = strip;
	return 0;
}

bool shlex_word_is(struct word *w, const char *const *list)
{
	if (w->quoted)
		return false;
	for (; *list; list++)
		if (!strcmp(strbuf_str(&w->text), *list))
			return true;
	return false;
}

static const char *const opening_words[] = { "if", "case", "do", "{", NULL };
static const char *const closing_words[] = { "fi", "esac", "done", "}", NULL };

/*
 * Skips shell code: to the end of the command when @depth is 0, or (for a
 * function body, @depth 1) to the '}' that closes it, leaving @body_end
 * just before it. Keywords and brackets are counted, quotes, comments,
 * expansions and here-documents are stepped over.
 */
int shlex_skip_code(struct scan *s, size_t depth, const char **body_end)
{
	unsigned int line = s->line;
	size_t parens = 0;
	struct word w = { 0 };
	const char *start;
	int err = 0;
	bool function = depth > 0;

	for (;;) {
		shlex_skip_blanks(s);
		if (shlex_at_end(s)) {
			if (depth || parens) {
				shlex_error_at(
					s, line,
					function ?
						"function body not closed: no matching '}'" :
						"shell code not closed (if/case/loop or bracket without its end)");
				err = -EINVAL;
			}
			break;
		}
		switch (*s->p) {
		case '\n':
			shlex_next(s);
			shlex_skip_heredocs(s);
			if (!depth && !parens)
				goto out;
			continue;
		case '#':
			shlex_skip_comment(s);
			continue;
		case ';':
		case '&':
		case '|':
		case '>':
			shlex_next(s);
			continue;
		case '<':
			shlex_next(s);
			if (shlex_peek(s, 0) == '<' &&
			    shlex_peek(s, 1) != '<') {
				shlex_next(s);
				if (heredoc_start(s, &w)) {
					err = -EINVAL;
					goto out;
				}
			}
			continue;
		case '(':
			parens++;
			shlex_next(s);
			continue;
		case ')':
			if (parens)
				parens--;
			shlex_next(s);
			continue;
		}
		start = s->p;
		if (shlex_read_word(s, &w)) {
			err = -EINVAL;
			break;
		}
		if (shlex_word_is(&w, opening_words)) {
			depth++;
		} else if (shlex_word_is(&w, closing_words) && depth) {
			if (--depth == 0 && function) {
				if (body_end)
					*body_end = start;
				break;
			}
		}
	}
out:
	strbuf_free(&w.text);
	return err;
}

void shlex_crlf(struct scan *s, const char *buf, size_t len)
{
	const char *cr = memchr(buf, '\r', len);
	struct diag_loc loc;
	const char *p;

	while (cr && cr + 1 < buf + len && cr[1] != '\n')
		cr = memchr(cr + 1, '\r', (size_t)(buf + len - cr - 1));
	if (!cr || cr + 1 >= buf + len)
		return;
	loc = shlex_here(s, 1);
	for (p = buf; p < cr; p++)
		loc.line += *p == '\n';
	diags_add(
		s->d, DIAG_WARNING, &loc,
		"the line ends in CR LF (a DOS file): bash keeps the CR in the value, which the scripts then cannot use; read here without it (convert the file with dos2unix)");
}
