# SPDX-License-Identifier: GPL-2.0-or-later
# Loaded by every kernel test after ../helpers: the set-up of the test VM's
# kernel, and the independent reader, `ip -d -j link show`, with its JSON
# read by gojq (jq's Go implementation, same language). Under the VM's
# software emulation every process counts: gojq starts in a quarter of
# jq's time, and the suite reads JSON some thousands of times.

# bond_names (../helpers) reads with the same.
JQ=gojq

# kernel_lacks: what the running kernel of the suite lacks among the
# options and values the option table dates (NAME for an option,
# NAME=VALUE for a value), in the table's order. Debian's 6.1.176 and
# 6.12.117 have coupled_control and actor_port_prio, which came back to
# those series (6.1.149, 6.1.175, 6.12.95). tests/kernel/003-engine.bats
# checks the list against the engine and against the kernel itself.
kernel_lacks() {
	case $(uname -r) in
	5.10.*) echo "xmit_hash_policy=vlan+srcmac ad_select=actor_port_prio lacp_active arp_missed_max ns_ip6_target coupled_control broadcast_neighbor lacp_strict prio actor_port_prio" ;;
	6.1.* | 6.12.*) echo "ad_select=actor_port_prio broadcast_neighbor lacp_strict" ;;
	*) echo "" ;;
	esac
}

# require_kernel: skip unless we are root in the test VM (or on a host that
# explicitly allows changing its links, BONDCFG_TEST_HOST_KERNEL=1).
require_kernel() {
	if [ "${BONDVM:-}" != 1 ] && [ "${BONDCFG_TEST_HOST_KERNEL:-}" != 1 ]; then
		skip "kernel tests run in the test VM (tests/vm/bondvm)"
	fi
	[ "$EUID" = 0 ] || skip "kernel tests need root"
}

# kernel_clean: no bond, dummy or nlmon device left. Unloading their
# modules deletes every device of theirs, in any namespace, with one process.
kernel_clean() {
	local mods=() m

	for m in bonding dummy nlmon; do
		[ ! -d "/sys/module/$m" ] || mods+=("$m")
	done
	[ ${#mods[@]} -eq 0 ] || rmmod "${mods[@]}"
}

# kernel_setup: the start of every kernel test: root in the VM, no bonds,
# bonding loaded with the driver's defaults but no bond0 (modprobe.d
# ignored: Debian's systemd ships `options bonding max_bonds=0` there, a
# test may write its own), dummy loaded without devices.
kernel_setup() {
	require_kernel
	kernel_clean
	printf 'options bonding max_bonds=0\noptions dummy numdummies=0\n' \
		>"$BATS_TEST_TMPDIR/modprobe.conf"
	modprobe -a -C "$BATS_TEST_TMPDIR/modprobe.conf" bonding dummy
}

# bondcfg_setup: kernel_setup, and bondcfg's run folder (lock, slave
# records) in the test's own; BONDCFG exported for the hooks that call it.
bondcfg_setup() {
	kernel_setup
	export BONDCFG BONDCFG_RUN_DIR=$BATS_TEST_TMPDIR/run
}

# ifcfg_setup: bondcfg_setup, and an ifcfg tree in $ROOT, its
# network-scripts folder in $NS, for ifcfg.
ifcfg_setup() {
	bondcfg_setup
	ROOT=$BATS_TEST_TMPDIR/root
	NS=$ROOT/etc/sysconfig/network-scripts
	mkdir -p "$NS"
}

# ifcfg BOND "OPTIONS" SLAVE...: an ifcfg bond and its slave files in $NS.
ifcfg() {
	local bond=$1 opts=$2 dev

	shift 2
	printf 'DEVICE=%s\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="%s"\nONBOOT=yes\n' \
		"$bond" "$opts" >"$NS/ifcfg-$bond"
	for dev in "$@"; do
		printf 'DEVICE=%s\nMASTER=%s\nSLAVE=yes\nONBOOT=yes\n' \
			"$dev" "$bond" >"$NS/ifcfg-$dev"
	done
}

# opened_dummies DEV...: dummies, each opened once and left down: a
# device's first opening gives it a qdisc (noop becomes noqueue), which no
# request undoes, so that before/after comparisons see only what a run
# changes.
opened_dummies() {
	local d

	for d in "$@"; do
		printf 'link add %s type dummy\nlink set %s up\nlink set %s down\n' "$d" "$d" "$d"
	done | ip -batch -
}

# engine_setup: kernel_setup, and dummies d0..d3 opened once, d0 up: the
# start of the tests of tests/bond-engine.
engine_setup() {
	kernel_setup
	opened_dummies d0 d1 d2 d3
	ip link set d0 up
}

# announce_kernel: names the kernel in the TAP output (from setup_file).
announce_kernel() {
	echo "# kernel $(uname -r)" >&3
}

# link_json DEV: the independent reader, `ip -d -j link show`.
link_json() {
	ip -d -j link show dev "$1"
}

# link_field DEV JQ-FILTER: one value from link_json, e.g. '.linkinfo.info_kind'.
link_field() {
	link_json "$1" | gojq -r ".[0]$2"
}

# settled_links: `ip -d -j link show` once two readings 1.1 s apart agree
# (the kernel's link watch reports carrier changes up to a second late).
settled_links() {
	local prev="" now i

	for i in $(seq 10); do
		now=$(ip -d -j link show)
		[ "$now" = "$prev" ] && break
		prev=$now
		sleep 1.1
	done
	printf '%s\n' "$now"
}

# unload_bonding: no bond and no bonding module (the module deletes its
# bonds).
unload_bonding() {
	[ ! -d /sys/module/bonding ] || rmmod bonding
}

# kernel_teardown: the end of every kernel test: bonds, dummies and nlmon
# devices gone.
kernel_teardown() {
	kernel_clean
}

# dummies DEV...: a dummy device of each name, with one ip process.
dummies() {
	local dev

	for dev in "$@"; do
		printf 'link add %s type dummy\n' "$dev"
	done | ip -batch - || { echo "# ip could not make the dummies $*" >&2; return 1; }
}

# devices: a snapshot of what taking a bond down must give back: name,
# master, state, MAC and MTU of each dummy.
devices() {
	ip -j link show type dummy |
		gojq -c '[.[] | {ifname, master, up: (.flags | index("UP") != null), address, mtu}] | sort_by(.ifname)'
}

# address_of DEV: its IPv4 addresses, ADDRESS/PREFIX, on one line.
address_of() {
	ip -j addr show dev "$1" | gojq -r '[.[0].addr_info[] | select(.family == "inet") | "\(.local)/\(.prefixlen)"] | join(" ")'
}

# bond_info BOND JQ-PATH: one value of the bond's info_data, e.g. .miimon.
bond_info() {
	link_field "$1" ".linkinfo.info_data$2"
}

# slaves_of BOND: its slaves, sorted, on one line.
slaves_of() {
	ip -j link show master "$1" | gojq -r '[.[].ifname] | sort | join(" ")'
}

# scenario_dummies ROOT: a dummy device for each slave of the first bond
# that ROOT configures; their names in $BOND_0_SLAVES.
scenario_dummies() {
	local dev

	run_x "$IFCFG_BOND_PARSE" --root "$1" --format=shell
	eval "$(sed -n '/^BOND_/p' <<<"$output")"
	for dev in $BOND_0_SLAVES; do
		run_x ip link add "$dev" type dummy
	done
}

# scenario_copy NAME: a copy of tests/fixtures/scenarios/NAME/root in
# $BONDCFG_ROOT (exported, for bondcfg and the hooks), a dummy for each of
# its slaves, and the devices as they are then in $BEFORE.
scenario_copy() {
	export BONDCFG_ROOT=$BATS_TEST_TMPDIR/root
	mkdir -p "$BONDCFG_ROOT"
	cp -r "$FIXTURES/scenarios/$1/root/." "$BONDCFG_ROOT/"
	scenario_dummies "$BONDCFG_ROOT"
	BEFORE=$(devices)
}

# expect_scenario NAME: bond0 is what tests/fixtures/scenarios/NAME/EXPECT.md
# wants of the bond, read back with one `ip -d -j link show`: the options
# as KEY=VALUE of its info_data (a list joined with commas), and its slaves.
expect_scenario() {
	local want got

	case $1 in
	centos-active-backup-primary) want="mode=active-backup miimon=100 primary=ens160 slaves=ens160,ens256" ;;
	centos-round-robin) want="mode=balance-rr miimon=100 slaves=eth0,eth1" ;;
	centos7-options-in-modprobe) want="mode=active-backup miimon=100 slaves=em1,em2" ;;
	debian-interfaces-lacp) want="mode=802.3ad ad_lacp_rate=fast xmit_hash_policy=layer3+4 miimon=100 updelay=200 downdelay=200 slaves=enp1s0,enp2s0" ;;
	gentoo-confd-net-modern) want="mode=balance-rr miimon=100 slaves=eth1,eth2" ;;
	rclocal-ifenslave-arp) want="mode=active-backup arp_interval=500 arp_ip_target=192.168.101.254 arp_validate=all primary=eth0 slaves=eth0,eth1" ;;
	*)
		echo "# expect_scenario: no expectations for $1" >&2
		return 1
		;;
	esac
	got=$(ip -d -j link show | gojq -r --arg want "$want" '. as $links
		| ($links[] | select(.ifname == "bond0") | .linkinfo.info_data) as $d
		| [$want | split(" ")[] | split("=")[0] as $k
			| if $k == "slaves" then
				"slaves=\([$links[] | select(.master == "bond0") | .ifname] | sort | join(","))"
			else
				"\($k)=\($d[$k] | if type == "array" then join(",") else tostring end)"
			end]
		| join(" ")')
	[ "$got" = "$want" ] || { printf '# bond0 of %s as ip reads it:\n#   %s\n# want:\n#   %s\n' "$1" "$got" "$want" >&2; return 1; }
}

# --- fault injection (012, 014) ---------------------------------------

# links: what ip reads, without what no request sets: ifindexes (a bond
# created again has another), the LACP state bits and aggregator ids of
# 802.3ad ports, which move on their own, and a slave's link failure
# counter (6.12 counts one when its bond goes down and up again). gojq
# prints keys sorted.
links() {
	ip -d -j link show | gojq -c 'map(del(.ifindex,
		.linkinfo.info_data.ad_info?,
		.linkinfo.info_slave_data.link_failure_count?,
		.linkinfo.info_slave_data.ad_aggregator_id?,
		.linkinfo.info_slave_data.ad_actor_oper_port_state?,
		.linkinfo.info_slave_data.ad_actor_oper_port_state_str?,
		.linkinfo.info_slave_data.ad_partner_oper_port_state?,
		.linkinfo.info_slave_data.ad_partner_oper_port_state_str?))
		| sort_by(.ifname) | .[]'
}

# same_as BEFORE: links reads BEFORE within 5 s (the link watch reports
# carrier and operstate up to a second late); else the difference is shown.
same_as() {
	local now i

	for i in $(seq 10); do
		now=$(links)
		[ "$now" = "$1" ] && return 0
		sleep 0.5
	done
	echo "# links differ (< before, > after):" >&2
	diff <(echo "$1") <(echo "$now") | sed 's/^/#   /' >&2
	return 1
}

# reset: no bond, the dummies d0..d3 made anew (fixed addresses, opened
# once, down) and d0 up. Made anew, not reused: balance-alb sets its active
# slave promiscuous for a while after a failover, and a bond deleted in
# that while leaves the count on the dummy, a state no request of ours
# sets.
reset() {
	local d i=0

	{
		ip -j link show type bond | gojq -r '.[].ifname' | sed 's/^/link del /'
		for d in d0 d1 d2 d3; do
			printf 'link del %s
' "$d"
		done
	} | ip -force -batch - 2>/dev/null || true
	for d in d0 d1 d2 d3; do
		printf 'link add %s address 02:00:00:00:0d:%02x type dummy
link set %s up
link set %s down
' \
			"$d" "$i" "$d" "$d"
		i=$((i + 1))
	done | ip -batch -
	ip link set d0 up
}
