#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# bondcfg show without root and without the bonding driver: arguments,
# exit statuses, the JSON document when there is no bond to show.
# tests/kernel/006-show-watch.bats has it against real bonds.

load ../helpers


@test "bondcfg help lists show" {
	run_x "$BONDCFG" help
	assert_output_contains "  show "
}

@test "show --help names its options" {
	run_x "$BONDCFG" show --help
	assert_output_contains "--json"
	assert_output_contains "[BOND...]"
}

@test "show: an unknown option is a usage error" {
	expected_rc=2 run_x "$BONDCFG" show --frobnicate
}

@test "show: a bond that does not exist, or a link that is no bond, exits 1" {
	expected_rc=1 run_x "$BONDCFG" show bondcfg-no-such-bond
	[ "$output" = "bondcfg: show: bondcfg-no-such-bond: no such device" ]
	expected_rc=1 run_x "$BONDCFG" show --json lo
	[ "$output" = "bondcfg: show: lo: not a bond" ]
}

@test "show --json is one JSON document with a bonds array, also without bonds" {
	command -v ip >/dev/null || skip "no ip(8)"
	run_x "$BONDCFG" show --json
	[ "$(jq -r '.bonds | type' <<<"$output")" = array ]
	[ "$(jq -r '.bonds[].name' <<<"$output")" = "$(bond_names)" ]
	[ "$(jq -r 'keys | join(",")' <<<"$output")" = bonds ]
	run_x "$BONDCFG" -q show --json
	[ "$(jq -r '.bonds | type' <<<"$output")" = array ]
}

@test "show as text says when there is no bond" {
	command -v ip >/dev/null || skip "no ip(8)"
	[ -z "$(bond_names)" ] || skip "this machine has bonds"
	run_x "$BONDCFG" show
	[ "$output" = "no bonds" ]
	run_x "$BONDCFG" -q show
	[ -z "$output" ]
}
