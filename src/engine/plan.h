/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The planner and the all-or-nothing apply: from the desired state of bonds
 * and what the kernel has now, the ordered steps that get there; then their
 * execution, undone in reverse on the first failure, and a read-back that
 * checks the kernel kept every value.
 */
#ifndef BONDCFG_PLAN_H
#define BONDCFG_PLAN_H

#include <stdbool.h>

#include "model/bondconf.h"
#include "model/diag.h"
#include "kernel/linkset.h"

struct nl;

enum step_kind {
	STEP_CREATE, /* create the bond with its options */
	STEP_BOND_DOWN, /* bring the bond down */
	STEP_RELEASE, /* release a slave */
	STEP_SET, /* change options of the bond */
	STEP_MTU, /* set the bond's MTU (its slaves follow) */
	STEP_SLAVE_DOWN, /* bring a slave down before enslaving it */
	STEP_ENSLAVE, /* enslave a slave */
	STEP_SLAVE_SET, /* change options of a slave */
	STEP_BOND_UP, /* bring the bond up */
	STEP_SLAVE_UP, /* bring a released slave up, as it was before */
	STEP_DELETE, /* delete a bond whose slaves were released */
};

struct step {
	enum step_kind kind;
	const struct bond_conf *want; /* the desired state it serves */
	char bond[IF_NAMESIZE];
	char dev[IF_NAMESIZE]; /* the slave, for slave steps */
	char from[IF_NAMESIZE]; /* STEP_RELEASE: the bond released from */
	uint64_t opts; /* options sent, BONDOPT_BIT()s */
	/*
	 * STEP_SLAVE_SET: the options sent when they are not @want's for
	 * @dev: those a slave enslaved again had, in the link set planned from
	 */
	const struct bond_slave_conf *slave;
	bool disruptive; /* traffic stops while it runs */
	const char *why;
};

struct plan {
	struct step *v;
	size_t n;
};

enum plan_flags {
	PLAN_FORCE = 1u << 0, /* take slaves from other bonds */
	PLAN_KEEP_SLAVES = 1u << 1, /* do not release slaves not wanted */
	PLAN_TOLERATE = 1u << 2, /* an option the kernel ignores is no error */
	PLAN_KEEP_LINK = 1u << 3, /* a bond that was not up is not brought up */
};

void plan_init(struct plan *p);
void plan_free(struct plan *p);

/*
 * Adds the steps that bring bond @want->name from its state in @ls to
 * @want. Problems found before anything is sent (a missing slave, a slave
 * of another bond, a name taken by a device that is not a bond) are added
 * to @d. Returns 0 or -errno.
 */
int plan_bond(struct plan *p, const struct bond_conf *want,
	      const struct linkset *ls, unsigned int flags, struct diags *d);

/* Adds the step that releases @dev from bond @want->name. */
void plan_release(struct plan *p, const struct bond_conf *want,
		  const char *dev);

/*
 * Adds the steps that take bond @want->name down: each of its slaves in
 * @ls released, then, unless @keep, the bond deleted. Releasing before the
 * delete is what the kernel does when it deletes a bond with slaves (each
 * gets its own MAC address and MTU back); as steps of their own they are
 * undone one by one when a later step fails.
 */
void plan_down(struct plan *p, const struct bond_conf *want,
	       const struct linkset *ls, bool keep);

/*
 * Adds the step that brings @dev up after it was released from bond
 * @want->name (the driver closes the slaves it releases), for a slave that
 * was up before it was enslaved.
 */
void plan_slave_up(struct plan *p, const struct bond_conf *want,
		   const char *dev);

/*
 * Inserts a step of @kind for bond @want->name (and slave @dev, or NULL)
 * at position @at of @p, @p->n to add it last; the steps after it move.
 */
struct step *plan_insert(struct plan *p, size_t at, enum step_kind kind,
			 const struct bond_conf *want, const char *dev);

/* The slave options STEP_SLAVE_SET @s sends (NULL if none). */
const struct bond_slave_conf *plan_step_slave(const struct step *s);

/*
 * The options of bond @old, as the kernel reported them, that can be sent
 * back to it: those its mode takes, with its other options (the delays
 * need miimon); not the active slave, which comes back with its slave.
 */
uint64_t plan_restorable(const struct bond_conf *old);

/* The options of @want whose value the kernel's @have does not match. */
uint64_t plan_diff(const struct bond_conf *want, const struct bond_conf *have);

/*
 * Describes step @s in one line: what it does, then the options it sends
 * as name=value[attribute number], e.g.
 * "bond0: create: mode=802.3ad[1] miimon=100[3]".
 */
void plan_step_describe(const struct step *s, char *buf, size_t size);

/*
 * Runs the steps of @p against the kernel whose state is @ls, read just
 * before (the steps use its ifindexes until the new bonds are read back;
 * nothing is read again first). On the first
 * refused step, or a value the kernel did not keep, undoes every step done
 * and adds the error, with the kernel's message and a hint, to @d. Then
 * reads the links again: each way in which one the plan names is not
 * what it was is an error in @d, and sets *@left_different (if given).
 * Returns 0 or -errno.
 */
int plan_apply(const struct plan *p, struct nl *nl, const struct linkset *ls,
	       unsigned int flags, struct diags *d, bool *left_different);

#endif
