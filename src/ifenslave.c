// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ifenslave: the classic command, `ifenslave MASTER SLAVE...`, over the
 * same engine as bondcfg. Enslaving, releasing and changing the active
 * slave are each one plan: checked whole before anything changes, run
 * in one go, rolled back whole if the kernel refuses a step. A MASTER
 * that does not exist is built from the host's configuration.
 */
#include "config.h"

#include <errno.h>
#include <net/if_arp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ifname.h"
#include "nl.h"
#include "optstr.h"
#include "output.h"
#include "session.h"
#include "xalloc.h"

#ifndef IFF_LOWER_UP
#define IFF_LOWER_UP 0x10000
#endif

static struct {
	int all;
	int change;
	int detach;
	int force;
	int help;
	int usage;
	int version;
	int verbose;
	const char *root;
} opt;

static struct poptOption options[] = {
	{ "all-interfaces", 'a', POPT_ARG_NONE, &opt.all, 0,
	  "Show every bond and its slaves", NULL },
	{ "change-active", 'c', POPT_ARG_NONE, &opt.change, 0,
	  "Make SLAVE the active slave of MASTER", NULL },
	{ "detach", 'd', POPT_ARG_NONE, &opt.detach, 0,
	  "Release the SLAVEs from MASTER", NULL },
	{ "force", 'f', POPT_ARG_NONE, &opt.force, 0,
	  "Enslave SLAVEs that are not Ethernet devices", NULL },
	{ "verbose", 'v', POPT_ARG_NONE, &opt.verbose, 0,
	  "Say what is done, step by step", NULL },
	{ "root", '\0', POPT_ARG_STRING, &opt.root, 0,
	  "Read the configuration under DIR instead of /", "DIR" },
	{ "help", 'h', POPT_ARG_NONE, &opt.help, 0, "Show this help and exit",
	  NULL },
	{ "usage", 'u', POPT_ARG_NONE, &opt.usage, 0,
	  "Show the usage lines and exit", NULL },
	{ "version", 'V', POPT_ARG_NONE, &opt.version, 0,
	  "Show the version and exit", NULL },
	POPT_TABLEEND
};

static const char usage_lines[] =
	"Usage: ifenslave [-f] MASTER SLAVE...   enslave the SLAVEs to bond MASTER\n"
	"       ifenslave -d MASTER SLAVE...     release the SLAVEs from MASTER\n"
	"       ifenslave -c MASTER SLAVE        make SLAVE the active slave\n"
	"       ifenslave [MASTER]               show bond MASTER and its slaves\n"
	"       ifenslave -a                     show every bond and its slaves\n";

static const char help_text[] =
	"\n"
	"Options:\n"
	"  -a, --all-interfaces  show every bond and its slaves\n"
	"  -c, --change-active   make SLAVE the active slave of MASTER\n"
	"  -d, --detach          release the SLAVEs from MASTER\n"
	"  -f, --force           enslave SLAVEs that are not Ethernet devices\n"
	"  -v, --verbose         say what is done, step by step\n"
	"      --root=DIR        read the configuration under DIR instead of /\n"
	"  -h, --help            show this help and exit\n"
	"  -u, --usage           show the usage lines and exit\n"
	"  -V, --version         show the version and exit\n"
	"\n"
	"-a, -c, -d, -f, -h, -u and -V exclude each other; -v goes with any.\n"
	"A MASTER that does not exist is created when the host's configuration\n"
	"describes it (/etc/modprobe.d, ifcfg files, /etc/network/interfaces,\n"
	"/etc/conf.d/net), with the options it gives.\n"
	"\n"
	"See ifenslave(8) for details.\n";

__attribute__((format(printf, 1, 2))) static int usage_error(const char *fmt,
							     ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "%s: ", cli_progname());
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fputs(usage_lines, stderr);
	fprintf(stderr, "Try '%s --help' for more information.\n",
		cli_progname());
	return CLI_EXIT_USAGE;
}

/* --- show ----------------------------------------------------------------- */

static const char *mii_names[] = { "link up", "link failing", "link down",
				   "link coming back" };

static void print_bond(const struct linkset *ls, const struct link *b)
{
	const struct bond_conf *c = b->bond;
	char mode[64];
	size_t i;

	bond_conf_format_value(c, BONDOPT_MODE, mode, sizeof(mode));
	printf("%s: %s, %s", b->name, mode, b->flags & IFF_UP ? "up" : "down");
	if (!(b->flags & IFF_LOWER_UP) && (b->flags & IFF_UP))
		printf(", no carrier");
	if (bond_conf_has(c, BONDOPT_ACTIVE_SLAVE))
		printf(", active slave %s",
		       bond_conf_ifname_of(c, BONDOPT_ACTIVE_SLAVE));
	if (bond_conf_has(c, BONDOPT_PRIMARY))
		printf(", primary %s", bond_conf_ifname_of(c, BONDOPT_PRIMARY));
	if (!c->n_slaves)
		printf(", no slaves");
	putchar('\n');
	if (opt.verbose) {
		char *opts = bond_conf_format(c);

		printf("  options: %s\n", opts);
		free(opts);
	}
	for (i = 0; i < c->n_slaves; i++) {
		const struct link *dev = linkset_find(ls, c->slaves[i].name);

		if (!dev)
			continue;
		printf("  slave %s: %s, %s, %s", dev->name,
		       dev->flags & IFF_UP ? "up" : "down",
		       dev->slave.state ? "backup" : "active",
		       dev->slave.mii_status < 4 ?
			       mii_names[dev->slave.mii_status] :
			       "link unknown");
		if (dev->slave.link_failure_count)
			printf(", %u link failure%s",
			       dev->slave.link_failure_count,
			       dev->slave.link_failure_count == 1 ? "" : "s");
		putchar('\n');
	}
}

/* ifenslave MASTER, ifenslave -a: no privilege needed. */
static int show(const char *master)
{
	struct linkset ls;
	struct nl *nl = NULL;
	const struct link *l;
	bool any = false;
	size_t i;
	int rc = CLI_EXIT_OK;

	memset(&ls, 0, sizeof(ls));
	if (bondcfg_read_links(NULL, &nl, &ls)) {
		rc = CLI_EXIT_FAILURE;
		goto out;
	}
	if (master) {
		l = linkset_find(&ls, master);
		if (!l || !l->is_bond) {
			if (l)
				cli_error("%s: not a bond (a %s device)",
					  master,
					  *l->kind ? l->kind : "network");
			else
				cli_error("%s: no such device", master);
			rc = CLI_EXIT_FAILURE;
			goto out;
		}
		print_bond(&ls, l);
		goto out;
	}
	for (i = 0; i < ls.n; i++)
		if (ls.v[i].is_bond && ls.v[i].bond) {
			print_bond(&ls, &ls.v[i]);
			any = true;
		}
	if (!any)
		printf("no bonds\n");
out:
	linkset_free(&ls);
	bnl_close(nl);
	return rc;
}

/* --- the checks ------------------------------------------------------------ */

/* The bond @master in the session; otherwise says why not. */
static const struct link *live_bond(struct session *s, const char *master)
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
static void say_other_master(struct session *s, const char *master,
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

static bool listed_before(const char *const *names, size_t i)
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
			 size_t n, struct bond_conf *want)
{
	static const struct diag_loc cmdline = { "command line", 0 };
	struct bond_slave_conf *ws;
	const struct link *dev;
	char type[16];
	size_t i;

	for (i = 0; i < n; i++) {
		if (listed_before(names, i))
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
			say_other_master(s, master, "enslave", dev);
		} else if (dev->flags & IFF_LOOPBACK) {
			diags_add(
				&s->d, DIAG_ERROR, NULL,
				"%s: cannot enslave %s: it is a loopback device",
				master, dev->name);
		} else if (dev->type != ARPHRD_ETHER && !opt.force) {
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
	 * primary once it is enslaved, as with the module's options; an
	 * active slave must be a slave now.
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
		if (id == BONDOPT_PRIMARY && linkset_find(&s->ls, name)) {
			diags_add(
				&s->d, DIAG_NOTE, NULL,
				"%s: primary %s takes effect when %s is enslaved",
				want->name, name, name);
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
			(t->plan.v[k].opts & ~BONDOPT_BIT(BONDOPT_PRIMARY))) ||
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

static int enslave(const char *master, const char *const *names, size_t n)
{
	const struct host_bond *hb = NULL;
	const struct link *bond;
	struct host_conf h;
	struct diags cd;
	struct session s;
	struct target t;
	int rc;

	rc = session_open(&s, NULL, false);
	if (rc >= 0)
		return rc;
	host_conf_init(&h, opt.root);
	diags_init(&cd);
	memset(&t, 0, sizeof(t));
	bond_conf_init(&t.want, master);
	plan_init(&t.plan);
	bond = linkset_find(&s.ls, master);
	if (bond && (!bond->is_bond || !bond->bond)) {
		live_bond(&s, master);
		goto done;
	}
	check_slaves(&s, master, bond, names, n, &t.want);
	/*
	 * A bond that is missing, or that has no slaves yet (as the module
	 * creates bond0), gets the options the configuration gives it.
	 */
	if (!bond || !bond->bond->n_slaves) {
		bondcfg_read_host(&h, &cd);
		hb = host_conf_find(&h, master);
		if (hb || !bond) {
			size_t i;

			for (i = 0; i < cd.n; i++)
				diags_add(&s.d, cd.v[i].severity, &cd.v[i].loc,
					  "%s", cd.v[i].message);
			if (cd.errors)
				session_fail(&s, CLI_EXIT_CONFIG);
		}
		if (hb && session_blocked(&h, master, &cd)) {
			diags_add(&s.d, DIAG_ERROR, &hb->loc,
				  "%s: not %s: its configuration has errors",
				  master, bond ? "changed" : "created");
			goto done;
		}
		if (!hb && !bond) {
			diags_add(
				&s.d, DIAG_ERROR, NULL,
				"%s: no such bond, and no configuration describes it (%u file%s read%s%s); configure it, or create it with 'ip link add %s type bond'",
				master, h.files_read,
				h.files_read == 1 ? "" : "s",
				opt.root ? " under " : "",
				opt.root ? opt.root : "", master);
			session_fail(&s, CLI_EXIT_FAILURE);
			goto done;
		}
		if (hb)
			want_configured(&s, hb, &t.want);
	}
	if (s.d.errors) {
		diags_add(&s.d, DIAG_ERROR, NULL, "%s: nothing was changed",
			  master);
		goto done;
	}
	if (plan_bond(&t.plan, &t.want, &s.ls, PLAN_KEEP_SLAVES, &s.d)) {
		session_fail(&s, CLI_EXIT_FAILURE);
		goto done;
	}
	t.existed = bond != NULL;
	if (opt.verbose)
		output_plan(&t.plan, stdout);
	session_run(&s, &t, 1, 0);
	if (!t.failed && hb)
		say_configured(&t, hb);
done:
	target_free(&t);
	rc = session_close(&s); /* diagnostics point into @h */
	diags_free(&cd);
	host_conf_free(&h);
	return rc;
}

/* --- releasing -------------------------------------------------------------- */

static int detach(const char *master, const char *const *names, size_t n)
{
	const struct link *bond, *dev;
	const char **released;
	size_t i, nr = 0;
	struct session s;
	struct target t;
	int rc;

	rc = session_open(&s, NULL, false);
	if (rc >= 0)
		return rc;
	memset(&t, 0, sizeof(t));
	bond_conf_init(&t.want, master);
	plan_init(&t.plan);
	released = xcalloc(n, sizeof(*released));
	bond = live_bond(&s, master);
	for (i = 0; bond && i < n; i++) {
		if (listed_before(names, i))
			continue;
		dev = linkset_find(&s.ls, names[i]);
		if (!dev) {
			diags_add(&s.d, DIAG_ERROR, NULL,
				  "%s: cannot release %s: no such device",
				  master, names[i]);
			session_fail(&s, CLI_EXIT_FAILURE);
		} else if (dev->master == bond->ifindex) {
			plan_release(&t.plan, &t.want, dev->name);
			released[nr++] = dev->name;
		} else if (dev->master) {
			say_other_master(&s, master, "release", dev);
			session_fail(&s, CLI_EXIT_FAILURE);
		} else {
			diags_add(
				&s.d, DIAG_WARNING, NULL,
				"%s: %s is not a slave of %s; nothing to release",
				master, dev->name, master);
		}
	}
	if (!bond)
		goto done;
	if (s.d.errors) {
		diags_add(&s.d, DIAG_ERROR, NULL, "%s: nothing was changed",
			  master);
		goto done;
	}
	t.existed = true;
	if (opt.verbose)
		output_plan(&t.plan, stdout);
	session_run(&s, &t, 1, 0);
	if (!t.failed)
		session_restore_released(&s, master, released, nr, false);
done:
	free(released);
	target_free(&t);
	return session_close(&s);
}

/* --- the active slave ----------------------------------------------------- */

static int change_active(const char *master, const char *name)
{
	static const struct diag_loc cmdline = { "command line", 0 };
	const struct link *bond, *dev;
	char mode[64];
	struct session s;
	struct target t;
	int64_t m;
	int rc;

	rc = session_open(&s, NULL, false);
	if (rc >= 0)
		return rc;
	memset(&t, 0, sizeof(t));
	bond_conf_init(&t.want, master);
	plan_init(&t.plan);
	bond = live_bond(&s, master);
	if (!bond)
		goto done;
	dev = linkset_find(&s.ls, name);
	m = bond_conf_effective(bond->bond, NULL, BONDOPT_MODE);
	bond_conf_format_value(bond->bond, BONDOPT_MODE, mode, sizeof(mode));
	if (!dev) {
		diags_add(&s.d, DIAG_ERROR, NULL,
			  "%s: cannot make %s the active slave: no such device",
			  master, name);
	} else if (dev->master && dev->master != bond->ifindex) {
		say_other_master(&s, master, "make active", dev);
	} else if (!dev->master) {
		diags_add(
			&s.d, DIAG_ERROR, NULL,
			"%s: cannot make %s the active slave: it is not a slave of %s; enslave it first: ifenslave %s %s",
			master, name, master, master, name);
	} else if (m != 1 && m != 5 && m != 6) {
		diags_add(
			&s.d, DIAG_ERROR, NULL,
			"%s: mode %s has no active slave; -c works in active-backup, balance-tlb and balance-alb",
			master, mode);
	} else if (bond_conf_has(bond->bond, BONDOPT_ACTIVE_SLAVE) &&
		   !strcmp(bond_conf_ifname_of(bond->bond,
					       BONDOPT_ACTIVE_SLAVE),
			   name)) {
		if (opt.verbose)
			printf("%s: %s is the active slave already\n", master,
			       name);
		goto done;
	}
	if (s.d.errors) {
		session_fail(&s, CLI_EXIT_FAILURE);
		goto done;
	}
	optstr_set(&t.want, bondopt_get(BONDOPT_ACTIVE_SLAVE), name,
		   OPTSTR_BONDING_OPTS, &cmdline, &s.d);
	if (s.d.errors ||
	    plan_bond(&t.plan, &t.want, &s.ls, PLAN_KEEP_SLAVES, &s.d)) {
		session_fail(&s, CLI_EXIT_FAILURE);
		goto done;
	}
	/* a bond that was down stays down */
	if (!(bond->flags & IFF_UP) && t.plan.n &&
	    t.plan.v[t.plan.n - 1].kind == STEP_BOND_UP)
		t.plan.n--;
	t.existed = true;
	if (opt.verbose)
		output_plan(&t.plan, stdout);
	session_run(&s, &t, 1, 0);
done:
	target_free(&t);
	return session_close(&s);
}

/* --- the command line ----------------------------------------------------- */

int main(int argc, const char **argv)
{
	const char **rest;
	poptContext ctx;
	size_t n = 0, i;
	int rc, exclusive;

	cli_set_progname(argv[0]);
	ctx = poptGetContext(NULL, argc, argv, options, 0);
	while ((rc = poptGetNextOpt(ctx)) > 0)
		;
	if (rc < -1) {
		fprintf(stderr, "%s: %s: %s\n", cli_progname(),
			poptBadOption(ctx, POPT_BADOPTION_NOALIAS),
			poptStrerror(rc));
		fputs(usage_lines, stderr);
		fprintf(stderr, "Try '%s --help' for more information.\n",
			cli_progname());
		rc = CLI_EXIT_USAGE;
		goto out;
	}
	rest = poptGetArgs(ctx);
	while (rest && rest[n])
		n++;
	exclusive = opt.all + opt.change + opt.detach + opt.force + opt.help +
		    opt.usage + opt.version;
	if (exclusive > 1) {
		rc = usage_error(
			"-a, -c, -d, -f, -h, -u and -V exclude each other");
		goto out;
	}
	if (opt.help || opt.usage) {
		fputs(usage_lines, stdout);
		if (opt.help)
			fputs(help_text, stdout);
		rc = CLI_EXIT_OK;
		goto out;
	}
	if (opt.version) {
		cli_print_version();
		rc = CLI_EXIT_OK;
		goto out;
	}
	for (i = 0; i < n; i++) {
		int err = ifname_check(rest[i]);

		if (err == -ENAMETOOLONG) {
			rc = usage_error(
				"'%s': interface names have at most 15 characters",
				rest[i]);
			goto out;
		}
		if (err) {
			rc = usage_error("'%s': not a valid interface name",
					 rest[i]);
			goto out;
		}
	}
	bondcfg.root = opt.root;
	bondcfg.verbose = opt.verbose;
	bondcfg.quiet = 1; /* success is silent, as it always was */
	if (opt.all) {
		rc = n ? usage_error("-a takes no interface names") :
			 show(NULL);
		goto out;
	}
	if (!n) {
		rc = usage_error("no master interface given");
		goto out;
	}
	if (n == 1 && (opt.change || opt.detach)) {
		rc = usage_error("-%s needs a MASTER and a SLAVE",
				 opt.change ? "c" : "d");
		goto out;
	}
	if (n == 1) {
		rc = show(rest[0]);
		goto out;
	}
	if (opt.change && n != 2) {
		rc = usage_error(
			"-c takes one SLAVE: there is one active slave");
		goto out;
	}
	if (opt.change)
		rc = change_active(rest[0], rest[1]);
	else if (opt.detach)
		rc = detach(rest[0], rest + 1, n - 1);
	else
		rc = enslave(rest[0], rest + 1, n - 1);
out:
	poptFreeContext(ctx);
	return rc;
}
