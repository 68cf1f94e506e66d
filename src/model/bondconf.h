/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The desired state of one bond: its options with presence bits (unset is
 * not the same as 0), its slaves in order with their own options, and where
 * each value came from. Readers fill it, validation checks it, the engine
 * applies it.
 */
#ifndef BONDCFG_BONDCONF_H
#define BONDCFG_BONDCONF_H

#include <net/if.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdint.h>

#include "model/bondopt.h"
#include "model/diag.h"

struct bond_slave_conf {
	char name[IF_NAMESIZE];
	uint64_t present; /* BIT of the BONDOPT_SLAVE_* ids set */
	int64_t num[BONDOPT_COUNT];
	struct diag_loc where[BONDOPT_COUNT];
	bool member; /* listed as a slave, not only given options */
	struct diag_loc listed; /* where it was listed */
};

struct bond_conf {
	char name[IF_NAMESIZE];
	uint64_t present; /* BIT of the bond option ids set */
	/*
	 * BIT of the options given a value that could not be read, or
	 * misspelt so that this is the nearest name: not in @present
	 */
	uint64_t refused;
	int64_t num[BONDOPT_COUNT];
	struct diag_loc where[BONDOPT_COUNT];
	char ifnames[BONDOPT_IFNAMES][IF_NAMESIZE]; /* by the row's slot */
	uint8_t ad_actor_system[6];
	struct in_addr arp_targets[BOND_MAX_TARGETS];
	unsigned int n_arp_targets;
	struct in6_addr ns_targets[BOND_MAX_TARGETS];
	unsigned int n_ns_targets;
	struct bond_slave_conf *slaves;
	size_t n_slaves;
	unsigned int mtu; /* the bond's MTU, 0 to leave it */
	struct diag_loc mtu_where;
};

#define BONDOPT_BIT(id) (UINT64_C(1) << (id))

void bond_conf_init(struct bond_conf *c, const char *name);
void bond_conf_free(struct bond_conf *c);

/*
 * A new bond as the kernel creates it: every option a bond request
 * carries present at the table's default (no primary, no targets, an
 * all-zero ad_actor_system).
 */
void bond_conf_init_defaults(struct bond_conf *c, const char *name);

static inline bool bond_conf_has(const struct bond_conf *c, enum bondopt_id id)
{
	return c->present & BONDOPT_BIT(id);
}

/* The name buffer of interface-name option @id (BONDOPT_IFNAME). */
static inline char *bond_conf_ifname(struct bond_conf *c, enum bondopt_id id)
{
	return c->ifnames[bondopt_get(id)->slot];
}

static inline const char *bond_conf_ifname_of(const struct bond_conf *c,
					      enum bondopt_id id)
{
	return c->ifnames[bondopt_get(id)->slot];
}

/* Makes @dst (uninitialized) a copy of @src, slaves included. */
void bond_conf_copy(struct bond_conf *dst, const struct bond_conf *src);

/* Takes the slave called @name, with its options, out of @c. */
void bond_conf_remove_slave(struct bond_conf *c, const char *name);

/*
 * The value of numeric option @id: set in @c, else in @base (the live bond,
 * may be NULL), else the kernel's default.
 */
int64_t bond_conf_effective(const struct bond_conf *c,
			    const struct bond_conf *base, enum bondopt_id id);

/*
 * The slave called @name, added at the end if it is not there yet. Options
 * may name a slave before (or without) the list of slaves naming it.
 */
struct bond_slave_conf *bond_conf_slave(struct bond_conf *c, const char *name);

/* Lists @name as a slave of the bond, in order. */
struct bond_slave_conf *bond_conf_add_member(struct bond_conf *c,
					     const char *name,
					     const struct diag_loc *loc);

/* The slave called @name, or NULL. */
struct bond_slave_conf *bond_conf_find_slave(const struct bond_conf *c,
					     const char *name);

/*
 * Copies option @id (any kind) from @src into @dst, with where it came
 * from.
 */
void bond_conf_copy_option(struct bond_conf *dst, const struct bond_conf *src,
			   enum bondopt_id id);

/* The number of addresses in the target list of @kind (IPV4S or IPV6S). */
unsigned int bond_conf_n_targets(const struct bond_conf *c,
				 enum bondopt_kind kind);

/* Writes address @i of the target list of @kind into @buf (46 bytes). */
void bond_conf_target(const struct bond_conf *c, enum bondopt_kind kind,
		      unsigned int i, char *buf);

/*
 * Writes option @id of @c as its normalized value (a name for named values,
 * a number, a comma-separated address list) into @buf.
 */
void bond_conf_format_value(const struct bond_conf *c, enum bondopt_id id,
			    char *buf, size_t size);

/*
 * Whether option @id of @want is what the kernel reports in @have (as it
 * keeps it: the delays as multiples of miimon, an unset name left out).
 */
bool bond_conf_same_value(const struct bond_conf *want,
			  const struct bond_conf *have, enum bondopt_id id);

struct json;

/*
 * Writes option @id of @c as a JSON value: a name or a number, a string,
 * or an array of addresses.
 */
void bond_conf_value_json(struct json *j, const struct bond_conf *c,
			  enum bondopt_id id);

/* Writes @num, a value of option @opt, as a JSON name or number. */
void bond_conf_number_json(struct json *j, const struct bondopt *opt,
			   int64_t num);

/*
 * The normalized option string: canonical names, named values, kernel
 * attribute order, then the slave options as name=SLAVE:VALUE.
 * Returns a string to free.
 */
char *bond_conf_format(const struct bond_conf *c);

/*
 * Checks @c as a whole: options outside the modes they work in, options
 * that exclude or need each other, values the kernel will change. @base is
 * the live bond @c is applied to (NULL for a bond built from nothing): what
 * @c leaves unset is taken from it. Returns 0, or -EINVAL if an error was
 * added to @d.
 */
int bond_conf_validate(const struct bond_conf *c, const struct bond_conf *base,
		       struct diags *d);

/*
 * The driver's rules between options, for the engine (validate.c).
 *
 * bond_conf_kept_value: the value of option @id the kernel keeps when
 * @want is applied over @have (the delays become multiples of miimon).
 */
int64_t bond_conf_kept_value(const struct bond_conf *want,
			     const struct bond_conf *have, enum bondopt_id id);

/* The options whose kept value changes with those of @changed. */
uint64_t bond_conf_dependents(uint64_t changed);

/* Of @opts, those the kernel takes on a bond set as @c (EPERM otherwise). */
uint64_t bond_conf_acceptable(const struct bond_conf *c, uint64_t opts);

/*
 * Whether the driver itself makes slave @dev of @c active once its link
 * is up (and refuses it as active slave until then).
 */
bool bond_conf_takes_over(const struct bond_conf *c, const char *dev);

/*
 * The slave the driver keeps active whenever its link is up, by what
 * @want sets over the live @have: the primary, where @have's mode uses
 * one and its primary_reselect chooses it back; with where @want sets it.
 * NULL when there is none.
 */
const char *bond_conf_chosen_primary(const struct bond_conf *want,
				     const struct bond_conf *have,
				     struct diag_loc *where);

/* The link monitor @c runs: "miimon", "arp" or "none". */
const char *bond_conf_monitor(const struct bond_conf *c);

/*
 * The options of @c whose value could not be read and that the switch
 * sees (BONDOPT_F_SWITCH): the mode, and those its mode acts on. Any
 * refuses the bond even where errors only leave options out.
 */
uint64_t bond_conf_refused_switch(const struct bond_conf *c);

#endif
