// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The words and warnings of show and watch for a live bond, from the
 * kernel's numbers (include/uapi/linux/if_bonding.h and the 802.3ad port
 * state of IEEE 802.1AX).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/bondview.h"

const char *bondview_mii_name(uint8_t mii_status)
{
	static const char *const names[] = { "up", "going_down", "down",
					     "going_back" };

	return mii_status < 4 ? names[mii_status] : "unknown";
}

const char *bondview_state_name(uint8_t state)
{
	return state == 0 ? "active" : state == 1 ? "backup" : "unknown";
}

const char *const bondview_lacp_bits[8] = {
	"lacp_activity", "lacp_timeout", "aggregation", "synchronization",
	"collecting",	 "distributing", "defaulted",	"expired",
};

/* Shorter words for the text form, in the same order. */
static const char *const lacp_words[8] = {
	"active",     "short_timeout", "aggregation", "in_sync",
	"collecting", "distributing",  "defaulted",   "expired",
};

void bondview_lacp_format(unsigned int state, char *buf, size_t size)
{
	size_t len = 0;
	unsigned int bit;

	buf[0] = '\0';
	for (bit = 0; bit < 8 && len < size; bit++)
		if (state & (1u << bit))
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
						len ? "," : "",
						lacp_words[bit]);
	if (!len)
		snprintf(buf, size, "none");
}

const char *bondview_safe(const char *name)
{
	static char buf[4][IF_NAMESIZE];
	static unsigned int next;
	char *b = buf[next++ % 4];

	snprintf(b, sizeof(buf[0]), "%s", name);
	diag_mask(b);
	return b;
}

void bondview_mac(const uint8_t mac[6], char *buf)
{
	snprintf(buf, 18, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1],
		 mac[2], mac[3], mac[4], mac[5]);
}

/* Reads the first line of /sys/class/net/@dev/@file into @buf; 0 or -1. */
static int read_sysfs(const char *dev, const char *file, char *buf, size_t size)
{
	char path[128];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/sys/class/net/%s/%s", dev, file);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	do
		n = read(fd, buf, size - 1);
	while (n < 0 && errno == EINTR);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
}

void bondview_read_speed(const char *dev, struct bondview_speed *sp)
{
	char buf[32], *end;
	long v;

	sp->speed = -1;
	snprintf(sp->duplex, sizeof(sp->duplex), "unknown");
	if (!read_sysfs(dev, "speed", buf, sizeof(buf))) {
		errno = 0;
		v = strtol(buf, &end, 10);
		/* SPEED_UNKNOWN is -1; old kernels print it unsigned */
		if (!errno && end != buf && !*end && v > 0 && v < 0xffffffffL)
			sp->speed = v;
	}
	if (!read_sysfs(dev, "duplex", buf, sizeof(buf)) &&
	    (!strcmp(buf, "full") || !strcmp(buf, "half")))
		snprintf(sp->duplex, sizeof(sp->duplex), "%s",
			 buf[0] == 'f' ? "full" : "half");
}

unsigned int bondview_slaves_up(const struct linkset *ls,
				const struct link *bond)
{
	const struct link *s;
	unsigned int n = 0;
	size_t i;

	for (i = 0; i < bond->bond->n_slaves; i++) {
		s = linkset_find(ls, bond->bond->slaves[i].name);
		if (s && s->is_bond_slave && s->slave.mii_status == 0)
			n++;
	}
	return n;
}

struct bondview_warning *bondview_add(struct bondview_warning *w, size_t *n,
				      size_t max, const char *code,
				      const char *fmt, ...)
{
	va_list ap;

	if (*n >= max)
		return NULL;
	w[*n].code = code;
	w[*n].slave[0] = '\0';
	w[*n].hint[0] = '\0';
	snprintf(w[*n].source, sizeof(w[*n].source), "netlink");
	va_start(ap, fmt);
	vsnprintf(w[*n].msg, sizeof(w[*n].msg), fmt, ap);
	va_end(ap);
	diag_mask(w[*n].msg);
	return &w[(*n)++];
}

void bondview_hint(struct bondview_warning *w, const char *fmt, ...)
{
	va_list ap;

	if (!w)
		return;
	va_start(ap, fmt);
	vsnprintf(w->hint, sizeof(w->hint), fmt, ap);
	va_end(ap);
	diag_mask(w->hint);
}

/* An 802.3ad bond whose partner MAC is zero: no LACPDU has come back. */
static bool no_partner(const struct link *bond)
{
	static const uint8_t zero[6];

	return !memcmp(bond->ad.partner_mac, zero, sizeof(zero));
}

size_t bondview_warnings(const struct linkset *ls, const struct link *bond,
			 const struct procbond *pb, struct bondview_warning *w,
			 size_t max)
{
	const struct bond_conf *c = bond->bond;
	int64_t mode = bond_conf_effective(c, NULL, BONDOPT_MODE);
	int64_t min_links = bond_conf_effective(c, NULL, BONDOPT_MIN_LINKS);
	const struct link *s, *first_agg = NULL;
	struct bondview_warning *sw;
	unsigned int active = 0, up;
	bool split = false;
	size_t n = 0, i;

	if (!strcmp(bond_conf_monitor(c), "none"))
		bondview_add(
			w, &n, max, "no_link_monitoring",
			"no link monitoring: miimon and arp_interval are both 0, a failed slave is never noticed");
	for (i = 0; i < c->n_slaves; i++) {
		s = linkset_find(ls, c->slaves[i].name);
		if (!s || !s->is_bond_slave)
			continue;
		if (s->slave.state == 0)
			active++;
		if (s->slave.mii_status != 0) {
			sw = bondview_add(
				w, &n, max, "slave_link_not_up",
				"slave %s: MII status %s", s->name,
				bondview_mii_name(s->slave.mii_status));
			if (sw)
				snprintf(sw->slave, sizeof(sw->slave), "%s",
					 s->name);
		}
		if (mode == BOND_MODE_8023AD) {
			if (!first_agg)
				first_agg = s;
			else if (s->slave.ad_aggregator_id !=
				 first_agg->slave.ad_aggregator_id)
				split = true;
		}
	}
	if (!c->n_slaves)
		bondview_add(w, &n, max, "no_active_slave",
			     "no slave active: the bond has no slaves");
	else if (!active)
		bondview_add(w, &n, max, "no_active_slave", "no slave active");
	if (split)
		bondview_add(
			w, &n, max, "different_aggregators",
			"slaves in different aggregators: not all of them carry traffic");
	if (mode == BOND_MODE_8023AD && c->n_slaves) {
		if (!bond->ad.present)
			bondview_add(w, &n, max, "no_active_aggregator",
				     "no active 802.3ad aggregator");
		else if (no_partner(bond))
			bondview_hint(
				bondview_add(
					w, &n, max, "no_lacp_partner",
					"partner MAC 00:00:00:00:00:00: no LACP partner answers"),
				"the switch ports are not in an LACP port-channel (static or LACP off), or LACP is passive on both ends");
		bondview_lacp(ls, bond, pb, w, &n, max);
	}
	up = bondview_slaves_up(ls, bond);
	if (min_links > 0 && up < (uint64_t)min_links)
		bondview_add(w, &n, max, "below_min_links",
			     "%u slave%s up, fewer than min_links %lld", up,
			     up == 1 ? "" : "s", (long long)min_links);
	return n;
}

bool bondview_unsettled(const struct linkset *ls, const struct link *bond,
			char *why, size_t size)
{
	const struct bond_conf *c = bond->bond;
	const unsigned int ready = BONDVIEW_IFF_LOWER_UP | IFF_RUNNING;
	int64_t mode = bond_conf_effective(c, NULL, BONDOPT_MODE);
	const struct link *s;
	unsigned int active = 0;
	size_t i;

	if (!(bond->flags & IFF_UP)) {
		snprintf(why, size, "the bond is down");
		return true;
	}
	if (!c->n_slaves) {
		snprintf(why, size, "no slaves");
		return true;
	}
	if (mode == BOND_MODE_8023AD && !bond->ad.present) {
		snprintf(why, size, "no active 802.3ad aggregator");
		return true;
	}
	if (mode == BOND_MODE_8023AD && no_partner(bond)) {
		snprintf(why, size, "no LACP partner answers");
		return true;
	}
	for (i = 0; i < c->n_slaves; i++) {
		s = linkset_find(ls, c->slaves[i].name);
		if (!s || !s->is_bond_slave)
			continue;
		if (s->slave.mii_status != 0) {
			snprintf(why, size, "slave %s: MII status %s",
				 bondview_safe(s->name),
				 bondview_mii_name(s->slave.mii_status));
			return true;
		}
		active += s->slave.state == 0;
		if (mode != BOND_MODE_8023AD)
			continue;
		if (s->slave.ad_aggregator_id != bond->ad.aggregator) {
			snprintf(why, size,
				 "slave %s: not in the active aggregator",
				 bondview_safe(s->name));
			return true;
		}
		if (!link_lacp_carries(s)) {
			snprintf(
				why, size,
				"slave %s: LACP not yet in sync, collecting and distributing",
				bondview_safe(s->name));
			return true;
		}
	}
	if (!active) {
		snprintf(why, size, "no slave active");
		return true;
	}
	if ((bond->flags & ready) != ready) {
		snprintf(why, size, "no carrier");
		return true;
	}
	return false;
}
