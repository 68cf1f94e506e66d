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

/*
 * Adds to plan @p of bond @want, after its releases, the steps that bring
 * up each slave it releases that was up before it was enslaved (the
 * driver closes the slaves it releases); once the plan has run,
 * records_after_run() with @gave_back forgets what they were.
 */
void records_plan_give_back(struct plan *p, const struct bond_conf *want);

/*
 * After plan @p ran: remembers the state its new slaves had in @before,
 * and with @gave_back forgets the slaves it released.
 */
void records_after_run(const struct linkset *before, const struct plan *p,
		       bool gave_back);

/* Writes the records back, if a run changed them (under the run lock). */
void records_flush(void);

#endif
