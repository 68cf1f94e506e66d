// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg: bring bonds up and down from the host's configuration files,
 * converge, show and check them. This file only dispatches to commands.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"

struct command {
	const char *name;
	const char *summary;
	int (*run)(int argc, const char **argv);
};

static int cmd_help(int argc, const char **argv);

static const struct command commands[] = {
	{ "help", "show this help", cmd_help },
};

static struct poptOption options[] = { CLI_STD_OPTIONS, POPT_TABLEEND };

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
	const struct command *cmd;
	const char **rest;
	int rc, n;

	cli_set_progname(argv[0]);
	ctx = poptGetContext(NULL, argc, argv, options,
			     POPT_CONTEXT_POSIXMEHARDER);
	poptSetOtherOptionHelp(ctx, "[OPTION...] COMMAND [ARG...]");

	rc = cli_parse_options(ctx, NULL);
	if (rc >= 0) {
		if (cli_std.help)
			print_commands(stdout);
		goto out;
	}

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
	return rc;
}
