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
#include "formats/shlex.h"
#include "model/xalloc.h"

/* More variables than any configuration file holds: the rest is refused. */
#define MAX_VARS 10000

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
		if (f->vars[i].name[0] == name[0] &&
		    !strcmp(f->vars[i].name, name))
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
			shlex_error_at(
				s, v->loc.line,
				"more than 10000 variables; the rest of the file is not read");
		s->too_many = true;
		free_var(v);
		return;
	}
	/* room for 8, then doubled at each power of two */
	if (!s->f->n_vars ||
	    (s->f->n_vars >= 8 && !(s->f->n_vars & (s->f->n_vars - 1))))
		s->f->vars = xreallocarray(s->f->vars,
					   s->f->n_vars ? 2 * s->f->n_vars : 8,
					   sizeof(*v));
	s->f->vars[s->f->n_vars++] = *v;
}

/*
 * The assignments of the line being read, set once the line is whole: bash
 * parses a line before it runs any of it, so a syntax error anywhere in it
 * sets nothing of it.
 */
struct held {
	struct {
		struct shvar var;
		bool append;
	} * v;
	size_t n, cap; /* room kept from line to line */
};

static void hold(struct scan *s, struct shvar *v, bool append)
{
	struct held *h = s->held;

	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 8;
		h->v = xreallocarray(h->v, h->cap, sizeof(*h->v));
	}
	h->v[h->n].var = *v;
	h->v[h->n++].append = append;
}

/* Sets the held assignments from @from on, or with @drop forgets them. */
static void release(struct scan *s, size_t from, bool drop)
{
	struct held *h = s->held;
	size_t i;

	for (i = from; i < h->n; i++)
		if (drop)
			free_var(&h->v[i].var);
		else
			commit_var(s, &h->v[i].var, h->v[i].append);
	h->n = from;
}

/* NAME=( word... ), over as many lines as it takes. */
static int read_array(struct scan *s, struct shvar *v, struct word *w)
{
	unsigned int line = s->line;

	shlex_next(s); /* ( */
	v->array = true;
	for (;;) {
		while (!shlex_at_end(s) &&
		       (shlex_is_blank(*s->p) || *s->p == '\n' ||
			(*s->p == '\\' && shlex_peek(s, 1) == '\n')))
			shlex_next(s);
		if (shlex_at_end(s)) {
			shlex_error_at(s, line, "unterminated array: no ')'");
			return -EINVAL;
		}
		if (*s->p == ')') {
			shlex_next(s);
			break;
		}
		if (*s->p == '#') {
			shlex_skip_comment(s);
			continue;
		}
		if (shlex_read_word(s, w))
			return -EINVAL;
		if (!w->text.len && !w->quoted) {
			/* a break character inside the array */
			shlex_error_at(
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

static void command_ignored(struct scan *s, unsigned int line, const char *text)
{
	struct diag_loc loc = shlex_here(s, line);

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

	shlex_skip_blanks(s);
	if (shlex_peek(s, 0) == '(') {
		shlex_next(s);
		shlex_skip_blanks(s);
		if (shlex_peek(s, 0) != ')') {
			shlex_error_at(
				s, line,
				"bad function definition: '(' without ')'");
			free(name);
			return shlex_skip_code(s, 0, NULL);
		}
		shlex_next(s);
	}
	while (!shlex_at_end(s) && (shlex_is_blank(*s->p) || *s->p == '\n'))
		shlex_next(s);
	if (shlex_peek(s, 0) != '{') {
		/* a body in ( ) or another compound command */
		free(name);
		return shlex_skip_code(s, 0, NULL);
	}
	shlex_next(s);
	body = s->p;
	if (shlex_skip_code(s, 1, &body_end) || !body_end) {
		free(name);
		return -EINVAL;
	}
	shlex_next(s); /* } */
	fn.name = name;
	fn.body = xasprintf("%.*s", (int)(body_end - body), body);
	fn.loc = shlex_here(s, line);
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

	while (shlex_peek(s, n) >= '0' && shlex_peek(s, n) <= '9')
		n++;
	if (shlex_peek(s, n) == '&' && shlex_peek(s, n + 1) == '>')
		n++;
	if (shlex_peek(s, n) != '>' && shlex_peek(s, n) != '<')
		return false;
	while (shlex_peek(s, n) == '>' || shlex_peek(s, n) == '<' ||
	       shlex_peek(s, n) == '&' || shlex_peek(s, n) == '|')
		n++;
	w->line = s->line;
	{
		struct diag_loc loc = shlex_here(s, s->line);

		diags_add(
			s->d, DIAG_WARNING, &loc,
			"redirection '%.*s' ignored: this file is read as data, never run",
			(int)n, s->p);
	}
	s->p += n;
	shlex_skip_blanks(s);
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
		shlex_skip_blanks(s);
		if (!shlex_at_end(s) && redirection(s, w)) {
			/* A=1 >file: A is set, the file made: the value is kept */
			if (shlex_read_word(s, w))
				break;
			continue;
		}
		/* A=1 && B=2 sets both, as A=1; B=2 does */
		if (shlex_at_end(s) || *s->p == '\n' || *s->p == ';' ||
		    *s->p == '#' || *s->p == '&' || *s->p == '|')
			break;
		len = shlex_assignment_name(s, &append);
		if (!len || n == 64) {
			/* a command with variables for it alone */
			if (shlex_read_word(s, w) == 0) {
				if (w->text.len || w->quoted)
					command_ignored(s, w->line,
							strbuf_str(&w->text));
				else
					shlex_next(s);
			}
			err = shlex_skip_code(s, 0, NULL);
			for (i = 0; i < n; i++)
				free_var(&pending[i]);
			return err;
		}
		memset(&pending[n], 0, sizeof(pending[n]));
		pending[n].name = xstrndup(s->p, len);
		pending[n].loc = shlex_here(s, s->line);
		appends[n] = append;
		s->p += len + 1 + append;
		if (shlex_peek(s, 0) == '(') {
			if (read_array(s, &pending[n], w)) {
				free_var(&pending[n]);
				err = -EINVAL;
				break;
			}
		} else {
			if (shlex_read_word(s, w)) {
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
		hold(s, &pending[i], appends[i]);
	if (err)
		return err;
	shlex_skip_blanks(s);
	if (!shlex_at_end(s) && *s->p == '#')
		shlex_skip_comment(s);
	return 0;
}

static int read_command(struct scan *s, struct word *w)
{
	bool append;
	unsigned int line = s->line;

	if (shlex_assignment_name(s, &append))
		return read_assignments(s, w);
	if (*s->p == '(') {
		command_ignored(s, line, "(");
		return shlex_skip_code(s, 0, NULL);
	}
	if (shlex_read_word(s, w))
		return -EINVAL;
	if (!w->text.len && !w->quoted) {
		shlex_next(s); /* a stray break character */
		return 0;
	}
	if (shlex_word_is(w, declare_words)) {
		/* export NAME=VALUE: an assignment; options and bare names */
		for (;;) {
			shlex_skip_blanks(s);
			if (shlex_assignment_name(s, &append))
				return read_assignments(s, w);
			if (shlex_at_end(s) || *s->p == '\n' || *s->p == ';' ||
			    *s->p == '#')
				return 0;
			if (shlex_read_word(s, w))
				return -EINVAL;
			if (!w->text.len)
				return shlex_skip_code(s, 0, NULL);
		}
	}
	if (!w->quoted && !strcmp(strbuf_str(&w->text), "function")) {
		shlex_skip_blanks(s);
		if (shlex_read_word(s, w))
			return -EINVAL;
		return read_function(s, strbuf_take(&w->text), line);
	}
	shlex_skip_blanks(s);
	if (shlex_peek(s, 0) == '(' && !w->quoted)
		return read_function(s, strbuf_take(&w->text), line);
	if (shlex_word_is(w, block_words)) {
		/* read to its closing word, then to the end of the command */
		command_ignored(s, line, strbuf_str(&w->text));
		if (shlex_skip_code(s, 1, NULL))
			return -EINVAL;
		return shlex_skip_code(s, 0, NULL);
	}
	if (shlex_word_is(w, source_words)) {
		struct diag_loc loc = shlex_here(s, line);

		diags_add(
			s->d, DIAG_WARNING, &loc,
			"'%s' of another file is not followed: files are read as data, never run",
			strbuf_str(&w->text));
		return shlex_skip_code(s, 0, NULL);
	}
	command_ignored(s, line, strbuf_str(&w->text));
	return shlex_skip_code(s, 0, NULL);
}

/* ; ;; & && | || |& at the read position, read. */
static const char *operator(struct scan *s)
{
	char c = shlex_next(s), d = shlex_peek(s, 0);

	if (c == ';')
		return d == ';' ? (shlex_next(s), ";;") : ";";
	if (c == '&')
		return d == '&' ? (shlex_next(s), "&&") : "&";
	if (d == '|' || d == '&')
		return shlex_next(s) == '|' ? "||" : "|";
	return "|";
}

/* A line bash refuses: said, and nothing more is read, as bash reads no more. */
static void syntax_error(struct scan *s, const char *op, const char *where)
{
	char msg[256];

	snprintf(
		msg, sizeof(msg),
		"syntax error %s '%s': bash refuses this line and reads no further, so nothing from here on is read (%s)",
		where, op,
		!strcmp(where, "after") ?
			"end the line with a command, or remove the operator" :
			"remove the stray operator");
	shlex_error_at(s, s->line, msg);
}

/*
 * The assignments of the command just read, from @start, run in a subshell
 * (before '&', around '|'): bash does not set them; neither does this.
 */
static void in_subshell(struct scan *s, size_t start, const char *op)
{
	struct held *h = s->held;

	if (start == h->n)
		return;
	diags_add(
		s->d, DIAG_WARNING, &h->v[start].var.loc,
		"%s=... %s '%s' runs in a subshell in bash and is not set; it is left out (remove the '%s')",
		h->v[start].var.name, !strcmp(op, "&") ? "before" : "beside",
		op, op);
	release(s, start, true);
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
	struct held held = { 0 };
	bool cmd = false, more = false, piped = false, bad = false;
	const char *op = NULL;
	size_t start = 0;

	memset(f, 0, sizeof(*f));
	s.held = &held;
	shlex_crlf(&s, buf, len);
	while (!shlex_at_end(&s)) {
		shlex_skip_blanks(&s);
		if (shlex_at_end(&s))
			break;
		switch (*s.p) {
		case '\n':
			shlex_next(&s);
			shlex_skip_heredocs(&s);
			if (!more) {
				release(&s, 0, false);
				cmd = false;
			}
			continue;
		case '#':
			shlex_skip_comment(&s);
			continue;
		case ';':
		case '&':
		case '|':
			op = operator(&s);
			if (!cmd || !strcmp(op, ";;")) {
				syntax_error(&s, op, "near");
				bad = true;
				break;
			}
			if (!strcmp(op, "&") || !strcmp(op, "|"))
				in_subshell(&s, start, op);
			piped = !strcmp(op, "|");
			more = strcmp(op, ";") && strcmp(op, "&");
			cmd = false;
			continue;
		}
		if (bad)
			break;
		start = held.n;
		if (read_command(&s, &w) || s.too_many) {
			/* a quote or bracket left open: the rest is unreadable */
			break;
		}
		if (piped)
			in_subshell(&s, start, "|");
		cmd = true;
		more = piped = false;
	}
	if (more && !bad) {
		syntax_error(&s, op, "after");
		bad = true;
	}
	release(&s, 0, bad);
	free(held.v);
	shlex_skip_heredocs(&s);
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
