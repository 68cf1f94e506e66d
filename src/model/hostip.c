// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A bond's network beside the bond itself: gateways, DNS, routes, and
 * what is said of it but not carried.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "model/hostip.h"
#include "model/xalloc.h"

static void items_free(struct host_item *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].value);
	free(v);
}

void host_ip_free(struct host_ip *ip)
{
	size_t i;

	free(ip->gateway.value);
	free(ip->gateway6.value);
	items_free(ip->dns, ip->n_dns);
	items_free(ip->search, ip->n_search);
	items_free(ip->extras, ip->n_extras);
	for (i = 0; i < ip->n_routes; i++) {
		free(ip->routes[i].dest);
		free(ip->routes[i].via);
	}
	free(ip->routes);
	memset(ip, 0, sizeof(*ip));
}

bool host_ip_any(const struct host_ip *ip)
{
	return ip->gateway.value || ip->gateway6.value || ip->n_dns ||
	       ip->n_search || ip->n_routes;
}

void host_ip_set_gateway(struct host_ip *ip, const char *addr,
			 const struct diag_loc *loc)
{
	struct host_item *g = strchr(addr, ':') ? &ip->gateway6 : &ip->gateway;

	if (g->value) {
		/* the first is kept; another is not lost without a word */
		if (strcmp(g->value, addr))
			host_ip_add_extra(
				ip, loc,
				"a second default gateway, %s (%s is the one kept)",
				addr, g->value);
		return;
	}
	g->value = xstrdup(addr);
	g->loc = *loc;
}

static void add_item(struct host_item **v, size_t *n, const char *value,
		     const struct diag_loc *loc)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (!strcmp((*v)[i].value, value))
			return;
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[*n].value = xstrdup(value);
	(*v)[(*n)++].loc = *loc;
}

void host_ip_add_dns(struct host_ip *ip, const char *addr,
		     const struct diag_loc *loc)
{
	add_item(&ip->dns, &ip->n_dns, addr, loc);
}

void host_ip_add_search(struct host_ip *ip, const char *domain,
			const struct diag_loc *loc)
{
	add_item(&ip->search, &ip->n_search, domain, loc);
}

static bool same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

void host_ip_add_route(struct host_ip *ip, const char *dest, const char *via,
		       long metric, const struct diag_loc *loc)
{
	struct host_route *r;
	size_t i;

	/* the same route said twice (or by two formats) is one */
	for (i = 0; i < ip->n_routes; i++)
		if (!strcmp(ip->routes[i].dest, dest) &&
		    same(ip->routes[i].via, via) &&
		    ip->routes[i].metric == metric)
			return;
	ip->routes = xreallocarray(ip->routes, ip->n_routes + 1, sizeof(*r));
	r = &ip->routes[ip->n_routes++];
	r->dest = xstrdup(dest);
	r->via = via ? xstrdup(via) : NULL;
	r->metric = metric;
	r->loc = *loc;
}

void host_ip_add_extra(struct host_ip *ip, const struct diag_loc *loc,
		       const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	add_item(&ip->extras, &ip->n_extras, s, loc);
	free(s);
}

void host_ip_merge(struct host_ip *to, const struct host_ip *from)
{
	size_t i;

	if (from->gateway.value)
		host_ip_set_gateway(to, from->gateway.value,
				    &from->gateway.loc);
	if (from->gateway6.value)
		host_ip_set_gateway(to, from->gateway6.value,
				    &from->gateway6.loc);
	for (i = 0; i < from->n_dns; i++)
		host_ip_add_dns(to, from->dns[i].value, &from->dns[i].loc);
	for (i = 0; i < from->n_search; i++)
		host_ip_add_search(to, from->search[i].value,
				   &from->search[i].loc);
	for (i = 0; i < from->n_routes; i++)
		host_ip_add_route(to, from->routes[i].dest, from->routes[i].via,
				  from->routes[i].metric, &from->routes[i].loc);
	for (i = 0; i < from->n_extras; i++)
		add_item(&to->extras, &to->n_extras, from->extras[i].value,
			 &from->extras[i].loc);
}
