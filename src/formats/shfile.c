// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A reader for shell-style configuration files that never runs them.
 *
 * It follows the POSIX shell's word rules where they decide what a value
 * is (quotes, backslashes, comments only at the start of a word, several
 * assignments on one line, a command after assignments), and skips the
 * rest (functions, if/case/loops, commands) without being misled by quotes,
 * brackets or here-documents inside. Every nesting is tracked with counters,
 * not recursion, so deep input cannot exhaust the stack.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "formats/shfile.h"
#include "model/xalloc.h"

#define MAX_HEREDOCS 16
/* More variables than any configuration file holds: the rest is refused. */
#define MAX_VARS 10000

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
};

/* A word as read: its text after quote removal, and what it held. */
struct word {
	struct strbuf text;
	bool quoted; /* some part was quoted or escaped */
	bool expands; /* $..., `...` outside single quotes */
	unsigned int line;
};

static struct diag_loc here(const struct scan *s, unsigned int line)
{
	return (struct diag_loc){ .source = s->source, .line = line };
}

static void error_at(struct scan *s, unsigned int line, const char *msg)
{
	struct diag_loc loc = here(s, line);

	diags_add(s->d, DIAG_ERROR, &loc, "%s", msg);
	s->err = -EINVAL;
}

static bool at_end(const struct scan *s)
{
	return s->p >= s->end;
}

static char peek(const struct scan *s, size_t ahead)
{
	return s->p + ahead < s->end ? s->p[ahead] : '\0';
}

/* Moves on one byte, counting lines. */
static char next(struct scan *s)
{
	char c = *s->p++;

	if (c == '\n')
		s->line++;
	return c;
}

static bool is_blank(char c)
{
	/* a carriage return is taken as blank: files with CRLF endings */
	return c == ' ' || c == '\t' || c == '\r';
}

/* Characters that end an unquoted word. */
static bool is_break(char c)
{
	return is_blank(c) || c == '\n' || c == ';' || c == '&' || c == '|' ||
	       c == '<' || c == '>' || c == '(' || c == ')';
}

static bool is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_name_char(char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9');
}

static void skip_blanks(struct scan *s)
{
	while (!at_end(s) &&
	       (is_blank(*s->p) || (*s->p == '\\' && peek(s, 1) == '\n'))) {
		if (*s->p == '\\')
			next(s);
		next(s);
	}
}

static void skip_comment(struct scan *s)
{
	while (!at_end(s) && *s->p != '\n')
		next(s);
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

	strbuf_addc(&w->text, next(s));
	while (!at_end(s)) {
		c = next(s);
		strbuf_addc(&w->text, c);
		if (c == '\\' && !at_end(s) && quote != '\'') {
			strbuf_addc(&w->text, next(s));
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
	error_at(s, line,
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
	char c = peek(s, 1);

	if (c == '(' || c == '{') {
		w->expands = true;
		strbuf_addc(&w->text, next(s));
		return copy_expansion(s, w, c);
	}
	if (is_name_start(c) || is_special_param(c))
		w->expands = true;
	strbuf_addc(&w->text, next(s));
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
	strbuf_addc(&w->text, next(s));
	return 0;
}

static int double_quoted(struct scan *s, struct word *w)
{
	unsigned int line = s->line;
	char c;

	next(s);
	while (!at_end(s)) {
		c = *s->p;
		if (c == '"') {
			next(s);
			return 0;
		}
		if (c == '\\') {
			char e = peek(s, 1);

			next(s);
			if (e == '\n') {
				next(s);
			} else if (e == '$' || e == '`' || e == '"' ||
				   e == '\\') {
				strbuf_addc(&w->text, next(s));
			} else {
				strbuf_addc(&w->text, '\\');
			}
		} else if (plain_or_expansion(s, w)) {
			return -EINVAL;
		}
	}
	error_at(s, line, "unterminated \" quote (opened here)");
	return -EINVAL;
}

static int single_quoted(struct scan *s, struct word *w)
{
	unsigned int line = s->line;

	next(s);
	while (!at_end(s)) {
		if (*s->p == '\'') {
			next(s);
			return 0;
		}
		strbuf_addc(&w->text, next(s));
	}
	error_at(s, line, "unterminated ' quote (opened here)");
	return -EINVAL;
}

/*
 * Reads one word from the read position up to an unquoted break. Returns
 * 0, or -EINVAL (reported) when a quote or expansion is not closed.
 */
static int read_word(struct scan *s, struct word *w)
{
	char c;

	strbuf_reset(&w->text);
	w->quoted = w->expands = false;
	w->line = s->line;
	while (!at_end(s)) {
		c = *s->p;
		if (is_break(c))
			break;
		if (c == '\\') {
			next(s);
			w->quoted = true;
			if (at_end(s))
				break;
			if (*s->p == '\n')
				next(s);
			else
				strbuf_addc(&w->text, next(s));
		} else if (c == '\'') {
			w->quoted = true;
			if (single_quoted(s, w))
				return -EINVAL;
		} else if (c == '"') {
			w->quoted = true;
			if (double_quoted(s, w))
				return -EINVAL;
		} else if (plain_or_expansion(s, w)) {
			return -EINVAL;
		}
	}
	return 0;
}

/* The length of the NAME in NAME= or NAME+= at the read position, or 0. */
static size_t assignment_name(const struct scan *s, bool *append)
{
	size_t n = 0;

	if (!is_name_start(peek(s, 0)))
		return 0;
	while (is_name_char(peek(s, n)))
		n++;
	*append = peek(s, n) == '+' && peek(s, n + 1) == '=';
	if (*append || peek(s, n) == '=')
		return n;
	return 0;
}

static void free_var(struct shvar *v)
{
	size_t i;

	free(v->name);
	free(v->value);
	for (i = 0; i < v->n_elems; i++)
		free(v->elems[i]);
	free(v->elems);
}

static struct shvar *find_var(struct shfile *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->n_vars; i++)
		if (!strcmp(f->vars[i].name, name))
			return &f->vars[i];
	return NULL;
}

static void join_elems(struct shvar *v)
{
	struct strbuf b = { 0 };
	size_t i;

	for (i = 0; i < v->n_elems; i++) {
		if (i)
			strbuf_addc(&b, ' ');
		strbuf_addn(&b, v->elems[i], strlen(v->elems[i]));
	}
	free(v->value);
	v->value = strbuf_take(&b);
}

/*
 * Stores @v (taken over). A later assignment replaces an earlier one, as
 * it does in a shell, and says so; += appends.
 */
static void commit_var(struct scan *s, struct shvar *v, bool append)
{
	struct shvar *old = find_var(s->f, v->name);
	size_t i;

	if (v->expands)
		diags_add(
			s->d, DIAG_WARNING, &v->loc,
			"%s: '%.60s' is kept as written; a shell would expand it here, but this file is read as data, never run",
			v->name, v->value);
	if (old && append) {
		if (old->array || v->array) {
			if (!old->array) {
				old->elems =
					xreallocarray(NULL, 1, sizeof(char *));
				old->elems[0] = xstrdup(old->value);
				old->n_elems = 1;
				old->array = true;
			}
			old->elems = xreallocarray(old->elems,
						   old->n_elems + v->n_elems +
							   !v->array,
						   sizeof(char *));
			if (!v->array)
				old->elems[old->n_elems++] = xstrdup(v->value);
			for (i = 0; i < v->n_elems; i++)
				old->elems[old->n_elems++] =
					xstrdup(v->elems[i]);
			join_elems(old);
		} else {
			char *joined = xasprintf("%s%s", old->value, v->value);

			free(old->value);
			old->value = joined;
		}
		old->expands |= v->expands;
		old->loc = v->loc;
		free_var(v);
		return;
	}
	if (old) {
		diags_add(
			s->d, DIAG_WARNING, &v->loc,
			"%s is assigned again; this value replaces the one from line %u, as in a shell (remove one of them)",
			v->name, old->loc.line);
		free_var(old);
		/* keep file order: the variable moves to its last place */
		memmove(old, old + 1,
			(size_t)(s->f->vars + s->f->n_vars - old - 1) *
				sizeof(*old));
		s->f->n_vars--;
	}
	if (s->f->n_vars == MAX_VARS) {
		if (!s->too_many)
			error_at(
				s, v->loc.line,
				"more than 10000 variables; the rest of the file is not read");
		s->too_many = true;
		free_var(v);
		return;
	}
	s->f->vars = xreallocarray(s->f->vars, s->f->n_vars + 1, sizeof(*v));
	s->f->vars[s->f->n_vars++] = *v;
}

/* NAME=( word... ), over as many lines as it takes. */
static int read_array(struct scan *s, struct shvar *v, struct word *w)
{
	unsigned int line = s->line;

	next(s); /* ( */
	v->array = true;
	for (;;) {
		while (!at_end(s) && (is_blank(*s->p) || *s->p == '\n' ||
				      (*s->p == '\\' && peek(s, 1) == '\n')))
			next(s);
		if (at_end(s)) {
			error_at(s, line, "unterminated array: no ')'");
			return -EINVAL;
		}
		if (*s->p == ')') {
			next(s);
			break;
		}
		if (*s->p == '#') {
			skip_comment(s);
			continue;
		}
		if (read_word(s, w))
			return -EINVAL;
		if (!w->text.len && !w->quoted) {
			/* a break character inside the array */
			error_at(
				s, s->line,
				"unexpected character in array; quote the element");
			return -EINVAL;
		}
		v->expands |= w->expands;
		v->elems =
			xreallocarray(v->elems, v->n_elems + 1, sizeof(char *));
		v->elems[v->n_elems++] = strbuf_take(&w->text);
	}
	join_elems(v);
	return 0;
}

/* Reads the here-document bodies opened on the line just ended. */
static void skip_heredocs(struct scan *s)
{
	unsigned int i;

	for (i = 0; i < s->n_heredocs; i++) {
		struct heredoc *h = &s->heredocs[i];
		unsigned int line = h->line;
		bool found = false;

		while (!at_end(s)) {
			const char *start = s->p, *eol;
			size_t len;

			while (!at_end(s) && *s->p != '\n')
				s->p++;
			eol = s->p;
			if (!at_end(s))
				next(s);
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
			error_at(
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

	if (peek(s, 0) == '-') {
		strip = true;
		next(s);
	}
	skip_blanks(s);
	if (read_word(s, w))
		return -EINVAL;
	if (!w->text.len) {
		error_at(s, s->line, "here-document without a delimiter word");
		return -EINVAL;
	}
	if (s->n_heredocs == MAX_HEREDOCS) {
		error_at(s, s->line, "too many here-documents on one line");
		return -EINVAL;
	}
	s->heredocs[s->n_heredocs].line = s->line;
	s->heredocs[s->n_heredocs].delim = strbuf_take(&w->text);
	s->heredocs[s->n_heredocs++].strip_tabs = strip;
	return 0;
}

static bool word_is(struct word *w, const char *const *list)
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
static int skip_code(struct scan *s, size_t depth, const char **body_end)
{
	unsigned int line = s->line;
	size_t parens = 0;
	struct word w = { 0 };
	const char *start;
	int err = 0;
	bool function = depth > 0;

	for (;;) {
		skip_blanks(s);
		if (at_end(s)) {
			if (depth || parens) {
				error_at(
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
			next(s);
			skip_heredocs(s);
			if (!depth && !parens)
				goto out;
			continue;
		case '#':
			skip_comment(s);
			continue;
		case ';':
		case '&':
		case '|':
		case '>':
			next(s);
			continue;
		case '<':
			next(s);
			if (peek(s, 0) == '<' && peek(s, 1) != '<') {
				next(s);
				if (heredoc_start(s, &w)) {
					err = -EINVAL;
					goto out;
				}
			}
			continue;
		case '(':
			parens++;
			next(s);
			continue;
		case ')':
			if (parens)
				parens--;
			next(s);
			continue;
		}
		start = s->p;
		if (read_word(s, &w)) {
			err = -EINVAL;
			break;
		}
		if (word_is(&w, opening_words)) {
			depth++;
		} else if (word_is(&w, closing_words) && depth) {
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

static void command_ignored(struct scan *s, unsigned int line, const char *text)
{
	struct diag_loc loc = here(s, line);

	diags_add(
		s->d, DIAG_WARNING, &loc,
		"'%.40s': a shell command, not an assignment; ignored (this file is read as data, never run)",
		text);
}

/* name() { ... } or function name [()] { ... } */
static int read_function(struct scan *s, char *name, unsigned int line)
{
	const char *body, *body_end = NULL;
	struct shfunc fn;

	skip_blanks(s);
	if (peek(s, 0) == '(') {
		next(s);
		skip_blanks(s);
		if (peek(s, 0) != ')') {
			error_at(s, line,
				 "bad function definition: '(' without ')'");
			free(name);
			return skip_code(s, 0, NULL);
		}
		next(s);
	}
	while (!at_end(s) && (is_blank(*s->p) || *s->p == '\n'))
		next(s);
	if (peek(s, 0) != '{') {
		/* a body in ( ) or another compound command */
		free(name);
		return skip_code(s, 0, NULL);
	}
	next(s);
	body = s->p;
	if (skip_code(s, 1, &body_end) || !body_end) {
		free(name);
		return -EINVAL;
	}
	next(s); /* } */
	fn.name = name;
	fn.body = xasprintf("%.*s", (int)(body_end - body), body);
	fn.loc = here(s, line);
	s->f->funcs = xreallocarray(s->f->funcs, s->f->n_funcs + 1, sizeof(fn));
	s->f->funcs[s->f->n_funcs++] = fn;
	return 0;
}

/* Loops need no entry here: their do ... done is counted on the way. */
static const char *const block_words[] = { "if", "case", "{", NULL };
static const char *const declare_words[] = { "export",	"readonly", "declare",
					     "typeset", "local",    NULL };
static const char *const source_words[] = { ".", "source", NULL };

/*
 * A redirection (>, >>, <, 2>, &>, ...) at the read position: consumed up
 * to its target word, with a warning that nothing is written.
 */
static bool redirection(struct scan *s, struct word *w)
{
	size_t n = 0;

	while (peek(s, n) >= '0' && peek(s, n) <= '9')
		n++;
	if (peek(s, n) == '&' && peek(s, n + 1) == '>')
		n++;
	if (peek(s, n) != '>' && peek(s, n) != '<')
		return false;
	while (peek(s, n) == '>' || peek(s, n) == '<' || peek(s, n) == '&' ||
	       peek(s, n) == '|')
		n++;
	w->line = s->line;
	{
		struct diag_loc loc = here(s, s->line);

		diags_add(
			s->d, DIAG_WARNING, &loc,
			"redirection '%.*s' ignored: this file is read as data, never run",
			(int)n, s->p);
	}
	s->p += n;
	skip_blanks(s);
	return true;
}

/*
 * Assignments: NAME=VALUE words, until the end of the command. Committed
 * only when nothing else follows: NAME=VALUE cmd sets NAME for cmd alone.
 */
static int read_assignments(struct scan *s, struct word *w)
{
	struct shvar pending[64];
	bool appends[64];
	unsigned int n = 0, i;
	bool append;
	size_t len;
	int err = 0;

	for (;;) {
		skip_blanks(s);
		/* A=1 && B=2 sets both, as A=1; B=2 does */
		if (at_end(s) || *s->p == '\n' || *s->p == ';' ||
		    *s->p == '#' || *s->p == '&' || *s->p == '|')
			break;
		if (redirection(s, w)) {
			/* A=1 >file: A is set, the file made: the value is kept */
			if (read_word(s, w))
				break;
			continue;
		}
		len = assignment_name(s, &append);
		if (!len || n == 64) {
			/* a command with variables for it alone */
			if (read_word(s, w) == 0) {
				if (w->text.len || w->quoted)
					command_ignored(s, w->line,
							strbuf_str(&w->text));
				else
					next(s);
			}
			err = skip_code(s, 0, NULL);
			for (i = 0; i < n; i++)
				free_var(&pending[i]);
			return err;
		}
		memset(&pending[n], 0, sizeof(pending[n]));
		pending[n].name = xasprintf("%.*s", (int)len, s->p);
		pending[n].loc = here(s, s->line);
		appends[n] = append;
		s->p += len + 1 + append;
		if (peek(s, 0) == '(') {
			if (read_array(s, &pending[n], w)) {
				free_var(&pending[n]);
				err = -EINVAL;
				break;
			}
		} else {
			if (read_word(s, w)) {
				free_var(&pending[n]);
				err = -EINVAL;
				break;
			}
			pending[n].value = strbuf_take(&w->text);
			pending[n].expands = w->expands;
		}
		n++;
	}
	if (n > 1) {
		struct diag_loc loc = pending[1].loc;

		diags_add(
			s->d, DIAG_WARNING, &loc,
			"several assignments on one line: %s ends at the blank before %s=; if that belongs to %s, quote the value: %s=\"...\"",
			pending[0].name, pending[1].name, pending[0].name,
			pending[0].name);
	}
	for (i = 0; i < n; i++)
		commit_var(s, &pending[i], appends[i]);
	if (err)
		return err;
	skip_blanks(s);
	if (!at_end(s) && *s->p == '#')
		skip_comment(s);
	return 0;
}

static int read_command(struct scan *s, struct word *w)
{
	bool append;
	unsigned int line = s->line;

	if (assignment_name(s, &append))
		return read_assignments(s, w);
	if (*s->p == '(') {
		command_ignored(s, line, "(");
		return skip_code(s, 0, NULL);
	}
	if (read_word(s, w))
		return -EINVAL;
	if (!w->text.len && !w->quoted) {
		next(s); /* a stray break character */
		return 0;
	}
	if (word_is(w, declare_words)) {
		/* export NAME=VALUE: an assignment; options and bare names */
		for (;;) {
			skip_blanks(s);
			if (assignment_name(s, &append))
				return read_assignments(s, w);
			if (at_end(s) || *s->p == '\n' || *s->p == ';' ||
			    *s->p == '#')
				return 0;
			if (read_word(s, w))
				return -EINVAL;
			if (!w->text.len)
				return skip_code(s, 0, NULL);
		}
	}
	if (!w->quoted && !strcmp(strbuf_str(&w->text), "function")) {
		skip_blanks(s);
		if (read_word(s, w))
			return -EINVAL;
		return read_function(s, strbuf_take(&w->text), line);
	}
	skip_blanks(s);
	if (peek(s, 0) == '(' && !w->quoted)
		return read_function(s, strbuf_take(&w->text), line);
	if (word_is(w, block_words)) {
		/* read to its closing word, then to the end of the command */
		command_ignored(s, line, strbuf_str(&w->text));
		if (skip_code(s, 1, NULL))
			return -EINVAL;
		return skip_code(s, 0, NULL);
	}
	if (word_is(w, source_words)) {
		struct diag_loc loc = here(s, line);

		diags_add(
			s->d, DIAG_WARNING, &loc,
			"'%s' of another file is not followed: files are read as data, never run",
			strbuf_str(&w->text));
		return skip_code(s, 0, NULL);
	}
	command_ignored(s, line, strbuf_str(&w->text));
	return skip_code(s, 0, NULL);
}

int shfile_parse(struct shfile *f, const char *buf, size_t len,
		 const char *source, struct diags *d)
{
	struct scan s = { .p = buf,
			  .end = buf + len,
			  .line = 1,
			  .source = source,
			  .d = d,
			  .f = f };
	struct word w = { 0 };

	memset(f, 0, sizeof(*f));
	while (!at_end(&s)) {
		skip_blanks(&s);
		if (at_end(&s))
			break;
		switch (*s.p) {
		case '\n':
			next(&s);
			skip_heredocs(&s);
			continue;
		case '#':
			skip_comment(&s);
			continue;
		case ';':
			next(&s);
			continue;
		}
		if (read_command(&s, &w) || s.too_many) {
			/* a quote or bracket left open: the rest is unreadable */
			break;
		}
	}
	skip_heredocs(&s);
	strbuf_free(&w.text);
	return s.err;
}

void shfile_free(struct shfile *f)
{
	size_t i;

	for (i = 0; i < f->n_vars; i++)
		free_var(&f->vars[i]);
	free(f->vars);
	for (i = 0; i < f->n_funcs; i++) {
		free(f->funcs[i].name);
		free(f->funcs[i].body);
	}
	free(f->funcs);
	memset(f, 0, sizeof(*f));
}

const struct shvar *shfile_get(const struct shfile *f, const char *name)
{
	return find_var((struct shfile *)f, name);
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
