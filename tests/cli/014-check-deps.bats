#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# scripts/check-deps can fail: on a copy of the scripts, a Build-Depends
# taken out of install-deps' lists, or a command planted in a script whose
# install step does not install its package, is named. And scripts/test
# runs every checking script of scripts/.

load ../helpers

setup() {
	command -v dpkg-query >/dev/null || skip "no dpkg on this machine"
	T=$BATS_TEST_TMPDIR/tree
	mkdir -p "$T/scripts" "$T/debian" "$T/src/cmd" "$T/tests/vm"
	cp "$SRCDIR/scripts/install-deps" "$SRCDIR/scripts/check-deps" "$SRCDIR/scripts/bench" "$T/scripts/"
	cp "$SRCDIR/debian/control" "$T/debian/"
	cp "$SRCDIR/src/cmd/bondcfg.c" "$T/src/cmd/"
	cp "$SRCDIR/tests/vm/bondvm" "$T/tests/vm/"
}

@test "check-deps passes on the scripts as they are" {
	TEST_TIMEOUT=120 run_x "$T/scripts/check-deps"
	assert_output_contains "every package the README commands need is installed by their install step"
}

@test "check-deps fails when a Build-Depends is missing from install-deps' lists" {
	sed -i 's/ libpopt-dev)/)/; s/ libpopt-dev / /' "$T/scripts/install-deps"
	! grep -q libpopt-dev "$T/scripts/install-deps"
	TEST_TIMEOUT=120 expected_rc=1 run_x "$T/scripts/check-deps"
	assert_output_contains "debian/control Build-Depends 'libpopt-dev' is in none of install-deps' lists (build, test, deb)"
}

@test "check-deps fails when a script runs a command its install step does not install" {
	command -v valgrind >/dev/null || skip "valgrind is not installed here"
	printf 'valgrind --version >/dev/null\n' >>"$T/scripts/bench"
	TEST_TIMEOUT=120 expected_rc=1 run_x "$T/scripts/check-deps"
	assert_output_contains "scripts/bench runs 'valgrind' of package valgrind, which 'scripts/install-deps build vm' does not install"
}

@test "scripts/test runs every check of scripts/: a step left out is named" {
	local s missing=""
	for s in "$SRCDIR"/scripts/check-* "$SRCDIR"/scripts/fuzz "$SRCDIR"/scripts/build-deb; do
		s=scripts/${s##*/}
		# a line that runs it, not a comment
		grep -Eq "^[^#]*(^|[[:space:]])$s([[:space:]]|\$)" "$SRCDIR/scripts/test" || missing="$missing $s"
	done
	[ -z "$missing" ] || { echo "# scripts/test does not run:$missing" >&2; return 1; }
}
