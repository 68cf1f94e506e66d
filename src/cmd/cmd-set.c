// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg set, enslave and release: a live bond changed from the command
 * line, without the configuration.
 */
#include "config.h"

#include "cmd/bondcfg.h"
#include "cmd/change.h"
#include "cmd/cli.h"
#include "model/optstr.h"

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

int change_direct(enum change_cmd cmd, const char *bond,
		  const char *const *args, size_t n)
{
	static const struct diag_loc loc = { "command line", 0 };
	/* set changes options: a bond that was down stays down */
	unsigned int flags = PLAN_KEEP_SLAVES |
			     (change_opt.force ? PLAN_FORCE : 0) |
			     (change_opt.tolerate ? PLAN_TOLERATE : 0) |
			     (cmd == CMD_SET ? PLAN_KEEP_LINK : 0);
	const struct link *live, *dev;
	struct target t;
	struct session s;
	size_t i;
	int rc;

	rc = session_open(&s, change_names[cmd], change_opt.dry_run);
	if (rc >= 0)
		goto out;
	run_target_init(&t, bond);
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
			goto done;
	} else if (plan_bond(&t.plan, &t.want, &s.ls, flags, &s.d)) {
		session_fail(&s, CLI_EXIT_FAILURE);
		goto done;
	}
	if (cmd == CMD_RELEASE)
		session_give_back(&s, &t);
	if (change_opt.dry_run)
		session_print_plans(&t, 1);
	else
		session_run(&s, &t, 1, flags);
done:
	run_target_free(&t);
	rc = session_close(&s);
out:
	return rc;
}

int cmd_set(int argc, const char **argv)
{
	return change_run(CMD_SET, argc, argv);
}

int cmd_enslave(int argc, const char **argv)
{
	return change_run(CMD_ENSLAVE, argc, argv);
}

int cmd_release(int argc, const char **argv)
{
	return change_run(CMD_RELEASE, argc, argv);
}
