/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What slaves were before they were enslaved: releasing a slave leaves it
 * down, and whether it was up is kept in <run dir>/slaves, so that down
 * and release give it back as it was. Read once and written once per run.
 */
#ifndef BONDCFG_ENGINE_RECORDS_H
#define BONDCFG_ENGINE_RECORDS_H

#include "engine/plan.h"
#include "kernel/linkset.h"
#include "model/diag.h"

/*
 * Adds to plan @p of bond @want, after its releases, the steps that bring
 * up each slave it releases that was up before it was enslaved (the
 * driver closes the slaves it releases), and each recorded slave of
 * @want that @ls shows down and free: one a run killed before it gave it
 * back released. Once the plan has run, records_after_run() with
 * @gave_back forgets what they were. Problems with the file go to @d.
 * Returns whether there are records of @want (to forget after the run,
 * even with no step).
 */
bool records_plan_give_back(struct plan *p, const struct bond_conf *want,
			    const struct linkset *ls, struct diags *d);

/*
 * Before plan @p runs: records the state each slave it enslaves has in
 * @before (one already recorded keeps its record), and writes the file
 * now, ahead of any change, so that a run killed half-way leaves what the
 * next one needs. Returns 0 or -errno (said in @d; the run goes on).
 */
int records_before_run(const struct linkset *before, const struct plan *p,
		       struct diags *d);

/*
 * After plan @p ran (@ok) or was rolled back: the records written ahead
 * for it are kept or dropped; with @gave_back and @ok, the slaves it gave
 * back are forgotten.
 */
void records_after_run(const struct plan *p, bool gave_back, bool ok);

/*
 * Forgets what was read of the file, for a process forked from a run
 * that reads it again later (the watchdog of --confirm).
 */
void records_reset(void);

/* Writes the records back, if a run changed them (under the run lock). */
int records_flush(struct diags *d);

#endif
