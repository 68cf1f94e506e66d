/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Configuration files on disk, read with bounds: a file is read whole only
 * when it is a regular file of reasonable size holding text, and folders
 * are listed in a fixed order.
 */
#ifndef BONDCFG_CFGFILE_H
#define BONDCFG_CFGFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "model/diag.h"

/* No configuration file is anywhere near this; a larger one is refused. */
#define CFGFILE_MAX_SIZE (1024 * 1024)
/* Nor does a configuration folder hold more entries than this. */
#define CFGFILE_MAX_ENTRIES 10000

/*
 * Whether the resolved path @real lies outside the tree @real_root (the
 * resolved --root; "" or "/" for none).
 */
bool cfgfile_outside(const char *real_root, const char *real);

/*
 * Reads the file @path into a NUL-terminated @buf of @len bytes. Refuses,
 * with an error on @d naming the file, a link that leads out of the tree
 * @root (a --root prefix; "" for /), what is not a regular file, what is
 * larger than CFGFILE_MAX_SIZE and what holds a NUL byte (binary). The
 * text of a file that not every user may read is quoted by no diagnostic
 * (diags_hide_text_of()). Returns 0, -ENOENT (nothing reported) when
 * there is no such file (a link to nothing is reported), or another -errno
 * (reported).
 */
int cfgfile_read(const char *root, const char *path, char **buf, size_t *len,
		 struct diags *d);

/*
 * The names in the folder @dir, except "." and "..", sorted bytewise (not
 * by locale, so the order is the same everywhere). Returns 0, -ENOENT
 * (nothing reported), or another -errno (reported on @d).
 */
int cfgfile_list(const char *dir, char ***names, size_t *n, struct diags *d);

void cfgfile_list_free(char **names, size_t n);

/* Whether @path names a regular file (following links). */
int cfgfile_exists(const char *path);

#endif
