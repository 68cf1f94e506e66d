// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg up and apply: the bonds as the host's configuration describes
 * them, built or converged, all or nothing per bond.
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/bondcfg.h"
#include "cmd/change.h"
#include "kernel/carrier.h"
#include "kernel/linkcache.h"
#include "cmd/cli.h"
#include "model/xalloc.h"

/* --- the desired state --------------------------------------------------- */

/*
 * The bond as configured, less the slaves that do not exist (an error with
 * --strict): a NIC removed or renamed must not keep its bond down.
 */
static int want_from_conf(struct session *s, const struct host_bond *hb,
			  struct bond_conf *want)
{
	enum diag_severity sev = change_opt.strict ? DIAG_ERROR : DIAG_WARNING;
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
			  change_opt.strict ? "" :
					      "; the bond comes up without it");
		snprintf(name, sizeof(name), "%s", ws->name);
		bond_conf_remove_slave(want, name);
		for (id = 0; id < BONDOPT_COUNT; id++) {
			const struct bondopt *o = bondopt_get(id);

			if (o->kind != BONDOPT_IFNAME ||
			    !bond_conf_has(want, id) ||
			    strcmp(bond_conf_ifname_of(want, id), name))
				continue;
			want->present &= ~BONDOPT_BIT(id);
			if (!change_opt.strict)
				diags_add(
					&s->d, DIAG_WARNING,
					want->where[id].source ?
						&want->where[id] :
						NULL,
					"%s: %s=%s is not set: the slave does not exist",
					want->name, o->name, name);
		}
	}
	return change_opt.strict && s->d.errors ? -ENODEV : 0;
}

/*
 * up --no-slaves: the bond's own options only. The slaves and what names
 * them (primary, active_slave) are left out of @want.
 */
static void bare(struct bond_conf *want)
{
	want->present &= ~bondopt_with_flags(BONDOPT_F_NAMES_SLAVE);
	while (want->n_slaves) {
		char name[IF_NAMESIZE];

		snprintf(name, sizeof(name), "%s", want->slaves[0].name);
		bond_conf_remove_slave(want, name);
	}
}

/*
 * Whether configuration errors keep bond @hb as it is, said; under
 * RUN_DEGRADE a bond they do not stop is said to be built without what
 * they name.
 */
static bool blocked(struct session *s, const struct host_conf *h,
		    const struct host_bond *hb, enum run_policy policy)
{
	const char *name = hb->conf.name;
	uint64_t bad =
		policy == RUN_DEGRADE ? bond_conf_refused_switch(&hb->conf) : 0;

	if (run_blocked(h, name, &s->d, policy)) {
		diags_add(
			&s->d, DIAG_ERROR, &hb->loc, "%s: not %s%s%s", name,
			policy == RUN_STRICT ?
				"changed: its configuration has errors" :
			bad ? "built: its " :
			      "built: its options contradict each other (the errors above), so what its files say is not unambiguous",
			bad ? bondopt_get(__builtin_ctzll(bad))->name : "",
			bad ? " could not be read, and a bond in the wrong mode can disturb the switch (fix the value; the other errors only leave out what they name)" :
			      "");
		return true;
	}
	if (policy == RUN_DEGRADE && s->d.errors)
		diags_add(
			&s->d, DIAG_WARNING, &hb->loc,
			"%s: built with what its files say without error: the errors above leave out only what they name (--strict refuses the bond instead)",
			name);
	return false;
}

/* Plans each target; a bond that cannot be planned is skipped. */
static void plan_targets(struct session *s, struct target *t, size_t n,
			 unsigned int flags)
{
	size_t i, k;

	/* --no-slaves leaves the slaves and the link as they are */
	if (change_opt.no_slaves)
		flags |= PLAN_KEEP_SLAVES | PLAN_KEEP_LINK;
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
		if (!change_opt.no_disrupt)
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
			  linkcache_strerror(rc));
		session_fail(s, CLI_EXIT_FAILURE);
	}
	free(names);
	free(which);
	free(ok);
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

/* up and apply (and ifup): converge the bonds to the host's configuration. */
int change_converge(enum change_cmd cmd, const char *const *names, size_t n,
		    double wait, struct host_conf *read_conf,
		    const struct diags *read)
{
	unsigned int flags = (change_opt.force ? PLAN_FORCE : 0) |
			     (change_opt.tolerate ? PLAN_TOLERATE : 0);
	struct target *t = NULL;
	struct host_conf own, *h;
	struct session s;
	size_t nt = 0, i;
	enum run_policy policy;
	int rc;

	rc = session_open(&s, change_names[cmd], change_opt.dry_run);
	if (rc >= 0)
		goto out;
	h = session_host(read_conf, read, &own, &s.d);
	if (s.d.errors)
		session_fail(&s, CLI_EXIT_CONFIG);
	for (i = 0; i < n; i++)
		if (!host_conf_find(h, names[i])) {
			diags_add(
				&s.d, DIAG_ERROR, NULL,
				"%s: no configuration for this bond in the %u file%s read%s%s",
				names[i], h->files_read,
				h->files_read == 1 ? "" : "s",
				bondcfg.root ? " under " : "",
				bondcfg.root ? bondcfg.root : "");
			session_fail(&s, CLI_EXIT_CONFIG);
		}
	policy = cmd != CMD_APPLY && !change_opt.strict ? RUN_DEGRADE :
							  RUN_STRICT;
	t = xcalloc(h->n_bonds ? h->n_bonds : 1, sizeof(*t));
	for (i = 0; i < h->n_bonds; i++) {
		const struct bond_conf *conf = &h->bonds[i]->conf;
		struct target *tg;
		const struct link *live;

		if (!change_opt.all && !named(names, n, conf->name))
			continue;
		live = linkset_find(&s.ls, conf->name);
		if (cmd == CMD_APPLY && (!live || !live->is_bond)) {
			if (!change_opt.all) {
				diags_add(
					&s.d, DIAG_ERROR, NULL,
					"%s: no such bond; bring it up with 'bondcfg up %s'",
					conf->name, conf->name);
				session_fail(&s, CLI_EXIT_FAILURE);
			}
			continue;
		}
		tg = &t[nt++];
		if (blocked(&s, h, h->bonds[i], policy)) {
			bond_conf_init(&tg->want, conf->name);
			tg->skip = tg->failed = true;
			continue;
		}
		if (want_from_conf(&s, h->bonds[i], &tg->want)) {
			tg->skip = tg->failed = true;
			session_fail(&s, CLI_EXIT_FAILURE);
		}
		if (change_opt.no_slaves)
			bare(&tg->want);
		if (cmd == CMD_IFUP && change_hook_want(h, &s.ls, &tg->want))
			flags |= PLAN_KEEP_SLAVES;
	}
	plan_targets(&s, t, nt, flags);
	if (change_opt.dry_run)
		session_print_plans(t, nt);
	else
		session_run(&s, t, nt, flags);
	if (!change_opt.dry_run && wait > 0)
		wait_carrier(&s, t, nt, wait);
	run_targets_free(t, nt);
	rc = session_close(&s); /* diagnostics point into @h */
	if (!read_conf)
		host_conf_free(&own);
out:
	return rc;
}

int cmd_up(int argc, const char **argv)
{
	return change_run(CMD_UP, argc, argv);
}

int cmd_apply(int argc, const char **argv)
{
	return change_run(CMD_APPLY, argc, argv);
}
