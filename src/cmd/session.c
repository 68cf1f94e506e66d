// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What the commands that read and change live bonds share, in bondcfg and
 * in ifenslave: the global options, reading the links and the host's
 * configuration, a run's start and end (privilege, lock, exit status,
 * diagnostics), and what it says of the plans it runs (engine/run.c).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "cmd/cli.h"
#include "model/ifname.h"
#include "kernel/nl.h"
#include "cmd/output.h"
#include "engine/records.h"
#include "engine/runlock.h"
#include "cmd/session.h"
#include "model/xalloc.h"

/* CAP_NET_ADMIN, from linux/capability.h */
#define CAP_NET_ADMIN_BIT 12

/* How long a run waits for another one holding the lock. */
#define LOCK_TIMEOUT_MS 60000

struct bondcfg_globals bondcfg = { .formats = HOST_ALL_FORMATS };
const struct session_guard *session_guard;

int session_read_host(struct host_conf *h, struct diags *d)
{
	return formats_read_host(h, bondcfg.formats, d);
}

int session_read_links(const char *cmd, struct nl **nl, struct linkset *ls)
{
	int rc = bnl_open(nl);

	if (!rc)
		rc = bnl_dump_links(*nl, ls);
	if (rc)
		cli_error("%s%sreading the links: %s", cmd ? cmd : "",
			  cmd ? ": " : "", strerror(-rc));
	return rc;
}

const struct link *session_bond(const char *cmd, const struct linkset *ls,
				const char *name)
{
	const struct link *l = linkset_find(ls, name);

	if (l && l->is_bond)
		return l;
	cli_error("%s: %s: %s", cmd, name, l ? "not a bond" : "no such device");
	return NULL;
}

int session_read_bonds(const char *cmd, struct nl **nl, struct linkset *ls,
		       const char *const *names)
{
	size_t i;

	if (session_read_links(cmd, nl, ls))
		return -1;
	for (i = 0; names && names[i]; i++)
		if (!session_bond(cmd, ls, names[i]))
			return -1;
	return 0;
}

struct host_conf *session_host(struct host_conf *read_conf,
			       const struct diags *read, struct host_conf *own,
			       struct diags *d)
{
	if (read_conf) {
		session_add_diags(d, read);
		return read_conf;
	}
	host_conf_init(own, bondcfg.root);
	session_read_host(own, d);
	return own;
}

void session_add_diags(struct diags *to, const struct diags *from)
{
	unsigned int errors = 0, warnings = 0;
	size_t i;

	for (i = 0; i < from->n; i++) {
		diags_add(to, from->v[i].severity,
			  from->v[i].loc.source ? &from->v[i].loc : NULL, "%s",
			  from->v[i].message);
		errors += from->v[i].severity == DIAG_ERROR;
		warnings += from->v[i].severity == DIAG_WARNING;
	}
	/* those past DIAGS_MAX, counted only */
	to->errors += from->errors - errors;
	to->warnings += from->warnings - warnings;
	to->dropped += from->dropped;
}

bool session_can_admin(void)
{
	unsigned long long caps;
	char line[256];
	bool found = false, ok = false;
	FILE *f = fopen("/proc/self/status", "re");

	if (!f)
		return geteuid() == 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "CapEff: %llx", &caps) == 1) {
			found = true;
			ok = caps & (1ULL << CAP_NET_ADMIN_BIT);
			break;
		}
	fclose(f);
	return found ? ok : geteuid() == 0;
}

void session_report(const struct diags *d)
{
	static const int prio[] = { [DIAG_ERROR] = LOG_ERR,
				    [DIAG_WARNING] = LOG_WARNING,
				    [DIAG_NOTE] = LOG_INFO };
	char at[1024];
	size_t i;

	for (i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];

		if (g->severity == DIAG_NOTE && !bondcfg.verbose)
			continue;
		output_diag(g, stderr);
		if (!bondcfg.syslog)
			continue;
		diag_loc_format(&g->loc, at, sizeof(at));
		syslog(prio[g->severity], "%s%s%s: %s", at, *at ? ": " : "",
		       diag_severity_name(g->severity), g->message);
	}
}

/* --- a run ---------------------------------------------------------------- */

/* Raises the exit status: failures of the kernel above configuration. */
void session_fail(struct session *s, int rc)
{
	if (rc == CLI_EXIT_NO_BONDING && s->rc != rc)
		diags_add(
			&s->d, DIAG_ERROR, NULL,
			"the kernel has no bonding support: the bonding module is missing or cannot be loaded (try 'modprobe bonding'; see also 'options bonding' and blacklists in /etc/modprobe.d)");
	static const int rank[] = {
		[CLI_EXIT_OK] = 0,	  [CLI_EXIT_CONFIG] = 1,
		[CLI_EXIT_FAILURE] = 2,	  [CLI_EXIT_USAGE] = 3,
		[CLI_EXIT_PRIVILEGE] = 4, [CLI_EXIT_NO_BONDING] = 5,
		[CLI_EXIT_DRIFT] = 0, /* check --live only */
	};

	if (rank[rc] > rank[s->rc])
		s->rc = rc;
}

/* The exit status for a kernel error. */
int session_status(int err)
{
	/*
	 * EPERM after the capability check is the driver refusing a value,
	 * not a lack of privilege.
	 */
	switch (-err) {
	case EOPNOTSUPP:
		return CLI_EXIT_NO_BONDING;
	}
	return CLI_EXIT_FAILURE;
}

int session_open(struct session *s, const char *cmd, bool dry_run)
{
	pid_t holder;
	int rc;

	memset(s, 0, sizeof(*s));
	s->cmd = cmd;
	s->lock = -1;
	diags_init(&s->d);
	if (!dry_run) {
		if (!session_can_admin()) {
			cli_error(
				"%s%schanging bonds needs CAP_NET_ADMIN: run it as root",
				cmd ? cmd : "", cmd ? ": " : "");
			return CLI_EXIT_PRIVILEGE;
		}
		s->lock = runlock_take(LOCK_TIMEOUT_MS, &holder);
		if (s->lock < 0) {
			if (s->lock == -ETIMEDOUT)
				cli_error(
					"%s%sanother run (pid %ld) has held %s/lock for %d s; giving up",
					cmd ? cmd : "", cmd ? ": " : "",
					(long)holder, runlock_dir(),
					LOCK_TIMEOUT_MS / 1000);
			else if (s->lock == -EPERM || s->lock == -ENOTDIR)
				cli_error(
					"%s%s%s: refused: the run folder must be a folder (not a link) of root's, written by no one else, and its lock a regular file with one name; remove it, and bondcfg creates it again (mode 0700)",
					cmd ? cmd : "", cmd ? ": " : "",
					runlock_dir());
			else
				cli_error("%s%scannot take the lock in %s: %s",
					  cmd ? cmd : "", cmd ? ": " : "",
					  runlock_dir(), strerror(-s->lock));
			return CLI_EXIT_FAILURE;
		}
		if (session_guard && session_guard->refuses(cmd))
			return CLI_EXIT_FAILURE;
	}
	rc = session_read_links(cmd, &s->nl, &s->ls);
	return rc ? session_status(rc) : -1;
}

int session_close(struct session *s)
{
	/* a dry run writes nothing, the records neither */
	if (s->lock >= 0)
		records_flush(&s->d);
	session_report(&s->d);
	if (bondcfg.verbose && s->nl)
		fprintf(stderr, "%s: %u change%s sent in %u round trip%s\n",
			s->cmd ? s->cmd : cli_progname(), bnl_changes(s->nl),
			bnl_changes(s->nl) == 1 ? "" : "s",
			bnl_round_trips(s->nl),
			bnl_round_trips(s->nl) == 1 ? "" : "s");
	if (s->nl) {
		linkset_free(&s->ls);
		bnl_close(s->nl);
	}
	runlock_release(s->lock);
	diags_free(&s->d);
	return s->rc;
}

void session_print_plans(const struct target *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (t[i].skip)
			continue;
		if (!t[i].plan.n)
			printf("%s: nothing to change\n", t[i].want.name);
		else
			output_plan(&t[i].plan, stdout);
	}
}

/* What happened to a bond, on stdout, unless -q. */
static void say_done(const struct target *t)
{
	size_t k;
	bool disrupted = false, deleted = false, released = true;

	for (k = 0; k < t->plan.n; k++) {
		disrupted |= t->plan.v[k].disruptive;
		deleted |= t->plan.v[k].kind == STEP_DELETE;
		released &= t->plan.v[k].kind == STEP_RELEASE ||
			    t->plan.v[k].kind == STEP_SLAVE_UP;
	}
	if (bondcfg.quiet)
		return;
	if (!t->plan.n)
		printf("%s: unchanged\n", t->want.name);
	else if (deleted)
		printf("%s: deleted\n", t->want.name);
	else if (released && t->gives_back)
		printf("%s: slaves released\n", t->want.name);
	else
		printf("%s: %s%s\n", t->want.name,
		       t->existed ? "changed" : "created",
		       disrupted ? " (traffic was interrupted)" : "");
}

void session_run(struct session *s, struct target *t, size_t n,
		 unsigned int flags)
{
	size_t i;
	int rc;

	if (session_guard && session_guard->begin(s, t, n))
		return;
	rc = run_targets(s->nl, &s->ls, t, n, flags, &s->d);
	if (rc)
		session_fail(s, session_status(rc));
	for (i = 0; i < n; i++)
		if (!t[i].skip && !t[i].failed)
			say_done(&t[i]);
	if (session_guard)
		session_guard->end(s, t, n);
}

bool session_give_back(struct session *s, struct target *t)
{
	t->gives_back = true;
	return records_plan_give_back(&t->plan, &t->want, &s->ls, &s->d);
}
