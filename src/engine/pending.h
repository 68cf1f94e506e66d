/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A change waiting to be confirmed (--confirm): the state every link it
 * touches had before it, kept in <run dir>/pending until it is confirmed
 * or reverted; who reverts it (the watchdog's pid) and when. One at a
 * time. The file is text, a line a fact, written whole by
 * runlock_replace(); the run folder is on /run, so nothing of it
 * survives a reboot.
 */
#ifndef BONDCFG_ENGINE_PENDING_H
#define BONDCFG_ENGINE_PENDING_H

#include <net/if.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "engine/plan.h"
#include "kernel/linkset.h"
#include "model/diag.h"

/* What one link was before the change. */
struct saved_link {
	char name[IF_NAMESIZE];
	bool present; /* the link existed */
	bool up; /* IFF_UP */
	unsigned int mtu;
	char master[IF_NAMESIZE]; /* the bond it was a slave of, or "" */
	/* a bond's options as the kernel reported them, its slaves in order */
	struct bond_conf *bond;
};

enum pending_state {
	PENDING_WAITING, /* the watchdog reverts it at the deadline */
	PENDING_FAILED, /* a revert failed: kept for a manual revert */
};

struct pending {
	char id[32]; /* tells one change from the next */
	long long made; /* seconds since the epoch */
	long long deadline; /* the same clock, for people */
	long long deadline_boot; /* CLOCK_BOOTTIME seconds, for the watchdog */
	pid_t watchdog;
	unsigned long long watchdog_start; /* its start time, /proc/PID/stat */
	char check[INET6_ADDRSTRLEN]; /* --confirm-check, or "" */
	char command[256]; /* the command line that made it, for show */
	enum pending_state state;
	struct saved_link *v;
	size_t n;
};

/* The name of the file in the run folder. */
#define PENDING_FILE "pending"

void pending_init(struct pending *p);
void pending_free(struct pending *p);

/* The saved link called @name, or NULL. */
const struct saved_link *pending_find(const struct pending *p,
				      const char *name);

/*
 * Saves the state @ls gives each link that plan @pl names (bonds, slaves,
 * the bonds slaves are taken from), once each.
 */
void pending_add_plan(struct pending *p, const struct linkset *ls,
		      const struct plan *pl);

/* Saves the state @ls gives link @name (absent if it is not there). */
void pending_add_link(struct pending *p, const struct linkset *ls,
		      const char *name);

/* The text of the file; a string to free. */
char *pending_format(const struct pending *p);

/*
 * Reads the text of the file into @p (initialized). Returns 0, or
 * -EINVAL after adding to @d the line that could not be read.
 */
int pending_parse(struct pending *p, const char *text, struct diags *d);

/* Writes @p to the run folder. Returns 0 or -errno. */
int pending_write(const struct pending *p);

/*
 * Reads the run folder's pending change into @p (initialized): -ENOENT
 * when there is none, another -errno if it cannot be read.
 */
int pending_read(struct pending *p, struct diags *d);

/* Removes the file. Returns 0 or -errno. */
int pending_remove(void);

/* The seconds of CLOCK_BOOTTIME now. */
long long pending_boot_now(void);

#endif
