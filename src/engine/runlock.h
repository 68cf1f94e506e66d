/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The lock that serializes the runs that change bonds: an flock(2) on a
 * file under /run. The kernel drops it when its holder exits, however it
 * exits, so a run killed while holding it leaves nothing to clean up; the
 * file only tells who holds it.
 */
#ifndef BONDCFG_RUNLOCK_H
#define BONDCFG_RUNLOCK_H

#include <sys/types.h>

/* The folder of the lock: $BONDCFG_RUN_DIR, else /run/bondcfg. */
const char *runlock_dir(void);

/*
 * Takes the lock, waiting up to @timeout_ms for the run holding it.
 * Returns the file descriptor that holds it, or -errno: -ETIMEDOUT with
 * *@holder set to the holder's pid (0 if unknown).
 */
int runlock_take(int timeout_ms, pid_t *holder);

void runlock_release(int fd);

#endif
