// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The command lines of the commands that change bonds: up, down and apply
 * from the host's configuration; set, enslave and release without it;
 * ifup and ifdown for the hooks; plan and -n for a dry run of each. Each
 * command is in a file of its own (change.h). A change to one bond is all
 * or nothing; the bonds of one run are independent, so one that fails is
 * rolled back on its own and the others stay.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/bondcfg.h"
#include "cmd/change.h"
#include "cmd/cli.h"
#include "cmd/confirm.h"
#include "model/ifname.h"

const char *const change_names[] = {
	[CMD_UP] = "up",	   [CMD_DOWN] = "down",
	[CMD_APPLY] = "apply",	   [CMD_SET] = "set",
	[CMD_ENSLAVE] = "enslave", [CMD_RELEASE] = "release",
	[CMD_IFUP] = "ifup",	   [CMD_IFDOWN] = "ifdown",
};

struct change_options change_opt;

#define OPT_DRY_RUN                                                               \
	{                                                                         \
		"dry-run", 'n', POPT_ARG_NONE, &change_opt.dry_run, 0,            \
			"Print the steps and netlink attributes; change nothing", \
			NULL                                                      \
	}
#define OPT_ALL                                                        \
	{                                                              \
		"all", 'a', POPT_ARG_NONE, &change_opt.all, 0,         \
			"Every bond of the host's configuration", NULL \
	}
#define OPT_STRICT                                                                           \
	{                                                                                    \
		"strict", '\0', POPT_ARG_NONE, &change_opt.strict, 0,                        \
			"A configured slave that does not exist is an error, not a warning", \
			NULL                                                                 \
	}
#define OPT_FORCE                                                          \
	{                                                                  \
		"force", 'f', POPT_ARG_NONE, &change_opt.force, 0,         \
			"Take slaves that belong to another bond from it", \
			NULL                                               \
	}
#define OPT_TOLERATE                                                                             \
	{                                                                                        \
		"tolerate", '\0', POPT_ARG_NONE, &change_opt.tolerate, 0,                        \
			"An option the running kernel does not know is a warning, not an error", \
			NULL                                                                     \
	}
#define OPT_NO_DISRUPT                                                                            \
	{                                                                                         \
		"no-disrupt", '\0', POPT_ARG_NONE, &change_opt.no_disrupt, 0,                     \
			"Refuse changes that stop traffic (mode, fail_over_mac, lacp_rate, ...)", \
			NULL                                                                      \
	}

static struct poptOption up_options[] = {
	OPT_ALL,
	{ "wait", 'w', POPT_ARG_STRING, &change_opt.wait, 0,
	  "Return once each bond has carrier; fail after SECONDS", "SECONDS" },
	OPT_STRICT,
	OPT_NO_DISRUPT,
	OPT_FORCE,
	OPT_TOLERATE,
	{ "no-slaves", '\0', POPT_ARG_NONE, &change_opt.no_slaves, 0,
	  "Only the bond's own options: no slave is enslaved or released, the link is left down or up as it is",
	  NULL },
	OPT_DRY_RUN,
	CONFIRM_OPTIONS,
	CLI_STD_OPTIONS,
	POPT_TABLEEND
};

static struct poptOption apply_options[] = { OPT_ALL,	      OPT_NO_DISRUPT,
					     OPT_STRICT,      OPT_FORCE,
					     OPT_TOLERATE,    OPT_DRY_RUN,
					     CONFIRM_OPTIONS, CLI_STD_OPTIONS,
					     POPT_TABLEEND };

static struct poptOption down_options[] = {
	OPT_ALL,
	{ "keep", 'k', POPT_ARG_NONE, &change_opt.keep, 0,
	  "Release the slaves but keep the bond", NULL },
	OPT_DRY_RUN,
	CONFIRM_OPTIONS,
	CLI_STD_OPTIONS,
	POPT_TABLEEND
};

static struct poptOption set_options[] = { OPT_TOLERATE, OPT_DRY_RUN,
					   CONFIRM_OPTIONS, CLI_STD_OPTIONS,
					   POPT_TABLEEND };

static struct poptOption enslave_options[] = { OPT_FORCE, OPT_DRY_RUN,
					       CONFIRM_OPTIONS, CLI_STD_OPTIONS,
					       POPT_TABLEEND };

static struct poptOption release_options[] = { OPT_DRY_RUN, CONFIRM_OPTIONS,
					       CLI_STD_OPTIONS, POPT_TABLEEND };

static struct poptOption ifup_options[] = {
	{ "print-slaves", '\0', POPT_ARG_NONE, &change_opt.print_slaves, 0,
	  "For the hook: print on stdout the slave stanzas to bring up through ifup with BOND ('allow NAME', 'auto NAME'); what was done goes to stderr",
	  NULL },
	CLI_STD_OPTIONS,
	POPT_TABLEEND
};

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
	[CMD_IFUP] = ifup_options,	 [CMD_IFDOWN] = hook_options,
};

static int parse_wait(double *seconds)
{
	char *end;

	*seconds = 0;
	if (!change_opt.wait)
		return -1;
	*seconds = strtod(change_opt.wait, &end);
	if (end == change_opt.wait || *end || !(*seconds > 0) ||
	    *seconds > 86400)
		return cli_usage_error(
			"up: --wait: '%s' is not a number of seconds between 0 and 86400",
			change_opt.wait);
	return -1;
}

int change_run(enum change_cmd cmd, int argc, const char **argv)
{
	char name[64], path[PATH_MAX];
	poptContext ctx;
	const char **args;
	double wait = 0;
	size_t n = 0, i;
	int rc;

	snprintf(name, sizeof(name), "bondcfg %s", change_names[cmd]);
	confirm_prepare_argv(argc, argv, name);
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
				change_names[cmd], args[i]);
			goto out;
		}
	/* the hooks' --strict: a file whose presence is the setting */
	snprintf(path, sizeof(path), "%s" CHANGE_STRICT_FILE,
		 bondcfg.root ? bondcfg.root : "");
	if (!change_opt.strict && access(path, F_OK) == 0)
		change_opt.strict = 1;
	switch (cmd) {
	case CMD_UP:
	case CMD_DOWN:
		if (change_opt.all == !!n) {
			rc = cli_usage_error(
				"%s: give bond names or --all, not %s",
				change_names[cmd], n ? "both" : "neither");
			goto out;
		}
		break;
	case CMD_APPLY:
		if (change_opt.all && n) {
			rc = cli_usage_error(
				"apply: give bond names or --all, not both");
			goto out;
		}
		change_opt.all = !n;
		break;
	case CMD_IFUP:
	case CMD_IFDOWN:
		if (n != 1) {
			rc = cli_usage_error("%s: usage: bondcfg %s %s",
					     change_names[cmd],
					     change_names[cmd], usages[cmd]);
			goto out;
		}
		break;
	default:
		if (n < 2) {
			rc = cli_usage_error("%s: usage: bondcfg %s %s",
					     change_names[cmd],
					     change_names[cmd], usages[cmd]);
			goto out;
		}
		break;
	}
	rc = parse_wait(&wait);
	if (rc < 0)
		rc = confirm_check_options(change_names[cmd]);
	if (rc >= 0)
		goto out;
	switch (cmd) {
	case CMD_UP:
	case CMD_APPLY:
		rc = change_converge(cmd, args, n, wait, NULL, NULL);
		break;
	case CMD_DOWN:
		rc = change_down(args, n);
		break;
	case CMD_IFUP:
		rc = change_ifup(args[0]);
		break;
	case CMD_IFDOWN:
		rc = change_ifdown(args[0]);
		break;
	default:
		rc = change_direct(cmd, args[0], args + 1, n - 1);
		break;
	}
out:
	poptFreeContext(ctx);
	confirm_restore_argv();
	return rc;
}

/* bondcfg plan [COMMAND] ARG...: that command with --dry-run. */
int cmd_plan(int argc, const char **argv)
{
	size_t c;

	change_opt.dry_run = 1;
	if (argc > 1 && (!strcmp(argv[1], change_names[CMD_IFUP]) ||
			 !strcmp(argv[1], change_names[CMD_IFDOWN])))
		return cli_usage_error(
			"plan: %s has no dry run; try 'bondcfg plan up' or 'bondcfg plan down'",
			argv[1]);
	for (c = 0; argc > 1 && c <= CMD_RELEASE; c++)
		if (!strcmp(argv[1], change_names[c]))
			return change_run((enum change_cmd)c, argc - 1,
					  argv + 1);
	return change_run(CMD_UP, argc, argv);
}

/* bondcfg confirm and bondcfg revert: the end of a change made with --confirm. */
int cmd_confirm(int argc, const char **argv)
{
	return confirm_main(argc, argv, false);
}

int cmd_revert(int argc, const char **argv)
{
	return confirm_main(argc, argv, true);
}
