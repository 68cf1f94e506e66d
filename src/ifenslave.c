// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ifenslave: the classic command, `ifenslave MASTER SLAVE...`.
 */
#include "config.h"

#include <errno.h>

#include "cli.h"
#include "ifname.h"

static struct poptOption options[] = { CLI_STD_OPTIONS, POPT_TABLEEND };

static int check_names(const char **names)
{
	int err;

	for (; *names; names++) {
		err = ifname_check(*names);
		if (err == -ENAMETOOLONG)
			return cli_usage_error(
				"'%s': interface names have at most 15 characters",
				*names);
		if (err)
			return cli_usage_error(
				"'%s': not a valid interface name", *names);
	}
	return CLI_EXIT_OK;
}

int main(int argc, const char **argv)
{
	poptContext ctx;
	const char **rest;
	int rc;

	cli_set_progname(argv[0]);
	ctx = poptGetContext(NULL, argc, argv, options, 0);
	poptSetOtherOptionHelp(ctx, "[OPTION...] MASTER SLAVE...");

	rc = cli_parse_options(ctx, "\nSee ifenslave(8) for details.\n");
	if (rc >= 0)
		goto out;

	rest = poptGetArgs(ctx);
	if (!rest || !rest[0]) {
		rc = cli_usage_error("no master interface given");
		goto out;
	}
	rc = check_names(rest);
	if (rc)
		goto out;
	cli_error("changing bonds is not implemented in version %s",
		  PACKAGE_VERSION);
	rc = CLI_EXIT_FAILURE;
out:
	poptFreeContext(ctx);
	return rc;
}
