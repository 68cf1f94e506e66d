#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# bondcfg watch without root and without the bonding driver: arguments,
# exit statuses, the snapshots and their timing.
# tests/kernel/006-show-watch.bats has it against real bonds.

load ../helpers


@test "bondcfg help lists watch" {
	run_x "$BONDCFG" help
	assert_output_contains "  watch "
}

@test "watch --help names its options" {
	run_x "$BONDCFG" watch --help
	assert_output_contains "--count=N"
	assert_output_contains "--interval=S"
	assert_output_contains "[BOND]"
}

@test "watch: an unknown option is a usage error" {
	expected_rc=2 run_x "$BONDCFG" watch --frobnicate
}

@test "watch: a bond that does not exist, or a link that is no bond, exits 1" {
	expected_rc=1 run_x "$BONDCFG" watch --count 1 lo
	[ "$output" = "bondcfg: watch: lo: not a bond" ]
	expected_rc=1 run_x "$BONDCFG" watch --count 1 bondcfg-no-such-bond
	[ "$output" = "bondcfg: watch: bondcfg-no-such-bond: no such device" ]
}

@test "watch --count: a whole number of 1 or more" {
	for bad in 0 -1 1.5 abc "" 2x; do
		expected_rc=2 run_x "$BONDCFG" watch --count "$bad"
		assert_output_contains "--count: '$bad' is not a whole number of 1 or more"
	done
	expected_rc=2 run_x "$BONDCFG" watch --count
}

@test "watch --interval: seconds above 0, decimals allowed" {
	for bad in 0 -1 0.0 abc "" nan inf 1e9 1s; do
		expected_rc=2 run_x "$BONDCFG" watch --count 1 --interval "$bad"
		assert_output_contains "--interval: '$bad' is not a number of seconds above 0"
	done
}

@test "watch takes one bond at the most" {
	expected_rc=2 run_x "$BONDCFG" watch bond0 bond1
	assert_output_contains "watch: unexpected argument 'bond1'"
}

@test "watch --count 2: two snapshots of plain lines, one interval apart" {
	command -v ip >/dev/null || skip "no ip(8)"
	local start end
	start=$(date +%s%N)
	run_x "$BONDCFG" watch --count 2 --interval 0.3
	end=$(date +%s%N)
	[ "$(grep -cE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3} snapshot [12]$' <<<"$output")" = 2 ]
	[ "$(grep -c '^LINK ' <<<"$output")" = 2 ]
	[[ "$output" != *$'\e'* ]]
	# two intervals of 0.3 s at least, and not much more
	[ $(((end - start) / 1000000)) -ge 600 ]
	[ $(((end - start) / 1000000)) -lt 5000 ]
	if [ -z "$(bond_names)" ]; then
		[ "$(grep -c '^no bonds$' <<<"$output")" = 2 ]
	fi
}
