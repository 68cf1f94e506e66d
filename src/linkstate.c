// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Lookups over the kernel's links as read by the netlink module.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "linkstate.h"

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
	memset(ls, 0, sizeof(*ls));
}

struct link *linkset_find(const struct linkset *ls, const char *name)
{
	size_t i;

	for (i = 0; i < ls->n; i++)
		if (!strcmp(ls->v[i].name, name))
			return &ls->v[i];
	return NULL;
}

struct link *linkset_find_index(const struct linkset *ls, int ifindex)
{
	size_t i;

	for (i = 0; i < ls->n; i++)
		if (ls->v[i].ifindex == ifindex)
			return &ls->v[i];
	return NULL;
}

void linkset_link_slaves(struct linkset *ls)
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
}
