#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# bondcfg's commands that change bonds, on the real driver: every scenario
# brought up and down from its files, converging, apply touching only what
# changed, missing slaves, per-bond rollback, the run lock. Every result is
# read back with `ip -d -j link show`.

load ../helpers
load kernel

SC=$FIXTURES/scenarios

setup_file() {
	announce_kernel
}

setup() {
	ifcfg_setup
}

teardown() {
	kernel_teardown
}




# --- every scenario -------------------------------------------------------

# scenario NAME: dummies named as its slaves, up --all, then the checks.
scenario_up() {
	local root=$SC/$1/root

	scenario_dummies "$root"
	ip link set "${BOND_0_SLAVES%% *}" up
	BEFORE=$(devices)
	run_x "$BONDCFG" --root "$root" up --all
}

scenario_down() {
	run_x "$BONDCFG" --root "$SC/$1/root" down --all
	[ -z "$(bond_names)" ]
	[ "$(devices)" = "$BEFORE" ]
}

@test "scenario centos-active-backup-primary: up builds it, down gives the devices back" {
	scenario_up centos-active-backup-primary
	expect_scenario centos-active-backup-primary
	[ "$(bond_info bond0 .primary_reselect)" = always ]
	[ "$(link_field bond0 '.flags | index("UP") != null')" = true ]
	scenario_down centos-active-backup-primary
}

@test "scenario centos-round-robin: balance-rr from a numeric mode" {
	scenario_up centos-round-robin
	expect_scenario centos-round-robin
	scenario_down centos-round-robin
}

@test "scenario centos7-options-in-modprobe: options from modprobe.d, em2 found by file name" {
	scenario_up centos7-options-in-modprobe
	expect_scenario centos7-options-in-modprobe
	scenario_down centos7-options-in-modprobe
}

@test "scenario debian-interfaces-lacp: 802.3ad, fast LACP, layer3+4, delays 200" {
	scenario_up debian-interfaces-lacp
	expect_scenario debian-interfaces-lacp
	scenario_down debian-interfaces-lacp
}

@test "scenario gentoo-confd-net-modern: balance-rr, miimon 100" {
	scenario_up gentoo-confd-net-modern
	expect_scenario gentoo-confd-net-modern
	scenario_down gentoo-confd-net-modern
}

@test "scenario gentoo-confd-net: slaves enslaved, preup() named as what sets mode and miimon" {
	scenario_up gentoo-confd-net
	assert_output_contains "preup"
	assert_output_contains "mode_bond0"
	[ "$(slaves_of bond0)" = "eth1 eth2" ]
	scenario_down gentoo-confd-net
}

@test "scenario rclocal-ifenslave-arp: ARP monitoring to 192.168.101.254, validate all" {
	scenario_up rclocal-ifenslave-arp
	expect_scenario rclocal-ifenslave-arp
	scenario_down rclocal-ifenslave-arp
}

@test "scenario rclocal-ifenslave-arp root-conflict: refused with both lines named, nothing built" {
	dummies eth0 eth1
	expected_rc=3 run_x "$BONDCFG" --root "$SC/rclocal-ifenslave-arp/root-conflict" up --all
	assert_output_contains "dist.conf"
	assert_output_contains "bond0: not built: its options contradict each other"
	[ -z "$(bond_names)" ]
}

@test "scenario nmcli-generated-duplicates: both files named, exit 3; bond0 built as its files say without error, with ens33" {
	dummies ens33 ens36
	expected_rc=3 run_x "$BONDCFG" --root "$SC/nmcli-generated-duplicates/root" up --all
	assert_output_contains "ifcfg-bond-slave-ens33"
	assert_output_contains "ifcfg-bond-slave-ens36:4: error: two files configure ens33"
	assert_output_contains "bond0: built with what its files say without error"
	[ "$(bond_names)" = bond0 ]
	[ "$(slaves_of bond0)" = ens33 ]
	[ "$(bond_info bond0 .mode)" = active-backup ]
	[ "$(bond_info bond0 .miimon)" = 100 ]
	[ "$(bond_info bond0 .primary)" = ens33 ]
	[ "$(bond_info bond0 .primary_reselect)" = always ]
	[ "$(bond_info bond0 .fail_over_mac)" = active ]
	[ "$(link_field bond0 '.flags | index("UP") != null')" = true ]
	run_x "$BONDCFG" down bond0
	[ -z "$(bond_names)" ]
}

@test "scenario nmcli-generated-duplicates under --strict: refused, nothing built" {
	dummies ens33 ens36
	expected_rc=3 run_x "$BONDCFG" --root "$SC/nmcli-generated-duplicates/root" up --strict --all
	assert_output_contains "bond0: not changed: its configuration has errors"
	[ -z "$(bond_names)" ]
	[ "$(link_field ens33 .master)" = null ]
}

# --- up -------------------------------------------------------------------

@test "up: a missing slave is a warning, the bond comes up with the others" {
	dummies d1 d2
	ifcfg bond0 "mode=active-backup miimon=100 primary=d3" d1 d2 d3
	run_x "$BONDCFG" --root "$ROOT" up bond0
	assert_output_contains "ifcfg-d3:2: warning: bond0: slave d3 does not exist"
	assert_output_contains "primary=d3 is not set"
	[ "$(slaves_of bond0)" = "d1 d2" ]
	[ "$(bond_info bond0 .mode)" = active-backup ]
}

@test "up --strict: a missing slave is an error and nothing is built" {
	dummies d1 d2
	ifcfg bond0 "mode=active-backup miimon=100" d1 d2 d3
	expected_rc=1 run_x "$BONDCFG" --root "$ROOT" up --strict bond0
	assert_output_contains "error: bond0: slave d3 does not exist"
	[ -z "$(bond_names)" ]
	[ "$(link_field d1 .master)" = null ]
}

@test "up --all: a bond the kernel refuses is rolled back alone, the others come up" {
	dummies d1 d2 d3 d4
	ifcfg bond0 "mode=active-backup miimon=100" d1 d2
	# queue 20 is past the 16 transmit queues: the kernel refuses it
	ifcfg bond1 "mode=balance-rr miimon=100 queue_id=d3:20" d3 d4
	expected_rc=1 run_x "$BONDCFG" --root "$ROOT" up --all
	assert_output_contains "bond1: not changed: every step was undone"
	[ "$(slaves_of bond0)" = "d1 d2" ]
	[ "$(bond_info bond0 .mode)" = active-backup ]
	[ -z "$(ip -j link show dev bond1 2>/dev/null)" ]
	[ "$(link_field d3 .master)" = null ]
	[ "$(link_field d4 .master)" = null ]
}

@test "up: an existing bond is converged, not refused" {
	dummies d1 d2 d3
	run_x ip link add bond0 type bond mode balance-rr miimon 50
	run_x ip link set d3 master bond0
	ifcfg bond0 "mode=balance-rr miimon=100" d1 d2
	run_x "$BONDCFG" --root "$ROOT" up bond0
	[ "$(bond_info bond0 .miimon)" = 100 ]
	[ "$(slaves_of bond0)" = "d1 d2" ]
}

@test "up: the bond's MTU from its file reaches the slaves; down gives theirs back" {
	dummies d1 d2
	ifcfg bond0 "mode=active-backup miimon=100" d1 d2
	echo MTU=9000 >>"$NS/ifcfg-bond0"
	run_x "$BONDCFG" --root "$ROOT" plan up bond0
	assert_output_contains "bond0: set mtu 9000"
	run_x "$BONDCFG" --root "$ROOT" up bond0
	[ "$(link_field bond0 .mtu)" = 9000 ]
	[ "$(link_field d1 .mtu)" = 9000 ]
	[ "$(link_field d2 .mtu)" = 9000 ]
	sed -i 's/MTU=9000/MTU=4000/' "$NS/ifcfg-bond0"
	run_x "$BONDCFG" --root "$ROOT" plan apply
	[ "$output" = "bond0: set mtu 4000" ]
	run_x "$BONDCFG" --root "$ROOT" apply
	[ "$(link_field d2 .mtu)" = 4000 ]
	run_x "$BONDCFG" --root "$ROOT" down bond0
	[ "$(link_field d1 .mtu)" = 1500 ]
	[ "$(link_field d2 .mtu)" = 1500 ]
}

@test "up --wait: returns once the bond has carrier" {
	dummies d1 d2
	ip link set d1 up
	ifcfg bond0 "mode=active-backup miimon=100" d1 d2
	run_x "$BONDCFG" --root "$ROOT" up --wait 10 bond0
	[ "$(link_field bond0 '.flags | index("LOWER_UP") != null')" = true ]
	[ "$(link_field bond0 .operstate)" = UP ]
}

@test "up --wait: fails at the deadline when no slave gets carrier" {
	dummies d1
	ifcfg bond0 "mode=802.3ad miimon=100 min_links=2" d1
	SECONDS=0
	expected_rc=1 run_x "$BONDCFG" --root "$ROOT" up --wait 2 bond0
	assert_output_contains "bond0: no carrier after 2 s"
	[ "$SECONDS" -ge 2 ] && [ "$SECONDS" -le 6 ]
	# the bond itself stays up: availability is the admin's call
	[ "$(bond_info bond0 .mode)" = 802.3ad ]
}

@test "up -n and plan: print the steps with their attributes, change nothing" {
	dummies d1 d2
	ifcfg bond0 "mode=802.3ad miimon=100 lacp_rate=fast" d1 d2
	run_x "$BONDCFG" --root "$ROOT" up -n bond0
	assert_output_contains "bond0: create mode=802.3ad[1] miimon=100[3]"
	assert_output_contains "bond0: enslave d1"
	run_x "$BONDCFG" --root "$ROOT" plan up --all
	assert_output_contains "lacp_rate=fast[21]"
	[ -z "$(bond_names)" ]
}

# --- apply ------------------------------------------------------------------

@test "apply: after one edit only that option is sent (with the delays miimon rescales); after none, nothing" {
	dummies d1 d2
	ifcfg bond0 "mode=802.3ad miimon=100 lacp_rate=fast xmit_hash_policy=layer3+4 updelay=200 downdelay=200 min_links=1 ad_select=bandwidth" d1 d2
	run_x "$BONDCFG" --root "$ROOT" up bond0
	before=$(link_json bond0 | gojq -c '.[0].linkinfo.info_data | del(.miimon, .ad_info)')
	run_x "$BONDCFG" -v --root "$ROOT" apply
	assert_output_contains "apply: 0 changes sent"
	sed -i 's/miimon=100/miimon=50/' "$NS/ifcfg-bond0"
	run_x "$BONDCFG" --root "$ROOT" plan apply
	# the kernel counts the delays in miimon intervals: they go again
	[ "$output" = "bond0: set miimon=50[3] updelay=200[4] downdelay=200[5]" ]
	run_x "$BONDCFG" -v --root "$ROOT" apply bond0
	assert_output_contains "apply: 1 change sent"
	[ "$(bond_info bond0 .miimon)" = 50 ]
	[ "$(link_json bond0 | gojq -c '.[0].linkinfo.info_data | del(.miimon, .ad_info)')" = "$before" ]
	[ "$(slaves_of bond0)" = "d1 d2" ]
}

@test "apply --no-disrupt refuses a mode change; apply makes it and says so" {
	dummies d1 d2
	ifcfg bond0 "mode=active-backup miimon=100" d1 d2
	run_x "$BONDCFG" --root "$ROOT" up bond0
	sed -i 's/mode=active-backup/mode=balance-xor/' "$NS/ifcfg-bond0"
	expected_rc=1 run_x "$BONDCFG" --root "$ROOT" apply --no-disrupt
	assert_output_contains "refused by --no-disrupt"
	[ "$(bond_info bond0 .mode)" = active-backup ]
	run_x "$BONDCFG" --root "$ROOT" apply
	assert_output_contains "bond0: changed (traffic was interrupted)"
	[ "$(bond_info bond0 .mode)" = balance-xor ]
	[ "$(slaves_of bond0)" = "d1 d2" ]
}

@test "apply: a bond that is not up is named" {
	ifcfg bond0 "mode=active-backup miimon=100"
	expected_rc=1 run_x "$BONDCFG" --root "$ROOT" apply bond0
	assert_output_contains "bondcfg up bond0"
}

# --- set, enslave, release, down --keep -------------------------------------

@test "up --no-slaves: a new bond gets its options and stays down; a live one keeps its slaves and its link" {
	dummies d1 d2
	ifcfg bond0 "mode=active-backup miimon=100" d1 d2
	run_x "$BONDCFG" --root "$ROOT" up --no-slaves bond0
	[ "$(bond_info bond0 .mode)" = active-backup ]
	[ "$(bond_info bond0 .miimon)" = 100 ]
	[ -z "$(slaves_of bond0)" ]
	[ "$(link_field bond0 '.flags | index("UP") != null')" = false ]
	run_x "$BONDCFG" --root "$ROOT" up bond0
	[ "$(slaves_of bond0)" = "d1 d2" ]
	ifcfg bond0 "mode=active-backup miimon=200" d1
	run_x "$BONDCFG" --root "$ROOT" up --no-slaves bond0
	[ "$(bond_info bond0 .miimon)" = 200 ]
	[ "$(slaves_of bond0)" = "d1 d2" ]
	[ "$(link_field bond0 '.flags | index("UP") != null')" = true ]
	# an option that needs the bond down: taken down, and up again
	ifcfg bond0 "mode=balance-rr miimon=200" d1
	run_x "$BONDCFG" --root "$ROOT" up --no-slaves bond0
	[ "$(bond_info bond0 .mode)" = balance-rr ]
	[ "$(link_field bond0 '.flags | index("UP") != null')" = true ]
}

@test "set, enslave, release: direct changes" {
	dummies d1 d2
	ip link set d2 up
	run_x ip link add bond0 type bond mode active-backup
	run_x "$BONDCFG" set bond0 miimon=100 updelay=200
	[ "$(bond_info bond0 .miimon)" = 100 ]
	[ "$(bond_info bond0 .updelay)" = 200 ]
	# set changes options: the bond, down, stays down
	[ "$(link_field bond0 '.flags | index("UP") != null')" = false ]
	run_x "$BONDCFG" enslave bond0 d1 d2
	[ "$(slaves_of bond0)" = "d1 d2" ]
	run_x "$BONDCFG" release bond0 d2
	[ "$(slaves_of bond0)" = "d1" ]
	# d2 was up before it was enslaved, and is again
	[ "$(link_field d2 '.flags | index("UP") != null')" = true ]
	[ "$(link_field d1 .master)" = bond0 ]
	expected_rc=1 run_x "$BONDCFG" release bond0 d2
	assert_output_contains "not a slave of this bond"
	expected_rc=2 run_x "$BONDCFG" set bond0 miimon=fast
	expected_rc=1 run_x "$BONDCFG" enslave bond9 d2
	assert_output_contains "bond9: no such bond"
}

@test "set mode= on a live bond with slaves: released for it, enslaved again, up, with their options" {
	dummies d1 d2
	ifcfg bond0 "mode=active-backup miimon=100 queue_id=d2:2" d1 d2
	run_x "$BONDCFG" --root "$ROOT" up bond0
	[ "$(slaves_of bond0)" = "d1 d2" ]
	run_x "$BONDCFG" set bond0 mode=balance-xor queue_id=d1:3
	[ "$(bond_info bond0 .mode)" = balance-xor ]
	[ "$(slaves_of bond0)" = "d1 d2" ]
	[ "$(link_field d1 '.flags | index("UP") != null')" = true ]
	[ "$(link_field d2 '.flags | index("UP") != null')" = true ]
	[ "$(link_field bond0 '.flags | index("UP") != null')" = true ]
	[ "$(link_field d1 .linkinfo.info_slave_data.queue_id)" = 3 ]
	[ "$(link_field d2 .linkinfo.info_slave_data.queue_id)" = 2 ]
	# the same again: nothing to change
	run_x "$BONDCFG" plan set bond0 mode=balance-xor queue_id=d1:3
	[ "$output" = "bond0: nothing to change" ]
}

@test "down --keep releases the slaves and keeps the bond" {
	dummies d1 d2
	ifcfg bond0 "mode=active-backup miimon=100" d1 d2
	run_x "$BONDCFG" --root "$ROOT" up bond0
	run_x "$BONDCFG" --root "$ROOT" down --keep bond0
	[ "$(link_field bond0 .linkinfo.info_kind)" = bond ]
	[ -z "$(slaves_of bond0)" ]
}

# links_by_name: settled_links without ifindexes, sorted by name: a bond
# deleted and created again by a rollback has another ifindex.
links_by_name() {
	settled_links | gojq 'map(del(.ifindex)) | sort_by(.ifname)'
}

@test "plan down prints the steps as plan up does: releases, slaves given back, the delete" {
	dummies d1 d2
	ip link set d1 up
	ifcfg bond0 "mode=active-backup miimon=100" d1 d2
	run_x "$BONDCFG" --root "$ROOT" up bond0
	run_x "$BONDCFG" --root "$ROOT" plan down bond0
	[ "$output" = "bond0: release d1
bond0: release d2
bond0: delete
d1: set up" ]
	run_x "$BONDCFG" --root "$ROOT" down bond0
	[ "$output" = "bond0: deleted" ]
	[ ! -e /sys/class/net/bond0 ]
	[ "$(link_field d1 '.flags | index("UP") != null')" = true ]
	[ "$(link_field d2 '.flags | index("UP") != null')" = false ]
	[ "$(link_field d1 .master)" = null ]
}

@test "down: a step the kernel refuses after the delete rolls back; the bond is created again as it was" {
	# The slaves are d1 and d1.7, a VLAN over it. d1 was down before it
	# was enslaved, d1.7 up: down gives d1.7 back up, after releasing d1,
	# which closes d1 and with it d1.7, and deleting the bond. A VLAN
	# over a device that is down cannot come up: the kernel refuses
	# (ENETDOWN), and the delete and the releases are undone.
	dummies d1
	ip link add link d1 name d1.7 type vlan id 7
	ifcfg bond0 "mode=active-backup miimon=100 updelay=200 primary=d1 resend_igmp=3 num_grat_arp=2 all_slaves_active=1"
	echo MTU=9000 >>"$NS/ifcfg-bond0"
	run_x "$BONDCFG" --root "$ROOT" up bond0
	run_x "$BONDCFG" enslave bond0 d1
	ip link set d1.7 up
	run_x "$BONDCFG" enslave bond0 d1.7
	[ "$(slaves_of bond0)" = "d1 d1.7" ]
	before=$(links_by_name)
	run_x "$BONDCFG" plan down bond0
	[ "$output" = "bond0: release d1
bond0: release d1.7
bond0: delete
d1.7: set up" ]
	expected_rc=1 run_x "$BONDCFG" down bond0
	assert_output_contains "error: d1.7: set up: Network is down"
	assert_output_contains "error: bond0: not changed: every step was undone"
	[[ "$output" != *rollback* ]] || { echo "# $output" >&2; return 1; }
	[ "$(links_by_name)" = "$before" ] || { diff <(echo "$before") <(links_by_name) >&2; return 1; }
	[ "$(link_field bond0 .mtu)" = 9000 ]
	[ "$(link_field bond0 .linkinfo.info_data.primary)" = d1 ]
	[ "$(link_field bond0 .linkinfo.info_data.active_slave)" = d1 ]
}

# --- concurrency ------------------------------------------------------------

@test "eight parallel enslave runs on one bond all succeed" {
	local i pids=() rc=0

	run_x ip link add bond0 type bond mode balance-rr miimon 100
	for i in 1 2 3 4 5 6 7 8; do
		dummies "d$i"
	done
	for i in 1 2 3 4 5 6 7 8; do
		"$BONDCFG" enslave bond0 "d$i" >"$BATS_TEST_TMPDIR/out$i" 2>&1 &
		pids+=($!)
	done
	for i in "${pids[@]}"; do
		wait "$i" || rc=1
	done
	cat "$BATS_TEST_TMPDIR"/out* >&2
	[ "$rc" = 0 ]
	[ "$(slaves_of bond0)" = "d1 d2 d3 d4 d5 d6 d7 d8" ]
}

@test "the lock of a killed run is recovered" {
	mkdir -p "$BONDCFG_RUN_DIR"
	echo 99999 >"$BONDCFG_RUN_DIR/lock"
	# a holder that dies without unlocking: the lock goes with it
	bash -c 'exec 9>>"$1"; flock 9; exec sleep 60' _ "$BONDCFG_RUN_DIR/lock" &
	holder=$!
	sleep 0.3
	run_x ip link add bond0 type bond
	dummies d1
	( sleep 1; kill -9 "$holder" ) &
	SECONDS=0
	run_x "$BONDCFG" enslave bond0 d1
	[ "$SECONDS" -ge 1 ] && [ "$SECONDS" -lt 10 ]
	[ "$(slaves_of bond0)" = "d1" ]
	[ "$(cat "$BONDCFG_RUN_DIR/lock")" != 99999 ]
}

# --- exit statuses --------------------------------------------------------

@test "exit 4 with one line when CAP_NET_ADMIN is missing; plan works" {
	command -v setpriv >/dev/null || skip "setpriv not installed"
	dummies d1
	# a configuration tree the unprivileged user can read
	ROOT=$(mktemp -d /tmp/bondcfg-root.XXXXXX)
	NS=$ROOT/etc/sysconfig/network-scripts
	mkdir -p "$NS"
	ifcfg bond0 "mode=active-backup" d1
	chmod -R a+rX "$ROOT"
	expected_rc=4 run_x setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$BONDCFG" --root "$ROOT" up bond0
	[ "$output" = "bondcfg: up: changing bonds needs CAP_NET_ADMIN: run it as root" ]
	run_x setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$BONDCFG" --root "$ROOT" plan up bond0
	assert_output_contains "bond0: create"
	rm -rf "$ROOT"
}

@test "exit 5 when the kernel has no bonding driver" {
	unload_bonding
	echo "install bonding /bin/false" >/etc/modprobe.d/zz-no-bonding.conf
	dummies d1
	ifcfg bond0 "mode=active-backup" d1
	expected_rc=5 run_x "$BONDCFG" --root "$ROOT" up bond0
	rm -f /etc/modprobe.d/zz-no-bonding.conf
	assert_output_contains "the kernel has no bonding support"
	[ "$(link_field d1 .master)" = null ]
}

@test "--syslog: warnings and errors also go to syslog" {
	command -v python3 >/dev/null || skip "python3 is needed for the syslog listener"
	[ -e /dev/log ] && skip "a syslog daemon owns /dev/log"
	dummies d1
	ifcfg bond0 "mode=active-backup miimon=100" d1 d2
	python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind("/dev/log")
s.settimeout(20)
with open(sys.argv[1], "w") as out:
    out.write(s.recv(4096).decode())
' "$BATS_TEST_TMPDIR/syslog" &
	listener=$!
	for _ in $(seq 50); do [ -S /dev/log ] && break; sleep 0.1; done
	run_x "$BONDCFG" --syslog --root "$ROOT" up bond0
	wait "$listener"
	rm -f /dev/log
	grep -q 'bondcfg\[[0-9]*\]: .*ifcfg-d2:2: warning: bond0: slave d2 does not exist' "$BATS_TEST_TMPDIR/syslog"
	# daemon.warning: facility 3, severity 4
	grep -q '^<28>' "$BATS_TEST_TMPDIR/syslog"
}
