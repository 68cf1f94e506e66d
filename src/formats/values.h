/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Values the formats' readers share.
 */
#ifndef BONDCFG_FORMATS_VALUES_H
#define BONDCFG_FORMATS_VALUES_H

#include <stdbool.h>

#include "model/host.h"

/*
 * "yes"/"no" as the distributions' scripts read them: 1 true, 0 false, -1
 * neither.
 */
int values_bool_word(const char *s);

/*
 * Sets @b's MTU from @value (68 to 65535), or reports KEY SEP VALUE at
 * @loc as an error.
 */
void values_mtu(struct host_bond *b, const char *key, const char *sep,
		const char *value, const struct diag_loc *loc, struct diags *d);

/* ADDR or ADDR/PREFIX, IPv4 or IPv6. */
bool values_valid_address(const char *s);

/* xx:xx:xx:xx:xx:xx */
bool values_valid_mac(const char *s);

/* "192.0.2.1" and a prefix length or netmask: "192.0.2.1/24" (to free). */
char *values_address(const char *addr, const char *prefix, const char *netmask);

/* An address without a prefix length, IPv4 or IPv6. */
bool values_valid_host(const char *s);

/*
 * The bond called @name that format @f declared so far (the last
 * declaration), or NULL: for what a reader finds on it after its files.
 */
struct host_bond *values_declared(struct host_conf *h, enum host_format f,
				  const char *name);

/*
 * The upper called @name on a bond that format @f declared so far, and
 * that bond in *@bond (unless NULL); or NULL.
 */
struct host_upper *values_upper(struct host_conf *h, enum host_format f,
				const char *name, struct host_bond **bond);

/* A DNS domain name: letters, digits, '-', '_' and dots. */
bool values_valid_domain(const char *s);

/* The blank-separated words of @s (to free with values_words_free()). */
char **values_words(const char *s, size_t *n);
void values_words_free(char **v, size_t n);

/*
 * A route in ip's words, as route files, "up ip route add" lines and
 * netifrc's routes_ write it: [to] DEST|default [via GW] [dev DEV]
 * [metric N], added to @ip's routes, the network of interface @dev (a
 * bond or what sits on it); @v6 if it is IPv6's (route6-DEV, ip -6), for
 * a "default" with no next hop. "default via GW" is the gateway of GW's
 * family; dev $IFACE is @dev. Words the model does
 * not carry (table, src, proto, ...) make it a thing not carried, named
 * at @loc; a route that is no route is a warning quoting @what.
 */
void values_route(struct host_ip *ip, const char *dev, const char *const *w,
		  size_t n, bool v6, const struct diag_loc *loc,
		  const char *what, struct diags *d);

#endif
