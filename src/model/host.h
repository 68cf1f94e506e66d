/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The bonds a host's configuration declares, across every format: each
 * reader (src/formats/) adds what its files say (declarations of bonds, and
 * slaves naming their bond), then one merge turns them into the desired
 * state of every bond and reports where the formats disagree.
 */
#ifndef BONDCFG_MODEL_HOST_H
#define BONDCFG_MODEL_HOST_H

#include <stdbool.h>
#include <stddef.h>

#include "model/bondconf.h"
#include "model/diag.h"
#include "model/hostip.h"

/* In order of precedence: when two say different things, the first wins. */
enum host_format {
	HOST_IFCFG, /* /etc/sysconfig/network-scripts/ifcfg-* */
	HOST_INTERFACES, /* /etc/network/interfaces */
	HOST_CONFD, /* /etc/conf.d/net */
	HOST_MODPROBE, /* /etc/modprobe.d and the other modprobe folders */
	HOST_N_FORMATS
};

#define HOST_FORMAT_BIT(f) (1u << (f))
#define HOST_ALL_FORMATS ((1u << HOST_N_FORMATS) - 1)

/* A bond: as one file declares it, or merged from every declaration. */
struct host_bond {
	struct bond_conf conf; /* options, and the slaves it lists itself */
	unsigned int formats; /* HOST_FORMAT_BIT()s that declare it */
	struct diag_loc loc; /* where it is declared (first) */
	bool list_given; /* a slave list was written, even "none" */
	size_t n_listed; /* slaves its own list names */
	struct diag_loc list_loc;
	bool onboot; /* brought up at boot by its configuration */
	bool has_mtu;
	unsigned int mtu;
	struct diag_loc mtu_loc;
	char *hwaddr; /* MAC address for the bond, as written */
	char **addresses; /* IP addresses, as written (prefix included) */
	size_t n_addresses;
	struct host_ip ip; /* gateways, DNS, routes (hostip.h) */
};

/* A slave naming its bond: MASTER= in an ifcfg file, bond-master. */
struct host_claim {
	enum host_format format;
	struct bond_slave_conf slave; /* the name and the slave's own options */
	char master[IF_NAMESIZE];
	bool onboot; /* the slave comes up at boot */
	struct diag_loc loc;
};

/*
 * A name of an auto or allow-CLASS line of /etc/network/interfaces, in the
 * files' order: what `ifup -a` (class "auto", as allow-auto) and `ifup
 * --allow=CLASS` bring up. Longer classes and names are not kept.
 */
struct host_upline {
	char cls[IF_NAMESIZE];
	char name[IF_NAMESIZE];
};

struct host_conf {
	char *root; /* prefix of every path read, "" for / */
	struct host_bond **decls; /* what each file declares */
	size_t n_decls;
	struct host_claim **claims;
	size_t n_claims;
	struct host_upline *uplines;
	size_t n_uplines;
	/* options bonding ...: parameters of the driver itself */
	struct bond_conf module;
	struct host_bond **bonds; /* after host_conf_merge(), in order */
	size_t n_bonds;
	/* @bonds by name, open addressing: host_conf_find() in O(1) */
	struct host_bond **by_name;
	size_t by_name_cap; /* a power of two, over twice @n_bonds */
	char **strings; /* file names that diagnostics point to */
	size_t n_strings;
	unsigned int files_read;
};

void host_conf_init(struct host_conf *h, const char *root);
void host_conf_free(struct host_conf *h);

/* The name of @f ("ifcfg", "interfaces", "conf.d/net", "modprobe.d"). */
const char *host_format_name(enum host_format f);

/* Keeps @s (taken over) as long as @h, for diagnostics to point to. */
const char *host_conf_keep(struct host_conf *h, char *s);

/* @path under the root prefix, kept as long as @h. */
const char *host_conf_path(struct host_conf *h, const char *path);

/* A new declaration of bond @name by format @f, at @loc. */
struct host_bond *host_conf_declare(struct host_conf *h, enum host_format f,
				    const char *name,
				    const struct diag_loc *loc);

/* A new claim: @slave names @master as its bond, at @loc. */
struct host_claim *host_conf_claim(struct host_conf *h, enum host_format f,
				   const char *slave, const char *master,
				   const struct diag_loc *loc);

void host_bond_add_address(struct host_bond *b, const char *addr);

/* Lists @name as a slave of @b; a name listed twice is a warning. */
void host_bond_add_slave(struct host_bond *b, const char *name,
			 const struct diag_loc *loc, struct diags *d);

/*
 * Turns the declarations and claims into @h->bonds, then validates each
 * bond. Disagreements between files and formats go to @d. Returns 0, or
 * -EINVAL if an error was added.
 */
int host_conf_merge(struct host_conf *h, struct diags *d);

/* The merged bond called @name, or NULL. */
struct host_bond *host_conf_find(const struct host_conf *h, const char *name);

/*
 * Whether file @source says anything about bond @bond: declares it, lists
 * or claims a slave of it, or sets one of its options. A configuration
 * error in such a file stops that bond, not the others.
 */
bool host_bond_uses(const struct host_conf *h, const char *bond,
		    const char *source);

#endif
