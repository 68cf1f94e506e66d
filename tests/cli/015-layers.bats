#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# scripts/check-layers: src/ passes; on a copy of it, an include from a
# layer above, an include that leads back to its file, and a header named
# without its folder are each named with file and line.

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
