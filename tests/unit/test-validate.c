// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Whole-bond validation: every conflict, every value the kernel changes.
 */
#include "config.h"

#include "helpers.h"
#include "tap.h"

static void expect(const char *in, enum diag_severity sev, const char *text)
{
	struct bond_conf c;
	struct diags d;

	test_parse_validate(in, &c, &d);
	tap_ok(test_has_diag(&d, sev, text), "'%s': %s '%s'", in,
	       diag_severity_name(sev), text);
	if (sev != DIAG_ERROR)
		tap_is_int(d.errors, 0, "'%s': no error", in);
	diags_free(&d);
	bond_conf_free(&c);
}

static void clean(const char *in)
{
	struct bond_conf c;
	struct diags d;
	size_t i;

	test_parse_validate(in, &c, &d);
	tap_ok(d.errors == 0 && d.warnings == 0, "'%s' is clean", in);
	for (i = 0; i < d.n; i++)
		if (d.v[i].severity != DIAG_NOTE)
			printf("#   %s\n", d.v[i].message);
	diags_free(&d);
	bond_conf_free(&c);
}

static const char *const arp_less_modes[] = { "802.3ad", "balance-tlb",
					      "balance-alb" };
static const char *const not_active_modes[] = { "balance-rr", "balance-xor",
						"broadcast", "802.3ad" };
static const char *const not_lacp_modes[] = { "balance-rr",  "active-backup",
					      "balance-xor", "broadcast",
					      "balance-tlb", "balance-alb" };

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void test_modes(void)
{
	char in[160];
	size_t i, j;
	static const char *const arp_opts[] = {
		"arp_interval=100 arp_ip_target=192.0.2.1",
		"arp_validate=all",
		"arp_missed_max=3",
	};
	static const char *const active_opts[] = { "primary=eth0",
						   "active_slave=eth0",
						   "prio=eth0:3" };
	static const char *const lacp_opts[] = {
		"lacp_rate=fast",	 "ad_actor_sys_prio=100",
		"ad_user_port_key=5",	 "ad_actor_system=02:00:00:00:00:01",
		"lacp_active=off",	 "coupled_control=off",
		"broadcast_neighbor=on", "actor_port_prio=eth0:10",
	};

	for (i = 0; i < N(arp_less_modes); i++)
		for (j = 0; j < N(arp_opts); j++) {
			snprintf(in, sizeof(in), "mode=%s %s",
				 arp_less_modes[i], arp_opts[j]);
			expect(in, DIAG_ERROR, "not valid in mode");
		}
	for (i = 0; i < N(not_active_modes); i++)
		for (j = 0; j < N(active_opts); j++) {
			snprintf(in, sizeof(in), "mode=%s %s",
				 not_active_modes[i], active_opts[j]);
			expect(in, DIAG_ERROR,
			       "the kernel takes it only in active-backup, balance-tlb or balance-alb");
		}
	for (i = 0; i < N(not_lacp_modes); i++) {
		for (j = 0; j < N(lacp_opts); j++) {
			snprintf(in, sizeof(in), "mode=%s %s",
				 not_lacp_modes[i], lacp_opts[j]);
			expect(in, DIAG_ERROR,
			       "the kernel takes it only in 802.3ad");
		}
		snprintf(in, sizeof(in), "mode=%s ad_select=count",
			 not_lacp_modes[i]);
		expect(in, DIAG_WARNING, "ad_select has no effect in mode");
	}
	for (i = 1; i < 7; i++) {
		snprintf(in, sizeof(in), "mode=%zu packets_per_slave=3", i);
		expect(in, DIAG_ERROR,
		       "packets_per_slave is not valid in mode");
	}
	expect("mode=0 tlb_dynamic_lb=0", DIAG_ERROR,
	       "only in balance-tlb or balance-alb");
	expect("lacp_rate=fast", DIAG_ERROR,
	       "not valid in mode balance-rr (mode is not set: the kernel's default)");
	expect("mode=1 xmit_hash_policy=layer3+4", DIAG_WARNING,
	       "xmit_hash_policy has no effect in mode active-backup");
	expect("mode=0 fail_over_mac=active", DIAG_WARNING,
	       "fail_over_mac has no effect in mode balance-rr");
}

static void test_monitors(void)
{
	expect("mode=1 miimon=100 arp_interval=500 arp_ip_target=192.0.2.1",
	       DIAG_ERROR,
	       "arp_interval and miimon (at ifcfg-bond0:7) exclude each other");
	expect("mode=1 miimon=100 arp_validate=all", DIAG_ERROR,
	       "arp_validate cannot be used with MII monitoring");
	clean("mode=1 miimon=0 arp_interval=500 arp_ip_target=192.0.2.1");
	expect("mode=1 arp_interval=500", DIAG_ERROR,
	       "arp_interval=500 needs at least one arp_ip_target (or ns_ip6_target)");
	clean("mode=1 arp_interval=500 ns_ip6_target=2001:db8::1");
	expect("mode=1 arp_validate=all", DIAG_WARNING,
	       "arp_validate has no effect without arp_interval");
	expect("mode=1 miimon=100 arp_ip_target=192.0.2.1", DIAG_WARNING,
	       "arp_ip_target has no effect without arp_interval");
}

static void test_delays(void)
{
	expect("mode=1 updelay=200", DIAG_ERROR,
	       "updelay needs miimon: the kernel refuses it while MII monitoring is off");
	expect("mode=1 downdelay=200", DIAG_ERROR, "downdelay needs miimon");
	expect("mode=1 peer_notif_delay=200", DIAG_ERROR,
	       "peer_notif_delay needs miimon");
	expect("mode=1 miimon=0 updelay=0", DIAG_ERROR, "updelay needs miimon");
	clean("mode=1 miimon=100 updelay=200 downdelay=300 peer_notif_delay=400");
	expect("mode=1 miimon=100 updelay=250", DIAG_WARNING,
	       "updelay=250 is not a multiple of miimon=100; the kernel will use 200");
	expect("mode=1 miimon=30 downdelay=100", DIAG_WARNING,
	       "downdelay=100 is not a multiple of miimon=30; the kernel will use 90");
	expect("mode=1 miimon=100 peer_notif_delay=150", DIAG_WARNING,
	       "the kernel will use 100");
	/* 802.3ad, tlb and alb get miimon=100 from the kernel. */
	expect("mode=4 updelay=200", DIAG_NOTE,
	       "mode 802.3ad: miimon is not set; the kernel will use miimon=100");
	expect("mode=5 updelay=150", DIAG_WARNING, "the kernel will use 100");
	expect("mode=6 miimon=0", DIAG_WARNING,
	       "miimon=0 turns link monitoring off in mode balance-alb");
}

static void test_slaves_and_base(void)
{
	struct bond_conf c, base;
	struct diags d;

	test_parse_validate("mode=1 miimon=100 primary=eth2", &c, &d);
	tap_is_int(d.warnings, 0, "no slave list: primary is not checked");
	bond_conf_add_member(&c, "eth0", &test_loc);
	bond_conf_add_member(&c, "eth1", &test_loc);
	bond_conf_validate(&c, NULL, &d);
	tap_ok(test_has_diag(&d, DIAG_WARNING,
			     "primary eth2 is not one of the bond's slaves"),
	       "a primary that is not a slave is reported");
	diags_free(&d);
	bond_conf_free(&c);

	/* A change to a live 802.3ad bond is checked against its mode. */
	bond_conf_init(&base, "bond0");
	base.present |= BONDOPT_BIT(BONDOPT_MODE);
	base.num[BONDOPT_MODE] = BOND_MODE_8023AD;
	bond_conf_init(&c, "bond0");
	diags_init(&d);
	optstr_parse(&c, "lacp_rate=fast", OPTSTR_BONDING_OPTS, &test_loc, &d);
	tap_is_int(bond_conf_validate(&c, &base, &d), 0,
		   "lacp_rate on a live 802.3ad bond is valid");
	tap_is_int(d.errors, 0, "and raises no error");
	diags_free(&d);
	bond_conf_free(&c);
	bond_conf_free(&base);
}

static void test_clean_configs(void)
{
	clean("mode=balance-rr miimon=100 packets_per_slave=2");
	clean("mode=active-backup miimon=100 primary=eth0 primary_reselect=better fail_over_mac=active");
	clean("mode=active-backup arp_interval=500 arp_ip_target=192.168.101.254 arp_validate=all arp_missed_max=3");
	clean("mode=balance-xor miimon=100 xmit_hash_policy=layer2+3");
	clean("mode=broadcast miimon=100");
	clean("mode=802.3ad miimon=100 lacp_rate=fast xmit_hash_policy=layer3+4 updelay=200 downdelay=200 ad_select=bandwidth ad_actor_sys_prio=100 ad_user_port_key=3 lacp_active=on");
	clean("mode=balance-tlb miimon=100 tlb_dynamic_lb=0 lp_interval=2");
	clean("mode=balance-alb miimon=100 primary=eth1");
	expect("use_carrier=0", DIAG_WARNING, "kernels from 6.18 refuse it");
}

int main(void)
{
	test_modes();
	test_monitors();
	test_delays();
	test_slaves_and_base();
	test_clean_configs();
	return tap_done();
}
