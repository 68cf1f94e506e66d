// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The revert of a pending change: the saved state of its links made the
 * desired state, planned against the links as they are now, so that it
 * runs as any change does (all or nothing, read back), and compared with
 * what the kernel has afterwards.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/revert.h"
#include "model/xalloc.h"

static struct target *new_target(struct revert *r, const char *name)
{
	struct target *t;

	r->t = xreallocarray(r->t, r->n + 1, sizeof(*r->t));
	t = &r->t[r->n++];
	run_target_init(t, name);
	return t;
}

static struct target *target_of(struct revert *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (!strcmp(r->t[i].want.name, name))
			return &r->t[i];
	return NULL;
}

/*
 * What bond @s is to be again: the options it had that can be sent back,
 * its slaves in order with their options, its MTU; its active slave
 * where the driver would not choose it by itself (the first slave, or
 * the primary).
 */
static void want_of(struct bond_conf *want, const struct saved_link *s)
{
	const struct bond_conf *b = s->bond;
	const char *active, *primary;
	struct diag_loc where;

	size_t i;

	bond_conf_free(want);
	bond_conf_copy(want, b);
	want->present &= plan_restorable(b);
	want->mtu = s->mtu;
	/* a slave's options outside the mode are reported, and refused */
	for (i = 0; bond_conf_has(b, BONDOPT_MODE) && i < want->n_slaves; i++)
		want->slaves[i].present &=
			bondopt_in_mode((unsigned int)b->num[BONDOPT_MODE]);
	if (!bond_conf_has(b, BONDOPT_ACTIVE_SLAVE) || !b->n_slaves)
		return;
	active = bond_conf_ifname_of(b, BONDOPT_ACTIVE_SLAVE);
	primary = bond_conf_chosen_primary(b, b, &where);
	if (*active && strcmp(active, b->slaves[0].name) &&
	    !(primary && !strcmp(primary, active)) &&
	    bond_conf_find_slave(b, active))
		want->present |= BONDOPT_BIT(BONDOPT_ACTIVE_SLAVE);
}

/*
 * A slave that is gone since: the bond is brought back without it (the
 * check after the revert names it), not left as the change made it.
 */
static void drop_missing(struct bond_conf *want, const struct linkset *ls)
{
	size_t i = 0;

	while (i < want->n_slaves) {
		if (linkset_find(ls, want->slaves[i].name)) {
			i++;
			continue;
		}
		if (bond_conf_has(want, BONDOPT_ACTIVE_SLAVE) &&
		    !strcmp(bond_conf_ifname_of(want, BONDOPT_ACTIVE_SLAVE),
			    want->slaves[i].name))
			want->present &= ~BONDOPT_BIT(BONDOPT_ACTIVE_SLAVE);
		bond_conf_remove_slave(want, want->slaves[i].name);
	}
}

/*
 * Going back to another mode: the options the old mode does not take and
 * the change set (lacp_rate when going back from 802.3ad) are set back
 * while the bond is still in the new mode, which takes them: a step
 * before the first one that sets options, after the bond went down. They
 * join the desired state after it was planned, so that only that step
 * sends them; apply reads them back with the rest.
 */
static void plan_early(struct target *t, const struct saved_link *s,
		       const struct link *live)
{
	uint64_t opts = 0, old_in, cur_in;
	struct step *st;
	size_t k;
	int id;

	if (!live || !live->bond || !bond_conf_has(s->bond, BONDOPT_MODE) ||
	    !bond_conf_has(live->bond, BONDOPT_MODE) ||
	    s->bond->num[BONDOPT_MODE] == live->bond->num[BONDOPT_MODE])
		return;
	old_in = bondopt_in_mode((unsigned int)s->bond->num[BONDOPT_MODE]);
	cur_in = bondopt_in_mode((unsigned int)live->bond->num[BONDOPT_MODE]);
	for (id = 0; id < BONDOPT_COUNT; id++)
		if (bond_conf_has(s->bond, id) &&
		    bond_conf_has(live->bond, id) &&
		    !(BONDOPT_BIT(id) & old_in) && BONDOPT_BIT(id) & cur_in &&
		    !(bondopt_get(id)->flags &
		      (BONDOPT_F_NOT_BOND_ATTR | BONDOPT_F_STATE)) &&
		    !bond_conf_same_value(s->bond, live->bond, id))
			opts |= BONDOPT_BIT(id);
	opts = bond_conf_acceptable(live->bond, opts);
	for (k = 0; k < t->plan.n && t->plan.v[k].kind != STEP_SET; k++)
		;
	if (!opts || k == t->plan.n)
		return;
	t->want.present |= opts;
	st = plan_insert(&t->plan, k, STEP_SET, &t->want, NULL);
	st->opts = opts;
	st->disruptive = true;
	st->why = "set back before the mode that takes it is left";
}

/* A bond saved down: left down, or taken down at the end. */
static void plan_down_again(struct target *t, const struct link *live)
{
	size_t i, kept = 0;
	bool down = false;

	for (i = 0; i < t->plan.n; i++) {
		if (t->plan.v[i].kind == STEP_BOND_UP)
			continue;
		down |= t->plan.v[i].kind == STEP_BOND_DOWN;
		t->plan.v[kept++] = t->plan.v[i];
	}
	t->plan.n = kept;
	if (!down && live && live->flags & IFF_UP)
		plan_insert(&t->plan, t->plan.n, STEP_BOND_DOWN, &t->want, NULL)
			->disruptive = true;
}

static bool plan_has(const struct plan *p, enum step_kind kind, const char *dev,
		     size_t end)
{
	size_t k;

	for (k = 0; k < end; k++)
		if (p->v[k].kind == kind && !strcmp(p->v[k].dev, dev))
			return true;
	return false;
}

/*
 * A slave released from one bond and taken back by another: both plans
 * release it; the first release stays.
 */
static void dedupe_releases(struct revert *r)
{
	size_t i, j, k, kept;
	bool seen;

	for (i = 0; i < r->n; i++) {
		struct plan *p = &r->t[i].plan;

		for (k = 0, kept = 0; k < p->n; k++) {
			seen = false;
			for (j = 0; j < i && !seen; j++)
				seen = plan_has(&r->t[j].plan, STEP_RELEASE,
						p->v[k].dev, r->t[j].plan.n);
			if (p->v[k].kind != STEP_RELEASE ||
			    !(seen ||
			      plan_has(p, STEP_RELEASE, p->v[k].dev, kept)))
				p->v[kept++] = p->v[k];
		}
		p->n = kept;
	}
}

/* Saved links that were up and no bond's slave: given back up. */
static void plan_free_links(struct revert *r, const struct pending *p,
			    const struct linkset *ls)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		const struct saved_link *s = &p->v[i];
		const struct link *l = linkset_find(ls, s->name), *m;
		struct target *t;

		if (!s->present || s->bond || *s->master || !s->up || !l ||
		    l->is_bond)
			continue;
		m = l->master ? linkset_find_index(ls, l->master) : NULL;
		if (m)
			t = target_of(r, m->name);
		else
			t = l->flags & IFF_UP || !r->n ? NULL : &r->t[0];
		if (!t || !t->plan.n ||
		    plan_has(&t->plan, STEP_SLAVE_UP, s->name, t->plan.n))
			continue;
		plan_slave_up(&t->plan, &t->want, s->name);
	}
}

int revert_plan(struct revert *r, const struct pending *p,
		const struct linkset *ls, struct diags *d)
{
	size_t i;
	int rc = 0;

	memset(r, 0, sizeof(*r));
	for (i = 0; i < p->n && !rc; i++) {
		const struct saved_link *s = &p->v[i];
		const struct link *live = linkset_find(ls, s->name);
		struct target *t;

		if (s->bond) {
			t = new_target(r, s->name);
			t->existed = live != NULL;
			want_of(&t->want, s);
			drop_missing(&t->want, ls);
			rc = plan_bond(
				&t->plan, &t->want, ls,
				PLAN_FORCE | (s->up ? 0 : PLAN_KEEP_LINK), d);
			plan_early(t, s, live);
			if (!s->up)
				plan_down_again(t, live);
		} else if (!s->present && live && live->is_bond) {
			t = new_target(r, s->name);
			t->existed = true;
			plan_down(&t->plan, &t->want, ls, false);
		}
	}
	if (rc)
		return rc;
	dedupe_releases(r);
	plan_free_links(r, p, ls);
	return 0;
}

void revert_free(struct revert *r)
{
	run_targets_free(r->t, r->n);
	memset(r, 0, sizeof(*r));
}

/* The options of bond @s (saved) whose value bond @l (now) does not have. */
static size_t bond_differences(const struct saved_link *s, const struct link *l,
			       struct diags *d)
{
	uint64_t skip =
		bondopt_with_flags(BONDOPT_F_NOT_BOND_ATTR | BONDOPT_F_STATE);
	char was[16 * 47], is[16 * 47];
	size_t n = 0, i;
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		if (!bond_conf_has(s->bond, id) || skip & BONDOPT_BIT(id) ||
		    bond_conf_same_value(s->bond, l->bond, id))
			continue;
		bond_conf_format_value(s->bond, id, was, sizeof(was));
		if (bond_conf_has(l->bond, id))
			bond_conf_format_value(l->bond, id, is, sizeof(is));
		else
			snprintf(is, sizeof(is), "not reported");
		diags_add(d, DIAG_ERROR, NULL, "%s: %s is %s, was %s", s->name,
			  bondopt_get(id)->name, is, was);
		n++;
	}
	for (i = 0; i < s->bond->n_slaves; i++)
		if (!bond_conf_find_slave(l->bond, s->bond->slaves[i].name)) {
			diags_add(d, DIAG_ERROR, NULL,
				  "%s: %s is not its slave", s->name,
				  s->bond->slaves[i].name);
			n++;
		}
	return n;
}

size_t revert_left_different(const struct pending *p, const struct linkset *now,
			     struct diags *d)
{
	size_t i, n = 0;

	for (i = 0; i < p->n; i++) {
		const struct saved_link *s = &p->v[i];
		const struct link *l = linkset_find(now, s->name), *m;
		const char *master;

		if (!s->present || !l) {
			if (!s->present != !l) {
				diags_add(d, DIAG_ERROR, NULL,
					  s->present ? "%s: is gone" :
						       "%s: is still there",
					  s->name);
				n++;
			}
			continue;
		}
		if (!(l->flags & IFF_UP) == s->up) {
			diags_add(d, DIAG_ERROR, NULL, "%s: is %s, was %s",
				  s->name, s->up ? "down" : "up",
				  s->up ? "up" : "down");
			n++;
		}
		if (l->mtu != s->mtu) {
			diags_add(d, DIAG_ERROR, NULL, "%s: MTU is %u, was %u",
				  s->name, l->mtu, s->mtu);
			n++;
		}
		m = l->master ? linkset_find_index(now, l->master) : NULL;
		master = m ? m->name : "";
		if (strcmp(master, s->master)) {
			diags_add(d, DIAG_ERROR, NULL, "%s: %s%s, was %s%s",
				  s->name, *master ? "slave of " : "no slave",
				  master, *s->master ? "slave of " : "no slave",
				  s->master);
			n++;
		}
		if (s->bond && l->bond)
			n += bond_differences(s, l, d);
	}
	return n;
}
