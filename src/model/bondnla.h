/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel's bond attribute numbers (IFLA_BOND_*, IFLA_BOND_SLAVE_*),
 * from <linux/if_link.h>, which the option table's rows name. Attributes
 * newer than the header the build has are given their numbers here; where
 * the header has them, the build fails unless the numbers agree (configure
 * checks which of them it declares).
 */
#ifndef BONDCFG_MODEL_BONDNLA_H
#define BONDCFG_MODEL_BONDNLA_H

#include <linux/if_link.h>

#if HAVE_DECL_IFLA_BOND_PEER_NOTIF_DELAY
_Static_assert(IFLA_BOND_PEER_NOTIF_DELAY == 28,
	       "IFLA_BOND_PEER_NOTIF_DELAY is 28");
#else
#define IFLA_BOND_PEER_NOTIF_DELAY 28
#endif
#if HAVE_DECL_IFLA_BOND_AD_LACP_ACTIVE
_Static_assert(IFLA_BOND_AD_LACP_ACTIVE == 29,
	       "IFLA_BOND_AD_LACP_ACTIVE is 29");
#else
#define IFLA_BOND_AD_LACP_ACTIVE 29
#endif
#if HAVE_DECL_IFLA_BOND_MISSED_MAX
_Static_assert(IFLA_BOND_MISSED_MAX == 30, "IFLA_BOND_MISSED_MAX is 30");
#else
#define IFLA_BOND_MISSED_MAX 30
#endif
#if HAVE_DECL_IFLA_BOND_NS_IP6_TARGET
_Static_assert(IFLA_BOND_NS_IP6_TARGET == 31, "IFLA_BOND_NS_IP6_TARGET is 31");
#else
#define IFLA_BOND_NS_IP6_TARGET 31
#endif
#if HAVE_DECL_IFLA_BOND_COUPLED_CONTROL
_Static_assert(IFLA_BOND_COUPLED_CONTROL == 32,
	       "IFLA_BOND_COUPLED_CONTROL is 32");
#else
#define IFLA_BOND_COUPLED_CONTROL 32
#endif
#if HAVE_DECL_IFLA_BOND_BROADCAST_NEIGH
_Static_assert(IFLA_BOND_BROADCAST_NEIGH == 33,
	       "IFLA_BOND_BROADCAST_NEIGH is 33");
#else
#define IFLA_BOND_BROADCAST_NEIGH 33
#endif
#if HAVE_DECL_IFLA_BOND_LACP_STRICT
_Static_assert(IFLA_BOND_LACP_STRICT == 34, "IFLA_BOND_LACP_STRICT is 34");
#else
#define IFLA_BOND_LACP_STRICT 34
#endif
#if HAVE_DECL_IFLA_BOND_SLAVE_PRIO
_Static_assert(IFLA_BOND_SLAVE_PRIO == 9, "IFLA_BOND_SLAVE_PRIO is 9");
#else
#define IFLA_BOND_SLAVE_PRIO 9
#endif
#if HAVE_DECL_IFLA_BOND_SLAVE_ACTOR_PORT_PRIO
_Static_assert(IFLA_BOND_SLAVE_ACTOR_PORT_PRIO == 10,
	       "IFLA_BOND_SLAVE_ACTOR_PORT_PRIO is 10");
#else
#define IFLA_BOND_SLAVE_ACTOR_PORT_PRIO 10
#endif

#endif
