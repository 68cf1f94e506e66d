// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The run lock: flock(2) on <dir>/lock, the holder's pid written in it.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "engine/runlock.h"

const char *runlock_dir(void)
{
	const char *dir = getenv("BONDCFG_RUN_DIR");

	return dir && *dir ? dir : "/run/bondcfg";
}

static pid_t read_holder(int fd)
{
	char buf[32];
	ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);

	if (n <= 0)
		return 0;
	buf[n] = '\0';
	return (pid_t)strtol(buf, NULL, 10);
}

static void on_alarm(int sig)
{
	(void)sig;
}

/* flock(LOCK_EX) that gives up after @timeout_ms with EINTR. */
static int lock_within(int fd, int timeout_ms)
{
	struct sigaction sa, old_sa;
	struct itimerval t, old_t;
	int rc, err;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm; /* no SA_RESTART: flock returns EINTR */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, &old_sa);
	memset(&t, 0, sizeof(t));
	t.it_value.tv_sec = timeout_ms / 1000;
	t.it_value.tv_usec = (timeout_ms % 1000) * 1000;
	setitimer(ITIMER_REAL, &t, &old_t);
	rc = flock(fd, LOCK_EX);
	err = errno;
	memset(&t, 0, sizeof(t));
	setitimer(ITIMER_REAL, &t, NULL);
	sigaction(SIGALRM, &old_sa, NULL);
	errno = err;
	return rc;
}

int runlock_take(int timeout_ms, pid_t *holder)
{
	char path[4096], pid[32];
	const char *dir = runlock_dir();
	int fd, len;

	*holder = 0;
	if (mkdir(dir, 0755) && errno != EEXIST)
		return -errno;
	snprintf(path, sizeof(path), "%s/lock", dir);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (fd < 0)
		return -errno;
	if (flock(fd, LOCK_EX | LOCK_NB)) {
		if (errno != EWOULDBLOCK) {
			len = -errno;
			close(fd);
			return len;
		}
		*holder = read_holder(fd);
		if (lock_within(fd, timeout_ms)) {
			len = errno == EINTR ? -ETIMEDOUT : -errno;
			*holder = read_holder(fd);
			close(fd);
			return len;
		}
	}
	len = snprintf(pid, sizeof(pid), "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) || pwrite(fd, pid, (size_t)len, 0) != len) {
		/* the lock holds without the pid; only diagnostics lose */
	}
	return fd;
}

void runlock_release(int fd)
{
	if (fd >= 0)
		close(fd);
}
