#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# Fault injection through each command that changes links, as an admin
# runs it: bondcfg up, up --all, apply, set, enslave, release, ifup,
# ifdown, down, down --all, and ifenslave's enslave, -d and -c. The
# commands' test builds (tests/bondcfg-faulty, tests/ifenslave-faulty:
# their own code behind a main that arms bnl_test_refuse_opened()) refuse
# the run's first change request, then its second, and so on until a run
# sends them all. Each refused run must fail, say nothing of a rollback
# left undone, and leave `ip -d -j link show` as before; the run that
# sends them all must end where an unrefused run ends.

load ../helpers
load kernel

BONDCFG_F=$BUILDDIR/tests/bondcfg-faulty
IFENSLAVE_F=$BUILDDIR/tests/ifenslave-faulty

setup_file() {
	announce_kernel
}

setup() {
	ifcfg_setup
	opened_dummies d0 d1 d2 d3
	ip link set d0 up
	ifcfg bt 'mode=active-backup miimon=100 primary=d0' d0 d1
}

teardown() {
	kernel_clean
}

# The states the commands start from: no bond, or bt as `up` builds it
# from the files (with its records).
start_empty() {
	reset
	rm -rf "$BONDCFG_RUN_DIR"
}
start_up() {
	start_empty
	"$BUILDDIR/src/bondcfg" -q --root "${ROOT0:-$ROOT}" up bt
}
start_two() {
	start_empty
	"$BUILDDIR/src/bondcfg" -q --root "${ROOT0:-$ROOT}" up --all
}

# refuse_each START PROGRAM ARG...: PROGRAM ARG... from state START,
# once whole, to count its change requests, then with each refused in
# turn. With MANY=1 (runs of several bonds, which after a refused plan run
# each bond again on its own, the refusal spent), a refused run may end as
# the unrefused one, with exit 0.
refuse_each() {
	local start=$1 prog=$2 before full n i
	shift 2

	$start
	before=$(settled_links >/dev/null; links)
	run "$prog" "$@"
	[ "$status" -eq 0 ] || { echo "# unrefused: exit $status: $output" >&2; return 1; }
	full=$(settled_links >/dev/null; links)
	[ "$full" != "$before" ]
	n=$(sed -n 's/^faulty: \([0-9]*\) change requests$/\1/p' <<<"$output")
	[ "$n" -gt 0 ]
	for i in $(seq "$n"); do
		$start
		same_as "$before" || { echo "# $start is not the same twice" >&2; return 1; }
		run "$prog" --refuse "$i" "$@"
		[[ "$output" != *"rollback left"* ]] && [[ "$output" != *"not every step"* ]] ||
			{ echo "# request $i refused: $output" >&2; return 1; }
		if [ "$status" -eq 0 ] && [ -n "${MANY:-}" ]; then
			same_as "$full" || { echo "# request $i refused, exit 0: $output" >&2; return 1; }
			continue
		fi
		if [ "$status" -eq 0 ] || [[ "$output" != *"refused by the test"* ]]; then
			printf '# request %d of %d refused: exit %d\n%s\n' "$i" "$n" "$status" "$output" | sed 's/^/# /' >&2
			return 1
		fi
		same_as "$before" || { echo "# after request $i of $n refused: $output" >&2; return 1; }
	done
	echo "# $n requests, each refused in turn: all undone" >&3
}

# A second tree for the commands that read a configuration other than the
# one the start state was built from.
new_root() {
	ROOT0=$ROOT
	ROOT=$BATS_TEST_TMPDIR/root1
	NS=$ROOT/etc/sysconfig/network-scripts
	mkdir -p "$NS"
}

@test "bondcfg up: each request refused in turn is undone" {
	refuse_each start_empty "$BONDCFG_F" --root "$ROOT" up bt
}

@test "bondcfg up --all, two bonds: a refused request leaves them as before, or as configured" {
	ifcfg bu 'mode=802.3ad miimon=100 lacp_rate=fast' d2 d3
	MANY=1 refuse_each start_empty "$BONDCFG_F" --root "$ROOT" up --all
}

@test "bondcfg apply, a change of mode and slaves: each request refused in turn is undone" {
	new_root
	ifcfg bt 'mode=balance-xor miimon=200 xmit_hash_policy=layer3+4' d1 d2
	refuse_each start_up "$BONDCFG_F" --root "$ROOT" apply bt
}

@test "bondcfg set mode: each request refused in turn is undone" {
	refuse_each start_up "$BONDCFG_F" --root "$ROOT" set bt mode=balance-alb
}

@test "bondcfg set options: each request refused in turn is undone" {
	refuse_each start_up "$BONDCFG_F" --root "$ROOT" set bt miimon=300 primary=d1 queue_id=d1:2
}

@test "bondcfg enslave: each request refused in turn is undone" {
	refuse_each start_up "$BONDCFG_F" --root "$ROOT" enslave bt d2 d3
}

@test "bondcfg release of the active slave: each request refused in turn is undone" {
	refuse_each start_up "$BONDCFG_F" --root "$ROOT" release bt d0
}

@test "bondcfg ifup of a configured slave: each request refused in turn is undone" {
	new_root
	ifcfg bt 'mode=active-backup miimon=100 primary=d0' d0 d1 d2
	refuse_each start_up "$BONDCFG_F" --root "$ROOT" ifup d2
}

@test "bondcfg ifdown of the bond: each request refused in turn is undone" {
	refuse_each start_up "$BONDCFG_F" --root "$ROOT" ifdown bt
}

@test "bondcfg down: each request refused in turn is undone" {
	refuse_each start_up "$BONDCFG_F" --root "$ROOT" down bt
}

@test "bondcfg down --all, two bonds: each request refused in turn is undone" {
	ifcfg bu 'mode=802.3ad miimon=100' d2 d3
	MANY=1 refuse_each start_two "$BONDCFG_F" --root "$ROOT" down --all
}

@test "ifenslave BOND SLAVE...: each request refused in turn is undone" {
	refuse_each start_up "$IFENSLAVE_F" bt d2 d3
}

@test "ifenslave -d: each request refused in turn is undone" {
	refuse_each start_up "$IFENSLAVE_F" -d bt d0
}

@test "ifenslave -c: each request refused in turn is undone" {
	refuse_each start_up "$IFENSLAVE_F" -c bt d1
}
