// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The fake kernel boundary: see fakenl.h. The rules are the option table's
 * (bondopt.c), which the kernel suite checks against the real driver; this
 * fake lets the planner and apply run against them without root.
 */
#include "config.h"

#include <errno.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fakenl.h"
#include "engine/plan.h"
#include "kernel/nl.h"
#include "model/xalloc.h"

struct fake_link {
	int ifindex;
	char name[IF_NAMESIZE];
	bool up;
	unsigned int mtu;
	int master; /* ifindex, 0 for none */
	uint32_t group; /* the link group */
	bool is_bond;
	struct bond_conf conf; /* bonds: every option's value */
	char active[IF_NAMESIZE]; /* bonds: the active slave chosen */
	bool is_slave;
	struct bond_slave_conf sopts; /* slaves: their options */
	unsigned int original_mtu; /* slaves: given back on release */
};

#define MAX_LINKS 256
#define MAX_QUEUED BNL_BATCH_MAX

static struct {
	struct fake_link v[MAX_LINKS];
	size_t n;
	int next_ifindex;
	char release[65];
	unsigned int requests;
	int group_delete_err; /* fakenl_group_delete() */
	unsigned int group_deletes; /* asked for, refused ones too */
	unsigned int refuse_at[2];
	int refuse_err[2];
	/* a batch: the answers of the requests queued */
	bool batching;
	struct nl_error queued[MAX_QUEUED];
	size_t nqueued;
} fk = { .next_ifindex = 1 };

struct nl {
	unsigned int changes;
	unsigned int round_trips;
};

void fakenl_reset(void)
{
	size_t i;

	for (i = 0; i < fk.n; i++)
		if (fk.v[i].is_bond)
			bond_conf_free(&fk.v[i].conf);
	memset(&fk, 0, sizeof(fk));
	fk.next_ifindex = 1;
}

void fakenl_kernel(const char *release)
{
	snprintf(fk.release, sizeof(fk.release), "%s", release ? release : "");
}

void fakenl_group_delete(int err)
{
	fk.group_delete_err = err;
}

unsigned int fakenl_group_deletes(void)
{
	return fk.group_deletes;
}

void fakenl_set_group(const char *name, unsigned int group)
{
	size_t i;

	for (i = 0; i < fk.n; i++)
		if (!strcmp(fk.v[i].name, name))
			fk.v[i].group = group;
}

void fakenl_refuse(int slot, unsigned int n, int err)
{
	fk.refuse_at[slot] = n ? fk.requests + n : 0;
	fk.refuse_err[slot] = err;
}

unsigned int fakenl_requests(void)
{
	return fk.requests;
}

static struct fake_link *by_index(int ifindex)
{
	size_t i;

	for (i = 0; i < fk.n; i++)
		if (fk.v[i].ifindex == ifindex)
			return &fk.v[i];
	return NULL;
}

static struct fake_link *by_name(const char *name)
{
	size_t i;

	for (i = 0; i < fk.n; i++)
		if (!strcmp(fk.v[i].name, name))
			return &fk.v[i];
	return NULL;
}

static struct fake_link *add_link(const char *name)
{
	struct fake_link *l = &fk.v[fk.n++];

	memset(l, 0, sizeof(*l));
	l->ifindex = fk.next_ifindex++;
	snprintf(l->name, sizeof(l->name), "%s", name);
	l->mtu = 1500;
	return l;
}

static void remove_link(struct fake_link *l)
{
	if (l->is_bond)
		bond_conf_free(&l->conf);
	memmove(l, l + 1, (size_t)(&fk.v[fk.n] - (l + 1)) * sizeof(*l));
	fk.n--;
}

void fakenl_add_dummy(const char *name, int up)
{
	add_link(name)->up = up;
}

/* The release the fake reports, parsed; unknown (nothing lacking) if "". */
static struct bondopt_kver kver(void)
{
	struct bondopt_kver k = { 0, 0, 0 };

	if (*fk.release)
		bondopt_kver_parse(fk.release, "", &k);
	return k;
}

static bool kernel_has(enum bondopt_id id, int64_t value)
{
	struct bondopt_kver k = kver();

	return !bondopt_kernel_lacks(bondopt_get(id), value, &k);
}

static unsigned int mode_of(const struct fake_link *b)
{
	return (unsigned int)b->conf.num[BONDOPT_MODE];
}

static bool has_slaves(const struct fake_link *b)
{
	size_t i;

	for (i = 0; i < fk.n; i++)
		if (fk.v[i].master == b->ifindex)
			return true;
	return false;
}

static bool uses_active(const struct fake_link *b)
{
	return bondopt_get(BONDOPT_ACTIVE_SLAVE)->modes &
	       BOND_MODE_BIT(mode_of(b));
}

/*
 * The driver's choice of active slave in the modes that have one: the
 * primary when it joins and primary_reselect is "always", else the one
 * active so far, else the primary, else the first slave.
 */
static void select_active(struct fake_link *b, const struct fake_link *joined)
{
	const struct fake_link *s;
	size_t i;

	if (!uses_active(b)) {
		b->active[0] = '\0';
		return;
	}
	if (joined &&
	    !strcmp(joined->name,
		    bond_conf_ifname(&b->conf, BONDOPT_PRIMARY)) &&
	    b->conf.num[BONDOPT_PRIMARY_RESELECT] == 0) {
		snprintf(b->active, sizeof(b->active), "%s", joined->name);
		return;
	}
	s = *b->active ? by_name(b->active) : NULL;
	if (s && s->master == b->ifindex)
		return;
	s = *bond_conf_ifname(&b->conf, BONDOPT_PRIMARY) ?
		    by_name(bond_conf_ifname(&b->conf, BONDOPT_PRIMARY)) :
		    NULL;
	if (!s || s->master != b->ifindex)
		for (i = 0, s = NULL; i < fk.n && !s; i++)
			if (fk.v[i].master == b->ifindex)
				s = &fk.v[i];
	snprintf(b->active, sizeof(b->active), "%s", s ? s->name : "");
}

__attribute__((format(printf, 3, 4))) static int
refuse(struct nl_error *e, int err, const char *fmt, ...)
{
	va_list ap;

	e->err = err;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return err;
}

/* Counts a change request; the refusals armed by fakenl_refuse(). */
static int request(struct nl *nl, struct nl_error *e)
{
	int slot;

	memset(e, 0, sizeof(*e));
	fk.requests++;
	nl->changes++;
	if (!fk.batching)
		nl->round_trips++;
	for (slot = 0; slot < 2; slot++)
		if (fk.refuse_at[slot] && fk.requests == fk.refuse_at[slot])
			return refuse(e, fk.refuse_err[slot],
				      "refused by the test");
	return 0;
}

/* In a batch, the answer is queued and the call returns 0. */
static int answer(int rc, const struct nl_error *e)
{
	if (!fk.batching)
		return rc;
	if (fk.nqueued < MAX_QUEUED)
		fk.queued[fk.nqueued++] = *e;
	return 0;
}

/* A new bond's options: every one the kernel reports, at its default. */
/*
 * Sets the options @opts of @c on bond @b in attribute order, as the
 * driver's changelink does, stopping at the first refusal (the options
 * before it stay set).
 */
static int set_options(struct fake_link *b, const struct bond_conf *c,
		       uint64_t opts, const struct linkset *ls,
		       struct nl_error *e)
{
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		const struct bondopt *opt = bondopt_get(id);
		const char *ifname;
		const struct link *dev;

		if (!(opts & BONDOPT_BIT(id)) ||
		    opt->flags & BONDOPT_F_NOT_BOND_ATTR)
			continue;
		if (!kernel_has(id,
				opt->kind == BONDOPT_ENUM ? c->num[id] : -1))
			continue; /* an attribute it does not know: ignored */
		if (opt->flags & BONDOPT_F_DOWN && b->up)
			return refuse(e, -EBUSY, "%s: %s needs the bond down",
				      b->name, opt->name);
		if (opt->flags & BONDOPT_F_NOSLAVES && has_slaves(b))
			return refuse(e, -ENOTEMPTY,
				      "%s: %s needs a bond without slaves",
				      b->name, opt->name);
		if (!(bondopt_in_mode(mode_of(b)) & BONDOPT_BIT(id)))
			return refuse(e, -EACCES, "%s: %s: not in this mode",
				      b->name, opt->name);
		if (opt->flags & BONDOPT_F_NEEDS_MIIMON &&
		    !b->conf.num[BONDOPT_MIIMON])
			return refuse(e, -EPERM, "%s: %s needs miimon", b->name,
				      opt->name);
		switch (opt->kind) {
		case BONDOPT_IFNAME:
			ifname = bond_conf_ifname_of(c, id);
			dev = *ifname ? linkset_find(ls, ifname) : NULL;
			if (*ifname && !dev)
				return refuse(e, -ENODEV, "%s: no device %s",
					      opt->name, ifname);
			if (id == BONDOPT_ACTIVE_SLAVE) {
				const struct fake_link *s =
					dev ? by_index(dev->ifindex) : NULL;

				if (dev && (!s || s->master != b->ifindex))
					return refuse(e, -EINVAL,
						      "%s is not a slave of %s",
						      ifname, b->name);
				snprintf(b->active, sizeof(b->active), "%s",
					 s ? s->name : "");
			} else {
				snprintf(bond_conf_ifname(&b->conf,
							  BONDOPT_PRIMARY),
					 IF_NAMESIZE, "%s", ifname);
			}
			break;
		case BONDOPT_IPV4S:
		case BONDOPT_IPV6S:
		case BONDOPT_MAC:
			bond_conf_copy_option(&b->conf, c, id);
			break;
		default:
			b->conf.num[id] = c->num[id];
			/* delays are kept as multiples of miimon, rounded down */
			if (opt->flags & BONDOPT_F_NEEDS_MIIMON)
				b->conf.num[id] -= b->conf.num[id] %
						   b->conf.num[BONDOPT_MIIMON];
			break;
		}
	}
	select_active(b, NULL);
	return 0;
}

/* --- the boundary ------------------------------------------------------ */

int bnl_open(struct nl **nl)
{
	*nl = xcalloc(1, sizeof(**nl));
	return 0;
}

void bnl_close(struct nl *nl)
{
	free(nl);
}

unsigned int bnl_changes(const struct nl *nl)
{
	return nl->changes;
}

unsigned int bnl_round_trips(const struct nl *nl)
{
	return nl->round_trips;
}

void bnl_batch_begin(struct nl *nl)
{
	(void)nl;
	fk.batching = true;
	fk.nqueued = 0;
}

int bnl_batch_end(struct nl *nl, struct nl_error *errs)
{
	size_t i;

	fk.batching = false;
	if (fk.nqueued)
		nl->round_trips++;
	for (i = 0; i < fk.nqueued; i++)
		errs[i] = fk.queued[i];
	fk.nqueued = 0;
	return 0;
}

static void fill_link(struct link *l, const struct fake_link *f)
{
	struct bondopt_kver k = kver();
	uint64_t known = 0;
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++)
		if (!bondopt_kernel_lacks(bondopt_get(id), -1, &k))
			known |= BONDOPT_BIT(id);

	memset(l, 0, sizeof(*l));
	l->ifindex = f->ifindex;
	snprintf(l->name, sizeof(l->name), "%s", f->name);
	l->flags = f->up ? IFF_UP : 0;
	l->type = ARPHRD_ETHER;
	l->mtu = f->mtu;
	l->master = f->master;
	l->group = f->group;
	snprintf(l->kind, sizeof(l->kind), "%s", f->is_bond ? "bond" : "dummy");
	if (f->is_bond) {
		const struct fake_link *p =
			by_name(bond_conf_ifname_of(&f->conf, BONDOPT_PRIMARY));

		l->is_bond = true;
		l->bond = xcalloc(1, sizeof(*l->bond));
		bond_conf_copy(l->bond, &f->conf);
		/* what the kernel does not know, it does not report */
		l->bond->present &= known;
		/* the actor's settings in 802.3ad only */
		if (mode_of(f) != BOND_MODE_8023AD)
			l->bond->present &=
				~(BONDOPT_BIT(BONDOPT_AD_ACTOR_SYS_PRIO) |
				  BONDOPT_BIT(BONDOPT_AD_USER_PORT_KEY) |
				  BONDOPT_BIT(BONDOPT_AD_ACTOR_SYSTEM));
		/* a primary is reported once it is a slave */
		l->bond->present &= ~BONDOPT_BIT(BONDOPT_PRIMARY);
		bond_conf_ifname(l->bond, BONDOPT_PRIMARY)[0] = '\0';
		if (p && p->master == f->ifindex) {
			l->bond->present |= BONDOPT_BIT(BONDOPT_PRIMARY);
			snprintf(bond_conf_ifname(l->bond, BONDOPT_PRIMARY),
				 IF_NAMESIZE, "%s", p->name);
		}
		l->bond->present &= ~BONDOPT_BIT(BONDOPT_ACTIVE_SLAVE);
		bond_conf_ifname(l->bond, BONDOPT_ACTIVE_SLAVE)[0] = '\0';
		if (*f->active) {
			l->bond->present |= BONDOPT_BIT(BONDOPT_ACTIVE_SLAVE);
			snprintf(bond_conf_ifname(l->bond,
						  BONDOPT_ACTIVE_SLAVE),
				 IF_NAMESIZE, "%s", f->active);
		}
	}
	if (f->is_slave) {
		l->is_bond_slave = true;
		snprintf(l->slave_kind, sizeof(l->slave_kind), "bond");
		l->slave_opts = f->sopts;
		l->slave_opts.present &= known;
	}
}

static int dump(struct nl *nl, struct linkset *ls, bool bonds_only)
{
	size_t i;

	memset(ls, 0, sizeof(*ls));
	nl->round_trips++;
	snprintf(ls->kernel, sizeof(ls->kernel), "%s",
		 *fk.release ? fk.release : "fake");
	ls->kver = kver();
	ls->cap = fk.n ? fk.n : 1;
	ls->v = xcalloc(ls->cap, sizeof(*ls->v));
	for (i = 0; i < fk.n; i++) {
		if (bonds_only && !fk.v[i].is_bond)
			continue;
		fill_link(&ls->v[ls->n], &fk.v[i]);
		/* the bonds-only dump leaves out the slaves' names */
		if (bonds_only)
			ls->v[ls->n].is_bond_slave = false;
		ls->n++;
	}
	linkset_index(ls);
	linkset_finish(ls);
	return 0;
}

int bnl_dump_links(struct nl *nl, struct linkset *ls)
{
	return dump(nl, ls, false);
}

int bnl_dump_bonds(struct nl *nl, struct linkset *ls)
{
	return dump(nl, ls, true);
}

int bnl_bond_create(struct nl *nl, const struct bond_conf *c, uint64_t opts,
		    const struct linkset *ls, struct nl_error *e)
{
	struct fake_link *b;
	int rc = request(nl, e);

	if (!rc && by_name(c->name))
		rc = refuse(e, -EEXIST, "%s exists", c->name);
	if (!rc && fk.n == MAX_LINKS)
		rc = refuse(e, -ENOMEM, "too many links");
	if (!rc) {
		b = add_link(c->name);
		b->is_bond = true;
		bond_conf_init_defaults(&b->conf, c->name);
		rc = set_options(b, c, opts, ls, e);
		if (rc) /* newlink fails as a whole */
			remove_link(b);
	}
	return answer(rc, e);
}

int bnl_bond_change(struct nl *nl, int ifindex, const struct bond_conf *c,
		    uint64_t opts, const struct linkset *ls, struct nl_error *e)
{
	struct fake_link *b;
	int rc = request(nl, e);

	b = by_index(ifindex);
	if (!rc && (!b || !b->is_bond))
		rc = refuse(e, -ENODEV, "no bond %s", c->name);
	if (!rc)
		rc = set_options(b, c, opts, ls, e);
	return answer(rc, e);
}

int bnl_slave_change(struct nl *nl, int ifindex,
		     const struct bond_slave_conf *s, uint64_t opts,
		     struct nl_error *e)
{
	struct fake_link *dev = by_index(ifindex), *b;
	int rc = request(nl, e), id;

	if (!rc && (!dev || !dev->is_slave))
		rc = refuse(e, -ENODEV, "%s is not a bond slave",
			    dev ? dev->name : "?");
	b = rc ? NULL : by_index(dev->master);
	for (id = 0; !rc && id < BONDOPT_COUNT; id++) {
		const struct bondopt *opt = bondopt_get(id);

		if (!(opts & BONDOPT_BIT(id)) ||
		    !(opt->flags & BONDOPT_F_SLAVE) || !kernel_has(id, -1))
			continue;
		if (!(bondopt_in_mode(mode_of(b)) & BONDOPT_BIT(id))) {
			rc = refuse(e, -EACCES, "%s: %s: not in this mode",
				    dev->name, opt->name);
			break;
		}
		dev->sopts.num[id] = s->num[id];
	}
	return answer(rc, e);
}

static void release(struct fake_link *dev)
{
	struct fake_link *b = by_index(dev->master);

	dev->master = 0;
	dev->is_slave = false;
	dev->up = false; /* the driver closes the slave it releases */
	dev->mtu = dev->original_mtu;
	memset(&dev->sopts, 0, sizeof(dev->sopts));
	if (b) {
		if (!strcmp(b->active, dev->name))
			b->active[0] = '\0';
		select_active(b, NULL);
	}
}

static int enslave(struct fake_link *dev, struct fake_link *b,
		   struct nl_error *e)
{
	int id;

	if (!b->is_bond)
		return refuse(e, -EOPNOTSUPP, "%s is not a bond", b->name);
	if (dev == b || dev->is_bond)
		return refuse(e, -EPERM, "%s cannot enslave %s", b->name,
			      dev->name);
	if (dev->master)
		return refuse(e, -EBUSY, "%s is a slave already", dev->name);
	if (dev->up)
		return refuse(e, -EPERM, "Device can not be enslaved while up");
	dev->master = b->ifindex;
	dev->is_slave = true;
	dev->up = true; /* the driver opens its slaves */
	dev->original_mtu = dev->mtu;
	dev->mtu = b->mtu;
	memset(&dev->sopts, 0, sizeof(dev->sopts));
	snprintf(dev->sopts.name, sizeof(dev->sopts.name), "%s", dev->name);
	for (id = 0; id < BONDOPT_COUNT; id++)
		if (bondopt_get(id)->flags & BONDOPT_F_SLAVE) {
			dev->sopts.num[id] = bondopt_get(id)->def;
			dev->sopts.present |= BONDOPT_BIT(id);
		}
	select_active(b, dev);
	return 0;
}

int bnl_link_set_master(struct nl *nl, int ifindex, int master,
			struct nl_error *e)
{
	struct fake_link *dev = by_index(ifindex), *b = by_index(master);
	int rc = request(nl, e);

	if (!rc && !dev)
		rc = refuse(e, -ENODEV, "no such device");
	if (!rc && !master && dev->master)
		release(dev);
	else if (!rc && master && !b)
		rc = refuse(e, -ENODEV, "no master");
	else if (!rc && master && dev->master != master)
		rc = enslave(dev, b, e);
	return answer(rc, e);
}

int bnl_link_set_up(struct nl *nl, int ifindex, bool up, struct nl_error *e)
{
	struct fake_link *dev = by_index(ifindex);
	int rc = request(nl, e);

	if (!rc && !dev)
		rc = refuse(e, -ENODEV, "no such device");
	if (!rc)
		dev->up = up;
	return answer(rc, e);
}

int bnl_link_set_mtu(struct nl *nl, int ifindex, unsigned int mtu,
		     struct nl_error *e)
{
	struct fake_link *dev = by_index(ifindex);
	int rc = request(nl, e);
	size_t i;

	if (!rc && !dev)
		rc = refuse(e, -ENODEV, "no such device");
	if (!rc && (mtu < 68 || mtu > 65535))
		rc = refuse(e, -EINVAL, "mtu out of range");
	if (!rc) {
		dev->mtu = mtu;
		/* a bond's slaves follow its MTU */
		for (i = 0; dev->is_bond && i < fk.n; i++)
			if (fk.v[i].master == dev->ifindex)
				fk.v[i].mtu = mtu;
	}
	return answer(rc, e);
}

int bnl_link_delete(struct nl *nl, int ifindex, struct nl_error *e)
{
	struct fake_link *dev = by_index(ifindex);
	int rc = request(nl, e);
	size_t i;

	if (!rc && !dev)
		rc = refuse(e, -ENODEV, "no such device");
	if (!rc) {
		for (i = 0; dev->is_bond && i < fk.n; i++)
			if (fk.v[i].master == dev->ifindex)
				release(&fk.v[i]);
		remove_link(dev);
	}
	return answer(rc, e);
}

int bnl_link_set_group(struct nl *nl, int ifindex, uint32_t group,
		       struct nl_error *e)
{
	struct fake_link *dev = by_index(ifindex);
	int rc = request(nl, e);

	if (!rc && !dev)
		rc = refuse(e, -ENODEV, "no such device");
	if (!rc)
		dev->group = group;
	return answer(rc, e);
}

/* As the kernel: all the group's links or none. */
int bnl_group_delete(struct nl *nl, uint32_t group, struct nl_error *e)
{
	int rc = request(nl, e);
	size_t i, k, found = 0;

	fk.group_deletes++;
	for (i = 0; !rc && i < fk.n; i++)
		found += fk.v[i].group == group;
	if (!rc && fk.group_delete_err)
		rc = refuse(e, fk.group_delete_err, "group delete refused");
	if (!rc && !found)
		rc = refuse(e, -ENODEV, "no device in the group");
	for (i = 0; !rc && i < fk.n;) {
		struct fake_link *dev = &fk.v[i];

		if (dev->group != group) {
			i++;
			continue;
		}
		for (k = 0; dev->is_bond && k < fk.n; k++)
			if (fk.v[k].master == dev->ifindex)
				release(&fk.v[k]);
		remove_link(dev);
	}
	return answer(rc, e);
}

int fakenl_apply(const struct bond_conf *c, unsigned int flags)
{
	struct linkset ls;
	struct diags d;
	struct plan p;
	struct nl *nl;
	int rc;

	diags_init(&d);
	plan_init(&p);
	bnl_open(&nl);
	rc = bnl_dump_links(nl, &ls);
	if (!rc) {
		rc = plan_bond(&p, c, &ls, flags, &d);
		if (!rc)
			rc = plan_apply(&p, nl, &ls, 0, &d, NULL);
		linkset_free(&ls);
	}
	if (rc)
		printf("# set-up failed: %s\n", d.n ? d.v[0].message : "");
	plan_free(&p);
	bnl_close(nl);
	diags_free(&d);
	return rc;
}

/* --- the state as text --------------------------------------------------- */

char *fakenl_state(void)
{
	struct linkset ls;
	struct nl nl = { 0, 0 };
	char *out = NULL, *opts;
	size_t len = 0, i;
	FILE *f = open_memstream(&out, &len);

	if (!f)
		return NULL;
	dump(&nl, &ls, false);
	for (i = 0; i < ls.n; i++) {
		const struct link *l = &ls.v[i];
		const struct link *m = linkset_find_index(&ls, l->master);

		fprintf(f, "%s %s up=%d mtu=%u master=%s", l->name, l->kind,
			!!(l->flags & IFF_UP), l->mtu, m ? m->name : "-");
		if (l->group)
			fprintf(f, " group=%u", (unsigned int)l->group);
		if (l->bond) {
			opts = bond_conf_format(l->bond);
			fprintf(f, " [%s]", opts);
			free(opts);
		}
		fputc('\n', f);
	}
	linkset_free(&ls);
	fclose(f);
	return out;
}
