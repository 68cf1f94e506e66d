/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Drift: how a live bond differs from the bond its configuration builds,
 * for bondcfg check --live. The options the files set and those they
 * leave at the driver's default, the slave set and each slave's options,
 * up or down, the MTU, the primary slave in charge, and bonds that exist
 * but are configured nowhere. Each difference says what to run to end it.
 */
#ifndef BONDCFG_DRIFT_H
#define BONDCFG_DRIFT_H

#include <stdbool.h>
#include <stddef.h>

#include "kernel/linkset.h"
#include "model/bondconf.h"

enum drift_kind {
	DRIFT_MISSING, /* configured to come up at boot, no such link */
	DRIFT_NOT_BOND, /* the name is a link of another kind */
	DRIFT_DOWN, /* the bond is administratively down */
	DRIFT_OPTION, /* an option the files set has another value */
	DRIFT_DEFAULT, /* an option the files leave out is off its default */
	DRIFT_MTU,
	DRIFT_SLAVE_MISSING, /* a listed slave is not in the bond */
	DRIFT_SLAVE_ABSENT, /* a listed slave does not exist */
	DRIFT_SLAVE_EXTRA, /* a slave no file lists */
	DRIFT_SLAVE_OPTION, /* a slave's own option */
	DRIFT_NOT_PRIMARY, /* another slave is active while the primary is up */
	DRIFT_UNCONFIGURED, /* a bond no file configures */
	DRIFT_N_KINDS
};

struct drift {
	enum drift_kind kind;
	char bond[IF_NAMESIZE];
	char slave[IF_NAMESIZE]; /* the slave it is about, or "" */
	int opt; /* the option (enum bondopt_id), or -1 */
	char *have; /* the live value as text, or NULL */
	char *want; /* the configured value as text, or NULL */
	struct diag_loc where; /* where the files say it; no source if none */
};

struct drifts {
	struct drift *v;
	size_t n;
};

void drifts_init(struct drifts *x);
void drifts_free(struct drifts *x);

/*
 * Adds the ways in which link @live (NULL when no link has the name)
 * differs from @want, the bond as its files describe it (slaves listed,
 * options, MTU), which comes up at boot if @onboot. @want NULL: @live is
 * a bond that no file configures.
 */
void drift_bond(struct drifts *x, const struct bond_conf *want, bool onboot,
		const struct link *live, const struct linkset *ls);

/* A stable snake_case name of @kind, for JSON and metrics. */
const char *drift_code(enum drift_kind kind);

/*
 * One line for people: what differs and where the files say otherwise,
 * e.g. "bond0: miimon is 0, the files say 100 (ifcfg-bond0:4)".
 */
void drift_describe(const struct drift *d, char *buf, size_t size);

/* The command that ends the difference, or NULL when none can. */
void drift_fix(const struct drift *d, char *buf, size_t size);

#endif
