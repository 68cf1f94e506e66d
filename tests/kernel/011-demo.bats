#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# The README's demo (scripts/demo-vm) with what it promises asserted, so
# that it cannot rot: examples/debian-lacp brought up by Debian's ifupdown
# and our hooks, each slave a veth to an 802.3ad bond in the namespace
# "switch", a real LACP partner. After `bondcfg wait`: both slaves up in
# one aggregator, the switch as partner, LACP in sync, collecting and
# distributing on both ends, the switch answering pings; after `ifdown -a`
# the devices as they were. Read back with `ip -d -j link show`.

load ../helpers
load kernel

DEBS=$SRCDIR/tests/debs
DEMO=$SRCDIR/scripts/demo-vm
EXAMPLE=$SRCDIR/examples/debian-lacp

setup_file() {
	announce_kernel
	require_kernel
	ls "$DEBS"/bondcfg_*.deb "$DEBS"/ifupdown_*.deb >/dev/null 2>&1 ||
		skip "no packages in tests/debs: run scripts/build-deb"
}

setup() {
	kernel_setup
	rm -rf /run/network /run/bondcfg /etc/network/interfaces.d
	ip netns del switch 2>/dev/null || true
}

teardown() {
	ifdown -a --force >/dev/null 2>&1 || true
	ip netns del switch 2>/dev/null || true
	ip link del enp1s0 2>/dev/null || true
	ip link del enp2s0 2>/dev/null || true
	kernel_teardown
}

# The LACP state names ip shows for a port, sorted, space-separated.
lacp_state() {
	link_json "$1" | gojq -r ".[0].linkinfo.info_slave_data.$2 | sort | join(\" \")"
}

@test "demo: after ifup -a and bondcfg wait, two slaves in one aggregator with the switch as LACP partner, and pings answered; after ifdown -a, the devices as before" {
	local up_output
	TEST_TIMEOUT=300 run_x "$DEMO" --no-down "$EXAMPLE"
	up_output=$output
	assert_output_contains "bond0: created"
	assert_output_contains "settled after "
	# a warning in the demo would be a real problem
	if grep -E '(^|: )(warning|error): ' <<<"$output"; then
		return 1
	fi
	assert_output_contains "slaves:            2, 2 up"
	assert_output_contains "3 packets transmitted, 3 received, 0% packet loss"
	assert_output_contains "    system priority: 100"

	# ip's reading of the same state
	[ "$(link_field bond0 .linkinfo.info_data.mode)" = 802.3ad ]
	[ "$(link_field bond0 .operstate)" = UP ]
	local agg partner sw_mac s
	agg=$(link_field bond0 .linkinfo.info_data.ad_info.aggregator)
	partner=$(link_field bond0 .linkinfo.info_data.ad_info.partner_mac)
	sw_mac=$(ip -n switch -j link show swbond | gojq -r '.[0].address')
	[ "$partner" = "$sw_mac" ]
	[ "$(link_field bond0 .linkinfo.info_data.ad_info.num_ports)" = 2 ]
	for s in enp1s0 enp2s0; do
		[ "$(link_field "$s" .master)" = bond0 ]
		[ "$(link_field "$s" .linkinfo.info_slave_data.mii_status)" = UP ]
		[ "$(link_field "$s" .linkinfo.info_slave_data.state)" = ACTIVE ]
		[ "$(link_field "$s" .linkinfo.info_slave_data.ad_aggregator_id)" = "$agg" ]
		[ "$(lacp_state "$s" ad_actor_oper_port_state_str)" = "active aggregating collecting distributing in_sync short_timeout" ]
		[ "$(lacp_state "$s" ad_partner_oper_port_state_str)" = "active aggregating collecting distributing in_sync short_timeout" ]
	done
	# and the switch's view: both ports in its aggregator, our bond as partner
	[ "$(ip -n switch -d -j link show swbond | gojq -r '.[0].linkinfo.info_data.ad_info.partner_mac')" = "$(link_field bond0 .address)" ]
	[ "$(ip -n switch -d -j link show swbond | gojq -r '.[0].linkinfo.info_data.ad_info.num_ports')" = 2 ]
	run_x "$BONDCFG" show --json bond0
	[ "$(gojq '.bonds[0].warnings | length' <<<"$output")" = 0 ]

	# the rest of the demo: ifdown -a; the veths as listed before ifup and
	# after ifdown: the same lines, and no bond left (the switch is gone
	# now, and the veths with it)
	TEST_TIMEOUT=300 run_x "$DEMO" --down-only "$EXAMPLE"
	local before after
	before=$(sed -n '/^--- the slaves before ifup -a$/,/^$/p' <<<"$up_output" | sed '1d;/^$/d')
	after=$(sed -n '/^--- the slaves after ifdown -a$/,$p' <<<"$output" | sed '1d;/^$/d')
	[ -n "$before" ]
	[ "$(wc -l <<<"$before")" = 2 ]
	[[ "$before" == *"enp1s0@"*"DOWN"* ]]
	[ "$after" = "$before" ]
	[ ! -e /sys/class/net/bond0 ]
	! ip netns list | grep -q switch
}

@test "bondcfg wait: an 802.3ad bond without a partner does not settle; the reason and exit 1 after the timeout" {
	run_x ip link add dd0 type dummy
	run_x ip link add bw type bond mode 802.3ad miimon 100 lacp_rate fast
	run_x ip link set dd0 master bw
	run_x ip link set bw up
	run "$BONDCFG" wait --timeout 3 bw
	[ "$status" -eq 1 ]
	[[ "$output" == "bondcfg: wait: bw has not settled after 3 s: "* ]]
	assert_output_contains "no LACP partner answers"
	run "$BONDCFG" wait --timeout 1 nosuch
	[ "$status" -eq 1 ]
	[ "$output" = "bondcfg: wait: nosuch: no such device" ]
	ip link del bw
}
