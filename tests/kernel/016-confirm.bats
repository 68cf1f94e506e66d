#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# Changes that revert by themselves unless confirmed, on the real driver:
# --confirm[=SECONDS] on apply, set, up and ifenslave, the state before
# the change saved in $BONDCFG_RUN_DIR/pending, and the detached watchdog
# that reverts it at the deadline: when nobody confirms, when the command
# that started it was killed with SIGKILL, and when its terminal hung up
# (script(1) killed: SIGHUP to the session). `bondcfg confirm` and
# `bondcfg revert` within the window, and with nothing pending.
# --confirm-check answered by ARP on the bond's subnet and by ICMP echo
# through a router (a veth pair whose far end is in the namespace "peer",
# kept silent with its sysctls until the test lets it answer), and an
# address that never answers. A slave deleted during the window: the
# revert brings the bond back without it, fails, says what is left, and
# completes by hand once the slave is back. A second change refused while
# one is pending; a dry run not. Every change and every revert is read back with
# `ip -d -j link show`, normalized by `state`.

load ../helpers
load kernel

setup_file() {
	announce_kernel
}

setup() {
	ifcfg_setup
	ip netns del peer 2>/dev/null || true
	ip link del e1 2>/dev/null || true
}

# ours PID: a bondcfg or ifenslave process (a watchdog), not another that
# got its pid since.
ours() {
	[ -n "$1" ] && [ -d "/proc/$1" ] || return 1
	case "$(readlink "/proc/$1/exe" 2>/dev/null) $(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null)" in
	*bondcfg* | *ifenslave*) return 0 ;;
	esac
	return 1
}

teardown() {
	local pid

	# The commands a test left in the background, by the pids they saved:
	# the apply to be killed; script, and the session of the shell it ran.
	pid=$(cat "$BATS_TEST_TMPDIR/fg.pid" 2>/dev/null) || true
	! ours "$pid" || kill -9 "$pid" 2>/dev/null || true
	pid=$(cat "$BATS_TEST_TMPDIR/script.pid" 2>/dev/null) || true
	[ -z "$pid" ] || kill -9 "$pid" 2>/dev/null || true
	pid=$(cat "$BATS_TEST_TMPDIR/sh.pid" 2>/dev/null) || true
	[ -z "$pid" ] || kill -9 -- "-$pid" 2>/dev/null || true
	# Every watchdog a test saw, and the one the pending change names now,
	# before the next test: left alone it would revert in the middle of it.
	for pid in $(cat "$BATS_TEST_TMPDIR/watchdogs" 2>/dev/null) $(watchdog_pid 2>/dev/null); do
		! ours "$pid" || kill -9 "$pid" 2>/dev/null || true
	done
	ip netns del peer 2>/dev/null || true
	ip link del e1 2>/dev/null || true
	kernel_teardown
}

# until_true SECONDS COMMAND...: polls COMMAND every 0.5 s.
until_true() {
	local end=$((SECONDS + $1))

	shift
	until "$@"; do
		[ "$SECONDS" -lt "$end" ] || return 1
		sleep 0.5
	done
}

# --- links as ip reads them ---------------------------------------------------

# state DEV...: those links as `ip -d -j link show` reads them, one a
# line, sorted by name; a link that does not exist has no line (a bond
# that the revert deletes is gone from it). Left out is what no request
# sets and a revert cannot give back: the ifindex (a bond made again has
# another), counters, the LACP state bits and aggregator ids of 802.3ad
# ports and the bond's ad_info, which move on their own, and a slave's
# link failure counter (a slave enslaved again starts at 0; 6.12 counts
# one when its bond goes down and up again). Kept is what a request sets
# or a revert must give back: mode and every option of the bond, master,
# slave state (active or backup), queue id, flags (UP among them), MTU,
# MAC and permanent MAC, qdisc and queue lengths; and operstate and
# mii_status, which flicker while links change and then settle: the tests
# compare with wait_state, which polls.
state() {
	links | gojq -c 'select(.ifname as $n | any($ARGS.positional[]; . == $n))
		| del(.stats?, .stats64?)' --args "$@"
}

# settled_state DEV...: state once two readings 1.1 s apart agree (the
# kernel's link watch reports carrier and operstate up to a second late):
# what a test keeps as the state before a change.
settled_state() {
	local prev="" now

	for _ in $(seq 10); do
		now=$(state "$@")
		[ "$now" = "$prev" ] && break
		prev=$now
		sleep 1.1
	done
	printf '%s\n' "$now"
}

# same_state BEFORE DEV...: state reads BEFORE.
same_state() {
	local before=$1

	shift
	[ "$(state "$@")" = "$before" ]
}

# wait_state SECONDS BEFORE DEV...: state reads BEFORE within SECONDS;
# else the difference is shown.
wait_state() {
	local secs=$1 before=$2

	shift 2
	until_true "$secs" same_state "$before" "$@" && return 0
	echo "# the links differ after $secs s (< before, > now):" >&2
	diff <(echo "$before") <(state "$@") | sed 's/^/#   /' >&2
	return 1
}

up_flag() {
	link_field "$1" '.flags | index("UP") != null'
}

# --- the pending change -------------------------------------------------------

# pending_json: the member "pending" of show --json, compact: null when
# nothing is pending; nothing at all if show failed.
pending_json() {
	"$BONDCFG" --root "$ROOT" show --json 2>/dev/null | gojq -c '.pending'
}

# is_pending: show --json has a pending change, and the file is there.
is_pending() {
	pending_json | gojq -e 'type == "object"' >/dev/null && [ -e "$BONDCFG_RUN_DIR/pending" ]
}

# no_pending: show --json says null, and the file is gone.
no_pending() {
	[ "$(pending_json)" = null ] && [ ! -e "$BONDCFG_RUN_DIR/pending" ]
}

# watchdog_pid: the pid of the pending change's watchdog, or nothing;
# kept in the test's folder for teardown.
watchdog_pid() {
	local pid

	pid=$(pending_json | gojq -r '.watchdog // empty' 2>/dev/null)
	[ -z "$pid" ] || echo "$pid" >>"$BATS_TEST_TMPDIR/watchdogs"
	printf '%s\n' "$pid"
}

# stat_of PID: the fields of /proc/PID/stat after the name: state, ppid,
# process group, session...; fails when there is no such process.
stat_of() {
	local stat

	stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
	printf '%s\n' "${stat##*) }"
}

# alive PID: the process runs (a zombie that nobody reaped yet does not).
alive() {
	local st

	[ -n "$1" ] && [ "$1" != null ] || return 1
	kill -0 "$1" 2>/dev/null || return 1
	st=$(stat_of "$1") || return 1
	[ "${st%% *}" != Z ] && [ "${st%% *}" != X ]
}

gone() {
	! alive "$1"
}

# session_of PID: its session id; fails when there is no such process.
session_of() {
	local st sid

	st=$(stat_of "$1") || return 1
	read -r _ _ _ sid _ <<<"$st"
	echo "$sid"
}

# apart PID SID...: PID runs in a session that is none of SID...
apart() {
	local sid s

	sid=$(session_of "$1") || { echo "# no process $1" >&2; return 1; }
	shift
	for s in "$@"; do
		[ "$sid" != "$s" ] || { echo "# in session $s" >&2; return 1; }
	done
}

# says_deadline: the stdout of the last run_split has the line that says
# when the change reverts and how to keep it.
says_deadline() {
	grep 'reverts at' <<<"$output" | grep -q 'bondcfg confirm' || {
		printf '# no line with "reverts at" and "bondcfg confirm" on stdout:\n%s\n' "$output" >&2
		return 1
	}
}

# expect_pending WINDOW CHECK LINK...: show --json has the pending change
# of a command run between $T0 and $T1 (seconds since the epoch) with
# --confirm=WINDOW: its command line, a deadline WINDOW s after the
# change, the seconds remaining a whole number within the window, a live
# watchdog, CHECK as --confirm-check ("" for none: null), waiting, and
# each LINK among the links saved. The file is there. The JSON in
# $PENDING, the watchdog's pid in $WATCHDOG.
expect_pending() {
	local window=$1 check=$2

	shift 2
	PENDING=$(pending_json)
	printf '# pending: %s\n' "$PENDING" >&2
	gojq -e --argjson t0 "$T0" --argjson t1 "$T1" --argjson w "$window" --arg check "$check" '
		type == "object"
		and (.command | type) == "string" and .command != ""
		and (.deadline | type) == "number"
		and .deadline >= $t0 + $w - 1 and .deadline <= $t1 + $w + 1
		and (.remaining | type) == "number" and .remaining == (.remaining | floor)
		and .remaining >= 0 and .remaining <= $w + 1
		and (.watchdog | type) == "number" and .watchdog > 1
		and .check == (if $check == "" then null else $check end)
		and .state == "waiting"
		and (.links | type) == "array"
		and ($ARGS.positional - .links) == []' --args "$@" <<<"$PENDING" >/dev/null
	WATCHDOG=$(gojq -r .watchdog <<<"$PENDING")
	echo "$WATCHDOG" >>"$BATS_TEST_TMPDIR/watchdogs"
	alive "$WATCHDOG" || {
		printf '# watchdog %s is gone; pending now: %s\n' "$WATCHDOG" "$(pending_json)" >&2
		dmesg | tail -n 3 | sed 's/^/# /' >&2
		return 1
	}
	[ -e "$BONDCFG_RUN_DIR/pending" ]
}

# confirm_run WINDOW CHECK "LINK..." VERIFY CMD...: runs CMD, a change
# with --confirm=WINDOW (and --confirm-check CHECK, "" for none), which
# must say on stdout when it reverts; VERIFY (a function, or true) checks
# the change took effect; then expect_pending.
confirm_run() {
	local window=$1 check=$2 links=$3 verify=$4

	shift 4
	T0=$(date +%s)
	run_split "$@"
	T1=$(date +%s)
	says_deadline
	"$verify"
	# shellcheck disable=SC2086
	expect_pending "$window" "$check" $links
}

miimon_200() {
	[ "$(bond_info bond0 .miimon)" = 200 ]
}

three_slaves() {
	[ "$(slaves_of bond0)" = "d0 d1 d2" ]
}

# expect_reverted DEV...: within 20 s the links DEV... are as $BEFORE has
# them, nothing is pending any more (show --json and the file), and the
# watchdog $WATCHDOG has exited.
expect_reverted() {
	[ -n "$WATCHDOG" ]
	wait_state 20 "$BEFORE" "$@"
	until_true 5 no_pending || { echo "# still pending: $(pending_json)" >&2; return 1; }
	until_true 5 gone "$WATCHDOG" || { echo "# watchdog $WATCHDOG still runs" >&2; return 1; }
}

# --- bonds --------------------------------------------------------------------

# ab_bond DEV...: bond0 from its files, active-backup with miimon 100 over
# DEV..., brought up.
ab_bond() {
	ifcfg bond0 "mode=active-backup miimon=100" "$@"
	run_x "$BONDCFG" --root "$ROOT" up bond0
	[ "$(bond_info bond0 .mode)" = active-backup ]
}

# mode_change: bond0 in active-backup over d0 and d1 (reset: d0 up
# before, d1 down), its links as they are then in $BEFORE; then its file
# says 802.3ad with fast LACP, which the bond is not yet.
mode_change() {
	reset
	ab_bond d0 d1
	BEFORE=$(settled_state bond0 d0 d1)
	sed -i 's/^BONDING_OPTS=.*/BONDING_OPTS="mode=802.3ad miimon=100 lacp_rate=fast"/' "$NS/ifcfg-bond0"
}

# is_lacp: the mode change took effect: 802.3ad, fast LACP, both slaves.
is_lacp() {
	[ "$(bond_info bond0 .mode)" = 802.3ad ] &&
		[ "$(bond_info bond0 .ad_lacp_rate)" = fast ] &&
		[ "$(slaves_of bond0)" = "d0 d1" ]
}

# lacp_watched: is_lacp, and a watchdog runs for it (its pid in $WATCHDOG).
lacp_watched() {
	is_lacp && WATCHDOG=$(watchdog_pid) && alive "$WATCHDOG"
}

# --- a peer to answer --confirm-check -----------------------------------------

# peer_up: the namespace "peer" with p1 at 192.0.2.2/24, the far end of
# our veth e1.
peer_up() {
	modprobe veth
	ip netns add peer
	ip link add e1 type veth peer name p1 netns peer
	ip -n peer addr add 192.0.2.2/24 dev p1
	ip -n peer link set lo up
	ip -n peer link set p1 up
}

# peer_sysctl NAME VALUE: /proc/sys/net/ipv4/NAME in the namespace "peer".
# conf/all/arp_ignore 8 answers no ARP request, 1 only those for an
# address of the device asked; icmp_echo_ignore_all 1 answers no ping.
peer_sysctl() {
	ip netns exec peer sh -c 'echo "$2" >"/proc/sys/net/ipv4/$1"' _ "$1" "$2"
}

answers() {
	ping -c 1 -W 1 "$1" >/dev/null 2>&1
}

# bond_e1: bond0 from its files, active-backup over e1 alone (all its
# traffic through it), 192.0.2.1/24, and 192.0.2.2 answering.
bond_e1() {
	ab_bond e1
	run_x ip addr add 192.0.2.1/24 dev bond0
	until_true 20 answers 192.0.2.2 || { echo "# 192.0.2.2 does not answer through bond0" >&2; return 1; }
}

# --- reverted at the deadline -------------------------------------------------

@test "apply --confirm=5 of a mode change: 802.3ad during the window, said on stdout and by show; nobody confirms: every link back as it was, the saved state and the watchdog gone" {
	mode_change
	confirm_run 5 "" "bond0 d0 d1" is_lacp "$BONDCFG" --root "$ROOT" apply --confirm=5 bond0
	run_x "$BONDCFG" --root "$ROOT" show
	grep -q '^pending change:' <<<"$output"
	gojq -e '.command | contains("apply")' <<<"$PENDING" >/dev/null
	# the watchdog is not in the session of the test that started it
	apart "$WATCHDOG" "$(session_of "$BASHPID")"
	expect_reverted bond0 d0 d1
	[ "$(bond_info bond0 .mode)" = active-backup ]
	[ "$(bond_info bond0 .ad_lacp_rate)" = slow ]
	run_x "$BONDCFG" --root "$ROOT" show
	[ -z "$(grep '^pending change:' <<<"$output")" ]
}

@test "apply --confirm=5 killed with SIGKILL once the change is made: the watchdog, another process, reverts at the deadline all the same" {
	mode_change
	"$BONDCFG" --root "$ROOT" apply --confirm=5 bond0 \
		>"$BATS_TEST_TMPDIR/fg.out" 2>&1 </dev/null 3>&- &
	local fg=$!
	echo "$fg" >"$BATS_TEST_TMPDIR/fg.pid"
	until_true 20 lacp_watched || {
		sed 's/^/# /' "$BATS_TEST_TMPDIR/fg.out" >&2
		return 1
	}
	[ "$WATCHDOG" != "$fg" ]
	# it may have exited already: SIGKILL then finds nobody
	kill -9 "$fg" 2>/dev/null || true
	wait "$fg" 2>/dev/null || true
	expect_reverted bond0 d0 d1
	[ "$(bond_info bond0 .mode)" = active-backup ]
}

@test "apply --confirm=8 on a terminal that hangs up (script killed: SIGHUP to its session): the watchdog, in a session of its own, reverts at the deadline" {
	mode_change
	local cmd out=$BATS_TEST_TMPDIR/tty.out sh_sid
	# the shell script(1) runs is the leader of the terminal's session:
	# its pid is the session's id
	cmd="echo \$\$ >$(printf %q "$BATS_TEST_TMPDIR/sh.pid"); $(printf '%q ' "$BONDCFG" --root "$ROOT" apply --confirm=8 bond0); sleep 30"
	T0=$(date +%s)
	setsid bash -c 'echo $$ >"$1"; exec script -qec "$2" /dev/null' _ \
		"$BATS_TEST_TMPDIR/script.pid" "$cmd" >"$out" 2>&1 </dev/null 3>&- &
	# the command is done once it said when the change reverts
	until_true 20 grep -q 'reverts at' "$out" || {
		sed 's/^/# /' "$out" >&2
		return 1
	}
	T1=$(date +%s)
	grep 'reverts at' "$out" | grep -q 'bondcfg confirm'
	is_lacp
	expect_pending 8 "" bond0 d0 d1
	sh_sid=$(cat "$BATS_TEST_TMPDIR/sh.pid")
	[ "$(session_of "$sh_sid")" = "$sh_sid" ]
	apart "$WATCHDOG" "$sh_sid" "$(session_of "$BASHPID")"
	# the terminal's master side closes: the kernel hangs the terminal up
	kill -9 "$(cat "$BATS_TEST_TMPDIR/script.pid")"
	expect_reverted bond0 d0 d1
	[ "$(bond_info bond0 .mode)" = active-backup ]
}

# --- confirm and revert -------------------------------------------------------

@test "confirm within the window: the change stays, the watchdog and the saved state gone; confirm and revert again: nothing to do, exit 1" {
	mode_change
	T0=$(date +%s)
	# run_x reads the output to its end: a watchdog that kept the
	# command's stdout open would hold it until the timeout
	SECONDS=0
	run_x "$BONDCFG" --root "$ROOT" apply --confirm=30 bond0
	[ "$SECONDS" -lt 20 ]
	T1=$(date +%s)
	is_lacp
	expect_pending 30 "" bond0 d0 d1
	run_x "$BONDCFG" confirm
	until_true 3 gone "$WATCHDOG"
	no_pending
	sleep 2
	is_lacp
	run_x "$BONDCFG" --root "$ROOT" show
	[ -z "$(grep '^pending change:' <<<"$output")" ]
	expected_rc=1 run_x "$BONDCFG" confirm
	assert_output_contains "nothing to confirm"
	expected_rc=1 run_x "$BONDCFG" revert
	assert_output_contains "nothing to revert"
	is_lacp
}

@test "a slave deleted during the window: at the deadline the bond goes back to its mode without it, the revert failed and says what is left; other changes refused; once the slave is back, revert ends it" {
	mode_change
	confirm_run 6 "" "bond0 d0 d1" is_lacp "$BONDCFG" --root "$ROOT" apply --confirm=6 bond0
	run_x ip link del d1
	# the watchdog's revert: the mode back, d1 named as gone, kept
	until_true 20 failed_revert || { echo "# pending: $(pending_json)" >&2; return 1; }
	[ "$(bond_info bond0 .mode)" = active-backup ]
	[ "$(bond_info bond0 .ad_lacp_rate)" = slow ]
	[ "$(slaves_of bond0)" = d0 ]
	until_true 5 gone "$WATCHDOG"
	run_x "$BONDCFG" --root "$ROOT" show
	assert_output_contains "its revert failed; run 'bondcfg revert' to try again"
	expected_rc=1 run_x "$BONDCFG" --root "$ROOT" set bond0 miimon=300
	assert_output_contains "revert of the change made by"
	[ "$(bond_info bond0 .miimon)" = 100 ]
	# by hand: still gone, said; then back, and the revert completes
	expected_rc=1 run_x "$BONDCFG" revert
	assert_output_contains "d1: is gone"
	assert_output_contains "bond0: d1 is not its slave"
	run_x ip link add d1 type dummy
	run_x ip link set d1 up
	run_x "$BONDCFG" revert
	assert_output_contains "reverted: the links are as they were"
	[ "$(slaves_of bond0)" = "d0 d1" ]
	[ "$(bond_info bond0 .mode)" = active-backup ]
	no_pending
}

# failed_revert: the pending change is kept with its revert failed.
failed_revert() {
	[ "$(pending_json | gojq -r .state)" = "revert failed" ]
}

@test "revert within the window: every link back as it was at once, the watchdog and the saved state gone; revert again: exit 1" {
	mode_change
	confirm_run 30 "" "bond0 d0 d1" is_lacp "$BONDCFG" --root "$ROOT" apply --confirm=30 bond0
	run_x "$BONDCFG" revert
	# long before the deadline, 30 s after the apply
	wait_state 10 "$BEFORE" bond0 d0 d1
	no_pending
	until_true 3 gone "$WATCHDOG"
	[ "$(bond_info bond0 .mode)" = active-backup ]
	expected_rc=1 run_x "$BONDCFG" revert
	assert_output_contains "nothing to revert"
}

# --- --confirm-check ----------------------------------------------------------

@test "--confirm-check on the bond's subnet: not confirmed while the address is silent; once it answers ARP (not ping), confirmed by itself, the change kept" {
	peer_up
	bond_e1
	# the peer silent: no ARP reply, no echo reply
	peer_sysctl conf/all/arp_ignore 8
	peer_sysctl icmp_echo_ignore_all 1
	confirm_run 20 192.0.2.2 "bond0" miimon_200 "$BONDCFG" set --confirm=20 --confirm-check 192.0.2.2 bond0 miimon=200
	sleep 3
	is_pending
	alive "$WATCHDOG"
	# ARP answered again, ping still not: on the subnet the watchdog asks ARP
	peer_sysctl conf/all/arp_ignore 0
	until_true 10 no_pending || { echo "# still pending: $(pending_json)" >&2; return 1; }
	until_true 3 gone "$WATCHDOG"
	[ "$(bond_info bond0 .miimon)" = 200 ]
	[ "$(slaves_of bond0)" = e1 ]
}

@test "--confirm-check of an address behind a router: not confirmed while it ignores ping; once it answers echo, confirmed by itself, the change kept" {
	peer_up
	# 198.51.100.2 on the peer's lo, and ARP answered only for the address
	# of the device asked: only ICMP echo, routed through 192.0.2.2, reaches it
	run_x ip -n peer addr add 198.51.100.2/32 dev lo
	peer_sysctl conf/all/arp_ignore 1
	bond_e1
	run_x ip route add 198.51.100.0/24 via 192.0.2.2 dev bond0
	until_true 20 answers 198.51.100.2
	peer_sysctl icmp_echo_ignore_all 1
	confirm_run 20 198.51.100.2 "bond0" miimon_200 "$BONDCFG" set --confirm=20 --confirm-check 198.51.100.2 bond0 miimon=200
	sleep 3
	is_pending
	alive "$WATCHDOG"
	peer_sysctl icmp_echo_ignore_all 0
	until_true 10 no_pending || { echo "# still pending: $(pending_json)" >&2; return 1; }
	until_true 3 gone "$WATCHDOG"
	[ "$(bond_info bond0 .miimon)" = 200 ]
}

@test "--confirm-check of an address on the subnet that nobody has: reverted at the deadline, in place (the bond keeps its address)" {
	peer_up
	bond_e1
	BEFORE=$(settled_state bond0 e1)
	confirm_run 5 192.0.2.99 "bond0" miimon_200 "$BONDCFG" set --confirm=5 --confirm-check 192.0.2.99 bond0 miimon=200
	expect_reverted bond0 e1
	[ "$(bond_info bond0 .miimon)" = 100 ]
	[ "$(address_of bond0)" = 192.0.2.1/24 ]
}

@test "--confirm-check alone: the default window of 120 s; an address without a route is no reason to revert early; revert ends it" {
	reset
	ab_bond d0 d1
	confirm_run 120 192.0.2.99 "bond0" true "$BONDCFG" set --confirm-check 192.0.2.99 bond0 miimon=200
	gojq -e '.remaining >= 100' <<<"$PENDING" >/dev/null
	sleep 2
	is_pending
	alive "$WATCHDOG"
	[ "$(bond_info bond0 .miimon)" = 200 ]
	run_x "$BONDCFG" revert
	[ "$(bond_info bond0 .miimon)" = 100 ]
	no_pending
	until_true 3 gone "$WATCHDOG"
}

# --- one at a time ------------------------------------------------------------

@test "while a change is pending (--confirm alone: 120 s, the bond's name not taken for seconds) every other change is refused, exit 1, nothing changed; a dry run is not; after revert, accepted" {
	reset
	ab_bond d0 d1
	confirm_run 120 "" "bond0" miimon_200 "$BONDCFG" set --confirm bond0 miimon=200
	gojq -e '.remaining >= 100' <<<"$PENDING" >/dev/null
	local saved
	saved=$(gojq -c 'del(.remaining)' <<<"$PENDING")
	expected_rc=1 run_x "$BONDCFG" set bond0 miimon=300
	assert_output_contains "pending"
	expected_rc=1 run_x "$BONDCFG" set --confirm=30 bond0 miimon=300
	assert_output_contains "pending"
	expected_rc=1 run_x "$BONDCFG" enslave bond0 d2
	assert_output_contains "pending"
	expected_rc=1 run_x "$BONDCFG" --root "$ROOT" apply bond0
	assert_output_contains "pending"
	expected_rc=1 run_x "$BONDCFG" --root "$ROOT" down bond0
	assert_output_contains "pending"
	expected_rc=1 run_x "$IFENSLAVE" --root "$ROOT" bond0 d2
	assert_output_contains "pending"
	[ "$(bond_info bond0 .miimon)" = 200 ]
	[ "$(slaves_of bond0)" = "d0 d1" ]
	[ "$(link_field d2 .master)" = null ]
	# the same pending change, the same watchdog
	[ "$(pending_json | gojq -c 'del(.remaining)')" = "$saved" ]
	alive "$WATCHDOG"
	# a dry run changes nothing: not refused
	run_x "$BONDCFG" set --dry-run bond0 miimon=300
	run_x "$BONDCFG" plan set bond0 miimon=300
	[ "$(bond_info bond0 .miimon)" = 200 ]
	run_x "$BONDCFG" revert
	[ "$(bond_info bond0 .miimon)" = 100 ]
	no_pending
	until_true 3 gone "$WATCHDOG"
	run_x "$BONDCFG" set bond0 miimon=300
	[ "$(bond_info bond0 .miimon)" = 300 ]
}

# --- a bond created, a slave added --------------------------------------------

@test "up --confirm=5 of a bond that did not exist: at the deadline the bond is deleted, its slaves free again, d0 up and d1 down as before" {
	reset
	ifcfg bond0 "mode=active-backup miimon=100" d0 d1
	[ ! -e /sys/class/net/bond0 ]
	[ "$(up_flag d0)" = true ]
	[ "$(up_flag d1)" = false ]
	BEFORE=$(settled_state bond0 d0 d1)
	T0=$(date +%s)
	run_split "$BONDCFG" --root "$ROOT" up --confirm=5 bond0
	T1=$(date +%s)
	says_deadline
	[ "$(bond_info bond0 .mode)" = active-backup ]
	[ "$(slaves_of bond0)" = "d0 d1" ]
	[ "$(up_flag d1)" = true ]
	expect_pending 5 "" bond0 d0 d1
	expect_reverted bond0 d0 d1
	[ ! -e /sys/class/net/bond0 ]
	[ -z "$(bond_names)" ]
	[ "$(link_field d0 .master)" = null ]
	[ "$(link_field d1 .master)" = null ]
	[ "$(up_flag d0)" = true ]
	[ "$(up_flag d1)" = false ]
}

@test "ifenslave --confirm=5 of a free device into a live bond: at the deadline it is free again, up as before, the bond as it was" {
	reset
	ab_bond d0 d1
	run_x ip link set d2 up
	BEFORE=$(settled_state bond0 d0 d1 d2)
	confirm_run 5 "" "bond0 d2" three_slaves "$IFENSLAVE" --root "$ROOT" --confirm=5 bond0 d2
	expect_reverted bond0 d0 d1 d2
	[ "$(slaves_of bond0)" = "d0 d1" ]
	[ "$(link_field d2 .master)" = null ]
	[ "$(up_flag d2)" = true ]
}
