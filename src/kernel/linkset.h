/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the kernel has now: every link with its flags, MTU and master, and
 * for bonds and their slaves what the bonding driver reports, in the same
 * model as the desired state.
 */
#ifndef BONDCFG_LINKSET_H
#define BONDCFG_LINKSET_H

#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>

#include "model/bondconf.h"

struct bond_ad_info {
	bool present;
	uint16_t aggregator;
	uint16_t num_ports;
	uint16_t actor_key;
	uint16_t partner_key;
	uint8_t partner_mac[6];
};

/* The bits of an 802.3ad port state (IEEE 802.1AX, the kernel's AD_STATE_*). */
enum lacp_state_bits {
	LACP_STATE_ACTIVITY = 1u << 0,
	LACP_STATE_TIMEOUT = 1u << 1, /* short timeout: LACPDUs every second */
	LACP_STATE_AGGREGATION = 1u << 2,
	LACP_STATE_SYNC = 1u << 3,
	LACP_STATE_COLLECTING = 1u << 4,
	LACP_STATE_DISTRIBUTING = 1u << 5,
	LACP_STATE_DEFAULTED = 1u << 6,
	LACP_STATE_EXPIRED = 1u << 7,
	/* a port that carries traffic */
	LACP_STATE_CARRIES = LACP_STATE_SYNC | LACP_STATE_COLLECTING |
			     LACP_STATE_DISTRIBUTING,
};

/* The read-only part of a slave; its settable options are in the bond. */
struct slave_status {
	uint8_t state; /* 0 active, 1 backup */
	uint8_t mii_status; /* 0 up, 1 fail, 2 down, 3 back */
	uint32_t link_failure_count;
	uint8_t perm_hwaddr[6];
	uint16_t ad_aggregator_id;
	uint8_t ad_actor_oper_port_state;
	uint16_t ad_partner_oper_port_state;
};

struct link {
	int ifindex;
	char name[IF_NAMESIZE];
	unsigned int flags; /* IFF_* */
	unsigned short type; /* ARPHRD_* */
	unsigned int mtu;
	int master; /* ifindex, 0 for none */
	uint32_t group; /* the link group (IFLA_GROUP), 0 by default */
	uint8_t addr[32]; /* the link-layer address */
	uint8_t addr_len;
	char kind[16];
	char slave_kind[16];
	bool is_bond;
	struct bond_conf *bond; /* read back, for bonds */
	struct bond_ad_info ad;
	bool is_bond_slave;
	struct bond_slave_conf slave_opts; /* read back, for bond slaves */
	struct slave_status slave;
};

struct linkset {
	struct link *v;
	size_t n;
	size_t cap; /* room in @v */
	char kernel[65]; /* uname -r */
	struct bondopt_kver kver; /* its release, for bondopt_kernel_lacks() */
	uint64_t reported; /* BONDOPT_BIT()s some bond or slave reports */
	/* linkset_index(): the links sorted by name and by ifindex */
	struct link **by_name;
	struct link **by_ifindex;
};

/*
 * Whether 802.3ad slave @s carries traffic as far as LACP goes: its own
 * port state and its partner's both in sync, collecting and distributing.
 */
static inline bool link_lacp_carries(const struct link *s)
{
	return (s->slave.ad_actor_oper_port_state & LACP_STATE_CARRIES) ==
		       LACP_STATE_CARRIES &&
	       (s->slave.ad_partner_oper_port_state & LACP_STATE_CARRIES) ==
		       LACP_STATE_CARRIES;
}

void linkset_free(struct linkset *ls);

/*
 * Sorts the links for the lookups below, which are linear until then;
 * a change to the set afterwards needs it again.
 */
void linkset_index(struct linkset *ls);
struct link *linkset_find(const struct linkset *ls, const char *name);
struct link *linkset_find_index(const struct linkset *ls, int ifindex);

/*
 * The end of a reading of the links: fills each bond's slave list from
 * the links whose master it is, and @ls->reported from what the bonds and
 * slaves report.
 */
void linkset_finish(struct linkset *ls);

#endif
