#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# Fault injection on the real driver: for each kind of change the engine
# makes (a new bond, a change of mode with slaves, options of a live bond,
# set's change of mode that keeps the slaves, down, two bonds in one
# plan), each change request of its plan is refused in turn
# (tests/bond-engine --refuse N, which fails that request as the kernel
# would and sends the rest). The run must fail, and `ip -d -j link show`
# must read the same links before and after: the rollback undid every step.
# Then a step of the rollback is refused too: the engine must say that the
# rollback left links different exactly when `ip` sees a difference.

load ../helpers
load kernel

ENGINE=$BUILDDIR/tests/bond-engine

setup_file() {
	announce_kernel
}

setup() {
	engine_setup
}

teardown() {
	kernel_clean
}

# The states each plan starts from.
start_empty() {
	reset
}
start_ab() {
	reset
	"$ENGINE" apply bt 'mode=active-backup miimon=100 primary=d0 queue_id=d1:2' --slaves d0,d1 2>/dev/null
}

# refuse_each START ARGS...: bond-engine ARGS from state START, once to
# count its change requests, then with each refused in turn.
refuse_each() {
	local start=$1 before n i
	shift

	$start
	before=$(settled_links >/dev/null; links)
	run "$ENGINE" "$@"
	[ "$status" -eq 0 ] || { echo "# $output" >&2; return 1; }
	n=$(sed -n 's/^changes sent: //p' <<<"$output")
	[ "$n" -gt 1 ]
	for i in $(seq "$n"); do
		$start
		same_as "$before" || { echo "# $start is not the same twice" >&2; return 1; }
		run "$ENGINE" "$@" --refuse "$i"
		if [ "$status" -ne 1 ] || [[ "$output" != *"refused by the test"* ]] ||
			[[ "$output" == *"rollback"* ]]; then
			printf '# refused request %d of %d: exit %d\n%s\n' "$i" "$n" "$status" "$output" | sed 's/^/# /' >&2
			return 1
		fi
		same_as "$before" || { echo "# after request $i of $n refused" >&2; return 1; }
	done
	echo "# $n requests, each refused in turn: all undone" >&3
}

@test "a new 802.3ad bond with two slaves: each request refused in turn is undone" {
	refuse_each start_empty apply bt 'mode=802.3ad miimon=100 lacp_rate=fast queue_id=d1:2' --slaves d0,d1
}

@test "a change of mode of a bond with slaves: each request refused in turn is undone" {
	refuse_each start_ab apply bt 'mode=balance-xor miimon=200 xmit_hash_policy=layer3+4' --slaves d1,d2
}

@test "options, a slave option and a new slave on a live bond: each request refused in turn is undone" {
	refuse_each start_ab apply bt 'mode=active-backup miimon=300 primary=d1 queue_id=d1:3 queue_id=d2:1' --slaves d0,d1,d2
}

@test "set's change of mode, which enslaves the slaves again: each request refused in turn is undone" {
	refuse_each start_ab apply bt 'mode=balance-alb' --keep-slaves
}

@test "down: each request refused in turn is undone, the bond created again" {
	refuse_each start_ab down bt
}

# two bonds, bu in link group 7 and its slave d2 in 9: taken down together,
# by one group delete
start_two() {
	start_ab
	"$ENGINE" apply bu 'mode=balance-xor miimon=100 xmit_hash_policy=layer3+4' --slaves d2 2>/dev/null
	ip link set bu group 7
	ip link set d2 group 9
}

@test "down of two bonds: one group delete; a link already in the group it would take is kept" {
	start_two
	ip link add xg type dummy
	ip link set xg group 1651469924
	run "$ENGINE" down bt bu
	[ "$status" -eq 0 ] || { echo "# $output" >&2; return 1; }
	# the independent reader: no bond, the slaves free, each link in the
	# group it was in
	ip -d -j link show >"$BATS_TEST_TMPDIR/links.json"
	[ "$(gojq '[.[] | select(.linkinfo.info_kind == "bond")] | length' "$BATS_TEST_TMPDIR/links.json")" = 0 ]
	[ "$(gojq -r '[.[] | select(.ifname | test("^d[0-3]$")) | select(.master == null)] | length' "$BATS_TEST_TMPDIR/links.json")" = 4 ]
	[ "$(gojq -r '.[] | select(.ifname == "xg") | .group' "$BATS_TEST_TMPDIR/links.json")" = 1651469924 ]
	[ "$(gojq -r '.[] | select(.ifname == "d2") | .group' "$BATS_TEST_TMPDIR/links.json")" = 9 ]
	[ "$(gojq -r '[.[] | select(.group != "default" and .group != "9" and .group != 9 and .ifname != "xg")] | length' "$BATS_TEST_TMPDIR/links.json")" = 0 ]
	ip link del xg
}

@test "down of two bonds, one in a link group: each request refused in turn is undone, the group too" {
	refuse_each start_two down bt bu
}

@test "two bonds in one plan: each request refused in turn is undone" {
	refuse_each start_empty apply bt 'mode=active-backup miimon=100' --slaves d0 --bond bu 'mode=802.3ad' --slaves d1,d2
}

@test "a refused step and a refused undo: 'rollback left' is said exactly when ip sees a difference" {
	local before n i said=0 clean=0 args=(apply bt 'mode=balance-xor miimon=200' --slaves d1,d2)

	start_ab
	before=$(settled_links >/dev/null; links)
	run "$ENGINE" "${args[@]}"
	n=$(sed -n 's/^changes sent: //p' <<<"$output")
	[ "$n" -gt 1 ]
	for i in $(seq "$n"); do
		start_ab
		same_as "$before"
		run "$ENGINE" "${args[@]}" --refuse "$i" --refuse-undo "$((i + 1))"
		case $status in
		4)
			[[ "$output" == *"rollback left "* ]]
			[[ "$output" == *"bt: not every step was undone"* ]] || [[ "$output" == *"rollback left links different"* ]]
			# what it says is there: ip sees a difference
			if same_as "$before" 2>/dev/null; then
				echo "# said left different, ip sees none: $output" >&2
				return 1
			fi
			said=$((said + 1))
			;;
		1)
			[[ "$output" != *"rollback left "* ]]
			same_as "$before"
			clean=$((clean + 1))
			;;
		*)
			echo "# exit $status: $output" >&2
			return 1
			;;
		esac
	done
	echo "# $n pairs: $said said what was left, $clean left nothing" >&3
	[ "$said" -gt 0 ]
}
