#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# The corpus (tests/fixtures/corpus): configurations in the real tools'
# documented forms, each with the whole bond set and the diagnostics the
# real tool's behaviour calls for. Every case of a format must agree.

load ../helpers

C=$FIXTURES/corpus

# corpus FORMAT MIN: every case of FORMAT agrees, and there are at least MIN.
corpus() {
	local cases=("$C/$1"/*.case)

	[ "${#cases[@]}" -ge "$2" ] || { echo "# only ${#cases[@]} cases of $1" >&2; return 1; }
	run "$C/check" "$IFCFG_BOND_PARSE" "${cases[@]}"
	echo "# $1: ${output##*$'\n'}" >&3
	[ "$status" -eq 0 ] || { echo "$output" | sed 's/^/# /' >&2; return 1; }
}

@test "corpus: Debian's interfaces, ifupdown and ifupdown2" {
	corpus interfaces 40
}

@test "corpus: check finds a case that disagrees" {
	local c=$BATS_TEST_TMPDIR/wrong.case

	sed 's/^slaves=eth0 eth1$/slaves=eth0/' "$C/interfaces/deb-basic-active-backup.case" >"$c"
	run "$C/check" "$IFCFG_BOND_PARSE" "$c"
	[ "$status" -eq 1 ]
	[[ "$output" == *"1 cases, 1 disagree"* ]]
	[[ "$output" == *"stdout < slaves=eth0"* ]]
}

@test "corpus: ifcfg files of initscripts and NetworkManager" {
	corpus ifcfg 40
}

@test "corpus: every ifcfg file of the corpus reads as bash reads it: each variable the same" {
	local cases=("$C/ifcfg"/*.case)

	run "$C/check" --bash "$BUILDDIR/tests/shfile-dump" "${cases[@]}"
	echo "# bash: ${output##*$'\n'}" >&3
	[ "$status" -eq 0 ] || { echo "$output" | sed 's/^/# /' >&2; return 1; }
	# every file compared, at least 20
	[ "$(sed -n 's/^\([0-9]*\) files.*/\1/p' <<<"${output##*$'\n'}")" -ge 20 ]
}

@test "corpus: the comparison with bash finds a difference" {
	local c=$BATS_TEST_TMPDIR/crlf.case

	# the CR LF case without its mark: bash keeps the CRs
	grep -v '^# bash: crlf' "$C/ifcfg/dos-crlf.case" >"$c"
	run "$C/check" --bash "$BUILDDIR/tests/shfile-dump" "$c"
	[ "$status" -eq 1 ]
	[[ "$output" == *"1 files, 1 disagree"* ]]
	# the mark on a file without CRs: each value must have had one
	{
		echo '# bash: crlf'
		tr -d '\r' <"$C/ifcfg/dos-crlf.case"
	} >"$c"
	run "$C/check" --bash "$BUILDDIR/tests/shfile-dump" "$c"
	[ "$status" -eq 1 ]
	[[ "$output" == *"(no CR)"* ]]
}

@test "corpus: Gentoo's conf.d/net (netifrc), with its services' links" {
	corpus confd 20
}
