// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Writers for the host's bonds in other formats: RHEL ifcfg files, an
 * ifupdown interfaces file, Gentoo's conf.d/net, systemd-networkd units and
 * nmcli commands. The first three are read back by the project's readers
 * as the same bonds; what a format cannot express is said, in the output
 * as a comment and to the caller as a warning, never dropped silently.
 */
#include "config.h"

#include <arpa/inet.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "formats/hostconv.h"
#include "formats/shfile.h"
#include "model/xalloc.h"

#define VALUE_MAX (16 * 48)

static const char *const format_names[CONV_N_FORMATS] = {
	[CONV_IFCFG] = "ifcfg", [CONV_INTERFACES] = "interfaces",
	[CONV_CONFD] = "confd", [CONV_NETWORKD] = "networkd",
	[CONV_NMCLI] = "nmcli", [CONV_IP] = "ip",
};

int conv_format_find(const char *name)
{
	int f;

	for (f = 0; f < CONV_N_FORMATS; f++)
		if (!strcmp(name, format_names[f]))
			return f;
	return -1;
}

bool conv_format_has_files(enum conv_format f)
{
	return f != CONV_NMCLI && f != CONV_IP;
}

void conv_init(struct conv *cv)
{
	memset(cv, 0, sizeof(*cv));
}

void conv_free(struct conv *cv)
{
	size_t i;

	for (i = 0; i < cv->n_files; i++) {
		free(cv->files[i]->path);
		free(cv->files[i]->text);
		free(cv->files[i]->link);
		free(cv->files[i]);
	}
	free(cv->files);
	for (i = 0; i < cv->n_warnings; i++)
		free(cv->warnings[i]);
	free(cv->warnings);
	conv_init(cv);
}

static struct conv_file *add_file(struct conv *cv, char *path)
{
	struct conv_file *f = xcalloc(1, sizeof(*f));

	f->path = path;
	cv->files = xreallocarray(cv->files, cv->n_files + 1, sizeof(f));
	cv->files[cv->n_files++] = f;
	return f;
}

/* A new file at @path (taken over), open for writing. */
static FILE *file_open(struct conv *cv, char *path)
{
	struct conv_file *f = add_file(cv, path);

	f->out = open_memstream(&f->text, &f->len);
	if (!f->out) {
		perror("open_memstream");
		exit(EXIT_FAILURE);
	}
	return f->out;
}

static void file_close(struct conv *cv)
{
	struct conv_file *f = cv->files[cv->n_files - 1];

	fclose(f->out);
	f->out = NULL;
}

static void add_link(struct conv *cv, char *path, const char *target)
{
	add_file(cv, path)->link = xstrdup(target);
}

/* What the format cannot express: a warning, and a comment in @out. */
__attribute__((format(printf, 4, 5))) static void
lost(struct conv *cv, FILE *out, const char *format, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (out)
		fprintf(out, "# not converted: %s (%s cannot express it)\n",
			msg, format);
	cv->warnings =
		xreallocarray(cv->warnings, cv->n_warnings + 1, sizeof(char *));
	cv->warnings[cv->n_warnings++] =
		xasprintf("%s (%s cannot express it); left out", msg, format);
	free(msg);
}

void conv_print(const struct conv *cv, FILE *out)
{
	size_t i;

	for (i = 0; i < cv->n_files; i++) {
		const struct conv_file *f = cv->files[i];

		if (i)
			fputc('\n', out);
		if (f->link) {
			fprintf(out, "# %s -> %s\n", f->path, f->link);
			continue;
		}
		fprintf(out, "# %s\n", f->path);
		fwrite(f->text, 1, f->len, out);
	}
}

/* --- what every writer needs ------------------------------------------ */

static bool is_ipv6(const char *addr)
{
	return strchr(addr, ':') != NULL;
}

/* Whether @id is written among the bond's options (not per slave). */
static bool bond_option(const struct bond_conf *c, int id)
{
	const struct bondopt *opt = bondopt_get(id);

	return bond_conf_has(c, id) && !(opt->flags & BONDOPT_F_NOT_BOND_ATTR);
}

static size_t n_members(const struct bond_conf *c)
{
	size_t i, n = 0;

	for (i = 0; i < c->n_slaves; i++)
		n += c->slaves[i].member;
	return n;
}

/* Safe in a shell word and in every format's value: no quoting needed. */
static bool plain(const char *s)
{
	return *s &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			 "0123456789._:/+,=@%-") == strlen(s);
}

/* @value for a shell-style file: in double quotes, or single if need be. */
static void sh_value(FILE *out, const char *value, bool always)
{
	if (!always && plain(value))
		fputs(value, out);
	else if (!strpbrk(value, "\"$`\\!"))
		fprintf(out, "\"%s\"", value);
	else
		shfile_write_quoted(out, value);
}

/* KEY=VALUE for a shell-style file: VALUE quoted when it needs it. */
static void sh_assign(FILE *out, const char *key, const char *value)
{
	fprintf(out, "%s=", key);
	sh_value(out, value, false);
	fputc('\n', out);
}

/* Appends " name=value" words of the bond options into @b. */
static void option_words(struct strbuf *b, const struct bond_conf *c, char sep)
{
	char value[VALUE_MAX];
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		if (!bond_option(c, id))
			continue;
		bond_conf_format_value(c, id, value, sizeof(value));
		if (b->len)
			strbuf_addc(b, sep);
		strbuf_addn(b, bondopt_get(id)->name,
			    strlen(bondopt_get(id)->name));
		strbuf_addc(b, '=');
		strbuf_addn(b, value, strlen(value));
	}
}

/* Appends "name=SLAVE:VALUE" for each per-slave option @keep says. */
static void slave_option_words(struct strbuf *b, const struct bond_conf *c,
			       bool (*keep)(const struct bond_slave_conf *,
					    int id))
{
	char word[128];
	size_t i;
	int id;

	for (i = 0; i < c->n_slaves; i++) {
		const struct bond_slave_conf *s = &c->slaves[i];

		for (id = 0; id < BONDOPT_COUNT; id++) {
			if (!(s->present & BONDOPT_BIT(id)) || !keep(s, id))
				continue;
			snprintf(word, sizeof(word), "%s=%s:%lld",
				 bondopt_get(id)->name, s->name,
				 (long long)s->num[id]);
			if (b->len)
				strbuf_addc(b, ' ');
			strbuf_addn(b, word, strlen(word));
		}
	}
}

/* --- ifcfg -------------------------------------------------------------- */

#define IFCFG_DIR "/etc/sysconfig/network-scripts"

/* Per-slave options an ifcfg slave file carries (BOND_PORT_*). */
static const char *port_key(int id)
{
	switch (id) {
	case BONDOPT_SLAVE_QUEUE_ID:
		return "BOND_PORT_QUEUE_ID";
	case BONDOPT_SLAVE_PRIO:
		return "BOND_PORT_PRIO";
	default:
		return NULL;
	}
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

static void ifcfg_addresses(FILE *out, const struct host_bond *b)
{
	struct strbuf v6 = { 0 };
	char key[32], *addr;
	const char *slash;
	size_t i, n4 = 0, k = 0, n6 = 0;

	for (i = 0; i < b->n_addresses; i++)
		n4 += !is_ipv6(b->addresses[i]);
	for (i = 0; i < b->n_addresses; i++) {
		if (is_ipv6(b->addresses[i]))
			continue;
		addr = xstrdup(b->addresses[i]);
		slash = strchr(b->addresses[i], '/');
		if (slash)
			addr[slash - b->addresses[i]] = '\0';
		if (n4 == 1)
			snprintf(key, sizeof(key), "IPADDR");
		else
			snprintf(key, sizeof(key), "IPADDR%zu", k);
		sh_assign(out, key, addr);
		if (slash) {
			if (n4 == 1)
				snprintf(key, sizeof(key), "PREFIX");
			else
				snprintf(key, sizeof(key), "PREFIX%zu", k);
			sh_assign(out, key, slash + 1);
		}
		free(addr);
		k++;
	}
	for (i = 0; i < b->n_addresses; i++) {
		if (!is_ipv6(b->addresses[i]))
			continue;
		if (!n6++) {
			sh_assign(out, "IPV6INIT", "yes");
			sh_assign(out, "IPV6ADDR", b->addresses[i]);
			continue;
		}
		if (v6.len)
			strbuf_addc(&v6, ' ');
		strbuf_addn(&v6, b->addresses[i], strlen(b->addresses[i]));
	}
	if (v6.len)
		sh_assign(out, "IPV6ADDR_SECONDARIES", strbuf_str(&v6));
	strbuf_free(&v6);
}

static void write_ifcfg(struct conv *cv, const struct host_bond *b)
{
	const struct bond_conf *c = &b->conf;
	struct strbuf opts = { 0 };
	char key[32];
	size_t i, n;
	FILE *out;
	int id;

	out = file_open(cv, xasprintf(IFCFG_DIR "/ifcfg-%s", c->name));
	sh_assign(out, "DEVICE", c->name);
	sh_assign(out, "TYPE", "Bond");
	sh_assign(out, "BONDING_MASTER", "yes");
	option_words(&opts, c, ' ');
	slave_option_words(&opts, c, in_bonding_opts);
	if (opts.len)
		sh_assign(out, "BONDING_OPTS", strbuf_str(&opts));
	strbuf_free(&opts);
	if (!slaves_in_file_order(c)) {
		fputs("# the slaves in this order for bondcfg; the network scripts enslave in the order of the file names\n",
		      out);
		for (i = 0, n = 0; i < c->n_slaves; i++) {
			if (!c->slaves[i].member)
				continue;
			snprintf(key, sizeof(key), "BONDING_SLAVE%zu", n++);
			sh_assign(out, key, c->slaves[i].name);
		}
	}
	sh_assign(out, "ONBOOT", b->onboot ? "yes" : "no");
	sh_assign(out, "BOOTPROTO", "none");
	ifcfg_addresses(out, b);
	if (b->has_mtu)
		fprintf(out, "MTU=%u\n", b->mtu);
	if (b->hwaddr)
		sh_assign(out, "MACADDR", b->hwaddr);
	file_close(cv);

	for (i = 0; i < c->n_slaves; i++) {
		const struct bond_slave_conf *s = &c->slaves[i];
		char num[24];

		if (!s->member)
			continue;
		out = file_open(cv, xasprintf(IFCFG_DIR "/ifcfg-%s", s->name));
		sh_assign(out, "DEVICE", s->name);
		sh_assign(out, "MASTER", c->name);
		sh_assign(out, "SLAVE", "yes");
		sh_assign(out, "ONBOOT", b->onboot ? "yes" : "no");
		sh_assign(out, "BOOTPROTO", "none");
		for (id = 0; id < BONDOPT_COUNT; id++) {
			if (!(s->present & BONDOPT_BIT(id)) || !port_key(id))
				continue;
			snprintf(num, sizeof(num), "%lld",
				 (long long)s->num[id]);
			sh_assign(out, port_key(id), num);
		}
		file_close(cv);
	}
}

/* --- interfaces --------------------------------------------------------- */

/* bond-lacp-rate for lacp_rate */
static void interfaces_key(FILE *out, int id)
{
	const char *p;

	fputs("    bond-", out);
	for (p = bondopt_get(id)->name; *p; p++)
		fputc(*p == '_' ? '-' : *p, out);
}

static void write_interfaces_bond(FILE *out, const struct host_bond *b)
{
	const struct bond_conf *c = &b->conf;
	char value[VALUE_MAX], *p;
	bool v4 = false;
	size_t i;
	int id;

	for (i = 0; i < b->n_addresses; i++)
		v4 |= !is_ipv6(b->addresses[i]);
	if (b->onboot)
		fprintf(out, "auto %s\n", c->name);
	fprintf(out, "iface %s %s %s\n", c->name,
		b->n_addresses && !v4 ? "inet6" : "inet",
		b->n_addresses ? "static" : "manual");
	for (i = 0; i < b->n_addresses; i++)
		fprintf(out, "    address %s\n", b->addresses[i]);
	if (b->has_mtu)
		fprintf(out, "    mtu %u\n", b->mtu);
	if (b->hwaddr)
		fprintf(out, "    hwaddress ether %s\n", b->hwaddr);
	fputs("    bond-slaves", out);
	if (!n_members(c))
		fputs(" none", out);
	for (i = 0; i < c->n_slaves; i++)
		if (c->slaves[i].member)
			fprintf(out, " %s", c->slaves[i].name);
	fputc('\n', out);
	for (id = 0; id < BONDOPT_COUNT; id++) {
		if (!bond_option(c, id))
			continue;
		bond_conf_format_value(c, id, value, sizeof(value));
		interfaces_key(out, id);
		/* address lists: one word each */
		for (p = value; *p; p++)
			if (*p == ',')
				*p = ' ';
		fprintf(out, "%s%s\n", *value ? " " : "", value);
	}
	/* per-slave options: bond-queue-id eth0:1 eth1:2 */
	for (id = 0; id < BONDOPT_COUNT; id++) {
		bool any = false;

		if (!(bondopt_get(id)->flags & BONDOPT_F_SLAVE))
			continue;
		for (i = 0; i < c->n_slaves; i++) {
			const struct bond_slave_conf *s = &c->slaves[i];

			if (!(s->present & BONDOPT_BIT(id)))
				continue;
			if (!any)
				interfaces_key(out, id);
			any = true;
			fprintf(out, " %s:%lld", s->name,
				(long long)s->num[id]);
		}
		if (any)
			fputc('\n', out);
	}
	for (i = 0; i < c->n_slaves; i++) {
		if (!c->slaves[i].member)
			continue;
		fputc('\n', out);
		if (b->onboot)
			fprintf(out, "auto %s\n", c->slaves[i].name);
		fprintf(out, "iface %s inet manual\n    bond-master %s\n",
			c->slaves[i].name, c->name);
	}
}

/* --- conf.d/net --------------------------------------------------------- */

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

static void write_confd_bond(struct conv *cv, FILE *out,
			     const struct host_bond *b)
{
	const struct bond_conf *c = &b->conf;
	char var[IF_NAMESIZE], svar[IF_NAMESIZE], value[VALUE_MAX], *p;
	struct strbuf list = { 0 };
	size_t i;
	int id;

	if (!confd_var(c->name, var, sizeof(var)))
		lost(cv, out, "conf.d/net",
		     "%s: the name (netifrc's variables name it %s)", c->name,
		     var);
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
	sh_value(out, strbuf_str(&list), true);
	fputc('\n', out);
	strbuf_free(&list);
	for (id = 0; id < BONDOPT_COUNT; id++) {
		if (!bond_option(c, id))
			continue;
		bond_conf_format_value(c, id, value, sizeof(value));
		if (!*value) {
			lost(cv, out, "conf.d/net", "%s: %s= (empty)", c->name,
			     bondopt_get(id)->name);
			continue;
		}
		for (p = value; *p; p++)
			if (*p == ',')
				*p = ' ';
		fprintf(out, "%s_%s=", bondopt_get(id)->name, var);
		sh_value(out, value, true);
		fputc('\n', out);
	}
	for (i = 0; i < c->n_slaves; i++) {
		const struct bond_slave_conf *s = &c->slaves[i];

		for (id = 0; id < BONDOPT_COUNT; id++)
			if (s->present & BONDOPT_BIT(id))
				lost(cv, out, "conf.d/net", "%s: %s=%s:%lld",
				     c->name, bondopt_get(id)->name, s->name,
				     (long long)s->num[id]);
	}
	if (b->has_mtu)
		fprintf(out, "mtu_%s=\"%u\"\n", var, b->mtu);
	if (b->hwaddr)
		fprintf(out, "mac_%s=\"%s\"\n", var, b->hwaddr);
	for (i = 0; i < c->n_slaves; i++) {
		if (!c->slaves[i].member)
			continue;
		confd_var(c->slaves[i].name, svar, sizeof(svar));
		fprintf(out, "config_%s=\"null\"\n", svar);
	}
}

/* net.BOND started at boot: the links rc-update and the handbook make. */
static void confd_links(struct conv *cv, const struct host_bond *b)
{
	char *target;

	add_link(cv, xasprintf("/etc/init.d/net.%s", b->conf.name), "net.lo");
	if (!b->onboot)
		return;
	target = xasprintf("../../init.d/net.%s", b->conf.name);
	add_link(cv, xasprintf("/etc/runlevels/default/net.%s", b->conf.name),
		 target);
	free(target);
}

/* --- networkd ----------------------------------------------------------- */

#define NETWORKD_DIR "/etc/systemd/network"

enum nd_kind {
	ND_NAME, /* the value's name, where networkd knows it */
	ND_NUM,
	ND_BOOL,
	ND_MSEC,
	ND_SEC,
	ND_LIST, /* addresses separated by blanks */
	ND_TEXT,
};

struct nd_key {
	int id;
	const char *key;
	enum nd_kind kind;
	const char *const *names; /* values networkd takes, NULL: any */
};

static const char *const nd_xmit[] = { "layer2",   "layer3+4", "layer2+3",
				       "encap2+3", "encap3+4", NULL };
static const char *const nd_ad_select[] = { "stable", "bandwidth", "count",
					    NULL };
static const char *const nd_arp_validate[] = { "none", "active", "backup",
					       "all", NULL };

/* systemd.netdev(5), [Bond] */
static const struct nd_key nd_keys[] = {
	{ BONDOPT_MODE, "Mode", ND_NAME, NULL },
	{ BONDOPT_XMIT_HASH_POLICY, "TransmitHashPolicy", ND_NAME, nd_xmit },
	{ BONDOPT_AD_LACP_RATE, "LACPTransmitRate", ND_NAME, NULL },
	{ BONDOPT_MIIMON, "MIIMonitorSec", ND_MSEC, NULL },
	{ BONDOPT_UPDELAY, "UpDelaySec", ND_MSEC, NULL },
	{ BONDOPT_DOWNDELAY, "DownDelaySec", ND_MSEC, NULL },
	{ BONDOPT_LP_INTERVAL, "LearnPacketIntervalSec", ND_SEC, NULL },
	{ BONDOPT_AD_SELECT, "AdSelect", ND_NAME, nd_ad_select },
	{ BONDOPT_AD_ACTOR_SYS_PRIO, "AdActorSystemPriority", ND_NUM, NULL },
	{ BONDOPT_AD_USER_PORT_KEY, "AdUserPortKey", ND_NUM, NULL },
	{ BONDOPT_AD_ACTOR_SYSTEM, "AdActorSystem", ND_TEXT, NULL },
	{ BONDOPT_FAIL_OVER_MAC, "FailOverMACPolicy", ND_NAME, NULL },
	{ BONDOPT_ARP_VALIDATE, "ARPValidate", ND_NAME, nd_arp_validate },
	{ BONDOPT_ARP_INTERVAL, "ARPIntervalSec", ND_MSEC, NULL },
	{ BONDOPT_ARP_IP_TARGET, "ARPIPTargets", ND_LIST, NULL },
	{ BONDOPT_ARP_ALL_TARGETS, "ARPAllTargets", ND_NAME, NULL },
	{ BONDOPT_PRIMARY_RESELECT, "PrimaryReselectPolicy", ND_NAME, NULL },
	{ BONDOPT_RESEND_IGMP, "ResendIGMP", ND_NUM, NULL },
	{ BONDOPT_PACKETS_PER_SLAVE, "PacketsPerSlave", ND_NUM, NULL },
	{ BONDOPT_NUM_PEER_NOTIF, "GratuitousARP", ND_NUM, NULL },
	{ BONDOPT_ALL_SLAVES_ACTIVE, "AllSlavesActive", ND_BOOL, NULL },
	{ BONDOPT_TLB_DYNAMIC_LB, "DynamicTransmitLoadBalancing", ND_BOOL,
	  NULL },
	{ BONDOPT_MIN_LINKS, "MinLinks", ND_NUM, NULL },
	{ BONDOPT_PEER_NOTIF_DELAY, "PeerNotifyDelaySec", ND_MSEC, NULL },
	{ BONDOPT_MISSED_MAX, "ARPMissedMax", ND_NUM, NULL },
};

static const struct nd_key *nd_key(int id)
{
	size_t i;

	for (i = 0; i < sizeof(nd_keys) / sizeof(nd_keys[0]); i++)
		if (nd_keys[i].id == id)
			return &nd_keys[i];
	return NULL;
}

static bool nd_value_known(const struct nd_key *k, const char *value)
{
	const char *const *n;

	if (!k->names)
		return true;
	for (n = k->names; *n; n++)
		if (!strcmp(*n, value))
			return true;
	return false;
}

static void write_netdev(struct conv *cv, const struct host_bond *b)
{
	const struct bond_conf *c = &b->conf;
	char value[VALUE_MAX], *p;
	FILE *out;
	int id;

	out = file_open(cv, xasprintf(NETWORKD_DIR "/30-%s.netdev", c->name));
	fprintf(out, "[NetDev]\nName=%s\nKind=bond\n\n[Bond]\n", c->name);
	for (id = 0; id < BONDOPT_COUNT; id++) {
		const struct nd_key *k = nd_key(id);
		const char *name = bondopt_get(id)->name;

		if (!bond_option(c, id))
			continue;
		bond_conf_format_value(c, id, value, sizeof(value));
		if (bondopt_get(id)->kind == BONDOPT_IFNAME) {
			/* PrimarySlave=, ActiveSlave= in the slave's .network */
			if (*value && !bond_conf_find_slave(c, value))
				lost(cv, out, "networkd",
				     "%s: %s=%s, which is not one of its slaves",
				     c->name, name, value);
			continue;
		}
		if (!k) {
			lost(cv, out, "networkd", "%s: %s=%s", c->name, name,
			     value);
			continue;
		}
		if (!nd_value_known(k, value)) {
			lost(cv, out, "networkd", "%s: %s=%s (the value)",
			     c->name, name, value);
			continue;
		}
		fprintf(out, "%s=", k->key);
		switch (k->kind) {
		case ND_BOOL:
			fputs(c->num[id] ? "yes" : "no", out);
			break;
		case ND_MSEC:
			fprintf(out, "%lldms", (long long)c->num[id]);
			break;
		case ND_SEC:
			fprintf(out, "%llds", (long long)c->num[id]);
			break;
		case ND_LIST:
			for (p = value; *p; p++)
				if (*p == ',')
					*p = ' ';
			/* fall through */
		case ND_NAME:
		case ND_NUM:
		case ND_TEXT:
			fputs(value, out);
			break;
		}
		fputc('\n', out);
	}
	file_close(cv);
}

static void write_networkd(struct conv *cv, const struct host_bond *b)
{
	const struct bond_conf *c = &b->conf;
	FILE *out;
	size_t i;
	int id;

	write_netdev(cv, b);
	out = file_open(cv, xasprintf(NETWORKD_DIR "/30-%s.network", c->name));
	fprintf(out, "[Match]\nName=%s\n", c->name);
	if (b->has_mtu || b->hwaddr || !b->onboot) {
		fputs("\n[Link]\n", out);
		if (b->has_mtu)
			fprintf(out, "MTUBytes=%u\n", b->mtu);
		if (b->hwaddr)
			fprintf(out, "MACAddress=%s\n", b->hwaddr);
		if (!b->onboot)
			fputs("ActivationPolicy=manual\n", out);
	}
	fputs("\n[Network]\n", out);
	for (i = 0; i < b->n_addresses; i++)
		fprintf(out, "Address=%s\n", b->addresses[i]);
	file_close(cv);

	for (i = 0; i < c->n_slaves; i++) {
		const struct bond_slave_conf *s = &c->slaves[i];

		if (!s->member) {
			for (id = 0; id < BONDOPT_COUNT; id++)
				if (s->present & BONDOPT_BIT(id))
					lost(cv, NULL, "networkd",
					     "%s: %s=%s:%lld, not a slave",
					     c->name, bondopt_get(id)->name,
					     s->name, (long long)s->num[id]);
			continue;
		}
		out = file_open(cv, xasprintf(NETWORKD_DIR "/30-%s.network",
					      s->name));
		fprintf(out, "[Match]\nName=%s\n\n[Network]\nBond=%s\n",
			s->name, c->name);
		if (bond_conf_has(c, BONDOPT_PRIMARY) &&
		    !strcmp(c->primary, s->name))
			fputs("PrimarySlave=yes\n", out);
		if (bond_conf_has(c, BONDOPT_ACTIVE_SLAVE) &&
		    !strcmp(c->active_slave, s->name))
			fputs("ActiveSlave=yes\n", out);
		for (id = 0; id < BONDOPT_COUNT; id++)
			if (s->present & BONDOPT_BIT(id))
				lost(cv, out, "networkd", "%s: %s=%s:%lld",
				     c->name, bondopt_get(id)->name, s->name,
				     (long long)s->num[id]);
		file_close(cv);
	}
}

/* --- nmcli -------------------------------------------------------------- */

/* bond.options: name=value,...; a comma inside a value escaped for nmcli. */
static char *nmcli_bond_options(const struct bond_conf *c)
{
	struct strbuf b = { 0 };
	char value[VALUE_MAX], *p;
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		if (!bond_option(c, id))
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
		if (is_ipv6(b->addresses[i]) != v6)
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

static void write_nmcli(struct conv *cv, FILE *out, const struct host_bond *b)
{
	const struct bond_conf *c = &b->conf;
	char *opts, num[24], *con;
	size_t i;
	int id;

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
			for (id = 0; id < BONDOPT_COUNT; id++)
				if (s->present & BONDOPT_BIT(id))
					lost(cv, out, "nmcli",
					     "%s: %s=%s:%lld, not a slave",
					     c->name, bondopt_get(id)->name,
					     s->name, (long long)s->num[id]);
			continue;
		}
		for (id = 0; id < BONDOPT_COUNT; id++)
			if ((s->present & BONDOPT_BIT(id)) &&
			    id == BONDOPT_SLAVE_ACTOR_PORT_PRIO)
				lost(cv, out, "nmcli", "%s: %s=%s:%lld",
				     c->name, bondopt_get(id)->name, s->name,
				     (long long)s->num[id]);
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
			if (id == BONDOPT_SLAVE_QUEUE_ID)
				nmcli_arg(out, "bond-port.queue-id", num);
			else if (id == BONDOPT_SLAVE_PRIO)
				nmcli_arg(out, "bond-port.prio", num);
		}
		if (!b->onboot)
			nmcli_arg(out, "connection.autoconnect", "no");
		fputc('\n', out);
	}
}

/* --- all of them -------------------------------------------------------- */

void conv_write(struct conv *cv, enum conv_format f, const struct host_conf *h,
		const bool *wanted)
{
	FILE *out = NULL;
	size_t i, n = 0;

	if (f == CONV_INTERFACES)
		out = file_open(cv, xstrdup("/etc/network/interfaces"));
	else if (f == CONV_CONFD)
		out = file_open(cv, xstrdup("/etc/conf.d/net"));
	else if (f == CONV_NMCLI)
		out = file_open(cv, xstrdup("-"));
	for (i = 0; i < h->n_bonds; i++) {
		const struct host_bond *b = h->bonds[i];

		if (wanted && !wanted[i])
			continue;
		if (n++ && out && f != CONV_NMCLI)
			fputc('\n', out);
		switch (f) {
		case CONV_IFCFG:
			write_ifcfg(cv, b);
			break;
		case CONV_INTERFACES:
			write_interfaces_bond(out, b);
			break;
		case CONV_CONFD:
			write_confd_bond(cv, out, b);
			break;
		case CONV_NETWORKD:
			write_networkd(cv, b);
			break;
		case CONV_NMCLI:
			write_nmcli(cv, out, b);
			break;
		case CONV_IP:
		case CONV_N_FORMATS:
			break;
		}
	}
	if (out) {
		fclose(out);
		cv->files[0]->out = NULL;
	}
	if (f == CONV_CONFD)
		for (i = 0; i < h->n_bonds; i++)
			if (!wanted || wanted[i])
				confd_links(cv, h->bonds[i]);
}
