// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The revert of a change made with --confirm (engine/pending.h,
 * engine/revert.h) against the fake set of links (fakenl.c): the state
 * saved before a change survives its file; each kind of change (a mode
 * change with an option the old mode does not take, a slave enslaved, a
 * bond created, slaves released, a bond deleted, a bond that was down)
 * is reverted to exactly the links before it; a revert refused at any
 * request is rolled back whole and says what is left different; a
 * damaged file is refused with its line.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fakenl.h"
#include "engine/pending.h"
#include "engine/revert.h"
#include "kernel/nl.h"
#include "model/optstr.h"
#include "helpers.h"
#include "tap.h"

static void make_bond(struct bond_conf *c, const char *name, const char *opts,
		      const char *slaves)
{
	test_make_bond(c, name, opts, NULL, slaves, NULL);
}

static void read_links(struct nl **nl, struct linkset *ls)
{
	bnl_open(nl);
	if (bnl_dump_links(*nl, ls))
		printf("# cannot read the fake's links\n");
}

/* The fake: s0, s1 up, s2 up, s3 down, and bond bn from @opts/@slaves. */
static void setup(const char *opts, const char *slaves, bool bond_up)
{
	struct bond_conf c;

	fakenl_reset();
	fakenl_add_dummy("s0", 1);
	fakenl_add_dummy("s1", 1);
	fakenl_add_dummy("s2", 1);
	fakenl_add_dummy("s3", 0);
	if (!opts)
		return;
	make_bond(&c, "bn", opts, slaves);
	fakenl_apply(&c, bond_up ? 0 : PLAN_KEEP_LINK);
	bond_conf_free(&c);
}

/* A change: the plan @plan_fn makes for bond @name, saved, then run. */
typedef void plan_fn(struct plan *p, struct bond_conf *want,
		     const struct linkset *ls);

static struct bond_conf change_want;

static int change(struct pending *saved, const char *name, const char *opts,
		  const char *slaves, plan_fn *fn)
{
	struct linkset ls;
	struct diags d;
	struct plan p;
	struct nl *nl;
	int rc;

	make_bond(&change_want, name, opts ? opts : "", slaves ? slaves : "");
	diags_init(&d);
	plan_init(&p);
	read_links(&nl, &ls);
	if (fn)
		fn(&p, &change_want, &ls);
	else
		plan_bond(&p, &change_want, &ls, PLAN_FORCE, &d);
	pending_init(saved);
	snprintf(saved->id, sizeof(saved->id), "1-1");
	saved->deadline_boot = 1;
	pending_add_plan(saved, &ls, &p);
	rc = plan_apply(&p, nl, &ls, 0, &d, NULL);
	if (rc)
		printf("# change failed: %s\n", d.n ? d.v[0].message : "");
	linkset_free(&ls);
	plan_free(&p);
	bnl_close(nl);
	diags_free(&d);
	bond_conf_free(&change_want);
	return rc;
}

/*
 * The revert of @saved, run as bondcfg runs it, after the file's round
 * trip: returns how many differences are left (-1 if it could not be
 * planned); the diagnostics in @d.
 */
static int revert(const struct pending *saved, struct diags *d)
{
	struct pending p;
	struct revert r;
	struct linkset ls, now;
	struct nl *nl;
	char *text = pending_format(saved);
	int left = -1;

	pending_init(&p);
	if (pending_parse(&p, text, d)) {
		free(text);
		return -1;
	}
	read_links(&nl, &ls);
	if (!revert_plan(&r, &p, &ls, d)) {
		run_targets(nl, &ls, r.t, r.n, 0, d);
		revert_free(&r);
		if (bnl_dump_links(nl, &now))
			printf("# cannot read the fake's links again\n");
		left = (int)revert_left_different(&p, &now, d);
		linkset_free(&now);
	}
	linkset_free(&ls);
	bnl_close(nl);
	pending_free(&p);
	free(text);
	return left;
}

static void show_diags(const struct diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		printf("#   %s\n", d->v[i].message);
}

/* @what: after the change, the revert gives back exactly @before. */
static void reverted(const char *what, const struct pending *saved,
		     char *before)
{
	struct diags d;
	char *after;
	int left;

	diags_init(&d);
	left = revert(saved, &d);
	after = fakenl_state();
	tap_ok(left == 0 && !strcmp(before, after), "%s", what);
	if (left || strcmp(before, after)) {
		printf("# %d left different\n# before:\n%s# after:\n%s", left,
		       before, after);
		show_diags(&d);
	}
	free(after);
	free(before);
	diags_free(&d);
}

static void file_round_trip(void)
{
	struct linkset ls;
	struct nl *nl;
	struct pending p, q;
	struct diags d;
	char *one, *two;

	setup("mode=active-backup miimon=100 primary=s1 queue_id=s1:3", "s0,s1",
	      true);
	change(&p, "bn", "mode=802.3ad miimon=100", "s0,s2", NULL);
	read_links(&nl, &ls);
	pending_add_link(&p, &ls, "nothing");
	linkset_free(&ls);
	bnl_close(nl);
	snprintf(p.check, sizeof(p.check), "192.0.2.1");
	snprintf(p.command, sizeof(p.command), "bondcfg apply --confirm bn");
	p.watchdog = 42;
	p.watchdog_start = 4242;
	one = pending_format(&p);
	pending_init(&q);
	diags_init(&d);
	tap_ok(!pending_parse(&q, one, &d), "the saved state reads back");
	two = pending_format(&q);
	tap_ok(!strcmp(one, two), "and writes again the same, byte for byte");
	if (strcmp(one, two))
		printf("# one:\n%s# two:\n%s", one, two);
	tap_ok(pending_find(&q, "bn") && pending_find(&q, "bn")->bond &&
		       pending_find(&q, "bn")->bond->n_slaves == 2 &&
		       !strcmp(pending_find(&q, "s2")->master, "") &&
		       pending_find(&q, "s2")->up &&
		       !pending_find(&q, "nothing")->present &&
		       q.watchdog == 42 && !strcmp(q.check, "192.0.2.1"),
	       "a bond with its slaves in order, a free slave up, a link that was not there");
	free(one);
	free(two);
	pending_free(&p);
	pending_free(&q);
	diags_free(&d);
}

static void damaged(void)
{
	static const char *const bad[] = {
		"bondcfg-pending 2\nid 1-1\ndeadline 1 1\n",
		"bondcfg-pending 1\nid 1-1\ndeadline 1 1\nbond bn up mtu 1500 slaves s0/x\n",
		"bondcfg-pending 1\nid 1-1\ndeadline 1 1\nbond bn up mtu 1500 slaves -\noptions bn mode=nonsense\n",
		"bondcfg-pending 1\nid 1-1\ndeadline 1 1\nlink s0 sideways mtu 1500 master -\n",
		"bondcfg-pending 1\nid 1-1\ndeadline 1 1\noptions bx mode=1\n",
		"bondcfg-pending 1\ndeadline 1 1\n",
		"bondcfg-pending 1\nid 1-1\ndeadline 1 1\nrm -rf /\n",
	};
	unsigned int refused = 0;
	struct pending p;
	struct diags d;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		pending_init(&p);
		diags_init(&d);
		refused += pending_parse(&p, bad[i], &d) == -EINVAL &&
			   d.errors && strstr(d.v[d.n - 1].message, "line ");
		pending_free(&p);
		diags_free(&d);
	}
	tap_is_int(refused, (unsigned int)i,
		   "a damaged file is refused, with its line");
}

static void mode_change(void)
{
	struct pending p;
	char *before;

	setup("mode=active-backup miimon=100 active_slave=s1", "s0,s1", true);
	before = fakenl_state();
	tap_ok(strstr(before, "active_slave=s1"), "the second slave is active");
	change(&p, "bn", "mode=802.3ad miimon=100 lacp_rate=fast", "s0,s1",
	       NULL);
	reverted(
		"a mode change, with lacp_rate the old mode does not take, reverted: lacp_rate set back before the mode, the same slave active",
		&p, before);
	pending_free(&p);
}

static void enslave_free(void)
{
	struct pending p;
	char *before;

	setup("mode=balance-rr miimon=100", "s0", true);
	before = fakenl_state();
	change(&p, "bn", "mode=balance-rr miimon=100", "s0,s2,s3", NULL);
	reverted(
		"slaves enslaved from no bond, one up and one down, reverted: free again, each up or down as it was",
		&p, before);
	pending_free(&p);
}

static void create(void)
{
	struct pending p;
	char *before;

	setup(NULL, NULL, true);
	before = fakenl_state();
	change(&p, "bx", "mode=active-backup miimon=100", "s0,s1", NULL);
	reverted(
		"a bond created with two slaves, reverted: deleted, the slaves free and up",
		&p, before);
	pending_free(&p);
}

static void take_down(struct plan *p, struct bond_conf *want,
		      const struct linkset *ls)
{
	plan_down(p, want, ls, false);
}

static void release_all(struct plan *p, struct bond_conf *want,
			const struct linkset *ls)
{
	plan_down(p, want, ls, true);
}

static void down_and_release(void)
{
	struct pending p;
	char *before;

	setup("mode=802.3ad miimon=100 lacp_rate=fast", "s0,s1", true);
	before = fakenl_state();
	change(&p, "bn", NULL, NULL, take_down);
	reverted(
		"a bond deleted, reverted: created again with its options and slaves",
		&p, before);
	pending_free(&p);
	setup("mode=active-backup miimon=100", "s0,s1", true);
	before = fakenl_state();
	change(&p, "bn", NULL, NULL, release_all);
	reverted("its slaves released, reverted: enslaved again", &p, before);
	pending_free(&p);
}

static void was_down(void)
{
	struct pending p;
	char *before;

	setup("mode=balance-xor miimon=100", "s0", false);
	before = fakenl_state();
	change(&p, "bn", "mode=balance-xor miimon=200", "s0", NULL);
	reverted("a bond that was down, brought up by the change: down again",
		 &p, before);
	pending_free(&p);
}

/*
 * A slave deleted during the window: the bond goes back to its mode
 * without it, and the check names what is left different.
 */
static void slave_gone(void)
{
	struct linkset ls;
	struct nl_error e = { 0 };
	struct pending p;
	struct diags d;
	struct nl *nl;
	char *after;
	int left;

	setup("mode=active-backup miimon=100", "s0,s1", true);
	change(&p, "bn", "mode=802.3ad miimon=100 lacp_rate=fast", "s0,s1",
	       NULL);
	read_links(&nl, &ls);
	bnl_link_delete(nl, linkset_find(&ls, "s1")->ifindex, &e);
	linkset_free(&ls);
	bnl_close(nl);
	diags_init(&d);
	left = revert(&p, &d);
	after = fakenl_state();
	tap_ok(left == 2 && strstr(after, "mode=active-backup") &&
		       strstr(after, "s0 dummy up=1 mtu=1500 master=bn") &&
		       !strcmp(d.v[d.n - 2].message,
			       "bn: s1 is not its slave") &&
		       !strcmp(d.v[d.n - 1].message, "s1: is gone"),
	       "a slave deleted meanwhile: the bond back in its mode without it, both differences named");
	if (left != 2)
		show_diags(&d);
	free(after);
	pending_free(&p);
	diags_free(&d);
}

/*
 * The revert refused at each of its requests in turn: rolled back whole
 * (the links as the change left them), and what is left different from
 * before the change said.
 */
static void refused_at_each(void)
{
	unsigned int n, i, bad = 0, start;
	struct pending p;
	struct diags d;
	char *changed, *after;
	int left;

	setup("mode=active-backup miimon=100", "s0,s1", true);
	change(&p, "bn", "mode=802.3ad miimon=100 lacp_rate=fast", "s0,s2",
	       NULL);
	changed = fakenl_state();
	diags_init(&d);
	start = fakenl_requests();
	revert(&p, &d);
	diags_free(&d);
	n = fakenl_requests() - start;
	pending_free(&p);
	free(changed);
	for (i = 1; i <= n; i++) {
		setup("mode=active-backup miimon=100", "s0,s1", true);
		change(&p, "bn", "mode=802.3ad miimon=100 lacp_rate=fast",
		       "s0,s2", NULL);
		changed = fakenl_state();
		fakenl_refuse(0, i, -EINVAL);
		diags_init(&d);
		left = revert(&p, &d);
		fakenl_refuse(0, 0, 0);
		after = fakenl_state();
		if (left <= 0 || strcmp(changed, after)) {
			bad++;
			printf("# refused request %u: %d left different\n", i,
			       left);
			show_diags(&d);
		}
		free(changed);
		free(after);
		pending_free(&p);
		diags_free(&d);
	}
	tap_ok(n > 4 && !bad,
	       "a revert refused at any of its %u requests: rolled back whole, what differs from before said",
	       n);
}

int main(void)
{
	char dir[] = "/tmp/bondcfg-test-revert.XXXXXX", rm[64];

	/* the slave records of the runs: a folder of the test's own */
	if (!mkdtemp(dir) || setenv("BONDCFG_RUN_DIR", dir, 1)) {
		printf("Bail out! no run folder\n");
		return 1;
	}
	file_round_trip();
	damaged();
	mode_change();
	enslave_free();
	create();
	down_and_release();
	was_down();
	slave_gone();
	refused_at_each();
	snprintf(rm, sizeof(rm), "rm -rf %s", dir);
	if (system(rm) < 0)
		return 1;
	return tap_done();
}
