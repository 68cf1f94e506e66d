// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ifenslave MASTER and ifenslave -a: bonds and their slaves, as ifenslave
 * always showed them.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/ifenslave.h"
#include "cmd/session.h"
#include "kernel/nl.h"

#ifndef IFF_LOWER_UP
#define IFF_LOWER_UP 0x10000
#endif

static const char *mii_names[] = { "link up", "link failing", "link down",
				   "link coming back" };

static void print_bond(const struct linkset *ls, const struct link *b)
{
	const struct bond_conf *c = b->bond;
	const char *p;
	char mode[64];
	size_t i;
	int id;

	bond_conf_format_value(c, BONDOPT_MODE, mode, sizeof(mode));
	printf("%s: %s, %s", b->name, mode, b->flags & IFF_UP ? "up" : "down");
	if (!(b->flags & IFF_LOWER_UP) && (b->flags & IFF_UP))
		printf(", no carrier");
	/* ", active slave eth0, primary eth1" */
	for (id = 0; id < BONDOPT_COUNT; id++) {
		if (bondopt_get(id)->kind != BONDOPT_IFNAME ||
		    !bond_conf_has(c, id))
			continue;
		printf(", ");
		for (p = bondopt_get(id)->name; *p; p++)
			putchar(*p == '_' ? ' ' : *p);
		printf(" %s", bond_conf_ifname_of(c, id));
	}
	if (!c->n_slaves)
		printf(", no slaves");
	putchar('\n');
	if (bondcfg.verbose) {
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
int ifenslave_show(const char *master)
{
	struct linkset ls;
	struct nl *nl = NULL;
	const struct link *l;
	bool any = false;
	size_t i;
	int rc = CLI_EXIT_OK;

	memset(&ls, 0, sizeof(ls));
	if (session_read_links(NULL, &nl, &ls)) {
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
