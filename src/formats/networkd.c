// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Writer for systemd-networkd: a .netdev unit per bond with its [Bond]
 * keys (each option's key is in its row of the option table), and a
 * .network unit per bond and per slave; a .netdev and a .network per
 * VLAN on the bond and per bridge over it, the bridge and the VLANs of
 * each named in the .network of the link under them. networkd has no
 * reader here: its files are an output only.
 */
#include "config.h"

#include <string.h>

#include "formats/writers.h"

#define NETWORKD_DIR "/etc/systemd/network"

static bool nd_value_known(const struct bondopt_networkd *k, const char *value)
{
	const char *const *n;

	if (!k->values)
		return true;
	for (n = k->values; *n; n++)
		if (!strcmp(*n, value))
			return true;
	return false;
}

static void write_netdev(struct conv *cv, const struct host_bond *b)
{
	const struct bond_conf *c = &b->conf;
	char value[VALUE_MAX], *p;
	FILE *out;
	int id;

	out = conv_file_open(cv,
			     xasprintf(NETWORKD_DIR "/30-%s.netdev", c->name));
	fprintf(out, "[NetDev]\nName=%s\nKind=bond\n\n[Bond]\n", c->name);
	for (id = 0; id < BONDOPT_COUNT; id++) {
		const struct bondopt_networkd *k = &bondopt_get(id)->networkd;
		const char *name = bondopt_get(id)->name;

		if (!conv_bond_option(c, id))
			continue;
		bond_conf_format_value(c, id, value, sizeof(value));
		if (k->form == BONDOPT_ND_SLAVE) {
			/* written in the slave's .network: slave_keys() */
			if (*value && !bond_conf_find_slave(c, value))
				conv_lost_at(
					cv, out, "networkd", &c->where[id],
					"%s: %s=%s, which is not one of its slaves",
					c->name, name, value);
			continue;
		}
		if (!k->key) {
			conv_lost_at(cv, out, "networkd", &c->where[id],
				     "%s: %s=%s", c->name, name, value);
			continue;
		}
		if (!nd_value_known(k, value)) {
			conv_lost_at(cv, out, "networkd", &c->where[id],
				     "%s: %s=%s (the value)", c->name, name,
				     value);
			continue;
		}
		fprintf(out, "%s=", k->key);
		switch (k->form) {
		case BONDOPT_ND_BOOL:
			fputs(c->num[id] ? "yes" : "no", out);
			break;
		case BONDOPT_ND_MSEC:
			fprintf(out, "%lldms", (long long)c->num[id]);
			break;
		case BONDOPT_ND_SEC:
			fprintf(out, "%llds", (long long)c->num[id]);
			break;
		case BONDOPT_ND_LIST:
			for (p = value; *p; p++)
				if (*p == ',')
					*p = ' ';
			/* fall through */
		case BONDOPT_ND_NAME:
		case BONDOPT_ND_NUM:
		case BONDOPT_ND_TEXT:
		case BONDOPT_ND_NONE:
		case BONDOPT_ND_SLAVE:
			fputs(value, out);
			break;
		}
		fputc('\n', out);
	}
	conv_file_close(cv);
}

/* PrimarySlave=yes, ActiveSlave=yes: in the .network of the slave named. */
static void slave_keys(FILE *out, const struct bond_conf *c, const char *slave)
{
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++)
		if (bondopt_get(id)->networkd.form == BONDOPT_ND_SLAVE &&
		    bond_conf_has(c, id) &&
		    !strcmp(bond_conf_ifname_of(c, id), slave))
			fprintf(out, "%s=yes\n", bondopt_get(id)->networkd.key);
}

/*
 * Whether [Match] Name=@name matches that name only: networkd takes the
 * value as shell-style globs, a leading '!' inverting the match. Else the
 * .network is not written, and that is warned.
 */
static bool matches_itself(struct conv *cv, const char *name)
{
	if (!strpbrk(name, "*?[]\\'\"") && name[0] != '!')
		return true;
	conv_lost(
		cv, NULL, "networkd",
		"%s: its .network, since networkd reads [Match] Name=%s as a pattern that other names match too (match it by MACAddress= instead)",
		name, name);
	return false;
}

/* [Network] Gateway=, DNS=, Domains= of network @ip. */
static void network_keys(FILE *out, const struct host_ip *ip)
{
	size_t i;

	if (ip->gateway.value)
		fprintf(out, "Gateway=%s\n", ip->gateway.value);
	if (ip->gateway6.value)
		fprintf(out, "Gateway=%s\n", ip->gateway6.value);
	for (i = 0; i < ip->n_dns; i++)
		fprintf(out, "DNS=%s\n", ip->dns[i].value);
	if (ip->n_search) {
		fputs("Domains=", out);
		for (i = 0; i < ip->n_search; i++)
			fprintf(out, "%s%s", i ? " " : "", ip->search[i].value);
		fputc('\n', out);
	}
}

/* A [Route] section per route of @ip. */
static void network_routes(FILE *out, const struct host_ip *ip)
{
	size_t i;

	for (i = 0; i < ip->n_routes; i++) {
		const struct host_route *r = &ip->routes[i];

		fputs("\n[Route]\n", out);
		/* a section with neither is ignored: the default spelt out */
		if (strcmp(r->dest, "default"))
			fprintf(out, "Destination=%s\n", r->dest);
		else if (!r->via)
			fputs("Destination=0.0.0.0/0\n", out);
		if (r->via)
			fprintf(out, "Gateway=%s\n", r->via);
		if (r->metric >= 0)
			fprintf(out, "Metric=%ld\n", r->metric);
	}
}

/*
 * [Network] Bridge= for the bridge interface @name is a port of, and
 * VLAN= for each VLAN on it (networkd makes a VLAN when the .network of
 * the link under it names it): the uppers of bond @b.
 */
static void network_stack(FILE *out, const struct host_bond *b,
			  const char *name)
{
	const struct host_upper *br = conv_bridge_of(&b->ip, name);
	size_t i;

	if (br)
		fprintf(out, "Bridge=%s\n", br->name);
	for (i = 0; i < b->ip.n_uppers; i++)
		if (b->ip.uppers[i]->kind == HOST_UPPER_VLAN &&
		    !strcmp(b->ip.uppers[i]->lower, name))
			fprintf(out, "VLAN=%s\n", b->ip.uppers[i]->name);
}

/*
 * The .network of interface @name, bond @b or one of its uppers: its
 * addresses, network @ip, what sits on it; ActivationPolicy=manual unless
 * @onboot (networkd brings every link it configures up, else).
 */
static void write_network(struct conv *cv, const struct host_bond *b,
			  const char *name, char *const *addresses, size_t n,
			  const struct host_ip *ip, bool onboot)
{
	bool bond = ip == &b->ip;
	size_t i;
	FILE *out;

	if (!matches_itself(cv, name))
		return;
	out = conv_file_open(cv,
			     xasprintf(NETWORKD_DIR "/30-%s.network", name));
	fprintf(out, "[Match]\nName=%s\n", name);
	if ((bond && (b->has_mtu || b->hwaddr)) || !onboot) {
		fputs("\n[Link]\n", out);
		if (bond && b->has_mtu)
			fprintf(out, "MTUBytes=%u\n", b->mtu);
		if (bond && b->hwaddr)
			fprintf(out, "MACAddress=%s\n", b->hwaddr);
		if (!onboot)
			fputs("ActivationPolicy=manual\n", out);
	}
	fputs("\n[Network]\n", out);
	for (i = 0; i < n; i++)
		fprintf(out, "Address=%s\n", addresses[i]);
	network_keys(out, ip);
	network_stack(out, b, name);
	network_routes(out, ip);
	conv_file_close(cv);
}

/*
 * NAME.netdev of upper @u of bond @b: a VLAN with its id, a bridge with
 * its spanning tree and forward delay where said (else the kernel's).
 */
static void write_upper_netdev(struct conv *cv, const struct host_bond *b,
			       const struct host_upper *u)
{
	const struct host_upper *br;
	FILE *out;

	out = conv_file_open(cv,
			     xasprintf(NETWORKD_DIR "/30-%s.netdev", u->name));
	fprintf(out, "[NetDev]\nName=%s\nKind=%s\n", u->name,
		u->kind == HOST_UPPER_VLAN ? "vlan" : "bridge");
	if (u->kind == HOST_UPPER_VLAN) {
		fprintf(out, "\n[VLAN]\nId=%u\n", u->vid);
	} else if (u->stp >= 0 || u->fd >= 0) {
		fputs("\n[Bridge]\n", out);
		if (u->stp >= 0)
			fprintf(out, "STP=%s\n", u->stp ? "yes" : "no");
		if (u->fd >= 0)
			fprintf(out, "ForwardDelaySec=%d\n", u->fd);
	}
	/* an interface is a port of one bridge: the first that names it */
	br = u->kind == HOST_UPPER_BRIDGE ? conv_bridge_of(&b->ip, u->lower) :
					    NULL;
	if (br && br != u)
		conv_lost_at(cv, out, "networkd", &u->loc,
			     "%s: its port %s, a port of bridge %s already",
			     u->name, u->lower, br->name);
	conv_file_close(cv);
}

void networkd_write(struct conv *cv, FILE *out, const struct host_bond *b)
{
	const struct bond_conf *c = &b->conf;
	size_t i;

	write_netdev(cv, b);
	write_network(cv, b, c->name, b->addresses, b->n_addresses, &b->ip,
		      b->onboot);
	for (i = 0; i < c->n_slaves; i++) {
		const struct bond_slave_conf *s = &c->slaves[i];

		if (!s->member) {
			conv_lost_slave(cv, NULL, "networkd", c, s, ~0ULL,
					", not a slave");
			continue;
		}
		if (!matches_itself(cv, s->name))
			continue;
		out = conv_file_open(
			cv, xasprintf(NETWORKD_DIR "/30-%s.network", s->name));
		fprintf(out, "[Match]\nName=%s\n\n[Network]\nBond=%s\n",
			s->name, c->name);
		slave_keys(out, c, s->name);
		conv_lost_slave(cv, out, "networkd", c, s, ~0ULL, "");
		conv_file_close(cv);
	}

	/* what sits on the bond, each after what it sits on */
	for (i = 0; i < b->ip.n_uppers; i++) {
		const struct host_upper *u = b->ip.uppers[i];

		write_upper_netdev(cv, b, u);
		write_network(cv, b, u->name, u->addresses, u->n_addresses,
			      &u->ip, u->onboot);
	}
}
