// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Standard options, version banner and diagnostics for the front ends.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/cli.h"

struct cli_std cli_std;

struct poptOption cli_std_options[] = {
	{ "help", 'h', POPT_ARG_NONE, &cli_std.help, 0,
	  "Show this help and exit", NULL },
	{ "usage", 'u', POPT_ARG_NONE, &cli_std.usage, 0,
	  "Show a short usage message and exit", NULL },
	{ "version", 'V', POPT_ARG_NONE, &cli_std.version, 0,
	  "Show the version and exit", NULL },
	POPT_TABLEEND
};

static const char *progname = PACKAGE_NAME;

void cli_set_progname(const char *argv0)
{
	const char *slash = argv0 ? strrchr(argv0, '/') : NULL;

	if (argv0 && *argv0)
		progname = slash ? slash + 1 : argv0;
}

const char *cli_progname(void)
{
	return progname;
}

void cli_print_version(void)
{
	printf("%s (%s) %s\n", progname, PACKAGE_NAME, PACKAGE_VERSION);
}

static void verror(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(fmt, ap);
	va_end(ap);
}

int cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", progname);
	return CLI_EXIT_USAGE;
}

int cli_parse_options(poptContext ctx, const char *help_footer)
{
	int rc;

	while ((rc = poptGetNextOpt(ctx)) > 0)
		;
	if (rc < -1)
		return cli_usage_error(
			"%s: %s", poptBadOption(ctx, POPT_BADOPTION_NOALIAS),
			poptStrerror(rc));
	if (cli_std.help) {
		poptPrintHelp(ctx, stdout, 0);
		if (help_footer)
			fputs(help_footer, stdout);
		return CLI_EXIT_OK;
	}
	if (cli_std.usage) {
		poptPrintUsage(ctx, stdout, 0);
		return CLI_EXIT_OK;
	}
	if (cli_std.version) {
		cli_print_version();
		return CLI_EXIT_OK;
	}
	return -1;
}

int cli_check_root(const char *root)
{
	struct stat st;

	if (!root)
		return -1;
	if (stat(root, &st))
		return cli_usage_error("--root %s: %s", root, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return cli_usage_error("--root %s: not a folder", root);
	return -1;
}
