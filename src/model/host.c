// SPDX-License-Identifier: GPL-2.0-or-later
/* The host's bonds: the readers' declarations merged, one state per bond. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/host.h"
#include "model/xalloc.h"

static const char *const format_names[HOST_N_FORMATS] = {
	[HOST_IFCFG] = "ifcfg",
	[HOST_INTERFACES] = "interfaces",
	[HOST_CONFD] = "conf.d/net",
	[HOST_MODPROBE] = "modprobe.d",
};

const char *host_format_name(enum host_format f)
{
	return format_names[f];
}

void host_conf_init(struct host_conf *h, const char *root)
{
	size_t len;

	memset(h, 0, sizeof(*h));
	h->root = xstrdup(root ? root : "");
	len = strlen(h->root);
	while (len && h->root[len - 1] == '/')
		h->root[--len] = '\0';
	bond_conf_init(&h->module, "bonding");
}

static void bond_free(struct host_bond *b)
{
	size_t i;

	bond_conf_free(&b->conf);
	free(b->hwaddr);
	for (i = 0; i < b->n_addresses; i++)
		free(b->addresses[i]);
	free(b->addresses);
	host_ip_free(&b->ip);
	free(b);
}

void host_conf_free(struct host_conf *h)
{
	size_t i;

	for (i = 0; i < h->n_decls; i++)
		bond_free(h->decls[i]);
	free(h->decls);
	for (i = 0; i < h->n_claims; i++)
		free(h->claims[i]);
	free(h->claims);
	free(h->uplines);
	for (i = 0; i < h->n_bonds; i++)
		bond_free(h->bonds[i]);
	free(h->bonds);
	free(h->by_name);
	for (i = 0; i < h->n_strings; i++)
		free(h->strings[i]);
	free(h->strings);
	bond_conf_free(&h->module);
	free(h->root);
	memset(h, 0, sizeof(*h));
}

const char *host_conf_keep(struct host_conf *h, char *s)
{
	h->strings =
		xreallocarray(h->strings, h->n_strings + 1, sizeof(char *));
	h->strings[h->n_strings++] = s;
	return s;
}

const char *host_conf_path(struct host_conf *h, const char *path)
{
	return host_conf_keep(h, xasprintf("%s%s", h->root, path));
}

static struct host_bond *bond_new(const char *name, const struct diag_loc *loc)
{
	struct host_bond *b = xcalloc(1, sizeof(*b));

	bond_conf_init(&b->conf, name);
	b->loc = loc ? *loc : (struct diag_loc){ 0 };
	return b;
}

struct host_bond *host_conf_declare(struct host_conf *h, enum host_format f,
				    const char *name,
				    const struct diag_loc *loc)
{
	struct host_bond *b = bond_new(name, loc);

	b->formats = HOST_FORMAT_BIT(f);
	h->decls = xreallocarray(h->decls, h->n_decls + 1, sizeof(b));
	h->decls[h->n_decls++] = b;
	return b;
}

struct host_claim *host_conf_claim(struct host_conf *h, enum host_format f,
				   const char *slave, const char *master,
				   const struct diag_loc *loc)
{
	struct host_claim *c = xcalloc(1, sizeof(*c));

	c->format = f;
	str_copy(c->slave.name, sizeof(c->slave.name), slave);
	str_copy(c->master, sizeof(c->master), master);
	c->loc = loc ? *loc : (struct diag_loc){ 0 };
	h->claims = xreallocarray(h->claims, h->n_claims + 1, sizeof(c));
	h->claims[h->n_claims++] = c;
	return c;
}

void host_bond_add_address(struct host_bond *b, const char *addr)
{
	host_addresses_add(&b->addresses, &b->n_addresses, addr);
}

void host_bond_add_slave(struct host_bond *b, const char *name,
			 const struct diag_loc *loc, struct diags *d)
{
	const struct bond_slave_conf *s = bond_conf_find_slave(&b->conf, name);

	if (s && s->member) {
		diags_add(d, DIAG_WARNING, loc,
			  "%s is listed twice as a slave of %s; once is enough",
			  name, b->conf.name);
		return;
	}
	bond_conf_add_member(&b->conf, name, loc);
}

/* FNV-1a of an interface name. */
static size_t name_hash(const char *name)
{
	uint32_t x = 2166136261u;

	while (*name)
		x = (x ^ (unsigned char)*name++) * 16777619u;
	return x;
}

struct host_bond *host_conf_find(const struct host_conf *h, const char *name)
{
	size_t i, mask = h->by_name_cap - 1;

	if (!h->by_name_cap)
		return NULL;
	for (i = name_hash(name) & mask; h->by_name[i]; i = (i + 1) & mask)
		if (!strcmp(h->by_name[i]->conf.name, name))
			return h->by_name[i];
	return NULL;
}

static void by_name_put(struct host_conf *h, struct host_bond *b)
{
	size_t i, mask = h->by_name_cap - 1;

	for (i = name_hash(b->conf.name) & mask; h->by_name[i];
	     i = (i + 1) & mask)
		;
	h->by_name[i] = b;
}

/* Adds @b to @h's bonds, and to the index by name. */
static void add_bond(struct host_conf *h, struct host_bond *b)
{
	size_t i;

	h->bonds = xreallocarray(h->bonds, h->n_bonds + 1, sizeof(b));
	h->bonds[h->n_bonds++] = b;
	if (2 * h->n_bonds < h->by_name_cap) {
		by_name_put(h, b);
		return;
	}
	free(h->by_name);
	h->by_name_cap = h->by_name_cap ? 2 * h->by_name_cap : 64;
	h->by_name = xcalloc(h->by_name_cap, sizeof(*h->by_name));
	for (i = 0; i < h->n_bonds; i++)
		by_name_put(h, h->bonds[i]);
}

static enum host_format first_format(unsigned int formats)
{
	enum host_format f;

	for (f = 0; f < HOST_N_FORMATS; f++)
		if (formats & HOST_FORMAT_BIT(f))
			return f;
	return HOST_N_FORMATS;
}

static void option_conflict(struct host_bond *b, const struct host_bond *lower,
			    enum bondopt_id id, struct diags *d)
{
	enum host_format winner = first_format(b->formats);
	enum host_format loser = first_format(lower->formats);
	char have[1024], other[1024], at[512];
	const char *name = bondopt_get(id)->name;

	bond_conf_format_value(&b->conf, id, have, sizeof(have));
	bond_conf_format_value(&lower->conf, id, other, sizeof(other));
	diag_loc_format(&b->conf.where[id], at, sizeof(at));
	if (winner == loser)
		diags_add(
			d, DIAG_WARNING, &lower->conf.where[id],
			"%s: %s=%s here is overridden by %s=%s from %s, read first; give %s once",
			b->conf.name, name, other, name, have, at, name);
	else if (loser == HOST_MODPROBE)
		diags_add(
			d, DIAG_WARNING, &lower->conf.where[id],
			"%s: %s=%s here is overridden by %s=%s from %s: %s options apply to the bond itself, while modprobe.d options only reach the driver when the module is loaded under that name; keep %s in one place",
			b->conf.name, name, other, name, have, at,
			host_format_name(winner), name);
	else
		diags_add(
			d, DIAG_WARNING, &lower->conf.where[id],
			"%s: %s=%s here is overridden by %s=%s from %s: %s is read before %s; configure a bond in one format only",
			b->conf.name, name, other, name, have, at,
			host_format_name(winner), host_format_name(loser));
}

/* The per-slave options of @src that @dst does not set yet. */
static void fill_slave_options(struct bond_slave_conf *dst,
			       const struct bond_slave_conf *src)
{
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++)
		if ((src->present & BONDOPT_BIT(id)) &&
		    !(dst->present & BONDOPT_BIT(id))) {
			dst->present |= BONDOPT_BIT(id);
			dst->num[id] = src->num[id];
			dst->where[id] = src->where[id];
		}
}

/* Adds what @decl says to @b, where @b says nothing yet. */
static void merge_decl(struct host_bond *b, const struct host_bond *decl,
		       struct diags *d)
{
	char have[1024], other[1024];
	size_t i;
	int id;

	b->conf.refused |= decl->conf.refused;
	for (id = 0; id < BONDOPT_COUNT; id++) {
		if (!bond_conf_has(&decl->conf, id))
			continue;
		if (!bond_conf_has(&b->conf, id)) {
			bond_conf_copy_option(&b->conf, &decl->conf, id);
			continue;
		}
		bond_conf_format_value(&b->conf, id, have, sizeof(have));
		bond_conf_format_value(&decl->conf, id, other, sizeof(other));
		if (strcmp(have, other))
			option_conflict(b, decl, id, d);
	}
	for (i = 0; i < decl->conf.n_slaves; i++) {
		const struct bond_slave_conf *s = &decl->conf.slaves[i];

		if (s->member && !bond_conf_find_slave(&b->conf, s->name))
			bond_conf_add_member(&b->conf, s->name, &s->listed);
		fill_slave_options(bond_conf_slave(&b->conf, s->name), s);
	}
	if (decl->list_given && !b->list_given) {
		b->list_given = true;
		b->list_loc = decl->list_loc;
	}
	b->onboot |= decl->onboot;
	if (decl->has_mtu && !b->has_mtu) {
		b->has_mtu = true;
		b->mtu = decl->mtu;
		b->mtu_loc = decl->mtu_loc;
	}
	if (decl->hwaddr && !b->hwaddr)
		b->hwaddr = xstrdup(decl->hwaddr);
	/* another format's stand in for none; the same format's add to them */
	if (!b->n_addresses || (b->formats & decl->formats))
		for (i = 0; i < decl->n_addresses; i++)
			host_bond_add_address(b, decl->addresses[i]);
	host_ip_merge(&b->ip, &decl->ip);
	b->formats |= decl->formats;
}

static struct host_bond *merged_bond(struct host_conf *h, const char *name,
				     const struct diag_loc *loc)
{
	struct host_bond *b = host_conf_find(h, name);

	if (!b)
		add_bond(h, b = bond_new(name, loc));
	return b;
}

/* A slave naming its bond: enslaved, with its own options. */
static void merge_claim(struct host_conf *h, const struct host_claim *c,
			struct diags *d)
{
	struct host_bond *b = host_conf_find(h, c->master);
	const struct bond_slave_conf *sl;
	char at[512];

	if (!b) {
		diags_add(
			d, DIAG_WARNING, &c->loc,
			"%s names %s as its bond, but no configuration declares %s; it is created with the driver's defaults (declare it to give it options)",
			c->slave.name, c->master, c->master);
		b = merged_bond(h, c->master, &c->loc);
	}
	/* undeclared: the scripts make it when a slave comes up at boot */
	b->onboot |= !b->formats && c->onboot;
	sl = bond_conf_find_slave(&b->conf, c->slave.name);
	if (!sl || !sl->member) {
		/* README.Debian's own pattern: a list and a hotplug slave */
		if (b->list_given && b->n_listed &&
		    c->format != HOST_INTERFACES) {
			diag_loc_format(&b->list_loc, at, sizeof(at));
			diags_add(
				d, DIAG_WARNING, &c->loc,
				"%s names %s as its bond, but the slave list of %s (%s) leaves it out; it is enslaved too (add it to the list)",
				c->slave.name, c->master, c->master, at);
		}
		bond_conf_add_member(&b->conf, c->slave.name, &c->loc);
	}
	fill_slave_options(bond_conf_slave(&b->conf, c->slave.name), &c->slave);
}

static void remove_slave(struct bond_conf *c, size_t i)
{
	memmove(&c->slaves[i], &c->slaves[i + 1],
		(c->n_slaves - i - 1) * sizeof(c->slaves[0]));
	c->n_slaves--;
}

/* A slave as a bond lists it. */
struct listing {
	const char *name;
	size_t bond, slave; /* indexes in h->bonds and the bond's slaves */
	bool drop;
};

static int by_listing(const void *a, const void *b)
{
	const struct listing *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	if (c)
		return c;
	if (x->bond != y->bond)
		return x->bond < y->bond ? -1 : 1;
	return x->slave < y->slave ? -1 : x->slave > y->slave;
}

/* The drops in the order they can be made: by bond, the last slave first. */
static int by_removal(const void *a, const void *b)
{
	const struct listing *x = a, *y = b;

	if (x->bond != y->bond)
		return x->bond < y->bond ? -1 : 1;
	return x->slave > y->slave ? -1 : x->slave < y->slave;
}

struct named {
	const char *name;
	size_t i;
};

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct named *)a)->name,
		      ((const struct named *)b)->name);
}

static struct bond_slave_conf *listed(const struct host_conf *h,
				      const struct listing *l)
{
	return &h->bonds[l->bond]->conf.slaves[l->slave];
}

/*
 * A bond that is a slave of itself, through other bonds or not: the
 * kernel refuses it. The listing that closes each loop is dropped.
 */
static void check_loops(struct host_conf *h, struct listing *v, size_t *master,
			struct diags *d)
{
	unsigned char *state = xcalloc(h->n_bonds + 1, 1);
	size_t *path = xcalloc(h->n_bonds + 1, sizeof(*path));
	size_t i, x, n, k;

	for (i = 0; i < h->n_bonds; i++) {
		/* 1: on the walk from bond i to its masters; 2: walked */
		for (n = 0, x = i; !state[x]; x = v[master[x]].bond) {
			state[x] = 1;
			path[n++] = x;
			if (master[x] == SIZE_MAX)
				break;
		}
		if (state[x] == 1 && master[x] != SIZE_MAX) {
			struct listing *l = &v[master[x]];

			diags_add(
				d, DIAG_ERROR, &listed(h, l)->listed,
				"%s enslaves %s, which is a master of %s itself (directly or through other bonds): the kernel refuses such a loop; %s is left out of %s's slaves",
				h->bonds[l->bond]->conf.name, l->name,
				h->bonds[l->bond]->conf.name, l->name,
				h->bonds[l->bond]->conf.name);
			l->drop = true;
			master[x] = SIZE_MAX;
		}
		for (k = 0; k < n; k++)
			state[path[k]] = 2;
	}
	free(path);
	free(state);
}

/*
 * A device is the slave of one bond at most, no bond is its own slave,
 * and bonds of bonds are warned. Sorted once: linear in the slaves but
 * for the sorting.
 */
static void check_slaves(struct host_conf *h, struct diags *d)
{
	struct listing *v;
	struct named *bonds, key, *found;
	size_t *master, n = 0, i, k, first = 0;
	char at[512];

	for (i = 0; i < h->n_bonds; i++)
		n += h->bonds[i]->conf.n_slaves;
	v = xcalloc(n + 1, sizeof(*v));
	n = 0;
	for (i = 0; i < h->n_bonds; i++) {
		struct bond_conf *c = &h->bonds[i]->conf;

		for (k = 0; k < c->n_slaves; k++) {
			if (!c->slaves[k].member)
				continue;
			v[n] = (struct listing){ c->slaves[k].name, i, k,
						 false };
			if (!strcmp(c->slaves[k].name, c->name)) {
				diags_add(d, DIAG_ERROR, &c->slaves[k].listed,
					  "%s lists itself as its own slave",
					  c->name);
				v[n].drop = true;
			}
			n++;
		}
	}
	qsort(v, n, sizeof(*v), by_listing);
	for (k = 0; k < n; k++) {
		if (v[k].drop)
			continue;
		if (k == first || strcmp(v[k].name, v[first].name) ||
		    v[first].drop) {
			first = k;
			continue;
		}
		diag_loc_format(&listed(h, &v[first])->listed, at, sizeof(at));
		diags_add(
			d, DIAG_ERROR, &listed(h, &v[k])->listed,
			"%s is claimed by two bonds: %s here and %s at %s; a device can be the slave of one bond only",
			v[k].name, h->bonds[v[k].bond]->conf.name,
			h->bonds[v[first].bond]->conf.name, at);
		v[k].drop = true;
	}
	bonds = xcalloc(h->n_bonds + 1, sizeof(*bonds));
	master = xcalloc(h->n_bonds + 1, sizeof(*master));
	for (i = 0; i < h->n_bonds; i++) {
		bonds[i] = (struct named){ h->bonds[i]->conf.name, i };
		master[i] = SIZE_MAX;
	}
	qsort(bonds, h->n_bonds, sizeof(*bonds), by_name);
	for (k = 0; k < n; k++) {
		if (v[k].drop)
			continue;
		key.name = v[k].name;
		found = bsearch(&key, bonds, h->n_bonds, sizeof(*bonds),
				by_name);
		if (!found)
			continue;
		diags_add(
			d, DIAG_WARNING, &listed(h, &v[k])->listed,
			"%s enslaves %s, which is itself a bond; bonds of bonds are rarely what is meant",
			h->bonds[v[k].bond]->conf.name, v[k].name);
		master[found->i] = k;
	}
	check_loops(h, v, master, d);
	qsort(v, n, sizeof(*v), by_removal);
	for (k = 0; k < n; k++)
		if (v[k].drop)
			remove_slave(&h->bonds[v[k].bond]->conf, v[k].slave);
	free(master);
	free(bonds);
	free(v);
}

int host_conf_merge(struct host_conf *h, struct diags *d)
{
	unsigned int errors = d->errors;
	enum host_format f;
	size_t i;
	int id;

	for (f = 0; f < HOST_N_FORMATS; f++)
		for (i = 0; i < h->n_decls; i++)
			if (h->decls[i]->formats & HOST_FORMAT_BIT(f))
				merge_decl(merged_bond(h,
						       h->decls[i]->conf.name,
						       &h->decls[i]->loc),
					   h->decls[i], d);
	for (i = 0; i < h->n_bonds; i++)
		h->bonds[i]->n_listed = h->bonds[i]->conf.n_slaves;
	for (i = 0; i < h->n_claims; i++)
		merge_claim(h, h->claims[i], d);
	check_slaves(h, d);
	for (i = 0; i < h->n_bonds; i++) {
		struct bond_conf *c = &h->bonds[i]->conf;

		/* the driver's parameters are every new bond's defaults */
		for (id = 0; id < BONDOPT_COUNT; id++)
			if (bond_conf_has(&h->module, id) &&
			    !bond_conf_has(c, id) &&
			    !(bondopt_get(id)->flags & BONDOPT_F_MODONLY))
				bond_conf_copy_option(c, &h->module, id);
		bond_conf_validate(c, NULL, d);
	}
	return d->errors > errors ? -EINVAL : 0;
}

static bool same_source(const struct diag_loc *loc, const char *source)
{
	return loc->source && !strcmp(loc->source, source);
}

static bool conf_uses(const struct bond_conf *c, const char *source)
{
	size_t i;
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++)
		if (same_source(&c->where[id], source))
			return true;
	for (i = 0; i < c->n_slaves; i++) {
		if (same_source(&c->slaves[i].listed, source))
			return true;
		for (id = 0; id < BONDOPT_COUNT; id++)
			if (same_source(&c->slaves[i].where[id], source))
				return true;
	}
	return false;
}

bool host_bond_uses(const struct host_conf *h, const char *bond,
		    const char *source)
{
	size_t i;

	for (i = 0; i < h->n_decls; i++) {
		const struct host_bond *b = h->decls[i];

		if (strcmp(b->conf.name, bond))
			continue;
		if (same_source(&b->loc, source) ||
		    same_source(&b->list_loc, source) ||
		    same_source(&b->mtu_loc, source) ||
		    conf_uses(&b->conf, source))
			return true;
	}
	for (i = 0; i < h->n_claims; i++) {
		const struct host_claim *c = h->claims[i];

		if (!strcmp(c->master, bond) && same_source(&c->loc, source))
			return true;
	}
	for (i = 0; i < h->n_bonds; i++)
		if (!strcmp(h->bonds[i]->conf.name, bond))
			return same_source(&h->bonds[i]->loc, source) ||
			       conf_uses(&h->bonds[i]->conf, source);
	return false;
}
