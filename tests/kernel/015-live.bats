#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# Operations on the real driver: `bondcfg check --live` against bonds that
# drifted from their files (bond0 made by the module with its defaults, an
# option changed with ip behind our back, a slave added by hand, a bond
# deleted, a bond no file names), each fix run and read back with
# `ip -d -j link show`; and LACP as it really is, with a real partner:
# veth pairs whose far ends are ports of an 802.3ad bond in the namespace
# "switch" (healthy; another LACP rate; one port moved to a second partner
# bond, two aggregators; the partner gone, MAC 00:00:00:00:00:00).

load ../helpers
load kernel

setup_file() {
	announce_kernel
}

setup() {
	ifcfg_setup
	ip netns del switch 2>/dev/null || true
}

teardown() {
	[ -z "${TAP_PID:-}" ] || kill "$TAP_PID" 2>/dev/null || true
	ip netns del switch 2>/dev/null || true
	ip link del e1 2>/dev/null || true
	ip link del e2 2>/dev/null || true
	kernel_teardown
}

# drift [BOND...]: `check --live` on $ROOT, its difference lines in $DRIFT
# (no summary, no warnings); the exit status in $status.
drift() {
	run "$BONDCFG" --root "$ROOT" check --live "$@"
	DRIFT=$(grep -v -e '^[0-9]* bonds\? in ' -e ': warning: ' -e '^  likely: ' <<<"$output" || true)
	printf '# check --live said:\n%s\n' "$output" >&2
}

# metrics: show --format=prometheus with the files of $ROOT, in $METRICS,
# checked by promtool (Debian's prometheus).
metrics() {
	run_x "$BONDCFG" --root "$ROOT" show --format=prometheus
	METRICS=$output
	run_x promtool check metrics <<<"$METRICS"
}

# metric 'NAME{LABELS}': its value in $METRICS.
metric() {
	grep -F "$1 " <<<"$METRICS" | sed 's/.* //'
}

in_sync() {
	drift "$@"
	[ "$status" = 0 ] || { echo "# $output" >&2; return 1; }
	[ "$DRIFT" = "live: in sync with the files" ]
}

# --- drift -------------------------------------------------------------------

@test "check --live: bond0 made by the module with its defaults; each option it lacks with file:line; apply ends it" {
	rmmod bonding
	printf 'options bonding max_bonds=1\n' >"$BATS_TEST_TMPDIR/max1.conf"
	modprobe -C "$BATS_TEST_TMPDIR/max1.conf" bonding
	[ "$(bond_info bond0 .mode)" = balance-rr ]
	dummies d0 d1
	ifcfg bond0 "mode=active-backup miimon=100 primary=d0" d0 d1
	drift
	[ "$status" = 6 ]
	[ "$DRIFT" = "bond0: is down, the files bring it up ($NS/ifcfg-bond0:4)
bond0: mode is balance-rr, the files say active-backup ($NS/ifcfg-bond0:4)
bond0: miimon is 0, the files say 100 ($NS/ifcfg-bond0:4)
bond0: primary is none, the files say d0 ($NS/ifcfg-bond0:4)
bond0: slave d0 is not enslaved, the files list it ($NS/ifcfg-d0:2)
bond0: slave d1 is not enslaved, the files list it ($NS/ifcfg-d1:2)
to converge: bondcfg apply bond0" ]
	run "$BONDCFG" --root "$ROOT" check --live --json
	[ "$status" = 6 ]
	[ "$(gojq -c '[.live.differences[] | [.kind, .option, .live, .configured, .line]]' <<<"$output")" = \
		'[["down",null,null,null,4],["option","mode","balance-rr","active-backup",4],["option","miimon","0","100",4],["option","primary","none","d0",4],["slave_not_enslaved",null,null,null,2],["slave_not_enslaved",null,null,null,2]]' ]
	metrics
	[ "$(metric 'bondcfg_bond_drift{bond="bond0"}')" = 1 ]
	[ "$(metric 'bondcfg_bond_drift_differences{bond="bond0"}')" = 6 ]
	[ "$(metric 'bondcfg_bond_slaves_configured{bond="bond0"}')" = 2 ]
	[ "$(metric 'bondcfg_bond_slaves_present{bond="bond0"}')" = 0 ]
	run_x "$BONDCFG" --root "$ROOT" apply bond0
	in_sync
	metrics
	[ "$(metric 'bondcfg_bond_drift{bond="bond0"}')" = 0 ]
	[ "$(metric 'bondcfg_bond_slaves_present{bond="bond0"}')" = 2 ]
	grep -q '^bondcfg_bond_info{bond="bond0",mode="active-backup",.*,miimon="100",.*,primary="d0",' <<<"$METRICS"
	[ "$(bond_info bond0 .mode)" = active-backup ]
	[ "$(bond_info bond0 .miimon)" = 100 ]
	[ "$(bond_info bond0 .primary)" = d0 ]
	[ "$(slaves_of bond0)" = "d0 d1" ]
}

@test "check --live: options changed with ip behind our back, one set and one left at its default; each fix it names ends it" {
	dummies d0 d1
	ifcfg bond0 "mode=active-backup miimon=100" d0 d1
	run_x "$BONDCFG" --root "$ROOT" up bond0
	in_sync
	run_x ip link set bond0 type bond miimon 200 num_grat_arp 3
	drift bond0
	[ "$status" = 6 ]
	[ "$DRIFT" = "bond0: miimon is 200, the files say 100 ($NS/ifcfg-bond0:4)
bond0: num_grat_arp is 3, the files leave it at the default 1
to converge: bondcfg apply bond0
to converge: bondcfg set bond0 num_grat_arp=1" ]
	metrics
	[ "$(metric 'bondcfg_bond_drift_differences{bond="bond0"}')" = 2 ]
	grep -q '^bondcfg_bond_info{bond="bond0",.*,miimon="200",.*,num_grat_arp="3",' <<<"$METRICS"
	run_x "$BONDCFG" --root "$ROOT" apply bond0
	run_x "$BONDCFG" set bond0 num_grat_arp=1
	in_sync bond0
	[ "$(bond_info bond0 .miimon)" = 100 ]
	[ "$(bond_info bond0 .num_peer_notif)" = 1 ]
}

@test "check --live: another slave made active by hand while the primary is up; set active_slave ends it" {
	dummies d0 d1
	ifcfg bond0 "mode=active-backup miimon=100 primary=d0" d0 d1
	run_x "$BONDCFG" --root "$ROOT" up bond0
	in_sync
	run_x ip link set bond0 type bond active_slave d1
	[ "$(bond_info bond0 .active_slave)" = d1 ]
	drift
	[ "$status" = 6 ]
	[ "$DRIFT" = "bond0: d1 is the active slave while the primary d0 is up, and primary_reselect would choose it ($NS/ifcfg-bond0:4)
to converge: bondcfg set bond0 active_slave=d0" ]
	metrics
	[ "$(metric 'bondcfg_bond_drift{bond="bond0"}')" = 1 ]
	[ "$(metric 'bondcfg_slave_active{bond="bond0",slave="d1"}')" = 1 ]
	run_x "$BONDCFG" set bond0 active_slave=d0
	in_sync
	[ "$(bond_info bond0 .active_slave)" = d0 ]
}

@test "check --live: a slave added by hand, and a slave taken out; apply gives the files' set back" {
	dummies d0 d1 d2
	ifcfg bond0 "mode=active-backup miimon=100" d0 d1
	run_x "$BONDCFG" --root "$ROOT" up bond0
	run_x ip link set d2 master bond0
	run_x ip link set d1 nomaster
	drift
	[ "$status" = 6 ]
	[ "$DRIFT" = "bond0: slave d1 is not enslaved, the files list it ($NS/ifcfg-d1:2)
bond0: slave d2 is enslaved, no file lists it
to converge: bondcfg apply bond0" ]
	metrics
	[ "$(metric 'bondcfg_bond_slaves_configured{bond="bond0"}')" = 2 ]
	[ "$(metric 'bondcfg_bond_slaves_present{bond="bond0"}')" = 2 ]
	[ "$(metric 'bondcfg_slave_mii_up{bond="bond0",slave="d2"}')" = 1 ]
	run_x "$BONDCFG" --root "$ROOT" apply bond0
	in_sync
	[ "$(slaves_of bond0)" = "d0 d1" ]
	[ "$(link_field d2 .master)" = null ]
}

@test "check --live: a configured bond deleted, and a bond no file configures; up and down end them" {
	dummies d0
	ifcfg bond0 "mode=active-backup miimon=100" d0
	run_x "$BONDCFG" --root "$ROOT" up bond0
	run_x ip link del bond0
	run_x ip link add bx type bond
	drift
	[ "$status" = 6 ]
	[ "$DRIFT" = "bond0: does not exist, the files bring it up at boot ($NS/ifcfg-bond0:4)
bx: is a bond, no file configures it
to converge: bondcfg up bond0
to converge: bondcfg down bx" ]
	metrics
	[ "$(metric 'bondcfg_bond_present{bond="bond0"}')" = 0 ]
	[ "$(metric 'bondcfg_bond_drift{bond="bond0"}')" = 1 ]
	[ "$(metric 'bondcfg_bond_configured{bond="bx"}')" = 0 ]
	[ "$(metric 'bondcfg_bond_drift{bond="bx"}')" = 1 ]
	run_x "$BONDCFG" --root "$ROOT" up bond0
	run_x "$BONDCFG" down bx
	in_sync
	[ "$(link_field bond0 .linkinfo.info_kind)" = bond ]
	! ip link show bx 2>/dev/null
}

@test "show --format=prometheus: a bond whose name has a quote and a backslash is escaped as the format says; promtool accepts it" {
	run_x ip link add 'q"\b' type bond
	metrics
	grep -qxF 'bondcfg_bond_present{bond="q\"\\b"} 1' <<<"$METRICS"
	grep -qxF 'bondcfg_bond_configured{bond="q\"\\b"} 0' <<<"$METRICS"
}

# --- LACP with a real partner -----------------------------------------------

# switch_up RATE: the namespace "switch" with bond swbond (802.3ad, RATE)
# whose ports swp1 and swp2 are the far ends of our e1 and e2.
switch_up() {
	local i

	modprobe veth
	ip netns add switch
	ip -n switch link add swbond type bond mode 802.3ad miimon 100 lacp_rate "$1"
	for i in 1 2; do
		ip link add "e$i" type veth peer name "swp$i" netns switch
		ip -n switch link set "swp$i" master swbond
	done
	ip -n switch link set swbond up
}

# lacp_bond: bond0 over e1 and e2 from its files, settled.
lacp_bond() {
	ifcfg bond0 "mode=802.3ad miimon=100 lacp_rate=fast" e1 e2
	run_x "$BONDCFG" --root "$ROOT" up bond0
	TEST_TIMEOUT=120 run_x "$BONDCFG" wait --timeout 90 bond0
}

sw_mac() {
	ip -n switch -j link show "$1" | gojq -r '.[0].address'
}

# warnings: show's warnings for bond0: the JSON in $WARN_JSON, the codes
# in $WARN, "code:slave" each.
warnings() {
	run_x "$BONDCFG" show --json bond0
	WARN_JSON=$output
	printf '# show --json said:\n%s\n' "$output" >&2
	WARN=$(gojq -r '[.bonds[0].warnings[] | "\(.code):\(.slave // "")"] | join(" ")' <<<"$output")
}

# until_true SECONDS COMMAND...: polls COMMAND every 0.5 s.
until_true() {
	local end=$((SECONDS + $1))

	shift
	until "$@"; do
		[ "$SECONDS" -lt "$end" ] || return 1
		sleep 0.5
	done
}

@test "LACP healthy: both ports in the aggregator with the switch as partner, no warning, in sync" {
	switch_up fast
	lacp_bond
	warnings
	[ "$WARN" = "" ]
	[ "$(bond_info bond0 .ad_info.partner_mac)" = "$(sw_mac swbond)" ]
	[ "$(link_field e1 .linkinfo.info_slave_data.ad_aggregator_id)" = "$(bond_info bond0 .ad_info.aggregator)" ]
	[ "$(link_field e2 .linkinfo.info_slave_data.ad_aggregator_id)" = "$(bond_info bond0 .ad_info.aggregator)" ]
	in_sync
	run_x "$BONDCFG" show bond0
	assert_output_contains "LACP partner: active,short_timeout,aggregation,in_sync,collecting,distributing"
	metrics
	[ "$(metric 'bondcfg_bond_ad_partner_present{bond="bond0"}')" = 1 ]
	[ "$(metric 'bondcfg_bond_ad_active_aggregator_ports{bond="bond0"}')" = 2 ]
	[ "$(metric 'bondcfg_bond_warnings{bond="bond0"}')" = 0 ]
	[ "$(metric 'bondcfg_bond_drift{bond="bond0"}')" = 0 ]
	[ "$(metric 'bondcfg_slave_lacp_partner_state{bond="bond0",slave="e2",bit="distributing"}')" = 1 ]
	[ "$(metric 'bondcfg_slave_lacp_actor_state{bond="bond0",slave="e1",bit="defaulted"}')" = 0 ]
	# the churn counts, as /proc/net/bonding has them
	[ "$(metric 'bondcfg_slave_lacp_actor_churns_total{bond="bond0",slave="e1"}')" = \
		"$(sed -n '/^Slave Interface: e1$/,/^$/s/^Actor Churned Count: //p' /proc/net/bonding/bond0)" ]
}

@test "LACP: a partner with the other lacp_rate is a warning on one port, as ip reads the partner's timeout bit" {
	switch_up slow
	lacp_bond
	warnings
	[ "$WARN" = "lacp_rate_mismatch:e1" ]
	[ "$(gojq -r '.bonds[0].warnings[0].message' <<<"$WARN_JSON")" = "lacp_rate is fast, the partner's is slow (on e1)" ]
	[[ "$(gojq -r '.bonds[0].warnings[0].hint' <<<"$WARN_JSON")" == "set one LACP rate on both ends"* ]]
	# ip: our port asks for the short timeout, the partner does not
	link_field e1 '.linkinfo.info_slave_data.ad_actor_oper_port_state_str' | grep -q short_timeout
	! link_field e1 '.linkinfo.info_slave_data.ad_partner_oper_port_state_str' | grep -q short_timeout
	drift
	[ "$status" = 0 ]
	assert_output_contains "bond0: warning: lacp_rate is fast, the partner's is slow (on e1)"
	metrics
	[ "$(metric 'bondcfg_bond_warning{bond="bond0",code="lacp_rate_mismatch",slave="e1"}')" = 1 ]
	[ "$(metric 'bondcfg_slave_lacp_partner_state{bond="bond0",slave="e1",bit="lacp_timeout"}')" = 0 ]
	[ "$(metric 'bondcfg_slave_lacp_actor_state{bond="bond0",slave="e1",bit="lacp_timeout"}')" = 1 ]
}

aggregators_split() {
	[ "$(link_field e2 .linkinfo.info_slave_data.ad_aggregator_id)" != "$(bond_info bond0 .ad_info.aggregator)" ] &&
		[ "$(link_field e1 .linkinfo.info_slave_data.ad_aggregator_id)" = "$(bond_info bond0 .ad_info.aggregator)" ]
}

@test "LACP: one port moved to a second partner bond; two aggregators, the port out and why, read from /proc/net/bonding" {
	switch_up fast
	lacp_bond
	ip -n switch link set swp2 nomaster
	ip -n switch link add swbond2 type bond mode 802.3ad miimon 100 lacp_rate fast
	ip -n switch link set swp2 master swbond2
	ip -n switch link set swbond2 up
	until_true 60 aggregators_split
	until_true 30 grep -q "system mac address: $(sw_mac swbond2)" /proc/net/bonding/bond0
	warnings
	[ "$WARN" = "different_aggregators: not_in_active_aggregator:e2" ]
	local agg2
	agg2=$(link_field e2 .linkinfo.info_slave_data.ad_aggregator_id)
	[ "$(gojq -r '.bonds[0].warnings[1].message' <<<"$WARN_JSON")" = \
		"slave e2: in aggregator $agg2, not the active $(bond_info bond0 .ad_info.aggregator): its partner is system $(sw_mac swbond2), the active aggregator's $(sw_mac swbond)" ]
	[ "$(gojq -r '.bonds[0].warnings[1].source' <<<"$WARN_JSON")" = /proc/net/bonding/bond0 ]
	[[ "$(gojq -r '.bonds[0].warnings[1].hint' <<<"$WARN_JSON")" == "the ports end on two switches or two port-channels"* ]]
	run_x "$BONDCFG" show bond0
	assert_output_contains "    read from /proc/net/bonding/bond0"
	metrics
	[ "$(metric 'bondcfg_slave_ad_in_active_aggregator{bond="bond0",slave="e1"}')" = 1 ]
	[ "$(metric 'bondcfg_slave_ad_in_active_aggregator{bond="bond0",slave="e2"}')" = 0 ]
	[ "$(metric 'bondcfg_slave_ad_aggregator_id{bond="bond0",slave="e2"}')" = "$agg2" ]
}

# out_of_aggregator DEV: in another aggregator than the bond's active one.
out_of_aggregator() {
	[ "$(link_field "$1" .linkinfo.info_slave_data.ad_aggregator_id)" != "$(bond_info bond0 .ad_info.aggregator)" ]
}

# tap_held NAME: a tap device held open by a process in the background
# ($TAP_PID), so that it has carrier; the tun driver lets ethtool set its
# speed, which veth does not.
tap_held() {
	modprobe tun
	python3 -c '
import fcntl, os, signal, struct, sys
fd = os.open("/dev/net/tun", os.O_RDWR)
fcntl.ioctl(fd, 0x400454ca, struct.pack("16sH", sys.argv[1].encode(), 0x1002))
signal.pause()' "$1" &
	TAP_PID=$!
	until_true 10 [ -e "/sys/class/net/$1" ]
}

@test "LACP: a slave at another speed than the aggregator's ports is out of it, and the speed is named" {
	switch_up fast
	lacp_bond
	tap_held tap0
	run_x ethtool -s tap0 speed 1000 duplex full autoneg off
	# sysfs has the speed of a running device only
	run_x ip link set tap0 up
	[ "$(cat /sys/class/net/tap0/speed)" = 1000 ]
	[ "$(cat /sys/class/net/e1/speed)" = 10000 ]
	run_x "$BONDCFG" enslave bond0 tap0
	until_true 30 out_of_aggregator tap0
	warnings
	[ "$(gojq -r '.bonds[0].warnings[] | select(.code == "not_in_active_aggregator") | .slave' <<<"$WARN_JSON")" = tap0 ]
	[ "$(gojq -r '.bonds[0].warnings[] | select(.code == "not_in_active_aggregator") | .message' <<<"$WARN_JSON")" = \
		"slave tap0: in aggregator $(link_field tap0 .linkinfo.info_slave_data.ad_aggregator_id), not the active $(bond_info bond0 .ad_info.aggregator): its speed is 1000 Mb/s, the active aggregator's 10000 Mb/s" ]
	[[ "$(gojq -r '.bonds[0].warnings[] | select(.code == "not_in_active_aggregator") | .hint' <<<"$WARN_JSON")" == "ports of one aggregate run at one speed"* ]]
	metrics
	[ "$(metric 'bondcfg_slave_speed_bytes{bond="bond0",slave="tap0"}')" = 125000000 ]
	[ "$(metric 'bondcfg_slave_ad_in_active_aggregator{bond="bond0",slave="tap0"}')" = 0 ]
}

no_partner() {
	[ "$(bond_info bond0 .ad_info.partner_mac)" = 00:00:00:00:00:00 ]
}

defaulted() {
	link_json "$1" | gojq -e '.[0].linkinfo.info_slave_data.ad_actor_oper_port_state_str | index("defaulted") != null' >/dev/null
}

@test "LACP: the partner gone (its ports out of any bond): partner MAC zero and each port defaulted" {
	switch_up fast
	lacp_bond
	ip -n switch link set swp1 nomaster
	ip -n switch link set swp2 nomaster
	ip -n switch link set swp1 up
	ip -n switch link set swp2 up
	until_true 60 no_partner
	until_true 30 defaulted e1
	until_true 30 defaulted e2
	warnings
	# each defaulted port is an aggregator of its own: one of them is out
	[[ " $WARN " == *" no_lacp_partner: "* ]]
	[[ " $WARN " == *" lacp_defaulted:e1 "* ]]
	[[ " $WARN " == *" lacp_defaulted:e2 "* ]]
	[ "$(gojq -r '.bonds[0].warnings[] | select(.code == "no_lacp_partner") | .hint' <<<"$WARN_JSON")" = \
		"the switch ports are not in an LACP port-channel (static or LACP off), or LACP is passive on both ends" ]
	[ "$(gojq -r '.bonds[0].warnings[] | select(.code == "not_in_active_aggregator") | .message | sub(".*: "; "")' <<<"$WARN_JSON")" = \
		"no LACPDU from a partner on this port" ]
	metrics
	[ "$(metric 'bondcfg_bond_ad_partner_present{bond="bond0"}')" = 0 ]
	[ "$(metric 'bondcfg_slave_lacp_actor_state{bond="bond0",slave="e1",bit="defaulted"}')" = 1 ]
	[ "$(metric 'bondcfg_bond_warning{bond="bond0",code="no_lacp_partner"}')" = 1 ]
}

# --- the failover drill -------------------------------------------------------

# hub_up: the namespace "switch" with bond hub0 in mode broadcast
# (10.9.0.1/24): it takes frames from either port and sends on both, as a
# switch would reach us on whichever of our ports is active; its ports
# swp1 and swp2 are the far ends of our e1 and e2. (The VM has no bridge
# module.)
hub_up() {
	local i

	modprobe veth
	ip netns add switch
	ip -n switch link add hub0 type bond mode broadcast miimon 100
	for i in 1 2; do
		ip link add "e$i" type veth peer name "swp$i" netns switch
		ip -n switch link set "swp$i" master hub0
	done
	ip -n switch addr add 10.9.0.1/24 dev hub0
	ip -n switch link set hub0 up
}

# ab_bond OPTIONS: bond0 over e1 and e2 from its files, 10.9.0.2/24,
# answering pings from the switch's side.
ab_bond() {
	ifcfg bond0 "$1" e1 e2
	run_x "$BONDCFG" --root "$ROOT" up bond0
	ip addr add 10.9.0.2/24 dev bond0
	TEST_TIMEOUT=60 run_x "$BONDCFG" wait --timeout 50 bond0
	run_x ping -c 1 -W 5 10.9.0.1
}

# one_link_down: e1 or e2 has its MII status down, as bond0 sees it.
one_link_down() {
	[ "$(link_field e1 .linkinfo.info_slave_data.mii_status)$(link_field e2 .linkinfo.info_slave_data.mii_status)" != UPUP ]
}

# slaves_state: what the drill must give back, as ip reads it.
slaves_state() {
	ip -d -j link show type veth |
		gojq -c '[.[] | {ifname, master, up: (.flags | index("UP") != null), mii: .linkinfo.info_slave_data.mii_status, mtu, address}] | sort_by(.ifname)'
}

@test "test failover: active-backup, the active slave's link down; another takes over, pings lost counted, the original active slave and state restored" {
	hub_up
	ab_bond "mode=active-backup miimon=100"
	local from before
	from=$(bond_info bond0 .active_slave)
	before=$(slaves_state)
	TEST_TIMEOUT=60 run_split "$BONDCFG" test failover --ping 10.9.0.1 --json bond0
	printf '# %s\n' "$output" "$err" >&2
	[ "$(gojq -r .method <<<"$output")" = link-down ]
	[ "$(gojq -r .from <<<"$output")" = "$from" ]
	[ "$(gojq -r .to <<<"$output")" != "$from" ]
	[[ "$(gojq -r .to <<<"$output")" == e[12] ]]
	gojq -e '.failover_ms >= 0 and .failover_ms < 5000' <<<"$output" >/dev/null
	gojq -e '.probes_sent > 0 and .probes_lost < .probes_sent and .traffic_ms >= .failover_ms' <<<"$output" >/dev/null
	gojq -e '.restored and .restore_ms >= 0 and .left_different == null' <<<"$output" >/dev/null
	# ip: the same active slave, the same links
	[ "$(bond_info bond0 .active_slave)" = "$from" ]
	[ "$(slaves_state)" = "$before" ]
	run_x ping -c 1 -W 5 10.9.0.1
	metrics
	[ "$(metric "bondcfg_slave_active{bond=\"bond0\",slave=\"$from\"}")" = 1 ]
	[ "$(metric "bondcfg_slave_link_failures_total{bond=\"bond0\",slave=\"$from\"}")" = 1 ]
}

@test "test failover of an 802.3ad bond with a real partner: the port taken out stops carrying, the other carries on, the port back in the aggregator after" {
	switch_up fast
	lacp_bond
	ip -n switch addr add 10.9.1.1/24 dev swbond
	ip addr add 10.9.1.2/24 dev bond0
	run_x ping -c 1 -W 5 10.9.1.1
	local before
	before=$(slaves_state)
	TEST_TIMEOUT=90 run_split "$BONDCFG" test failover --ping 10.9.1.1 --timeout 60 --json bond0
	printf '# %s\n' "$output" "$err" >&2
	[ "$(gojq -r '[.method, .from, .to] | join(" ")' <<<"$output")" = "link-down e1 e2" ]
	gojq -e '.failover_ms >= 0 and .failover_ms < 5000 and .traffic_ms >= 0' <<<"$output" >/dev/null
	gojq -e '.restored and .restore_ms >= 0' <<<"$output" >/dev/null
	# ip: both ports back in one aggregator, distributing
	[ "$(slaves_state)" = "$before" ]
	[ "$(link_field e1 .linkinfo.info_slave_data.ad_aggregator_id)" = "$(bond_info bond0 .ad_info.aggregator)" ]
	link_field e1 '.linkinfo.info_slave_data.ad_actor_oper_port_state_str' | grep -q distributing
	[ "$(bond_info bond0 .ad_info.num_ports)" = 2 ]
	TEST_TIMEOUT=90 run_x "$BONDCFG" test failover --timeout 60 bond0
	assert_output_contains "bond0: e1 out of the slaves sent on after "
	assert_output_contains "ms; e2 and the others carry on"
	assert_output_contains "bond0: restored: e1 carrying traffic again after "
}

@test "test failover --method active-slave: the switch-over alone; text output says which method and why" {
	hub_up
	ab_bond "mode=active-backup miimon=100"
	local from before
	from=$(bond_info bond0 .active_slave)
	before=$(slaves_state)
	TEST_TIMEOUT=60 run_x "$BONDCFG" test failover --method active-slave --ping 10.9.0.1 bond0
	assert_output_contains "bond0: method active-slave: active_slave changed: the switch-over alone, without the link monitor's detection"
	assert_output_contains "bond0: failover from $from to "
	assert_output_contains "bond0: 10.9.0.1 answered again after "
	assert_output_contains "bond0: restored: $from active again after "
	[ "$(bond_info bond0 .active_slave)" = "$from" ]
	[ "$(slaves_state)" = "$before" ]
}

@test "test failover: a bond without link monitoring does not fail over; exit 1, and the slave comes back all the same" {
	hub_up
	ab_bond "mode=active-backup"
	local from before
	from=$(bond_info bond0 .active_slave)
	before=$(slaves_state)
	TEST_TIMEOUT=60 expected_rc=1 run_x "$BONDCFG" test failover --timeout 2 bond0
	assert_output_contains "bond0: no other slave took over from $from"
	assert_output_contains "bond0: restored: $from active again"
	[ "$(bond_info bond0 .active_slave)" = "$from" ]
	[ "$(slaves_state)" = "$before" ]
}

@test "test failover refuses before changing anything: on a terminal without --yes, one slave up, a mode without an active slave, an address that does not answer" {
	hub_up
	ab_bond "mode=active-backup miimon=100"
	local before
	before=$(slaves_state)
	expected_rc=1 run_x script -qec "$BONDCFG test failover bond0" /dev/null
	assert_output_contains "test failover: this takes bond0's active slave out and puts it back; run again with --yes"
	expected_rc=1 run_x "$BONDCFG" test failover --ping 10.9.9.9 --timeout 1 bond0
	assert_output_contains "--ping 10.9.9.9: no reply within 2 s before the drill"
	[ "$(slaves_state)" = "$before" ]
	ip link set "$(bond_info bond0 .active_slave | sed 's/e1/e2/;t;s/e2/e1/')" down
	until_true 10 one_link_down
	expected_rc=1 run_x "$BONDCFG" test failover bond0
	assert_output_contains "no slave but the active $(bond_info bond0 .active_slave) carries traffic: taking it out would cut the bond off"
	run_x ip link add bl type bond mode 802.3ad
	expected_rc=1 run_x "$BONDCFG" test failover bl
	assert_output_contains "bl: no slave carries traffic"
	expected_rc=1 run_x "$BONDCFG" test failover --method active-slave bl
	assert_output_contains "bl: mode 802.3ad has no active slave to change: use --method link-down"
	expected_rc=2 run_x "$BONDCFG" test bl
	assert_output_contains "test: unknown test 'bl'; give failover BOND"
}
