// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg ifup and ifdown: the bond side of one interface, for the
 * distributions' hooks.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/bondcfg.h"
#include "cmd/change.h"
#include "cmd/cli.h"
#include "cmd/enslave.h"
#include "cmd/session.h"
#include "kernel/nl.h"

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
	session_read_host(&h, &d);
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

bool change_hook_want(const struct host_conf *h, const struct linkset *ls,
		      struct bond_conf *want)
{
	const struct host_bond *hb = host_conf_find(h, want->name);
	const struct link *bond = linkset_find(ls, want->name), *dev;
	struct bond_slave_conf *sl;
	size_t i;

	if (!hb || !(hb->formats & HOST_FORMAT_BIT(HOST_INTERFACES)))
		return false;
	for (i = 0; i < h->n_claims; i++) {
		const struct host_claim *c = h->claims[i];

		if (c->format != HOST_INTERFACES ||
		    strcmp(c->master, want->name))
			continue;
		sl = bond_conf_find_slave(want, c->slave.name);
		dev = linkset_find(ls, c->slave.name);
		/* a member by this bond-master alone (merge_claim()) */
		if (sl && sl->member && sl->listed.source == c->loc.source &&
		    sl->listed.line == c->loc.line &&
		    !(dev && bond && dev->master == bond->ifindex))
			sl->member = false;
	}
	return true;
}

/*
 * ifup ARG: a bond is brought up as configured (up), but for the slaves
 * that change_hook_want() leaves to their own ifup; a slave is enslaved to
 * its bond, which is built from the configuration if it is missing. The
 * configuration is read once, and the links once. With --print-slaves, the
 * lines that say what was done go to stderr, and stdout has only
 * change_print_slaves()'s.
 */
int change_ifup(const char *arg)
{
	const char *names[1];
	struct enslave_how how = { .announce = !bondcfg.quiet,
				   .degrade = !change_opt.strict,
				   .quiet_if_enslaved = true };
	struct host_conf h;
	struct diags d;
	struct role r;
	FILE *out = NULL;
	int rc = CLI_EXIT_OK, fd = -1;

	if (change_opt.print_slaves) {
		fflush(stdout);
		fd = dup(STDOUT_FILENO);
		out = fd < 0 ? NULL : fdopen(fd, "w");
		if (!out || dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
			cli_error("ifup: --print-slaves: %s", strerror(errno));
			return CLI_EXIT_FAILURE;
		}
	}
	host_conf_init(&h, bondcfg.root);
	diags_init(&d);
	session_read_host(&h, &d); /* reported by the run that follows */
	resolve(&h, arg, &r);
	switch (r.kind) {
	case ROLE_BOND:
		names[0] = r.bond;
		rc = change_converge(CMD_IFUP, names, 1, 0, &h, &d);
		break;
	case ROLE_SLAVE:
		names[0] = r.dev;
		how.conf = &h;
		how.conf_diags = &d;
		rc = enslave_with(r.bond, names, 1, &how);
		break;
	default:
		say_nothing("ifup", arg);
		break;
	}
	if (out) {
		fflush(stdout);
		if (!strchr(arg, '/'))
			change_print_slaves(out, &h, arg);
		if (fflush(out) && rc == CLI_EXIT_OK)
			rc = CLI_EXIT_FAILURE;
		dup2(fd, STDOUT_FILENO);
		fclose(out);
	}
	diags_free(&d);
	host_conf_free(&h);
	return rc;
}

/*
 * ifdown ARG: a bond is deleted, its slaves given back (down); a slave is
 * released from its bond.
 */
int change_ifdown(const char *arg)
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
	rc = session_read_links("ifdown", &nl, &ls);
	l = rc || !*name ? NULL : linkset_find(&ls, name);
	master = l && l->master ? linkset_find_index(&ls, l->master) : NULL;
	if (master && master->is_bond)
		snprintf(bond, sizeof(bond), "%s", master->name);
	rc = rc ? session_status(rc) : -1;
	if (rc < 0 && l && l->is_bond) {
		names[0] = name;
		rc = change_down(names, 1);
	} else if (rc < 0 && *bond) {
		names[0] = name;
		rc = change_direct(CMD_RELEASE, bond, names, 1);
	} else if (rc < 0) {
		say_nothing("ifdown", arg);
		rc = CLI_EXIT_OK;
	}
	linkset_free(&ls);
	bnl_close(nl);
	return rc;
}

int cmd_ifup(int argc, const char **argv)
{
	return change_run(CMD_IFUP, argc, argv);
}

int cmd_ifdown(int argc, const char **argv)
{
	return change_run(CMD_IFDOWN, argc, argv);
}
