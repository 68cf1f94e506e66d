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
};

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

/* What @from says and @to does not, into @to. */
void host_ip_merge(struct host_ip *to, const struct host_ip *from);

#endif
