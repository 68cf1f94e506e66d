#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# ifcfg-bond-parse --opts and --list-options: the option model's public face.

load ../helpers

# Diagnostics have one format: SOURCE[:LINE]: SEVERITY: MESSAGE
diag_re='^[^:]+(:[0-9]+)?: (error|warning|note): .+'

@test "a misspelt option fails and names the real one" {
	expected_rc=3 run_x "$IFCFG_BOND_PARSE" --opts 'mode=1 miimmon=100'
	[ "$output" = "--opts: error: miimmon: unknown option; did you mean miimon?" ]
}

@test "numeric values print by name, in kernel attribute order" {
	run_x "$IFCFG_BOND_PARSE" --opts 'mode=802.3ad lacp_rate=1 xmit_hash_policy=1'
	run_x sh -c "'$IFCFG_BOND_PARSE' --opts 'mode=802.3ad lacp_rate=1 xmit_hash_policy=1' 2>/dev/null"
	[ "$output" = "mode=802.3ad xmit_hash_policy=layer3+4 lacp_rate=fast" ]
}

@test "surrounding quotes, aliases and repeated keys" {
	run_x sh -c "'$IFCFG_BOND_PARSE' -o '\"mode=1 num_unsol_na=2 miimon=100 miimon=200\"' 2>&1 >/dev/null"
	[ "$output" = "--opts: warning: miimon given twice: 200 here replaces 100 from --opts" ]
	run_x sh -c "'$IFCFG_BOND_PARSE' -o '\"mode=1 num_unsol_na=2 miimon=100 miimon=200\"' 2>/dev/null"
	[ "$output" = "mode=active-backup miimon=200 num_grat_arp=2" ]
}

@test "every diagnostic has the stable format, errors exit 3 with nothing on stdout" {
	run_x sh -c "'$IFCFG_BOND_PARSE' -o 'mode=4 primary=eth0 arp_interval=100 updelay=150 foo=1' 2>/dev/null; echo rc=\$?"
	[ "$output" = "rc=3" ]
	expected_rc=3 run_x "$IFCFG_BOND_PARSE" -o 'mode=4 primary=eth0 arp_interval=100 updelay=150 foo=1'
	[ "${#lines[@]}" -ge 4 ]
	for line in "${lines[@]}"; do
		[[ "$line" =~ $diag_re ]]
	done
	assert_output_contains "primary is not valid in mode 802.3ad"
	assert_output_contains "arp_interval is not valid in mode 802.3ad"
	assert_output_contains "foo: unknown option"
}

@test "warnings do not fail" {
	run_x "$IFCFG_BOND_PARSE" -o 'mode=1 miimon=100 updelay=250'
	assert_output_contains "--opts: warning: updelay=250 is not a multiple of miimon=100; the kernel will use 200"
}

@test "--json gives the structured form" {
	run_x sh -c "'$IFCFG_BOND_PARSE' --json -o 'mode=1 miimon=100 arp_ip_target=192.0.2.1 queue_id=eth1:2' 2>/dev/null"
	[ "$(jq -r .options.mode <<<"$output")" = active-backup ]
	[ "$(jq -r .options.miimon <<<"$output")" = 100 ]
	[ "$(jq -c .options.arp_ip_target <<<"$output")" = '["192.0.2.1"]' ]
	[ "$(jq -c .slaves <<<"$output")" = '[{"name":"eth1","queue_id":2}]' ]
	[ "$(jq -r .normalized <<<"$output")" = "mode=active-backup miimon=100 arp_ip_target=192.0.2.1 queue_id=eth1:2" ]
	[ "$(jq -r '.diagnostics[0].severity' <<<"$output")" = warning ]
	[ "$(jq -r .errors <<<"$output")" = 0 ]
}

@test "--json with errors: exit 3, normalized null, the errors listed" {
	expected_rc=3 run_x sh -c "'$IFCFG_BOND_PARSE' --json -o 'mode=9' 2>/dev/null"
	[ "$(jq -r .normalized <<<"$output")" = null ]
	[ "$(jq -r .errors <<<"$output")" = 1 ]
	[ "$(jq -r '.diagnostics[0].message' <<<"$output")" = "mode: invalid value '9'; accepted: balance-rr (0), active-backup (1), balance-xor (2), broadcast (3), 802.3ad (4), balance-tlb (5), balance-alb (6)" ]
}

@test "--module reads module parameters" {
	run_x sh -c "'$IFCFG_BOND_PARSE' --module -o 'max_bonds=2 mode=4 tx-queues=010 miimon=0x64' 2>/dev/null"
	[ "$output" = "mode=802.3ad miimon=100 max_bonds=2 tx_queues=8" ]
}

@test "--json output is UTF-8 even for input that is not; such a name is refused" {
	expected_rc=3 run_x bash -c "'$IFCFG_BOND_PARSE' --json -o \$'mode=1 primary=\\xff' 2>/dev/null"
	[ "$(jq -r .options.primary <<<"$output")" = null ]
	[ "$(jq -r '.diagnostics[0].message' <<<"$output")" = "primary: '?' is not a valid interface name: it is not UTF-8" ]
	iconv -f UTF-8 -t UTF-8 <<<"$output" >/dev/null
	expected_rc=3 run_x bash -c "'$IFCFG_BOND_PARSE' --json -o \$'mode=1 \\xff\\xfe=1' 2>/dev/null"
	iconv -f UTF-8 -t UTF-8 <<<"$output" >/dev/null
	# UTF-8 names are names
	run_x "$IFCFG_BOND_PARSE" --json -o $'mode=1 primary=\xc3\xa9th0'
	[ "$(jq -r .options.primary <<<"$output")" = $'\xc3\xa9th0' ]
}

@test "--list-options lists 34 bond attributes, 3 slave and 2 module options" {
	run_x "$IFCFG_BOND_PARSE" --list-options --json
	[ "$(jq length <<<"$output")" = 39 ]
	[ "$(jq '[.[] | select(.attribute != null and (.flags | index("slave") | not))] | length' <<<"$output")" = 34 ]
	[ "$(jq '[.[] | select(.flags | index("slave"))] | length' <<<"$output")" = 3 ]
	[ "$(jq '[.[] | select(.flags | index("module-only"))] | length' <<<"$output")" = 2 ]
	[ "$(jq -r '[.[].name] | unique | length' <<<"$output")" = 39 ]
	run_x "$IFCFG_BOND_PARSE" --list-options
	assert_output_contains "num_grat_arp (also num_unsol_na): "
	assert_output_contains "values: layer2=0 layer3+4=1 layer2+3=2"
}

@test "option names appear in the code only in the table" {
	names=$("$IFCFG_BOND_PARSE" --list-options --json | jq -r '.[] | .name, .aliases[]')
	[ -n "$names" ]
	for name in $names; do
		hits=$(grep -n -F -e "\"$name\"" -e "\"$name=" "$SRCDIR"/src/*/*.c "$SRCDIR"/src/*/*.h |
			grep -v -e '^[^:]*/src/model/bondopt\.c:' -e '^[^:]*:[0-9]*:[[:space:]]*\(/\*\|\*\|//\)' || true)
		if [ -n "$hits" ]; then
			echo "# option name $name outside the table: $hits" >&2
			return 1
		fi
	done
}
