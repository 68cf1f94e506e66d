/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The forms ifcfg-bond-parse prints the host's bonds in. @only, when not
 * NULL, limits the output to the bond of that name.
 */
#ifndef BONDCFG_HOSTOUT_H
#define BONDCFG_HOSTOUT_H

#include <stdio.h>

#include "model/host.h"
#include "model/json.h"

/* [bond0] sections of key=value lines. */
void hostout_text(FILE *out, const struct host_conf *h, const char *only);

/* BOND_<n>_NAME='...' assignments, every value quoted: safe to eval. */
void hostout_shell(FILE *out, const struct host_conf *h, const char *only);

/* The ip(8) commands that would build the bonds. */
void hostout_ip(FILE *out, const struct host_conf *h, const char *only);

/* "bonds": [...], "module": {...}, "files_read": N (inside an object). */
void hostout_json(struct json *j, const struct host_conf *h, const char *only);

#endif
