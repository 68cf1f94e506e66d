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

static int dir_fd = -1;

/*
 * Whether @st is ours to trust: owned by root or by the user we run as,
 * and writable by nobody else.
 */
static int trusted(const struct stat *st)
{
	if (st->st_uid != 0 && st->st_uid != geteuid())
		return -EPERM;
	return st->st_mode & 022 ? -EPERM : 0;
}

int runlock_dirfd(bool create)
{
	const char *dir = runlock_dir();
	struct stat st;
	int fd, rc;

	if (dir_fd >= 0)
		return dir_fd;
	if (create && mkdir(dir, 0700) && errno != EEXIST)
		return -errno;
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return errno == ELOOP ? -ENOTDIR : -errno;
	rc = fstat(fd, &st) ? -errno : trusted(&st);
	if (rc) {
		close(fd);
		return rc;
	}
	return dir_fd = fd;
}

int runlock_open(const char *name, int flags, off_t max_size)
{
	int dir = runlock_dirfd(flags & O_CREAT), fd, rc;
	struct stat st;

	if (dir < 0)
		return dir;
	fd = openat(dir, name,
		    flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY,
		    0600);
	if (fd < 0)
		return errno == ELOOP ? -EPERM : -errno;
	if (fstat(fd, &st))
		rc = -errno;
	/* 0 links: replaced by runlock_replace() since it was opened */
	else if (!S_ISREG(st.st_mode) || st.st_nlink > 1)
		rc = -EPERM;
	else if (st.st_size > max_size)
		rc = -EFBIG;
	else
		rc = trusted(&st);
	if (rc) {
		close(fd);
		return rc;
	}
	return fd;
}

int runlock_replace(const char *name, const char *data, size_t len)
{
	int dir = runlock_dirfd(true), fd, rc = 0;
	char tmp[64];
	size_t done = 0;
	ssize_t w;

	if (dir < 0)
		return dir;
	snprintf(tmp, sizeof(tmp), "%s.new", name);
	/* under the lock: one left by a run that was killed goes */
	if (unlinkat(dir, tmp, 0) && errno != ENOENT)
		return -errno;
	fd = openat(dir, tmp,
		    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return -errno;
	while (!rc && done < len) {
		w = write(fd, data + done, len - done);
		if (w < 0 && errno != EINTR)
			rc = -errno;
		else if (w > 0)
			done += (size_t)w;
	}
	if (!rc && fsync(fd))
		rc = -errno;
	if (close(fd) && !rc)
		rc = -errno;
	if (!rc && renameat(dir, tmp, dir, name))
		rc = -errno;
	if (rc)
		unlinkat(dir, tmp, 0);
	return rc;
}

int runlock_remove(const char *name)
{
	int dir = runlock_dirfd(false);

	if (dir < 0)
		return dir == -ENOENT ? 0 : dir;
	return unlinkat(dir, name, 0) && errno != ENOENT ? -errno : 0;
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
	char pid[32];
	int fd, len;

	*holder = 0;
	fd = runlock_open("lock", O_RDWR | O_CREAT, 64);
	if (fd < 0)
		return fd;
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
