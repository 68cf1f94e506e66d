// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The planner and apply against a fake set of links (fakenl.c): every
 * option in every mode it is valid in, created and then changed on a live
 * bond with slaves, read back, and planned again to nothing; a refusal at
 * each step of an apply, after which the links are as they were; a
 * refused rollback step named; options an older kernel lacks refused
 * before anything is sent. No root: the kernel suite runs the same engine
 * against the real driver.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fakenl.h"
#include "kernel/linkset.h"
#include "kernel/nl.h"
#include "model/optstr.h"
#include "engine/plan.h"
#include "engine/run.h"
#include "tap.h"

static const struct diag_loc loc = { "test", 1 };

/* Sets @name=@value in @c, as BONDING_OPTS would; 0 or -EINVAL. */
static int set(struct bond_conf *c, const char *name, const char *value)
{
	struct diags d;
	int rc;

	diags_init(&d);
	rc = optstr_set(c, bondopt_find(name, strlen(name)), value,
			OPTSTR_BONDING_OPTS, &loc, &d);
	diags_free(&d);
	return rc;
}

/* The first diagnostic of @d, or "". */
static const char *first_diag(const struct diags *d)
{
	return d->n ? d->v[0].message : "";
}

/*
 * Plans @want against the fake's links and applies it. @steps gets the
 * number of steps planned, @d the diagnostics. Returns 0 or -errno.
 */
static bool last_left; /* the last engine_apply()'s rollback left some */

static int engine_apply(const struct bond_conf *want, unsigned int flags,
			struct diags *d, size_t *steps)
{
	struct linkset ls;
	struct plan p;
	struct nl *nl;
	int rc;

	bnl_open(&nl);
	plan_init(&p);
	rc = bnl_dump_links(nl, &ls);
	if (!rc)
		rc = plan_bond(&p, want, &ls, flags, d);
	if (steps)
		*steps = p.n;
	if (!rc)
		rc = plan_apply(&p, nl, &ls, flags, d, &last_left);
	linkset_free(&ls);
	plan_free(&p);
	bnl_close(nl);
	return rc;
}

/* The number of steps a plan for @want with @flags has now. */
static size_t steps_left_flags(const struct bond_conf *want, unsigned int flags)
{
	struct linkset ls;
	struct plan p;
	struct diags d;
	struct nl *nl;
	size_t n;

	bnl_open(&nl);
	plan_init(&p);
	diags_init(&d);
	bnl_dump_links(nl, &ls);
	plan_bond(&p, want, &ls, flags, &d);
	n = p.n;
	linkset_free(&ls);
	plan_free(&p);
	diags_free(&d);
	bnl_close(nl);
	return n;
}

/* The number of steps a plan for @want has now (0: nothing to do). */
static size_t steps_left(const struct bond_conf *want)
{
	return steps_left_flags(want, 0);
}

/* The same for bondcfg set (its flags). */
static size_t steps_left_keep(const struct bond_conf *want)
{
	return steps_left_flags(want, PLAN_KEEP_SLAVES | PLAN_KEEP_LINK);
}

/*
 * Whether the fake's bond @want->name has option @id as @want sets it
 * (for a slave option, on every slave @want gives it to).
 */
static bool kept(const struct bond_conf *want, enum bondopt_id id)
{
	const struct link *b, *dev;
	struct linkset ls;
	struct nl *nl;
	bool ok;
	size_t i;

	bnl_open(&nl);
	bnl_dump_links(nl, &ls);
	b = linkset_find(&ls, want->name);
	ok = b && b->bond;
	if (ok && bondopt_get(id)->flags & BONDOPT_F_SLAVE) {
		for (i = 0; ok && i < want->n_slaves; i++) {
			if (!(want->slaves[i].present & BONDOPT_BIT(id)))
				continue;
			dev = linkset_find(&ls, want->slaves[i].name);
			ok = dev && dev->master == b->ifindex &&
			     dev->slave_opts.num[id] == want->slaves[i].num[id];
		}
	} else if (ok) {
		ok = bond_conf_has(b->bond, id) &&
		     bond_conf_same_value(want, b->bond, id);
	}
	linkset_free(&ls);
	bnl_close(nl);
	return ok;
}

/*
 * A value of option @id other than its default (@second: another one, or
 * the default again), from the table alone; the slave options as
 * SLAVE:VALUE for slave s1. NULL for an option no bond request carries.
 */
static const char *value_of(enum bondopt_id id, bool second, char *buf,
			    size_t size)
{
	const struct bondopt *opt = bondopt_get(id);
	int64_t v;
	size_t i, found = 0;

	switch (opt->kind) {
	case BONDOPT_ENUM:
		for (i = 0; i < opt->nvalues; i++) {
			/* aliases share a number: the first name of each */
			if (opt->values[i].value == (uint32_t)opt->def ||
			    (i &&
			     opt->values[i].value == opt->values[i - 1].value))
				continue;
			if (found++ == (second ? 1u : 0u))
				return opt->values[i].name;
		}
		return second ? bondopt_value_name(opt, (uint32_t)opt->def) :
				NULL;
	case BONDOPT_BOOL:
	case BONDOPT_UINT:
	case BONDOPT_INT:
		if (opt->kind == BONDOPT_BOOL)
			v = second ? opt->def : !opt->def;
		else if (opt->flags & BONDOPT_F_NEEDS_MIIMON)
			v = second ? opt->def : 200; /* a multiple of miimon */
		else
			v = second		? opt->def :
			    opt->def < opt->max ? opt->def + 1 :
						  opt->def - 1;
		if (opt->flags & BONDOPT_F_SLAVE)
			snprintf(buf, size, "s1:%lld", (long long)v);
		else
			snprintf(buf, size, "%lld", (long long)v);
		return buf;
	case BONDOPT_IFNAME:
		return second ? "s0" : "s1";
	case BONDOPT_IPV4S:
		return second ? "192.0.2.2,192.0.2.3" : "192.0.2.1";
	case BONDOPT_IPV6S:
		return second ? "2001:db8::2,2001:db8::3" : "2001:db8::1";
	case BONDOPT_MAC:
		return second ? "02:00:00:00:00:02" : "02:00:00:00:00:01";
	case BONDOPT_NESTED:
		break;
	}
	return NULL;
}

/* Bond bt in @mode with slaves s0 and s1, and @name=@value. */
static int want_bond(struct bond_conf *c, unsigned int mode, enum bondopt_id id,
		     const char *value)
{
	const struct bondopt *opt = bondopt_get(id);
	int rc;

	bond_conf_init(c, "bt");
	rc = set(c, "mode", bondopt_mode_name(mode));
	if (!rc && opt->flags & BONDOPT_F_NEEDS_MIIMON)
		rc = set(c, "miimon", "100");
	bond_conf_add_member(c, "s0", &loc);
	bond_conf_add_member(c, "s1", &loc);
	if (!rc && value)
		rc = set(c, opt->name, value);
	return rc;
}

/*
 * Every option in every mode it is valid in: bond bt created with the
 * first value (s0 up before, so the planner must bring it down), read
 * back, planned again to nothing; then changed on the live bond to the
 * second value, read back, planned again to nothing.
 */
static void every_option_in_every_mode(void)
{
	unsigned int pairs = 0, mode;
	char b1[32], b2[32];
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		const struct bondopt *opt = bondopt_get(id);
		const char *v1 = value_of(id, false, b1, sizeof(b1));
		const char *v2 = value_of(id, true, b2, sizeof(b2));

		if (id == BONDOPT_MODE || !v1 ||
		    opt->flags & (BONDOPT_F_MODONLY | BONDOPT_F_READONLY))
			continue;
		for (mode = 0; mode < BOND_MODE_COUNT; mode++) {
			struct bond_conf w1, w2;
			struct diags d;
			int rc1, rc2 = -1;
			bool ok1 = false, ok2 = false;
			size_t left1 = 99, left2 = 99;

			if (!(opt->modes & BOND_MODE_BIT(mode)))
				continue;
			fakenl_reset();
			fakenl_add_dummy("s0", 1);
			fakenl_add_dummy("s1", 0);
			diags_init(&d);
			rc1 = want_bond(&w1, mode, id, v1);
			if (!rc1)
				rc1 = engine_apply(&w1, 0, &d, NULL);
			if (!rc1) {
				ok1 = kept(&w1, id);
				left1 = steps_left(&w1);
				rc2 = want_bond(&w2, mode, id, v2);
				if (!rc2)
					rc2 = engine_apply(&w2, 0, &d, NULL);
				ok2 = !rc2 && kept(&w2, id);
				left2 = !rc2 ? steps_left(&w2) : 99;
				bond_conf_free(&w2);
			}
			tap_ok(!rc1 && ok1 && !left1 && !rc2 && ok2 && !left2,
			       "%s in %s: %s=%s created, then %s on the live bond; read back; nothing left to do",
			       opt->name, bondopt_mode_name(mode), opt->name,
			       v1, v2);
			if (rc1 || rc2 || d.errors)
				printf("#   %d %d: %s\n", rc1, rc2,
				       first_diag(&d));
			bond_conf_free(&w1);
			diags_free(&d);
			pairs++;
		}
	}
	tap_ok(pairs >= 100, "%u option and mode pairs", pairs);
}

/* --- all or nothing ----------------------------------------------------- */

typedef void (*setup_fn)(void);
typedef void (*want_fn)(struct bond_conf *c);

/* Nothing but devices: s0 up with MTU 1500, s1 and s2 down. */
static void devices_only(void)
{
	fakenl_reset();
	fakenl_add_dummy("s0", 1);
	fakenl_add_dummy("s1", 0);
	fakenl_add_dummy("s2", 1);
}

/*
 * Bond @name with the options @opts (as in BONDING_OPTS), MTU @mtu (0:
 * left) and the slaves in @slaves, comma-separated.
 */
static void make_bond(struct bond_conf *c, const char *name, const char *opts,
		      unsigned int mtu, const char *slaves)
{
	char list[64], *save = NULL, *dev;
	struct diags d;

	bond_conf_init(c, name);
	diags_init(&d);
	if (optstr_parse(c, opts, OPTSTR_BONDING_OPTS, &loc, &d))
		printf("# %s: %s\n", opts, first_diag(&d));
	diags_free(&d);
	c->mtu = mtu;
	snprintf(list, sizeof(list), "%s", slaves);
	for (dev = strtok_r(list, ",", &save); dev;
	     dev = strtok_r(NULL, ",", &save))
		bond_conf_add_member(c, dev, &loc);
}

/* A new 802.3ad bond with options, an MTU and a slave option. */
static void want_new(struct bond_conf *c)
{
	make_bond(
		c, "bn",
		"mode=802.3ad miimon=100 updelay=200 lacp_rate=fast queue_id=s1:2",
		9000, "s0,s1");
}

/* An active-backup bond, up, with s0 and s1; s2 up, alone. */
static void old_bond(void)
{
	struct bond_conf c;
	struct diags d;

	devices_only();
	make_bond(&c, "bn", "mode=active-backup miimon=100 primary=s0", 0,
		  "s0,s1");
	diags_init(&d);
	if (engine_apply(&c, 0, &d, NULL))
		printf("# set-up failed: %s\n", first_diag(&d));
	diags_free(&d);
	bond_conf_free(&c);
}

/* That bond made 802.3ad with s1 and s2: a mode change with slaves. */
static void want_changed(struct bond_conf *c)
{
	make_bond(
		c, "bn",
		"mode=802.3ad miimon=200 lacp_rate=fast ad_actor_system=02:00:00:00:00:09",
		4000, "s1,s2");
}

/* That bond with only a new miimon and a slave option: no mode change. */
static void want_tuned(struct bond_conf *c)
{
	make_bond(c, "bn", "mode=active-backup miimon=300 primary=s1 prio=s1:5",
		  0, "s0,s1,s2");
}

static int cmp_lines(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The fake's links as text, sorted by name: a bond deleted and created
 * again by a rollback has another ifindex, which is all that changed.
 */
static char *sorted_state(void)
{
	char *state = fakenl_state(), *lines[64], *save = NULL, *line, *out;
	size_t n = 0, i, len = 0;

	for (line = strtok_r(state, "\n", &save); line && n < 64;
	     line = strtok_r(NULL, "\n", &save))
		lines[n++] = line;
	qsort(lines, n, sizeof(*lines), cmp_lines);
	for (i = 0; i < n; i++)
		len += strlen(lines[i]) + 1;
	out = calloc(1, len + 1);
	for (i = 0, len = 0; out && i < n; i++)
		len += (size_t)sprintf(out + len, "%s\n", lines[i]);
	free(state);
	return out;
}

typedef int run_fn(const void *arg, struct diags *d);

/*
 * For each of the @n requests of a run in turn: the links set up by
 * @setup, that request refused, the run @run(@arg) done; it must fail,
 * say why, and leave the links as they were. Returns how many did not.
 */
static unsigned int refuse_each(unsigned int n, setup_fn setup, run_fn *run,
				const void *arg)
{
	unsigned int i, bad = 0;
	char *before, *after;
	struct diags d;
	size_t k;
	int rc;

	for (i = 1; i <= n; i++) {
		setup();
		before = sorted_state();
		fakenl_refuse(0, i, -EINVAL);
		diags_init(&d);
		rc = run(arg, &d);
		fakenl_refuse(0, 0, 0);
		after = sorted_state();
		if (!rc || !d.errors || strcmp(before, after)) {
			bad++;
			printf("# refused request %u: rc %d, %u errors\n# before:\n%s# after:\n%s",
			       i, rc, d.errors, before, after);
			for (k = 0; k < d.n; k++)
				printf("#   %s\n", d.v[k].message);
		}
		free(before);
		free(after);
		diags_free(&d);
	}
	return bad;
}

static int apply_want(const void *want, struct diags *d)
{
	return engine_apply(want, 0, d, NULL);
}

/*
 * A refusal of each change request of the apply in turn (a refused step,
 * or a later one in the same batch, which the kernel still runs): the
 * apply fails, says so, and the links are as before.
 */
static void refusal_at_each_step(const char *what, setup_fn setup,
				 want_fn make_want)
{
	struct bond_conf want;
	struct diags d;
	unsigned int n, bad;
	size_t steps;
	int rc;

	make_want(&want);
	setup();
	n = fakenl_requests();
	diags_init(&d);
	rc = engine_apply(&want, 0, &d, &steps);
	n = fakenl_requests() - n;
	tap_ok(!rc && n > 0 && !steps_left(&want),
	       "%s: %zu steps, %u requests, and nothing left to do", what,
	       steps, n);
	if (rc)
		printf("#   %s\n", first_diag(&d));
	diags_free(&d);
	bad = refuse_each(n, setup, apply_want, &want);
	tap_ok(!bad,
	       "%s: a refusal at each of the %u requests fails the apply and leaves the links as they were",
	       what, n);
	bond_conf_free(&want);
}

/*
 * EPERM from the driver: the run has CAP_NET_ADMIN (it is checked before
 * anything is sent), so the hint is the driver's reasons, not privilege.
 */
static void eperm_hint(void)
{
	struct bond_conf want;
	struct diags d;
	int rc;

	want_new(&want);
	devices_only();
	fakenl_refuse(0, 1, -EPERM);
	diags_init(&d);
	rc = engine_apply(&want, 0, &d, NULL);
	fakenl_refuse(0, 0, 0);
	tap_ok(rc && strstr(first_diag(&d), "Operation not permitted") &&
		       strstr(first_diag(&d),
			      "the driver refuses it as the bond is now") &&
		       !strstr(first_diag(&d), "CAP_NET_ADMIN"),
	       "EPERM from the driver is hinted with the driver's reasons, not privilege");
	if (!rc)
		printf("#   %s\n", first_diag(&d));
	diags_free(&d);
	bond_conf_free(&want);
}

/* A rollback step refused too: the apply names what it could not undo. */
static void refused_rollback(void)
{
	struct bond_conf want;
	struct diags d;
	unsigned int n, i;
	bool named = false;
	int rc;

	want_changed(&want);
	old_bond();
	n = fakenl_requests();
	diags_init(&d);
	engine_apply(&want, 0, &d, NULL);
	diags_free(&d);
	n = fakenl_requests() - n;
	old_bond();
	/* the last forward request refused, and the first undo after it */
	fakenl_refuse(0, n, -EINVAL);
	fakenl_refuse(1, n + 1, -EIO);
	diags_init(&d);
	rc = engine_apply(&want, 0, &d, NULL);
	fakenl_refuse(0, 0, 0);
	fakenl_refuse(1, 0, 0);
	for (i = 0; i < d.n; i++)
		named |= !strncmp(d.v[i].message, "rollback: could not undo '",
				  26);
	tap_ok(rc && named,
	       "a refused rollback step is named: \"rollback: could not undo '...'\"");
	diags_free(&d);
	bond_conf_free(&want);
}

/* Whether @d has a "rollback left" line. */
static bool says_left(const struct diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (!strncmp(d->v[i].message, "rollback left ", 14))
			return true;
	return false;
}

/*
 * Every pair of a refused step and a refused undo after it: the apply
 * says what the rollback left different exactly when the links are not
 * as they were, and never that all was undone when it was not.
 */
static void rollback_left_said(setup_fn setup, const struct bond_conf *want,
			       unsigned int flags, const char *what)
{
	unsigned int n, i, j, pairs = 0, left = 0, bad = 0;
	char *before, *after;
	struct diags d;
	size_t k;
	int rc;

	setup();
	n = fakenl_requests();
	diags_init(&d);
	engine_apply(want, flags, &d, NULL);
	diags_free(&d);
	n = fakenl_requests() - n;
	for (i = 1; i <= n; i++)
		for (j = 1; j <= n; j++) {
			setup();
			before = sorted_state();
			fakenl_refuse(0, i, -EINVAL);
			fakenl_refuse(1, i + j, -EIO);
			diags_init(&d);
			rc = engine_apply(want, flags, &d, NULL);
			fakenl_refuse(0, 0, 0);
			fakenl_refuse(1, 0, 0);
			after = sorted_state();
			pairs++;
			left += !!strcmp(before, after);
			if (!rc || !strcmp(before, after) != !last_left ||
			    last_left != says_left(&d)) {
				bad++;
				printf("# refused %u and %u: rc %d, left %d\n# before:\n%s# after:\n%s",
				       i, i + j, rc, last_left, before, after);
				for (k = 0; k < d.n; k++)
					printf("#   %s\n", d.v[k].message);
			}
			free(before);
			free(after);
			diags_free(&d);
		}
	tap_ok(pairs && left && !bad,
	       "%s: %u pairs of refusals, %u left links changed: each said so, no other",
	       what, pairs, left);
}

/* The second apply of the same state sends nothing. */
static void second_apply_sends_nothing(void)
{
	struct bond_conf want;
	struct diags d;
	unsigned int n;
	size_t steps;
	int rc;

	want_changed(&want);
	old_bond();
	diags_init(&d);
	engine_apply(&want, 0, &d, NULL);
	n = fakenl_requests();
	rc = engine_apply(&want, 0, &d, &steps);
	tap_ok(!rc && !steps && fakenl_requests() == n && !d.errors,
	       "the second apply of the same state plans nothing and sends nothing");
	diags_free(&d);
	bond_conf_free(&want);
}

/* A needs-down option on a live bond: the bond goes down and comes back. */
static void needs_down_on_live_bond(void)
{
	struct bond_conf want;
	struct diags d;
	char *state;
	int rc;

	old_bond();
	make_bond(&want, "bn", "mode=active-backup fail_over_mac=active", 0,
		  "s0,s1");
	diags_init(&d);
	rc = engine_apply(&want, PLAN_KEEP_SLAVES, &d, NULL);
	state = fakenl_state();
	tap_ok(!rc && kept(&want, BONDOPT_FAIL_OVER_MAC) &&
		       strstr(state, "bn bond up=1"),
	       "an option that needs the bond down (fail_over_mac) is set on a live bond, which is up again after");
	if (rc)
		printf("#   %s\n", first_diag(&d));
	free(state);
	diags_free(&d);
	bond_conf_free(&want);
}

/* Whether the plan of bondcfg set for @want has a step described as @line. */
static bool plan_says(const struct bond_conf *want, const char *line)
{
	struct linkset ls;
	struct plan p;
	struct diags d;
	struct nl *nl;
	char buf[1024];
	bool found = false;
	size_t i;

	bnl_open(&nl);
	plan_init(&p);
	diags_init(&d);
	bnl_dump_links(nl, &ls);
	plan_bond(&p, want, &ls, PLAN_KEEP_SLAVES | PLAN_KEEP_LINK, &d);
	for (i = 0; i < p.n && !found; i++) {
		plan_step_describe(&p.v[i], buf, sizeof(buf));
		found = !strcmp(buf, line);
	}
	if (!found)
		printf("# no step '%s' in %zu\n", line, p.n);
	linkset_free(&ls);
	plan_free(&p);
	diags_free(&d);
	bnl_close(nl);
	return found;
}

/* The bond of old_bond() with queue_id 2 on s1. */
static void old_bond_queue(void)
{
	struct bond_conf c;
	struct diags d;

	old_bond();
	make_bond(&c, "bn", "queue_id=s1:2", 0, "");
	diags_init(&d);
	if (engine_apply(&c, PLAN_KEEP_SLAVES | PLAN_KEEP_LINK, &d, NULL))
		printf("# set-up failed: %s\n", first_diag(&d));
	diags_free(&d);
	bond_conf_free(&c);
}

/* bondcfg set's apply: its flags. */
static int apply_set(const void *arg, struct diags *d)
{
	return engine_apply(arg, PLAN_KEEP_SLAVES | PLAN_KEEP_LINK, d, NULL);
}

/*
 * bondcfg set: an option that needs a bond without slaves (mode) on a
 * live bond with slaves that set does not name. They are released for
 * it, and enslaved again after, up as they were, with their options; a
 * refusal at each request leaves the links as they were.
 */
static void set_mode_keeps_slaves(void)
{
	struct bond_conf want;
	struct diags d;
	unsigned int n;
	char *state;
	int rc;

	old_bond_queue();
	make_bond(&want, "bn", "mode=balance-xor queue_id=s0:3", 0, "");
	tap_ok(plan_says(&want, "bn: set slave s1 queue_id=2[5]") &&
		       plan_says(&want, "bn: set slave s0 queue_id=3[5]"),
	       "set mode=: the plan shows each slave enslaved again with the queue_id it had or is given");
	diags_init(&d);
	n = fakenl_requests();
	rc = apply_set(&want, &d);
	n = fakenl_requests() - n;
	state = fakenl_state();
	tap_ok(!rc && kept(&want, BONDOPT_MODE) &&
		       kept(&want, BONDOPT_SLAVE_QUEUE_ID) &&
		       strstr(state, "s0 dummy up=1 mtu=1500 master=bn") &&
		       strstr(state, "s1 dummy up=1 mtu=1500 master=bn") &&
		       strstr(state, "bn bond up=1") &&
		       strstr(state, "queue_id=s0:3") &&
		       strstr(state, "queue_id=s1:2"),
	       "set mode= on a live bond: its slaves are released for it and enslaved again, up, with their options and those set gives");
	if (rc || !strstr(state, "s0 dummy up=1 mtu=1500 master=bn"))
		printf("#   %s\n#   %s\n", first_diag(&d), state);
	tap_is_int((int)steps_left_keep(&want), 0,
		   "after it, set with the same options plans nothing");
	tap_is_int(
		(int)refuse_each(n, old_bond_queue, apply_set, &want), 0,
		"set mode= with slaves: a refusal at each of the %u requests fails it and leaves the links as they were",
		n);
	free(state);
	diags_free(&d);
	bond_conf_free(&want);
}

/*
 * On an older kernel (the fake as 5.10.223), an option it lacks is refused
 * by the planner, naming the release that has it, before anything is
 * sent.
 */
static void older_kernel_refused_before_sending(void)
{
	struct bondopt_kver k;
	unsigned int refused = 0, bad = 0;
	char b1[32];
	int id;

	bondopt_kver_parse("5.10.223", "", &k);
	for (id = 0; id < BONDOPT_COUNT; id++) {
		const struct bondopt *opt = bondopt_get(id);
		const char *v = value_of(id, false, b1, sizeof(b1));
		struct bond_conf want;
		struct diags d;
		unsigned int mode;
		int rc;

		if (!v ||
		    opt->flags & (BONDOPT_F_MODONLY | BONDOPT_F_READONLY) ||
		    !bondopt_kernel_lacks(opt, -1, &k))
			continue;
		for (mode = 0; !(opt->modes & BOND_MODE_BIT(mode)); mode++)
			;
		fakenl_reset();
		fakenl_kernel("5.10.223");
		fakenl_add_dummy("s0", 0);
		fakenl_add_dummy("s1", 0);
		want_bond(&want, mode, id, v);
		diags_init(&d);
		rc = engine_apply(&want, 0, &d, NULL);
		refused++;
		if (!rc || fakenl_requests() ||
		    !strstr(first_diag(&d), "not supported by this kernel")) {
			bad++;
			printf("# %s: rc %d, %u requests: %s\n", opt->name, rc,
			       fakenl_requests(), first_diag(&d));
		}
		diags_free(&d);
		bond_conf_free(&want);
	}
	tap_ok(refused >= 5 && !bad,
	       "5.10 lacks %u options: each refused before anything is sent",
	       refused);
}

/* --- down ------------------------------------------------------------- */

/*
 * Takes the bonds in @bonds (comma-separated) down in one plan, as
 * bondcfg down does: their slaves released, @up_dev brought up again
 * after (as its record would say; a slave of bn), the bonds deleted
 * unless @keep. @steps
 * gets the number of steps. Returns 0 or -errno.
 */
static int engine_down(const char *bonds, bool keep, const char *up_dev,
		       struct diags *d, size_t *steps)
{
	char list[64], *save = NULL, *name;
	struct bond_conf want[4];
	size_t n = 0, i;
	struct linkset ls;
	struct plan p;
	struct nl *nl;
	int rc;

	bnl_open(&nl);
	plan_init(&p);
	rc = bnl_dump_links(nl, &ls);
	snprintf(list, sizeof(list), "%s", bonds);
	for (name = strtok_r(list, ",", &save); !rc && name && n < 4;
	     name = strtok_r(NULL, ",", &save)) {
		bond_conf_init(&want[n], name);
		plan_down(&p, &want[n], &ls, keep);
		if (up_dev && !strcmp(name, "bn"))
			plan_slave_up(&p, &want[n], up_dev);
		n++;
	}
	if (steps)
		*steps = p.n;
	if (!rc)
		rc = plan_apply(&p, nl, &ls, 0, d, NULL);
	linkset_free(&ls);
	plan_free(&p);
	for (i = 0; i < n; i++)
		bond_conf_free(&want[i]);
	bnl_close(nl);
	return rc;
}

/* An 802.3ad bond with an MTU, ad_actor_system and a primary to give back. */
static void lacp_bond(void)
{
	struct bond_conf c;
	struct diags d;

	devices_only();
	make_bond(
		&c, "bn",
		"mode=802.3ad miimon=100 updelay=200 lacp_rate=fast ad_actor_system=02:00:00:00:00:09 ad_select=bandwidth",
		9000, "s0,s1");
	diags_init(&d);
	if (engine_apply(&c, 0, &d, NULL))
		printf("# set-up failed: %s\n", first_diag(&d));
	diags_free(&d);
	bond_conf_free(&c);
}

/* Bond bn in active-backup, and bm in 802.3ad with s2 and an MTU. */
static void two_bonds(void)
{
	struct bond_conf c;
	struct diags d;

	old_bond();
	make_bond(
		&c, "bm",
		"mode=802.3ad miimon=100 updelay=200 lacp_rate=fast ad_actor_system=02:00:00:00:00:09 ad_select=bandwidth",
		9000, "s2");
	diags_init(&d);
	if (engine_apply(&c, 0, &d, NULL))
		printf("# set-up failed: %s\n", first_diag(&d));
	diags_free(&d);
	bond_conf_free(&c);
}

/*
 * Down of the bonds @bonds set up by @setup: the bonds gone (kept with
 * @keep), their slaves released with their own MTU, s0 up again, nothing
 * left to do; then a refusal at each request: the down fails, and the
 * links are as before, a bond deleted created again with its options.
 */
struct down_args {
	const char *bonds;
	bool keep;
};

static int down_run(const void *arg, struct diags *d)
{
	const struct down_args *a = arg;

	return engine_down(a->bonds, a->keep, "s0", d, NULL);
}

static void down_all_or_nothing(const char *what, setup_fn setup,
				const char *bonds, size_t want_steps, bool keep)
{
	const struct down_args dn = { bonds, keep };
	unsigned int n, bad;
	char *after;
	struct diags d;
	size_t steps;
	int rc;

	setup();
	n = fakenl_requests();
	diags_init(&d);
	rc = engine_down(bonds, keep, "s0", &d, &steps);
	n = fakenl_requests() - n;
	after = fakenl_state();
	tap_ok(!rc && steps == want_steps &&
		       (strstr(after, "bn bond") != NULL) == keep &&
		       strstr(after, "s0 dummy up=1 mtu=1500 master=-") &&
		       strstr(after, "s1 dummy up=0 mtu=1500 master=-"),
	       "%s: %zu steps, %u requests; slaves released with their MTU, s0 up again",
	       what, steps, n);
	if (rc || !strstr(after, "s0 dummy up=1 mtu=1500 master=-"))
		printf("#   %s\n%s", first_diag(&d), after);
	free(after);
	diags_free(&d);
	diags_init(&d);
	rc = engine_down(bonds, keep, NULL, &d, &steps);
	tap_ok(!rc && !steps, "%s: then nothing left to do", what);
	diags_free(&d);
	bad = refuse_each(n, setup, down_run, &dn);
	tap_ok(!bad,
	       "%s: a refusal at each of the %u requests fails the down and leaves the links as they were",
	       what, n);
}

/*
 * Down of bn and bm through run_targets(), as down --all runs it, with
 * each request refused in turn: the one plan for both fails and is rolled
 * back, which creates a deleted bond again with another ifindex; each bond
 * then runs on its own (the refusal spent) and must go: its plan names
 * links, which the second runs find in links read again.
 */
static int run_down_two(struct diags *d)
{
	static const char *const names[2] = { "bn", "bm" };
	struct target t[2];
	struct linkset ls;
	struct nl *nl;
	size_t i;
	int rc;

	bnl_open(&nl);
	rc = bnl_dump_links(nl, &ls);
	for (i = 0; i < 2; i++) {
		run_target_init(&t[i], names[i]);
		if (!rc)
			plan_down(&t[i].plan, &t[i].want, &ls, false);
	}
	if (!rc) {
		rc = run_targets(nl, &ls, t, 2, 0, d);
		linkset_free(&ls);
	}
	for (i = 0; i < 2; i++)
		run_target_free(&t[i]);
	bnl_close(nl);
	return rc;
}

static void down_two_rerun_after_rollback(void)
{
	unsigned int n, i, bad = 0;
	struct diags d;
	char *after;
	int rc;

	two_bonds();
	n = fakenl_requests();
	diags_init(&d);
	rc = run_down_two(&d);
	n = fakenl_requests() - n;
	diags_free(&d);
	for (i = 1; i <= n && !rc; i++) {
		two_bonds();
		fakenl_refuse(0, i, -EINVAL);
		diags_init(&d);
		rc = run_down_two(&d);
		fakenl_refuse(0, 0, 0);
		after = fakenl_state();
		if (rc || strstr(after, " bond ")) {
			bad++;
			printf("# refused request %u: rc %d: %s\n%s", i, rc,
			       first_diag(&d), after);
		}
		rc = 0;
		free(after);
		diags_free(&d);
	}
	tap_ok(n > 2 && !bad,
	       "down of two bonds, each of %u requests refused in turn: the rollback then each bond on its own deletes both",
	       n);
}

/* two_bonds(), with bn in link group 7 and s0 in 9. */
static void two_bonds_grouped(void)
{
	two_bonds();
	fakenl_set_group("bn", 7);
	fakenl_set_group("s0", 9);
}

/*
 * Two bonds go in one group delete; a link already in the group the
 * engine would take first is not touched; a kernel without group delete
 * has them deleted one by one. No link is left in a group it was not in.
 */
static void down_two_by_group(void)
{
	static const struct {
		int err;
		unsigned int deletes;
		const char *what;
	} cases[] = {
		{ 0, 1, "one group delete" },
		{ -EOPNOTSUPP, 1, "a kernel without group delete: one by one" },
	};
	struct diags d;
	char *after;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		two_bonds();
		fakenl_add_dummy("x", 1);
		fakenl_set_group("x", 0x626f6e64);
		fakenl_group_delete(cases[i].err);
		diags_init(&d);
		rc = run_down_two(&d);
		after = fakenl_state();
		tap_ok(!rc && !strstr(after, " bond ") &&
			       fakenl_group_deletes() == cases[i].deletes &&
			       strstr(after,
				      "x dummy up=1 mtu=1500 master=- group=1651469924\n") &&
			       !strstr(after, "group=1651469925") &&
			       strstr(after,
				      "s2 dummy up=0 mtu=1500 master=-\n"),
		       "down of two bonds, %s: both gone, the link in the group first free kept, no group left",
		       cases[i].what);
		if (rc || strstr(after, " bond "))
			printf("#   rc %d: %s\n%s", rc, first_diag(&d), after);
		free(after);
		diags_free(&d);
		fakenl_group_delete(0);
	}
}

int main(void)
{
	every_option_in_every_mode();
	refusal_at_each_step("a new bond", devices_only, want_new);
	refusal_at_each_step("a mode change of a live bond with slaves",
			     old_bond, want_changed);
	refusal_at_each_step("options and a slave of a live bond", old_bond,
			     want_tuned);
	refused_rollback();
	{
		struct bond_conf want;

		want_changed(&want);
		rollback_left_said(old_bond, &want, 0, "a change of mode");
		bond_conf_free(&want);
		want_tuned(&want);
		rollback_left_said(old_bond, &want, 0, "a change of options");
		bond_conf_free(&want);
	}
	second_apply_sends_nothing();
	needs_down_on_live_bond();
	set_mode_keeps_slaves();
	eperm_hint();
	older_kernel_refused_before_sending();
	down_all_or_nothing("down of an active-backup bond", old_bond, "bn", 4,
			    false);
	down_all_or_nothing("down of an 802.3ad bond with an MTU", lacp_bond,
			    "bn", 4, false);
	down_all_or_nothing("down --keep", lacp_bond, "bn", 3, true);
	down_all_or_nothing("down of two bonds, one deleted before the other",
			    two_bonds, "bn,bm", 6, false);
	down_two_rerun_after_rollback();
	down_all_or_nothing("down of two bonds, the other way round", two_bonds,
			    "bm,bn", 6, false);
	down_two_by_group();
	down_all_or_nothing("down of two bonds in link groups of their own",
			    two_bonds_grouped, "bn,bm", 6, false);
	fakenl_reset();
	return tap_done();
}
