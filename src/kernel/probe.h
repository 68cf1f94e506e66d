/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ICMP echo probes to one address (IPv4 or IPv6), numbered, for measuring
 * how many a failover loses: an unprivileged ping socket where the system
 * allows one (net.ipv4.ping_group_range), a raw socket otherwise.
 * Functions return 0 or -errno.
 */
#ifndef BONDCFG_PROBE_H
#define BONDCFG_PROBE_H

#include <stdint.h>

struct probe;

/* -EINVAL when @addr is not an IPv4 or IPv6 address. */
int probe_open(struct probe **p, const char *addr);
void probe_close(struct probe *p);

/*
 * A probe of @addr through link @ifname only: ARP requests when @addr is
 * an IPv4 address on a subnet of one of @ifname's addresses (a host
 * answers ARP whatever its firewall does to ICMP), ICMP echo bound to
 * the link otherwise. probe_send() and probe_recv() work as for ICMP; an
 * ARP reply from @addr answers the last request sent.
 */
int probe_open_dev(struct probe **p, const char *addr, const char *ifname);

/* Whether @p sends ARP requests. */
int probe_is_arp(const struct probe *p);

/* The descriptor to poll for POLLIN. */
int probe_fd(const struct probe *p);

/* Sends echo request @seq. */
int probe_send(struct probe *p, uint16_t seq);

/*
 * Reads one waiting echo reply of ours without blocking: 1 with its
 * number in *@seq, 0 when none is waiting (other packets are skipped).
 */
int probe_recv(struct probe *p, uint16_t *seq);

#endif
