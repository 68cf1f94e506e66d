/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shell-style configuration files (ifcfg-*, /etc/conf.d/net) read as data:
 * variable assignments with the shell's quoting and word rules, arrays, and
 * functions kept as text. Nothing is expanded or run: $(...), `...`, ${...}
 * and $NAME stay as written, and commands are skipped with a warning.
 */
#ifndef BONDCFG_SHFILE_H
#define BONDCFG_SHFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "model/diag.h"

struct shvar {
	char *name;
	char *value; /* a scalar's value; an array's elements joined by ' ' */
	char **elems; /* an array's elements */
	size_t n_elems;
	bool array;
	bool expands; /* a shell would have expanded part of it */
	struct diag_loc loc;
};

struct shfunc {
	char *name;
	char *body; /* the text between the braces, as written */
	struct diag_loc loc; /* the line of the name */
};

struct shfile {
	struct shvar *vars; /* the last assignment of each name, in order */
	size_t n_vars;
	struct shfunc *funcs;
	size_t n_funcs;
};

/*
 * Reads the text @buf (NUL-terminated, @len bytes) from @source. Every
 * problem goes to @d with its line; reading goes on after one where it
 * can. Returns 0, or -EINVAL if an error was added.
 */
int shfile_parse(struct shfile *f, const char *buf, size_t len,
		 const char *source, struct diags *d);

void shfile_free(struct shfile *f);

/* The variable called @name, or NULL. */
const struct shvar *shfile_get(const struct shfile *f, const char *name);

/* Writing, for the writers and the shell output: */

/* @s in single quotes, for a shell. */
void shfile_write_quoted(FILE *out, const char *s);

/* A word for a shell: as it is when safe, else in single quotes. */
void shfile_write_word(FILE *out, const char *s);

#endif
