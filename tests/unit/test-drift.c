// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Drift (engine/drift.h) against the fake set of links (fakenl.c): a bond
 * applied from a configuration is in sync with it; then each way the
 * configuration and the live bond can part (an option, an option the files
 * leave out, a slave more or less, a slave's option, the MTU, the bond
 * down, a bond missing or configured nowhere) gives exactly one line,
 * with the file and line of the value the files set.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fakenl.h"
#include "engine/drift.h"
#include "engine/plan.h"
#include "kernel/nl.h"
#include "model/optstr.h"
#include "helpers.h"
#include "tap.h"

static const struct diag_loc loc = { "ifcfg-bn", 4 };
static const struct diag_loc slaves_loc = { "ifcfg-bn", 7 };

static void make_bond(struct bond_conf *c, const char *opts, const char *slaves)
{
	test_make_bond(c, "bn", opts, &loc, slaves, &slaves_loc);
}

/* The fake's links: s0, s1, s2 and bond bn built from @opts and @slaves. */
static void live(const char *opts, const char *slaves)
{
	struct bond_conf c;

	fakenl_reset();
	fakenl_add_dummy("s0", 1);
	fakenl_add_dummy("s1", 1);
	fakenl_add_dummy("s2", 1);
	make_bond(&c, opts, slaves);
	fakenl_apply(&c, 0);
	bond_conf_free(&c);
}

/*
 * The differences of the live bond from the configuration @opts/@slaves,
 * one line each, joined with " | "; "" when in sync. Returns a string to
 * free.
 */
static char *drift_of(const char *opts, const char *slaves, unsigned int mtu)
{
	struct bond_conf c;
	struct linkset ls;
	struct drifts x;
	struct nl *nl;
	char *out = calloc(1, 4096), line[512], fix[128];
	size_t i;

	make_bond(&c, opts, slaves);
	c.mtu = mtu;
	c.mtu_where = loc;
	drifts_init(&x);
	bnl_open(&nl);
	bnl_dump_links(nl, &ls);
	drift_bond(&x, &c, true, linkset_find(&ls, "bn"), &ls);
	for (i = 0; i < x.n; i++) {
		drift_describe(&x.v[i], line, sizeof(line));
		drift_fix(&x.v[i], fix, sizeof(fix));
		snprintf(out + strlen(out), 4096 - strlen(out), "%s%s [%s]",
			 i ? " | " : "", line, fix);
	}
	drifts_free(&x);
	linkset_free(&ls);
	bnl_close(nl);
	bond_conf_free(&c);
	return out;
}

static void is(char *got, const char *want, const char *what)
{
	tap_ok(!strcmp(got, want), "%s", what);
	if (strcmp(got, want))
		printf("#   got  '%s'\n#   want '%s'\n", got, want);
	free(got);
}

static const char *const ab = "mode=active-backup miimon=100 primary=s0";

static void in_sync(void)
{
	live(ab, "s0,s1");
	is(drift_of(ab, "s0,s1", 0), "", "a bond just applied is in sync");
	live("mode=802.3ad miimon=100 lacp_rate=fast queue_id=s1:2", "s0,s1");
	is(drift_of("mode=802.3ad miimon=100 lacp_rate=fast queue_id=s1:2",
		    "s0,s1", 0),
	   "", "an 802.3ad bond with a slave option just applied is in sync");
}

static void options(void)
{
	live("mode=active-backup miimon=100", "s0,s1");
	is(drift_of("mode=active-backup miimon=200", "s0,s1", 0),
	   "bn: miimon is 100, the files say 200 (ifcfg-bn:4) [bondcfg apply bn]",
	   "an option the files set: live and configured value, file:line, apply");
	live("mode=balance-rr", "");
	is(drift_of("mode=active-backup miimon=100", "", 0),
	   "bn: mode is balance-rr, the files say active-backup (ifcfg-bn:4) [bondcfg apply bn] | "
	   "bn: miimon is 0, the files say 100 (ifcfg-bn:4) [bondcfg apply bn]",
	   "a bond with the module's defaults: each option it lacks");
	live("mode=802.3ad miimon=100 lacp_rate=fast", "s0");
	is(drift_of("mode=802.3ad miimon=100", "s0", 0),
	   "bn: lacp_rate is fast, the files leave it at the default slow [bondcfg set bn lacp_rate=slow]",
	   "an option the files leave out, off its default: set, not apply");
	is(drift_of("mode=active-backup miimon=100", "s0", 0),
	   "bn: mode is 802.3ad, the files say active-backup (ifcfg-bn:4) [bondcfg apply bn]",
	   "an option the files leave out that their mode does not use is no drift");
}

static void slaves(void)
{
	live(ab, "s0,s1");
	is(drift_of(ab, "s0", 0),
	   "bn: slave s1 is enslaved, no file lists it [bondcfg apply bn]",
	   "a slave more");
	is(drift_of(ab, "s0,s1,s2", 0),
	   "bn: slave s2 is not enslaved, the files list it (ifcfg-bn:7) [bondcfg apply bn]",
	   "a slave less");
	is(drift_of(ab, "s0,s1,gone", 0),
	   "bn: slave gone does not exist, the files list it (ifcfg-bn:7) []",
	   "a slave that does not exist: no command fixes it");
	live("mode=802.3ad miimon=100 queue_id=s1:2", "s0,s1");
	is(drift_of("mode=802.3ad miimon=100 queue_id=s1:3", "s0,s1", 0),
	   "bn: slave s1: queue_id is 2, the files say 3 (ifcfg-bn:4) [bondcfg apply bn]",
	   "a slave's own option");
}

static void link_state(void)
{
	struct linkset ls;
	struct nl_error e;
	struct drifts x;
	struct nl *nl;
	char line[256];

	live(ab, "s0,s1");
	is(drift_of(ab, "s0,s1", 9000),
	   "bn: MTU is 1500, the files say 9000 (ifcfg-bn:4) [bondcfg apply bn]",
	   "the MTU");
	bnl_open(&nl);
	bnl_dump_links(nl, &ls);
	bnl_link_set_up(nl, linkset_find(&ls, "bn")->ifindex, false, &e);
	linkset_free(&ls);
	is(drift_of(ab, "s0,s1", 0),
	   "bn: is down, the files bring it up (ifcfg-bn:4) [bondcfg apply bn]",
	   "the bond down");

	bnl_dump_links(nl, &ls);
	drifts_init(&x);
	drift_bond(&x, NULL, false, linkset_find(&ls, "bn"), &ls);
	tap_is_int(x.n, 1, "a bond no file configures: one difference");
	drift_describe(&x.v[0], line, sizeof(line));
	tap_ok(!strcmp(line, "bn: is a bond, no file configures it"), "%s",
	       line);
	drifts_free(&x);
	drift_bond(&x, NULL, false, linkset_find(&ls, "s0"), &ls);
	tap_is_int(x.n, 0,
		   "a device that is no bond is not one configured nowhere");
	linkset_free(&ls);
	bnl_close(nl);

	fakenl_reset();
	is(drift_of(ab, "", 0),
	   "bn: does not exist, the files bring it up at boot (ifcfg-bn:4) [bondcfg up bn]",
	   "a bond that comes up at boot, missing");
}

int main(void)
{
	in_sync();
	options();
	slaves();
	link_state();
	return tap_done();
}
