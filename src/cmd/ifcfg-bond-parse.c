// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ifcfg-bond-parse: read bonding configuration and print it normalized.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/bondconf.h"
#include "cmd/cli.h"
#include "formats/formats.h"
#include "cmd/hostout.h"
#include "model/optstr.h"
#include "cmd/output.h"
#include "model/xalloc.h"

static const char *opt_opts;
static int opt_module;
static int opt_json;
static int opt_list;
static const char *opt_root;
static const char *opt_type;
static const char *opt_format;
static const char *opt_bond;
static int opt_check;

enum out_format { OUT_TEXT, OUT_SHELL, OUT_JSON, OUT_IP };

static struct poptOption options[] = {
	{ "root", 'r', POPT_ARG_STRING, &opt_root, 0,
	  "Read the configuration tree under DIR instead of /", "DIR" },
	{ "type", 't', POPT_ARG_STRING, &opt_type, 0,
	  "Read the FILEs as FORMAT: ifcfg, modprobe, confd or interfaces",
	  "FORMAT" },
	{ "format", 'f', POPT_ARG_STRING, &opt_format, 0,
	  "Print as text (default), shell, json or ip", "FORMAT" },
	{ "json", 'j', POPT_ARG_NONE, &opt_json, 0, "Same as --format=json",
	  NULL },
	{ "check", 'c', POPT_ARG_NONE, &opt_check, 0,
	  "Print only the diagnostics; the exit status tells", NULL },
	{ "bond", 'b', POPT_ARG_STRING, &opt_bond, 0,
	  "Print only the bond called NAME", "NAME" },
	{ "opts", 'o', POPT_ARG_STRING, &opt_opts, 0,
	  "Parse an option string (BONDING_OPTS style) and print it normalized",
	  "STRING" },
	{ "module", 'm', POPT_ARG_NONE, &opt_module, 0,
	  "Read the --opts string as module parameters (modprobe.d options)",
	  NULL },
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

static int read_files(struct host_conf *h, const char **files, struct diags *d)
{
	const char **of[HOST_N_FORMATS] = { 0 };
	size_t n[HOST_N_FORMATS] = { 0 };
	const struct format *forced = NULL, *fmt;
	char *names;
	int f, err = 0;
	size_t i;

	if (opt_type) {
		forced = formats_find(opt_type, FORMAT_READ);
		if (!forced) {
			names = formats_list(FORMAT_READ, " or ");
			err = cli_usage_error(
				"--type: unknown format '%s'; give %s",
				opt_type, names);
			free(names);
			return err;
		}
	}
	for (i = 0; files[i]; i++) {
		fmt = forced ? forced : formats_of_path(files[i]);
		if (!fmt) {
			err = cli_usage_error(
				"%s: cannot tell the format from the name; give --type",
				files[i]);
			goto out;
		}
		f = fmt->host;
		of[f] = xreallocarray(of[f], n[f] + 1, sizeof(char *));
		of[f][n[f]++] = files[i];
	}
	for (f = 0; f < HOST_N_FORMATS; f++)
		if (n[f])
			formats_read_files(h,
					   formats_of_host((enum host_format)f),
					   of[f], n[f], d);
	host_conf_merge(h, d);
out:
	for (f = 0; f < HOST_N_FORMATS; f++)
		free(of[f]);
	return err;
}

static int output_format(void)
{
	static const char *const names[] = { "text", "shell", "json", "ip" };
	unsigned int i;

	if (opt_json)
		return OUT_JSON;
	if (!opt_format)
		return OUT_TEXT;
	for (i = 0; i < 4; i++)
		if (!strcmp(opt_format, names[i]))
			return (int)i;
	cli_usage_error(
		"--format: unknown format '%s'; give text, shell, json or ip",
		opt_format);
	return -1;
}

static int parse_host(const char **files, int format)
{
	struct host_conf h;
	struct diags d;
	struct json j;
	int rc;

	host_conf_init(&h, opt_root);
	diags_init(&d);
	if (files && files[0]) {
		rc = read_files(&h, files, &d);
		if (rc)
			goto out;
	} else {
		formats_read_host(&h, HOST_ALL_FORMATS, &d);
	}
	rc = d.errors ? CLI_EXIT_CONFIG : CLI_EXIT_OK;
	if (opt_bond && !host_conf_find(&h, opt_bond)) {
		diags_add(&d, DIAG_ERROR, NULL,
			  "no configuration declares a bond called %s",
			  opt_bond);
		rc = CLI_EXIT_CONFIG;
	}
	if (format == OUT_JSON && !opt_check) {
		json_init(&j, stdout);
		json_object_begin(&j);
		hostout_json(&j, &h, opt_bond);
		output_diags_json(&j, &d);
		json_object_end(&j);
		json_finish(&j);
		goto out;
	}
	output_diags(&d, stderr);
	if (opt_check)
		goto out;
	switch (format) {
	case OUT_TEXT:
		hostout_text(stdout, &h, opt_bond);
		break;
	case OUT_SHELL:
		/* nothing to act on when the configuration is wrong */
		if (!rc)
			hostout_shell(stdout, &h, opt_bond);
		break;
	case OUT_IP:
		if (!rc)
			hostout_ip(stdout, &h, opt_bond);
		break;
	}
out:
	diags_free(&d);
	host_conf_free(&h);
	return rc;
}

int main(int argc, const char **argv)
{
	poptContext ctx;
	const char **rest;
	int rc, format;

	cli_set_progname(argv[0]);
	ctx = poptGetContext(NULL, argc, argv, options, 0);
	poptSetOtherOptionHelp(ctx, "[OPTION...] [FILE...]");

	rc = cli_parse_options(ctx, "\nSee ifcfg-bond-parse(8) for details.\n");
	if (rc >= 0)
		goto out;

	rest = poptGetArgs(ctx);
	format = output_format();
	if (format < 0) {
		rc = CLI_EXIT_USAGE;
		goto out;
	}
	opt_json = format == OUT_JSON;
	if (opt_list) {
		rc = list_options();
	} else if (opt_opts) {
		if (rest && rest[0])
			rc = cli_usage_error(
				"unexpected argument '%s' with --opts",
				rest[0]);
		else
			rc = parse_opts(opt_opts);
	} else if (opt_module) {
		rc = cli_usage_error("--module goes with --opts STRING");
	} else {
		rc = cli_check_root(opt_root);
		if (rc < 0)
			rc = parse_host(rest, format);
	}
out:
	poptFreeContext(ctx);
	return rc;
}
