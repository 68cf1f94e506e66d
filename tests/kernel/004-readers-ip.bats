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
	local dev

	for dev in $(ip -j link show type dummy | jq -r '.[].ifname'); do
		ip link del "$dev"
	done
	unload_bonding
}

# build SCENARIO: dummies for its slaves, then the ip commands.
build() {
	local root=$SC/$1/root cmds dev

	run_x "$IFCFG_BOND_PARSE" --root "$root" --format=shell
	eval "$(sed -n '/^BOND_/p' <<<"$output")"
	for dev in $BOND_0_SLAVES; do
		run_x ip link add "$dev" type dummy
	done
	cmds=$("$IFCFG_BOND_PARSE" --root "$root" --format=ip 2>/dev/null)
	# the addresses are the distribution's business, not the bond's
	cmds=$(grep -v '^ip address add' <<<"$cmds")
	while IFS= read -r line; do
		# shellcheck disable=SC2086
		run_x $line
	done <<<"$cmds"
}

info() {
	link_field "$1" ".linkinfo.info_data$2"
}

slaves_of() {
	ip -j link show master "$1" | jq -r '[.[].ifname] | sort | join(" ")'
}

@test "centos-active-backup-primary builds active-backup, miimon 100, primary ens160" {
	build centos-active-backup-primary
	[ "$(info bond0 .mode)" = active-backup ]
	[ "$(info bond0 .miimon)" = 100 ]
	[ "$(info bond0 .primary)" = ens160 ]
	[ "$(slaves_of bond0)" = "ens160 ens256" ]
}

@test "centos-round-robin builds balance-rr, miimon 100" {
	build centos-round-robin
	[ "$(info bond0 .mode)" = balance-rr ]
	[ "$(info bond0 .miimon)" = 100 ]
	[ "$(slaves_of bond0)" = "eth0 eth1" ]
}

@test "centos7-options-in-modprobe builds active-backup from the modprobe.d options" {
	build centos7-options-in-modprobe
	[ "$(info bond0 .mode)" = active-backup ]
	[ "$(info bond0 .miimon)" = 100 ]
	[ "$(slaves_of bond0)" = "em1 em2" ]
}

@test "debian-interfaces-lacp builds 802.3ad, fast LACP, layer3+4, delays 200" {
	build debian-interfaces-lacp
	[ "$(info bond0 .mode)" = 802.3ad ]
	[ "$(info bond0 .ad_lacp_rate)" = fast ]
	[ "$(info bond0 .xmit_hash_policy)" = layer3+4 ]
	[ "$(info bond0 .miimon)" = 100 ]
	[ "$(info bond0 .updelay)" = 200 ]
	[ "$(info bond0 .downdelay)" = 200 ]
	[ "$(slaves_of bond0)" = "enp1s0 enp2s0" ]
}

@test "gentoo-confd-net-modern builds balance-rr, miimon 100" {
	build gentoo-confd-net-modern
	[ "$(info bond0 .mode)" = balance-rr ]
	[ "$(info bond0 .miimon)" = 100 ]
	[ "$(slaves_of bond0)" = "eth1 eth2" ]
}

@test "rclocal-ifenslave-arp builds ARP monitoring to 192.168.101.254, validate all" {
	build rclocal-ifenslave-arp
	[ "$(info bond0 .mode)" = active-backup ]
	[ "$(info bond0 .arp_interval)" = 500 ]
	[ "$(info bond0 '.arp_ip_target | join(",")')" = 192.168.101.254 ]
	[ "$(info bond0 .arp_validate)" = all ]
	[ "$(info bond0 .primary)" = eth0 ]
	[ "$(slaves_of bond0)" = "eth0 eth1" ]
}
