// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * How ifcfg files name each other: two files for one device, a bond named
 * by MASTER= or by the UUID= that MASTER_UUID= gives. Each looked up in
 * an index sorted once, not by comparing every file with every other.
 */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "formats/ifcfg-int.h"
#include "model/xalloc.h"

void ifcfg_index_build(struct ifcfg_index *ix, struct ifcfg *files, size_t n)
{
	const void **used = xcalloc(n + 1, sizeof(*used));
	size_t i, m = 0;

	for (i = 0; i < n; i++)
		if (files[i].readable && !files[i].duplicate)
			used[m++] = &files[i];
	keyindex_build(&ix->uuid, used, m, offsetof(struct ifcfg, uuid),
		       strcasecmp);
	keyindex_build(&ix->master, used, m, offsetof(struct ifcfg, master),
		       strcmp);
	keyindex_build(&ix->master_uuid, used, m,
		       offsetof(struct ifcfg, master_uuid), strcasecmp);
	free(used);
}

void ifcfg_index_free(struct ifcfg_index *ix)
{
	keyindex_free(&ix->uuid);
	keyindex_free(&ix->master);
	keyindex_free(&ix->master_uuid);
}

static const struct ifcfg *at(const struct keyindex *k, size_t i)
{
	return k->v[i];
}

const char *ifcfg_master_of(const struct ifcfg_index *ix, struct ifcfg *f,
			    struct diag_loc *where, struct diags *d)
{
	const struct shvar *master = get(f, "MASTER"),
			   *uuid = get(f, "MASTER_UUID");
	const char *by_uuid = NULL;
	size_t lo, hi;

	*where = master ? master->loc : uuid ? uuid->loc : f->device_loc;
	if (uuid) {
		/* the last file with that UUID */
		keyindex_range(&ix->uuid, uuid->value, &lo, &hi);
		if (lo < hi)
			by_uuid = at(&ix->uuid, hi - 1)->device;
		if (!by_uuid && !master)
			diags_add(
				d, DIAG_ERROR, &uuid->loc,
				"MASTER_UUID=%s: no ifcfg file has that UUID; give MASTER=<bond> instead",
				uuid->value);
		if (by_uuid && master && strcmp(by_uuid, master->value))
			diags_add(
				d, DIAG_ERROR, &uuid->loc,
				"MASTER_UUID names %s but MASTER=%s; they must agree",
				by_uuid, master->value);
	}
	return master ? master->value : by_uuid;
}

static int device_cmp(const void *a, const void *b)
{
	const struct ifcfg *x = *(const struct ifcfg *const *)a,
			   *y = *(const struct ifcfg *const *)b;
	int c = strcmp(x->device, y->device);

	return c ? c : x < y ? -1 : x > y;
}

void ifcfg_find_duplicates(struct ifcfg *files, size_t n, struct diags *d)
{
	struct ifcfg **v = xcalloc(n + 1, sizeof(*v));
	const struct ifcfg **first = xcalloc(n + 1, sizeof(*first));
	size_t i, m = 0, k;

	for (i = 0; i < n; i++)
		if (files[i].readable)
			v[m++] = &files[i];
	qsort(v, m, sizeof(*v), device_cmp);
	for (k = 1; k < m; k++)
		if (!strcmp(v[k]->device, v[k - 1]->device)) {
			v[k]->duplicate = true;
			first[v[k] - files] = first[v[k - 1] - files] ?
						      first[v[k - 1] - files] :
						      v[k - 1];
		}
	/* said in file order */
	for (i = 0; i < n; i++) {
		const char *u = files[i].uuid, *w;

		if (!files[i].duplicate)
			continue;
		w = first[i]->uuid;
		diags_add(
			d, DIAG_ERROR, &files[i].device_loc,
			"two files configure %s: %s and this one; this one is ignored (give each device one file, and fix DEVICE=)%s",
			files[i].device, first[i]->path,
			u && w && !strcasecmp(u, w) ?
				"; both files also carry the same UUID" :
				"");
	}
	free(first);
	free(v);
}

const struct ifcfg *ifcfg_named_as_master(const struct ifcfg_index *ix,
					  const struct ifcfg *f)
{
	const struct ifcfg *best = NULL;
	size_t lo, hi;

	keyindex_range(&ix->master, f->device, &lo, &hi);
	for (; lo < hi && !best; lo++)
		if (at(&ix->master, lo) != f)
			best = at(&ix->master, lo);
	if (!f->uuid)
		return best;
	keyindex_range(&ix->master_uuid, f->uuid, &lo, &hi);
	for (; lo < hi; lo++)
		if (at(&ix->master_uuid, lo) != f) {
			if (!best || at(&ix->master_uuid, lo) < best)
				best = at(&ix->master_uuid, lo);
			break;
		}
	return best;
}
