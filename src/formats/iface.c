// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Debian's interfaces format, stanza by stanza: what an iface stanza's
 * bond-* options (or ifupdown2's bond_*) and the auto and allow-* lines
 * make of a bond. interfaces.c reads the files, and writes the stanzas.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/iface.h"
#include "formats/values.h"
#include "formats/writers.h"
#include "model/ifname.h"
#include "model/optstr.h"

void iface_add_up(struct ifaces *s, const char *kw, const char *name)
{
	bool hotplug = !strcmp(kw, "allow-hotplug");
	const char *cls = strncmp(kw, "allow-", 6) ? "auto" : kw + 6;
	char ***v = hotplug ? &s->hot : &s->up;
	size_t *n = hotplug ? &s->n_hot : &s->n_up;
	struct host_conf *h = s->h;

	if (*n == MAX_IFACES)
		return;
	if (strlen(cls) < IF_NAMESIZE && strlen(name) < IF_NAMESIZE) {
		h->uplines = xreallocarray(h->uplines, h->n_uplines + 1,
					   sizeof(*h->uplines));
		snprintf(h->uplines[h->n_uplines].cls, IF_NAMESIZE, "%s", cls);
		snprintf(h->uplines[h->n_uplines++].name, IF_NAMESIZE, "%s",
			 name);
	}
	*v = xreallocarray(*v, *n + 1, sizeof(char *));
	(*v)[(*n)++] = xstrdup(name);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void iface_index(struct ifaces *s)
{
	size_t i;

	/* qsort() is not given a null array: an empty list has none */
	if (s->n_up)
		qsort(s->up, s->n_up, sizeof(*s->up), by_name);
	if (s->n_hot)
		qsort(s->hot, s->n_hot, sizeof(*s->hot), by_name);
	s->names = xcalloc(s->n ? s->n : 1, sizeof(*s->names));
	for (i = 0; i < s->n; i++)
		s->names[i] = s->v[i].name;
	qsort(s->names, s->n, sizeof(*s->names), by_name);
}

/* Whether @name is in @v (@n), sorted by iface_index(). */
static bool named(char *const *v, size_t n, const char *name)
{
	return n && bsearch(&name, v, n, sizeof(*v), by_name);
}

bool iface_is_up(const struct ifaces *s, const char *name)
{
	return named(s->up, s->n_up, name) || named(s->hot, s->n_hot, name);
}

/* --- the reader ------------------------------------------------------------ */

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

bool iface_slaves_key(const char *key)
{
	/* "slaves": the hooks' older spelling; ports: ifupdown2's other name */
	return key_is(key, "slaves") || !strcmp(key, "slaves") ||
	       key_is(key, "ports");
}

void iface_set_option(struct ifaces *s, struct host_bond *b,
		      const struct bondopt *opt, const struct ifopt *o,
		      const char *v)
{
	if (s->ifupdown2 && (opt->flags & BONDOPT_F_IFUPDOWN2_BOOL))
		v = ifupdown2_bool(v);
	optstr_set(&b->conf, opt, v, OPTSTR_BONDING_OPTS, &o->loc, s->d);
}

static void bond_option(struct ifaces *s, struct host_bond *b,
			const struct ifopt *o)
{
	struct diags *d = s->d;
	const struct bondopt *opt;
	const char *near;
	char name[64], *copy, *w, *save = NULL, *first;

	opt = bond_key(o->key, name, sizeof(name));
	if (!opt) {
		near = bondopt_suggest(name);
		diags_add(d, DIAG_ERROR, &o->loc,
			  "%s: unknown bonding option%s%s%s", o->key,
			  near ? "; did you mean bond-" : "", near ? near : "",
			  near ? "?" : "");
		return;
	}
	if (s->ifupdown2 && !(opt->flags & BONDOPT_F_IFUPDOWN2)) {
		/* addon_syntax_check=0, as the package ships it: not a word */
		diags_add(
			d, DIAG_WARNING, &o->loc,
			"%s: ifupdown2's bond addon (3.0) has no such key and ignores it without a word, so %s is not set, here as by ifupdown2 (set it in a post-up line, or use Debian's ifupdown)",
			o->key, opt->name);
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
		if (first && strtok_r(NULL, " \t", &save)) {
			diags_add(d, DIAG_ERROR, &o->loc,
				  "%s: one value expected, got '%s'", o->key,
				  o->value);
			/* a value that could not be read (the boot policy) */
			b->conf.refused |= BONDOPT_BIT(bondopt_id(opt));
		} else {
			iface_set_option(s, b, opt, o, first ? first : "");
		}
	}
	free(copy);
}

/* One name of a slave list, checked, added to @b. */
static void add_listed(struct host_bond *b, const struct ifopt *o,
		       const char *w, struct diags *d)
{
	if (ifname_check(w))
		diags_add(d, DIAG_ERROR, &o->loc,
			  "%s: '%s' is not an interface name", o->key, w);
	else
		host_bond_add_slave(b, w, &o->loc, d);
}

/* ifupdown2's "regex EXPR": the links and stanzas it names. */
static void regex_word(struct ifaces *s, struct host_bond *b,
		       const struct ifopt *o, const char *w)
{
	char **names;
	size_t n, i;
	int err;

	n = ifupdown2_regex(s, w, &names, &err);
	if (err)
		diags_add(s->d, DIAG_ERROR, &o->loc,
			  "%s: regex '%s' is not a regular expression", o->key,
			  w);
	else if (!n)
		diags_add(
			s->d, DIAG_WARNING, &o->loc,
			"%s: regex '%s' matches no link of /proc/net/dev and no stanza, so ifupdown2 enslaves nothing by it (list the slaves)",
			o->key, w);
	for (i = 0; i < n; i++) {
		add_listed(b, o, names[i], s->d);
		free(names[i]);
	}
	free(names);
}

static void slaves_option(struct ifaces *s, struct host_bond *b,
			  const struct ifopt *o)
{
	char *copy = xstrdup(o->value), *w, *save = NULL, **names;
	bool glob = false, regex = false, cut;
	size_t n, i;

	b->list_given = true;
	b->list_loc = o->loc;
	if (!strcmp(o->value, "none")) {
		free(copy);
		return;
	}
	if (!strcmp(o->value, "all")) {
		diags_add(
			s->d, DIAG_WARNING, &o->loc,
			"bond-slaves all enslaves whatever Ethernet devices exist at boot; it is not resolved here: list the slaves");
		free(copy);
		return;
	}
	/* ifupdown2: "glob" and "regex" apply to the next word alone */
	for (w = strtok_r(copy, " \t", &save); w;
	     w = strtok_r(NULL, " \t", &save)) {
		if (!strcmp(w, "glob") || !strcmp(w, "regex")) {
			glob = w[0] == 'g';
			regex = !glob;
			continue;
		}
		if (!strcmp(w, "noglob") || !strcmp(w, "noregex")) {
			glob = regex = false;
			continue;
		}
		if (regex) {
			regex_word(s, b, o, w);
		} else if (glob) {
			n = ifupdown2_glob(w, &names, &cut);
			if (cut)
				diags_add(
					s->d, DIAG_ERROR, &o->loc,
					"%s: glob '%s' makes more than %zu names; the rest are left out",
					o->key, w, n);
			for (i = 0; i < n; i++) {
				add_listed(b, o, names[i], s->d);
				free(names[i]);
			}
			free(names);
		} else {
			add_listed(b, o, w, s->d);
		}
		glob = regex = false;
	}
	free(copy);
}

/* bond-lacp-rate and bond_lacp_rate: the same key. */
bool iface_same_key(const char *a, const char *b)
{
	if (!is_bond_key(a) || !is_bond_key(b))
		return !strcmp(a, b);
	for (a += 5, b += 5; *a && *b; a++, b++)
		if (*a != *b &&
		    !((*a == '-' || *a == '_') && (*b == '-' || *b == '_')))
			return false;
	return !*a && !*b;
}

/*
 * A bond key given again in the stanza: ifupdown hands the hooks the
 * first (its environment has both, getenv() finds the first). Says so
 * and returns true for the later one.
 */
bool iface_given_again(const struct ifaces *s, const struct iface *f, size_t i)
{
	const struct ifopt *o = &f->opts[i];
	size_t j;

	if (!is_bond_key(o->key) && strcmp(o->key, "slaves"))
		return false;
	for (j = 0; j < i && !iface_same_key(f->opts[j].key, o->key); j++)
		;
	if (j == i)
		return false;
	/* ifupdown joins the lines; the hook's loop takes every word */
	if (!s->ifupdown2 && iface_slaves_key(o->key)) {
		diags_add(
			s->d, DIAG_WARNING, &o->loc,
			"%s is given again (first at line %u): ifupdown joins the lists and Debian's hook enslaves both, and so does this reader (give one list)",
			o->key, f->opts[j].loc.line);
		return false;
	}
	if (j < f->n_inherited && i >= f->n_inherited)
		diags_add(
			s->d, DIAG_WARNING, &o->loc,
			"%s is given by template %s too (line %u): ifupdown joins the two values and the driver takes the first line, the template's, and so does this reader: this one is ignored (give it once)",
			o->key, f->inherits, f->opts[j].loc.line);
	else
		diags_add(
			s->d, DIAG_WARNING, &o->loc,
			"%s is given again in this stanza; ifupdown uses the first, from line %u, and so does this reader: this one is ignored (give it once)",
			o->key, f->opts[j].loc.line);
	return true;
}

/* The stanza's first bond-master, if it names an interface. */
static const struct ifopt *master_of(const struct iface *f)
{
	size_t i;

	for (i = 0; i < f->n_opts; i++)
		if (key_is(f->opts[i].key, "master"))
			return ifname_check(f->opts[i].value) ? NULL :
								&f->opts[i];
	return NULL;
}

static bool declares_bond(const struct iface *f)
{
	const char *const *k;
	size_t i;

	/*
	 * A slave's stanza (bond-master) may carry bond options: Debian's
	 * hook sets them on its master, so they declare the master, not a
	 * bond of the slave's name (slave_options()).
	 */
	if (master_of(f))
		return false;
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

/*
 * The bond options on slave stanza @f, of bond @m: Debian's hook sets
 * them on the master when the slave comes up (creating the master if it
 * must), as README.Debian's hotplug examples use them. They make a
 * declaration of the master, merged with its own stanza's (host.c says
 * where the two disagree); brought up at boot when the slave is.
 */
static void slave_options(struct ifaces *s, const struct iface *f,
			  const struct ifopt *m)
{
	struct host_bond *b = NULL;
	const char *const *k;
	size_t i;

	for (i = 0; i < f->n_opts; i++) {
		const struct ifopt *o = &f->opts[i];

		if (!is_bond_key(o->key) && strcmp(o->key, "slaves"))
			continue;
		if (iface_given_again(s, f, i))
			continue;
		if (iface_slaves_key(o->key)) {
			diags_add(
				s->d, DIAG_WARNING, &o->loc,
				"%s on a stanza with %s: Debian's hook enslaves only %s to %s and ignores this list (remove it, or list the slaves on %s's stanza)",
				o->key, m->key, f->name, m->value, m->value);
			continue;
		}
		for (k = hook_keys; *k && !key_is(o->key, *k); k++)
			;
		if (*k)
			continue; /* bond-master, bond-give-a-chance */
		if (!b) {
			b = host_conf_declare(s->h, HOST_INTERFACES, m->value,
					      &o->loc);
			b->onboot = iface_is_up(s, f->name);
		}
		bond_option(s, b, o);
	}
}

/*
 * A stanza with addresses but no bond key, of an interface another stanza
 * makes a bond (inet and inet6 stanzas): ifupdown applies both.
 */
static bool bond_elsewhere(const struct ifaces *s, const struct iface *f)
{
	size_t i;

	for (i = 0; i < f->n_opts && strcmp(f->opts[i].key, "address"); i++)
		;
	if (i == f->n_opts || master_of(f))
		return false;
	for (i = 0; i < s->n; i++)
		if (&s->v[i] != f && !strcmp(s->v[i].name, f->name) &&
		    declares_bond(&s->v[i]))
			return true;
	return false;
}

/*
 * A bond stanza with neither bond-slaves nor bond-mode (in any stanza of
 * the bond): Debian's hook acts on those two alone and builds no bond
 * for it; a slave's bond-master then fails to enslave.
 */
static void unlisted(struct ifaces *s, const struct host_bond *b,
		     const struct iface *f)
{
	const struct bondopt *mode = bondopt_get(BONDOPT_MODE);
	const struct ifopt *o;
	char name[64];
	size_t i, j;

	if (b->list_given || s->ifupdown2)
		return;
	for (i = 0; i < s->n; i++) {
		if (strcmp(s->v[i].name, f->name))
			continue;
		for (j = 0; j < s->v[i].n_opts; j++) {
			o = &s->v[i].opts[j];
			if (iface_slaves_key(o->key) ||
			    (is_bond_key(o->key) &&
			     bond_key(o->key, name, sizeof(name)) == mode))
				return;
		}
	}
	diags_add(
		s->d, DIAG_WARNING, &f->loc,
		"%s has bond options but neither bond-slaves nor bond-mode: Debian's hook builds no bond for it (nor can a slave's bond-master enslave to it), bondcfg up does (add bond-slaves none)",
		f->name);
}

bool iface_template_only(const struct ifaces *s, const struct iface *f)
{
	return f->inherited && !iface_is_up(s, f->name);
}

void iface_read(struct ifaces *s, const struct iface *f)
{
	const struct ifopt *m = master_of(f);
	struct host_bond *b = NULL;
	bool declares;
	size_t i;

	if (iface_template_only(s, f))
		return;
	if (f->inherits[0] && s->ifupdown2)
		diags_add(
			s->d, DIAG_ERROR, &f->loc,
			"iface %s inherits %s: ifupdown2 has no templates (it ignores 'inherits' after a method and refuses it for a family); this reader takes %s's options as Debian's ifupdown does (write them out in this stanza)",
			f->name, f->inherits, f->inherits);

	if (m && s->ifupdown2) {
		char at[512];

		/* its bond addon enslaves what a master's bond-slaves lists */
		diag_loc_format(&s->dialect_loc, at, sizeof(at));
		diags_add(
			s->d, DIAG_WARNING, &m->loc,
			"%s: ifupdown2 does not read it, and these files are ifupdown2's (%s%s%s): %s is not enslaved, nor are this stanza's bond options set (list %s in %s's bond-slaves)",
			m->key, s->dialect_why,
			s->dialect_loc.source ? ", " : "",
			s->dialect_loc.source ? at : "", f->name, f->name,
			m->value);
		return;
	}
	declares = declares_bond(f);
	if (declares || bond_elsewhere(s, f)) {
		b = host_conf_declare(s->h, HOST_INTERFACES, f->name, &f->loc);
		b->onboot = iface_is_up(s, f->name);
		if (!named(s->up, s->n_up, f->name) &&
		    named(s->hot, s->n_hot, f->name) && declares)
			diags_add(
				s->d, DIAG_WARNING, &f->loc,
				"allow-hotplug %s: ifupdown brings up a hotplug interface when udev reports its device, which a bond has only once it is made, so %s does not come up at boot by that line; bondcfg up --all builds it (write auto %s)",
				f->name, f->name, f->name);
	} else if (m) {
		slave_options(s, f, m);
	}
	for (i = 0; i < f->n_opts; i++) {
		const struct ifopt *o = &f->opts[i];

		if (b && iface_given_again(s, f, i))
			continue;
		if (key_is(o->key, "master")) {
			if (!b && o != m && m)
				continue; /* said by slave_options() */
			if (ifname_check(o->value)) {
				diags_add(
					s->d, DIAG_ERROR, &o->loc,
					"bond-master: '%s' is not an interface name",
					o->value);
				continue;
			}
			host_conf_claim(s->h, HOST_INTERFACES, f->name,
					o->value, &o->loc)
				->onboot = iface_is_up(s, f->name);
			if (!named(s->names, s->n, o->value))
				diags_add(
					s->d, DIAG_WARNING, &o->loc,
					"bond-master %s: no stanza for %s; Debian's hook (ifenslave 2.13) then refuses to enslave %s, where README.Debian, and bondcfg, make %s from the slaves' bond options (write a stanza for %s, with bond-slaves none)",
					o->value, o->value, f->name, o->value,
					o->value);
			if (!iface_is_up(s, f->name))
				diags_add(
					s->d, DIAG_WARNING, &o->loc,
					"%s: no auto or allow-* line names %s, so ifupdown enslaves it to %s only on 'ifup %s'; bondcfg up enslaves it with the bond (write auto %s, or allow-hotplug)",
					o->key, f->name, o->value, f->name,
					f->name);
		} else if (!b) {
			continue;
		} else if (iface_slaves_key(o->key)) {
			slaves_option(s, b, o);
		} else if (key_is(o->key, "give-a-chance")) {
			continue; /* a wait of the if-up hook, not an option */
		} else if (key_is(o->key, "lacp-bypass-allow")) {
			diags_add(
				s->d, DIAG_WARNING, &o->loc,
				"%s: an option of Cumulus Linux's kernel, which Linux's bonding driver does not have; ignored",
				o->key);
		} else if (ifupdown2_option(o->key)) {
			continue; /* ifupdown2_options(), after the others */
		} else if (is_bond_key(o->key)) {
			bond_option(s, b, o);
		} else if (!strcmp(o->key, "address")) {
			if (values_valid_address(o->value))
				host_bond_add_address(b, o->value);
			else
				diags_add(s->d, DIAG_ERROR, &o->loc,
					  "address %s: not an IP address",
					  o->value);
		} else if (iface_ip_option(s, &b->ip, b->conf.name, f, o)) {
			continue;
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
	if (b) {
		ifupdown2_options(s, b, f);
		unlisted(s, b, f);
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
