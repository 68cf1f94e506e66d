// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Bounded reading of configuration files and folders.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "formats/cfgfile.h"
#include "model/xalloc.h"

static int refuse(struct diags *d, const char *path, int err, const char *why)
{
	struct diag_loc loc = { .source = path };

	diags_add(d, DIAG_ERROR, &loc, "%s", why);
	return err;
}

bool cfgfile_outside(const char *real_root, const char *real)
{
	size_t n = strlen(real_root);

	if (n <= 1)
		return false; /* no --root, or the root is / */
	return strncmp(real, real_root, n) || (real[n] && real[n] != '/');
}

/*
 * Whether @path, once its links are followed, is outside the tree @root.
 * The root and the last folder are resolved once, not for every file of a
 * folder: a file that is no link is where its folder is.
 */
static bool outside(const char *root, const char *path)
{
	static char root_key[PATH_MAX], real_root[PATH_MAX];
	static char dir_key[PATH_MAX];
	static bool root_ok, dir_out;
	const char *base = strrchr(path, '/');
	char real[PATH_MAX];
	struct stat st;
	size_t dirlen;

	if (!root || !*root)
		return false;
	if (strcmp(root_key, root)) {
		snprintf(root_key, sizeof(root_key), "%s", root);
		root_ok = realpath(root, real_root) != NULL;
		dir_key[0] = '\0';
	}
	if (!root_ok)
		return false;
	if (base && base != path && strcmp(base + 1, ".") &&
	    strcmp(base + 1, "..") && !lstat(path, &st) &&
	    !S_ISLNK(st.st_mode) && (dirlen = (size_t)(base - path)) &&
	    dirlen < sizeof(dir_key)) {
		if (strncmp(dir_key, path, dirlen) || dir_key[dirlen]) {
			memcpy(dir_key, path, dirlen);
			dir_key[dirlen] = '\0';
			dir_out = realpath(dir_key, real) &&
				  cfgfile_outside(real_root, real);
		}
		return dir_out;
	}
	return realpath(path, real) && cfgfile_outside(real_root, real);
}

int cfgfile_read(const char *root, const char *path, char **buf, size_t *len,
		 struct diags *d)
{
	struct diag_loc loc = { .source = path };
	struct stat st;
	char *data, *nul;
	size_t got = 0, cap;
	ssize_t n;
	int fd, err;

	*buf = NULL;
	*len = 0;
	if (outside(root, path))
		return refuse(d, path, -EXDEV,
			      "a link out of the --root tree; refused");
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		err = -errno;
		/* no such file is no error; a link to nothing is */
		if (err == -ENOENT && lstat(path, &st))
			return err;
		diags_add(d, DIAG_ERROR, &loc, "cannot open: %s",
			  err == -ENOENT ? "a link to nothing" :
					   strerror(-err));
		return err;
	}
	if (fstat(fd, &st) < 0) {
		err = -errno;
		close(fd);
		diags_add(d, DIAG_ERROR, &loc, "cannot read: %s",
			  strerror(-err));
		return err;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return refuse(d, path, -EINVAL, "not a regular file; refused");
	}
	if (!(st.st_mode & S_IROTH))
		diags_hide_text_of(d, path);
	if (st.st_size > CFGFILE_MAX_SIZE) {
		close(fd);
		diags_add(
			d, DIAG_ERROR, &loc,
			"%lld bytes: too large for a configuration file (at most %d); refused",
			(long long)st.st_size, CFGFILE_MAX_SIZE);
		return -EFBIG;
	}
	/*
	 * Room for the file as it is, grown if it grows meanwhile; one byte
	 * more than the limit tells a file that grew past it.
	 */
	cap = (size_t)st.st_size + 2;
	cap = cap < 256			 ? 256 :
	      cap > CFGFILE_MAX_SIZE + 2 ? CFGFILE_MAX_SIZE + 2 :
					   cap;
	data = xreallocarray(NULL, cap, 1);
	while (got <= CFGFILE_MAX_SIZE) {
		if (got + 1 >= cap) {
			cap = cap * 2 > CFGFILE_MAX_SIZE + 2 ?
				      CFGFILE_MAX_SIZE + 2 :
				      cap * 2;
			data = xreallocarray(data, cap, 1);
		}
		n = read(fd, data + got, cap - 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err = -errno;
			free(data);
			close(fd);
			diags_add(d, DIAG_ERROR, &loc, "cannot read: %s",
				  strerror(-err));
			return err;
		}
		if (n == 0)
			break;
		got += (size_t)n;
		/* as long as fstat said: no read more just to see the end */
		if (st.st_size > 0 && got == (size_t)st.st_size)
			break;
	}
	close(fd);
	if (got > CFGFILE_MAX_SIZE) {
		free(data);
		diags_add(
			d, DIAG_ERROR, &loc,
			"too large for a configuration file (at most %d bytes); refused",
			CFGFILE_MAX_SIZE);
		return -EFBIG;
	}
	nul = memchr(data, '\0', got);
	if (nul) {
		unsigned int line = 1;
		const char *p;

		for (p = data; p < nul; p++)
			line += *p == '\n';
		free(data);
		loc.line = line;
		diags_add(
			d, DIAG_ERROR, &loc,
			"holds a NUL byte: a binary file, not configuration text; refused");
		return -EINVAL;
	}
	data[got] = '\0';
	*buf = xreallocarray(data, got + 1, 1);
	*len = got;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int cfgfile_list(const char *dir, char ***names, size_t *n, struct diags *d)
{
	struct diag_loc loc = { .source = dir };
	struct dirent *e;
	DIR *dp;
	int err;

	*names = NULL;
	*n = 0;
	dp = opendir(dir);
	if (!dp) {
		err = -errno;
		if (err == -ENOENT || err == -ENOTDIR)
			return -ENOENT;
		diags_add(d, DIAG_ERROR, &loc, "cannot list: %s",
			  strerror(-err));
		return err;
	}
	while ((e = readdir(dp))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (*n == CFGFILE_MAX_ENTRIES) {
			diags_add(
				d, DIAG_ERROR, &loc,
				"more than %d entries; only the first %d (by the system's order) are read",
				CFGFILE_MAX_ENTRIES, CFGFILE_MAX_ENTRIES);
			break;
		}
		*names = xreallocarray(*names, *n + 1, sizeof(char *));
		(*names)[(*n)++] = xstrdup(e->d_name);
	}
	closedir(dp);
	if (*n)
		qsort(*names, *n, sizeof(char *), by_name);
	return 0;
}

void cfgfile_list_free(char **names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int cfgfile_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}
