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
	[ "$(jq -r 'keys | join(",")' <<<"$output")" = bonds,pending ]
	[ "$(jq -r '.pending' <<<"$output")" = null ]
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

# A configuration with a bond no host has, in $ROOT.
metrics_root() {
	ROOT=$BATS_TEST_TMPDIR/root
	local d=$ROOT/etc/sysconfig/network-scripts

	mkdir -p "$d"
	printf 'DEVICE=bcfgt9\nTYPE=Bond\nONBOOT=yes\nBONDING_OPTS="mode=1 miimon=100"\n' >"$d/ifcfg-bcfgt9"
	printf 'DEVICE=eth91\nMASTER=bcfgt9\nSLAVE=yes\n' >"$d/ifcfg-eth91"
	[ ! -e /sys/class/net/bcfgt9 ] || skip "this host has a bcfgt9"
}

@test "show --format=prometheus: a configured bond that is missing counts as drift; promtool accepts the output" {
	metrics_root
	run_x "$BONDCFG" --root "$ROOT" show --format=prometheus
	grep -qx 'bondcfg_bond_present{bond="bcfgt9"} 0' <<<"$output"
	grep -qx 'bondcfg_bond_configured{bond="bcfgt9"} 1' <<<"$output"
	grep -qx 'bondcfg_bond_drift{bond="bcfgt9"} 1' <<<"$output"
	grep -qx 'bondcfg_bond_slaves_configured{bond="bcfgt9"} 1' <<<"$output"
	grep -qx 'bondcfg_config_errors 0' <<<"$output"
	# every family has its HELP and TYPE, once
	[ "$(grep -c '^# TYPE ' <<<"$output")" = "$(grep -c '^# HELP ' <<<"$output")" ]
	[ -z "$(grep '^# TYPE ' <<<"$output" | sort | uniq -d)" ]
	command -v promtool >/dev/null || skip "no promtool (Debian's prometheus)"
	run_x promtool check metrics <<<"$output"
}

@test "show --format=prometheus: configuration errors are counted, not printed" {
	metrics_root
	echo 'BONDING_OPTS="mode=1 miimon=100 lacp_rat=fast"' >>"$ROOT/etc/sysconfig/network-scripts/ifcfg-bcfgt9"
	run_split "$BONDCFG" --root "$ROOT" show --format=prometheus
	grep -qx 'bondcfg_config_errors 1' <<<"$output"
	[ -z "$err" ]
}

@test "show --output: the file replaced whole, mode 0644, nothing left beside it; errors name the file" {
	metrics_root
	local d=$BATS_TEST_TMPDIR/out
	mkdir -p "$d"
	echo old >"$d/bondcfg.prom"
	run_x "$BONDCFG" --root "$ROOT" show --format=prometheus --output "$d/bondcfg.prom"
	[ -z "$output" ]
	grep -qx 'bondcfg_bond_present{bond="bcfgt9"} 0' "$d/bondcfg.prom"
	[ "$(stat -c %a "$d/bondcfg.prom")" = 644 ]
	[ "$(ls "$d")" = bondcfg.prom ]
	run_x "$BONDCFG" show --json --output "$d/show.json"
	jq -e '.bonds | type == "array"' "$d/show.json" >/dev/null
	expected_rc=1 run_x "$BONDCFG" show --format=prometheus --output "$d/nowhere/x.prom"
	[ "$output" = "bondcfg: show: writing $d/nowhere/x.prom: No such file or directory" ]
}

@test "show: --format and --output usage errors" {
	expected_rc=2 run_x "$BONDCFG" show --format=yaml
	assert_output_contains "show: unknown format 'yaml'; give text, json or prometheus"
	expected_rc=2 run_x "$BONDCFG" show --json --format=prometheus
	assert_output_contains "show: --json and --format=prometheus contradict each other"
	expected_rc=2 run_x "$BONDCFG" show --format=prometheus bond0
	assert_output_contains "takes no bond"
	expected_rc=2 run_x "$BONDCFG" show --output /tmp/x
	assert_output_contains "show: --output writes json or prometheus: give --format"
}

@test "test: usage errors before anything is opened" {
	expected_rc=2 run_x "$BONDCFG" test
	assert_output_contains "test: give failover and one BOND"
	expected_rc=2 run_x "$BONDCFG" test frobnicate bond0
	assert_output_contains "test: unknown test 'frobnicate'; give failover BOND"
	expected_rc=2 run_x "$BONDCFG" test failover bond0 bond1
	expected_rc=2 run_x "$BONDCFG" test failover --method unplug bond0
	assert_output_contains "--method 'unplug': give link-down or active-slave"
	expected_rc=2 run_x "$BONDCFG" test failover --timeout 0 bond0
	assert_output_contains "--timeout '0': give a number from 0.1 to 600"
	run_x "$BONDCFG" test --help
	assert_output_contains "--ping"
}
