#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# bondcfg's commands that change bonds, where no kernel is needed: their
# command lines, the privilege check, and plans (which read the kernel's
# links but change nothing). What they do to bonds is tested in the VM
# (tests/kernel/005-bondcfg.bats).

load ../helpers

SC=$FIXTURES/scenarios

@test "help lists every command" {
	run_x "$BONDCFG" --help
	for c in up down apply set enslave release plan check convert; do
		assert_output_contains "  $c "
	done
}

@test "up and down want bond names or --all, not both, not neither" {
	expected_rc=2 run_x "$BONDCFG" up
	assert_output_contains "up: give bond names or --all, not neither"
	expected_rc=2 run_x "$BONDCFG" down --all bond0
	assert_output_contains "down: give bond names or --all, not both"
	expected_rc=2 run_x "$BONDCFG" apply --all bond0
}

@test "usage errors: --wait, bad names, missing arguments, unknown options" {
	expected_rc=2 run_x "$BONDCFG" up --wait soon bond0
	assert_output_contains "--wait: 'soon' is not a number of seconds"
	expected_rc=2 run_x "$BONDCFG" up --wait 0 bond0
	expected_rc=2 run_x "$BONDCFG" up 'bond 0'
	assert_output_contains "'bond 0' is not a valid interface name"
	expected_rc=2 run_x "$BONDCFG" set bond0
	expected_rc=2 run_x "$BONDCFG" enslave bond0
	expected_rc=2 run_x "$BONDCFG" release bond0
	expected_rc=2 run_x "$BONDCFG" down --frobnicate bond0
}

@test "each command has --help" {
	for c in up down apply set enslave release; do
		run_x "$BONDCFG" "$c" --help
		assert_output_contains "--dry-run"
	done
	run_x "$BONDCFG" up --help
	assert_output_contains "--wait=SECONDS"
	assert_output_contains "--strict"
}

@test "plan up: the steps and attributes of a scenario, nothing changed" {
	run_x "$BONDCFG" --root "$SC/debian-interfaces-lacp/root" plan up --all
	assert_output_contains "bond0: create mode=802.3ad[1] miimon=100[3] updelay=200[4] downdelay=200[5]"
	assert_output_contains "lacp_rate=fast[21]"
	assert_output_contains "bond0: set up"
	run_x "$BONDCFG" --root "$SC/debian-interfaces-lacp/root" up -n bond0
	assert_output_contains "bond0: create mode=802.3ad[1]"
}

@test "plan up --no-slaves: the bond with its options, left down, and no slave" {
	run_x "$BONDCFG" --root "$SC/centos-round-robin/root" plan up --no-slaves bond0
	assert_output_contains "bond0: create mode=balance-rr[1] miimon=100[3]"
	[[ "$output" != *"set up"* ]]
	[[ "$output" != *"enslave"* ]]
}

@test "plan up: a slave that does not exist is a warning naming its file" {
	run_x "$BONDCFG" --root "$SC/centos-active-backup-primary/root" plan up bond0
	assert_output_contains "ifcfg-ens256"
	assert_output_contains "warning: bond0: slave ens256 does not exist; the bond comes up without it"
	expected_rc=1 run_x "$BONDCFG" --root "$SC/centos-active-backup-primary/root" plan up --strict bond0
	assert_output_contains "error: bond0: slave ens256 does not exist"
}

@test "plan up: an error in one file leaves out what it names; the bond comes up with the rest, exit 3" {
	expected_rc=3 run_x "$BONDCFG" --root "$SC/nmcli-generated-duplicates/root" plan up --all
	assert_output_contains "ifcfg-bond-slave-ens36:4: error: two files configure ens33"
	assert_output_contains "bond0: create mode=active-backup[1] miimon=100[3] primary_reselect=always[12] fail_over_mac=active[13]"
	assert_output_contains "bond0: built with what its files say without error"
	[[ $output != *"not changed"* ]]
}

@test "plan up --strict: an error in one of its files stops the bond, exit 3" {
	expected_rc=3 run_x "$BONDCFG" --root "$SC/nmcli-generated-duplicates/root" plan up --strict --all
	assert_output_contains "bond0: not changed: its configuration has errors"
	[[ $output != *"bond0: create"* ]]
}

@test "/etc/bondcfg/strict under --root makes up --strict, for the hooks" {
	cp -r "$SC/nmcli-generated-duplicates/root" "$BATS_TEST_TMPDIR/r"
	mkdir -p "$BATS_TEST_TMPDIR/r/etc/bondcfg"
	touch "$BATS_TEST_TMPDIR/r/etc/bondcfg/strict"
	expected_rc=3 run_x "$BONDCFG" --root "$BATS_TEST_TMPDIR/r" plan up --all
	assert_output_contains "bond0: not changed: its configuration has errors"
	[[ $output != *"bond0: create"* ]]
}

# An ifcfg tree with bond0's BONDING_OPTS "$1" and slave eth0.
opts_root() {
	ROOT=$BATS_TEST_TMPDIR/root
	mkdir -p "$ROOT/etc/sysconfig/network-scripts"
	printf 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="%s"\n' "$1" \
		>"$ROOT/etc/sysconfig/network-scripts/ifcfg-bond0"
	printf 'DEVICE=eth0\nMASTER=bond0\nSLAVE=yes\n' \
		>"$ROOT/etc/sysconfig/network-scripts/ifcfg-eth0"
}

@test "plan up: an option whose value cannot be read is left out, loudly; the bond comes up without it" {
	opts_root "mode=active-backup miimon=fast miimn=100 arp_interval=2s"
	expected_rc=3 run_x "$BONDCFG" --root "$ROOT" plan up bond0
	assert_output_contains "ifcfg-bond0:4: error: miimn: unknown option; did you mean miimon?"
	assert_output_contains "ifcfg-bond0:4: error:"
	assert_output_contains "bond0: create mode=active-backup[1]"
	[[ $output != *"miimon="* ]]
	assert_output_contains "bond0: built with what its files say without error"
	expected_rc=3 run_x "$BONDCFG" --root "$ROOT" plan up --strict bond0
	[[ $output != *"bond0: create"* ]]
}

@test "plan up: a mode that cannot be read, or misspelt, refuses the bond" {
	for opts in "mode=actve-backup miimon=100" "mdoe=802.3ad miimon=100" "mode= miimon=100"; do
		opts_root "$opts"
		expected_rc=3 run_x "$BONDCFG" --root "$ROOT" plan up bond0
		assert_output_contains "bond0: not built: its mode could not be read, and a bond in the wrong mode can disturb the switch"
		[[ $output != *"bond0: create"* ]]
	done
}

@test "plan up: an unreadable xmit_hash_policy refuses a bond whose mode uses it, not one whose mode ignores it" {
	opts_root "mode=802.3ad miimon=100 xmit_hash_policy=layer5"
	expected_rc=3 run_x "$BONDCFG" --root "$ROOT" plan up bond0
	assert_output_contains "bond0: not built: its xmit_hash_policy could not be read"
	[[ $output != *"bond0: create"* ]]
	opts_root "mode=active-backup miimon=100 xmit_hash_policy=layer5"
	expected_rc=3 run_x "$BONDCFG" --root "$ROOT" plan up bond0
	assert_output_contains "bond0: create mode=active-backup[1] miimon=100[3]"
}

@test "plan up: options that contradict each other refuse the bond" {
	opts_root "mode=active-backup miimon=fast downdelay=200"
	expected_rc=3 run_x "$BONDCFG" --root "$ROOT" plan up bond0
	assert_output_contains "downdelay needs miimon"
	assert_output_contains "bond0: not built: its options contradict each other"
	[[ $output != *"bond0: create"* ]]
	expected_rc=3 run_x "$BONDCFG" --root "$SC/rclocal-ifenslave-arp/root-conflict" plan up --all
	assert_output_contains "bond0: not built: its options contradict each other"
	[[ $output != *"bond0: create"* ]]
}

@test "up: a bond no file configures is exit 3, naming the files read" {
	expected_rc=3 run_x "$BONDCFG" --root "$SC/centos-round-robin/root" plan up bond7
	assert_output_contains "bond7: no configuration for this bond in the 3 files read"
}

@test "down -n of a bond that does not exist changes nothing" {
	run_x "$BONDCFG" down -n nosuchbond0
	[ "$output" = "nothing to change" ]
}

@test "without CAP_NET_ADMIN: one line, exit 4, for every changing command" {
	local c nobody=()

	if [ "$(id -u)" = 0 ]; then
		command -v setpriv >/dev/null || skip "root without setpriv"
		nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
		"${nobody[@]}" test -x "$BONDCFG" ||
			skip "the build tree is not reachable for an unprivileged user"
	fi
	for c in "up --all" "down bond0" "apply" "set bond0 miimon=100" \
		"enslave bond0 eth9" "release bond0 eth9" "test failover bond0" \
		confirm revert; do
		# shellcheck disable=SC2086
		expected_rc=4 run_x "${nobody[@]}" "$BONDCFG" --root / $c
		[ "$output" = "bondcfg: ${c%% bond0}: changing bonds needs CAP_NET_ADMIN: run it as root" ] ||
			[ "$output" = "bondcfg: ${c%% *}: changing bonds needs CAP_NET_ADMIN: run it as root" ]
	done
}

# complete LINE: what bash completion offers at the end of LINE.
complete() {
	complete_line bondcfg "$1"
}

@test "bash completion: commands, their options, formats, option keys" {
	[ "$(complete 'bondcfg u')" = "up " ]
	[ "$(complete 'bondcfg --root /x a')" = "apply " ]
	[ "$(complete 'bondcfg up --n')" = "--no-disrupt " ]
	[ "$(complete 'bondcfg convert --to n')" = "networkd nmcli " ]
	[ "$(complete 'bondcfg --source i')" = "ifcfg interfaces " ]
	[ "$(complete 'bondcfg plan ap')" = "apply " ]
	[ "$(complete 'bondcfg set bond0 miim')" = "miimon= " ]
	[ "$(complete 'bondcfg set bond0 lacp_r')" = "lacp_rate= " ]
	[ "$(complete 'bondcfg te')" = "test " ]
	[ "$(complete 'bondcfg test f')" = "failover " ]
	[ "$(complete 'bondcfg test --method a')" = "active-slave " ]
	[ "$(complete 'bondcfg show --format p')" = "prometheus " ]
	[ "$(complete 'bondcfg check --l')" = "--live " ]
}

@test "ifup and ifdown: one interface or ifcfg file; one that is neither a bond nor a slave is no work" {
	expected_rc=2 run_x "$BONDCFG" ifup
	assert_output_contains "bondcfg: ifup: usage: bondcfg ifup [OPTION...] INTERFACE|IFCFG-FILE"
	expected_rc=2 run_x "$BONDCFG" ifdown eth0 eth1
	expected_rc=2 run_x "$BONDCFG" ifup 'bad name'
	run_x "$BONDCFG" --root "$FIXTURES/scenarios/centos-round-robin/root" ifup eth7
	[ -z "$output" ]
	run_x "$BONDCFG" -v --root "$FIXTURES/scenarios/centos-round-robin/root" ifup eth7
	[ "$output" = "ifup: eth7: neither a bond nor a slave of one; nothing to do" ]
	run_x "$BONDCFG" --root "$FIXTURES/scenarios/centos-round-robin/root" ifdown /nonexistent/ifcfg-x
	[ -z "$output" ]
	# no dry run for the hooks' commands
	expected_rc=2 run_x "$BONDCFG" plan ifup bond0
}
