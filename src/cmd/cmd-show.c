// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg show: the live state of bonds and their slaves as the kernel
 * reports it over rtnetlink, with warnings, as text (show-text.c) or one
 * JSON document (show-json.c).
 */
#include "config.h"

#include <stdio.h>

#include "cmd/bondcfg.h"
#include "cmd/cli.h"
#include "cmd/show.h"
#include "kernel/nl.h"

static int opt_json;

static struct poptOption options[] = { { "json", 'j', POPT_ARG_NONE, &opt_json,
					 0, "Print one JSON document", NULL },
				       CLI_STD_OPTIONS,
				       POPT_TABLEEND };

static void show(const struct linkset *ls, const struct link *b, struct json *j,
		 bool *first)
{
	if (opt_json) {
		show_bond_json(j, ls, b);
		return;
	}
	if (!*first)
		putchar('\n');
	*first = false;
	show_bond_text(ls, b);
}

int cmd_show(int argc, const char **argv)
{
	poptContext ctx =
		poptGetContext("bondcfg show", argc, argv, options, 0);
	const char **names;
	struct linkset ls = { 0 };
	bool first = true;
	struct nl *nl = NULL;
	struct json j;
	size_t i;
	int rc;

	poptSetOtherOptionHelp(ctx, "[OPTION...] [BOND...]");
	rc = cli_parse_options(ctx, NULL);
	if (rc >= 0)
		goto out;
	names = poptGetArgs(ctx);
	rc = CLI_EXIT_FAILURE;
	if (session_read_bonds("show", &nl, &ls, names))
		goto out;
	if (opt_json) {
		json_init(&j, stdout);
		json_object_begin(&j);
		json_key(&j, "bonds");
		json_array_begin(&j);
	}
	if (names && names[0]) {
		for (i = 0; names[i]; i++)
			show(&ls, linkset_find(&ls, names[i]), &j, &first);
	} else {
		for (i = 0; i < ls.n; i++)
			if (ls.v[i].is_bond)
				show(&ls, &ls.v[i], &j, &first);
	}
	if (opt_json) {
		json_array_end(&j);
		json_object_end(&j);
		json_finish(&j);
	} else if (first && !bondcfg.quiet) {
		printf("no bonds\n");
	}
	rc = CLI_EXIT_OK;
out:
	linkset_free(&ls);
	bnl_close(nl);
	poptFreeContext(ctx);
	return rc;
}
