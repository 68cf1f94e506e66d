/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bondcfg watch: its state, shared by the command (cmd-watch.c: events)
 * and the view (watch-view.c).
 */
#ifndef BONDCFG_CMD_WATCH_H
#define BONDCFG_CMD_WATCH_H

#include <net/if.h>
#include <stdbool.h>

#include "kernel/linkcache.h"
#include "kernel/linkset.h"
#include "kernel/nl.h"

/* Events kept to show under the view on a terminal. */
#define EVENT_KEEP 10

struct sample {
	char name[IF_NAMESIZE];
	struct linkcache_stats st;
};

struct watch {
	struct nl *nl;
	struct linkcache *lc;
	const char *only; /* the bond watched, or NULL for all */
	struct linkset cur;
	bool dirty; /* a bond or a slave changed since cur was read */
	bool tty;
	double interval;
	struct sample *samples; /* counters at the last snapshot */
	size_t n_samples;
	double sampled_at;
	char events[EVENT_KEEP][200];
	unsigned int n_events;
};

/* Seconds on the monotonic clock. */
double watch_now(void);

/* "2026-11-21T10:15:02.123", local time. */
void watch_stamp(char *buf, size_t size);

/* Whether @l is a bond that @w watches. */
bool watch_watched(const struct watch *w, const struct link *l);

/* Slave @name of @bond in @ls, or NULL. */
const struct link *watch_slave_of(const struct linkset *ls,
				  const struct link *bond, const char *name);

/* Prints snapshot @number: every bond watched and its slaves, with rates. */
void watch_view(struct watch *w, unsigned int number);

/* Takes the counters as the base of the next snapshot's rates. */
void watch_baseline(struct watch *w);

#endif
