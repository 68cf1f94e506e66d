// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The network of a bond in Gentoo's conf.d/net, beside the bond: routes_X
 * (one route per line or element; "default via GW" the gateway),
 * dns_servers_X, dns_search_X and dns_domain_X, and what sits on the bond
 * that is not carried (vlans_X, a bridge_Y listing it, metric_X).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/confd-int.h"
#include "formats/values.h"
#include "model/xalloc.h"

static const struct shvar *var_of(const struct shfile *sh, const char *prefix,
				  const char *var)
{
	char name[128];

	snprintf(name, sizeof(name), "%s_%s", prefix, var);
	return shfile_get(sh, name);
}

/* One route in netifrc's words, ip's or route's ("-net A netmask M gw G"). */
static void route(struct host_bond *b, const char *text, const struct shvar *v,
		  struct diags *d)
{
	size_t n, i, k = 0;
	char **w = values_words(text, &n), *dest = NULL;
	const char **ip;

	if (!n) {
		free(w);
		return;
	}
	ip = xcalloc(n + 1, sizeof(char *));
	for (i = 0; i < n; i++) {
		if (!strcmp(w[i], "-net") || !strcmp(w[i], "-host"))
			continue;
		if (!strcmp(w[i], "netmask") && i + 1 < n && k == 1 && !dest) {
			dest = values_address(ip[0], NULL, w[++i]);
			ip[0] = dest;
			if (!strchr(dest, '/')) {
				diags_add(
					d, DIAG_WARNING, &v->loc,
					"%s: netmask %s is no netmask; the route is ignored",
					v->name, w[i]);
				k = 0;
				break;
			}
			continue;
		}
		ip[k++] = !strcmp(w[i], "gw") ? "via" : w[i];
	}
	if (k)
		values_route(&b->ip, b->conf.name, ip, k, false, &v->loc, text,
			     d);
	free(dest);
	free(ip);
	values_words_free(w, n);
}

static void routes(struct host_bond *b, const struct shvar *v, struct diags *d)
{
	char *copy, *line, *save = NULL;
	size_t i;

	if (v->array) {
		for (i = 0; i < v->n_elems; i++)
			route(b, v->elems[i], v, d);
		return;
	}
	/* a string: a route per line, as netifrc splits it */
	copy = xstrdup(v->value);
	for (line = strtok_r(copy, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		route(b, line, v, d);
	free(copy);
}

static void dns(struct host_bond *b, const struct shvar *v, bool servers,
		struct diags *d)
{
	size_t n, i;
	char **w = values_words(v->value, &n);

	for (i = 0; i < n; i++) {
		if (!servers && values_valid_domain(w[i]))
			host_ip_add_search(&b->ip, w[i], &v->loc);
		else if (!servers)
			diags_add(d, DIAG_WARNING, &v->loc,
				  "%s: '%s' is not a domain name; ignored",
				  v->name, w[i]);
		else if (values_valid_host(w[i]))
			host_ip_add_dns(&b->ip, w[i], &v->loc);
		else
			diags_add(d, DIAG_WARNING, &v->loc,
				  "%s: '%s' is not an IP address; ignored",
				  v->name, w[i]);
	}
	values_words_free(w, n);
}

void confd_read_ip(struct host_bond *b, const struct shfile *sh,
		   const char *var, struct diags *d)
{
	const struct shvar *v;
	size_t i, n;
	char **w;

	if ((v = var_of(sh, "routes", var)))
		routes(b, v, d);
	if ((v = var_of(sh, "dns_servers", var)))
		dns(b, v, true, d);
	if ((v = var_of(sh, "dns_search", var)))
		dns(b, v, false, d);
	if ((v = var_of(sh, "dns_domain", var)))
		dns(b, v, false, d);
	if ((v = var_of(sh, "metric", var)) && *v->value)
		host_ip_add_extra(&b->ip, &v->loc, "%s=%s", v->name, v->value);
	if ((v = var_of(sh, "bridge_add", var)) && *v->value)
		host_ip_add_extra(&b->ip, &v->loc, "a port of bridge %s",
				  v->value);
	if ((v = var_of(sh, "vlans", var))) {
		w = values_words(v->value, &n);
		for (i = 0; i < n; i++)
			host_ip_add_extra(&b->ip, &v->loc,
					  "VLAN %s.%s on the bond",
					  b->conf.name, w[i]);
		values_words_free(w, n);
	}
	/* bridge_br0="eth0 bond0": the bridge's ports */
	for (i = 0; i < sh->n_vars; i++) {
		const struct shvar *br = &sh->vars[i];
		size_t k;

		if (strncmp(br->name, "bridge_", 7) ||
		    !strncmp(br->name, "bridge_add_", 11))
			continue;
		w = values_words(br->value, &n);
		for (k = 0; k < n; k++)
			if (!strcmp(w[k], b->conf.name))
				host_ip_add_extra(&b->ip, &br->loc,
						  "a port of bridge %s",
						  br->name + 7);
		values_words_free(w, n);
	}
}
