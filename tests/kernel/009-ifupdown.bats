#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# The Debian package on the real driver with Debian's own ifupdown: the
# package (scripts/build-deb, in tests/debs) installed over Debian's
# ifenslave in the test VM, then the debian-interfaces-lacp scenario through
# `ifup -a`, `ifup enp2s0` alone and `ifdown -a`: real ifupdown, real
# hooks, real driver. Every result is read back with `ip -d -j link show`.

load ../helpers
load kernel

SC=$FIXTURES/scenarios
DEBS=$BUILDDIR/tests/debs

setup_file() {
	announce_kernel
	require_kernel
	ls "$DEBS"/bondcfg_*.deb "$DEBS"/ifupdown_*.deb "$DEBS"/ifenslave_*.deb >/dev/null 2>&1 ||
		skip "no packages in tests/debs: run scripts/build-deb"
	# Debian's ifupdown and ifenslave first, then ours over ifenslave
	dpkg -i "$DEBS"/ifupdown_*.deb "$DEBS"/ifenslave_*.deb >"$BATS_FILE_TMPDIR/dpkg-ifenslave.log" 2>&1
	dpkg -i "$DEBS"/bondcfg_*.deb >"$BATS_FILE_TMPDIR/dpkg-bondcfg.log" 2>&1
}

setup() {
	[ -x /usr/sbin/bondcfg ] || skip "the package is not installed (see setup_file)"
	kernel_setup
	rm -rf /run/network /run/bondcfg
	mkdir -p /run/network
	rm -rf /etc/network/interfaces.d
	cp -r "$SC/debian-interfaces-lacp/root/etc/network/." /etc/network/
	dummies enp1s0 enp2s0
	BEFORE=$(devices)
}

teardown() {
	ifdown -a --force >/dev/null 2>&1 || true
	kernel_teardown
}

# ifdown BOND: no error, no bond left, the devices as before.
ifdown_gives_back() {
	run_x ifdown "$1"
	no_errors
	[ -z "$(bond_names)" ]
	[ "$(devices)" = "$BEFORE" ]
}

no_errors() {
	if grep -E -i 'error|failed|No such file|RTNETLINK' <<<"$output"; then
		return 1
	fi
}

@test "the package replaced Debian's ifenslave; its hooks are ours, and ifenslave's left-over ones are diverted aside" {
	[ "$(dpkg-query -W -f '${Status}' bondcfg)" = "install ok installed" ]
	[[ "$(dpkg-query -W -f '${Status}' ifenslave 2>/dev/null)" != *"ok installed" ]]
	for phase in pre-up up post-down; do
		[ -x "/etc/network/if-$phase.d/bondcfg" ]
		grep -q /usr/sbin/bondcfg "/etc/network/if-$phase.d/bondcfg"
	done
	# the three commands and their man pages
	[ "$(dpkg -S /usr/sbin/ifenslave)" = "bondcfg: /usr/sbin/ifenslave" ]
	for f in /usr/sbin/bondcfg /usr/sbin/ifenslave /usr/bin/ifcfg-bond-parse; do
		[ -x "$f" ]
		[ "$(dpkg -S "$f" | cut -d: -f1)" = bondcfg ]
		[ -f "/usr/share/man/man8/${f##*/}.8.gz" ]
	done
	version=$(dpkg-query -W -f '${Version}' bondcfg)
	[ -n "$version" ]
	run_x /usr/sbin/ifenslave -V
	assert_output_contains "$version"
	# ifenslave, removed, left its hooks (conffiles): diverted aside, under
	# a name run-parts does not run, and known to dpkg as ours
	for phase in pre-up up post-down; do
		[ ! -e "/etc/network/if-$phase.d/ifenslave" ]
		[ -f "/etc/network/if-$phase.d/ifenslave.bondcfg-disabled" ]
		[ "$(dpkg-divert --listpackage "/etc/network/if-$phase.d/ifenslave")" = bondcfg ]
	done
	[ -z "$(run-parts --test /etc/network/if-pre-up.d | grep ifenslave)" ]
}

@test "the package ships the metrics timer disabled, not the boot service; the service's command writes metrics that promtool accepts" {
	dpkg -L bondcfg | grep -qx /lib/systemd/system/bondcfg-metrics.timer
	dpkg -L bondcfg | grep -qx /lib/systemd/system/bondcfg-metrics.service
	! dpkg -L bondcfg | grep -q '/bondcfg.service$'
	[ ! -e /etc/systemd/system/timers.target.wants/bondcfg-metrics.timer ]
	# its ExecStart, as systemd would run it, into node_exporter's folder
	local cmd
	cmd=$(sed -n 's/^ExecStart=//p' /lib/systemd/system/bondcfg-metrics.service)
	[[ "$cmd" == "/usr/sbin/bondcfg show --format=prometheus --output=/var/lib/prometheus/node-exporter/bondcfg.prom" ]]
	mkdir -p /var/lib/prometheus/node-exporter
	run_x ifup -a
	read -ra argv <<<"$cmd"
	run_x "${argv[@]}"
	run_x promtool check metrics </var/lib/prometheus/node-exporter/bondcfg.prom
	grep -qx 'bondcfg_bond_present{bond="bond0"} 1' /var/lib/prometheus/node-exporter/bondcfg.prom
	grep -qx 'bondcfg_bond_slaves_present{bond="bond0"} 2' /var/lib/prometheus/node-exporter/bondcfg.prom
	[ "$(stat -c %a /var/lib/prometheus/node-exporter/bondcfg.prom)" = 644 ]
	[ "$(ls /var/lib/prometheus/node-exporter)" = bondcfg.prom ]
}

@test "debian-interfaces-lacp: ifup -a builds the bond and its address; ifdown -a gives the devices back" {
	run_x ifup -a
	no_errors
	expect_scenario debian-interfaces-lacp
	[ "$(address_of bond0)" = 198.51.100.20/24 ]
	[ "$(link_field bond0 '.flags | index("UP") != null')" = true ]
	ifquery --state bond0
	ifquery --state enp1s0
	run_x ifdown -a
	no_errors
	[ -z "$(bond_names)" ]
	[ "$(devices)" = "$BEFORE" ]
}

@test "debian-interfaces-lacp: ifup enp2s0 alone brings up bond0 with both slaves, each through ifup: ifupdown knows all three up" {
	run_x ifup enp2s0
	no_errors
	expect_scenario debian-interfaces-lacp
	[ "$(address_of bond0)" = 198.51.100.20/24 ]
	ifquery --state bond0
	# the sibling came up through ifup, not behind ifupdown's back
	ifquery --state enp1s0
	ifquery --state enp2s0
	run_x ifdown enp1s0
	no_errors
	[ "$(slaves_of bond0)" = enp2s0 ]
	run_x ifdown bond0
	[ -z "$(bond_names)" ]
}

@test "ifdown and ifup of one slave release and enslave it" {
	run_x ifup -a
	run_x ifdown enp1s0
	no_errors
	[ "$(slaves_of bond0)" = enp2s0 ]
	run_x ifup enp1s0
	no_errors
	[ "$(slaves_of bond0)" = "enp1s0 enp2s0" ]
}

@test "an edited bond-* option applies on the next ifdown/ifup of the bond" {
	run_x ifup -a
	sed -i 's/bond-miimon 100/bond-miimon 250/' /etc/network/interfaces
	run_x ifdown bond0
	run_x ifup bond0
	[ "$(bond_info bond0 .miimon)" = 250 ]
	[ "$(slaves_of bond0)" = "enp1s0 enp2s0" ]
}

@test "an unknown bond-* key is named with file, line and the key meant; ifup builds the bond without it" {
	sed -i 's/bond-miimon 100/bond-miimom 100/' /etc/network/interfaces
	run_x ifup bond0
	assert_output_contains "/etc/network/interfaces:13: error: "
	assert_output_contains "bond-miimom"
	assert_output_contains "miimon"
	[ "$(bond_names)" = bond0 ]
	# the misspelt key is left out: 802.3ad gets the driver's default
	# miimon, not the 250 written there
	sed -i 's/bond-miimom 100/bond-miimom 250/' /etc/network/interfaces
	run_x ifdown bond0
	run_x ifup bond0
	[ "$(bond_info bond0 .mode)" = 802.3ad ]
	[ "$(bond_info bond0 .miimon)" != 250 ]
	[ "$(slaves_of bond0)" = "enp1s0 enp2s0" ]
}

@test "with /etc/bondcfg/strict an unknown bond-* key makes ifup fail; nothing is built" {
	sed -i 's/bond-miimon 100/bond-miimom 100/' /etc/network/interfaces
	mkdir -p /etc/bondcfg
	: >/etc/bondcfg/strict
	run ifup bond0
	rm -f /etc/bondcfg/strict
	[ "$status" -ne 0 ]
	[[ "$output" == *"bond0: not changed: its configuration has errors"* ]]
	[ -z "$(bond_names)" ]
	[ "$(link_field enp1s0 .master)" = null ]
}

# interfaces TEXT: /etc/network/interfaces is TEXT, and nothing else.
interfaces() {
	rm -rf /etc/network/interfaces.d
	printf '%s\n' "$1" >/etc/network/interfaces
}

@test "bond-slaves as a list, slaves without stanzas: ifup bond0 enslaves them; ifdown bond0 gives them back" {
	interfaces 'auto bond0
iface bond0 inet static
    address 198.51.100.20/24
    bond-slaves enp1s0 enp2s0
    bond-mode active-backup
    bond-miimon 100
    bond-primary enp2s0'
	run_x ifup bond0
	no_errors
	[ "$(bond_info bond0 .mode)" = active-backup ]
	[ "$(bond_info bond0 .miimon)" = 100 ]
	[ "$(bond_info bond0 .primary)" = enp2s0 ]
	[ "$(slaves_of bond0)" = "enp1s0 enp2s0" ]
	[ "$(address_of bond0)" = 198.51.100.20/24 ]
	ifdown_gives_back bond0
}

@test "bond-slaves as a list, slaves with stanzas of their own brought up first: ifup -a enslaves them in any order" {
	interfaces 'auto enp1s0
iface enp1s0 inet manual

auto bond0
iface bond0 inet static
    address 198.51.100.20/24
    bond-slaves enp1s0 enp2s0
    bond-mode balance-xor
    bond-xmit-hash-policy layer2+3

auto enp2s0
iface enp2s0 inet manual'
	run_x ifup -a
	no_errors
	[ "$(bond_info bond0 .mode)" = balance-xor ]
	[ "$(bond_info bond0 .xmit_hash_policy)" = layer2+3 ]
	[ "$(slaves_of bond0)" = "enp1s0 enp2s0" ]
	ifquery --state enp1s0
	ifquery --state enp2s0
	run_x ifdown -a
	no_errors
	[ -z "$(bond_names)" ]
}

@test "allow-bond0: ifup bond0 brings up the slaves named there with their own stanzas; ifdown bond0 takes them down" {
	interfaces 'auto bond0
iface bond0 inet static
    address 198.51.100.20/24
    bond-slaves none
    bond-mode 802.3ad
    bond-miimon 100

allow-bond0 enp1s0 enp2s0
iface enp1s0 inet manual
    bond-master bond0
iface enp2s0 inet manual
    bond-master bond0'
	run_x ifup bond0
	no_errors
	[ "$(bond_info bond0 .mode)" = 802.3ad ]
	[ "$(slaves_of bond0)" = "enp1s0 enp2s0" ]
	# ifupdown configured the slaves' stanzas, not only bondcfg
	ifquery --state enp1s0
	ifquery --state enp2s0
	run_x ifdown bond0
	no_errors
	[ -z "$(bond_names)" ]
	run ifquery --state enp1s0
	[ "$status" -ne 0 ]
	[ "$(devices)" = "$BEFORE" ]
}

@test "a slave stanza without auto joins only on its own ifup: ifup bond0 enslaves the auto one; ifup enp2s0 adds it" {
	# the scenario's slaves, enp2s0 without its auto line
	sed -i '/^auto enp2s0$/d' /etc/network/interfaces.d/slaves
	run ifquery --list
	[[ "$output" != *enp2s0* ]]
	run_x ifup bond0
	no_errors
	[ "$(bond_info bond0 .mode)" = 802.3ad ]
	[ "$(slaves_of bond0)" = enp1s0 ]
	ifquery --state enp1s0
	run ifquery --state enp2s0
	[ "$status" -ne 0 ]
	run_x ifup enp2s0
	no_errors
	[ "$(slaves_of bond0)" = "enp1s0 enp2s0" ]
	ifdown_gives_back bond0
}

@test "a bond that inherits a template: ifup -a builds it with the template's options and its own slaves" {
	interfaces 'iface lacp inet manual
    bond-mode 802.3ad
    bond-miimon 100
    bond-lacp-rate fast

auto bond0
iface bond0 inet static inherits lacp
    address 198.51.100.20/24
    bond-slaves enp1s0 enp2s0'
	run_x ifup -a
	no_errors
	[ "$(bond_info bond0 .mode)" = 802.3ad ]
	[ "$(bond_info bond0 .miimon)" = 100 ]
	[ "$(bond_info bond0 .ad_lacp_rate)" = fast ]
	[ "$(slaves_of bond0)" = "enp1s0 enp2s0" ]
	[ "$(address_of bond0)" = 198.51.100.20/24 ]
	# the template is no interface of its own
	[ "$(bond_names)" = bond0 ]
	run_x ifdown -a
	no_errors
	[ -z "$(bond_names)" ]
}

# bonds N: /etc/network/interfaces with N LACP bonds bN, each of one dummy
# slave eN, all auto.
bonds() {
	local i text=''

	for i in $(seq 0 $(($1 - 1))); do
		text+="auto b$i
iface b$i inet manual
    bond-slaves e$i
    bond-mode 802.3ad
    bond-miimon 100

"
	done
	seq 0 $(($1 - 1)) | sed 's/.*/link add e& type dummy/' | ip -batch -
	interfaces "$text"
}

@test "ifup -a and ifdown -a of 20 bonds print no line of ifenslave's hooks, and nothing but what ours say" {
	bonds 20
	# ifupdown runs every hook once per bond: under emulation, minutes
	TEST_TIMEOUT=600 run_x ifup -a
	[[ $output != *ifenslave* ]]
	no_errors
	[ "$(bond_names | wc -w)" = 20 ]
	[ "$(slaves_of b19)" = e19 ]
	[ "$(bond_info b7 .mode)" = 802.3ad ]
	TEST_TIMEOUT=600 run_x ifdown -a
	[[ $output != *ifenslave* ]]
	no_errors
	[ -z "$(bond_names)" ]
}

# Last: the package goes. (The tests before it run with it installed.)
@test "removing bondcfg gives ifenslave's hooks back; ifenslave installed again builds the bond with them" {
	# dpkg's man-db trigger, under emulation beside other VMs, took more
	# than run_x's 30 s
	TEST_TIMEOUT=300 run_x dpkg -r bondcfg
	for phase in pre-up up post-down; do
		[ -f "/etc/network/if-$phase.d/ifenslave" ]
		[ ! -e "/etc/network/if-$phase.d/ifenslave.bondcfg-disabled" ]
		[ -z "$(dpkg-divert --listpackage "/etc/network/if-$phase.d/ifenslave")" ]
	done
	[ ! -e /usr/sbin/bondcfg ]
	TEST_TIMEOUT=300 run_x dpkg -i "$DEBS"/ifenslave_*.deb
	[ "$(dpkg-query -W -f '${Status}' ifenslave)" = "install ok installed" ]
	# Debian's own hooks, through sysfs, as before bondcfg came; ours,
	# conffiles kept until a purge, do nothing without bondcfg
	run_x ifup -a
	no_errors
	[ "$(link_field bond0 .linkinfo.info_kind)" = bond ]
	[ "$(bond_info bond0 .mode)" = 802.3ad ]
	[ "$(slaves_of bond0)" = "enp1s0 enp2s0" ]
	run ifdown -a
	[ -z "$(bond_names)" ] || ip link del bond0
	# purged, none of ours is left
	TEST_TIMEOUT=300 run_x dpkg -P bondcfg
	[ -z "$(ls /etc/network/if-*.d/bondcfg 2>/dev/null)" ]
	[ -f /etc/network/if-pre-up.d/ifenslave ]
	# and bondcfg installed over it again takes over as the first time
	TEST_TIMEOUT=300 run_x dpkg -i "$DEBS"/bondcfg_*.deb
	[ -f /etc/network/if-pre-up.d/ifenslave.bondcfg-disabled ]
	[ ! -e /etc/network/if-pre-up.d/ifenslave ]
}
