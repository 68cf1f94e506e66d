// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Drift: a live bond compared with the bond its configuration builds, in
 * the engine's own terms: what plan_diff() would change, the slaves a plan
 * would enslave or release, and what no plan touches (options the files
 * leave at their default, a slave that does not exist).
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/drift.h"
#include "engine/plan.h"
#include "formats/shfile.h"
#include "model/xalloc.h"

void drifts_init(struct drifts *x)
{
	x->v = NULL;
	x->n = 0;
}

void drifts_free(struct drifts *x)
{
	size_t i;

	for (i = 0; i < x->n; i++) {
		free(x->v[i].have);
		free(x->v[i].want);
	}
	free(x->v);
	drifts_init(x);
}

static struct drift *add(struct drifts *x, enum drift_kind kind,
			 const char *bond, const char *slave, int opt,
			 const struct diag_loc *where)
{
	struct drift *d;

	x->v = xreallocarray(x->v, x->n + 1, sizeof(*x->v));
	d = &x->v[x->n++];
	memset(d, 0, sizeof(*d));
	d->kind = kind;
	d->opt = opt;
	snprintf(d->bond, sizeof(d->bond), "%s", bond);
	snprintf(d->slave, sizeof(d->slave), "%s", slave ? slave : "");
	if (where && where->source)
		d->where = *where;
	return d;
}

static char *value_of(const struct bond_conf *c, enum bondopt_id id)
{
	char buf[BOND_MAX_TARGETS * (INET6_ADDRSTRLEN + 1)];

	bond_conf_format_value(c, id, buf, sizeof(buf));
	return xstrdup(buf[0] ? buf : "none");
}

/* The options the files set that a plan would change. */
static void options(struct drifts *x, const struct bond_conf *want,
		    const struct bond_conf *have)
{
	uint64_t diff = bond_conf_acceptable(want, plan_diff(want, have));
	struct drift *d;
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		const struct bondopt *opt = bondopt_get(id);

		if (!(diff & BONDOPT_BIT(id)) || opt->flags & BONDOPT_F_STATE)
			continue;
		/* an option this kernel does not report is not compared */
		if (!bond_conf_has(have, id) && opt->kind != BONDOPT_IFNAME)
			continue;
		d = add(x, DRIFT_OPTION, want->name, NULL, id,
			&want->where[id]);
		d->have = value_of(have, id);
		d->want = value_of(want, id);
	}
}

/*
 * The options the files leave out, that act in the files' mode, whose
 * live value is not what a new bond gets: a bond the module created with
 * its own defaults, or an option changed by hand. No plan resets them.
 */
static void defaults(struct drifts *x, const struct bond_conf *want,
		     const struct bond_conf *have)
{
	/* the mode the files give it: what matters once it is converged */
	unsigned int mode =
		(unsigned int)bond_conf_effective(want, NULL, BONDOPT_MODE);
	uint32_t skip = BONDOPT_F_NOT_BOND_ATTR | BONDOPT_F_STATE;
	struct bond_conf def;
	struct drift *d;
	int id;

	bond_conf_init_defaults(&def, want->name);
	for (id = 0; id < BONDOPT_COUNT; id++) {
		const struct bondopt *opt = bondopt_get(id);

		if (bond_conf_has(want, id) || !bond_conf_has(have, id) ||
		    opt->flags & skip || opt->kind == BONDOPT_NESTED ||
		    !(opt->modes & BOND_MODE_BIT(mode)) ||
		    bond_conf_same_value(&def, have, id))
			continue;
		d = add(x, DRIFT_DEFAULT, want->name, NULL, id, NULL);
		d->have = value_of(have, id);
		d->want = value_of(&def, id);
	}
	bond_conf_free(&def);
}

static char *number(int64_t n)
{
	return xasprintf("%lld", (long long)n);
}

static void slave_options(struct drifts *x, const struct bond_conf *want,
			  const struct bond_slave_conf *ws,
			  const struct link *dev)
{
	struct drift *d;
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		uint64_t bit = BONDOPT_BIT(id);

		if (!(ws->present & bit) || !(dev->slave_opts.present & bit) ||
		    dev->slave_opts.num[id] == ws->num[id])
			continue;
		d = add(x, DRIFT_SLAVE_OPTION, want->name, ws->name, id,
			&ws->where[id]);
		d->have = number(dev->slave_opts.num[id]);
		d->want = number(ws->num[id]);
	}
}

static void slaves(struct drifts *x, const struct bond_conf *want,
		   const struct link *live, const struct linkset *ls)
{
	const struct bond_conf *have = live->bond;
	const struct bond_slave_conf *ws;
	const struct link *dev, *other;
	struct drift *d;
	size_t i;

	for (i = 0; i < want->n_slaves; i++) {
		ws = &want->slaves[i];
		dev = linkset_find(ls, ws->name);
		if (!ws->member) {
			if (dev && dev->master == live->ifindex)
				slave_options(x, want, ws, dev);
			continue;
		}
		if (!dev) {
			add(x, DRIFT_SLAVE_ABSENT, want->name, ws->name, -1,
			    &ws->listed);
			continue;
		}
		if (dev->master != live->ifindex) {
			d = add(x, DRIFT_SLAVE_MISSING, want->name, ws->name,
				-1, &ws->listed);
			other = dev->master ?
					linkset_find_index(ls, dev->master) :
					NULL;
			if (other)
				d->have = xstrdup(other->name);
			continue;
		}
		slave_options(x, want, ws, dev);
	}
	for (i = 0; i < have->n_slaves; i++) {
		ws = bond_conf_find_slave(want, have->slaves[i].name);
		if (!ws || !ws->member)
			add(x, DRIFT_SLAVE_EXTRA, want->name,
			    have->slaves[i].name, -1, NULL);
	}
}

/* The primary is up and would be chosen, yet another slave is active. */
static void primary(struct drifts *x, const struct bond_conf *want,
		    const struct link *live, const struct linkset *ls)
{
	const struct bond_conf *have = live->bond;
	struct diag_loc where;
	const char *name = bond_conf_chosen_primary(want, have, &where);
	const struct link *dev = name ? linkset_find(ls, name) : NULL;
	struct drift *d;

	if (!dev || dev->master != live->ifindex || !dev->is_bond_slave ||
	    dev->slave.mii_status != 0 || dev->slave.state == 0)
		return;
	d = add(x, DRIFT_NOT_PRIMARY, want->name, name, -1, &where);
	d->have = xstrdup(
		bond_conf_has(have, BONDOPT_ACTIVE_SLAVE) ?
			bond_conf_ifname_of(have, BONDOPT_ACTIVE_SLAVE) :
			"none");
	d->want = xstrdup(name);
}

void drift_bond(struct drifts *x, const struct bond_conf *want, bool onboot,
		const struct link *live, const struct linkset *ls)
{
	struct diag_loc none = { 0 };
	const struct diag_loc *decl;
	struct drift *d;

	if (!want) {
		if (live && live->is_bond)
			add(x, DRIFT_UNCONFIGURED, live->name, NULL, -1, NULL);
		return;
	}
	decl = want->where[BONDOPT_MODE].source ? &want->where[BONDOPT_MODE] :
						  &none;
	if (!live) {
		if (onboot)
			add(x, DRIFT_MISSING, want->name, NULL, -1, decl);
		return;
	}
	if (!live->is_bond) {
		d = add(x, DRIFT_NOT_BOND, want->name, NULL, -1, decl);
		d->have = xstrdup(live->kind[0] ? live->kind : "device");
		return;
	}
	if (!(live->flags & IFF_UP))
		add(x, DRIFT_DOWN, want->name, NULL, -1, decl);
	options(x, want, live->bond);
	defaults(x, want, live->bond);
	if (want->mtu && live->mtu != want->mtu) {
		d = add(x, DRIFT_MTU, want->name, NULL, -1, &want->mtu_where);
		d->have = xasprintf("%u", live->mtu);
		d->want = xasprintf("%u", want->mtu);
	}
	slaves(x, want, live, ls);
	primary(x, want, live, ls);
}

static const char *const codes[DRIFT_N_KINDS] = {
	[DRIFT_MISSING] = "missing",
	[DRIFT_NOT_BOND] = "not_a_bond",
	[DRIFT_DOWN] = "down",
	[DRIFT_OPTION] = "option",
	[DRIFT_DEFAULT] = "option_not_default",
	[DRIFT_MTU] = "mtu",
	[DRIFT_SLAVE_MISSING] = "slave_not_enslaved",
	[DRIFT_SLAVE_ABSENT] = "slave_does_not_exist",
	[DRIFT_SLAVE_EXTRA] = "slave_not_configured",
	[DRIFT_SLAVE_OPTION] = "slave_option",
	[DRIFT_NOT_PRIMARY] = "primary_not_active",
	[DRIFT_UNCONFIGURED] = "bond_not_configured",
};

const char *drift_code(enum drift_kind kind)
{
	return kind < DRIFT_N_KINDS ? codes[kind] : "unknown";
}

void drift_describe(const struct drift *d, char *buf, size_t size)
{
	const char *opt = d->opt >= 0 ? bondopt_get(d->opt)->name : "";
	char where[PATH_MAX + 32] = "";
	size_t len;

	if (d->where.source) {
		where[0] = ' ';
		where[1] = '(';
		diag_loc_format(&d->where, where + 2, sizeof(where) - 3);
		strcat(where, ")");
	}
	switch (d->kind) {
	case DRIFT_MISSING:
		snprintf(buf, size,
			 "%s: does not exist, the files bring it up at boot%s",
			 d->bond, where);
		break;
	case DRIFT_NOT_BOND:
		snprintf(
			buf, size,
			"%s: is a %s link, not a bond; the files configure a bond%s",
			d->bond, d->have, where);
		break;
	case DRIFT_DOWN:
		snprintf(buf, size, "%s: is down, the files bring it up%s",
			 d->bond, where);
		break;
	case DRIFT_OPTION:
		snprintf(buf, size, "%s: %s is %s, the files say %s%s", d->bond,
			 opt, d->have, d->want, where);
		break;
	case DRIFT_DEFAULT:
		snprintf(buf, size,
			 "%s: %s is %s, the files leave it at the default %s",
			 d->bond, opt, d->have, d->want);
		break;
	case DRIFT_MTU:
		snprintf(buf, size, "%s: MTU is %s, the files say %s%s",
			 d->bond, d->have, d->want, where);
		break;
	case DRIFT_SLAVE_MISSING:
		snprintf(buf, size, "%s: slave %s is not enslaved%s%s%s",
			 d->bond, d->slave,
			 d->have ? " (it is a slave of " : "",
			 d->have ? d->have : "", d->have ? ")" : "");
		len = strlen(buf);
		snprintf(buf + len, size - len, ", the files list it%s", where);
		break;
	case DRIFT_SLAVE_ABSENT:
		snprintf(buf, size,
			 "%s: slave %s does not exist, the files list it%s",
			 d->bond, d->slave, where);
		break;
	case DRIFT_SLAVE_EXTRA:
		snprintf(buf, size,
			 "%s: slave %s is enslaved, no file lists it", d->bond,
			 d->slave);
		break;
	case DRIFT_SLAVE_OPTION:
		snprintf(buf, size,
			 "%s: slave %s: %s is %s, the files say %s%s", d->bond,
			 d->slave, opt, d->have, d->want, where);
		break;
	case DRIFT_NOT_PRIMARY:
		snprintf(
			buf, size,
			"%s: %s is the active slave while the primary %s is up, and primary_reselect would choose it%s",
			d->bond, d->have, d->want, where);
		break;
	default:
		snprintf(buf, size, "%s: is a bond, no file configures it",
			 d->bond);
		break;
	}
	diag_mask(buf);
}

/* The command that ends @d, on @out; names quoted for a shell as needed. */
static void write_fix(FILE *out, const struct drift *d)
{
	const char *verb = "apply", *key = NULL;

	switch (d->kind) {
	case DRIFT_NOT_BOND:
	case DRIFT_SLAVE_ABSENT:
		return;
	case DRIFT_MISSING:
		verb = "up";
		break;
	case DRIFT_UNCONFIGURED:
		verb = "down";
		break;
	case DRIFT_DEFAULT:
		/* apply converges what the files set, nothing else */
		verb = "set";
		key = bondopt_get(d->opt)->name;
		break;
	case DRIFT_NOT_PRIMARY:
		verb = "set";
		key = bondopt_get(BONDOPT_ACTIVE_SLAVE)->name;
		break;
	default:
		break;
	}
	fprintf(out, "bondcfg %s ", verb);
	shfile_write_word(out, d->bond);
	if (key) {
		fprintf(out, " %s=", key);
		shfile_write_word(out, d->want);
	}
}

void drift_fix(const struct drift *d, char *buf, size_t size)
{
	FILE *out = fmemopen(buf, size, "w");

	buf[0] = '\0';
	if (!out)
		return;
	write_fix(out, d);
	fclose(out);
	buf[size - 1] = '\0';
	diag_mask(buf);
}
