/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Inside plan_apply(): the state of a run, shared by apply.c, which runs
 * the steps, and rollback.c, which undoes them.
 */
#ifndef BONDCFG_ENGINE_APPLY_H
#define BONDCFG_ENGINE_APPLY_H

#include <stdbool.h>

#include "engine/plan.h"
#include "kernel/nl.h"

struct apply_run {
	struct nl *nl;
	const struct linkset *before;
	struct linkset now; /* read again after creations and at the end */
	const struct linkset *cur; /* @before until the first read */
	struct linkset bonds; /* the bonds, read after creations */
	bool have_bonds;
	unsigned int flags;
	struct diags *d;
	bool raced; /* a bond we created came from the module meanwhile */
};

/* Reads every link again into @r->now, which becomes the current state. */
int apply_refresh(struct apply_run *r);

/* The ifindex of @name now: a bond created by the run has a new one. */
int apply_ifindex_of(const struct apply_run *r, const char *name);

/*
 * Undoes the steps @ran[0..n) that @done says ran: in reverse order, but
 * slaves released from one bond one after the other go back in the order
 * they left. A step that cannot be undone is named in @r->d.
 */
void rollback_steps(struct apply_run *r, const struct step *const *ran,
		    const bool *done, size_t n);

/*
 * After a rollback: reads the links again and reports in @r->d each way
 * in which a link a step of @ran[0..n) names differs from @r->before
 * (there or not, master, up, MTU, link group, address, bond and slave
 * options).
 * Returns how many differences it reported; 0 means all was undone.
 */
size_t rollback_left_different(struct apply_run *r,
			       const struct step *const *ran, size_t n);

#endif
