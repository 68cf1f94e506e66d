/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Reading a host's configuration: every format's reader, then the merge
 * (model/host.h).
 */
#ifndef BONDCFG_FORMATS_FORMATS_H
#define BONDCFG_FORMATS_FORMATS_H

#include "model/host.h"

/*
 * Reads the files @paths of format @f, as one set (an ifcfg file's MASTER=
 * is looked up among them). Paths are used as given, without the root
 * prefix. Returns 0, -ENOENT (reported) when one is missing, or -EINVAL.
 */
int host_read_files(struct host_conf *h, enum host_format f,
		    const char *const *paths, size_t n, struct diags *d);

/*
 * The format of the file @path by its name: ifcfg-*, *.conf (modprobe.d),
 * interfaces or a file under interfaces.d, conf.d/net. -1 when the name
 * does not tell.
 */
int host_format_of_path(const char *path);

/* The format called @name (as host_format_name() spells it, or "confd"). */
int host_format_find(const char *name);

/* Every reader of @formats, then the merge. */
int host_conf_read(struct host_conf *h, unsigned int formats, struct diags *d);

#endif
