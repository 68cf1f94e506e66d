#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# The initscripts hooks (network-scripts/) on the real driver: the RHEL
# scenarios through `ifup bond0`, `ifdown bond0`, and slaves on their own,
# with ifup and ifdown played by tests/initscripts (the dispatch of
# initscripts: same arguments, folder and PATH), and its ifup-eth and
# ifdown-eth doing their part for bonds and addressing. Every result is
# read back with `ip -d -j link show`.

load ../helpers
load kernel

SC=$FIXTURES/scenarios
DRIVER=$SRCDIR/tests/initscripts

# Run as 018-network-scripts-rpm.bats, a link to this file, the same tests
# go through the RPM's files instead of the build's: the RPM of
# scripts/build-rpm installed with rpm into the VM's root (a throwaway
# overlay), its %post placing the pre-local links in /usr/sbin; its hooks,
# its links and its bondcfg are what ifup and ifdown run.
RPM_MODE=
[[ $BATS_TEST_FILENAME != *-rpm.bats ]] || RPM_MODE=1

setup_file() {
	announce_kernel
	[ -z "$RPM_MODE" ] || install_rpm
}

# install_rpm: the RPM installed into / (its own database), as on a host.
install_rpm() {
	local rpm force=

	rpm=$(ls "$BUILDDIR"/tests/rpms/bondcfg-*.x86_64.rpm 2>/dev/null | head -n 1)
	[ -n "$rpm" ] || skip "no RPM in tests/rpms (scripts/build-rpm)"
	rpm --force-debian --version >/dev/null 2>&1 && force=--force-debian
	rpm --dbpath "$BATS_FILE_TMPDIR/rpmdb" --initdb
	# shellcheck disable=SC2086
	rpm $force --dbpath "$BATS_FILE_TMPDIR/rpmdb" -i --nodeps "$rpm"
	[ "$(readlink /usr/sbin/ifup-pre-local)" = /usr/libexec/bondcfg/ifup-pre-local ]
	[ -x /usr/sbin/bondcfg ]
	echo "# through the RPM's files: $(basename "$rpm")" >&3
}

setup() {
	bondcfg_setup
	export IFUP=$DRIVER/ifup IFDOWN=$DRIVER/ifdown
	export SBIN=$BATS_TEST_TMPDIR/sbin
}

teardown() {
	if [ -n "${SYSLOGD:-}" ]; then
		kill "$SYSLOGD" 2>/dev/null || true
		wait "$SYSLOGD" 2>/dev/null || true
		rm -f /dev/log
	fi
	kernel_teardown
}

# install SCENARIO: its root in a copy, the hooks and the stand-ins of
# ifup-eth and ifdown-eth in its network-scripts, the pre-local pair in $SBIN.
install() {
	scenario_copy "$1"
	export NS=$BONDCFG_ROOT/etc/sysconfig/network-scripts
	mkdir -p "$SBIN"
	if [ -n "$RPM_MODE" ]; then
		# the RPM's hooks and links, and the bondcfg they call
		cp -P /etc/sysconfig/network-scripts/ifup-bond /etc/sysconfig/network-scripts/ifdown-bond \
			/etc/sysconfig/network-scripts/ifup-Bond /etc/sysconfig/network-scripts/ifdown-Bond "$NS/"
		cp -P /usr/sbin/ifup-pre-local /usr/sbin/ifdown-pre-local "$SBIN/"
		export BONDCFG=/usr/sbin/bondcfg
	else
		cp "$BUILDDIR/network-scripts/ifup-bond" "$BUILDDIR/network-scripts/ifdown-bond" "$NS/"
		ln -s ifup-bond "$NS/ifup-Bond"
		ln -s ifdown-bond "$NS/ifdown-Bond"
		cp "$BUILDDIR/network-scripts/ifup-pre-local" "$BUILDDIR/network-scripts/ifdown-pre-local" "$SBIN/"
	fi
	cp "$DRIVER/ifup-eth" "$DRIVER/ifdown-eth" "$NS/"
}

# typo_in_bond0: centos-round-robin's BONDING_OPTS with miimom for miimon;
# $TYPO_ERROR is what bondcfg says of it.
TYPO_ERROR="ifcfg-bond0:11: error: miimom: unknown option; did you mean miimon?"
typo_in_bond0() {
	sed -i 's/BONDING_OPTS="mode=0 miimon=100"/BONDING_OPTS="mode=0 miimom=100"/' "$NS/ifcfg-bond0"
	grep -q miimom "$NS/ifcfg-bond0"
}

# No error of the kind the stock scripts print (on stdout or stderr), and
# none of ours.
no_errors() {
	if grep -E 'error|No such file|does not seem to be present|not enslaved' <<<"$output$err"; then
		return 1
	fi
}

@test "centos-round-robin: ifup bond0 (TYPE=Bond), then ifdown bond0" {
	install centos-round-robin
	run_split "$IFUP" bond0 boot
	no_errors
	expect_scenario centos-round-robin
	[ "$(address_of bond0)" = 10.1.1.243/24 ]
	[ "$(link_field bond0 '.flags | index("UP") != null')" = true ]
	run_split "$IFDOWN" bond0
	no_errors
	[ -z "$output$err" ]
	[ -z "$(bond_names)" ]
	[ "$(devices)" = "$BEFORE" ]
}

@test "centos-active-backup-primary: ifup bond0 (no TYPE); ifdown and ifup of the primary slave alone" {
	install centos-active-backup-primary
	run_split "$IFUP" bond0
	no_errors
	expect_scenario centos-active-backup-primary
	[ "$(address_of bond0)" = 192.168.1.22/24 ]
	[ "$(bond_info bond0 .active_slave)" = ens160 ]
	run_split "$IFDOWN" ens160
	no_errors
	[ "$(slaves_of bond0)" = ens256 ]
	[ "$(bond_info bond0 .active_slave)" = ens256 ]
	[ "$(link_field ens160 '.flags | index("UP") != null')" = false ]
	run_split "$IFUP" ens160
	no_errors
	[ -z "$output$err" ]
	[ "$(slaves_of bond0)" = "ens160 ens256" ]
	[ "$(bond_info bond0 .active_slave)" = ens160 ]
	run_split "$IFDOWN" bond0
	no_errors
	[ -z "$(bond_names)" ]
	[ "$(devices)" = "$BEFORE" ]
}

@test "centos7-options-in-modprobe: TYPE=Ethernet reaches bondcfg through ifup-pre-local; the mistakes are named" {
	install centos7-options-in-modprobe
	run_split "$IFUP" bond0
	expect_scenario centos7-options-in-modprobe
	[ "$(address_of bond0)" = 192.0.2.10/24 ]
	# bondcfg's warnings, with file and line
	[[ "$err" == *"ifcfg-bond0:1: warning: "* ]]
	[[ "$err" == *"bond0.conf:2: warning: options for bond0 in modprobe.d"* ]]
	# initscripts' own ifup-eth still trips on the file without DEVICE=
	# when it calls ifup for each MASTER= file; bondcfg has enslaved em2,
	# and says why ifup-eth fails and what fixes it
	[[ "$output" == *"ifup-eth: Device name does not seem to be present."* ]]
	[[ "$err" == *"ifcfg-em2:4: warning: no DEVICE=; "*"(add DEVICE=em2)"* ]]
	[ "$(slaves_of bond0)" = "em1 em2" ]
	run_split "$IFDOWN" bond0
	no_errors
	[ -z "$(bond_names)" ]
	[ "$(devices)" = "$BEFORE" ]
}

@test "centos7-options-in-modprobe: ifdown of em2, whose file has no DEVICE=, releases it; ifup em2 enslaves it again" {
	install centos7-options-in-modprobe
	run_split "$IFUP" bond0
	[ "$(slaves_of bond0)" = "em1 em2" ]
	# ifdown passes ifdown-pre-local no name for this file; the hook finds
	# the file on ifdown's command line
	run_split "$IFDOWN" em2
	[ "$(slaves_of bond0)" = em1 ]
	[ "$(link_field em2 .master)" = null ]
	run_split "$IFDOWN" em1
	[ -z "$(slaves_of bond0)" ]
	# ifup-eth fails on the file, as it does without bondcfg; em2 is
	# enslaved all the same
	expected_rc=1 run_split "$IFUP" ifcfg-em2
	[[ "$output" == *"Device name does not seem to be present."* ]]
	[ "$(slaves_of bond0)" = em2 ]
	run_split "$IFDOWN" bond0
	[ -z "$(bond_names)" ]
	[ "$(devices)" = "$BEFORE" ]
}

@test "nmcli-generated-duplicates: ifup bond0 names both files; bond0 is built with ens33, as its files say without error, and ifup goes on" {
	run_x ip link add ens33 type dummy
	run_x ip link add ens36 type dummy
	scenario_dummies() { :; }
	install nmcli-generated-duplicates
	run_split "$IFUP" bond0
	[[ "$err" == *"ifcfg-bond-slave-ens36:4: error: two files configure ens33"* ]]
	[[ "$err" == *"bond0: built with what its files say without error"* ]]
	[ "$(bond_names)" = bond0 ]
	[ "$(slaves_of bond0)" = ens33 ]
	[ "$(bond_info bond0 .mode)" = active-backup ]
	[ "$(bond_info bond0 .primary)" = ens33 ]
	[ "$(link_field ens36 .master)" = null ]
}

@test "nmcli-generated-duplicates with /etc/bondcfg/strict: ifup bond0 fails with both files named; nothing is built" {
	run_x ip link add ens33 type dummy
	run_x ip link add ens36 type dummy
	scenario_dummies() { :; }
	install nmcli-generated-duplicates
	mkdir -p "$BONDCFG_ROOT/etc/bondcfg"
	: >"$BONDCFG_ROOT/etc/bondcfg/strict"
	# ifup-eth, which ifup-bond goes on to, finds no bond0 and fails
	expected_rc=1 run_split "$IFUP" bond0
	[[ "$output" == *"Device bond0 does not seem to be present"* ]]
	[[ "$err" == *"ifcfg-bond-slave-ens36:4: error: two files configure ens33"* ]]
	[[ "$err" == *"bond0: not changed: its configuration has errors"* ]]
	[ -z "$(bond_names)" ]
	[ "$(devices)" = "$BEFORE" ]
}

@test "a slave's ifup alone builds its bond from the files, with that slave only" {
	install centos-round-robin
	run_split "$IFUP" eth1
	no_errors
	[ -z "$output$err" ]
	[ "$(slaves_of bond0)" = eth1 ]
	[ "$(bond_info bond0 .mode)" = balance-rr ]
	[ "$(bond_info bond0 .miimon)" = 100 ]
	run_split "$IFUP" bond0
	no_errors
	expect_scenario centos-round-robin
}

@test "an option changed in BONDING_OPTS takes effect on the next ifup bond0, slaves or not" {
	install centos-round-robin
	run_x "$IFUP" bond0
	sed -i 's/BONDING_OPTS="mode=0 miimon=100"/BONDING_OPTS="mode=active-backup miimon=250"/' "$NS/ifcfg-bond0"
	run_split "$IFUP" bond0
	[ "$output" = "bond0: changed (traffic was interrupted)" ]
	[ "$(bond_info bond0 .mode)" = active-backup ]
	[ "$(bond_info bond0 .miimon)" = 250 ]
	[ "$(slaves_of bond0)" = "eth0 eth1" ]
	# the slaves were released and enslaved again: ifdown still gives
	# them back as they were before the first ifup (down)
	run_x "$IFDOWN" bond0
	[ -z "$(bond_names)" ]
	[ "$(devices)" = "$BEFORE" ]
}

@test "without the pre-local pair, TYPE=Bond bonds still go through ifup-bond and ifdown-bond" {
	install centos-round-robin
	rm "$SBIN/ifup-pre-local" "$SBIN/ifdown-pre-local"
	run_split "$IFUP" bond0
	no_errors
	expect_scenario centos-round-robin
	run_split "$IFDOWN" bond0
	no_errors
	[ -z "$(bond_names)" ]
	[ "$(devices)" = "$BEFORE" ]
}

@test "a typo in the bond's file: a slave's ifup alone builds the bond without it, says it, and goes on" {
	install centos-round-robin
	typo_in_bond0
	run_split "$IFUP" eth0
	[[ "$err" == *"$TYPO_ERROR"* ]]
	[[ "$err" != *"stopping ifup"* ]]
	[ "$(slaves_of bond0)" = eth0 ]
	[ "$(bond_info bond0 .mode)" = balance-rr ]
	[ "$(bond_info bond0 .miimon)" = 0 ]
}

@test "a mode that cannot be read stops a slave's ifup: ifup-eth does not build the bond with the driver's defaults" {
	install centos-round-robin
	sed -i 's/BONDING_OPTS="mode=0 miimon=100"/BONDING_OPTS="mode=balance-rx miimon=100"/' "$NS/ifcfg-bond0"
	grep -q balance-rx "$NS/ifcfg-bond0"
	# ifup is stopped by its pre-local hook: killed by SIGTERM
	expected_rc=143 run_split "$IFUP" eth0
	[[ "$err" == *"balance-rx"* ]]
	[[ "$err" == *"ifup-pre-local: ifcfg-eth0: stopping ifup"* ]]
	[ -z "$(bond_names)" ]
	[ "$(devices)" = "$BEFORE" ]
}

@test "a bond typed TYPE=Ethernet, which ifup hands to ifup-eth: a typo is left out, loudly, and ifup goes on; a bad mode stops it" {
	install centos7-options-in-modprobe
	sed -i 's/^TYPE=Ethernet/TYPE=Ethernet\nBONDING_OPTS="mode=active-backup miimom=100"/' "$NS/ifcfg-bond0"
	grep -q miimom "$NS/ifcfg-bond0"
	run_split "$IFUP" bond0
	[[ "$err" == *"error: miimom: unknown option"* ]]
	[ "$(bond_names)" = bond0 ]
	[ "$(address_of bond0)" = 192.0.2.10/24 ]
	# miimon from modprobe.d, which the left-out miimom does not override
	[ "$(bond_info bond0 .mode)" = active-backup ]
	[ "$(bond_info bond0 .miimon)" = 100 ]
	run_split "$IFDOWN" bond0
	[ -z "$(bond_names)" ]
	sed -i 's/mode=active-backup miimom=100/mode=actve-backup miimon=100/' "$NS/ifcfg-bond0"
	expected_rc=143 run_split "$IFUP" bond0
	[[ "$err" == *"bond0: not built: its mode could not be read"* ]]
	[ -z "$(bond_names)" ]
}

@test "a configuration error of ifup bond0 and of a slave's ifup reaches syslog with file and line" {
	command -v busybox >/dev/null || skip "busybox is needed for the syslog daemon"
	[ -e /dev/log ] && skip "a syslog daemon owns /dev/log"
	install centos-round-robin
	typo_in_bond0
	log=$BATS_TEST_TMPDIR/messages
	# fd 3 closed: bats waits for whatever holds it
	busybox syslogd -n -O "$log" 3>&- &
	SYSLOGD=$!
	for _ in $(seq 50); do [ -S /dev/log ] && break; sleep 0.1; done
	# a slave's own ifup builds the bond without the typo; the bond's
	# converges it, and says it again
	run_split "$IFUP" eth1
	[ "$(slaves_of bond0)" = eth1 ]
	run_split "$IFUP" bond0
	sleep 0.5
	[ "$(grep 'bondcfg\[[0-9]*\]: ' "$log" | grep -cF "$TYPO_ERROR")" = 2 ]
	grep -q 'daemon.err bondcfg' "$log"
	[ "$(bond_names)" = bond0 ]
}

@test "a configuration error of ifup bond0 reaches stderr with file and line; the bond is built without it and ifup goes on" {
	install centos-round-robin
	typo_in_bond0
	run_split "$IFUP" bond0
	[[ "$err" == *"$TYPO_ERROR"* ]]
	[ "$(bond_names)" = bond0 ]
	[ "$(bond_info bond0 .mode)" = balance-rr ]
	[ "$(bond_info bond0 .miimon)" = 0 ]
	[ "$(slaves_of bond0)" = "eth0 eth1" ]
	[ "$(address_of bond0)" = 10.1.1.243/24 ]
}
