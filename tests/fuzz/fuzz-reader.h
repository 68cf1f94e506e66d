/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What every reader's fuzz target shares: the input is written to a file
 * in a private root folder (so that source lines and globs cannot reach
 * the real file system) and read as format FUZZ_FORMAT, then merged.
 */
#ifndef BONDCFG_FUZZ_READER_H
#define BONDCFG_FUZZ_READER_H

#include <fcntl.h>
#include <sys/stat.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hostconf.h"

static char fuzz_root[64];
static char fuzz_path[128];

static void fuzz_setup(const char *relpath)
{
	char dir[128], *slash;

	if (fuzz_root[0])
		return;
	snprintf(fuzz_root, sizeof(fuzz_root), "/tmp/bondcfg-fuzz-XXXXXX");
	if (!mkdtemp(fuzz_root))
		abort();
	snprintf(fuzz_path, sizeof(fuzz_path), "%s/%s", fuzz_root, relpath);
	/* make the folders of relpath */
	snprintf(dir, sizeof(dir), "%s", fuzz_path);
	for (slash = dir + strlen(fuzz_root) + 1; (slash = strchr(slash, '/'));
	     slash++) {
		*slash = '\0';
		mkdir(dir, 0700);
		*slash = '/';
	}
}

static int fuzz_read(const uint8_t *data, size_t size, enum host_format f,
		     const char *relpath)
{
	const char *paths[1];
	struct host_conf h;
	struct diags d;
	int fd;

	fuzz_setup(relpath);
	fd = open(fuzz_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		abort();
	if (size && write(fd, data, size) != (ssize_t)size)
		abort();
	close(fd);
	paths[0] = fuzz_path;
	host_conf_init(&h, fuzz_root);
	diags_init(&d);
	host_read_files(&h, f, paths, 1, &d);
	host_conf_merge(&h, &d);
	diags_free(&d);
	host_conf_free(&h);
	return 0;
}

#endif
