// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ifcfg-bond-parse: read bonding configuration and print it normalized.
 */
#include "config.h"

#include <stdlib.h>

#include "bondconf.h"
#include "cli.h"
#include "optstr.h"
#include "output.h"

static const char *opt_opts;
static int opt_module;
static int opt_json;
static int opt_list;

static struct poptOption options[] = {
	{ "opts", 'o', POPT_ARG_STRING, &opt_opts, 0,
	  "Parse an option string (BONDING_OPTS style) and print it normalized",
	  "STRING" },
	{ "module", 'm', POPT_ARG_NONE, &opt_module, 0,
	  "Read the --opts string as module parameters (modprobe.d options)",
	  NULL },
	{ "json", 'j', POPT_ARG_NONE, &opt_json, 0,
	  "Print one JSON document instead of text", NULL },
	{ "list-options", 'l', POPT_ARG_NONE, &opt_list, 0,
	  "List every bonding option the tools know", NULL },
	CLI_STD_OPTIONS,
	POPT_TABLEEND
};

static int list_options(void)
{
	struct json j;

	if (!opt_json) {
		output_table_text(stdout);
		return CLI_EXIT_OK;
	}
	json_init(&j, stdout);
	output_table_json(&j);
	json_finish(&j);
	return CLI_EXIT_OK;
}

static int parse_opts(const char *str)
{
	static const struct diag_loc loc = { .source = "--opts" };
	struct bond_conf c;
	struct diags d;
	struct json j;
	char *normal;
	int rc;

	bond_conf_init(&c, NULL);
	diags_init(&d);
	optstr_parse(&c, str, opt_module ? OPTSTR_MODULE : OPTSTR_BONDING_OPTS,
		     &loc, &d);
	bond_conf_validate(&c, NULL, &d);
	rc = d.errors ? CLI_EXIT_CONFIG : CLI_EXIT_OK;

	output_diags(&d, stderr);
	normal = bond_conf_format(&c);
	if (opt_json) {
		json_init(&j, stdout);
		json_object_begin(&j);
		output_conf_json(&j, &c);
		json_key(&j, "normalized");
		if (rc)
			json_null(&j);
		else
			json_string(&j, normal);
		output_diags_json(&j, &d);
		json_object_end(&j);
		json_finish(&j);
	} else if (!rc && *normal) {
		puts(normal);
	}
	free(normal);
	diags_free(&d);
	bond_conf_free(&c);
	return rc;
}

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
	if (opt_list)
		rc = list_options();
	else if (opt_opts)
		rc = parse_opts(opt_opts);
	else
		rc = cli_usage_error(
			"nothing to do; give --opts STRING or --list-options");
out:
	poptFreeContext(ctx);
	return rc;
}
