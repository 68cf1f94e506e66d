// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ifcfg-bond-parse: read bonding configuration and print it normalized.
 */
#include "config.h"

#include "cli.h"

static struct poptOption options[] = { CLI_STD_OPTIONS, POPT_TABLEEND };

int main(int argc, const char **argv)
{
	poptContext ctx;
	const char **rest;
	int rc;

	cli_set_progname(argv[0]);
	ctx = poptGetContext(NULL, argc, argv, options, 0);
	poptSetOtherOptionHelp(ctx, "[OPTION...]");

	rc = cli_parse_options(ctx, "\nSee ifcfg-bond-parse(8) for details.\n");
	if (rc >= 0)
		goto out;

	rest = poptGetArgs(ctx);
	if (rest && rest[0]) {
		rc = cli_usage_error("unexpected argument '%s'", rest[0]);
		goto out;
	}
	rc = cli_usage_error("nothing to parse: version %s reads no input yet",
			     PACKAGE_VERSION);
out:
	poptFreeContext(ctx);
	return rc;
}
