/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What show and watch say about a live bond: names of the driver's slave
 * states, the LACP port-state bits, a device's speed and duplex, and the
 * warnings a bond's state deserves.
 */
#ifndef BONDCFG_BONDVIEW_H
#define BONDCFG_BONDVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "kernel/linkset.h"

/* The driver's carrier (IFF_LOWER_UP, not in <net/if.h>). */
#define BONDVIEW_IFF_LOWER_UP 0x10000

/* "up", "going_down", "down", "going_back" (IFLA_BOND_SLAVE_MII_STATUS). */
const char *bondview_mii_name(uint8_t mii_status);

/* "active" or "backup" (IFLA_BOND_SLAVE_STATE). */
const char *bondview_state_name(uint8_t state);

/* The eight LACP port-state bits, bit 0 first, as JSON keys. */
extern const char *const bondview_lacp_bits[8];

/* The set bits of an LACP port state, "activity,aggregation,...", or "none". */
void bondview_lacp_format(unsigned int state, char *buf, size_t size);

/*
 * @name with what could act on a terminal masked, for text output (the
 * kernel allows control characters in interface names). The result stays
 * valid until four more calls.
 */
const char *bondview_safe(const char *name);

/* "aa:bb:cc:dd:ee:ff" into @buf (18 bytes). */
void bondview_mac(const uint8_t mac[6], char *buf);

/*
 * A device's speed in Mb/s, or -1 when unknown, and its duplex ("full",
 * "half" or "unknown"), from /sys/class/net/DEV.
 */
struct bondview_speed {
	long speed;
	char duplex[16];
};
void bondview_read_speed(const char *dev, struct bondview_speed *sp);

/* Slaves of @bond (in its bond_conf order) with MII status up. */
unsigned int bondview_slaves_up(const struct linkset *ls,
				const struct link *bond);

#define BONDVIEW_MAX_WARNINGS 32

struct bondview_warning {
	const char *code; /* stable, snake_case */
	char slave[IF_NAMESIZE]; /* the slave it is about, or "" */
	char msg[200];
	/* the likely cause and where to look (the switch, a cable), or "" */
	char hint[200];
	/* where the kernel said it: "netlink" or /proc/net/bonding/BOND */
	char source[64];
};

struct procbond;

/*
 * Fills @w with what is wrong with @bond; returns the number. @pb: the
 * bond's /proc/net/bonding file as read already, or NULL to have it read
 * when the bond is 802.3ad.
 */
size_t bondview_warnings(const struct linkset *ls, const struct link *bond,
			 const struct procbond *pb, struct bondview_warning *w,
			 size_t max);

/*
 * Adds a warning to @w (@n of @max used) unless it is full; the message
 * masked for a terminal, no hint, source netlink. Returns it, or NULL.
 */
__attribute__((format(printf, 5, 6))) struct bondview_warning *
bondview_add(struct bondview_warning *w, size_t *n, size_t max,
	     const char *code, const char *fmt, ...);

/* Sets the hint of @w (which may be NULL). */
__attribute__((format(printf, 2, 3))) void
bondview_hint(struct bondview_warning *w, const char *fmt, ...);

/*
 * The LACP findings of 802.3ad bond @bond (lacp.c): slaves out of the
 * active aggregator and why, ports without LACPDUs, partners not in sync,
 * churn (from /proc/net/bonding: @pb, or read when NULL), an LACP rate the
 * partner does not share. Adds them to @w as bondview_add() does.
 */
void bondview_lacp(const struct linkset *ls, const struct link *bond,
		   const struct procbond *pb, struct bondview_warning *w,
		   size_t *n, size_t max);

/*
 * Whether @bond is still settling, with why in @why: it is settled when it
 * is up with carrier, every slave's MII status is up, a slave is active,
 * and in 802.3ad every slave is in the active aggregator with a partner,
 * actor and partner in sync, collecting and distributing.
 */
bool bondview_unsettled(const struct linkset *ls, const struct link *bond,
			char *why, size_t size);

#endif
