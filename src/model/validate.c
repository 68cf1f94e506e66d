// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Whole-bond validation: the rules that involve more than one option,
 * and those rules as the engine follows them.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "model/bondconf.h"

/* Option names come from the table, here as everywhere. */
#define N(id) (bondopt_get(BONDOPT_##id)->name)

struct check {
	const struct bond_conf *c;
	const struct bond_conf *base;
	struct diags *d;
	unsigned int mode;
	bool mode_set;
	int64_t miimon;
};

static const struct diag_loc *where(const struct check *k, enum bondopt_id id)
{
	return bond_conf_has(k->c, id) ? &k->c->where[id] : NULL;
}

static const char *mode_origin(const struct check *k)
{
	return k->mode_set ? "" : " (mode is not set: the kernel's default)";
}

static void check_mode(const struct check *k, enum bondopt_id id,
		       const struct diag_loc *loc, const char *slave)
{
	const struct bondopt *opt = bondopt_get(id);
	char modes[160], of[IF_NAMESIZE + 8] = "";

	if (opt->modes & BOND_MODE_BIT(k->mode))
		return;
	if (slave)
		snprintf(of, sizeof(of), " of %s", slave);
	bondopt_modes_format(opt->modes, modes, sizeof(modes));
	if (opt->flags & BONDOPT_F_SOFTMODES)
		diags_add(k->d, DIAG_WARNING, loc,
			  "%s%s has no effect in mode %s%s; it acts in %s",
			  opt->name, of, bondopt_mode_name(k->mode),
			  mode_origin(k), modes);
	else
		diags_add(
			k->d, DIAG_ERROR, loc,
			"%s%s is not valid in mode %s%s; the kernel takes it only in %s",
			opt->name, of, bondopt_mode_name(k->mode),
			mode_origin(k), modes);
}

static bool mode_forces_miimon(unsigned int mode)
{
	/* The modes that cannot use the ARP monitor get miimon=100. */
	return !(bondopt_get(BONDOPT_ARP_INTERVAL)->modes &
		 BOND_MODE_BIT(mode));
}

static void check_miimon(struct check *k)
{
	const struct bond_conf *c = k->c;

	k->miimon = bond_conf_effective(c, k->base, BONDOPT_MIIMON);
	if (!mode_forces_miimon(k->mode))
		return;
	if (bond_conf_has(c, BONDOPT_MIIMON) && c->num[BONDOPT_MIIMON] == 0) {
		diags_add(
			k->d, DIAG_WARNING, where(k, BONDOPT_MIIMON),
			"%s=0 turns link monitoring off in mode %s, where the ARP monitor cannot replace it; the kernel's default here is %s=100",
			N(MIIMON), bondopt_mode_name(k->mode), N(MIIMON));
	} else if (k->miimon == 0) {
		diags_add(k->d, DIAG_NOTE, where(k, BONDOPT_MODE),
			  "%s %s: %s is not set; the kernel will use %s=100",
			  N(MODE), bondopt_mode_name(k->mode), N(MIIMON),
			  N(MIIMON));
		k->miimon = 100;
	}
}

static void check_monitors(const struct check *k)
{
	const struct bond_conf *c = k->c;
	bool miimon_on = bond_conf_has(c, BONDOPT_MIIMON) &&
			 c->num[BONDOPT_MIIMON] > 0;
	char at[512];

	if (!miimon_on)
		return;
	diag_loc_format(&c->where[BONDOPT_MIIMON], at, sizeof(at));
	if (bond_conf_has(c, BONDOPT_ARP_INTERVAL) &&
	    c->num[BONDOPT_ARP_INTERVAL] > 0)
		diags_add(
			k->d, DIAG_ERROR, where(k, BONDOPT_ARP_INTERVAL),
			"%s and %s (at %s) exclude each other: the kernel turns one monitor off; keep one and remove the other or set it to 0",
			N(ARP_INTERVAL), N(MIIMON), at);
	if (bond_conf_has(c, BONDOPT_ARP_VALIDATE) &&
	    c->num[BONDOPT_ARP_VALIDATE] > 0)
		diags_add(
			k->d, DIAG_ERROR, where(k, BONDOPT_ARP_VALIDATE),
			"%s cannot be used with MII monitoring (%s at %s); use %s instead of %s, or remove %s",
			N(ARP_VALIDATE), N(MIIMON), at, N(ARP_INTERVAL),
			N(MIIMON), N(ARP_VALIDATE));
}

/* The options the table flags as needing miimon: the delays. */
static void check_delays(const struct check *k)
{
	const struct bond_conf *c = k->c;
	uint64_t delays = bondopt_with_flags(BONDOPT_F_NEEDS_MIIMON);
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		const char *name = bondopt_get(id)->name;
		int64_t v = c->num[id];

		if (!(delays & BONDOPT_BIT(id)) || !bond_conf_has(c, id))
			continue;
		if (k->miimon == 0)
			diags_add(
				k->d, DIAG_ERROR, where(k, id),
				"%s needs %s: the kernel refuses it while MII monitoring is off; add %s=100 (or another interval)",
				name, N(MIIMON), N(MIIMON));
		else if (v % k->miimon)
			diags_add(
				k->d, DIAG_WARNING, where(k, id),
				"%s=%lld is not a multiple of %s=%lld; the kernel will use %lld",
				name, (long long)v, N(MIIMON),
				(long long)k->miimon,
				(long long)(v / k->miimon * k->miimon));
	}
}

static void check_arp(const struct check *k)
{
	const struct bond_conf *c = k->c;
	int64_t interval =
		bond_conf_effective(c, k->base, BONDOPT_ARP_INTERVAL);
	bool targets =
		c->n_arp_targets || c->n_ns_targets ||
		(k->base && (k->base->n_arp_targets || k->base->n_ns_targets));

	if (bond_conf_has(c, BONDOPT_ARP_INTERVAL) && interval > 0 && !targets)
		diags_add(
			k->d, DIAG_ERROR, where(k, BONDOPT_ARP_INTERVAL),
			"%s=%lld needs at least one %s (or %s) to probe; add %s=ADDRESS",
			N(ARP_INTERVAL), (long long)interval, N(ARP_IP_TARGET),
			N(NS_IP6_TARGET), N(ARP_IP_TARGET));
	if (interval > 0)
		return;
	if (bond_conf_has(c, BONDOPT_ARP_VALIDATE) &&
	    c->num[BONDOPT_ARP_VALIDATE] > 0)
		diags_add(k->d, DIAG_WARNING, where(k, BONDOPT_ARP_VALIDATE),
			  "%s has no effect without %s", N(ARP_VALIDATE),
			  N(ARP_INTERVAL));
	if (c->n_arp_targets)
		diags_add(k->d, DIAG_WARNING, where(k, BONDOPT_ARP_IP_TARGET),
			  "%s has no effect without %s", N(ARP_IP_TARGET),
			  N(ARP_INTERVAL));
	if (c->n_ns_targets)
		diags_add(k->d, DIAG_WARNING, where(k, BONDOPT_NS_IP6_TARGET),
			  "%s has no effect without %s", N(NS_IP6_TARGET),
			  N(ARP_INTERVAL));
}

static void check_slave_names(const struct check *k)
{
	static const enum bondopt_id named[] = { BONDOPT_PRIMARY,
						 BONDOPT_ACTIVE_SLAVE };
	const struct bond_conf *c = k->c;
	const struct bond_slave_conf *s;
	bool members = false;
	size_t i;

	for (i = 0; i < c->n_slaves; i++)
		members |= c->slaves[i].member;
	if (!members)
		return;
	for (i = 0; i < 2; i++) {
		const char *name = bond_conf_ifname_of(c, named[i]);

		s = bond_conf_find_slave(c, name);
		if (bond_conf_has(c, named[i]) && *name && !(s && s->member))
			diags_add(k->d, DIAG_WARNING, where(k, named[i]),
				  "%s %s is not one of the bond's slaves",
				  bondopt_get(named[i])->name, name);
	}
}

/*
 * The driver refuses a queue id above the bond's transmit queues (the
 * module's tx_queues, 16 unless set) and one another slave already has.
 */
static void check_queue_ids(const struct check *k)
{
	const struct bond_conf *c = k->c;
	const enum bondopt_id id = BONDOPT_SLAVE_QUEUE_ID;
	int64_t queues = bondopt_get(BONDOPT_TX_QUEUES)->def;
	size_t i, j;

	for (i = 0; i < c->n_slaves; i++) {
		const struct bond_slave_conf *s = &c->slaves[i];

		if (!(s->present & BONDOPT_BIT(id)) || !s->num[id])
			continue;
		if (s->num[id] > queues)
			diags_add(
				k->d, DIAG_WARNING, &s->where[id],
				"%s of %s: %lld is above %lld, the default of %s; the kernel refuses it unless the module has more queues",
				N(SLAVE_QUEUE_ID), s->name,
				(long long)s->num[id], (long long)queues,
				N(TX_QUEUES));
		for (j = 0; j < i; j++) {
			const struct bond_slave_conf *o = &c->slaves[j];

			if ((o->present & BONDOPT_BIT(id)) &&
			    o->num[id] == s->num[id])
				diags_add(
					k->d, DIAG_ERROR, &s->where[id],
					"%s of %s: %s has queue %lld already; each slave needs its own",
					N(SLAVE_QUEUE_ID), s->name, o->name,
					(long long)s->num[id]);
		}
	}
}

int bond_conf_validate(const struct bond_conf *c, const struct bond_conf *base,
		       struct diags *d)
{
	struct check k = { .c = c, .base = base, .d = d };
	unsigned int errors = d->errors;
	size_t i;
	int id;

	k.mode = (unsigned int)bond_conf_effective(c, base, BONDOPT_MODE);
	k.mode_set = bond_conf_has(c, BONDOPT_MODE) ||
		     (base && bond_conf_has(base, BONDOPT_MODE));
	for (id = 0; id < BONDOPT_COUNT; id++)
		if (bond_conf_has(c, id))
			check_mode(&k, id, &c->where[id], NULL);
	for (i = 0; i < c->n_slaves; i++)
		for (id = 0; id < BONDOPT_COUNT; id++)
			if (c->slaves[i].present & BONDOPT_BIT(id))
				check_mode(&k, id, &c->slaves[i].where[id],
					   c->slaves[i].name);
	check_miimon(&k);
	check_monitors(&k);
	check_delays(&k);
	check_arp(&k);
	check_slave_names(&k);
	check_queue_ids(&k);
	if (bond_conf_has(c, BONDOPT_USE_CARRIER) &&
	    c->num[BONDOPT_USE_CARRIER] == 0)
		diags_add(
			d, DIAG_WARNING, where(&k, BONDOPT_USE_CARRIER),
			"%s=0 is obsolete: kernels from 6.18 refuse it; remove it",
			N(USE_CARRIER));
	return d->errors > errors ? -EINVAL : 0;
}

/* --- the rules, for the engine -------------------------------------------- */

int64_t bond_conf_kept_value(const struct bond_conf *want,
			     const struct bond_conf *have, enum bondopt_id id)
{
	int64_t v = want->num[id];
	int64_t miimon =
		bond_conf_has(want, BONDOPT_MIIMON) ?
			want->num[BONDOPT_MIIMON] :
			bond_conf_effective(have, NULL, BONDOPT_MIIMON);

	/* the kernel keeps delays as counts of miimon intervals */
	if ((bondopt_get(id)->flags & BONDOPT_F_NEEDS_MIIMON) && miimon > 0)
		return v / miimon * miimon;
	return v;
}

uint64_t bond_conf_dependents(uint64_t changed)
{
	return changed & BONDOPT_BIT(BONDOPT_MIIMON) ?
		       bondopt_with_flags(BONDOPT_F_NEEDS_MIIMON) :
		       0;
}

uint64_t bond_conf_acceptable(const struct bond_conf *c, uint64_t opts)
{
	if (!bond_conf_effective(c, NULL, BONDOPT_MIIMON))
		opts &= ~bondopt_with_flags(BONDOPT_F_NEEDS_MIIMON);
	return opts;
}

bool bond_conf_takes_over(const struct bond_conf *c, const char *dev)
{
	const struct bondopt_value *always = bondopt_value_find(
		bondopt_get(BONDOPT_PRIMARY_RESELECT), "always");

	return bond_conf_has(c, BONDOPT_PRIMARY) &&
	       !strcmp(bond_conf_ifname_of(c, BONDOPT_PRIMARY), dev) &&
	       always &&
	       bond_conf_effective(c, NULL, BONDOPT_PRIMARY_RESELECT) ==
		       always->value;
}

const char *bond_conf_chosen_primary(const struct bond_conf *want,
				     const struct bond_conf *have,
				     struct diag_loc *where)
{
	unsigned int mode =
		(unsigned int)bond_conf_effective(have, NULL, BONDOPT_MODE);
	const char *name;

	if (!bond_conf_has(want, BONDOPT_PRIMARY) ||
	    !(bondopt_get(BONDOPT_PRIMARY)->modes & BOND_MODE_BIT(mode)))
		return NULL;
	name = bond_conf_ifname_of(want, BONDOPT_PRIMARY);
	if (!bond_conf_takes_over(have, name))
		return NULL;
	*where = want->where[BONDOPT_PRIMARY];
	return name;
}

const char *bond_conf_monitor(const struct bond_conf *c)
{
	if (bond_conf_effective(c, NULL, BONDOPT_MIIMON) > 0)
		return N(MIIMON);
	if (bond_conf_effective(c, NULL, BONDOPT_ARP_INTERVAL) > 0)
		return "arp";
	return "none";
}

uint64_t bond_conf_refused_switch(const struct bond_conf *c)
{
	uint64_t bad = c->refused & bondopt_with_flags(BONDOPT_F_SWITCH);
	unsigned int mode;
	int id;

	if (bad & BONDOPT_BIT(BONDOPT_MODE))
		return BONDOPT_BIT(BONDOPT_MODE);
	mode = (unsigned int)bond_conf_effective(c, NULL, BONDOPT_MODE);
	/* the modes it acts in, not those the kernel takes it in */
	for (id = 0; id < BONDOPT_COUNT; id++)
		if (bad & BONDOPT_BIT(id) &&
		    !(bondopt_get(id)->modes & BOND_MODE_BIT(mode)))
			bad &= ~BONDOPT_BIT(id);
	return bad;
}
