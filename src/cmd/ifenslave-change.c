// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ifenslave -d and -c: releasing slaves, and making one the active slave,
 * each one plan run all or nothing.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/enslave.h"
#include "cmd/ifenslave.h"
#include "cmd/output.h"
#include "cmd/session.h"
#include "model/optstr.h"

int ifenslave_detach(const char *master, const char *const *names, size_t n,
		     bool verbose)
{
	const struct link *bond, *dev;
	struct session s;
	size_t i;
	struct target t;
	int rc;

	rc = session_open(&s, NULL, false);
	if (rc >= 0)
		return rc;
	run_target_init(&t, master);
	bond = enslave_live_bond(&s, master);
	for (i = 0; bond && i < n; i++) {
		if (enslave_listed_before(names, i))
			continue;
		dev = linkset_find(&s.ls, names[i]);
		if (!dev) {
			diags_add(&s.d, DIAG_ERROR, NULL,
				  "%s: cannot release %s: no such device",
				  master, names[i]);
			session_fail(&s, CLI_EXIT_FAILURE);
		} else if (dev->master == bond->ifindex) {
			plan_release(&t.plan, &t.want, dev->name);
		} else if (dev->master) {
			enslave_say_other_master(&s, master, "release", dev);
			session_fail(&s, CLI_EXIT_FAILURE);
		} else {
			diags_add(
				&s.d, DIAG_WARNING, NULL,
				"%s: %s is not a slave of %s; nothing to release",
				master, dev->name, master);
		}
	}
	if (!bond)
		goto done;
	if (s.d.errors) {
		diags_add(&s.d, DIAG_ERROR, NULL, "%s: nothing was changed",
			  master);
		goto done;
	}
	t.existed = true;
	session_give_back(&s, &t);
	if (verbose)
		output_plan(&t.plan, stdout);
	session_run(&s, &t, 1, 0);
done:
	run_target_free(&t);
	return session_close(&s);
}

int ifenslave_change_active(const char *master, const char *name, bool verbose)
{
	static const struct diag_loc cmdline = { "command line", 0 };
	const struct link *bond, *dev;
	char mode[64], modes[128];
	struct session s;
	struct target t;
	int64_t m;
	int rc;

	rc = session_open(&s, NULL, false);
	if (rc >= 0)
		return rc;
	run_target_init(&t, master);
	bond = enslave_live_bond(&s, master);
	if (!bond)
		goto done;
	dev = linkset_find(&s.ls, name);
	m = bond_conf_effective(bond->bond, NULL, BONDOPT_MODE);
	bond_conf_format_value(bond->bond, BONDOPT_MODE, mode, sizeof(mode));
	if (!dev) {
		diags_add(&s.d, DIAG_ERROR, NULL,
			  "%s: cannot make %s the active slave: no such device",
			  master, name);
	} else if (dev->master && dev->master != bond->ifindex) {
		enslave_say_other_master(&s, master, "make active", dev);
	} else if (!dev->master) {
		diags_add(
			&s.d, DIAG_ERROR, NULL,
			"%s: cannot make %s the active slave: it is not a slave of %s; enslave it first: ifenslave %s %s",
			master, name, master, master, name);
	} else if (!(bondopt_get(BONDOPT_ACTIVE_SLAVE)->modes &
		     BOND_MODE_BIT(m))) {
		bondopt_modes_format_all(
			bondopt_get(BONDOPT_ACTIVE_SLAVE)->modes, modes,
			sizeof(modes));
		diags_add(&s.d, DIAG_ERROR, NULL,
			  "%s: mode %s has no active slave; -c works in %s",
			  master, mode, modes);
	} else if (bond_conf_has(bond->bond, BONDOPT_ACTIVE_SLAVE) &&
		   !strcmp(bond_conf_ifname_of(bond->bond,
					       BONDOPT_ACTIVE_SLAVE),
			   name)) {
		if (verbose)
			printf("%s: %s is the active slave already\n", master,
			       name);
		goto done;
	}
	if (s.d.errors) {
		session_fail(&s, CLI_EXIT_FAILURE);
		goto done;
	}
	optstr_set(&t.want, bondopt_get(BONDOPT_ACTIVE_SLAVE), name,
		   OPTSTR_BONDING_OPTS, &cmdline, &s.d);
	/* a bond that was down stays down */
	if (s.d.errors || plan_bond(&t.plan, &t.want, &s.ls,
				    PLAN_KEEP_SLAVES | PLAN_KEEP_LINK, &s.d)) {
		session_fail(&s, CLI_EXIT_FAILURE);
		goto done;
	}
	t.existed = true;
	if (verbose)
		output_plan(&t.plan, stdout);
	session_run(&s, &t, 1, 0);
done:
	run_target_free(&t);
	return session_close(&s);
}
