#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# ifenslave on the real driver: the rclocal-ifenslave-arp scenario as
# rc.local runs it and as its admin typed it, bonds built from the host's
# configuration, -d, -c, showing, and every error path with its message
# and exit status. Every change is read back with `ip -d -j link show`.

load ../helpers
load kernel

SC=$FIXTURES/scenarios
ARP=$SC/rclocal-ifenslave-arp/root

setup_file() {
	announce_kernel
}

setup() {
	ifcfg_setup
}

teardown() {
	kernel_teardown
}

# A bond made with ip(8), not from any configuration.
ip_bond() {
	local bond=$1 mode=$2 dev

	shift 2
	run_x ip link add "$bond" type bond mode "$mode" miimon 100
	for dev in "$@"; do
		run_x ip link set "$dev" master "$bond"
	done
	run_x ip link set "$bond" up
}

up_flag() {
	link_field "$1" '.flags | index("UP") != null'
}

# The warnings the scenario's own files deserve, which every run repeats.
scenario_warnings() {
	assert_output_contains "ifcfg-bond0:1: warning: bond0 is named as MASTER"
	assert_output_contains "dist.conf:2: warning: options for bond0 in modprobe.d reach the driver only"
}

CREATED="bond0: created as configured in $ARP/etc/modprobe.d/dist.conf: mode=active-backup arp_interval=500 arp_ip_target=192.168.101.254 arp_validate=all primary=eth0"

# --- the scenario -------------------------------------------------------------

@test "rclocal-ifenslave-arp: 'ifenslave bond0 eth0 eth1' builds the bond modprobe.d describes" {
	dummies eth0 eth1
	run_split "$IFENSLAVE" --root "$ARP" bond0 eth0 eth1
	[ "$output" = "$CREATED" ]
	output=$err scenario_warnings
	expect_scenario rclocal-ifenslave-arp
	[ "$(bond_info bond0 .miimon)" = 0 ]
	[ "$(up_flag bond0)" = true ]
	# run again, as a second rc.local run would: nothing changes
	run_split "$IFENSLAVE" --root "$ARP" bond0 eth0 eth1
	[ -z "$output" ]
	[[ "$err" == *"warning: bond0: eth0 is already a slave of bond0"* ]]
	[[ "$err" == *"warning: bond0: eth1 is already a slave of bond0"* ]]
	expect_scenario rclocal-ifenslave-arp
}

@test "rclocal-ifenslave-arp: the admin's 'ifdown bond0; ifenslave bond0 eth0; ifenslave bond0 eth1; ifup bond0'" {
	dummies eth0 eth1
	run_x "$BONDCFG" --root "$ARP" up bond0
	expect_scenario rclocal-ifenslave-arp
	# ifdown: the bond is deleted
	run_x "$BONDCFG" --root "$ARP" down bond0
	[ -z "$(bond_names)" ]
	run_split "$IFENSLAVE" --root "$ARP" bond0 eth0
	[ "$output" = "$CREATED" ]
	[ "$(slaves_of bond0)" = eth0 ]
	run_split "$IFENSLAVE" --root "$ARP" bond0 eth1
	[ -z "$output" ]
	# ifup
	run_x "$BONDCFG" --root "$ARP" up bond0
	assert_output_contains "bond0: unchanged"
	expect_scenario rclocal-ifenslave-arp
	[ "$(up_flag bond0)" = true ]
}

@test "rclocal-ifenslave-arp: the same, with an ifdown that keeps the bond without slaves" {
	dummies eth0 eth1
	run_x "$BONDCFG" --root "$ARP" up bond0
	run_x "$BONDCFG" --root "$ARP" down --keep bond0
	run_x ip link set bond0 down
	[ -z "$(slaves_of bond0)" ]
	run_split "$IFENSLAVE" --root "$ARP" bond0 eth0
	[ -z "$output" ]
	run_x "$IFENSLAVE" --root "$ARP" bond0 eth1
	run_x "$BONDCFG" --root "$ARP" up bond0
	assert_output_contains "bond0: unchanged"
	expect_scenario rclocal-ifenslave-arp
	[ "$(up_flag bond0)" = true ]
}

@test "rclocal-ifenslave-arp: eth1 first; the kernel makes eth0 primary once it is enslaved" {
	dummies eth0 eth1
	run_split "$IFENSLAVE" -v --root "$ARP" bond0 eth1
	[[ "$err" == *"note: bond0: primary eth0 takes effect when eth0 is enslaved"* ]]
	[ "$(slaves_of bond0)" = eth1 ]
	[ "$(bond_info bond0 .mode)" = active-backup ]
	run_x "$IFENSLAVE" --root "$ARP" bond0 eth0
	expect_scenario rclocal-ifenslave-arp
}

@test "rclocal-ifenslave-arp: bond0 that the module made with its defaults still gets the configured options" {
	dummies eth0 eth1
	unload_bonding
	run_x modprobe -C /dev/null bonding
	[ "$(bond_info bond0 .mode)" = balance-rr ]
	run_split "$IFENSLAVE" --root "$ARP" bond0 eth0 eth1
	[ "$output" = "${CREATED/created/options set}" ]
	expect_scenario rclocal-ifenslave-arp
}

@test "rclocal-ifenslave-arp: the module loaded by the request itself makes bond0 first; the options still apply" {
	dummies eth0 eth1
	unload_bonding
	echo "options bonding max_bonds=1" >/etc/modprobe.d/zz-bond0.conf
	run_split "$IFENSLAVE" --root "$ARP" bond0 eth0 eth1
	rm -f /etc/modprobe.d/zz-bond0.conf
	[ "$output" = "$CREATED" ]
	expect_scenario rclocal-ifenslave-arp
}

@test "rclocal-ifenslave-arp root-conflict: exit 3, both lines named, nothing built" {
	dummies eth0 eth1
	expected_rc=3 run_split "$IFENSLAVE" --root "$SC/rclocal-ifenslave-arp/root-conflict" bond0 eth0 eth1
	[[ "$err" == *"etc/modprobe.d/dist.conf:3: error: arp_interval and miimon (at "*"dist.conf:2) exclude each other"* ]]
	[[ "$err" == *"error: bond0: not created: its configuration has errors"* ]]
	[ -z "$output" ]
	[ -z "$(bond_names)" ]
	[ "$(link_field eth0 .master)" = null ]
}

# --- building from other configurations ---------------------------------------

@test "a bond from BONDING_OPTS, with the slave options and MTU its files give" {
	dummies d1 d2
	printf 'DEVICE=bond1\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=802.3ad lacp_rate=fast miimon=100 queue_id=d2:3"\nMTU=9000\n' >"$NS/ifcfg-bond1"
	run_split "$IFENSLAVE" --root "$ROOT" bond1 d1 d2
	[ "$output" = "bond1: created as configured in $NS/ifcfg-bond1: mode=802.3ad miimon=100 lacp_rate=fast queue_id=d2:3" ]
	[ "$(bond_info bond1 .mode)" = 802.3ad ]
	[ "$(bond_info bond1 .ad_lacp_rate)" = fast ]
	[ "$(slaves_of bond1)" = "d1 d2" ]
	[ "$(link_field d2 .linkinfo.info_slave_data.queue_id)" = 3 ]
	[ "$(link_field bond1 .mtu)" = 9000 ]
	[ "$(link_field d1 .mtu)" = 9000 ]
}

@test "a bond from /etc/network/interfaces" {
	dummies enp1s0 enp2s0
	mkdir -p "$ROOT/etc/network"
	printf 'auto bond0\niface bond0 inet manual\n  bond-mode active-backup\n  bond-miimon 100\n  bond-slaves none\n' >"$ROOT/etc/network/interfaces"
	run_split "$IFENSLAVE" --root "$ROOT" bond0 enp2s0 enp1s0
	[ "$output" = "bond0: created as configured in $ROOT/etc/network/interfaces: mode=active-backup miimon=100" ]
	[ "$(bond_info bond0 .mode)" = active-backup ]
	[ "$(slaves_of bond0)" = "enp1s0 enp2s0" ]
	# in the order given: the first enslaved is the active slave
	[ "$(bond_info bond0 .active_slave)" = enp2s0 ]
}

@test "a bond made by hand keeps its options; only the slaves are added" {
	dummies d1 d2
	ip_bond bond0 balance-xor d1
	printf 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=active-backup"\n' >"$NS/ifcfg-bond0"
	run_split "$IFENSLAVE" --root "$ROOT" bond0 d2
	[ -z "$output" ]
	[ "$(bond_info bond0 .mode)" = balance-xor ]
	[ "$(slaves_of bond0)" = "d1 d2" ]
}

# --- errors when enslaving ----------------------------------------------------

@test "a bond that exists nowhere: exit 1, what to do" {
	dummies d1
	expected_rc=1 run_split "$IFENSLAVE" --root "$ROOT" bond7 d1
	[ "$err" = "error: bond7: no such bond, and no configuration describes it (0 files read under $ROOT); configure it, or create it with 'ip link add bond7 type bond'" ]
	[ -z "$(bond_names)" ]
}

@test "a missing slave: exit 1, nothing enslaved, not even the others" {
	dummies d1 d2
	ip_bond bond0 active-backup d1
	expected_rc=1 run_split "$IFENSLAVE" --root "$ROOT" bond0 d2 eth9
	[ "$err" = "error: bond0: cannot enslave eth9: no such device
error: bond0: nothing was changed" ]
	[ "$(slaves_of bond0)" = d1 ]
	[ "$(link_field d2 .master)" = null ]
}

@test "a missing slave of a bond to be created: nothing is created" {
	dummies eth0
	expected_rc=1 run_split "$IFENSLAVE" --root "$ARP" bond0 eth0 eth9
	[[ "$err" == *"error: bond0: cannot enslave eth9: no such device"* ]]
	[[ "$err" == *"error: bond0: nothing was changed"* ]]
	[ -z "$(bond_names)" ]
}

@test "a slave of another bond: exit 1, and how to release it" {
	dummies d1 d2
	ip_bond bond1 active-backup d1
	ip_bond bond0 active-backup d2
	expected_rc=1 run_split "$IFENSLAVE" --root "$ROOT" bond0 d1
	[ "$err" = "error: bond0: cannot enslave d1: it is a slave of bond1; release it there first: ifenslave -d bond1 d1
error: bond0: nothing was changed" ]
	[ "$(slaves_of bond1)" = d1 ]
	[ "$(slaves_of bond0)" = d2 ]
}

@test "a master that is not a bond: exit 1" {
	dummies d1 d2
	expected_rc=1 run_split "$IFENSLAVE" --root "$ROOT" d1 d2
	[ "$err" = "error: d1: not a bond but a dummy device; the bond comes first: ifenslave MASTER SLAVE..." ]
	[ "$(link_field d2 .master)" = null ]
}

@test "a bond enslaved to itself, and the loopback device: exit 1" {
	dummies d1
	ip_bond bond0 active-backup d1
	expected_rc=1 run_split "$IFENSLAVE" bond0 bond0
	[[ "$err" == "error: bond0: cannot enslave a bond to itself"* ]]
	expected_rc=1 run_split "$IFENSLAVE" -f bond0 lo
	[[ "$err" == "error: bond0: cannot enslave lo: it is a loopback device"* ]]
	[ "$(slaves_of bond0)" = d1 ]
}

@test "a device that is not Ethernet needs -f; then the kernel refuses it and the whole run is undone" {
	run_x modprobe nlmon
	run_x ip link add nl0 type nlmon
	dummies d1 d2
	ip_bond bond0 active-backup d1
	expected_rc=1 run_split "$IFENSLAVE" bond0 nl0
	[ "$err" = "error: bond0: cannot enslave nl0: it is not an Ethernet device (link/netlink); -f enslaves it anyway
error: bond0: nothing was changed" ]
	expected_rc=1 run_split "$IFENSLAVE" -f bond0 d2 nl0
	[[ "$err" == *"error: bond0: enslave nl0: Invalid argument"* ]]
	[[ "$err" == *"error: bond0: not changed: every step was undone"* ]]
	[ "$(slaves_of bond0)" = d1 ]
	[ "$(link_field d2 .master)" = null ]
}

@test "exit 4 in the VM too, and nothing changed" {
	command -v setpriv >/dev/null || skip "setpriv not installed"
	dummies d1 d2
	ip_bond bond0 active-backup d1
	for args in "bond0 d2" "-d bond0 d1" "-c bond0 d1"; do
		# shellcheck disable=SC2086
		expected_rc=4 run_x setpriv --reuid=65534 --regid=65534 --clear-groups \
			"$IFENSLAVE" $args
		[ "$output" = "ifenslave: changing bonds needs CAP_NET_ADMIN: run it as root" ]
	done
	[ "$(slaves_of bond0)" = d1 ]
}

@test "exit 5 when the kernel has no bonding driver" {
	unload_bonding
	echo "install bonding /bin/false" >/etc/modprobe.d/zz-no-bonding.conf
	dummies eth0 eth1
	expected_rc=5 run_x "$IFENSLAVE" --root "$ARP" bond0 eth0 eth1
	rm -f /etc/modprobe.d/zz-no-bonding.conf
	assert_output_contains "the kernel has no bonding support"
	[ "$(link_field eth0 .master)" = null ]
}

@test "exit 5 when the kernel has no bonding driver, for a bond no file configures" {
	unload_bonding
	echo "install bonding /bin/false" >/etc/modprobe.d/zz-no-bonding.conf
	dummies eth0
	expected_rc=5 run_x "$IFENSLAVE" --root "$BATS_TEST_TMPDIR" bond7 eth0
	rm -f /etc/modprobe.d/zz-no-bonding.conf
	assert_output_contains "bond7: no such bond, and no configuration describes it"
	assert_output_contains "the kernel has no bonding support"
	[ "$(link_field eth0 .master)" = null ]
}

# --- -d -----------------------------------------------------------------------

@test "-d releases in one go; each slave comes back as it was, with its own MTU" {
	dummies d1 d2 d3
	run_x ip link set d2 mtu 9000
	run_x ip link set d2 up
	ip_bond bond0 active-backup d1
	run_x "$IFENSLAVE" bond0 d2 d3
	[ "$(slaves_of bond0)" = "d1 d2 d3" ]
	[ "$(link_field d2 .mtu)" = 1500 ]
	run_split "$IFENSLAVE" -d bond0 d2 d3
	[ -z "$output$err" ]
	[ "$(slaves_of bond0)" = d1 ]
	# the classic command set 1500 here; the kernel gives back its own
	[ "$(link_field d2 .mtu)" = 9000 ]
	# up before it was enslaved, up again; d3 was down and stays down
	[ "$(up_flag d2)" = true ]
	[ "$(up_flag d3)" = false ]
}

@test "-d errors: no such device, a slave of another bond; nothing released" {
	dummies d1 d2 d3
	ip_bond bond0 active-backup d1 d2
	ip_bond bond1 active-backup d3
	expected_rc=1 run_split "$IFENSLAVE" -d bond0 d1 eth9
	[ "$err" = "error: bond0: cannot release eth9: no such device
error: bond0: nothing was changed" ]
	expected_rc=1 run_split "$IFENSLAVE" -d bond0 d1 d3
	[ "$err" = "error: bond0: cannot release d3: it is a slave of bond1; release it there first: ifenslave -d bond1 d3
error: bond0: nothing was changed" ]
	[ "$(slaves_of bond0)" = "d1 d2" ]
	[ "$(slaves_of bond1)" = d3 ]
}

@test "-d: a device in no bond is a warning; a missing or wrong master exits 1" {
	dummies d1 d2 d3
	ip_bond bond0 active-backup d1
	run_split "$IFENSLAVE" -d bond0 d3
	[ "$err" = "warning: bond0: d3 is not a slave of bond0; nothing to release" ]
	expected_rc=1 run_split "$IFENSLAVE" -d bond5 d1
	[ "$err" = "error: bond5: no such bond" ]
	expected_rc=1 run_split "$IFENSLAVE" -d d2 d1
	[ "$err" = "error: d2: not a bond but a dummy device; the bond comes first: ifenslave MASTER SLAVE..." ]
	[ "$(slaves_of bond0)" = d1 ]
}

# --- -c -----------------------------------------------------------------------

@test "-c makes a slave the active one" {
	dummies d1 d2
	ip_bond bond0 active-backup d1 d2
	[ "$(bond_info bond0 .active_slave)" = d1 ]
	run_split "$IFENSLAVE" -c bond0 d2
	[ -z "$output$err" ]
	[ "$(bond_info bond0 .active_slave)" = d2 ]
	run_split "$IFENSLAVE" -v -c bond0 d2
	[ "$output" = "bond0: d2 is the active slave already" ]
}

@test "-c errors: not a slave, no such device, a mode without an active slave" {
	dummies d1 d2 d3
	ip_bond bond0 active-backup d1 d2
	ip_bond bond1 balance-rr d3
	expected_rc=1 run_split "$IFENSLAVE" -c bond0 d3
	[ "$err" = "error: bond0: cannot make active d3: it is a slave of bond1; release it there first: ifenslave -d bond1 d3" ]
	run_x ip link set d3 nomaster
	expected_rc=1 run_split "$IFENSLAVE" -c bond0 d3
	[ "$err" = "error: bond0: cannot make d3 the active slave: it is not a slave of bond0; enslave it first: ifenslave bond0 d3" ]
	expected_rc=1 run_split "$IFENSLAVE" -c bond0 eth9
	[ "$err" = "error: bond0: cannot make eth9 the active slave: no such device" ]
	run_x ip link set d3 master bond1
	expected_rc=1 run_split "$IFENSLAVE" -c bond1 d3
	[ "$err" = "error: bond1: mode balance-rr has no active slave; -c works in active-backup, balance-tlb and balance-alb" ]
	[ "$(bond_info bond0 .active_slave)" = d1 ]
}

# --- showing ------------------------------------------------------------------

@test "MASTER alone and -a show the bonds and their slaves" {
	dummies d1 d2 d3
	ip_bond bond0 active-backup d1 d2
	ip_bond bond1 balance-rr d3
	run_x ip link add bond2 type bond
	run_split "$IFENSLAVE" bond0
	[ "$output" = "bond0: active-backup, up, active slave d1
  slave d1: up, active, link up
  slave d2: up, backup, link up" ]
	run_split "$IFENSLAVE" -a
	[ "$output" = "bond0: active-backup, up, active slave d1
  slave d1: up, active, link up
  slave d2: up, backup, link up
bond1: balance-rr, up
  slave d3: up, active, link up
bond2: balance-rr, down, no slaves" ]
	run_split "$IFENSLAVE" -v bond1
	assert_output_contains "  options: mode=balance-rr miimon=100 "
	expected_rc=1 run_split "$IFENSLAVE" d1
	[ "$err" = "ifenslave: d1: not a bond (a dummy device)" ]
}
