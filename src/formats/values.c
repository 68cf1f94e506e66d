// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Values the formats' readers share: yes/no words, MTUs, addresses, MAC
 * addresses.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "formats/values.h"
#include "model/xalloc.h"

int values_bool_word(const char *s)
{
	static const char *const yes[] = { "yes", "true", "y", "t", "1", NULL };
	static const char *const no[] = { "no", "false", "n", "f", "0", NULL };
	const char *const *w;

	for (w = yes; *w; w++)
		if (!strcasecmp(s, *w))
			return 1;
	for (w = no; *w; w++)
		if (!strcasecmp(s, *w))
			return 0;
	return -1;
}

static int netmask_prefix(const char *mask)
{
	struct in_addr a;
	uint32_t m;
	int n = 0;

	if (inet_pton(AF_INET, mask, &a) != 1)
		return -1;
	m = ntohl(a.s_addr);
	while (m & 0x80000000u) {
		n++;
		m <<= 1;
	}
	return m ? -1 : n;
}

bool values_valid_address(const char *s)
{
	char addr[INET6_ADDRSTRLEN + 1], *end;
	const char *slash = strchr(s, '/');
	size_t len = slash ? (size_t)(slash - s) : strlen(s);
	unsigned char buf[sizeof(struct in6_addr)];
	unsigned long prefix;
	int family;

	if (len >= sizeof(addr))
		return false;
	memcpy(addr, s, len);
	addr[len] = '\0';
	if (inet_pton(AF_INET, addr, buf) == 1)
		family = AF_INET;
	else if (inet_pton(AF_INET6, addr, buf) == 1)
		family = AF_INET6;
	else
		return false;
	if (!slash)
		return true;
	prefix = strtoul(slash + 1, &end, 10);
	return slash[1] >= '0' && slash[1] <= '9' && !*end &&
	       prefix <= (family == AF_INET ? 32u : 128u);
}

bool values_valid_mac(const char *s)
{
	int i;

	if (strlen(s) != 17)
		return false;
	for (i = 0; i < 17; i++)
		if (i % 3 == 2 ? s[i] != ':' :
				 !strchr("0123456789abcdefABCDEF", s[i]))
			return false;
	return true;
}

char *values_address(const char *addr, const char *prefix, const char *netmask)
{
	int n;

	if (strchr(addr, '/'))
		return xstrdup(addr);
	if (prefix && *prefix)
		return xasprintf("%s/%s", addr, prefix);
	if (netmask && *netmask) {
		n = netmask_prefix(netmask);
		if (n >= 0)
			return xasprintf("%s/%d", addr, n);
	}
	return xstrdup(addr);
}

void values_mtu(struct host_bond *b, const char *key, const char *sep,
		const char *value, const struct diag_loc *loc, struct diags *d)
{
	unsigned long n;
	char *end;

	n = strtoul(value, &end, 10);
	if (*end || value[0] == '-' || n < 68 || n > 65535) {
		diags_add(d, DIAG_ERROR, loc,
			  "%s%s%s: expected a number from 68 to 65535", key,
			  sep, value);
		return;
	}
	b->has_mtu = true;
	b->mtu = (unsigned int)n;
	b->mtu_loc = *loc;
}

bool values_valid_host(const char *s)
{
	return !strchr(s, '/') && values_valid_address(s);
}

struct host_bond *values_declared(struct host_conf *h, enum host_format f,
				  const char *name)
{
	size_t i;

	for (i = h->n_decls; i-- > 0;)
		if (h->decls[i]->formats == HOST_FORMAT_BIT(f) &&
		    !strcmp(h->decls[i]->conf.name, name))
			return h->decls[i];
	return NULL;
}

struct host_upper *values_upper(struct host_conf *h, enum host_format f,
				const char *name, struct host_bond **bond)
{
	struct host_upper *u;
	size_t i;

	for (i = h->n_decls; i-- > 0;)
		if (h->decls[i]->formats == HOST_FORMAT_BIT(f) &&
		    (u = host_ip_find_upper(&h->decls[i]->ip, name))) {
			if (bond)
				*bond = h->decls[i];
			return u;
		}
	return NULL;
}

bool values_valid_domain(const char *s)
{
	size_t len = strlen(s);

	return len && len < 254 && s[0] != '.' && s[0] != '-' &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			 "0123456789.-_") == len;
}

char **values_words(const char *s, size_t *n)
{
	char **v = NULL;
	size_t len;

	*n = 0;
	for (;;) {
		s += strspn(s, " \t\n");
		if (!*s)
			return v;
		len = strcspn(s, " \t\n");
		v = xreallocarray(v, *n + 1, sizeof(char *));
		v[(*n)++] = xstrndup(s, len);
		s += len;
	}
}

void values_words_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/*
 * A route's destination: "default" (IPv4, or of the next hop's family),
 * ::/0 for IPv6's when @v6 says so, ADDR/PREFIX, or ADDR (a host route).
 */
static char *route_dest(const char *w, bool v6)
{
	if (!strcmp(w, "::/0") || (v6 && !strcmp(w, "default")))
		return xstrdup("::/0");
	if (!strcmp(w, "default") || !strcmp(w, "0.0.0.0/0"))
		return xstrdup("default");
	if (!values_valid_address(w))
		return NULL;
	if (strchr(w, '/'))
		return xstrdup(w);
	return xasprintf("%s/%d", w, strchr(w, ':') ? 128 : 32);
}

/* dev BOND, or the scripts' $IFACE: the bond itself */
static bool same_dev(const char *dev, const char *bond)
{
	return !strcmp(dev, bond) || !strcmp(dev, "$IFACE") ||
	       !strcmp(dev, "${IFACE}");
}

void values_route(struct host_ip *ip, const char *ifname, const char *const *w,
		  size_t n, bool v6, const struct diag_loc *loc,
		  const char *what, struct diags *d)
{
	const char *via = NULL, *dev = NULL;
	char *dest = NULL, *end;
	long metric = -1;
	size_t i = 0;

	if (n && !strcmp(w[0], "to"))
		i++;
	if (i < n)
		dest = route_dest(w[i++], v6);
	if (!dest) {
		diags_add(
			d, DIAG_WARNING, loc,
			"%s: not a route (write DEST/PREFIX via GATEWAY, or default via GATEWAY); ignored",
			what);
		return;
	}
	for (; i + 1 < n; i += 2) {
		if (!strcmp(w[i], "via") && values_valid_host(w[i + 1])) {
			via = w[i + 1];
		} else if (!strcmp(w[i], "dev")) {
			dev = w[i + 1];
		} else if (!strcmp(w[i], "metric") ||
			   !strcmp(w[i], "preference")) {
			errno = 0;
			metric = strtol(w[i + 1], &end, 10);
			if (*end || errno || metric < 0 ||
			    metric > (long)UINT32_MAX || w[i + 1][0] == '-')
				break;
		} else {
			break;
		}
	}
	if (i < n) {
		/* table, src, proto, onlink, mtu, ...: not in the model */
		host_ip_add_extra(ip, loc, "the route %s: %s", what, w[i]);
	} else if (dev && !same_dev(dev, ifname)) {
		host_ip_add_extra(ip, loc, "the route %s: dev %s", what, dev);
	} else if (!strcmp(dest, "default") && via && metric < 0) {
		host_ip_set_gateway(ip, via, loc);
	} else if (!strcmp(dest, "::/0") && via && metric < 0 &&
		   strchr(via, ':')) {
		host_ip_set_gateway(ip, via, loc);
	} else {
		host_ip_add_route(ip, dest, via, metric, loc);
	}
	free(dest);
}
