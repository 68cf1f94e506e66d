// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ICMP echo over a ping socket (SOCK_DGRAM, IPPROTO_ICMP[V6]: the kernel
 * sets the identifier and gives us our replies only) or, where the system
 * does not allow one, a raw socket: our identifier is then checked here,
 * and an IPv4 raw socket gives the IP header first.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <ifaddrs.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/icmp6.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "kernel/probe.h"
#include "model/xalloc.h"

struct probe {
	int fd;
	bool v6;
	bool raw;
	uint16_t id;
	struct sockaddr_storage to;
	socklen_t to_len;
	/* probe_open_dev() of an on-link IPv4 address: ARP */
	bool arp;
	int ifindex;
	uint8_t mac[ETH_ALEN];
	struct in_addr src;
	uint16_t last; /* the last request's number */
};

/* An ARP request or reply for IPv4 over Ethernet (RFC 826). */
struct arp_packet {
	struct arphdr h;
	uint8_t sha[ETH_ALEN];
	uint8_t spa[4];
	uint8_t tha[ETH_ALEN];
	uint8_t tpa[4];
} __attribute__((packed));

/* The Internet checksum (RFC 1071), for IPv4 raw sockets. */
static uint16_t checksum(const void *data, size_t len)
{
	const uint8_t *b = data;
	uint32_t sum = 0;

	for (; len > 1; b += 2, len -= 2)
		sum += (uint32_t)(b[0] << 8 | b[1]);
	if (len)
		sum += (uint32_t)b[0] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons((uint16_t)~sum);
}

int probe_open(struct probe **out, const char *addr)
{
	struct probe *p = xcalloc(1, sizeof(*p));
	struct sockaddr_in *v4 = (struct sockaddr_in *)&p->to;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&p->to;
	int proto, err;

	if (inet_pton(AF_INET, addr, &v4->sin_addr) == 1) {
		v4->sin_family = AF_INET;
		p->to_len = sizeof(*v4);
		proto = IPPROTO_ICMP;
	} else if (inet_pton(AF_INET6, addr, &v6->sin6_addr) == 1) {
		v6->sin6_family = AF_INET6;
		p->to_len = sizeof(*v6);
		p->v6 = true;
		proto = IPPROTO_ICMPV6;
	} else {
		free(p);
		return -EINVAL;
	}
	p->fd = socket(p->to.ss_family,
		       SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, proto);
	if (p->fd < 0) {
		p->raw = true;
		p->fd = socket(p->to.ss_family,
			       SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, proto);
	}
	if (p->fd < 0) {
		err = -errno;
		free(p);
		return err;
	}
	p->id = (uint16_t)(getpid() & 0xffff);
	*out = p;
	return 0;
}

/*
 * An address of @ifname on the subnet of @dst, into @src: whether there
 * is one (the address is on-link).
 */
static bool on_link(const char *ifname, struct in_addr dst, struct in_addr *src)
{
	struct ifaddrs *all, *a;
	bool found = false;

	if (getifaddrs(&all))
		return false;
	for (a = all; a && !found; a = a->ifa_next) {
		const struct sockaddr_in *in = (void *)a->ifa_addr,
					 *mask = (void *)a->ifa_netmask;

		if (!in || !mask || in->sin_family != AF_INET ||
		    strcmp(a->ifa_name, ifname))
			continue;
		if (!((in->sin_addr.s_addr ^ dst.s_addr) &
		      mask->sin_addr.s_addr)) {
			*src = in->sin_addr;
			found = true;
		}
	}
	freeifaddrs(all);
	return found;
}

static int open_arp(struct probe *p, const char *ifname)
{
	struct sockaddr_ll ll = { .sll_family = AF_PACKET,
				  .sll_protocol = htons(ETH_P_ARP) };
	struct ifreq ifr = { 0 };

	p->arp = true;
	p->ifindex = (int)if_nametoindex(ifname);
	if (!p->ifindex)
		return -errno;
	p->fd = socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK,
		       htons(ETH_P_ARP));
	if (p->fd < 0)
		return -errno;
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	if (ioctl(p->fd, SIOCGIFHWADDR, &ifr))
		return -errno;
	memcpy(p->mac, ifr.ifr_hwaddr.sa_data, ETH_ALEN);
	ll.sll_ifindex = p->ifindex;
	if (bind(p->fd, (struct sockaddr *)&ll, sizeof(ll)))
		return -errno;
	return 0;
}

int probe_open_dev(struct probe **out, const char *addr, const char *ifname)
{
	struct probe *p;
	struct in_addr dst, src;
	int rc;

	if (inet_pton(AF_INET, addr, &dst) == 1 && on_link(ifname, dst, &src)) {
		p = xcalloc(1, sizeof(*p));
		p->src = src;
		((struct sockaddr_in *)&p->to)->sin_addr = dst;
		rc = open_arp(p, ifname);
	} else {
		rc = probe_open(&p, addr);
		if (rc)
			return rc;
		rc = setsockopt(p->fd, SOL_SOCKET, SO_BINDTODEVICE, ifname,
				(socklen_t)strlen(ifname) + 1) ?
			     -errno :
			     0;
	}
	if (rc) {
		if (p->fd > 0)
			close(p->fd);
		free(p);
		return rc;
	}
	*out = p;
	return 0;
}

int probe_is_arp(const struct probe *p)
{
	return p->arp;
}

static int arp_send(struct probe *p, uint16_t seq)
{
	struct sockaddr_ll ll = { .sll_family = AF_PACKET,
				  .sll_protocol = htons(ETH_P_ARP),
				  .sll_ifindex = p->ifindex,
				  .sll_halen = ETH_ALEN };
	struct arp_packet a = { 0 };

	memset(ll.sll_addr, 0xff, ETH_ALEN);
	a.h.ar_hrd = htons(ARPHRD_ETHER);
	a.h.ar_pro = htons(ETH_P_IP);
	a.h.ar_hln = ETH_ALEN;
	a.h.ar_pln = 4;
	a.h.ar_op = htons(ARPOP_REQUEST);
	memcpy(a.sha, p->mac, ETH_ALEN);
	memcpy(a.spa, &p->src, 4);
	memcpy(a.tpa, &((struct sockaddr_in *)&p->to)->sin_addr, 4);
	p->last = seq;
	if (sendto(p->fd, &a, sizeof(a), 0, (struct sockaddr *)&ll,
		   sizeof(ll)) < 0)
		return -errno;
	return 0;
}

static int arp_recv(struct probe *p, uint16_t *seq)
{
	struct arp_packet a;
	ssize_t len;

	for (;;) {
		len = recv(p->fd, &a, sizeof(a), 0);
		if (len < 0)
			return errno == EAGAIN || errno == EWOULDBLOCK ||
					       errno == EINTR ?
				       0 :
				       -errno;
		/* a reply from the address to us, not a gratuitous one */
		if ((size_t)len < sizeof(a) ||
		    a.h.ar_op != htons(ARPOP_REPLY) ||
		    a.h.ar_pro != htons(ETH_P_IP) ||
		    memcmp(a.spa, &((struct sockaddr_in *)&p->to)->sin_addr,
			   4) ||
		    memcmp(a.tpa, &p->src, 4) ||
		    memcmp(a.tha, p->mac, ETH_ALEN))
			continue;
		*seq = p->last;
		return 1;
	}
}

void probe_close(struct probe *p)
{
	if (!p)
		return;
	close(p->fd);
	free(p);
}

int probe_fd(const struct probe *p)
{
	return p->fd;
}

int probe_send(struct probe *p, uint16_t seq)
{
	uint8_t pkt[16] = { 0 };

	if (p->arp)
		return arp_send(p, seq);

	/* type, code, checksum, identifier, sequence: the same offsets in
	 * ICMP and ICMPv6; the kernel sums ICMPv6 and ping sockets' ICMP */
	pkt[0] = p->v6 ? ICMP6_ECHO_REQUEST : ICMP_ECHO;
	pkt[4] = (uint8_t)(p->id >> 8);
	pkt[5] = (uint8_t)p->id;
	pkt[6] = (uint8_t)(seq >> 8);
	pkt[7] = (uint8_t)seq;
	memcpy(pkt + 8, "bondcfg!", 8);
	if (!p->v6) {
		uint16_t sum = checksum(pkt, sizeof(pkt));

		memcpy(pkt + 2, &sum, 2);
	}
	if (sendto(p->fd, pkt, sizeof(pkt), 0, (struct sockaddr *)&p->to,
		   p->to_len) < 0)
		return -errno;
	return 0;
}

int probe_recv(struct probe *p, uint16_t *seq)
{
	uint8_t buf[1500], *icmp;
	struct sockaddr_storage from;
	socklen_t from_len;
	ssize_t len;
	size_t hl;

	if (p->arp)
		return arp_recv(p, seq);
	for (;;) {
		from_len = sizeof(from);
		len = recvfrom(p->fd, buf, sizeof(buf), 0,
			       (struct sockaddr *)&from, &from_len);
		if (len < 0)
			return errno == EAGAIN || errno == EWOULDBLOCK ? 0 :
			       errno == EINTR			       ? 0 :
									 -errno;
		icmp = buf;
		if (p->raw && !p->v6) {
			hl = (size_t)(buf[0] & 0x0f) * 4;
			if ((size_t)len < hl + 8)
				continue;
			icmp = buf + hl;
			len -= (ssize_t)hl;
		}
		if (len < 8 ||
		    icmp[0] != (p->v6 ? ICMP6_ECHO_REPLY : ICMP_ECHOREPLY))
			continue;
		/* a ping socket's identifier is the kernel's: it filters */
		if (p->raw && (icmp[4] << 8 | icmp[5]) != p->id)
			continue;
		*seq = (uint16_t)(icmp[6] << 8 | icmp[7]);
		return 1;
	}
}
