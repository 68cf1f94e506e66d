// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Lookups over the kernel's links as read by the netlink module.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kernel/linkset.h"
#include "model/xalloc.h"

void linkset_free(struct linkset *ls)
{
	size_t i;

	for (i = 0; i < ls->n; i++) {
		if (ls->v[i].bond) {
			bond_conf_free(ls->v[i].bond);
			free(ls->v[i].bond);
		}
	}
	free(ls->v);
	free(ls->by_name);
	free(ls->by_ifindex);
	memset(ls, 0, sizeof(*ls));
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp((*(struct link *const *)a)->name,
		      (*(struct link *const *)b)->name);
}

static int cmp_ifindex(const void *a, const void *b)
{
	int x = (*(struct link *const *)a)->ifindex,
	    y = (*(struct link *const *)b)->ifindex;

	return (x > y) - (x < y);
}

void linkset_index(struct linkset *ls)
{
	size_t i;

	free(ls->by_name);
	free(ls->by_ifindex);
	ls->by_name = ls->by_ifindex = NULL;
	if (!ls->n)
		return;
	ls->by_name = xcalloc(ls->n, sizeof(*ls->by_name));
	ls->by_ifindex = xcalloc(ls->n, sizeof(*ls->by_ifindex));
	for (i = 0; i < ls->n; i++)
		ls->by_name[i] = ls->by_ifindex[i] = &ls->v[i];
	qsort(ls->by_name, ls->n, sizeof(*ls->by_name), cmp_name);
	qsort(ls->by_ifindex, ls->n, sizeof(*ls->by_ifindex), cmp_ifindex);
}

struct link *linkset_find(const struct linkset *ls, const char *name)
{
	size_t i, lo = 0, hi = ls->n;
	int c;

	if (ls->by_name) {
		/* a binary search by the name itself: no key to build */
		while (lo < hi) {
			i = lo + (hi - lo) / 2;
			c = strcmp(name, ls->by_name[i]->name);
			if (!c)
				return ls->by_name[i];
			if (c < 0)
				hi = i;
			else
				lo = i + 1;
		}
		return NULL;
	}
	for (i = 0; i < ls->n; i++)
		if (!strcmp(ls->v[i].name, name))
			return &ls->v[i];
	return NULL;
}

struct link *linkset_find_index(const struct linkset *ls, int ifindex)
{
	struct link key, *kp = &key, **found;
	size_t i;

	if (ls->by_ifindex) {
		key.ifindex = ifindex;
		found = bsearch(&kp, ls->by_ifindex, ls->n,
				sizeof(*ls->by_ifindex), cmp_ifindex);
		return found ? *found : NULL;
	}
	for (i = 0; i < ls->n; i++)
		if (ls->v[i].ifindex == ifindex)
			return &ls->v[i];
	return NULL;
}

void linkset_finish(struct linkset *ls)
{
	struct bond_slave_conf *s;
	struct link *master;
	size_t i;

	for (i = 0; i < ls->n; i++) {
		if (!ls->v[i].is_bond_slave)
			continue;
		master = linkset_find_index(ls, ls->v[i].master);
		if (!master || !master->bond)
			continue;
		s = bond_conf_add_member(master->bond, ls->v[i].name, NULL);
		s->present = ls->v[i].slave_opts.present;
		memcpy(s->num, ls->v[i].slave_opts.num, sizeof(s->num));
	}
	for (i = 0; i < ls->n; i++)
		ls->reported |= (ls->v[i].bond ? ls->v[i].bond->present : 0) |
				ls->v[i].slave_opts.present;
}
