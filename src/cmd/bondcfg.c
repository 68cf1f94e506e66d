// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg: bring bonds up and down from the host's configuration files,
 * converge, show and check them. This file only dispatches to commands.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "cmd/bondcfg.h"
#include "cmd/cli.h"
#include "cmd/confirm.h"
#include "kernel/nl.h"
#include "cmd/output.h"
#include "formats/formats.h"
#include "model/xalloc.h"

struct command {
	const char *name;
	const char *summary;
	int (*run)(int argc, const char **argv);
};

static int cmd_help(int argc, const char **argv);

static const struct command commands[] = {
	{ "up", "build bonds from the host's configuration, or converge them",
	  cmd_up },
	{ "down", "release the slaves of bonds and delete the bonds",
	  cmd_down },
	{ "apply", "converge live bonds to the configuration", cmd_apply },
	{ "set", "change options of a bond: KEY=VALUE...", cmd_set },
	{ "enslave", "add slaves to a bond", cmd_enslave },
	{ "release", "take slaves out of a bond", cmd_release },
	{ "ifup",
	  "the bond side of ifup INTERFACE, for the distributions' hooks",
	  cmd_ifup },
	{ "ifdown",
	  "the bond side of ifdown INTERFACE, for the distributions' hooks",
	  cmd_ifdown },
	{ "confirm", "keep the change made with --confirm", cmd_confirm },
	{ "revert", "undo the change made with --confirm, now", cmd_revert },
	{ "plan", "print what a command would do, and do nothing", cmd_plan },
	{ "check", "report every problem of the host's configuration",
	  cmd_check },
	{ "convert", "print or write the bonds in another format",
	  cmd_convert },
	{ "help", "show this help", cmd_help },
	{ "show", "show the bonds' live state, slaves and warnings", cmd_show },
	{ "watch", "watch bonds' traffic and failover events live", cmd_watch },
	{ "test", "failover BOND: the failover drill, restored after",
	  cmd_test },
	{ "wait",
	  "wait until bonds have settled (carrier, slaves up, LACP in sync)",
	  cmd_wait },
};

static const char *opt_source;

static struct poptOption options[] = {
	{ "root", 'r', POPT_ARG_STRING, &bondcfg.root, 0,
	  "Read the configuration tree under DIR instead of /", "DIR" },
	{ "source", 's', POPT_ARG_STRING, &opt_source, 0,
	  NULL /* "Read only these formats: " and the formats read */, "LIST" },
	{ "quiet", 'q', POPT_ARG_NONE, &bondcfg.quiet, 0,
	  "Print only errors and warnings", NULL },
	{ "verbose", 'v', POPT_ARG_NONE, &bondcfg.verbose, 0,
	  "Say more about what is done", NULL },
	{ "syslog", '\0', POPT_ARG_NONE, &bondcfg.syslog, 0,
	  "Send errors and warnings to syslog too (for boot hooks)", NULL },
	CLI_STD_OPTIONS,
	POPT_TABLEEND
};

/* --source ifcfg,modprobe: the formats to read. */
static int parse_source(const char *list)
{
	char buf[256], *name, *names, *save = NULL;
	const struct format *f;
	int rc;

	snprintf(buf, sizeof(buf), "%s", list);
	bondcfg.formats = 0;
	for (name = strtok_r(buf, ",", &save); name;
	     name = strtok_r(NULL, ",", &save)) {
		f = formats_find(name, FORMAT_READ);
		if (!f) {
			names = formats_list(FORMAT_READ, " or ");
			rc = cli_usage_error(
				"--source: unknown format '%s'; give %s", name,
				names);
			free(names);
			return rc;
		}
		bondcfg.formats |= HOST_FORMAT_BIT(f->host);
	}
	if (!bondcfg.formats)
		return cli_usage_error("--source: no format given");
	return -1;
}

static poptContext ctx;

static void print_commands(FILE *out)
{
	size_t i;

	fputs("\nCommands:\n", out);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-12s %s\n", commands[i].name,
			commands[i].summary);
	fputs("\nSee bondcfg(8) for details.\n", out);
}

static int cmd_help(int argc, const char **argv)
{
	if (argc > 1)
		return cli_usage_error("help: unexpected argument '%s'",
				       argv[1]);
	poptPrintHelp(ctx, stdout, 0);
	print_commands(stdout);
	return CLI_EXIT_OK;
}

static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

int main(int argc, const char **argv)
{
	char *names = formats_list(FORMAT_READ, ", ");
	char *help = xasprintf("Read only these formats: %s (comma-separated)",
			       names);
	const struct command *cmd;
	const char **rest;
	int rc, n;

	cli_set_progname(argv[0]);
	confirm_install();
	options[1].descrip = help; /* the formats, from their table */
	ctx = poptGetContext(NULL, argc, argv, options,
			     POPT_CONTEXT_POSIXMEHARDER);
	poptSetOtherOptionHelp(ctx, "[OPTION...] COMMAND [ARG...]");

	rc = cli_parse_options(ctx, NULL);
	if (rc >= 0) {
		if (cli_std.help)
			print_commands(stdout);
		goto out;
	}

	if (opt_source) {
		rc = parse_source(opt_source);
		if (rc >= 0)
			goto out;
	}
	rc = cli_check_root(bondcfg.root);
	if (rc >= 0)
		goto out;
	if (bondcfg.syslog)
		openlog("bondcfg", LOG_PID, LOG_DAEMON);
	rest = poptGetArgs(ctx);
	if (!rest || !rest[0]) {
		rc = cli_usage_error("no command given");
		goto out;
	}
	cmd = find_command(rest[0]);
	if (!cmd) {
		rc = cli_usage_error("unknown command '%s'", rest[0]);
		goto out;
	}
	for (n = 0; rest[n]; n++)
		;
	rc = cmd->run(n, rest);
out:
	poptFreeContext(ctx);
	free(names);
	free(help);
	return rc;
}
