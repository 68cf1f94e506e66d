// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The commands that change bonds: up, down and apply from the host's
 * configuration; set, enslave and release without it; plan and -n for a
 * dry run of each. A change to one bond is all or nothing; the bonds of
 * one run are independent, so one that fails is rolled back on its own
 * and the others stay.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bondcfg.h"
#include "carrier.h"
#include "cli.h"
#include "ifname.h"
#include "nl.h"
#include "optstr.h"
#include "output.h"
#include "plan.h"
#include "runlock.h"
#include "xalloc.h"

/* How long a run waits for another one holding the lock. */
#define LOCK_TIMEOUT_MS 60000

enum change_cmd {
	CMD_UP,
	CMD_DOWN,
	CMD_APPLY,
	CMD_SET,
	CMD_ENSLAVE,
	CMD_RELEASE
};

static const char *const cmd_names[] = {
	[CMD_UP] = "up",   [CMD_DOWN] = "down",	      [CMD_APPLY] = "apply",
	[CMD_SET] = "set", [CMD_ENSLAVE] = "enslave", [CMD_RELEASE] = "release",
};

static struct {
	int dry_run;
	int all;
	int strict;
	int force;
	int keep;
	int no_disrupt;
	int tolerate;
	const char *wait;
} opt;

/* A run: the kernel's state, the diagnostics, the lock. */
struct session {
	enum change_cmd cmd;
	struct nl *nl;
	struct linkset ls;
	struct diags d;
	int lock;
	int rc; /* the exit status so far */
};

/* Raises the exit status: failures of the kernel above configuration. */
static void session_fail(struct session *s, int rc)
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
static int status_of(int err)
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

static int session_open(struct session *s, enum change_cmd cmd)
{
	pid_t holder;
	int rc;

	memset(s, 0, sizeof(*s));
	s->cmd = cmd;
	s->lock = -1;
	diags_init(&s->d);
	if (!opt.dry_run) {
		if (!bondcfg_can_admin()) {
			cli_error(
				"%s: changing bonds needs CAP_NET_ADMIN: run it as root",
				cmd_names[cmd]);
			return CLI_EXIT_PRIVILEGE;
		}
		s->lock = runlock_take(LOCK_TIMEOUT_MS, &holder);
		if (s->lock < 0) {
			if (s->lock == -ETIMEDOUT)
				cli_error(
					"%s: another run (pid %ld) has held %s/lock for %d s; giving up",
					cmd_names[cmd], (long)holder,
					runlock_dir(), LOCK_TIMEOUT_MS / 1000);
			else
				cli_error("%s: cannot take the lock in %s: %s",
					  cmd_names[cmd], runlock_dir(),
					  strerror(-s->lock));
			return CLI_EXIT_FAILURE;
		}
	}
	rc = bondcfg_read_links(cmd_names[cmd], &s->nl, &s->ls);
	return rc ? status_of(rc) : -1;
}

static void records_flush(void);

static int session_close(struct session *s)
{
	records_flush();
	bondcfg_report(&s->d);
	if (bondcfg.verbose && s->nl)
		fprintf(stderr, "%s: %u change%s sent in %u round trip%s\n",
			cmd_names[s->cmd], bnl_changes(s->nl),
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

/*
 * After @bond released @names (all of its slaves when @all): brings up
 * those that were up before they were enslaved, and forgets them.
 */
static void restore_released(struct session *s, const char *bond,
			     const char *const *names, size_t n_names, bool all)
{
	size_t i, k, kept = 0;
	const struct link *dev;
	struct nl_error e;

	records_load();
	for (i = 0; i < records.n; i++) {
		const struct slave_record *r = &records.v[i];
		bool released = !strcmp(r->bond, bond) && all;

		for (k = 0; !released && k < n_names; k++)
			released = !strcmp(r->bond, bond) &&
				   !strcmp(names[k], r->name);
		if (!released) {
			records.v[kept++] = *r;
			continue;
		}
		records.dirty = true;
		dev = linkset_find(&s->ls, r->name);
		if (r->up && dev &&
		    bnl_link_set_up(s->nl, dev->ifindex, true, &e))
			diags_add(&s->d, DIAG_WARNING, NULL,
				  "%s: could not bring %s back up: %s", bond,
				  r->name, strerror(-e.err));
	}
	records.n = kept;
}

/* --- the desired state --------------------------------------------------- */

/* A bond to change: what is wanted, and how the run went for it. */
struct target {
	struct bond_conf want;
	struct plan plan;
	bool skip; /* not to be changed: configuration error, refused */
	bool failed;
	bool existed;
};

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
static bool blocked(const struct host_conf *h, const char *name,
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

/*
 * The bond as configured, without the slaves that do not exist: a NIC
 * removed or renamed must not keep its bond down. --strict makes that an
 * error.
 */
static int want_from_conf(struct session *s, const struct host_bond *hb,
			  struct bond_conf *want)
{
	enum diag_severity sev = opt.strict ? DIAG_ERROR : DIAG_WARNING;
	size_t i = 0;
	int id;

	bond_conf_copy(want, &hb->conf);
	if (hb->has_mtu) {
		want->mtu = hb->mtu;
		want->mtu_where = hb->mtu_loc;
	}
	while (i < want->n_slaves) {
		const struct bond_slave_conf *ws = &want->slaves[i];
		char name[IF_NAMESIZE];

		if (!ws->member || linkset_find(&s->ls, ws->name)) {
			i++;
			continue;
		}
		diags_add(&s->d, sev, ws->listed.source ? &ws->listed : NULL,
			  "%s: slave %s does not exist%s", want->name, ws->name,
			  opt.strict ? "" : "; the bond comes up without it");
		snprintf(name, sizeof(name), "%s", ws->name);
		bond_conf_remove_slave(want, name);
		for (id = 0; id < BONDOPT_COUNT; id++) {
			const struct bondopt *o = bondopt_get(id);

			if (o->kind != BONDOPT_IFNAME ||
			    !bond_conf_has(want, id) ||
			    strcmp(bond_conf_ifname_of(want, id), name))
				continue;
			want->present &= ~BONDOPT_BIT(id);
			if (!opt.strict)
				diags_add(
					&s->d, DIAG_WARNING,
					want->where[id].source ?
						&want->where[id] :
						NULL,
					"%s: %s=%s is not set: the slave does not exist",
					want->name, o->name, name);
		}
	}
	return opt.strict && s->d.errors ? -ENODEV : 0;
}

/* Plans each target; a bond that cannot be planned is skipped. */
static void plan_targets(struct session *s, struct target *t, size_t n,
			 unsigned int flags)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		plan_init(&t[i].plan);
		if (t[i].skip)
			continue;
		t[i].existed = linkset_find(&s->ls, t[i].want.name) != NULL;
		if (plan_bond(&t[i].plan, &t[i].want, &s->ls, flags, &s->d)) {
			t[i].skip = t[i].failed = true;
			session_fail(s, CLI_EXIT_FAILURE);
			continue;
		}
		if (!opt.no_disrupt)
			continue;
		for (k = 0; k < t[i].plan.n; k++) {
			const struct step *st = &t[i].plan.v[k];
			char what[1024];

			if (!st->disruptive)
				continue;
			plan_step_describe(st, what, sizeof(what));
			diags_add(
				&s->d, DIAG_ERROR, NULL,
				"%s: refused by --no-disrupt: '%s' would stop traffic (%s)",
				t[i].want.name, what,
				st->why ? st->why : "the bond is reconfigured");
			t[i].skip = t[i].failed = true;
			session_fail(s, CLI_EXIT_FAILURE);
			break;
		}
	}
}

static void print_plans(const struct target *t, size_t n)
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
	bool disrupted = false;

	for (k = 0; k < t->plan.n; k++)
		disrupted |= t->plan.v[k].disruptive;
	if (bondcfg.quiet)
		return;
	if (!t->plan.n)
		printf("%s: unchanged\n", t->want.name);
	else
		printf("%s: %s%s\n", t->want.name,
		       t->existed ? "changed" : "created",
		       disrupted ? " (traffic was interrupted)" : "");
}

/*
 * Runs the plans. All bonds first go in one plan, which costs a few round
 * trips for any number of bonds; if that fails it is rolled back whole
 * and each bond is run on its own, so that only the failing ones stay
 * down.
 */
static void run_targets(struct session *s, struct target *t, size_t n,
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
			if (!rc) {
				record_enslaved(&s->ls, &t[i].plan);
				say_done(&t[i]);
			}
		}
		if (rc)
			session_fail(s, status_of(rc));
	} else {
		for (i = 0; i < n; i++) {
			if (t[i].skip)
				continue;
			rc = plan_apply(&t[i].plan, s->nl, &s->ls, flags,
					&s->d);
			t[i].failed = rc != 0;
			if (rc) {
				session_fail(s, status_of(rc));
			} else {
				record_enslaved(&s->ls, &t[i].plan);
				say_done(&t[i]);
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

/* --wait: until each bond brought up has carrier. */
static void wait_carrier(struct session *s, struct target *t, size_t n,
			 double seconds)
{
	const char **names = xcalloc(n ? n : 1, sizeof(*names));
	size_t *which = xcalloc(n ? n : 1, sizeof(*which));
	bool *ok = xcalloc(n ? n : 1, sizeof(*ok));
	size_t i, m = 0;
	int rc;

	for (i = 0; i < n; i++) {
		if (t[i].failed || t[i].skip)
			continue;
		which[m] = i;
		names[m++] = t[i].want.name;
	}
	rc = m ? carrier_wait(names, m, (int)(seconds * 1000), ok) : 0;
	if (rc == -ETIMEDOUT) {
		for (i = 0; i < m; i++)
			if (!ok[i])
				diags_add(
					&s->d, DIAG_ERROR, NULL,
					"%s: no carrier after %g s: no slave is active (cables, switch ports, LACP partner?)",
					t[which[i]].want.name, seconds);
		session_fail(s, CLI_EXIT_FAILURE);
	} else if (rc) {
		diags_add(&s->d, DIAG_ERROR, NULL,
			  "--wait: cannot follow link events: %s",
			  strerror(-rc));
		session_fail(s, CLI_EXIT_FAILURE);
	}
	free(names);
	free(which);
	free(ok);
}

static void free_targets(struct target *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		bond_conf_free(&t[i].want);
		plan_free(&t[i].plan);
	}
	free(t);
}

/* --- up, apply ------------------------------------------------------------ */

static bool named(const char *const *names, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(names[i], name))
			return true;
	return false;
}

/* up and apply: converge the bonds to the host's configuration. */
static int converge(enum change_cmd cmd, const char *const *names, size_t n,
		    double wait)
{
	unsigned int flags = (opt.force ? PLAN_FORCE : 0) |
			     (opt.tolerate ? PLAN_TOLERATE : 0);
	struct target *t = NULL;
	struct host_conf h;
	struct session s;
	size_t nt = 0, i;
	int rc;

	rc = session_open(&s, cmd);
	if (rc >= 0)
		goto out;
	host_conf_init(&h, bondcfg.root);
	bondcfg_read_host(&h, &s.d);
	if (s.d.errors)
		session_fail(&s, CLI_EXIT_CONFIG);
	for (i = 0; i < n; i++)
		if (!host_conf_find(&h, names[i])) {
			diags_add(
				&s.d, DIAG_ERROR, NULL,
				"%s: no configuration for this bond in the %u file%s read%s%s",
				names[i], h.files_read,
				h.files_read == 1 ? "" : "s",
				bondcfg.root ? " under " : "",
				bondcfg.root ? bondcfg.root : "");
			session_fail(&s, CLI_EXIT_CONFIG);
		}
	t = xcalloc(h.n_bonds ? h.n_bonds : 1, sizeof(*t));
	for (i = 0; i < h.n_bonds; i++) {
		const struct bond_conf *conf = &h.bonds[i]->conf;
		struct target *tg;
		const struct link *live;

		if (!opt.all && !named(names, n, conf->name))
			continue;
		live = linkset_find(&s.ls, conf->name);
		if (cmd == CMD_APPLY && (!live || !live->is_bond)) {
			if (!opt.all) {
				diags_add(
					&s.d, DIAG_ERROR, NULL,
					"%s: no such bond; bring it up with 'bondcfg up %s'",
					conf->name, conf->name);
				session_fail(&s, CLI_EXIT_FAILURE);
			}
			continue;
		}
		tg = &t[nt++];
		if (blocked(&h, conf->name, &s.d)) {
			diags_add(
				&s.d, DIAG_ERROR, &h.bonds[i]->loc,
				"%s: not changed: its configuration has errors",
				conf->name);
			bond_conf_init(&tg->want, conf->name);
			tg->skip = tg->failed = true;
			continue;
		}
		if (want_from_conf(&s, h.bonds[i], &tg->want)) {
			tg->skip = tg->failed = true;
			session_fail(&s, CLI_EXIT_FAILURE);
		}
	}
	plan_targets(&s, t, nt, flags);
	if (opt.dry_run)
		print_plans(t, nt);
	else
		run_targets(&s, t, nt, flags);
	if (!opt.dry_run && wait > 0)
		wait_carrier(&s, t, nt, wait);
	free_targets(t, nt);
	rc = session_close(&s); /* diagnostics point into @h */
	host_conf_free(&h);
out:
	return rc;
}

/* --- set, enslave, release ------------------------------------------------ */

static const struct link *live_bond(struct session *s, const char *name)
{
	const struct link *l = linkset_find(&s->ls, name);

	if (l && l->is_bond)
		return l;
	diags_add(
		&s->d, DIAG_ERROR, NULL,
		l ? "%s: not a bond (a %s device)" :
		    "%s: no such bond%s; configure it and run 'bondcfg up', or create it with 'ip link add NAME type bond'",
		name, l ? l->kind : "");
	session_fail(s, CLI_EXIT_FAILURE);
	return NULL;
}

static int direct(enum change_cmd cmd, const char *bond,
		  const char *const *args, size_t n)
{
	static const struct diag_loc loc = { "command line", 0 };
	unsigned int flags = PLAN_KEEP_SLAVES | (opt.force ? PLAN_FORCE : 0) |
			     (opt.tolerate ? PLAN_TOLERATE : 0);
	const struct link *live, *dev;
	struct target t;
	struct session s;
	size_t i, k;
	int rc;

	rc = session_open(&s, cmd);
	if (rc >= 0)
		goto out;
	memset(&t, 0, sizeof(t));
	bond_conf_init(&t.want, bond);
	live = live_bond(&s, bond);
	if (!live)
		goto done;
	for (i = 0; i < n; i++) {
		switch (cmd) {
		case CMD_SET:
			optstr_parse(&t.want, args[i], OPTSTR_BONDING_OPTS,
				     &loc, &s.d);
			break;
		case CMD_ENSLAVE:
			bond_conf_add_member(&t.want, args[i], &loc);
			break;
		default:
			break;
		}
	}
	if (cmd == CMD_SET && !s.d.errors)
		bond_conf_validate(&t.want, live->bond, &s.d);
	if (s.d.errors) {
		session_fail(&s, CLI_EXIT_USAGE);
		goto done;
	}
	plan_init(&t.plan);
	t.existed = true;
	if (cmd == CMD_RELEASE) {
		for (i = 0; i < n; i++) {
			dev = linkset_find(&s.ls, args[i]);
			if (!dev || dev->master != live->ifindex) {
				diags_add(
					&s.d, DIAG_ERROR, NULL,
					"%s: cannot release %s: %s", bond,
					args[i],
					dev ? "it is not a slave of this bond" :
					      "no such device");
				session_fail(&s, CLI_EXIT_FAILURE);
				continue;
			}
			plan_release(&t.plan, &t.want, args[i]);
		}
		if (s.d.errors)
			goto done_plan;
	} else if (plan_bond(&t.plan, &t.want, &s.ls, flags, &s.d)) {
		session_fail(&s, CLI_EXIT_FAILURE);
		goto done_plan;
	}
	/* set changes options: a bond that was down stays down */
	k = t.plan.n;
	if (cmd == CMD_SET && !(live->flags & IFF_UP) && k &&
	    t.plan.v[k - 1].kind == STEP_BOND_UP)
		t.plan.n--;
	if (opt.dry_run)
		print_plans(&t, 1);
	else
		run_targets(&s, &t, 1, flags);
	if (!opt.dry_run && cmd == CMD_RELEASE && !t.failed)
		restore_released(&s, bond, args, n, false);
done_plan:
	plan_free(&t.plan);
done:
	bond_conf_free(&t.want);
	rc = session_close(&s);
out:
	return rc;
}

/* --- down ---------------------------------------------------------------- */

/* Requests in one message at the most. */
#define DOWN_BATCH BNL_BATCH_MAX

static int down(const char *const *names, size_t n)
{
	struct down_op {
		int ifindex;
		bool release;
	} *ops = NULL;
	const struct link **bonds = NULL;
	size_t n_ops = 0;
	struct host_conf h;
	struct session s;
	size_t nb = 0, i, k;
	int rc;

	rc = session_open(&s, CMD_DOWN);
	if (rc >= 0)
		return rc;
	host_conf_init(&h, bondcfg.root);
	if (opt.all) {
		bondcfg_read_host(&h, &s.d);
		if (s.d.errors)
			session_fail(&s, CLI_EXIT_CONFIG);
	}
	bonds = xcalloc(n + h.n_bonds + 1, sizeof(*bonds));
	for (i = 0; i < n + h.n_bonds; i++) {
		const char *name = i < n ? names[i] : h.bonds[i - n]->conf.name;
		const struct link *l = linkset_find(&s.ls, name);

		if (!l || !l->is_bond) {
			if (i < n)
				diags_add(&s.d, DIAG_NOTE, NULL,
					  "%s: %s; nothing to take down", name,
					  l ? "not a bond" : "no such bond");
			continue;
		}
		for (k = 0; k < nb && bonds[k] != l; k++)
			;
		if (k == nb)
			bonds[nb++] = l;
	}
	if (opt.dry_run) {
		for (i = 0; i < nb; i++) {
			for (k = 0; k < bonds[i]->bond->n_slaves; k++)
				printf("%s: release %s\n", bonds[i]->name,
				       bonds[i]->bond->slaves[k].name);
			if (!opt.keep)
				printf("%s: delete\n", bonds[i]->name);
		}
		if (!nb)
			printf("nothing to change\n");
		goto done;
	}
	/*
	 * Deleting a bond releases its slaves; the kernel gives each back
	 * its own MAC address and MTU. With --keep the slaves are released
	 * one by one. Every request is independent of the others: they go
	 * in batches.
	 */
	ops = xcalloc(1, sizeof(*ops));
	for (i = 0; i < nb; i++) {
		if (!opt.keep) {
			ops = xreallocarray(ops, n_ops + 1, sizeof(*ops));
			ops[n_ops].ifindex = bonds[i]->ifindex;
			ops[n_ops++].release = false;
			continue;
		}
		for (k = 0; k < bonds[i]->bond->n_slaves; k++) {
			const struct link *dev = linkset_find(
				&s.ls, bonds[i]->bond->slaves[k].name);

			if (!dev)
				continue;
			ops = xreallocarray(ops, n_ops + 1, sizeof(*ops));
			ops[n_ops].ifindex = dev->ifindex;
			ops[n_ops++].release = true;
		}
	}
	for (i = 0; i < n_ops; i += DOWN_BATCH) {
		struct nl_error errs[DOWN_BATCH];
		size_t m = n_ops - i < DOWN_BATCH ? n_ops - i : DOWN_BATCH;

		bnl_batch_begin(s.nl);
		for (k = 0; k < m; k++) {
			if (ops[i + k].release)
				bnl_link_set_master(s.nl, ops[i + k].ifindex, 0,
						    NULL);
			else
				bnl_link_delete(s.nl, ops[i + k].ifindex, NULL);
		}
		bnl_batch_end(s.nl, errs);
		for (k = 0; k < m; k++) {
			const struct link *l =
				linkset_find_index(&s.ls, ops[i + k].ifindex);

			if (!errs[k].err)
				continue;
			diags_add(&s.d, DIAG_ERROR, NULL, "%s: %s: %s%s%s%s",
				  l ? l->name : "?",
				  ops[i + k].release ? "release" : "delete",
				  strerror(-errs[k].err),
				  *errs[k].msg ? " (kernel: " : "", errs[k].msg,
				  *errs[k].msg ? ")" : "");
			session_fail(&s, status_of(errs[k].err));
		}
	}
	for (i = 0; i < nb && !s.d.errors; i++)
		restore_released(&s, bonds[i]->name, NULL, 0, true);
	for (i = 0; i < nb && !bondcfg.quiet && !s.d.errors; i++)
		printf("%s: %s\n", bonds[i]->name,
		       opt.keep ? "slaves released" : "deleted");
done:
	free(ops);
	free(bonds);
	rc = session_close(&s);
	host_conf_free(&h);
	return rc;
}

/* --- command lines -------------------------------------------------------- */

#define OPT_DRY_RUN                                                               \
	{                                                                         \
		"dry-run", 'n', POPT_ARG_NONE, &opt.dry_run, 0,                   \
			"Print the steps and netlink attributes; change nothing", \
			NULL                                                      \
	}
#define OPT_ALL                                                        \
	{                                                              \
		"all", 'a', POPT_ARG_NONE, &opt.all, 0,                \
			"Every bond of the host's configuration", NULL \
	}
#define OPT_STRICT                                                                           \
	{                                                                                    \
		"strict", '\0', POPT_ARG_NONE, &opt.strict, 0,                               \
			"A configured slave that does not exist is an error, not a warning", \
			NULL                                                                 \
	}
#define OPT_FORCE                                                          \
	{                                                                  \
		"force", 'f', POPT_ARG_NONE, &opt.force, 0,                \
			"Take slaves that belong to another bond from it", \
			NULL                                               \
	}
#define OPT_TOLERATE                                                                             \
	{                                                                                        \
		"tolerate", '\0', POPT_ARG_NONE, &opt.tolerate, 0,                               \
			"An option the running kernel does not know is a warning, not an error", \
			NULL                                                                     \
	}
#define OPT_NO_DISRUPT                                                                            \
	{                                                                                         \
		"no-disrupt", '\0', POPT_ARG_NONE, &opt.no_disrupt, 0,                            \
			"Refuse changes that stop traffic (mode, fail_over_mac, lacp_rate, ...)", \
			NULL                                                                      \
	}

static struct poptOption up_options[] = {
	OPT_ALL,
	{ "wait", 'w', POPT_ARG_STRING, &opt.wait, 0,
	  "Return once each bond has carrier; fail after SECONDS", "SECONDS" },
	OPT_STRICT,
	OPT_NO_DISRUPT,
	OPT_FORCE,
	OPT_TOLERATE,
	OPT_DRY_RUN,
	CLI_STD_OPTIONS,
	POPT_TABLEEND
};

static struct poptOption apply_options[] = { OPT_ALL,	      OPT_NO_DISRUPT,
					     OPT_STRICT,      OPT_FORCE,
					     OPT_TOLERATE,    OPT_DRY_RUN,
					     CLI_STD_OPTIONS, POPT_TABLEEND };

static struct poptOption down_options[] = {
	OPT_ALL,
	{ "keep", 'k', POPT_ARG_NONE, &opt.keep, 0,
	  "Release the slaves but keep the bond", NULL },
	OPT_DRY_RUN,
	CLI_STD_OPTIONS,
	POPT_TABLEEND
};

static struct poptOption set_options[] = { OPT_TOLERATE, OPT_DRY_RUN,
					   CLI_STD_OPTIONS, POPT_TABLEEND };

static struct poptOption enslave_options[] = { OPT_FORCE, OPT_DRY_RUN,
					       CLI_STD_OPTIONS, POPT_TABLEEND };

static struct poptOption release_options[] = { OPT_DRY_RUN, CLI_STD_OPTIONS,
					       POPT_TABLEEND };

static const char *const usages[] = {
	[CMD_UP] = "[OPTION...] BOND... | --all",
	[CMD_DOWN] = "[OPTION...] BOND... | --all",
	[CMD_APPLY] = "[OPTION...] [BOND...]",
	[CMD_SET] = "[OPTION...] BOND KEY=VALUE...",
	[CMD_ENSLAVE] = "[OPTION...] BOND DEVICE...",
	[CMD_RELEASE] = "[OPTION...] BOND DEVICE...",
};

static struct poptOption *const tables[] = {
	[CMD_UP] = up_options,		 [CMD_DOWN] = down_options,
	[CMD_APPLY] = apply_options,	 [CMD_SET] = set_options,
	[CMD_ENSLAVE] = enslave_options, [CMD_RELEASE] = release_options,
};

static int parse_wait(double *seconds)
{
	char *end;

	*seconds = 0;
	if (!opt.wait)
		return -1;
	*seconds = strtod(opt.wait, &end);
	if (end == opt.wait || *end || !(*seconds > 0) || *seconds > 86400)
		return cli_usage_error(
			"up: --wait: '%s' is not a number of seconds between 0 and 86400",
			opt.wait);
	return -1;
}

static int run(enum change_cmd cmd, int argc, const char **argv)
{
	char name[64];
	poptContext ctx;
	const char **args;
	double wait = 0;
	size_t n = 0, i;
	int rc;

	snprintf(name, sizeof(name), "bondcfg %s", cmd_names[cmd]);
	ctx = poptGetContext(name, argc, argv, tables[cmd], 0);
	poptSetOtherOptionHelp(ctx, usages[cmd]);
	rc = cli_parse_options(ctx, NULL);
	if (rc >= 0)
		goto out;
	args = poptGetArgs(ctx);
	while (args && args[n])
		n++;
	for (i = 0; i < n; i++)
		if (ifname_check(args[i]) && !(cmd == CMD_SET && i > 0)) {
			rc = cli_usage_error(
				"%s: '%s' is not a valid interface name",
				cmd_names[cmd], args[i]);
			goto out;
		}
	switch (cmd) {
	case CMD_UP:
	case CMD_DOWN:
		if (opt.all == !!n) {
			rc = cli_usage_error(
				"%s: give bond names or --all, not %s",
				cmd_names[cmd], n ? "both" : "neither");
			goto out;
		}
		break;
	case CMD_APPLY:
		if (opt.all && n) {
			rc = cli_usage_error(
				"apply: give bond names or --all, not both");
			goto out;
		}
		opt.all = !n;
		break;
	default:
		if (n < 2) {
			rc = cli_usage_error("%s: usage: bondcfg %s %s",
					     cmd_names[cmd], cmd_names[cmd],
					     usages[cmd]);
			goto out;
		}
		break;
	}
	rc = parse_wait(&wait);
	if (rc >= 0)
		goto out;
	switch (cmd) {
	case CMD_UP:
	case CMD_APPLY:
		rc = converge(cmd, args, n, wait);
		break;
	case CMD_DOWN:
		rc = down(args, n);
		break;
	default:
		rc = direct(cmd, args[0], args + 1, n - 1);
		break;
	}
out:
	poptFreeContext(ctx);
	return rc;
}

int cmd_change(int argc, const char **argv)
{
	size_t c;

	for (c = 0; c < sizeof(cmd_names) / sizeof(cmd_names[0]); c++)
		if (!strcmp(argv[0], cmd_names[c]))
			return run((enum change_cmd)c, argc, argv);
	return cli_usage_error("unknown command '%s'", argv[0]);
}

/* bondcfg plan [COMMAND] ARG...: that command with --dry-run. */
int cmd_plan(int argc, const char **argv)
{
	size_t c;

	opt.dry_run = 1;
	for (c = 0; argc > 1 && c < sizeof(cmd_names) / sizeof(cmd_names[0]);
	     c++)
		if (!strcmp(argv[1], cmd_names[c]))
			return run((enum change_cmd)c, argc - 1, argv + 1);
	return run(CMD_UP, argc, argv);
}
