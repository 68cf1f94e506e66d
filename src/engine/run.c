// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A run's policy: the bonds of one run planned together and applied in
 * one plan, each on its own after a failure; which bonds a configuration
 * error stops.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "engine/records.h"
#include "engine/run.h"
#include "kernel/nl.h"
#include "model/xalloc.h"

static void copy_diags(struct diags *to, const struct diags *from)
{
	size_t i;

	for (i = 0; i < from->n; i++)
		diags_add(to, from->v[i].severity, &from->v[i].loc, "%s",
			  from->v[i].message);
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

bool run_contradicts(const struct bond_conf *c)
{
	struct diags scratch;
	int rc;

	diags_init(&scratch);
	rc = bond_conf_validate(c, NULL, &scratch);
	diags_free(&scratch);
	return rc != 0;
}

/*
 * Whether a configuration error stops bond @name: an error in one of its
 * files, or one that cannot be put down to a bond (a file the reader had
 * to ignore may have been meant for any of them).
 */
bool run_blocked(const struct host_conf *h, const char *name,
		 const struct diags *d, enum run_policy policy)
{
	const struct host_bond *hb = host_conf_find(h, name);
	size_t i;

	if (policy == RUN_DEGRADE)
		return hb && (bond_conf_refused_switch(&hb->conf) ||
			      run_contradicts(&hb->conf));

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
 * Runs the plans. All bonds first go in one plan, which costs a few round
 * trips for any number of bonds; if that fails it is rolled back whole
 * and each bond is run on its own, so that only the failing ones stay
 * down. The links are read again for those runs: the rollback created
 * again the bonds the plan had deleted, with new ifindexes.
 */
int run_targets(struct nl *nl, const struct linkset *ls, struct target *t,
		size_t n, unsigned int flags, struct diags *d)
{
	struct plan all;
	struct linkset again;
	struct diags tmp;
	size_t i, k, ready = 0;
	int rc, worst = 0;
	bool left = false;

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
	/* one write of the records for every bond, not one a bond */
	records_before_run(ls, &all, d);
	rc = plan_apply(&all, nl, ls, flags, &tmp, &left);
	/*
	 * One plan for all, or a rollback that left something different:
	 * the bonds' plans were made from links that are no longer there
	 * as they were, so none is run again on its own.
	 */
	if (!rc || ready == 1 || left) {
		copy_diags(d, &tmp);
		worst = rc;
		for (i = 0; i < n; i++) {
			if (t[i].skip)
				continue;
			t[i].failed = rc != 0;
			t[i].left_different = left;
			records_after_run(&t[i].plan, t[i].gives_back, !rc);
		}
	} else {
		rc = bnl_dump_links(nl, &again);
		if (!rc)
			ls = &again;
		for (i = 0; i < n; i++) {
			if (t[i].skip)
				continue;
			rc = plan_apply(&t[i].plan, nl, ls, flags, d,
					&t[i].left_different);
			t[i].failed = rc != 0;
			records_after_run(&t[i].plan, t[i].gives_back, !rc);
			if (rc && (!worst || rc == -EOPNOTSUPP))
				worst = rc;
		}
		if (ls == &again)
			linkset_free(&again);
	}
	for (i = 0; i < n; i++) {
		if (!t[i].failed || t[i].skip || !t[i].plan.n)
			continue;
		if (t[i].left_different)
			diags_add(
				d, DIAG_ERROR, NULL,
				"%s: not every step was undone: the links are left as the \"rollback left\" lines above say",
				t[i].want.name);
		else
			diags_add(d, DIAG_ERROR, NULL,
				  "%s: not changed: every step was undone",
				  t[i].want.name);
	}
	diags_free(&tmp);
	plan_free(&all);
	return worst;
}

void run_target_init(struct target *t, const char *bond)
{
	memset(t, 0, sizeof(*t));
	bond_conf_init(&t->want, bond);
	plan_init(&t->plan);
}

void run_target_free(struct target *t)
{
	bond_conf_free(&t->want);
	plan_free(&t->plan);
}

void run_targets_free(struct target *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		run_target_free(&t[i]);
	free(t);
}
