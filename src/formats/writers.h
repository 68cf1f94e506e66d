/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The writers, for formats.c's table. Each writes bond @b into @cv: into
 * @out, the one output of its format (interfaces, conf.d/net, nmcli's
 * commands), or into files of its own (ifcfg, networkd), @out unused.
 */
#ifndef BONDCFG_FORMATS_WRITERS_H
#define BONDCFG_FORMATS_WRITERS_H

#include <stdio.h>

#include "formats/conv.h"
#include "model/host.h"

/* RHEL's ifcfg files (ifcfg-write.c). */
void ifcfg_write(struct conv *cv, FILE *out, const struct host_bond *b);
/* ifcfg-ip.c: GATEWAY=, DNS1= ... into the bond's file @out. */
void ifcfg_write_ip(FILE *out, const struct host_bond *b);
/* ... and its route-BOND and route6-BOND files. */
void ifcfg_write_routes(struct conv *cv, const struct host_bond *b);
/* Debian's interfaces (iface.c): bond @b's stanza. */
void iface_write(struct conv *cv, FILE *out, const struct host_bond *b);
/* Gentoo's conf.d/net (confd.c): bond @b's variables. */
void confd_write(struct conv *cv, FILE *out, const struct host_bond *b);
/* The init script links (net.BOND -> net.lo) of bond @b. */
void confd_write_links(struct conv *cv, const struct host_bond *b);
/* systemd-networkd (networkd.c): bond @b's .netdev and .network units. */
void networkd_write(struct conv *cv, FILE *out, const struct host_bond *b);
/* nmcli commands (nmcli.c) that recreate bond @b. */
void nmcli_write(struct conv *cv, FILE *out, const struct host_bond *b);

#endif
