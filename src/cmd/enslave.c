// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Enslaving as ifenslave does it, shared with bondcfg's ifup hook: the
 * slaves named are checked whole before anything changes, then enslaved in
 * one plan; a bond that is missing, or that has no slaves yet, is given the
 * options the host's configuration gives it.
 */
#include "config.h"

#include <errno.h>
#include <net/if_arp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/enslave.h"
#include "cmd/output.h"
#include "kernel/driver.h"

/* --- the checks ------------------------------------------------------------ */

/* The bond @master in the session; otherwise says why not. */
const struct link *enslave_live_bond(struct session *s, const char *master)
{
	const struct link *l = linkset_find(&s->ls, master);

	if (l && l->is_bond && l->bond)
		return l;
	if (l)
		diags_add(
			&s->d, DIAG_ERROR, NULL,
			"%s: not a bond but a %s device; the bond comes first: ifenslave MASTER SLAVE...",
			master, *l->kind ? l->kind : "network");
	else
		diags_add(&s->d, DIAG_ERROR, NULL, "%s: no such bond", master);
	session_fail(s, CLI_EXIT_FAILURE);
	return NULL;
}

/* The link that @dev has as master, and what kind of master it is. */
void enslave_say_other_master(struct session *s, const char *master,
			      const char *what, const struct link *dev)
{
	const struct link *other = linkset_find_index(&s->ls, dev->master);

	if (other && other->is_bond)
		diags_add(
			&s->d, DIAG_ERROR, NULL,
			"%s: cannot %s %s: it is a slave of %s; release it there first: ifenslave -d %s %s",
			master, what, dev->name, other->name, other->name,
			dev->name);
	else
		diags_add(
			&s->d, DIAG_ERROR, NULL,
			"%s: cannot %s %s: it belongs to %s (a %s device); take it out of there first",
			master, what, dev->name, other ? other->name : "?",
			other && *other->kind ? other->kind : "network");
}

/* The link type of @dev as ip(8) names it: "ether", "netlink", ... */
static const char *link_type(const struct link *dev, char buf[16])
{
	static const struct {
		unsigned short type;
		const char *name;
	} names[] = {
		{ ARPHRD_ETHER, "ether" },
		{ ARPHRD_INFINIBAND, "infiniband" },
		{ ARPHRD_TUNNEL, "ipip" },
		{ ARPHRD_SIT, "sit" },
		{ ARPHRD_IPGRE, "gre" },
		{ 824 /* ARPHRD_NETLINK */, "netlink" },
		{ ARPHRD_NONE, "none" },
		{ ARPHRD_PPP, "ppp" },
		{ ARPHRD_LOOPBACK, "loopback" },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].type == dev->type)
			return names[i].name;
	snprintf(buf, 16, "%u", dev->type);
	return buf;
}

bool enslave_listed_before(const char *const *names, size_t i)
{
	size_t k;

	for (k = 0; k < i; k++)
		if (!strcmp(names[k], names[i]))
			return true;
	return false;
}

/*
 * Whether each slave can be enslaved to @master (@bond if it exists);
 * adds those that can to @want, and says what is wrong with the others.
 */
static void check_slaves(struct session *s, const char *master,
			 const struct link *bond, const char *const *names,
			 size_t n, bool force, struct bond_conf *want)
{
	static const struct diag_loc cmdline = { "command line", 0 };
	struct bond_slave_conf *ws;
	const struct link *dev;
	char type[16];
	size_t i;

	for (i = 0; i < n; i++) {
		if (enslave_listed_before(names, i))
			continue;
		dev = linkset_find(&s->ls, names[i]);
		if (!strcmp(names[i], master)) {
			diags_add(&s->d, DIAG_ERROR, NULL,
				  "%s: cannot enslave a bond to itself",
				  master);
		} else if (!dev) {
			diags_add(&s->d, DIAG_ERROR, NULL,
				  "%s: cannot enslave %s: no such device",
				  master, names[i]);
		} else if (bond && dev->master == bond->ifindex) {
			diags_add(&s->d, DIAG_WARNING, NULL,
				  "%s: %s is already a slave of %s", master,
				  dev->name, master);
			continue;
		} else if (dev->master) {
			enslave_say_other_master(s, master, "enslave", dev);
		} else if (dev->flags & IFF_LOOPBACK) {
			diags_add(
				&s->d, DIAG_ERROR, NULL,
				"%s: cannot enslave %s: it is a loopback device",
				master, dev->name);
		} else if (dev->type != ARPHRD_ETHER && !force) {
			diags_add(
				&s->d, DIAG_ERROR, NULL,
				"%s: cannot enslave %s: it is not an Ethernet device (link/%s); -f enslaves it anyway",
				master, dev->name, link_type(dev, type));
		} else {
			ws = bond_conf_slave(want, names[i]);
			if (!ws->member) {
				ws->member = true;
				ws->listed = cmdline;
			}
			continue;
		}
		session_fail(s, CLI_EXIT_FAILURE);
	}
}

/* --- enslaving -------------------------------------------------------------- */

/*
 * The options the configuration gives bond @hb, for @want, which already
 * lists the slaves this run enslaves. Its own slave list is left out: only
 * the slaves named on the command line are enslaved, with the options the
 * configuration gives them.
 */
static void want_configured(struct session *s, const struct host_bond *hb,
			    struct bond_conf *want)
{
	const struct bond_slave_conf *cs;
	struct bond_slave_conf *ws;
	size_t i;
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++)
		if (bond_conf_has(&hb->conf, id) &&
		    !(bondopt_get(id)->flags & BONDOPT_F_SLAVE))
			bond_conf_copy_option(want, &hb->conf, id);
	for (i = 0; i < want->n_slaves; i++) {
		ws = &want->slaves[i];
		cs = bond_conf_find_slave(&hb->conf, ws->name);
		if (!cs)
			continue;
		for (id = 0; id < BONDOPT_COUNT; id++)
			if (cs->present & BONDOPT_BIT(id)) {
				ws->present |= BONDOPT_BIT(id);
				ws->num[id] = cs->num[id];
				ws->where[id] = cs->where[id];
			}
	}
	if (hb->has_mtu) {
		want->mtu = hb->mtu;
		want->mtu_where = hb->mtu_loc;
	}
	/*
	 * The kernel keeps a primary that is not a slave yet and makes it
	 * primary once it is enslaved, as with the module's options
	 * (BONDOPT_F_PENDING); an active slave must be a slave now.
	 */
	for (id = 0; id < BONDOPT_COUNT; id++) {
		const struct bondopt *o = bondopt_get(id);
		const char *name;

		if (o->kind != BONDOPT_IFNAME || !bond_conf_has(want, id))
			continue;
		name = bond_conf_ifname_of(want, id);
		ws = bond_conf_find_slave(want, name);
		if (ws && ws->member)
			continue;
		if ((o->flags & BONDOPT_F_PENDING) &&
		    linkset_find(&s->ls, name)) {
			diags_add(&s->d, DIAG_NOTE, NULL,
				  "%s: %s %s takes effect when %s is enslaved",
				  want->name, o->name, name, name);
			continue;
		}
		want->present &= ~BONDOPT_BIT(id);
		diags_add(&s->d,
			  linkset_find(&s->ls, name) ? DIAG_NOTE : DIAG_WARNING,
			  want->where[id].source ? &want->where[id] : NULL,
			  "%s: %s=%s is not set: %s", want->name, o->name, name,
			  linkset_find(&s->ls, name) ?
				  "it is not enslaved now" :
				  "no such device");
	}
}

/* "FILE, FILE": the files the options of @c come from. */
static void sources_of(const struct bond_conf *c, char *buf, size_t size)
{
	const char *seen[BONDOPT_COUNT];
	size_t n = 0, k, len = 0;
	int id;

	buf[0] = '\0';
	for (id = 0; id < BONDOPT_COUNT; id++) {
		const char *src = c->where[id].source;

		if (!bond_conf_has(c, id) || !src)
			continue;
		for (k = 0; k < n && strcmp(seen[k], src); k++)
			;
		if (k < n)
			continue;
		seen[n++] = src;
		len += snprintf(buf + len, len < size ? size - len : 0, "%s%s",
				n > 1 ? ", " : "", src);
	}
}

/* Says that the configuration built or set @want. */
static void say_configured(const struct target *t, const struct host_bond *hb)
{
	char from[1024];
	char *opts;
	size_t k;
	bool set = !t->existed;

	/* a primary sent again after the slaves went is no news */
	for (k = 0; k < t->plan.n; k++)
		set |= (t->plan.v[k].kind == STEP_SET &&
			(t->plan.v[k].opts &
			 ~bondopt_with_flags(BONDOPT_F_PENDING))) ||
		       t->plan.v[k].kind == STEP_MTU;
	if (!set)
		return;
	sources_of(&t->want, from, sizeof(from));
	opts = bond_conf_format(&t->want);
	printf("%s: %s as configured in %s%s%s\n", t->want.name,
	       t->existed ? "options set" : "created",
	       *from ? from : hb->loc.source, *opts ? ": " : "", opts);
	free(opts);
}

int enslave_run(const char *master, const char *const *names, size_t n,
		bool force, bool announce, bool degrade)
{
	const struct enslave_how how = { .force = force,
					 .announce = announce,
					 .degrade = degrade };

	return enslave_with(master, names, n, &how);
}

/* Whether each of @names is a slave of @bond already. */
static bool all_enslaved(const struct session *s, const struct link *bond,
			 const char *const *names, size_t n)
{
	const struct link *dev;
	size_t i;

	for (i = 0; bond && i < n; i++) {
		dev = linkset_find(&s->ls, names[i]);
		if (!dev || dev->master != bond->ifindex)
			return false;
	}
	return bond != NULL;
}

int enslave_with(const char *master, const char *const *names, size_t n,
		 const struct enslave_how *how)
{
	enum run_policy policy = how->degrade ? RUN_DEGRADE : RUN_STRICT;
	bool degrade = how->degrade;
	unsigned int cfg_errors = 0;
	const struct host_bond *hb = NULL;
	const struct link *bond;
	struct host_conf own, *hp = how->conf ? how->conf : &own;
	struct diags cd;
	struct session s;
	struct target t;
	int rc;

	rc = session_open(&s, NULL, false);
	if (rc >= 0)
		return rc;
	host_conf_init(&own, bondcfg.root);
	diags_init(&cd);
	run_target_init(&t, master);
	bond = linkset_find(&s.ls, master);
	if (how->quiet_if_enslaved && all_enslaved(&s, bond, names, n))
		goto done;
	if (bond && (!bond->is_bond || !bond->bond)) {
		enslave_live_bond(&s, master);
		goto done;
	}
	check_slaves(&s, master, bond, names, n, how->force, &t.want);
	/*
	 * A bond that is missing, or that has no slaves yet (as the module
	 * creates bond0), gets the options the configuration gives it.
	 */
	if (!bond || !bond->bond->n_slaves) {
		if (how->conf)
			session_add_diags(&cd, how->conf_diags);
		else
			session_read_host(&own, &cd);
		hb = host_conf_find(hp, master);
		if (hb || !bond) {
			size_t i;

			for (i = 0; i < cd.n; i++)
				diags_add(&s.d, cd.v[i].severity, &cd.v[i].loc,
					  "%s", cd.v[i].message);
			if (cd.errors)
				session_fail(&s, CLI_EXIT_CONFIG);
			cfg_errors = cd.errors;
		}
		if (hb && run_blocked(hp, master, &cd, policy)) {
			diags_add(&s.d, DIAG_ERROR, &hb->loc,
				  "%s: not %s: its configuration has errors",
				  master, bond ? "changed" : "created");
			goto done;
		}
		if (!hb && !bond) {
			diags_add(
				&s.d, DIAG_ERROR, NULL,
				"%s: no such bond, and no configuration describes it (%u file%s read%s%s); configure it, or create it with 'ip link add %s type bond'",
				master, hp->files_read,
				hp->files_read == 1 ? "" : "s",
				bondcfg.root ? " under " : "",
				bondcfg.root ? bondcfg.root : "", master);
			session_fail(&s, driver_bonding_loaded() ?
						 CLI_EXIT_FAILURE :
						 CLI_EXIT_NO_BONDING);
			goto done;
		}
		if (hb)
			want_configured(&s, hb, &t.want);
	}
	/* at boot, the errors of the files leave out only what they name */
	if (s.d.errors > (degrade ? cfg_errors : 0)) {
		diags_add(&s.d, DIAG_ERROR, NULL, "%s: nothing was changed",
			  master);
		goto done;
	}
	if (cfg_errors && hb)
		diags_add(
			&s.d, DIAG_WARNING, &hb->loc,
			"%s: built with what its files say without error: the errors above leave out only what they name (--strict refuses the bond instead)",
			master);
	if (plan_bond(&t.plan, &t.want, &s.ls, PLAN_KEEP_SLAVES, &s.d)) {
		session_fail(&s, CLI_EXIT_FAILURE);
		goto done;
	}
	t.existed = bond != NULL;
	if (bondcfg.verbose)
		output_plan(&t.plan, stdout);
	session_run(&s, &t, 1, 0);
	if (!t.failed && hb && how->announce)
		say_configured(&t, hb);
done:
	run_target_free(&t);
	rc = session_close(&s); /* diagnostics point into @hp */
	diags_free(&cd);
	host_conf_free(&own);
	return rc;
}
