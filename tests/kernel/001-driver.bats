#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# The test VM itself: the real bonding driver loads with and without the
# bond0 it creates by default, and a bond with two dummy slaves reads back
# as built through the independent reader, `ip -d -j link show`.

load ../helpers
load kernel

setup_file() {
	announce_kernel
}

setup() {
	require_kernel
	unload_bonding
	modprobe dummy numdummies=0
}

teardown() {
	kernel_clean
}

# `modprobe -C /dev/null` ignores modprobe.d: Debian's systemd ships
# `options bonding max_bonds=0` there, which hides the driver's own default.
@test "loading bonding with the driver's defaults creates bond0 (max_bonds=1)" {
	run_x modprobe -C /dev/null bonding
	[ "$(link_field bond0 .linkinfo.info_kind)" = bond ]
	[ "$(link_field bond0 .linkinfo.info_data.mode)" = balance-rr ]
	[ "$(ip -j link show type bond | gojq length)" = 1 ]
}

@test "loading bonding with max_bonds=0 creates no bond" {
	run_x modprobe bonding max_bonds=0
	[ -d /sys/module/bonding ]
	[ "$(ip -j link show type bond | gojq length)" = 0 ]
	expected_rc=1 run_x ip link show dev bond0
}

@test "max_bonds=2 creates bond0 and bond1" {
	run_x modprobe bonding max_bonds=2
	[ "$(ip -j link show type bond | gojq -r '[.[].ifname] | sort | join(" ")')" = "bond0 bond1" ]
}

@test "a bond with two dummy slaves reads back as built" {
	run_x modprobe bonding max_bonds=0
	run_x ip link add bond1 type bond mode active-backup miimon 100
	run_x ip link add d0 type dummy
	run_x ip link add d1 type dummy
	run_x ip link set d0 master bond1
	run_x ip link set d1 master bond1
	run_x ip link set bond1 up

	[ "$(link_field bond1 .linkinfo.info_kind)" = bond ]
	[ "$(link_field bond1 .linkinfo.info_data.mode)" = active-backup ]
	[ "$(link_field bond1 .linkinfo.info_data.miimon)" = 100 ]
	for dev in d0 d1; do
		[ "$(link_field $dev .master)" = bond1 ]
		[ "$(link_field $dev .linkinfo.info_slave_kind)" = bond ]
	done
	# active-backup: exactly one active slave, the first one enslaved.
	[ "$(link_field d0 .linkinfo.info_slave_data.state)" = ACTIVE ]
	[ "$(link_field d1 .linkinfo.info_slave_data.state)" = BACKUP ]
	[ "$(link_field bond1 .linkinfo.info_data.active_slave)" = d0 ]
}

@test "releasing a slave and deleting the bond leave nothing behind" {
	run_x modprobe bonding max_bonds=0
	run_x ip link add bond1 type bond
	run_x ip link add d0 type dummy
	run_x ip link set d0 master bond1
	run_x ip link set d0 nomaster
	[ "$(link_field d0 .master)" = null ]
	run_x ip link del bond1
	[ "$(ip -j link show type bond | gojq length)" = 0 ]
}
