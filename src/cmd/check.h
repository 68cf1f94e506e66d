/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bondcfg check's live half (check-live.c): the host's configuration
 * compared with the kernel's bonds.
 */
#ifndef BONDCFG_CMD_CHECK_H
#define BONDCFG_CMD_CHECK_H

#include "cmd/bondcfg.h"
#include "cmd/cli.h"
#include "model/json.h"

/*
 * Compares the bonds of @h (those @names names, or all when @names is
 * NULL or empty) with the kernel's, and prints the differences: as text,
 * or as the members "live": {...} of the open JSON object @j. Returns 0 in
 * sync, 1 when something differs, -1 when the links could not be read or
 * a name is neither configured nor a bond (said).
 */
int check_live(const struct host_conf *h, const char *const *names,
	       struct json *j);

#endif
