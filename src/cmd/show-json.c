// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg show --json: a bond with every option of the option table, as
 * the kernel reports it (null where the bond's mode does not use it or
 * the kernel does not report it), its LACP state, slaves and warnings.
 */
#include "config.h"

#include <net/if.h>

#include "cmd/bondview.h"
#include "cmd/output.h"
#include "cmd/show.h"

static void key_int(struct json *j, const char *k, int64_t v)
{
	json_key(j, k);
	json_int(j, v);
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

/* The 802.3ad aggregator, in 802.3ad mode. */
static void ad_info(struct json *j, const struct link *b, bool ad)
{
	if (!ad || !b->ad.present) {
		json_null(j);
		return;
	}
	json_object_begin(j);
	key_int(j, "aggregator", b->ad.aggregator);
	key_int(j, "num_ports", b->ad.num_ports);
	key_int(j, "actor_key", b->ad.actor_key);
	key_int(j, "partner_key", b->ad.partner_key);
	key_mac(j, "partner_mac", b->ad.partner_mac);
	json_object_end(j);
}

/*
 * Every bond option of the table under its name: null where the mode
 * does not use it or the kernel does not report it; an unset primary or
 * active slave is null, unset targets an empty list.
 */
static void bond_options(struct json *j, const struct link *b, bool ad)
{
	const struct bond_conf *c = b->bond;
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		const struct bondopt *opt = bondopt_get(id);
		bool lists = opt->kind == BONDOPT_IPV4S ||
			     opt->kind == BONDOPT_IPV6S;

		if (opt->flags & (BONDOPT_F_SLAVE | BONDOPT_F_MODONLY))
			continue;
		json_key(j, opt->name);
		if (opt->kind == BONDOPT_NESTED)
			ad_info(j, b, ad);
		else if (!show_mode_uses(c, id) ||
			 (!bond_conf_has(c, id) && !lists))
			json_null(j);
		else
			bond_conf_value_json(j, c, id);
	}
}

/* Every slave option of the table: null where the kernel reports none. */
static void slave_options(struct json *j, const struct link *s)
{
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		if (!(bondopt_get(id)->flags & BONDOPT_F_SLAVE))
			continue;
		json_key(j, bondopt_get(id)->name);
		if (s->slave_opts.present & BONDOPT_BIT(id))
			json_int(j, s->slave_opts.num[id]);
		else
			json_null(j);
	}
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
	slave_options(j, s);
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

void show_warning_json(struct json *j, const struct bondview_warning *w)
{
	key_str(j, "code", w->code);
	key_name(j, "slave", w->slave);
	key_str(j, "message", w->msg);
	key_name(j, "hint", w->hint);
	key_str(j, "source", w->source);
}

void show_bond_json(struct json *j, const struct linkset *ls,
		    const struct link *b)
{
	struct bondview_warning w[BONDVIEW_MAX_WARNINGS];
	const struct bond_conf *c = b->bond;
	bool ad = show_num(c, BONDOPT_MODE) == BOND_MODE_8023AD;
	const struct link *s;
	size_t i, nw;

	json_object_begin(j);
	key_str(j, "name", b->name);
	key_int(j, "ifindex", b->ifindex);
	json_key(j, "up");
	json_bool(j, b->flags & IFF_UP);
	json_key(j, "carrier");
	json_bool(j, b->flags & BONDVIEW_IFF_LOWER_UP);
	key_int(j, "mtu", b->mtu);
	key_str(j, "monitoring", bond_conf_monitor(c));
	bond_options(j, b, ad);
	key_int(j, "slaves_up", bondview_slaves_up(ls, b));
	json_key(j, "slaves");
	json_array_begin(j);
	for (i = 0; i < c->n_slaves; i++) {
		s = linkset_find(ls, c->slaves[i].name);
		if (s && s->is_bond_slave)
			show_slave_json(j, s, ad);
	}
	json_array_end(j);
	nw = bondview_warnings(ls, b, NULL, w, BONDVIEW_MAX_WARNINGS);
	json_key(j, "warnings");
	json_array_begin(j);
	for (i = 0; i < nw; i++) {
		json_object_begin(j);
		show_warning_json(j, &w[i]);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}
