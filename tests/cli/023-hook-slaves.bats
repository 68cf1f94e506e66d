#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# bondcfg ifup --print-slaves, for Debian's pre-up hook: the slave stanzas
# to bring up through ifup with a bond, from the auto and allow- lines and
# the bond-master keys of /etc/network/interfaces, on stdout alone. What
# the hook does with them is tested in the VM (tests/kernel/009-ifupdown.bats).

load ../helpers

# tree DIR: an interfaces file under DIR whose bond0 stanza is $1 (empty:
# none), with slave stanzas in allow-bond0 and auto lines.
tree() {
	mkdir -p "$1/etc/network"
	cat >"$1/etc/network/interfaces" <<EOT
auto lo
iface lo inet loopback
$2
allow-bond0 eth2 eth1 eth2
iface eth2 inet manual
    bond-master bond0
iface eth1 inet manual
    bond-master bond0

auto eth3 eth4 eth5 eth3 bond0 eth6
iface eth3 inet manual
    bond-master bond0
iface eth4 inet manual
    bond-master bond1
iface eth5 inet6 manual
    bond-master bond0
iface eth5 inet manual
    bond-master bond1

allow-hotplug eth7
iface eth7 inet manual
    bond-master bond0
EOT
}

@test "ifup --print-slaves: allow-BOND names, then auto stanzas whose first bond-master is BOND; in order, once, none under way" {
	# no stanza of bond0's own: no work for ifup, only the list
	tree "$BATS_TEST_TMPDIR/root" ""
	run_split "$BONDCFG" --root "$BATS_TEST_TMPDIR/root" ifup --print-slaves bond0
	[ "$output" = "allow eth2
allow eth1
auto eth3
auto eth5" ]
	# ifupdown brings eth3 and eth2 up already (IFUPDOWN_<iface> is set)
	IFUPDOWN_eth3=pre-up IFUPDOWN_eth2=pre-up run_split "$BONDCFG" \
		--root "$BATS_TEST_TMPDIR/root" ifup --print-slaves bond0
	[ "$output" = "allow eth1
auto eth5" ]
	run_split "$BONDCFG" --root "$BATS_TEST_TMPDIR/root" ifup --print-slaves bond1
	[ "$output" = "auto eth4" ]
	# without the option, nothing on stdout; ifdown has no such option
	run_split "$BONDCFG" --root "$BATS_TEST_TMPDIR/root" ifup bond0
	[ -z "$output" ]
	expected_rc=2 run_x "$BONDCFG" ifdown --print-slaves bond0
}

@test "ifup --print-slaves BOND of a declared bond: the list alone on stdout, what was said on stderr" {
	local dir nobody=()

	dir=$(mktemp -d "${TMPDIR:-/tmp}/bondcfg-hook.XXXXXX")
	chmod 755 "$dir"
	tree "$dir" "
auto bond0
iface bond0 inet manual
    bond-slaves none
    bond-mode 802.3ad
"
	# unprivileged, so that nothing on this host changes: exit 4
	if [ "$(id -u)" = 0 ]; then
		command -v setpriv >/dev/null || skip "root without setpriv"
		nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
		"${nobody[@]}" test -x "$BONDCFG" -a -r "$dir/etc/network/interfaces" ||
			{ rm -rf "$dir"; skip "the build tree is not reachable for an unprivileged user"; }
	fi
	expected_rc=4 run_split "${nobody[@]}" "$BONDCFG" --root "$dir" ifup --print-slaves bond0
	rm -rf "$dir"
	[ "$output" = "allow eth2
allow eth1
auto eth3
auto eth5" ]
	[[ "$err" == *"changing bonds needs CAP_NET_ADMIN"* ]]
}
