#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# The netifrc module (gentoo/netifrc-bondcfg.sh) on the real driver: the
# Gentoo scenarios through `net.bond0 start` and `stop`, with net.lo played
# by tests/netifrc/net.lo (openrc-run sourcing /etc/conf.d/net, the module's
# phases in net.lo's order, the user's preup()); and the OpenRC service.
# Every result is read back with `ip -d -j link show`.

load ../helpers
load kernel

SC=$FIXTURES/scenarios
NETLO=$SRCDIR/tests/netifrc/net.lo
DEBS=$BUILDDIR/tests/debs

setup_file() {
	announce_kernel
}

setup() {
	bondcfg_setup
	export SVCDIR=$BATS_TEST_TMPDIR/svc
	export MODULE=$BUILDDIR/gentoo/netifrc-bondcfg.sh
}

teardown() {
	rm -f /etc/conf.d/bondcfg
	kernel_teardown
}

# install SCENARIO: its root in a copy; dummies named as its slaves.
install() {
	scenario_copy "$1"
	export CONFD_NET=$BONDCFG_ROOT/etc/conf.d/net
}

@test "gentoo-confd-net-modern: net.bond0 start builds it from the variables; stop gives the devices back" {
	install gentoo-confd-net-modern
	run_split "$NETLO" bond0 start
	[ "$output" = " * Creating bond bond0 (bondcfg)
 * Bringing up bond bond0 (bondcfg)" ]
	[ -z "$err" ]
	expect_scenario gentoo-confd-net-modern
	[ "$(address_of bond0)" = 192.168.1.253/24 ]
	[ "$(link_field bond0 '.flags | index("UP") != null')" = true ]
	run_split "$NETLO" bond0 stop
	[ "$output" = " * Deleting bond bond0 (bondcfg)" ]
	[ -z "$err" ]
	[ -z "$(bond_names)" ]
	[ "$(devices)" = "$BEFORE" ]
}

@test "gentoo-confd-net: the preup() that writes sysfs finds the bond made in pre_up; bondcfg says what it does" {
	install gentoo-confd-net
	run_split "$NETLO" bond0 start
	# the admin's own preup() ran, on a bond without slaves that net.lo
	# left down for it, and worked
	[[ "$output" == *"Bonding mode is set to balance-rr on bond0"* ]]
	[[ "$err" != *"No such file"* ]]
	[[ "$err" != *"rror"* ]]
	# bondcfg's note on preup() is said once, by pre_start
	[ "$(grep -c 'preup() writes bonding/mode' <<<"$err")" = 1 ]
	[ "$(bond_info bond0 .mode)" = balance-rr ]
	[ "$(bond_info bond0 .miimon)" = 100 ]
	[ "$(slaves_of bond0)" = "eth1 eth2" ]
	[ "$(address_of bond0)" = 192.168.1.253/24 ]
	run_x "$BONDCFG" --root "$BONDCFG_ROOT" check
	assert_output_contains "preup()"
	run_split "$NETLO" bond0 stop
	[ -z "$(bond_names)" ]
	[ "$(devices)" = "$BEFORE" ]
}

@test "gentoo-confd-net with another mode in preup(): the mode written there is the bond's" {
	install gentoo-confd-net
	sed -i 's/BOND_MODE="balance-rr"/BOND_MODE="active-backup"/' "$CONFD_NET"
	run_split "$NETLO" bond0 start
	[[ "$output" == *"Bonding mode is set to active-backup on bond0"* ]]
	[[ "$err" != *"rror"* ]]
	[ "$(bond_info bond0 .mode)" = active-backup ]
	[ "$(bond_info bond0 .miimon)" = 100 ]
	[ "$(slaves_of bond0)" = "eth1 eth2" ]
	run_split "$NETLO" bond0 stop
	[ -z "$(bond_names)" ]
	[ "$(devices)" = "$BEFORE" ]
}

@test "up_before_preup chosen by the admin is kept: with yes, preup() finds the bond up" {
	install gentoo-confd-net
	echo 'up_before_preup_bond0="yes"' >>"$CONFD_NET"
	run_split "$NETLO" bond0 start
	# the kernel refuses a mode on a bond that is up: the admin asked for it
	[[ "$err" == *"Device or resource busy"* ]]
	[ "$(bond_info bond0 .mode)" = balance-rr ]
	run_split "$NETLO" bond0 stop
	[ -z "$(bond_names)" ]
}

@test "bondcfg's warnings are said once, after the line of the phase that found them" {
	install gentoo-confd-net-modern
	# a slave that does not exist: a warning, and the bond comes up without it
	sed -i 's/^slaves_bond0=.*/slaves_bond0="eth1 eth2 eth9"/' "$CONFD_NET"
	grep -q eth9 "$CONFD_NET"
	run_split "$NETLO" bond0 start
	[ "$(grep -c 'eth9 does not exist' <<<"$err")" = 1 ]
	[[ "$err" == " * warning: "*"eth9 does not exist"* ]]
	[ "$(slaves_of bond0)" = "eth1 eth2" ]
	run_split "$NETLO" bond0 stop
	[ -z "$(bond_names)" ]
}

@test "a stanza without slaves_ is not the module's: net.eth0 start does nothing to bonds" {
	install gentoo-confd-net-modern
	run_x ip link add eth0 type dummy
	run_split "$NETLO" eth0 start
	[ -z "$output$err" ]
	[ -z "$(bond_names)" ]
	[ "$(address_of eth0)" = 192.168.0.253/24 ]
}

@test "a value that cannot be read is said with file and line; net.bond0 start builds the bond without it" {
	install gentoo-confd-net-modern
	sed -i 's/^miimon_bond0=.*/miimon_bond0="fast"/' "$CONFD_NET"
	run_split "$NETLO" bond0 start
	[[ "$output$err" == *"etc/conf.d/net:"*"error: "*"miimon"* ]]
	[ "$(bond_names)" = bond0 ]
	[ "$(bond_info bond0 .miimon)" = 0 ]
}

@test "a mode that cannot be read stops net.bond0 start, with file and line; nothing is left" {
	install gentoo-confd-net-modern
	sed -i 's/^mode_bond0=.*/mode_bond0="balance-rx"/' "$CONFD_NET"
	grep -q balance-rx "$CONFD_NET"
	expected_rc=1 run_split "$NETLO" bond0 start
	[[ "$output$err" == *"etc/conf.d/net:"*"balance-rx"* ]]
	[ -z "$(bond_names)" ]
}

# openrc: Debian's OpenRC (openrc, librc1, libeinfo1 from tests/debs,
# put there by scripts/build-deb) unpacked into the VM's root, with the
# state folders of /run/openrc; /etc/init.d/bondcfg is the built service.
openrc() {
	local deb
	for deb in openrc librc1 libeinfo1; do
		ls "$DEBS/${deb}"_*.deb >/dev/null 2>&1 ||
			skip "no $deb package in tests/debs: run scripts/build-deb"
	done
	if [ ! -x /usr/sbin/openrc-run ] && [ ! -x /sbin/openrc-run ]; then
		for deb in "$DEBS"/openrc_*.deb "$DEBS"/librc1_*.deb "$DEBS"/libeinfo1_*.deb; do
			dpkg-deb --fsys-tarfile "$deb" | tar -C / -x --keep-directory-symlink
		done
	fi
	mkdir -p /run/openrc/{daemons,exclusive,failed,hotplugged,inactive,options,scheduled,started,starting,stopping,tmp,wasinactive}
	touch /run/openrc/softlevel /etc/insserv.conf
	mkdir -p /etc/runlevels/{sysinit,boot,default,shutdown}
	command install -m 0755 "$BUILDDIR/gentoo/bondcfg.initd" /etc/init.d/bondcfg
}

@test "the OpenRC service, under Debian's openrc-run: start brings up every configured bond, stop takes them down" {
	install gentoo-confd-net-modern
	openrc
	# openrc-run sources /etc/conf.d/bondcfg into the service's shell
	mkdir -p /etc/conf.d
	printf 'BONDCFG=%s\nBONDCFG_ROOT=%s\n' "$BONDCFG" "$BONDCFG_ROOT" >/etc/conf.d/bondcfg
	run_split /etc/init.d/bondcfg --nodeps start
	[[ "$output" == *"Bringing up bonds"* ]]
	[[ "$output" == *"bond0: created"* ]]
	[[ "$err" != *"rror"* ]]
	expect_scenario gentoo-confd-net-modern
	[ -e /run/openrc/started/bondcfg ]
	run_split /etc/init.d/bondcfg --nodeps status
	[[ "$output" == *started* ]]
	# started again: nothing to do, and no error
	run_split /etc/init.d/bondcfg --nodeps restart
	expect_scenario gentoo-confd-net-modern
	run_split /etc/init.d/bondcfg --nodeps stop
	[[ "$output" == *"Taking down bonds"* ]]
	[ -z "$(bond_names)" ]
	[ "$(devices)" = "$BEFORE" ]
	[ ! -e /run/openrc/started/bondcfg ]
}

@test "the OpenRC service: a configuration error fails start, with file and line, and builds nothing" {
	install gentoo-confd-net-modern
	openrc
	sed -i 's/^mode_bond0=.*/mode_bond0="balance-rx"/' "$CONFD_NET"
	grep -q balance-rx "$CONFD_NET"
	mkdir -p /etc/conf.d
	printf 'BONDCFG=%s\nBONDCFG_ROOT=%s\n' "$BONDCFG" "$BONDCFG_ROOT" >/etc/conf.d/bondcfg
	expected_rc=1 run_split /etc/init.d/bondcfg --nodeps start
	[[ "$output$err" == *"/etc/conf.d/net:"*"balance-rx"* ]]
	[ -z "$(bond_names)" ]
	[ ! -e /run/openrc/started/bondcfg ]
}
