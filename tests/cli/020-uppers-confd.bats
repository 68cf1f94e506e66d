#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# What sits on a bond in Gentoo's conf.d/net: the VLANs of vlans_X, the
# bridges of bridge_BR="PORT" and bridge_add_PORT="BR", as netifrc's vlan.sh
# and bridge.sh name and start them; read as uppers, and written back by
# bondcfg convert --to confd so that they read the same.

load ../helpers

bc() {
	run_split "$BONDCFG" "$@"
}

# uppers ROOT: the uppers of every bond of ROOT, as JSON (where each is
# said left out: a written tree says it on other lines).
uppers() {
	"$IFCFG_BOND_PARSE" --root "$1" --format json |
		jq -c '[.bonds[] | .name as $b | .uppers[] | {bond: $b} + del(.source, .line)]'
}

# brief ROOT: name, lower, id, stp, forward delay, onboot of each upper.
brief() {
	uppers "$1" | jq -c 'map([.name, .lower, .id, .stp, .forward_delay, .onboot])'
}

# link NAME [RUNLEVEL]: net.NAME in /etc/init.d, and in RUNLEVEL if given.
link() {
	mkdir -p "$T/etc/init.d"
	ln -sf net.lo "$T/etc/init.d/net.$1"
	if [ -n "${2:-}" ]; then
		mkdir -p "$T/etc/runlevels/$2"
		ln -sf "/etc/init.d/net.$1" "$T/etc/runlevels/$2/net.$1"
	fi
}

setup() {
	T=$(new_root)
}

@test "conf.d/net: vlans_ as net.example writes them, named BOND.ID or by vlanN_name, with their addresses, routes and DNS" {
	mkfile etc/conf.d/net 'slaves_bond0="eth0 eth1"\nmode_bond0="active-backup"\nconfig_bond0="null"\nvlans_bond0="1 2"\nvlan1_name="vlan1"\nconfig_vlan1="172.16.2.1/24"\nconfig_bond0_2=( "172.16.4.1/24" "2001:db8:4::1/64" )\nroutes_bond0_2="default via 172.16.4.254\n10.8.0.0/16 via 172.16.4.253"\ndns_servers_bond0_2="172.16.4.53"\ndns_search_bond0_2="lab.example"\n'
	link bond0 default
	output=$(uppers "$T")
	[ "$(jq -c 'map([.kind, .name, .lower, .id, .onboot])' <<<"$output")" = '[["vlan","vlan1","bond0",1,true],["vlan","bond0.2","bond0",2,true]]' ]
	[ "$(jq -c '.[0].addresses' <<<"$output")" = '["172.16.2.1/24"]' ]
	[ "$(jq -c '.[1] | {addresses, gateway, dns, search, routes}' <<<"$output")" = '{"addresses":["172.16.4.1/24","2001:db8:4::1/64"],"gateway":"172.16.4.254","dns":["172.16.4.53"],"search":["lab.example"],"routes":[{"to":"10.8.0.0/16","via":"172.16.4.253","metric":null}]}' ]
	# the parent's own rename is read before vlanN_name
	printf 'bond0_vlan1_name="office"\n' >>"$T/etc/conf.d/net"
	[ "$(brief "$T" | jq -c 'map(.[0])')" = '["office","bond0.2"]' ]
}

@test "conf.d/net: a VLAN comes up with its bond, unless vlan_start_ says no; then its own runlevel link says" {
	mkfile etc/conf.d/net 'slaves_bond0="eth0"\nvlans_bond0="10 20"\nconfig_bond0_10="null"\n'
	link bond0.10 default
	[ "$(brief "$T")" = '[["bond0.10","bond0",10,null,null,false],["bond0.20","bond0",20,null,null,false]]' ]
	link bond0 default
	[ "$(brief "$T" | jq -c 'map(.[5])')" = '[true,true]' ]
	printf 'vlan_start_bond0="no"\nrc_net_bond0_10_need="net.bond0"\n' >>"$T/etc/conf.d/net"
	[ "$(brief "$T" | jq -c 'map(.[5])')" = '[true,false]' ]
}

@test "conf.d/net: a VLAN id that is no number, 0, zero-padded or over 4094: a warning with its line, no VLAN" {
	mkfile etc/conf.d/net 'slaves_bond0="eth0"\n\nvlans_bond0="7 x9 0 007 4095 4094"\nbond0_vlan4094_name="a-name-far-too-long"\n'
	run_split "$IFCFG_BOND_PARSE" --root "$T" --format json
	[ "$(jq -c '[.bonds[].uppers[] | [.name, .id]]' <<<"$output")" = '[["bond0.7",7]]' ]
	[ "$(jq -c '[.diagnostics[] | [.severity, .line, .message]]' <<<"$output")" = '[["warning",3,"vlans_bond0: '"'x9'"' is not a VLAN id (1 to 4094, not zero-padded); no VLAN made"],["warning",3,"vlans_bond0: '"'0'"' is not a VLAN id (1 to 4094, not zero-padded); no VLAN made"],["warning",3,"vlans_bond0: '"'007'"' is not a VLAN id (1 to 4094, not zero-padded); no VLAN made"],["warning",3,"vlans_bond0: '"'4095'"' is not a VLAN id (1 to 4094, not zero-padded); no VLAN made"],["warning",4,"vlans_bond0: VLAN 4094: '"'a-name-far-too-long'"' is not an interface name; no VLAN made"]]' ]
	# and as text, with file:line
	run_split "$IFCFG_BOND_PARSE" --root "$T"
	[[ $err == *"/etc/conf.d/net:3: warning: vlans_bond0: 'x9' is not a VLAN id"* ]]
}

@test "conf.d/net: a bridge of bridge_BR and one of bridge_add_PORT, each up at boot by its own runlevel link, STP and forward delay of sysfs or brctl" {
	mkfile etc/conf.d/net 'slaves_bond0="eth0"\nslaves_bond1="eth1"\nbridge_br0="bond0"\nconfig_br0="192.0.2.1/24"\nroutes_br0="default via 192.0.2.254"\nbridge_stp_state_br0="1"\nbridge_forward_delay_br0="400"\nbridge_add_bond1="br1"\nbrctl_br1="setfd 0\nstp off"\nconfig_br1="dhcp"\n'
	link bond0 default
	link bond1 default
	link br0 default
	link br1
	output=$(uppers "$T")
	[ "$(jq -c 'map([.bond, .kind, .name, .lower, .stp, .forward_delay, .onboot])' <<<"$output")" = '[["bond0","bridge","br0","bond0",true,4,true],["bond1","bridge","br1","bond1",false,0,false]]' ]
	[ "$(jq -c '.[0] | {addresses, gateway, not_carried}' <<<"$output")" = '{"addresses":["192.0.2.1/24"],"gateway":"192.0.2.254","not_carried":[]}' ]
	[ "$(jq -c '.[1].addresses' <<<"$output")" = '[]' ]
	# bridge.sh writes the sysfs files after brctl's commands: they win
	printf 'bridge_stp_state_br1="2"\nforward_delay_br1="1500"\n' >>"$T/etc/conf.d/net"
	[ "$(brief "$T" | jq -c '.[1][3:5]')" = '[true,15]' ]
}

@test "conf.d/net: a bridge over a VLAN of the bond, after it; a bridge named with a dash found by its service" {
	mkfile etc/conf.d/net 'slaves_bond0="eth0"\nvlans_bond0="100"\nconfig_bond0_100="null"\nbridge_br_lan="bond0.100"\nconfig_br_lan="198.51.100.1/24"\nvlans_br_lan="5"\n'
	link br-lan default
	[ "$(brief "$T")" = '[["bond0.100","bond0",100,null,null,false],["br-lan","bond0.100",null,null,null,true],["br-lan.5","br-lan",5,null,null,true]]' ]
	[ "$(uppers "$T" | jq -c '.[1].addresses')" = '["198.51.100.1/24"]' ]
}

@test "conf.d/net: other ports, options and variables of a bridge or VLAN are named as not carried, with their lines" {
	mkfile etc/conf.d/net 'slaves_bond0="eth0"\nmode_bond0="active-backup"\nvlans_bond0="100"\nmtu_bond0_100="9000"\nvlan100_flags="reorder_hdr off"\nbridge_br0="eth5 bond0 bond0.100"\nbridge_add_eth6="br0"\nbridge_hello_time_br0="200"\nbridge_forward_delay_br0="150"\nbrctl_br0=( "setmaxage 20" "setfd 3" )\nbridge_force_br0="1"\nbrport_hairpin_mode_bond0="1"\nmac_br0="02:00:00:00:00:01"\n'
	output=$(uppers "$T")
	[ "$(jq -c '.[0].not_carried' <<<"$output")" = '["vlan100_flags=reorder_hdr off","mtu_bond0_100=9000"]' ]
	[ "$(jq -c '.[1] | [.lower, .forward_delay, .not_carried]' <<<"$output")" = '["bond0",null,["brctl setmaxage 20 (brctl_br0)","bridge_forward_delay_br0=150 (1.50 s: the kernel reads hundredths of a second, the model keeps whole seconds)","port eth5 (bridge_br0)","a second port on bond0, bond0.100 (bridge_br0)","port eth6 (bridge_add_eth6)","bridge_hello_time_br0=200","mac_br0=02:00:00:00:00:01"]]' ]
	expected_rc=1 bc --root "$T" convert --to confd
	[[ $err == *"net:6: error: br0: port eth5 (bridge_br0): convert does not carry it; left out"* ]]
	[[ $err == *"net:7: error: br0: port eth6 (bridge_add_eth6): convert does not carry it; left out"* ]]
	[[ $err == *"net:8: error: br0: bridge_hello_time_br0=200: convert does not carry it; left out"* ]]
	[[ $err == *"net:4: error: bond0.100: mtu_bond0_100=9000: convert does not carry it; left out"* ]]
	[[ $err == *"net:12: error: bond0: brport_hairpin_mode_bond0=1: convert does not carry it; left out"* ]]
}

@test "conf.d/net: a bridge with two bonds as ports is kept with the first; the second says it" {
	mkfile etc/conf.d/net 'slaves_bond0="eth0"\nslaves_bond1="eth1"\nbridge_br0="bond0 bond1"\n'
	run_x "$IFCFG_BOND_PARSE" --root "$T" --format json
	[ "$(jq -c '[.bonds[] | [.name, [.uppers[] | .name, .not_carried], .not_carried]]' <<<"$output")" = '[["bond0",["br0",["port bond1 (bridge_br0)"]],[]],["bond1",[],["a port of bridge br0, which is kept with bond0"]]]' ]
}

@test "convert --to confd: VLANs and bridges read back the same, the bridge's runlevel link written" {
	local r=$BATS_TEST_TMPDIR/written

	mkfile etc/conf.d/net 'slaves_bond0="eth0 eth1"\nmode_bond0="802.3ad"\nmiimon_bond0="100"\nvlans_bond0="100 200 300"\nvlan200_name="vlan200"\nconfig_bond0_100="192.0.2.10/24"\nroutes_bond0_100=( "default via 192.0.2.1" "10.9.0.0/16 via 192.0.2.254 metric 7" )\ndns_servers_bond0_100="192.0.2.53 192.0.2.54"\ndns_search_bond0_100="example.org"\nconfig_vlan200="null"\nbridge_add_vlan200="br0"\nconfig_br0=( "198.51.100.1/24" "2001:db8::1/64" )\nbridge_stp_state_br0="0"\nbridge_forward_delay_br0="200"\nvlans_br0="7"\nvlan_start_bond0="no"\nbridge_br1="bond0.300"\n'
	link bond0 default
	link vlan200 default
	link br0 default
	link br1
	output=$(uppers "$T")
	local before=$output
	[ "$(jq -c 'map(.name)' <<<"$before")" = '["bond0.100","vlan200","bond0.300","br0","br1","br0.7"]' ]
	bc --root "$T" convert --to confd --output-dir "$r"
	[ "$(readlink "$r/etc/runlevels/default/net.br0")" = ../../init.d/net.br0 ]
	[ "$(readlink "$r/etc/init.d/net.br1")" = net.lo ]
	[ ! -e "$r/etc/runlevels/default/net.br1" ]
	[ "$(readlink "$r/etc/runlevels/default/net.vlan200")" = ../../init.d/net.vlan200 ]
	grep -qx 'bond0_vlan200_name="vlan200"' "$r/etc/conf.d/net"
	grep -qx 'vlan_start_bond0="no"' "$r/etc/conf.d/net"
	grep -qx 'bridge_br0="vlan200"' "$r/etc/conf.d/net"
	grep -qx 'bridge_forward_delay_br0="200"' "$r/etc/conf.d/net"
	grep -qx 'rc_net_br0_need="net.vlan200"' "$r/etc/conf.d/net"
	# bond0.300 is started apart, by its own service, as vlan_start_bond0 says
	grep -qx 'rc_net_br1_need="net.bond0.300"' "$r/etc/conf.d/net"
	grep -qx 'rc_net_bond0_300_need="net.bond0"' "$r/etc/conf.d/net"
	[ "$(readlink "$r/etc/init.d/net.bond0.300")" = net.lo ]
	output=$(uppers "$r")
	[ "$output" = "$before" ]
	# and once more: the tree written writes itself
	bc --root "$r" convert --to confd --output-dir "$r.2"
	cmp "$r/etc/conf.d/net" "$r.2/etc/conf.d/net"
}

@test "convert --to confd: a bond not started at boot keeps its VLANs off too; one VLAN on at boot starts apart" {
	local r=$BATS_TEST_TMPDIR/written

	mkfile etc/conf.d/net 'slaves_bond0="eth0"\nvlans_bond0="10 20"\nvlan_start_bond0="no"\n'
	link bond0.20 default
	output=$(brief "$T")
	[ "$output" = '[["bond0.10","bond0",10,null,null,false],["bond0.20","bond0",20,null,null,true]]' ]
	bc --root "$T" convert --to confd --output-dir "$r"
	grep -qx 'rc_net_bond0_20_need="net.bond0"' "$r/etc/conf.d/net"
	[ "$(readlink "$r/etc/runlevels/default/net.bond0.20")" = ../../init.d/net.bond0.20 ]
	output=$(brief "$r")
	[ "$output" = '[["bond0.10","bond0",10,null,null,false],["bond0.20","bond0",20,null,null,true]]' ]
	# all with the bond: no vlan_start_, no link of their own
	rm -r "$T/etc/runlevels"
	link bond0 default
	printf 'vlan_start_bond0="yes"\n' >>"$T/etc/conf.d/net"
	rm -r "$r"
	bc --root "$T" convert --to confd --output-dir "$r"
	[ -z "$(grep vlan_start_ "$r/etc/conf.d/net")" ]
	[ ! -e "$r/etc/init.d/net.bond0.10" ]
	[ "$(brief "$r" | jq -c 'map(.[5])')" = '[true,true]' ]
}

@test "convert --to confd: an upper whose variables would be another interface's is named, not written over it" {
	mkfile etc/network/interfaces 'auto bond0\niface bond0 inet manual\n  bond-slaves eth0\n  bond-mode 1\n\nauto bond0.100\niface bond0.100 inet manual\n\nauto bond0_100\niface bond0_100 inet static\n  address 192.0.2.1/24\n  bridge_ports bond0.100\n'
	expected_rc=1 bc --root "$T" convert --to confd
	[ -z "$output" ]
	[[ $err == *"interfaces:10: error: bond0: bridge bond0_100 (netifrc names its variables config_bond0_100, as those of bond0.100)"* ]]
	bc --root "$T" convert --to confd --lossy
	[ "$(grep -c '^config_bond0_100=' <<<"$output")" = 1 ]
	[[ $output != *192.0.2.1/24* ]]
}
