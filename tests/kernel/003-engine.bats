#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# The netlink engine against the real driver (through tests/bond-engine):
# every settable option in every mode where it is valid, set at creation and
# changed on a live bond with slaves; rollback when the kernel refuses a
# step; a second apply that sends nothing; the states hosts really have.
# Every result is read back twice: by the engine and by `ip -d -j link show`.

load ../helpers
load kernel

ENGINE=$BUILDDIR/tests/bond-engine

setup_file() {
	announce_kernel
}

setup() {
	engine_setup
}

teardown() {
	kernel_clean
	rm -f /etc/modprobe.d/zz-bondcfg-test.conf
}

# "BASE|FIRST|SECOND": options a test of NAME needs, and two values.
values_for() {
	case $1 in
	active_slave) echo "miimon=100|d1|d0" ;;
	primary) echo "miimon=100|d1|d0" ;;
	miimon) echo "|200|300" ;;
	updelay | downdelay | peer_notif_delay) echo "miimon=100|200|300" ;;
	use_carrier | all_slaves_active | tlb_dynamic_lb) echo "|0|1" ;;
	arp_interval) echo "arp_ip_target=192.0.2.1|200|300" ;;
	arp_ip_target) echo "|192.0.2.1|192.0.2.2,192.0.2.3" ;;
	ns_ip6_target) echo "|2001:db8::1|2001:db8::2,2001:db8::3" ;;
	arp_validate) echo "arp_interval=100 arp_ip_target=192.0.2.1|all|backup" ;;
	arp_missed_max) echo "arp_interval=100 arp_ip_target=192.0.2.1|3|4" ;;
	arp_all_targets) echo "|all|any" ;;
	primary_reselect) echo "|better|failure" ;;
	fail_over_mac) echo "|active|follow" ;;
	xmit_hash_policy) echo "|layer3+4|encap2+3" ;;
	resend_igmp | num_grat_arp | lp_interval | packets_per_slave) echo "|2|3" ;;
	min_links) echo "|1|2" ;;
	lacp_rate) echo "|fast|slow" ;;
	ad_select) echo "|bandwidth|count" ;;
	ad_actor_sys_prio) echo "|100|200" ;;
	ad_user_port_key) echo "|5|6" ;;
	ad_actor_system) echo "|02:00:00:00:00:01|02:00:00:00:00:02" ;;
	lacp_active | coupled_control | broadcast_neighbor | lacp_strict) echo "|off|on" ;;
	*) return 1 ;;
	esac
}

# The key `ip -d -j` uses for an option, when it differs.
ip_key() {
	case $1 in
	num_grat_arp) echo num_peer_notif ;;
	peer_notif_delay) echo peer_notify_delay ;;
	lacp_rate) echo ad_lacp_rate ;;
	lacp_active) echo ad_lacp_active ;;
	*) echo "$1" ;;
	esac
}

# check NAME: the engine reads each bond bt<I> of the last apply (mode
# ${mlist[I]}, NAME=${vals[I]}) with that mode and value and the slaves
# d<I>0 and d<I>1, all from one dump; ip's reading of all links is added
# to ip.json, with what it must show in $ip_want, for check_ip. Few
# processes: this runs for every option in every mode.
check() {
	local i opts
	local -a shown
	mapfile -t shown < <("$ENGINE" show "${bonds[@]}")
	[ "${#shown[@]}" -eq $((3 * ${#bonds[@]})) ] ||
		{ echo "# the engine reads '${shown[*]}' of ${bonds[*]}" >&2; return 1; }
	for i in "${!bonds[@]}"; do
		opts=" ${shown[3 * i]} "
		[[ "$opts" == *" mode=${mlist[i]} "* && "$opts" == *" $1=${vals[i]} "* ]] ||
			{ echo "# bt$i: engine reads '$opts', want mode=${mlist[i]} $1=${vals[i]}" >&2; return 1; }
		[ "${shown[3 * i + 1]}" = "slaves: d${i}0 d${i}1" ] ||
			{ echo "# bt$i: engine reads '${shown[3 * i + 1]}'" >&2; return 1; }
		ip_want+=("$readings bt$i ${mlist[i]} $1 ${vals[i]}")
	done
	ip -d -j link show >>"$BATS_TEST_TMPDIR/ip.json"
	readings=$((readings + 1))
}

# check_ip: each reading of ip that check kept shows each bond's mode and
# value (one gojq for all).
check_ip() {
	local q="" w r bond mode name value ip_mode ip_val i=0

	for w in "${ip_want[@]}"; do
		read -r r bond mode name value <<<"$w"
		q="$q${q:+,}[$r,\"$bond\",\"$(ip_key "$name")\"]"
	done
	while IFS=$'\t' read -r ip_mode ip_val; do
		read -r r bond mode name value <<<"${ip_want[i]}"
		i=$((i + 1))
		[ "$ip_mode" = "$mode" ] || { echo "# $bond $name=$value: ip shows mode $ip_mode, want $mode" >&2; return 1; }
		# iproute2 6.1 prints arp_validate none as null and not the newest options
		case $ip_val in
		null) [ "$value" = none ] || [[ "$name" =~ ^(coupled_control|broadcast_neighbor|lacp_strict)$ ]] ||
			{ echo "# $mode $name: ip shows nothing, want '$value'" >&2; return 1; } ;;
		*) [ "$ip_val" = "$value" ] || { echo "# $mode $name: ip shows '$ip_val', want '$value'" >&2; return 1; } ;;
		esac
	done < <(gojq -r -s --argjson q "[$q]" '. as $docs | $q[] as [$r, $b, $k]
		| ($docs[$r][] | select(.ifname == $b) | .linkinfo.info_data) as $d
		| "\($d.mode)\t\($d[$k] | if type == "array" then join(",") elif . == null then "null" else tostring end)"' \
		"$BATS_TEST_TMPDIR/ip.json")
	[ "$i" -eq "${#ip_want[@]}" ] || { echo "# ip shows $i of the ${#ip_want[@]} bonds checked" >&2; return 1; }
}

# Options the engine sets, with their modes: "NAME MODES".
engine_options() {
	"$IFCFG_BOND_PARSE" --list-options --json | gojq -r '.[]
		| select(.flags | (index("slave") or index("module-only") or index("read-only")) | not)
		| select(.name != "mode")
		| "\(.name) \(.modes | join(","))"'
}

# One option at a time, in every mode where it is valid at once: bond
# bt<I> in the I-th mode, with the slaves d<I>0 and d<I>1; created with the
# first value in one apply, changed to the second in another.
@test "every option in every valid mode: created with it, changed on a live bond with slaves" {
	local name modes spec base v1 v2 v n=0 ignored="" readings=0 i
	local -a ip_want=() mlist bonds vals args
	for i in 0 1 2 3 4 5 6; do
		printf 'link add d%s0 type dummy\nlink add d%s1 type dummy\n' "$i" "$i"
	done | ip -batch -
	while read -r name modes; do
		spec=$(values_for "$name") || { echo "# no test values for $name" >&2; return 1; }
		IFS='|' read -r base v1 v2 <<<"$spec"
		read -ra mlist <<<"${modes//,/ }"
		for v in "$v1" "$v2"; do
			args=() bonds=() vals=()
			for i in "${!mlist[@]}"; do
				bonds+=("bt$i")
				# a slave as value: one of this bond's
				if [[ $v == d[01] ]]; then vals+=("d$i${v#d}"); else vals+=("$v"); fi
				args+=(--bond "bt$i" "mode=${mlist[i]} $base $name=${vals[i]}" --slaves "d${i}0,d${i}1")
			done
			run "$ENGINE" apply "${args[@]:1}"
			if [ "$v" = "$v1" ] && [ "$status" -ne 0 ] &&
				[[ "$output" == *"is not supported by this kernel"* ]]; then
				# refused before anything was sent (the list is checked below)
				[ -z "$(compgen -G '/sys/class/net/bt*')" ]
				ignored="$ignored $name"
				continue 2
			fi
			if [ "$v" = "$v1" ] && [ "$status" -ne 0 ] && [ "$name=$v1" = use_carrier=0 ] &&
				[[ "$output" == *"use_carrier cannot be disabled"* ]]; then
				# 6.18 and later refuse use_carrier=0; nothing was made
				[ -z "$(compgen -G '/sys/class/net/bt*')" ]
				ignored="$ignored $name=0"
				continue 2
			fi
			[ "$status" -eq 0 ] || { echo "# ${modes} $name=$v: $output" >&2; return 1; }
			check "$name"
		done
		n=$((n + ${#mlist[@]}))
		for i in "${!bonds[@]}"; do
			printf 'link del bt%s\n' "$i"
		done | ip -batch -
	done < <(engine_options)
	check_ip
	echo "# $n option and mode pairs created and changed; ignored or refused by this kernel:${ignored:- none}" >&3
	[ "$n" -ge 100 ]
}

@test "changing the mode of a bond with slaves releases, reconfigures and re-enslaves" {
	run_x "$ENGINE" apply bt 'mode=active-backup miimon=100 primary=d1' --slaves d0,d1
	run_x "$ENGINE" plan bt 'mode=802.3ad miimon=100 lacp_rate=fast' --slaves d0,d1
	assert_output_contains "bt: release d0  [disrupts traffic: an option needs a bond without slaves]"
	assert_output_contains "bt: set mode=802.3ad[1] miimon=100[3] lacp_rate=fast[21]"
	run_x "$ENGINE" apply bt 'mode=802.3ad miimon=100 lacp_rate=fast' --slaves d0,d1
	[ "$(link_field bt .linkinfo.info_data.mode)" = 802.3ad ]
	[ "$(link_field bt .linkinfo.info_data.ad_lacp_rate)" = fast ]
	[ "$(link_field d0 .master)" = bt ]
	[ "$(link_field d1 .master)" = bt ]
	[ "$(link_field bt .operstate)" != DOWN ]
}

@test "slave options are set after enslaving and read back" {
	local spec="queue_id=d0:3" n=1
	# prio where the kernel has it (6.0)
	[[ " $(kernel_lacks) " == *" prio "* ]] || { spec="$spec prio=d1:7"; n=2; }
	run_x "$ENGINE" apply bt "mode=active-backup miimon=100 $spec" --slaves d0,d1
	[ "$(link_field d0 .linkinfo.info_slave_data.queue_id)" = 3 ]
	[ "$("$ENGINE" show bt | head -n 1 | tr ' ' '\n' | grep -c -e '^queue_id=d0:3$' -e '^prio=d1:7$')" = "$n" ]
}

@test "the second apply of the same state sends nothing" {
	local state='mode=802.3ad miimon=100 lacp_rate=fast xmit_hash_policy=layer3+4 updelay=200 downdelay=200 queue_id=d1:2'
	run_x "$ENGINE" apply bt "$state" --slaves d0,d1
	assert_output_contains "changes sent: "
	[[ "$output" != *"changes sent: 0"* ]]
	run_x "$ENGINE" apply bt "$state" --slaves d0,d1
	assert_output_contains "changes sent: 0"
	run_x "$ENGINE" plan bt "$state" --slaves d0,d1
	assert_output_contains "nothing to change"
}

@test "bringing up many bonds costs few round trips" {
	local args=() i
	dummies e0 e1 e2 e3 e4 e5 e6 e7
	for i in 0 1 2 3 4 5 6 7; do
		args+=(--bond "bb$i" 'mode=active-backup miimon=100' --slaves "e$i")
	done
	run_x "$ENGINE" apply "${args[@]:1}"
	# a dump to plan, creations in one message, a dump of the bonds for
	# their ifindexes, the rest in one message, a dump to read back: 5
	assert_output_contains "round trips: 5"
	# each e<I> a slave of bb<I>, each bb<I> in active-backup, as ip reads them
	[ "$(ip -d -j link show | gojq -r '[.[] | select(.ifname | test("^(e|bb)[0-7]$"))
		| if .ifname[0:1] == "e" then "\(.ifname)>\(.master)" else "\(.ifname):\(.linkinfo.info_data.mode)" end]
		| sort | join(" ")')" = "bb0:active-backup bb1:active-backup bb2:active-backup bb3:active-backup bb4:active-backup bb5:active-backup bb6:active-backup bb7:active-backup e0>bb0 e1>bb1 e2>bb2 e3>bb3 e4>bb4 e5>bb5 e6>bb6 e7>bb7" ]
}

@test "a step the kernel refuses rolls back every step before it (existing bond)" {
	run_x "$ENGINE" apply bt 'mode=active-backup miimon=100' --slaves d0,d1
	before=$(settled_links)
	# step 1 sets miimon, step 2 queue_id of d0; step 3 gives d1 queue 17,
	# above the 16 transmit queues the bond has: the driver refuses it
	run_x sh -c "'$ENGINE' plan bt 'mode=active-backup miimon=200 queue_id=d0:1 queue_id=d1:17' --slaves d0,d1 2>/dev/null"
	[ "${#lines[@]}" -eq 3 ]
	[ "${lines[0]}" = "bt: set miimon=200[3]" ]
	[ "${lines[1]}" = "bt: set slave d0 queue_id=1[5]" ]
	[ "${lines[2]}" = "bt: set slave d1 queue_id=17[5]" ]
	expected_rc=1 run_x "$ENGINE" apply bt 'mode=active-backup miimon=200 queue_id=d0:1 queue_id=d1:17' --slaves d0,d1
	assert_output_contains "error: bt: set slave d1 queue_id=17[5]: Operation not permitted"
	[ "$(settled_links)" = "$before" ]
}

@test "a refused step after a change of mode rolls back the mode, the options the old mode refuses, the slaves and the active slave" {
	run_x "$ENGINE" apply bt 'mode=active-backup miimon=100' --slaves d0,d1
	before=$(settled_links)
	[ "$(link_field bt .linkinfo.info_data.active_slave)" = d0 ]
	# the bond goes down and gives up its slaves for the new mode, and
	# lacp_rate, which active-backup refuses, is set; d1's queue 17, above
	# the bond's 16, is refused last
	expected_rc=1 run_x "$ENGINE" apply bt 'mode=802.3ad miimon=100 lacp_rate=fast queue_id=d1:17' --slaves d0,d1
	assert_output_contains "error: bt: set slave d1 queue_id=17[5]: Operation not permitted"
	[[ "$output" != *rollback* ]] || { echo "# $output" >&2; return 1; }
	[ "$(settled_links)" = "$before" ]
}

@test "a step the kernel refuses rolls back a new bond and its slaves" {
	ip link set d2 mtu 9000
	ip link set d3 up
	before=$(settled_links)
	expected_rc=1 run_x "$ENGINE" apply bt 'mode=802.3ad queue_id=d2:1 queue_id=d3:17' --slaves d2,d3
	assert_output_contains "Operation not permitted"
	[ ! -e /sys/class/net/bt ]
	[ "$(settled_links)" = "$before" ]
}

# 802.3ad ports without a partner go on changing their LACP state for a
# while: those fields are left out of this comparison (gojq prints the
# keys sorted: two readings compare as text).
links_but_lacp_state() {
	settled_links | gojq 'del(.[].linkinfo.info_slave_data.ad_actor_oper_port_state?,
		.[].linkinfo.info_slave_data.ad_actor_oper_port_state_str?,
		.[].linkinfo.info_slave_data.ad_partner_oper_port_state?,
		.[].linkinfo.info_slave_data.ad_partner_oper_port_state_str?)'
}

# A bond spec that sets the dated option or value ITEM, in a mode where
# it is valid.
dated_spec() {
	case $1 in
	peer_notif_delay) echo "mode=active-backup miimon=100 peer_notif_delay=200" ;;
	lacp_active) echo "mode=802.3ad lacp_active=off" ;;
	arp_missed_max) echo "mode=active-backup arp_interval=100 arp_ip_target=192.0.2.1 arp_missed_max=3" ;;
	ns_ip6_target) echo "mode=active-backup arp_interval=100 ns_ip6_target=2001:db8::1" ;;
	coupled_control) echo "mode=802.3ad coupled_control=off" ;;
	broadcast_neighbor) echo "mode=802.3ad broadcast_neighbor=on" ;;
	lacp_strict) echo "mode=802.3ad lacp_strict=on" ;;
	prio) echo "mode=active-backup miimon=100 prio=d1:7" ;;
	actor_port_prio) echo "mode=802.3ad actor_port_prio=d1:100" ;;
	xmit_hash_policy=vlan+srcmac) echo "mode=balance-xor xmit_hash_policy=vlan+srcmac" ;;
	ad_select=actor_port_prio) echo "mode=802.3ad ad_select=actor_port_prio" ;;
	*) return 1 ;;
	esac
}

@test "options and values this kernel lacks are refused before anything is sent, and it really lacks them" {
	local item items refused="" spec kv need
	kv=$(uname -r | sed -E 's/^([0-9]+\.[0-9]+).*/\1/')
	# every option and value the table dates
	items=$("$IFCFG_BOND_PARSE" --list-options --json | gojq -r '.[]
		| (select(.since != null) | .name),
		  (.name as $o | .values[]? | select(.since != null) | "\($o)=\(.name)")')
	[ "$(echo $items)" = "xmit_hash_policy=vlan+srcmac ad_select=actor_port_prio peer_notif_delay lacp_active arp_missed_max ns_ip6_target coupled_control broadcast_neighbor lacp_strict prio actor_port_prio" ]
	for item in $items; do
		spec=$(dated_spec "$item") || { echo "# no spec for $item" >&2; return 1; }
		run "$ENGINE" apply bt "$spec" --slaves d0,d1
		if [[ "$output" == *"is not supported by this kernel"* ]]; then
			[ "$status" -ne 0 ]
			need=$("$IFCFG_BOND_PARSE" --list-options --json | gojq -r --arg o "${item%%=*}" --arg v "${item#*=}" \
				'.[] | select(.name == $o) | if .since != null then .since else (.values[] | select(.name == $v) | .since) end')
			assert_output_contains "is not supported by this kernel ($kv); needs $need"
			assert_output_contains "changes sent: 0"
			[ ! -e /sys/class/net/bt ]
			refused="$refused $item"
			# the kernel really lacks it: sent anyway, it is ignored or refused
			if [[ "$item" == *=* ]]; then
				run_x ip link add bt type bond mode "$(sed 's/^mode=\([^ ]*\).*/\1/' <<<"$spec")"
				run sh -c "echo ${item#*=} >/sys/class/net/bt/bonding/${item%%=*}"
				[ "$status" -ne 0 ] || { echo "# the kernel took $item" >&2; return 1; }
			else
				# (a list the kernel ignores reads back empty)
				run "$ENGINE" apply bt "$spec" --slaves d0,d1 --tolerate
				[[ "$output" == *" $item "*"was ignored by the kernel"* ||
					"$output" == *"the kernel has $item=, not"* ]] ||
					{ echo "# $item sent: $output" >&2; return 1; }
			fi
		else
			[ "$status" -eq 0 ] || { echo "# $item: $output" >&2; return 1; }
			# the kernel has it: it reports it back
			"$ENGINE" show bt | head -n 1 | tr ' ' '\n' | grep -q "^${item%%=*}=" ||
				{ echo "# $item: not reported back" >&2; return 1; }
		fi
		ip link del bt 2>/dev/null || true
	done
	echo "# not supported by $(uname -r):${refused:- none}" >&3
	[ "${refused# }" = "$(kernel_lacks)" ]
}

@test "an option this kernel lacks changes nothing; --tolerate sends it and the read-back warns" {
	local unsupported
	unsupported=$(kernel_lacks)
	[[ " $unsupported " == *" lacp_strict "* ]] || skip "this kernel has lacp_strict"
	run_x "$ENGINE" apply bt 'mode=802.3ad miimon=100' --slaves d0
	before=$(links_but_lacp_state)
	run "$ENGINE" apply bt 'mode=802.3ad miimon=100 lacp_strict=on' --slaves d0
	[ "$status" -ne 0 ]
	assert_output_contains "error: bt: lacp_strict is not supported by this kernel ($(uname -r | cut -d. -f1-2)); needs 7.2 (remove it, or give --tolerate to send it anyway)"
	assert_output_contains "changes sent: 0"
	[ "$(links_but_lacp_state)" = "$before" ]
	# --tolerate sends it: the kernel ignores it, and the read-back says so
	run_x "$ENGINE" apply bt 'mode=802.3ad miimon=100 lacp_strict=on' --slaves d0 --tolerate
	assert_output_contains "warning: bt: lacp_strict was ignored by the kernel: Linux $(uname -r) does not know this option"
}

@test "bond0 made by the module is reused, and so is one the module makes during the run" {
	unload_bonding
	run_x modprobe -C /dev/null bonding
	run_x "$ENGINE" apply bond0 'mode=active-backup miimon=100' --slaves d0,d1
	[ "$(link_field bond0 .linkinfo.info_data.mode)" = active-backup ]
	[ "$(link_field d1 .master)" = bond0 ]
	# The module is loaded by our own request and creates bond0 before it
	# lands: the engine meets EEXIST for a bond that did not exist.
	unload_bonding
	echo "options bonding max_bonds=1" >/etc/modprobe.d/zz-bondcfg-test.conf
	run_x "$ENGINE" apply bond0 'mode=balance-xor miimon=100' --slaves d0
	[ "$(link_field bond0 .linkinfo.info_data.mode)" = balance-xor ]
	[ "$(link_field d0 .master)" = bond0 ]
}

@test "a slave that is up with addresses is taken down, enslaved, and the bond comes up" {
	ip addr add 192.0.2.10/24 dev d0
	[ "$(link_field d0 .operstate)" != DOWN ]
	run_x "$ENGINE" apply bt 'mode=active-backup miimon=100' --slaves d0
	[ "$(link_field d0 .master)" = bt ]
	[[ "$(link_field bt .flags | tr -d '[]\" \n')" == *UP* ]]
}

@test "slaves of another bond are refused unless forced" {
	run_x "$ENGINE" apply bt 'mode=active-backup miimon=100' --slaves d0
	before=$(settled_links)
	expected_rc=1 run_x "$ENGINE" apply bt2 'mode=active-backup' --slaves d0
	assert_output_contains "error: bt2: cannot enslave d0: it is a slave of bt (release it there first, or force)"
	assert_output_contains "changes sent: 0"
	[ "$(settled_links)" = "$before" ]
	run_x "$ENGINE" apply bt2 'mode=active-backup' --slaves d0 --force
	[ "$(link_field d0 .master)" = bt2 ]
}

@test "the bond itself, a loopback and a missing device are refused before anything is sent" {
	run_x "$ENGINE" apply bt 'mode=active-backup' --slaves d0
	before=$(settled_links)
	expected_rc=1 run_x "$ENGINE" apply bt 'mode=active-backup' --slaves bt,lo,nosuch0
	assert_output_contains "error: bt: cannot enslave a bond to itself"
	assert_output_contains "error: bt: cannot enslave lo: it is a loopback device"
	assert_output_contains "error: bt: cannot enslave nosuch0: no such device"
	assert_output_contains "changes sent: 0"
	[ "$(settled_links)" = "$before" ]
}

@test "a name taken by another kind of device is refused" {
	expected_rc=1 run_x "$ENGINE" apply d3 'mode=active-backup'
	assert_output_contains "error: d3: a dummy device of that name exists and is not a bond"
}
