// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The bonding option table and lookups over it.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "model/bondnla.h"
#include "model/bondopt.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define VALUES(tbl) .values = (tbl), .nvalues = ARRAY_SIZE(tbl)

#define M(m) BOND_MODE_BIT(BOND_MODE_##m)
#define SINCE(a, b) .since = { .major = (a), .minor = (b) }
#define NM_SINCE(a, b) .nm_since = { .major = (a), .minor = (b) }
#define KV(a, b, c)                                    \
	{                                              \
		.major = (a), .minor = (b), .sub = (c) \
	}
#define MODES_ARP (M(ROUNDROBIN) | M(ACTIVEBACKUP) | M(XOR) | M(BROADCAST))
#define MODES_ACTIVE (M(ACTIVEBACKUP) | M(TLB) | M(ALB))

static const struct bondopt_value mode_values[] = {
	{ "balance-rr", 0 },  { "active-backup", 1 }, { "balance-xor", 2 },
	{ "broadcast", 3 },   { "802.3ad", 4 },	      { "balance-tlb", 5 },
	{ "balance-alb", 6 },
};

static const struct bondopt_value xmit_hash_values[] = {
	{ "layer2", 0 },   { "layer3+4", 1 }, { "layer2+3", 2 },
	{ "encap2+3", 3 }, { "encap3+4", 4 }, { "vlan+srcmac", 5, { 5, 12 } },
};

static const struct bondopt_value arp_validate_values[] = {
	{ "none", 0 },		{ "active", 1 }, { "backup", 2 },
	{ "all", 3 },		{ "filter", 4 }, { "filter_active", 5 },
	{ "filter_backup", 6 },
};

static const struct bondopt_value arp_all_targets_values[] = {
	{ "any", 0 },
	{ "all", 1 },
};

static const struct bondopt_value primary_reselect_values[] = {
	{ "always", 0 },
	{ "better", 1 },
	{ "failure", 2 },
};

static const struct bondopt_value fail_over_mac_values[] = {
	{ "none", 0 },
	{ "active", 1 },
	{ "follow", 2 },
};

static const struct bondopt_value lacp_rate_values[] = {
	{ "slow", 0 },
	{ "fast", 1 },
};

static const struct bondopt_value ad_select_values[] = {
	{ "stable", 0 },
	{ "bandwidth", 1 },
	{ "count", 2 },
	{ "actor_port_prio", 3, { 6, 18 } },
};

static const struct bondopt_value off_on_values[] = {
	{ "off", 0 },
	{ "on", 1 },
};

static const char *const num_peer_notif_aliases[] = { "num_unsol_na", NULL };
static const char *const peer_notif_delay_aliases[] = { "peer_notify_delay",
							NULL };
static const char *const missed_max_aliases[] = { "missed_max", NULL };
/* ifupdown2's older keys, and the EVPN system MAC it sets the same way */
static const char *const ifupdown2_sys_prio[] = { "bond-ad-sys-priority",
						  NULL };
static const char *const ifupdown2_system[] = { "bond-ad-sys-mac-addr",
						"es-sys-mac", NULL };

/* The values systemd-networkd takes, where it takes fewer than the kernel. */
static const char *const nd_xmit[] = { "layer2",   "layer3+4", "layer2+3",
				       "encap2+3", "encap3+4", NULL };
static const char *const nd_ad_select[] = { "stable", "bandwidth", "count",
					    NULL };
static const char *const nd_arp_validate[] = { "none", "active", "backup",
					       "all", NULL };

const struct bondopt bondopt_table[BONDOPT_COUNT] = {
	[BONDOPT_MODE] = {
		.networkd = { "Mode", BONDOPT_ND_NAME },
		.name = "mode", .nla = IFLA_BOND_MODE, .nla_type = BONDOPT_NLA_U8,
		.kind = BONDOPT_ENUM, VALUES(mode_values),
		.modes = BOND_MODES_ALL,
		.flags = BONDOPT_F_DOWN | BONDOPT_F_NOSLAVES | BONDOPT_F_MODPARAM |
			 BONDOPT_F_SWITCH | BONDOPT_F_IFUPDOWN2,
		.summary = "bonding policy",
	},
	[BONDOPT_ACTIVE_SLAVE] = {
		.networkd = { "ActiveSlave", BONDOPT_ND_SLAVE },
		.name = "active_slave", .nla = IFLA_BOND_ACTIVE_SLAVE, .nla_type = BONDOPT_NLA_U32,
		.kind = BONDOPT_IFNAME, .slot = 0, .modes = MODES_ACTIVE,
		.flags = BONDOPT_F_NAMES_SLAVE | BONDOPT_F_STATE,
		.summary = "the slave that carries traffic now",
	},
	[BONDOPT_MIIMON] = {
		.networkd = { "MIIMonitorSec", BONDOPT_ND_MSEC },
		.name = "miimon", .nla = IFLA_BOND_MIIMON, .nla_type = BONDOPT_NLA_U32,
		.kind = BONDOPT_UINT, .max = INT_MAX, .modes = BOND_MODES_ALL,
		.flags = BONDOPT_F_MODPARAM | BONDOPT_F_IFUPDOWN2, .unit = "ms",
		.summary = "MII link monitoring interval",
	},
	[BONDOPT_UPDELAY] = {
		.networkd = { "UpDelaySec", BONDOPT_ND_MSEC },
		.name = "updelay", .nla = IFLA_BOND_UPDELAY, .nla_type = BONDOPT_NLA_U32,
		.kind = BONDOPT_UINT, .max = INT_MAX, .modes = BOND_MODES_ALL,
		.flags = BONDOPT_F_MODPARAM | BONDOPT_F_NEEDS_MIIMON | BONDOPT_F_IFUPDOWN2,
		.unit = "ms",
		.summary = "delay before enabling a slave after link up",
	},
	[BONDOPT_DOWNDELAY] = {
		.networkd = { "DownDelaySec", BONDOPT_ND_MSEC },
		.name = "downdelay", .nla = IFLA_BOND_DOWNDELAY, .nla_type = BONDOPT_NLA_U32,
		.kind = BONDOPT_UINT, .max = INT_MAX, .modes = BOND_MODES_ALL,
		.flags = BONDOPT_F_MODPARAM | BONDOPT_F_NEEDS_MIIMON | BONDOPT_F_IFUPDOWN2,
		.unit = "ms",
		.summary = "delay before disabling a slave after link down",
	},
	[BONDOPT_USE_CARRIER] = {
		.name = "use_carrier", .nla = IFLA_BOND_USE_CARRIER, .nla_type = BONDOPT_NLA_U8,
		.kind = BONDOPT_BOOL, .max = 1, .def = 1,
		.modes = BOND_MODES_ALL,
		.flags = BONDOPT_F_MODPARAM | BONDOPT_F_IFUPDOWN2_BOOL | BONDOPT_F_IFUPDOWN2,
		.summary = "use the carrier state for MII monitoring",
	},
	[BONDOPT_ARP_INTERVAL] = {
		.networkd = { "ARPIntervalSec", BONDOPT_ND_MSEC },
		.name = "arp_interval", .nla = IFLA_BOND_ARP_INTERVAL, .nla_type = BONDOPT_NLA_U32,
		.kind = BONDOPT_UINT, .max = INT_MAX, .modes = MODES_ARP,
		.flags = BONDOPT_F_MODPARAM, .unit = "ms",
		.summary = "ARP link monitoring interval",
	},
	[BONDOPT_ARP_IP_TARGET] = {
		.networkd = { "ARPIPTargets", BONDOPT_ND_LIST },
		.name = "arp_ip_target", .nla = IFLA_BOND_ARP_IP_TARGET,
		.nla_type = BONDOPT_NLA_NESTED, .kind = BONDOPT_IPV4S,
		.modes = BOND_MODES_ALL,
		.flags = BONDOPT_F_MODPARAM | BONDOPT_F_LIST | BONDOPT_F_NM_NEEDS_ARP,
		.summary = "IPv4 addresses the ARP monitor probes",
	},
	[BONDOPT_ARP_VALIDATE] = {
		.networkd = { "ARPValidate", BONDOPT_ND_NAME, nd_arp_validate },
		.name = "arp_validate", .nla = IFLA_BOND_ARP_VALIDATE, .nla_type = BONDOPT_NLA_U32,
		.kind = BONDOPT_ENUM, VALUES(arp_validate_values),
		.modes = MODES_ARP, .flags = BONDOPT_F_MODPARAM,
		.summary = "which slaves validate ARP replies",
	},
	[BONDOPT_ARP_ALL_TARGETS] = {
		.networkd = { "ARPAllTargets", BONDOPT_ND_NAME },
		.name = "arp_all_targets", .nla = IFLA_BOND_ARP_ALL_TARGETS,
		.nla_type = BONDOPT_NLA_U32, .kind = BONDOPT_ENUM,
		VALUES(arp_all_targets_values), .modes = BOND_MODES_ALL,
		.flags = BONDOPT_F_MODPARAM,
		.summary = "whether any or all ARP targets must answer",
	},
	[BONDOPT_PRIMARY] = {
		.networkd = { "PrimarySlave", BONDOPT_ND_SLAVE },
		.name = "primary", .nla = IFLA_BOND_PRIMARY, .nla_type = BONDOPT_NLA_U32,
		.kind = BONDOPT_IFNAME, .slot = 1, .modes = MODES_ACTIVE,
		.flags = BONDOPT_F_MODPARAM | BONDOPT_F_NAMES_SLAVE |
			 BONDOPT_F_PENDING | BONDOPT_F_IFUPDOWN2,
		.summary = "the preferred slave",
	},
	[BONDOPT_PRIMARY_RESELECT] = {
		.networkd = { "PrimaryReselectPolicy", BONDOPT_ND_NAME },
		.name = "primary_reselect", .nla = IFLA_BOND_PRIMARY_RESELECT,
		.nla_type = BONDOPT_NLA_U8, .kind = BONDOPT_ENUM,
		VALUES(primary_reselect_values), .modes = MODES_ACTIVE,
		.flags = BONDOPT_F_MODPARAM | BONDOPT_F_SOFTMODES | BONDOPT_F_IFUPDOWN2,
		.summary = "when the primary becomes active again",
	},
	[BONDOPT_FAIL_OVER_MAC] = {
		.networkd = { "FailOverMACPolicy", BONDOPT_ND_NAME },
		.name = "fail_over_mac", .nla = IFLA_BOND_FAIL_OVER_MAC, .nla_type = BONDOPT_NLA_U8,
		.kind = BONDOPT_ENUM, VALUES(fail_over_mac_values),
		.modes = M(ACTIVEBACKUP),
		.flags = BONDOPT_F_NOSLAVES | BONDOPT_F_MODPARAM |
			 BONDOPT_F_SOFTMODES,
		.summary = "MAC address policy on failover",
	},
	[BONDOPT_XMIT_HASH_POLICY] = {
		.networkd = { "TransmitHashPolicy", BONDOPT_ND_NAME, nd_xmit },
		.name = "xmit_hash_policy", .nla = IFLA_BOND_XMIT_HASH_POLICY,
		.nla_type = BONDOPT_NLA_U8, .kind = BONDOPT_ENUM,
		VALUES(xmit_hash_values),
		.modes = M(XOR) | M(8023AD) | M(TLB) | M(ALB),
		.flags = BONDOPT_F_MODPARAM | BONDOPT_F_SOFTMODES |
			 BONDOPT_F_SWITCH | BONDOPT_F_IFUPDOWN2,
		.summary = "transmit hash for slave selection",
	},
	[BONDOPT_RESEND_IGMP] = {
		.networkd = { "ResendIGMP", BONDOPT_ND_NUM },
		.name = "resend_igmp", .nla = IFLA_BOND_RESEND_IGMP, .nla_type = BONDOPT_NLA_U32,
		.kind = BONDOPT_UINT, .max = 255, .def = 1,
		.modes = BOND_MODES_ALL, .flags = BONDOPT_F_MODPARAM,
		.summary = "IGMP membership reports sent after a failover",
	},
	[BONDOPT_NUM_PEER_NOTIF] = {
		.networkd = { "GratuitousARP", BONDOPT_ND_NUM },
		.name = "num_grat_arp", .aliases = num_peer_notif_aliases,
		.nla = IFLA_BOND_NUM_PEER_NOTIF, .nla_type = BONDOPT_NLA_U8, .kind = BONDOPT_UINT,
		.max = 255, .def = 1, .modes = BOND_MODES_ALL,
		.flags = BONDOPT_F_MODPARAM | BONDOPT_F_IFUPDOWN2,
		.summary = "peer notifications (gratuitous ARP, unsolicited NA) after a failover",
	},
	[BONDOPT_ALL_SLAVES_ACTIVE] = {
		.networkd = { "AllSlavesActive", BONDOPT_ND_BOOL },
		.name = "all_slaves_active", .nla = IFLA_BOND_ALL_SLAVES_ACTIVE,
		.nla_type = BONDOPT_NLA_U8, .kind = BONDOPT_BOOL, .max = 1,
		.modes = BOND_MODES_ALL, .flags = BONDOPT_F_MODPARAM,
		.summary = "deliver duplicate frames received on inactive slaves",
	},
	[BONDOPT_MIN_LINKS] = {
		.networkd = { "MinLinks", BONDOPT_ND_NUM },
		.name = "min_links", .nla = IFLA_BOND_MIN_LINKS, .nla_type = BONDOPT_NLA_U32,
		.kind = BONDOPT_UINT, .max = INT_MAX, .modes = BOND_MODES_ALL,
		.flags = BONDOPT_F_MODPARAM | BONDOPT_F_IFUPDOWN2,
		.summary = "slaves that must be up for the bond to have carrier",
	},
	[BONDOPT_LP_INTERVAL] = {
		.networkd = { "LearnPacketIntervalSec", BONDOPT_ND_SEC },
		.name = "lp_interval", .nla = IFLA_BOND_LP_INTERVAL, .nla_type = BONDOPT_NLA_U32,
		.kind = BONDOPT_UINT, .min = 1, .max = INT_MAX, .def = 1,
		.modes = M(TLB) | M(ALB),
		.flags = BONDOPT_F_MODPARAM | BONDOPT_F_SOFTMODES, .unit = "s",
		.summary = "interval between learning packets",
	},
	[BONDOPT_PACKETS_PER_SLAVE] = {
		.networkd = { "PacketsPerSlave", BONDOPT_ND_NUM },
		.name = "packets_per_slave", .nla = IFLA_BOND_PACKETS_PER_SLAVE,
		.nla_type = BONDOPT_NLA_U32, .kind = BONDOPT_UINT,
		.max = 65535, .def = 1, .modes = M(ROUNDROBIN),
		.flags = BONDOPT_F_MODPARAM,
		.summary = "packets sent on a slave before the next (0: random)",
	},
	[BONDOPT_AD_LACP_RATE] = {
		.networkd = { "LACPTransmitRate", BONDOPT_ND_NAME },
		.name = "lacp_rate", .nla = IFLA_BOND_AD_LACP_RATE, .nla_type = BONDOPT_NLA_U8,
		.kind = BONDOPT_ENUM, VALUES(lacp_rate_values),
		.modes = M(8023AD),
		.flags = BONDOPT_F_DOWN | BONDOPT_F_MODPARAM |
			 BONDOPT_F_NODEFAULT | BONDOPT_F_IFUPDOWN2_BOOL | BONDOPT_F_IFUPDOWN2,
		.summary = "rate of LACPDUs asked of the partner",
	},
	[BONDOPT_AD_SELECT] = {
		.networkd = { "AdSelect", BONDOPT_ND_NAME, nd_ad_select },
		.name = "ad_select", .nla = IFLA_BOND_AD_SELECT, .nla_type = BONDOPT_NLA_U8,
		.kind = BONDOPT_ENUM, VALUES(ad_select_values),
		.modes = M(8023AD),
		.flags = BONDOPT_F_DOWN | BONDOPT_F_MODPARAM |
			 BONDOPT_F_SOFTMODES,
		.summary = "802.3ad aggregator selection",
	},
	[BONDOPT_AD_INFO] = {
		.name = "ad_info", .nla = IFLA_BOND_AD_INFO, .nla_type = BONDOPT_NLA_NESTED,
		.kind = BONDOPT_NESTED, .modes = M(8023AD),
		.flags = BONDOPT_F_READONLY,
		.summary = "802.3ad aggregator, keys and partner (read-only)",
	},
	[BONDOPT_AD_ACTOR_SYS_PRIO] = {
		.networkd = { "AdActorSystemPriority", BONDOPT_ND_NUM },
		.name = "ad_actor_sys_prio", .nla = IFLA_BOND_AD_ACTOR_SYS_PRIO,
		.ifupdown2 = ifupdown2_sys_prio,
		.nla_type = BONDOPT_NLA_U16, .kind = BONDOPT_UINT, .min = 1,
		.max = 65535, .def = 65535, .modes = M(8023AD),
		.summary = "802.3ad system priority",
		.flags = BONDOPT_F_IFUPDOWN2,
	},
	[BONDOPT_AD_USER_PORT_KEY] = {
		.networkd = { "AdUserPortKey", BONDOPT_ND_NUM },
		.name = "ad_user_port_key", .nla = IFLA_BOND_AD_USER_PORT_KEY,
		.nla_type = BONDOPT_NLA_U16, .kind = BONDOPT_UINT,
		.max = 1023, .modes = M(8023AD), .flags = BONDOPT_F_DOWN,
		.summary = "upper 10 bits of the 802.3ad port key",
	},
	[BONDOPT_AD_ACTOR_SYSTEM] = {
		.networkd = { "AdActorSystem", BONDOPT_ND_TEXT },
		.name = "ad_actor_system", .nla = IFLA_BOND_AD_ACTOR_SYSTEM,
		.ifupdown2 = ifupdown2_system,
		.nla_type = BONDOPT_NLA_BINARY, .kind = BONDOPT_MAC,
		.modes = M(8023AD),
		.summary = "802.3ad system MAC address (00:00:00:00:00:00: the bond's)",
		.flags = BONDOPT_F_IFUPDOWN2,
	},
	[BONDOPT_TLB_DYNAMIC_LB] = {
		.networkd = { "DynamicTransmitLoadBalancing", BONDOPT_ND_BOOL },
		.name = "tlb_dynamic_lb", .nla = IFLA_BOND_TLB_DYNAMIC_LB,
		.nla_type = BONDOPT_NLA_U8, .kind = BONDOPT_BOOL, .max = 1,
		.def = 1, .modes = M(TLB) | M(ALB), .flags = BONDOPT_F_DOWN,
		.summary = "balance-tlb: balance by load (0: by hash)",
	},
	[BONDOPT_PEER_NOTIF_DELAY] = {
		.networkd = { "PeerNotifyDelaySec", BONDOPT_ND_MSEC },
		.name = "peer_notif_delay",
		.aliases = peer_notif_delay_aliases, .nla = IFLA_BOND_PEER_NOTIF_DELAY,
		.ip_name = "peer_notify_delay",
		.nla_type = BONDOPT_NLA_U32, .kind = BONDOPT_UINT,
		.max = 300000, .modes = BOND_MODES_ALL,
		.flags = BONDOPT_F_NODEFAULT | BONDOPT_F_NEEDS_MIIMON,
		.unit = "ms",
		.summary = "delay between peer notifications",
		SINCE(5, 3),
		NM_SINCE(1, 34),
	},
	[BONDOPT_AD_LACP_ACTIVE] = {
		.name = "lacp_active", .nla = IFLA_BOND_AD_LACP_ACTIVE, .nla_type = BONDOPT_NLA_U8,
		.kind = BONDOPT_ENUM, VALUES(off_on_values), .def = 1,
		.modes = M(8023AD), .flags = BONDOPT_F_DOWN,
		.summary = "send LACPDUs (off: only answer them)",
		SINCE(5, 15),
		NM_SINCE(1, 44),
	},
	[BONDOPT_MISSED_MAX] = {
		.networkd = { "ARPMissedMax", BONDOPT_ND_NUM },
		.name = "arp_missed_max", .aliases = missed_max_aliases,
		.nla = IFLA_BOND_MISSED_MAX, .nla_type = BONDOPT_NLA_U8, .kind = BONDOPT_UINT,
		.min = 1, .max = 255, .def = 2, .modes = MODES_ARP,
		.summary = "missed ARP intervals before a slave is down",
		SINCE(5, 17), .backports = { KV(5, 15, 115) },
		NM_SINCE(1, 44),
	},
	[BONDOPT_NS_IP6_TARGET] = {
		.name = "ns_ip6_target", .nla = IFLA_BOND_NS_IP6_TARGET,
		.nla_type = BONDOPT_NLA_NESTED, .kind = BONDOPT_IPV6S,
		.modes = BOND_MODES_ALL,
		.flags = BONDOPT_F_NLONLY | BONDOPT_F_LIST | BONDOPT_F_NM_NEEDS_ARP,
		.summary = "IPv6 addresses the ARP monitor probes with NS",
		SINCE(5, 18),
		NM_SINCE(1, 44),
	},
	[BONDOPT_COUPLED_CONTROL] = {
		.name = "coupled_control", .nla = IFLA_BOND_COUPLED_CONTROL,
		.nla_type = BONDOPT_NLA_U8, .kind = BONDOPT_ENUM,
		VALUES(off_on_values), .def = 1, .modes = M(8023AD),
		.flags = BONDOPT_F_DOWN | BONDOPT_F_NLONLY,
		.summary = "802.3ad coupled collecting and distributing",
		SINCE(6, 9), .backports = { KV(6, 1, 149), KV(6, 6, 103) },
		NM_SINCE(BONDOPT_NM_NEVER, 0),
	},
	[BONDOPT_BROADCAST_NEIGH] = {
		.name = "broadcast_neighbor", .nla = IFLA_BOND_BROADCAST_NEIGH,
		.nla_type = BONDOPT_NLA_U8, .kind = BONDOPT_ENUM,
		VALUES(off_on_values), .modes = M(8023AD),
		.flags = BONDOPT_F_NLONLY,
		.summary = "802.3ad: send ARP and ND on every slave",
		SINCE(6, 17),
		NM_SINCE(BONDOPT_NM_NEVER, 0),
	},
	[BONDOPT_LACP_STRICT] = {
		.name = "lacp_strict", .nla = IFLA_BOND_LACP_STRICT, .nla_type = BONDOPT_NLA_U8,
		.kind = BONDOPT_ENUM, VALUES(off_on_values),
		.modes = M(8023AD),
		.flags = BONDOPT_F_NLONLY | BONDOPT_F_SOFTMODES,
		.summary = "802.3ad: no traffic without a LACP partner",
		SINCE(7, 2),
		NM_SINCE(BONDOPT_NM_NEVER, 0),
	},
	[BONDOPT_SLAVE_QUEUE_ID] = {
		.name = "queue_id", .nla = IFLA_BOND_SLAVE_QUEUE_ID, .nla_type = BONDOPT_NLA_U16,
		.ifcfg_port = "BOND_PORT_QUEUE_ID",
		.nmcli_port = "bond-port.queue-id",
		.kind = BONDOPT_UINT, .max = 255, .modes = BOND_MODES_ALL,
		.flags = BONDOPT_F_SLAVE,
		.summary = "transmit queue of the slave (0: none)",
		NM_SINCE(1, 34),
	},
	[BONDOPT_SLAVE_PRIO] = {
		.name = "prio", .nla = IFLA_BOND_SLAVE_PRIO, .nla_type = BONDOPT_NLA_S32,
		.ifcfg_port = "BOND_PORT_PRIO", .nmcli_port = "bond-port.prio",
		.kind = BONDOPT_INT, .min = INT32_MIN, .max = INT32_MAX,
		.modes = MODES_ACTIVE,
		.flags = BONDOPT_F_SLAVE | BONDOPT_F_NLONLY,
		.summary = "failover priority of the slave",
		SINCE(6, 0),
		NM_SINCE(1, 44),
	},
	[BONDOPT_SLAVE_ACTOR_PORT_PRIO] = {
		.name = "actor_port_prio", .nla = IFLA_BOND_SLAVE_ACTOR_PORT_PRIO,
		.nla_type = BONDOPT_NLA_U16, .kind = BONDOPT_UINT,
		.max = 65535, .def = 255, .modes = M(8023AD),
		.flags = BONDOPT_F_SLAVE | BONDOPT_F_NLONLY,
		.summary = "802.3ad port priority of the slave",
		SINCE(6, 18),
		.backports = { KV(6, 1, 175), KV(6, 6, 141), KV(6, 12, 95) },
	},
	[BONDOPT_MAX_BONDS] = {
		.name = "max_bonds", .kind = BONDOPT_UINT, .max = INT_MAX,
		.def = 1, .modes = BOND_MODES_ALL,
		.flags = BONDOPT_F_MODPARAM | BONDOPT_F_MODONLY,
		.summary = "bonds the module creates when it loads",
	},
	[BONDOPT_TX_QUEUES] = {
		.name = "tx_queues", .kind = BONDOPT_UINT, .min = 1,
		.max = 255, .def = 16, .modes = BOND_MODES_ALL,
		.flags = BONDOPT_F_MODPARAM | BONDOPT_F_MODONLY,
		.summary = "transmit queues of each bond",
	},
};

uint64_t bondopt_with_flags(uint32_t flags)
{
	uint64_t mask = 0;
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++)
		if (bondopt_table[id].flags & flags)
			mask |= UINT64_C(1) << id;
	return mask;
}

uint64_t bondopt_in_mode(unsigned int mode)
{
	uint64_t mask = 0;
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++)
		if (bondopt_table[id].modes & BOND_MODE_BIT(mode) ||
		    bondopt_table[id].flags & BONDOPT_F_SOFTMODES)
			mask |= UINT64_C(1) << id;
	return mask;
}

unsigned int bondopt_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	unsigned int d[40][40];

	if (la >= 40 || lb >= 40)
		return UINT_MAX;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			unsigned int cost = a[i - 1] != b[j - 1];
			unsigned int best = d[i - 1][j - 1] + cost;

			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[la][lb];
}

/* Keeps @candidate if it is nearer to @name than *best so far. */
static void consider(const char *name, const char *candidate, const char **best,
		     unsigned int *best_distance)
{
	unsigned int dist = bondopt_distance(name, candidate);

	if (dist < *best_distance) {
		*best = candidate;
		*best_distance = dist;
	}
}

/* Near enough to be a typo: a third of the name, at least 1, at most 3. */
static const char *near_enough(const char *name, const char *best,
			       unsigned int dist)
{
	unsigned int limit = strlen(name) / 3;

	if (limit < 1)
		limit = 1;
	if (limit > 3)
		limit = 3;
	return best && dist <= limit ? best : NULL;
}

const char *bondopt_suggest(const char *name)
{
	const char *const *alias;
	const char *best = NULL;
	unsigned int dist = UINT_MAX;
	size_t i;

	for (i = 0; i < BONDOPT_COUNT; i++) {
		consider(name, bondopt_table[i].name, &best, &dist);
		for (alias = bondopt_table[i].aliases; alias && *alias; alias++)
			consider(name, *alias, &best, &dist);
	}
	return near_enough(name, best, dist);
}

const char *bondopt_value_name(const struct bondopt *opt, uint32_t num)
{
	size_t i;

	for (i = 0; i < opt->nvalues; i++)
		if (opt->values[i].value == num)
			return opt->values[i].name;
	return NULL;
}

const struct bondopt_value *bondopt_value_find(const struct bondopt *opt,
					       const char *name)
{
	size_t i;

	for (i = 0; i < opt->nvalues; i++)
		if (!strcmp(opt->values[i].name, name))
			return &opt->values[i];
	return NULL;
}

const char *bondopt_value_suggest(const struct bondopt *opt, const char *name)
{
	const char *best = NULL;
	unsigned int dist = UINT_MAX;
	size_t i;

	for (i = 0; i < opt->nvalues; i++)
		consider(name, opt->values[i].name, &best, &dist);
	return near_enough(name, best, dist);
}

const char *bondopt_mode_name(unsigned int mode)
{
	const char *name =
		bondopt_value_name(&bondopt_table[BONDOPT_MODE], mode);

	return name ? name : "unknown";
}

static void modes_format(uint32_t modes, const char *last, char *buf,
			 size_t size)
{
	unsigned int m, left = 0;
	size_t len = 0;

	for (m = 0; m < BOND_MODE_COUNT; m++)
		left += !!(modes & BOND_MODE_BIT(m));
	buf[0] = '\0';
	for (m = 0; m < BOND_MODE_COUNT && len < size; m++) {
		if (!(modes & BOND_MODE_BIT(m)))
			continue;
		left--;
		len += snprintf(buf + len, size - len, "%s%s",
				bondopt_mode_name(m),
				left > 1  ? ", " :
				left == 1 ? last :
					    "");
	}
}

void bondopt_modes_format(uint32_t modes, char *buf, size_t size)
{
	modes_format(modes, " or ", buf, size);
}

void bondopt_modes_format_all(uint32_t modes, char *buf, size_t size)
{
	modes_format(modes, " and ", buf, size);
}
