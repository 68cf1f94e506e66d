/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The output of the writers (formats.h): its files, and what every writer
 * shares.
 */
#ifndef BONDCFG_FORMATS_CONV_H
#define BONDCFG_FORMATS_CONV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "model/bondconf.h"
#include "model/xalloc.h"

/* One file of the output: its text, or a symbolic link. */
struct conv_file {
	char *path; /* where it goes on the host: /etc/... */
	char *text; /* the contents; NULL for a link */
	size_t len;
	char *link; /* the link's target, or NULL */
	FILE *out; /* open while it is written */
};

struct conv {
	struct conv_file **files;
	size_t n_files;
	char **warnings; /* what the format cannot express */
	size_t n_warnings;
};

void conv_init(struct conv *cv);
void conv_free(struct conv *cv);

/* Every file of @cv, each after a "# PATH" line. */
void conv_print(const struct conv *cv, FILE *out);

/* Room for any option's value as text. */
#define VALUE_MAX (16 * 48)

/* A new file of the output at @path (taken over). */
struct conv_file *conv_add_file(struct conv *cv, char *path);

/* A new file at @path (taken over), open for writing. */
FILE *conv_file_open(struct conv *cv, char *path);

/* Closes the file being written. */
void conv_file_close(struct conv *cv);

/* A symbolic link at @path (taken over) to @target. */
void conv_add_link(struct conv *cv, char *path, const char *target);

/* What the format cannot express: a warning, and a comment in @out. */
__attribute__((format(printf, 4, 5))) void
conv_lost(struct conv *cv, FILE *out, const char *format, const char *fmt, ...);

/*
 * What the format cannot express of slave @s of bond @c: each of its
 * options in @opts, a warning and a comment in @out (NULL: none), "BOND:
 * NAME=SLAVE:VALUE" and @why after it.
 */
void conv_lost_slave(struct conv *cv, FILE *out, const char *format,
		     const struct bond_conf *c, const struct bond_slave_conf *s,
		     uint64_t opts, const char *why);

/* Whether @addr is an IPv6 address. */
bool conv_is_ipv6(const char *addr);

/* Whether @id is written among the bond's options (not per slave). */
bool conv_bond_option(const struct bond_conf *c, int id);

/* The slaves the bond lists itself. */
size_t conv_n_members(const struct bond_conf *c);

/* Safe in a shell word and in every format's value: no quoting needed. */
bool conv_plain(const char *s);

/* @value for a shell-style file: in double quotes, or single if need be. */
void conv_sh_value(FILE *out, const char *value, bool always);

/* KEY=VALUE for a shell-style file: VALUE quoted when it needs it. */
void conv_sh_assign(FILE *out, const char *key, const char *value);

/* Appends " name=value" words of the bond options into @b. */
void conv_option_words(struct strbuf *b, const struct bond_conf *c, char sep);

/* Appends "name=SLAVE:VALUE" for each per-slave option @keep says. */
void conv_slave_option_words(struct strbuf *b, const struct bond_conf *c,
			     bool (*keep)(const struct bond_slave_conf *,
					  int id));

#endif
