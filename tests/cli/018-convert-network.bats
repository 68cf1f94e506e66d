#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# The network of a bond beside the bond, as each reader reads it and each
# writer of bondcfg convert writes it: default gateways, DNS servers and
# search domains, static routes, IPv6 and alias addresses; and what the
# model does not carry (VLANs, bridges, other commands), which convert
# names with its file and line and refuses unless --lossy.

load ../helpers

SC=$FIXTURES/scenarios
CV=$FIXTURES/convert
NS=etc/sysconfig/network-scripts

bc() {
	run_split "$BONDCFG" "$@"
}

# net ROOT [BOND]: the network members of the bonds of ROOT, as JSON.
net() {
	"$IFCFG_BOND_PARSE" --root "$1" --format json |
		jq -c --arg b "${2:-}" '.bonds[] | select($b == "" or .name == $b)
			| {addresses, gateway, gateway6, dns, search, routes, not_carried}'
}

# The addresses IPv4 first, the order within a family kept (the first is
# the primary): a format that writes each family apart changes no more.
v4_first() {
	jq -S -c '.addresses |= (map(select(contains(":") | not)) + map(select(contains(":"))))'
}

setup() {
	T=$BATS_TEST_TMPDIR/root
	mkdir -p "$T"
}

@test "ifcfg: GATEWAY, IPV6_DEFAULTGW, DNSn, DOMAIN, IPv6 and alias addresses, route- and route6- files in both forms" {
	run net "$CV/rhel-gateway-routes/root" bond0
	[ "$output" = '{"addresses":["10.20.0.5/24","2001:db8:20::5/64","2001:db8:20::6/64","10.20.0.9/24"],"gateway":"10.20.0.1","gateway6":"2001:db8:20::1","dns":["10.20.0.53","10.20.1.53"],"search":["lab.example.org","example.org"],"routes":[{"to":"172.16.0.0/12","via":"10.20.0.254","metric":null},{"to":"192.0.2.128/25","via":"10.20.0.253","metric":20},{"to":"2001:db8:99::/48","via":"2001:db8:20::fe","metric":null}],"not_carried":[]}' ]
	# ADDRESS0=, NETMASK0=, GATEWAY0=, METRIC0=
	run net "$CV/rhel-gateway-routes/root" bond1
	[ "$output" = '{"addresses":["10.30.0.5/24"],"gateway":null,"gateway6":null,"dns":[],"search":[],"routes":[{"to":"10.40.0.0/16","via":"10.30.0.1","metric":null},{"to":"10.50.0.0/24","via":"10.30.0.2","metric":100}],"not_carried":[]}' ]
}

@test "interfaces: gateway per family, dns-nameservers, dns-search, routes of up ip route add lines" {
	run net "$CV/debian-gateway-dns/root"
	[ "$output" = '{"addresses":["198.51.100.20/24","2001:db8:5::20/64"],"gateway":"198.51.100.1","gateway6":"2001:db8:5::1","dns":["198.51.100.53","198.51.100.54"],"search":["corp.example.net"],"routes":[{"to":"203.0.113.0/24","via":"198.51.100.254","metric":null},{"to":"2001:db8:77::/48","via":"2001:db8:5::fe","metric":null}],"not_carried":[]}' ]
}

@test "conf.d/net: routes_ as lines or elements, default via the gateway, route's own words, dns_servers_ and dns_search_" {
	run net "$CV/gentoo-routes-dns/root"
	[ "$output" = '{"addresses":["192.0.2.70/24"],"gateway":"192.0.2.1","gateway6":null,"dns":["192.0.2.53","192.0.2.54"],"search":["gentoo.example"],"routes":[{"to":"10.60.0.0/16","via":"192.0.2.254","metric":null}],"not_carried":[]}' ]
	mkfile etc/conf.d/net 'slaves_bond0="eth0"\nconfig_bond0="192.0.2.5/24"\nroutes_bond0=( "-net 10.1.0.0 netmask 255.255.0.0 gw 192.0.2.9" "default via 192.0.2.1 metric 5" )\n'
	run net "$T"
	[ "$(jq -c .routes <<<"$output")" = '[{"to":"10.1.0.0/16","via":"192.0.2.9","metric":null},{"to":"default","via":"192.0.2.1","metric":5}]' ]
	[ "$(jq -r .gateway <<<"$output")" = null ]
}

@test "centos-active-backup-primary keeps its gateway in every format" {
	local f r root=$SC/centos-active-backup-primary/root

	[ "$(net "$root" | jq -r .gateway)" = 192.168.1.1 ]
	for f in ifcfg interfaces confd; do
		r=$(new_root)
		bc --root "$root" convert --to "$f" --output-dir "$r"
		[ -z "$err" ]
		[ "$(net "$r" | jq -r .gateway)" = 192.168.1.1 ] ||
			{ echo "# $f lost the gateway" >&2; return 1; }
	done
	bc --root "$root" convert --to networkd
	[[ $output == *"[Network]
Address=192.168.1.22/24
Gateway=192.168.1.1
"* ]]
	bc --root "$root" convert --to nmcli
	[[ $output == *" ipv4.addresses 192.168.1.22/24 ipv4.gateway 192.168.1.1 "* ]]
}

@test "convert: the writers' forms of gateways, DNS and routes, exactly" {
	local root=$CV/rhel-gateway-routes/root

	bc --root "$root" convert --to ifcfg bond0
	[[ $output == *"GATEWAY=10.20.0.1
IPV6_DEFAULTGW=2001:db8:20::1
DNS1=10.20.0.53
DNS2=10.20.1.53
DOMAIN=\"lab.example.org example.org\"
"* ]]
	[[ $output == *"# /etc/sysconfig/network-scripts/route-bond0
172.16.0.0/12 via 10.20.0.254
192.0.2.128/25 via 10.20.0.253 metric 20
"* ]]
	[[ $output == *"# /etc/sysconfig/network-scripts/route6-bond0
2001:db8:99::/48 via 2001:db8:20::fe
"* ]]
	bc --root "$root" convert --to interfaces bond0
	[[ $output == *"    gateway 10.20.0.1
    dns-nameservers 10.20.0.53 10.20.1.53
    dns-search lab.example.org example.org
    up ip route add 172.16.0.0/12 via 10.20.0.254 dev bond0
    up ip route add 192.0.2.128/25 via 10.20.0.253 metric 20 dev bond0
"* ]]
	# Debian's ifupdown: one address per stanza
	[[ $output == *"    bond-lacp-rate fast

iface bond0 inet static
    address 10.20.0.9/24

iface bond0 inet6 static
    address 2001:db8:20::5/64
    gateway 2001:db8:20::1
    up ip -6 route add 2001:db8:99::/48 via 2001:db8:20::fe dev bond0

iface bond0 inet6 static
    address 2001:db8:20::6/64
"* ]]
	[ "$(grep -c '^    address' <<<"$output")" = 4 ]
	bc --root "$root" convert --to confd bond0
	[[ $output == *'routes_bond0=( "default via 10.20.0.1" "default via 2001:db8:20::1" "172.16.0.0/12 via 10.20.0.254" "192.0.2.128/25 via 10.20.0.253 metric 20" "2001:db8:99::/48 via 2001:db8:20::fe" )
dns_servers_bond0="10.20.0.53 10.20.1.53"
dns_search_bond0="lab.example.org example.org"'* ]]
	bc --root "$root" convert --to networkd bond0
	[[ $output == *"Gateway=10.20.0.1
Gateway=2001:db8:20::1
DNS=10.20.0.53
DNS=10.20.1.53
Domains=lab.example.org example.org

[Route]
Destination=172.16.0.0/12
Gateway=10.20.0.254

[Route]
Destination=192.0.2.128/25
Gateway=10.20.0.253
Metric=20

[Route]
Destination=2001:db8:99::/48
Gateway=2001:db8:20::fe
"* ]]
	bc --root "$root" convert --to nmcli bond0
	[[ $output == *" ipv4.method manual ipv4.addresses 10.20.0.5/24,10.20.0.9/24 ipv4.gateway 10.20.0.1 ipv4.dns 10.20.0.53,10.20.1.53 ipv4.dns-search lab.example.org,example.org ipv4.routes '172.16.0.0/12 10.20.0.254,192.0.2.128/25 10.20.0.253 20' ipv6.method manual ipv6.addresses 2001:db8:20::5/64,2001:db8:20::6/64 ipv6.gateway 2001:db8:20::1 ipv6.routes '2001:db8:99::/48 2001:db8:20::fe'"* ]]
}

@test "convert: every new fixture round-trips through ifcfg, interfaces and conf.d/net, network included" {
	local root f r want

	for root in "$CV"/{rhel-gateway-routes,debian-gateway-dns,gentoo-routes-dns}/root; do
		want=$(net "$root" | v4_first)
		for f in ifcfg interfaces confd; do
			r=$(new_root)
			bc --root "$root" convert --to "$f" --output-dir "$r"
			[ "$(net "$r" | v4_first)" = "$want" ] ||
				{ echo "# $root -> $f: $(net "$r")" >&2; return 1; }
		done
	done
}

@test "what sits on a bond but is not carried (a bridge's other port, a VLAN's MTU, an up command): named with file:line, exit 1; --lossy converts the rest, warned" {
	mkfile $NS/ifcfg-bond0 'DEVICE=bond0\nTYPE=Bond\nBONDING_OPTS="mode=1 miimon=100"\nBRIDGE=br0\n'
	mkfile $NS/ifcfg-eth0 'DEVICE=eth0\nMASTER=bond0\nSLAVE=yes\n'
	mkfile $NS/ifcfg-eth5 'DEVICE=eth5\nBRIDGE=br0\n'
	mkfile $NS/ifcfg-bond0.100 'DEVICE=bond0.100\nVLAN=yes\nIPADDR=192.0.2.100\nPREFIX=24\nMTU=9000\n'
	mkfile $NS/ifcfg-vlan200 'DEVICE=vlan200\nVLAN=yes\nPHYSDEV=bond0\nVLAN_ID=200\n'
	expected_rc=1 bc --root "$T" convert --to networkd
	[ -z "$output" ]
	[[ $err == *"$T/$NS/ifcfg-eth5:2: error: br0: eth5, another port of br0: convert does not carry it; left out"* ]]
	[[ $err == *"$T/$NS/ifcfg-bond0.100:5: error: bond0.100: MTU=9000: convert does not carry it; left out"* ]]
	[[ $err == *"networkd cannot express 2 things"* ]]
	bc --root "$T" convert --to networkd --lossy
	[ "$(grep -c ': warning: .*convert does not carry it; left out' <<<"$err")" = 2 ]
	[[ $output == *$'[NetDev]\nName=vlan200\nKind=vlan\n\n[VLAN]\nId=200\n'* ]]
	[[ $output == *$'[NetDev]\nName=br0\nKind=bridge\n'* ]]
	# interfaces: a command, the bridge's other port
	rm -r "$T/etc/sysconfig"
	mkfile etc/network/interfaces 'auto bond0\niface bond0 inet manual\n    bond-slaves eth0\n    bond-mode 1\n    post-up /usr/local/sbin/tune-bond\n\niface bond0.7 inet manual\n\niface br0 inet static\n    address 192.0.2.1/24\n    bridge_ports bond0 eth5\n'
	expected_rc=1 bc --root "$T" convert --to ifcfg
	[[ $err == *"interfaces:5: error: bond0: the command 'post-up /usr/local/sbin/tune-bond': convert does not carry it"* ]]
	[[ $err == *"interfaces:11: error: br0: port eth5 of the bridge: convert does not carry it"* ]]
	[[ $err == *"ifcfg cannot express 2 things"* ]]
	# conf.d/net: ip's commands build the bond only
	rm -r "$T/etc/network"
	mkfile etc/conf.d/net 'slaves_bond0="eth0"\nmode_bond0="active-backup"\nvlans_bond0="100 200"\nbridge_br0="bond0"\n'
	expected_rc=1 bc --root "$T" convert --to ip
	[[ $err == *"net:3: error: bond0: VLAN bond0.100 on bond0"* ]]
	[[ $err == *"net:3: error: bond0: VLAN bond0.200 on bond0"* ]]
	[[ $err == *"net:4: error: bond0: bridge br0 on bond0"* ]]
}

@test "a route with words the model does not carry, a route of another device, DEFROUTE=no: not carried, named" {
	mkfile $NS/ifcfg-bond0 'DEVICE=bond0\nTYPE=Bond\nBONDING_OPTS="mode=1 miimon=100"\nIPADDR=192.0.2.5\nPREFIX=24\nGATEWAY=192.0.2.1\nDEFROUTE=no\n'
	mkfile $NS/route-bond0 '10.0.0.0/8 via 192.0.2.254 table 100\n10.1.0.0/16 via 192.0.2.254 dev eth9\n10.2.0.0/16 via 192.0.2.253\n'
	run net "$T"
	[ "$(jq -c .not_carried <<<"$output")" = '["DEFROUTE=no (a gateway that is no default route)","the route 10.0.0.0/8 via 192.0.2.254 table 100: table","the route 10.1.0.0/16 via 192.0.2.254 dev eth9: dev eth9"]' ]
	[ "$(jq -c .routes <<<"$output")" = '[{"to":"10.2.0.0/16","via":"192.0.2.253","metric":null}]' ]
	expected_rc=1 bc --root "$T" convert --to ifcfg
	[[ $err == *"$T/$NS/ifcfg-bond0:7: error: bond0: DEFROUTE=no"* ]]
	[[ $err == *"$T/$NS/route-bond0:1: error: bond0: the route 10.0.0.0/8 via 192.0.2.254 table 100: table"* ]]
	[[ $err == *"$T/$NS/route-bond0:2: error"* ]]
}

@test "values that are not what their key says: a warning with file:line, the value ignored, nothing of it written" {
	mkfile $NS/ifcfg-bond0 'DEVICE=bond0\nTYPE=Bond\nBONDING_OPTS="mode=1 miimon=100"\nIPADDR=192.0.2.5\nPREFIX=24\nGATEWAY=192.0.2.300\nDNS1=ns1\nDOMAIN="ok.example $(id>pwn) `id`"\nIPV6_DEFAULTGW=192.0.2.1\n'
	mkfile $NS/route-bond0 'garbage here\n'
	bc --root "$T" check
	[[ $err == *"ifcfg-bond0:6: warning: GATEWAY=192.0.2.300: not an IPv4 address; ignored"* ]]
	[[ $err == *"ifcfg-bond0:7: warning: DNS1=ns1: not an IP address; ignored"* ]]
	[[ $err == *"ifcfg-bond0:8: warning: DOMAIN: '\$(id>pwn)' is not a domain name; ignored"* ]]
	[[ $err == *"ifcfg-bond0:9: warning: IPV6_DEFAULTGW=192.0.2.1: not an IPv6 address; ignored"* ]]
	[[ $err == *"route-bond0:1: warning: garbage here: not a route"* ]]
	run net "$T"
	[ "$(jq -c '[.gateway, .gateway6, .dns, .search, .routes]' <<<"$output")" = '[null,null,[],["ok.example"],[]]' ]
}

@test "IPV6ADDR without IPV6INIT=yes is left off, as the network scripts leave it, and said" {
	mkfile $NS/ifcfg-bond0 'DEVICE=bond0\nTYPE=Bond\nBONDING_OPTS="mode=1 miimon=100"\nIPV6ADDR=2001:db8::5/64\n'
	bc --root "$T" check
	[[ $err == *"ifcfg-bond0:4: warning: IPV6ADDR without IPV6INIT=yes"* ]]
	[ "$(net "$T" | jq -c .addresses)" = '[]' ]
}

@test "nmcli: a mode always (NetworkManager requires one), slave-type and master, what NetworkManager refuses named" {
	mkfile $NS/ifcfg-bond0 'DEVICE=bond0\nTYPE=Bond\nBONDING_OPTS="miimon=100 arp_ip_target=192.0.2.9"\nGATEWAY=192.0.2.1\nDNS1=192.0.2.53\n'
	mkfile $NS/ifcfg-eth0 'DEVICE=eth0\nMASTER=bond0\nSLAVE=yes\n'
	expected_rc=1 bc --root "$T" convert --to nmcli
	[[ $err == *"ifcfg-bond0:3: error: bond0: arp_ip_target=192.0.2.9 (without arp_interval, which NetworkManager refuses; the kernel does nothing with it) (nmcli cannot express it); left out"* ]]
	[[ $err == *"ifcfg-bond0:4: error: bond0: gateway 192.0.2.1 with no IPv4 address (nmcli cannot express it); left out"* ]]
	[[ $err == *"ifcfg-bond0:5: error: bond0: name servers 192.0.2.53 with no IPv4 address (nmcli cannot express it); left out"* ]]
	bc --root "$T" convert --to nmcli --lossy
	[[ $output == *"bond.options 'mode=balance-rr,miimon=100' ipv4.method disabled ipv6.method disabled"* ]]
	[[ $output == *"ifname eth0 slave-type bond master bond0"* ]]
	[[ $output != *port-type* && $output != *controller* && $output != *arp_ip_target* ]]
}

@test "convert --to confd: the tree written reads back with its bonds on boot, with no net.lo in it" {
	local r=$BATS_TEST_TMPDIR/written

	bc --root "$CV/alb-two-bonds/root" convert --to confd --output-dir "$r"
	[ ! -e "$r/etc/init.d/net.lo" ]
	[ "$(readlink "$r/etc/runlevels/default/net.bond0")" = ../../init.d/net.bond0 ]
	run_x "$IFCFG_BOND_PARSE" --root "$r" --format json
	[ "$(jq -c '[.bonds[] | [.name, .onboot]]' <<<"$output")" = '[["bond0",true],["bond1",false]]' ]
}

@test "convert --to confd: what netifrc's bonding module would not do as written is named" {
	# netifrc returns at once for an empty slaves_X, writes every option
	# before it enslaves, and enslaves primary_X whether listed or not
	mkfile etc/network/interfaces 'auto bond0\niface bond0 inet manual\n    bond-slaves none\n    bond-mode active-backup\n\nauto bond1\niface bond1 inet manual\n    bond-slaves eth1 eth2\n    bond-mode active-backup\n    bond-miimon 100\n    bond-active-slave eth1\n    bond-primary eth3\n'
	expected_rc=1 bc --root "$T" convert --to confd
	[[ $err == *"interfaces:2: error: bond0: a bond with no slaves (netifrc makes no bond when slaves_bond0 is empty)"* ]]
	[[ $err == *"interfaces:11: error: bond1: active_slave=eth1 (netifrc sets it before it enslaves, and the driver refuses it then)"* ]]
	[[ $err == *"interfaces:12: error: bond1: primary=eth3, which is not one of its slaves (netifrc would enslave eth3)"* ]]
	bc --root "$T" convert --to confd --lossy
	[[ $output != *active_slave_bond1* && $output != *primary_bond1* ]]
	[[ $output == *'# not converted: bond1: primary=eth3'* ]]
}

@test "convert --to interfaces --target-version ifupdown2: what its bond addon ignores named, no bond-slaves none" {
	mkfile etc/network/interfaces 'auto bond0\niface bond0 inet static\n    address 192.0.2.5/24\n    bond-slaves eth0 eth1\n    bond-mode 802.3ad\n    bond-miimon 100\n    bond-lacp-rate fast\n    bond-ad-select bandwidth\n    bond-queue-id eth0:2\n\nauto bond1\niface bond1 inet manual\n    bond-slaves none\n    bond-mode active-backup\n'
	# Debian's ifupdown, the default: all of it
	bc --root "$T" convert --to interfaces
	[[ $output == *"bond-ad-select bandwidth"* && $output == *"bond-slaves none"* ]]
	bc --root "$T" convert --to interfaces --target-version ifupdown
	[[ $output == *"bond-ad-select bandwidth"* ]]
	expected_rc=1 bc --root "$T" convert --to interfaces --target-version ifupdown2
	[ "$(grep -c ': error: ' <<<"$err")" = 3 ]
	[[ $err == *"interfaces:8: error: bond0: ad_select=bandwidth (its bond addon ignores the key) (ifupdown2 cannot express it); left out"* ]]
	[[ $err == *"interfaces:9: error: bond0: queue_id=eth0:2 (ifupdown2 cannot express it)"* ]]
	[[ $err == *"interfaces:12: error: bond1: a bond with no slaves (ifupdown2 reads bond-slaves none as a slave called none)"* ]]
	bc --root "$T" convert --to interfaces --target-version ifupdown2 --lossy
	[[ $output == *"    bond-lacp-rate fast"* ]]
	[[ $output != *"    bond-ad-select"* && $output != *"    bond-slaves none"* && $output != *"    bond-queue-id"* ]]
}

@test "routes: IPv6 defaults stay IPv6, routes to one destination all kept, a second gateway named, \$IFACE is the bond" {
	mkfile $NS/ifcfg-bond0 'DEVICE=bond0\nTYPE=Bond\nBONDING_OPTS="mode=1 miimon=100"\nIPADDR=192.0.2.5\nPREFIX=24\nIPV6INIT=yes\nIPV6ADDR=2001:db8::5/64\nGATEWAY=192.0.2.1\n'
	mkfile $NS/route-bond0 'default via 192.0.2.2\n10.0.0.0/8 via 192.0.2.3 metric 10\n10.0.0.0/8 via 192.0.2.4 metric 20\n10.0.0.0/8 via 192.0.2.4 metric 20\n'
	mkfile $NS/route6-bond0 'default dev bond0 metric 5\n'
	run net "$T"
	[ "$(jq -c .routes <<<"$output")" = '[{"to":"10.0.0.0/8","via":"192.0.2.3","metric":10},{"to":"10.0.0.0/8","via":"192.0.2.4","metric":20},{"to":"::/0","via":null,"metric":5}]' ]
	[ "$(jq -c .not_carried <<<"$output")" = '["a second default gateway, 192.0.2.2 (192.0.2.1 is the one kept)"]' ]
	bc --root "$T" convert --to interfaces --lossy
	[[ $output == *"    up ip -6 route add ::/0 metric 5 dev bond0"* ]]
	[[ $err == *"route-bond0:1: warning: bond0: a second default gateway, 192.0.2.2"* ]]
	bc --root "$T" convert --to networkd --lossy
	[[ $output == *"[Route]
Destination=::/0
Metric=5"* ]]
	# interfaces: "ip -6 route add default", dev $IFACE
	rm -r "$T/etc/sysconfig"
	mkfile etc/network/interfaces 'iface bond0 inet6 static\n    address 2001:db8::5/64\n    bond-slaves eth0\n    bond-mode 1\n    up ip -6 route add default dev $IFACE\n    up ip route add 10.9.0.0/16 via 2001:db8::1 dev ${IFACE}\n'
	run net "$T"
	[ "$(jq -c '[.routes, .not_carried]' <<<"$output")" = '[[{"to":"::/0","via":null,"metric":null},{"to":"10.9.0.0/16","via":"2001:db8::1","metric":null}],[]]' ]
}

@test "what a writer's format would keep without using it is named: a route or gateway with no address of its family, a default route with no next hop spelt out" {
	mkfile etc/network/interfaces 'auto bond0\niface bond0 inet manual\n    bond-slaves eth0\n    bond-mode 1\n    gateway 192.0.2.1\n    up ip route add 10.1.0.0/16 via 192.0.2.9\n    up ip route add default dev bond0 metric 7\n'
	expected_rc=1 bc --root "$T" convert --to nmcli
	[[ $err == *"interfaces:6: error: bond0: the route to 10.1.0.0/16 with no IPv4 address (nmcli cannot express it)"* ]]
	[[ $err == *"interfaces:5: error: bond0: gateway 192.0.2.1 with no IPv4 address (nmcli cannot express it)"* ]]
	expected_rc=1 bc --root "$T" convert --to interfaces
	[ "$(grep -c ': error: ' <<<"$err")" = 1 ]
	[[ $err == *"interfaces:5: error: bond0: gateway 192.0.2.1 with no address of its family (interfaces cannot express it)"* ]]
	bc --root "$T" convert --to networkd --lossy
	[[ $output == *"[Route]
Destination=0.0.0.0/0
Metric=7"* ]]
}

@test "route-BOND's older form stops at the first gap, as the network scripts do; a bad netmask is a warning, not a host route" {
	mkfile $NS/ifcfg-bond0 'DEVICE=bond0\nTYPE=Bond\nBONDING_OPTS="mode=1 miimon=100"\nIPADDR=192.0.2.5\nPREFIX=24\n'
	mkfile $NS/route-bond0 '# ADDRESS0= in a comment is no form\nADDRESS0=10.1.0.0\nNETMASK0=255.0.255.0\nGATEWAY0=192.0.2.1\nADDRESS1=10.2.0.0\nNETMASK1=255.255.0.0\nGATEWAY1=192.0.2.1\nADDRESS3=10.3.0.0\nNETMASK3=255.255.0.0\nGATEWAY3=192.0.2.1\n'
	bc --root "$T" check
	[[ $err == *"route-bond0:3: warning: NETMASK0=255.0.255.0: not a netmask; the route is ignored"* ]]
	run net "$T"
	[ "$(jq -c .routes <<<"$output")" = '[{"to":"10.2.0.0/16","via":"192.0.2.1","metric":null}]' ]
}
