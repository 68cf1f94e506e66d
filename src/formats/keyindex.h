/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Records sorted by a string they hold, for lookups in O(log n) where a
 * reader compares every file with every other (MASTER=, UUID=).
 */
#ifndef BONDCFG_FORMATS_KEYINDEX_H
#define BONDCFG_FORMATS_KEYINDEX_H

#include <stddef.h>

struct keyindex {
	const void **v; /* the records, by key, then in the order given */
	size_t n;
	size_t key; /* offsetof() the record's "const char *" key */
	int (*cmp)(const char *, const char *);
};

/*
 * Indexes the @n records @items by the string pointer at offset @key in
 * each (records whose key is NULL are left out), compared with @cmp
 * (strcmp, strcasecmp). Records with one key keep their order in @items.
 */
void keyindex_build(struct keyindex *k, const void *const *items, size_t n,
		    size_t key, int (*cmp)(const char *, const char *));

/* The range [*lo, *hi) of @k->v whose key is @value. */
void keyindex_range(const struct keyindex *k, const char *value, size_t *lo,
		    size_t *hi);

void keyindex_free(struct keyindex *k);

#endif
