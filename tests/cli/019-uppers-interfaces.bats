#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# What sits on a bond in Debian's interfaces: VLANs (BOND.VID stanzas,
# vlan-raw-device with the id in the name, ifupdown2's vlan-id), the
# bridges whose ports are the bond or one of its VLANs, and VLANs on those
# bridges; as the reader reads them, as convert --to interfaces writes
# them back (for Debian's ifupdown and for ifupdown2), and as the other
# writers name them lost.

load ../helpers

bc() {
	run_split "$BONDCFG" "$@"
}

# write_if [ROOT]: standard input as ROOT's /etc/network/interfaces.
write_if() {
	mkdir -p "${1:-$T}/etc/network"
	cat >"${1:-$T}/etc/network/interfaces"
}

# uppers ROOT: the uppers of every bond of ROOT, as JSON, where each is
# written left out.
uppers() {
	"$IFCFG_BOND_PARSE" --root "$1" --format json |
		jq -c '[.bonds[].uppers[] | del(.source, .line)]'
}

# The diagnostics of ifcfg-bond-parse's JSON, "LINE SEVERITY: MESSAGE" each.
diags() {
	jq -c '[.diagnostics[] | "\(.line) \(.severity): \(.message)"]'
}

# The uppers in the order of their names, without what is not carried:
# what a conversion must keep.
kept() {
	jq -S -c 'map(del(.not_carried)) | sort_by(.name)'
}

setup() {
	T=$BATS_TEST_TMPDIR/root
	mkdir -p "$T"
}

@test "Proxmox: a bridge whose bridge-ports is the bond, bridge-stp off, bridge-fd 0; the bond's stanza manual" {
	write_if <<'EOF'
auto lo
iface lo inet loopback

iface eno1 inet manual

iface eno2 inet manual

auto bond0
iface bond0 inet manual
	bond-slaves eno1 eno2
	bond-miimon 100
	bond-mode 802.3ad
	bond-xmit-hash-policy layer2+3

auto vmbr0
iface vmbr0 inet static
	address 192.0.2.10/24
	gateway 192.0.2.1
	bridge-ports bond0
	bridge-stp off
	bridge-fd 0

iface vmbr0 inet6 static
	address 2001:db8::10/64
	gateway 2001:db8::1
EOF
	run_split "$IFCFG_BOND_PARSE" --root "$T" --format json
	[ -z "$err" ]
	[ "$(jq -c '.bonds[0] | [.addresses, .gateway]' <<<"$output")" = '[[],null]' ]
	[ "$(jq -c '[.bonds[0].uppers[] | del(.source)]' <<<"$output")" = '[{"kind":"bridge","name":"vmbr0","lower":"bond0","id":null,"stp":false,"forward_delay":0,"onboot":true,"addresses":["192.0.2.10/24","2001:db8::10/64"],"gateway":"192.0.2.1","gateway6":"2001:db8::1","dns":[],"search":[],"routes":[],"not_carried":[],"line":16}]' ]
}

@test "Debian's vlan package: auto bond0.100 with address and netmask, DNS and a route; vlanNNN and vlan0NNN with vlan-raw-device" {
	write_if <<'EOF'
auto bond0
iface bond0 inet manual
    bond-slaves eth0 eth1
    bond-mode active-backup

auto bond0.100
iface bond0.100 inet static
    address 198.51.100.5
    netmask 255.255.255.0
    gateway 198.51.100.1
    dns-nameservers 198.51.100.53
    dns-search example.net
    up ip route add 10.9.0.0/16 via 198.51.100.254

auto vlan200
iface vlan200 inet manual
    vlan-raw-device bond0

allow-hotplug vlan0300
iface vlan0300 inet manual
    vlan_raw_device bond0

iface bond0.400 inet manual
EOF
	run uppers "$T"
	[ "$(jq -c 'map([.kind, .name, .lower, .id, .onboot])' <<<"$output")" = '[["vlan","bond0.100","bond0",100,true],["vlan","vlan200","bond0",200,true],["vlan","vlan0300","bond0",300,true],["vlan","bond0.400","bond0",400,false]]' ]
	[ "$(jq -c '.[0] | [.addresses, .gateway, .dns, .search, .routes]' <<<"$output")" = '[["198.51.100.5/24"],"198.51.100.1",["198.51.100.53"],["example.net"],[{"to":"10.9.0.0/16","via":"198.51.100.254","metric":null}]]' ]
	# a VLAN on eth2 is not the bond's
	printf 'iface eth2.7 inet manual\n\niface vlan8 inet manual\n    vlan-raw-device eth2\n' >>"$T/etc/network/interfaces"
	[ "$(uppers "$T" | jq -c 'map(.name)')" = '["bond0.100","vlan200","vlan0300","bond0.400"]' ]
}

@test "a bridge over a VLAN over the bond, a VLAN on that bridge, a port BOND.VID with no stanza" {
	write_if <<'EOF'
auto bond0
iface bond0 inet manual
    bond-slaves eth0 eth1
    bond-mode 802.3ad

auto br100
iface br100 inet static
    address 203.0.113.2/24
    bridge_ports bond0.100
    bridge_stp on
    bridge_fd 4

iface bond0.100 inet manual

auto br100.7
iface br100.7 inet static
    address 10.7.0.2/24

auto br300
iface br300 inet manual
    bridge_ports bond0.300
EOF
	run uppers "$T"
	[ "$(jq -c 'map([.kind, .name, .lower, .id, .stp, .forward_delay, .onboot, .addresses])' <<<"$output")" = '[["vlan","bond0.100","bond0",100,null,null,false,[]],["bridge","br100","bond0.100",null,true,4,true,["203.0.113.2/24"]],["vlan","bond0.300","bond0",300,null,null,true,[]],["bridge","br300","bond0.300",null,null,null,true,[]],["vlan","br100.7","br100",7,null,null,true,["10.7.0.2/24"]]]' ]
}

@test "a VLAN id that cannot be had: a warning with its line, and no VLAN" {
	write_if <<'EOF'
auto bond0
iface bond0 inet manual
    bond-slaves eth0
    bond-mode 1

iface bond0.5000 inet manual

iface bond0.abc inet manual

iface bond0.0 inet manual

iface mgmt inet manual
    vlan-raw-device bond0

iface vlanx inet manual
    vlan-raw-device bond0

iface bond0.1.2 inet manual
EOF
	run_split "$IFCFG_BOND_PARSE" --root "$T" --format json
	[ "$(jq -c '.bonds[0].uppers' <<<"$output")" = '[]' ]
	[ "$(diags <<<"$output")" = '["6 warning: bond0.5000: VLAN id '"'5000'"' is not a number from 1 to 4094; no VLAN is made of it","8 warning: bond0.abc: VLAN id '"'abc'"' is not a number from 1 to 4094; no VLAN is made of it","10 warning: bond0.0: VLAN id '"'0'"' is not a number from 1 to 4094; no VLAN is made of it","13 warning: mgmt: Debian'"'"'s vlan package takes a VLAN'"'"'s id from its name (vlanNNN, vlan0NNN or RAW.NNN), which mgmt does not carry, and makes no VLAN of it, nor does this reader (name it bond0.ID)","16 warning: vlanx: VLAN id '"'x'"' is not a number from 1 to 4094; no VLAN is made of it","18 warning: bond0.1.2 has several dots: Debian'"'"'s ifupdown makes a VLAN of the id after the first on bond0, under that name, which is not what it says; no VLAN is made of it here (give it one dot, or write it for ifupdown2)"]' ]
	# vlan-id is ifupdown2's: Debian's vlan package takes the name's
	printf 'iface vlan20 inet manual\n    vlan-raw-device bond0\n    vlan-id 21\n' >>"$T/etc/network/interfaces"
	run_split "$IFCFG_BOND_PARSE" --root "$T" --format json
	[ "$(jq -c '[.bonds[0].uppers[] | [.name, .id]]' <<<"$output")" = '[["vlan20",20]]' ]
	[ "$(diags <<<"$output" | jq -r '.[-1]')" = "21 warning: vlan-id 21: Debian's vlan package takes the id from the name, 20, and so does this reader" ]
}

@test "ifupdown2: vlan-id over the name, several address lines, no family, vlan-id out of range" {
	mkdir -p "$T/etc/network/ifupdown2"
	write_if <<'EOF'
auto bond0
iface bond0
    bond-slaves swp1 swp2
    bond-mode 802.3ad
    bond-miimon 100

auto mgmt
iface mgmt
    vlan-raw-device bond0
    vlan-id 300
    address 10.3.0.2/24
    address 10.3.0.3/24
    address 2001:db8:3::2/64
    gateway 10.3.0.1

iface bond0.10
    vlan-id 11

iface other
    vlan-raw-device bond0
    vlan-id 4095

auto bond0.20
iface bond0.20

iface bond0.20.30
EOF
	run_split "$IFCFG_BOND_PARSE" --root "$T" --format json
	[ "$(jq -c '[.bonds[0].uppers[] | [.name, .lower, .id, .onboot, .addresses, .gateway]]' <<<"$output")" = '[["mgmt","bond0",300,true,["10.3.0.2/24","10.3.0.3/24","2001:db8:3::2/64"],"10.3.0.1"],["bond0.10","bond0",11,false,[],null],["bond0.20","bond0",20,true,[],null],["bond0.20.30","bond0.20",30,false,[],null]]' ]
	[ "$(diags <<<"$output")" = '["21 warning: other: VLAN id '"'4095'"' is not a number from 1 to 4094; no VLAN is made of it"]' ]
}

@test "what an upper has that is not carried is named with its line; other writers name each upper lost" {
	write_if <<'EOF'
auto bond0
iface bond0 inet manual
    bond-slaves eth0 eth1
    bond-mode active-backup

auto br0
iface br0 inet static
    address 192.0.2.1/24
    bridge_ports bond0 eth3
    bridge_maxwait 0
    bridge-vlan-aware yes
    bridge_fd 2.5
    bridge_stp maybe
    post-up echo 1 > /proc/sys/net/ipv4/ip_forward

auto bond0.100
iface bond0.100 inet dhcp
    mtu 9000
    hwaddress ether 02:00:00:00:01:00
EOF
	run_split "$IFCFG_BOND_PARSE" --root "$T" --format json
	[ "$(jq -c '[.bonds[0].uppers[] | [.name, .stp, .forward_delay, .not_carried]]' <<<"$output")" = '[["bond0.100",null,null,["iface bond0.100 inet dhcp","mtu 9000","hwaddress ether 02:00:00:00:01:00"]],["br0",null,null,["port eth3 of the bridge","bridge_maxwait 0","bridge-vlan-aware yes","bridge_fd 2.5","the command '"'"'post-up echo 1 > /proc/sys/net/ipv4/ip_forward'"'"'"]]]' ]
	[ "$(diags <<<"$output")" = '["12 warning: bridge_fd 2.5: a forward delay with a fraction of a second, which is kept in whole seconds here; not set","13 warning: bridge_stp maybe: expected on or off; not set"]' ]
	expected_rc=1 bc --root "$T" convert --to interfaces
	[[ $err == *"interfaces:9: error: br0: port eth3 of the bridge: convert does not carry it; left out"* ]]
	[[ $err == *"interfaces:11: error: br0: bridge-vlan-aware yes: convert does not carry it"* ]]
	[[ $err == *"interfaces:18: error: bond0.100: mtu 9000: convert does not carry it"* ]]
	[[ $err == *"interfaces:17: error: bond0.100: iface bond0.100 inet dhcp: convert does not carry it"* ]]
	[[ $err == *"interfaces cannot express 8 things"* ]]
	# ip's commands build the bond only: each upper is named
	expected_rc=1 bc --root "$T" convert --to ip
	[[ $err == *"interfaces:7: error: bond0: bridge br0 on bond0 (ip cannot express it); left out"* ]]
	[[ $err == *"interfaces:17: error: bond0: VLAN bond0.100 on bond0 (ip cannot express it); left out"* ]]
	# the others write the uppers, and name what is not carried the same
	expected_rc=1 bc --root "$T" convert --to ifcfg
	[[ $err == *"interfaces:9: error: br0: port eth3 of the bridge: convert does not carry it; left out"* ]]
	[[ $err != *"bridge br0 on bond0"* ]]
}

@test "convert --to interfaces: a stanza for each upper after the bond's, read back the same" {
	write_if <<'EOF'
auto bond0
iface bond0 inet manual
    bond-slaves eth0 eth1
    bond-mode 802.3ad
    bond-miimon 100

auto bond0.100
iface bond0.100 inet static
    address 198.51.100.5/24
    address 198.51.100.6/24
    gateway 198.51.100.1
    dns-nameservers 198.51.100.53
    up ip route add 10.9.0.0/16 via 198.51.100.254

iface bond0.100 inet6 static
    address 2001:db8:100::5/64

iface vlan200 inet manual
    vlan-raw-device bond0

auto vmbr0
iface vmbr0 inet static
    address 192.0.2.10/24
    gateway 192.0.2.1
    bridge_ports vlan200
    bridge_stp off
    bridge_fd 0

auto br1
iface br1 inet manual
    bridge_ports bond0.300
EOF
	bc --root "$T" convert --to interfaces
	[ -z "$err" ]
	[[ $output == *"
auto bond0.100
iface bond0.100 inet static
    address 198.51.100.5/24
    gateway 198.51.100.1
    dns-nameservers 198.51.100.53
    up ip route add 10.9.0.0/16 via 198.51.100.254 dev bond0.100

iface bond0.100 inet static
    address 198.51.100.6/24

iface bond0.100 inet6 static
    address 2001:db8:100::5/64

iface vlan200 inet manual
    vlan-raw-device bond0

auto vmbr0
iface vmbr0 inet static
    address 192.0.2.10/24
    gateway 192.0.2.1
    bridge_ports vlan200
    bridge_stp off
    bridge_fd 0

auto bond0.300
iface bond0.300 inet manual

auto br1
iface br1 inet manual
    bridge_ports bond0.300" ]]
	local r
	r=$(new_root)
	bc --root "$T" convert --to interfaces --output-dir "$r"
	[ "$(uppers "$r" | kept)" = "$(uppers "$T" | kept)" ]
	[ "$(uppers "$r" | jq length)" = 5 ]
	# and once more: the order is the reader's, VLANs on the bond first
	local r2
	r2=$(new_root)
	bc --root "$r" convert --to interfaces --output-dir "$r2"
	[ "$(uppers "$r2")" = "$(uppers "$r")" ]
}

@test "convert --to interfaces --target-version ifupdown2: bridge-ports, vlan-id; Debian's ifupdown cannot name a VLAN's id otherwise" {
	mkdir -p "$T/etc/network/ifupdown2"
	write_if <<'EOF'
auto bond0
iface bond0
    bond-slaves swp1 swp2
    bond-mode 802.3ad

auto mgmt
iface mgmt
    vlan-raw-device bond0
    vlan-id 300
    address 10.3.0.2/24

auto bond0.10
iface bond0.10
    vlan-id 11

auto br0
iface br0
    bridge-ports mgmt
    bridge-stp on
    bridge-fd 4
EOF
	bc --root "$T" convert --to interfaces --target-version ifupdown2
	[[ $output == *"
auto mgmt
iface mgmt inet static
    address 10.3.0.2/24
    vlan-raw-device bond0
    vlan-id 300

auto bond0.10
iface bond0.10 inet manual
    vlan-raw-device bond0
    vlan-id 11

auto br0
iface br0 inet manual
    bridge-ports mgmt
    bridge-stp on
    bridge-fd 4" ]]
	local r
	r=$(new_root)
	mkdir -p "$r/etc/network/ifupdown2"
	bc --root "$T" convert --to interfaces --target-version ifupdown2 --output-dir "$r"
	[ "$(uppers "$r" | kept)" = "$(uppers "$T" | kept)" ]
	# Debian's ifupdown: the id is in the name or nowhere
	expected_rc=1 bc --root "$T" convert --to interfaces
	[[ $err == *"interfaces:7: error: mgmt: VLAN 300 on bond0 (Debian's ifupdown and vlan package take the id from the name, bond0.300 or vlan300; ifupdown2 reads vlan-id) (interfaces cannot express it); left out"* ]]
	[[ $err == *"interfaces:13: error: bond0.10: VLAN 11 on bond0"* ]]
	[ "$(grep -c ': error: ' <<<"$err")" = 2 ]
	bc --root "$T" convert --to interfaces --lossy
	[[ $output == *"    bridge_ports mgmt"* && $output != *"    vlan-id"* ]]
	[[ $output == *"# not converted: mgmt: VLAN 300 on bond0"* ]]
}
