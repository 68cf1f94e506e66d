// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg show: the live state of bonds and their slaves as the kernel
 * reports it over rtnetlink, with warnings, as text (show-text.c), one
 * JSON document (show-json.c) or Prometheus metrics (show-prom.c), on
 * stdout or written atomically into a file (--output, for node_exporter's
 * textfile collector).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/bondcfg.h"
#include "cmd/cli.h"
#include "cmd/confirm.h"
#include "cmd/show.h"
#include "engine/pending.h"
#include "kernel/nl.h"
#include "model/xalloc.h"

enum show_format { FORMAT_TEXT, FORMAT_JSON, FORMAT_PROMETHEUS };

static int opt_json;
static char *opt_format, *opt_output;

static struct poptOption options[] = {
	{ "json", 'j', POPT_ARG_NONE, &opt_json, 0,
	  "Print one JSON document (--format=json)", NULL },
	{ "format", 'f', POPT_ARG_STRING, &opt_format, 0,
	  "text (the default), json or prometheus", "FORMAT" },
	{ "output", 'o', POPT_ARG_STRING, &opt_output, 0,
	  "Write into FILE, replaced whole at once, instead of stdout",
	  "FILE" },
	CLI_STD_OPTIONS,
	POPT_TABLEEND
};

static void show(enum show_format f, const struct linkset *ls,
		 const struct link *b, struct json *j, bool *first)
{
	if (f == FORMAT_JSON) {
		show_bond_json(j, ls, b);
		return;
	}
	if (!*first)
		putchar('\n');
	*first = false;
	show_bond_text(ls, b);
}

/* The change made with --confirm that waits, as text and JSON. */
static void show_pending(enum show_format f, struct json *j)
{
	struct pending p;
	struct diags d;
	long long left;
	char at[16];
	size_t i;
	bool any;

	pending_init(&p);
	diags_init(&d);
	any = !pending_read(&p, &d);
	left = any ? p.deadline_boot - pending_boot_now() : 0;
	left = left > 0 ? left : 0;
	confirm_clock(p.deadline, at, sizeof(at));
	if (f == FORMAT_JSON) {
		json_key(j, "pending");
		if (!any) {
			json_null(j);
			goto out;
		}
		json_object_begin(j);
		json_key(j, "command");
		json_string(j, p.command);
		json_key(j, "made");
		json_int(j, p.made);
		json_key(j, "deadline");
		json_int(j, p.deadline);
		json_key(j, "remaining");
		json_int(j, left);
		json_key(j, "watchdog");
		json_int(j, p.watchdog);
		json_key(j, "check");
		if (*p.check)
			json_string(j, p.check);
		else
			json_null(j);
		json_key(j, "state");
		json_string(j, p.state == PENDING_FAILED ? "revert failed" :
							   "waiting");
		json_key(j, "links");
		json_array_begin(j);
		for (i = 0; i < p.n; i++)
			json_string(j, p.v[i].name);
		json_array_end(j);
		json_object_end(j);
	} else if (any && p.state == PENDING_FAILED) {
		printf("pending change: '%s': its revert failed; run 'bondcfg revert' to try again, or 'bondcfg confirm' to keep the links as they are\n\n",
		       p.command);
	} else if (any) {
		printf("pending change: '%s' reverts at %s (in %lld s) unless 'bondcfg confirm' is run%s%s\n  saved:",
		       p.command, at, left,
		       *p.check ? "; confirmed as soon as it answers: " : "",
		       p.check);
		for (i = 0; i < p.n; i++)
			printf(" %s", p.v[i].name);
		printf("\n\n");
	}
out:
	pending_free(&p);
	diags_free(&d);
}

/* Text (on stdout) and JSON: the bonds named, or every bond. */
static void show_bonds(enum show_format f, FILE *out, const struct linkset *ls,
		       const char **names)
{
	bool first = true;
	struct json j;
	size_t i;

	if (f == FORMAT_TEXT)
		show_pending(f, NULL);
	if (f == FORMAT_JSON) {
		json_init(&j, out);
		json_object_begin(&j);
		json_key(&j, "bonds");
		json_array_begin(&j);
	}
	if (names && names[0]) {
		for (i = 0; names[i]; i++)
			show(f, ls, linkset_find(ls, names[i]), &j, &first);
	} else {
		for (i = 0; i < ls->n; i++)
			if (ls->v[i].is_bond)
				show(f, ls, &ls->v[i], &j, &first);
	}
	if (f == FORMAT_JSON) {
		json_array_end(&j);
		show_pending(f, &j);
		json_object_end(&j);
		json_finish(&j);
	} else if (first && !bondcfg.quiet) {
		printf("no bonds\n");
	}
}

/* Metrics: the host's configuration read too, for drift; said nowhere. */
static void show_metrics(FILE *out, const struct linkset *ls)
{
	struct host_conf h;
	struct diags d;

	host_conf_init(&h, bondcfg.root);
	diags_init(&d);
	session_read_host(&h, &d);
	show_prometheus(out, ls, &h, &d);
	diags_free(&d);
	host_conf_free(&h);
}

/*
 * --output: a temporary file beside @path, renamed over it once complete,
 * so that a reader never sees half of it. Returns 0 or -errno.
 */
static int write_output(const char *path, enum show_format f,
			const struct linkset *ls, const char **names)
{
	char *tmp = xasprintf("%s.XXXXXX", path);
	int fd = mkstemp(tmp), err = 0;
	FILE *out;

	if (fd < 0) {
		err = -errno;
		goto out;
	}
	out = fdopen(fd, "w");
	if (!out) {
		err = -errno;
		close(fd);
		unlink(tmp);
		goto out;
	}
	if (f == FORMAT_PROMETHEUS)
		show_metrics(out, ls);
	else
		show_bonds(f, out, ls, names);
	if (fflush(out) || fchmod(fd, 0644) || fsync(fd))
		err = -errno;
	if (fclose(out) && !err)
		err = -errno;
	if (!err && rename(tmp, path))
		err = -errno;
	if (err)
		unlink(tmp);
out:
	free(tmp);
	return err;
}

static int parse_format(enum show_format *f)
{
	static const char *const names[] = { "text", "json", "prometheus" };
	size_t i;

	*f = opt_json ? FORMAT_JSON : FORMAT_TEXT;
	if (!opt_format)
		return -1;
	for (i = 0; i < 3; i++)
		if (!strcmp(opt_format, names[i]) &&
		    (!opt_json || i == FORMAT_JSON)) {
			*f = (enum show_format)i;
			return -1;
		}
	return cli_usage_error(
		opt_json ?
			"show: --json and --format=%s contradict each other" :
			"show: unknown format '%s'; give text, json or prometheus",
		opt_format);
}

int cmd_show(int argc, const char **argv)
{
	poptContext ctx =
		poptGetContext("bondcfg show", argc, argv, options, 0);
	const char **names;
	struct linkset ls = { 0 };
	struct nl *nl = NULL;
	enum show_format f;
	int rc;

	poptSetOtherOptionHelp(ctx, "[OPTION...] [BOND...]");
	rc = cli_parse_options(ctx, NULL);
	if (rc < 0)
		rc = parse_format(&f);
	if (rc >= 0)
		goto out;
	names = poptGetArgs(ctx);
	if (opt_output && f == FORMAT_TEXT) {
		rc = cli_usage_error(
			"show: --output writes json or prometheus: give --format");
		goto out;
	}
	if (names && f == FORMAT_PROMETHEUS) {
		rc = cli_usage_error(
			"show: --format=prometheus takes no bond: it shows them all");
		goto out;
	}
	rc = CLI_EXIT_FAILURE;
	if (session_read_bonds("show", &nl, &ls, names))
		goto out;
	if (opt_output) {
		rc = write_output(opt_output, f, &ls, names);
		if (rc) {
			cli_error("show: writing %s: %s", opt_output,
				  strerror(-rc));
			rc = CLI_EXIT_FAILURE;
			goto out;
		}
	} else if (f == FORMAT_PROMETHEUS) {
		show_metrics(stdout, &ls);
	} else {
		show_bonds(f, stdout, &ls, names);
	}
	rc = CLI_EXIT_OK;
out:
	linkset_free(&ls);
	bnl_close(nl);
	poptFreeContext(ctx);
	return rc;
}
