/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The readers' entry points, for formats.c: a host's files of one format,
 * or the files given.
 */
#ifndef BONDCFG_FORMATS_READERS_H
#define BONDCFG_FORMATS_READERS_H

#include "model/host.h"

/*
 * Readers. Each reads its files under @h->root and adds what they declare;
 * a missing file or folder is no error.
 */
int host_read_ifcfg(struct host_conf *h, struct diags *d);
int host_read_modprobe(struct host_conf *h, struct diags *d);
int host_read_confd(struct host_conf *h, struct diags *d);
int host_read_interfaces(struct host_conf *h, struct diags *d);

/* The ifcfg files @paths (kept strings), read as one set. */
int read_ifcfg_files(struct host_conf *h, const char *const *paths, size_t n,
		     struct diags *d);

/* The modprobe.d files @paths (kept strings), in that order. */
int read_modprobe_files(struct host_conf *h, const char *const *paths, size_t n,
			struct diags *d);

int read_confd_file(struct host_conf *h, const char *path, struct diags *d);

int read_interfaces_file(struct host_conf *h, const char *path,
			 struct diags *d);

#endif
