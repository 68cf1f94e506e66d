/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Bringing the links of a pending change (pending.h) back as they were:
 * planned as any change, one target a bond, run with run_targets() (all
 * or nothing, read back), then checked against the saved state.
 */
#ifndef BONDCFG_ENGINE_REVERT_H
#define BONDCFG_ENGINE_REVERT_H

#include "engine/pending.h"
#include "engine/run.h"

struct revert {
	struct target *t;
	size_t n;
};

/*
 * Plans the revert of @p against the links @ls has now: each bond saved
 * made again as it was (its options, slaves, MTU, up or down), each bond
 * the change created deleted, each slave it took from no bond given back
 * free, up if it was. Returns 0, or -errno with the reason in @d.
 */
int revert_plan(struct revert *r, const struct pending *p,
		const struct linkset *ls, struct diags *d);

void revert_free(struct revert *r);

/*
 * Compares the links @now has with those @p saved: each link there or
 * not, up or down, its master, MTU, and a bond's options and slaves. Each
 * difference is an error in @d. Returns how many there are.
 */
size_t revert_left_different(const struct pending *p, const struct linkset *now,
			     struct diags *d);

#endif
