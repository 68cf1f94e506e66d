#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# Hostile configuration files, one case at a time: every reader, on files
# that try to run commands, never close a quote, hold NUL bytes or escape
# sequences, are huge, deeply nested or not files at all, must not run
# anything, crash or hang, and must say what is wrong about that very file
# (and line). The small cases are the trees FORMAT-* in
# tests/fixtures/hostile; the big and odd ones are made by
# tests/fixtures/hostile/generate in the test's own folder. A test that
# names a known bug is skipped while the bug is there, and fails once it is
# fixed, so that the test is brought up to date.

load ../helpers

# A case may take this long, anywhere (under ASan too).
TEST_TIMEOUT=20
H=$FIXTURES/hostile
NS=etc/sysconfig/network-scripts
MP=etc/modprobe.d/bonding.conf
CD=etc/conf.d/net
IF=etc/network/interfaces

setup() {
	E=$BATS_TEST_TMPDIR/err
	known_bug=
	soft=()
}

# case_root CASE: the tree of CASE, committed or generated now.
case_root() {
	if [ -d "$H/$1" ]; then
		printf '%s' "$H/$1"
	else
		"$H/generate" "$BATS_TEST_TMPDIR/gen" "$1" >&2
		printf '%s' "$BATS_TEST_TMPDIR/gen/$1"
	fi
}

# type_of FILE: the --type of the file FILE.
type_of() {
	case $1 in
	*/ifcfg-*) echo ifcfg ;;
	*/modprobe.d/*) echo modprobe ;;
	*/conf.d/net) echo confd ;;
	*) echo interfaces ;;
	esac
}

# bp ARG...: ifcfg-bond-parse under run_x (status $expected_rc), stdout in
# $output, stderr in $E.
bp() {
	run_x sh -c 'f=$1; shift; exec "$@" 2>"$f"' sh "$E" "$IFCFG_BOND_PARSE" "$@"
}

# fail_soft TEXT: a failed check, which only skips the test when it is the
# known bug the test names.
fail_soft() {
	printf '# %s\n# stderr:\n' "$1" >&2
	head -c 4000 "$E" | cat -v | sed 's/^/#   /' >&2
	if [ -z "$known_bug" ]; then
		return 1
	fi
	soft+=("$1")
}

# check_diags WHERE TEXT: stderr has a diagnostic at WHERE (FILE or
# FILE:LINE) holding TEXT, and no raw control character or invalid UTF-8.
check_diags() {
	local where=$1 text=$2

	if ! awk -v w="$where: " 'index($0, w) == 1' "$E" |
		grep -E '^.*: (error|warning|note): ' | grep -qF -- "$text"; then
		fail_soft "no diagnostic at $where with '$text'" || return 1
	fi
	if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$E" ||
		LC_ALL=C grep -q $'\xc2[\x80-\x9f]' "$E" ||
		! iconv -f UTF-8 -t UTF-8 "$E" >/dev/null 2>&1; then
		fail_soft "a raw control character or invalid UTF-8 in the diagnostics" || return 1
	fi
}

# no_marker CASE: the input's payload did not run.
no_marker() {
	if [ -e "/tmp/bondcfg-pwned-$1" ]; then
		echo "# the input ran a command: /tmp/bondcfg-pwned-$1 exists" >&2
		return 1
	fi
}

# hostile RC CASE FILE LINE [TEXT]: reads the tree of CASE as --root, then
# FILE alone (or $read_file) with --type, and as JSON: each exits with RC
# (0 or 3; never a crash, never past $TEST_TIMEOUT; $file_rc for the second)
# and says something about FILE:LINE (FILE alone when LINE is -) holding
# TEXT, with no raw control characters. What --format=shell and --format=ip
# print is run (ip stubbed out) when there is something to print. No marker
# file may appear. With $known_bug set, a missing or raw diagnostic skips
# the test, naming the bug ($file_known_bug for the second run).
hostile() {
	local rc=$1 c=$2 file=$3 line=$4 text=${5:-} where f

	no_marker "$c"
	root=$(case_root "$c")
	where=$root/$file
	[ "$line" = - ] || where=$where:$line

	expected_rc=$rc bp --root "$root"
	root_output=$output
	check_diags "$where" "$text"
	cp "$E" "$BATS_TEST_TMPDIR/root-err"
	no_marker "$c"

	f=${read_file:-$file}
	expected_rc=${file_rc:-$rc} bp --root "$root" --type "$(type_of "$f")" "$root/$f"
	known_bug=${file_known_bug-$known_bug} check_diags "$where" "$text"
	no_marker "$c"

	expected_rc=$rc bp --root "$root" --format=json
	jq -e '(.diagnostics | length) > 0 and (.errors > 0) == ('"$rc"' == 3)' \
		<<<"$output" >/dev/null ||
		fail_soft "--format=json: no diagnostics, or errors do not match the exit status" ||
		return 1
	no_marker "$c"

	if [ "$rc" = 0 ]; then
		for f in shell ip; do
			bp --root "$root" --format=$f
			printf '%s\n' "$output" >"$BATS_TEST_TMPDIR/$f.out"
			run_x bash -c 'ip() { :; }; . "$1"' bash "$BATS_TEST_TMPDIR/$f.out"
		done
	fi
	no_marker "$c"
	cp "$BATS_TEST_TMPDIR/root-err" "$E"
	output=$root_output

	if [ ${#soft[@]} -gt 0 ]; then
		skip "known bug: $known_bug"
	fi
	if [ -n "$known_bug" ]; then
		echo "# the known bug seems fixed: $known_bug (update this test)" >&2
		return 1
	fi
}

# says FILE LINE TEXT: the --root run of the case also said TEXT at
# FILE:LINE.
says() {
	local where=$root/$1
	[ "$2" = - ] || where=$where:$2
	check_diags "$where" "$3"
}

# has_line TEXT: the --root run printed the line TEXT.
has_line() {
	if ! grep -qxF -- "$1" <<<"$output"; then
		printf '# expected the line: %s\n# stdout:\n%s\n' "$1" "$output" >&2
		return 1
	fi
}

# --- ifcfg ---------------------------------------------------------------------

@test "ifcfg: \$(...) in values is kept as text" {
	hostile 3 ifcfg-cmdsubst $NS/ifcfg-bond0 4 "kept as written"
	says $NS/ifcfg-bond0 5 "kept as written"
	says $NS/ifcfg-bond0 7 "kept as written"
}

@test "ifcfg: backquotes, nested too, are kept as text" {
	hostile 3 ifcfg-backticks $NS/ifcfg-bond0 3 "kept as written"
	says $NS/ifcfg-bond0 5 "kept as written"
}

@test "ifcfg: \${...} and \$((...)) are kept as text" {
	hostile 3 ifcfg-param-expansion $NS/ifcfg-bond0 3 "kept as written"
	says $NS/ifcfg-bond0 6 "kept as written"
}

@test "ifcfg: commands after ; && | & || >, eval, exec and source are not run" {
	hostile 0 ifcfg-command-injection $NS/ifcfg-bond0 1 "never run"
	says $NS/ifcfg-bond0 7 "never run"
	says $NS/ifcfg-bond0 9 "never run"
	says $NS/ifcfg-bond0 10 "never run"
	says $NS/ifcfg-bond0 12 "never run"
}

@test "ifcfg: a redirection after an assignment" {
	hostile 0 ifcfg-redirection $NS/ifcfg-bond0 3
}

@test "ifcfg: an unterminated double quote" {
	hostile 3 ifcfg-unterminated-double $NS/ifcfg-bond0 3 "unterminated"
}

@test "ifcfg: an unterminated single quote" {
	hostile 3 ifcfg-unterminated-single $NS/ifcfg-bond0 3 "unterminated"
}

@test "ifcfg: an unterminated array" {
	hostile 3 ifcfg-unterminated-array $NS/ifcfg-bond0 3
}

@test "ifcfg: an unterminated function" {
	hostile 3 ifcfg-unterminated-function $NS/ifcfg-bond0 4 "not closed"
}

@test "ifcfg: an unterminated \$(" {
	hostile 3 ifcfg-unterminated-cmdsubst $NS/ifcfg-bond0 3 "unterminated"
}

@test "ifcfg: an unclosed here-document" {
	hostile 3 ifcfg-unclosed-heredoc $NS/ifcfg-bond0 3 "here-document"
}

@test "ifcfg: a NUL byte" {
	hostile 3 ifcfg-nul $NS/ifcfg-bond0 3 "NUL"
}

@test "ifcfg: CRLF line ends and no final newline" {
	hostile 0 ifcfg-crlf $NS/ifcfg-bond0 6 "kept as written"
	has_line "options=mode=active-backup miimon=100"
	has_line "addresses=192.0.2.1/24"
}

@test "ifcfg: escape sequences and control characters are masked" {
	hostile 3 ifcfg-escapes $NS/ifcfg-bond0 3
	says $NS/ifcfg-bond0 4 "?[2J?[HIPADDR"
}

@test "ifcfg: invalid UTF-8" {
	hostile 3 ifcfg-invalid-utf8 $NS/ifcfg-bond0 3
}

@test "ifcfg: interface names of 300 characters" {
	hostile 3 ifcfg-long-names $NS/ifcfg-bond0 1
	says $NS/ifcfg-eth0 2 "MASTER="
}

@test "ifcfg: 100000 nested \$(" {
	hostile 3 ifcfg-nest-dollar-paren $NS/ifcfg-bond0 2 "unterminated"
}

@test "ifcfg: 100000 nested \$( closed again" {
	hostile 3 ifcfg-nest-dollar-paren-closed $NS/ifcfg-bond0 2 "kept as written"
}

@test "ifcfg: 100000 nested \${" {
	hostile 3 ifcfg-nest-dollar-brace $NS/ifcfg-bond0 2 "unterminated"
}

@test "ifcfg: 100000 nested (" {
	hostile 3 ifcfg-nest-paren $NS/ifcfg-bond0 2
}

@test "ifcfg: 100000 nested {" {
	hostile 3 ifcfg-nest-brace $NS/ifcfg-bond0 2 "not closed"
}

@test "ifcfg: 100000 nested [" {
	hostile 3 ifcfg-nest-bracket $NS/ifcfg-bond0 2
}

@test "ifcfg: 100000 nested quotes in \$(" {
	hostile 3 ifcfg-nest-quotes $NS/ifcfg-bond0 2 "unterminated"
}

@test "ifcfg: a file over 1 MiB is refused" {
	hostile 3 ifcfg-over-1mib $NS/ifcfg-bond0 - "too large"
}

@test "ifcfg: a 10 MB line is refused" {
	hostile 3 ifcfg-10mb-line $NS/ifcfg-bond0 - "too large"
}

@test "ifcfg: 12000 assignments" {
	hostile 3 ifcfg-many-assignments $NS/ifcfg-bond0 10001 "more than 10000 variables"
}

@test "ifcfg: 5000 assignments on one line" {
	hostile 0 ifcfg-many-on-one-line $NS/ifcfg-bond0 1 "never run"
}

@test "ifcfg: a folder where the file should be" {
	hostile 3 ifcfg-dir $NS/ifcfg-bond0 - "not a regular file"
}

@test "ifcfg: a link to /dev/zero" {
	hostile 3 ifcfg-devzero $NS/ifcfg-bond0 - "a link out of the --root tree"
}

@test "ifcfg: a FIFO" {
	hostile 3 ifcfg-fifo $NS/ifcfg-bond0 - "not a regular file"
}

@test "ifcfg: a link to itself" {
	hostile 3 ifcfg-symlink-loop $NS/ifcfg-bond0 -
}

@test "ifcfg: escape sequences in the file name" {
	# read alone under its real name; diagnostics show it masked
	read_file=$NS/ifcfg-bond0$'\e[2J\e]0;pwned\a' \
		hostile 3 ifcfg-escape-in-filename "$NS/ifcfg-bond0?[2J?]0;pwned?" 2 "kept as written"
}

# --- modprobe.d -----------------------------------------------------------------

@test "modprobe.d: \$(...) in options" {
	hostile 3 modprobe-cmdsubst $MP 2
	says $MP 3 "arp_ip_target"
}

@test "modprobe.d: backquotes in options" {
	hostile 3 modprobe-backticks $MP 2
	says $MP 3 "miimon"
}

@test "modprobe.d: \${...} in options" {
	hostile 3 modprobe-param-expansion $MP 2
}

@test "modprobe.d: install, remove and softdep commands; ; && | > in options" {
	hostile 3 modprobe-command-injection $MP 1 "install bonding"
	says $MP 2 "install bond0"
	says $MP 6 "max_bonds"
	says $MP 7 "unknown option"
}

@test "modprobe.d: unterminated quotes" {
	hostile 3 modprobe-unterminated-quotes $MP 2 "unterminated quote"
	says $MP 3 "unterminated quote"
}

@test "modprobe.d: a continuation line at the end of the file" {
	hostile 3 modprobe-continuation-eof $MP 2
}

@test "modprobe.d: a NUL byte" {
	hostile 3 modprobe-nul $MP 2 "NUL"
}

@test "modprobe.d: CRLF line ends and no final newline" {
	hostile 3 modprobe-crlf $MP 4 "max_bonds"
}

@test "modprobe.d: escape sequences and control characters are masked" {
	hostile 3 modprobe-escapes $MP 2
}

@test "modprobe.d: invalid UTF-8" {
	hostile 3 modprobe-invalid-utf8 $MP 2
}

@test "modprobe.d: interface names of 300 characters" {
	hostile 3 modprobe-long-names $MP 3
	says $MP 1 "not an interface name"
}

@test "modprobe.d: 100000 nested \$(" {
	hostile 3 modprobe-nest-dollar-paren $MP 2
}

@test "modprobe.d: 100000 nested \$( closed again" {
	hostile 3 modprobe-nest-dollar-paren-closed $MP 2
}

@test "modprobe.d: 100000 nested \${" {
	hostile 3 modprobe-nest-dollar-brace $MP 2
}

@test "modprobe.d: 100000 nested (" {
	hostile 3 modprobe-nest-paren $MP 2
}

@test "modprobe.d: 100000 nested {" {
	hostile 3 modprobe-nest-brace $MP 2
}

@test "modprobe.d: 100000 nested [" {
	hostile 3 modprobe-nest-bracket $MP 2
}

@test "modprobe.d: 100000 nested quotes in \$(" {
	hostile 3 modprobe-nest-quotes $MP 2
}

@test "modprobe.d: a file over 1 MiB is refused" {
	hostile 3 modprobe-over-1mib $MP - "too large"
}

@test "modprobe.d: a 10 MB line is refused" {
	hostile 3 modprobe-10mb-line $MP - "too large"
}

@test "modprobe.d: 3000 aliases and options" {
	hostile 0 modprobe-many-assignments $MP 1 "install bonding"
	says $MP 3 "options for bond0"
}

@test "modprobe.d: a folder where the file should be" {
	hostile 3 modprobe-dir $MP - "not a regular file"
}

@test "modprobe.d: a link to /dev/zero" {
	hostile 3 modprobe-devzero $MP - "a link out of the --root tree"
}

@test "modprobe.d: a FIFO" {
	hostile 3 modprobe-fifo $MP - "not a regular file"
}

@test "modprobe.d: a link to itself" {
	hostile 3 modprobe-symlink-loop $MP -
}

# --- conf.d/net -----------------------------------------------------------------

@test "conf.d/net: \$(...) in values and arrays is kept as text" {
	hostile 3 confd-cmdsubst $CD 1 "kept as written"
	says $CD 3 "kept as written"
}

@test "conf.d/net: backquotes are kept as text" {
	hostile 3 confd-backticks $CD 1 "kept as written"
}

@test "conf.d/net: \${...} and \$((...)) are kept as text" {
	hostile 3 confd-param-expansion $CD 1 "kept as written"
	says $CD 3 "kept as written"
}

@test "conf.d/net: commands after ; && | >, and a function, are not run" {
	hostile 0 confd-command-injection $CD 1 "never run"
	says $CD 6 "never run"
}

@test "conf.d/net: an unterminated double quote" {
	hostile 3 confd-unterminated-double $CD 1 "unterminated"
}

@test "conf.d/net: an unterminated single quote" {
	hostile 3 confd-unterminated-single $CD 1 "unterminated"
}

@test "conf.d/net: an unterminated array" {
	hostile 3 confd-unterminated-array $CD 2 "unterminated array"
}

@test "conf.d/net: an unterminated function" {
	hostile 3 confd-unterminated-function $CD 2 "not closed"
}

@test "conf.d/net: an unclosed here-document" {
	hostile 3 confd-unclosed-heredoc $CD 2 "here-document"
}

@test "conf.d/net: a NUL byte" {
	hostile 3 confd-nul $CD 2 "NUL"
}

@test "conf.d/net: CRLF line ends and no final newline" {
	hostile 3 confd-crlf $CD 6 "kept as written"
	has_line "options=mode=active-backup"
	has_line "addresses=192.0.2.1/24"
}

@test "conf.d/net: escape sequences and control characters are masked" {
	hostile 3 confd-escapes $CD 2
}

@test "conf.d/net: invalid UTF-8" {
	hostile 3 confd-invalid-utf8 $CD 1 "is not an interface name"
}

@test "conf.d/net: interface names of 300 characters" {
	hostile 3 confd-long-names $CD 1
	says $CD 2 "not an interface name"
}

@test "conf.d/net: 100000 nested \$(" {
	hostile 3 confd-nest-dollar-paren $CD 2 "unterminated"
}

@test "conf.d/net: 100000 nested \$( closed again" {
	hostile 3 confd-nest-dollar-paren-closed $CD 2 "kept as written"
}

@test "conf.d/net: 100000 nested \${" {
	hostile 3 confd-nest-dollar-brace $CD 2 "unterminated"
}

@test "conf.d/net: 100000 nested (" {
	hostile 3 confd-nest-paren $CD 2
}

@test "conf.d/net: 100000 nested {" {
	hostile 3 confd-nest-brace $CD 2 "not closed"
}

@test "conf.d/net: 100000 nested [" {
	hostile 3 confd-nest-bracket $CD 2
}

@test "conf.d/net: 100000 nested quotes in \$(" {
	hostile 3 confd-nest-quotes $CD 2 "unterminated"
}

@test "conf.d/net: a file over 1 MiB is refused" {
	hostile 3 confd-over-1mib $CD - "too large"
}

@test "conf.d/net: a 10 MB line is refused" {
	hostile 3 confd-10mb-line $CD - "too large"
}

@test "conf.d/net: 12000 assignments" {
	hostile 3 confd-many-assignments $CD 10001 "more than 10000 variables"
}

@test "conf.d/net: a folder where the file should be" {
	hostile 3 confd-dir $CD - "not a regular file"
}

@test "conf.d/net: a link to /dev/zero" {
	hostile 3 confd-devzero $CD - "a link out of the --root tree"
}

@test "conf.d/net: a FIFO" {
	hostile 3 confd-fifo $CD - "not a regular file"
}

@test "conf.d/net: a link to itself" {
	hostile 3 confd-symlink-loop $CD -
}

# --- interfaces -----------------------------------------------------------------

@test "interfaces: \$(...) in options" {
	hostile 3 interfaces-cmdsubst $IF 3
	says $IF 4 "one value expected"
}

@test "interfaces: backquotes in options" {
	hostile 3 interfaces-backticks $IF 2
	says $IF 3 "one value expected"
}

@test "interfaces: \${...} in options" {
	hostile 3 interfaces-param-expansion $IF 2
}

@test "interfaces: commands after ; && |, and up/pre-up/mapping scripts, are not run" {
	hostile 3 interfaces-command-injection $IF 4 "one value expected"
	says $IF 5 "one value expected"
}

@test "interfaces: unterminated quotes" {
	hostile 3 interfaces-unterminated-quotes $IF 3
	says $IF 4 "one value expected"
}

@test "interfaces: a continuation line at the end of the file" {
	hostile 3 interfaces-continuation-eof $IF 2
}

@test "interfaces: here-document syntax is only text" {
	hostile 3 interfaces-heredoc $IF 4
}

@test "interfaces: a NUL byte" {
	hostile 3 interfaces-nul $IF 2 "NUL"
}

@test "interfaces: CRLF line ends and no final newline" {
	hostile 3 interfaces-crlf $IF 6 "one value expected"
}

@test "interfaces: escape sequences and control characters are masked" {
	hostile 3 interfaces-escapes $IF 3
	says $IF 4 "unknown bonding option"
}

@test "interfaces: invalid UTF-8" {
	hostile 3 interfaces-invalid-utf8 $IF 3
}

@test "interfaces: interface names of 300 characters" {
	hostile 3 interfaces-long-names $IF 2
	says $IF 5 "not an interface name"
	says $IF 8 "not an interface name"
}

@test "interfaces: a file sourcing itself, by four names" {
	hostile 3 interfaces-source-self $IF 1 "sources itself (a loop of source lines)"
	says $IF 4 "sources itself (a loop of source lines)"
}

@test "interfaces: two files sourcing each other" {
	hostile 3 interfaces-source-loop $IF 2 "read once only"
	says etc/network/interfaces.d/b 1 "sources itself (a loop of source lines)"
}

@test "interfaces: source /* and other globs stay under the root" {
	read_file=$IF hostile 3 interfaces-source-glob etc - "not a regular file"
	says $IF 2 "sources itself (a loop of source lines)"
}

@test "interfaces: source with \$(...), backquotes and ;" {
	hostile 0 interfaces-source-cmdsubst $IF 1 "no such file"
	says $IF 5 "no such folder"
}

@test "interfaces: source nested 11 deep" {
	read_file=$IF hostile 3 interfaces-source-deep etc/network/d8 1 "too deep"
}

@test "interfaces: source of /dev/zero, a FIFO, a folder and a link loop" {
	read_file=$IF hostile 3 interfaces-source-special etc/network/interfaces 1 "outside the --root tree"
	says etc/network/fifo - "not a regular file"
	says etc/network/folder - "not a regular file"
	says etc/network/loop - ""
	says $IF 8 "not an interface name"
}

@test "interfaces: source of a file with escape sequences in its name" {
	read_file=$IF hostile 3 interfaces-source-escape-in-filename "etc/network/x?[2J?]0;pwned?" 2
}

@test "interfaces: 1200 sourced files" {
	hostile 3 interfaces-many-files $IF 1 "too many files"
}

@test "interfaces: a sourced file with a path of 600 bytes" {
	read_file=$IF hostile 3 interfaces-long-path "etc/network/$(printf 'd%.0s' {1..200})/$(printf 'e%.0s' {1..200})/$(printf 'f%.0s' {1..200})/x" 2
}

@test "interfaces: 100000 nested \$(" {
	hostile 3 interfaces-nest-dollar-paren $IF 2
}

@test "interfaces: 100000 nested \$( closed again" {
	hostile 3 interfaces-nest-dollar-paren-closed $IF 2
}

@test "interfaces: 100000 nested \${" {
	hostile 3 interfaces-nest-dollar-brace $IF 2
}

@test "interfaces: 100000 nested (" {
	hostile 3 interfaces-nest-paren $IF 2
}

@test "interfaces: 100000 nested {" {
	hostile 0 interfaces-nest-brace $IF 2
}

@test "interfaces: 100000 nested [" {
	hostile 3 interfaces-nest-bracket $IF 2
}

@test "interfaces: 100000 nested quotes in \$(" {
	hostile 3 interfaces-nest-quotes $IF 2
}

@test "interfaces: a file over 1 MiB is refused" {
	hostile 3 interfaces-over-1mib $IF - "too large"
}

@test "interfaces: a 10 MB line is refused" {
	hostile 3 interfaces-10mb-line $IF - "too large"
}

@test "interfaces: 10500 iface stanzas" {
	hostile 3 interfaces-many-assignments $IF 20001 "more than 10000 iface stanzas"
}

@test "interfaces: a folder where the file should be" {
	hostile 3 interfaces-dir $IF - "not a regular file"
}

@test "interfaces: a link to /dev/zero" {
	hostile 3 interfaces-devzero $IF - "a link out of the --root tree"
}

@test "interfaces: a FIFO" {
	hostile 3 interfaces-fifo $IF - "not a regular file"
}

@test "interfaces: a link to itself" {
	hostile 3 interfaces-symlink-loop $IF -
}

# --- the corpus itself ------------------------------------------------------------

@test "every case of the corpus is tested here" {
	local c missing=
	for c in $(cd "$H" && ls -d {ifcfg,modprobe,confd,interfaces}-*/ | tr -d /) \
		$("$H/generate" --list); do
		grep -qE "hostile [03] $c " "$BATS_TEST_FILENAME" || missing+=" $c"
	done
	if [ -n "$missing" ]; then
		echo "# cases without a test:$missing" >&2
		return 1
	fi
}

@test "every committed file is small" {
	run_x find "$H" -type f -size +20k
	[ -z "$output" ]
}
