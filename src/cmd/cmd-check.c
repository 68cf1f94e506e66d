// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg check: every diagnostic the readers and the option model have
 * for the host's configuration; exit status 3 on errors. With --live, the
 * kernel's bonds compared with it too (check-live.c); exit status 6 when
 * they differ.
 */
#include "config.h"

#include <stdio.h>

#include "cmd/check.h"
#include "cmd/output.h"

static int opt_json, opt_live;

static struct poptOption options[] = {
	{ "json", 'j', POPT_ARG_NONE, &opt_json, 0, "Print one JSON document",
	  NULL },
	{ "live", 'l', POPT_ARG_NONE, &opt_live, 0,
	  "Compare the live bonds with the configuration too", NULL },
	CLI_STD_OPTIONS,
	POPT_TABLEEND
};

/* The exit status: configuration errors first, then a difference. */
static int status(const struct diags *d, int live)
{
	if (live < 0)
		return CLI_EXIT_FAILURE;
	if (d->errors)
		return CLI_EXIT_CONFIG;
	return live ? CLI_EXIT_DRIFT : CLI_EXIT_OK;
}

int cmd_check(int argc, const char **argv)
{
	poptContext ctx =
		poptGetContext("bondcfg check", argc, argv, options, 0);
	struct host_conf h;
	struct diags d;
	const char *const *names;
	struct json j;
	int rc, live = 0;

	poptSetOtherOptionHelp(ctx, "[OPTION...] [--live [BOND...]]");
	rc = cli_parse_options(ctx, NULL);
	if (rc >= 0)
		goto out;
	names = (const char *const *)poptGetArgs(ctx);
	if (names && !opt_live) {
		rc = cli_usage_error("check: unexpected argument '%s'",
				     names[0]);
		goto out;
	}
	host_conf_init(&h, bondcfg.root);
	diags_init(&d);
	session_read_host(&h, &d);
	if (opt_json) {
		json_init(&j, stdout);
		json_object_begin(&j);
		json_key(&j, "bonds");
		json_int(&j, (int64_t)h.n_bonds);
		json_key(&j, "files_read");
		json_int(&j, h.files_read);
		output_diags_json(&j, &d);
		if (opt_live)
			live = check_live(&h, names, &j);
		json_object_end(&j);
		json_finish(&j);
	} else {
		output_diags(&d, stderr);
		if (!bondcfg.quiet)
			printf("%zu bond%s in %u file%s: %u error%s, %u warning%s\n",
			       h.n_bonds, h.n_bonds == 1 ? "" : "s",
			       h.files_read, h.files_read == 1 ? "" : "s",
			       d.errors, d.errors == 1 ? "" : "s", d.warnings,
			       d.warnings == 1 ? "" : "s");
		if (opt_live)
			live = check_live(&h, names, NULL);
	}
	rc = status(&d, live);
	diags_free(&d);
	host_conf_free(&h);
out:
	poptFreeContext(ctx);
	return rc;
}
