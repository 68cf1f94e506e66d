// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * An option by its name or an alias of it, through a hash of the names
 * built at the first lookup, and by its netlink attribute, through a table
 * by number: no comparison with every row of the table.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "model/bondopt.h"

/* A power of two, more than twice the names and aliases of the table. */
#define SLOTS 128

static struct {
	const char *name;
	size_t len;
	const struct bondopt *opt;
} slots[SLOTS];
static bool built;

/* FNV-1a over @len bytes of @s. */
static uint32_t hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void add(const char *name, const struct bondopt *opt)
{
	size_t len = strlen(name);
	uint32_t i = hash(name, len) & (SLOTS - 1);

	while (slots[i].name) {
		if (slots[i].len == len && !memcmp(slots[i].name, name, len))
			return; /* the first row that has it, as a scan finds */
		i = (i + 1) & (SLOTS - 1);
	}
	slots[i].name = name;
	slots[i].len = len;
	slots[i].opt = opt;
}

static void build(void)
{
	const char *const *alias;
	size_t i;

	for (i = 0; i < BONDOPT_COUNT; i++) {
		add(bondopt_table[i].name, &bondopt_table[i]);
		for (alias = bondopt_table[i].aliases; alias && *alias; alias++)
			add(*alias, &bondopt_table[i]);
	}
	built = true;
}

const struct bondopt *bondopt_find(const char *name, size_t len)
{
	uint32_t i;

	if (!built)
		build();
	for (i = hash(name, len) & (SLOTS - 1); slots[i].name;
	     i = (i + 1) & (SLOTS - 1))
		if (slots[i].len == len && !memcmp(slots[i].name, name, len))
			return slots[i].opt;
	return NULL;
}

/* Attribute numbers below this are looked up in a table, others by a scan. */
#define NLA_SLOTS 128

static const struct bondopt *scan_nla(uint16_t type, bool slave)
{
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		const struct bondopt *opt = bondopt_get(id);

		if (opt->nla_type != BONDOPT_NLA_NONE && opt->nla == type &&
		    !!(opt->flags & BONDOPT_F_SLAVE) == slave)
			return opt;
	}
	return NULL;
}

const struct bondopt *bondopt_by_nla(uint16_t type, bool slave)
{
	static const struct bondopt *by_nla[2][NLA_SLOTS];
	static bool nla_built;
	int id;

	if (type >= NLA_SLOTS)
		return scan_nla(type, slave);
	if (!nla_built) {
		/* the last row first: the first row with a number keeps it */
		for (id = BONDOPT_COUNT - 1; id >= 0; id--) {
			const struct bondopt *opt = bondopt_get(id);

			if (opt->nla_type != BONDOPT_NLA_NONE &&
			    opt->nla < NLA_SLOTS)
				by_nla[!!(opt->flags & BONDOPT_F_SLAVE)]
				      [opt->nla] = opt;
		}
		nla_built = true;
	}
	return by_nla[slave][type];
}
