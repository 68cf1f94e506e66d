/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Inside the conf.d/net reader (confd.c, confd-ip.c): the network of a
 * bond beside the bond.
 */
#ifndef BONDCFG_FORMATS_CONFD_INT_H
#define BONDCFG_FORMATS_CONFD_INT_H

#include "formats/shfile.h"
#include "model/host.h"

/* routes_@var, dns_servers_@var, ... of bond @b, from @sh. */
void confd_read_ip(struct host_bond *b, const struct shfile *sh,
		   const char *var, struct diags *d);

#endif
