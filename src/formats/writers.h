/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The writers of the formats that live in files of their own, for
 * conv_write() (hostconv.c).
 */
#ifndef BONDCFG_FORMATS_WRITERS_H
#define BONDCFG_FORMATS_WRITERS_H

#include <stdio.h>

#include "formats/conv.h"
#include "model/host.h"

/* Debian's interfaces (iface.c): bond @b's stanza into @out. */
void iface_write(FILE *out, const struct host_bond *b);

/* Gentoo's conf.d/net (confd.c): bond @b's variables into @out. */
void confd_write(struct conv *cv, FILE *out, const struct host_bond *b);

/* The init script links (net.BOND -> net.lo) of bond @b. */
void confd_write_links(struct conv *cv, const struct host_bond *b);

/* systemd-networkd (networkd.c): bond @b's .netdev and .network units. */
void networkd_write(struct conv *cv, const struct host_bond *b);

/* nmcli commands (nmcli.c) that recreate bond @b, into @out. */
void nmcli_write(struct conv *cv, FILE *out, const struct host_bond *b);

#endif
