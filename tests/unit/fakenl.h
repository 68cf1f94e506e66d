/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A fake of the kernel boundary (src/nl.h) for the engine's unit tests: the
 * same bnl_* functions over a set of links in memory, with the bonding
 * driver's rules as the option table states them (EBUSY for an option
 * that needs the bond down, ENOTEMPTY for one that needs it without
 * slaves, EACCES outside the option's modes, EPERM for an option that
 * needs miimon while miimon is 0 or for enslaving a device that is up),
 * and refusals on demand. Linked instead of nl.c; no root, no kernel.
 */
#ifndef BONDCFG_FAKENL_H
#define BONDCFG_FAKENL_H

#include <stddef.h>

/* Empties the set of links; the request counters start again. */
void fakenl_reset(void);

/*
 * The kernel release the fake reports ("5.10.223"), whose options it
 * knows: what that release lacks it ignores and does not report. NULL or
 * "" (the default after a reset): a release that has every option.
 */
void fakenl_kernel(const char *release);

/* Adds a device that is no bond (a dummy), down unless @up, MTU 1500. */
void fakenl_add_dummy(const char *name, int up);

/*
 * Makes a group delete (bnl_group_delete()) answer @err (-errno), as a
 * kernel without it would; 0 (the default after a reset) deletes.
 */
void fakenl_group_delete(int err);

/* Group deletes asked for since the last reset, refused ones too. */
unsigned int fakenl_group_deletes(void);

/* Puts link @name in link group @group, as `ip link set NAME group N`. */
void fakenl_set_group(const char *name, unsigned int group);

/*
 * Refuses the @n-th change request from now (1 for the next one) with
 * @err (-errno), changing nothing; 0 refuses none. Each call arms one
 * refusal, and a second one may be armed at the same time with @slot 1
 * (to refuse a step of the rollback too).
 */
void fakenl_refuse(int slot, unsigned int n, int err);

struct bond_conf;

/*
 * Plans bond @c against the fake's links with @flags (plan.h) and applies
 * it, for a test's set-up: a failure is said as a TAP comment. Returns 0
 * or -errno.
 */
int fakenl_apply(const struct bond_conf *c, unsigned int flags);

/* Change requests made since the last reset (refused ones included). */
unsigned int fakenl_requests(void);

/*
 * The whole set of links as text, by name (no ifindexes): each link's
 * kind, up, MTU and master, and each bond's options as the kernel reports
 * them, with its slaves' options. Two sets with the same text are the
 * same to the engine. Returns a string to free.
 */
char *fakenl_state(void);

#endif
