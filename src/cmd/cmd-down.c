// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg down: bonds taken down, their slaves given back.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/bondcfg.h"
#include "cmd/change.h"
#include "cmd/cli.h"
#include "model/xalloc.h"

/*
 * Each bond's slaves released, given back as they were before they were
 * enslaved, and the bond deleted (kept with --keep): plan steps, run all
 * or nothing as up's are.
 */
int change_down(const char *const *names, size_t n)
{
	struct target *t = NULL;
	struct host_conf h;
	struct session s;
	size_t nb = 0, i, k;
	int rc;

	rc = session_open(&s, change_names[CMD_DOWN], change_opt.dry_run);
	if (rc >= 0)
		return rc;
	host_conf_init(&h, bondcfg.root);
	if (change_opt.all) {
		session_read_host(&h, &s.d);
		if (s.d.errors)
			session_fail(&s, CLI_EXIT_CONFIG);
	}
	t = xcalloc(n + h.n_bonds + 1, sizeof(*t));
	for (i = 0; i < n + h.n_bonds; i++) {
		const char *name = i < n ? names[i] : h.bonds[i - n]->conf.name;
		const struct link *l = linkset_find(&s.ls, name);

		for (k = 0; k < nb && strcmp(t[k].want.name, name); k++)
			;
		if (k < nb || (l && !l->is_bond)) {
			if (k == nb && i < n)
				diags_add(
					&s.d, DIAG_NOTE, NULL,
					"%s: not a bond; nothing to take down",
					name);
			continue;
		}
		run_target_init(&t[nb], name);
		t[nb].existed = true;
		if (l)
			plan_down(&t[nb].plan, &t[nb].want, &s.ls,
				  change_opt.keep);
		/*
		 * gone: only the slaves a killed run left down come back, and
		 * its records are forgotten
		 */
		if (session_give_back(&s, &t[nb]) || l) {
			nb++;
			continue;
		}
		run_target_free(&t[nb]);
		if (i < n)
			diags_add(&s.d, DIAG_NOTE, NULL,
				  "%s: no such bond; nothing to take down",
				  name);
	}
	if (change_opt.dry_run && !nb)
		printf("nothing to change\n");
	else if (change_opt.dry_run)
		session_print_plans(t, nb);
	else
		session_run(&s, t, nb, 0);
	run_targets_free(t, nb);
	rc = session_close(&s);
	host_conf_free(&h);
	return rc;
}

int cmd_down(int argc, const char **argv)
{
	return change_run(CMD_DOWN, argc, argv);
}
