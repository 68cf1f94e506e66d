// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The commands that change bonds: up, down and apply from the host's
 * configuration; set, enslave and release without it; plan and -n for a
 * dry run of each. A change to one bond is all or nothing; the bonds of
 * one run are independent, so one that fails is rolled back on its own
 * and the others stay.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/bondcfg.h"
#include "kernel/carrier.h"
#include "cmd/cli.h"
#include "cmd/enslave.h"
#include "model/ifname.h"
#include "kernel/nl.h"
#include "model/optstr.h"
#include "cmd/output.h"
#include "engine/plan.h"
#include "model/xalloc.h"

enum change_cmd {
	CMD_UP,
	CMD_DOWN,
	CMD_APPLY,
	CMD_SET,
	CMD_ENSLAVE,
	CMD_RELEASE,
	CMD_IFUP,
	CMD_IFDOWN
};

static const char *const cmd_names[] = {
	[CMD_UP] = "up",	   [CMD_DOWN] = "down",
	[CMD_APPLY] = "apply",	   [CMD_SET] = "set",
	[CMD_ENSLAVE] = "enslave", [CMD_RELEASE] = "release",
	[CMD_IFUP] = "ifup",	   [CMD_IFDOWN] = "ifdown",
};

static struct {
	int dry_run;
	int all;
	int strict;
	int force;
	int keep;
	int no_slaves;
	int no_disrupt;
	int tolerate;
	const char *wait;
} opt;

/* --- the desired state --------------------------------------------------- */

/*
 * The bond as configured, without the slaves that do not exist: a NIC
 * removed or renamed must not keep its bond down. --strict makes that an
 * error.
 */
static int want_from_conf(struct session *s, const struct host_bond *hb,
			  struct bond_conf *want)
{
	enum diag_severity sev = opt.strict ? DIAG_ERROR : DIAG_WARNING;
	size_t i = 0;
	int id;

	bond_conf_copy(want, &hb->conf);
	if (hb->has_mtu) {
		want->mtu = hb->mtu;
		want->mtu_where = hb->mtu_loc;
	}
	while (i < want->n_slaves) {
		const struct bond_slave_conf *ws = &want->slaves[i];
		char name[IF_NAMESIZE];

		if (!ws->member || linkset_find(&s->ls, ws->name)) {
			i++;
			continue;
		}
		diags_add(&s->d, sev, ws->listed.source ? &ws->listed : NULL,
			  "%s: slave %s does not exist%s", want->name, ws->name,
			  opt.strict ? "" : "; the bond comes up without it");
		snprintf(name, sizeof(name), "%s", ws->name);
		bond_conf_remove_slave(want, name);
		for (id = 0; id < BONDOPT_COUNT; id++) {
			const struct bondopt *o = bondopt_get(id);

			if (o->kind != BONDOPT_IFNAME ||
			    !bond_conf_has(want, id) ||
			    strcmp(bond_conf_ifname_of(want, id), name))
				continue;
			want->present &= ~BONDOPT_BIT(id);
			if (!opt.strict)
				diags_add(
					&s->d, DIAG_WARNING,
					want->where[id].source ?
						&want->where[id] :
						NULL,
					"%s: %s=%s is not set: the slave does not exist",
					want->name, o->name, name);
		}
	}
	return opt.strict && s->d.errors ? -ENODEV : 0;
}

/*
 * up --no-slaves: the bond's own options only. The slaves and what names
 * them (primary, active_slave) are left out of @want.
 */
static void bare(struct bond_conf *want)
{
	want->present &= ~(BONDOPT_BIT(BONDOPT_PRIMARY) |
			   BONDOPT_BIT(BONDOPT_ACTIVE_SLAVE));
	while (want->n_slaves) {
		char name[IF_NAMESIZE];

		snprintf(name, sizeof(name), "%s", want->slaves[0].name);
		bond_conf_remove_slave(want, name);
	}
}

/* Plans each target; a bond that cannot be planned is skipped. */
static void plan_targets(struct session *s, struct target *t, size_t n,
			 unsigned int flags)
{
	size_t i, k;

	/* --no-slaves leaves the slaves and the link as they are */
	if (opt.no_slaves)
		flags |= PLAN_KEEP_SLAVES | PLAN_KEEP_LINK;
	for (i = 0; i < n; i++) {
		plan_init(&t[i].plan);
		if (t[i].skip)
			continue;
		t[i].existed = linkset_find(&s->ls, t[i].want.name) != NULL;
		if (plan_bond(&t[i].plan, &t[i].want, &s->ls, flags, &s->d)) {
			t[i].skip = t[i].failed = true;
			session_fail(s, CLI_EXIT_FAILURE);
			continue;
		}
		if (!opt.no_disrupt)
			continue;
		for (k = 0; k < t[i].plan.n; k++) {
			const struct step *st = &t[i].plan.v[k];
			char what[1024];

			if (!st->disruptive)
				continue;
			plan_step_describe(st, what, sizeof(what));
			diags_add(
				&s->d, DIAG_ERROR, NULL,
				"%s: refused by --no-disrupt: '%s' would stop traffic (%s)",
				t[i].want.name, what,
				st->why ? st->why : "the bond is reconfigured");
			t[i].skip = t[i].failed = true;
			session_fail(s, CLI_EXIT_FAILURE);
			break;
		}
	}
}

/* --wait: until each bond brought up has carrier. */
static void wait_carrier(struct session *s, struct target *t, size_t n,
			 double seconds)
{
	const char **names = xcalloc(n ? n : 1, sizeof(*names));
	size_t *which = xcalloc(n ? n : 1, sizeof(*which));
	bool *ok = xcalloc(n ? n : 1, sizeof(*ok));
	size_t i, m = 0;
	int rc;

	for (i = 0; i < n; i++) {
		if (t[i].failed || t[i].skip)
			continue;
		which[m] = i;
		names[m++] = t[i].want.name;
	}
	rc = m ? carrier_wait(names, m, (int)(seconds * 1000), ok) : 0;
	if (rc == -ETIMEDOUT) {
		for (i = 0; i < m; i++)
			if (!ok[i])
				diags_add(
					&s->d, DIAG_ERROR, NULL,
					"%s: no carrier after %g s: no slave is active (cables, switch ports, LACP partner?)",
					t[which[i]].want.name, seconds);
		session_fail(s, CLI_EXIT_FAILURE);
	} else if (rc) {
		diags_add(&s->d, DIAG_ERROR, NULL,
			  "--wait: cannot follow link events: %s",
			  strerror(-rc));
		session_fail(s, CLI_EXIT_FAILURE);
	}
	free(names);
	free(which);
	free(ok);
}

/* --- up, apply ------------------------------------------------------------ */

static bool named(const char *const *names, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(names[i], name))
			return true;
	return false;
}

/* up and apply: converge the bonds to the host's configuration. */
static int converge(enum change_cmd cmd, const char *const *names, size_t n,
		    double wait)
{
	unsigned int flags = (opt.force ? PLAN_FORCE : 0) |
			     (opt.tolerate ? PLAN_TOLERATE : 0);
	struct target *t = NULL;
	struct host_conf h;
	struct session s;
	size_t nt = 0, i;
	int rc;

	rc = session_open(&s, cmd_names[cmd], opt.dry_run);
	if (rc >= 0)
		goto out;
	host_conf_init(&h, bondcfg.root);
	bondcfg_read_host(&h, &s.d);
	if (s.d.errors)
		session_fail(&s, CLI_EXIT_CONFIG);
	for (i = 0; i < n; i++)
		if (!host_conf_find(&h, names[i])) {
			diags_add(
				&s.d, DIAG_ERROR, NULL,
				"%s: no configuration for this bond in the %u file%s read%s%s",
				names[i], h.files_read,
				h.files_read == 1 ? "" : "s",
				bondcfg.root ? " under " : "",
				bondcfg.root ? bondcfg.root : "");
			session_fail(&s, CLI_EXIT_CONFIG);
		}
	t = xcalloc(h.n_bonds ? h.n_bonds : 1, sizeof(*t));
	for (i = 0; i < h.n_bonds; i++) {
		const struct bond_conf *conf = &h.bonds[i]->conf;
		struct target *tg;
		const struct link *live;

		if (!opt.all && !named(names, n, conf->name))
			continue;
		live = linkset_find(&s.ls, conf->name);
		if (cmd == CMD_APPLY && (!live || !live->is_bond)) {
			if (!opt.all) {
				diags_add(
					&s.d, DIAG_ERROR, NULL,
					"%s: no such bond; bring it up with 'bondcfg up %s'",
					conf->name, conf->name);
				session_fail(&s, CLI_EXIT_FAILURE);
			}
			continue;
		}
		tg = &t[nt++];
		if (run_blocked(&h, conf->name, &s.d)) {
			diags_add(
				&s.d, DIAG_ERROR, &h.bonds[i]->loc,
				"%s: not changed: its configuration has errors",
				conf->name);
			bond_conf_init(&tg->want, conf->name);
			tg->skip = tg->failed = true;
			continue;
		}
		if (want_from_conf(&s, h.bonds[i], &tg->want)) {
			tg->skip = tg->failed = true;
			session_fail(&s, CLI_EXIT_FAILURE);
		}
		if (opt.no_slaves)
			bare(&tg->want);
	}
	plan_targets(&s, t, nt, flags);
	if (opt.dry_run)
		session_print_plans(t, nt);
	else
		session_run(&s, t, nt, flags);
	if (!opt.dry_run && wait > 0)
		wait_carrier(&s, t, nt, wait);
	targets_free(t, nt);
	rc = session_close(&s); /* diagnostics point into @h */
	host_conf_free(&h);
out:
	return rc;
}

/* --- set, enslave, release ------------------------------------------------ */

static const struct link *live_bond(struct session *s, const char *name)
{
	const struct link *l = linkset_find(&s->ls, name);

	if (l && l->is_bond)
		return l;
	diags_add(
		&s->d, DIAG_ERROR, NULL,
		l ? "%s: not a bond (a %s device)" :
		    "%s: no such bond%s; configure it and run 'bondcfg up', or create it with 'ip link add NAME type bond'",
		name, l ? l->kind : "");
	session_fail(s, CLI_EXIT_FAILURE);
	return NULL;
}

static int direct(enum change_cmd cmd, const char *bond,
		  const char *const *args, size_t n)
{
	static const struct diag_loc loc = { "command line", 0 };
	/* set changes options: a bond that was down stays down */
	unsigned int flags = PLAN_KEEP_SLAVES | (opt.force ? PLAN_FORCE : 0) |
			     (opt.tolerate ? PLAN_TOLERATE : 0) |
			     (cmd == CMD_SET ? PLAN_KEEP_LINK : 0);
	const struct link *live, *dev;
	struct target t;
	struct session s;
	size_t i;
	int rc;

	rc = session_open(&s, cmd_names[cmd], opt.dry_run);
	if (rc >= 0)
		goto out;
	target_init(&t, bond);
	live = live_bond(&s, bond);
	if (!live)
		goto done;
	for (i = 0; i < n; i++) {
		switch (cmd) {
		case CMD_SET:
			optstr_parse(&t.want, args[i], OPTSTR_BONDING_OPTS,
				     &loc, &s.d);
			break;
		case CMD_ENSLAVE:
			bond_conf_add_member(&t.want, args[i], &loc);
			break;
		default:
			break;
		}
	}
	if (cmd == CMD_SET && !s.d.errors)
		bond_conf_validate(&t.want, live->bond, &s.d);
	if (s.d.errors) {
		session_fail(&s, CLI_EXIT_USAGE);
		goto done;
	}
	t.existed = true;
	if (cmd == CMD_RELEASE) {
		for (i = 0; i < n; i++) {
			dev = linkset_find(&s.ls, args[i]);
			if (!dev || dev->master != live->ifindex) {
				diags_add(
					&s.d, DIAG_ERROR, NULL,
					"%s: cannot release %s: %s", bond,
					args[i],
					dev ? "it is not a slave of this bond" :
					      "no such device");
				session_fail(&s, CLI_EXIT_FAILURE);
				continue;
			}
			plan_release(&t.plan, &t.want, args[i]);
		}
		if (s.d.errors)
			goto done;
	} else if (plan_bond(&t.plan, &t.want, &s.ls, flags, &s.d)) {
		session_fail(&s, CLI_EXIT_FAILURE);
		goto done;
	}
	if (cmd == CMD_RELEASE)
		session_give_back(&t);
	if (opt.dry_run)
		session_print_plans(&t, 1);
	else
		session_run(&s, &t, 1, flags);
done:
	target_free(&t);
	rc = session_close(&s);
out:
	return rc;
}

/* --- down ---------------------------------------------------------------- */

/*
 * Each bond's slaves released, given back as they were before they were
 * enslaved, and the bond deleted (kept with --keep): plan steps, run all
 * or nothing as up's are.
 */
static int down(const char *const *names, size_t n)
{
	struct target *t = NULL;
	struct host_conf h;
	struct session s;
	size_t nb = 0, i, k;
	int rc;

	rc = session_open(&s, cmd_names[CMD_DOWN], opt.dry_run);
	if (rc >= 0)
		return rc;
	host_conf_init(&h, bondcfg.root);
	if (opt.all) {
		bondcfg_read_host(&h, &s.d);
		if (s.d.errors)
			session_fail(&s, CLI_EXIT_CONFIG);
	}
	t = xcalloc(n + h.n_bonds + 1, sizeof(*t));
	for (i = 0; i < n + h.n_bonds; i++) {
		const char *name = i < n ? names[i] : h.bonds[i - n]->conf.name;
		const struct link *l = linkset_find(&s.ls, name);

		if (!l || !l->is_bond) {
			if (i < n)
				diags_add(&s.d, DIAG_NOTE, NULL,
					  "%s: %s; nothing to take down", name,
					  l ? "not a bond" : "no such bond");
			continue;
		}
		for (k = 0; k < nb && strcmp(t[k].want.name, name); k++)
			;
		if (k < nb)
			continue;
		target_init(&t[nb], name);
		t[nb].existed = true;
		plan_down(&t[nb].plan, &t[nb].want, &s.ls, opt.keep);
		session_give_back(&t[nb++]);
	}
	if (opt.dry_run && !nb)
		printf("nothing to change\n");
	else if (opt.dry_run)
		session_print_plans(t, nb);
	else
		session_run(&s, t, nb, 0);
	for (i = 0; i < nb; i++)
		target_free(&t[i]);
	free(t);
	rc = session_close(&s);
	host_conf_free(&h);
	return rc;
}

/* --- ifup, ifdown: the bond side of an interface, for the hooks ----------- */

/* What the configuration makes of an interface. */
struct role {
	enum { ROLE_NONE, ROLE_BOND, ROLE_SLAVE } kind;
	char bond[IF_NAMESIZE];
	char dev[IF_NAMESIZE]; /* the slave */
};

/* Whether @source is the file @path (both resolved). */
static bool same_file(const char *source, const char *path)
{
	char a[PATH_MAX];

	return source && realpath(source, a) && !strcmp(a, path);
}

static void set_role(struct role *r, int kind, const char *bond,
		     const char *dev)
{
	r->kind = kind;
	snprintf(r->bond, sizeof(r->bond), "%s", bond);
	snprintf(r->dev, sizeof(r->dev), "%s", dev ? dev : "");
}

/*
 * The role of @arg: an interface name, or the path of its configuration
 * file (an ifcfg file, as initscripts passes it). A bond's own file makes
 * it a bond; MASTER= or bond-master, or a bond's slave list, a slave.
 */
static void resolve(const struct host_conf *h, const char *arg, struct role *r)
{
	char path[PATH_MAX];
	bool file = strchr(arg, '/') != NULL;
	size_t i, k;

	memset(r, 0, sizeof(*r));
	if (file && !realpath(arg, path))
		return;
	for (i = 0; i < h->n_decls; i++) {
		const struct host_bond *b = h->decls[i];

		if (file ? same_file(b->loc.source, path) :
			   !strcmp(b->conf.name, arg)) {
			set_role(r, ROLE_BOND, b->conf.name, NULL);
			return;
		}
	}
	for (i = 0; i < h->n_claims; i++) {
		const struct host_claim *c = h->claims[i];

		if (file ? same_file(c->loc.source, path) :
			   !strcmp(c->slave.name, arg)) {
			set_role(r, ROLE_SLAVE, c->master, c->slave.name);
			return;
		}
	}
	for (i = 0; !file && i < h->n_bonds; i++) {
		const struct bond_conf *c = &h->bonds[i]->conf;

		for (k = 0; k < c->n_slaves; k++)
			if (c->slaves[k].member &&
			    !strcmp(c->slaves[k].name, arg)) {
				set_role(r, ROLE_SLAVE, c->name, arg);
				return;
			}
	}
}

/* The role of @arg in the host's configuration. */
static void configured_role(const char *arg, struct role *r)
{
	struct host_conf h;
	struct diags d;

	host_conf_init(&h, bondcfg.root);
	diags_init(&d);
	bondcfg_read_host(&h, &d);
	resolve(&h, arg, r);
	diags_free(&d); /* reported by the run that follows */
	host_conf_free(&h);
}

static void say_nothing(const char *cmd, const char *arg)
{
	if (bondcfg.verbose)
		fprintf(stderr,
			"%s: %s: neither a bond nor a slave of one; nothing to do\n",
			cmd, arg);
}

/*
 * ifup ARG: a bond is brought up as configured (up); a slave is enslaved to
 * its bond, which is built from the configuration if it is missing.
 */
static int ifup(const char *arg)
{
	const char *names[1];
	const struct link *dev, *bond;
	struct linkset ls;
	struct nl *nl = NULL;
	struct role r;
	bool enslaved;
	int rc;

	configured_role(arg, &r);
	switch (r.kind) {
	case ROLE_BOND:
		names[0] = r.bond;
		return converge(CMD_UP, names, 1, 0);
	case ROLE_SLAVE:
		break;
	default:
		say_nothing("ifup", arg);
		return CLI_EXIT_OK;
	}
	/* enslaved already, by its bond's own ifup: nothing to say */
	memset(&ls, 0, sizeof(ls));
	rc = bondcfg_read_links("ifup", &nl, &ls);
	dev = rc ? NULL : linkset_find(&ls, r.dev);
	bond = rc ? NULL : linkset_find(&ls, r.bond);
	enslaved = dev && bond && dev->master == bond->ifindex;
	linkset_free(&ls);
	bnl_close(nl);
	if (rc)
		return session_status(rc);
	if (enslaved)
		return CLI_EXIT_OK;
	names[0] = r.dev;
	return enslave_run(r.bond, names, 1, false, !bondcfg.quiet);
}

/*
 * ifdown ARG: a bond is deleted, its slaves given back (down); a slave is
 * released from its bond.
 */
static int ifdown(const char *arg)
{
	const char *names[1];
	const struct link *l, *master;
	struct linkset ls;
	struct nl *nl = NULL;
	char name[IF_NAMESIZE], bond[IF_NAMESIZE] = "";
	struct role r;
	int rc;

	configured_role(arg, &r);
	snprintf(name, sizeof(name), "%s",
		 r.kind == ROLE_SLAVE ? r.dev :
		 r.kind == ROLE_BOND  ? r.bond :
		 strchr(arg, '/')     ? "" :
					arg);
	memset(&ls, 0, sizeof(ls));
	rc = bondcfg_read_links("ifdown", &nl, &ls);
	l = rc || !*name ? NULL : linkset_find(&ls, name);
	master = l && l->master ? linkset_find_index(&ls, l->master) : NULL;
	if (master && master->is_bond)
		snprintf(bond, sizeof(bond), "%s", master->name);
	rc = rc ? session_status(rc) : -1;
	if (rc < 0 && l && l->is_bond) {
		names[0] = name;
		rc = down(names, 1);
	} else if (rc < 0 && *bond) {
		names[0] = name;
		rc = direct(CMD_RELEASE, bond, names, 1);
	} else if (rc < 0) {
		say_nothing("ifdown", arg);
		rc = CLI_EXIT_OK;
	}
	linkset_free(&ls);
	bnl_close(nl);
	return rc;
}

/* --- command lines -------------------------------------------------------- */

#define OPT_DRY_RUN                                                               \
	{                                                                         \
		"dry-run", 'n', POPT_ARG_NONE, &opt.dry_run, 0,                   \
			"Print the steps and netlink attributes; change nothing", \
			NULL                                                      \
	}
#define OPT_ALL                                                        \
	{                                                              \
		"all", 'a', POPT_ARG_NONE, &opt.all, 0,                \
			"Every bond of the host's configuration", NULL \
	}
#define OPT_STRICT                                                                           \
	{                                                                                    \
		"strict", '\0', POPT_ARG_NONE, &opt.strict, 0,                               \
			"A configured slave that does not exist is an error, not a warning", \
			NULL                                                                 \
	}
#define OPT_FORCE                                                          \
	{                                                                  \
		"force", 'f', POPT_ARG_NONE, &opt.force, 0,                \
			"Take slaves that belong to another bond from it", \
			NULL                                               \
	}
#define OPT_TOLERATE                                                                             \
	{                                                                                        \
		"tolerate", '\0', POPT_ARG_NONE, &opt.tolerate, 0,                               \
			"An option the running kernel does not know is a warning, not an error", \
			NULL                                                                     \
	}
#define OPT_NO_DISRUPT                                                                            \
	{                                                                                         \
		"no-disrupt", '\0', POPT_ARG_NONE, &opt.no_disrupt, 0,                            \
			"Refuse changes that stop traffic (mode, fail_over_mac, lacp_rate, ...)", \
			NULL                                                                      \
	}

static struct poptOption up_options[] = {
	OPT_ALL,
	{ "wait", 'w', POPT_ARG_STRING, &opt.wait, 0,
	  "Return once each bond has carrier; fail after SECONDS", "SECONDS" },
	OPT_STRICT,
	OPT_NO_DISRUPT,
	OPT_FORCE,
	OPT_TOLERATE,
	{ "no-slaves", '\0', POPT_ARG_NONE, &opt.no_slaves, 0,
	  "Only the bond's own options: no slave is enslaved or released, the link is left down or up as it is",
	  NULL },
	OPT_DRY_RUN,
	CLI_STD_OPTIONS,
	POPT_TABLEEND
};

static struct poptOption apply_options[] = { OPT_ALL,	      OPT_NO_DISRUPT,
					     OPT_STRICT,      OPT_FORCE,
					     OPT_TOLERATE,    OPT_DRY_RUN,
					     CLI_STD_OPTIONS, POPT_TABLEEND };

static struct poptOption down_options[] = {
	OPT_ALL,
	{ "keep", 'k', POPT_ARG_NONE, &opt.keep, 0,
	  "Release the slaves but keep the bond", NULL },
	OPT_DRY_RUN,
	CLI_STD_OPTIONS,
	POPT_TABLEEND
};

static struct poptOption set_options[] = { OPT_TOLERATE, OPT_DRY_RUN,
					   CLI_STD_OPTIONS, POPT_TABLEEND };

static struct poptOption enslave_options[] = { OPT_FORCE, OPT_DRY_RUN,
					       CLI_STD_OPTIONS, POPT_TABLEEND };

static struct poptOption release_options[] = { OPT_DRY_RUN, CLI_STD_OPTIONS,
					       POPT_TABLEEND };

static struct poptOption hook_options[] = { CLI_STD_OPTIONS, POPT_TABLEEND };

static const char *const usages[] = {
	[CMD_UP] = "[OPTION...] BOND... | --all",
	[CMD_DOWN] = "[OPTION...] BOND... | --all",
	[CMD_APPLY] = "[OPTION...] [BOND...]",
	[CMD_SET] = "[OPTION...] BOND KEY=VALUE...",
	[CMD_ENSLAVE] = "[OPTION...] BOND DEVICE...",
	[CMD_RELEASE] = "[OPTION...] BOND DEVICE...",
	[CMD_IFUP] = "[OPTION...] INTERFACE|IFCFG-FILE",
	[CMD_IFDOWN] = "[OPTION...] INTERFACE|IFCFG-FILE",
};

static struct poptOption *const tables[] = {
	[CMD_UP] = up_options,		 [CMD_DOWN] = down_options,
	[CMD_APPLY] = apply_options,	 [CMD_SET] = set_options,
	[CMD_ENSLAVE] = enslave_options, [CMD_RELEASE] = release_options,
	[CMD_IFUP] = hook_options,	 [CMD_IFDOWN] = hook_options,
};

static int parse_wait(double *seconds)
{
	char *end;

	*seconds = 0;
	if (!opt.wait)
		return -1;
	*seconds = strtod(opt.wait, &end);
	if (end == opt.wait || *end || !(*seconds > 0) || *seconds > 86400)
		return cli_usage_error(
			"up: --wait: '%s' is not a number of seconds between 0 and 86400",
			opt.wait);
	return -1;
}

static int run(enum change_cmd cmd, int argc, const char **argv)
{
	char name[64];
	poptContext ctx;
	const char **args;
	double wait = 0;
	size_t n = 0, i;
	int rc;

	snprintf(name, sizeof(name), "bondcfg %s", cmd_names[cmd]);
	ctx = poptGetContext(name, argc, argv, tables[cmd], 0);
	poptSetOtherOptionHelp(ctx, usages[cmd]);
	rc = cli_parse_options(ctx, NULL);
	if (rc >= 0)
		goto out;
	args = poptGetArgs(ctx);
	while (args && args[n])
		n++;
	for (i = 0; i < n; i++)
		if (ifname_check(args[i]) && !(cmd == CMD_SET && i > 0) &&
		    !((cmd == CMD_IFUP || cmd == CMD_IFDOWN) &&
		      strchr(args[i], '/'))) {
			rc = cli_usage_error(
				"%s: '%s' is not a valid interface name",
				cmd_names[cmd], args[i]);
			goto out;
		}
	switch (cmd) {
	case CMD_UP:
	case CMD_DOWN:
		if (opt.all == !!n) {
			rc = cli_usage_error(
				"%s: give bond names or --all, not %s",
				cmd_names[cmd], n ? "both" : "neither");
			goto out;
		}
		break;
	case CMD_APPLY:
		if (opt.all && n) {
			rc = cli_usage_error(
				"apply: give bond names or --all, not both");
			goto out;
		}
		opt.all = !n;
		break;
	case CMD_IFUP:
	case CMD_IFDOWN:
		if (n != 1) {
			rc = cli_usage_error("%s: usage: bondcfg %s %s",
					     cmd_names[cmd], cmd_names[cmd],
					     usages[cmd]);
			goto out;
		}
		break;
	default:
		if (n < 2) {
			rc = cli_usage_error("%s: usage: bondcfg %s %s",
					     cmd_names[cmd], cmd_names[cmd],
					     usages[cmd]);
			goto out;
		}
		break;
	}
	rc = parse_wait(&wait);
	if (rc >= 0)
		goto out;
	switch (cmd) {
	case CMD_UP:
	case CMD_APPLY:
		rc = converge(cmd, args, n, wait);
		break;
	case CMD_DOWN:
		rc = down(args, n);
		break;
	case CMD_IFUP:
		rc = ifup(args[0]);
		break;
	case CMD_IFDOWN:
		rc = ifdown(args[0]);
		break;
	default:
		rc = direct(cmd, args[0], args + 1, n - 1);
		break;
	}
out:
	poptFreeContext(ctx);
	return rc;
}

int cmd_change(int argc, const char **argv)
{
	size_t c;

	for (c = 0; c < sizeof(cmd_names) / sizeof(cmd_names[0]); c++)
		if (!strcmp(argv[0], cmd_names[c]))
			return run((enum change_cmd)c, argc, argv);
	return cli_usage_error("unknown command '%s'", argv[0]);
}

/* bondcfg plan [COMMAND] ARG...: that command with --dry-run. */
int cmd_plan(int argc, const char **argv)
{
	size_t c;

	opt.dry_run = 1;
	if (argc > 1 && (!strcmp(argv[1], cmd_names[CMD_IFUP]) ||
			 !strcmp(argv[1], cmd_names[CMD_IFDOWN])))
		return cli_usage_error(
			"plan: %s has no dry run; try 'bondcfg plan up' or 'bondcfg plan down'",
			argv[1]);
	for (c = 0; argc > 1 && c <= CMD_RELEASE; c++)
		if (!strcmp(argv[1], cmd_names[c]))
			return run((enum change_cmd)c, argc - 1, argv + 1);
	return run(CMD_UP, argc, argv);
}
