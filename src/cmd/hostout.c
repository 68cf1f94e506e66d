// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The host's bonds printed four ways: key=value text for people, shell
 * assignments safe to eval, JSON, and the iproute2 commands that would
 * build them.
 */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/hostout.h"
#include "formats/conv.h"
#include "formats/shfile.h"
#include "cmd/output.h"
#include "model/xalloc.h"

#define VALUE_MAX (16 * 48)

static bool wanted(const struct host_bond *b, const char *only)
{
	return !only || !strcmp(b->conf.name, only);
}

/* Bond options only: the per-slave ones follow the slaves. */
static char *bond_options(const struct bond_conf *c)
{
	struct bond_conf copy = *c;

	copy.n_slaves = 0;
	return bond_conf_format(&copy);
}

static void slave_names(FILE *out, const struct bond_conf *c, char sep)
{
	size_t i;
	bool first = true;

	for (i = 0; i < c->n_slaves; i++) {
		if (!c->slaves[i].member)
			continue;
		if (!first)
			fputc(sep, out);
		fputs(c->slaves[i].name, out);
		first = false;
	}
}

static char *slave_options(const struct bond_conf *c)
{
	char *all = bond_conf_format(c), *bond = bond_options(c), *rest;

	rest = xstrdup(all + strlen(bond) +
		       (*bond && strlen(all) > strlen(bond)));
	free(all);
	free(bond);
	return rest;
}

static const char *formats_text(unsigned int formats, char *buf, size_t size)
{
	enum host_format f;
	size_t len = 0;

	buf[0] = '\0';
	for (f = 0; f < HOST_N_FORMATS; f++)
		if (formats & HOST_FORMAT_BIT(f))
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
						len ? " " : "",
						host_format_name(f));
	return buf;
}

static void items_text(FILE *out, const char *indent, const char *key,
		       const struct host_item *v, size_t n, const char *sep)
{
	size_t i;

	if (!n)
		return;
	fprintf(out, "%s%s=", indent, key);
	for (i = 0; i < n; i++)
		fprintf(out, "%s%s", i ? sep : "", v[i].value);
	fputc('\n', out);
}

static void addresses_text(FILE *out, const char *indent, char *const *v,
			   size_t n)
{
	size_t k;

	if (!n)
		return;
	fprintf(out, "%saddresses=", indent);
	for (k = 0; k < n; k++)
		fprintf(out, "%s%s", k ? " " : "", v[k]);
	fputc('\n', out);
}

/* @ip's lines, each after @indent (an upper's are indented). */
static void ip_text(FILE *out, const struct host_ip *ip, const char *indent)
{
	size_t i;

	if (ip->gateway.value)
		fprintf(out, "%sgateway=%s\n", indent, ip->gateway.value);
	if (ip->gateway6.value)
		fprintf(out, "%sgateway6=%s\n", indent, ip->gateway6.value);
	items_text(out, indent, "dns", ip->dns, ip->n_dns, " ");
	items_text(out, indent, "search", ip->search, ip->n_search, " ");
	for (i = 0; i < ip->n_routes; i++) {
		fprintf(out, "%sroute=", indent);
		conv_route_words(out, &ip->routes[i]);
		fputc('\n', out);
	}
	items_text(out, indent, "not_carried", ip->extras, ip->n_extras, "; ");
}

/* vlan=bond0.100 on bond0, id 100; its own lines indented under it */
static void uppers_text(FILE *out, const struct host_ip *ip)
{
	const struct host_upper *u;
	size_t i;

	for (i = 0; i < ip->n_uppers; i++) {
		u = ip->uppers[i];
		fprintf(out, "%s=%s on %s",
			u->kind == HOST_UPPER_VLAN ? "vlan" : "bridge", u->name,
			u->lower);
		if (u->kind == HOST_UPPER_VLAN)
			fprintf(out, ", id %u", u->vid);
		if (u->stp >= 0)
			fprintf(out, ", stp %s", u->stp ? "on" : "off");
		if (u->fd >= 0)
			fprintf(out, ", forward delay %d", u->fd);
		fprintf(out, ", onboot %s\n", u->onboot ? "yes" : "no");
		addresses_text(out, "  ", u->addresses, u->n_addresses);
		ip_text(out, &u->ip, "  ");
	}
}

void hostout_text(FILE *out, const struct host_conf *h, const char *only)
{
	char where[512], formats[64], *opts;
	size_t i;

	for (i = 0; i < h->n_bonds; i++) {
		const struct host_bond *b = h->bonds[i];

		if (!wanted(b, only))
			continue;
		fprintf(out, "[%s]\n", b->conf.name);
		opts = bond_options(&b->conf);
		fprintf(out, "options=%s\n", opts);
		free(opts);
		fputs("slaves=", out);
		slave_names(out, &b->conf, ' ');
		fputc('\n', out);
		opts = slave_options(&b->conf);
		if (opts && *opts)
			fprintf(out, "slave_options=%s\n", opts);
		free(opts);
		if (b->has_mtu)
			fprintf(out, "mtu=%u\n", b->mtu);
		if (b->hwaddr)
			fprintf(out, "hwaddr=%s\n", b->hwaddr);
		addresses_text(out, "", b->addresses, b->n_addresses);
		ip_text(out, &b->ip, "");
		fprintf(out, "onboot=%s\n", b->onboot ? "yes" : "no");
		diag_loc_format(&b->loc, where, sizeof(where));
		fprintf(out, "declared=%s (%s)\n", where,
			formats_text(b->formats, formats, sizeof(formats)));
		uppers_text(out, &b->ip);
		fputc('\n', out);
	}
	if (h->module.present && !only) {
		opts = bond_conf_format(&h->module);
		fprintf(out, "[bonding]\nmodule_options=%s\n\n", opts);
		free(opts);
	}
}

void hostout_shell(FILE *out, const struct host_conf *h, const char *only)
{
	struct strbuf addrs = { 0 };
	unsigned int n = 0;
	char *opts;
	size_t i, k;

	for (i = 0; i < h->n_bonds; i++) {
		const struct host_bond *b = h->bonds[i];
		char *list;
		size_t len;
		FILE *mem;

		if (!wanted(b, only))
			continue;
		fprintf(out, "BOND_%u_NAME=", n);
		shfile_write_quoted(out, b->conf.name);
		fprintf(out, "\nBOND_%u_OPTS=", n);
		opts = bond_options(&b->conf);
		shfile_write_quoted(out, opts);
		free(opts);
		fprintf(out, "\nBOND_%u_SLAVES=", n);
		list = NULL;
		mem = open_memstream(&list, &len);
		if (mem) {
			slave_names(mem, &b->conf, ' ');
			fclose(mem);
		}
		shfile_write_quoted(out, list ? list : "");
		free(list);
		fprintf(out, "\nBOND_%u_SLAVE_OPTS=", n);
		opts = slave_options(&b->conf);
		shfile_write_quoted(out, opts ? opts : "");
		free(opts);
		fprintf(out, "\nBOND_%u_MTU=", n);
		if (b->has_mtu)
			fprintf(out, "'%u'", b->mtu);
		else
			fputs("''", out);
		fprintf(out, "\nBOND_%u_HWADDR=", n);
		shfile_write_quoted(out, b->hwaddr ? b->hwaddr : "");
		fprintf(out, "\nBOND_%u_ADDRESSES=", n);
		for (k = 0; k < b->n_addresses; k++) {
			if (k)
				strbuf_addc(&addrs, ' ');
			strbuf_addn(&addrs, b->addresses[k],
				    strlen(b->addresses[k]));
		}
		shfile_write_quoted(out, strbuf_str(&addrs));
		strbuf_reset(&addrs);
		fprintf(out, "\nBOND_%u_ONBOOT='%s'\n", n,
			b->onboot ? "yes" : "no");
		n++;
	}
	strbuf_free(&addrs);
	fprintf(out, "BOND_COUNT='%u'\n", n);
	opts = bond_conf_format(&h->module);
	fputs("BONDING_MODULE_OPTS=", out);
	shfile_write_quoted(out, opts);
	fputc('\n', out);
	free(opts);
}

static void ip_options(FILE *out, const struct bond_conf *c, bool names)
{
	char value[VALUE_MAX];
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		const struct bondopt *opt = bondopt_get(id);

		if (!bond_conf_has(c, id) ||
		    (opt->flags & BONDOPT_F_NOT_BOND_ATTR) ||
		    (opt->kind == BONDOPT_IFNAME) != names)
			continue;
		bond_conf_format_value(c, id, value, sizeof(value));
		fprintf(out, " %s ", opt->ip_name ? opt->ip_name : opt->name);
		shfile_write_word(out, *value ? value : "");
		if (!*value)
			fputs("''", out);
	}
}

/*
 * "ip link set dev NAME": the name after its keyword, so that a device
 * called "up" or "help" is not taken for one, and quoted for the shell
 * where it is not a plain word.
 */
static void ip_dev(FILE *out, const char *cmd, const char *name)
{
	fprintf(out, "ip link %s %s ", cmd,
		strcmp(cmd, "add") ? "dev" : "name");
	shfile_write_word(out, name);
}

void hostout_ip(FILE *out, const struct host_conf *h, const char *only)
{
	char num[32];
	size_t i, k;
	int id;

	for (i = 0; i < h->n_bonds; i++) {
		const struct host_bond *b = h->bonds[i];
		const struct bond_conf *c = &b->conf;
		bool names = false;

		if (!wanted(b, only))
			continue;
		ip_dev(out, "add", c->name);
		fputs(" type bond", out);
		ip_options(out, c, false);
		fputc('\n', out);
		for (k = 0; k < c->n_slaves; k++) {
			const struct bond_slave_conf *s = &c->slaves[k];
			bool any = false;

			if (!s->member)
				continue;
			/* the kernel enslaves only links that are down */
			ip_dev(out, "set", s->name);
			fputs(" down\n", out);
			ip_dev(out, "set", s->name);
			fputs(" master ", out);
			shfile_write_word(out, c->name);
			fputc('\n', out);
			for (id = 0; id < BONDOPT_COUNT; id++) {
				if (!(s->present & BONDOPT_BIT(id)))
					continue;
				if (!any) {
					ip_dev(out, "set", s->name);
					fputs(" type bond_slave", out);
				}
				any = true;
				snprintf(num, sizeof(num), "%lld",
					 (long long)s->num[id]);
				fprintf(out, " %s %s", bondopt_get(id)->name,
					num);
			}
			if (any)
				fputc('\n', out);
		}
		/* primary and active_slave name slaves: after enslaving */
		for (id = 0; id < BONDOPT_COUNT; id++)
			if (bond_conf_has(c, id) &&
			    bondopt_get(id)->kind == BONDOPT_IFNAME)
				names = true;
		if (names) {
			ip_dev(out, "set", c->name);
			fputs(" type bond", out);
			ip_options(out, c, true);
			fputc('\n', out);
		}
		if (b->has_mtu) {
			ip_dev(out, "set", c->name);
			fprintf(out, " mtu %u\n", b->mtu);
		}
		if (b->hwaddr) {
			ip_dev(out, "set", c->name);
			fputs(" address ", out);
			shfile_write_word(out, b->hwaddr);
			fputc('\n', out);
		}
		ip_dev(out, "set", c->name);
		fputs(" up\n", out);
		for (k = 0; k < b->n_addresses; k++) {
			fputs("ip address add ", out);
			shfile_write_word(out, b->addresses[k]);
			fputs(" dev ", out);
			shfile_write_word(out, c->name);
			fputc('\n', out);
		}
	}
}

static void items_json(struct json *j, const char *key,
		       const struct host_item *v, size_t n)
{
	size_t i;

	json_key(j, key);
	json_array_begin(j);
	for (i = 0; i < n; i++)
		json_string(j, v[i].value);
	json_array_end(j);
}

static void nullable_json(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	if (s)
		json_string(j, s);
	else
		json_null(j);
}

/* The bond's network beside the bond: gateways, DNS, routes. */
static void ip_json(struct json *j, const struct host_ip *ip)
{
	size_t i;

	nullable_json(j, "gateway", ip->gateway.value);
	nullable_json(j, "gateway6", ip->gateway6.value);
	items_json(j, "dns", ip->dns, ip->n_dns);
	items_json(j, "search", ip->search, ip->n_search);
	json_key(j, "routes");
	json_array_begin(j);
	for (i = 0; i < ip->n_routes; i++) {
		json_object_begin(j);
		json_key(j, "to");
		json_string(j, ip->routes[i].dest);
		nullable_json(j, "via", ip->routes[i].via);
		json_key(j, "metric");
		if (ip->routes[i].metric >= 0)
			json_int(j, ip->routes[i].metric);
		else
			json_null(j);
		json_object_end(j);
	}
	json_array_end(j);
	items_json(j, "not_carried", ip->extras, ip->n_extras);
}

/* An interface's addresses, then its gateways, DNS and routes. */
static void network_json(struct json *j, char *const *addrs, size_t n,
			 const struct host_ip *ip)
{
	size_t k;

	json_key(j, "addresses");
	json_array_begin(j);
	for (k = 0; k < n; k++)
		json_string(j, addrs[k]);
	json_array_end(j);
	ip_json(j, ip);
}

/* What sits on the bond: its VLANs and bridges, each with its network. */
static void uppers_json(struct json *j, const struct host_ip *ip)
{
	const struct host_upper *u;
	size_t i;

	json_key(j, "uppers");
	json_array_begin(j);
	for (i = 0; i < ip->n_uppers; i++) {
		u = ip->uppers[i];
		json_object_begin(j);
		json_key(j, "kind");
		json_string(j, u->kind == HOST_UPPER_VLAN ? "vlan" : "bridge");
		json_key(j, "name");
		json_string(j, u->name);
		json_key(j, "lower");
		json_string(j, u->lower);
		json_key(j, "id");
		if (u->kind == HOST_UPPER_VLAN)
			json_int(j, u->vid);
		else
			json_null(j);
		json_key(j, "stp");
		if (u->stp >= 0)
			json_bool(j, u->stp);
		else
			json_null(j);
		json_key(j, "forward_delay");
		if (u->fd >= 0)
			json_int(j, u->fd);
		else
			json_null(j);
		json_key(j, "onboot");
		json_bool(j, u->onboot);
		network_json(j, u->addresses, u->n_addresses, &u->ip);
		json_key(j, "source");
		json_string(j, u->loc.source ? u->loc.source : "");
		json_key(j, "line");
		json_int(j, u->loc.line);
		json_object_end(j);
	}
	json_array_end(j);
}

void hostout_json(struct json *j, const struct host_conf *h, const char *only)
{
	char *normal;
	size_t i;
	enum host_format f;

	json_key(j, "bonds");
	json_array_begin(j);
	for (i = 0; i < h->n_bonds; i++) {
		const struct host_bond *b = h->bonds[i];

		if (!wanted(b, only))
			continue;
		json_object_begin(j);
		json_key(j, "name");
		json_string(j, b->conf.name);
		output_conf_json(j, &b->conf);
		json_key(j, "normalized");
		normal = bond_conf_format(&b->conf);
		json_string(j, normal);
		free(normal);
		json_key(j, "mtu");
		if (b->has_mtu)
			json_int(j, b->mtu);
		else
			json_null(j);
		json_key(j, "hwaddr");
		if (b->hwaddr)
			json_string(j, b->hwaddr);
		else
			json_null(j);
		network_json(j, b->addresses, b->n_addresses, &b->ip);
		uppers_json(j, &b->ip);
		json_key(j, "onboot");
		json_bool(j, b->onboot);
		json_key(j, "formats");
		json_array_begin(j);
		for (f = 0; f < HOST_N_FORMATS; f++)
			if (b->formats & HOST_FORMAT_BIT(f))
				json_string(j, host_format_name(f));
		json_array_end(j);
		json_key(j, "source");
		if (b->loc.source)
			json_string(j, b->loc.source);
		else
			json_null(j);
		json_key(j, "line");
		json_int(j, b->loc.line);
		json_object_end(j);
	}
	json_array_end(j);
	json_key(j, "module");
	json_object_begin(j);
	output_conf_json(j, &h->module);
	json_object_end(j);
	json_key(j, "files_read");
	json_int(j, h->files_read);
}
