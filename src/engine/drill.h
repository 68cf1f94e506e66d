/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The failover drill (bondcfg test failover): the active slave of a bond
 * (in the modes without one, the first slave that carries traffic) taken
 * out, the time until another slave carries traffic measured on the
 * kernel's link events (and, with an address to probe, the probes lost),
 * then the original active slave and state restored, and checked.
 */
#ifndef BONDCFG_DRILL_H
#define BONDCFG_DRILL_H

#include <net/if.h>
#include <stdbool.h>

#include "model/diag.h"

struct nl;

enum drill_method {
	/*
	 * The active slave set down, as a pulled cable: the driver's link
	 * monitor must notice (miimon or the ARP monitor, with downdelay).
	 */
	DRILL_LINK_DOWN,
	/* active_slave changed: the switch-over itself, no detection */
	DRILL_ACTIVE_SLAVE,
};

struct drill_opts {
	enum drill_method method;
	const char *ping; /* an address to probe, or NULL */
	unsigned int interval_ms; /* between probes */
	unsigned int timeout_ms; /* for the failover, and for the restore */
};

struct drill_result {
	char bond[IF_NAMESIZE];
	char from[IF_NAMESIZE]; /* the active slave before */
	/*
	 * The modes with an active slave: the one that took over, or "";
	 * the others: a slave that carries on
	 */
	char to[IF_NAMESIZE];
	bool has_active; /* active-backup, balance-tlb, balance-alb */
	enum drill_method method;
	/*
	 * To another slave active; without an active slave, to the driver
	 * sending no more on @from. -1: not in time
	 */
	double failover_ms;
	bool pinged;
	unsigned int probes_sent; /* from the take-out on */
	unsigned int probes_lost;
	double traffic_ms; /* to the first reply after the take-out; -1 none */
	double restore_ms; /* to @from active again; -1: not in time */
	bool restored; /* every link as it was */
	char left[512]; /* what is left different, if not */
};

/*
 * Runs the drill on @bond. Refusals before anything changes (no such
 * bond, a mode without an active slave, no other slave up, an address
 * that does not answer) are errors in @d and return -errno with nothing
 * changed. Otherwise returns 0, the figures in @r, and a failed restore
 * is an error in @d naming what is left different.
 */
int drill_failover(struct nl *nl, const char *bond, const struct drill_opts *o,
		   struct drill_result *r, struct diags *d);

/* "link-down" or "active-slave". */
const char *drill_method_name(enum drill_method m);

#endif
