// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The option-string parser: spellings, quotes, repeated keys, address
 * lists, slave options, module parameters, and the normalized output.
 */
#include "config.h"

#include <stdlib.h>

#include "helpers.h"
#include "tap.h"

/* Parses and validates @in; checks the normalized output is @want. */
static void normalizes(const char *in, const char *want)
{
	struct bond_conf c;
	struct diags d;
	char *out;

	test_parse_validate(in, &c, &d);
	out = bond_conf_format(&c);
	tap_ok(d.errors == 0 && !strcmp(out, want), "'%s' -> '%s'", in, want);
	if (d.errors || strcmp(out, want))
		printf("#   got '%s' with %u errors\n", out, d.errors);
	free(out);
	diags_free(&d);
	bond_conf_free(&c);
}

/* Parses and validates @in; checks for an error containing @text. */
static void refuses(const char *in, const char *text)
{
	struct bond_conf c;
	struct diags d;

	test_parse_validate(in, &c, &d);
	tap_ok(test_has_diag(&d, DIAG_ERROR, text), "'%s': error '%s'", in,
	       text);
	diags_free(&d);
	bond_conf_free(&c);
}

static void warns(const char *in, const char *text)
{
	struct bond_conf c;
	struct diags d;

	test_parse_validate(in, &c, &d);
	tap_ok(d.errors == 0 && test_has_diag(&d, DIAG_WARNING, text),
	       "'%s': warning '%s' and no error", in, text);
	diags_free(&d);
	bond_conf_free(&c);
}

static void test_spellings(void)
{
	normalizes("mode=802.3ad lacp_rate=1 xmit_hash_policy=1",
		   "mode=802.3ad xmit_hash_policy=layer3+4 lacp_rate=fast");
	normalizes("mode=1 miimon=100", "mode=active-backup miimon=100");
	normalizes("\"mode=active-backup miimon=100 primary=ens160\"",
		   "mode=active-backup miimon=100 primary=ens160");
	normalizes("  'mode=4'  ", "mode=802.3ad");
	normalizes("mode=\"balance-alb\" miimon='100'",
		   "mode=balance-alb miimon=100");
	normalizes("miimon=100\tmode=6\r\n", "mode=balance-alb miimon=100");
	normalizes("mode=default", "mode=balance-rr");
	normalizes(
		"num_unsol_na=2 miimon=100 peer_notify_delay=200 missed_max=5",
		"miimon=100 num_grat_arp=2 peer_notif_delay=200 arp_missed_max=5");
	normalizes("", "");
}

static void test_errors(void)
{
	refuses("mode=1 miimmon=100",
		"miimmon: unknown option; did you mean miimon?");
	refuses("frobnicate=1", "frobnicate: unknown option");
	refuses("mode", "mode: no value; write mode=VALUE");
	refuses("=1", "missing option name");
	refuses("mode='1", "unterminated quote");
	refuses("mode=active_backup", "did you mean active-backup?");
	refuses("mode=foo", "accepted: balance-rr (0), active-backup (1)");
	refuses("miimon=fast", "expected a number from 0 to 2147483647 (ms)");
	refuses("miimon=2147483648",
		"out of range; accepted: 0 to 2147483647 (ms)");
	refuses("ad_info=1", "read-only");
	refuses("lacp-rate=fast", "did you mean lacp_rate?");
}

static void test_repeated(void)
{
	struct bond_conf c;
	struct diags d;
	static const struct diag_loc first = { "modprobe.d/bond.conf", 3 };

	bond_conf_init(&c, "bond0");
	diags_init(&d);
	optstr_parse(&c, "miimon=100", OPTSTR_BONDING_OPTS, &first, &d);
	optstr_parse(&c, "miimon=200", OPTSTR_BONDING_OPTS, &test_loc, &d);
	tap_is_int(c.num[BONDOPT_MIIMON], 200, "the later miimon wins");
	tap_ok(test_has_diag(
		       &d, DIAG_WARNING,
		       "miimon given twice: 200 here replaces 100 from modprobe.d/bond.conf:3"),
	       "the warning names both places");
	tap_ok(d.n == 1 && d.v[0].loc.line == 7 &&
		       !strcmp(d.v[0].loc.source, "ifcfg-bond0"),
	       "the warning stands at the later place");
	diags_free(&d);
	bond_conf_free(&c);
}

static void test_targets(void)
{
	normalizes(
		"mode=1 arp_interval=500 arp_ip_target=192.0.2.1,192.0.2.2",
		"mode=active-backup arp_interval=500 arp_ip_target=192.0.2.1,192.0.2.2");
	normalizes(
		"arp_interval=500 arp_ip_target=192.0.2.1 arp_ip_target=+192.0.2.2",
		"arp_interval=500 arp_ip_target=192.0.2.1,192.0.2.2");
	normalizes(
		"arp_interval=500 arp_ip_target=192.0.2.1,192.0.2.2 arp_ip_target=-192.0.2.1",
		"arp_interval=500 arp_ip_target=192.0.2.2");
	refuses("arp_ip_target=192.0.2.1,192.0.2.1",
		"duplicate address 192.0.2.1");
	refuses("arp_ip_target=192.0.2.300",
		"'192.0.2.300' is not an IPv4 address");
	refuses("arp_ip_target=0.1.2.3", "refuses 0.1.2.3");
	refuses("arp_ip_target=255.255.255.255", "refuses 255.255.255.255");
	refuses("arp_ip_target=2001:db8::1", "not an IPv4 address");
	refuses("ns_ip6_target=192.0.2.1", "not an IPv6 address");
	refuses("ns_ip6_target=::1", "refuses ::1");
	refuses("ns_ip6_target=::", "refuses ::");
	refuses("ns_ip6_target=ff02::2", "refuses ff02::2");
	normalizes("arp_interval=100 ns_ip6_target=2001:db8::1,2001:DB8::2",
		   "arp_interval=100 ns_ip6_target=2001:db8::1,2001:db8::2");
	refuses("ns_ip6_target=2001:db8::1,2001:db8::0:1", "duplicate address");

	char many[16 * 16 + 64] = "arp_interval=100 arp_ip_target=";
	int i;

	for (i = 1; i <= 16; i++)
		sprintf(many + strlen(many), "%s192.0.2.%d", i > 1 ? "," : "",
			i);
	{
		struct bond_conf c;
		struct diags d;

		test_parse_validate(many, &c, &d);
		tap_ok(d.errors == 0 && c.n_arp_targets == 16,
		       "16 ARP targets are accepted");
		diags_free(&d);
		bond_conf_free(&c);
	}
	strcat(many, ",192.0.2.17");
	refuses(many, "more than 16 addresses");
}

static void test_other_kinds(void)
{
	normalizes("mode=4 ad_actor_system=02:00:00:00:00:01",
		   "mode=802.3ad ad_actor_system=02:00:00:00:00:01");
	normalizes("mode=4 ad_actor_system=00:00:00:00:00:00",
		   "mode=802.3ad ad_actor_system=00:00:00:00:00:00");
	refuses("mode=4 ad_actor_system=01:00:5e:00:00:01", "multicast");
	refuses("mode=4 ad_actor_system=02:00:00:00:00", "not a MAC address");
	refuses("mode=4 ad_actor_system=02:00:00:00:00:01:02",
		"not a MAC address");
	refuses("mode=1 primary=eth0/1", "not a valid interface name");
	refuses("mode=1 primary=a-very-long-interface-name", "too long");
	normalizes("mode=1 primary=", "mode=active-backup primary=");
	normalizes("mode=1 active_slave=eth1",
		   "mode=active-backup active_slave=eth1");
	normalizes(
		"mode=1 queue_id=eth1:2 prio=eth1:-5 queue_id=eth2:3",
		"mode=active-backup queue_id=eth1:2 prio=eth1:-5 queue_id=eth2:3");
	normalizes("mode=4 actor_port_prio=eth0:100",
		   "mode=802.3ad actor_port_prio=eth0:100");
	refuses("queue_id=2", "should be SLAVE:VALUE");
	refuses("queue_id=eth1:x", "invalid value 'x'");
	refuses("queue_id=eth1:65536", "out of range");
}

static void test_module_params(void)
{
	struct bond_conf c;
	struct diags d;
	char *out;

	bond_conf_init(&c, NULL);
	diags_init(&d);
	optstr_parse(&c, "max_bonds=2 mode=4 miimon=100 tx-queues=8",
		     OPTSTR_MODULE, &test_loc, &d);
	out = bond_conf_format(&c);
	tap_ok(d.n == 0 &&
		       !strcmp(out,
			       "mode=802.3ad miimon=100 max_bonds=2 tx_queues=8"),
	       "module parameters, '-' read as '_' as the kernel does");
	free(out);
	optstr_parse(&c, "ad_actor_sys_prio=10", OPTSTR_MODULE, &test_loc, &d);
	tap_ok(test_has_diag(&d, DIAG_WARNING, "not a module parameter") &&
		       !bond_conf_has(&c, BONDOPT_AD_ACTOR_SYS_PRIO),
	       "a bond option that is no module parameter is ignored with a warning");
	diags_free(&d);
	bond_conf_free(&c);

	warns("max_bonds=2", "a module parameter, ignored here");
}

int main(void)
{
	test_spellings();
	test_errors();
	test_repeated();
	test_targets();
	test_other_kinds();
	test_module_params();
	return tap_done();
}
