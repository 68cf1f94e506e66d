// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Is LACP really aggregating: the findings of show and check --live for
 * an 802.3ad bond, each with the likely cause on the switch's side. From
 * rtnetlink (aggregator ids, port states) and, for what it lacks (churn,
 * each port's partner system and key), /proc/net/bonding/BOND.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/bondview.h"
#include "kernel/procbond.h"
#include "model/xalloc.h"

/* The state of a bond and one of its ports, gathered once. */
struct port {
	const struct link *dev;
	const struct procbond_slave *proc;
	struct bondview_speed sp;
};

static bool zero_mac(const uint8_t mac[6])
{
	static const uint8_t zero[6];

	return !memcmp(mac, zero, 6);
}

static struct bondview_warning *slave_add(struct bondview_warning *w, size_t *n,
					  size_t max, const char *code,
					  const struct port *p)
{
	struct bondview_warning *x = bondview_add(w, n, max, code, "-");

	if (x)
		snprintf(x->slave, sizeof(x->slave), "%s", p->dev->name);
	return x;
}

/*
 * Adds warning @code about port @p, "slave NAME: " and @fmt, with the
 * likely cause @hint. Returns it, or NULL when @w is full.
 */
__attribute__((format(printf, 7, 8))) static struct bondview_warning *
port_warn(struct bondview_warning *w, size_t *n, size_t max, const char *code,
	  const struct port *p, const char *hint, const char *fmt, ...)
{
	struct bondview_warning *x = slave_add(w, n, max, code, p);
	va_list ap;
	int len;

	if (!x)
		return NULL;
	len = snprintf(x->msg, sizeof(x->msg), "slave %s: ", p->dev->name);
	va_start(ap, fmt);
	vsnprintf(x->msg + len, sizeof(x->msg) - (size_t)len, fmt, ap);
	va_end(ap);
	diag_mask(x->msg);
	bondview_hint(x, "%s", hint);
	return x;
}

/* Why port @p is not in the aggregator of @ref, a port that is. */
static void out_of_aggregator(const struct link *bond, const struct port *p,
			      const struct port *ref,
			      struct bondview_warning *x, const char *pb)
{
	const char *name = bondview_safe(p->dev->name);
	char m1[18], m2[18];
	int len = snprintf(
		x->msg, sizeof(x->msg),
		"slave %s: in aggregator %u, not the active %u: ", name,
		p->dev->slave.ad_aggregator_id, bond->ad.aggregator);
	char *why = x->msg + len;
	size_t size = sizeof(x->msg) - (size_t)len;

	if (p->dev->slave.mii_status != 0) {
		snprintf(why, size, "its link is %s",
			 bondview_mii_name(p->dev->slave.mii_status));
		bondview_hint(x, "a cable, the NIC or the switch port is down");
	} else if (!strcmp(p->sp.duplex, "half")) {
		snprintf(why, size, "it runs half duplex");
		bondview_hint(
			x,
			"802.3ad aggregates full-duplex ports only: check autonegotiation on the switch port and the NIC");
	} else if (ref && p->sp.speed > 0 && ref->sp.speed > 0 &&
		   p->sp.speed != ref->sp.speed) {
		snprintf(
			why, size,
			"its speed is %ld Mb/s, the active aggregator's %ld Mb/s",
			p->sp.speed, ref->sp.speed);
		bondview_hint(
			x,
			"ports of one aggregate run at one speed: the switch port or the NIC is set or negotiated to another");
	} else if (p->proc && p->proc->partner.present &&
		   zero_mac(p->proc->partner.system)) {
		snprintf(why, size, "no LACPDU from a partner on this port");
		bondview_hint(
			x,
			"the switch port is not in the LACP port-channel of the others (static, or LACP off)");
		snprintf(x->source, sizeof(x->source), "%s", pb);
	} else if (p->proc && p->proc->partner.present &&
		   memcmp(p->proc->partner.system, bond->ad.partner_mac, 6)) {
		bondview_mac(p->proc->partner.system, m1);
		bondview_mac(bond->ad.partner_mac, m2);
		snprintf(why, size,
			 "its partner is system %s, the active aggregator's %s",
			 m1, m2);
		bondview_hint(
			x,
			"the ports end on two switches or two port-channels that are not one LAG (MLAG, vPC, stacking), or a cable is in the wrong port");
		snprintf(x->source, sizeof(x->source), "%s", pb);
	} else if (p->proc && p->proc->partner.present &&
		   p->proc->partner.key != bond->ad.partner_key) {
		snprintf(why, size,
			 "its partner key is %u, the active aggregator's %u",
			 p->proc->partner.key, bond->ad.partner_key);
		bondview_hint(
			x,
			"the switch has this port in another port-channel (channel-group) than the others");
		snprintf(x->source, sizeof(x->source), "%s", pb);
	} else if (p->proc && p->proc->actor.present &&
		   p->proc->actor.key != bond->ad.actor_key) {
		snprintf(why, size,
			 "its port key is %u, the active aggregator's %u",
			 p->proc->actor.key, bond->ad.actor_key);
		bondview_hint(
			x,
			"the key holds speed, duplex and ad_user_port_key: one of them differs on this port");
		snprintf(x->source, sizeof(x->source), "%s", pb);
	} else {
		snprintf(why, size, "ad_select chose another aggregator");
		bondview_hint(
			x,
			"the other aggregator has more ports or more bandwidth (ad_select), or the switch has not answered on this port yet");
	}
	diag_mask(x->msg);
}

static void port_state(const struct link *bond, const struct port *p,
		       struct bondview_warning *w, size_t *n, size_t max)
{
	unsigned int actor = p->dev->slave.ad_actor_oper_port_state;
	unsigned int partner = p->dev->slave.ad_partner_oper_port_state;

	if (p->dev->slave.mii_status != 0)
		return;
	if (actor & LACP_STATE_DEFAULTED) {
		port_warn(
			w, n, max, "lacp_defaulted", p,
			"the switch port does not run LACP: a static port-channel, LACP off, or passive on both ends",
			"no LACPDU received, the partner's details are defaulted");
		return;
	}
	if (actor & LACP_STATE_EXPIRED) {
		port_warn(
			w, n, max, "lacp_expired", p,
			"the switch stopped sending: the port flaps, or the switch dropped it from its port-channel",
			"LACPDUs from the partner stopped arriving (expired)");
		return;
	}
	if (!bond->ad.present ||
	    p->dev->slave.ad_aggregator_id != bond->ad.aggregator)
		return;
	if ((partner & LACP_STATE_CARRIES) != LACP_STATE_CARRIES)
		port_warn(
			w, n, max, "lacp_partner_not_distributing", p,
			"the switch has not added the port to its aggregate: its port-channel members, speed or key differ on the switch's side",
			"the partner is not in sync, collecting and distributing");
	else if ((actor & LACP_STATE_CARRIES) != LACP_STATE_CARRIES)
		port_warn(
			w, n, max, "lacp_actor_not_distributing", p,
			"the negotiation has not finished, or the partner's answer does not match this port's aggregator",
			"this port is not in sync, collecting and distributing");
}

static void churn(const struct port *p, const char *pb,
		  struct bondview_warning *w, size_t *n, size_t max)
{
	struct bondview_warning *x;

	if (!p->proc)
		return;
	if (p->proc->actor_churn == PROCBOND_CHURN_CHURNED) {
		x = port_warn(
			w, n, max, "lacp_actor_churned", p,
			"this port did not reach sync in time: the switch does not agree to aggregate it",
			"actor churn state churned (%u times)",
			p->proc->actor_churned);
		if (x)
			snprintf(x->source, sizeof(x->source), "%s", pb);
	}
	if (p->proc->partner_churn == PROCBOND_CHURN_CHURNED) {
		x = port_warn(
			w, n, max, "lacp_partner_churned", p,
			"the switch's port did not reach sync: check its port-channel and that LACP runs on it",
			"partner churn state churned (%u times)",
			p->proc->partner_churned);
		if (x)
			snprintf(x->source, sizeof(x->source), "%s", pb);
	}
}

/* Our lacp_rate against the partner's LACP_STATE_TIMEOUT bit, once per bond. */
static void rate(const struct link *bond, const struct port *p, size_t np,
		 struct bondview_warning *w, size_t *n, size_t max)
{
	bool fast = bond_conf_effective(bond->bond, NULL,
					BONDOPT_AD_LACP_RATE) == 1;
	struct bondview_warning *x;
	size_t i;

	for (i = 0; i < np; i++) {
		unsigned int actor = p[i].dev->slave.ad_actor_oper_port_state;
		bool pfast = p[i].dev->slave.ad_partner_oper_port_state &
			     LACP_STATE_TIMEOUT;

		if (p[i].dev->slave.mii_status != 0 ||
		    actor & (LACP_STATE_DEFAULTED | LACP_STATE_EXPIRED) ||
		    pfast == fast)
			continue;
		x = slave_add(w, n, max, "lacp_rate_mismatch", &p[i]);
		if (x)
			snprintf(x->msg, sizeof(x->msg),
				 "lacp_rate is %s, the partner's is %s (on %s)",
				 fast ? "fast" : "slow",
				 pfast ? "fast" : "slow",
				 bondview_safe(p[i].dev->name));
		bondview_hint(
			x,
			"set one LACP rate on both ends (the switch's 'lacp rate', or lacp_rate here): each side detects a failure at its own rate");
		return;
	}
}

void bondview_lacp(const struct linkset *ls, const struct link *bond,
		   const struct procbond *pb, struct bondview_warning *w,
		   size_t *n, size_t max)
{
	const struct bond_conf *c = bond->bond;
	struct port *p = xcalloc(c->n_slaves ? c->n_slaves : 1, sizeof(*p));
	const struct port *ref = NULL;
	struct bondview_warning *x;
	struct procbond own;
	size_t i, np = 0;

	/* a file that cannot be read has no slaves: nothing from it */
	if (!pb) {
		procbond_read(NULL, bond->name, &own);
		pb = &own;
	}
	for (i = 0; i < c->n_slaves; i++) {
		const struct link *s = linkset_find(ls, c->slaves[i].name);

		if (!s || !s->is_bond_slave)
			continue;
		p[np].dev = s;
		p[np].proc = procbond_slave(pb, s->name);
		bondview_read_speed(s->name, &p[np].sp);
		if (!ref && bond->ad.present &&
		    s->slave.ad_aggregator_id == bond->ad.aggregator)
			ref = &p[np];
		np++;
	}
	for (i = 0; i < np; i++) {
		if (bond->ad.present &&
		    p[i].dev->slave.ad_aggregator_id != bond->ad.aggregator) {
			x = slave_add(w, n, max, "not_in_active_aggregator",
				      &p[i]);
			if (x)
				out_of_aggregator(bond, &p[i], ref, x,
						  pb->path);
		}
		port_state(bond, &p[i], w, n, max);
		churn(&p[i], pb->path, w, n, max);
	}
	rate(bond, p, np, w, n, max);
	if (pb == &own)
		procbond_free(&own);
	free(p);
}
