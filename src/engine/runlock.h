/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The lock that serializes the runs that change bonds: an flock(2) on a
 * file under /run. The kernel drops it when its holder exits, however it
 * exits, so a run killed while holding it leaves nothing to clean up; the
 * file only tells who holds it.
 */
#ifndef BONDCFG_RUNLOCK_H
#define BONDCFG_RUNLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* The folder of the lock: $BONDCFG_RUN_DIR, else /run/bondcfg. */
const char *runlock_dir(void);

/*
 * The run folder, opened once (created 0700 if @create): refused with
 * -ENOTDIR if it is a link or no folder, -EPERM if it is owned by a user
 * other than root and us or writable by others, since what is in it
 * tells root which devices to bring up. Returns the descriptor (kept
 * open) or -errno.
 */
int runlock_dirfd(bool create);

/*
 * Opens file @name of the run folder with @flags (O_CREAT: mode 0600),
 * never through a link and without blocking: refused with -EPERM unless
 * it is a regular file with one name (or none: runlock_replace() put
 * another in its place since it was opened, and a reader reads the old
 * one whole), ours as the folder is; -EFBIG past @max_size bytes.
 * Returns the descriptor or -errno.
 */
int runlock_open(const char *name, int flags, off_t max_size);

/*
 * Replaces file @name of the run folder with @len bytes of @data: written
 * to a new file of its own (O_EXCL), synced, and renamed over it, so that
 * a reader sees the old or the new whole. Returns 0 or -errno.
 */
int runlock_replace(const char *name, const char *data, size_t len);

/* Removes file @name of the run folder, if there is one. */
int runlock_remove(const char *name);

/*
 * Takes the lock, waiting up to @timeout_ms for the run holding it.
 * Returns the file descriptor that holds it, or -errno: -ETIMEDOUT with
 * *@holder set to the holder's pid (0 if unknown).
 */
int runlock_take(int timeout_ms, pid_t *holder);

void runlock_release(int fd);

#endif
