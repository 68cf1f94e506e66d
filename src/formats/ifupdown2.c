// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ifupdown2's dialect of Debian's interfaces format: which dialect a file
 * set is in, and ifupdown2's slave lists (glob and regex words). iface.c
 * reads the stanzas with them.
 */
#include "config.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "formats/cfgfile.h"
#include "formats/iface.h"
#include "model/ifname.h"
#include "model/optstr.h"
#include "model/xalloc.h"

/* more names than a glob may make: the rest are left out, and said */
#define GLOB_MAX 1024

/* Keys only ifupdown2 reads (bond-ports, es-sys-mac, ...). */
static bool ifupdown2_only_key(const char *key)
{
	return iface_same_key(key, "bond-ports") ||
	       iface_same_key(key, "bond-lacp-bypass-allow") ||
	       ifupdown2_option(key);
}

static bool glob_or_regex(const char *value)
{
	char *copy = xstrdup(value), *w, *save = NULL;
	bool found = false;

	for (w = strtok_r(copy, " \t", &save); w && !found;
	     w = strtok_r(NULL, " \t", &save))
		found = !strcmp(w, "glob") || !strcmp(w, "regex");
	free(copy);
	return found;
}

void iface_dialect(struct ifaces *s)
{
	struct stat st;
	char *dir = xasprintf("%s/etc/network/ifupdown2", s->h->root);
	size_t i, j;

	s->ifupdown2 = !lstat(dir, &st);
	free(dir);
	if (s->ifupdown2) {
		snprintf(s->dialect_why, sizeof(s->dialect_why),
			 "/etc/network/ifupdown2 is there");
		return;
	}
	for (i = 0; i < s->n; i++) {
		const struct iface *f = &s->v[i];

		if (!f->family[0]) {
			s->ifupdown2 = true;
			snprintf(s->dialect_why, sizeof(s->dialect_why),
				 "iface %s has no address family", f->name);
			s->dialect_loc = f->loc;
			return;
		}
		for (j = 0; j < f->n_opts; j++) {
			const struct ifopt *o = &f->opts[j];

			if (ifupdown2_only_key(o->key) ||
			    (iface_slaves_key(o->key) &&
			     glob_or_regex(o->value))) {
				s->ifupdown2 = true;
				snprintf(s->dialect_why, sizeof(s->dialect_why),
					 "%s%s", o->key,
					 ifupdown2_only_key(o->key) ?
						 "" :
						 " glob/regex");
				s->dialect_loc = o->loc;
				return;
			}
		}
	}
}

/*
 * The first range of @w: "[N-M]", else N-M after a letter (swp1-4.100).
 * Returns where it starts, its length, and N and M; NULL for none.
 */
static const char *find_range(const char *w, size_t *len, unsigned long *lo,
			      unsigned long *hi)
{
	const char *p, *q;
	char *end;

	for (p = w; *p; p++) {
		bool bracket = *p == '[';

		if (!bracket && !(p > w && ((p[-1] >= 'a' && p[-1] <= 'z') ||
					    (p[-1] >= 'A' && p[-1] <= 'Z'))))
			continue;
		q = p + bracket;
		if (*q < '0' || *q > '9')
			continue;
		*lo = strtoul(q, &end, 10);
		if (*end != '-' || end[1] < '0' || end[1] > '9')
			continue;
		*hi = strtoul(end + 1, &end, 10);
		if (bracket && *end++ != ']')
			continue;
		*len = (size_t)(end - p);
		return p;
	}
	return NULL;
}

/* Adds @w with each of its ranges expanded, in order. */
static void expand(const char *w, char ***out, size_t *n, bool *cut)
{
	unsigned long lo, hi, i;
	const char *r;
	size_t len;
	char *one;

	r = find_range(w, &len, &lo, &hi);
	if (!r) {
		if (*n == GLOB_MAX) {
			*cut = true;
			return;
		}
		*out = xreallocarray(*out, *n + 1, sizeof(char *));
		(*out)[(*n)++] = xstrdup(w);
		return;
	}
	for (i = lo; i <= hi && !*cut; i++) {
		one = xasprintf("%.*s%lu%s", (int)(r - w), w, i, r + len);
		expand(one, out, n, cut);
		free(one);
	}
}

size_t ifupdown2_glob(const char *word, char ***names, bool *cut)
{
	size_t n = 0;

	*names = NULL;
	*cut = false;
	expand(word, names, &n, cut);
	return n;
}

/* Adds @name to @names (@n) unless it is there. */
static void add_name(char ***names, size_t *n, const char *name)
{
	size_t k;

	for (k = 0; k < *n && strcmp((*names)[k], name); k++)
		;
	if (k < *n)
		return;
	*names = xreallocarray(*names, *n + 1, sizeof(char *));
	(*names)[(*n)++] = xstrdup(name);
}

/*
 * The links of /proc/net/dev (under the root), read once: ifupdown2
 * matches a regex against them first, then against the stanzas.
 */
static void proc_links(struct ifaces *s)
{
	char *buf = NULL, *line, *save = NULL, *colon, *name;
	size_t len, i = 0;

	if (s->proc_read)
		return;
	s->proc_read = true;
	if (cfgfile_read(s->h->root, host_conf_path(s->h, "/proc/net/dev"),
			 &buf, &len, s->d))
		return;
	/* two lines of headings, then "  NAME: counters" */
	for (line = strtok_r(buf, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		if (i++ < 2 || !(colon = strchr(line, ':')))
			continue;
		*colon = '\0';
		name = line + strspn(line, " \t");
		if (!ifname_check(name))
			add_name(&s->proc, &s->n_proc, name);
	}
	free(buf);
}

size_t ifupdown2_regex(struct ifaces *s, const char *expr, char ***names,
		       int *err)
{
	char *anchored = xasprintf("(%s)$", expr);
	size_t n = 0, i;
	regex_t re;

	*names = NULL;
	*err = regcomp(&re, anchored, REG_EXTENDED | REG_NOSUB);
	free(anchored);
	if (*err)
		return 0;
	proc_links(s);
	for (i = 0; i < s->n_proc; i++)
		if (!regexec(&re, s->proc[i], 0, NULL, 0))
			add_name(names, &n, s->proc[i]);
	for (i = 0; i < s->n; i++)
		if (!regexec(&re, s->v[i].name, 0, NULL, 0))
			add_name(names, &n, s->v[i].name);
	regfree(&re);
	return n;
}

/* ifupdown2's booleans: yes, on and fast are 1, no, off and slow 0. */
const char *ifupdown2_bool(const char *v)
{
	static const char *const one[] = { "yes", "on", "fast", NULL },
				 *const zero[] = { "no", "off", "slow", NULL };
	const char *const *w;

	for (w = one; *w; w++)
		if (!strcmp(v, *w))
			return "1";
	for (w = zero; *w; w++)
		if (!strcmp(v, *w))
			return "0";
	return v;
}

/* The option that key @key is ifupdown2's other name for, or NULL. */
const struct bondopt *ifupdown2_option(const char *key)
{
	const char *const *k;
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++)
		for (k = bondopt_get(id)->ifupdown2; k && *k; k++)
			if (iface_same_key(key, *k))
				return bondopt_get(id);
	return NULL;
}

/*
 * ifupdown2's other keys (bond-ad-sys-mac-addr, es-sys-mac, ...): each
 * sets its option unless the option's own key did, and of two of them the
 * one earlier in the row's list wins, as ifupdown2 lets it override.
 */
void ifupdown2_options(struct ifaces *s, struct host_bond *b,
		       const struct iface *f)
{
	const struct bondopt *opt;
	const char *const *k;
	size_t i, j;

	for (i = 0; i < f->n_opts; i++) {
		const struct ifopt *o = &f->opts[i];
		bool stronger = false;

		opt = ifupdown2_option(o->key);
		if (!opt || iface_given_again(s, f, i))
			continue;
		if (bond_conf_has(&b->conf, bondopt_id(opt))) {
			diags_add(
				s->d, DIAG_NOTE, &o->loc,
				"%s is left out: the stanza sets %s already, which ifupdown2 takes over it",
				o->key, opt->name);
			continue;
		}
		for (k = opt->ifupdown2; *k && !iface_same_key(*k, o->key); k++)
			for (j = 0; j < f->n_opts; j++)
				stronger |= iface_same_key(f->opts[j].key, *k);
		if (stronger)
			continue;
		iface_set_option(s, b, opt, o, o->value);
	}
}
