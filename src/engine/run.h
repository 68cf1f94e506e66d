/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A run's policy: the bonds to change, as targets; all applied in one plan
 * first, and each on its own if that fails, so that only the failing ones
 * stay as they were; which bonds a configuration error stops.
 */
#ifndef BONDCFG_ENGINE_RUN_H
#define BONDCFG_ENGINE_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/plan.h"
#include "model/host.h"

/* A bond to change: what is wanted, and how the run went for it. */
struct target {
	struct bond_conf want;
	struct plan plan;
	bool skip; /* not to be changed: configuration error, refused */
	bool failed;
	/* failed, and the rollback did not bring every link back as it was */
	bool left_different;
	bool existed;
	/* records_plan_give_back() planned it: what the slaves were is
	 * forgotten after */
	bool gives_back;
};

/* A target for bond @bond: nothing wanted, no plan yet. */
void run_target_init(struct target *t, const char *bond);

/* Frees what @t holds; run_targets_free() also the array. */
void run_target_free(struct target *t);
void run_targets_free(struct target *t, size_t n);

/*
 * Runs the plans of the targets not skipped against the kernel whose
 * state is @ls: all in one plan first; if that fails it is rolled back
 * and each target is run on its own. Marks each target failed or not,
 * records the state its slaves had (records.h), and adds to @d what went
 * wrong. Returns 0, or the -errno of a failure (-EOPNOTSUPP, no bonding
 * support, before any other).
 */
int run_targets(struct nl *nl, const struct linkset *ls, struct target *t,
		size_t n, unsigned int flags, struct diags *d);

/* How configuration errors stop a bond. */
enum run_policy {
	/* any error in one of its files, or one that cannot be put down to
	 * a bond (apply, set, --strict: a live bond is left untouched) */
	RUN_STRICT,
	/* only a value the switch sees that could not be read, or options
	 * that contradict each other (up, ifup: at boot a bond comes up
	 * with what its files say unambiguously) */
	RUN_DEGRADE,
};

/*
 * Whether the options @c has contradict each other (an error of
 * bond_conf_validate()): what its files say is not unambiguous.
 */
bool run_contradicts(const struct bond_conf *c);

/* Whether configuration errors in @d stop bond @name under @policy. */
bool run_blocked(const struct host_conf *h, const char *name,
		 const struct diags *d, enum run_policy policy);

#endif
