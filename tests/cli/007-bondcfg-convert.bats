#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# bondcfg convert: every scenario without errors, and the fixtures under
# tests/fixtures/convert (many options), converted to ifcfg, interfaces and
# conf.d/net, written into a fresh root with --output-dir, read back, and
# compared with the original as ifcfg-bond-parse --format json normalizes
# it; then the networkd and nmcli forms, and the command's errors.

load ../helpers

SC=$FIXTURES/scenarios
CV=$FIXTURES/convert

# bc ARG...: runs bondcfg; stdout in $output, stderr in $err.
bc() {
	run_split "$BONDCFG" "$@"
}

# normalized ROOT: the bonds of ROOT as JSON, without where they were read
# (file, line, format; of what sits on the bonds too), which a conversion
# changes; the addresses IPv4 first (the order within a family is kept:
# the first is the primary); what sits on a bond by name (each format
# lists it in an order of its own, each after what it sits on).
normalized() {
	"$IFCFG_BOND_PARSE" --root "$1" --format json |
		jq -S '.bonds | map(del(.formats, .source, .line)
			| .uppers |= (map(del(.source, .line)) | sort_by(.name))
			| .addresses |= (map(select(contains(":") | not))
				+ map(select(contains(":")))))'
}

# What a format cannot carry, by design, taken out of the original before
# the comparison; everything else must come back.
# confd: netifrc sets no per-slave option (queue_id, prio, actor_port_prio),
# nor active_slave (written before the slaves are enslaved).
expected_after() {
	case $1 in
	confd)
		jq -S 'map(.slaves |= map({name})
			| del(.options.active_slave)
			| .normalized |= (split(" ")
				| map(select(test("^(queue_id|prio|actor_port_prio|active_slave)=") | not))
				| join(" ")))'
		;;
	*)
		jq -S .
		;;
	esac
}

# The roots of every scenario without errors, and of every fixture.
clean_roots() {
	local r

	for r in "$SC"/*/root* "$CV"/*/root; do
		[ -d "$r" ] || continue
		"$BONDCFG" -q --root "$r" check >/dev/null 2>&1 || continue
		printf '%s\n' "$r"
	done
}

# round_trip ROOT FORMAT...: converts ROOT to each FORMAT in turn, each
# read back from the previous conversion, and compares each result with
# ROOT's bonds less what the formats so far cannot carry.
round_trip() {
	local root=$1 cur=$1 want got f next
	local -a lossy=()

	shift
	for f in "$@"; do
		next=$(new_root)
		if ! "$BONDCFG" --root "$cur" convert --to "$f" --lossy \
			--output-dir "$next" 2>"$BATS_TEST_TMPDIR/conv.err"; then
			printf '# %s: convert --to %s failed:\n%s\n' "$root" "$f" \
				"$(cat "$BATS_TEST_TMPDIR/conv.err")" >&2
			return 1
		fi
		lossy+=("$f")
		want=$(normalized "$root")
		for l in "${lossy[@]}"; do
			want=$(expected_after "$l" <<<"$want")
		done
		got=$(normalized "$next" | expected_after none)
		if [ "$want" != "$got" ]; then
			printf '# %s, converted to %s: the bonds differ\n' \
				"$root" "${lossy[*]}" >&2
			diff <(printf '%s\n' "$want") <(printf '%s\n' "$got") >&2
			return 1
		fi
		cur=$next
	done
}

@test "convert: the roots compared are those of every clean scenario and fixture" {
	run clean_roots
	[ "${#lines[@]}" -ge 11 ]
	[[ $output == *debian-interfaces-lacp/root* ]]
	[[ $output == *gentoo-confd-net-modern/root* ]]
	[[ $output == *convert/lacp-full/root* ]]
	[[ $output != *nmcli-generated-duplicates* ]]
}

@test "convert: round trip through ifcfg, every clean root" {
	local r

	for r in $(clean_roots); do
		round_trip "$r" ifcfg
	done
}

@test "convert: round trip through interfaces, every clean root" {
	local r

	for r in $(clean_roots); do
		round_trip "$r" interfaces
	done
}

@test "convert: round trip through conf.d/net, every clean root" {
	local r

	for r in $(clean_roots); do
		round_trip "$r" confd
	done
}

@test "convert: chained, ifcfg -> interfaces -> confd -> ifcfg, every clean root" {
	local r

	for r in $(clean_roots); do
		round_trip "$r" ifcfg interfaces confd ifcfg
	done
}

@test "convert: chained, confd -> interfaces -> ifcfg -> interfaces, every clean root" {
	local r

	for r in $(clean_roots); do
		round_trip "$r" interfaces ifcfg interfaces
		round_trip "$r" confd interfaces ifcfg interfaces
	done
}

@test "convert: chained, interfaces -> ifcfg -> confd -> interfaces, every clean root" {
	local r

	for r in $(clean_roots); do
		round_trip "$r" interfaces ifcfg confd interfaces
	done
}

@test "convert: the fixtures carry what the comparison must see" {
	local j

	j=$(normalized "$CV/lacp-full/root")
	[ "$(jq -r '.[0].options.ad_actor_system' <<<"$j")" = 02:00:00:00:00:01 ]
	[ "$(jq -r '.[0].slaves[] | select(.name == "ens2f1") | .actor_port_prio' <<<"$j")" = 100 ]
	[ "$(jq -r '.[0].mtu, .[0].hwaddr, (.[0].addresses | length)' <<<"$j")" = "9000
02:00:00:00:aa:01
2" ]
	j=$(normalized "$CV/arp-active-backup/root")
	[ "$(jq -r '.[0].options.arp_ip_target | length' <<<"$j")" = 3 ]
	[ "$(jq -r '.[0].onboot' <<<"$j")" = false ]
	j=$(normalized "$CV/alb-two-bonds/root")
	[ "$(jq -r '.[0].onboot, .[1].onboot' <<<"$j")" = "true
false" ]
	[ "$(jq -r '[.[0].slaves[].name] | join(" ")' <<<"$j")" = "eth2 eth1" ]
	j=$(normalized "$CV/prio-addresses/root")
	[ "$(jq -r '.[0].slaves[] | select(.name == "em2") | .prio' <<<"$j")" = -5 ]
}

@test "convert: the comparison fails when something is lost" {
	local r orig

	orig=$(normalized "$CV/arp-active-backup/root")
	r=$(new_root)
	bc --root "$CV/arp-active-backup/root" convert --to interfaces --output-dir "$r"
	[ "$orig" = "$(normalized "$r")" ]
	# what a writer that dropped the MTU, or an option, would have written
	sed -i '/^    mtu /d' "$r/etc/network/interfaces"
	[ "$orig" != "$(normalized "$r")" ]
	r=$(new_root)
	bc --root "$CV/lacp-full/root" convert --to confd --lossy --output-dir "$r"
	sed -i '/^ad_select_bond0=/d' "$r/etc/conf.d/net"
	[ "$(expected_after confd <<<"$(normalized "$CV/lacp-full/root")")" != \
		"$(normalized "$r" | expected_after none)" ]
}

@test "convert: slaves in another order than their file names keep it in ifcfg" {
	local r

	r=$(new_root)
	bc --root "$CV/alb-two-bonds/root" convert --to ifcfg --output-dir "$r" bond0
	grep -qx 'BONDING_SLAVE0=eth2' "$r/etc/sysconfig/network-scripts/ifcfg-bond0"
	grep -qx 'BONDING_SLAVE1=eth1' "$r/etc/sysconfig/network-scripts/ifcfg-bond0"
	[ "$(grep -c BONDING_SLAVE "$r/etc/sysconfig/network-scripts/ifcfg-eth1")" = 0 ]
}

@test "convert: what a format cannot carry is an error naming file:line, and nothing is converted" {
	local ns=$CV/lacp-full/root/etc/sysconfig/network-scripts r

	expected_rc=1 run_split "$BONDCFG" --root "$CV/lacp-full/root" convert --to confd
	[ -z "$output" ]
	[[ $err == *"$ns/ifcfg-ens2f1:5: error: bond0: queue_id=ens2f1:1 (conf.d/net cannot express it); left out"* ]]
	[[ $err == *"$ns/ifcfg-bond0:4: error: bond0: actor_port_prio=ens2f1:100 (conf.d/net cannot express it); left out"* ]]
	[[ $err == *"convert: confd cannot express 3 things the configuration says; nothing converted (--lossy converts the rest)"* ]]
	r=$(new_root)
	expected_rc=1 run_split "$BONDCFG" --root "$CV/lacp-full/root" convert --to confd --output-dir "$r"
	[ -z "$(find "$r" -type f ! -name net.lo)" ]
	[ ! -e "$r/etc/conf.d" ]
}

@test "convert --lossy: what a format cannot carry is a warning and a comment" {
	bc --root "$CV/lacp-full/root" convert --to confd --lossy
	[[ $err == *"warning: bond0: queue_id=ens2f1:1 (conf.d/net cannot express it); left out"* ]]
	[[ $err == *"warning: bond0: actor_port_prio=ens2f1:100 (conf.d/net cannot express it)"* ]]
	[[ $output == *"# not converted: bond0: queue_id=ens2f0:2 (conf.d/net cannot express it)"* ]]
	bc --root "$CV/lacp-full/root" convert --to ifcfg
	[ -z "$err" ]
	bc --root "$CV/lacp-full/root" convert --to interfaces
	[ -z "$err" ]
}

@test "convert --to networkd: the units of an active-backup bond, exactly" {
	bc --root "$CV/arp-active-backup/root" convert --to networkd
	[ -z "$err" ]
	[ "$output" = "# /etc/systemd/network/30-bond1.netdev
[NetDev]
Name=bond1
Kind=bond

[Bond]
Mode=active-backup
ARPIntervalSec=250ms
ARPIPTargets=203.0.113.1 203.0.113.2 203.0.113.3
ARPValidate=all
ARPAllTargets=all
PrimaryReselectPolicy=better
FailOverMACPolicy=active
ResendIGMP=2
GratuitousARP=3
ARPMissedMax=3

# /etc/systemd/network/30-bond1.network
[Match]
Name=bond1

[Link]
MTUBytes=1500
MACAddress=02:00:00:00:bb:01
ActivationPolicy=manual

[Network]
Address=203.0.113.5/24

# /etc/systemd/network/30-eno2.network
[Match]
Name=eno2

[Network]
Bond=bond1

# /etc/systemd/network/30-eno1.network
[Match]
Name=eno1

[Network]
Bond=bond1
PrimarySlave=yes" ]
}

@test "convert --to networkd: 802.3ad keys, and what networkd cannot express warned" {
	bc --root "$CV/lacp-full/root" convert --to networkd --lossy
	for k in Mode=802.3ad MIIMonitorSec=100ms UpDelaySec=200ms \
		DownDelaySec=400ms TransmitHashPolicy=layer3+4 \
		LACPTransmitRate=fast AdSelect=bandwidth \
		AdActorSystemPriority=100 AdUserPortKey=5 \
		AdActorSystem=02:00:00:00:00:01 MinLinks=1 ResendIGMP=3 \
		GratuitousARP=2 AllSlavesActive=yes PeerNotifyDelaySec=200ms \
		MTUBytes=9000 MACAddress=02:00:00:00:aa:01 \
		Address=192.0.2.10/24 Address=198.51.100.10/25 Bond=bond0; do
		grep -qx "$k" <<<"$output" || { echo "# no $k" >&2; return 1; }
	done
	[[ $err == *"warning: bond0: use_carrier=1 (networkd cannot express it); left out"* ]]
	[[ $err == *"warning: bond0: lacp_active=on (networkd cannot express it); left out"* ]]
	[[ $err == *"warning: bond0: queue_id=ens2f0:2 (networkd cannot express it); left out"* ]]
	[[ $output == *"# not converted: bond0: use_carrier=1 (networkd cannot express it)"* ]]
	run_x "$BONDCFG" --root "$CV/alb-two-bonds/root" convert --to networkd bond0
	assert_output_contains "LearnPacketIntervalSec=2s"
	assert_output_contains "DynamicTransmitLoadBalancing=yes"
	assert_output_contains "TransmitHashPolicy=layer2+3"
}

@test "convert --to networkd: values networkd does not know are warned, not written" {
	r=$(new_root)
	mkdir -p "$r/etc/network"
	printf 'iface bond0 inet manual\n    bond-slaves eth0\n    bond-mode 802.3ad\n    bond-miimon 100\n    bond-xmit-hash-policy vlan+srcmac\n' \
		>"$r/etc/network/interfaces"
	bc --root "$r" convert --to networkd --lossy
	[[ $err == *"xmit_hash_policy=vlan+srcmac (the value) (networkd cannot express it)"* ]]
	[[ $output != *TransmitHashPolicy=* ]]
}

@test "convert --to nmcli: the commands, exactly, shell-quoted" {
	bc --root "$CV/prio-addresses/root" convert --to nmcli --target-version 1.44
	[ -z "$err" ]
	[ "$output" = "nmcli connection add type bond con-name bond2 ifname bond2 bond.options 'mode=active-backup,active_slave=em2,miimon=100,primary=em2,primary_reselect=failure,fail_over_mac=follow' ipv4.method manual ipv4.addresses 192.0.2.30/24 ipv6.method disabled connection.autoconnect no
nmcli connection add type ethernet con-name bond2-port-em1 ifname em1 slave-type bond master bond2 bond-port.prio 10 connection.autoconnect no
nmcli connection add type ethernet con-name bond2-port-em2 ifname em2 slave-type bond master bond2 bond-port.prio -5 connection.autoconnect no" ]
	bc --root "$CV/arp-active-backup/root" convert --to nmcli --target-version 1.44
	assert_output_contains "arp_ip_target=203.0.113.1\\,203.0.113.2\\,203.0.113.3,"
	assert_output_contains "ethernet.mtu 1500 ethernet.cloned-mac-address 02:00:00:00:bb:01"
	bc --root "$CV/alb-two-bonds/root" convert --to nmcli bond0
	assert_output_contains "ipv4.method manual ipv4.addresses 192.0.2.20/24 ipv6.method manual ipv6.addresses 2001:db8::20/64"
}

@test "convert --to nmcli: a name that needs quoting is quoted" {
	r=$(new_root)
	mkdir -p "$r/etc/network"
	printf 'iface b$x;y inet manual\n    bond-slaves e`t\n    bond-mode active-backup\n    bond-miimon 100\n' \
		>"$r/etc/network/interfaces"
	bc --root "$r" convert --to nmcli
	assert_output_contains "con-name 'b\$x;y' ifname 'b\$x;y'"
	assert_output_contains "ifname 'e\`t' slave-type bond master 'b\$x;y'"
}

@test "convert --to ip: the iproute2 commands ifcfg-bond-parse prints; the network they leave out named" {
	local f=$SC/debian-interfaces-lacp/root/etc/network/interfaces

	# the commands build the bond only: its gateway is a loss
	expected_rc=1 bc --root "$SC/debian-interfaces-lacp/root" convert --to ip
	[ -z "$output" ]
	[[ $err == *"$f:10: error: bond0: gateway 198.51.100.1 (ip cannot express it); left out"* ]]
	bc --root "$SC/debian-interfaces-lacp/root" convert --to ip --lossy
	[ "$output" = "$("$IFCFG_BOND_PARSE" --root "$SC/debian-interfaces-lacp/root" --format ip)" ]
	[[ $err == *"$f:10: warning: bond0: gateway 198.51.100.1"* ]]
}

@test "convert: named bonds only, in the configuration's order" {
	bc --root "$CV/alb-two-bonds/root" convert --to interfaces bond1
	assert_output_contains "iface bond1 inet manual"
	[[ $output != *bond0* ]]
	bc --root "$CV/alb-two-bonds/root" convert --to ip bond1 bond0
	[ "$(grep -c '^ip link add' <<<"$output")" = 2 ]
	[[ $(head -1 <<<"$output") == "ip link add name bond0 "* ]]
}

@test "convert: a bond that is not configured, exit 1" {
	expected_rc=1 bc --root "$CV/alb-two-bonds/root" convert --to ifcfg bond0 bond7
	[ -z "$output" ]
	[[ $err == *"no configuration declares a bond called bond7"* ]]
}

@test "convert: a configuration with errors, exit 3, the diagnostics, nothing converted" {
	expected_rc=3 bc --root "$SC/nmcli-generated-duplicates/root" convert --to networkd
	[ -z "$output" ]
	[[ $err == *"ifcfg-bond-slave-ens36:4: error: two files configure ens33"* ]]
	[[ $err == *"nothing converted"* ]]
}

@test "convert: usage errors, exit 2" {
	expected_rc=2 run_x "$BONDCFG" convert
	assert_output_contains "--to FORMAT is needed"
	expected_rc=2 run_x "$BONDCFG" convert --to yaml
	assert_output_contains "unknown format 'yaml'"
	expected_rc=2 run_x "$BONDCFG" convert --to nmcli --output-dir "$BATS_TEST_TMPDIR"
	assert_output_contains "--output-dir is for the formats written as files"
	expected_rc=2 run_x "$BONDCFG" convert --to ifcfg --force
	assert_output_contains "--force goes with --output-dir"
}

@test "convert --output-dir: every file at its path; none replaced without --force" {
	r=$(new_root)
	bc --root "$CV/alb-two-bonds/root" convert --to confd --output-dir "$r"
	[ -z "$output" ]
	[ -f "$r/etc/conf.d/net" ]
	[ "$(readlink "$r/etc/init.d/net.bond0")" = net.lo ]
	[ "$(readlink "$r/etc/runlevels/default/net.bond0")" = ../../init.d/net.bond0 ]
	[ ! -e "$r/etc/runlevels/default/net.bond1" ]
	# the same again: the links are there already, the file is not replaced
	echo '# mine' >"$r/etc/conf.d/net"
	expected_rc=1 bc --root "$CV/alb-two-bonds/root" convert --to confd --output-dir "$r"
	[[ $err == *"$r/etc/conf.d/net exists; not overwritten (--force replaces it)"* ]]
	[ "$(cat "$r/etc/conf.d/net")" = "# mine" ]
	bc --root "$CV/alb-two-bonds/root" convert --to confd --output-dir "$r" --force
	grep -qx 'slaves_bond0="eth2 eth1"' "$r/etc/conf.d/net"
	# ifcfg: nothing written when one of the files exists
	r=$(new_root)
	mkdir -p "$r/etc/sysconfig/network-scripts"
	: >"$r/etc/sysconfig/network-scripts/ifcfg-em2"
	expected_rc=1 bc --root "$CV/prio-addresses/root" convert --to ifcfg --output-dir "$r"
	[ ! -e "$r/etc/sysconfig/network-scripts/ifcfg-bond2" ]
}

@test "convert: the printed layout is one '# PATH' line before each file" {
	bc --root "$CV/prio-addresses/root" convert --to ifcfg
	[ "$(grep '^# /' <<<"$output")" = "# /etc/sysconfig/network-scripts/ifcfg-bond2
# /etc/sysconfig/network-scripts/ifcfg-em1
# /etc/sysconfig/network-scripts/ifcfg-em2" ]
	r=$(new_root)
	bc --root "$CV/prio-addresses/root" convert --to ifcfg --output-dir "$r"
	bc --root "$CV/prio-addresses/root" convert --to ifcfg
	[ "$(sed -n '/ifcfg-em2$/,$p' <<<"$output" | tail -n +2)" = "$(cat "$r/etc/sysconfig/network-scripts/ifcfg-em2")" ]
}

@test "convert: unprivileged, and reads only" {
	local before after

	before=$(ls -lR --time-style=full-iso "$CV" "$SC")
	bc --root "$CV/lacp-full/root" convert --to networkd --lossy
	bc --root "$CV/alb-two-bonds/root" convert --to confd
	after=$(ls -lR --time-style=full-iso "$CV" "$SC")
	[ "$before" = "$after" ]
}

@test "convert: a slave option of a device that is no slave, and actor_port_prio, warned for networkd and nmcli" {
	local r=$BATS_TEST_TMPDIR/root ns f

	ns=$r/etc/sysconfig/network-scripts
	mkdir -p "$ns"
	printf 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=802.3ad miimon=100 queue_id=eth9:2 actor_port_prio=eth0:100"\nONBOOT=yes\n' >"$ns/ifcfg-bond0"
	printf 'DEVICE=eth0\nMASTER=bond0\nSLAVE=yes\n' >"$ns/ifcfg-eth0"
	for f in networkd nmcli; do
		bc --root "$r" convert --to "$f" --lossy
		[ "$(grep -c warning <<<"$err")" = 2 ]
		[[ $err == *"warning: bond0: queue_id=eth9:2, not a slave ($f cannot express it); left out"* ]]
		[[ $err == *"warning: bond0: actor_port_prio=eth0:100 ($f cannot express it); left out"* ]]
	done
}

@test "convert --to networkd: the active slave and the primary in their slaves' .network" {
	local r=$BATS_TEST_TMPDIR/root ns

	ns=$r/etc/sysconfig/network-scripts
	mkdir -p "$ns"
	printf 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=active-backup miimon=100 primary=eth1 active_slave=eth0"\nONBOOT=yes\n' >"$ns/ifcfg-bond0"
	printf 'DEVICE=eth0\nMASTER=bond0\nSLAVE=yes\nBOND_PORT_QUEUE_ID=3\n' >"$ns/ifcfg-eth0"
	printf 'DEVICE=eth1\nMASTER=bond0\nSLAVE=yes\nBOND_PORT_PRIO=7\n' >"$ns/ifcfg-eth1"
	bc --root "$r" convert --to networkd --lossy
	[[ $output == *"Name=eth0

[Network]
Bond=bond0
ActiveSlave=yes
"* ]]
	[[ $output == *"Name=eth1

[Network]
Bond=bond0
PrimarySlave=yes
"* ]]
	[[ $output != *"PrimarySlave=yes
ActiveSlave"* ]]
	# networkd has no key for queue_id or prio: both warned, none lost silently
	[[ $err == *"queue_id=eth0:3 (networkd cannot express it); left out"* ]]
	[[ $err == *"prio=eth1:7 (networkd cannot express it); left out"* ]]
	bc --root "$r" convert --to nmcli --target-version 1.44
	[[ $output == *"ifname eth0 slave-type bond master bond0 bond-port.queue-id 3"* ]]
	[[ $output == *"ifname eth1 slave-type bond master bond0 bond-port.prio 7"* ]]
	[ -z "$err" ]
}

@test "convert --to networkd: a name networkd's [Match] would take as a pattern is warned, its .network left out" {
	local r=$BATS_TEST_TMPDIR/root ns

	ns=$r/etc/sysconfig/network-scripts
	mkdir -p "$ns"
	printf 'DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=1 miimon=100"\n' >"$ns/ifcfg-bond0"
	for s in 'eth*' '!x' eth1; do
		printf 'DEVICE=%s\nMASTER=bond0\nSLAVE=yes\n' "'$s'" >"$ns/ifcfg-$s"
	done
	bc --root "$r" convert --to networkd --lossy
	[[ $output == *"# /etc/systemd/network/30-eth1.network"* ]]
	[[ $output != *"30-eth*.network"* ]]
	[[ $output != *"30-!x.network"* ]]
	[ "$(grep -c warning <<<"$err")" = 2 ]
	[[ $err == *"warning: eth*: its .network, since networkd reads [Match] Name=eth* as a pattern that other names match too (match it by MACAddress= instead)"* ]]
	[[ $err == *"warning: !x: its .network"* ]]
}

@test "convert --to nmcli --target-version: what the NetworkManager named has, and no more" {
	# the default, 1.30: no bond-port properties, no lacp_active
	expected_rc=1 bc --root "$CV/lacp-full/root" convert --to nmcli
	[[ $err == *"ifcfg-bond0:4: error: bond0: lacp_active=on (NetworkManager has it from 1.44 on: --target-version 1.44) (nmcli cannot express it); left out"* ]]
	[[ $err == *"ifcfg-bond0:4: error: bond0: peer_notif_delay=200 (NetworkManager has it from 1.34 on: --target-version 1.34)"* ]]
	[[ $err == *"ifcfg-ens2f0:5: error: bond0: queue_id=ens2f0:2, NetworkManager has it from 1.34 on: --target-version 1.34"* ]]
	# 1.34: queue-id and peer_notif_delay, not yet lacp_active
	expected_rc=1 bc --root "$CV/lacp-full/root" convert --to nmcli --target-version 1.34
	[[ $err != *queue_id* && $err != *peer_notif_delay* ]]
	[[ $err == *"lacp_active=on"* ]]
	# 1.44: all but what no NetworkManager has (actor_port_prio)
	expected_rc=1 bc --root "$CV/lacp-full/root" convert --to nmcli --target-version 1.44
	[ "$(grep -c ': error: ' <<<"$err")" = 1 ]
	[[ $err == *"actor_port_prio=ens2f1:100 (nmcli cannot express it)"* ]]
	bc --root "$CV/lacp-full/root" convert --to nmcli --target-version 1.44 --lossy
	[[ $output == *"lacp_active=on"* && $output == *"bond-port.queue-id 2"* ]]
	for v in 1.29 2.0 1 1.x 1.44.1; do
		expected_rc=2 bc --root "$CV/lacp-full/root" convert --to nmcli --target-version "$v"
		[[ $err == *"--target-version is MAJOR.MINOR of NetworkManager (1.30 or later) for --to nmcli, ifupdown or ifupdown2 for --to interfaces: $v"* ]]
	done
	expected_rc=2 bc --root "$CV/lacp-full/root" convert --to networkd --target-version 1.44
	expected_rc=2 bc --root "$CV/lacp-full/root" convert --to nmcli --target-version ifupdown2
	expected_rc=2 bc --root "$CV/lacp-full/root" convert --to interfaces --target-version 1.44
}
