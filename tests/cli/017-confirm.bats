#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# --confirm, --confirm-check, bondcfg confirm and revert where no kernel
# is needed: their command lines and help (the privilege check is in
# 008-bondcfg-change.bats with the other changing commands), and, as
# root, a pending change written by hand into a run folder of the test's
# own: every other change refused (bondcfg's and ifenslave's) before any
# link is read, a dry run not; show and show --json say it; confirm ends
# it, and stops its watchdog only if the pid is still that process; a
# damaged file refuses changes until confirm drops it. What the watchdog
# does to bonds is tested in the VM (tests/kernel/016-confirm.bats).

load ../helpers

setup() {
	export BONDCFG_RUN_DIR=$BATS_TEST_TMPDIR/run
}

teardown() {
	[ -z "${SLEEPER:-}" ] || kill "$SLEEPER" 2>/dev/null || true
}

@test "--confirm and --confirm-check: usage errors name the value; confirm and revert take no argument" {
	expected_rc=2 run_x "$BONDCFG" apply --confirm=0 bond0
	assert_output_contains "apply: --confirm: '0' is not a number of seconds from 1 to 86400"
	expected_rc=2 run_x "$BONDCFG" set --confirm=soon bond0 miimon=100
	assert_output_contains "set: --confirm: 'soon' is not a number of seconds"
	expected_rc=2 run_x "$BONDCFG" down --confirm=86401 bond0
	expected_rc=2 run_x "$BONDCFG" up --confirm-check gateway bond0
	assert_output_contains "up: --confirm-check: 'gateway' is not an IPv4 or IPv6 address"
	expected_rc=2 run_x "$IFENSLAVE" --confirm=-1 bond0 eth0
	assert_output_contains "--confirm: '-1' is not a number of seconds"
	expected_rc=2 run_x "$BONDCFG" confirm bond0
	assert_output_contains "confirm: unexpected argument 'bond0'"
	expected_rc=2 run_x "$BONDCFG" revert --all
}

@test "--help: the two options on each changing command and on ifenslave; confirm and revert listed" {
	local c

	for c in up down apply set enslave release; do
		run_x "$BONDCFG" "$c" --help
		assert_output_contains "--confirm=SECONDS"
		assert_output_contains "--confirm-check=ADDR"
	done
	run_x "$IFENSLAVE" --help
	assert_output_contains "--confirm[=SECONDS]"
	assert_output_contains "--confirm-check=ADDR"
	run_x "$BONDCFG" --help
	assert_output_contains "  confirm "
	assert_output_contains "  revert "
	run_x "$BONDCFG" confirm --help
	run_x "$BONDCFG" revert --help
}

# pending [STATE] [WATCHDOG START]: a pending change in the run folder,
# as apply --confirm writes it: bond0 in active-backup with eth9, a free
# eth8, a bond1 that did not exist.
pending() {
	mkdir -p -m 0700 "$BONDCFG_RUN_DIR"
	cat >"$BONDCFG_RUN_DIR/pending" <<EOF
bondcfg-pending 1
id 1765012345-4242
made $(date +%s)
deadline $(($(date +%s) + 90)) $(($(cut -d. -f1 /proc/uptime) + 90))
watchdog ${2:-0} ${3:-0}
check 192.0.2.1
state ${1:-waiting}
command bondcfg apply --confirm=90 bond0
bond bond0 up mtu 1500 slaves eth9
options bond0 mode=active-backup miimon=100 queue_id=eth9:0
link eth9 up mtu 1500 master bond0
link eth8 up mtu 9000 master -
link bond1 absent
EOF
	chmod 0600 "$BONDCFG_RUN_DIR/pending"
}

require_root() {
	[ "$(id -u)" = 0 ] || skip "a run as root (the run lock)"
}

@test "a pending change: every other change refused before any link is read, bondcfg's and ifenslave's; a dry run is not" {
	local c

	require_root
	pending
	for c in "apply bond0" "up --confirm=30 bond0" "set bond0 miimon=200" \
		"enslave bond0 eth7" "release bond0 eth9" "down bond0" \
		"test failover bond0"; do
		# shellcheck disable=SC2086
		expected_rc=1 run_x "$BONDCFG" --root / $c
		assert_output_contains "refused: the change made by 'bondcfg apply --confirm=90 bond0' is pending and reverts at "
		assert_output_contains "run 'bondcfg confirm' to keep it, or 'bondcfg revert' to undo it, first"
	done
	expected_rc=1 run_x "$IFENSLAVE" bond0 eth7
	assert_output_contains "ifenslave: refused: the change made by"
	# a dry run reads the links, and finds no bond0
	expected_rc=1 run_x "$BONDCFG" set -n bond0 miimon=200
	[[ $output != *refused* ]]
	[ -e "$BONDCFG_RUN_DIR/pending" ]
}

@test "--confirm followed by a bond's name takes the default, by a number that number" {
	# a dry run: the names are read as names, and the bond is not there
	expected_rc=1 run_x "$BONDCFG" set -n --confirm bond0 miimon=200
	assert_output_contains "bond0: no such bond"
	expected_rc=1 run_x "$BONDCFG" set -n --confirm 30 bond0 miimon=200
	assert_output_contains "bond0: no such bond"
}

@test "show and show --json: the pending change, its deadline, check, state and the links saved" {
	require_root
	pending
	run_x "$BONDCFG" show
	assert_output_contains "pending change: 'bondcfg apply --confirm=90 bond0' reverts at "
	assert_output_contains "unless 'bondcfg confirm' is run; confirmed as soon as it answers: 192.0.2.1"
	assert_output_contains "  saved: bond0 eth9 eth8 bond1"
	run_x "$BONDCFG" show --json
	[ "$(jq -c '.pending | [.command, .check, .state, .links, .watchdog]' <<<"$output")" = \
		'["bondcfg apply --confirm=90 bond0","192.0.2.1","waiting",["bond0","eth9","eth8","bond1"],0]' ]
	jq -e '.pending.remaining > 80 and .pending.remaining <= 91 and .pending.deadline > .pending.made' <<<"$output" >/dev/null
	pending failed
	run_x "$BONDCFG" show
	assert_output_contains "pending change: 'bondcfg apply --confirm=90 bond0': its revert failed; run 'bondcfg revert' to try again"
	expected_rc=1 run_x "$BONDCFG" set bond0 miimon=200
	assert_output_contains "refused: the revert of the change made by 'bondcfg apply --confirm=90 bond0' failed and is pending"
}

# start_time PID: field 22 of /proc/PID/stat.
start_time() {
	local stat

	stat=$(cat "/proc/$1/stat")
	stat=${stat##*) }
	# shellcheck disable=SC2086
	set -- $stat
	echo "${20}"
}

@test "confirm: the saved state removed; the watchdog stopped only if its pid is still that process" {
	require_root
	sleep 60 &
	SLEEPER=$!
	# another process than the one saved (its start time differs)
	pending waiting "$SLEEPER" 1
	run_x "$BONDCFG" confirm
	[ "$output" = "confirmed: the change made by 'bondcfg apply --confirm=90 bond0' stays" ]
	[ ! -e "$BONDCFG_RUN_DIR/pending" ]
	kill -0 "$SLEEPER"
	# the process saved
	pending waiting "$SLEEPER" "$(start_time "$SLEEPER")"
	run_x "$BONDCFG" confirm
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		kill -0 "$SLEEPER" 2>/dev/null || break
		sleep 0.5
	done
	! kill -0 "$SLEEPER" 2>/dev/null
	expected_rc=1 run_x "$BONDCFG" confirm
	[ "$output" = "nothing to confirm: no change is pending" ]
	expected_rc=1 run_x "$BONDCFG" revert
	[ "$output" = "nothing to revert: no change is pending" ]
}

@test "a damaged saved state: changes refused, saying so; revert refuses it with its line; confirm drops it" {
	require_root
	pending
	printf 'options bond0 mode=sideways\n' >>"$BONDCFG_RUN_DIR/pending"
	expected_rc=1 run_x "$BONDCFG" apply bond0
	assert_output_contains "refused: a change is pending, and its saved state in $BONDCFG_RUN_DIR/pending cannot be read"
	expected_rc=1 run_x "$BONDCFG" revert
	assert_output_contains "$BONDCFG_RUN_DIR/pending: line 14 cannot be read: the saved state is damaged"
	[ -e "$BONDCFG_RUN_DIR/pending" ]
	run_x "$BONDCFG" confirm
	[ ! -e "$BONDCFG_RUN_DIR/pending" ]
}
