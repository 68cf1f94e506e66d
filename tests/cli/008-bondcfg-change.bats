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

@test "plan up: configuration errors stop the bond, exit 3" {
	expected_rc=3 run_x "$BONDCFG" --root "$SC/nmcli-generated-duplicates/root" plan up --all
	assert_output_contains "bond0: not changed: its configuration has errors"
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
		"enslave bond0 eth9" "release bond0 eth9"; do
		# shellcheck disable=SC2086
		expected_rc=4 run_x "${nobody[@]}" "$BONDCFG" --root / $c
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
