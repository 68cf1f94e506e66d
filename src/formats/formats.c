// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Reading a host's configuration: each format's reader over its files,
 * then the merge; and which format a file is.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "formats/formats.h"
#include "formats/readers.h"
#include "model/xalloc.h"

int host_read_files(struct host_conf *h, enum host_format f,
		    const char *const *paths, size_t n, struct diags *d)
{
	const char **kept = xcalloc(n, sizeof(*kept));
	int err = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		struct diag_loc loc;

		kept[i] = host_conf_keep(h, xstrdup(paths[i]));
		loc = (struct diag_loc){ .source = kept[i] };
		if (access(kept[i], F_OK)) {
			diags_add(d, DIAG_ERROR, &loc, "cannot read: %s",
				  strerror(errno));
			err = -ENOENT;
		}
	}
	if (err) {
		free(kept);
		return err;
	}
	switch (f) {
	case HOST_IFCFG:
		err = read_ifcfg_files(h, kept, n, d);
		break;
	case HOST_MODPROBE:
		err = read_modprobe_files(h, kept, n, d);
		break;
	case HOST_CONFD:
		for (i = 0; i < n; i++)
			if (read_confd_file(h, kept[i], d))
				err = -EINVAL;
		break;
	case HOST_INTERFACES:
		for (i = 0; i < n; i++)
			if (read_interfaces_file(h, kept[i], d))
				err = -EINVAL;
		break;
	default:
		err = -EINVAL;
		break;
	}
	free(kept);
	return err;
}

static bool ends_with(const char *s, const char *end)
{
	size_t a = strlen(s), b = strlen(end);

	return a >= b && !strcmp(s + a - b, end);
}

int host_format_of_path(const char *path)
{
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	if (!strncmp(base, "ifcfg-", 6))
		return HOST_IFCFG;
	if (!strcmp(base, "interfaces") || strstr(path, "interfaces.d/"))
		return HOST_INTERFACES;
	if (ends_with(path, "conf.d/net") || !strcmp(path, "net"))
		return HOST_CONFD;
	if (ends_with(base, ".conf") || strstr(path, "modprobe.d/"))
		return HOST_MODPROBE;
	return -1;
}

int host_format_find(const char *name)
{
	enum host_format f;

	if (!strcmp(name, "confd"))
		return HOST_CONFD;
	if (!strcmp(name, "modprobe"))
		return HOST_MODPROBE;
	for (f = 0; f < HOST_N_FORMATS; f++)
		if (!strcmp(name, host_format_name(f)))
			return f;
	return -1;
}

int host_conf_read(struct host_conf *h, unsigned int formats, struct diags *d)
{
	int err = 0;

	if ((formats & HOST_FORMAT_BIT(HOST_IFCFG)) && host_read_ifcfg(h, d))
		err = -EINVAL;
	if ((formats & HOST_FORMAT_BIT(HOST_INTERFACES)) &&
	    host_read_interfaces(h, d))
		err = -EINVAL;
	if ((formats & HOST_FORMAT_BIT(HOST_CONFD)) && host_read_confd(h, d))
		err = -EINVAL;
	if ((formats & HOST_FORMAT_BIT(HOST_MODPROBE)) &&
	    host_read_modprobe(h, d))
		err = -EINVAL;
	if (host_conf_merge(h, d))
		err = -EINVAL;
	return err;
}
