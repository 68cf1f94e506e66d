// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Running a plan all or nothing: the steps in batches, then a read-back
 * that checks the kernel kept every value; on the first refusal, or a
 * value not kept, every step done is undone (rollback.c).
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "engine/apply.h"
#include "model/xalloc.h"

/* Steps sent in one message at the most (the netlink module's limit). */
#define BATCH_STEPS BNL_BATCH_MAX

static const char *hint(int err)
{
	switch (-err) {
	case EBUSY:
		return "the option needs the bond down";
	case ENOTEMPTY:
		return "the option needs a bond without slaves";
	case EACCES:
		return "the option is not valid in the bond's mode";
	case EPERM:
		/* a run that changes links has CAP_NET_ADMIN (session.c) */
		return "the driver refuses it as the bond is now (an option that needs miimon while miimon is 0, a slave that is up)";
	case ENODEV:
		return "no such device";
	case EEXIST:
		return "a device of that name exists";
	case EOPNOTSUPP:
		return "the kernel does not support this";
	}
	return NULL;
}

static void report(struct apply_run *r, const struct step *s,
		   const struct nl_error *e)
{
	char what[1024];
	const char *h = hint(e->err);

	plan_step_describe(s, what, sizeof(what));
	diags_add(r->d, DIAG_ERROR, NULL, "%s: %s%s%s%s%s%s", what,
		  strerror(-e->err), *e->msg ? " (kernel: " : "", e->msg,
		  *e->msg ? ")" : "", h ? "; " : "", h ? h : "");
}

int apply_refresh(struct apply_run *r)
{
	linkset_free(&r->now);
	linkset_free(&r->bonds);
	r->have_bonds = false;
	r->cur = &r->now;
	return bnl_dump_links(r->nl, &r->now);
}

/*
 * After creations only the new bonds' ifindexes are missing: the bonds
 * alone are read, a third of the links when each has two slaves.
 */
static int read_bonds(struct apply_run *r)
{
	linkset_free(&r->bonds);
	r->have_bonds = bnl_dump_bonds(r->nl, &r->bonds) == 0;
	return r->have_bonds ? 0 : apply_refresh(r);
}

int apply_ifindex_of(const struct apply_run *r, const char *name)
{
	const struct link *l = r->have_bonds ? linkset_find(&r->bonds, name) :
					       NULL;

	if (!l)
		l = linkset_find(r->cur, name);
	return l ? l->ifindex : 0;
}

/*
 * Creating the first bond loads the module, which may then create bond0
 * itself (max_bonds=1) before our request lands: EEXIST for a bond that did
 * not exist a moment ago. Configure that one instead.
 */
static int create_raced(struct apply_run *r, const struct step *s,
			struct nl_error *e)
{
	const struct link *b;

	if (linkset_find(r->before, s->bond) || apply_refresh(r))
		return e->err;
	b = linkset_find(r->cur, s->bond);
	if (!b || !b->is_bond || !b->bond || b->bond->n_slaves)
		return e->err;
	r->raced = true;
	return bnl_bond_change(r->nl, b->ifindex, s->want, s->opts, r->cur, e);
}

static int do_step(struct apply_run *r, const struct step *s,
		   struct nl_error *e)
{
	int bond = apply_ifindex_of(r, s->bond);
	int dev = s->dev[0] ? apply_ifindex_of(r, s->dev) : 0;

	memset(e, 0, sizeof(*e));
	switch (s->kind) {
	case STEP_CREATE:
		return bnl_bond_create(r->nl, s->want, s->opts, r->cur, e);
	case STEP_BOND_DOWN:
		return bnl_link_set_up(r->nl, bond, false, e);
	case STEP_BOND_UP:
		return bnl_link_set_up(r->nl, bond, true, e);
	case STEP_RELEASE:
		return bnl_link_set_master(r->nl, dev, 0, e);
	case STEP_SET:
		return bnl_bond_change(r->nl, bond, s->want, s->opts, r->cur,
				       e);
	case STEP_SLAVE_DOWN:
		return bnl_link_set_up(r->nl, dev, false, e);
	case STEP_MTU:
		return bnl_link_set_mtu(r->nl, bond, s->want->mtu, e);
	case STEP_ENSLAVE:
		return bnl_link_set_master(r->nl, dev, bond, e);
	case STEP_SLAVE_SET:
		return bnl_slave_change(r->nl, dev, plan_step_slave(s), s->opts,
					e);
	case STEP_SLAVE_UP:
		return bnl_link_set_up(r->nl, dev, true, e);
	case STEP_DELETE:
		return bnl_link_delete(r->nl, bond, e);
	}
	return -EINVAL;
}

/* Whether @name is a slave of @bond in @ls. */
static bool slave_of(const struct linkset *ls, const struct link *bond,
		     const char *name)
{
	const struct link *dev = linkset_find(ls, name);

	return dev && dev->master == bond->ifindex;
}

/* Whether a step of @p from @first on of the same bond is of @kind. */
static bool bond_has_step(const struct plan *p, size_t first,
			  enum step_kind kind)
{
	size_t i;

	for (i = first; i < p->n && p->v[i].want == p->v[first].want; i++)
		if (p->v[i].kind == kind)
			return true;
	return false;
}

/* Whether the steps of @p from @first on of the same bond only bring up
 * slaves it gave back. */
static bool bond_only_gives_back(const struct plan *p, size_t first)
{
	size_t i;

	for (i = first; i < p->n && p->v[i].want == p->v[first].want; i++)
		if (p->v[i].kind != STEP_SLAVE_UP)
			return false;
	return true;
}

/*
 * Compares one wanted bond, the one of the steps of @p from @first on,
 * with what the kernel kept; a bond deleted must be gone.
 */
static int verify_bond(struct apply_run *r, const struct plan *p, size_t first)
{
	const struct bond_conf *want = p->v[first].want;
	const struct link *b = linkset_find(r->cur, want->name);
	unsigned int errors = r->d->errors;
	char w[64], h[64];
	size_t i;
	int id;

	/* slaves of a bond gone given back: nothing of the bond to check */
	if (!b && bond_only_gives_back(p, first))
		return 0;
	if (bond_has_step(p, first, STEP_DELETE)) {
		if (!b)
			return 0;
		diags_add(r->d, DIAG_ERROR, NULL,
			  "%s: still there after it was deleted", want->name);
		return -EEXIST;
	}
	if (!b || !b->bond) {
		diags_add(r->d, DIAG_ERROR, NULL, "%s: not found after apply",
			  want->name);
		return -ENODEV;
	}
	for (id = 0; id < BONDOPT_COUNT; id++) {
		const struct bondopt *opt = bondopt_get(id);
		const struct diag_loc *loc =
			want->where[id].source ? &want->where[id] : NULL;
		bool reported = bond_conf_has(b->bond, id) ||
				opt->kind == BONDOPT_IFNAME ||
				opt->kind == BONDOPT_IPV4S ||
				opt->kind == BONDOPT_IPV6S;

		if (!bond_conf_has(want, id) ||
		    (opt->flags & BONDOPT_F_NOT_BOND_ATTR))
			continue;
		/*
		 * A name the kernel keeps while it is not a slave yet (the
		 * primary) is not reported until it is enslaved.
		 */
		if ((opt->flags & BONDOPT_F_PENDING) &&
		    !slave_of(r->cur, b, bond_conf_ifname_of(want, id)))
			continue;
		if (!reported) {
			diags_add(
				r->d,
				r->flags & PLAN_TOLERATE ? DIAG_WARNING :
							   DIAG_ERROR,
				loc,
				"%s: %s was ignored by the kernel: Linux %s does not know this option",
				want->name, opt->name, r->cur->kernel);
			continue;
		}
		/* a number kept as sent: nothing to format, nothing rounded */
		if (bondopt_numeric(opt) && want->num[id] == b->bond->num[id])
			continue;
		bond_conf_format_value(want, id, w, sizeof(w));
		bond_conf_format_value(b->bond, id, h, sizeof(h));
		if (!bond_conf_same_value(want, b->bond, id))
			diags_add(r->d, DIAG_ERROR, loc,
				  "%s: the kernel has %s=%s, not %s",
				  want->name, opt->name, h, w);
		else if (strcmp(w, h) && opt->kind != BONDOPT_IFNAME)
			diags_add(r->d, DIAG_WARNING, loc,
				  "%s: the kernel rounded %s=%s to %s",
				  want->name, opt->name, w, h);
	}
	if (want->mtu && b->mtu != want->mtu)
		diags_add(r->d, DIAG_ERROR,
			  want->mtu_where.source ? &want->mtu_where : NULL,
			  "%s: the kernel has mtu %u, not %u", want->name,
			  b->mtu, want->mtu);
	for (i = 0; i < want->n_slaves; i++) {
		const struct bond_slave_conf *ws = &want->slaves[i];
		const struct link *dev = linkset_find(r->cur, ws->name);

		if (ws->member && (!dev || dev->master != b->ifindex))
			diags_add(r->d, DIAG_ERROR, NULL,
				  "%s: %s is not enslaved after apply",
				  want->name, ws->name);
		for (id = 0; dev && id < BONDOPT_COUNT; id++) {
			if (!(ws->present & BONDOPT_BIT(id)) ||
			    !dev->is_bond_slave)
				continue;
			if (!(dev->slave_opts.present & BONDOPT_BIT(id)))
				diags_add(
					r->d,
					r->flags & PLAN_TOLERATE ?
						DIAG_WARNING :
						DIAG_ERROR,
					NULL,
					"%s: %s of %s was ignored by the kernel: Linux %s does not know this option",
					want->name, bondopt_get(id)->name,
					ws->name, r->cur->kernel);
			else if (dev->slave_opts.num[id] != ws->num[id])
				diags_add(
					r->d, DIAG_ERROR, NULL,
					"%s: the kernel has %s=%s:%lld, not %lld",
					want->name, bondopt_get(id)->name,
					ws->name,
					(long long)dev->slave_opts.num[id],
					(long long)ws->num[id]);
		}
	}
	return r->d->errors > errors ? -EINVAL : 0;
}

/*
 * A slave that step @p->v[k] released, and no later step of its bond
 * enslaved again, must not be a slave of that bond any more. (A bond's
 * steps are together in the plan: the scan stays within them.)
 */
static int verify_release(struct apply_run *r, const struct plan *p, size_t k)
{
	const struct step *s = &p->v[k];
	const struct link *b, *dev;
	size_t i;

	if (s->kind != STEP_RELEASE)
		return 0;
	for (i = k + 1; i < p->n && p->v[i].want == s->want; i++)
		if (p->v[i].kind == STEP_ENSLAVE &&
		    !strcmp(p->v[i].dev, s->dev))
			return 0;
	b = linkset_find(r->cur, s->from);
	dev = linkset_find(r->cur, s->dev);
	if (!b || !dev || dev->master != b->ifindex)
		return 0;
	diags_add(r->d, DIAG_ERROR, NULL, "%s: %s is still a slave after apply",
		  s->from, s->dev);
	return -EBUSY;
}

/*
 * The batch group of step @s, in running order: creations, the other
 * steps, deletions, and released slaves brought up.
 */
static int group(const struct step *s)
{
	switch (s->kind) {
	case STEP_CREATE:
		return 0;
	case STEP_DELETE:
		return 2;
	case STEP_SLAVE_UP:
		return 3;
	default:
		return 1;
	}
}

#define GROUPS 4

/*
 * Runs @ran[start..end) as one batch: one message to the kernel, one answer
 * per step. Returns the first error, reported; @done tells which ran.
 */
static int run_batch(struct apply_run *r, const struct step *const *ran,
		     size_t start, size_t end, bool *done,
		     struct nl_error *errs)
{
	struct nl_error queued_errs[BATCH_STEPS];
	size_t queued[BATCH_STEPS], nq = 0, m;
	int rc = 0;

	bnl_batch_begin(r->nl);
	for (m = start; m < end; m++) {
		if (do_step(r, ran[m], &errs[m]) == 0)
			queued[nq++] = m;
	}
	bnl_batch_end(r->nl, queued_errs);
	for (m = 0; m < nq; m++)
		errs[queued[m]] = queued_errs[m];
	for (m = start; m < end; m++) {
		if (ran[m]->kind == STEP_CREATE && errs[m].err == -EEXIST)
			errs[m].err = create_raced(r, ran[m], &errs[m]);
		done[m] = errs[m].err == 0;
		if (!done[m] && !rc) {
			report(r, ran[m], &errs[m]);
			rc = errs[m].err;
		}
	}
	return rc;
}

/* A link group that no link of @ls is in, for bonds deleted together. */
static uint32_t free_group(const struct linkset *ls)
{
	uint32_t g = 0x626f6e64; /* "bond" */
	size_t i;

	for (i = 0; i < ls->n; i++)
		if (ls->v[i].group == g) {
			g++;
			i = (size_t)-1;
		}
	return g;
}

/*
 * Puts the bonds of @ran[start..end) in group @g, or back in the group
 * each had when @g is 0; @set says which are in @g. Returns the first
 * error, reported as the failure of that bond's deletion.
 */
static int set_groups(struct apply_run *r, const struct step *const *ran,
		      size_t start, size_t end, uint32_t g, bool *set,
		      struct nl_error *errs)
{
	struct nl_error answers[BATCH_STEPS];
	size_t queued[BATCH_STEPS], nq = 0, m;
	int rc = 0;

	bnl_batch_begin(r->nl);
	for (m = start; m < end; m++) {
		const struct link *was = linkset_find(r->cur, ran[m]->bond);

		if (set[m] == (g != 0))
			continue;
		memset(&errs[m], 0, sizeof(errs[m]));
		if (bnl_link_set_group(r->nl, apply_ifindex_of(r, ran[m]->bond),
				       g   ? g :
				       was ? was->group :
					     0,
				       &errs[m]) == 0)
			queued[nq++] = m;
	}
	bnl_batch_end(r->nl, answers);
	for (m = 0; m < nq; m++)
		errs[queued[m]] = answers[m];
	for (m = start; m < end; m++) {
		if (set[m] == (g != 0))
			continue;
		if (!errs[m].err)
			set[m] = g != 0;
		else if (!rc) {
			report(r, ran[m], &errs[m]);
			rc = errs[m].err;
		}
	}
	return rc;
}

/*
 * Deletes the bonds of the STEP_DELETE steps @ran[start..end) together:
 * each is put in a link group no link is in, then the group is deleted in
 * one request. The kernel unregisters them under one lock and one wait
 * for its readers, where one request a bond costs a wait each. The group
 * goes with the bonds; on a failure each bond is given back the group it
 * had. A kernel that cannot delete the group as one (-EOPNOTSUPP), or did
 * not keep it (-ENODEV), has them deleted one by one, as run_batch() does.
 */
static int delete_together(struct apply_run *r, const struct step *const *ran,
			   size_t start, size_t end, bool *done,
			   struct nl_error *errs)
{
	uint32_t g = free_group(r->cur);
	bool *set = xcalloc(end, sizeof(*set));
	struct nl_error e = { 0 };
	size_t m;
	int rc;

	rc = set_groups(r, ran, start, end, g, set, errs);
	if (!rc) {
		rc = bnl_group_delete(r->nl, g, &e);
		if (!rc) {
			for (m = start; m < end; m++)
				done[m] = true;
			free(set);
			return 0;
		}
	}
	/* the groups back: what is left in @g shows in the read-back */
	set_groups(r, ran, start, end, 0, set, errs);
	free(set);
	if (rc == -EOPNOTSUPP || rc == -ENODEV)
		return run_batch(r, ran, start, end, done, errs);
	if (e.err) {
		errs[start] = e;
		report(r, ran[start], &e);
	}
	return rc;
}

int plan_apply(const struct plan *p, struct nl *nl, const struct linkset *ls,
	       unsigned int flags, struct diags *d, bool *left_different)
{
	struct apply_run r = { .nl = nl, .before = ls, .flags = flags, .d = d };
	const struct step **ran;
	struct nl_error *errs;
	size_t n = 0, i, start;
	int rc = 0, g;
	bool *done;

	if (left_different)
		*left_different = false;
	if (!p->n)
		return 0;
	/* @ls is what the kernel has now: the caller has just read it */
	r.cur = ls;
	/*
	 * Creations first: they depend on nothing, and what follows needs
	 * the new bonds' ifindexes. Then the rest in plan order, and the
	 * deletions and the bringing up of released slaves last, so that
	 * none runs after a refused release. Each run of steps of one of
	 * these groups is one batch; the deletions of a batch are one
	 * request (delete_together()).
	 */
	ran = xcalloc(p->n, sizeof(*ran));
	done = xcalloc(p->n, sizeof(*done));
	errs = xcalloc(p->n, sizeof(*errs));
	for (g = 0; g < GROUPS; g++)
		for (i = 0; i < p->n; i++)
			if (group(&p->v[i]) == g)
				ran[n++] = &p->v[i];
	for (start = 0; start < n && !rc; start = i) {
		g = group(ran[start]);
		for (i = start;
		     i < n && i - start < BATCH_STEPS && group(ran[i]) == g;
		     i++)
			;
		if (ran[start]->kind == STEP_DELETE && i - start > 1)
			rc = delete_together(&r, ran, start, i, done, errs);
		else
			rc = run_batch(&r, ran, start, i, done, errs);
		if (ran[start]->kind == STEP_CREATE && !rc)
			rc = read_bonds(&r);
	}
	if (!rc) {
		rc = apply_refresh(&r);
		for (i = 0; !rc && i < p->n; i++)
			if (i == 0 || p->v[i].want != p->v[i - 1].want)
				rc = verify_bond(&r, p, i);
		for (i = 0; !rc && i < p->n; i++)
			rc = verify_release(&r, p, i);
	}
	if (rc) {
		apply_refresh(&r);
		rollback_steps(&r, ran, done, n);
		if (rollback_left_different(&r, ran, n) && left_different)
			*left_different = true;
	}
	free(ran);
	free(done);
	free(errs);
	linkset_free(&r.now);
	linkset_free(&r.bonds);
	return rc;
}
