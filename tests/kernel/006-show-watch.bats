#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# bondcfg show and watch against the real driver: bonds built with ip(8)
# and dummy slaves, read by bondcfg and by the independent reader,
# `ip -d -j link show`; warnings for states that deserve them; watch's
# snapshots and its failover events.

load ../helpers
load kernel

setup_file() {
	announce_kernel
}

setup() {
	kernel_setup
	dummies d0 d1 d2
}

teardown() {
	kernel_clean
}

# bond NAME IP-OPTIONS... : a bond with slaves d0 and d1, up, settled.
bond() {
	local name=$1
	shift
	run_x ip link add "$name" type bond "$@"
	run_x ip link set d0 master "$name"
	run_x ip link set d1 master "$name"
	run_x ip link set "$name" up
	settled_links >/dev/null
}

# ip_slaves BOND JQ: for each slave of BOND (by name), "NAME VALUE" from
# `ip -d -j link show` (or from its output in $before), sorted.
ip_slaves() {
	local all=${before:-$(ip -d -j link show)}
	gojq -r --arg b "$1" ".[] | select(.master == \$b) | \"\\(.ifname) \\($2)\"" <<<"$all" | sort
}

# our_slaves JQ: the same from the JSON of the last run_x.
our_slaves() {
	gojq -r ".bonds[0].slaves[] | \"\(.name) \($1)\"" <<<"$output" | sort
}

@test "show --json of an active-backup bond agrees with ip -d -j" {
	bond bond0 mode active-backup miimon 100
	run_x ip link set dev d1 type bond_slave queue_id 2
	run_x "$BONDCFG" show --json bond0
	gojq -e . <<<"$output" >/dev/null
	[ "$(gojq -r '.bonds | length' <<<"$output")" = 1 ]
	[ "$(gojq -r '.bonds[0].name' <<<"$output")" = bond0 ]
	[ "$(gojq -r '.bonds[0].mode' <<<"$output")" = "$(link_field bond0 .linkinfo.info_data.mode)" ]
	[ "$(gojq -r '.bonds[0].mode' <<<"$output")" = active-backup ]
	[ "$(gojq -r '.bonds[0].miimon' <<<"$output")" = "$(link_field bond0 .linkinfo.info_data.miimon)" ]
	[ "$(gojq -r '.bonds[0].miimon' <<<"$output")" = 100 ]
	[ "$(gojq -r '.bonds[0].monitoring' <<<"$output")" = miimon ]
	active=$(link_field bond0 .linkinfo.info_data.active_slave)
	[[ "$active" = d[01] ]]
	[ "$(gojq -r '.bonds[0].active_slave' <<<"$output")" = "$active" ]
	[ "$(gojq -r '.bonds[0].up' <<<"$output")" = true ]
	[ "$(gojq -r '.bonds[0].carrier' <<<"$output")" = true ]
	[ "$(gojq -r '.bonds[0].mtu' <<<"$output")" = "$(link_field bond0 .mtu)" ]
	# the slaves, each value as ip reads it
	[ "$(our_slaves .name)" = "$(ip_slaves bond0 .ifname)" ]
	[ "$(our_slaves .name | wc -l)" = 2 ]
	[ "$(our_slaves .mii_status)" = "$(ip_slaves bond0 '.linkinfo.info_slave_data.mii_status | ascii_downcase')" ]
	[ "$(our_slaves .state)" = "$(ip_slaves bond0 '.linkinfo.info_slave_data.state | ascii_downcase')" ]
	[ "$(our_slaves .queue_id)" = "$(ip_slaves bond0 .linkinfo.info_slave_data.queue_id)" ]
	[ "$(our_slaves .link_failure_count)" = "$(ip_slaves bond0 .linkinfo.info_slave_data.link_failure_count)" ]
	[ "$(our_slaves .perm_hwaddr)" = "$(ip_slaves bond0 .linkinfo.info_slave_data.perm_hwaddr)" ]
	[ "$(our_slaves .queue_id)" = $'d0 0\nd1 2' ]
	[ "$(our_slaves .state | sort -k2)" = "$active active"$'\n'"$( [ "$active" = d0 ] && echo d1 || echo d0) backup" ]
	# dummies have no speed: unknown, as null
	[ "$(our_slaves .speed)" = $'d0 null\nd1 null' ]
	[ "$(our_slaves .duplex)" = $'d0 unknown\nd1 unknown' ]
	[ "$(gojq -r '.bonds[0].warnings | length' <<<"$output")" = 0 ]
}

@test "show --json has every option of the option table, bond and slave, valued as ip reads them" {
	local o missing
	bond bond1 mode 802.3ad miimon 100 lacp_rate fast ad_actor_sys_prio 100 ad_user_port_key 5 min_links 1 resend_igmp 3
	run_x "$BONDCFG" show --json bond1
	shown=$output
	run_x "$IFCFG_BOND_PARSE" --list-options --json
	missing=$(gojq -r --argjson show "$shown" '.[] | select(.flags | index("module-only") | not) | . as $o
		| ($show.bonds[0] | if ($o.flags | index("slave")) then .slaves[0] else . end) as $where
		| select($where | has($o.name) | not) | $o.name' <<<"$output")
	[ -z "$missing" ] || { echo "# show --json lacks: $missing" >&2; return 1; }
	ip_data=$(link_field bond1 .linkinfo.info_data)
	for o in ad_actor_sys_prio:ad_actor_sys_prio ad_user_port_key:ad_user_port_key min_links:min_links \
		resend_igmp:resend_igmp num_grat_arp:num_peer_notif all_slaves_active:all_slaves_active \
		use_carrier:use_carrier ad_select:ad_select \
		ad_actor_system:ad_actor_system; do
		[ "$(gojq -r ".bonds[0].${o%%:*}" <<<"$shown")" = "$(gojq -r ".${o#*:}" <<<"$ip_data")" ] ||
			{ echo "# ${o%%:*}: show says $(gojq -r ".bonds[0].${o%%:*}" <<<"$shown"), ip ${o#*:} $(gojq -r ".${o#*:}" <<<"$ip_data")" >&2; return 1; }
	done
	[ "$(gojq -r '.bonds[0].ad_actor_sys_prio' <<<"$shown")" = 100 ]
	[ "$(gojq -r '.bonds[0].resend_igmp' <<<"$shown")" = 3 ]
	# options 802.3ad does not use are null
	[ "$(gojq -r '.bonds[0].tlb_dynamic_lb' <<<"$shown")" = null ]
	[ "$(gojq -r '.bonds[0].packets_per_slave' <<<"$shown")" = null ]
	[ "$(gojq -r '.bonds[0].lp_interval' <<<"$shown")" = null ]
	[ "$(gojq -r '.bonds[0].active_slave' <<<"$shown")" = null ]
	output=$shown
	[ "$(our_slaves .queue_id)" = "$(ip_slaves bond1 .linkinfo.info_slave_data.queue_id)" ]
}

@test "show as text names the mode, the monitoring, the active slave and every slave" {
	bond bond0 mode active-backup miimon 100 updelay 200
	active=$(link_field bond0 .linkinfo.info_data.active_slave)
	run_x "$BONDCFG" show
	assert_output_contains "bond0: up, carrier, mtu 1500"
	assert_output_contains "active-backup"
	assert_output_contains "miimon 100 ms, updelay 200 ms, downdelay 0 ms"
	[[ "$output" =~ active\ slave:\ +$active ]]
	[[ "$output" =~ d0\ +up\ +(active|backup)\ +unknown\ +unknown\ +0\  ]]
	[[ "$output" =~ d1\ +up\ +(active|backup)\ +unknown\ +unknown\ +0\  ]]
	[[ "$output" != *warning* ]]
}

@test "show: every bond when none is named; a named one that is not a bond exits 1" {
	bond bond0 mode active-backup miimon 100
	run_x ip link add bond7 type bond mode balance-xor miimon 0 xmit_hash_policy layer3+4
	run_x "$BONDCFG" show --json
	[ "$(gojq -r '[.bonds[].name] | join(" ")' <<<"$output")" = "bond0 bond7" ]
	[ "$(gojq -r '.bonds[1].xmit_hash_policy' <<<"$output")" = layer3+4 ]
	[ "$(gojq -r '.bonds[0].xmit_hash_policy' <<<"$output")" = null ]
	[ "$(gojq -r '.bonds[1].slaves | length' <<<"$output")" = 0 ]
	[ "$(gojq -r '.bonds[1].warnings[].code' <<<"$output" | sort | tr '\n' ' ')" = "no_active_slave no_link_monitoring " ]
	expected_rc=1 run_x "$BONDCFG" show d2
	assert_output_contains "d2: not a bond"
	expected_rc=1 run_x "$BONDCFG" show bond0 bond9
	assert_output_contains "bond9: no such device"
}

@test "show of an 802.3ad bond with dummy slaves: LACP details and the partner-MAC-zero warning" {
	bond bond1 mode 802.3ad miimon 100 lacp_rate fast
	# the LACP state machines may still move: a reading of bondcfg
	# between two equal readings of ip
	for i in $(seq 10); do
		before=$(ip -d -j link show)
		run_x "$BONDCFG" show --json bond1
		[ "$(ip -d -j link show)" = "$before" ] && break
		sleep 0.5
	done
	ip_data=$(gojq '.[] | select(.ifname == "bond1") | .linkinfo.info_data' <<<"$before")
	[ "$(gojq -r '.bonds[0].mode' <<<"$output")" = 802.3ad ]
	[ "$(gojq -r '.bonds[0].lacp_rate' <<<"$output")" = "$(gojq -r .ad_lacp_rate <<<"$ip_data")" ]
	[ "$(gojq -r '.bonds[0].lacp_rate' <<<"$output")" = fast ]
	[ "$(gojq -r '.bonds[0].ad_select' <<<"$output")" = "$(gojq -r .ad_select <<<"$ip_data")" ]
	for k in aggregator num_ports actor_key partner_key partner_mac; do
		[ "$(gojq -r ".bonds[0].ad_info.$k" <<<"$output")" = "$(gojq -r ".ad_info.$k" <<<"$ip_data")" ]
	done
	[ "$(gojq -r '.bonds[0].ad_info.partner_mac' <<<"$output")" = 00:00:00:00:00:00 ]
	[ "$(our_slaves .ad_aggregator_id)" = "$(ip_slaves bond1 .linkinfo.info_slave_data.ad_aggregator_id)" ]
	[ "$(our_slaves .ad_actor_oper_port_state.value)" = "$(ip_slaves bond1 .linkinfo.info_slave_data.ad_actor_oper_port_state)" ]
	[ "$(our_slaves .ad_partner_oper_port_state.value)" = "$(ip_slaves bond1 .linkinfo.info_slave_data.ad_partner_oper_port_state)" ]
	# each bit decoded as the value has it, bit 0 first
	bits='["lacp_activity","lacp_timeout","aggregation","synchronization","collecting","distributing","defaulted","expired"]'
	for who in actor partner; do
		gojq -e --argjson bits "$bits" "[.bonds[0].slaves[].ad_${who}_oper_port_state
			| . as \$s | [range(8)] | all(\$s[\$bits[.]] == ((\$s.value / pow(2; .) | floor) % 2 == 1))] | all" \
			<<<"$output" >/dev/null
	done
	gojq -e '.bonds[0].warnings | map(.code) | index("no_lacp_partner")' <<<"$output" >/dev/null
	run_x "$BONDCFG" show bond1
	assert_output_contains "partner MAC 00:00:00:00:00:00: no LACP partner answers"
	[[ "$output" =~ lacp_rate:\ +fast ]]
	assert_output_contains "LACP actor:"
}

@test "show of a bond monitored by ARP: interval, targets and arp_validate as ip reads them" {
	bond bond3 mode active-backup arp_interval 100 arp_ip_target 192.0.2.1,192.0.2.2 arp_validate all
	run_x "$BONDCFG" show --json bond3
	ip_data=$(link_field bond3 .linkinfo.info_data)
	[ "$(gojq -r '.bonds[0].monitoring' <<<"$output")" = arp ]
	[ "$(gojq -r '.bonds[0].miimon' <<<"$output")" = 0 ]
	[ "$(gojq -r '.bonds[0].arp_interval' <<<"$output")" = "$(gojq -r .arp_interval <<<"$ip_data")" ]
	[ "$(gojq -r '.bonds[0].arp_ip_target | join(",")' <<<"$output")" = "$(gojq -r '.arp_ip_target | join(",")' <<<"$ip_data")" ]
	[ "$(gojq -r '.bonds[0].arp_ip_target | join(",")' <<<"$output")" = 192.0.2.1,192.0.2.2 ]
	[ "$(gojq -r '.bonds[0].arp_validate' <<<"$output")" = "$(gojq -r .arp_validate <<<"$ip_data")" ]
	[ "$(gojq -r '.bonds[0].arp_validate' <<<"$output")" = all ]
	gojq -e '.bonds[0].warnings | map(.code) | index("no_link_monitoring") | not' <<<"$output" >/dev/null
	run_x "$BONDCFG" show bond3
	assert_output_contains "arp_interval 100 ms, targets 192.0.2.1,192.0.2.2, arp_validate all"
}

@test "show warns: a slave down, fewer slaves up than min_links, no link monitoring" {
	bond bond0 mode active-backup miimon 100 min_links 2
	run_x ip link set d1 down
	run_x ip link add bond2 type bond mode balance-rr miimon 0
	settled_links >/dev/null
	run_x "$BONDCFG" show --json bond0 bond2
	[ "$(gojq -r '.bonds[0].slaves[] | select(.name == "d1") | .mii_status' <<<"$output")" = down ]
	[ "$(gojq -r '.bonds[0].slaves[] | select(.name == "d1") | .mii_status' <<<"$output")" = \
		"$(link_field d1 '.linkinfo.info_slave_data.mii_status | ascii_downcase')" ]
	[ "$(gojq -r '.bonds[0].warnings[] | select(.code == "slave_link_not_up") | .slave' <<<"$output")" = d1 ]
	gojq -e '.bonds[0].warnings | map(.code) | index("below_min_links")' <<<"$output" >/dev/null
	[ "$(gojq -r '.bonds[0].slaves_up' <<<"$output")" = 1 ]
	[ "$(gojq -r '.bonds[1].monitoring' <<<"$output")" = none ]
	gojq -e '.bonds[1].warnings | map(.code) | index("no_link_monitoring")' <<<"$output" >/dev/null
	run_x "$BONDCFG" show bond0
	assert_output_contains "warning: slave d1: MII status down"
	assert_output_contains "warning: 1 slave up, fewer than min_links 2"
}

@test "show and watch mask control characters of interface names in text, not in JSON" {
	esc=$'b\e[2J'
	bond "$esc" mode active-backup miimon 100
	run_x "$BONDCFG" show
	[[ "$output" != *$'\e'* ]]
	assert_output_contains "b?[2J: up, carrier"
	run_x "$BONDCFG" show --json
	[ "$(gojq -r '.bonds[0].name' <<<"$output")" = "$esc" ]
	run_x "$BONDCFG" watch --count 1 --interval 0.1
	[[ "$output" != *$'\e'* ]]
	assert_output_contains "b?[2J "
}

@test "show and watch work unprivileged" {
	bond bond0 mode active-backup miimon 100
	root=$(timeout 30 "$BONDCFG" show --json)
	run_x setpriv --reuid=65534 --regid=65534 --clear-groups "$BONDCFG" show --json
	[ "$output" = "$root" ]
	run_x setpriv --reuid=65534 --regid=65534 --clear-groups "$BONDCFG" watch --count 1 --interval 0.1
	[[ "$output" =~ snapshot\ 1 ]]
}

@test "watch --count 2 --interval 0.2 prints two snapshots of the bond and its slaves" {
	bond bond0 mode active-backup miimon 100
	run_x "$BONDCFG" watch --count 2 --interval 0.2 bond0
	[ "$(grep -cE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+ snapshot [12]$' <<<"$output")" = 2 ]
	[ "$(grep -c '^bond0 .*active-backup up carrier active=d' <<<"$output")" = 2 ]
	[ "$(grep -cE '^  d[01] +mii=up state=(active|backup)' <<<"$output")" = 4 ]
	[[ "$output" != *$'\e['* ]]
	expected_rc=1 run_x "$BONDCFG" watch --count 1 bond9
	assert_output_contains "bond9: no such device"
}

@test "watch reports the failover when the active slave goes down" {
	bond bond0 mode active-backup miimon 100
	active=$(link_field bond0 .linkinfo.info_data.active_slave)
	[ "$active" = d0 ] && other=d1 || other=d0
	out=$BATS_TEST_TMPDIR/watch.out
	timeout 60 "$BONDCFG" watch --count 16 --interval 0.25 >"$out" 2>&1 &
	pid=$!
	for i in $(seq 100); do
		grep -q 'snapshot 1$' "$out" && break
		sleep 0.1
	done
	run_x ip link set "$active" down
	wait "$pid"
	output=$(cat "$out")
	assert_output_contains "bond0: slave $active MII up -> "
	assert_output_contains "bond0: active slave $active -> $other"
	grep -qE "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3} bond0: active slave $active -> $other$" <<<"$output"
	[ "$(grep -c 'snapshot [0-9]*$' <<<"$output")" = 16 ]
	# and released, added
	timeout 60 "$BONDCFG" watch --count 12 --interval 0.25 bond0 >"$out" 2>&1 &
	pid=$!
	for i in $(seq 100); do
		grep -q 'snapshot 1$' "$out" && break
		sleep 0.1
	done
	run_x ip link set d2 master bond0
	run_x ip link set "$active" nomaster
	wait "$pid"
	output=$(cat "$out")
	assert_output_contains "bond0: slave d2 added"
	assert_output_contains "bond0: slave $active released"
}
