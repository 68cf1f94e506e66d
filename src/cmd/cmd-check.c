// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg check: every diagnostic the readers and the option model have
 * for the host's configuration; exit status 3 on errors.
 */
#include "config.h"

#include <stdio.h>

#include "cmd/bondcfg.h"
#include "cmd/cli.h"
#include "cmd/output.h"

static int opt_json;

static struct poptOption options[] = { { "json", 'j', POPT_ARG_NONE, &opt_json,
					 0, "Print one JSON document", NULL },
				       CLI_STD_OPTIONS,
				       POPT_TABLEEND };

int cmd_check(int argc, const char **argv)
{
	poptContext ctx =
		poptGetContext("bondcfg check", argc, argv, options, 0);
	struct host_conf h;
	struct diags d;
	struct json j;
	int rc;

	poptSetOtherOptionHelp(ctx, "[OPTION...]");
	rc = cli_parse_options(ctx, NULL);
	if (rc >= 0)
		goto out;
	if (poptPeekArg(ctx)) {
		rc = cli_usage_error("check: unexpected argument '%s'",
				     poptPeekArg(ctx));
		goto out;
	}
	host_conf_init(&h, bondcfg.root);
	diags_init(&d);
	session_read_host(&h, &d);
	rc = d.errors ? CLI_EXIT_CONFIG : CLI_EXIT_OK;
	if (opt_json) {
		json_init(&j, stdout);
		json_object_begin(&j);
		json_key(&j, "bonds");
		json_int(&j, (int64_t)h.n_bonds);
		json_key(&j, "files_read");
		json_int(&j, h.files_read);
		output_diags_json(&j, &d);
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
	}
	diags_free(&d);
	host_conf_free(&h);
out:
	poptFreeContext(ctx);
	return rc;
}
