#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# What sits on a bond in RHEL's network scripts: VLAN files on it (as the
# network scripts' ifup-vlan and NetworkManager's ifcfg-rh name them) and
# the bridge it, or a VLAN on it, is a port of (BRIDGE=, TYPE=Bridge), as
# the ifcfg reader reads them and convert writes them back.

load ../helpers

CV=$FIXTURES/convert
NS=etc/sysconfig/network-scripts

# uppers ROOT: the uppers of every bond, without where they were read.
uppers() {
	"$IFCFG_BOND_PARSE" --root "$1" --format json |
		jq -c '[.bonds[].uppers[] | del(.source, .line)]'
}

bond0() {
	mkfile $NS/ifcfg-bond0 "DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS=\"mode=active-backup miimon=100\"\nONBOOT=yes\nBOOTPROTO=none\n$1"
	mkfile $NS/ifcfg-eth0 'DEVICE=eth0\nMASTER=bond0\nSLAVE=yes\n'
}

setup() {
	T=$BATS_TEST_TMPDIR/root
	mkdir -p "$T"
}

@test "ifcfg: bond + VLAN 100 bridged into br0 with its route file, VLAN 200 with an address" {
	run uppers "$CV/rhel-bond-vlan-bridge/root"
	[ "$output" = '[{"kind":"vlan","name":"bond0.100","lower":"bond0","id":100,"stp":null,"forward_delay":null,"onboot":true,"addresses":[],"gateway":null,"gateway6":null,"dns":[],"search":[],"routes":[],"not_carried":[]},{"kind":"bridge","name":"br0","lower":"bond0.100","id":null,"stp":false,"forward_delay":0,"onboot":true,"addresses":["192.0.2.10/24"],"gateway":"192.0.2.1","gateway6":null,"dns":["192.0.2.53"],"search":["guests.example.com"],"routes":[{"to":"10.99.0.0/16","via":"192.0.2.254","metric":null}],"not_carried":[]},{"kind":"vlan","name":"bond0.200","lower":"bond0","id":200,"stp":null,"forward_delay":null,"onboot":true,"addresses":["198.51.100.10/24"],"gateway":null,"gateway6":null,"dns":[],"search":[],"routes":[],"not_carried":[]}]' ]
	# the text format says the same, for people
	run "$IFCFG_BOND_PARSE" --root "$CV/rhel-bond-vlan-bridge/root"
	[[ $output == *$'\nvlan=bond0.100 on bond0, id 100, onboot yes\nbridge=br0 on bond0.100, stp off, forward delay 0, onboot yes\n  addresses=192.0.2.10/24\n  gateway=192.0.2.1\n'* ]]
}

@test "ifcfg: NetworkManager's VLAN (TYPE=Vlan, PHYSDEV=, VLAN_ID=) and the network scripts' vlanN with PHYSDEV" {
	bond0
	mkfile $NS/ifcfg-vlan100 'TYPE=Vlan\nPHYSDEV=bond0\nVLAN_ID=100\nDEVICE=vlan100\nBOOTPROTO=none\nIPADDR=10.1.0.2\nPREFIX=24\nIPV6INIT=yes\nIPV6ADDR=2001:db8:100::2/64\nONBOOT=no\nNAME=vlan100\nUUID=8d9f0f58-7e2b-4b11-9f6b-7b0b1b0f6a10\n'
	mkfile $NS/ifcfg-vlan0300 'DEVICE=vlan0300\nVLAN=yes\nPHYSDEV=bond0\n'
	run uppers "$T"
	[ "$(jq -c 'map({name, lower, id, onboot, addresses})' <<<"$output")" = '[{"name":"vlan0300","lower":"bond0","id":300,"onboot":true,"addresses":[]},{"name":"vlan100","lower":"bond0","id":100,"onboot":false,"addresses":["10.1.0.2/24","2001:db8:100::2/64"]}]' ]
}

@test "ifcfg: a VLAN with no id of 1 to 4094 is a warning with its line, and no VLAN" {
	bond0
	mkfile $NS/ifcfg-bond0.5000 'DEVICE=bond0.5000\nVLAN=yes\n'
	mkfile $NS/ifcfg-bond0.7 'DEVICE=bond0.7\nVLAN=yes\nVLAN_ID=x7\n'
	run uppers "$T"
	[ "$output" = '[]' ]
	run_split "$IFCFG_BOND_PARSE" --root "$T"
	[[ $err == *"ifcfg-bond0.5000:1: warning: bond0.5000: no VLAN id of 1 to 4094 (bond0.5000)"* ]]
	[[ $err == *"ifcfg-bond0.7:3: warning: bond0.7: no VLAN id of 1 to 4094 (x7)"* ]]
}

@test "ifcfg: a file not on a bond is not read as one of its VLANs; DEVICE=bond0.9 without VLAN=yes is no VLAN" {
	bond0
	mkfile $NS/ifcfg-eth9.10 'DEVICE=eth9.10\nVLAN=yes\nIPADDR=10.9.0.1\nPREFIX=24\n'
	mkfile $NS/ifcfg-bond0.9 'DEVICE=bond0.9\nIPADDR=10.9.1.1\nPREFIX=24\n'
	run uppers "$T"
	[ "$output" = '[]' ]
}

@test "ifcfg: the bond as a bridge port; the bridge's other ports and BRIDGING_OPTS are named, and convert refuses without --lossy" {
	bond0 'BRIDGE=br1\n'
	mkfile $NS/ifcfg-br1 'DEVICE=br1\nTYPE=Bridge\nONBOOT=yes\nBOOTPROTO=none\nSTP=yes\nDELAY=15\nBRIDGING_OPTS="priority=4096"\nIPADDR=192.0.2.20\nPREFIX=24\n'
	mkfile $NS/ifcfg-eth5 'DEVICE=eth5\nBRIDGE=br1\nONBOOT=yes\n'
	run uppers "$T"
	[ "$(jq -c '.[0] | {kind, name, lower, stp, forward_delay, addresses, not_carried}' <<<"$output")" = '{"kind":"bridge","name":"br1","lower":"bond0","stp":true,"forward_delay":15,"addresses":["192.0.2.20/24"],"not_carried":["BRIDGING_OPTS=priority=4096","eth5, another port of br1"]}' ]
	expected_rc=1 run_split "$BONDCFG" --root "$T" convert --to ifcfg
	[ -z "$output" ]
	[[ $err == *"ifcfg-br1:7: error: br1: BRIDGING_OPTS=priority=4096: convert does not carry it"* ]]
	[[ $err == *"ifcfg-eth5:2: error: br1: eth5, another port of br1: convert does not carry it"* ]]
	run_split "$BONDCFG" --root "$T" convert --to ifcfg --lossy
	[[ $output == *$'# /etc/sysconfig/network-scripts/ifcfg-bond0\n'*$'BRIDGE=br1\n'* ]]
	[[ $err == *"ifcfg-eth5:2: warning: br1: eth5, another port of br1"* ]]
}

@test "ifcfg: a bridge two bonds are ports of is kept on the first, the second port named" {
	bond0 'BRIDGE=br1\n'
	mkfile $NS/ifcfg-bond1 'DEVICE=bond1\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=1"\nBRIDGE=br1\n'
	mkfile $NS/ifcfg-br1 'DEVICE=br1\nTYPE=Bridge\n'
	run "$IFCFG_BOND_PARSE" --root "$T" --format json
	[ "$(jq -c '[.bonds[] | {name, uppers: [.uppers[] | {name, lower, not_carried}]}]' <<<"$output")" = '[{"name":"bond0","uppers":[{"name":"br1","lower":"bond0","not_carried":["bond1, a second port of br1 (bond0 is kept)"]}]},{"name":"bond1","uppers":[]}]' ]
}

@test "ifcfg: convert --to ifcfg writes the VLAN and bridge files and their route file, and reads back the same" {
	local out=$BATS_TEST_TMPDIR/out.d

	run_split "$BONDCFG" --root "$CV/rhel-bond-vlan-bridge/root" convert --to ifcfg --output-dir "$out"
	[ -z "$err" ]
	[ "$(cat "$out/$NS/route-br0")" = "10.99.0.0/16 via 192.0.2.254" ]
	grep -qx 'BRIDGE=br0' "$out/$NS/ifcfg-bond0.100"
	grep -qx 'VLAN_ID=100' "$out/$NS/ifcfg-bond0.100"
	grep -qx 'TYPE=Bridge' "$out/$NS/ifcfg-br0"
	! grep -q BRIDGE "$out/$NS/ifcfg-bond0"
	[ "$(uppers "$out")" = "$(uppers "$CV/rhel-bond-vlan-bridge/root")" ]
}

@test "ifcfg: a format that cannot write what sits on a bond names each item with its file and line" {
	expected_rc=1 run_split "$BONDCFG" --root "$CV/rhel-bond-vlan-bridge/root" convert --to ip
	[[ $err == *"ifcfg-bond0.100:1: error: bond0: VLAN bond0.100 on bond0 (ip cannot express it)"* ]]
	[[ $err == *"ifcfg-br0:1: error: bond0: bridge br0 on bond0.100 (ip cannot express it)"* ]]
	[[ $err == *"ifcfg-bond0.200:1: error: bond0: VLAN bond0.200 on bond0 (ip cannot express it)"* ]]
}
