#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# The configuration readers end to end: every scenario gives the bonds its
# EXPECT.md wants and reports the mistakes it names with file and line;
# then each format's rules, the merge, and the output forms.

load ../helpers

SC=$FIXTURES/scenarios

# bp ARG...: runs ifcfg-bond-parse; stdout in $output, stderr in $err.
bp() {
	run_split "$IFCFG_BOND_PARSE" "$@"
}

# has_line TEXT: stdout has the line TEXT.
has_line() {
	if ! grep -qxF -- "$1" <<<"$output"; then
		printf '# expected the line: %s\n# stdout:\n%s\n' "$1" "$output" >&2
		return 1
	fi
}

# has_diag PATH-SUFFIX LINE SEVERITY TEXT: a diagnostic on stderr for the
# file ending in PATH-SUFFIX, at LINE (or none when LINE is -), containing
# TEXT.
has_diag() {
	local where=$1 line
	[ "$2" = - ] || where="$1:$2"
	while IFS= read -r line; do
		case $line in
		*"$where: $3: "*"$4"*) return 0 ;;
		esac
	done <<<"$err"
	printf '# expected %s: %s: ...%s...\n# stderr:\n%s\n' "$where" "$3" "$4" "$err" >&2
	return 1
}

# no_diags: stderr is empty.
no_diags() {
	if [ -n "$err" ]; then
		printf '# expected no diagnostics, got:\n%s\n' "$err" >&2
		return 1
	fi
}

setup() {
	T=$BATS_TEST_TMPDIR/root
	mkdir -p "$T"
}

NS=etc/sysconfig/network-scripts

# --- the scenarios -------------------------------------------------------------

@test "scenario centos-active-backup-primary: comments after values" {
	bp --root "$SC/centos-active-backup-primary/root"
	no_diags
	has_line "[bond0]"
	has_line "options=mode=active-backup miimon=100 primary=ens160"
	has_line "slaves=ens160 ens256"
	has_line "addresses=192.168.1.22/24"
	has_line "onboot=yes"
}

@test "scenario centos-round-robin: a numeric mode prints by name" {
	bp --root "$SC/centos-round-robin/root"
	no_diags
	has_line "options=mode=balance-rr miimon=100"
	has_line "slaves=eth0 eth1"
	has_line "addresses=10.1.1.243/24"
}

@test "scenario centos7-options-in-modprobe: the bond, and its three mistakes" {
	bp --root "$SC/centos7-options-in-modprobe/root"
	has_line "options=mode=active-backup miimon=100"
	has_line "slaves=em1 em2"
	has_line "addresses=192.0.2.10/24"
	has_diag $NS/ifcfg-bond0 1 warning "bond0 is named as MASTER by"
	has_diag $NS/ifcfg-bond0 1 warning "its TYPE=Ethernet and it has neither BONDING_MASTER=yes nor BONDING_OPTS"
	has_diag etc/modprobe.d/bond0.conf 2 warning "put them in the bond's own configuration (BONDING_OPTS in ifcfg-bond0"
	has_diag $NS/ifcfg-em2 4 warning "no DEVICE=; bondcfg takes the device name em2 from NAME=, but the initscripts find the device only by DEVICE= or HWADDR= (add DEVICE=em2)"
}

@test "scenario debian-interfaces-lacp: bond-slaves none, slaves with bond-master" {
	bp --root "$SC/debian-interfaces-lacp/root"
	no_diags
	has_line "options=mode=802.3ad miimon=100 updelay=200 downdelay=200 xmit_hash_policy=layer3+4 lacp_rate=fast"
	has_line "slaves=enp1s0 enp2s0"
	has_line "addresses=198.51.100.20/24"
	has_line "onboot=yes"
}

@test "scenario gentoo-confd-net: preup() is skipped and named, slaves read" {
	bp --root "$SC/gentoo-confd-net/root"
	has_line "slaves=eth1 eth2"
	has_line "addresses=192.168.1.253/24"
	has_line "options="
	has_diag etc/conf.d/net 1 warning "preup() writes bonding/mode, bonding/miimon"
	has_diag etc/conf.d/net 1 warning "mode_bond0= miimon_bond0="
	# eth0 is no bond, and nothing else is said
	[ "$(grep -c '^\[' <<<"$output")" -eq 1 ]
	[ "$(wc -l <<<"$err")" -eq 1 ]
}

@test "scenario gentoo-confd-net-modern: the same bond from variables, no diagnostic" {
	bp --root "$SC/gentoo-confd-net-modern/root"
	no_diags
	has_line "options=mode=balance-rr miimon=100"
	has_line "slaves=eth1 eth2"
	has_line "addresses=192.168.1.253/24"
}

@test "scenario nmcli-generated-duplicates: three mistakes, one an error naming both files" {
	expected_rc=3 bp --root "$SC/nmcli-generated-duplicates/root"
	has_line "options=mode=active-backup miimon=100 primary=ens33 primary_reselect=always fail_over_mac=active"
	has_line "slaves=ens33"
	has_diag $NS/ifcfg-bond1 20 warning "BONDING_OPTS is assigned again; this value replaces the one from line 1"
	has_diag $NS/ifcfg-bond1 18 warning "the file is ifcfg-bond1 but DEVICE=bond0 and NAME=bond0"
	has_diag $NS/ifcfg-bond-slave-ens36 4 error "two files configure ens33: $SC/nmcli-generated-duplicates/root/$NS/ifcfg-bond-slave-ens33 and this one"
	has_diag $NS/ifcfg-bond-slave-ens36 4 error "same UUID"
}

@test "scenario rclocal-ifenslave-arp: options from modprobe.d, slaves from MASTER=" {
	bp --root "$SC/rclocal-ifenslave-arp/root"
	has_line "options=mode=active-backup arp_interval=500 arp_ip_target=192.168.101.254 arp_validate=all primary=eth0"
	has_line "slaves=eth0 eth1"
	has_diag $NS/ifcfg-bond0 1 warning "nothing here says it is a bond"
	has_diag etc/modprobe.d/dist.conf 2 warning "options for bond0 in modprobe.d"
}

@test "scenario rclocal-ifenslave-arp, root-conflict: miimon meets arp_interval, an error naming both lines" {
	expected_rc=3 bp --root "$SC/rclocal-ifenslave-arp/root-conflict"
	has_diag etc/modprobe.d/dist.conf 3 error "arp_interval and miimon (at $SC/rclocal-ifenslave-arp/root-conflict/etc/modprobe.d/dist.conf:2) exclude each other"
}

@test "every scenario is read by --check with the same exit status" {
	local s
	for s in "$SC"/*/root; do
		expected_rc=$([[ $s == *nmcli* ]] && echo 3 || echo 0) bp --check --root "$s"
		[ -z "$output" ]
	done
}

# --- ifcfg ----------------------------------------------------------------------

@test "ifcfg: backup copies, lo, alias and range files are skipped, as the network scripts skip them" {
	mkfile $NS/ifcfg-bond0 'DEVICE=bond0\nBONDING_OPTS="mode=1"\n'
	for sfx in '~' .bak .orig .rpmnew .rpmsave .old :1 -range0; do
		mkfile "$NS/ifcfg-bond0$sfx" 'DEVICE=bond0\nBONDING_OPTS="mode=4"\n'
	done
	mkfile $NS/ifcfg-lo 'DEVICE=lo\nIPADDR=127.0.0.1\n'
	mkfile $NS/ifcfg-eth0:1 'DEVICE=eth0:1\nIPADDR=192.0.2.9\n'
	bp --root "$T"
	no_diags
	has_line "options=mode=active-backup"
}

@test "ifcfg: BONDING_SLAVEn, MASTER_UUID, port options, MTU and MACADDR" {
	mkfile $NS/ifcfg-bond0 'DEVICE=bond0\nTYPE=Bond\nUUID=1111\nBONDING_OPTS=mode=1\nBONDING_SLAVE1=eth1\nBONDING_SLAVE0=eth0\nMTU=9000\nMACADDR=02:00:00:00:00:01\nONBOOT=no\n'
	mkfile $NS/ifcfg-eth2 'DEVICE=eth2\nMASTER_UUID=1111\nSLAVE=yes\nBOND_PORT_QUEUE_ID=3\nBOND_PORT_PRIO=-5\n'
	bp --root "$T"
	has_line "slaves=eth0 eth1 eth2"
	has_line "slave_options=queue_id=eth2:3 prio=eth2:-5"
	has_line "mtu=9000"
	has_line "hwaddr=02:00:00:00:00:01"
	has_line "onboot=no"
	# the slave list leaves eth2 out: said, and eth2 is enslaved anyway
	has_diag $NS/ifcfg-eth2 2 warning "leaves it out"
}

@test "ifcfg: MASTER= without SLAVE=yes, and a misspelt key" {
	mkfile $NS/ifcfg-bond0 'DEVICE=bond0\nBONDING_OPT="mode=1"\nTYPE=Bond\n'
	mkfile $NS/ifcfg-eth0 'DEVICE=eth0\nMASTER=bond0\n'
	bp --root "$T"
	has_diag $NS/ifcfg-bond0 2 warning "BONDING_OPT: unknown key, ignored; did you mean BONDING_OPTS?"
	has_diag $NS/ifcfg-eth0 2 warning "MASTER=bond0 without SLAVE=yes"
	has_line "slaves=eth0"
}

@test "ifcfg: a bad option in BONDING_OPTS is an error at its line" {
	mkfile $NS/ifcfg-bond0 '# bond\nDEVICE=bond0\nBONDING_OPTS="mode=1 miimom=100"\n'
	expected_rc=3 bp --root "$T"
	has_diag $NS/ifcfg-bond0 3 error "miimom: unknown option; did you mean miimon?"
}

@test "ifcfg: a MASTER no file declares still makes a bond, with a warning" {
	mkfile $NS/ifcfg-eth0 'DEVICE=eth0\nMASTER=bond7\nSLAVE=yes\n'
	bp --root "$T"
	has_line "[bond7]"
	has_diag $NS/ifcfg-eth0 2 warning "no configuration declares bond7"
}

@test "ifcfg: one file read alone, format from its name" {
	bp "$SC/centos-round-robin/root/$NS/ifcfg-bond0"
	has_line "options=mode=balance-rr miimon=100"
	has_line "slaves="
	expected_rc=3 bp "$T/ifcfg-missing"
	has_diag ifcfg-missing - error "cannot read: No such file or directory"
}

# --- modprobe.d -----------------------------------------------------------------

@test "modprobe.d: /etc overrides a file of the same name, files read in name order" {
	mkfile etc/modprobe.d/bonding.conf 'options bonding max_bonds=0\n'
	mkfile usr/lib/modprobe.d/bonding.conf 'options bonding max_bonds=4\n'
	mkfile usr/lib/modprobe.d/a.conf 'alias bond1 bonding\noptions bond1 mode=4 mii\\\nmon=100\n'
	mkfile lib/modprobe.d/notconf 'alias bond2 bonding\n'
	bp --root "$T"
	has_line "[bond1]"
	has_line "options=mode=802.3ad miimon=100"
	has_line "module_options=max_bonds=0"
	[[ "$output" != *bond2* ]]
}

@test "modprobe.d: options bonding set every bond's defaults; blacklist and install are named" {
	mkfile etc/modprobe.d/b.conf '# comment\nblacklist bonding\ninstall bonding /bin/true\noptions bonding miimon=250 max_bonds=0\n'
	mkfile $NS/ifcfg-bond0 'DEVICE=bond0\nBONDING_OPTS="mode=1"\n'
	bp --root "$T"
	has_line "options=mode=active-backup miimon=250"
	has_diag etc/modprobe.d/b.conf 2 warning "blacklist bonding"
	has_diag etc/modprobe.d/b.conf 3 note "install bonding"
}

@test "modprobe.d: BONDING_OPTS wins over options bondN, and says why" {
	mkfile etc/modprobe.d/bond.conf 'alias bond0 bonding\noptions bond0 mode=4 miimon=100\n'
	mkfile $NS/ifcfg-bond0 'DEVICE=bond0\nBONDING_OPTS="mode=1 miimon=100"\n'
	bp --root "$T"
	has_line "options=mode=active-backup miimon=100"
	has_diag etc/modprobe.d/bond.conf 2 warning "mode=802.3ad here is overridden by mode=active-backup from $T/$NS/ifcfg-bond0:2"
	has_diag etc/modprobe.d/bond.conf 2 warning "modprobe.d options only reach the driver when the module is loaded under that name"
}

# --- conf.d/net -----------------------------------------------------------------

@test "conf.d/net: arrays, several ARP targets, a misspelt option, a runlevel" {
	mkfile etc/conf.d/net 'slaves_bond0=(\n  "eth0"\n  "eth1"\n)\nmode_bond0="active-backup"\narp_interval_bond0=200\narp_ip_target_bond0="192.0.2.1 192.0.2.2"\nmiimom_bond0=100\nconfig_bond0=( "192.0.2.10/24" )\n'
	mkdir -p "$T/etc/runlevels/default" && touch "$T/etc/runlevels/default/net.bond0"
	bp --root "$T"
	has_line "slaves=eth0 eth1"
	has_line "options=mode=active-backup arp_interval=200 arp_ip_target=192.0.2.1,192.0.2.2"
	has_line "onboot=yes"
	has_diag etc/conf.d/net 8 warning "did you mean miimon_bond0?"
}

@test "conf.d/net: an option without its bond's slaves_ is not a bond" {
	mkfile etc/conf.d/net 'mode_bond0="active-backup"\nconfig_eth0="dhcp"\n'
	bp --root "$T"
	[ -z "$output" ]
}

# --- interfaces -----------------------------------------------------------------

@test "interfaces: source-directory, relative source, continuation lines" {
	mkfile etc/network/interfaces 'source-directory interfaces.d\nsource extra/*.cfg\n'
	mkfile etc/network/interfaces.d/bond 'auto bond0\niface bond0 inet manual\n  bond-slaves eth0 \\\n    eth1\n  bond-mode balance-xor\n'
	mkfile etc/network/interfaces.d/skip.bak 'iface bond9 inet manual\n  bond-mode 1\n'
	mkfile etc/network/extra/x.cfg 'iface bond0 inet6 manual\n  bond_miimon 100\n'
	bp --root "$T"
	no_diags
	has_line "[bond0]"
	has_line "slaves=eth0 eth1"
	has_line "options=mode=balance-xor miimon=100"
	[[ "$output" != *bond9* ]]
}

@test "interfaces: an unknown bond- key is an error with a suggestion; comments only at line start" {
	mkfile etc/network/interfaces 'iface bond0 inet manual\n  bond-slaves eth0\n  bond-miimonn 100\n# bond-mode 4\n'
	expected_rc=3 bp --root "$T"
	has_diag etc/network/interfaces 3 error "bond-miimonn: unknown bonding option; did you mean bond-miimon?"
	bp --root "$T" --type interfaces "$T/etc/network/interfaces" || true
}

@test "interfaces: bond-primary with several names takes the first" {
	mkfile etc/network/interfaces 'iface bond0 inet manual\n  bond-slaves eth0 eth1\n  bond-mode active-backup\n  bond-miimon 100\n  bond-primary eth1 eth0\n'
	bp --root "$T"
	has_line "options=mode=active-backup miimon=100 primary=eth1"
	has_diag etc/network/interfaces 5 note "the first listed, eth1, is the primary"
}

@test "interfaces: several stanzas for one iface are applied together, as ifupdown does" {
	mkfile etc/network/interfaces 'iface bond0 inet manual\n  bond-slaves eth0\n  bond-mode 1\niface bond0 inet manual\n  bond-miimon 100\n  bond-mode 4\n'
	bp --root "$T"
	has_line "options=mode=active-backup miimon=100"
	has_diag etc/network/interfaces 6 warning "mode=802.3ad here is overridden by mode=active-backup from $T/etc/network/interfaces:3, read first"
}

@test "interfaces: the hooks' own keys: slaves, bond-give-a-chance, bond-queue-id pairs" {
	mkfile etc/network/interfaces 'iface bond0 inet manual\n  slaves eth0 eth1\n  bond-mode active-backup\n  bond-give-a-chance 10\n  bond-queue-id eth0:1 eth1:2\n'
	bp --root "$T"
	no_diags
	has_line "slaves=eth0 eth1"
	has_line "slave_options=queue_id=eth0:1 queue_id=eth1:2"
}

@test "interfaces: a file sourcing itself is an error, and read once" {
	mkfile etc/network/interfaces 'source /etc/network/interfaces\niface bond0 inet manual\n  bond-slaves eth0\n'
	expected_rc=3 bp --root "$T"
	has_line "slaves=eth0"
	has_diag etc/network/interfaces 1 error "sources itself (a loop of source lines), which ifupdown never ends reading"
}

@test "interfaces: the same file sourced twice, not in a loop, is read once with a warning" {
	mkfile etc/network/interfaces 'source /etc/network/b\nsource /etc/network/b\n'
	mkfile etc/network/b 'iface bond0 inet manual\n  bond-slaves eth0\n'
	bp --root "$T"
	has_line "slaves=eth0"
	has_diag etc/network/interfaces 2 warning "read once only"
}

@test "interfaces: iface with two names is an error naming the fix; words after the method are a warning, ignored as ifupdown ignores them" {
	mkfile etc/network/interfaces 'iface a b inet manual\n  bond-slaves eth0\niface bond1 inet manual extra\n  bond-slaves eth1\niface bond2 inet manual\n  bond-slaves eth2\n'
	expected_rc=3 bp --root "$T"
	has_diag etc/network/interfaces 1 error "iface a: 'b' is no address family (inet, inet6, can or ipx); the stanza is not read (one name per iface line: iface a inet manual)"
	has_diag etc/network/interfaces 3 warning "iface bond1: 'extra' after the method is not understood, and ignored as ifupdown ignores it"
	[[ $output != *"[a]"* ]]
	has_line "[bond1]"
	has_line "slaves=eth1"
	has_line "slaves=eth2"
}

@test "merge: two bonds that enslave each other: the listing that closes the loop is an error and left out" {
	mkfile etc/network/interfaces 'iface bondA inet manual\n  bond-slaves bondB eth0\niface bondB inet manual\n  bond-slaves bondA eth1\n'
	expected_rc=3 bp --root "$T"
	has_diag etc/network/interfaces 4 error "bondB enslaves bondA, which is a master of bondB itself (directly or through other bonds): the kernel refuses such a loop"
	has_line "slaves=bondB eth0"
	has_line "slaves=eth1"
}

# --- merging formats --------------------------------------------------------------

@test "merge: a slave claimed by two bonds is an error naming both" {
	mkfile $NS/ifcfg-bond0 'DEVICE=bond0\nTYPE=Bond\n'
	mkfile $NS/ifcfg-eth0 'DEVICE=eth0\nMASTER=bond0\nSLAVE=yes\n'
	mkfile etc/network/interfaces 'iface bond1 inet manual\n  bond-slaves eth0\n'
	expected_rc=3 bp --root "$T"
	has_diag etc/network/interfaces 2 error "eth0 is claimed by two bonds: bond1 here and bond0 at $T/$NS/ifcfg-eth0:2"
}

@test "merge: two formats for one bond, the first in precedence wins with a warning" {
	mkfile $NS/ifcfg-bond0 'DEVICE=bond0\nBONDING_OPTS="mode=1 miimon=100"\n'
	mkfile etc/network/interfaces 'iface bond0 inet manual\n  bond-mode 4\n  bond-updelay 200\n'
	bp --root "$T"
	has_line "options=mode=active-backup miimon=100 updelay=200"
	has_line "declared=$T/$NS/ifcfg-bond0:1 (ifcfg interfaces)"
	has_diag etc/network/interfaces 2 warning "ifcfg is read before interfaces"
}

# --- output forms -----------------------------------------------------------------

@test "--format=shell quotes every value: eval-safe even for hostile names" {
	# the kernel takes quotes, semicolons and > in interface names
	mkfile $NS/ifcfg-bond0 "DEVICE=bond0\nBONDING_OPTS='mode=1'\nIPADDR=192.0.2.1\n"
	mkfile $NS/ifcfg-eth0 "DEVICE=\"x';>f;'\"\nMASTER=bond0\nSLAVE=yes\n"
	bp --root "$T" --format=shell
	cd "$BATS_TEST_TMPDIR"
	eval "$output"
	[ ! -e f ]
	[ "$BOND_COUNT" = 1 ]
	[ "$BOND_0_NAME" = bond0 ]
	[ "$BOND_0_OPTS" = mode=active-backup ]
	[ "$BOND_0_SLAVES" = "x';>f;'" ]
	[ "$BOND_0_ADDRESSES" = 192.0.2.1 ]
}

@test "addresses and MAC addresses are checked" {
	mkfile $NS/ifcfg-bond0 'DEVICE=bond0\nTYPE=Bond\nIPADDR="192.0.2.1;x"\nMACADDR=02:00:00:00:00\n'
	expected_rc=3 bp --root "$T"
	has_diag $NS/ifcfg-bond0 3 error "IPADDR=192.0.2.1;x: not an IP address"
	has_diag $NS/ifcfg-bond0 4 error "'02:00:00:00:00' is not a MAC address"
}

@test "--format=shell prints nothing to act on when there are errors" {
	mkfile $NS/ifcfg-bond0 'DEVICE=bond0\nBONDING_OPTS="mode=9"\n'
	expected_rc=3 bp --root "$T" --format=shell
	[ -z "$output" ]
}

@test "--format=json: one document with bonds, module and diagnostics" {
	bp --root "$SC/centos7-options-in-modprobe/root" --format=json
	[ "$(jq -r '.bonds[0].name' <<<"$output")" = bond0 ]
	[ "$(jq -r '.bonds[0].options.mode' <<<"$output")" = active-backup ]
	[ "$(jq -r '[.bonds[0].slaves[].name] | join(",")' <<<"$output")" = em1,em2 ]
	[ "$(jq -r '.bonds[0].formats | join(",")' <<<"$output")" = ifcfg,modprobe.d ]
	[ "$(jq -r '.warnings' <<<"$output")" = 3 ]
	[ "$(jq -r '.diagnostics[0].line' <<<"$output")" = 4 ]
	[ "$(jq -r '.diagnostics[0].severity' <<<"$output")" = warning ]
	[ -z "$err" ]
}

@test "--format=ip: the commands that build the bond, primary after the slaves" {
	bp --root "$SC/centos-active-backup-primary/root" --format=ip
	[ "$output" = "ip link add name bond0 type bond mode active-backup miimon 100
ip link set dev ens160 down
ip link set dev ens160 master bond0
ip link set dev ens256 down
ip link set dev ens256 master bond0
ip link set dev bond0 type bond primary ens160
ip link set dev bond0 up
ip address add 192.168.1.22/24 dev bond0" ]
}

@test "--format=ip and convert --to ip: names are words, never code, never taken for keywords" {
	# valid kernel names: no '/', ':' or blank
	mkfile "$NS/ifcfg-b\$(id>pwn)" "DEVICE='b\$(id>pwn)'\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS='mode=1 miimon=100 primary=\`id\`'\nMTU=9000\n"
	mkfile "$NS/ifcfg-\`id\`" "DEVICE='\`id\`'\nMASTER='b\$(id>pwn)'\nSLAVE=yes\n"
	mkfile "$NS/ifcfg-up" "DEVICE=\"up\"\nMASTER='b\$(id>pwn)'\nSLAVE=yes\nBOND_PORT_QUEUE_ID=2\n"
	mkfile "$NS/ifcfg-a'b;c" "DEVICE=\"a'b;c\"\nMASTER='b\$(id>pwn)'\nSLAVE=yes\n"
	for cmd in "$IFCFG_BOND_PARSE --root $T --format=ip" "$BONDCFG --root $T convert --to ip"; do
		run_split $cmd
		[ -z "$err" ]
		mkdir -p "$BATS_TEST_TMPDIR/cwd"
		# each command's words, as ip would get them
		(cd "$BATS_TEST_TMPDIR/cwd" &&
			bash -c 'ip() { printf "<%s>" "$@"; echo; }; eval "$1"' bash "$output") >"$BATS_TEST_TMPDIR/words"
		[ ! -e "$BATS_TEST_TMPDIR/cwd/pwn" ]
		[ "$(cat "$BATS_TEST_TMPDIR/words")" = '<link><add><name><b$(id>pwn)><type><bond><mode><active-backup><miimon><100>
<link><set><dev><`id`><down>
<link><set><dev><`id`><master><b$(id>pwn)>
<link><set><dev><a'"'"'b;c><down>
<link><set><dev><a'"'"'b;c><master><b$(id>pwn)>
<link><set><dev><up><down>
<link><set><dev><up><master><b$(id>pwn)>
<link><set><dev><up><type><bond_slave><queue_id><2>
<link><set><dev><b$(id>pwn)><type><bond><primary><`id`>
<link><set><dev><b$(id>pwn)><mtu><9000>
<link><set><dev><b$(id>pwn)><up>' ]
	done
}

# hostile_names: the ifcfg files of the test above, names that are code.
hostile_names() {
	mkfile "$NS/ifcfg-b\$(id>pwn)" "DEVICE='b\$(id>pwn)'\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS='mode=1 miimon=100 primary=\`id\`'\nMTU=9000\n"
	mkfile "$NS/ifcfg-\`id\`" "DEVICE='\`id\`'\nMASTER='b\$(id>pwn)'\nSLAVE=yes\n"
	mkfile "$NS/ifcfg-a'b;c" "DEVICE=\"a'b;c\"\nMASTER='b\$(id>pwn)'\nSLAVE=yes\n"
}

# consume WHAT CMD...: runs CMD, a consumer of the output, in an empty
# folder with a PATH whose id, nmcli and ip leave a mark if run; fails if
# the output ran anything.
consume() {
	local what=$1 cwd=$BATS_TEST_TMPDIR/cwd-$1 bin=$BATS_TEST_TMPDIR/bin
	shift
	mkdir -p "$cwd" "$bin"
	printf '#!/bin/sh\n: >"%s/ran-id"\n' "$cwd" >"$bin/id"
	printf '#!/bin/sh\nprintf "<%%s>" "$@" >>"%s/words"; echo >>"%s/words"\n' "$cwd" "$cwd" >"$bin/nmcli"
	chmod +x "$bin/id" "$bin/nmcli"
	(cd "$cwd" && PATH=$bin:$PATH "$@") >/dev/null 2>&1 || true
	if [ -e "$cwd/pwn" ] || [ -e "$cwd/ran-id" ]; then
		echo "# $what: the output ran a command" >&2
		return 1
	fi
}

@test "every output a shell reads runs no name as code: --format=shell, convert --to ifcfg, confd and nmcli, each run by its consumer" {
	hostile_names
	# ifcfg-bond-parse --format=shell: eval'd by scripts
	run_split "$IFCFG_BOND_PARSE" --root "$T" --format=shell
	[ -z "$err" ]
	consume shell bash -c 'eval "$1"; printf "%s\n" "$bond0_slaves" >/dev/null' bash "$output"
	# ifcfg files, as initscripts source them
	run_x "$BONDCFG" --root "$T" convert --to ifcfg -o "$BATS_TEST_TMPDIR/out-ifcfg"
	files=("$BATS_TEST_TMPDIR"/out-ifcfg/etc/sysconfig/network-scripts/ifcfg-*)
	[ "${#files[@]}" -eq 3 ]
	consume ifcfg bash -c 'for f in "$@"; do ( . "$f"; echo "$DEVICE" ) || exit 1; done' bash "${files[@]}"
	# each file gives back its device's name as written
	[ "$(bash -c 'for f in "$@"; do ( . "$f"; echo "$DEVICE" ); done' bash "${files[@]}" | LC_ALL=C sort | tr '\n' ' ')" = "\`id\` a'b;c b\$(id>pwn) " ]
	# conf.d/net, as netifrc sources it
	run_x "$BONDCFG" --root "$T" convert --to confd --lossy -o "$BATS_TEST_TMPDIR/out-confd"
	consume confd bash -c '. "$1"' bash "$BATS_TEST_TMPDIR/out-confd/etc/conf.d/net"
	# nmcli commands, run by sh with a stand-in nmcli
	run_x "$BONDCFG" --root "$T" convert --to nmcli
	consume nmcli sh -c "$output"
	grep -qF '<ifname><b$(id>pwn)>' "$BATS_TEST_TMPDIR/cwd-nmcli/words"
}

@test "what sits on a bond runs no name as code either: VLANs and bridges called with code, converted to ifcfg, confd and nmcli, each run by its consumer" {
	mkfile $NS/ifcfg-bond0 "DEVICE=bond0\nTYPE=Bond\nBONDING_OPTS='mode=1'\nBRIDGE='br\$(id>pwn)'\n"
	mkfile "$NS/ifcfg-br\$(id>pwn)" "DEVICE='br\$(id>pwn)'\nTYPE=Bridge\nIPADDR=192.0.2.1\nPREFIX=24\n"
	mkfile "$NS/ifcfg-v\`id\`" "DEVICE='v\`id\`'\nVLAN=yes\nPHYSDEV=bond0\nVLAN_ID=7\nBRIDGE=\"a'b;c\"\n"
	mkfile "$NS/ifcfg-a'b;c" "DEVICE=\"a'b;c\"\nTYPE=Bridge\n"
	run "$IFCFG_BOND_PARSE" --root "$T" --format json
	[ "$(jq -c '[.bonds[0].uppers[] | [.kind, .name, .lower]]' <<<"$output")" = '[["bridge","br$(id>pwn)","bond0"],["vlan","v`id`","bond0"],["bridge","a'"'"'b;c","v`id`"]]' ]
	run_x "$BONDCFG" --root "$T" convert --to ifcfg --lossy -o "$BATS_TEST_TMPDIR/out-ifcfg"
	files=("$BATS_TEST_TMPDIR"/out-ifcfg/etc/sysconfig/network-scripts/ifcfg-*)
	consume ifcfg bash -c 'for f in "$@"; do ( . "$f"; echo "$DEVICE $BRIDGE $PHYSDEV" ) || exit 1; done' bash "${files[@]}"
	[ "$(bash -c 'for f in "$@"; do ( . "$f"; echo "$DEVICE:$BRIDGE" ); done' bash "${files[@]}" | LC_ALL=C sort | tr '\n' ' ')" = "a'b;c: bond0:br\$(id>pwn) br\$(id>pwn): v\`id\`:a'b;c " ]
	run_x "$BONDCFG" --root "$T" convert --to confd --lossy -o "$BATS_TEST_TMPDIR/out-confd"
	consume confd bash -c '. "$1"' bash "$BATS_TEST_TMPDIR/out-confd/etc/conf.d/net"
	run_x "$BONDCFG" --root "$T" convert --to nmcli --lossy
	consume nmcli sh -c "$output"
	grep -qF '<ifname><br$(id>pwn)>' "$BATS_TEST_TMPDIR/cwd-nmcli/words"
	grep -qF "<master><a'b;c>" "$BATS_TEST_TMPDIR/cwd-nmcli/words"
}

@test "--bond limits the output, and a bond nobody declares is an error" {
	mkfile etc/network/interfaces 'iface bond0 inet manual\n  bond-slaves eth0\niface bond1 inet manual\n  bond-slaves eth1\n'
	bp --root "$T" --bond bond1
	has_line "[bond1]"
	[[ "$output" != *bond0* ]]
	expected_rc=3 bp --root "$T" --bond bond5
	has_diag "error" - "" "" 2>/dev/null || [[ $err == *"no configuration declares a bond called bond5"* ]]
}

@test "ifcfg: NM_CONTROLLED=yes on a bond is a note" {
	mkfile $NS/ifcfg-bond0 'DEVICE=bond0\nTYPE=Bond\nNM_CONTROLLED=yes\n'
	bp --root "$T" --check
	has_diag $NS/ifcfg-bond0 3 note "NetworkManager manages bond0"
}

@test "ifcfg without DEVICE=: a warning for a bond's file and a slave's without HWADDR=, a note for a slave's with it, nothing for a profile that plays no part in a bond" {
	NS=etc/sysconfig/network-scripts
	mkfile $NS/ifcfg-bond0 'TYPE=Bond\nBONDING_MASTER=yes\nHWADDR=52:54:00:00:00:01\nBONDING_OPTS="mode=1 miimon=100"\n'
	mkfile $NS/ifcfg-eth0 'MASTER=bond0\nSLAVE=yes\n'
	mkfile $NS/ifcfg-eth1 'MASTER=bond0\nSLAVE=yes\nHWADDR=52:54:00:00:00:02\n'
	mkfile $NS/ifcfg-eth2 'TYPE=Ethernet\nBOOTPROTO=dhcp\n'
	bp --root "$T"
	has_line "slaves=eth0 eth1"
	# HWADDR= finds no bond before it exists
	has_diag $NS/ifcfg-bond0 - warning "no DEVICE=; bondcfg takes the device name bond0 from the file name, but the initscripts find the device only by DEVICE= or HWADDR= (add DEVICE=bond0)"
	has_diag $NS/ifcfg-eth0 - warning "no DEVICE=; bondcfg takes the device name eth0 from the file name"
	has_diag $NS/ifcfg-eth1 - note "no DEVICE=; the device name eth1 is taken from the file name (add DEVICE=eth1)"
	# not ours to judge: no bond or slave keys
	[[ "$err" != *ifcfg-eth2* ]]
}
