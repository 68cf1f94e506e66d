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
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/enslave.h"
#include "cmd/ifenslave.h"
#include "model/ifname.h"
#include "kernel/nl.h"

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

		if (err) {
			rc = usage_error(
				"'%s': %s", rest[i],
				err == -ENAMETOOLONG ?
					"interface names have at most 15 characters" :
					"not a valid interface name");
			goto out;
		}
	}
	rc = cli_check_root(opt.root);
	if (rc >= 0)
		goto out;
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
		rc = ifenslave_change_active(rest[0], rest[1], opt.verbose);
	else if (opt.detach)
		rc = ifenslave_detach(rest[0], rest + 1, n - 1, opt.verbose);
	else
		rc = enslave_run(rest[0], rest + 1, n - 1, opt.force, true,
				 false);
out:
	poptFreeContext(ctx);
	return rc;
}
