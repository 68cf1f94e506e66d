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
/* IPADDRn=, PREFIXn=, IPV6ADDR= ... of the addresses @v[0..n). */
void ifcfg_write_addresses(FILE *out, char *const *v, size_t n);
/*
 * ifcfg-ip.c: GATEWAY=, DNS1= ... of @ip into an interface's file @out;
 * @has_v6: the interface has an IPv6 address (IPV6INIT=yes written).
 */
void ifcfg_write_ip(FILE *out, const struct host_ip *ip, bool has_v6);
/* ... and its route-NAME and route6-NAME files. */
void ifcfg_write_routes(struct conv *cv, const char *name,
			const struct host_ip *ip);
/* ifcfg-upper.c: BRIDGE= in @name's file, if a bridge of @ip is on it. */
void ifcfg_write_bridge(FILE *out, const struct host_ip *ip, const char *name);
/* The files of what sits on bond @b: its VLANs, its bridge. */
void ifcfg_write_uppers(struct conv *cv, const struct host_bond *b);
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
