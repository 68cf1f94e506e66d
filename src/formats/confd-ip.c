// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The network of a bond in Gentoo's conf.d/net, beside the bond: routes_X
 * (one route per line or element; "default via GW" the gateway),
 * dns_servers_X, dns_search_X and dns_domain_X, of a bond or of what sits
 * on it; metric_X is not carried.
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
static void route(struct host_ip *ipn, const char *dev, const char *text,
		  const struct shvar *v, struct diags *d)
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
		values_route(ipn, dev, ip, k, false, &v->loc, text, d);
	free(dest);
	free(ip);
	values_words_free(w, n);
}

static void routes(struct host_ip *ip, const char *dev, const struct shvar *v,
		   struct diags *d)
{
	char *copy, *line, *save = NULL;
	size_t i;

	if (v->array) {
		for (i = 0; i < v->n_elems; i++)
			route(ip, dev, v->elems[i], v, d);
		return;
	}
	/* a string: a route per line, as netifrc splits it */
	copy = xstrdup(v->value);
	for (line = strtok_r(copy, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		route(ip, dev, line, v, d);
	free(copy);
}

static void dns(struct host_ip *ip, const struct shvar *v, bool servers,
		struct diags *d)
{
	size_t n, i;
	char **w = values_words(v->value, &n);

	for (i = 0; i < n; i++) {
		if (!servers && values_valid_domain(w[i]))
			host_ip_add_search(ip, w[i], &v->loc);
		else if (!servers)
			diags_add(d, DIAG_WARNING, &v->loc,
				  "%s: '%s' is not a domain name; ignored",
				  v->name, w[i]);
		else if (values_valid_host(w[i]))
			host_ip_add_dns(ip, w[i], &v->loc);
		else
			diags_add(d, DIAG_WARNING, &v->loc,
				  "%s: '%s' is not an IP address; ignored",
				  v->name, w[i]);
	}
	values_words_free(w, n);
}

void confd_read_ip(struct host_ip *ip, const char *dev, const struct shfile *sh,
		   const char *var, struct diags *d)
{
	const struct shvar *v;

	if ((v = var_of(sh, "routes", var)))
		routes(ip, dev, v, d);
	if ((v = var_of(sh, "dns_servers", var)))
		dns(ip, v, true, d);
	if ((v = var_of(sh, "dns_search", var)))
		dns(ip, v, false, d);
	if ((v = var_of(sh, "dns_domain", var)))
		dns(ip, v, false, d);
	if ((v = var_of(sh, "metric", var)) && *v->value)
		host_ip_add_extra(ip, &v->loc, "%s=%s", v->name, v->value);
}
