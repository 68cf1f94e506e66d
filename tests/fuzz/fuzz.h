/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the readers' libFuzzer targets share. Each target writes its input
 * as configuration files into a private root folder, made once with
 * mkdtemp() and removed at exit, and reads them as the command does: with
 * that folder as the root, so that source lines and globs find nothing
 * outside it, then merged. Everything is freed, so that a leak shows.
 *
 * One input can make several files: it is cut at NUL bytes, the first
 * piece going to the first name, and so on; the last name takes the rest,
 * NUL bytes included.
 */
#ifndef BONDCFG_FUZZ_H
#define BONDCFG_FUZZ_H

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "formats/formats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_MAX_FILES 4

static char fuzz_root[4096];

static void fuzz_die(const char *what)
{
	fprintf(stderr, "fuzz: %s: %s\n", what, strerror(errno));
	abort();
}

static int fuzz_remove(const char *path, const struct stat *st, int flag,
		       struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static void fuzz_cleanup(void)
{
	nftw(fuzz_root, fuzz_remove, 16, FTW_DEPTH | FTW_PHYS);
}

/* The private root, made on first use. */
static const char *fuzz_root_dir(void)
{
	const char *tmp = getenv("TMPDIR");

	if (fuzz_root[0])
		return fuzz_root;
	snprintf(fuzz_root, sizeof(fuzz_root), "%s/bondcfg-fuzz-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(fuzz_root))
		fuzz_die("mkdtemp");
	atexit(fuzz_cleanup);
	return fuzz_root;
}

/* @root/@rel, with the folders on the way made. */
static char *fuzz_path(const char *rel)
{
	char *path, *p;
	size_t len = strlen(fuzz_root_dir()) + strlen(rel) + 2;

	path = malloc(len);
	if (!path)
		fuzz_die("malloc");
	snprintf(path, len, "%s/%s", fuzz_root, rel);
	for (p = path + strlen(fuzz_root) + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		if (mkdir(path, 0700) && errno != EEXIST)
			fuzz_die(path);
		*p = '/';
	}
	return path;
}

static void fuzz_write(const char *path, const uint8_t *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	ssize_t n;

	if (fd < 0)
		fuzz_die(path);
	while (size) {
		n = write(fd, data, size);
		if (n < 0)
			fuzz_die(path);
		data += n;
		size -= (size_t)n;
	}
	close(fd);
}

/*
 * Writes @data into the files @names (under the root; the folders are
 * made), cut at NUL bytes, and removes those of @names it did not need.
 * Their full paths go to @paths (made once, kept). Returns how many were
 * written.
 */
static size_t fuzz_files(const char *const *names, size_t n_names,
			 const uint8_t *data, size_t size, char **paths)
{
	const uint8_t *end = data + size, *nul;
	size_t n = 0, i;

	for (i = 0; i < n_names; i++)
		if (!paths[i])
			paths[i] = fuzz_path(names[i]);
	while (n < n_names) {
		nul = n + 1 < n_names ?
			      memchr(data, '\0', (size_t)(end - data)) :
			      NULL;
		fuzz_write(paths[n++], data,
			   (size_t)((nul ? nul : end) - data));
		if (!nul)
			break;
		data = nul + 1;
	}
	for (i = n; i < n_names; i++)
		unlink(paths[i]);
	return n;
}

/*
 * Reads the first @n_read files that @data makes of @names as format @f,
 * then merges, formats every diagnostic's location and frees all.
 */
static int fuzz_read(enum host_format f, const char *const *names,
		     size_t n_names, size_t n_read, const uint8_t *data,
		     size_t size)
{
	static char *paths[FUZZ_MAX_FILES];
	char where[512];
	struct host_conf h;
	struct diags d;
	size_t n, i;

	if (n_names > FUZZ_MAX_FILES)
		abort();
	n = fuzz_files(names, n_names, data, size, paths);
	if (n_read > n)
		n_read = n;
	host_conf_init(&h, fuzz_root_dir());
	diags_init(&d);
	formats_read_files(&h, formats_of_host(f), (const char *const *)paths,
			   n_read, &d);
	host_conf_merge(&h, &d);
	for (i = 0; i < d.n; i++)
		diag_loc_format(&d.v[i].loc, where, sizeof(where));
	diags_free(&d);
	host_conf_free(&h);
	return 0;
}

#endif
