// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Writer for systemd-networkd: a .netdev unit per bond with its [Bond]
 * keys, and a .network unit per bond and per slave. networkd has no
 * reader here: its files are an output only.
 */
#include "config.h"

#include <string.h>

#include "formats/writers.h"

#define NETWORKD_DIR "/etc/systemd/network"

enum nd_kind {
	ND_NAME, /* the value's name, where networkd knows it */
	ND_NUM,
	ND_BOOL,
	ND_MSEC,
	ND_SEC,
	ND_LIST, /* addresses separated by blanks */
	ND_TEXT,
};

struct nd_key {
	int id;
	const char *key;
	enum nd_kind kind;
	const char *const *names; /* values networkd takes, NULL: any */
};

static const char *const nd_xmit[] = { "layer2",   "layer3+4", "layer2+3",
				       "encap2+3", "encap3+4", NULL };
static const char *const nd_ad_select[] = { "stable", "bandwidth", "count",
					    NULL };
static const char *const nd_arp_validate[] = { "none", "active", "backup",
					       "all", NULL };

/* systemd.netdev(5), [Bond] */
static const struct nd_key nd_keys[] = {
	{ BONDOPT_MODE, "Mode", ND_NAME, NULL },
	{ BONDOPT_XMIT_HASH_POLICY, "TransmitHashPolicy", ND_NAME, nd_xmit },
	{ BONDOPT_AD_LACP_RATE, "LACPTransmitRate", ND_NAME, NULL },
	{ BONDOPT_MIIMON, "MIIMonitorSec", ND_MSEC, NULL },
	{ BONDOPT_UPDELAY, "UpDelaySec", ND_MSEC, NULL },
	{ BONDOPT_DOWNDELAY, "DownDelaySec", ND_MSEC, NULL },
	{ BONDOPT_LP_INTERVAL, "LearnPacketIntervalSec", ND_SEC, NULL },
	{ BONDOPT_AD_SELECT, "AdSelect", ND_NAME, nd_ad_select },
	{ BONDOPT_AD_ACTOR_SYS_PRIO, "AdActorSystemPriority", ND_NUM, NULL },
	{ BONDOPT_AD_USER_PORT_KEY, "AdUserPortKey", ND_NUM, NULL },
	{ BONDOPT_AD_ACTOR_SYSTEM, "AdActorSystem", ND_TEXT, NULL },
	{ BONDOPT_FAIL_OVER_MAC, "FailOverMACPolicy", ND_NAME, NULL },
	{ BONDOPT_ARP_VALIDATE, "ARPValidate", ND_NAME, nd_arp_validate },
	{ BONDOPT_ARP_INTERVAL, "ARPIntervalSec", ND_MSEC, NULL },
	{ BONDOPT_ARP_IP_TARGET, "ARPIPTargets", ND_LIST, NULL },
	{ BONDOPT_ARP_ALL_TARGETS, "ARPAllTargets", ND_NAME, NULL },
	{ BONDOPT_PRIMARY_RESELECT, "PrimaryReselectPolicy", ND_NAME, NULL },
	{ BONDOPT_RESEND_IGMP, "ResendIGMP", ND_NUM, NULL },
	{ BONDOPT_PACKETS_PER_SLAVE, "PacketsPerSlave", ND_NUM, NULL },
	{ BONDOPT_NUM_PEER_NOTIF, "GratuitousARP", ND_NUM, NULL },
	{ BONDOPT_ALL_SLAVES_ACTIVE, "AllSlavesActive", ND_BOOL, NULL },
	{ BONDOPT_TLB_DYNAMIC_LB, "DynamicTransmitLoadBalancing", ND_BOOL,
	  NULL },
	{ BONDOPT_MIN_LINKS, "MinLinks", ND_NUM, NULL },
	{ BONDOPT_PEER_NOTIF_DELAY, "PeerNotifyDelaySec", ND_MSEC, NULL },
	{ BONDOPT_MISSED_MAX, "ARPMissedMax", ND_NUM, NULL },
};

static const struct nd_key *nd_key(int id)
{
	size_t i;

	for (i = 0; i < sizeof(nd_keys) / sizeof(nd_keys[0]); i++)
		if (nd_keys[i].id == id)
			return &nd_keys[i];
	return NULL;
}

static bool nd_value_known(const struct nd_key *k, const char *value)
{
	const char *const *n;

	if (!k->names)
		return true;
	for (n = k->names; *n; n++)
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
		const struct nd_key *k = nd_key(id);
		const char *name = bondopt_get(id)->name;

		if (!conv_bond_option(c, id))
			continue;
		bond_conf_format_value(c, id, value, sizeof(value));
		if (bondopt_get(id)->kind == BONDOPT_IFNAME) {
			/* PrimarySlave=, ActiveSlave= in the slave's .network */
			if (*value && !bond_conf_find_slave(c, value))
				conv_lost(
					cv, out, "networkd",
					"%s: %s=%s, which is not one of its slaves",
					c->name, name, value);
			continue;
		}
		if (!k) {
			conv_lost(cv, out, "networkd", "%s: %s=%s", c->name,
				  name, value);
			continue;
		}
		if (!nd_value_known(k, value)) {
			conv_lost(cv, out, "networkd", "%s: %s=%s (the value)",
				  c->name, name, value);
			continue;
		}
		fprintf(out, "%s=", k->key);
		switch (k->kind) {
		case ND_BOOL:
			fputs(c->num[id] ? "yes" : "no", out);
			break;
		case ND_MSEC:
			fprintf(out, "%lldms", (long long)c->num[id]);
			break;
		case ND_SEC:
			fprintf(out, "%llds", (long long)c->num[id]);
			break;
		case ND_LIST:
			for (p = value; *p; p++)
				if (*p == ',')
					*p = ' ';
			/* fall through */
		case ND_NAME:
		case ND_NUM:
		case ND_TEXT:
			fputs(value, out);
			break;
		}
		fputc('\n', out);
	}
	conv_file_close(cv);
}

void networkd_write(struct conv *cv, const struct host_bond *b)
{
	const struct bond_conf *c = &b->conf;
	FILE *out;
	size_t i;
	int id;

	write_netdev(cv, b);
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
	conv_file_close(cv);

	for (i = 0; i < c->n_slaves; i++) {
		const struct bond_slave_conf *s = &c->slaves[i];

		if (!s->member) {
			for (id = 0; id < BONDOPT_COUNT; id++)
				if (s->present & BONDOPT_BIT(id))
					conv_lost(cv, NULL, "networkd",
						  "%s: %s=%s:%lld, not a slave",
						  c->name,
						  bondopt_get(id)->name,
						  s->name,
						  (long long)s->num[id]);
			continue;
		}
		out = conv_file_open(
			cv, xasprintf(NETWORKD_DIR "/30-%s.network", s->name));
		fprintf(out, "[Match]\nName=%s\n\n[Network]\nBond=%s\n",
			s->name, c->name);
		if (bond_conf_has(c, BONDOPT_PRIMARY) &&
		    !strcmp(c->primary, s->name))
			fputs("PrimarySlave=yes\n", out);
		if (bond_conf_has(c, BONDOPT_ACTIVE_SLAVE) &&
		    !strcmp(c->active_slave, s->name))
			fputs("ActiveSlave=yes\n", out);
		for (id = 0; id < BONDOPT_COUNT; id++)
			if (s->present & BONDOPT_BIT(id))
				conv_lost(cv, out, "networkd", "%s: %s=%s:%lld",
					  c->name, bondopt_get(id)->name,
					  s->name, (long long)s->num[id]);
		conv_file_close(cv);
	}
}
