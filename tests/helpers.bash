# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by every bats file: where the binaries are, a run wrapper with a
# timeout and an expected exit status, and helpers for kernel tests.

: "${SRCDIR:=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)}"
: "${BUILDDIR:=$SRCDIR}"
BONDCFG=$BUILDDIR/src/bondcfg
IFENSLAVE=$BUILDDIR/src/ifenslave
IFCFG_BOND_PARSE=$BUILDDIR/src/ifcfg-bond-parse
FIXTURES=$SRCDIR/tests/fixtures

# run_x CMD [ARG...]: run CMD under `timeout`, like bats' `run`, and fail
# unless it exits with $expected_rc (default 0). $output holds stdout and
# stderr together.
run_x() {
	local want=${expected_rc:-0}

	run timeout "${TEST_TIMEOUT:-30}" "$@"
	if [ "$status" -ne "$want" ]; then
		printf '# command: %s\n# exit status %d, expected %d\n# output:\n%s\n' \
			"$*" "$status" "$want" "$output" >&2
		return 1
	fi
}

# run_split CMD [ARG...]: like run_x, but stdout in $output and stderr in
# $err, apart.
run_split() {
	local want=${expected_rc:-0}

	status=0
	timeout "${TEST_TIMEOUT:-30}" "$@" >"$BATS_TEST_TMPDIR/out" \
		2>"$BATS_TEST_TMPDIR/err" || status=$?
	output=$(cat "$BATS_TEST_TMPDIR/out")
	err=$(cat "$BATS_TEST_TMPDIR/err")
	if [ "$status" -ne "$want" ]; then
		printf '# %s\n# exit status %d, expected %d\n# stdout:\n%s\n# stderr:\n%s\n' \
			"$*" "$status" "$want" "$output" "$err" >&2
		return 1
	fi
}

# assert_output_contains TEXT: $output of the last run_x contains TEXT.
assert_output_contains() {
	if [[ "$output" != *"$1"* ]]; then
		printf '# expected output to contain: %s\n# output:\n%s\n' \
			"$1" "$output" >&2
		return 1
	fi
}

# complete_line CMD LINE: what the bash completion of CMD
# (completion/CMD, function _CMD) offers at the end of LINE, sorted, on one
# line.
complete_line() {
	local bc=/usr/share/bash-completion/bash_completion

	[ -r "$bc" ] || skip "bash-completion is not installed"
	PATH=$BUILDDIR/src:$PATH bash -c '
		source "$1"; source "$2"
		read -ra COMP_WORDS <<<"$4"
		[[ $4 == *" " ]] && COMP_WORDS+=("")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMP_LINE=$4; COMP_POINT=${#4}
		"_$3" "$3" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
		printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "
	' _ "$bc" "$SRCDIR/completion/$1" "$1" "$2"
}

# bond_names: the bonds the kernel has, one a line, as ip(8) reads them.
# (`ip -j link show type bond` of iproute2 6.1 prints an empty object for
# each other link: the kind is checked instead.)
bond_names() {
	ip -d -j link show | "${JQ:-jq}" -r '.[] | select(.linkinfo.info_kind == "bond") | .ifname'
}

# mkfile PATH [TEXT]: writes TEXT (printf format) under $T.
mkfile() {
	mkdir -p "$(dirname "$T/$1")"
	printf "${2:-}" >"$T/$1"
}

# new_root: a new, empty root, with /etc/init.d/net.lo as on a Gentoo host,
# so that the runlevel links convert --to confd writes resolve inside it.
new_root() {
	local d

	d=$(mktemp -d "$BATS_TEST_TMPDIR/root.XXXXXX")
	mkdir -p "$d/etc/init.d"
	: >"$d/etc/init.d/net.lo"
	printf '%s\n' "$d"
}
