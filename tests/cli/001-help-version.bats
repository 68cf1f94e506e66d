#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# Every command answers --help, --usage and --version; man pages render.

load ../helpers

commands="bondcfg ifenslave ifcfg-bond-parse"

binary() {
	echo "$BUILDDIR/src/$1"
}

@test "--help and -h print usage on stdout and exit 0" {
	for cmd in $commands; do
		for opt in --help -h; do
			run_x "$(binary "$cmd")" "$opt"
			assert_output_contains "Usage: $cmd "
			assert_output_contains "--version"
			assert_output_contains "$cmd(8)"
		done
	done
}

@test "--usage and -u print a short usage and exit 0" {
	for cmd in $commands; do
		for opt in --usage -u; do
			run_x "$(binary "$cmd")" "$opt"
			assert_output_contains "Usage: $cmd"
			[[ "$output" != *"Show this help"* ]]
		done
	done
}

@test "--version and -V print the package version" {
	[ -n "$PACKAGE_VERSION" ]
	for cmd in $commands; do
		for opt in --version -V; do
			run_x "$(binary "$cmd")" "$opt"
			[ "$output" = "$cmd (bondcfg) $PACKAGE_VERSION" ]
		done
	done
}

@test "bondcfg help lists the commands" {
	run_x "$BONDCFG" help
	assert_output_contains "Commands:"
	assert_output_contains "  help "
	run_x "$BONDCFG" --help
	assert_output_contains "Commands:"
}

@test "man pages render without warnings and carry the version" {
	command -v groff >/dev/null || skip "groff not installed"
	for cmd in $commands; do
		page="$BUILDDIR/man/$cmd.8"
		[ -f "$page" ]
		run_x groff -man -Tutf8 -ww -z "$page"
		[ -z "$output" ]
		grep -q "$PACKAGE_VERSION" "$page"
		[ "$(grep -c '@[A-Z_]*@' "$page")" = 0 ]
	done
}

@test "each exit status of src/cmd/cli.h is documented under EXIT STATUS in the three man pages" {
	local codes cmd n
	codes=$(sed -n 's/^\tCLI_EXIT_[A-Z_]* = \([0-9]*\),.*/\1/p' "$SRCDIR/src/cmd/cli.h")
	[ "$(wc -w <<<"$codes")" -ge 7 ]
	for cmd in $commands; do
		for n in $codes; do
			sed -n '/^\.SH EXIT STATUS/,/^\.SH /p' "$SRCDIR/man/$cmd.8.in" | grep -qx "\.B $n" ||
				{ echo "# $cmd.8: no exit status $n" >&2; return 1; }
		done
	done
}
