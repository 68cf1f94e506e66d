// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The planner: the ordered steps from what the kernel has to what is wanted.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/plan.h"
#include "model/xalloc.h"

/* Set after the slaves are enslaved: they name slaves. */
#define POST_OPTS bondopt_with_flags(BONDOPT_F_NAMES_SLAVE)

void plan_init(struct plan *p)
{
	memset(p, 0, sizeof(*p));
}

void plan_free(struct plan *p)
{
	free(p->v);
	plan_init(p);
}

struct step *plan_insert(struct plan *p, size_t at, enum step_kind kind,
			 const struct bond_conf *want, const char *dev)
{
	struct step *s;

	p->v = xreallocarray(p->v, p->n + 1, sizeof(*p->v));
	memmove(&p->v[at + 1], &p->v[at], (p->n - at) * sizeof(*p->v));
	p->n++;
	s = &p->v[at];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->want = want;
	str_copy(s->bond, sizeof(s->bond), want->name);
	if (dev)
		str_copy(s->dev, sizeof(s->dev), dev);
	return s;
}

static struct step *add(struct plan *p, enum step_kind kind,
			const struct bond_conf *want, const char *dev)
{
	return plan_insert(p, p->n, kind, want, dev);
}

/* The step that releases @dev from bond @from, for bond @want. */
static struct step *release(struct plan *p, const struct bond_conf *want,
			    const char *dev, const char *from)
{
	struct step *s = add(p, STEP_RELEASE, want, dev);

	str_copy(s->from, sizeof(s->from), from);
	return s;
}

/* Options @want sets that a request to the bond can carry. */
static uint64_t settable(const struct bond_conf *want)
{
	return want->present & ~bondopt_with_flags(BONDOPT_F_NOT_BOND_ATTR);
}

/*
 * The slaves of @have that were released for an option (a new mode) and
 * that @want does not list: with PLAN_KEEP_SLAVES they are enslaved again,
 * with the options they had, or those @want gives them, that the new mode
 * takes.
 */
static void rejoin(struct plan *p, const struct bond_conf *want,
		   const struct bond_conf *have, const struct linkset *ls)
{
	uint64_t in_mode = bondopt_in_mode(
		(unsigned int)bond_conf_effective(want, have, BONDOPT_MODE));
	const struct bond_slave_conf *ws;
	const struct link *dev;
	uint64_t given, had;
	struct step *s;
	size_t i;

	for (i = 0; i < have->n_slaves; i++) {
		ws = bond_conf_find_slave(want, have->slaves[i].name);
		dev = linkset_find(ls, have->slaves[i].name);
		if ((ws && ws->member) || !dev)
			continue;
		add(p, STEP_ENSLAVE, want, dev->name)->why =
			"a slave before: enslaved again";
		given = (ws ? ws->present : 0) & in_mode;
		had = dev->slave_opts.present & in_mode & ~given;
		if (had) {
			s = add(p, STEP_SLAVE_SET, want, dev->name);
			s->slave = &dev->slave_opts;
			s->opts = had;
		}
		if (given)
			add(p, STEP_SLAVE_SET, want, dev->name)->opts = given;
	}
}

const struct bond_slave_conf *plan_step_slave(const struct step *s)
{
	return s->slave ? s->slave : bond_conf_find_slave(s->want, s->dev);
}

uint64_t plan_diff(const struct bond_conf *want, const struct bond_conf *have)
{
	uint64_t opts = settable(want), diff = 0;
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++)
		if ((opts & BONDOPT_BIT(id)) &&
		    !bond_conf_same_value(want, have, id))
			diff |= BONDOPT_BIT(id);
	return diff;
}

static uint64_t slave_diff(const struct bond_slave_conf *want,
			   const struct bond_slave_conf *have)
{
	uint64_t diff = 0;
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		if (!(want->present & BONDOPT_BIT(id)))
			continue;
		if (!have || !(have->present & BONDOPT_BIT(id)) ||
		    have->num[id] != want->num[id])
			diff |= BONDOPT_BIT(id);
	}
	return diff;
}

/* Checks that @name can be enslaved to @bond; adds the error if not. */
static int check_slave(const struct link *dev, const struct bond_slave_conf *ws,
		       const struct bond_conf *want, const struct linkset *ls,
		       unsigned int flags, struct diags *d)
{
	const struct diag_loc *loc = ws->listed.source ? &ws->listed : NULL;
	const char *name = ws->name;
	const struct link *other;

	if (!dev) {
		diags_add(d, DIAG_ERROR, loc,
			  "%s: cannot enslave %s: no such device", want->name,
			  name);
		return -ENODEV;
	}
	if (!strcmp(name, want->name)) {
		diags_add(d, DIAG_ERROR, loc,
			  "%s: cannot enslave a bond to itself", want->name);
		return -EINVAL;
	}
	if (dev->flags & IFF_LOOPBACK) {
		diags_add(d, DIAG_ERROR, loc,
			  "%s: cannot enslave %s: it is a loopback device",
			  want->name, name);
		return -EINVAL;
	}
	other = dev->master ? linkset_find_index(ls, dev->master) : NULL;
	if (other && strcmp(other->name, want->name) && !(flags & PLAN_FORCE)) {
		diags_add(
			d, DIAG_ERROR, loc,
			"%s: cannot enslave %s: it is a slave of %s (release it there first, or force)",
			want->name, name, other->name);
		return -EBUSY;
	}
	return 0;
}

/*
 * Option @id set to @num for @want (of its slave @slave, or NULL): an
 * error when the running kernel lacks it, before anything is sent. An
 * option some live bond reports is there, whatever the release says
 * (distributions backport). With PLAN_TOLERATE a missing option is sent
 * anyway (the kernel ignores it; the read-back warns); a missing value
 * would be refused whole, and stays an error.
 */
static int check_kernel_has(const struct bond_conf *want,
			    const struct bond_slave_conf *slave,
			    enum bondopt_id id, const struct linkset *ls,
			    unsigned int flags, struct diags *d)
{
	const struct bondopt *opt = bondopt_get(id);
	const struct diag_loc *loc = slave ? &slave->where[id] :
					     &want->where[id];
	const struct bondopt_kver *need, *k = &ls->kver;
	int64_t num = slave ? slave->num[id] : want->num[id];
	char what[96], needs[80];
	bool whole;

	if (ls->reported & BONDOPT_BIT(id))
		need = NULL;
	else
		need = bondopt_kernel_lacks(opt, -1, k);
	whole = need;
	if (!need && opt->kind == BONDOPT_ENUM)
		need = bondopt_kernel_lacks(opt, num, k);
	if (!need || (whole && flags & PLAN_TOLERATE))
		return 0;
	if (slave)
		snprintf(what, sizeof(what), "%s of %s", opt->name,
			 slave->name);
	else if (whole)
		snprintf(what, sizeof(what), "%s", opt->name);
	else
		snprintf(what, sizeof(what), "%s=%s", opt->name,
			 bondopt_value_name(opt, (uint32_t)num));
	if (whole)
		bondopt_kver_format(opt, needs, sizeof(needs));
	else
		snprintf(needs, sizeof(needs), "%u.%u", need->major,
			 need->minor);
	diags_add(
		d, DIAG_ERROR, loc->source ? loc : NULL,
		"%s: %s is not supported by this kernel (%u.%u); needs %s (%s)",
		want->name, what, k->major, k->minor, needs,
		whole ? "remove it, or give --tolerate to send it anyway" :
			"choose another value");
	return -EOPNOTSUPP;
}

/* Every option of @want and its slaves that the running kernel lacks. */
static int check_kernel(const struct bond_conf *want, const struct linkset *ls,
			unsigned int flags, struct diags *d)
{
	unsigned int id;
	size_t i;
	int err = 0;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		if (bond_conf_has(want, id) &&
		    !(bondopt_get(id)->flags & BONDOPT_F_NOT_BOND_ATTR) &&
		    check_kernel_has(want, NULL, id, ls, flags, d))
			err = -EOPNOTSUPP;
		for (i = 0; i < want->n_slaves; i++)
			if (want->slaves[i].present & BONDOPT_BIT(id) &&
			    check_kernel_has(want, &want->slaves[i], id, ls,
					     flags, d))
				err = -EOPNOTSUPP;
	}
	return err;
}

int plan_bond(struct plan *p, const struct bond_conf *want,
	      const struct linkset *ls, unsigned int flags, struct diags *d)
{
	const struct link *bond = linkset_find(ls, want->name);
	const struct bond_conf *have = bond ? bond->bond : NULL;
	uint64_t diff, post, restrict_opts;
	bool released_all = false, down = false, up;
	struct step *s;
	size_t i;
	int err = 0;

	if (bond && !bond->is_bond) {
		diags_add(
			d, DIAG_ERROR, NULL,
			"%s: a %s device of that name exists and is not a bond",
			want->name, *bond->kind ? bond->kind : "network");
		return -EEXIST;
	}
	for (i = 0; i < want->n_slaves; i++) {
		const struct bond_slave_conf *ws = &want->slaves[i];
		const struct link *dev;

		if (!ws->member)
			continue;
		dev = linkset_find(ls, ws->name);
		if (check_slave(dev, ws, want, ls, flags, d))
			err = err ? err : -EINVAL;
	}
	if (check_kernel(want, ls, flags, d))
		err = err ? err : -EOPNOTSUPP;
	if (err)
		return err;

	if (!bond) {
		diff = settable(want);
		post = diff & POST_OPTS;
		s = add(p, STEP_CREATE, want, NULL);
		s->opts = diff & ~post;
		up = false;
	} else {
		diff = plan_diff(want, have);
		/* a new miimon changes the delays: they are sent after it */
		diff |= settable(want) & bond_conf_dependents(diff);
		post = diff & POST_OPTS;
		diff &= ~post;
		up = bond->flags & IFF_UP;
		restrict_opts = diff & bondopt_with_flags(BONDOPT_F_NOSLAVES);
		if (restrict_opts && have->n_slaves) {
			for (i = 0; i < have->n_slaves; i++) {
				s = release(p, want, have->slaves[i].name,
					    want->name);
				s->disruptive = true;
				s->why =
					"an option needs a bond without slaves";
			}
			released_all = true;
		}
		if ((restrict_opts ||
		     diff & bondopt_with_flags(BONDOPT_F_DOWN)) &&
		    up) {
			s = add(p, STEP_BOND_DOWN, want, NULL);
			s->disruptive = true;
			s->why = "an option needs the bond down";
			down = true;
			up = false;
		}
		if (diff) {
			s = add(p, STEP_SET, want, NULL);
			/* a new mode resets other options: send them all */
			if (diff & BONDOPT_BIT(BONDOPT_MODE)) {
				s->opts = settable(want) & ~POST_OPTS;
				post = settable(want) & POST_OPTS;
			} else {
				s->opts = diff;
			}
			s->disruptive = down || released_all;
		}
		if (!released_all && !(flags & PLAN_KEEP_SLAVES)) {
			bool members = false;

			for (i = 0; i < want->n_slaves; i++)
				members |= want->slaves[i].member;
			for (i = 0; members && i < have->n_slaves; i++) {
				const struct bond_slave_conf *ws =
					bond_conf_find_slave(
						want, have->slaves[i].name);

				if (ws && ws->member)
					continue;
				release(p, want, have->slaves[i].name,
					want->name);
			}
		}
	}

	for (i = 0; i < want->n_slaves; i++) {
		const struct bond_slave_conf *ws = &want->slaves[i];
		const struct link *dev = linkset_find(ls, ws->name);
		const struct link *other;
		bool enslaved = dev && bond && dev->master == bond->ifindex &&
				!released_all;
		uint64_t sdiff;

		if (!ws->member && !enslaved)
			continue;
		if (!enslaved) {
			other = dev->master ?
					linkset_find_index(ls, dev->master) :
					NULL;
			if (other &&
			    (!bond || other->ifindex != bond->ifindex)) {
				s = release(p, want, ws->name, other->name);
				s->disruptive = true;
				s->why = "forced: taken from another bond";
			}
			if (dev->flags & IFF_UP)
				add(p, STEP_SLAVE_DOWN, want, ws->name)->why =
					"a slave must be down to be enslaved";
			add(p, STEP_ENSLAVE, want, ws->name);
		}
		sdiff = slave_diff(ws, enslaved ? &dev->slave_opts : NULL);
		if (sdiff) {
			s = add(p, STEP_SLAVE_SET, want, ws->name);
			s->opts = sdiff;
		}
	}
	if (released_all && (flags & PLAN_KEEP_SLAVES))
		rejoin(p, want, have, ls);
	if (post) {
		s = add(p, STEP_SET, want, NULL);
		s->opts = post;
	}
	/* after the slaves: the kernel gives the bond's MTU to each */
	if (want->mtu && (!bond || bond->mtu != want->mtu))
		add(p, STEP_MTU, want, NULL);
	/* one taken down for an option comes back up even with KEEP_LINK */
	if (!up &&
	    (!(flags & PLAN_KEEP_LINK) || (bond && bond->flags & IFF_UP)))
		add(p, STEP_BOND_UP, want, NULL);
	return 0;
}

void plan_release(struct plan *p, const struct bond_conf *want, const char *dev)
{
	release(p, want, dev, want->name);
}

void plan_down(struct plan *p, const struct bond_conf *want,
	       const struct linkset *ls, bool keep)
{
	const struct link *b = linkset_find(ls, want->name);
	size_t i;

	if (!b || !b->is_bond || !b->bond)
		return;
	for (i = 0; i < b->bond->n_slaves; i++)
		plan_release(p, want, b->bond->slaves[i].name);
	if (!keep)
		add(p, STEP_DELETE, want, NULL);
}

void plan_slave_up(struct plan *p, const struct bond_conf *want,
		   const char *dev)
{
	add(p, STEP_SLAVE_UP, want, dev);
}

static const char *const step_names[] = {
	[STEP_CREATE] = "create",   [STEP_BOND_DOWN] = "set down",
	[STEP_MTU] = "set mtu",	    [STEP_RELEASE] = "release",
	[STEP_SET] = "set",	    [STEP_SLAVE_DOWN] = "set down",
	[STEP_ENSLAVE] = "enslave", [STEP_SLAVE_SET] = "set slave",
	[STEP_BOND_UP] = "set up",  [STEP_SLAVE_UP] = "set up",
	[STEP_DELETE] = "delete",
};

void plan_step_describe(const struct step *s, char *buf, size_t size)
{
	const struct bond_slave_conf *ws;
	char value[16 * 47];
	size_t len;
	int id;

	switch (s->kind) {
	case STEP_SLAVE_DOWN:
	case STEP_SLAVE_UP:
		len = (size_t)snprintf(buf, size, "%s: %s", s->dev,
				       step_names[s->kind]);
		break;
	case STEP_RELEASE:
		len = (size_t)snprintf(buf, size, "%s: release %s", s->from,
				       s->dev);
		break;
	case STEP_ENSLAVE:
	case STEP_SLAVE_SET:
		len = (size_t)snprintf(buf, size, "%s: %s %s", s->bond,
				       step_names[s->kind], s->dev);
		break;
	case STEP_MTU:
		len = (size_t)snprintf(buf, size, "%s: set mtu %u", s->bond,
				       s->want->mtu);
		break;
	default:
		len = (size_t)snprintf(buf, size, "%s: %s", s->bond,
				       step_names[s->kind]);
		break;
	}
	for (id = 0; id < BONDOPT_COUNT && len < size; id++) {
		const struct bondopt *opt = bondopt_get(id);

		if (!(s->opts & BONDOPT_BIT(id)))
			continue;
		if (s->kind == STEP_SLAVE_SET) {
			ws = plan_step_slave(s);
			snprintf(value, sizeof(value), "%lld",
				 ws ? (long long)ws->num[id] : 0LL);
		} else {
			bond_conf_format_value(s->want, id, value,
					       sizeof(value));
		}
		len += (size_t)snprintf(buf + len, size - len, " %s=%s[%u]",
					opt->name, value, opt->nla);
	}
}
