/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the commands that read and change live bonds share, bondcfg's and
 * ifenslave: the global options, reading the links and the host's
 * configuration, and a run: the privilege check, the run lock, the kernel's
 * state, the plans run with rollback, the exit status.
 */
#ifndef BONDCFG_SESSION_H
#define BONDCFG_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "model/diag.h"
#include "formats/formats.h"
#include "kernel/linkset.h"
#include "engine/run.h"

struct bondcfg_globals {
	const char *root; /* --root: a configuration tree instead of / */
	unsigned int formats; /* --source: HOST_FORMAT_BIT()s to read */
	int quiet;
	int verbose;
	int syslog; /* --syslog: diagnostics to syslog too, for hooks */
};

extern struct bondcfg_globals bondcfg;

/* Reads and merges the host's configuration as the global options say. */
int session_read_host(struct host_conf *h, struct diags *d);

struct nl;

/*
 * Opens netlink and reads every link into @ls; on failure says so as
 * command @cmd and returns -errno. @nl stays to be closed either way.
 */
int session_read_links(const char *cmd, struct nl **nl, struct linkset *ls);

/* The bond called @name in @ls; otherwise says why not, as @cmd: NULL. */
const struct link *session_bond(const char *cmd, const struct linkset *ls,
				const char *name);

/*
 * Reads the links, as session_read_links(), and checks that each of
 * @names (NULL-terminated, or NULL) is a bond, as session_bond(). Returns
 * 0, or -1 after saying what is wrong.
 */
int session_read_bonds(const char *cmd, struct nl **nl, struct linkset *ls,
		       const char *const *names);

/*
 * The host's configuration: @read_conf if it was read already (its
 * diagnostics @read copied to @d), else @own, read now into @d.
 */
struct host_conf *session_host(struct host_conf *read_conf,
			       const struct diags *read, struct host_conf *own,
			       struct diags *d);

/* Adds a copy of each diagnostic of @from to @to. */
void session_add_diags(struct diags *to, const struct diags *from);

/* Whether this process may change links (CAP_NET_ADMIN). */
bool session_can_admin(void);

/*
 * Prints the diagnostics of @d on stderr (notes only with -v), and sends
 * them to syslog with --syslog.
 */
void session_report(const struct diags *d);

/* --- a run ------------------------------------------------------------------ */

/* A run: the kernel's state, the diagnostics, the lock. */
struct session {
	const char *cmd; /* the command, for messages; NULL for none */
	struct nl *nl;
	struct linkset ls;
	struct diags d;
	int lock;
	int rc; /* the exit status so far */
};

/*
 * Checks the privilege and takes the run lock (unless @dry_run), opens
 * netlink and reads the links. Returns -1 when the run can go on, else
 * the exit status, after saying why.
 */
int session_open(struct session *s, const char *cmd, bool dry_run);

/* Raises the exit status to @rc if that ranks higher. */
void session_fail(struct session *s, int rc);

/* The exit status for a kernel error -errno. */
int session_status(int err);

/*
 * Writes back the slave records, reports the diagnostics, releases the
 * lock; returns the exit status.
 */
int session_close(struct session *s);

/*
 * Adds to the plan of @t the steps that bring up the slaves it releases
 * that were up before they were enslaved (engine/records.h). Returns
 * whether there are records of its bond, which the run forgets.
 */
bool session_give_back(struct session *s, struct target *t);

/*
 * What guards the runs that change links (--confirm, confirm.h), once
 * installed: whether one is refused (a change is pending), and what is
 * done before and after its targets run. Begin returns -1 when nothing
 * is to change.
 */
struct session_guard {
	bool (*refuses)(const char *cmd);
	int (*begin)(struct session *s, const struct target *t, size_t n);
	void (*end)(struct session *s, const struct target *t, size_t n);
};

extern const struct session_guard *session_guard;

/* Prints the plan of each target that is not skipped. */
void session_print_plans(const struct target *t, size_t n);

/*
 * Runs the plans of the targets: all in one batch first; if that fails it
 * is rolled back and each target is run on its own. Says what happened to
 * each bond on stdout unless -q; records the slaves' state before.
 */
void session_run(struct session *s, struct target *t, size_t n,
		 unsigned int flags);

#endif
