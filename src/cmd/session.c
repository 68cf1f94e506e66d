// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What the commands that read and change live bonds share, in bondcfg and
 * in ifenslave: the global options, reading the links and the host's
 * configuration, the run lock, the record of what slaves were before they
 * were enslaved, and running plans with rollback.
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
#include "engine/runlock.h"
#include "cmd/session.h"
#include "model/xalloc.h"

/* CAP_NET_ADMIN, from linux/capability.h */
#define CAP_NET_ADMIN_BIT 12

/* How long a run waits for another one holding the lock. */
#define LOCK_TIMEOUT_MS 60000

struct bondcfg_globals bondcfg = { .formats = HOST_ALL_FORMATS };

int bondcfg_read_host(struct host_conf *h, struct diags *d)
{
	return host_conf_read(h, bondcfg.formats, d);
}

int bondcfg_read_links(const char *cmd, struct nl **nl, struct linkset *ls)
{
	int rc = bnl_open(nl);

	if (!rc)
		rc = bnl_dump_links(*nl, ls);
	if (rc)
		cli_error("%s%sreading the links: %s", cmd ? cmd : "",
			  cmd ? ": " : "", strerror(-rc));
	return rc;
}

const struct link *bondcfg_bond(const char *cmd, const struct linkset *ls,
				const char *name)
{
	const struct link *l = linkset_find(ls, name);

	if (l && l->is_bond)
		return l;
	cli_error("%s: %s: %s", cmd, name, l ? "not a bond" : "no such device");
	return NULL;
}

int bondcfg_read_bonds(const char *cmd, struct nl **nl, struct linkset *ls,
		       const char *const *names)
{
	size_t i;

	if (bondcfg_read_links(cmd, nl, ls))
		return -1;
	for (i = 0; names && names[i]; i++)
		if (!bondcfg_bond(cmd, ls, names[i]))
			return -1;
	return 0;
}

bool bondcfg_can_admin(void)
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

void bondcfg_report(const struct diags *d)
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
		if (!bondcfg_can_admin()) {
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
			else
				cli_error("%s%scannot take the lock in %s: %s",
					  cmd ? cmd : "", cmd ? ": " : "",
					  runlock_dir(), strerror(-s->lock));
			return CLI_EXIT_FAILURE;
		}
	}
	rc = bondcfg_read_links(cmd, &s->nl, &s->ls);
	return rc ? session_status(rc) : -1;
}

static void records_flush(void);

int session_close(struct session *s)
{
	records_flush();
	bondcfg_report(&s->d);
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

static void copy_diags(struct diags *to, const struct diags *from)
{
	size_t i;

	for (i = 0; i < from->n; i++)
		diags_add(to, from->v[i].severity, &from->v[i].loc, "%s",
			  from->v[i].message);
}

/* --- what slaves were before they were enslaved -------------------------- */

/*
 * Releasing a slave leaves it down. Whether it was up before it was
 * enslaved is kept in <run dir>/slaves, one "BOND SLAVE up|down" line per
 * slave, so that down and release give it back as it was. The file is read
 * once and written once per run.
 */
struct slave_record {
	char bond[IF_NAMESIZE];
	char name[IF_NAMESIZE];
	bool up;
};

#define MAX_RECORDS 4096

static struct {
	struct slave_record v[MAX_RECORDS];
	size_t n;
	bool loaded;
	bool dirty;
} records;

static void record_path(char *buf, size_t size)
{
	snprintf(buf, size, "%s/slaves", runlock_dir());
}

static void records_load(void)
{
	char path[4096], line[80], state[8];
	struct slave_record *r;
	FILE *f;

	if (records.loaded)
		return;
	records.loaded = true;
	record_path(path, sizeof(path));
	f = fopen(path, "re");
	if (!f)
		return;
	while (records.n < MAX_RECORDS && fgets(line, sizeof(line), f)) {
		r = &records.v[records.n];
		if (sscanf(line, "%15s %15s %7s", r->bond, r->name, state) ==
			    3 &&
		    !ifname_check(r->bond) && !ifname_check(r->name)) {
			r->up = !strcmp(state, "up");
			records.n++;
		}
	}
	fclose(f);
}

/* Writes the records back, if a run changed them (under the run lock). */
static void records_flush(void)
{
	char path[4096], tmp[4200];
	size_t i;
	FILE *f;

	if (!records.dirty)
		return;
	records.dirty = false;
	record_path(path, sizeof(path));
	if (!records.n) {
		unlink(path);
		return;
	}
	snprintf(tmp, sizeof(tmp), "%s.new", path);
	f = fopen(tmp, "we");
	if (!f)
		return;
	for (i = 0; i < records.n; i++)
		fprintf(f, "%s %s %s\n", records.v[i].bond, records.v[i].name,
			records.v[i].up ? "up" : "down");
	if (fclose(f) || rename(tmp, path))
		unlink(tmp);
}

static struct slave_record *record_find(const char *bond, const char *name)
{
	size_t i;

	for (i = 0; i < records.n; i++)
		if (!strcmp(records.v[i].bond, bond) &&
		    !strcmp(records.v[i].name, name))
			return &records.v[i];
	return NULL;
}

/* Whether @dev's master in @ls is the bond called @bond. */
static bool same_master(const struct linkset *ls, const struct link *dev,
			const char *bond)
{
	const struct link *m = linkset_find_index(ls, dev->master);

	return m && !strcmp(m->name, bond);
}

/* After a run: remembers the state the slaves of @p had before it. */
static void record_enslaved(const struct linkset *before, const struct plan *p)
{
	struct slave_record *r;
	const struct link *dev;
	size_t i;

	for (i = 0; i < p->n; i++) {
		const struct step *st = &p->v[i];

		if (st->kind != STEP_ENSLAVE)
			continue;
		dev = linkset_find(before, st->dev);
		if (!dev)
			continue;
		records_load();
		r = record_find(st->bond, st->dev);
		/*
		 * A slave released and enslaved again by the same run (an
		 * option that needs a bond without slaves) keeps what it was
		 * before it first joined the bond.
		 */
		if (dev->master && same_master(before, dev, st->bond))
			continue;
		if (!r && records.n < MAX_RECORDS) {
			r = &records.v[records.n++];
			snprintf(r->bond, sizeof(r->bond), "%s", st->bond);
			snprintf(r->name, sizeof(r->name), "%s", st->dev);
		}
		if (r) {
			r->up = dev->flags & IFF_UP;
			records.dirty = true;
		}
	}
}

void session_plan_give_back(struct target *t)
{
	const struct slave_record *r;
	size_t i, n = t->plan.n;
	char dev[IF_NAMESIZE];

	records_load();
	for (i = 0; i < n; i++) {
		if (t->plan.v[i].kind != STEP_RELEASE)
			continue;
		r = record_find(t->plan.v[i].from, t->plan.v[i].dev);
		/* the step's name is copied: adding a step moves the steps */
		snprintf(dev, sizeof(dev), "%s", t->plan.v[i].dev);
		if (r && r->up)
			plan_slave_up(&t->plan, &t->want, dev);
	}
	t->gives_back = true;
}

/* After a run that gave slaves back: forgets what they were. */
static void records_forget(const struct plan *p)
{
	size_t i, k, kept = 0;
	bool released;

	records_load();
	for (i = 0; i < records.n; i++) {
		const struct slave_record *r = &records.v[i];

		for (k = 0, released = false; !released && k < p->n; k++)
			released = p->v[k].kind == STEP_RELEASE &&
				   !strcmp(p->v[k].from, r->bond) &&
				   !strcmp(p->v[k].dev, r->name);
		if (released)
			records.dirty = true;
		else
			records.v[kept++] = *r;
	}
	records.n = kept;
}

/* Whether file @source says something about any bond. */
static bool used_by_any(const struct host_conf *h, const char *source)
{
	size_t i;

	for (i = 0; i < h->n_bonds; i++)
		if (host_bond_uses(h, h->bonds[i]->conf.name, source))
			return true;
	return false;
}

/*
 * Whether a configuration error stops bond @name: an error in one of its
 * files, or one that cannot be put down to a bond (a file the reader had
 * to ignore may have been meant for any of them).
 */
bool session_blocked(const struct host_conf *h, const char *name,
		     const struct diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];

		if (g->severity != DIAG_ERROR)
			continue;
		if (!g->loc.source || host_bond_uses(h, name, g->loc.source) ||
		    !used_by_any(h, g->loc.source))
			return true;
	}
	return false;
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

/* After a run that changed target @t: its records, what happened. */
static void done_target(struct session *s, const struct target *t)
{
	record_enslaved(&s->ls, &t->plan);
	if (t->gives_back)
		records_forget(&t->plan);
	say_done(t);
}

/*
 * Runs the plans. All bonds first go in one plan, which costs a few round
 * trips for any number of bonds; if that fails it is rolled back whole
 * and each bond is run on its own, so that only the failing ones stay
 * down.
 */
void session_run(struct session *s, struct target *t, size_t n,
		 unsigned int flags)
{
	struct plan all;
	struct diags tmp;
	size_t i, k, ready = 0;
	int rc;

	plan_init(&all);
	for (i = 0; i < n; i++) {
		if (t[i].skip)
			continue;
		ready++;
		for (k = 0; k < t[i].plan.n; k++) {
			all.v = xreallocarray(all.v, all.n + 1, sizeof(*all.v));
			all.v[all.n++] = t[i].plan.v[k];
		}
	}
	diags_init(&tmp);
	rc = plan_apply(&all, s->nl, &s->ls, flags, &tmp);
	if (!rc || ready == 1) {
		copy_diags(&s->d, &tmp);
		for (i = 0; i < n; i++) {
			if (t[i].skip)
				continue;
			t[i].failed = rc != 0;
			if (!rc)
				done_target(s, &t[i]);
		}
		if (rc)
			session_fail(s, session_status(rc));
	} else {
		for (i = 0; i < n; i++) {
			if (t[i].skip)
				continue;
			rc = plan_apply(&t[i].plan, s->nl, &s->ls, flags,
					&s->d);
			t[i].failed = rc != 0;
			if (rc) {
				session_fail(s, session_status(rc));
			} else {
				done_target(s, &t[i]);
			}
		}
	}
	for (i = 0; i < n; i++)
		if (t[i].failed && !t[i].skip && t[i].plan.n)
			diags_add(&s->d, DIAG_ERROR, NULL,
				  "%s: not changed: every step was undone",
				  t[i].want.name);
	diags_free(&tmp);
	plan_free(&all);
}

void target_init(struct target *t, const char *bond)
{
	memset(t, 0, sizeof(*t));
	bond_conf_init(&t->want, bond);
	plan_init(&t->plan);
}

void target_free(struct target *t)
{
	bond_conf_free(&t->want);
	plan_free(&t->plan);
}

void targets_free(struct target *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		target_free(&t[i]);
	free(t);
}
