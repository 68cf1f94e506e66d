// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The network of an interface in Debian's interfaces (a bond, or what
 * sits on it), beside its stanza's other keys: gateway, dns-nameservers
 * and dns-search (resolvconf's keys, which ifupdown2 reads too), routes
 * added by "up ip route add" lines, and other commands, not carried; and
 * their writer.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/conv.h"
#include "formats/iface.h"
#include "formats/shfile.h"
#include "formats/values.h"
#include "formats/writers.h"
#include "model/xalloc.h"

/* The commands a stanza runs: ifupdown's and ifupdown2's keys. */
static const char *const command_keys[] = { "pre-up", "up",	  "post-up",
					    "down",   "pre-down", "post-down",
					    NULL };

static bool is_command(const char *key)
{
	const char *const *k;

	for (k = command_keys; *k; k++)
		if (!strcmp(key, *k))
			return true;
	return false;
}

/*
 * "ip route add ...", "ip -6 route add ...", "ip -4 r a ...": the words
 * after "add" (@*n of them), or NULL for another command.
 */
static char **route_command(const char *cmd, size_t *n, size_t *start,
			    bool *del, bool *v6)
{
	char **w = values_words(cmd, n);
	size_t i = 0;

	if (i < *n && !strcmp(w[i], "ip"))
		i++;
	else
		goto other;
	*v6 = i < *n && !strcmp(w[i], "-6");
	if (i < *n && (!strcmp(w[i], "-4") || !strcmp(w[i], "-6")))
		i++;
	if (i < *n && (!strcmp(w[i], "route") || !strcmp(w[i], "r") ||
		       !strcmp(w[i], "ro")))
		i++;
	else
		goto other;
	if (i < *n && (!strcmp(w[i], "add") || !strcmp(w[i], "a") ||
		       !strcmp(w[i], "replace"))) {
		*del = false;
	} else if (i < *n &&
		   (!strcmp(w[i], "del") || !strcmp(w[i], "delete"))) {
		*del = true;
	} else {
		goto other;
	}
	*start = i + 1;
	return w;
other:
	values_words_free(w, *n);
	return NULL;
}

static void command(struct ifaces *s, struct host_ip *ip, const char *dev,
		    const struct ifopt *o)
{
	size_t n, start;
	bool del, v6;
	char **w = route_command(o->value, &n, &start, &del, &v6);

	if (!w) {
		host_ip_add_extra(ip, &o->loc, "the command '%s %s'", o->key,
				  o->value);
		return;
	}
	/* an "up" route's "down ... del" undoes it: the pair is the route */
	if (!del && (!strcmp(o->key, "up") || !strcmp(o->key, "post-up")))
		values_route(ip, dev, (const char *const *)w + start, n - start,
			     v6, &o->loc, o->value, s->d);
	else if (!del)
		host_ip_add_extra(ip, &o->loc, "the command '%s %s'", o->key,
				  o->value);
	values_words_free(w, n);
}

bool iface_ip_option(struct ifaces *s, struct host_ip *ip, const char *dev,
		     const struct iface *f, const struct ifopt *o)
{
	char **w;
	size_t i, n;

	if (!strcmp(o->key, "gateway")) {
		/* ifupdown2's stanza with no family takes either */
		if (values_valid_host(o->value) &&
		    (!f->family[0] ||
		     !strchr(o->value, ':') == !!strcmp(f->family, "inet6")))
			host_ip_set_gateway(ip, o->value, &o->loc);
		else
			diags_add(s->d, DIAG_WARNING, &o->loc,
				  "gateway %s: not an %s address; ignored",
				  o->value,
				  strcmp(f->family, "inet6") ? "IPv4" : "IPv6");
		return true;
	}
	if (!strcmp(o->key, "dns-nameservers") ||
	    !strcmp(o->key, "dns-search") || !strcmp(o->key, "dns-domain")) {
		w = values_words(o->value, &n);
		for (i = 0; i < n; i++) {
			if (strcmp(o->key, "dns-nameservers") &&
			    values_valid_domain(w[i]))
				host_ip_add_search(ip, w[i], &o->loc);
			else if (strcmp(o->key, "dns-nameservers"))
				diags_add(
					s->d, DIAG_WARNING, &o->loc,
					"%s: '%s' is not a domain name; ignored",
					o->key, w[i]);
			else if (values_valid_host(w[i]))
				host_ip_add_dns(ip, w[i], &o->loc);
			else
				diags_add(
					s->d, DIAG_WARNING, &o->loc,
					"dns-nameservers: '%s' is not an IP address; ignored",
					w[i]);
		}
		values_words_free(w, n);
		return true;
	}
	if (is_command(o->key)) {
		command(s, ip, dev, o);
		return true;
	}
	if (!strcmp(o->key, "metric") || !strcmp(o->key, "pointopoint") ||
	    !strcmp(o->key, "scope") || !strcmp(o->key, "vrf")) {
		host_ip_add_extra(ip, &o->loc, "%s %s", o->key, o->value);
		return true;
	}
	return false;
}

/* --- the writer ----------------------------------------------------------- */

const char *iface_nth_address(char *const *v, size_t n, bool v6, size_t k)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (conv_is_ipv6(v[i]) == v6 && !k--)
			return v[i];
	return NULL;
}

void iface_more_stanzas(FILE *out, const char *name, char *const *v, size_t n,
			bool v6)
{
	const char *a;
	size_t k;

	for (k = 1; (a = iface_nth_address(v, n, v6, k)); k++)
		fprintf(out, "\niface %s %s static\n    address %s\n", name,
			v6 ? "inet6" : "inet", a);
}

void iface_write_ip(struct conv *cv, FILE *out, const char *name,
		    char *const *addrs, size_t n_addrs,
		    const struct host_ip *ip, bool v6, bool both)
{
	const struct host_item *gw = v6 ? &ip->gateway6 : &ip->gateway,
			       *other = v6 ? &ip->gateway : &ip->gateway6;
	size_t i;

	/* ifupdown sets a gateway in a static stanza only */
	if (gw->value && conv_addresses_have(addrs, n_addrs, v6))
		fprintf(out, "    gateway %s\n", gw->value);
	else if (gw->value)
		conv_lost_at(cv, out, "interfaces", &gw->loc,
			     "%s: gateway %s with no address of its family",
			     name, gw->value);
	/* the first stanza says what is not of one family */
	if (!v6 || !both) {
		if (other->value && !both)
			conv_lost_at(
				cv, out, "interfaces", &other->loc,
				"%s: gateway %s with no address of its family",
				name, other->value);
		if (ip->n_dns) {
			fputs("    dns-nameservers", out);
			for (i = 0; i < ip->n_dns; i++)
				fprintf(out, " %s", ip->dns[i].value);
			fputc('\n', out);
		}
		if (ip->n_search) {
			fputs("    dns-search", out);
			for (i = 0; i < ip->n_search; i++)
				fprintf(out, " %s", ip->search[i].value);
			fputc('\n', out);
		}
	}
	for (i = 0; i < ip->n_routes; i++) {
		const struct host_route *r = &ip->routes[i];

		if (both && conv_route_ipv6(r) != v6)
			continue;
		fprintf(out, "    up ip%s route add ",
			conv_route_ipv6(r) ? " -6" : "");
		conv_route_words(out, r);
		fputs(" dev ", out);
		shfile_write_word(out, name);
		fputc('\n', out);
	}
}
