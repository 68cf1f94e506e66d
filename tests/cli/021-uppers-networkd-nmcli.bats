#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# What sits on a bond, as convert writes it for systemd-networkd and for
# NetworkManager: each VLAN on the bond and the bridge over it, with its
# network; the bond or a VLAN as the bridge's port; what NetworkManager
# refuses, named; the commands within --target-version.
# The host: tests/fixtures/convert/rhel-bond-vlan-bridge, a LACP bond
# bond0 of eth0 and eth1 with no address, bond0.100 on it the port of
# bridge br0 (STP off, no forward delay, the host's address, gateway,
# name server, search domain and a route), bond0.200 with an address of
# its own.

load ../helpers

NS=etc/sysconfig/network-scripts
ND=etc/systemd/network

bc() {
	run_split "$BONDCFG" "$@"
}

setup() {
	R=$FIXTURES/convert/rhel-bond-vlan-bridge/root
	T=$BATS_TEST_TMPDIR/root
	mkdir -p "$T"
	cp -R "$R/." "$T"
}

# uppers ROOT: the uppers of bond0 as [kind, name, lower] triples.
uppers() {
	"$IFCFG_BOND_PARSE" --root "$1" --format json |
		jq -c '[.bonds[0].uppers[] | [.kind, .name, .lower]] | sort'
}

# unit DIR FILE: the networkd unit FILE written under DIR.
unit() {
	cat "$1/$ND/$2"
}

@test "networkd: the fixture's units, exactly: a .netdev and a .network per upper, VLAN= on the bond, Bridge= on the VLAN" {
	local r=$BATS_TEST_TMPDIR/written

	[ "$(uppers "$R")" = '[["bridge","br0","bond0.100"],["vlan","bond0.100","bond0"],["vlan","bond0.200","bond0"]]' ]
	bc --root "$R" convert --to networkd --output-dir "$r"
	[ -z "$err" ]
	[ "$(cd "$r" && find . -type f | sort | tr '\n' ' ')" = "./$ND/30-bond0.100.netdev ./$ND/30-bond0.100.network ./$ND/30-bond0.200.netdev ./$ND/30-bond0.200.network ./$ND/30-bond0.netdev ./$ND/30-bond0.network ./$ND/30-br0.netdev ./$ND/30-br0.network ./$ND/30-eth0.network ./$ND/30-eth1.network " ]
	# the bond: no address, the VLANs on it
	[ "$(grep -v '^VLAN=' "$r/$ND/30-bond0.network")" = "[Match]
Name=bond0

[Network]" ]
	[ "$(grep '^VLAN=' "$r/$ND/30-bond0.network" | sort | tr '\n' ' ')" = "VLAN=bond0.100 VLAN=bond0.200 " ]
	[ "$(unit "$r" 30-bond0.100.netdev)" = "[NetDev]
Name=bond0.100
Kind=vlan

[VLAN]
Id=100" ]
	[ "$(unit "$r" 30-bond0.100.network)" = "[Match]
Name=bond0.100

[Network]
Bridge=br0" ]
	[ "$(unit "$r" 30-br0.netdev)" = "[NetDev]
Name=br0
Kind=bridge

[Bridge]
STP=no
ForwardDelaySec=0" ]
	[ "$(unit "$r" 30-br0.network)" = "[Match]
Name=br0

[Network]
Address=192.0.2.10/24
Gateway=192.0.2.1
DNS=192.0.2.53
Domains=guests.example.com

[Route]
Destination=10.99.0.0/16
Gateway=192.0.2.254" ]
	[ "$(unit "$r" 30-bond0.200.netdev)" = "[NetDev]
Name=bond0.200
Kind=vlan

[VLAN]
Id=200" ]
	[ "$(unit "$r" 30-bond0.200.network)" = "[Match]
Name=bond0.200

[Network]
Address=198.51.100.10/24" ]
	# the slaves as before
	[ "$(unit "$r" 30-eth0.network)" = "[Match]
Name=eth0

[Network]
Bond=bond0" ]
}

@test "nmcli: the bond and its ports, then a connection per upper: the VLAN a port of the bridge, the bridge with its network" {
	bc --root "$R" convert --to nmcli
	[ -z "$err" ]
	[ "$(grep -c '^nmcli connection add ' <<<"$output")" = 6 ]
	grep -Fqx "nmcli connection add type bond con-name bond0 ifname bond0 bond.options 'mode=802.3ad,miimon=100,xmit_hash_policy=layer3+4,lacp_rate=fast' ipv4.method disabled ipv6.method disabled" <<<"$output"
	grep -Fqx "nmcli connection add type vlan con-name bond0.100 ifname bond0.100 dev bond0 id 100 slave-type bridge master br0" <<<"$output"
	grep -Fqx "nmcli connection add type bridge con-name br0 ifname br0 bridge.stp no bridge.forward-delay 0 ipv4.method manual ipv4.addresses 192.0.2.10/24 ipv4.gateway 192.0.2.1 ipv4.dns 192.0.2.53 ipv4.dns-search guests.example.com ipv4.routes '10.99.0.0/16 192.0.2.254' ipv6.method disabled" <<<"$output"
	grep -Fqx "nmcli connection add type vlan con-name bond0.200 ifname bond0.200 dev bond0 id 200 ipv4.method manual ipv4.addresses 198.51.100.10/24 ipv6.method disabled" <<<"$output"
	# each upper after the bond's commands, each VLAN before its bridge
	[ "$(grep -n 'type vlan con-name bond0.100 ' <<<"$output" | cut -d: -f1)" -lt \
		"$(grep -n 'type bridge con-name br0 ' <<<"$output" | cut -d: -f1)" ]
	[ "$(grep -n 'con-name bond0-port-eth1 ' <<<"$output" | cut -d: -f1)" = 3 ]
}

@test "the bond itself a bridge's port: Bridge= beside its VLAN= lines, slave-type bridge and no IP for NetworkManager" {
	local r=$BATS_TEST_TMPDIR/written

	sed -i '/^BRIDGE=/d' "$T/$NS/ifcfg-bond0.100"
	printf 'BRIDGE=br0\n' >>"$T/$NS/ifcfg-bond0"
	[ "$(uppers "$T")" = '[["bridge","br0","bond0"],["vlan","bond0.100","bond0"],["vlan","bond0.200","bond0"]]' ]
	bc --root "$T" convert --to networkd --output-dir "$r"
	[ -z "$err" ]
	[ "$(grep -v '^VLAN=' "$r/$ND/30-bond0.network")" = "[Match]
Name=bond0

[Network]
Bridge=br0" ]
	[ "$(grep -c '^VLAN=' "$r/$ND/30-bond0.network")" = 2 ]
	[ "$(unit "$r" 30-bond0.100.network)" = "[Match]
Name=bond0.100

[Network]" ]
	bc --root "$T" convert --to nmcli
	[ -z "$err" ]
	grep -Fqx "nmcli connection add type bond con-name bond0 ifname bond0 bond.options 'mode=802.3ad,miimon=100,xmit_hash_policy=layer3+4,lacp_rate=fast' slave-type bridge master br0" <<<"$output"
	grep -Fqx "nmcli connection add type vlan con-name bond0.100 ifname bond0.100 dev bond0 id 100 ipv4.method disabled ipv6.method disabled" <<<"$output"
	[ "$(grep -c 'slave-type bridge' <<<"$output")" = 1 ]
}

@test "what NetworkManager refuses is named with its file: an address on a bridge's port, a forward delay of 0 with STP on; networkd takes both" {
	local r=$BATS_TEST_TMPDIR/written

	printf 'IPADDR=192.0.2.100\nPREFIX=24\n' >>"$T/$NS/ifcfg-bond0.100"
	sed -i 's/^STP=no$/STP=yes/' "$T/$NS/ifcfg-br0"
	expected_rc=1 bc --root "$T" convert --to nmcli
	[ -z "$output" ]
	[[ $err == *"$NS/ifcfg-bond0.100:"*": error: bond0.100: address 192.0.2.100/24 (a port of bridge br0, which NetworkManager gives no IP) (nmcli cannot express it); left out"* ]]
	[[ $err == *": error: br0: forward delay 0 (NetworkManager takes 2 to 30 seconds, or 0 with the spanning tree off) (nmcli cannot express it); left out"* ]]
	[ "$(grep -c ': error: ' <<<"$err")" = 2 ]
	bc --root "$T" convert --to nmcli --lossy
	grep -Fqx "nmcli connection add type vlan con-name bond0.100 ifname bond0.100 dev bond0 id 100 slave-type bridge master br0" <<<"$output"
	[[ $output == *"con-name br0 ifname br0 bridge.stp yes ipv4.method manual "* ]]
	[[ $output != *forward-delay* ]]
	# networkd: the port keeps its address, the bridge its delay
	bc --root "$T" convert --to networkd --output-dir "$r"
	[ -z "$err" ]
	[ "$(unit "$r" 30-bond0.100.network)" = "[Match]
Name=bond0.100

[Network]
Address=192.0.2.100/24
Bridge=br0" ]
	[[ $(unit "$r" 30-br0.netdev) == *"STP=yes
ForwardDelaySec=0" ]]
}

@test "an upper not brought up at boot: ActivationPolicy=manual in its .network, connection.autoconnect no for NetworkManager" {
	local r=$BATS_TEST_TMPDIR/written

	sed -i 's/^ONBOOT=yes$/ONBOOT=no/' "$T/$NS/ifcfg-bond0.200"
	[ "$("$IFCFG_BOND_PARSE" --root "$T" --format json | jq -c '[.bonds[0].uppers[] | [.name, .onboot]] | sort')" = '[["bond0.100",true],["bond0.200",false],["br0",true]]' ]
	bc --root "$T" convert --to networkd --output-dir "$r"
	[ -z "$err" ]
	[ "$(unit "$r" 30-bond0.200.network)" = "[Match]
Name=bond0.200

[Link]
ActivationPolicy=manual

[Network]
Address=198.51.100.10/24" ]
	[ "$(grep -l ActivationPolicy "$r/$ND"/* | wc -l)" = 1 ]
	bc --root "$T" convert --to nmcli
	[ -z "$err" ]
	grep -Fqx "nmcli connection add type vlan con-name bond0.200 ifname bond0.200 dev bond0 id 200 ipv4.method manual ipv4.addresses 198.51.100.10/24 ipv6.method disabled connection.autoconnect no" <<<"$output"
	[ "$(grep -c 'connection.autoconnect no' <<<"$output")" = 1 ]
}

@test "nmcli --target-version: the uppers' commands are the same for 1.30 and 1.46, slave-type and master, never port-type or controller" {
	local old

	bc --root "$R" convert --to nmcli
	old=$output
	bc --root "$R" convert --to nmcli --target-version 1.30
	[ "$output" = "$old" ]
	bc --root "$R" convert --to nmcli --target-version 1.46
	[ "$(grep -E 'type (vlan|bridge) ' <<<"$output")" = "$(grep -E 'type (vlan|bridge) ' <<<"$old")" ]
	[[ $output != *port-type* && $output != *controller* ]]
	[ "$(grep -c 'slave-type bridge master br0' <<<"$output")" = 1 ]
	expected_rc=2 bc --root "$R" convert --to nmcli --target-version 1.29
}
