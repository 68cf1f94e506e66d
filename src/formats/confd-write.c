// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Writer for Gentoo's /etc/conf.d/net (netifrc): a bond's variables, its
 * network's, the VLANs and bridge on it, and the init script links; with
 * what netifrc cannot do as the bond says named.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/conv.h"
#include "formats/shfile.h"
#include "formats/writers.h"
#include "model/xalloc.h"

static void words_var(FILE *out, const char *prefix, const char *var,
		      const struct host_item *v, size_t n)
{
	size_t i;

	if (!n)
		return;
	fprintf(out, "%s_%s=\"", prefix, var);
	for (i = 0; i < n; i++)
		fprintf(out, "%s%s", i ? " " : "", v[i].value);
	fputs("\"\n", out);
}

static void confd_write_ip(FILE *out, const struct host_ip *ip, const char *var)
{
	size_t i;

	if (ip->gateway.value || ip->gateway6.value || ip->n_routes) {
		/* an array: one route per element */
		fprintf(out, "routes_%s=(", var);
		if (ip->gateway.value)
			fprintf(out, " \"default via %s\"", ip->gateway.value);
		if (ip->gateway6.value)
			fprintf(out, " \"default via %s\"", ip->gateway6.value);
		for (i = 0; i < ip->n_routes; i++) {
			fputs(" \"", out);
			conv_route_words(out, &ip->routes[i]);
			fputc('"', out);
		}
		fputs(" )\n", out);
	}
	words_var(out, "dns_servers", var, ip->dns, ip->n_dns);
	words_var(out, "dns_search", var, ip->search, ip->n_search);
}

/* config_@var: the addresses, or "null" (no config_ is DHCP to netifrc). */
static void confd_write_config(FILE *out, const char *var, char *const *addrs,
			       size_t n)
{
	size_t i;

	if (!n) {
		fprintf(out, "config_%s=\"null\"\n", var);
	} else if (n == 1) {
		fprintf(out, "config_%s=\"%s\"\n", var, addrs[0]);
	} else {
		/* one element each: a string is one address only */
		fprintf(out, "config_%s=(", var);
		for (i = 0; i < n; i++)
			fprintf(out, " \"%s\"", addrs[i]);
		fputs(" )\n", out);
	}
}

/* netifrc's variable suffix for @name; false if it is not @name itself. */
static bool confd_var(const char *name, char *out, size_t size)
{
	size_t i;

	for (i = 0; name[i] && i + 1 < size; i++)
		out[i] =
			strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTU"
			       "VWXYZ0123456789_",
			       name[i]) ?
				name[i] :
				'_';
	out[i] = '\0';
	return !strcmp(out, name);
}

/*
 * What netifrc's bonding module does not do as the option says: it writes
 * every option before it enslaves, which the driver refuses for one that
 * must name a slave already (active_slave); and it enslaves the primary
 * first, listed among the slaves or not.
 */
static bool netifrc_cannot(struct conv *cv, FILE *out,
			   const struct bond_conf *c, int id, const char *value)
{
	uint32_t flags = bondopt_get(id)->flags;

	if (!(flags & BONDOPT_F_NAMES_SLAVE) || !*value)
		return false;
	if (!(flags & BONDOPT_F_PENDING)) {
		conv_lost_at(
			cv, out, "conf.d/net", &c->where[id],
			"%s: %s=%s (netifrc sets it before it enslaves, and the driver refuses it then)",
			c->name, bondopt_get(id)->name, value);
		return true;
	}
	if (bond_conf_find_slave(c, value) &&
	    bond_conf_find_slave(c, value)->member)
		return false;
	conv_lost_at(
		cv, out, "conf.d/net", &c->where[id],
		"%s: %s=%s, which is not one of its slaves (netifrc would enslave %s)",
		c->name, bondopt_get(id)->name, value, value);
	return true;
}

/* Whether @name comes up at boot: the bond, or what sits on it. */
static bool onboot_of(const struct host_bond *b, const char *name)
{
	const struct host_upper *u = host_ip_find_upper(&b->ip, name);

	return u ? u->onboot : b->onboot;
}

/*
 * Whether the VLANs on @lower are started apart from it (vlan_start_X="no",
 * each by its own service): when one comes up at boot and @lower does
 * not, or the other way round. Else net.X starts them with itself.
 */
static bool vlans_apart(const struct host_bond *b, const char *lower)
{
	const struct host_upper *u;
	size_t i;

	for (i = 0; i < b->ip.n_uppers; i++) {
		u = b->ip.uppers[i];
		if (u->kind == HOST_UPPER_VLAN && !strcmp(u->lower, lower) &&
		    u->onboot != onboot_of(b, lower))
			return true;
	}
	return false;
}

/* The service that brings @name up: its own, or its lower's for a VLAN. */
static const char *service_of(const struct host_bond *b, const char *name)
{
	const struct host_upper *u = host_ip_find_upper(&b->ip, name);

	while (u && u->kind == HOST_UPPER_VLAN && !vlans_apart(b, u->lower)) {
		name = u->lower;
		u = host_ip_find_upper(&b->ip, name);
	}
	return name;
}

/* Whether upper @i is a VLAN of an id its lower has before it. */
static bool vlan_again(const struct host_bond *b, size_t i)
{
	const struct host_upper *u = b->ip.uppers[i], *o;
	size_t k;

	for (k = 0; u->kind == HOST_UPPER_VLAN && k < i; k++) {
		o = b->ip.uppers[k];
		if (o->kind == HOST_UPPER_VLAN && o->vid == u->vid &&
		    !strcmp(o->lower, u->lower))
			return true;
	}
	return false;
}

/* vlans_@lvar: the ids of the VLANs on @lower, in order. */
static void confd_write_vlans(struct conv *cv, FILE *out,
			      const struct host_bond *b, const char *lower,
			      const char *lvar)
{
	const struct host_upper *u;
	struct strbuf ids = { 0 };
	char id[16];
	size_t i;

	for (i = 0; i < b->ip.n_uppers; i++) {
		u = b->ip.uppers[i];
		if (u->kind != HOST_UPPER_VLAN || strcmp(u->lower, lower))
			continue;
		if (vlan_again(b, i)) {
			conv_lost_at(
				cv, out, "conf.d/net", &u->loc,
				"%s: VLAN %u on %s a second time (netifrc makes one VLAN of each id of vlans_%s)",
				u->name, u->vid, lower, lvar);
			continue;
		}
		snprintf(id, sizeof(id), "%s%u", ids.len ? " " : "", u->vid);
		strbuf_addn(&ids, id, strlen(id));
	}
	if (ids.len) {
		fprintf(out, "vlans_%s=\"%s\"\n", lvar, strbuf_str(&ids));
		if (vlans_apart(b, lower))
			fprintf(out, "vlan_start_%s=\"no\"\n", lvar);
	}
	strbuf_free(&ids);
}

/*
 * The interface before upper @i (the bond, a slave, an upper) whose
 * variables netifrc names with @var too, or NULL.
 */
static const char *var_taken(const struct host_bond *b, size_t i,
			     const char *var)
{
	const struct bond_conf *c = &b->conf;
	char other[IF_NAMESIZE];
	size_t k;

	confd_var(c->name, other, sizeof(other));
	if (!strcmp(other, var))
		return c->name;
	for (k = 0; k < c->n_slaves; k++) {
		confd_var(c->slaves[k].name, other, sizeof(other));
		if (c->slaves[k].member && !strcmp(other, var))
			return c->slaves[k].name;
	}
	for (k = 0; k < i; k++) {
		confd_var(b->ip.uppers[k]->name, other, sizeof(other));
		if (!strcmp(other, var))
			return b->ip.uppers[k]->name;
	}
	return NULL;
}

/*
 * A VLAN or bridge on the bond: its name when vlans_ would not make it,
 * a bridge's port (bridge_BR, the form net.example gives first), STP and
 * forward delay (in hundredths of a second, as sysfs reads it), what it
 * needs started first, its addresses and network, and its own VLANs.
 */
static void confd_write_upper(struct conv *cv, FILE *out,
			      const struct host_bond *b, size_t i)
{
	const struct host_upper *u = b->ip.uppers[i];
	char var[IF_NAMESIZE], lvar[IF_NAMESIZE], plain[IF_NAMESIZE + 8];

	const char *taken;

	if (vlan_again(b, i))
		return; /* said with vlans_ */
	confd_var(u->name, var, sizeof(var));
	confd_var(u->lower, lvar, sizeof(lvar));
	if ((taken = var_taken(b, i, var))) {
		conv_lost_at(
			cv, out, "conf.d/net", &u->loc,
			"%s: %s %s (netifrc names its variables config_%s, as those of %s)",
			b->conf.name, host_upper_kind_name(u->kind), u->name,
			var, taken);
		return;
	}
	if (u->kind == HOST_UPPER_VLAN) {
		fprintf(out, "\n# %s: VLAN %u on %s\n", u->name, u->vid,
			u->lower);
		snprintf(plain, sizeof(plain), "%s.%u", u->lower, u->vid);
		if (strcmp(plain, u->name)) {
			fprintf(out, "%s_vlan%u_name=", lvar, u->vid);
			conv_sh_value(out, u->name, true);
			fputc('\n', out);
		}
		if (vlans_apart(b, u->lower))
			fprintf(out, "rc_net_%s_need=\"net.%s\"\n", var,
				service_of(b, u->lower));
	} else {
		fprintf(out, "\n# %s: bridge over %s\n", u->name, u->lower);
		fprintf(out, "bridge_%s=", var);
		conv_sh_value(out, u->lower, true);
		fputc('\n', out);
		if (u->stp >= 0)
			fprintf(out, "bridge_stp_state_%s=\"%d\"\n", var,
				u->stp);
		if (u->fd >= 0)
			fprintf(out, "bridge_forward_delay_%s=\"%d\"\n", var,
				u->fd * 100);
		fprintf(out, "rc_net_%s_need=\"net.%s\"\n", var,
			service_of(b, u->lower));
	}
	confd_write_config(out, var, u->addresses, u->n_addresses);
	confd_write_ip(out, &u->ip, var);
	confd_write_vlans(cv, out, b, u->name, var);
}

void confd_write(struct conv *cv, FILE *out, const struct host_bond *b)
{
	const struct bond_conf *c = &b->conf;
	char var[IF_NAMESIZE], svar[IF_NAMESIZE], value[VALUE_MAX], *p;
	struct strbuf list = { 0 };
	size_t i;
	int id;

	if (!confd_var(c->name, var, sizeof(var)))
		conv_lost(cv, out, "conf.d/net",
			  "%s: the name (netifrc's variables name it %s)",
			  c->name, var);
	fprintf(out, "# %s\n", c->name);
	confd_write_config(out, var, b->addresses, b->n_addresses);
	for (i = 0; i < c->n_slaves; i++) {
		if (!c->slaves[i].member)
			continue;
		if (list.len)
			strbuf_addc(&list, ' ');
		strbuf_addn(&list, c->slaves[i].name,
			    strlen(c->slaves[i].name));
	}
	fprintf(out, "slaves_%s=", var);
	conv_sh_value(out, strbuf_str(&list), true);
	fputc('\n', out);
	strbuf_free(&list);
	if (!conv_n_members(c))
		conv_lost(
			cv, out, "conf.d/net",
			"%s: a bond with no slaves (netifrc makes no bond when slaves_%s is empty)",
			c->name, var);
	for (id = 0; id < BONDOPT_COUNT; id++) {
		if (!conv_bond_option(c, id))
			continue;
		bond_conf_format_value(c, id, value, sizeof(value));
		if (netifrc_cannot(cv, out, c, id, value))
			continue;
		if (!*value) {
			conv_lost_at(cv, out, "conf.d/net", &c->where[id],
				     "%s: %s= (empty)", c->name,
				     bondopt_get(id)->name);
			continue;
		}
		for (p = value; *p; p++)
			if (*p == ',')
				*p = ' ';
		fprintf(out, "%s_%s=", bondopt_get(id)->name, var);
		conv_sh_value(out, value, true);
		fputc('\n', out);
	}
	for (i = 0; i < c->n_slaves; i++) {
		const struct bond_slave_conf *s = &c->slaves[i];

		conv_lost_slave(cv, out, "conf.d/net", c, s, ~0ULL, "");
	}
	if (b->has_mtu)
		fprintf(out, "mtu_%s=\"%u\"\n", var, b->mtu);
	if (b->hwaddr)
		fprintf(out, "mac_%s=\"%s\"\n", var, b->hwaddr);
	confd_write_ip(out, &b->ip, var);
	for (i = 0; i < c->n_slaves; i++) {
		if (!c->slaves[i].member)
			continue;
		confd_var(c->slaves[i].name, svar, sizeof(svar));
		fprintf(out, "config_%s=\"null\"\n", svar);
	}
	confd_write_vlans(cv, out, b, c->name, var);
	for (i = 0; i < b->ip.n_uppers; i++)
		confd_write_upper(cv, out, b, i);
}

/* net.@name, and in the default runlevel if @onboot. */
static void confd_write_service(struct conv *cv, const char *name, bool onboot)
{
	char *target;

	conv_add_link(cv, xasprintf("/etc/init.d/net.%s", name), "net.lo");
	if (!onboot)
		return;
	target = xasprintf("../../init.d/net.%s", name);
	conv_add_link(cv, xasprintf("/etc/runlevels/default/net.%s", name),
		      target);
	free(target);
}

/*
 * net.BOND started at boot: the links rc-update and the handbook make;
 * and so for each bridge on it, and each VLAN started apart.
 */
void confd_write_links(struct conv *cv, const struct host_bond *b)
{
	const struct host_upper *u;
	size_t i;

	confd_write_service(cv, b->conf.name, b->onboot);
	for (i = 0; i < b->ip.n_uppers; i++) {
		u = b->ip.uppers[i];
		if (u->kind == HOST_UPPER_BRIDGE ||
		    (vlans_apart(b, u->lower) && !vlan_again(b, i)))
			confd_write_service(cv, u->name, u->onboot);
	}
}
