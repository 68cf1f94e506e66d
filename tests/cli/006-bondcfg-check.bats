#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# bondcfg check: the host's configuration linted, with the global options
# --root and --source.

load ../helpers

SC=$FIXTURES/scenarios

@test "check: a clean scenario, one summary line, exit 0" {
	run_x "$BONDCFG" --root "$SC/centos-round-robin/root" check
	[ "$output" = "1 bond in 3 files: 0 errors, 0 warnings" ]
}

@test "check: every mistake of a scenario, exit 3" {
	expected_rc=3 run_x "$BONDCFG" --root "$SC/nmcli-generated-duplicates/root" check
	assert_output_contains "ifcfg-bond1:20: warning: BONDING_OPTS is assigned again"
	assert_output_contains "ifcfg-bond1:18: warning: the file is ifcfg-bond1 but DEVICE=bond0"
	assert_output_contains "ifcfg-bond-slave-ens36:4: error: two files configure ens33"
	assert_output_contains "1 bond in 3 files: 1 error, 2 warnings"
}

@test "check: --source limits the formats read" {
	run_x "$BONDCFG" --root "$SC/centos7-options-in-modprobe/root" --source ifcfg check
	assert_output_contains "0 errors, 2 warnings"
	[[ $output != *modprobe.d* ]]
	expected_rc=2 run_x "$BONDCFG" --source nope check
	assert_output_contains "unknown format 'nope'"
}

@test "check --json and -q" {
	expected_rc=3 run_x "$BONDCFG" -r "$SC/rclocal-ifenslave-arp/root-conflict" check --json
	[ "$(jq -r .errors <<<"$output")" = 2 ]
	[ "$(jq -r '.diagnostics[] | select(.severity == "error") | .line' <<<"$output" | sort -u)" = 3 ]
	run_x "$BONDCFG" -q -r "$SC/centos-round-robin/root" check
	[ -z "$output" ]
}

@test "check takes no argument" {
	expected_rc=2 run_x "$BONDCFG" check bond0
	assert_output_contains "unexpected argument 'bond0'"
}

@test "check: each mistake the scenarios name" {
	# centos7: bond0 typed Ethernet, options in modprobe.d, em2 without DEVICE=
	run_x "$BONDCFG" -v --root "$SC/centos7-options-in-modprobe/root" check
	assert_output_contains "ifcfg-bond0:1: warning: bond0 is named as MASTER"
	assert_output_contains "its TYPE=Ethernet and it has neither BONDING_MASTER=yes nor BONDING_OPTS"
	assert_output_contains "bond0.conf:2: warning: options for bond0 in modprobe.d reach the driver only when it is loaded as 'bond0'"
	assert_output_contains "ifcfg-em2:4: warning: no DEVICE=; bondcfg takes the device name em2 from NAME="
	# gentoo: preup() writes sysfs
	run_x "$BONDCFG" --root "$SC/gentoo-confd-net/root" check
	assert_output_contains "net:1: warning: preup() writes bonding/mode, bonding/miimon"
	assert_output_contains "mode_bond0= miimon_bond0="
	# rclocal: options only in modprobe.d; the conflict names both lines
	run_x "$BONDCFG" --root "$SC/rclocal-ifenslave-arp/root" check
	assert_output_contains "dist.conf:2: warning: options for bond0 in modprobe.d"
	expected_rc=3 run_x "$BONDCFG" --root "$SC/rclocal-ifenslave-arp/root-conflict" check
	assert_output_contains "dist.conf:3: error: arp_interval and miimon (at "
	assert_output_contains "dist.conf:2) exclude each other"
}

@test "check: the clean scenarios have nothing to say" {
	local s

	for s in centos-active-backup-primary centos-round-robin \
		debian-interfaces-lacp gentoo-confd-net-modern; do
		run_x "$BONDCFG" --root "$SC/$s/root" check
		assert_output_contains ": 0 errors, 0 warnings"
	done
}

# A bond no host has: the live half compares it with the kernel's links,
# which any user may read.
live_root() {
	local d=$BATS_TEST_TMPDIR/root/etc/sysconfig/network-scripts

	mkdir -p "$d"
	printf 'DEVICE=bcfgt9\nTYPE=Bond\nONBOOT=%s\nBONDING_OPTS="mode=1 miimon=100"\n' \
		"$1" >"$d/ifcfg-bcfgt9"
	[ ! -e /sys/class/net/bcfgt9 ] || skip "this host has a bcfgt9"
}

@test "check --live BOND: a configured bond the kernel lacks is one difference, exit 6, the command that ends it" {
	live_root yes
	local f=$BATS_TEST_TMPDIR/root/etc/sysconfig/network-scripts/ifcfg-bcfgt9
	expected_rc=6 run_x "$BONDCFG" --root "$BATS_TEST_TMPDIR/root" check --live bcfgt9
	[ "${lines[0]}" = "1 bond in 1 file: 0 errors, 0 warnings" ]
	[ "${lines[1]}" = "bcfgt9: does not exist, the files bring it up at boot ($f:4)" ]
	[ "${lines[2]}" = "to converge: bondcfg up bcfgt9" ]
	[ "${#lines[@]}" = 3 ]
	expected_rc=6 run_x "$BONDCFG" --root "$BATS_TEST_TMPDIR/root" check --live --json bcfgt9
	[ "$(jq -c '.live | [.in_sync, (.differences | length)]' <<<"$output")" = '[false,1]' ]
	[ "$(jq -c '.live.differences[0] | [.bond, .kind, .file, .line, .fix]' <<<"$output")" = \
		"[\"bcfgt9\",\"missing\",\"$f\",4,\"bondcfg up bcfgt9\"]" ]
}

@test "check --live: configuration errors rank before a difference (exit 3); a name neither configured nor a bond is exit 1; BOND only with --live" {
	live_root yes
	echo 'BONDING_OPTS="mode=1 miimon=100 lacp_rat=fast"' \
		>>"$BATS_TEST_TMPDIR/root/etc/sysconfig/network-scripts/ifcfg-bcfgt9"
	expected_rc=3 run_x "$BONDCFG" --root "$BATS_TEST_TMPDIR/root" check --live bcfgt9
	assert_output_contains "bcfgt9: does not exist"
	expected_rc=1 run_x "$BONDCFG" --root "$BATS_TEST_TMPDIR/root" check --live bcfgt9 nosuchbond7
	assert_output_contains "check: nosuchbond7: no configuration and no such bond"
	expected_rc=2 run_x "$BONDCFG" --root "$BATS_TEST_TMPDIR/root" check bcfgt9
	assert_output_contains "unexpected argument 'bcfgt9'"
}
