#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# ifenslave's command line: the classic options, the rules about which
# combine, the usage errors and the privilege check, none of which need
# the kernel. What it does to bonds is tested in the VM
# (tests/kernel/007-ifenslave.bats).

load ../helpers

USAGE_FIRST="Usage: ifenslave [-f] MASTER SLAVE...   enslave the SLAVEs to bond MASTER"

@test "-u and --usage print the five usage lines on stdout" {
	for o in -u --usage; do
		run_split "$IFENSLAVE" "$o"
		[ "$(wc -l <<<"$output")" = 5 ]
		[ "${output%%$'\n'*}" = "$USAGE_FIRST" ]
		assert_output_contains "ifenslave -d MASTER SLAVE..."
		assert_output_contains "ifenslave -c MASTER SLAVE "
		assert_output_contains "ifenslave -a "
		[ -z "$err" ]
	done
}

@test "-h lists every classic long option" {
	run_x "$IFENSLAVE" -h
	for o in all-interfaces change-active detach force verbose help usage version root; do
		assert_output_contains "--$o"
	done
	assert_output_contains "exclude each other; -v goes with any"
}

@test "-a, -c, -d, -f, -h, -u and -V exclude each other, as they always did" {
	for pair in "-a -c" "-a -d" "-c -d" "-d -f" "-c -f" "-f -a" "-h -V" "-u -d" "-V -f"; do
		# shellcheck disable=SC2086
		expected_rc=2 run_split "$IFENSLAVE" $pair bond0 eth0
		[ "${err%%$'\n'*}" = "ifenslave: -a, -c, -d, -f, -h, -u and -V exclude each other" ]
		[[ "$err" == *"$USAGE_FIRST"* ]]
		[ -z "$output" ]
	done
	# clustered, and long
	expected_rc=2 run_x "$IFENSLAVE" -dc bond0 eth0
	expected_rc=2 run_x "$IFENSLAVE" --detach --change-active bond0 eth0
}

@test "-v goes with the others" {
	run_x "$IFENSLAVE" -v -V
	[ "$output" = "ifenslave (bondcfg) $PACKAGE_VERSION" ]
	run_x "$IFENSLAVE" -vu
	[ "${output%%$'\n'*}" = "$USAGE_FIRST" ]
}

@test "the argument count each form needs" {
	expected_rc=2 run_split "$IFENSLAVE" -a bond0
	[ "${err%%$'\n'*}" = "ifenslave: -a takes no interface names" ]
	expected_rc=2 run_split "$IFENSLAVE" -d bond0
	[ "${err%%$'\n'*}" = "ifenslave: -d needs a MASTER and a SLAVE" ]
	expected_rc=2 run_split "$IFENSLAVE" -c bond0
	[ "${err%%$'\n'*}" = "ifenslave: -c needs a MASTER and a SLAVE" ]
	expected_rc=2 run_split "$IFENSLAVE" -c bond0 eth0 eth1
	[ "${err%%$'\n'*}" = "ifenslave: -c takes one SLAVE: there is one active slave" ]
	expected_rc=2 run_split "$IFENSLAVE" -f
	[ "${err%%$'\n'*}" = "ifenslave: no master interface given" ]
}

@test "an unknown option is a usage error with the usage lines" {
	expected_rc=2 run_split "$IFENSLAVE" -x bond0 eth0
	[ "${err%%$'\n'*}" = "ifenslave: -x: unknown option" ]
	[[ "$err" == *"$USAGE_FIRST"* ]]
	expected_rc=2 run_split "$IFENSLAVE" --receive-slave bond0 eth0
	[ "${err%%$'\n'*}" = "ifenslave: --receive-slave: unknown option" ]
}

@test "MASTER alone, for a device that is no bond, says so without root" {
	expected_rc=1 run_split "$IFENSLAVE" lo
	[ "$err" = "ifenslave: lo: not a bond (a network device)" ]
	expected_rc=1 run_split "$IFENSLAVE" -f nonexistent0
	[ "$err" = "ifenslave: nonexistent0: no such device" ]
}

# The unprivileged user for the privilege tests, or a skip.
nobody() {
	NOBODY=()
	if [ "$(id -u)" = 0 ]; then
		command -v setpriv >/dev/null || skip "root without setpriv"
		NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)
		"${NOBODY[@]}" test -x "$IFENSLAVE" ||
			skip "the build tree is not reachable for an unprivileged user"
	fi
}

@test "exit 4 with one line, before anything is read, for every changing form" {
	nobody
	for args in "bond0 eth0 eth1" "-f bond0 eth0" "-d bond0 eth0" "-c bond0 eth0"; do
		# shellcheck disable=SC2086
		expected_rc=4 run_x "${NOBODY[@]}" "$IFENSLAVE" --root / $args
		[ "$output" = "ifenslave: changing bonds needs CAP_NET_ADMIN: run it as root" ]
	done
}

@test "showing needs no privilege" {
	nobody
	run_x "${NOBODY[@]}" "$IFENSLAVE" -a
	expected_rc=1 run_x "${NOBODY[@]}" "$IFENSLAVE" nonexistent0
	[ "$output" = "ifenslave: nonexistent0: no such device" ]
}

# complete LINE: what bash completion offers at the end of LINE.
complete() {
	complete_line ifenslave "$1"
}

@test "bash completion: the classic long options, and devices without a master as slaves" {
	[ "$(complete 'ifenslave --de')" = "--detach " ]
	[ "$(complete 'ifenslave -v --ch')" = "--change-active " ]
	[ -e /sys/class/net/lo ] || skip "no /sys/class/net/lo"
	[ "$(complete 'ifenslave bond0 l')" = "lo " ]
	# with -d, only the bond's own slaves: a bond that does not exist has none
	[ "$(complete 'ifenslave -d bond0 l')" = " " ]
}
