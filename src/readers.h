/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The readers' entry points for given files, shared with hostconf.c.
 */
#ifndef BONDCFG_READERS_H
#define BONDCFG_READERS_H

#include <stdbool.h>

#include "hostconf.h"

/* The ifcfg files @paths (kept strings), read as one set. */
int read_ifcfg_files(struct host_conf *h, const char *const *paths, size_t n,
		     struct diags *d);

/* The modprobe.d files @paths (kept strings), in that order. */
int read_modprobe_files(struct host_conf *h, const char *const *paths, size_t n,
			struct diags *d);

int read_confd_file(struct host_conf *h, const char *path, struct diags *d);

int read_interfaces_file(struct host_conf *h, const char *path,
			 struct diags *d);

/*
 * "yes"/"no" as the distributions' scripts read them: 1 true, 0 false, -1
 * neither.
 */
int read_bool_word(const char *s);

/*
 * Sets @b's MTU from @value (68 to 65535), or reports KEY SEP VALUE at
 * @loc as an error.
 */
void read_mtu(struct host_bond *b, const char *key, const char *sep,
	      const char *value, const struct diag_loc *loc, struct diags *d);

/* ADDR or ADDR/PREFIX, IPv4 or IPv6. */
bool read_valid_address(const char *s);

/* xx:xx:xx:xx:xx:xx */
bool read_valid_mac(const char *s);

/* "192.0.2.1" and a prefix length or netmask: "192.0.2.1/24" (to free). */
char *read_address(const char *addr, const char *prefix, const char *netmask);

#endif
