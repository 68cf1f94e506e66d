// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * An option by its name or an alias of it, through a hash of the names
 * built at the first lookup: no comparison with every name of the table.
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
