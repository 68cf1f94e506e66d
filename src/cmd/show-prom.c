// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg show --format=prometheus: the bonds in the Prometheus text
 * format (version 0.0.4), for node_exporter's textfile collector. One
 * family at a time, every bond or slave in it; base units in the names,
 * _total on counters; label values escaped as the format says.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/bondview.h"
#include "cmd/show.h"
#include "engine/drift.h"
#include "kernel/procbond.h"
#include "model/xalloc.h"

/* What each bond's rows need, gathered once. */
struct row {
	char name[IF_NAMESIZE];
	const struct link *live; /* NULL: configured, missing */
	const struct host_bond *conf; /* NULL: configured nowhere */
	size_t drift;
	struct bondview_warning *w;
	size_t nw;
	struct procbond pb;
	bool ad;
};

struct prom {
	FILE *out;
	const struct linkset *ls;
	struct row *rows;
	size_t n;
};

/* A label value: backslash, double quote and newline escaped. */
static void value(FILE *out, const char *s)
{
	char buf[512];
	const char *p;

	snprintf(buf, sizeof(buf), "%s", s);
	diag_mask(buf); /* UTF-8 only, no control characters */
	for (p = buf; *p; p++) {
		if (*p == '\\' || *p == '"')
			fputc('\\', out);
		fputc(*p, out);
	}
}

static void family(FILE *out, const char *name, const char *type,
		   const char *help)
{
	fprintf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* NAME{bond="B"[,slave="S"]: more labels may follow, then end(). */
static void start(FILE *out, const char *name, const char *bond,
		  const char *slave)
{
	fprintf(out, "%s{bond=\"", name);
	value(out, bond);
	fputc('"', out);
	if (slave) {
		fputs(",slave=\"", out);
		value(out, slave);
		fputc('"', out);
	}
}

static void label(FILE *out, const char *key, const char *v)
{
	fprintf(out, ",%s=\"", key);
	value(out, v);
	fputc('"', out);
}

static void end(FILE *out, double v)
{
	fprintf(out, "} %.17g\n", v);
}

/* --- per bond -------------------------------------------------------------- */

typedef bool bond_fn(const struct prom *p, const struct row *r, double *v);

static bool present(const struct prom *p, const struct row *r, double *v)
{
	*v = r->live != NULL;
	return true;
}

static bool configured(const struct prom *p, const struct row *r, double *v)
{
	*v = r->conf != NULL;
	return true;
}

static bool drift(const struct prom *p, const struct row *r, double *v)
{
	*v = r->drift > 0;
	return true;
}

static bool differences(const struct prom *p, const struct row *r, double *v)
{
	*v = (double)r->drift;
	return true;
}

static bool up(const struct prom *p, const struct row *r, double *v)
{
	*v = r->live && r->live->flags & IFF_UP;
	return r->live;
}

static bool carrier(const struct prom *p, const struct row *r, double *v)
{
	*v = r->live && r->live->flags & BONDVIEW_IFF_LOWER_UP;
	return r->live;
}

static bool mtu(const struct prom *p, const struct row *r, double *v)
{
	*v = r->live ? r->live->mtu : 0;
	return r->live;
}

static bool slaves_configured(const struct prom *p, const struct row *r,
			      double *v)
{
	size_t i, n = 0;

	if (!r->conf)
		return false;
	for (i = 0; i < r->conf->conf.n_slaves; i++)
		n += r->conf->conf.slaves[i].member;
	*v = (double)n;
	return true;
}

static bool slaves_present(const struct prom *p, const struct row *r, double *v)
{
	*v = r->live ? (double)r->live->bond->n_slaves : 0;
	return r->live;
}

static bool slaves_up(const struct prom *p, const struct row *r, double *v)
{
	*v = r->live ? bondview_slaves_up(p->ls, r->live) : 0;
	return r->live;
}

static bool slaves_active(const struct prom *p, const struct row *r, double *v)
{
	const struct link *s;
	size_t i;

	*v = 0;
	for (i = 0; r->live && i < r->live->bond->n_slaves; i++) {
		s = linkset_find(p->ls, r->live->bond->slaves[i].name);
		*v += s && s->is_bond_slave && s->slave.state == 0;
	}
	return r->live;
}

static bool warnings(const struct prom *p, const struct row *r, double *v)
{
	*v = (double)r->nw;
	return r->live;
}

static bool partner(const struct prom *p, const struct row *r, double *v)
{
	static const uint8_t zero[6];

	*v = r->ad && r->live->ad.present &&
	     memcmp(r->live->ad.partner_mac, zero, 6);
	return r->ad;
}

static bool aggregator(const struct prom *p, const struct row *r, double *v)
{
	*v = r->ad && r->live->ad.present ? r->live->ad.aggregator : 0;
	return r->ad;
}

static bool agg_ports(const struct prom *p, const struct row *r, double *v)
{
	*v = r->ad && r->live->ad.present ? r->live->ad.num_ports : 0;
	return r->ad;
}

static const struct {
	const char *name, *type, *help;
	bond_fn *fn;
} bond_metrics[] = {
	{ "bondcfg_bond_present", "gauge",
	  "Whether the bond exists in the kernel.", present },
	{ "bondcfg_bond_configured", "gauge",
	  "Whether a configuration file configures the bond.", configured },
	{ "bondcfg_bond_drift", "gauge",
	  "1 if bondcfg check --live finds the bond different from its files.",
	  drift },
	{ "bondcfg_bond_drift_differences", "gauge",
	  "How many ways bondcfg check --live finds the bond different from its files.",
	  differences },
	{ "bondcfg_bond_up", "gauge",
	  "Whether the bond is administratively up.", up },
	{ "bondcfg_bond_carrier", "gauge", "Whether the bond has carrier.",
	  carrier },
	{ "bondcfg_bond_mtu_bytes", "gauge", "The bond's MTU.", mtu },
	{ "bondcfg_bond_slaves_configured", "gauge",
	  "Slaves the configuration files list.", slaves_configured },
	{ "bondcfg_bond_slaves_present", "gauge", "Slaves enslaved now.",
	  slaves_present },
	{ "bondcfg_bond_slaves_up", "gauge", "Slaves whose MII status is up.",
	  slaves_up },
	{ "bondcfg_bond_slaves_active", "gauge",
	  "Slaves the driver has active (not backup).", slaves_active },
	{ "bondcfg_bond_warnings", "gauge",
	  "Warnings bondcfg show has for the bond.", warnings },
	{ "bondcfg_bond_ad_partner_present", "gauge",
	  "802.3ad: whether an LACP partner answers (its MAC is not zero).",
	  partner },
	{ "bondcfg_bond_ad_active_aggregator_id", "gauge",
	  "802.3ad: the id of the active aggregator.", aggregator },
	{ "bondcfg_bond_ad_active_aggregator_ports", "gauge",
	  "802.3ad: ports in the active aggregator.", agg_ports },
};

static void bond_families(const struct prom *p)
{
	size_t m, i;
	double v;

	for (m = 0; m < sizeof(bond_metrics) / sizeof(bond_metrics[0]); m++) {
		family(p->out, bond_metrics[m].name, bond_metrics[m].type,
		       bond_metrics[m].help);
		for (i = 0; i < p->n; i++) {
			if (!bond_metrics[m].fn(p, &p->rows[i], &v))
				continue;
			start(p->out, bond_metrics[m].name, p->rows[i].name,
			      NULL);
			end(p->out, v);
		}
	}
}

/* bondcfg_bond_info: every option the kernel reports, as a label. */
static void info(const struct prom *p)
{
	char buf[BOND_MAX_TARGETS * (INET6_ADDRSTRLEN + 1)];
	const struct bond_conf *c;
	size_t i;
	int id;

	family(p->out, "bondcfg_bond_info", "gauge",
	       "The bond's options as the kernel reports them, as labels; always 1.");
	for (i = 0; i < p->n; i++) {
		if (!p->rows[i].live)
			continue;
		c = p->rows[i].live->bond;
		start(p->out, "bondcfg_bond_info", p->rows[i].name, NULL);
		for (id = 0; id < BONDOPT_COUNT; id++) {
			if (!bond_conf_has(c, id) ||
			    bondopt_get(id)->kind == BONDOPT_NESTED)
				continue;
			bond_conf_format_value(c, id, buf, sizeof(buf));
			label(p->out, bondopt_get(id)->name, buf);
		}
		end(p->out, 1);
	}
}

/* bondcfg_bond_warning: each of show's warnings, by its code. */
static void warning_rows(const struct prom *p)
{
	size_t i, k;

	family(p->out, "bondcfg_bond_warning", "gauge",
	       "Each warning bondcfg show has for the bond, by its code; always 1.");
	for (i = 0; i < p->n; i++)
		for (k = 0; k < p->rows[i].nw; k++) {
			start(p->out, "bondcfg_bond_warning", p->rows[i].name,
			      NULL);
			label(p->out, "code", p->rows[i].w[k].code);
			if (p->rows[i].w[k].slave[0])
				label(p->out, "slave", p->rows[i].w[k].slave);
			end(p->out, 1);
		}
}

/* --- per slave ------------------------------------------------------------- */

struct slave_row {
	const struct row *bond;
	const struct link *dev;
	const struct procbond_slave *proc;
};

typedef bool slave_fn(const struct slave_row *s, double *v);

static bool mii_up(const struct slave_row *s, double *v)
{
	*v = s->dev->slave.mii_status == 0;
	return true;
}

static bool active(const struct slave_row *s, double *v)
{
	*v = s->dev->slave.state == 0;
	return true;
}

static bool failures(const struct slave_row *s, double *v)
{
	*v = s->dev->slave.link_failure_count;
	return true;
}

static bool speed(const struct slave_row *s, double *v)
{
	struct bondview_speed sp;

	bondview_read_speed(s->dev->name, &sp);
	*v = (double)sp.speed * 125000; /* Mb/s to bytes/s */
	return sp.speed > 0;
}

static bool slave_agg(const struct slave_row *s, double *v)
{
	*v = s->dev->slave.ad_aggregator_id;
	return s->bond->ad;
}

static bool in_active(const struct slave_row *s, double *v)
{
	*v = s->bond->live->ad.present &&
	     s->dev->slave.ad_aggregator_id == s->bond->live->ad.aggregator;
	return s->bond->ad;
}

static bool actor_churned(const struct slave_row *s, double *v)
{
	*v = s->proc && s->proc->actor_churn == PROCBOND_CHURN_CHURNED;
	return s->proc && s->proc->actor_churn != PROCBOND_CHURN_UNKNOWN;
}

static bool partner_churned(const struct slave_row *s, double *v)
{
	*v = s->proc && s->proc->partner_churn == PROCBOND_CHURN_CHURNED;
	return s->proc && s->proc->partner_churn != PROCBOND_CHURN_UNKNOWN;
}

static bool actor_churns(const struct slave_row *s, double *v)
{
	*v = s->proc ? s->proc->actor_churned : 0;
	return s->proc && s->proc->has_churned_counts;
}

static bool partner_churns(const struct slave_row *s, double *v)
{
	*v = s->proc ? s->proc->partner_churned : 0;
	return s->proc && s->proc->has_churned_counts;
}

static const struct {
	const char *name, *type, *help;
	slave_fn *fn;
} slave_metrics[] = {
	{ "bondcfg_slave_mii_up", "gauge",
	  "Whether the slave's MII status is up.", mii_up },
	{ "bondcfg_slave_active", "gauge",
	  "Whether the driver has the slave active (not backup).", active },
	{ "bondcfg_slave_link_failures_total", "counter",
	  "Link failures the driver counted on the slave.", failures },
	{ "bondcfg_slave_speed_bytes", "gauge",
	  "The slave's link speed in bytes per second.", speed },
	{ "bondcfg_slave_ad_aggregator_id", "gauge",
	  "802.3ad: the aggregator the slave is in.", slave_agg },
	{ "bondcfg_slave_ad_in_active_aggregator", "gauge",
	  "802.3ad: whether the slave is in the bond's active aggregator.",
	  in_active },
	{ "bondcfg_slave_lacp_actor_churned", "gauge",
	  "802.3ad: whether the actor churn state is churned (/proc/net/bonding).",
	  actor_churned },
	{ "bondcfg_slave_lacp_partner_churned", "gauge",
	  "802.3ad: whether the partner churn state is churned (/proc/net/bonding).",
	  partner_churned },
	{ "bondcfg_slave_lacp_actor_churns_total", "counter",
	  "802.3ad: times the actor churned (/proc/net/bonding).",
	  actor_churns },
	{ "bondcfg_slave_lacp_partner_churns_total", "counter",
	  "802.3ad: times the partner churned (/proc/net/bonding).",
	  partner_churns },
};

/* Calls @fn for each slave of each bond present, in order. */
static void each_slave(const struct prom *p,
		       void (*fn)(const struct prom *p,
				  const struct slave_row *s, size_t m),
		       size_t m)
{
	struct slave_row s;
	size_t i, k;

	for (i = 0; i < p->n; i++) {
		const struct row *r = &p->rows[i];

		for (k = 0; r->live && k < r->live->bond->n_slaves; k++) {
			s.bond = r;
			s.dev = linkset_find(p->ls,
					     r->live->bond->slaves[k].name);
			if (!s.dev || !s.dev->is_bond_slave)
				continue;
			s.proc = procbond_slave(&r->pb, s.dev->name);
			fn(p, &s, m);
		}
	}
}

static void slave_sample(const struct prom *p, const struct slave_row *s,
			 size_t m)
{
	double v;

	if (!slave_metrics[m].fn(s, &v))
		return;
	start(p->out, slave_metrics[m].name, s->bond->name, s->dev->name);
	end(p->out, v);
}

static void lacp_bits(const struct prom *p, const struct slave_row *s,
		      size_t partner)
{
	unsigned int state = partner ?
				     s->dev->slave.ad_partner_oper_port_state :
				     s->dev->slave.ad_actor_oper_port_state;
	const char *name = partner ? "bondcfg_slave_lacp_partner_state" :
				     "bondcfg_slave_lacp_actor_state";
	unsigned int bit;

	if (!s->bond->ad)
		return;
	for (bit = 0; bit < 8; bit++) {
		start(p->out, name, s->bond->name, s->dev->name);
		label(p->out, "bit", bondview_lacp_bits[bit]);
		end(p->out, !!(state & (1u << bit)));
	}
}

static void slave_families(const struct prom *p)
{
	size_t m;

	for (m = 0; m < sizeof(slave_metrics) / sizeof(slave_metrics[0]); m++) {
		family(p->out, slave_metrics[m].name, slave_metrics[m].type,
		       slave_metrics[m].help);
		each_slave(p, slave_sample, m);
	}
	family(p->out, "bondcfg_slave_lacp_actor_state", "gauge",
	       "802.3ad: the bits of the slave's LACP actor port state, by name.");
	each_slave(p, lacp_bits, 0);
	family(p->out, "bondcfg_slave_lacp_partner_state", "gauge",
	       "802.3ad: the bits of the partner's LACP port state, by name.");
	each_slave(p, lacp_bits, 1);
}

/* --- the whole ------------------------------------------------------------- */

static struct row *add_row(struct prom *p, const char *name)
{
	struct row *r;

	p->rows = xreallocarray(p->rows, p->n + 1, sizeof(*p->rows));
	r = &p->rows[p->n++];
	memset(r, 0, sizeof(*r));
	snprintf(r->name, sizeof(r->name), "%s", name);
	return r;
}

static void fill(struct row *r, const struct linkset *ls)
{
	struct drifts x;

	drifts_init(&x);
	drift_bond(&x, r->conf ? &r->conf->conf : NULL,
		   r->conf && r->conf->onboot,
		   r->live ? r->live : linkset_find(ls, r->name), ls);
	r->drift = x.n;
	drifts_free(&x);
	if (!r->live)
		return;
	r->ad = show_num(r->live->bond, BONDOPT_MODE) == BOND_MODE_8023AD;
	/* the churn metrics and the warnings read it once */
	if (r->ad)
		procbond_read(NULL, r->live->name, &r->pb);
	r->w = xcalloc(BONDVIEW_MAX_WARNINGS, sizeof(*r->w));
	r->nw = bondview_warnings(ls, r->live, r->ad ? &r->pb : NULL, r->w,
				  BONDVIEW_MAX_WARNINGS);
}

void show_prometheus(FILE *out, const struct linkset *ls,
		     const struct host_conf *h, const struct diags *d)
{
	struct prom p = { out, ls, NULL, 0 };
	const struct link *l;
	struct row *r;
	size_t i;

	for (i = 0; i < ls->n; i++) {
		if (!ls->v[i].is_bond)
			continue;
		r = add_row(&p, ls->v[i].name);
		r->live = &ls->v[i];
		r->conf = host_conf_find(h, r->name);
	}
	for (i = 0; i < h->n_bonds; i++) {
		l = linkset_find(ls, h->bonds[i]->conf.name);
		if (l && l->is_bond)
			continue;
		r = add_row(&p, h->bonds[i]->conf.name);
		r->conf = h->bonds[i];
	}
	for (i = 0; i < p.n; i++)
		fill(&p.rows[i], ls);
	family(out, "bondcfg_config_errors", "gauge",
	       "Errors in the host's bonding configuration (bondcfg check).");
	fprintf(out, "bondcfg_config_errors %u\n", d->errors);
	family(out, "bondcfg_config_warnings", "gauge",
	       "Warnings about the host's bonding configuration (bondcfg check).");
	fprintf(out, "bondcfg_config_warnings %u\n", d->warnings);
	bond_families(&p);
	info(&p);
	warning_rows(&p);
	slave_families(&p);
	for (i = 0; i < p.n; i++) {
		free(p.rows[i].w);
		procbond_free(&p.rows[i].pb);
	}
	free(p.rows);
}
