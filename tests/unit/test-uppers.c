// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The networkd and nmcli writers on what sits on a bond, with the model
 * built here, no reader in between: a LACP bond with a VLAN that is the
 * port of a bridge holding the host's address, a second VLAN with an
 * address of its own; the bond itself a bridge's port; what
 * NetworkManager refuses.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "formats/conv.h"
#include "formats/writers.h"
#include "model/host.h"
#include "model/optstr.h"
#include "tap.h"

static const struct diag_loc bond_at = { "ifcfg-bond0", 2 };
static const struct diag_loc v100_at = { "ifcfg-bond0.100", 1 };
static const struct diag_loc v200_at = { "ifcfg-bond0.200", 1 };
static const struct diag_loc br_at = { "ifcfg-br0", 1 };
static const struct diag_loc route_at = { "route-br0", 1 };

/* bond0 (802.3ad, eth0 and eth1, no address), declared in @h. */
static struct host_bond *make_bond(struct host_conf *h)
{
	struct host_bond *b =
		host_conf_declare(h, HOST_IFCFG, "bond0", &bond_at);
	struct diags d;

	diags_init(&d);
	optstr_parse(&b->conf, "mode=802.3ad miimon=100", OPTSTR_BONDING_OPTS,
		     &bond_at, &d);
	diags_free(&d);
	bond_conf_add_member(&b->conf, "eth0", &bond_at);
	bond_conf_add_member(&b->conf, "eth1", &bond_at);
	b->onboot = true;
	return b;
}

/*
 * bond0.100 (a port of br0), br0 (STP off, no forward delay, the host's
 * address, gateway, name server and a route), bond0.200 (its own
 * address, brought up at boot if @v200_onboot).
 */
static void make_uppers(struct host_bond *b, bool v200_onboot)
{
	struct host_upper *u;

	u = host_ip_upper(&b->ip, HOST_UPPER_VLAN, "bond0.100", "bond0",
			  &v100_at);
	u->vid = 100;
	u = host_ip_upper(&b->ip, HOST_UPPER_BRIDGE, "br0", "bond0.100",
			  &br_at);
	u->stp = 0;
	u->fd = 0;
	host_addresses_add(&u->addresses, &u->n_addresses, "192.0.2.10/24");
	host_ip_set_gateway(&u->ip, "192.0.2.1", &br_at);
	host_ip_add_dns(&u->ip, "192.0.2.53", &br_at);
	host_ip_add_route(&u->ip, "10.99.0.0/16", "192.0.2.254", -1, &route_at);
	u = host_ip_upper(&b->ip, HOST_UPPER_VLAN, "bond0.200", "bond0",
			  &v200_at);
	u->vid = 200;
	u->onboot = v200_onboot;
	host_addresses_add(&u->addresses, &u->n_addresses, "198.51.100.10/24");
}

/* The text of @cv's file at @path, or NULL. */
static const char *file_text(const struct conv *cv, const char *path)
{
	size_t i;

	for (i = 0; i < cv->n_files; i++)
		if (!strcmp(cv->files[i]->path, path))
			return cv->files[i]->text;
	return NULL;
}

/* Whether a loss of @cv contains @text. */
static bool lost(const struct conv *cv, const char *text)
{
	size_t i;

	for (i = 0; i < cv->lost.n; i++)
		if (strstr(cv->lost.v[i].message, text))
			return true;
	return false;
}

/* @want against @got, the difference shown when they differ. */
static void same_text(const char *got, const char *want, const char *what)
{
	tap_ok(got && !strcmp(got, want), "%s", what);
	if (got && strcmp(got, want))
		printf("# got:\n%s# want:\n%s", got, want);
}

#define ND "/etc/systemd/network/"

static void test_networkd(void)
{
	static const char *const paths[] = {
		ND "30-bond0.netdev",	  ND "30-bond0.network",
		ND "30-eth0.network",	  ND "30-eth1.network",
		ND "30-bond0.100.netdev", ND "30-bond0.100.network",
		ND "30-br0.netdev",	  ND "30-br0.network",
		ND "30-bond0.200.netdev", ND "30-bond0.200.network",
	};
	struct host_conf h;
	struct host_bond *b;
	struct conv cv;
	size_t i;
	bool same;

	host_conf_init(&h, "");
	b = make_bond(&h);
	make_uppers(b, true);
	conv_init(&cv);
	networkd_write(&cv, NULL, b);
	same = cv.n_files == sizeof(paths) / sizeof(*paths);
	for (i = 0; same && i < cv.n_files; i++)
		same = !strcmp(cv.files[i]->path, paths[i]);
	tap_ok(same,
	       "networkd: the bond's units, its slaves', then a .netdev and a .network per upper, in order");
	same_text(
		file_text(&cv, ND "30-bond0.network"),
		"[Match]\nName=bond0\n\n[Network]\nVLAN=bond0.100\nVLAN=bond0.200\n",
		"networkd: the bond's .network names the VLANs on it, no address");
	same_text(file_text(&cv, ND "30-bond0.100.netdev"),
		  "[NetDev]\nName=bond0.100\nKind=vlan\n\n[VLAN]\nId=100\n",
		  "networkd: a VLAN's .netdev, Kind=vlan and its Id=");
	same_text(file_text(&cv, ND "30-bond0.100.network"),
		  "[Match]\nName=bond0.100\n\n[Network]\nBridge=br0\n",
		  "networkd: the VLAN that is the bridge's port: Bridge=");
	same_text(
		file_text(&cv, ND "30-br0.netdev"),
		"[NetDev]\nName=br0\nKind=bridge\n\n[Bridge]\nSTP=no\nForwardDelaySec=0\n",
		"networkd: the bridge's .netdev, STP= and ForwardDelaySec=");
	same_text(
		file_text(&cv, ND "30-br0.network"),
		"[Match]\nName=br0\n\n[Network]\nAddress=192.0.2.10/24\nGateway=192.0.2.1\nDNS=192.0.2.53\n\n[Route]\nDestination=10.99.0.0/16\nGateway=192.0.2.254\n",
		"networkd: the bridge's network, its route a [Route] section");
	same_text(
		file_text(&cv, ND "30-bond0.200.network"),
		"[Match]\nName=bond0.200\n\n[Network]\nAddress=198.51.100.10/24\n",
		"networkd: the second VLAN's address");
	tap_is_int(cv.lost.n, 0, "networkd: nothing lost");
	conv_free(&cv);
	host_conf_free(&h);

	/* an upper not up at boot: networkd leaves its link down */
	host_conf_init(&h, "");
	b = make_bond(&h);
	make_uppers(b, false);
	conv_init(&cv);
	networkd_write(&cv, NULL, b);
	same_text(
		file_text(&cv, ND "30-bond0.200.network"),
		"[Match]\nName=bond0.200\n\n[Link]\nActivationPolicy=manual\n\n[Network]\nAddress=198.51.100.10/24\n",
		"networkd: a VLAN not brought up at boot, ActivationPolicy=manual");
	conv_free(&cv);
	host_conf_free(&h);
}

/* The nmcli commands of @b, for NetworkManager @minor (1.MINOR). */
static char *nmcli_of(const struct host_bond *b, unsigned short minor,
		      struct conv *cv)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	conv_init(cv);
	cv->nm_target.minor = minor;
	nmcli_write(cv, out, b);
	fclose(out);
	return text;
}

static void test_nmcli(void)
{
	static const char *const want =
		"nmcli connection add type bond con-name bond0 ifname bond0 bond.options 'mode=802.3ad,miimon=100' ipv4.method disabled ipv6.method disabled\n"
		"nmcli connection add type ethernet con-name bond0-port-eth0 ifname eth0 slave-type bond master bond0\n"
		"nmcli connection add type ethernet con-name bond0-port-eth1 ifname eth1 slave-type bond master bond0\n"
		"nmcli connection add type vlan con-name bond0.100 ifname bond0.100 dev bond0 id 100 slave-type bridge master br0\n"
		"nmcli connection add type bridge con-name br0 ifname br0 bridge.stp no bridge.forward-delay 0 ipv4.method manual ipv4.addresses 192.0.2.10/24 ipv4.gateway 192.0.2.1 ipv4.dns 192.0.2.53 ipv4.routes '10.99.0.0/16 192.0.2.254' ipv6.method disabled\n"
		"nmcli connection add type vlan con-name bond0.200 ifname bond0.200 dev bond0 id 200 ipv4.method manual ipv4.addresses 198.51.100.10/24 ipv6.method disabled connection.autoconnect no\n";
	struct host_conf h;
	struct host_bond *b;
	struct host_upper *u;
	struct conv cv;
	char *text;

	host_conf_init(&h, "");
	b = make_bond(&h);
	make_uppers(b, false);
	text = nmcli_of(b, 30, &cv);
	same_text(text, want,
		  "nmcli: the bond, its ports, then each upper in order");
	tap_is_int(cv.lost.n, 0, "nmcli: nothing lost");
	free(text);
	conv_free(&cv);
	/* the same for a later NetworkManager: no newer property */
	text = nmcli_of(b, 46, &cv);
	same_text(text, want, "nmcli --target-version 1.46: the same commands");
	free(text);
	conv_free(&cv);
	host_conf_free(&h);

	/* the bond a bridge's port, with an address; STP on, delay 0 */
	host_conf_init(&h, "");
	b = make_bond(&h);
	host_bond_add_address(b, "192.0.2.5/24");
	host_ip_set_gateway(&b->ip, "192.0.2.1", &bond_at);
	u = host_ip_upper(&b->ip, HOST_UPPER_BRIDGE, "br1", "bond0", &br_at);
	u->stp = 1;
	u->fd = 0;
	u = host_ip_upper(&b->ip, HOST_UPPER_BRIDGE, "br2", "bond0", &br_at);
	text = nmcli_of(b, 30, &cv);
	tap_ok(text && strstr(text,
			      "nmcli connection add type bond con-name bond0 ifname bond0 bond.options 'mode=802.3ad,miimon=100' slave-type bridge master br1\n"),
	       "nmcli: a bond that is a bridge's port: slave-type bridge, master, no IP");
	tap_ok(text && strstr(text,
			      "nmcli connection add type bridge con-name br1 ifname br1 bridge.stp yes ipv4.method disabled ipv6.method disabled\n"),
	       "nmcli: a forward delay NetworkManager refuses with STP on is not written");
	tap_ok(lost(&cv,
		    "bond0: address 192.0.2.5/24 (a port of bridge br1, which NetworkManager gives no IP)"),
	       "nmcli: the port's address named");
	tap_ok(lost(&cv, "bond0: gateway 192.0.2.1 (a port of bridge br1"),
	       "nmcli: the port's gateway named");
	tap_ok(lost(&cv,
		    "br1: forward delay 0 (NetworkManager takes 2 to 30 seconds, or 0 with the spanning tree off)"),
	       "nmcli: the forward delay named");
	tap_ok(lost(&cv, "br2: its port bond0, a port of bridge br1 already"),
	       "nmcli: a second bridge of one port named");
	tap_is_int(cv.lost.n, 4, "nmcli: those four losses only");
	free(text);
	conv_free(&cv);
	conv_init(&cv);
	networkd_write(&cv, NULL, b);
	same_text(
		file_text(&cv, ND "30-bond0.network"),
		"[Match]\nName=bond0\n\n[Network]\nAddress=192.0.2.5/24\nGateway=192.0.2.1\nBridge=br1\n",
		"networkd: a bond that is a bridge's port: Bridge=, what it has kept");
	tap_ok(lost(&cv, "br2: its port bond0, a port of bridge br1 already"),
	       "networkd: a second bridge of one port named");
	conv_free(&cv);
	host_conf_free(&h);
}

int main(void)
{
	test_networkd();
	test_nmcli();
	return tap_done();
}
