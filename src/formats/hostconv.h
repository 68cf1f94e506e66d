/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The host's bonds written in another configuration format: the files
 * that format keeps them in (ifcfg, interfaces, conf.d/net, networkd), or
 * the commands that recreate them (nmcli). Each writer produces what the
 * project's own reader of that format reads back as the same bonds.
 */
#ifndef BONDCFG_HOSTCONV_H
#define BONDCFG_HOSTCONV_H

#include <stdbool.h>
#include <stdio.h>

#include "formats/conv.h"
#include "model/host.h"

enum conv_format {
	CONV_IFCFG,
	CONV_INTERFACES,
	CONV_CONFD,
	CONV_NETWORKD,
	CONV_NMCLI,
	CONV_IP,
	CONV_N_FORMATS
};

/* The format called @name ("ifcfg", "networkd", ...), or -1. */
int conv_format_find(const char *name);

/* Whether @f is written as files (else as commands on standard output). */
bool conv_format_has_files(enum conv_format f);

/*
 * Writes the bonds of @h for which @wanted[i] is true (every bond when
 * @wanted is NULL) in format @f into @cv. Not for CONV_IP, which
 * hostout_ip() prints.
 */
void conv_write(struct conv *cv, enum conv_format f, const struct host_conf *h,
		const bool *wanted);

#endif
