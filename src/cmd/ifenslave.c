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
#include "cmd/confirm.h"
#include "cmd/enslave.h"
#include "cmd/ifenslave.h"
#include "model/ifname.h"
#include "kernel/nl.h"

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
	CONFIRM_OPTIONS,
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
	"      --confirm[=SECONDS]  revert the change after SECONDS (120) unless\n"
	"                        'bondcfg confirm' is run\n"
	"      --confirm-check=ADDR  with --confirm: confirmed as soon as ADDR\n"
	"                        answers through the bond, reverted if it does not\n"
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

/* --- the command line ----------------------------------------------------- */

int main(int argc, const char **argv)
{
	const char **rest;
	poptContext ctx;
	size_t n = 0, i;
	int rc, exclusive;

	cli_set_progname(argv[0]);
	confirm_install();
	confirm_prepare_argv(argc, argv, cli_progname());
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
	if (rc < 0)
		rc = confirm_check_options(cli_progname());
	if (rc >= 0)
		goto out;
	bondcfg.root = opt.root;
	bondcfg.verbose = opt.verbose;
	bondcfg.quiet = 1; /* success is silent, as it always was */
	if (opt.all) {
		rc = n ? usage_error("-a takes no interface names") :
			 ifenslave_show(NULL);
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
		rc = ifenslave_show(rest[0]);
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
	confirm_restore_argv();
	return rc;
}
