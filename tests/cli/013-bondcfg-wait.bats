#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# bondcfg wait without root and without the bonding driver: arguments and
# exit statuses. tests/kernel/011-demo.bats has it against real bonds: one
# that settles with a real LACP partner, one without a partner that does
# not.

load ../helpers

@test "bondcfg help lists wait" {
	run_x "$BONDCFG" help
	assert_output_contains "  wait "
}

@test "wait --help names its option" {
	run_x "$BONDCFG" wait --help
	assert_output_contains "--timeout=SECS"
	assert_output_contains "[BOND...]"
}

@test "wait: an unknown option is a usage error" {
	expected_rc=2 run_x "$BONDCFG" wait --frobnicate
}

@test "wait --timeout: whole seconds from 0 to 86400" {
	for bad in -1 1.5 abc "" 2x 86401; do
		expected_rc=2 run_x "$BONDCFG" wait --timeout "$bad" lo
		assert_output_contains "wait: --timeout takes seconds, 0 to 86400, not '$bad'"
	done
}

@test "wait: a bond that does not exist, or a link that is no bond, exits 1 at once" {
	expected_rc=1 run_x "$BONDCFG" wait --timeout 60 lo
	[ "$output" = "bondcfg: wait: lo: not a bond" ]
	expected_rc=1 run_x "$BONDCFG" wait --timeout 60 bondcfg-no-such-bond
	[ "$output" = "bondcfg: wait: bondcfg-no-such-bond: no such device" ]
}

@test "wait: with no bond at all, nothing to wait for" {
	! compgen -G "/sys/class/net/*/bonding" >/dev/null || skip "this machine has bonds"
	run_x "$BONDCFG" wait --timeout 0
	[[ "$output" == "settled after "*" s" ]]
	run_x "$BONDCFG" -q wait --timeout 0
	[ -z "$output" ]
}

@test "bash completion offers wait and its --timeout" {
	run complete_line bondcfg "bondcfg wa"
	[ "$output" = "wait watch " ]
	run complete_line bondcfg "bondcfg wait --t"
	[ "$output" = "--timeout " ]
}
