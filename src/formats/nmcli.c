// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Writer for NetworkManager: the nmcli commands that recreate each bond
 * and its slaves as connections.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "formats/shfile.h"
#include "formats/writers.h"

/* bond.options: name=value,...; a comma inside a value escaped for nmcli. */
static char *nmcli_bond_options(const struct bond_conf *c)
{
	struct strbuf b = { 0 };
	char value[VALUE_MAX], *p;
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		if (!conv_bond_option(c, id))
			continue;
		bond_conf_format_value(c, id, value, sizeof(value));
		if (b.len)
			strbuf_addc(&b, ',');
		strbuf_addn(&b, bondopt_get(id)->name,
			    strlen(bondopt_get(id)->name));
		strbuf_addc(&b, '=');
		for (p = value; *p; p++) {
			if (*p == ',')
				strbuf_addc(&b, '\\');
			strbuf_addc(&b, *p);
		}
	}
	return strbuf_take(&b);
}

static void nmcli_arg(FILE *out, const char *key, const char *value)
{
	fprintf(out, " %s ", key);
	shfile_write_word(out, value);
}

static void nmcli_addresses(FILE *out, const struct host_bond *b, bool v6)
{
	struct strbuf list = { 0 };
	size_t i;

	for (i = 0; i < b->n_addresses; i++) {
		if (conv_is_ipv6(b->addresses[i]) != v6)
			continue;
		if (list.len)
			strbuf_addc(&list, ',');
		strbuf_addn(&list, b->addresses[i], strlen(b->addresses[i]));
	}
	if (list.len) {
		nmcli_arg(out, v6 ? "ipv6.method" : "ipv4.method", "manual");
		nmcli_arg(out, v6 ? "ipv6.addresses" : "ipv4.addresses",
			  strbuf_str(&list));
	} else {
		nmcli_arg(out, v6 ? "ipv6.method" : "ipv4.method", "disabled");
	}
	strbuf_free(&list);
}

void nmcli_write(struct conv *cv, FILE *out, const struct host_bond *b)
{
	const struct bond_conf *c = &b->conf;
	char *opts, num[24], *con;
	uint64_t no_port = 0; /* slave options nmcli has no property for */
	size_t i;
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++)
		if (!bondopt_get(id)->nmcli_port)
			no_port |= BONDOPT_BIT(id);
	fputs("nmcli connection add type bond", out);
	nmcli_arg(out, "con-name", c->name);
	nmcli_arg(out, "ifname", c->name);
	opts = nmcli_bond_options(c);
	if (*opts) {
		fputs(" bond.options ", out);
		shfile_write_quoted(out, opts);
	}
	free(opts);
	nmcli_addresses(out, b, false);
	nmcli_addresses(out, b, true);
	if (b->has_mtu) {
		snprintf(num, sizeof(num), "%u", b->mtu);
		nmcli_arg(out, "ethernet.mtu", num);
	}
	if (b->hwaddr)
		nmcli_arg(out, "ethernet.cloned-mac-address", b->hwaddr);
	if (!b->onboot)
		nmcli_arg(out, "connection.autoconnect", "no");
	fputc('\n', out);
	for (i = 0; i < c->n_slaves; i++) {
		const struct bond_slave_conf *s = &c->slaves[i];

		if (!s->member) {
			conv_lost_slave(cv, out, "nmcli", c, s, ~0ULL,
					", not a slave");
			continue;
		}
		conv_lost_slave(cv, out, "nmcli", c, s, no_port, "");
		fputs("nmcli connection add type ethernet", out);
		con = xasprintf("%s-port-%s", c->name, s->name);
		nmcli_arg(out, "con-name", con);
		free(con);
		nmcli_arg(out, "ifname", s->name);
		nmcli_arg(out, "port-type", "bond");
		nmcli_arg(out, "controller", c->name);
		for (id = 0; id < BONDOPT_COUNT; id++) {
			if (!(s->present & BONDOPT_BIT(id)))
				continue;
			snprintf(num, sizeof(num), "%lld",
				 (long long)s->num[id]);
			if (bondopt_get(id)->nmcli_port)
				nmcli_arg(out, bondopt_get(id)->nmcli_port,
					  num);
		}
		if (!b->onboot)
			nmcli_arg(out, "connection.autoconnect", "no");
		fputc('\n', out);
	}
}
