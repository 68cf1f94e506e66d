// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Reader for modprobe's configuration: the alias, options, install and
 * blacklist lines that concern the bonding driver.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/cfgfile.h"
#include "model/ifname.h"
#include "model/optstr.h"
#include "formats/readers.h"
#include "model/xalloc.h"

/* In precedence order: a file name found twice is read from the first. */
static const char *const modprobe_dirs[] = {
	"/etc/modprobe.d",     "/run/modprobe.d", "/usr/local/lib/modprobe.d",
	"/usr/lib/modprobe.d", "/lib/modprobe.d", NULL
};

struct mpline {
	char *words[3]; /* directive, name, rest (may be NULL) */
	struct diag_loc loc;
};

struct mplines {
	struct mpline *v;
	size_t n;
	bool full; /* MAX_LINES reached */
};

/* More than any host has: the lines are compared with each other. */
#define MAX_LINES 10000

/* Module names treat '-' and '_' alike, as modprobe does. */
static bool is_bonding(const char *name)
{
	return !strcmp(name, "bonding");
}

/*
 * Splits the logical lines of @buf (backslash-newline joins lines) into
 * directive, name and the rest.
 */
/* The directives read; the others (softdep, remove, ...) are not ours. */
static bool concerns_us(const char *line)
{
	static const char *const directives[] = { "alias", "options", "install",
						  "blacklist", NULL };
	const char *const *w;
	size_t len = strcspn(line, " \t\r");

	for (w = directives; *w; w++)
		if (strlen(*w) == len && !strncmp(line, *w, len))
			return true;
	return false;
}

static void split_lines(struct mplines *out, char *buf, const char *source,
			struct diags *d)
{
	unsigned int line = 1, start_line;
	char *p = buf, *w, *logical;
	struct strbuf b = { 0 };

	while (*p) {
		start_line = line;
		strbuf_reset(&b);
		for (;;) {
			char *eol = strchr(p, '\n');
			size_t len = eol ? (size_t)(eol - p) : strlen(p);

			if (len && p[len - 1] == '\r')
				len--;
			if (len && p[len - 1] == '\\') {
				/* joined as they are, as modprobe joins them */
				strbuf_addn(&b, p, len - 1);
				p = eol ? eol + 1 : p + strlen(p);
				if (eol)
					line++;
				if (eol)
					continue;
				break;
			}
			strbuf_addn(&b, p, len);
			p = eol ? eol + 1 : p + strlen(p);
			if (eol)
				line++;
			break;
		}
		logical = (char *)strbuf_str(&b);
		logical += strspn(logical, " \t\r");
		if (!*logical || *logical == '#' || !concerns_us(logical))
			continue;
		if (out->n == MAX_LINES) {
			if (!out->full)
				diags_add(
					d, DIAG_ERROR,
					&(struct diag_loc){ source,
							    start_line },
					"more than %d alias, options, install and blacklist lines; the rest are not read",
					MAX_LINES);
			out->full = true;
			continue;
		}
		out->v = xreallocarray(out->v, out->n + 1, sizeof(*out->v));
		memset(&out->v[out->n], 0, sizeof(out->v[0]));
		out->v[out->n].loc = (struct diag_loc){ .source = source,
							.line = start_line };
		w = logical;
		for (int i = 0; i < 3 && *w; i++) {
			size_t len = i < 2 ? strcspn(w, " \t\r") : strlen(w);

			while (i == 2 && len && strchr(" \t\r", w[len - 1]))
				len--;
			out->v[out->n].words[i] =
				xasprintf("%.*s", (int)len, w);
			w += len;
			w += strspn(w, " \t\r");
		}
		out->n++;
	}
	strbuf_free(&b);
}

static bool word_is(const struct mpline *l, const char *directive)
{
	return l->words[0] && l->words[1] && !strcmp(l->words[0], directive);
}

/* Whether @name is an alias of bonding somewhere in @lines. */
static const struct mpline *bond_alias(const struct mplines *lines,
				       const char *name)
{
	size_t i;

	for (i = 0; i < lines->n; i++) {
		const struct mpline *l = &lines->v[i];

		if (word_is(l, "alias") && l->words[2] &&
		    is_bonding(l->words[2]) && !strcmp(l->words[1], name))
			return l;
	}
	return NULL;
}

static struct host_bond *find_decl(struct host_conf *h, const char *name)
{
	size_t i;

	for (i = 0; i < h->n_decls; i++)
		if ((h->decls[i]->formats & HOST_FORMAT_BIT(HOST_MODPROBE)) &&
		    !strcmp(h->decls[i]->conf.name, name))
			return h->decls[i];
	return NULL;
}

static void alias_line(struct host_conf *h, const struct mpline *l,
		       struct diags *d)
{
	const char *name = l->words[1];

	if (strpbrk(name, "*?[") || !strncmp(name, "rtnl-link-", 10) ||
	    !strncmp(name, "netdev-", 7))
		return; /* a pattern or the kernel's own request names */
	if (ifname_check(name)) {
		diags_add(
			d, DIAG_WARNING, &l->loc,
			"alias %s bonding: '%s' is not an interface name; ignored",
			name, name);
		return;
	}
	if (!find_decl(h, name))
		host_conf_declare(h, HOST_MODPROBE, name, &l->loc);
}

static void options_line(struct host_conf *h, const struct mplines *lines,
			 const struct mpline *l, bool *warned, struct diags *d)
{
	const char *name = l->words[1], *opts = l->words[2] ? l->words[2] : "";
	struct host_bond *b;

	if (is_bonding(name)) {
		optstr_parse(&h->module, opts, OPTSTR_MODULE, &l->loc, d);
		return;
	}
	if (!bond_alias(lines, name))
		return;
	b = find_decl(h, name);
	if (!b)
		return;
	if (!*warned)
		diags_add(
			d, DIAG_WARNING, &l->loc,
			"options for %s in modprobe.d reach the driver only when it is loaded as '%s', and then as defaults for every bond; put them in the bond's own configuration (BONDING_OPTS in ifcfg-%s, bond-* in /etc/network/interfaces, <option>_%s in /etc/conf.d/net)",
			name, name, name, name);
	*warned = true;
	optstr_parse(&b->conf, opts, OPTSTR_MODULE, &l->loc, d);
}

static void read_lines(struct host_conf *h, struct mplines *lines,
		       struct diags *d)
{
	bool *warned = xcalloc(lines->n, sizeof(bool));
	size_t i, j;
	for (i = 0; i < lines->n; i++)
		if (word_is(&lines->v[i], "alias") && lines->v[i].words[2] &&
		    is_bonding(lines->v[i].words[2]))
			alias_line(h, &lines->v[i], d);
	for (i = 0; i < lines->n; i++) {
		struct mpline *l = &lines->v[i];

		if (word_is(l, "options")) {
			/* one warning per bond: at its first options line */
			for (j = 0; j < i; j++)
				if (word_is(&lines->v[j], "options") &&
				    !strcmp(lines->v[j].words[1], l->words[1]))
					break;
			options_line(h, lines, l, &warned[j], d);
		} else if (word_is(l, "install") &&
			   (is_bonding(l->words[1]) ||
			    bond_alias(lines, l->words[1]))) {
			diags_add(
				d, DIAG_NOTE, &l->loc,
				"install %s: modprobe runs this command instead of loading the driver, also when the kernel loads it to create a bond",
				l->words[1]);
		} else if (word_is(l, "blacklist") && is_bonding(l->words[1])) {
			diags_add(
				d, DIAG_WARNING, &l->loc,
				"blacklist bonding: the kernel cannot load the driver on demand, so creating a bond fails until it is loaded by hand (modprobe bonding)");
		}
	}
	free(warned);
}

int modprobe_read_files(struct host_conf *h, const char *const *paths, size_t n,
			struct diags *d)
{
	struct mplines lines = { 0 };
	unsigned int errors = d->errors;
	size_t i, len;
	char *buf;
	int j;

	for (i = 0; i < n; i++) {
		if (cfgfile_read(h->root, paths[i], &buf, &len, d))
			continue;
		h->files_read++;
		split_lines(&lines, buf, paths[i], d);
		free(buf);
	}
	read_lines(h, &lines, d);
	for (i = 0; i < lines.n; i++)
		for (j = 0; j < 3; j++)
			free(lines.v[i].words[j]);
	free(lines.v);
	return d->errors > errors ? -EINVAL : 0;
}

static bool is_conf(const char *name)
{
	size_t len = strlen(name);

	return len > 5 && name[0] != '.' && !strcmp(name + len - 5, ".conf");
}

int modprobe_read_host(struct host_conf *h, struct diags *d)
{
	char **all = NULL, **names;
	const char **paths = NULL;
	size_t n_all = 0, n, i, j;
	const char *const *dir;
	int err;

	for (dir = modprobe_dirs; *dir; dir++) {
		const char *path = host_conf_path(h, *dir);

		err = cfgfile_list(path, &names, &n, d);
		if (err)
			continue;
		for (i = 0; i < n; i++) {
			if (!is_conf(names[i]))
				continue;
			for (j = 0; j < n_all; j++)
				if (!strcmp(strrchr(all[j], '/') + 1, names[i]))
					break;
			if (j < n_all)
				continue; /* overridden by an earlier folder */
			all = xreallocarray(all, n_all + 1, sizeof(char *));
			all[n_all++] = xpathjoin(path, names[i]);
		}
		cfgfile_list_free(names, n);
	}
	/* modprobe reads them in file-name order, whatever the folder */
	for (i = 1; i < n_all; i++)
		for (j = i; j > 0 && strcmp(strrchr(all[j - 1], '/'),
					    strrchr(all[j], '/')) > 0;
		     j--) {
			char *t = all[j];

			all[j] = all[j - 1];
			all[j - 1] = t;
		}
	paths = xcalloc(n_all, sizeof(*paths));
	for (i = 0; i < n_all; i++)
		paths[i] = host_conf_keep(h, all[i]);
	free(all);
	err = modprobe_read_files(h, paths, n_all, d);
	free(paths);
	return err;
}
