// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Reader for Debian's /etc/network/interfaces (ifupdown): iface stanzas
 * with bond-* options, auto and allow-* lines, and the files that source
 * and source-directory pull in.
 */
#include "config.h"

#include <errno.h>
#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "formats/cfgfile.h"
#include "model/ifname.h"
#include "model/optstr.h"
#include "formats/readers.h"
#include "formats/values.h"
#include "model/xalloc.h"

#define INTERFACES "/etc/network/interfaces"
/* source lines may nest; a loop of them must end somewhere */
#define MAX_DEPTH 8
#define MAX_FILES 1000
/* more stanzas and auto names than any host has: the rest is refused */
#define MAX_IFACES 10000

struct ifopt {
	char *key;
	char *value;
	struct diag_loc loc;
};

struct iface {
	char name[IF_NAMESIZE];
	char family[16];
	struct diag_loc loc;
	struct ifopt *opts;
	size_t n_opts;
};

struct ifaces {
	struct host_conf *h;
	struct diags *d;
	struct iface *v;
	size_t n;
	char **up; /* named by auto or allow-* */
	size_t n_up;
	char **seen; /* real paths read, against loops */
	size_t n_seen;
	unsigned int files;
	bool full; /* MAX_IFACES reached */
	char root_real[PATH_MAX]; /* the --root tree, resolved; "" for none */
};

static void read_file(struct ifaces *s, const char *path, unsigned int depth,
		      const struct diag_loc *from);

static void add_up(struct ifaces *s, const char *name)
{
	if (s->n_up == MAX_IFACES)
		return;
	s->up = xreallocarray(s->up, s->n_up + 1, sizeof(char *));
	s->up[s->n_up++] = xstrdup(name);
}

static bool is_up(const struct ifaces *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n_up; i++)
		if (!strcmp(s->up[i], name))
			return true;
	return false;
}

static char *next_word(char **p)
{
	char *w;

	*p += strspn(*p, " \t");
	if (!**p)
		return NULL;
	w = *p;
	*p += strcspn(*p, " \t");
	if (**p)
		*(*p)++ = '\0';
	return w;
}

/* Paths in source lines are relative to the folder of the file. */
static char *resolve(struct ifaces *s, const char *from, const char *path)
{
	const char *slash;

	if (path[0] == '/')
		return xasprintf("%s%s", s->h->root, path);
	slash = strrchr(from, '/');
	if (!slash)
		return xstrdup(path);
	return xasprintf("%.*s/%s", (int)(slash - from), from, path);
}

static void source_glob(struct ifaces *s, const char *from, const char *pattern,
			unsigned int depth, const struct diag_loc *loc)
{
	char *full = resolve(s, from, pattern);
	glob_t g;
	size_t i;
	int rc;

	rc = glob(full, 0, NULL, &g);
	if (rc == 0) {
		for (i = 0; i < g.gl_pathc; i++)
			read_file(s, g.gl_pathv[i], depth + 1, loc);
		globfree(&g);
	} else if (rc == GLOB_NOMATCH && !strpbrk(pattern, "*?[")) {
		diags_add(s->d, DIAG_WARNING, loc, "source %s: no such file",
			  pattern);
	}
	free(full);
}

/* source-directory reads the names ifupdown's run-parts would run. */
static bool part_name(const char *name)
{
	return *name && strspn(name, "abcdefghijklmnopqrstuvwxyz"
				     "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				     "0123456789_-") == strlen(name);
}

static void source_directory(struct ifaces *s, const char *from,
			     const char *dir, unsigned int depth,
			     const struct diag_loc *loc)
{
	/* kept: a diagnostic of the listing points to the folder's name */
	const char *full = host_conf_keep(s->h, resolve(s, from, dir));
	char **names, *path;
	size_t n, i;

	if (cfgfile_list(full, &names, &n, s->d) == 0) {
		for (i = 0; i < n; i++) {
			if (!part_name(names[i]))
				continue;
			path = xasprintf("%s/%s", full, names[i]);
			read_file(s, path, depth + 1, loc);
			free(path);
		}
		cfgfile_list_free(names, n);
	} else {
		diags_add(s->d, DIAG_WARNING, loc,
			  "source-directory %s: no such folder", dir);
	}
}

static struct iface *new_iface(struct ifaces *s, const char *name,
			       const char *family, const struct diag_loc *loc)
{
	struct iface *f;

	if (s->n == MAX_IFACES) {
		if (!s->full)
			diags_add(
				s->d, DIAG_ERROR, loc,
				"more than %d iface stanzas; the rest are not read",
				MAX_IFACES);
		s->full = true;
		return NULL;
	}
	/*
	 * Several stanzas for one iface are allowed: ifupdown applies them
	 * all, and so does the merge (with a warning where they disagree).
	 */
	s->v = xreallocarray(s->v, s->n + 1, sizeof(*s->v));
	f = &s->v[s->n++];
	memset(f, 0, sizeof(*f));
	snprintf(f->name, sizeof(f->name), "%s", name);
	snprintf(f->family, sizeof(f->family), "%s", family);
	f->loc = *loc;
	return f;
}

static void add_opt(struct iface *f, const char *key, const char *value,
		    const struct diag_loc *loc)
{
	f->opts = xreallocarray(f->opts, f->n_opts + 1, sizeof(*f->opts));
	f->opts[f->n_opts].key = xstrdup(key);
	f->opts[f->n_opts].value = xstrdup(value);
	f->opts[f->n_opts].loc = *loc;
	f->n_opts++;
}

/* One logical line (continuations joined) of @path. */
static void read_line(struct ifaces *s, const char *path, char *line,
		      const struct diag_loc *loc, struct iface **cur,
		      unsigned int depth)
{
	char *p = line, *kw = next_word(&p), *w;

	if (!kw)
		return;
	if (!strcmp(kw, "iface")) {
		char *name = next_word(&p), *family = next_word(&p),
		     *method = next_word(&p);

		*cur = NULL;
		if (!name || !family || !method) {
			diags_add(
				s->d, DIAG_ERROR, loc,
				"iface needs a name, a family and a method: iface bond0 inet static");
			return;
		}
		if (ifname_check(name)) {
			diags_add(s->d, DIAG_ERROR, loc,
				  "iface %s: not a valid interface name", name);
			return;
		}
		*cur = new_iface(s, name, family, loc);
	} else if (!strcmp(kw, "auto") || !strncmp(kw, "allow-", 6)) {
		*cur = NULL;
		while ((w = next_word(&p)))
			add_up(s, w);
	} else if (!strcmp(kw, "source")) {
		*cur = NULL;
		while ((w = next_word(&p)))
			source_glob(s, path, w, depth, loc);
	} else if (!strcmp(kw, "source-directory")) {
		*cur = NULL;
		while ((w = next_word(&p)))
			source_directory(s, path, w, depth, loc);
	} else if (!strcmp(kw, "mapping") || !strcmp(kw, "rename") ||
		   !strcmp(kw, "no-auto-down") || !strcmp(kw, "no-scripts")) {
		*cur = NULL;
	} else if (*cur) {
		p += strspn(p, " \t");
		add_opt(*cur, kw, p, loc);
	}
	/* options of a mapping stanza, or stray lines: not ours */
}

/*
 * Whether @real (a resolved path) lies outside the --root tree: a source
 * line with "..", or a link out of the tree, must not read the host's
 * files.
 */
static bool outside_root(const struct ifaces *s, const char *real)
{
	size_t len = strlen(s->root_real);

	if (len <= 1)
		return false; /* no --root, or the root is / */
	return strncmp(real, s->root_real, len) ||
	       (real[len] && real[len] != '/');
}

/* Whether the file at @real (a resolved path) was read already. */
static bool seen_before(struct ifaces *s, const char *real)
{
	size_t i;

	for (i = 0; i < s->n_seen; i++)
		if (!strcmp(s->seen[i], real))
			return true;
	s->seen = xreallocarray(s->seen, s->n_seen + 1, sizeof(char *));
	s->seen[s->n_seen++] = xstrdup(real);
	return false;
}

static void read_file(struct ifaces *s, const char *path, unsigned int depth,
		      const struct diag_loc *from)
{
	const char *kept;
	struct strbuf b = { 0 };
	struct iface *cur = NULL;
	struct diag_loc loc;
	char *buf, *p, *eol, *l, real[PATH_MAX];
	unsigned int line = 0;
	size_t len;
	int err;

	if (depth > MAX_DEPTH || s->files >= MAX_FILES) {
		/* once for the depth, once for the count */
		if (depth > MAX_DEPTH || s->files++ == MAX_FILES)
			diags_add(
				s->d, DIAG_ERROR, from,
				"source nested too deep or too many files (at most %d levels, %d files); not read",
				MAX_DEPTH, MAX_FILES);
		return;
	}
	if (realpath(path, real)) {
		if (outside_root(s, real)) {
			diags_add(s->d, DIAG_WARNING, from,
				  "%s is outside the --root tree; not read",
				  path);
			return;
		}
		if (seen_before(s, real)) {
			diags_add(s->d, DIAG_WARNING, from,
				  "%s is sourced again; read once only", path);
			return;
		}
	}
	kept = host_conf_keep(s->h, xstrdup(path));
	s->files++;
	err = cfgfile_read(kept, &buf, &len, s->d);
	if (err) {
		if (from && err == -ENOENT)
			diags_add(s->d, DIAG_WARNING, from, "%s: no such file",
				  kept);
		return;
	}
	s->h->files_read++;
	for (p = buf; *p;) {
		unsigned int start = line + 1;

		strbuf_reset(&b);
		for (;;) {
			eol = strchr(p, '\n');
			len = eol ? (size_t)(eol - p) : strlen(p);
			line++;
			if (len && p[len - 1] == '\r')
				len--;
			if (len && p[len - 1] == '\\') {
				strbuf_addn(&b, p, len - 1);
				p = eol ? eol + 1 : p + strlen(p);
				if (eol && *p)
					continue;
				break;
			}
			strbuf_addn(&b, p, len);
			p = eol ? eol + 1 : p + strlen(p);
			break;
		}
		/* comments only at the start of a line, as ifupdown has them */
		l = (char *)strbuf_str(&b);
		l += strspn(l, " \t");
		if (!*l || *l == '#')
			continue;
		loc = (struct diag_loc){ .source = kept, .line = start };
		read_line(s, kept, l, &loc, &cur, depth);
	}
	strbuf_free(&b);
	free(buf);
}

/* bond-lacp-rate or bond_lacp_rate: the option lacp_rate. */
static const struct bondopt *bond_key(const char *key, char *name, size_t size)
{
	size_t i;

	snprintf(name, size, "%s", key + 5);
	for (i = 0; name[i]; i++)
		if (name[i] == '-')
			name[i] = '_';
	return bondopt_find(name, strlen(name));
}

static bool is_bond_key(const char *key)
{
	return !strncmp(key, "bond-", 5) || !strncmp(key, "bond_", 5);
}

/* bond- keys of Debian's hooks that are no bonding option. */
static const char *const hook_keys[] = { "slaves", "master", "give-a-chance",
					 NULL };

static bool key_is(const char *key, const char *name)
{
	size_t i;

	if (!is_bond_key(key) || strlen(key) != strlen(name) + 5)
		return false;
	for (i = 0; name[i]; i++)
		if (key[5 + i] != name[i] &&
		    !(name[i] == '-' && key[5 + i] == '_'))
			return false;
	return true;
}

static void bond_option(struct host_bond *b, const struct ifopt *o,
			struct diags *d)
{
	const struct bondopt *opt;
	const char *near;
	char name[64], *copy, *w, *save = NULL, *first;

	opt = bond_key(o->key, name, sizeof(name));
	if (!opt) {
		near = bondopt_suggest(name);
		if (near)
			diags_add(
				d, DIAG_ERROR, &o->loc,
				"%s: unknown bonding option; did you mean bond-%s?",
				o->key, near);
		else
			diags_add(d, DIAG_ERROR, &o->loc,
				  "%s: unknown bonding option", o->key);
		return;
	}
	copy = xstrdup(o->value);
	if (opt->flags & BONDOPT_F_SLAVE) {
		/* bond-queue-id eth0:1 eth1:2: one SLAVE:VALUE per word */
		for (w = strtok_r(copy, " \t", &save); w;
		     w = strtok_r(NULL, " \t", &save))
			optstr_set(&b->conf, opt, w, OPTSTR_BONDING_OPTS,
				   &o->loc, d);
	} else if (opt->kind == BONDOPT_IPV4S || opt->kind == BONDOPT_IPV6S) {
		/* addresses separated by blanks or commas */
		for (w = strtok_r(copy, " \t,", &save); w;
		     w = strtok_r(NULL, " \t,", &save))
			optstr_set(&b->conf, opt, w, OPTSTR_BONDING_OPTS,
				   &o->loc, d);
	} else if (opt->kind == BONDOPT_IFNAME) {
		/* bond-primary may list several; the first is the primary */
		first = strtok_r(copy, " \t", &save);
		if (first && strtok_r(NULL, " \t", &save))
			diags_add(
				d, DIAG_NOTE, &o->loc,
				"%s lists several interfaces; Debian's hook takes the first that is enslaved, here the first listed, %s, is the %s",
				o->key, first, opt->name);
		optstr_set(&b->conf, opt, first ? first : "",
			   OPTSTR_BONDING_OPTS, &o->loc, d);
	} else {
		first = strtok_r(copy, " \t", &save);
		if (first && strtok_r(NULL, " \t", &save))
			diags_add(d, DIAG_ERROR, &o->loc,
				  "%s: one value expected, got '%s'", o->key,
				  o->value);
		else
			optstr_set(&b->conf, opt, first ? first : "",
				   OPTSTR_BONDING_OPTS, &o->loc, d);
	}
	free(copy);
}

static void slaves_option(struct host_bond *b, const struct ifopt *o,
			  struct diags *d)
{
	char *copy = xstrdup(o->value), *w, *save = NULL;

	b->list_given = true;
	b->list_loc = o->loc;
	if (!strcmp(o->value, "none")) {
		free(copy);
		return;
	}
	if (!strcmp(o->value, "all")) {
		diags_add(
			d, DIAG_WARNING, &o->loc,
			"bond-slaves all enslaves whatever Ethernet devices exist at boot; it is not resolved here: list the slaves");
		free(copy);
		return;
	}
	for (w = strtok_r(copy, " \t", &save); w;
	     w = strtok_r(NULL, " \t", &save)) {
		if (ifname_check(w))
			diags_add(d, DIAG_ERROR, &o->loc,
				  "bond-slaves: '%s' is not an interface name",
				  w);
		else
			host_bond_add_slave(b, w, &o->loc, d);
	}
	free(copy);
}

static bool declares_bond(const struct iface *f)
{
	const char *const *k;
	size_t i;

	for (i = 0; i < f->n_opts; i++) {
		if (!strcmp(f->opts[i].key, "slaves"))
			return true;
		if (!is_bond_key(f->opts[i].key))
			continue;
		for (k = hook_keys; *k; k++)
			if (key_is(f->opts[i].key, *k))
				break;
		if (!*k || !strcmp(*k, "slaves"))
			return true;
	}
	return false;
}

static void read_iface(struct ifaces *s, const struct iface *f)
{
	struct host_bond *b = NULL;
	size_t i;

	if (declares_bond(f)) {
		b = host_conf_declare(s->h, HOST_INTERFACES, f->name, &f->loc);
		b->onboot = is_up(s, f->name);
	}
	for (i = 0; i < f->n_opts; i++) {
		const struct ifopt *o = &f->opts[i];

		if (key_is(o->key, "master")) {
			struct host_claim *c;

			if (ifname_check(o->value)) {
				diags_add(
					s->d, DIAG_ERROR, &o->loc,
					"bond-master: '%s' is not an interface name",
					o->value);
				continue;
			}
			c = host_conf_claim(s->h, HOST_INTERFACES, f->name,
					    o->value, &o->loc);
			(void)c;
		} else if (!b) {
			continue;
		} else if (key_is(o->key, "slaves") ||
			   !strcmp(o->key, "slaves")) {
			/* "slaves" is the hooks' older spelling */
			slaves_option(b, o, s->d);
		} else if (key_is(o->key, "give-a-chance")) {
			continue; /* a wait of the if-up hook, not an option */
		} else if (is_bond_key(o->key)) {
			bond_option(b, o, s->d);
		} else if (!strcmp(o->key, "address")) {
			if (values_valid_address(o->value))
				host_bond_add_address(b, o->value);
			else
				diags_add(s->d, DIAG_ERROR, &o->loc,
					  "address %s: not an IP address",
					  o->value);
		} else if (!strcmp(o->key, "mtu")) {
			values_mtu(b, "mtu", " ", o->value, &o->loc, s->d);
		} else if (!strcmp(o->key, "hwaddress")) {
			const char *v = o->value;

			if (!strncmp(v, "ether ", 6))
				v += 6;
			if (values_valid_mac(v))
				b->hwaddr = xstrdup(v);
			else
				diags_add(
					s->d, DIAG_ERROR, &o->loc,
					"hwaddress %s: not a MAC address (write xx:xx:xx:xx:xx:xx)",
					o->value);
		}
	}
	/* address 192.0.2.1 with netmask 255.255.255.0 */
	if (b && b->n_addresses == 1 && !strchr(b->addresses[0], '/')) {
		for (i = 0; i < f->n_opts; i++)
			if (!strcmp(f->opts[i].key, "netmask")) {
				char *a = values_address(b->addresses[0], NULL,
							 f->opts[i].value);

				free(b->addresses[0]);
				b->addresses[0] = a;
			}
	}
}

static void ifaces_free(struct ifaces *s)
{
	size_t i, j;

	for (i = 0; i < s->n; i++) {
		for (j = 0; j < s->v[i].n_opts; j++) {
			free(s->v[i].opts[j].key);
			free(s->v[i].opts[j].value);
		}
		free(s->v[i].opts);
	}
	free(s->v);
	for (i = 0; i < s->n_up; i++)
		free(s->up[i]);
	free(s->up);
	for (i = 0; i < s->n_seen; i++)
		free(s->seen[i]);
	free(s->seen);
}

int read_interfaces_file(struct host_conf *h, const char *path, struct diags *d)
{
	struct ifaces s = { .h = h, .d = d };
	unsigned int errors = d->errors;
	size_t i;

	if (!cfgfile_exists(path)) {
		/* a folder or device is refused by the reader itself */
		char *buf;
		size_t len;
		int err = cfgfile_read(path, &buf, &len, d);

		if (err == -ENOENT) {
			struct diag_loc loc = { .source = path };

			diags_add(d, DIAG_ERROR, &loc,
				  "cannot read: a link to nothing");
		}
		if (err)
			return err;
		free(buf);
	}
	if (!*h->root || !realpath(h->root, s.root_real))
		s.root_real[0] = '\0';
	read_file(&s, path, 0, NULL);
	for (i = 0; i < s.n; i++)
		read_iface(&s, &s.v[i]);
	ifaces_free(&s);
	return d->errors > errors ? -EINVAL : 0;
}

int host_read_interfaces(struct host_conf *h, struct diags *d)
{
	const char *path = host_conf_path(h, INTERFACES);
	struct stat st;

	/* there, even as a folder, a device or a broken link: say so */
	if (lstat(path, &st))
		return 0;
	return read_interfaces_file(h, path, d);
}
