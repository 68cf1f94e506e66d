// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Reader for RHEL-style network scripts: /etc/sysconfig/network-scripts/
 * ifcfg-*, shell-style files read as data.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "formats/cfgfile.h"
#include "formats/ifcfg-int.h"
#include "model/ifname.h"
#include "model/optstr.h"
#include "formats/readers.h"
#include "formats/values.h"
#include "formats/shfile.h"
#include "model/xalloc.h"

#define IFCFG_DIR "/etc/sysconfig/network-scripts"

/*
 * Backup and package-manager leftovers, which the initscripts skip too; an
 * editor's copy would otherwise configure the same device twice.
 */
static const char *const ignored_suffixes[] = {
	"~",	    ".bak",	".old", ".orig", ".rpmnew",
	".rpmorig", ".rpmsave", ".swp", NULL
};

static bool ignored_name(const char *name)
{
	size_t len = strlen(name), n;
	const char *const *sfx;

	for (sfx = ignored_suffixes; *sfx; sfx++) {
		n = strlen(*sfx);
		if (len >= n && !strcmp(name + len - n, *sfx))
			return true;
	}
	return false;
}

static bool declares_bond(const struct ifcfg *f);

/*
 * DEVICE=, else NAME=, else the file name. The initscripts take the name
 * from DEVICE= or HWADDR= only (HWADDR= finds no bond before it exists): a
 * bond's file without DEVICE=, or a slave's with neither, makes their
 * ifup-eth fail ("Device name does not seem to be present") and their
 * ifdown pass no name to its hooks, so that is a warning.
 */
static void find_device(struct ifcfg *f, struct diags *d)
{
	const struct shvar *dev = get(f, "DEVICE"), *name = get(f, "NAME");
	struct diag_loc file = { .source = f->path };
	const char *which = dev ? dev->value : name ? name->value : f->suffix;

	f->device_loc = dev ? dev->loc : name ? name->loc : file;
	if (!dev &&
	    (declares_bond(f) || (!get(f, "HWADDR") &&
				  (get(f, "MASTER") || get(f, "MASTER_UUID")))))
		diags_add(
			d, DIAG_WARNING, &f->device_loc,
			"no DEVICE=; bondcfg takes the device name %s from %s, but the initscripts find the device only by DEVICE= or HWADDR= (add DEVICE=%s)",
			which, name ? "NAME=" : "the file name", which);
	else if (!dev)
		diags_add(
			d, DIAG_NOTE, &f->device_loc,
			"no DEVICE=; the device name %s is taken from %s (add DEVICE=%s)",
			which, name ? "NAME=" : "the file name", which);
	if (ifname_check(which)) {
		diags_add(d, DIAG_ERROR, &f->device_loc,
			  "'%s' is not a valid interface name", which);
		f->readable = false;
		return;
	}
	str_copy(f->device, sizeof(f->device), which);
	if (dev && strcmp(f->suffix, dev->value) &&
	    !(name && !strcmp(f->suffix, name->value)))
		diags_add(
			d, DIAG_WARNING, &dev->loc,
			"the file is ifcfg-%s but DEVICE=%s%s%s; the device is %s (rename the file to ifcfg-%s, or fix DEVICE=)",
			f->suffix, dev->value, name ? " and NAME=" : "",
			name ? name->value : "", dev->value, dev->value);
}

static bool declares_bond(const struct ifcfg *f)
{
	const char *type = value(f, "TYPE"),
		   *master = value(f, "BONDING_MASTER");
	size_t i;

	if ((type && !strcasecmp(type, "bond")) ||
	    (master && values_bool_word(master) == 1) || get(f, "BONDING_OPTS"))
		return true;
	for (i = 0; i < f->sh.n_vars; i++)
		if (!strncmp(f->sh.vars[i].name, "BONDING_SLAVE", 13))
			return true;
	return false;
}

/* Whether @f says anything of a bond: bond keys, or a slave's. */
static bool plays_part(const struct ifcfg *f)
{
	size_t i;

	if (declares_bond(f) || get(f, "MASTER") || get(f, "MASTER_UUID") ||
	    get(f, "SLAVE"))
		return true;
	for (i = 0; i < f->sh.n_vars; i++)
		if (!strncmp(f->sh.vars[i].name, "BOND", 4))
			return true;
	return false;
}

/* The device a slave's MASTER= or MASTER_UUID= names, or NULL. */
static void bad_key_check(const struct ifcfg *f, struct diags *d)
{
	const char *known[BONDOPT_COUNT + 3] = { "BONDING_OPTS",
						 "BONDING_MASTER" };
	const char *const *k;
	size_t n = 2;
	int id;
	size_t i;

	for (id = 0; id < BONDOPT_COUNT; id++)
		if (bondopt_get(id)->ifcfg_port)
			known[n++] = bondopt_get(id)->ifcfg_port;
	for (i = 0; i < f->sh.n_vars; i++) {
		const struct shvar *v = &f->sh.vars[i];
		const char *near = NULL;
		unsigned int best = 4, dist;

		if (strncmp(v->name, "BOND", 4) ||
		    !strncmp(v->name, "BONDING_SLAVE", 13))
			continue;
		for (k = known; *k && strcmp(v->name, *k); k++)
			;
		if (*k)
			continue;
		for (k = known; *k; k++) {
			dist = bondopt_distance(v->name, *k);
			if (dist < best) {
				best = dist;
				near = *k;
			}
		}
		if (best == 0)
			continue;
		if (near)
			diags_add(d, DIAG_WARNING, &v->loc,
				  "%s: unknown key, ignored; did you mean %s?",
				  v->name, near);
		else
			diags_add(d, DIAG_WARNING, &v->loc,
				  "%s: unknown key, ignored", v->name);
	}
}

/* BONDING_SLAVE0=eth0 BONDING_SLAVE1=eth1 ..., in the order of n. */
static void slave_list(struct host_bond *b, const struct ifcfg *f,
		       struct diags *d)
{
	const struct shvar *best;
	unsigned long last = 0, idx, min;
	bool first = true;
	size_t i;
	char *end;

	for (;;) {
		best = NULL;
		min = 0;
		for (i = 0; i < f->sh.n_vars; i++) {
			const struct shvar *v = &f->sh.vars[i];

			if (strncmp(v->name, "BONDING_SLAVE", 13) ||
			    !v->name[13])
				continue;
			idx = strtoul(v->name + 13, &end, 10);
			if (*end || (!first && idx <= last))
				continue;
			if (!best || idx < min) {
				best = v;
				min = idx;
			}
		}
		if (!best)
			break;
		first = false;
		last = min;
		if (ifname_check(best->value)) {
			diags_add(d, DIAG_ERROR, &best->loc,
				  "%s: '%s' is not a valid interface name",
				  best->name, best->value);
			continue;
		}
		if (!b->list_given) {
			b->list_given = true;
			b->list_loc = best->loc;
		}
		host_bond_add_slave(b, best->value, &best->loc, d);
	}
}

static void onboot(struct host_bond *b, const struct ifcfg *f, struct diags *d)
{
	const struct shvar *v = get(f, "ONBOOT");
	int yes = v ? values_bool_word(v->value) : 1;

	if (yes < 0)
		diags_add(d, DIAG_WARNING, &v->loc,
			  "ONBOOT=%s: write yes or no; taken as yes", v->value);
	/* the network service skips only ONBOOT=no */
	b->onboot = yes != 0;
}

static void mtu(struct host_bond *b, const struct ifcfg *f, struct diags *d)
{
	const struct shvar *v = get(f, "MTU");

	if (v)
		values_mtu(b, "MTU", "=", v->value, &v->loc, d);
}

/*
 * The index of IPADDR<n> (-1 for IPADDR), or -2 for another name; the
 * network scripts read IPADDR, then IPADDR0 to IPADDR255.
 */
static int address_index(const char *name)
{
	char *end;
	long n;

	if (strncmp(name, "IPADDR", 6))
		return -2;
	if (!name[6])
		return -1;
	if (name[6] < '0' || name[6] > '9')
		return -2;
	n = strtol(name + 6, &end, 10);
	return *end || n > 255 || (name[6] == '0' && name[7]) ? -2 : (int)n;
}

void ifcfg_read_addresses(char ***list, size_t *n, const struct ifcfg *f,
			  struct diags *d)
{
	char pkey[32], mkey[32];
	const struct shvar *best;
	int last = -2, idx, min;
	const char *sfx;
	char *a;
	size_t i;

	/* each IPADDR<n> in the order of n: one pass per address, not n */
	for (;;) {
		best = NULL;
		min = 256;
		for (i = 0; i < f->sh.n_vars; i++) {
			const struct shvar *v = &f->sh.vars[i];

			idx = address_index(v->name);
			if (idx == -2 || idx <= last || idx >= min ||
			    !*v->value)
				continue;
			best = v;
			min = idx;
		}
		if (!best)
			break;
		last = min;
		sfx = best->name + 6;
		snprintf(pkey, sizeof(pkey), "PREFIX%s", sfx);
		snprintf(mkey, sizeof(mkey), "NETMASK%s", sfx);
		a = values_address(best->value, value(f, pkey), value(f, mkey));
		if (values_valid_address(a))
			host_addresses_add(list, n, a);
		else
			diags_add(d, DIAG_ERROR, &best->loc,
				  "%s=%s: not an IP address (with %s or %s)",
				  best->name, best->value, pkey, mkey);
		free(a);
	}
}

static void declare_bond(struct host_conf *h, struct ifcfg *f, struct diags *d)
{
	const struct shvar *opts = get(f, "BONDING_OPTS"), *nm;
	struct host_bond *b;
	const char *mac;

	b = host_conf_declare(h, HOST_IFCFG, f->device, &f->device_loc);
	if (opts)
		optstr_parse(&b->conf, opts->value, OPTSTR_BONDING_OPTS,
			     &opts->loc, d);
	slave_list(b, f, d);
	onboot(b, f, d);
	nm = get(f, "NM_CONTROLLED");
	if (nm && values_bool_word(nm->value) == 1)
		diags_add(
			d, DIAG_NOTE, &nm->loc,
			"NM_CONTROLLED=yes: NetworkManager manages %s; configure it with one tool only (NM_CONTROLLED=no to leave it to the network scripts)",
			f->device);
	mtu(b, f, d);
	mac = value(f, "MACADDR");
	if (!mac)
		mac = value(f, "HWADDR");
	if (mac && values_valid_mac(mac))
		b->hwaddr = xstrdup(mac);
	else if (mac)
		diags_add(
			d, DIAG_ERROR,
			&get(f, value(f, "MACADDR") ? "MACADDR" : "HWADDR")->loc,
			"'%s' is not a MAC address (write xx:xx:xx:xx:xx:xx)",
			mac);
	ifcfg_read_addresses(&b->addresses, &b->n_addresses, f, d);
	ifcfg_read_net(h, &b->ip, &b->addresses, &b->n_addresses, f, d);
	ifcfg_read_bridge_port(h, b, f, d);
}

/* BOND_PORT_QUEUE_ID=2 on a slave: one of its per-slave options. */
static void port_option(struct host_claim *c, const struct ifcfg *f,
			enum bondopt_id id, struct diags *d)
{
	const struct shvar *v = get(f, bondopt_get(id)->ifcfg_port);
	struct bond_conf tmp;
	char *word;

	if (!v)
		return;
	bond_conf_init(&tmp, c->master);
	word = xasprintf("%s:%s", c->slave.name, v->value);
	if (!optstr_set(&tmp, bondopt_get(id), word, OPTSTR_BONDING_OPTS,
			&v->loc, d) &&
	    tmp.n_slaves) {
		c->slave.present |= BONDOPT_BIT(id);
		c->slave.num[id] = tmp.slaves[0].num[id];
		c->slave.where[id] = v->loc;
	}
	free(word);
	bond_conf_free(&tmp);
}

static void claim_slave(struct host_conf *h, const struct ifcfg_index *ix,
			struct ifcfg *f, struct diags *d)
{
	const struct shvar *slave = get(f, "SLAVE"), *on = get(f, "ONBOOT");
	struct diag_loc loc;
	const char *master = ifcfg_master_of(ix, f, &loc, d);
	struct host_claim *c;
	int id;

	if (!master) {
		if (slave && values_bool_word(slave->value) == 1)
			diags_add(
				d, DIAG_WARNING, &slave->loc,
				"SLAVE=yes without MASTER=; %s is not enslaved (add MASTER=<bond>)",
				f->device);
		return;
	}
	if (ifname_check(master)) {
		diags_add(d, DIAG_ERROR, &loc,
			  "MASTER=%s is not a valid interface name", master);
		return;
	}
	if (!slave || values_bool_word(slave->value) != 1)
		diags_add(
			d, DIAG_WARNING, slave ? &slave->loc : &loc,
			"MASTER=%s without SLAVE=yes: the network scripts would not enslave %s; it is enslaved here (add SLAVE=yes)",
			master, f->device);
	c = host_conf_claim(h, HOST_IFCFG, f->device, master, &loc);
	/* the network service skips only ONBOOT=no */
	c->onboot = !on || values_bool_word(on->value) != 0;
	for (id = 0; id < BONDOPT_COUNT; id++)
		if (bondopt_get(id)->ifcfg_port)
			port_option(c, f, id, d);
}

int ifcfg_read_files(struct host_conf *h, const char *const *paths, size_t n,
		     struct diags *d)
{
	struct ifcfg *files = xcalloc(n, sizeof(*files));
	unsigned int errors = d->errors;
	struct ifcfg_index ix;
	const struct ifcfg *by;
	struct diags_mark mark;
	const char *base;
	size_t i, len;
	char *buf;

	for (i = 0; i < n; i++) {
		struct ifcfg *f = &files[i];

		f->path = paths[i];
		base = strrchr(f->path, '/');
		base = base ? base + 1 : f->path;
		f->suffix = strncmp(base, "ifcfg-", 6) ? base : base + 6;
		if (cfgfile_read(h->root, f->path, &buf, &len, d))
			continue;
		h->files_read++;
		shfile_parse(&f->sh, buf, len, f->path, d);
		free(buf);
		f->readable = true;
		mark = diags_mark(d);
		find_device(f, d);
		/*
		 * The name of a profile that plays no part in any bond (no
		 * bond or slave keys) is not ours to judge: a NAME=-only
		 * profile of NetworkManager's is no error of the host's bonds.
		 * (Asked only when something was said of it.)
		 */
		if (diags_added_since(d, mark) && !plays_part(f))
			diags_rewind(d, mark);
		f->uuid = value(f, "UUID");
		f->master = value(f, "MASTER");
		f->master_uuid = value(f, "MASTER_UUID");
	}
	ifcfg_find_duplicates(files, n, d);
	ifcfg_index_build(&ix, files, n);
	for (i = 0; i < n; i++) {
		struct ifcfg *f = &files[i];

		if (!f->readable || f->duplicate)
			continue;
		bad_key_check(f, d);
		f->bond = declares_bond(f);
		if (!f->bond && (by = ifcfg_named_as_master(&ix, f))) {
			const struct shvar *type = get(f, "TYPE");

			diags_add(
				d, DIAG_WARNING,
				type ? &type->loc : &f->device_loc,
				"%s is named as MASTER by %s, but %s%s%s; it is read as a bond (add TYPE=Bond and BONDING_MASTER=yes)",
				f->device, by->path,
				type ? "its TYPE=" :
				       "nothing here says it is a bond",
				type ? type->value : "",
				type ? " and it has neither BONDING_MASTER=yes nor BONDING_OPTS" :
				       "");
			f->bond = true;
		}
		if (f->bond)
			declare_bond(h, f, d);
	}
	ifcfg_read_uppers(h, files, n, d);
	for (i = 0; i < n; i++)
		if (files[i].readable && !files[i].duplicate)
			claim_slave(h, &ix, &files[i], d);
	ifcfg_index_free(&ix);
	for (i = 0; i < n; i++)
		shfile_free(&files[i].sh);
	free(files);
	return d->errors > errors ? -EINVAL : 0;
}

int ifcfg_read_host(struct host_conf *h, struct diags *d)
{
	const char *dir = host_conf_path(h, IFCFG_DIR);
	const char **paths = NULL;
	char **names;
	size_t n, i, np = 0;
	int err;

	err = cfgfile_list(dir, &names, &n, d);
	if (err)
		return err == -ENOENT ? 0 : err;
	for (i = 0; i < n; i++) {
		if (!strcmp(names[i], "ifcfg-")) {
			struct diag_loc loc = {
				.source = host_conf_keep(h, xpathjoin(dir,
								      names[i]))
			};

			diags_add(
				d, DIAG_WARNING, &loc,
				"a file called ifcfg- names no device; not read (call it ifcfg-DEVICE)");
			continue;
		}
		/* the network service skips lo, alias (eth0:1) and range files */
		if (strncmp(names[i], "ifcfg-", 6) || ignored_name(names[i]) ||
		    !strcmp(names[i], "ifcfg-lo") || strchr(names[i], ':') ||
		    strstr(names[i], "-range"))
			continue; /* ifup-aliases reads the aliases: below */
		paths = xreallocarray(paths, np + 1, sizeof(*paths));
		paths[np++] = host_conf_keep(h, xpathjoin(dir, names[i]));
	}
	err = ifcfg_read_files(h, paths, np, d);
	for (i = 0; i < n; i++)
		if (!strncmp(names[i], "ifcfg-", 6) && strchr(names[i], ':') &&
		    !ignored_name(names[i]))
			ifcfg_read_alias(
				h, host_conf_keep(h, xpathjoin(dir, names[i])),
				d);
	cfgfile_list_free(names, n);
	free(paths);
	return err;
}
