#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# The run folder (lock and slave records) against a hostile tester, and
# runs killed with SIGKILL at random points: the records are written
# before the changes, so that the next run gives every slave back as it
# was. Every result is read with `ip -j link show`.

load ../helpers
load kernel

setup_file() {
	announce_kernel
}

setup() {
	ifcfg_setup
	RUN=$BONDCFG_RUN_DIR
}

teardown() {
	kernel_teardown
}


# one_bond: bond0 with d1 (up) and d2 (down).
one_bond() {
	dummies d1 d2
	ip link set d1 up
	ifcfg bond0 "mode=active-backup miimon=100" d1 d2
}

# --- the run folder ------------------------------------------------------------

@test "the run folder is created 0700; a link, or one others may write, is refused before anything is sent" {
	one_bond
	run_x "$BONDCFG" --root "$ROOT" up bond0
	[ "$(stat -c %a "$RUN")" = 700 ]
	[ "$(stat -c %a "$RUN/slaves")" = 600 ]
	run_x "$BONDCFG" down bond0
	rm -rf "$RUN"
	mkdir "$BATS_TEST_TMPDIR/elsewhere"
	ln -s "$BATS_TEST_TMPDIR/elsewhere" "$RUN"
	expected_rc=1 run_x "$BONDCFG" --root "$ROOT" up bond0
	assert_output_contains "refused: the run folder must be a folder (not a link) of root's"
	[ -z "$(bond_names)" ]
	rm "$RUN"
	mkdir -m 0777 "$RUN"
	chown 65534:65534 "$RUN"
	expected_rc=1 run_x "$BONDCFG" --root "$ROOT" up bond0
	assert_output_contains "refused: the run folder"
	[ -z "$(bond_names)" ]
	# root's but writable by all: refused too
	chown 0:0 "$RUN"
	expected_rc=1 run_x "$BONDCFG" --root "$ROOT" up bond0
	[ -z "$(bond_names)" ]
}

@test "a hard link as the lock is refused, and its target left as it was" {
	one_bond
	mkdir -m 0700 "$RUN"
	echo "precious" >"$BATS_TEST_TMPDIR/victim"
	ln "$BATS_TEST_TMPDIR/victim" "$RUN/lock"
	expected_rc=1 run_x "$BONDCFG" --root "$ROOT" up bond0
	assert_output_contains "refused: the run folder"
	[ "$(cat "$BATS_TEST_TMPDIR/victim")" = precious ]
	[ -z "$(bond_names)" ]
}

@test "records that are a link to /dev/zero, a FIFO, or slaves.new a link: said, not followed, nothing blocks" {
	one_bond
	mkdir -m 0700 "$RUN"
	echo "precious" >"$BATS_TEST_TMPDIR/victim"
	for bad in zero fifo; do
		rm -f "$RUN/slaves" "$RUN/slaves.new"
		case $bad in
		zero) ln -s /dev/zero "$RUN/slaves" ;;
		fifo) mkfifo "$RUN/slaves" ;;
		esac
		ln -s "$BATS_TEST_TMPDIR/victim" "$RUN/slaves.new"
		TEST_TIMEOUT=20 run_split "$BONDCFG" --root "$ROOT" up bond0
		[[ "$err" == *"$RUN/slaves: cannot read what slaves were before they were enslaved: not a regular file"* ]]
		[ "$(slaves_of bond0)" = "d1 d2" ]
		[ "$(cat "$BATS_TEST_TMPDIR/victim")" = precious ]
		# replaced by a file of ours, which down reads
		[ -f "$RUN/slaves" ] && [ ! -L "$RUN/slaves" ]
		run_x "$BONDCFG" down bond0
		[ "$(link_field d1 '.flags | index("UP") != null')" = true ]
		[ "$(link_field d2 '.flags | index("UP") != null')" = false ]
	done
}

@test "no cap on records: 5000 of other bonds are kept, a line that is not one is said and dropped" {
	one_bond
	mkdir -m 0700 "$RUN"
	{
		for i in $(seq 5000); do echo "bz$i ez$i up"; done
		echo "bond0 ../../x up"
	} >"$RUN/slaves"
	chmod 600 "$RUN/slaves"
	run_split "$BONDCFG" --root "$ROOT" up bond0
	[[ "$err" == *"$RUN/slaves:5001: not a record of bondcfg; dropped"* ]]
	[ "$(wc -l <"$RUN/slaves")" = 5002 ]
	grep -qx "bond0 d1 up" "$RUN/slaves"
	grep -qx "bz5000 ez5000 up" "$RUN/slaves"
	run_x "$BONDCFG" down bond0
	[ "$(wc -l <"$RUN/slaves")" = 5000 ]
}

# --- kill -9 --------------------------------------------------------------------

# twenty: bonds b0..b19, each with slaves eN (up before) and fN (down).
twenty() {
	local i

	for i in $(seq 0 19); do
		printf 'link add e%d type dummy\nlink add f%d type dummy\nlink set e%d up\n' "$i" "$i" "$i"
	done | ip -batch -
	for i in $(seq 0 19); do
		ifcfg "b$i" "mode=active-backup miimon=100" "e$i" "f$i"
	done
}

# killed_at MS CMD...: CMD started, killed with SIGKILL after MS ms (it may
# have ended before).
killed_at() {
	local ms=$1 pid
	shift

	"$@" >/dev/null 2>&1 &
	pid=$!
	sleep "$(printf '0.%03d' "$ms")"
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}

# ms_of CMD...: how long CMD takes, in ms.
ms_of() {
	local t0 t1

	t0=$(date +%s%N)
	"$@" >/dev/null 2>&1 || true
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000000))
}

# check_all_up: every bond up with both slaves, mode from the files.
check_all_up() {
	[ "$(ip -j link show type bond | gojq -r 'length')" = 20 ]
	[ "$(ip -j link show | gojq -r '[.[] | select(.master != null)] | length')" = 40 ]
}

@test "kill -9 at 10 points of up --all, of down --all, and of an apply that changes the mode: the next run gives every slave back as it was" {
	local before t i ms points=0

	twenty
	before=$(devices)
	t=$(ms_of "$BONDCFG" --root "$ROOT" up --all)
	"$BONDCFG" --root "$ROOT" down --all
	[ "$(devices)" = "$before" ]
	[ "$t" -gt 0 ]
	for i in $(seq 10); do
		ms=$((RANDOM % (t + 1)))
		ms=$((ms > 999 ? 999 : ms))
		# up --all killed, then again
		killed_at "$ms" "$BONDCFG" --root "$ROOT" up --all
		run_x "$BONDCFG" --root "$ROOT" up --all
		check_all_up
		# an apply that changes the mode (slaves released and enslaved
		# again), killed, then again
		sed -i 's/mode=active-backup/mode=balance-xor/' "$NS"/ifcfg-b*
		killed_at "$ms" "$BONDCFG" --root "$ROOT" apply --all
		run_x "$BONDCFG" --root "$ROOT" apply --all
		check_all_up
		sed -i 's/mode=balance-xor/mode=active-backup/' "$NS"/ifcfg-b*
		run_x "$BONDCFG" --root "$ROOT" apply --all
		# down --all killed, then again
		killed_at "$ms" "$BONDCFG" --root "$ROOT" down --all
		run_x "$BONDCFG" --root "$ROOT" down --all
		[ -z "$(bond_names)" ]
		if [ "$(devices)" != "$before" ]; then
			echo "# killed after $ms ms of $t: slaves not as before" >&2
			diff <(echo "$before" | gojq -c '.[]') <(devices | gojq -c '.[]') | sed 's/^/#   /' >&2
			return 1
		fi
		[ ! -s "$RUN/slaves" ]
		points=$((points + 3))
	done
	echo "# $points kill points (a run takes $t ms): all slaves back as they were" >&3
}
