// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What slaves were before they were enslaved, so that down and release
 * give them back as they were.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "engine/records.h"
#include "engine/runlock.h"
#include "model/ifname.h"

/* --- what slaves were before they were enslaved -------------------------- */

/*
 * Releasing a slave leaves it down. Whether it was up before it was
 * enslaved is kept in <run dir>/slaves, one "BOND SLAVE up|down" line per
 * slave, so that down and release give it back as it was. The file is read
 * once and written once per run.
 */
struct slave_record {
	char bond[IF_NAMESIZE];
	char name[IF_NAMESIZE];
	bool up;
};

#define MAX_RECORDS 4096

static struct {
	struct slave_record v[MAX_RECORDS];
	size_t n;
	bool loaded;
	bool dirty;
} records;

static void record_path(char *buf, size_t size)
{
	snprintf(buf, size, "%s/slaves", runlock_dir());
}

static void records_load(void)
{
	char path[4096], line[80], state[8];
	struct slave_record *r;
	FILE *f;

	if (records.loaded)
		return;
	records.loaded = true;
	record_path(path, sizeof(path));
	f = fopen(path, "re");
	if (!f)
		return;
	while (records.n < MAX_RECORDS && fgets(line, sizeof(line), f)) {
		r = &records.v[records.n];
		if (sscanf(line, "%15s %15s %7s", r->bond, r->name, state) ==
			    3 &&
		    !ifname_check(r->bond) && !ifname_check(r->name)) {
			r->up = !strcmp(state, "up");
			records.n++;
		}
	}
	fclose(f);
}

/* Writes the records back, if a run changed them (under the run lock). */
void records_flush(void)
{
	char path[4096], tmp[4200];
	size_t i;
	FILE *f;

	if (!records.dirty)
		return;
	records.dirty = false;
	record_path(path, sizeof(path));
	if (!records.n) {
		unlink(path);
		return;
	}
	snprintf(tmp, sizeof(tmp), "%s.new", path);
	f = fopen(tmp, "we");
	if (!f)
		return;
	for (i = 0; i < records.n; i++)
		fprintf(f, "%s %s %s\n", records.v[i].bond, records.v[i].name,
			records.v[i].up ? "up" : "down");
	if (fclose(f) || rename(tmp, path))
		unlink(tmp);
}

static struct slave_record *record_find(const char *bond, const char *name)
{
	size_t i;

	for (i = 0; i < records.n; i++)
		if (!strcmp(records.v[i].bond, bond) &&
		    !strcmp(records.v[i].name, name))
			return &records.v[i];
	return NULL;
}

/* Whether @dev's master in @ls is the bond called @bond. */
static bool same_master(const struct linkset *ls, const struct link *dev,
			const char *bond)
{
	const struct link *m = linkset_find_index(ls, dev->master);

	return m && !strcmp(m->name, bond);
}

/* After a run: remembers the state the slaves of @p had before it. */
static void record_enslaved(const struct linkset *before, const struct plan *p)
{
	struct slave_record *r;
	const struct link *dev;
	size_t i;

	for (i = 0; i < p->n; i++) {
		const struct step *st = &p->v[i];

		if (st->kind != STEP_ENSLAVE)
			continue;
		dev = linkset_find(before, st->dev);
		if (!dev)
			continue;
		records_load();
		r = record_find(st->bond, st->dev);
		/*
		 * A slave released and enslaved again by the same run (an
		 * option that needs a bond without slaves) keeps what it was
		 * before it first joined the bond.
		 */
		if (dev->master && same_master(before, dev, st->bond))
			continue;
		if (!r && records.n < MAX_RECORDS) {
			r = &records.v[records.n++];
			snprintf(r->bond, sizeof(r->bond), "%s", st->bond);
			snprintf(r->name, sizeof(r->name), "%s", st->dev);
		}
		if (r) {
			r->up = dev->flags & IFF_UP;
			records.dirty = true;
		}
	}
}

void records_plan_give_back(struct plan *p, const struct bond_conf *want)
{
	const struct slave_record *r;
	size_t i, n = p->n;
	char dev[IF_NAMESIZE];

	records_load();
	for (i = 0; i < n; i++) {
		if (p->v[i].kind != STEP_RELEASE)
			continue;
		r = record_find(p->v[i].from, p->v[i].dev);
		if (!r || !r->up)
			continue;
		/* the step's name is copied: adding a step moves the steps */
		snprintf(dev, sizeof(dev), "%s", p->v[i].dev);
		plan_slave_up(p, want, dev);
	}
}

/* After a run that gave slaves back: forgets what they were. */
static void records_forget(const struct plan *p)
{
	size_t i, k, kept = 0;
	bool released;

	records_load();
	for (i = 0; i < records.n; i++) {
		const struct slave_record *r = &records.v[i];

		for (k = 0, released = false; !released && k < p->n; k++)
			released = p->v[k].kind == STEP_RELEASE &&
				   !strcmp(p->v[k].from, r->bond) &&
				   !strcmp(p->v[k].dev, r->name);
		if (released)
			records.dirty = true;
		else
			records.v[kept++] = *r;
	}
	records.n = kept;
}

void records_after_run(const struct linkset *before, const struct plan *p,
		       bool gave_back)
{
	record_enslaved(before, p);
	if (gave_back)
		records_forget(p);
}
