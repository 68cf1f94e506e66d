// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The option table and the option-string parser against expectations
 * written down independently of the table (from the kernel's uapi headers
 * and bond_options.c): every named value, every numeric value, both range
 * bounds and one past each, every alias.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bondconf.h"
#include "model/optstr.h"
#include "tap.h"
#include "model/xalloc.h"

static const struct {
	const char *option;
	const char *names[8]; /* index = value */
	const char *def; /* NULL: the kernel has no "default" */
} enums[] = {
	{ "mode",
	  { "balance-rr", "active-backup", "balance-xor", "broadcast",
	    "802.3ad", "balance-tlb", "balance-alb" },
	  "balance-rr" },
	{ "xmit_hash_policy",
	  { "layer2", "layer3+4", "layer2+3", "encap2+3", "encap3+4",
	    "vlan+srcmac" },
	  "layer2" },
	{ "arp_validate",
	  { "none", "active", "backup", "all", "filter", "filter_active",
	    "filter_backup" },
	  "none" },
	{ "arp_all_targets", { "any", "all" }, "any" },
	{ "primary_reselect", { "always", "better", "failure" }, "always" },
	{ "fail_over_mac", { "none", "active", "follow" }, "none" },
	{ "lacp_rate", { "slow", "fast" }, NULL },
	{ "ad_select",
	  { "stable", "bandwidth", "count", "actor_port_prio" },
	  "stable" },
	{ "lacp_active", { "off", "on" }, "on" },
	{ "coupled_control", { "off", "on" }, "on" },
	{ "broadcast_neighbor", { "off", "on" }, "off" },
	{ "lacp_strict", { "off", "on" }, "off" },
};

enum where { BOND, SLAVE, MODULE };

static const struct {
	const char *option;
	long long min, max, def;
	enum where where;
	bool no_default;
} ranges[] = {
	{ "miimon", 0, INT_MAX, 0, BOND, false },
	{ "updelay", 0, INT_MAX, 0, BOND, false },
	{ "downdelay", 0, INT_MAX, 0, BOND, false },
	{ "arp_interval", 0, INT_MAX, 0, BOND, false },
	{ "resend_igmp", 0, 255, 1, BOND, false },
	{ "num_grat_arp", 0, 255, 1, BOND, false },
	{ "min_links", 0, INT_MAX, 0, BOND, false },
	{ "lp_interval", 1, INT_MAX, 1, BOND, false },
	{ "packets_per_slave", 0, 65535, 1, BOND, false },
	{ "ad_actor_sys_prio", 1, 65535, 65535, BOND, false },
	{ "ad_user_port_key", 0, 1023, 0, BOND, false },
	{ "peer_notif_delay", 0, 300000, 0, BOND, true },
	{ "arp_missed_max", 1, 255, 2, BOND, false },
	{ "queue_id", 0, 255, 0, SLAVE, false },
	{ "prio", INT32_MIN, INT32_MAX, 0, SLAVE, false },
	{ "actor_port_prio", 0, 65535, 255, SLAVE, false },
	{ "max_bonds", 0, INT_MAX, 1, MODULE, false },
	{ "tx_queues", 1, 255, 16, MODULE, false },
};

static const struct {
	const char *option;
	int def;
} bools[] = {
	{ "use_carrier", 1 },
	{ "all_slaves_active", 0 },
	{ "tlb_dynamic_lb", 1 },
};

static const struct {
	const char *alias, *option;
} aliases[] = {
	{ "num_unsol_na", "num_grat_arp" },
	{ "peer_notify_delay", "peer_notif_delay" },
	{ "missed_max", "arp_missed_max" },
};

/* IFLA_BOND_* and IFLA_BOND_SLAVE_* numbers of include/uapi/linux/if_link.h */
static const struct {
	const char *option;
	int attr;
} attrs[] = {
	{ "mode", 1 },
	{ "active_slave", 2 },
	{ "miimon", 3 },
	{ "updelay", 4 },
	{ "downdelay", 5 },
	{ "use_carrier", 6 },
	{ "arp_interval", 7 },
	{ "arp_ip_target", 8 },
	{ "arp_validate", 9 },
	{ "arp_all_targets", 10 },
	{ "primary", 11 },
	{ "primary_reselect", 12 },
	{ "fail_over_mac", 13 },
	{ "xmit_hash_policy", 14 },
	{ "resend_igmp", 15 },
	{ "num_grat_arp", 16 },
	{ "all_slaves_active", 17 },
	{ "min_links", 18 },
	{ "lp_interval", 19 },
	{ "packets_per_slave", 20 },
	{ "lacp_rate", 21 },
	{ "ad_select", 22 },
	{ "ad_info", 23 },
	{ "ad_actor_sys_prio", 24 },
	{ "ad_user_port_key", 25 },
	{ "ad_actor_system", 26 },
	{ "tlb_dynamic_lb", 27 },
	{ "peer_notif_delay", 28 },
	{ "lacp_active", 29 },
	{ "arp_missed_max", 30 },
	{ "ns_ip6_target", 31 },
	{ "coupled_control", 32 },
	{ "broadcast_neighbor", 33 },
	{ "lacp_strict", 34 },
	{ "queue_id", 5 },
	{ "prio", 9 },
	{ "actor_port_prio", 10 },
};

#define AB "active-backup balance-tlb balance-alb"
#define ARP "balance-rr active-backup balance-xor broadcast"
static const struct {
	const char *option;
	const char *modes;
	const char *flags; /* d: down, s: no slaves, n: netlink only */
} rules[] = {
	{ "mode", NULL, "ds" },
	{ "active_slave", AB, "" },
	{ "arp_interval", ARP, "" },
	{ "arp_validate", ARP, "" },
	{ "arp_missed_max", ARP, "" },
	{ "primary", AB, "" },
	{ "fail_over_mac", "active-backup", "s" },
	{ "packets_per_slave", "balance-rr", "" },
	{ "lacp_rate", "802.3ad", "d" },
	{ "ad_select", "802.3ad", "d" },
	{ "ad_actor_sys_prio", "802.3ad", "" },
	{ "ad_user_port_key", "802.3ad", "d" },
	{ "ad_actor_system", "802.3ad", "" },
	{ "tlb_dynamic_lb", "balance-tlb balance-alb", "d" },
	{ "lacp_active", "802.3ad", "d" },
	{ "ns_ip6_target", NULL, "n" },
	{ "coupled_control", "802.3ad", "dn" },
	{ "broadcast_neighbor", "802.3ad", "n" },
	{ "prio", AB, "n" },
	{ "actor_port_prio", "802.3ad", "n" },
};

static const struct bondopt *find(const char *name)
{
	return bondopt_find(name, strlen(name));
}

/* Parses one string into a fresh state; returns the number of errors. */
static unsigned int parse(const char *str, enum optstr_context ctx,
			  struct bond_conf *c, struct diags *d)
{
	static const struct diag_loc loc = { "test", 1 };

	bond_conf_init(c, "bond0");
	diags_init(d);
	optstr_parse(c, str, ctx, &loc, d);
	return d->errors;
}

/* Parses "OPTION=VALUE" and returns the stored number through @out. */
static bool parse_value(const char *option, const char *value, enum where where,
			long long *out)
{
	const struct bondopt *opt = find(option);
	struct bond_conf c;
	struct diags d;
	char *str;
	bool ok;

	if (where == SLAVE)
		str = xasprintf("%s=eth1:%s", option, value);
	else
		str = xasprintf("%s=%s", option, value);
	ok = parse(str, where == MODULE ? OPTSTR_MODULE : OPTSTR_BONDING_OPTS,
		   &c, &d) == 0;
	if (ok && where == SLAVE)
		*out = c.n_slaves ? c.slaves[0].num[bondopt_id(opt)] : -999;
	else if (ok)
		*out = bond_conf_has(&c, bondopt_id(opt)) ?
			       c.num[bondopt_id(opt)] :
			       -999;
	free(str);
	diags_free(&d);
	bond_conf_free(&c);
	return ok;
}

static void test_enums(void)
{
	size_t i, v;

	for (i = 0; i < sizeof(enums) / sizeof(enums[0]); i++) {
		const char *name = enums[i].option;
		const struct bondopt *opt = find(name);
		size_t n = 0;
		long long got;
		char num[24];

		tap_ok(opt && opt->kind == BONDOPT_ENUM,
		       "%s is a named-value option", name);
		if (!opt)
			continue;
		while (n < 8 && enums[i].names[n])
			n++;
		tap_is_int(opt->nvalues, n, "%s has %zu values", name, n);
		for (v = 0; v < n; v++) {
			const char *vname = enums[i].names[v];

			tap_ok(opt->nvalues > v &&
				       !strcmp(opt->values[v].name, vname) &&
				       opt->values[v].value == v,
			       "%s: value %zu is %s, in kernel order", name, v,
			       vname);
			got = -1;
			tap_ok(parse_value(name, vname, BOND, &got) &&
				       got == (long long)v,
			       "%s=%s parses to %zu", name, vname, v);
			snprintf(num, sizeof(num), "%zu", v);
			got = -1;
			tap_ok(parse_value(name, num, BOND, &got) &&
				       got == (long long)v,
			       "%s=%zu parses to %zu", name, v, v);
		}
		snprintf(num, sizeof(num), "%zu", n);
		tap_ok(!parse_value(name, num, BOND, &got),
		       "%s=%zu (one past the last) is refused", name, n);
		tap_ok(!parse_value(name, "nonsense", BOND, &got),
		       "%s=nonsense is refused", name);
		if (enums[i].def) {
			tap_ok(parse_value(name, "default", BOND, &got) &&
				       !strcmp(enums[i].names[got],
					       enums[i].def),
			       "%s=default is %s", name, enums[i].def);
		} else {
			tap_ok(!parse_value(name, "default", BOND, &got),
			       "%s=default is refused, as by the kernel", name);
		}
	}
}

static void test_ranges(void)
{
	char text[32];
	long long got;
	size_t i;

	for (i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++) {
		const char *name = ranges[i].option;
		const struct bondopt *opt = find(name);
		long long min = ranges[i].min, max = ranges[i].max;
		enum where w = ranges[i].where;

		tap_ok(opt && opt->min == min && opt->max == max &&
			       opt->def == ranges[i].def,
		       "%s: range %lld..%lld, default %lld in the table", name,
		       min, max, ranges[i].def);
		snprintf(text, sizeof(text), "%lld", min);
		tap_ok(parse_value(name, text, w, &got) && got == min,
		       "%s=%lld (minimum) is accepted", name, min);
		snprintf(text, sizeof(text), "%lld", max);
		tap_ok(parse_value(name, text, w, &got) && got == max,
		       "%s=%lld (maximum) is accepted", name, max);
		snprintf(text, sizeof(text), "%lld", min - 1);
		tap_ok(!parse_value(name, text, w, &got),
		       "%s=%lld (below the minimum) is refused", name, min - 1);
		snprintf(text, sizeof(text), "%lld", max + 1);
		tap_ok(!parse_value(name, text, w, &got),
		       "%s=%lld (above the maximum) is refused", name, max + 1);
		tap_ok(!parse_value(name, "12abc", w, &got),
		       "%s=12abc is refused", name);
		if (ranges[i].no_default || w == MODULE)
			tap_ok(!parse_value(name, "default", w, &got),
			       "%s=default is refused, as by the kernel", name);
		else
			tap_ok(parse_value(name, "default", w, &got) &&
				       got == ranges[i].def,
			       "%s=default is %lld", name, ranges[i].def);
	}
}

static void test_bools(void)
{
	static const struct {
		const char *text;
		int value;
	} ok[] = { { "0", 0 }, { "1", 1 }, { "off", 0 }, { "on", 1 } };
	long long got;
	size_t i, v;

	for (i = 0; i < sizeof(bools) / sizeof(bools[0]); i++) {
		const char *name = bools[i].option;

		for (v = 0; v < sizeof(ok) / sizeof(ok[0]); v++)
			tap_ok(parse_value(name, ok[v].text, BOND, &got) &&
				       got == ok[v].value,
			       "%s=%s is %d", name, ok[v].text, ok[v].value);
		tap_ok(!parse_value(name, "2", BOND, &got), "%s=2 is refused",
		       name);
		tap_ok(parse_value(name, "default", BOND, &got) &&
			       got == bools[i].def,
		       "%s=default is %d", name, bools[i].def);
	}
}

static void test_table(void)
{
	size_t i;
	int id, other;

	tap_is_int(BONDOPT_COUNT, 39,
		   "34 bond attributes, 3 slave options, 2 module parameters");
	for (i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		tap_ok(find(aliases[i].alias) &&
			       find(aliases[i].alias) ==
				       find(aliases[i].option),
		       "%s is an alias of %s", aliases[i].alias,
		       aliases[i].option);
	for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
		tap_ok(find(attrs[i].option) &&
			       find(attrs[i].option)->nla == attrs[i].attr,
		       "%s is attribute %d", attrs[i].option, attrs[i].attr);
	for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++) {
		const struct bondopt *opt = find(attrs[i].option);
		bool slave = opt && (opt->flags & BONDOPT_F_SLAVE);

		tap_ok(opt && bondopt_by_nla((uint16_t)attrs[i].attr, slave) ==
				       (opt->nla_type != BONDOPT_NLA_NONE ?
						opt :
						NULL),
		       "attribute %d of a %s is %s", attrs[i].attr,
		       slave ? "slave" : "bond", attrs[i].option);
	}
	tap_ok(!bondopt_by_nla(0, false) && !bondopt_by_nla(0, true) &&
		       !bondopt_by_nla(200, false) &&
		       !bondopt_by_nla(UINT16_MAX, true),
	       "attributes 0, 200 and 65535 are no option");
	for (id = 0; id < BONDOPT_COUNT; id++) {
		const char *name = bondopt_get(id)->name;
		char longer[64];

		snprintf(longer, sizeof(longer), "%sx", name);
		tap_ok(bondopt_find(longer, strlen(name)) == bondopt_get(id) &&
			       !bondopt_find(longer, strlen(longer)) &&
			       !bondopt_find(name, strlen(name) - 1),
		       "%s is found by its length, not a longer or shorter name",
		       name);
	}
	for (id = 1; id < BONDOPT_SLAVE_QUEUE_ID; id++)
		tap_ok(bondopt_get(id)->nla > bondopt_get(id - 1)->nla,
		       "%s follows %s in kernel attribute order",
		       bondopt_get(id)->name, bondopt_get(id - 1)->name);
	for (id = 0; id < BONDOPT_COUNT; id++) {
		const struct bondopt *opt = bondopt_get(id);

		tap_ok(opt->name && opt->summary && opt->modes,
		       "%s has a name, a summary and modes", opt->name);
		for (other = 0; other < id; other++)
			if (!strcmp(bondopt_get(other)->name, opt->name))
				break;
		tap_ok(other == id, "%s is named once", opt->name);
	}
	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		const struct bondopt *opt = find(rules[i].option);
		const char *f = rules[i].flags;
		unsigned int modes = 0, m;

		for (m = 0; m < BOND_MODE_COUNT && rules[i].modes; m++) {
			const char *name = bondopt_mode_name(m);
			const char *hit = strstr(rules[i].modes, name);
			size_t len = strlen(name);

			if (hit && (hit[len] == ' ' || hit[len] == '\0'))
				modes |= BOND_MODE_BIT(m);
		}
		if (!rules[i].modes)
			modes = BOND_MODES_ALL;
		tap_ok(opt && opt->modes == modes, "%s is valid in: %s",
		       rules[i].option,
		       rules[i].modes ? rules[i].modes : "all modes");
		tap_ok(opt &&
			       !!(opt->flags & BONDOPT_F_DOWN) ==
				       !!strchr(f, 'd') &&
			       !!(opt->flags & BONDOPT_F_NOSLAVES) ==
				       !!strchr(f, 's') &&
			       !!(opt->flags & BONDOPT_F_NLONLY) ==
				       !!strchr(f, 'n'),
		       "%s: needs down %d, needs no slaves %d, netlink only %d",
		       rules[i].option, !!strchr(f, 'd'), !!strchr(f, 's'),
		       !!strchr(f, 'n'));
	}
}

/* Integer module parameters are read as the kernel's kstrtoint(s, 0). */
static void test_module_numbers(void)
{
	static const struct {
		const char *text;
		long long value;
	} ok[] = { { "100", 100 },
		   { "0144", 100 },
		   { "0x64", 100 },
		   { "+100", 100 },
		   { "0", 0 } };
	static const char *const bad[] = { "default", "on", "1e2", "0x", "08" };
	long long got;
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		tap_ok(parse_value("miimon", ok[i].text, MODULE, &got) &&
			       got == ok[i].value,
		       "module parameter miimon=%s is %lld", ok[i].text,
		       ok[i].value);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		tap_ok(!parse_value("miimon", bad[i], MODULE, &got),
		       "module parameter miimon=%s is refused", bad[i]);
	tap_ok(!parse_value("use_carrier", "on", MODULE, &got),
	       "module parameter use_carrier=on is refused");
	tap_ok(parse_value("mode", "802.3ad", MODULE, &got) && got == 4,
	       "module parameter mode=802.3ad is 4");
}

/* The sysfs spelling knows the value tables' off, minval and maxval. */
static void test_keywords(void)
{
	long long got;

	tap_ok(parse_value("miimon", "off", BOND, &got) && got == 0,
	       "miimon=off is 0");
	tap_ok(parse_value("num_grat_arp", "maxval", BOND, &got) && got == 255,
	       "num_grat_arp=maxval is 255");
	tap_ok(parse_value("lp_interval", "minval", BOND, &got) && got == 1,
	       "lp_interval=minval is 1");
	tap_ok(!parse_value("lp_interval", "off", BOND, &got),
	       "lp_interval=off is refused (its minimum is 1)");
}

static void test_suggest(void)
{
	const char *s = bondopt_suggest("miimmon");

	tap_ok(s && !strcmp(s, "miimon"), "miimmon suggests miimon");
	s = bondopt_suggest("lacp-rate");
	tap_ok(s && !strcmp(s, "lacp_rate"), "lacp-rate suggests lacp_rate");
	s = bondopt_suggest("xmit_hash_polcy");
	tap_ok(s && !strcmp(s, "xmit_hash_policy"),
	       "xmit_hash_polcy suggests xmit_hash_policy");
	tap_ok(!bondopt_suggest("hostname"), "hostname suggests nothing");
	s = bondopt_value_suggest(find("mode"), "active_backup");
	tap_ok(s && !strcmp(s, "active-backup"),
	       "active_backup suggests active-backup");
	tap_is_int(bondopt_distance("ab", "ba"), 1, "a transposition costs 1");
}

static void test_kernel_versions(void)
{
	static const struct {
		const char *release, *version;
		unsigned short major, minor, sub;
	} rel[] = {
		{ "6.1.0-50-amd64",
		  "#1 SMP PREEMPT_DYNAMIC Debian 6.1.176-1 (2026-07-02)", 6, 1,
		  176 },
		{ "5.10.0-32-amd64", "#1 SMP Debian 5.10.223-1 (2024-08-10)", 5,
		  10, 223 },
		{ "6.12.117+deb13-amd64",
		  "#1 SMP PREEMPT_DYNAMIC Debian 6.12.117-1 (2026-11-12)", 6,
		  12, 117 },
		{ "6.18.44-fc-v1272", "#1 SMP", 6, 18, 44 },
		{ "7.3", NULL, 7, 3, 0 },
		/* other distributions' ABI names: unknown, they backport */
		{ "6.1.0-50-amd64", "#1 SMP Debian 6.12.117-1", 0, 0, 0 },
		{ "5.14.0-427.el9.x86_64", "#1 SMP PREEMPT_DYNAMIC", 0, 0, 0 },
		{ "6.8.0-45-generic", "#45-Ubuntu SMP PREEMPT_DYNAMIC", 0, 0,
		  0 },
		{ "6.6.0", NULL, 6, 6, 0 },
	};
	/* option, running kernel, the release it needs or NULL */
	static const struct {
		const char *option, *value;
		struct bondopt_kver k;
		const char *needs;
	} lack[] = {
		{ "lacp_active", NULL, { 5, 10, 223 }, "5.15" },
		{ "lacp_active", NULL, { 5, 15, 0 }, NULL },
		{ "arp_missed_max", NULL, { 5, 15, 114 }, "5.17" },
		{ "arp_missed_max", NULL, { 5, 15, 115 }, NULL },
		{ "coupled_control", NULL, { 6, 1, 148 }, "6.9" },
		{ "coupled_control", NULL, { 6, 1, 176 }, NULL },
		{ "coupled_control", NULL, { 6, 6, 103 }, NULL },
		{ "coupled_control", NULL, { 6, 8, 200 }, "6.9" },
		{ "actor_port_prio", NULL, { 6, 12, 94 }, "6.18" },
		{ "actor_port_prio", NULL, { 6, 12, 95 }, NULL },
		{ "broadcast_neighbor", NULL, { 6, 12, 117 }, "6.17" },
		{ "lacp_strict", NULL, { 7, 1, 9 }, "7.2" },
		{ "lacp_strict", NULL, { 7, 3, 4 }, NULL },
		{ "xmit_hash_policy", "vlan+srcmac", { 5, 10, 223 }, "5.12" },
		{ "xmit_hash_policy", "layer3+4", { 5, 10, 223 }, NULL },
		{ "ad_select", "actor_port_prio", { 6, 12, 117 }, "6.18" },
		{ "ad_select", "count", { 6, 12, 117 }, NULL },
		{ "miimon", NULL, { 3, 10, 0 }, NULL },
		/* an unknown kernel lacks nothing: the read-back decides */
		{ "lacp_strict", NULL, { 0, 0, 0 }, NULL },
	};
	struct bondopt_kver k;
	char buf[80];
	size_t i;

	for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
		tap_is_int(bondopt_kver_parse(rel[i].release, rel[i].version,
					      &k),
			   0, "%s parses", rel[i].release);
		tap_ok(k.major == rel[i].major && k.minor == rel[i].minor &&
			       k.sub == rel[i].sub,
		       "%s + '%s' is %u.%u.%u (got %u.%u.%u)", rel[i].release,
		       rel[i].version ? rel[i].version : "", rel[i].major,
		       rel[i].minor, rel[i].sub, k.major, k.minor, k.sub);
	}
	tap_ok(bondopt_kver_parse("unknown", NULL, &k) == -EINVAL && !k.major,
	       "a release without a number is unknown");
	for (i = 0; i < sizeof(lack) / sizeof(lack[0]); i++) {
		const struct bondopt *opt = find(lack[i].option);
		const struct bondopt_value *v =
			lack[i].value ? bondopt_value_find(opt, lack[i].value) :
					NULL;
		const struct bondopt_kver *need = bondopt_kernel_lacks(
			opt, v ? (int64_t)v->value : -1, &lack[i].k);

		if (need)
			snprintf(buf, sizeof(buf), "%u.%u", need->major,
				 need->minor);
		tap_ok(lack[i].needs ? need && !strcmp(buf, lack[i].needs) :
				       !need,
		       "%s%s%s on %u.%u.%u needs %s", lack[i].option,
		       lack[i].value ? "=" : "",
		       lack[i].value ? lack[i].value : "", lack[i].k.major,
		       lack[i].k.minor, lack[i].k.sub,
		       lack[i].needs ? lack[i].needs : "nothing");
	}
	bondopt_kver_format(find("coupled_control"), buf, sizeof(buf));
	tap_ok(!strcmp(buf, "6.9 (6.1.149, 6.6.103 in those series)"),
	       "coupled_control's releases, backports named: %s", buf);
	bondopt_kver_format(find("lacp_strict"), buf, sizeof(buf));
	tap_ok(!strcmp(buf, "7.2"), "lacp_strict's release: %s", buf);
}

/* The options the kernel takes in a mode: valid there, or in any mode. */
static void test_in_mode(void)
{
	uint64_t ab = bondopt_in_mode(BOND_MODE_ACTIVEBACKUP);
	uint64_t ad = bondopt_in_mode(BOND_MODE_8023AD);

	tap_ok(!(ab & BONDOPT_BIT(BONDOPT_AD_LACP_RATE)) &&
		       ad & BONDOPT_BIT(BONDOPT_AD_LACP_RATE),
	       "lacp_rate: taken in 802.3ad, not in active-backup");
	tap_ok(ab & BONDOPT_BIT(BONDOPT_PRIMARY) &&
		       !(ad & BONDOPT_BIT(BONDOPT_PRIMARY)),
	       "primary: taken in active-backup, not in 802.3ad");
	tap_ok(ab & BONDOPT_BIT(BONDOPT_XMIT_HASH_POLICY),
	       "xmit_hash_policy, accepted in any mode: taken in active-backup");
	tap_ok(ab & ad & BONDOPT_BIT(BONDOPT_MODE) &&
		       ab & ad & BONDOPT_BIT(BONDOPT_MIIMON),
	       "mode and miimon: taken in every mode");
}

int main(void)
{
	test_kernel_versions();
	test_table();
	test_enums();
	test_ranges();
	test_bools();
	test_module_numbers();
	test_keywords();
	test_suggest();
	test_in_mode();
	return tap_done();
}
