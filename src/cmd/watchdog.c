// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The watchdog of a pending change: a process of its own session, with no
 * terminal and nothing of its parent's open, which SIGHUP does not stop;
 * it wakes every second, reads the pending change, and at its deadline
 * reverts it under the run lock, like any change; with --confirm-check it
 * probes the address through the bonds meanwhile and confirms the change
 * when it answers. What it does goes to syslog.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "cmd/cli.h"
#include "cmd/confirm.h"
#include "engine/records.h"
#include "engine/revert.h"
#include "engine/runlock.h"
#include "kernel/nl.h"
#include "kernel/probe.h"

/* How long a probe waits for its answer, and the watchdog between looks. */
#define TICK_MS 1000

/* Field 22 of /proc/PID/stat, the start time: 0 if there is no such process. */
static unsigned long long start_time(pid_t pid)
{
	unsigned long long t = 0;
	char path[64], buf[1024], *p;
	size_t len;
	FILE *f;
	int field;

	snprintf(path, sizeof(path), "/proc/%ld/stat", (long)pid);
	f = fopen(path, "re");
	if (!f)
		return 0;
	len = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[len] = '\0';
	/* after the name, which may hold spaces and parentheses */
	p = strrchr(buf, ')');
	for (field = 2; p && field < 22; field++)
		p = strchr(p + 1, ' ');
	if (p)
		t = strtoull(p + 1, NULL, 10);
	return t;
}

void watchdog_stop(const struct pending *p)
{
	if (p->watchdog > 0 && p->watchdog != getpid() &&
	    start_time(p->watchdog) == p->watchdog_start)
		kill(p->watchdog, SIGTERM);
}

/*
 * Nothing of the command's: descriptors (but the run folder's), terminal,
 * signals, what it read of the slave records.
 */
static void detach(void)
{
	int keep = runlock_dirfd(false);
	static const int ignored[] = { SIGHUP,	SIGINT,	 SIGQUIT, SIGPIPE,
				       SIGTSTP, SIGTTIN, SIGTTOU };
	int null = open("/dev/null", O_RDWR | O_CLOEXEC), fd;
	struct dirent *e;
	sigset_t none;
	DIR *dir;
	size_t i;

	for (fd = 0; null >= 0 && fd < 3; fd++)
		if (fd != null)
			dup2(null, fd);
	if (null > 2)
		close(null);
	dir = opendir("/proc/self/fd");
	while (dir && (e = readdir(dir)))
		if (atoi(e->d_name) > 2 && atoi(e->d_name) != dirfd(dir) &&
		    atoi(e->d_name) != keep)
			close(atoi(e->d_name));
	if (dir)
		closedir(dir);
	for (i = 0; i < sizeof(ignored) / sizeof(ignored[0]); i++)
		signal(ignored[i], SIG_IGN);
	signal(SIGTERM, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	records_reset();
	if (chdir("/"))
		return;
}

/*
 * Whether @p->check answers through one of the bonds it saved, each
 * probed once: 1 if it does (*@via the bond), 0 if it did not in
 * TICK_MS, -1 if none could be probed.
 */
static int check_answers(const struct pending *p, const char **via)
{
	struct pollfd pfd = { .events = POLLIN };
	struct probe *pr;
	uint16_t seq = 0;
	int answered = -1;
	size_t i;

	for (i = 0; i < p->n && answered <= 0; i++) {
		if (!p->v[i].bond || !if_nametoindex(p->v[i].name) ||
		    probe_open_dev(&pr, p->check, p->v[i].name))
			continue;
		pfd.fd = probe_fd(pr);
		answered = 0;
		if (!probe_send(pr, 1) && poll(&pfd, 1, TICK_MS) > 0)
			answered = probe_recv(pr, &seq) > 0;
		if (answered > 0)
			*via = p->v[i].name;
		probe_close(pr);
	}
	return answered;
}

/*
 * The deadline came, or the address answered (@via the bond): the change
 * reverted, or confirmed, under the lock, if it is still the one of @id
 * and, for a revert, its deadline is still past: the command that made
 * the change moves it to the change's end, and may have held the lock
 * until then. Returns whether the watchdog is done.
 */
static bool act(const char *id, const char *via)
{
	struct session s;
	struct pending p;
	bool done = true;
	int tries;

	confirm_ending = true;
	/* the lock: the command may still be changing the links */
	for (tries = 0; session_open(&s, "watchdog", false) >= 0; tries++) {
		session_close(&s);
		if (tries == 10)
			return true;
		poll(NULL, 0, TICK_MS);
	}
	pending_init(&p);
	if (pending_read(&p, &s.d) || strcmp(p.id, id) ||
	    p.state != PENDING_WAITING) {
		/* confirmed, reverted, or another change meanwhile */
	} else if (via) {
		pending_remove();
		diags_add(
			&s.d, DIAG_WARNING, NULL,
			"confirmed: %s answered through %s: the change made by '%s' stays",
			p.check, via, p.command);
	} else if (p.deadline_boot > pending_boot_now()) {
		done = false;
	} else {
		diags_add(
			&s.d, DIAG_WARNING, NULL,
			"the change made by '%s' was not confirmed in time: reverting it",
			p.command);
		watchdog_revert(&s, &p);
	}
	pending_free(&p);
	session_close(&s);
	return done;
}

/* Reads of the saved state that may fail in a row before it gives up. */
#define READ_TRIES 60

static void watchdog_main(const char *id)
{
	const char *via = NULL;
	struct pending p;
	struct diags d;
	bool go_on = true;
	long long left;
	int answered, rc, failed = 0;

	bondcfg.syslog = 1;
	bondcfg.quiet = 1;
	openlog("bondcfg", LOG_PID, LOG_DAEMON);
	while (go_on) {
		pending_init(&p);
		diags_init(&d);
		rc = pending_read(&p, &d);
		/*
		 * Only a change confirmed, reverted or replaced ends it: a
		 * read that fails is tried again, for a minute.
		 */
		if (rc && rc != -ENOENT && ++failed < READ_TRIES) {
			poll(NULL, 0, TICK_MS);
			pending_free(&p);
			diags_free(&d);
			continue;
		}
		if (rc && rc != -ENOENT)
			syslog(LOG_ERR,
			       "cannot read the pending change in %s/%s (%s): not reverted; run 'bondcfg revert'",
			       runlock_dir(), PENDING_FILE, strerror(-rc));
		failed = 0;
		go_on = !rc && !strcmp(p.id, id) && p.state == PENDING_WAITING;
		left = p.deadline_boot - pending_boot_now();
		if (go_on && left <= 0) {
			go_on = !act(id, NULL);
		} else if (go_on && *p.check) {
			answered = check_answers(&p, &via);
			if (answered > 0)
				go_on = !act(id, via);
			else if (answered < 0)
				poll(NULL, 0, TICK_MS);
		} else if (go_on) {
			poll(NULL, 0, TICK_MS);
		}
		pending_free(&p);
		diags_free(&d);
	}
}

int watchdog_start(struct pending *p)
{
	char id[sizeof(p->id)];
	pid_t child, wd = -1;
	int fds[2], status;

	snprintf(id, sizeof(id), "%s", p->id);
	if (pipe2(fds, O_CLOEXEC))
		return -errno;
	fflush(NULL);
	child = fork();
	if (child < 0) {
		close(fds[0]);
		close(fds[1]);
		return -EAGAIN;
	}
	if (!child) {
		/* a session of its own, then a process that is not its
		 * leader: no terminal can become its controlling one */
		setsid();
		wd = fork();
		if (!wd) {
			detach();
			watchdog_main(id);
			_exit(0);
		}
		if (write(fds[1], &wd, sizeof(wd)) != sizeof(wd))
			_exit(1);
		_exit(wd < 0);
	}
	close(fds[1]);
	if (read(fds[0], &wd, sizeof(wd)) != sizeof(wd))
		wd = -1;
	close(fds[0]);
	waitpid(child, &status, 0);
	if (wd <= 0)
		return -EAGAIN;
	p->watchdog = wd;
	p->watchdog_start = start_time(wd);
	return 0;
}

int watchdog_revert(struct session *s, struct pending *p)
{
	struct revert r;
	struct linkset now;
	size_t left = 0;
	int rc = revert_plan(&r, p, &s->ls, &s->d);

	if (!rc) {
		if (bondcfg.verbose)
			session_print_plans(r.t, r.n);
		run_targets(s->nl, &s->ls, r.t, r.n, 0, &s->d);
	}
	revert_free(&r);
	rc = bnl_dump_links(s->nl, &now);
	if (rc) {
		diags_add(&s->d, DIAG_ERROR, NULL,
			  "revert: reading the links back: %s", strerror(-rc));
		left = 1;
	} else {
		left = revert_left_different(p, &now, &s->d);
		linkset_free(&now);
	}
	if (!left) {
		pending_remove();
		if (!bondcfg.quiet)
			printf("reverted: the links are as they were before '%s'\n",
			       p->command);
		if (bondcfg.syslog)
			diags_add(
				&s->d, DIAG_WARNING, NULL,
				"reverted: the links are as they were before '%s'",
				p->command);
		return 0;
	}
	p->state = PENDING_FAILED;
	pending_write(p);
	diags_add(
		&s->d, DIAG_ERROR, NULL,
		"revert: the links above are left different from before '%s'; the saved state is kept in %s/%s: run 'bondcfg revert' to try again, or 'bondcfg confirm' to keep the links as they are",
		p->command, runlock_dir(), PENDING_FILE);
	session_fail(s, CLI_EXIT_FAILURE);
	return -1;
}
