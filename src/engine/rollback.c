// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Undoing the steps of a plan that ran, after a refusal: each step done,
 * in reverse order, with what the kernel had before the run.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/apply.h"
#include "model/xalloc.h"

/*
 * The options of the old bond @old that can be sent back: only those its
 * mode takes (the driver refuses the others with EACCES, and stops there;
 * sending every option after a change of mode failed on 7.3, which
 * refuses more of them outside 802.3ad), and of those the ones it takes
 * with the old bond's other options (the delays need miimon).
 */
uint64_t plan_restorable(const struct bond_conf *old)
{
	uint64_t opts = old->present &
			~bondopt_with_flags(BONDOPT_F_NOT_BOND_ATTR);

	if (bond_conf_has(old, BONDOPT_MODE))
		opts &= bondopt_in_mode((unsigned int)old->num[BONDOPT_MODE]);
	opts = bond_conf_acceptable(old, opts);
	/* the old active slave comes back with its slave (rollback) */
	opts &= ~BONDOPT_BIT(BONDOPT_ACTIVE_SLAVE);
	return opts;
}

/*
 * The options to send back to restore what @s changed: those it sent (a
 * change of mode leaves the rest as it was) that can be sent back.
 */
static uint64_t restore_opts(const struct step *s, const struct bond_conf *old)
{
	return s->opts & plan_restorable(old);
}

/*
 * Undoing the deletion of bond @s->bond: created again with the options
 * it had where they differ from a new bond's (7.3 refused the whole set
 * an active-backup bond reports, with EACCES; the driver refuses an
 * all-zero ad_actor_system), its MTU, its link group, up if it was; read
 * again, so that the undoing of its releases that follows finds its new
 * ifindex. The slaves give it back its MAC address as they come back, the
 * first one first.
 */
static int recreate(struct apply_run *r, const struct link *old,
		    struct nl_error *e)
{
	struct bond_conf fresh;
	uint64_t opts;
	int rc, bond;

	bond_conf_init_defaults(&fresh, old->name);
	opts = plan_diff(old->bond, &fresh) & plan_restorable(old->bond);
	bond_conf_free(&fresh);
	rc = bnl_bond_create(r->nl, old->bond, opts, r->before, e);
	if (!rc)
		rc = apply_refresh(r);
	bond = apply_ifindex_of(r, old->name);
	if (!rc && !bond)
		rc = -ENODEV;
	if (!rc && old->mtu)
		rc = bnl_link_set_mtu(r->nl, bond, old->mtu, e);
	if (!rc && old->group)
		rc = bnl_link_set_group(r->nl, bond, old->group, e);
	if (!rc && old->flags & IFF_UP)
		rc = bnl_link_set_up(r->nl, bond, true, e);
	if (rc && !e->err)
		e->err = rc;
	return rc;
}

/*
 * Undoing a change of mode: the options the step changed that the old
 * mode does not take (lacp_rate when going back from 802.3ad) are set back
 * first, while the bond is still in the new mode; then the mode and the
 * rest.
 */
static int restore_bond(struct apply_run *r, int bond, const struct step *s,
			const struct bond_conf *old, struct nl_error *e)
{
	uint64_t early = 0;
	int rc;

	if (s->opts & BONDOPT_BIT(BONDOPT_MODE) &&
	    bond_conf_has(old, BONDOPT_MODE))
		early = s->opts & old->present &
			~bondopt_with_flags(BONDOPT_F_NOT_BOND_ATTR) &
			~bondopt_in_mode((unsigned int)old->num[BONDOPT_MODE]) &
			bondopt_in_mode(
				(unsigned int)s->want->num[BONDOPT_MODE]);
	if (early) {
		rc = bnl_bond_change(r->nl, bond, old, early, r->before, e);
		if (rc)
			return rc;
	}
	return bnl_bond_change(r->nl, bond, old, restore_opts(s, old),
			       r->before, e);
}

/*
 * After @dev went back to bond @bond: if it was the bond's active slave
 * before, it is made active again (the driver chose another meanwhile).
 */
static int restore_active(struct apply_run *r, int bond, const char *dev,
			  struct nl_error *e)
{
	const struct link *old = linkset_find(r->before, dev);
	const struct link *b =
		old ? linkset_find_index(r->before, old->master) : NULL;

	if (!b || !b->bond || !bond_conf_has(b->bond, BONDOPT_ACTIVE_SLAVE) ||
	    strcmp(bond_conf_ifname_of(b->bond, BONDOPT_ACTIVE_SLAVE), dev))
		return 0;
	/*
	 * The driver may make it active itself once its link is up (a
	 * primary with primary_reselect=always), and refuses it as active
	 * slave until then (EINVAL while updelay runs on a slave just
	 * enslaved).
	 */
	if (bond_conf_takes_over(b->bond, dev))
		return 0;
	return bnl_bond_change(r->nl, bond, b->bond,
			       BONDOPT_BIT(BONDOPT_ACTIVE_SLAVE), r->before, e);
}

/*
 * A slave enslaved again: its options as they were (those its bond's mode
 * takes), which the kernel reset when it was released.
 */
static int restore_slave_options(struct apply_run *r, int dev,
				 const struct link *old_dev, struct nl_error *e)
{
	const struct link *b =
		old_dev ? linkset_find_index(r->before, old_dev->master) : NULL;
	uint64_t opts;

	if (!b || !b->bond || !old_dev->is_bond_slave)
		return 0;
	opts = old_dev->slave_opts.present &
	       bondopt_in_mode((unsigned int)bond_conf_effective(b->bond, NULL,
								 BONDOPT_MODE));
	return opts ? bnl_slave_change(r->nl, dev, &old_dev->slave_opts, opts,
				       e) :
		      0;
}

static int undo_step(struct apply_run *r, const struct step *s,
		     struct nl_error *e)
{
	const struct link *old_bond = linkset_find(r->before, s->bond);
	const struct link *old_dev =
		s->dev[0] ? linkset_find(r->before, s->dev) : NULL;
	int bond = apply_ifindex_of(r, s->bond);
	int dev = s->dev[0] ? apply_ifindex_of(r, s->dev) : 0;
	int rc;

	memset(e, 0, sizeof(*e));
	switch (s->kind) {
	case STEP_CREATE:
		return bnl_link_delete(r->nl, bond, e);
	case STEP_BOND_DOWN:
		return bnl_link_set_up(r->nl, bond, true, e);
	case STEP_BOND_UP:
		return bnl_link_set_up(r->nl, bond, false, e);
	case STEP_RELEASE:
		/* master 0 would release it again, and say nothing */
		if (!apply_ifindex_of(r, s->from))
			return e->err = -ENODEV;
		bnl_link_set_up(r->nl, dev, false, e);
		rc = bnl_link_set_master(r->nl, dev,
					 apply_ifindex_of(r, s->from), e);
		if (!rc)
			rc = restore_slave_options(r, dev, old_dev, e);
		if (!rc && old_dev)
			rc = bnl_link_set_up(r->nl, dev,
					     old_dev->flags & IFF_UP, e);
		return rc;
	case STEP_SET:
		if (!old_bond || !old_bond->bond)
			return 0;
		return restore_bond(r, bond, s, old_bond->bond, e);
	case STEP_SLAVE_DOWN:
		return bnl_link_set_up(r->nl, dev, true, e);
	case STEP_MTU:
		if (!old_bond)
			return 0;
		return bnl_link_set_mtu(r->nl, bond, old_bond->mtu, e);
	case STEP_ENSLAVE:
		rc = bnl_link_set_master(r->nl, dev, 0, e);
		if (!rc && old_dev && old_dev->mtu)
			rc = bnl_link_set_mtu(r->nl, dev, old_dev->mtu, e);
		if (!rc && old_dev)
			rc = bnl_link_set_up(r->nl, dev,
					     old_dev->flags & IFF_UP, e);
		return rc;
	case STEP_SLAVE_SET:
		if (!old_dev || !old_dev->is_bond_slave)
			return 0;
		return bnl_slave_change(r->nl, dev, &old_dev->slave_opts,
					s->opts & old_dev->slave_opts.present,
					e);
	case STEP_SLAVE_UP:
		return bnl_link_set_up(r->nl, dev, false, e);
	case STEP_DELETE:
		if (!old_bond || !old_bond->bond)
			return 0;
		return recreate(r, old_bond, e);
	}
	return 0;
}

/* Whether a step of @kind for @bond and @dev was done before @ran[k]. */
static bool done_before(const struct step *const *ran, const bool *done,
			size_t k, enum step_kind kind, const char *bond,
			const char *dev)
{
	size_t i;

	for (i = 0; i < k; i++)
		if (done[i] && ran[i]->kind == kind &&
		    !strcmp(ran[i]->bond, bond) && !strcmp(ran[i]->dev, dev))
			return true;
	return false;
}

/*
 * Whether step @ran[k] changed nothing, so that undoing it would change
 * what was there before: enslaving a device that was a slave of that bond
 * before the apply and that no step released, or bringing up a bond or a
 * slave that was up and that no step brought down or released (the
 * release or the bringing down refused: the kernel runs the rest of a
 * batch).
 */
static bool changed_nothing(const struct apply_run *r,
			    const struct step *const *ran, const bool *done,
			    size_t k)
{
	const struct step *s = ran[k];
	const struct link *b = linkset_find(r->before, s->bond);
	const struct link *dev = s->dev[0] ? linkset_find(r->before, s->dev) :
					     NULL;

	switch (s->kind) {
	case STEP_ENSLAVE:
		return b && dev && dev->master == b->ifindex &&
		       !done_before(ran, done, k, STEP_RELEASE, s->bond,
				    s->dev);
	case STEP_BOND_UP:
		return b && b->flags & IFF_UP &&
		       !done_before(ran, done, k, STEP_BOND_DOWN, s->bond, "");
	case STEP_SLAVE_UP:
		return dev && dev->flags & IFF_UP &&
		       !done_before(ran, done, k, STEP_RELEASE, s->bond,
				    s->dev);
	default:
		return false;
	}
}

/*
 * Whether @s released the slave whose own address the bond had: the
 * driver gives a bond left without slaves a random address, and the
 * first slave enslaved after gives it its own.
 */
static bool gave_address(const struct apply_run *r, const struct step *s)
{
	const struct link *b = linkset_find(r->before, s->from);
	const struct link *dev = linkset_find(r->before, s->dev);

	return b && dev && dev->is_bond_slave && b->addr_len == 6 &&
	       !memcmp(dev->slave.perm_hwaddr, b->addr, 6);
}

/*
 * Undoes the steps done, in reverse order of their running; but slaves
 * released from one bond one after the other go back in the order they
 * left, the one whose address the bond had first, so that it gives the
 * bond its address again.
 */
void rollback_steps(struct apply_run *r, const struct step *const *ran,
		    const bool *done, size_t n)
{
	const struct step *created = NULL;
	size_t *order = xcalloc(n ? n : 1, sizeof(*order));
	size_t i = n, first, m = 0, j, start;
	struct nl_error e;
	char what[1024];

	while (i-- > 0) {
		first = i;
		while (ran[i]->kind == STEP_RELEASE && first > 0 &&
		       ran[first - 1]->kind == STEP_RELEASE &&
		       !strcmp(ran[first - 1]->from, ran[i]->from))
			first--;
		start = m;
		for (j = first; j <= i; j++)
			order[m++] = j;
		/* the first that had the address (a VLAN has its lower's) */
		for (j = start; j < m; j++) {
			size_t owner = order[j];

			if (ran[owner]->kind != STEP_RELEASE ||
			    !gave_address(r, ran[owner]))
				continue;
			memmove(&order[start + 1], &order[start],
				(j - start) * sizeof(*order));
			order[start] = owner;
			break;
		}
		i = first;
	}
	for (j = 0; j < m; j++) {
		const struct step *s = ran[order[j]];

		if (!done[order[j]] || changed_nothing(r, ran, done, order[j]))
			continue;
		if (s->kind == STEP_CREATE && r->raced) {
			/* a bond the module created during our run goes too */
			created = s;
			continue;
		}
		if (!undo_step(r, s, &e)) {
			if (s->kind == STEP_RELEASE &&
			    restore_active(r, apply_ifindex_of(r, s->from),
					   s->dev, &e))
				diags_add(
					r->d, DIAG_ERROR, NULL,
					"rollback: %s is a slave of %s again, but not its active slave as before: %s%s%s%s",
					s->dev, s->from, strerror(-e.err),
					*e.msg ? " (kernel: " : "", e.msg,
					*e.msg ? ")" : "");
			continue;
		}
		plan_step_describe(s, what, sizeof(what));
		diags_add(r->d, DIAG_ERROR, NULL,
			  "rollback: could not undo '%s': %s%s%s%s", what,
			  strerror(-e.err), *e.msg ? " (kernel: " : "", e.msg,
			  *e.msg ? ")" : "");
	}
	free(order);
	if (created)
		bnl_link_delete(r->nl, apply_ifindex_of(r, created->bond), &e);
}

/* --- what the rollback left different ------------------------------------ */

static void left(struct apply_run *r, size_t *count, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void left(struct apply_run *r, size_t *count, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diags_add(r->d, DIAG_ERROR, NULL, "rollback left %s", msg);
	(*count)++;
}

static const char *master_name(const struct linkset *ls, const struct link *l)
{
	const struct link *m = l->master ? linkset_find_index(ls, l->master) :
					   NULL;

	return !l->master ? "none" : m ? m->name : "?";
}

static void format_addr(const struct link *l, char *buf, size_t size)
{
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < l->addr_len && o + 4 <= size; i++)
		o += (size_t)snprintf(buf + o, size - o, "%s%02x", i ? ":" : "",
				      l->addr[i]);
}

/*
 * Whether bond @now has no active slave yet while the one @was had is its
 * slave again: the driver makes one active at its next link check (with
 * updelay, later), which a rollback does not wait for.
 */
static bool choosing_active(const struct apply_run *r, const struct link *was,
			    const struct link *now)
{
	const struct link *dev;

	if (now->bond && bond_conf_has(now->bond, BONDOPT_ACTIVE_SLAVE))
		return false;
	dev = linkset_find(&r->now, bond_conf_ifname_of(was->bond,
							BONDOPT_ACTIVE_SLAVE));
	return dev && dev->master == now->ifindex;
}

/* The bond options of @was that @now reports otherwise. */
static void bond_left(struct apply_run *r, const struct link *was,
		      const struct link *now, size_t *count)
{
	uint64_t opts = was->bond->present &
			~bondopt_with_flags(BONDOPT_F_NOT_BOND_ATTR);
	char a[256], b[256];
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		if (!(opts & BONDOPT_BIT(id)) ||
		    (now->bond && bond_conf_has(now->bond, id) &&
		     bond_conf_same_value(was->bond, now->bond, id)) ||
		    (id == BONDOPT_ACTIVE_SLAVE &&
		     choosing_active(r, was, now)))
			continue;
		bond_conf_format_value(was->bond, id, a, sizeof(a));
		if (now->bond && bond_conf_has(now->bond, id))
			bond_conf_format_value(now->bond, id, b, sizeof(b));
		else
			snprintf(b, sizeof(b), "(unset)");
		left(r, count, "%s: %s=%s, was %s", was->name,
		     bondopt_get(id)->name, b, a);
	}
}

/* The slave options of @was that @now reports otherwise. */
static void slave_left(struct apply_run *r, const struct link *was,
		       const struct link *now, size_t *count)
{
	const struct bond_slave_conf *a = &was->slave_opts,
				     *b = &now->slave_opts;
	int id;

	if (!was->is_bond_slave || !now->is_bond_slave)
		return;
	for (id = 0; id < BONDOPT_COUNT; id++)
		if (a->present & BONDOPT_BIT(id) &&
		    (!(b->present & BONDOPT_BIT(id)) ||
		     a->num[id] != b->num[id]))
			left(r, count, "%s: %s=%lld, was %lld", was->name,
			     bondopt_get(id)->name,
			     b->present & BONDOPT_BIT(id) ?
				     (long long)b->num[id] :
				     0LL,
			     (long long)a->num[id]);
}

/* How link @name in @r->now differs from what it was in @r->before. */
static void link_left(struct apply_run *r, const char *name, size_t *count)
{
	const struct link *was = linkset_find(r->before, name);
	const struct link *now = linkset_find(&r->now, name);
	char a[100], b[100];

	if (!was && !now)
		return;
	if (!now) {
		left(r, count, "%s: deleted; it was there before", name);
		return;
	}
	if (!was) {
		left(r, count, "%s: there; it was not before (delete it)",
		     name);
		return;
	}
	if (strcmp(master_name(r->before, was), master_name(&r->now, now)))
		left(r, count, "%s: master %s, was %s", name,
		     master_name(&r->now, now), master_name(r->before, was));
	if ((was->flags ^ now->flags) & IFF_UP)
		left(r, count, "%s: %s, was %s", name,
		     now->flags & IFF_UP ? "up" : "down",
		     was->flags & IFF_UP ? "up" : "down");
	if (was->mtu != now->mtu)
		left(r, count, "%s: mtu %u, was %u", name, now->mtu, was->mtu);
	if (was->group != now->group)
		left(r, count, "%s: link group %u, was %u", name, now->group,
		     was->group);
	if (was->addr_len != now->addr_len ||
	    memcmp(was->addr, now->addr, was->addr_len)) {
		format_addr(was, a, sizeof(a));
		format_addr(now, b, sizeof(b));
		left(r, count, "%s: address %s, was %s", name, b, a);
	}
	if (was->bond)
		bond_left(r, was, now, count);
	slave_left(r, was, now, count);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t rollback_left_different(struct apply_run *r,
			       const struct step *const *ran, size_t n)
{
	const char **names = xcalloc(3 * n + 1, sizeof(*names));
	size_t count = 0, m = 0, k;

	if (apply_refresh(r)) {
		free(names);
		diags_add(
			r->d, DIAG_ERROR, NULL,
			"rollback: the links could not be read again to check what it left");
		return 1;
	}
	for (k = 0; k < n; k++) {
		names[m++] = ran[k]->bond;
		if (ran[k]->dev[0])
			names[m++] = ran[k]->dev;
		if (ran[k]->from[0])
			names[m++] = ran[k]->from;
	}
	qsort(names, m, sizeof(*names), by_name);
	for (k = 0; k < m; k++)
		if (!k || strcmp(names[k - 1], names[k]))
			link_left(r, names[k], &count);
	free(names);
	return count;
}
