/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What bondcfg's commands share: the global options and reading the
 * host's configuration with them.
 */
#ifndef BONDCFG_BONDCFG_H
#define BONDCFG_BONDCFG_H

#include "diag.h"
#include "hostconf.h"

struct bondcfg_globals {
	const char *root; /* --root: a configuration tree instead of / */
	unsigned int formats; /* --source: HOST_FORMAT_BIT()s to read */
	int quiet;
	int verbose;
};

extern struct bondcfg_globals bondcfg;

/* Reads and merges the host's configuration as the global options say. */
int bondcfg_read_host(struct host_conf *h, struct diags *d);

int cmd_check(int argc, const char **argv);
int cmd_show(int argc, const char **argv);
int cmd_watch(int argc, const char **argv);

#endif
