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
#include "model/diag.h"
#include "model/host.h"
#include "model/hostip.h"
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
	/* what the format cannot express, each where the source says it */
	struct diags lost;
	struct diag_loc at; /* the bond being written: where it is declared */
	/* nmcli: the oldest NetworkManager the commands are for */
	struct bondopt_kver nm_target;
	/* interfaces: for ifupdown2, not Debian's ifupdown */
	bool ifupdown2;
};

/* The NetworkManager nmcli's commands are for unless told: 1.30. */
#define CONV_NM_DEFAULT_MAJOR 1
#define CONV_NM_DEFAULT_MINOR 30

void conv_init(struct conv *cv);
void conv_free(struct conv *cv);

/*
 * --target-version @s for format @format: MAJOR.MINOR of NetworkManager
 * (1.30 or later) for nmcli, ifupdown or ifupdown2 for interfaces; set in
 * @cv (NULL: only checked). Returns 0, or -EINVAL.
 */
int conv_target(struct conv *cv, const char *format, const char *s);

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

/*
 * What the format cannot express: a warning at the bond's declaration
 * (@cv->at), and a comment in @out (NULL: none).
 */
__attribute__((format(printf, 4, 5))) void
conv_lost(struct conv *cv, FILE *out, const char *format, const char *fmt, ...);

/* The same, at @loc: the line of the source that says it. */
__attribute__((format(printf, 5, 6))) void
conv_lost_at(struct conv *cv, FILE *out, const char *format,
	     const struct diag_loc *loc, const char *fmt, ...);

/* Whether list @v has an address of family @v6. */
bool conv_addresses_have(char *const *v, size_t n, bool v6);

/* Whether bond @b has an address of family @v6. */
bool conv_has_address(const struct host_bond *b, bool v6);

/*
 * The bridge interface @name is a port of: the first bridge among the
 * uppers of @ip (a bond's) whose port it is; NULL if none.
 */
const struct host_upper *conv_bridge_of(const struct host_ip *ip,
					const char *name);

/* Whether route @r is an IPv6 one. */
bool conv_route_ipv6(const struct host_route *r);

/* Route @r in ip's words: "DEST [via GW] [metric N]". */
void conv_route_words(FILE *out, const struct host_route *r);

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
