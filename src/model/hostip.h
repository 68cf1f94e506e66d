/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What a bond's configuration says about its network beside the bond
 * itself: the default gateways, DNS servers and search domains, static
 * routes, and what the readers saw on the bond but the model does not
 * carry (for convert to name). Kept beside the bond model (host.h), out of
 * the option table; each item remembers where it was written.
 */
#ifndef BONDCFG_MODEL_HOSTIP_H
#define BONDCFG_MODEL_HOSTIP_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>

#include "model/diag.h"

/* One value as written, and where. */
struct host_item {
	char *value;
	struct diag_loc loc;
};

/* A static route through the bond. */
struct host_route {
	char *dest; /* ADDRESS/PREFIX, "default" (IPv4 or the next hop's), ::/0 */
	char *via; /* the next hop, or NULL for a route on the link */
	long metric; /* -1 for none */
	struct diag_loc loc;
};

struct host_upper;

struct host_ip {
	struct host_item gateway; /* IPv4 default gateway, value NULL: none */
	struct host_item gateway6; /* IPv6 */
	struct host_item *dns; /* name servers, in order */
	size_t n_dns;
	struct host_item *search; /* search domains, in order */
	size_t n_search;
	struct host_route *routes;
	size_t n_routes;
	/* said of the bond, but not carried: "VLAN bond0.100", ... */
	struct host_item *extras;
	size_t n_extras;
	/* what is stacked on the bond, each after the one it sits on */
	struct host_upper **uppers;
	size_t n_uppers;
};

enum host_upper_kind {
	HOST_UPPER_VLAN,
	HOST_UPPER_BRIDGE,
};

/*
 * An interface stacked on the bond: a VLAN on it (or on a bridge over it),
 * or the bridge that it (or a VLAN on it) is a port of. Kept in the bond's
 * host_ip; its own host_ip has its gateways, DNS, routes, and what is said
 * of it but not carried (its uppers are unused: every upper is the bond's).
 */
struct host_upper {
	enum host_upper_kind kind;
	char name[IF_NAMESIZE]; /* bond0.100, vlan100, br0 */
	/* what it sits on: the bond or an upper before it; a bridge's port */
	char lower[IF_NAMESIZE];
	unsigned int vid; /* a VLAN's id, 1 to 4094 */
	bool onboot; /* brought up at boot */
	int stp; /* a bridge's spanning tree: -1 not said, 0 off, 1 on */
	int fd; /* a bridge's forward delay in seconds, -1 not said */
	char **addresses; /* as written, prefix included */
	size_t n_addresses;
	struct host_ip ip;
	struct diag_loc loc; /* where it is declared (or named first) */
};

/* The name a bridge or VLAN is called by in messages: "VLAN", "bridge". */
const char *host_upper_kind_name(enum host_upper_kind kind);

void host_ip_free(struct host_ip *ip);

/* Whether @ip has anything to write (extras aside). */
bool host_ip_any(const struct host_ip *ip);

/*
 * Sets the gateway of @addr's family, unless one is set (another one is
 * then said as not carried).
 */
void host_ip_set_gateway(struct host_ip *ip, const char *addr,
			 const struct diag_loc *loc);

/* Appends, unless the same value is there. */
void host_ip_add_dns(struct host_ip *ip, const char *addr,
		     const struct diag_loc *loc);
void host_ip_add_search(struct host_ip *ip, const char *domain,
			const struct diag_loc *loc);

/* Appends a route, unless the same one (destination, next hop, metric) is there. */
void host_ip_add_route(struct host_ip *ip, const char *dest, const char *via,
		       long metric, const struct diag_loc *loc);

/* Something said of the bond that is not carried. */
__attribute__((format(printf, 3, 4))) void
host_ip_add_extra(struct host_ip *ip, const struct diag_loc *loc,
		  const char *fmt, ...);

/*
 * The upper called @name on @ip's bond, made if need be (of @kind, on
 * @lower, at @loc; onboot, STP and forward delay not said). NULL if an
 * upper of that name is of the other kind.
 */
struct host_upper *host_ip_upper(struct host_ip *ip, enum host_upper_kind kind,
				 const char *name, const char *lower,
				 const struct diag_loc *loc);

/* The upper called @name, or NULL. */
struct host_upper *host_ip_find_upper(const struct host_ip *ip,
				      const char *name);

/* Appends an address to a list, unless it is there (host_bond's too). */
void host_addresses_add(char ***v, size_t *n, const char *addr);

/* What @from says and @to does not, into @to (uppers too). */
void host_ip_merge(struct host_ip *to, const struct host_ip *from);

#endif
