// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The failover drill. In the modes with an active slave, the time until
 * another is active; in the others (balance-rr, balance-xor, broadcast,
 * 802.3ad), the time until the driver stops sending on the slave taken
 * out (its link seen down; in 802.3ad, no longer distributing). Every wait is on the kernel's link notifications
 * (the links read again when one arrives) or on the probes' replies,
 * never a sleep; the probes are sent at their interval meanwhile. The
 * restore runs whatever the measurement found, and the links are then
 * compared with what they were.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/drill.h"
#include "kernel/linkset.h"
#include "kernel/nl.h"
#include "kernel/probe.h"
#include "model/xalloc.h"

/* A bond's slave as it was before the drill. */
struct was {
	char name[IF_NAMESIZE];
	bool up; /* IFF_UP */
	uint8_t mii;
	int master;
};

struct run {
	struct nl *nl, *watch;
	struct probe *probe;
	const struct drill_opts *o;
	struct drill_result *r;
	struct linkset ls; /* the latest reading */
	int bond; /* its ifindex */
	bool has_active; /* active-backup, balance-tlb, balance-alb */
	bool lacp; /* 802.3ad */
	bool sending;
	uint16_t seq; /* the next probe's */
	double next_probe;
	double *sent_at; /* by sequence number; 0: not sent */
	bool *replied;
	double t0; /* the take-out */
	int first_after; /* the first probe sent after it, or -1 */
};

#define SEQS 65536

/* In 802.3ad, how often the links are read again without a notification. */
#define LACP_RECHECK_MS 200

/* How long a port whose link came back may show its old LACP state. */
#define LACP_RESTART_MS 1000

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

const char *drill_method_name(enum drill_method m)
{
	return m == DRILL_LINK_DOWN ? "link-down" : "active-slave";
}

static int reread(struct run *x)
{
	linkset_free(&x->ls);
	return bnl_dump_links(x->nl, &x->ls);
}

static const struct link *bond_link(const struct run *x)
{
	const struct link *b = linkset_find_index(&x->ls, x->bond);

	return b && b->is_bond ? b : NULL;
}

/* The bond's active slave now, or "". */
static const char *active(const struct run *x)
{
	const struct link *b = bond_link(x);

	if (!b || !bond_conf_has(b->bond, BONDOPT_ACTIVE_SLAVE))
		return "";
	return bond_conf_ifname_of(b->bond, BONDOPT_ACTIVE_SLAVE);
}

static void send_probe(struct run *x, double t)
{
	x->sent_at[x->seq] = t;
	x->replied[x->seq] = false;
	if (x->t0 > 0 && x->first_after < 0)
		x->first_after = x->seq;
	if (!probe_send(x->probe, x->seq))
		x->r->probes_sent += x->t0 > 0;
	x->seq++;
	x->next_probe = t + x->o->interval_ms;
}

static void read_replies(struct run *x, double t)
{
	uint16_t seq;

	while (probe_recv(x->probe, &seq) == 1) {
		if (!x->sent_at[seq] || x->replied[seq])
			continue;
		x->replied[seq] = true;
		if (x->t0 > 0 && x->r->traffic_ms < 0 && x->first_after >= 0 &&
		    (uint16_t)(seq - x->first_after) <
			    (uint16_t)(x->seq - x->first_after))
			x->r->traffic_ms = t - x->t0;
	}
}

typedef bool done_fn(struct run *x);

/*
 * Waits until @done, or until @deadline (-ETIMEDOUT): on link events and
 * probe replies, sending the probes that fall due. Returns 0 or -errno.
 */
static int wait_until(struct run *x, done_fn *done, double deadline)
{
	struct pollfd pfd[2];
	double t, wake;
	int n, rc;

	for (;;) {
		if (done(x))
			return 0;
		t = now_ms();
		if (t >= deadline)
			return -ETIMEDOUT;
		if (x->probe && x->sending && t >= x->next_probe)
			send_probe(x, t);
		wake = deadline;
		if (x->probe && x->sending && x->next_probe < wake)
			wake = x->next_probe;
		/* the kernel announces no change of LACP state alone */
		if (x->lacp && t + LACP_RECHECK_MS < wake)
			wake = t + LACP_RECHECK_MS;
		pfd[0] = (struct pollfd){ bnl_watch_fd(x->watch), POLLIN, 0 };
		n = 1;
		if (x->probe)
			pfd[n++] = (struct pollfd){ probe_fd(x->probe), POLLIN,
						    0 };
		rc = poll(pfd, (nfds_t)n, (int)(wake - t) + 1);
		if (rc < 0 && errno != EINTR)
			return -errno;
		if (rc == 0 && x->lacp && (rc = reread(x)))
			return rc;
		if (rc <= 0)
			continue;
		if (pfd[0].revents) {
			rc = bnl_watch_drain(x->watch);
			if (rc < 0 || (rc > 0 && (rc = reread(x))))
				return rc;
		}
		if (n > 1 && pfd[1].revents)
			read_replies(x, now_ms());
	}
}

/* Whether @s carries the bond's traffic now, as the driver sees it. */
static bool carries(const struct run *x, const struct link *s)
{
	const struct link *b = bond_link(x);

	if (!b || !s || s->master != x->bond || !s->is_bond_slave ||
	    s->slave.mii_status != 0)
		return false;
	if (!x->lacp)
		return true;
	return b->ad.present && s->slave.ad_aggregator_id == b->ad.aggregator &&
	       link_lacp_carries(s);
}

/* Not carrying: LACP has started over on the port. */
static bool from_renegotiating(struct run *x)
{
	return !carries(x, linkset_find(&x->ls, x->r->from));
}

/*
 * Without an active slave: the driver has taken the slave out of those
 * it sends on (its link seen down; in 802.3ad, out of distributing).
 */
static bool dropped(struct run *x)
{
	if (x->r->failover_ms < 0 &&
	    !carries(x, linkset_find(&x->ls, x->r->from)))
		x->r->failover_ms = now_ms() - x->t0;
	return x->r->failover_ms >= 0 && (!x->probe || x->r->traffic_ms >= 0);
}

static bool failed_over(struct run *x)
{
	if (!x->has_active)
		return dropped(x);
	const char *a = active(x);

	if (x->r->failover_ms < 0 && *a && strcmp(a, x->r->from)) {
		x->r->failover_ms = now_ms() - x->t0;
		snprintf(x->r->to, sizeof(x->r->to), "%s", a);
	}
	return x->r->failover_ms >= 0 && (!x->probe || x->r->traffic_ms >= 0);
}

static bool never(struct run *x)
{
	(void)x;
	return false;
}

/* @from is active again; without an active slave, carrying again. */
static bool from_active(struct run *x)
{
	if (!x->has_active)
		return carries(x, linkset_find(&x->ls, x->r->from));
	return !strcmp(active(x), x->r->from);
}

/* The slave taken out is back in the bond with its link up. */
static bool from_up(struct run *x)
{
	const struct link *s = linkset_find(&x->ls, x->r->from);

	return s && s->master == x->bond && s->is_bond_slave &&
	       s->slave.mii_status == 0;
}

static int set_active(struct run *x, const char *dev, struct nl_error *e)
{
	struct bond_conf c;
	int rc;

	bond_conf_init(&c, x->r->bond);
	snprintf(bond_conf_ifname(&c, BONDOPT_ACTIVE_SLAVE), IF_NAMESIZE, "%s",
		 dev);
	c.present |= BONDOPT_BIT(BONDOPT_ACTIVE_SLAVE);
	rc = bnl_bond_change(x->nl, x->bond, &c,
			     BONDOPT_BIT(BONDOPT_ACTIVE_SLAVE), &x->ls, e);
	bond_conf_free(&c);
	return rc;
}

/* The checks before anything changes; the slaves as they are in @was. */
static int check(struct run *x, struct was **was, size_t *n, char *other,
		 struct diags *d)
{
	const struct link *b = bond_link(x), *s;
	unsigned int mode;
	size_t i;

	if (!b) {
		diags_add(d, DIAG_ERROR, NULL, "%s: no such bond", x->r->bond);
		return -ENODEV;
	}
	mode = (unsigned int)bond_conf_effective(b->bond, NULL, BONDOPT_MODE);
	x->has_active = bondopt_get(BONDOPT_ACTIVE_SLAVE)->modes &
			BOND_MODE_BIT(mode);
	x->lacp = mode == BOND_MODE_8023AD;
	if (!x->has_active && x->o->method == DRILL_ACTIVE_SLAVE) {
		diags_add(
			d, DIAG_ERROR, NULL,
			"%s: mode %s has no active slave to change: use --method link-down",
			x->r->bond, bondopt_mode_name(mode));
		return -EOPNOTSUPP;
	}
	if (x->has_active) {
		snprintf(x->r->from, sizeof(x->r->from), "%s", active(x));
	} else {
		/* the first slave that carries traffic */
		for (i = 0; i < b->bond->n_slaves && !x->r->from[0]; i++) {
			s = linkset_find(&x->ls, b->bond->slaves[i].name);
			if (s && s->flags & IFF_UP && carries(x, s))
				snprintf(x->r->from, sizeof(x->r->from), "%s",
					 s->name);
		}
	}
	if (!x->r->from[0]) {
		diags_add(d, DIAG_ERROR, NULL, "%s: no slave %s", x->r->bond,
			  x->has_active ? "is active" : "carries traffic");
		return -ENOLINK;
	}
	*was = xcalloc(b->bond->n_slaves + 1, sizeof(**was));
	other[0] = '\0';
	for (i = 0; i < b->bond->n_slaves; i++) {
		s = linkset_find(&x->ls, b->bond->slaves[i].name);
		if (!s)
			continue;
		snprintf((*was)[*n].name, IF_NAMESIZE, "%s", s->name);
		(*was)[*n].up = s->flags & IFF_UP;
		(*was)[*n].mii = s->slave.mii_status;
		(*was)[(*n)++].master = s->master;
		if (!other[0] && strcmp(s->name, x->r->from) &&
		    s->flags & IFF_UP && carries(x, s))
			snprintf(other, IF_NAMESIZE, "%s", s->name);
	}
	if (!other[0]) {
		diags_add(
			d, DIAG_ERROR, NULL,
			"%s: no slave but %s%s carries traffic: taking it out would cut the bond off",
			x->r->bond, x->has_active ? "the active " : "",
			x->r->from);
		return -ENOLINK;
	}
	return 0;
}

static bool one_reply(struct run *x)
{
	uint16_t i;

	for (i = 0; i != x->seq; i++)
		if (x->replied[i])
			return true;
	return false;
}

/* --ping: the address answers before anything changes. */
static int baseline(struct run *x, struct diags *d)
{
	int rc = probe_open(&x->probe, x->o->ping);

	if (rc) {
		diags_add(d, DIAG_ERROR, NULL, "--ping %s: %s", x->o->ping,
			  rc == -EINVAL ? "not an IPv4 or IPv6 address" :
					  strerror(-rc));
		return rc;
	}
	x->r->pinged = true;
	x->sending = true;
	rc = wait_until(x, one_reply, now_ms() + 2000);
	if (rc)
		diags_add(
			d, DIAG_ERROR, NULL,
			"--ping %s: no reply within 2 s before the drill: there would be nothing to measure",
			x->o->ping);
	return rc;
}

/* Each way the slaves are not as they were, into @r->left. */
static void compare(struct run *x, const struct was *was, size_t n)
{
	const struct link *s;
	size_t i, len = 0;
	char *l = x->r->left;
	size_t size = sizeof(x->r->left);

	l[0] = '\0';
	if (!from_active(x) && !x->has_active)
		len += (size_t)snprintf(l + len, size - len,
					"%s%s carries no traffic again",
					len ? "; " : "", x->r->from);
	else if (!from_active(x))
		len += (size_t)snprintf(l + len, size - len,
					"%sthe active slave is %s, not %s",
					len ? "; " : "",
					*active(x) ? active(x) : "none",
					x->r->from);
	for (i = 0; i < n && len < size; i++) {
		s = linkset_find(&x->ls, was[i].name);
		if (!s || s->master != was[i].master)
			len += (size_t)snprintf(
				l + len, size - len,
				"%s%s is no longer a slave of %s",
				len ? "; " : "", was[i].name, x->r->bond);
		else if (!!(s->flags & IFF_UP) != was[i].up)
			len += (size_t)snprintf(l + len, size - len,
						"%s%s is %s", len ? "; " : "",
						was[i].name,
						was[i].up ? "down" : "up");
		else if (s->slave.mii_status != was[i].mii)
			len += (size_t)snprintf(l + len, size - len,
						"%s%s's link is not back up",
						len ? "; " : "", was[i].name);
	}
	x->r->restored = !l[0];
	diag_mask(l);
}

static int take_out(struct run *x, const char *other, struct nl_error *e)
{
	const struct link *s = linkset_find(&x->ls, x->r->from);

	if (x->o->method == DRILL_ACTIVE_SLAVE)
		return set_active(x, other, e);
	return s ? bnl_link_set_up(x->nl, s->ifindex, false, e) : -ENODEV;
}

static int restore(struct run *x, struct nl_error *e)
{
	const struct link *s = linkset_find(&x->ls, x->r->from);
	double start = now_ms(), deadline = start + x->o->timeout_ms;
	int rc = 0;

	if (x->o->method == DRILL_LINK_DOWN) {
		rc = s ? bnl_link_set_up(x->nl, s->ifindex, true, e) : -ENODEV;
		if (!rc)
			rc = wait_until(x, from_up, deadline);
	}
	if (!rc && !x->has_active) {
		/*
		 * 802.3ad: the port may still show the state it had before
		 * its link went down until the state machines (a tick every
		 * 100 ms) start over; then until LACP has it distributing
		 */
		if (x->lacp)
			wait_until(x, from_renegotiating,
				   now_ms() + LACP_RESTART_MS);
		rc = wait_until(x, from_active, deadline);
	} else if (!rc && !from_active(x)) {
		rc = reread(x) ? -EIO : set_active(x, x->r->from, e);
		if (!rc)
			rc = wait_until(x, from_active, deadline);
	}
	if (!rc)
		x->r->restore_ms = now_ms() - start;
	return rc;
}

int drill_failover(struct nl *nl, const char *bond, const struct drill_opts *o,
		   struct drill_result *r, struct diags *d)
{
	struct run x = { .nl = nl, .o = o, .r = r, .first_after = -1 };
	char other[IF_NAMESIZE];
	struct was *was = NULL;
	struct nl_error e = { 0 };
	const struct link *b;
	size_t n = 0;
	int rc;

	memset(r, 0, sizeof(*r));
	snprintf(r->bond, sizeof(r->bond), "%s", bond);
	r->method = o->method;
	r->failover_ms = r->traffic_ms = r->restore_ms = -1;
	x.sent_at = xcalloc(SEQS, sizeof(*x.sent_at));
	x.replied = xcalloc(SEQS, sizeof(*x.replied));
	rc = bnl_watch_open(&x.watch);
	if (!rc)
		rc = bnl_dump_links(nl, &x.ls);
	if (rc) {
		diags_add(d, DIAG_ERROR, NULL, "reading the links: %s",
			  strerror(-rc));
		goto out;
	}
	b = linkset_find(&x.ls, bond);
	x.bond = b ? b->ifindex : 0;
	rc = check(&x, &was, &n, other, d);
	r->has_active = x.has_active;
	if (!rc && !x.has_active)
		snprintf(r->to, sizeof(r->to), "%s", other);
	if (!rc && o->ping)
		rc = baseline(&x, d);
	if (rc)
		goto out;
	x.t0 = now_ms();
	rc = take_out(&x, other, &e);
	if (rc) {
		diags_add(d, DIAG_ERROR, NULL, "%s: taking %s out: %s%s%s",
			  bond, r->from, strerror(-rc), e.msg[0] ? ": " : "",
			  e.msg);
		goto out;
	}
	wait_until(&x, failed_over, x.t0 + o->timeout_ms);
	/* the replies still on their way */
	x.sending = false;
	if (x.probe)
		wait_until(&x, never, now_ms() + 300);
	rc = restore(&x, &e);
	if (!reread(&x))
		compare(&x, was, n);
	if (rc || !r->restored)
		diags_add(
			d, DIAG_ERROR, NULL, "%s: not restored%s%s%s: %s", bond,
			rc ? " (" : "", rc ? strerror(-rc) : "", rc ? ")" : "",
			r->left[0] ? r->left : "the links were not read back");
	rc = 0;
out:
	if (x.first_after >= 0) {
		uint16_t i;

		for (i = (uint16_t)x.first_after; i != x.seq; i++)
			r->probes_lost += !x.replied[i];
	}
	free(was);
	free(x.sent_at);
	free(x.replied);
	probe_close(x.probe);
	linkset_free(&x.ls);
	bnl_close(x.watch);
	return rc;
}
