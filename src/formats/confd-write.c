// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Writer for Gentoo's /etc/conf.d/net (netifrc): a bond's variables, its
 * network's, and the init script links; with what netifrc cannot do as
 * the bond says named.
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

static void confd_write_ip(FILE *out, const struct host_bond *b,
			   const char *var)
{
	const struct host_ip *ip = &b->ip;
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
	if (!b->n_addresses) {
		fprintf(out, "config_%s=\"null\"\n", var);
	} else if (b->n_addresses == 1) {
		fprintf(out, "config_%s=\"%s\"\n", var, b->addresses[0]);
	} else {
		/* one element each: a string is one address only */
		fprintf(out, "config_%s=(", var);
		for (i = 0; i < b->n_addresses; i++)
			fprintf(out, " \"%s\"", b->addresses[i]);
		fputs(" )\n", out);
	}
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
	confd_write_ip(out, b, var);
	for (i = 0; i < c->n_slaves; i++) {
		if (!c->slaves[i].member)
			continue;
		confd_var(c->slaves[i].name, svar, sizeof(svar));
		fprintf(out, "config_%s=\"null\"\n", svar);
	}
}

/* net.BOND started at boot: the links rc-update and the handbook make. */
void confd_write_links(struct conv *cv, const struct host_bond *b)
{
	char *target;

	conv_add_link(cv, xasprintf("/etc/init.d/net.%s", b->conf.name),
		      "net.lo");
	if (!b->onboot)
		return;
	target = xasprintf("../../init.d/net.%s", b->conf.name);
	conv_add_link(cv,
		      xasprintf("/etc/runlevels/default/net.%s", b->conf.name),
		      target);
	free(target);
}
