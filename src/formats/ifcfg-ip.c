// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The network of a bond in RHEL's network scripts, beside the bond: the
 * gateways, DNS servers and search domains, IPv6 addresses of its ifcfg
 * file, its route-BOND and route6-BOND files, the addresses of its alias
 * files (ifcfg-BOND:N), and what sits on it that is not carried (VLANs,
 * the bridge it is a port of); and their writer.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/cfgfile.h"
#include "formats/conv.h"
#include "formats/ifcfg-int.h"
#include "formats/values.h"
#include "formats/writers.h"
#include "model/xalloc.h"

#define IFCFG_DIR "/etc/sysconfig/network-scripts"

/* GATEWAY=, IPV6_DEFAULTGW= (the "%DEV" of a link-local one left off) */
static void gateways(struct host_ip *ip, const struct ifcfg *f, struct diags *d)
{
	static const char *const keys[] = { "GATEWAY", "IPV6_DEFAULTGW" };
	const struct shvar *v, *defroute = get(f, "DEFROUTE");
	char addr[64];
	size_t i;

	for (i = 0; i < 2; i++) {
		v = get(f, keys[i]);
		if (!v)
			continue;
		snprintf(addr, sizeof(addr), "%.*s",
			 (int)strcspn(v->value, "%"), v->value);
		if (!values_valid_host(addr) || !i != !strchr(addr, ':'))
			diags_add(d, DIAG_WARNING, &v->loc,
				  "%s=%s: not an IPv%d address; ignored",
				  v->name, v->value, i ? 6 : 4);
		else
			host_ip_set_gateway(ip, addr, &v->loc);
	}
	if (defroute && values_bool_word(defroute->value) == 0 &&
	    (ip->gateway.value || ip->gateway6.value))
		host_ip_add_extra(
			ip, &defroute->loc,
			"DEFROUTE=no (a gateway that is no default route)");
}

/* DNS1= to DNS10=, DOMAIN="a.example b.example" */
static void dns(struct host_ip *ip, const struct ifcfg *f, struct diags *d)
{
	static const char *const keys[] = { "DNS1", "DNS2", "DNS3", "DNS4",
					    "DNS5", "DNS6", "DNS7", "DNS8",
					    "DNS9", "DNS10" };
	const struct shvar *v;
	const char *key;
	char **w;
	size_t i, n;

	for (i = 0; i < 10; i++) {
		key = keys[i];
		v = get(f, key);
		if (!v)
			continue;
		if (values_valid_host(v->value))
			host_ip_add_dns(ip, v->value, &v->loc);
		else
			diags_add(d, DIAG_WARNING, &v->loc,
				  "%s=%s: not an IP address; ignored", key,
				  v->value);
	}
	v = get(f, "DOMAIN");
	if (!v)
		return;
	w = values_words(v->value, &n);
	for (i = 0; i < n; i++)
		if (values_valid_domain(w[i]))
			host_ip_add_search(ip, w[i], &v->loc);
		else
			diags_add(d, DIAG_WARNING, &v->loc,
				  "DOMAIN: '%s' is not a domain name; ignored",
				  w[i]);
	values_words_free(w, n);
}

/* IPV6ADDR=, IPV6ADDR_SECONDARIES="a/64 b/64" (read with IPV6INIT=yes) */
static void ipv6_addresses(char ***addrs, size_t *n_addrs,
			   const struct ifcfg *f, struct diags *d)
{
	const struct shvar *init = get(f, "IPV6INIT"),
			   *one = get(f, "IPV6ADDR"),
			   *more = get(f, "IPV6ADDR_SECONDARIES");
	char **w = NULL;
	size_t i, n = 0;

	if (!one && !more)
		return;
	if (!init || values_bool_word(init->value) != 1) {
		diags_add(
			d, DIAG_WARNING, one ? &one->loc : &more->loc,
			"%s without IPV6INIT=yes: the network scripts leave IPv6 off, and so does bondcfg (add IPV6INIT=yes)",
			one ? "IPV6ADDR" : "IPV6ADDR_SECONDARIES");
		return;
	}
	if (more)
		w = values_words(more->value, &n);
	for (i = 0; i <= n; i++) {
		const char *a = i ? w[i - 1] : one ? one->value : NULL;
		const struct shvar *v = i ? more : one;

		if (!a)
			continue;
		if (values_valid_address(a) && strchr(a, ':'))
			host_addresses_add(addrs, n_addrs, a);
		else
			diags_add(d, DIAG_ERROR, &v->loc,
				  "%s: '%s' is not an IPv6 address", v->name,
				  a);
	}
	values_words_free(w, n);
}

/* One line of a route file in ip's words: "10.0.0.0/8 via 192.0.2.1". */
static void route_line(struct host_ip *ip, const char *dev, const char *line,
		       bool v6, const struct diag_loc *loc, struct diags *d)
{
	size_t n;
	char **w = values_words(line, &n);

	if (n)
		values_route(ip, dev, (const char *const *)w, n, v6, loc, line,
			     d);
	values_words_free(w, n);
}

/* The older form: ADDRESS0=, NETMASK0=, GATEWAY0=, METRIC0= ... */
static void route_vars(struct host_ip *ip, const char *dev,
		       const struct shfile *sh, struct diags *d)
{
	char key[24], *dest;
	const struct shvar *a, *m, *g, *metric;
	const char *w[6];
	size_t n;
	int i;

	for (i = 0; i < 256; i++) {
		snprintf(key, sizeof(key), "ADDRESS%d", i);
		if (!(a = shfile_get(sh, key)))
			break; /* the network scripts stop at the first gap */
		snprintf(key, sizeof(key), "NETMASK%d", i);
		m = shfile_get(sh, key);
		snprintf(key, sizeof(key), "GATEWAY%d", i);
		g = shfile_get(sh, key);
		snprintf(key, sizeof(key), "METRIC%d", i);
		metric = shfile_get(sh, key);
		dest = values_address(a->value, NULL,
				      m ? m->value : "255.255.255.255");
		if (!strchr(dest, '/')) {
			diags_add(d, DIAG_WARNING, &m->loc,
				  "%s=%s: not a netmask; the route is ignored",
				  m->name, m->value);
			free(dest);
			continue;
		}
		n = 0;
		w[n++] = dest;
		if (g) {
			w[n++] = "via";
			w[n++] = g->value;
		}
		if (metric) {
			w[n++] = "metric";
			w[n++] = metric->value;
		}
		values_route(ip, dev, w, n, false, &a->loc, a->name, d);
		free(dest);
	}
}

static void route_file(struct host_conf *h, struct host_ip *ip, const char *dev,
		       const char *dir, const char *prefix, struct diags *d)
{
	bool v6 = !strcmp(prefix, "route6-");
	size_t np = strlen(prefix), nd = strlen(dev), len;
	char *name = xcalloc(np + nd + 1, 1), *buf, *line;
	const char *path;
	struct diag_loc loc;
	struct shfile sh = { 0 };

	/* "route-DEV" and "route6-DEV" for every bond: no printf */
	memcpy(name, prefix, np);
	memcpy(name + np, dev, nd);
	path = host_conf_keep(h, xpathjoin(dir, name));
	loc = (struct diag_loc){ .source = path };
	free(name);
	if (cfgfile_read(h->root, path, &buf, &len, d))
		return;
	if (!strncmp(buf, "ADDRESS0=", 9) || strstr(buf, "\nADDRESS0=")) {
		shfile_parse(&sh, buf, len, path, d);
		route_vars(ip, dev, &sh, d);
		shfile_free(&sh);
		free(buf);
		return;
	}
	for (line = buf; line && *line;) {
		char *nl = strchr(line, '\n');

		if (nl)
			*nl = '\0';
		loc.line++;
		line += strspn(line, " \t");
		if (*line && *line != '#')
			route_line(ip, dev, line, v6, &loc, d);
		line = nl ? nl + 1 : NULL;
	}
	free(buf);
}

void ifcfg_read_net(struct host_conf *h, struct host_ip *ip, char ***addrs,
		    size_t *n_addrs, const struct ifcfg *f, struct diags *d)
{
	char *dir = xstrdup(f->path), *slash = strrchr(dir, '/');

	gateways(ip, f, d);
	dns(ip, f, d);
	ipv6_addresses(addrs, n_addrs, f, d);
	if (slash) {
		*slash = '\0';
		route_file(h, ip, f->device, dir, "route-", d);
		route_file(h, ip, f->device, dir, "route6-", d);
	}
	free(dir);
}

void ifcfg_read_alias(struct host_conf *h, const char *path, struct diags *d)
{
	const char *base = strrchr(path, '/') + strlen("/ifcfg-");
	char name[IF_NAMESIZE];
	struct shfile sh = { 0 };
	const struct shvar *a, *p, *m;
	struct host_bond *b;
	size_t len;
	char *buf, *addr;

	snprintf(name, sizeof(name), "%.*s", (int)strcspn(base, ":"), base);
	b = values_declared(h, HOST_IFCFG, name);
	if (!b || cfgfile_read(h->root, path, &buf, &len, d))
		return;
	shfile_parse(&sh, buf, len, path, d);
	free(buf);
	a = shfile_get(&sh, "IPADDR");
	p = shfile_get(&sh, "PREFIX");
	m = shfile_get(&sh, "NETMASK");
	if (a && *a->value) {
		addr = values_address(a->value, p ? p->value : NULL,
				      m ? m->value : NULL);
		if (values_valid_address(addr))
			host_bond_add_address(b, addr);
		else
			diags_add(d, DIAG_ERROR, &a->loc,
				  "IPADDR=%s: not an IP address", a->value);
		free(addr);
	}
	shfile_free(&sh);
}

/* --- the writer ----------------------------------------------------------- */

void ifcfg_write_ip(FILE *out, const struct host_ip *ip, bool has_v6)
{
	struct strbuf search = { 0 };
	char key[8];
	size_t i;

	if (ip->gateway.value)
		conv_sh_assign(out, "GATEWAY", ip->gateway.value);
	if (ip->gateway6.value) {
		if (!has_v6)
			conv_sh_assign(out, "IPV6INIT", "yes");
		conv_sh_assign(out, "IPV6_DEFAULTGW", ip->gateway6.value);
	}
	for (i = 0; i < ip->n_dns && i < 10; i++) {
		snprintf(key, sizeof(key), "DNS%zu", i + 1);
		conv_sh_assign(out, key, ip->dns[i].value);
	}
	for (i = 0; i < ip->n_search; i++) {
		if (i)
			strbuf_addc(&search, ' ');
		strbuf_addn(&search, ip->search[i].value,
			    strlen(ip->search[i].value));
	}
	if (search.len)
		conv_sh_assign(out, "DOMAIN", strbuf_str(&search));
	strbuf_free(&search);
}

void ifcfg_write_routes(struct conv *cv, const char *name,
			const struct host_ip *ip)
{
	FILE *out;
	size_t i;
	int v6;

	for (i = 10; i < ip->n_dns; i++)
		conv_lost_at(cv, NULL, "ifcfg", &ip->dns[i].loc,
			     "%s: name server %s (DNS1= to DNS10= only)", name,
			     ip->dns[i].value);
	for (v6 = 0; v6 < 2; v6++) {
		out = NULL;
		for (i = 0; i < ip->n_routes; i++) {
			const struct host_route *r = &ip->routes[i];

			if (conv_route_ipv6(r) != v6)
				continue;
			if (!out)
				out = conv_file_open(
					cv, xasprintf(IFCFG_DIR "/route%s-%s",
						      v6 ? "6" : "", name));
			conv_route_words(out, r);
			fputc('\n', out);
		}
		if (out)
			conv_file_close(cv);
	}
}
