/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The readers' entry points, for formats.c's table: a host's files of one
 * format, or the files given.
 */
#ifndef BONDCFG_FORMATS_READERS_H
#define BONDCFG_FORMATS_READERS_H

#include "model/host.h"

/*
 * FORMAT_read_host: reads the format's files under @h->root and adds what
 * they declare; a missing file or folder is no error.
 * FORMAT_read_files: the files @paths (kept strings), read as one set
 * (an ifcfg file's MASTER= is looked up among them), in that order;
 * FORMAT_read_file: one file (kept string).
 */
int ifcfg_read_host(struct host_conf *h, struct diags *d);
int ifcfg_read_files(struct host_conf *h, const char *const *paths, size_t n,
		     struct diags *d);
int interfaces_read_host(struct host_conf *h, struct diags *d);
int interfaces_read_file(struct host_conf *h, const char *path,
			 struct diags *d);
int confd_read_host(struct host_conf *h, struct diags *d);
int confd_read_file(struct host_conf *h, const char *path, struct diags *d);
int modprobe_read_host(struct host_conf *h, struct diags *d);
int modprobe_read_files(struct host_conf *h, const char *const *paths, size_t n,
			struct diags *d);

#endif
