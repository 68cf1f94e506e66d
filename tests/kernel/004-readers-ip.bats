#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# What the readers make of each scenario, built on the real driver: the
# commands of `ifcfg-bond-parse --format=ip` are run, and the bond is read
# back through `ip -d -j link show` against what the scenario's EXPECT.md
# wants. The slaves are dummy devices with the scenario's names.

load ../helpers

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
	[ "$(bond_info bond0 .mode)" = active-backup ]
	[ "$(bond_info bond0 .miimon)" = 100 ]
	[ "$(bond_info bond0 .primary)" = ens160 ]
	[ "$(slaves_of bond0)" = "ens160 ens256" ]
}

@test "centos-round-robin builds balance-rr, miimon 100" {
	build centos-round-robin
	[ "$(bond_info bond0 .mode)" = balance-rr ]
	[ "$(bond_info bond0 .miimon)" = 100 ]
	[ "$(slaves_of bond0)" = "eth0 eth1" ]
}

@test "centos7-options-in-modprobe builds active-backup from the modprobe.d options" {
	build centos7-options-in-modprobe
	[ "$(bond_info bond0 .mode)" = active-backup ]
	[ "$(bond_info bond0 .miimon)" = 100 ]
	[ "$(slaves_of bond0)" = "em1 em2" ]
}

@test "debian-interfaces-lacp builds 802.3ad, fast LACP, layer3+4, delays 200" {
	build debian-interfaces-lacp
	[ "$(bond_info bond0 .mode)" = 802.3ad ]
	[ "$(bond_info bond0 .ad_lacp_rate)" = fast ]
	[ "$(bond_info bond0 .xmit_hash_policy)" = layer3+4 ]
	[ "$(bond_info bond0 .miimon)" = 100 ]
	[ "$(bond_info bond0 .updelay)" = 200 ]
	[ "$(bond_info bond0 .downdelay)" = 200 ]
	[ "$(slaves_of bond0)" = "enp1s0 enp2s0" ]
}

@test "gentoo-confd-net-modern builds balance-rr, miimon 100" {
	build gentoo-confd-net-modern
	[ "$(bond_info bond0 .mode)" = balance-rr ]
	[ "$(bond_info bond0 .miimon)" = 100 ]
	[ "$(slaves_of bond0)" = "eth1 eth2" ]
}

@test "rclocal-ifenslave-arp builds ARP monitoring to 192.168.101.254, validate all" {
	build rclocal-ifenslave-arp
	[ "$(bond_info bond0 .mode)" = active-backup ]
	[ "$(bond_info bond0 .arp_interval)" = 500 ]
	[ "$(bond_info bond0 '.arp_ip_target | join(",")')" = 192.168.101.254 ]
	[ "$(bond_info bond0 .arp_validate)" = all ]
	[ "$(bond_info bond0 .primary)" = eth0 ]
	[ "$(slaves_of bond0)" = "eth0 eth1" ]
}
