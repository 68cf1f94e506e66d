// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Writer for NetworkManager: the nmcli commands that recreate each bond
 * and its slaves as connections, then each VLAN on it and each bridge over
 * it (a bond or VLAN that is a bridge's port a port connection of it).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "formats/shfile.h"
#include "formats/writers.h"

/* Whether NetworkManager @cv->nm_target has option @id at all. */
static bool nm_has(const struct conv *cv, int id)
{
	const struct bondopt_kver *v = &bondopt_get(id)->nm_since;

	return v->major < cv->nm_target.major ||
	       (v->major == cv->nm_target.major &&
		v->minor <= cv->nm_target.minor);
}

/*
 * Whether NetworkManager takes option @id of @c: it has it, and (its
 * verify()) an ARP or NS target comes with arp_interval, which in the
 * kernel does nothing without it.
 */
static bool nm_takes(const struct conv *cv, const struct bond_conf *c, int id)
{
	if (!nm_has(cv, id))
		return false;
	if (!(bondopt_get(id)->flags & BONDOPT_F_NM_NEEDS_ARP))
		return true;
	return bond_conf_has(c, BONDOPT_ARP_INTERVAL) &&
	       c->num[BONDOPT_ARP_INTERVAL];
}

/* Why NetworkManager does not take option @id (nm_takes() is false). */
static void nm_why(const struct conv *cv, int id, char *buf, size_t size)
{
	const struct bondopt_kver *v = &bondopt_get(id)->nm_since;

	if (nm_has(cv, id))
		snprintf(
			buf, size,
			"without arp_interval, which NetworkManager refuses; the kernel does nothing with it");
	else if (v->major == BONDOPT_NM_NEVER)
		snprintf(buf, size, "no NetworkManager release has it");
	else
		snprintf(
			buf, size,
			"NetworkManager has it from %u.%u on: --target-version %u.%u",
			v->major, v->minor, v->major, v->minor);
}

/* bond.options: name=value,...; a comma inside a value escaped for nmcli. */
static char *nmcli_bond_options(const struct conv *cv,
				const struct bond_conf *c)
{
	struct strbuf b = { 0 };
	const struct bondopt *mode = bondopt_get(BONDOPT_MODE);
	char value[VALUE_MAX], *p;
	int id;

	/* NetworkManager refuses a bond whose options leave the mode out */
	if (!bond_conf_has(c, BONDOPT_MODE)) {
		snprintf(value, sizeof(value), "%s=%s", mode->name,
			 mode->values[mode->def].name);
		strbuf_addn(&b, value, strlen(value));
	}
	for (id = 0; id < BONDOPT_COUNT; id++) {
		if (!conv_bond_option(c, id) || !nm_takes(cv, c, id))
			continue;
		bond_conf_format_value(c, id, value, sizeof(value));
		if (b.len)
			strbuf_addc(&b, ',');
		strbuf_addn(&b, bondopt_get(id)->name,
			    strlen(bondopt_get(id)->name));
		strbuf_addc(&b, '=');
		for (p = value; *p; p++) {
			if (*p == ',')
				strbuf_addc(&b, '\\');
			strbuf_addc(&b, *p);
		}
	}
	return strbuf_take(&b);
}

static void nmcli_arg(FILE *out, const char *key, const char *value)
{
	fprintf(out, " %s ", key);
	shfile_write_word(out, value);
}

/* @v's values of family @v6, separated by commas. */
static void items_list(struct strbuf *list, const struct host_item *v, size_t n,
		       int v6)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (v6 >= 0 && conv_is_ipv6(v[i].value) != v6)
			continue;
		if (list->len)
			strbuf_addc(list, ',');
		strbuf_addn(list, v[i].value, strlen(v[i].value));
	}
}

/* Where the first of @v of family @v6 is said. */
static const struct diag_loc *first_of(const struct host_item *v, size_t n,
				       bool v6)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (conv_is_ipv6(v[i].value) == v6)
			return &v[i].loc;
	return &v[0].loc;
}

/* What one connection carries of IP: the bond's, or an upper's. */
struct nm_iface {
	const char *name;
	char *const *addresses;
	size_t n_addresses;
	const struct host_ip *ip;
	const struct diag_loc *loc; /* where it is declared */
};

/* ipv4.gateway, .dns, .dns-search, .routes; or what cannot be said */
static void nmcli_ip(struct conv *cv, FILE *out, const struct nm_iface *f,
		     bool v6)
{
	const char *fam = v6 ? "ipv6" : "ipv4";
	const struct host_ip *ip = f->ip;
	const struct host_item *gw = v6 ? &ip->gateway6 : &ip->gateway;
	bool has_addresses =
		conv_addresses_have(f->addresses, f->n_addresses, v6);
	struct strbuf list = { 0 };
	char key[24];
	size_t i;

	if (gw->value && has_addresses) {
		snprintf(key, sizeof(key), "%s.gateway", fam);
		nmcli_arg(out, key, gw->value);
	} else if (gw->value) {
		conv_lost_at(cv, NULL, "nmcli", &gw->loc,
			     "%s: gateway %s with no %s address", f->name,
			     gw->value, v6 ? "IPv6" : "IPv4");
	}
	items_list(&list, ip->dns, ip->n_dns, v6);
	if (list.len && has_addresses) {
		snprintf(key, sizeof(key), "%s.dns", fam);
		nmcli_arg(out, key, strbuf_str(&list));
	} else if (list.len) {
		conv_lost_at(cv, NULL, "nmcli",
			     first_of(ip->dns, ip->n_dns, v6),
			     "%s: name servers %s with no %s address", f->name,
			     strbuf_str(&list), v6 ? "IPv6" : "IPv4");
	}
	strbuf_reset(&list);
	/* the search domains go with IPv4, or IPv6 where there is no IPv4 */
	if (!v6 || !conv_addresses_have(f->addresses, f->n_addresses, false))
		items_list(&list, ip->search, ip->n_search, -1);
	if (list.len && has_addresses) {
		snprintf(key, sizeof(key), "%s.dns-search", fam);
		nmcli_arg(out, key, strbuf_str(&list));
	} else if (list.len && v6) {
		conv_lost_at(cv, NULL, "nmcli", &ip->search[0].loc,
			     "%s: search domains %s with no address", f->name,
			     strbuf_str(&list));
	}
	strbuf_reset(&list);
	for (i = 0; i < ip->n_routes; i++) {
		const struct host_route *r = &ip->routes[i];
		char word[160];
		int n;

		if (conv_route_ipv6(r) != v6)
			continue;
		/* method disabled: NetworkManager would keep it, unused */
		if (!has_addresses) {
			conv_lost_at(cv, NULL, "nmcli", &r->loc,
				     "%s: the route to %s with no %s address",
				     f->name, r->dest, v6 ? "IPv6" : "IPv4");
			continue;
		}
		/* "DEST [NEXT-HOP] [METRIC]"; nmcli has no "default" */
		n = snprintf(word, sizeof(word), "%s",
			     strcmp(r->dest, "default") ? r->dest :
			     v6				? "::/0" :
							  "0.0.0.0/0");
		if (r->via)
			n += snprintf(word + n, sizeof(word) - n, " %s",
				      r->via);
		if (r->metric >= 0)
			snprintf(word + n, sizeof(word) - n, " %ld", r->metric);
		if (list.len)
			strbuf_addc(&list, ',');
		strbuf_addn(&list, word, strlen(word));
	}
	if (list.len) {
		snprintf(key, sizeof(key), "%s.routes", fam);
		nmcli_arg(out, key, strbuf_str(&list));
	}
	strbuf_free(&list);
}

static void nmcli_addresses(FILE *out, const struct nm_iface *f, bool v6)
{
	struct strbuf list = { 0 };
	size_t i;

	for (i = 0; i < f->n_addresses; i++) {
		if (conv_is_ipv6(f->addresses[i]) != v6)
			continue;
		if (list.len)
			strbuf_addc(&list, ',');
		strbuf_addn(&list, f->addresses[i], strlen(f->addresses[i]));
	}
	if (list.len) {
		nmcli_arg(out, v6 ? "ipv6.method" : "ipv4.method", "manual");
		nmcli_arg(out, v6 ? "ipv6.addresses" : "ipv4.addresses",
			  strbuf_str(&list));
	} else {
		nmcli_arg(out, v6 ? "ipv6.method" : "ipv4.method", "disabled");
	}
	strbuf_free(&list);
}

/*
 * The IP of connection @f, both families; or, when it is a port of bridge
 * @br, slave-type and master, and its IP named: NetworkManager's verify()
 * refuses an IP setting in a port's connection ("setting not allowed in
 * port connection"), and its normalization drops it.
 */
static void nmcli_network(struct conv *cv, FILE *out, const struct nm_iface *f,
			  const struct host_upper *br)
{
	const struct host_ip *ip = f->ip;
	const struct host_item *gw[] = { &ip->gateway, &ip->gateway6 };
	char why[80];
	size_t i;

	if (!br) {
		nmcli_addresses(out, f, false);
		nmcli_ip(cv, out, f, false);
		nmcli_addresses(out, f, true);
		nmcli_ip(cv, out, f, true);
		return;
	}
	/* not port-type and controller: those need NetworkManager 1.46 */
	nmcli_arg(out, "slave-type", "bridge");
	nmcli_arg(out, "master", br->name);
	snprintf(why, sizeof(why),
		 "a port of bridge %s, which NetworkManager gives no IP",
		 br->name);
	for (i = 0; i < f->n_addresses; i++)
		conv_lost_at(cv, NULL, "nmcli", f->loc, "%s: address %s (%s)",
			     f->name, f->addresses[i], why);
	for (i = 0; i < 2; i++)
		if (gw[i]->value)
			conv_lost_at(cv, NULL, "nmcli", &gw[i]->loc,
				     "%s: gateway %s (%s)", f->name,
				     gw[i]->value, why);
	for (i = 0; i < ip->n_dns; i++)
		conv_lost_at(cv, NULL, "nmcli", &ip->dns[i].loc,
			     "%s: name server %s (%s)", f->name,
			     ip->dns[i].value, why);
	for (i = 0; i < ip->n_search; i++)
		conv_lost_at(cv, NULL, "nmcli", &ip->search[i].loc,
			     "%s: search domain %s (%s)", f->name,
			     ip->search[i].value, why);
	for (i = 0; i < ip->n_routes; i++)
		conv_lost_at(cv, NULL, "nmcli", &ip->routes[i].loc,
			     "%s: the route to %s (%s)", f->name,
			     ip->routes[i].dest, why);
}

/*
 * bridge.stp and bridge.forward-delay of bridge @u. A spanning tree not
 * said is the kernel's default, off (NetworkManager's own is on); a
 * forward delay NetworkManager refuses (2 to 30 seconds, or 0 with the
 * spanning tree off) is named.
 */
static void nmcli_bridge(struct conv *cv, FILE *out, const struct host_upper *u)
{
	char num[24];

	nmcli_arg(out, "bridge.stp", u->stp == 1 ? "yes" : "no");
	if (u->fd < 0)
		return;
	if ((u->fd >= 2 && u->fd <= 30) || (u->fd == 0 && u->stp != 1)) {
		snprintf(num, sizeof(num), "%d", u->fd);
		nmcli_arg(out, "bridge.forward-delay", num);
	} else {
		conv_lost_at(
			cv, NULL, "nmcli", &u->loc,
			"%s: forward delay %d (NetworkManager takes 2 to 30 seconds, or 0 with the spanning tree off)",
			u->name, u->fd);
	}
}

/* The connection of upper @u of bond @b: a VLAN, or a bridge. */
static void nmcli_upper(struct conv *cv, FILE *out, const struct host_bond *b,
			const struct host_upper *u)
{
	const struct nm_iface f = { u->name, u->addresses, u->n_addresses,
				    &u->ip, &u->loc };
	const struct host_upper *br;
	char num[24];

	fprintf(out, "nmcli connection add type %s",
		u->kind == HOST_UPPER_VLAN ? "vlan" : "bridge");
	nmcli_arg(out, "con-name", u->name);
	nmcli_arg(out, "ifname", u->name);
	if (u->kind == HOST_UPPER_VLAN) {
		nmcli_arg(out, "dev", u->lower);
		snprintf(num, sizeof(num), "%u", u->vid);
		nmcli_arg(out, "id", num);
	} else {
		nmcli_bridge(cv, out, u);
		/* an interface is a port of one bridge: the first naming it */
		br = conv_bridge_of(&b->ip, u->lower);
		if (br != u)
			conv_lost_at(
				cv, NULL, "nmcli", &u->loc,
				"%s: its port %s, a port of bridge %s already",
				u->name, u->lower, br->name);
	}
	nmcli_network(cv, out, &f, conv_bridge_of(&b->ip, u->name));
	if (!u->onboot)
		nmcli_arg(out, "connection.autoconnect", "no");
	fputc('\n', out);
}

void nmcli_write(struct conv *cv, FILE *out, const struct host_bond *b)
{
	const struct bond_conf *c = &b->conf;
	const struct nm_iface f = { c->name, b->addresses, b->n_addresses,
				    &b->ip, &b->loc };
	char *opts, num[24], *con, why[96], value[VALUE_MAX];
	uint64_t no_port = 0; /* slave options nmcli has no property for */
	size_t i;
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++)
		if (!bondopt_get(id)->nmcli_port || !nm_has(cv, id))
			no_port |= BONDOPT_BIT(id);
	fputs("nmcli connection add type bond", out);
	nmcli_arg(out, "con-name", c->name);
	nmcli_arg(out, "ifname", c->name);
	opts = nmcli_bond_options(cv, c);
	if (*opts) {
		fputs(" bond.options ", out);
		shfile_write_quoted(out, opts);
	}
	free(opts);
	for (id = 0; id < BONDOPT_COUNT; id++) {
		if (!conv_bond_option(c, id) || nm_takes(cv, c, id))
			continue;
		nm_why(cv, id, why, sizeof(why));
		bond_conf_format_value(c, id, value, sizeof(value));
		conv_lost_at(cv, NULL, "nmcli", &c->where[id], "%s: %s=%s (%s)",
			     c->name, bondopt_get(id)->name, value, why);
	}
	nmcli_network(cv, out, &f, conv_bridge_of(&b->ip, c->name));
	if (b->has_mtu) {
		snprintf(num, sizeof(num), "%u", b->mtu);
		nmcli_arg(out, "ethernet.mtu", num);
	}
	if (b->hwaddr)
		nmcli_arg(out, "ethernet.cloned-mac-address", b->hwaddr);
	if (!b->onboot)
		nmcli_arg(out, "connection.autoconnect", "no");
	fputc('\n', out);
	for (i = 0; i < c->n_slaves; i++) {
		const struct bond_slave_conf *s = &c->slaves[i];

		if (!s->member) {
			conv_lost_slave(cv, out, "nmcli", c, s, ~0ULL,
					", not a slave");
			continue;
		}
		for (id = 0; id < BONDOPT_COUNT; id++) {
			if (!(s->present & no_port & BONDOPT_BIT(id)))
				continue;
			why[0] = '\0';
			if (bondopt_get(id)->nmcli_port) {
				why[0] = ',';
				why[1] = ' ';
				nm_why(cv, id, why + 2, sizeof(why) - 2);
			}
			conv_lost_slave(cv, out, "nmcli", c, s, BONDOPT_BIT(id),
					why);
		}
		fputs("nmcli connection add type ethernet", out);
		con = xasprintf("%s-port-%s", c->name, s->name);
		nmcli_arg(out, "con-name", con);
		free(con);
		nmcli_arg(out, "ifname", s->name);
		/* not port-type and controller: those need NetworkManager 1.46 */
		nmcli_arg(out, "slave-type", "bond");
		nmcli_arg(out, "master", c->name);
		for (id = 0; id < BONDOPT_COUNT; id++) {
			if (!(s->present & BONDOPT_BIT(id)))
				continue;
			snprintf(num, sizeof(num), "%lld",
				 (long long)s->num[id]);
			if (!(no_port & BONDOPT_BIT(id)))
				nmcli_arg(out, bondopt_get(id)->nmcli_port,
					  num);
		}
		if (!b->onboot)
			nmcli_arg(out, "connection.autoconnect", "no");
		fputc('\n', out);
	}
	/* what sits on the bond, each after what it sits on */
	for (i = 0; i < b->ip.n_uppers; i++)
		nmcli_upper(cv, out, b, b->ip.uppers[i]);
}
