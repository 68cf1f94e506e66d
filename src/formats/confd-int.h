/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Inside the conf.d/net reader (confd.c, confd-ip.c, confd-upper.c): the
 * network of a bond beside the bond, and what sits on it.
 */
#ifndef BONDCFG_FORMATS_CONFD_INT_H
#define BONDCFG_FORMATS_CONFD_INT_H

#include <net/if.h>

#include "formats/shfile.h"
#include "model/host.h"

/*
 * The X of each service net.X (but net.lo), in /etc/init.d or a runlevel,
 * and whether a runlevel has it: the interface comes up at boot.
 */
struct service {
	char name[IF_NAMESIZE];
	char var[IF_NAMESIZE]; /* what netifrc makes of it in variables */
	bool boot; /* a runlevel has it */
};

struct confd_services {
	struct service *v; /* once each, by @var then name */
	size_t n;
	bool read;
};

/* netifrc's IFVAR: every character outside [A-Za-z0-9_] becomes '_'. */
void confd_ifvar(const char *name, char *out, size_t size);

/* The words of a value: an array's elements, or a string split at blanks. */
char **confd_words(const struct shvar *v, size_t *n);
void confd_words_free(char **w, size_t n);

/* Whether a runlevel starts net.@name. */
bool confd_at_boot(struct host_conf *h, struct confd_services *sv,
		   const char *name);

/*
 * The interface whose variables end in @var: the service net.X whose X
 * netifrc maps to @var (bond-lan for slaves_bond_lan), else @var itself.
 */
const char *confd_service_name(struct host_conf *h, struct confd_services *sv,
			       const char *var, const struct diag_loc *loc,
			       struct diags *d);

/* The addresses of config_X @v into a list; "null", "dhcp": none. */
void confd_addresses(char ***list, size_t *n_list, const struct shvar *v,
		     struct diags *d);

/* routes_@var, dns_servers_@var, ... of interface @dev, into @ip. */
void confd_read_ip(struct host_ip *ip, const char *dev, const struct shfile *sh,
		   const char *var, struct diags *d);

/*
 * What sits on bond @b: the VLANs of vlans_X (on it, or on what sits on
 * it), the bridges with it or one of them as a port; each with its network.
 */
void confd_read_uppers(struct host_conf *h, struct host_bond *b,
		       const struct shfile *sh, struct confd_services *sv,
		       struct diags *d);

#endif
