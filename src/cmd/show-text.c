// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg show as text: a bond, its monitoring, LACP and slaves, for
 * people.
 */
#include "config.h"

#include <net/if.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/bondview.h"
#include "cmd/show.h"
#include "model/xalloc.h"

int64_t show_num(const struct bond_conf *c, enum bondopt_id id)
{
	return bond_conf_effective(c, NULL, id);
}

void show_value(const struct bond_conf *c, enum bondopt_id id, char *buf,
		size_t size)
{
	const char *name;

	if (bond_conf_has(c, id)) {
		bond_conf_format_value(c, id, buf, size);
		return;
	}
	name = bondopt_value_name(bondopt_get(id),
				  (uint32_t)bondopt_get(id)->def);
	snprintf(buf, size, "%s", name ? name : "");
}

bool show_mode_uses(const struct bond_conf *c, enum bondopt_id id)
{
	return bondopt_get(id)->modes &
	       BOND_MODE_BIT(show_num(c, BONDOPT_MODE));
}

#define COLS 11
#define CELL 48

struct table {
	char (*cell)[COLS][CELL];
	size_t rows, cols;
};

__attribute__((format(printf, 3, 4))) static void
cell(struct table *t, size_t col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->cell[t->rows][col], CELL, fmt, ap);
	va_end(ap);
	diag_mask(t->cell[t->rows][col]);
	if (col + 1 > t->cols)
		t->cols = col + 1;
}

static void table_print(const struct table *t, const char *indent)
{
	size_t w[COLS] = { 0 }, r, c, len;

	for (r = 0; r < t->rows; r++)
		for (c = 0; c < t->cols; c++) {
			len = strlen(t->cell[r][c]);
			if (len > w[c])
				w[c] = len;
		}
	for (r = 0; r < t->rows; r++) {
		fputs(indent, stdout);
		for (c = 0; c < t->cols; c++) {
			if (c + 1 == t->cols)
				printf("%s\n", t->cell[r][c]);
			else
				printf("%-*s  ", (int)w[c], t->cell[r][c]);
		}
	}
}

static void show_monitoring_text(const struct bond_conf *c)
{
	const char *mon = bond_conf_monitor(c);
	char buf[BOND_MAX_TARGETS * 48];

	if (!strcmp(mon, bondopt_get(BONDOPT_MIIMON)->name)) {
		printf("  %-18s miimon %lld ms, updelay %lld ms, downdelay %lld ms\n",
		       "monitoring:", (long long)show_num(c, BONDOPT_MIIMON),
		       (long long)show_num(c, BONDOPT_UPDELAY),
		       (long long)show_num(c, BONDOPT_DOWNDELAY));
		return;
	}
	if (!strcmp(mon, "arp")) {
		bond_conf_format_value(c, BONDOPT_ARP_IP_TARGET, buf,
				       sizeof(buf));
		printf("  %-18s arp_interval %lld ms, targets %s",
		       "monitoring:",
		       (long long)show_num(c, BONDOPT_ARP_INTERVAL),
		       *buf ? buf : "none");
		show_value(c, BONDOPT_ARP_VALIDATE, buf, sizeof(buf));
		printf(", arp_validate %s\n", buf);
		return;
	}
	printf("  %-18s none: miimon and arp_interval are 0\n", "monitoring:");
}

static void show_ad_text(const struct link *b)
{
	const struct bond_conf *c = b->bond;
	char v1[32], v2[32], mac[18];

	show_value(c, BONDOPT_AD_LACP_RATE, v1, sizeof(v1));
	show_value(c, BONDOPT_AD_SELECT, v2, sizeof(v2));
	printf("  %-18s %s\n  %-18s %s\n", "lacp_rate:", v1, "ad_select:", v2);
	if (!b->ad.present) {
		printf("  %-18s none active\n", "aggregator:");
		return;
	}
	bondview_mac(b->ad.partner_mac, mac);
	printf("  %-18s %u, %u port%s, actor key %u, partner key %u\n",
	       "aggregator:", b->ad.aggregator, b->ad.num_ports,
	       b->ad.num_ports == 1 ? "" : "s", b->ad.actor_key,
	       b->ad.partner_key);
	printf("  %-18s %s\n", "partner MAC:", mac);
}

static void show_slaves_text(const struct linkset *ls, const struct link *b)
{
	const struct bond_conf *c = b->bond;
	bool ad = show_num(c, BONDOPT_MODE) == BOND_MODE_8023AD;
	struct table t = { 0 };
	struct bondview_speed sp;
	const struct link *s;
	char mac[18], st[128];
	size_t i, col;

	t.cell = xcalloc(c->n_slaves + 1, sizeof(*t.cell));
	col = 0;
	cell(&t, col++, "SLAVE");
	cell(&t, col++, "MII");
	cell(&t, col++, "STATE");
	cell(&t, col++, "SPEED");
	cell(&t, col++, "DUPLEX");
	cell(&t, col++, "FAILURES");
	cell(&t, col++, "PERM_HWADDR");
	cell(&t, col++, "QUEUE_ID");
	cell(&t, col++, "PRIO");
	if (ad)
		cell(&t, col++, "AGGREGATOR");
	t.rows++;
	for (i = 0; i < c->n_slaves; i++) {
		const struct bond_slave_conf *sc = &c->slaves[i];

		s = linkset_find(ls, sc->name);
		if (!s || !s->is_bond_slave)
			continue;
		bondview_read_speed(s->name, &sp);
		bondview_mac(s->slave.perm_hwaddr, mac);
		col = 0;
		cell(&t, col++, "%s", s->name);
		cell(&t, col++, "%s", bondview_mii_name(s->slave.mii_status));
		cell(&t, col++, "%s", bondview_state_name(s->slave.state));
		if (sp.speed < 0)
			cell(&t, col++, "unknown");
		else
			cell(&t, col++, "%ld Mb/s", sp.speed);
		cell(&t, col++, "%s", sp.duplex);
		cell(&t, col++, "%u", s->slave.link_failure_count);
		cell(&t, col++, "%s", mac);
		cell(&t, col++, "%lld",
		     (long long)s->slave_opts.num[BONDOPT_SLAVE_QUEUE_ID]);
		if (s->slave_opts.present & BONDOPT_BIT(BONDOPT_SLAVE_PRIO))
			cell(&t, col++, "%lld",
			     (long long)s->slave_opts.num[BONDOPT_SLAVE_PRIO]);
		else
			cell(&t, col++, "-");
		if (ad)
			cell(&t, col++, "%u", s->slave.ad_aggregator_id);
		t.rows++;
	}
	if (t.rows > 1) {
		putchar('\n');
		table_print(&t, "  ");
	}
	free(t.cell);
	if (!ad)
		return;
	for (i = 0; i < c->n_slaves; i++) {
		s = linkset_find(ls, c->slaves[i].name);
		if (!s || !s->is_bond_slave)
			continue;
		bondview_lacp_format(s->slave.ad_actor_oper_port_state, st,
				     sizeof(st));
		printf("  %s LACP actor:   %s\n", bondview_safe(s->name), st);
		bondview_lacp_format(s->slave.ad_partner_oper_port_state, st,
				     sizeof(st));
		printf("  %*s LACP partner: %s\n", (int)strlen(s->name), "",
		       st);
	}
}

void show_bond_text(const struct linkset *ls, const struct link *b)
{
	struct bondview_warning w[BONDVIEW_MAX_WARNINGS];
	const struct bond_conf *c = b->bond;
	char buf[64];
	size_t i, nw;

	printf("%s: %s, %s, mtu %u\n", bondview_safe(b->name),
	       b->flags & IFF_UP ? "up" : "down",
	       b->flags & BONDVIEW_IFF_LOWER_UP ? "carrier" : "no carrier",
	       b->mtu);
	printf("  %-18s %s\n",
	       "mode:", bondopt_mode_name(show_num(c, BONDOPT_MODE)));
	show_monitoring_text(c);
	if (show_mode_uses(c, BONDOPT_ACTIVE_SLAVE)) {
		const char *a = bond_conf_ifname_of(c, BONDOPT_ACTIVE_SLAVE);
		const char *p = bond_conf_ifname_of(c, BONDOPT_PRIMARY);

		printf("  %-18s %s\n",
		       "active slave:", bondview_safe(*a ? a : "none"));
		printf("  %-18s %s\n",
		       "primary:", bondview_safe(*p ? p : "none"));
	}
	if (show_mode_uses(c, BONDOPT_XMIT_HASH_POLICY)) {
		show_value(c, BONDOPT_XMIT_HASH_POLICY, buf, sizeof(buf));
		printf("  %-18s %s\n", "xmit_hash_policy:", buf);
	}
	printf("  %-18s %lld\n",
	       "min_links:", (long long)show_num(c, BONDOPT_MIN_LINKS));
	if (show_num(c, BONDOPT_MODE) == BOND_MODE_8023AD)
		show_ad_text(b);
	printf("  %-18s %zu, %u up\n", "slaves:", c->n_slaves,
	       bondview_slaves_up(ls, b));
	show_slaves_text(ls, b);
	nw = bondview_warnings(ls, b, NULL, w, BONDVIEW_MAX_WARNINGS);
	if (nw)
		putchar('\n');
	for (i = 0; i < nw; i++) {
		printf("  warning: %s\n", w[i].msg);
		if (w[i].hint[0])
			printf("    likely: %s\n", w[i].hint);
		if (strcmp(w[i].source, "netlink"))
			printf("    read from %s\n", w[i].source);
	}
}
