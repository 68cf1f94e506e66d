// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg convert: the host's bonds, as read and merged from its files,
 * written in another format, printed or into a folder.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/bondcfg.h"
#include "cmd/cli.h"
#include "formats/formats.h"
#include "cmd/hostout.h"
#include "cmd/output.h"
#include "model/xalloc.h"

static const char *opt_to;
static const char *opt_output_dir;
static int opt_force;
static int opt_lossy;
static const char *opt_target;

static struct poptOption options[] = {
	{ "to", 't', POPT_ARG_STRING, &opt_to, 0,
	  NULL /* "Write as FORMAT: " and the formats written */, "FORMAT" },
	{ "output-dir", 'o', POPT_ARG_STRING, &opt_output_dir, 0,
	  "Write the files under DIR, at their paths on the host, instead of printing them",
	  "DIR" },
	{ "force", 'f', POPT_ARG_NONE, &opt_force, 0,
	  "With --output-dir, replace files that exist", NULL },
	{ "target-version", 0, POPT_ARG_STRING, &opt_target, 0,
	  "nmcli: the oldest NetworkManager the commands are for (default 1.30); interfaces: ifupdown (default) or ifupdown2",
	  "VERSION" },
	{ "lossy", 0, POPT_ARG_NONE, &opt_lossy, 0,
	  "Convert even what the format cannot express all of: each thing left out is a warning",
	  NULL },
	CLI_STD_OPTIONS,
	POPT_TABLEEND
};

/* mkdir -p for the folders of @path (not @path itself). */
static int make_parents(char *path)
{
	char *p;

	for (p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(path, 0755) && errno != EEXIST) {
			cli_error("%s: %s", path, strerror(errno));
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return 0;
}

/* Whether @path is already the link @f would make. */
static bool same_link(const char *path, const struct conv_file *f)
{
	char target[PATH_MAX];
	ssize_t n;

	if (!f->link)
		return false;
	n = readlink(path, target, sizeof(target) - 1);
	if (n < 0)
		return false;
	target[n] = '\0';
	return !strcmp(target, f->link);
}

static int write_file(const char *path, const struct conv_file *f)
{
	int fd;

	if (opt_force && unlink(path) && errno != ENOENT) {
		cli_error("%s: %s", path, strerror(errno));
		return -1;
	}
	if (f->link) {
		if (symlink(f->link, path)) {
			cli_error("%s: %s", path, strerror(errno));
			return -1;
		}
		return 0;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0) {
		cli_error("%s: %s", path, strerror(errno));
		return -1;
	}
	if (write(fd, f->text, f->len) != (ssize_t)f->len || close(fd)) {
		cli_error("%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Every file under @dir; none at all if one exists (without --force). */
static int write_files(const struct conv *cv, const char *dir)
{
	struct stat st;
	char **paths = xcalloc(cv->n_files + 1, sizeof(char *));
	bool *skip = xcalloc(cv->n_files + 1, sizeof(bool));
	int rc = CLI_EXIT_OK;
	size_t i;

	for (i = 0; i < cv->n_files; i++) {
		paths[i] = xasprintf("%s%s", dir, cv->files[i]->path);
		if (lstat(paths[i], &st))
			continue;
		if (same_link(paths[i], cv->files[i])) {
			skip[i] = true;
		} else if (!opt_force) {
			cli_error(
				"%s exists; not overwritten (--force replaces it)",
				paths[i]);
			rc = CLI_EXIT_FAILURE;
		}
	}
	for (i = 0; i < cv->n_files && rc == CLI_EXIT_OK; i++) {
		if (skip[i])
			continue;
		if (make_parents(paths[i]) ||
		    write_file(paths[i], cv->files[i]))
			rc = CLI_EXIT_FAILURE;
		else if (bondcfg.verbose)
			printf("%s\n", paths[i]);
	}
	for (i = 0; i < cv->n_files; i++)
		free(paths[i]);
	free(paths);
	free(skip);
	return rc;
}

/* The bonds asked for, as a flag per merged bond; NULL for all. */
static bool *wanted_bonds(const struct host_conf *h, const char **names,
			  int *rc)
{
	bool *wanted;
	size_t i;
	struct host_bond *b;

	*rc = CLI_EXIT_OK;
	if (!names || !names[0])
		return NULL;
	wanted = xcalloc(h->n_bonds + 1, sizeof(bool));
	for (; *names; names++) {
		b = host_conf_find(h, *names);
		if (!b) {
			cli_error(
				"convert: no configuration declares a bond called %s",
				*names);
			*rc = CLI_EXIT_FAILURE;
			continue;
		}
		for (i = 0; i < h->n_bonds; i++)
			if (h->bonds[i] == b)
				wanted[i] = true;
	}
	return wanted;
}

static int convert(const struct format *format, const char **names)
{
	struct host_conf h;
	struct diags d;
	struct conv cv;
	bool *wanted = NULL;
	size_t i;
	int rc;

	host_conf_init(&h, bondcfg.root);
	diags_init(&d);
	conv_init(&cv);
	session_read_host(&h, &d);
	output_diags(&d, stderr);
	if (d.errors) {
		cli_error(
			"convert: the configuration has errors; nothing converted");
		rc = CLI_EXIT_CONFIG;
		goto out;
	}
	wanted = wanted_bonds(&h, names, &rc);
	if (rc)
		goto out;
	if (opt_target)
		conv_target(&cv, format->name, opt_target);
	formats_write(&cv, format, &h, wanted);
	/* nothing dropped silently: each loss named, and fatal unless --lossy */
	for (i = 0; i < cv.lost.n; i++)
		cv.lost.v[i].severity = opt_lossy ? DIAG_WARNING : DIAG_ERROR;
	output_diags(&cv.lost, stderr);
	if (cv.lost.n && !opt_lossy) {
		cli_error(
			"convert: %s cannot express %zu thing%s the configuration says; nothing converted (--lossy converts the rest)",
			format->name, cv.lost.n, cv.lost.n == 1 ? "" : "s");
		rc = CLI_EXIT_FAILURE;
		goto out;
	}
	if (!format->write) {
		/* ip: commands of its own */
		for (i = 0; i < h.n_bonds; i++)
			if (!wanted || wanted[i])
				hostout_ip(stdout, &h, h.bonds[i]->conf.name);
	} else if (format->flags & FORMAT_COMMANDS) {
		fwrite(cv.files[0]->text, 1, cv.files[0]->len, stdout);
	} else if (opt_output_dir) {
		rc = write_files(&cv, opt_output_dir);
	} else {
		conv_print(&cv, stdout);
	}
out:
	free(wanted);
	conv_free(&cv);
	diags_free(&d);
	host_conf_free(&h);
	return rc;
}

int cmd_convert(int argc, const char **argv)
{
	char *names = formats_list(FORMAT_WRITE, " or ");
	char *help = xasprintf("Write as FORMAT: %s", names);
	const struct format *format;
	poptContext ctx;
	int rc;

	options[0].descrip = help; /* the formats, from their table */
	ctx = poptGetContext("bondcfg convert", argc, argv, options, 0);
	poptSetOtherOptionHelp(ctx, "--to FORMAT [OPTION...] [BOND...]");
	rc = cli_parse_options(ctx, NULL);
	if (rc >= 0)
		goto out;
	if (!opt_to) {
		rc = cli_usage_error("convert: --to FORMAT is needed: %s",
				     names);
		goto out;
	}
	format = formats_find(opt_to, FORMAT_WRITE);
	if (!format) {
		rc = cli_usage_error("convert: unknown format '%s'; give %s",
				     opt_to, names);
		goto out;
	}
	if (opt_output_dir && (format->flags & FORMAT_COMMANDS)) {
		rc = cli_usage_error(
			"convert: --to %s prints commands; --output-dir is for the formats written as files",
			opt_to);
		goto out;
	}
	if (opt_force && !opt_output_dir) {
		rc = cli_usage_error("convert: --force goes with --output-dir");
		goto out;
	}
	if (opt_target && conv_target(NULL, format->name, opt_target))
		rc = cli_usage_error(
			"convert: --target-version is MAJOR.MINOR of NetworkManager (1.30 or later) for --to nmcli, ifupdown or ifupdown2 for --to interfaces: %s",
			opt_target);
	else
		rc = convert(format, poptGetArgs(ctx));
out:
	free(names);
	free(help);
	poptFreeContext(ctx);
	return rc;
}
