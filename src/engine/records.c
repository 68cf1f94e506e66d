// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What slaves were before they were enslaved, so that down and release
 * give them back as they were; written ahead of the changes.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/records.h"
#include "engine/runlock.h"
#include "model/ifname.h"
#include "model/xalloc.h"

/*
 * Releasing a slave leaves it down. Whether it was up before it was
 * enslaved is kept in <run dir>/slaves, one "BOND SLAVE up|down" line per
 * slave, so that down and release give it back as it was. A line ends in
 * " released" from just before bondcfg releases the slave until it is
 * given back: what a run killed in between left to do.
 */
struct slave_record {
	char bond[IF_NAMESIZE];
	char name[IF_NAMESIZE];
	bool up;
	bool released;
	bool ahead; /* written before this run's enslaving, not done yet */
	bool released_ahead; /* marked released by this run */
	bool forget;
};

/* Larger than any host's records (30 bytes a line); past it, refused. */
#define RECORDS_MAX_SIZE (4 << 20)

static struct {
	struct slave_record *v;
	size_t n, cap;
	bool loaded;
	bool dirty;
} records;

static const char records_name[] = "slaves";

static void add_diag(struct diags *d, enum diag_severity sev, const char *what,
		     int err)
{
	if (d)
		diags_add(
			d, sev, NULL, "%s/%s: %s: %s", runlock_dir(),
			records_name, what,
			err == -EPERM ?
				"not a regular file of root's with one name, in a folder only root may write; ignored" :
			err == -EFBIG ?
				"larger than 4 MiB, so not one bondcfg wrote; ignored" :
				strerror(-err));
}

void records_reset(void)
{
	free(records.v);
	memset(&records, 0, sizeof(records));
}

/* A new record at the end, zeroed. */
static struct slave_record *record_add(void)
{
	if (records.n == records.cap) {
		records.cap = records.cap ? 2 * records.cap : 64;
		records.v = xreallocarray(records.v, records.cap,
					  sizeof(*records.v));
	}
	memset(&records.v[records.n], 0, sizeof(records.v[0]));
	return &records.v[records.n++];
}

static void records_load(struct diags *d)
{
	char *buf, *line, *eol, state[8], mark[16];
	struct slave_record r;
	struct stat st;
	ssize_t len;
	size_t lineno = 0;
	int fd;

	if (records.loaded)
		return;
	records.loaded = true;
	fd = runlock_open(records_name, O_RDONLY, RECORDS_MAX_SIZE);
	if (fd == -ENOENT)
		return;
	if (fd < 0) {
		add_diag(
			d, DIAG_WARNING,
			"cannot read what slaves were before they were enslaved",
			fd);
		/* written again from scratch at the end of the run */
		records.dirty = true;
		return;
	}
	/* the file's size, checked by runlock_open(), not the bound */
	len = fstat(fd, &st) ? 0 : (ssize_t)st.st_size;
	buf = xcalloc((size_t)len + 1, 1);
	len = len ? read(fd, buf, (size_t)len) : 0;
	close(fd);
	/* every line counted, so that a diagnostic names the right one */
	for (line = buf; len > 0 && *line;
	     line = eol ? eol + 1 : line + strlen(line)) {
		eol = strchr(line, '\n');
		if (eol)
			*eol = '\0';
		lineno++;
		if (!*line)
			continue;
		memset(&r, 0, sizeof(r));
		mark[0] = '\0';
		if (sscanf(line, "%15s %15s %7s %15s", r.bond, r.name, state,
			   mark) < 3 ||
		    ifname_check(r.bond) || ifname_check(r.name) ||
		    (strcmp(state, "up") && strcmp(state, "down")) ||
		    (*mark && strcmp(mark, "released"))) {
			if (d)
				diags_add(
					d, DIAG_WARNING, NULL,
					"%s/%s:%zu: not a record of bondcfg; dropped",
					runlock_dir(), records_name, lineno);
			records.dirty = true;
			continue;
		}
		r.up = !strcmp(state, "up");
		r.released = *mark != '\0';
		*record_add() = r;
	}
	free(buf);
}

/* Appends @s at @p; returns the end. */
static char *put(char *p, const char *s)
{
	size_t len = strlen(s);

	memcpy(p, s, len);
	return p + len;
}

int records_flush(struct diags *d)
{
	char *text, *p;
	size_t i;
	int rc;

	if (!records.dirty)
		return 0;
	records.dirty = false;
	if (!records.n) {
		rc = runlock_remove(records_name);
	} else {
		/* rewritten before each bond's changes: no printf per line */
		text = p = xcalloc(records.n, 2 * IF_NAMESIZE + 20);
		for (i = 0; i < records.n; i++) {
			const struct slave_record *r = &records.v[i];

			p = put(p, r->bond);
			*p++ = ' ';
			p = put(p, r->name);
			p = put(p, r->up ? " up" : " down");
			p = put(p, r->released ? " released\n" : "\n");
		}
		rc = runlock_replace(records_name, text, (size_t)(p - text));
		free(text);
	}
	if (rc)
		add_diag(
			d, DIAG_WARNING,
			"cannot write what slaves were before they were enslaved (down leaves them down)",
			rc);
	return rc;
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

int records_before_run(const struct linkset *before, const struct plan *p,
		       struct diags *d)
{
	struct slave_record *r;
	const struct link *dev;
	size_t i;

	for (i = 0; i < p->n; i++) {
		const struct step *st = &p->v[i];

		if (st->kind == STEP_RELEASE) {
			records_load(d);
			r = record_find(st->from, st->dev);
			if (r && !r->released) {
				r->released = r->released_ahead = true;
				records.dirty = true;
			}
			continue;
		}
		if (st->kind != STEP_ENSLAVE)
			continue;
		dev = linkset_find(before, st->dev);
		/*
		 * A slave released and enslaved again by the same run (an
		 * option that needs a bond without slaves) keeps what it
		 * was before it first joined the bond; so does one whose
		 * record a killed run left.
		 */
		if (!dev || (dev->master && same_master(before, dev, st->bond)))
			continue;
		records_load(d);
		if (record_find(st->bond, st->dev))
			continue;
		r = record_add();
		str_copy(r->bond, sizeof(r->bond), st->bond);
		str_copy(r->name, sizeof(r->name), st->dev);
		r->up = dev->flags & IFF_UP;
		r->ahead = true;
		records.dirty = true;
	}
	return records_flush(d);
}

/*
 * Adds the step that brings up @r's slave, named in @ls, if it was up
 * before it was enslaved and is now down and free: released by this
 * plan, or by a run killed before it gave it back.
 */
bool records_plan_give_back(struct plan *p, const struct bond_conf *want,
			    const struct linkset *ls, struct diags *d)
{
	const struct slave_record *r;
	const struct link *dev;
	size_t i, n = p->n;
	char name[IF_NAMESIZE];
	bool any = false;

	records_load(d);
	for (i = 0; i < n; i++) {
		if (p->v[i].kind != STEP_RELEASE)
			continue;
		r = record_find(p->v[i].from, p->v[i].dev);
		if (!r || !r->up)
			continue;
		/* the step's name is copied: adding a step moves the steps */
		snprintf(name, sizeof(name), "%s", p->v[i].dev);
		plan_slave_up(p, want, name);
	}
	for (i = 0; i < records.n; i++) {
		r = &records.v[i];
		if (strcmp(r->bond, want->name))
			continue;
		any = true;
		dev = linkset_find(ls, r->name);
		if (dev && !dev->master && r->released && r->up &&
		    !(dev->flags & IFF_UP))
			plan_slave_up(p, want, r->name);
		else if (!dev || !dev->master)
			records.v[i].forget = true;
	}
	return any;
}

/* After a run that gave slaves back: forgets what they were. */
static void records_forget(const struct plan *p)
{
	size_t i, k, kept = 0;
	bool given;

	for (i = 0; i < records.n; i++) {
		const struct slave_record *r = &records.v[i];

		for (k = 0, given = r->forget; !given && k < p->n; k++)
			given = (p->v[k].kind == STEP_RELEASE ||
				 p->v[k].kind == STEP_SLAVE_UP) &&
				!strcmp(p->v[k].bond, r->bond) &&
				!strcmp(p->v[k].dev, r->name);
		if (given)
			records.dirty = true;
		else
			records.v[kept++] = *r;
	}
	records.n = kept;
}

/* Whether @p enslaves @r's slave to its bond. */
static bool enslaves(const struct plan *p, const struct slave_record *r)
{
	size_t k;

	for (k = 0; k < p->n; k++)
		if (p->v[k].kind == STEP_ENSLAVE &&
		    !strcmp(p->v[k].bond, r->bond) &&
		    !strcmp(p->v[k].dev, r->name))
			return true;
	return false;
}

void records_after_run(const struct plan *p, bool gave_back, bool ok)
{
	size_t i, kept = 0;

	for (i = 0; i < records.n; i++) {
		struct slave_record *r = &records.v[i];
		bool mine = r->ahead && enslaves(p, r);

		if (mine && !ok) {
			/* rolled back: the slave is free as it was */
			records.dirty = true;
			continue;
		}
		if (mine)
			r->ahead = false;
		/* rolled back, or enslaved again by the same run: not released */
		if (r->released_ahead && (!ok || enslaves(p, r))) {
			r->released = false;
			records.dirty = true;
		}
		r->released_ahead = false;
		records.v[kept++] = *r;
	}
	records.n = kept;
	if (gave_back && ok)
		records_forget(p);
}
