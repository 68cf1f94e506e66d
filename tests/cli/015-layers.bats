#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# scripts/check-layers: src/ passes; on a copy of it, an include from a
# layer above, an include that leads back to its file, and a header named
# without its folder are each named with file and line. scripts/check-story:
# the files that name an option, and a fourth file fails.

load ../helpers

setup() {
	T=$BATS_TEST_TMPDIR/src
	cp -r "$SRCDIR/src" "$T"
	rm -f "$T"/*/*.o
}

@test "src/ passes: includes go down the layers, no cycle" {
	run_x "$SRCDIR/scripts/check-layers" "$SRCDIR/src"
	[ -z "$output" ]
}

@test "an include from a layer above is named with file and line" {
	n=$(($(wc -l <"$T/model/diag.c") + 1))
	echo '#include "cmd/cli.h"' >>"$T/model/diag.c"
	expected_rc=1 run_x "$SRCDIR/scripts/check-layers" "$T"
	[ "$output" = "model/diag.c:$n: #include \"cmd/cli.h\": model may not include from cmd, a layer above it" ]
}

@test "an include cycle is named" {
	# optstr.c includes ifname.h; ifname.h including optstr.h closes a loop
	sed -i 's|^#define BONDCFG_IFNAME_H$|&\n#include "model/optstr.h"|' "$T/model/ifname.h"
	grep -q 'model/optstr.h' "$T/model/ifname.h"
	expected_rc=1 run_x "$SRCDIR/scripts/check-layers" "$T"
	assert_output_contains "include cycle: "
	assert_output_contains "model/ifname"
	assert_output_contains "model/optstr"
}

@test "a header named without its folder is named" {
	sed -i 's|#include "engine/plan.h"|#include "plan.h"|' "$T/engine/plan.c"
	grep -q '#include "plan.h"' "$T/engine/plan.c"
	expected_rc=1 run_x "$SRCDIR/scripts/check-layers" "$T"
	assert_output_contains "engine/plan.c:"
	assert_output_contains '#include "plan.h": name the folder ("LAYER/plan.h")'
}

@test "check-story: five options' stories are in at most 3 files each" {
	run_x "$SRCDIR/scripts/check-story" "$SRCDIR/src"
	assert_output_contains "MIIMON: model/bondopt.c cmd/show-text.c model/validate.c (3)"
	assert_output_contains "PRIMARY: model/bondopt.c cmd/show-text.c model/validate.c (3)"
	assert_output_contains "SLAVE_QUEUE_ID: model/bondopt.c cmd/show-text.c model/validate.c (3)"
	assert_output_contains "AD_LACP_RATE: model/bondopt.c cmd/lacp.c cmd/show-text.c (3)"
	assert_output_contains "ARP_IP_TARGET: model/bondopt.c cmd/show-text.c model/validate.c (3)"
}

@test "check-story: an option named in a fourth file fails" {
	sed -i 's|^#include "engine/plan.h"$|&\n/* BONDOPT_PRIMARY */|' "$T/engine/plan.c"
	expected_rc=1 run_x "$SRCDIR/scripts/check-story" "$T" PRIMARY
	assert_output_contains "PRIMARY: model/bondopt.c cmd/show-text.c engine/plan.c model/validate.c (4)"
	assert_output_contains "check-story: BONDOPT_PRIMARY is named in 4 files; at most 3"
}

@test "bondnla.h: a number that disagrees with <linux/if_link.h> fails the build" {
	local cc=${CC:-cc} attr num
	command -v "$cc" >/dev/null || skip "no C compiler"
	# an attribute this build's header declares, and its number here
	attr=$(sed -n 's/^#define HAVE_DECL_\(IFLA_BOND_[A-Z0-9_]*\) 1$/\1/p' "$BUILDDIR/config.h" | head -1)
	[ -n "$attr" ]
	num=$(sed -n "s/^_Static_assert($attr == \([0-9]*\),.*/\1/p" "$SRCDIR/src/model/bondnla.h")
	[ -n "$num" ]
	# as it is, it compiles
	run_x "$cc" -fsyntax-only -include "$BUILDDIR/config.h" -I"$SRCDIR/src" -x c "$SRCDIR/src/model/bondnla.h"
	# one number off, the build stops and names the attribute
	mkdir -p "$T/model"
	sed "s/^_Static_assert($attr == $num,/_Static_assert($attr == $((num + 1)),/" \
		"$SRCDIR/src/model/bondnla.h" >"$T/model/bondnla.h"
	expected_rc=1 run_x "$cc" -fsyntax-only -include "$BUILDDIR/config.h" -x c "$T/model/bondnla.h"
	assert_output_contains "$attr"
}

@test "no file of src/ has over 600 lines; the front ends and subcommands under 300" {
	local f n bad=
	for f in "$SRCDIR"/src/*/*.[ch]; do
		n=$(wc -l <"$f")
		[ "$n" -le 600 ] || bad="$bad ${f#"$SRCDIR"/}:$n"
	done
	for f in "$SRCDIR"/src/cmd/bondcfg.c "$SRCDIR"/src/cmd/ifenslave.c \
		"$SRCDIR"/src/cmd/ifcfg-bond-parse.c "$SRCDIR"/src/cmd/cmd-*.c; do
		n=$(wc -l <"$f")
		[ "$n" -lt 300 ] || bad="$bad ${f#"$SRCDIR"/}:$n"
	done
	[ -z "$bad" ] || { echo "# too long:$bad" >&2; false; }
}
