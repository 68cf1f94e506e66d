// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Writer for systemd-networkd: a .netdev unit per bond with its [Bond]
 * keys (each option's key is in its row of the option table), and a
 * .network unit per bond and per slave. networkd has no reader here: its
 * files are an output only.
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

/* [Network] Gateway=, DNS=, Domains=, and a [Route] per route. */
static void network_ip(FILE *out, const struct host_ip *ip)
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

void networkd_write(struct conv *cv, FILE *out, const struct host_bond *b)
{
	const struct bond_conf *c = &b->conf;
	size_t i;

	write_netdev(cv, b);
	if (!matches_itself(cv, c->name))
		goto slaves;
	out = conv_file_open(cv,
			     xasprintf(NETWORKD_DIR "/30-%s.network", c->name));
	fprintf(out, "[Match]\nName=%s\n", c->name);
	if (b->has_mtu || b->hwaddr || !b->onboot) {
		fputs("\n[Link]\n", out);
		if (b->has_mtu)
			fprintf(out, "MTUBytes=%u\n", b->mtu);
		if (b->hwaddr)
			fprintf(out, "MACAddress=%s\n", b->hwaddr);
		if (!b->onboot)
			fputs("ActivationPolicy=manual\n", out);
	}
	fputs("\n[Network]\n", out);
	for (i = 0; i < b->n_addresses; i++)
		fprintf(out, "Address=%s\n", b->addresses[i]);
	network_ip(out, &b->ip);
	conv_file_close(cv);

slaves:
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
}
