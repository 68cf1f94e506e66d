// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A bond's network beside the bond itself: gateways, DNS, routes, and
 * what is said of it but not carried.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
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

static void upper_free(struct host_upper *u)
{
	size_t i;

	for (i = 0; i < u->n_addresses; i++)
		free(u->addresses[i]);
	free(u->addresses);
	host_ip_free(&u->ip);
	free(u);
}

void host_ip_free(struct host_ip *ip)
{
	size_t i;

	for (i = 0; i < ip->n_uppers; i++)
		upper_free(ip->uppers[i]);
	free(ip->uppers);

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
	       ip->n_search || ip->n_routes || ip->n_uppers;
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

const char *host_upper_kind_name(enum host_upper_kind kind)
{
	return kind == HOST_UPPER_VLAN ? "VLAN" : "bridge";
}

struct host_upper *host_ip_find_upper(const struct host_ip *ip,
				      const char *name)
{
	size_t i;

	for (i = 0; i < ip->n_uppers; i++)
		if (!strcmp(ip->uppers[i]->name, name))
			return ip->uppers[i];
	return NULL;
}

struct host_upper *host_ip_upper(struct host_ip *ip, enum host_upper_kind kind,
				 const char *name, const char *lower,
				 const struct diag_loc *loc)
{
	struct host_upper *u = host_ip_find_upper(ip, name);

	if (u)
		return u->kind == kind ? u : NULL;
	u = xcalloc(1, sizeof(*u));
	u->kind = kind;
	snprintf(u->name, sizeof(u->name), "%s", name);
	snprintf(u->lower, sizeof(u->lower), "%s", lower);
	u->onboot = true;
	u->stp = -1;
	u->fd = -1;
	u->loc = *loc;
	ip->uppers = xreallocarray(ip->uppers, ip->n_uppers + 1,
				   sizeof(*ip->uppers));
	ip->uppers[ip->n_uppers++] = u;
	return u;
}

void host_addresses_add(char ***v, size_t *n, const char *addr)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (!strcmp((*v)[i], addr))
			return;
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[(*n)++] = xstrdup(addr);
}

static void upper_merge(struct host_ip *to, const struct host_upper *from)
{
	struct host_upper *u = host_ip_upper(to, from->kind, from->name,
					     from->lower, &from->loc);
	size_t i;

	if (!u) {
		host_ip_add_extra(
			to, &from->loc, "%s %s (a %s of that name too)",
			host_upper_kind_name(from->kind), from->name,
			from->kind == HOST_UPPER_VLAN ? "bridge" : "VLAN");
		return;
	}
	if (!u->vid)
		u->vid = from->vid;
	if (u->stp < 0)
		u->stp = from->stp;
	if (u->fd < 0)
		u->fd = from->fd;
	u->onboot = u->onboot && from->onboot;
	for (i = 0; i < from->n_addresses; i++)
		host_addresses_add(&u->addresses, &u->n_addresses,
				   from->addresses[i]);
	host_ip_merge(&u->ip, &from->ip);
}

void host_ip_merge(struct host_ip *to, const struct host_ip *from)
{
	size_t i;

	for (i = 0; i < from->n_uppers; i++)
		upper_merge(to, from->uppers[i]);

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
