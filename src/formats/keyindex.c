// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Records sorted by a string they hold (keyindex.h).
 */
#include "config.h"

#include <stdlib.h>

#include "formats/keyindex.h"
#include "model/xalloc.h"

static const char *key_of(const struct keyindex *k, const void *item)
{
	return *(const char *const *)((const char *)item + k->key);
}

/* qsort has no context: the index being sorted */
static const struct keyindex *sorting;

struct entry {
	const void *item;
	size_t order;
};

static int entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = sorting->cmp(key_of(sorting, x->item),
			     key_of(sorting, y->item));

	return c ? c : x->order < y->order ? -1 : x->order > y->order;
}

void keyindex_build(struct keyindex *k, const void *const *items, size_t n,
		    size_t key, int (*cmp)(const char *, const char *))
{
	struct entry *e = xcalloc(n + 1, sizeof(*e));
	size_t i, m = 0;

	k->key = key;
	k->cmp = cmp;
	for (i = 0; i < n; i++)
		if (key_of(k, items[i]))
			e[m++] = (struct entry){ items[i], i };
	sorting = k;
	qsort(e, m, sizeof(*e), entry_cmp);
	k->v = xcalloc(m + 1, sizeof(*k->v));
	for (i = 0; i < m; i++)
		k->v[i] = e[i].item;
	k->n = m;
	free(e);
}

void keyindex_range(const struct keyindex *k, const char *value, size_t *lo,
		    size_t *hi)
{
	size_t a = 0, b = k->n, m;

	while (a < b) {
		m = a + (b - a) / 2;
		if (k->cmp(key_of(k, k->v[m]), value) < 0)
			a = m + 1;
		else
			b = m;
	}
	*lo = a;
	for (b = a; b < k->n && !k->cmp(key_of(k, k->v[b]), value); b++)
		;
	*hi = b;
}

void keyindex_free(struct keyindex *k)
{
	free(k->v);
	k->v = NULL;
	k->n = 0;
}
