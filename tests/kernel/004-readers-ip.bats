#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# What the readers make of each scenario, built on the real driver: the
# commands of `ifcfg-bond-parse --format=ip` are run, and the bond is read
# back through `ip -d -j link show` against what the scenario's EXPECT.md
# wants. The slaves are dummy devices with the scenario's names.

load ../helpers
load kernel

SC=$FIXTURES/scenarios

setup_file() {
	announce_kernel
}

setup() {
	kernel_setup
}

teardown() {
	kernel_teardown
}

# build SCENARIO: dummies for its slaves, then the ip commands.
build() {
	local root=$SC/$1/root cmds

	scenario_dummies "$root"
	cmds=$("$IFCFG_BOND_PARSE" --root "$root" --format=ip 2>/dev/null)
	# the addresses are the distribution's business, not the bond's
	cmds=$(grep -v '^ip address add' <<<"$cmds")
	while IFS= read -r line; do
		# shellcheck disable=SC2086
		run_x $line
	done <<<"$cmds"
}



@test "centos-active-backup-primary builds active-backup, miimon 100, primary ens160" {
	build centos-active-backup-primary
	expect_scenario centos-active-backup-primary
}

@test "centos-round-robin builds balance-rr, miimon 100" {
	build centos-round-robin
	expect_scenario centos-round-robin
}

@test "centos7-options-in-modprobe builds active-backup from the modprobe.d options" {
	build centos7-options-in-modprobe
	expect_scenario centos7-options-in-modprobe
}

@test "debian-interfaces-lacp builds 802.3ad, fast LACP, layer3+4, delays 200" {
	build debian-interfaces-lacp
	expect_scenario debian-interfaces-lacp
}

@test "gentoo-confd-net-modern builds balance-rr, miimon 100" {
	build gentoo-confd-net-modern
	expect_scenario gentoo-confd-net-modern
}

@test "rclocal-ifenslave-arp builds ARP monitoring to 192.168.101.254, validate all" {
	build rclocal-ifenslave-arp
	expect_scenario rclocal-ifenslave-arp
}
