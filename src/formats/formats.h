/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The configuration formats, one row each: their names, their readers
 * (then the merge, model/host.h) and their writers. Lists of formats in
 * help and errors come from the table.
 */
#ifndef BONDCFG_FORMATS_FORMATS_H
#define BONDCFG_FORMATS_FORMATS_H

#include <stdbool.h>
#include <stdio.h>

#include "formats/conv.h"
#include "model/host.h"

enum format_flags {
	FORMAT_READ = 1u << 0, /* read: --source, --type */
	FORMAT_WRITE = 1u << 1, /* written: convert --to */
	FORMAT_COMMANDS = 1u << 2, /* written as commands, not files */
	/* its writer writes what sits on a bond (else each is named lost) */
	FORMAT_UPPERS = 1u << 3,
};

struct format {
	const char *name; /* as the options take it */
	unsigned int flags;
	enum host_format host; /* a format read: its place in the merge */
	/* the host's files under the root; the files given, as one set */
	int (*read_host)(struct host_conf *h, struct diags *d);
	int (*read_files)(struct host_conf *h, const char *const *paths,
			  size_t n, struct diags *d);
	/* or, for a format whose files are read one by one, one file */
	int (*read_file)(struct host_conf *h, const char *path,
			 struct diags *d);
	/* whether the file @path is of this format, by its name */
	bool (*names_file)(const char *path);
	/* a format written: each bond (NULL: printed by the command, ip) */
	void (*write)(struct conv *cv, FILE *out, const struct host_bond *b);
	const char *out; /* the one file of every bond ("-": standard output) */
	void (*write_after)(struct conv *cv, const struct host_bond *b);
};

extern const struct format formats_table[];
extern const size_t formats_count;

/*
 * The format called @name, of those with any of @flags; a format read is
 * also found by the name the diagnostics give it ("conf.d/net"). NULL if
 * there is none.
 */
const struct format *formats_find(const char *name, unsigned int flags);

/* The format that reads format @f's declarations. */
const struct format *formats_of_host(enum host_format f);

/*
 * The format of the file @path by its name: ifcfg-*, interfaces or a file
 * under interfaces.d, conf.d/net, *.conf (modprobe.d). NULL when the name
 * does not tell.
 */
const struct format *formats_of_path(const char *path);

/*
 * "ifcfg, interfaces, confd or modprobe": the names of the formats with
 * any of @flags, the last after @last (", " or " or "). To free.
 */
char *formats_list(unsigned int flags, const char *last);

/*
 * Reads the files @paths of format @f, as one set. Paths are used as
 * given, without the root prefix. Returns 0, -ENOENT (reported) when one
 * is missing, or -EINVAL.
 */
int formats_read_files(struct host_conf *h, const struct format *f,
		       const char *const *paths, size_t n, struct diags *d);

/* The readers of @formats (HOST_FORMAT_BIT()s), then the merge. */
int formats_read_host(struct host_conf *h, unsigned int formats,
		      struct diags *d);

/*
 * Writes the bonds of @h for which @wanted[i] is true (every bond when
 * @wanted is NULL) in format @f into @cv. For a format without a writer
 * (ip, which hostout_ip() prints: the bond only), only what it leaves out,
 * in @cv->lost.
 */
void formats_write(struct conv *cv, const struct format *f,
		   const struct host_conf *h, const bool *wanted);

#endif
