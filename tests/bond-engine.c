// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A test driver for the netlink engine, for the kernel tests: plans and
 * applies a desired state given on the command line, or prints what the
 * engine reads back. Not installed.
 *
 *   bond-engine plan|apply BOND [OPTIONS] [--slaves A,B]
 *                          [--bond BOND2 [OPTIONS] [--slaves C]]...
 *                          [--force] [--keep-slaves] [--tolerate]
 *                          [--refuse N [--refuse-undo M]]
 *   bond-engine down BOND... [--keep] [--refuse N [--refuse-undo M]]
 *   bond-engine show BOND...
 *
 * --refuse N: the N-th change request is refused (bnl_test_refuse()), as
 * the kernel would refuse it; --refuse-undo M: the M-th too, a request of
 * the rollback. A rollback that left links different says so on stderr
 * ("rollback left links different") and exits 4.
 *
 * show prints three lines for each bond, in the order given, from one dump:
 * its options, "slaves: A B", "up: 0|1".
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/linkset.h"
#include "kernel/nl.h"
#include "model/optstr.h"
#include "cmd/output.h"
#include "engine/plan.h"

static int usage(void)
{
	fputs("usage: bond-engine plan|apply BOND [OPTIONS] [--slaves A,B] [--bond BOND2 ...] [--force] [--keep-slaves] [--tolerate] [--refuse N [--refuse-undo M]]\n"
	      "       bond-engine down BOND... [--keep] [--refuse N [--refuse-undo M]]\n"
	      "       bond-engine show BOND...\n",
	      stderr);
	return 2;
}

static int show(struct nl *nl, char **names, int n)
{
	struct linkset ls;
	struct link *l;
	char *text;
	size_t i;
	int k, rc = bnl_dump_links(nl, &ls);

	if (rc) {
		fprintf(stderr, "bond-engine: %s\n", strerror(-rc));
		return 1;
	}
	for (k = 0; k < n; k++) {
		l = linkset_find(&ls, names[k]);
		if (!l || !l->bond) {
			fprintf(stderr, "bond-engine: %s: no such bond\n",
				names[k]);
			linkset_free(&ls);
			return 1;
		}
		text = bond_conf_format(l->bond);
		printf("%s\n", text);
		free(text);
		printf("slaves:");
		for (i = 0; i < l->bond->n_slaves; i++)
			printf(" %s", l->bond->slaves[i].name);
		printf("\nup: %d\n", !!(l->flags & IFF_UP));
	}
	linkset_free(&ls);
	return 0;
}

#define MAX_BONDS 64

int main(int argc, char **argv)
{
	static const struct diag_loc loc = { "command line", 0 };
	static struct bond_conf want[MAX_BONDS];
	unsigned int flags = 0;
	struct linkset ls;
	struct plan p;
	struct diags d;
	struct nl *nl;
	size_t nb = 1, b;
	bool apply, down, keep = false, left = false;
	int i, rc;

	if (argc < 3)
		return usage();
	rc = bnl_open(&nl);
	if (rc) {
		fprintf(stderr, "bond-engine: netlink: %s\n", strerror(-rc));
		return 1;
	}
	if (!strcmp(argv[1], "show")) {
		rc = show(nl, argv + 2, argc - 2);
		bnl_close(nl);
		return rc;
	}
	if (strcmp(argv[1], "plan") && strcmp(argv[1], "apply") &&
	    strcmp(argv[1], "down"))
		return usage();
	apply = strcmp(argv[1], "plan") != 0;
	down = !strcmp(argv[1], "down");

	bond_conf_init(&want[0], argv[2]);
	diags_init(&d);
	for (i = 3; i < argc; i++) {
		struct bond_conf *c = &want[nb - 1];

		if (!strcmp(argv[i], "--refuse") && i + 1 < argc) {
			bnl_test_refuse(nl, 0, (unsigned int)atoi(argv[++i]),
					-EINVAL);
		} else if (!strcmp(argv[i], "--refuse-undo") && i + 1 < argc) {
			bnl_test_refuse(nl, 1, (unsigned int)atoi(argv[++i]),
					-EIO);
		} else if (!strcmp(argv[i], "--keep")) {
			keep = true;
		} else if (down && argv[i][0] != '-') {
			if (nb < MAX_BONDS)
				bond_conf_init(&want[nb++], argv[i]);
		} else if (!strcmp(argv[i], "--force")) {
			flags |= PLAN_FORCE;
		} else if (!strcmp(argv[i], "--keep-slaves")) {
			flags |= PLAN_KEEP_SLAVES;
		} else if (!strcmp(argv[i], "--tolerate")) {
			flags |= PLAN_TOLERATE;
		} else if (!strcmp(argv[i], "--bond") && i + 1 < argc &&
			   nb < MAX_BONDS) {
			bond_conf_init(&want[nb++], argv[++i]);
		} else if (!strcmp(argv[i], "--slaves") && i + 1 < argc) {
			char *list = argv[++i], *save = NULL, *name;

			for (name = strtok_r(list, ",", &save); name;
			     name = strtok_r(NULL, ",", &save))
				bond_conf_add_member(c, name, &loc);
		} else {
			optstr_parse(c, argv[i], OPTSTR_BONDING_OPTS, &loc, &d);
		}
	}
	for (b = 0; b < nb && !d.errors && !down; b++)
		bond_conf_validate(&want[b], NULL, &d);
	rc = d.errors ? 3 : 0;
	plan_init(&p);
	if (!rc && bnl_dump_links(nl, &ls) == 0) {
		for (b = 0; b < nb && !rc; b++)
			if (down)
				plan_down(&p, &want[b], &ls, keep);
			else if (plan_bond(&p, &want[b], &ls, flags, &d))
				rc = 1;
		if (!rc && !apply)
			output_plan(&p, stdout);
		else if (!rc && plan_apply(&p, nl, &ls, flags, &d, &left))
			rc = left ? 4 : 1;
		linkset_free(&ls);
	}
	output_diags(&d, stderr);
	if (left)
		fprintf(stderr, "rollback left links different\n");
	fprintf(stderr, "changes sent: %u\n", bnl_changes(nl));
	fprintf(stderr, "round trips: %u\n", bnl_round_trips(nl));
	plan_free(&p);
	diags_free(&d);
	for (b = 0; b < nb; b++)
		bond_conf_free(&want[b]);
	bnl_close(nl);
	return rc;
}
