// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The ifcfg writer: a bond's ifcfg-BOND and its slaves' ifcfg files, as
 * the reader, ifcfg.c, reads them back (one file for both would pass 600
 * lines).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "formats/writers.h"

#define IFCFG_DIR "/etc/sysconfig/network-scripts"

/* Per-slave options an ifcfg slave file carries (BOND_PORT_*). */
static const char *port_key(int id)
{
	return bondopt_get(id)->ifcfg_port;
}

/* The rest go into BONDING_OPTS: other options, slaves not enslaved. */
static bool in_bonding_opts(const struct bond_slave_conf *s, int id)
{
	return !s->member || !port_key(id);
}

static int by_ifcfg_name(const void *a, const void *b)
{
	char x[IF_NAMESIZE + 8], y[IF_NAMESIZE + 8];

	snprintf(x, sizeof(x), "ifcfg-%s", *(const char *const *)a);
	snprintf(y, sizeof(y), "ifcfg-%s", *(const char *const *)b);
	return strcmp(x, y);
}

/*
 * The network scripts and the reader take the slaves in the order of
 * their files' names; BONDING_SLAVEn keeps another order.
 */
static bool slaves_in_file_order(const struct bond_conf *c)
{
	const char **names = xcalloc(c->n_slaves + 1, sizeof(char *));
	size_t i, n = 0;
	bool same = true;

	for (i = 0; i < c->n_slaves; i++)
		if (c->slaves[i].member)
			names[n++] = c->slaves[i].name;
	qsort(names, n, sizeof(char *), by_ifcfg_name);
	for (i = 0, n = 0; i < c->n_slaves; i++)
		if (c->slaves[i].member &&
		    strcmp(names[n++], c->slaves[i].name))
			same = false;
	free(names);
	return same;
}

void ifcfg_write_addresses(FILE *out, char *const *v, size_t n)
{
	struct strbuf v6 = { 0 };
	char key[32], *addr;
	const char *slash;
	size_t i, n4 = 0, k = 0, n6 = 0;

	for (i = 0; i < n; i++)
		n4 += !conv_is_ipv6(v[i]);
	for (i = 0; i < n; i++) {
		if (conv_is_ipv6(v[i]))
			continue;
		addr = xstrdup(v[i]);
		slash = strchr(v[i], '/');
		if (slash)
			addr[slash - v[i]] = '\0';
		if (n4 == 1)
			snprintf(key, sizeof(key), "IPADDR");
		else
			snprintf(key, sizeof(key), "IPADDR%zu", k);
		conv_sh_assign(out, key, addr);
		if (slash) {
			if (n4 == 1)
				snprintf(key, sizeof(key), "PREFIX");
			else
				snprintf(key, sizeof(key), "PREFIX%zu", k);
			conv_sh_assign(out, key, slash + 1);
		}
		free(addr);
		k++;
	}
	for (i = 0; i < n; i++) {
		if (!conv_is_ipv6(v[i]))
			continue;
		if (!n6++) {
			conv_sh_assign(out, "IPV6INIT", "yes");
			conv_sh_assign(out, "IPV6ADDR", v[i]);
			continue;
		}
		if (v6.len)
			strbuf_addc(&v6, ' ');
		strbuf_addn(&v6, v[i], strlen(v[i]));
	}
	if (v6.len)
		conv_sh_assign(out, "IPV6ADDR_SECONDARIES", strbuf_str(&v6));
	strbuf_free(&v6);
}

void ifcfg_write(struct conv *cv, FILE *out, const struct host_bond *b)
{
	const struct bond_conf *c = &b->conf;
	struct strbuf opts = { 0 };
	char key[32];
	size_t i, n;
	int id;

	out = conv_file_open(cv, xasprintf(IFCFG_DIR "/ifcfg-%s", c->name));
	conv_sh_assign(out, "DEVICE", c->name);
	conv_sh_assign(out, "TYPE", "Bond");
	conv_sh_assign(out, "BONDING_MASTER", "yes");
	conv_option_words(&opts, c, ' ');
	conv_slave_option_words(&opts, c, in_bonding_opts);
	if (opts.len)
		conv_sh_assign(out, "BONDING_OPTS", strbuf_str(&opts));
	strbuf_free(&opts);
	if (!slaves_in_file_order(c)) {
		fputs("# the slaves in this order for bondcfg; the network scripts enslave in the order of the file names\n",
		      out);
		for (i = 0, n = 0; i < c->n_slaves; i++) {
			if (!c->slaves[i].member)
				continue;
			snprintf(key, sizeof(key), "BONDING_SLAVE%zu", n++);
			conv_sh_assign(out, key, c->slaves[i].name);
		}
	}
	conv_sh_assign(out, "ONBOOT", b->onboot ? "yes" : "no");
	conv_sh_assign(out, "BOOTPROTO", "none");
	ifcfg_write_addresses(out, b->addresses, b->n_addresses);
	if (b->has_mtu)
		fprintf(out, "MTU=%u\n", b->mtu);
	if (b->hwaddr)
		conv_sh_assign(out, "MACADDR", b->hwaddr);
	ifcfg_write_bridge(out, &b->ip, c->name);
	ifcfg_write_ip(out, &b->ip, conv_has_address(b, true));
	conv_file_close(cv);
	ifcfg_write_routes(cv, c->name, &b->ip);
	ifcfg_write_uppers(cv, b);

	for (i = 0; i < c->n_slaves; i++) {
		const struct bond_slave_conf *s = &c->slaves[i];
		char num[24];

		if (!s->member)
			continue;
		out = conv_file_open(cv,
				     xasprintf(IFCFG_DIR "/ifcfg-%s", s->name));
		conv_sh_assign(out, "DEVICE", s->name);
		conv_sh_assign(out, "MASTER", c->name);
		conv_sh_assign(out, "SLAVE", "yes");
		conv_sh_assign(out, "ONBOOT", b->onboot ? "yes" : "no");
		conv_sh_assign(out, "BOOTPROTO", "none");
		for (id = 0; id < BONDOPT_COUNT; id++) {
			if (!(s->present & BONDOPT_BIT(id)) || !port_key(id))
				continue;
			snprintf(num, sizeof(num), "%lld",
				 (long long)s->num[id]);
			conv_sh_assign(out, port_key(id), num);
		}
		conv_file_close(cv);
	}
}
