#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# convert --to networkd, applied by systemd-networkd itself on the real
# driver: fixtures with a bond, VLANs on it, a bridge over a VLAN, and
# gateways, DNS and routes are converted, their units put in
# /run/systemd/network, and networkd (Debian 12's, the host's own) run
# until it has configured them; then what the kernel has, read with
# `ip -d -j link show`, `ip -j addr` and `ip -j route`, is compared with
# the source's bonds as ifcfg-bond-parse reads them: each bond's mode and
# slaves, each VLAN's link and id, each bridge's ports, STP and forward
# delay, every interface's addresses, default gateways and routes.
# networkd runs with /sys read-only in a mount namespace of its own, as
# in a container, so that it does not wait for udev, which the VM does
# not run.

load ../helpers
load kernel

CV=$FIXTURES/convert
SC=$FIXTURES/scenarios
NETWORKD=/lib/systemd/systemd-networkd

setup_file() {
	announce_kernel
}

setup() {
	[ -x "$NETWORKD" ] || skip "no systemd-networkd on this host"
	bondcfg_setup
	modprobe -a 8021q bridge 2>/dev/null || true
	NETWORKD_PID=
}

teardown() {
	if [ -n "$NETWORKD_PID" ]; then
		kill "$NETWORKD_PID" 2>/dev/null || true
		wait "$NETWORKD_PID" 2>/dev/null || true
		NETWORKD_PID=
	fi
	rm -rf /run/systemd/network /run/systemd/netif
	ip -j link show type bridge | gojq -r '.[].ifname' |
		while read -r br; do ip link del "$br"; done
	kernel_teardown
}

# model ROOT: what the source says, as the kernel would show it: one
# object per interface {name, kind, ...}, and the addresses and routes.
model() {
	"$IFCFG_BOND_PARSE" --root "$1" --format json | gojq -c '
		def mode: .normalized | split(" ")
			| map(select(startswith("mode="))) | .[0]
			| if . then split("=")[1] else "balance-rr" end;
		.bonds[] | . as $b
		| ([.uppers[] | select(.kind == "bridge")]) as $br
		| def master($n): [$br[] | select(.lower == $n) | .name][0];
		{name, kind: "bond", mode: mode, master: master(.name),
		 slaves: [.slaves[].name] | sort},
		(.slaves[] | {name, master: $b.name}),
		(.uppers[] | if .kind == "vlan" then
			{name, kind: "vlan", link: .lower, id,
			 master: master(.name)}
		 else
			{name, kind: "bridge"}
			+ (if .stp == null then {} else
				{stp: (if .stp then 1 else 0 end)} end)
			+ (if .forward_delay == null then {} else
				{forward_delay: (.forward_delay * 100)} end)
		 end),
		($b, .uppers[] | {name, addresses: (.addresses | sort),
			gateways: ([.gateway, .gateway6]
				+ [.routes[] | select(.to == "default"
					or .to == "::/0") | .via]
				| map(select(.)) | sort),
			routes: ([.routes[] | select(.to != "default"
					and .to != "::/0") | {to, via}]
				| sort_by(.to))})'
}

# kernel NAME...: the same facts of those interfaces, as the kernel has them
kernel() {
	local links addrs routes

	links=$(ip -d -j link show)
	addrs=$(ip -j addr show)
	routes=$( (ip -j -4 route show; ip -j -6 route show) | gojq -s -c 'add')
	gojq -n -c --argjson l "$links" --argjson a "$addrs" --argjson r "$routes" '
		def host: if test("/") then . elif test(":") then . + "/128"
			else . + "/32" end;
		$l[] | . as $k | .linkinfo.info_data as $d
		| {name: .ifname, master, link,
		   kind: .linkinfo.info_kind, mode: $d.mode, id: $d.id,
		   stp: $d.stp_state, forward_delay: $d.forward_delay,
		   slaves: [$l[] | select(.master == $k.ifname
				and $k.linkinfo.info_kind == "bond") | .ifname]
				| sort,
		   addresses: [$a[] | select(.ifname == $k.ifname)
				| .addr_info[] | select(.scope == "global")
				| "\(.local)/\(.prefixlen)"] | sort,
		   gateways: [$r[] | select(.dev == $k.ifname
				and .dst == "default") | .gateway] | sort,
		   routes: [$r[] | select(.dev == $k.ifname
				and .protocol != "kernel" and .dst != "default")
				| {to: (.dst | host), via: .gateway}]
				| sort_by(.to)}'
}

# networkd_applies ROOT: ROOT converted to networkd, applied, and every
# fact of model() found in the kernel (waiting up to 60 s for networkd).
networkd_applies() {
	local root=$1 out=$BATS_TEST_TMPDIR/out want got i slaves

	rm -rf "$out"
	"$BONDCFG" --root "$root" convert --to networkd --output-dir "$out"
	mkdir -p /run/systemd/network /run/systemd/netif/links \
		/run/systemd/netif/leases /run/systemd/netif/lldp
	chown -R systemd-network:systemd-network /run/systemd/netif
	cp "$out"/etc/systemd/network/* /run/systemd/network/
	want=$(model "$root")
	slaves=$(gojq -r 'select(.slaves) | .slaves[]' <<<"$want")
	# shellcheck disable=SC2086
	dummies $slaves
	unshare -m sh -c 'mount --bind /sys /sys &&
		mount -o remount,bind,ro /sys && exec "$0"' "$NETWORKD" \
		>"$BATS_TEST_TMPDIR/networkd.log" 2>&1 &
	NETWORKD_PID=$!
	for i in $(seq "${NETWORKD_WAIT:-60}"); do
		got=$(kernel)
		# each key of each wanted object as the kernel has it: the
		# same value, the same list (in any order)
		if gojq -e -n --argjson g "$(gojq -s -c . <<<"$got")" '
			def same($k): to_entries | all(.key as $key | .value
				| if type == "array" then sort == ($k[$key] // [] | sort)
				  else . == $k[$key] end);
			[inputs] | all(. as $w | $g | map(select(.name == $w.name))
				| any(. as $k | $w | same($k)))' <<<"$want" >/dev/null; then
			return 0
		fi
		sleep 1
	done
	echo "# networkd did not build what $root says; wanted:" >&2
	printf '%s\n' "$want" >&2
	echo "# the kernel has:" >&2
	printf '%s\n' "$got" >&2
	echo "# networkd said:" >&2
	cat "$BATS_TEST_TMPDIR/networkd.log" >&2
	return 1
}

@test "networkd: bond + VLAN 100 bridged into br0 with a route file + VLAN 200 (ifcfg), built as the source says" {
	networkd_applies "$CV/rhel-bond-vlan-bridge/root"
	# the independent reader, directly
	[ "$(link_field bond0.100 .master)" = br0 ]
	[ "$(link_field bond0.100 .linkinfo.info_data.id)" = 100 ]
	[ "$(link_field br0 .linkinfo.info_data.stp_state)" = 0 ]
	[ "$(link_field eth1 .master)" = bond0 ]
	[ "$(address_of br0)" = 192.0.2.10/24 ]
}

@test "networkd: the same host in Debian's interfaces and in Gentoo's conf.d/net" {
	networkd_applies "$CV/debian-bond-vlan-bridge/root"
	[ "$(link_field vlan200 .linkinfo.info_data.id)" = 200 ]
	teardown
	bondcfg_setup
	networkd_applies "$CV/gentoo-bond-vlan-bridge/root"
	[ "$(link_field bond0.200 .link)" = bond0 ]
}

@test "networkd: a bond with its gateways, IPv6 addresses, DNS and routes (ifcfg, interfaces, conf.d/net)" {
	networkd_applies "$CV/rhel-gateway-routes/root"
	teardown
	bondcfg_setup
	networkd_applies "$CV/debian-gateway-dns/root"
	teardown
	bondcfg_setup
	networkd_applies "$CV/gentoo-routes-dns/root"
}

@test "networkd: centos-active-backup-primary keeps its gateway" {
	networkd_applies "$SC/centos-active-backup-primary/root"
	[ "$(ip -j route show default | gojq -r '.[0].gateway')" = \
		"$("$IFCFG_BOND_PARSE" --root "$SC/centos-active-backup-primary/root" --format json | gojq -r '.bonds[0].gateway')" ]
}

@test "networkd_applies fails when the kernel lacks what the source says" {
	# the units given to networkd say VLAN 101 where the source says 100
	BONDCFG=$BATS_TEST_TMPDIR/bondcfg-wrong
	printf '#!/bin/sh\n"%s" "$@" && sed -i "s/^Id=100$/Id=101/" "$7"/etc/systemd/network/30-bond0.100.netdev\n' \
		"$BUILDDIR/src/bondcfg" >"$BONDCFG"
	chmod +x "$BONDCFG"
	if NETWORKD_WAIT=15 networkd_applies "$CV/rhel-bond-vlan-bridge/root" 2>"$BATS_TEST_TMPDIR/why"; then
		false
	fi
	[ "$(link_field bond0.100 .linkinfo.info_data.id)" = 101 ]
	grep -q 'networkd did not build what' "$BATS_TEST_TMPDIR/why"
}
