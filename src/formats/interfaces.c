// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Reader for Debian's /etc/network/interfaces (ifupdown): the stanzas, auto
 * and allow-* lines, and the files that source and source-directory pull
 * in; what a stanza's bond-* options make of a bond is iface.c's. And
 * the writer of a bond's stanza.
 */
#include "config.h"

#include <errno.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "formats/cfgfile.h"
#include "formats/iface.h"
#include "model/ifname.h"
#include "formats/readers.h"
#include "formats/writers.h"
#include "model/xalloc.h"

#define INTERFACES "/etc/network/interfaces"
/* source lines may nest; a loop of them must end somewhere */
#define MAX_DEPTH 8
#define MAX_FILES 1000
static void read_file(struct ifaces *s, const char *path, unsigned int depth,
		      const struct diag_loc *from);

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
			path = xpathjoin(full, names[i]);
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

static bool is_family(const char *w)
{
	return !strcmp(w, "inet") || !strcmp(w, "inet6") || !strcmp(w, "ipx") ||
	       !strcmp(w, "can");
}

/*
 * The stanza named @from that a stanza inherits (interfaces(5): iface
 * NAME [FAMILY [METHOD]] inherits TEMPLATE): the first before it of that
 * name, of @family if one is given; or NULL, said.
 */
static struct iface *template_of(struct ifaces *s, const char *name,
				 const char *from, const char *family,
				 const struct diag_loc *loc)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->v[i].name, from) &&
		    (!family || !strcmp(s->v[i].family, family)))
			return &s->v[i];
	diags_add(
		s->d, DIAG_ERROR, loc,
		"iface %s inherits %s, but no stanza of %s%s%s comes before it; ifupdown refuses the whole file (write the template's stanza first)",
		name, from, from, family ? " " : "", family ? family : "");
	return NULL;
}

/* The words after "iface": the stanza they open, or NULL said. */
static struct iface *iface_line(struct ifaces *s, char *p,
				const struct diag_loc *loc)
{
	char *name = next_word(&p), *w[5], *family = NULL, *method = NULL,
	     *from = NULL, fam[sizeof(((struct iface *)0)->family)],
	     how[sizeof(((struct iface *)0)->method)];
	struct iface *t = NULL;
	struct iface *f;
	size_t n = 0, i = 0, k;

	while (n < 5 && (w[n] = next_word(&p)))
		n++;
	if (!name || (n && !strcmp(w[n - 1], "inherits"))) {
		diags_add(
			s->d, DIAG_ERROR, loc,
			"iface needs a name, a family and a method (or inherits and a stanza's name): iface bond0 inet static");
		return NULL;
	}
	if (i < n && strcmp(w[i], "inherits"))
		family = w[i++];
	if (family && i < n && strcmp(w[i], "inherits"))
		method = w[i++];
	if (i + 1 < n && !strcmp(w[i], "inherits"))
		from = w[i + 1], i += 2;
	/* ifupdown refuses the whole file for these */
	if (family && !is_family(family)) {
		diags_add(
			s->d, DIAG_ERROR, loc,
			"iface %s: '%s' is no address family (inet, inet6, can or ipx); the stanza is not read (one name per iface line: iface %s %s %s)",
			name, family, name,
			method && is_family(method) ? method : "inet",
			method && is_family(method) && i < n ? w[i] : "manual");
		return NULL;
	}
	if (ifname_check(name)) {
		diags_add(s->d, DIAG_ERROR, loc,
			  "iface %s: not a valid interface name", name);
		return NULL;
	}
	/* ifupdown: "not understood and ignored"; ifupdown2 ignores them */
	if (i < n)
		diags_add(
			s->d, DIAG_WARNING, loc,
			"iface %s: '%s' after the method is not understood, and ignored as ifupdown ignores it (options go on lines of their own below the iface line)",
			name, w[i]);
	if (from && !(t = template_of(s, name, from, family, loc)))
		return NULL;
	/* no family: ifupdown2's form (iface_dialect()), or the template's */
	snprintf(fam, sizeof(fam), "%s", t ? t->family : family ? family : "");
	/* taken before new_iface(), which may move the template */
	snprintf(how, sizeof(how), "%s", method ? method : t ? t->method : "");
	f = new_iface(s, name, fam, loc);
	if (f)
		snprintf(f->method, sizeof(f->method), "%s", how);
	if (!f || !from)
		return f;
	t = template_of(s, name, from, family, loc); /* s->v moved */
	t->inherited = true;
	snprintf(f->inherits, sizeof(f->inherits), "%s", from);
	for (k = 0; k < t->n_opts; k++)
		add_opt(f, t->opts[k].key, t->opts[k].value, &t->opts[k].loc);
	f->n_inherited = f->n_opts;
	return f;
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
		*cur = iface_line(s, p, loc);
	} else if (!strcmp(kw, "auto") || !strncmp(kw, "allow-", 6)) {
		*cur = NULL;
		while ((w = next_word(&p)))
			iface_add_up(s, kw, w);
	} else if (!strcmp(kw, "source")) {
		*cur = NULL;
		while ((w = next_word(&p)))
			source_glob(s, path, w, depth, loc);
	} else if (!strcmp(kw, "source-directory")) {
		*cur = NULL;
		while ((w = next_word(&p)))
			source_directory(s, path, w, depth, loc);
	} else if (kw[0] == '%' || !strncmp(kw, "<%", 2)) {
		*cur = NULL;
		if (!s->mako)
			diags_add(
				s->d, DIAG_ERROR, loc,
				"a Mako template line: ifupdown2 renders the file with Mako before it reads it, which this reader does not, so what the template makes is not read (write the stanzas out)");
		s->mako = true;
	} else if (!strcmp(kw, "mapping") || !strcmp(kw, "rename") ||
		   !strcmp(kw, "no-auto-down") || !strcmp(kw, "no-scripts")) {
		*cur = NULL;
	} else if (*cur) {
		p += strspn(p, " \t");
		add_opt(*cur, kw, p, loc);
	}
	/* options of a mapping stanza, or stray lines: not ours */
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
	unsigned int line = 0, i;
	bool resolved, pushed = false;
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
	resolved = realpath(path, real) != NULL;
	if (resolved) {
		/* a source line with "..", or a link out of the tree */
		if (cfgfile_outside(s->root_real, real)) {
			diags_add(s->d, DIAG_WARNING, from,
				  "%s is outside the --root tree; not read",
				  path);
			return;
		}
		for (i = 0; i < s->n_chain; i++)
			if (!strcmp(s->chain[i], real)) {
				diags_add(
					s->d, DIAG_ERROR, from,
					"%s sources itself (a loop of source lines), which ifupdown never ends reading; not read again (remove the source line)",
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
	err = cfgfile_read(s->h->root, kept, &buf, &len, s->d);
	if (err) {
		if (from && err == -ENOENT)
			diags_add(s->d, DIAG_WARNING, from, "%s: no such file",
				  kept);
		return;
	}
	s->h->files_read++;
	if (resolved && s->n_chain < sizeof(s->chain) / sizeof(s->chain[0])) {
		s->chain[s->n_chain++] = s->seen[s->n_seen - 1];
		pushed = true;
	}
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
	if (pushed)
		s->n_chain--;
	strbuf_free(&b);
	free(buf);
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
	free(s->names);
	for (i = 0; i < s->n_up; i++)
		free(s->up[i]);
	free(s->up);
	for (i = 0; i < s->n_hot; i++)
		free(s->hot[i]);
	free(s->hot);
	for (i = 0; i < s->n_seen; i++)
		free(s->seen[i]);
	free(s->seen);
	for (i = 0; i < s->n_proc; i++)
		free(s->proc[i]);
	free(s->proc);
}

int interfaces_read_file(struct host_conf *h, const char *path, struct diags *d)
{
	struct ifaces s = { .h = h, .d = d };
	unsigned int errors = d->errors;
	size_t i;

	if (!cfgfile_exists(path)) {
		/* a folder or device is refused by the reader itself */
		char *buf;
		size_t len;
		int err = cfgfile_read(h->root, path, &buf, &len, d);

		if (err)
			return err;
		free(buf);
	}
	if (!*h->root || !realpath(h->root, s.root_real))
		s.root_real[0] = '\0';
	read_file(&s, path, 0, NULL);
	iface_dialect(&s);
	iface_index(&s);
	for (i = 0; i < s.n; i++)
		iface_read(&s, &s.v[i]);
	iface_read_stacked(&s);
	ifaces_free(&s);
	return d->errors > errors ? -EINVAL : 0;
}

int interfaces_read_host(struct host_conf *h, struct diags *d)
{
	const char *path = host_conf_path(h, INTERFACES);
	struct stat st;

	/* there, even as a folder, a device or a broken link: say so */
	if (lstat(path, &st))
		return 0;
	return interfaces_read_file(h, path, d);
}

/* --- the writer ------------------------------------------------------------ */

/* bond-lacp-rate for lacp_rate */
static void interfaces_key(FILE *out, int id)
{
	const char *p;

	fputs("    bond-", out);
	for (p = bondopt_get(id)->name; *p; p++)
		fputc(*p == '_' ? '-' : *p, out);
}

/* bond-slaves, with "none" for a bond without slaves (Debian's hooks) */
static void slaves_line(FILE *out, const struct bond_conf *c)
{
	size_t i;

	fputs("    bond-slaves", out);
	if (!conv_n_members(c))
		fputs(" none", out);
	for (i = 0; i < c->n_slaves; i++)
		if (c->slaves[i].member)
			fprintf(out, " %s", c->slaves[i].name);
	fputc('\n', out);
}

void iface_write(struct conv *cv, FILE *out, const struct host_bond *b)
{
	const struct bond_conf *c = &b->conf;
	char value[VALUE_MAX], *p;
	const char *a;
	bool v4 = conv_has_address(b, false), v6 = conv_has_address(b, true);
	bool first6;
	size_t i;
	int id;

	/* IPv6 in a stanza of its own, unless there is no IPv4 */
	first6 = v6 && !v4;
	if (b->onboot)
		fprintf(out, "auto %s\n", c->name);
	fprintf(out, "iface %s %s %s\n", c->name, first6 ? "inet6" : "inet",
		b->n_addresses ? "static" : "manual");
	if ((a = iface_nth_address(b->addresses, b->n_addresses, first6, 0)))
		fprintf(out, "    address %s\n", a);
	iface_write_ip(cv, out, c->name, b->addresses, b->n_addresses, &b->ip,
		       first6, v4 && v6);
	if (b->has_mtu)
		fprintf(out, "    mtu %u\n", b->mtu);
	if (b->hwaddr)
		fprintf(out, "    hwaddress ether %s\n", b->hwaddr);
	if (cv->ifupdown2 && !conv_n_members(c))
		/* its bond addon takes "none" for a slave's name */
		conv_lost(
			cv, out, "ifupdown2",
			"%s: a bond with no slaves (ifupdown2 reads bond-slaves none as a slave called none)",
			c->name);
	else
		slaves_line(out, c);
	for (id = 0; id < BONDOPT_COUNT; id++) {
		if (!conv_bond_option(c, id))
			continue;
		if (cv->ifupdown2 &&
		    !(bondopt_get(id)->flags & BONDOPT_F_IFUPDOWN2)) {
			bond_conf_format_value(c, id, value, sizeof(value));
			conv_lost_at(
				cv, out, "ifupdown2", &c->where[id],
				"%s: %s=%s (its bond addon ignores the key)",
				c->name, bondopt_get(id)->name, value);
			continue;
		}
		bond_conf_format_value(c, id, value, sizeof(value));
		interfaces_key(out, id);
		/* address lists: one word each */
		for (p = value; *p; p++)
			if (*p == ',')
				*p = ' ';
		fprintf(out, "%s%s\n", *value ? " " : "", value);
	}
	/* per-slave options: bond-queue-id eth0:1 eth1:2 */
	for (id = 0; id < BONDOPT_COUNT; id++) {
		bool any = false;

		if (!(bondopt_get(id)->flags & BONDOPT_F_SLAVE))
			continue;
		if (cv->ifupdown2) {
			for (i = 0; i < c->n_slaves; i++)
				conv_lost_slave(cv, out, "ifupdown2", c,
						&c->slaves[i], BONDOPT_BIT(id),
						"");
			continue;
		}
		for (i = 0; i < c->n_slaves; i++) {
			const struct bond_slave_conf *s = &c->slaves[i];

			if (!(s->present & BONDOPT_BIT(id)))
				continue;
			if (!any)
				interfaces_key(out, id);
			any = true;
			fprintf(out, " %s:%lld", s->name,
				(long long)s->num[id]);
		}
		if (any)
			fputc('\n', out);
	}
	iface_more_stanzas(out, c->name, b->addresses, b->n_addresses, first6);
	if (v4 && v6) {
		fprintf(out, "\niface %s inet6 static\n    address %s\n",
			c->name,
			iface_nth_address(b->addresses, b->n_addresses, true,
					  0));
		iface_write_ip(cv, out, c->name, b->addresses, b->n_addresses,
			       &b->ip, true, true);
		iface_more_stanzas(out, c->name, b->addresses, b->n_addresses,
				   true);
	}
	for (i = 0; i < c->n_slaves; i++) {
		if (!c->slaves[i].member)
			continue;
		fputc('\n', out);
		if (b->onboot)
			fprintf(out, "auto %s\n", c->slaves[i].name);
		fprintf(out, "iface %s inet manual\n    bond-master %s\n",
			c->slaves[i].name, c->name);
	}
	iface_write_uppers(cv, out, b);
}
