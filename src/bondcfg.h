/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What bondcfg's commands share: the global options and reading the
 * host's configuration with them.
 */
#ifndef BONDCFG_BONDCFG_H
#define BONDCFG_BONDCFG_H

#include <stdbool.h>

#include "diag.h"
#include "hostconf.h"
#include "linkstate.h"

struct bondcfg_globals {
	const char *root; /* --root: a configuration tree instead of / */
	unsigned int formats; /* --source: HOST_FORMAT_BIT()s to read */
	int quiet;
	int verbose;
	int syslog; /* --syslog: diagnostics to syslog too, for hooks */
};

extern struct bondcfg_globals bondcfg;

/* Reads and merges the host's configuration as the global options say. */
int bondcfg_read_host(struct host_conf *h, struct diags *d);

struct nl;

/*
 * Opens netlink and reads every link into @ls; on failure says so as
 * command @cmd and returns -errno. @nl stays to be closed either way.
 */
int bondcfg_read_links(const char *cmd, struct nl **nl, struct linkset *ls);

/* The bond called @name in @ls; otherwise says why not, as @cmd: NULL. */
const struct link *bondcfg_bond(const char *cmd, const struct linkset *ls,
				const char *name);

/* Whether this process may change links (CAP_NET_ADMIN). */
bool bondcfg_can_admin(void);

/*
 * Prints the diagnostics of @d on stderr (notes only with -v), and sends
 * them to syslog with --syslog.
 */
void bondcfg_report(const struct diags *d);

int cmd_check(int argc, const char **argv);
/* up, down, apply, set, enslave, release: the command is argv[0]. */
int cmd_change(int argc, const char **argv);
int cmd_plan(int argc, const char **argv);
int cmd_convert(int argc, const char **argv);
int cmd_show(int argc, const char **argv);
int cmd_watch(int argc, const char **argv);

#endif
