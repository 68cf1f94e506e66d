#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# The option table against the real driver: names, defaults, the modes each
# option is valid in, and the down/no-slaves rules. The table is read from
# `ifcfg-bond-parse --list-options --json`; the driver through sysfs, a path
# the tools themselves never use.

load ../helpers
load kernel

setup_file() {
	announce_kernel
}

setup() {
	kernel_setup
	run_x ip link add btest type bond
	sys=/sys/class/net/btest/bonding
}

teardown() {
	kernel_clean
}

# Options of the table that have a sysfs file of their own, as
# "NAME DEFAULT TYPE FLAGS MODES"; not those the running kernel lacks.
sysfs_options() {
	"$IFCFG_BOND_PARSE" --list-options --json | gojq -r '.[]
		| select(.flags | (index("netlink-only") or index("slave")
			or index("module-only") or index("read-only")) | not)
		| "\(.name) \(.default) \(.type) \(.flags | join(",") | if . == "" then "-" else . end) \(.modes | join(","))"' |
		awk -v lacks=" $(kernel_lacks) " 'index(lacks, " " $1 " ") == 0'
}

# A value to write for an option: its default, or one of its kind.
value_for() {
	case $3 in
	ifname) echo "" ;;
	mac) echo 02:00:00:00:00:01 ;;
	ipv4-list) echo +192.0.2.1 ;;
	*) echo "$2" ;;
	esac
}

# try_write FILE VALUE: sets $werr to the error text, empty on success.
try_write() {
	werr=$( { echo "$2" >"$1"; } 2>&1) || true
}

# The kernel shows some options (ad_*) only in the modes they work in.
@test "each option with a sysfs file exists with the table's default" {
	local n=0 name def type flags modes val
	while read -r name def type flags modes; do
		n=$((n + 1))
		[ -e "$sys/$name" ] || { echo "# $name: no $sys/$name" >&2; return 1; }
		[ "$def" != null ] || continue
		echo "${modes%%,*}" >"$sys/mode"
		read -r val <"$sys/$name" || true
		if [ "${val%% *}" != "$def" ]; then
			echo "# $name: kernel default '$val', table '$def'" >&2
			return 1
		fi
	done < <(sysfs_options)
	[ "$n" -ge 25 ]
}

@test "netlink-only options have no sysfs file" {
	local name
	for name in $("$IFCFG_BOND_PARSE" --list-options --json |
		gojq -r '.[] | select(.flags | index("netlink-only")) | select(.flags | index("slave") | not) | .name'); do
		[ ! -e "$sys/$name" ] || { echo "# $name has a sysfs file" >&2; return 1; }
	done
}

@test "each option is accepted in exactly the modes of the table" {
	local name def type flags modes m mode_name value checked=0 opts=0
	while read -r name def type flags modes; do
		case ,$flags, in *,needs-miimon,* | *,any-mode,*) continue ;; esac
		[ "$name" != mode ] || continue
		opts=$((opts + 1))
		value=$(value_for "$name" "$def" "$type")
		for m in 0 1 2 3 4 5 6; do
			echo "$m" >"$sys/mode"
			read -r mode_name _ <"$sys/mode"
			try_write "$sys/$name" "$value"
			if [[ ",$modes," == *",$mode_name,"* ]]; then
				[ -z "$werr" ] || { echo "# $name=$value refused in $mode_name: $werr" >&2; return 1; }
				# a target list takes an address once: take it out again
				[ "$type" != ipv4-list ] || echo "-${value#+}" >"$sys/$name"
			else
				[[ "$werr" == *"Permission denied"* ]] ||
					{ echo "# $name=$value in $mode_name: expected EACCES, got '${werr:-success}'" >&2; return 1; }
			fi
			checked=$((checked + 1))
		done
	done < <(sysfs_options)
	echo "# $checked option and mode pairs checked" >&3
	# every mode for each option: 20 options where the kernel has them
	# all, 18 on 5.10 (no lacp_active, no arp_missed_max)
	[ "$opts" -ge 18 ]
	[ "$checked" -eq $((7 * opts)) ]
}

@test "options marked any-mode are accepted in every mode" {
	local name def type flags modes m value
	while read -r name def type flags modes; do
		[[ ",$flags," == *,any-mode,* ]] || continue
		value=$(value_for "$name" "$def" "$type")
		for m in 0 1 2 3 4 5 6; do
			echo "$m" >"$sys/mode"
			try_write "$sys/$name" "$value"
			[ -z "$werr" ] || { echo "# $name in mode $m: $werr" >&2; return 1; }
		done
	done < <(sysfs_options)
}

@test "needs-down options are refused on an up bond, the others are not" {
	local name def type flags modes value first
	while read -r name def type flags modes; do
		case ,$flags, in *,needs-miimon,*) continue ;; esac
		[ "$name" != mode ] || continue
		ip link set btest down
		first=${modes%%,*}
		echo "$first" >"$sys/mode"
		ip link set btest up
		value=$(value_for "$name" "$def" "$type")
		try_write "$sys/$name" "$value"
		if [[ ",$flags," == *,needs-down,* ]]; then
			[[ "$werr" == *"Device or resource busy"* ]] ||
				{ echo "# $name on an up bond: expected EBUSY, got '${werr:-success}'" >&2; return 1; }
		else
			[ -z "$werr" ] || { echo "# $name on an up bond: $werr" >&2; return 1; }
		fi
	done < <(sysfs_options)
	try_write "$sys/mode" 1
	[[ "$werr" == *"Device or resource busy"* ]]
}

@test "needs-no-slaves options are refused on a bond with a slave" {
	local name def type flags modes value
	run_x ip link add dtest type dummy
	echo 1 >"$sys/mode"
	run_x ip link set dtest master btest
	while read -r name def type flags modes; do
		[[ ",$flags," == *,needs-no-slaves,* ]] || continue
		value=$(value_for "$name" "$def" "$type")
		[ "$name" != mode ] || value=active-backup
		try_write "$sys/$name" "$value"
		[[ "$werr" == *"Directory not empty"* ]] ||
			{ echo "# $name with a slave: expected ENOTEMPTY, got '${werr:-success}'" >&2; return 1; }
	done < <(sysfs_options)
	[ "$(link_field dtest .master)" = btest ]
}
