// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg show: the live state of bonds and their slaves as the kernel
 * reports it over rtnetlink, with warnings, as text or one JSON document.
 */
#include "config.h"

#include <net/if.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/bondcfg.h"
#include "cmd/bondview.h"
#include "cmd/cli.h"
#include "model/diag.h"
#include "model/json.h"
#include "kernel/nl.h"
#include "model/xalloc.h"

static int opt_json;

static struct poptOption options[] = { { "json", 'j', POPT_ARG_NONE, &opt_json,
					 0, "Print one JSON document", NULL },
				       CLI_STD_OPTIONS,
				       POPT_TABLEEND };

static int64_t num(const struct bond_conf *c, enum bondopt_id id)
{
	return bond_conf_effective(c, NULL, id);
}

static void value(const struct bond_conf *c, enum bondopt_id id, char *buf,
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

static bool mode_uses(const struct bond_conf *c, enum bondopt_id id)
{
	return bondopt_get(id)->modes & BOND_MODE_BIT(num(c, BONDOPT_MODE));
}

/* --- text ------------------------------------------------------------- */

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
	const char *mon = bondview_monitoring(c);
	char buf[BOND_MAX_TARGETS * 48];

	if (!strcmp(mon, bondopt_get(BONDOPT_MIIMON)->name)) {
		printf("  %-18s miimon %lld ms, updelay %lld ms, downdelay %lld ms\n",
		       "monitoring:", (long long)num(c, BONDOPT_MIIMON),
		       (long long)num(c, BONDOPT_UPDELAY),
		       (long long)num(c, BONDOPT_DOWNDELAY));
		return;
	}
	if (!strcmp(mon, "arp")) {
		bond_conf_format_value(c, BONDOPT_ARP_IP_TARGET, buf,
				       sizeof(buf));
		printf("  %-18s arp_interval %lld ms, targets %s",
		       "monitoring:", (long long)num(c, BONDOPT_ARP_INTERVAL),
		       *buf ? buf : "none");
		value(c, BONDOPT_ARP_VALIDATE, buf, sizeof(buf));
		printf(", arp_validate %s\n", buf);
		return;
	}
	printf("  %-18s none: miimon and arp_interval are 0\n", "monitoring:");
}

static void show_ad_text(const struct link *b)
{
	const struct bond_conf *c = b->bond;
	char v1[32], v2[32], mac[18];

	value(c, BONDOPT_AD_LACP_RATE, v1, sizeof(v1));
	value(c, BONDOPT_AD_SELECT, v2, sizeof(v2));
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
	bool ad = num(c, BONDOPT_MODE) == BOND_MODE_8023AD;
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

static void show_bond_text(const struct linkset *ls, const struct link *b)
{
	struct bondview_warning w[BONDVIEW_MAX_WARNINGS];
	const struct bond_conf *c = b->bond;
	char buf[64];
	size_t i, nw;

	printf("%s: %s, %s, mtu %u\n", bondview_safe(b->name),
	       b->flags & IFF_UP ? "up" : "down",
	       b->flags & BONDVIEW_IFF_LOWER_UP ? "carrier" : "no carrier",
	       b->mtu);
	printf("  %-18s %s\n", "mode:", bond_mode_name(num(c, BONDOPT_MODE)));
	show_monitoring_text(c);
	if (mode_uses(c, BONDOPT_ACTIVE_SLAVE)) {
		printf("  %-18s %s\n", "active slave:",
		       bondview_safe(*c->active_slave ? c->active_slave :
							"none"));
		printf("  %-18s %s\n", "primary:",
		       bondview_safe(*c->primary ? c->primary : "none"));
	}
	if (mode_uses(c, BONDOPT_XMIT_HASH_POLICY)) {
		value(c, BONDOPT_XMIT_HASH_POLICY, buf, sizeof(buf));
		printf("  %-18s %s\n", "xmit_hash_policy:", buf);
	}
	printf("  %-18s %lld\n",
	       "min_links:", (long long)num(c, BONDOPT_MIN_LINKS));
	if (num(c, BONDOPT_MODE) == BOND_MODE_8023AD)
		show_ad_text(b);
	printf("  %-18s %zu, %u up\n", "slaves:", c->n_slaves,
	       bondview_slaves_up(ls, b));
	show_slaves_text(ls, b);
	nw = bondview_warnings(ls, b, w, BONDVIEW_MAX_WARNINGS);
	if (nw)
		putchar('\n');
	for (i = 0; i < nw; i++)
		printf("  warning: %s\n", w[i].msg);
}

/* --- JSON ------------------------------------------------------------- */

static void key_int(struct json *j, const char *k, int64_t v)
{
	json_key(j, k);
	json_int(j, v);
}

/* An option's number under the option's own name. */
static void key_opt(struct json *j, const struct bond_conf *c,
		    enum bondopt_id id)
{
	key_int(j, bondopt_get(id)->name, num(c, id));
}

static void key_str(struct json *j, const char *k, const char *v)
{
	json_key(j, k);
	json_string(j, v);
}

/* A string, or null when empty. */
static void key_name(struct json *j, const char *k, const char *v)
{
	json_key(j, k);
	if (*v)
		json_string(j, v);
	else
		json_null(j);
}

static void key_mac(struct json *j, const char *k, const uint8_t mac[6])
{
	char buf[18];

	bondview_mac(mac, buf);
	key_str(j, k, buf);
}

static void key_value(struct json *j, const struct bond_conf *c,
		      enum bondopt_id id, bool relevant)
{
	char buf[64];

	json_key(j, bondopt_get(id)->name);
	if (!relevant) {
		json_null(j);
		return;
	}
	value(c, id, buf, sizeof(buf));
	json_string(j, buf);
}

static void key_lacp(struct json *j, const char *k, unsigned int state)
{
	unsigned int bit;

	json_key(j, k);
	json_object_begin(j);
	key_int(j, "value", state);
	for (bit = 0; bit < 8; bit++) {
		json_key(j, bondview_lacp_bits[bit]);
		json_bool(j, state & (1u << bit));
	}
	json_object_end(j);
}

static void show_slave_json(struct json *j, const struct link *s, bool ad)
{
	struct bondview_speed sp;

	bondview_read_speed(s->name, &sp);
	json_object_begin(j);
	key_str(j, "name", s->name);
	key_int(j, "ifindex", s->ifindex);
	key_str(j, "mii_status", bondview_mii_name(s->slave.mii_status));
	key_str(j, "state", bondview_state_name(s->slave.state));
	json_key(j, "speed");
	if (sp.speed < 0)
		json_null(j);
	else
		json_int(j, sp.speed);
	key_str(j, "duplex", sp.duplex);
	key_int(j, "link_failure_count", s->slave.link_failure_count);
	key_mac(j, "perm_hwaddr", s->slave.perm_hwaddr);
	key_int(j, bondopt_get(BONDOPT_SLAVE_QUEUE_ID)->name,
		s->slave_opts.num[BONDOPT_SLAVE_QUEUE_ID]);
	json_key(j, bondopt_get(BONDOPT_SLAVE_PRIO)->name);
	if (s->slave_opts.present & BONDOPT_BIT(BONDOPT_SLAVE_PRIO))
		json_int(j, s->slave_opts.num[BONDOPT_SLAVE_PRIO]);
	else
		json_null(j);
	json_key(j, "ad_aggregator_id");
	if (ad)
		json_int(j, s->slave.ad_aggregator_id);
	else
		json_null(j);
	if (ad) {
		key_lacp(j, "ad_actor_oper_port_state",
			 s->slave.ad_actor_oper_port_state);
		key_lacp(j, "ad_partner_oper_port_state",
			 s->slave.ad_partner_oper_port_state);
	} else {
		json_key(j, "ad_actor_oper_port_state");
		json_null(j);
		json_key(j, "ad_partner_oper_port_state");
		json_null(j);
	}
	json_object_end(j);
}

static void show_bond_json(struct json *j, const struct linkset *ls,
			   const struct link *b)
{
	struct bondview_warning w[BONDVIEW_MAX_WARNINGS];
	const struct bond_conf *c = b->bond;
	bool ad = num(c, BONDOPT_MODE) == BOND_MODE_8023AD;
	const struct link *s;
	char buf[46];
	size_t i, nw;

	json_object_begin(j);
	key_str(j, "name", b->name);
	key_int(j, "ifindex", b->ifindex);
	key_str(j, bondopt_get(BONDOPT_MODE)->name,
		bond_mode_name(num(c, BONDOPT_MODE)));
	json_key(j, "up");
	json_bool(j, b->flags & IFF_UP);
	json_key(j, "carrier");
	json_bool(j, b->flags & BONDVIEW_IFF_LOWER_UP);
	key_int(j, "mtu", b->mtu);
	key_str(j, "monitoring", bondview_monitoring(c));
	key_opt(j, c, BONDOPT_MIIMON);
	key_opt(j, c, BONDOPT_UPDELAY);
	key_opt(j, c, BONDOPT_DOWNDELAY);
	key_opt(j, c, BONDOPT_ARP_INTERVAL);
	json_key(j, bondopt_get(BONDOPT_ARP_IP_TARGET)->name);
	json_array_begin(j);
	for (i = 0; i < c->n_arp_targets; i++) {
		bond_conf_target(c, BONDOPT_IPV4S, (unsigned int)i, buf);
		json_string(j, buf);
	}
	json_array_end(j);
	key_value(j, c, BONDOPT_ARP_VALIDATE, true);
	key_name(j, bondopt_get(BONDOPT_ACTIVE_SLAVE)->name, c->active_slave);
	key_name(j, bondopt_get(BONDOPT_PRIMARY)->name, c->primary);
	key_value(j, c, BONDOPT_XMIT_HASH_POLICY,
		  mode_uses(c, BONDOPT_XMIT_HASH_POLICY));
	key_opt(j, c, BONDOPT_MIN_LINKS);
	key_value(j, c, BONDOPT_AD_LACP_RATE, ad);
	key_value(j, c, BONDOPT_AD_SELECT, ad);
	json_key(j, bondopt_get(BONDOPT_AD_INFO)->name);
	if (ad && b->ad.present) {
		json_object_begin(j);
		key_int(j, "aggregator", b->ad.aggregator);
		key_int(j, "num_ports", b->ad.num_ports);
		key_int(j, "actor_key", b->ad.actor_key);
		key_int(j, "partner_key", b->ad.partner_key);
		key_mac(j, "partner_mac", b->ad.partner_mac);
		json_object_end(j);
	} else {
		json_null(j);
	}
	key_int(j, "slaves_up", bondview_slaves_up(ls, b));
	json_key(j, "slaves");
	json_array_begin(j);
	for (i = 0; i < c->n_slaves; i++) {
		s = linkset_find(ls, c->slaves[i].name);
		if (s && s->is_bond_slave)
			show_slave_json(j, s, ad);
	}
	json_array_end(j);
	nw = bondview_warnings(ls, b, w, BONDVIEW_MAX_WARNINGS);
	json_key(j, "warnings");
	json_array_begin(j);
	for (i = 0; i < nw; i++) {
		json_object_begin(j);
		key_str(j, "code", w[i].code);
		key_name(j, "slave", w[i].slave);
		key_str(j, "message", w[i].msg);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}

/* --- the command ------------------------------------------------------ */

static void show(const struct linkset *ls, const struct link *b, struct json *j,
		 bool *first)
{
	if (opt_json) {
		show_bond_json(j, ls, b);
		return;
	}
	if (!*first)
		putchar('\n');
	*first = false;
	show_bond_text(ls, b);
}

int cmd_show(int argc, const char **argv)
{
	poptContext ctx =
		poptGetContext("bondcfg show", argc, argv, options, 0);
	const char **names;
	struct linkset ls = { 0 };
	bool first = true;
	struct nl *nl = NULL;
	struct json j;
	size_t i;
	int rc;

	poptSetOtherOptionHelp(ctx, "[OPTION...] [BOND...]");
	rc = cli_parse_options(ctx, NULL);
	if (rc >= 0)
		goto out;
	names = poptGetArgs(ctx);
	rc = CLI_EXIT_FAILURE;
	if (bondcfg_read_bonds("show", &nl, &ls, names))
		goto out;
	if (opt_json) {
		json_init(&j, stdout);
		json_object_begin(&j);
		json_key(&j, "bonds");
		json_array_begin(&j);
	}
	if (names && names[0]) {
		for (i = 0; names[i]; i++)
			show(&ls, linkset_find(&ls, names[i]), &j, &first);
	} else {
		for (i = 0; i < ls.n; i++)
			if (ls.v[i].is_bond)
				show(&ls, &ls.v[i], &j, &first);
	}
	if (opt_json) {
		json_array_end(&j);
		json_object_end(&j);
		json_finish(&j);
	} else if (first && !bondcfg.quiet) {
		printf("no bonds\n");
	}
	rc = CLI_EXIT_OK;
out:
	linkset_free(&ls);
	bnl_close(nl);
	poptFreeContext(ctx);
	return rc;
}
