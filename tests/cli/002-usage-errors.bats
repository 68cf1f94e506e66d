#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# Bad command lines: one message naming the problem, exit status 2.

load ../helpers

@test "an unknown option is a usage error in every command" {
	for cmd in "$BONDCFG" "$IFENSLAVE" "$IFCFG_BOND_PARSE"; do
		expected_rc=2 run_x "$cmd" --no-such-option
		assert_output_contains "--no-such-option: unknown option"
		assert_output_contains "--help' for more information"
	done
}

@test "bondcfg without a command is a usage error" {
	expected_rc=2 run_x "$BONDCFG"
	assert_output_contains "bondcfg: no command given"
}

@test "bondcfg names an unknown command" {
	expected_rc=2 run_x "$BONDCFG" frobnicate bond0
	assert_output_contains "bondcfg: unknown command 'frobnicate'"
}

@test "bondcfg help takes no argument" {
	expected_rc=2 run_x "$BONDCFG" help up
	assert_output_contains "unexpected argument 'up'"
}

@test "ifenslave without a master is a usage error" {
	expected_rc=2 run_x "$IFENSLAVE"
	assert_output_contains "ifenslave: no master interface given"
}

@test "ifenslave refuses invalid interface names before anything else" {
	expected_rc=2 run_x "$IFENSLAVE" bond0 eth0/1
	assert_output_contains "'eth0/1': not a valid interface name"
	expected_rc=2 run_x "$IFENSLAVE" bond0 a-very-long-interface-name
	assert_output_contains "at most 15 characters"
}

@test "ifcfg-bond-parse refuses files beside --opts" {
	expected_rc=2 run_x "$IFCFG_BOND_PARSE" --opts mode=1 /etc/sysconfig/network-scripts/ifcfg-bond0
	assert_output_contains "unexpected argument"
}

@test "ifcfg-bond-parse asks for --type when a file name tells nothing" {
	expected_rc=2 run_x "$IFCFG_BOND_PARSE" /tmp/some-file
	assert_output_contains "give --type"
	expected_rc=2 run_x "$IFCFG_BOND_PARSE" --type nope /tmp/some-file
	assert_output_contains "unknown format 'nope'"
}

@test "ifcfg-bond-parse names an unknown output format" {
	expected_rc=2 run_x "$IFCFG_BOND_PARSE" --format yaml
	assert_output_contains "unknown format 'yaml'"
}

@test "the formats in --help and in the errors come from the format table" {
	run_x "$BONDCFG" --help
	assert_output_contains "Read only these formats: ifcfg, interfaces, confd,"
	assert_output_contains "modprobe (comma-separated)"
	expected_rc=2 run_x "$BONDCFG" --source ifcfg,nope check
	assert_output_contains "--source: unknown format 'nope'; give ifcfg, interfaces, confd or modprobe"
	# the names diagnostics give the formats read are taken too
	run_x "$BONDCFG" --root "$FIXTURES/scenarios/centos7-options-in-modprobe/root" --source modprobe.d,conf.d/net check
	run_x "$BONDCFG" convert --help
	# popt wraps the text where the columns make it: one line of words
	output=$(tr -s ' \n' '  ' <<<"$output")
	assert_output_contains "Write as FORMAT: ifcfg, interfaces, confd, networkd, nmcli or ip"
	expected_rc=2 run_x "$BONDCFG" convert --to modprobe
	assert_output_contains "convert: unknown format 'modprobe'; give ifcfg, interfaces, confd, networkd, nmcli or ip"
	expected_rc=2 run_x "$BONDCFG" convert
	assert_output_contains "convert: --to FORMAT is needed: ifcfg, interfaces, confd, networkd, nmcli or ip"
	expected_rc=2 run_x "$IFCFG_BOND_PARSE" --type networkd /tmp/some-file
	assert_output_contains "--type: unknown format 'networkd'; give ifcfg, interfaces, confd or modprobe"
	expected_rc=2 run_x "$BONDCFG" convert --to nmcli --output-dir "$BATS_TEST_TMPDIR/out"
	assert_output_contains "convert: --to nmcli prints commands"
}

@test "--root that is no folder is a usage error in the three commands" {
	expected_rc=2 run_x "$BONDCFG" --root /nonexistent check
	assert_output_contains "bondcfg: --root /nonexistent: No such file or directory"
	expected_rc=2 run_x "$IFCFG_BOND_PARSE" --root /nonexistent
	assert_output_contains "ifcfg-bond-parse: --root /nonexistent: No such file or directory"
	printf 'x' >"$BATS_TEST_TMPDIR/file"
	expected_rc=2 run_x "$IFENSLAVE" --root "$BATS_TEST_TMPDIR/file" bond0 eth0
	assert_output_contains "ifenslave: --root $BATS_TEST_TMPDIR/file: not a folder"
}
