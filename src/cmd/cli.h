/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the three front ends share: exit statuses, the standard options
 * (--help, --usage, --version) and their handling, and the diagnostics
 * printed on stderr. The core never includes this file.
 */
#ifndef BONDCFG_CLI_H
#define BONDCFG_CLI_H

#include <popt.h>

/* Documented in every man page under EXIT STATUS; keep them in step. */
enum cli_exit {
	CLI_EXIT_OK = 0,
	CLI_EXIT_FAILURE = 1,
	CLI_EXIT_USAGE = 2,
	CLI_EXIT_CONFIG = 3,
	CLI_EXIT_PRIVILEGE = 4, /* CAP_NET_ADMIN needed */
	CLI_EXIT_NO_BONDING = 5, /* the kernel lacks the bonding driver */
	CLI_EXIT_DRIFT = 6, /* check --live: the live bonds differ */
};

struct cli_std {
	int help;
	int usage;
	int version;
};

extern struct cli_std cli_std;
extern struct poptOption cli_std_options[];

#define CLI_STD_OPTIONS                                                 \
	{                                                               \
		NULL, '\0', POPT_ARG_INCLUDE_TABLE, cli_std_options, 0, \
			"Help options:", NULL                           \
	}

void cli_set_progname(const char *argv0);
const char *cli_progname(void);

/*
 * Parse every option of @ctx; options store through their arg pointers.
 * Returns -1 when the caller should go on, otherwise the exit status to
 * return (help, usage or version printed, or a usage error reported).
 * @help_footer, if not NULL, is printed after the option list of --help.
 */
int cli_parse_options(poptContext ctx, const char *help_footer);

void cli_print_version(void);

__attribute__((format(printf, 1, 2))) void cli_error(const char *fmt, ...);

/* Reports a usage error and returns CLI_EXIT_USAGE. */
__attribute__((format(printf, 1, 2))) int cli_usage_error(const char *fmt, ...);

/*
 * --root DIR: a usage error (CLI_EXIT_USAGE returned) unless @root is NULL
 * or a folder; -1 to go on.
 */
int cli_check_root(const char *root);

#endif
