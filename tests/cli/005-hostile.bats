#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# Hostile input: every reader on files that try to run commands, never end,
# hold NUL bytes, are huge or deeply nested, or are not files at all. Each
# is read without running anything, crashing or hanging, and gets a
# diagnostic naming the file. The fixed cases are in tests/fixtures/hostile;
# the big ones are made here.

load ../helpers

H=$FIXTURES/hostile
NS=etc/sysconfig/network-scripts

setup() {
	T=$BATS_TEST_TMPDIR/root
	mkdir -p "$T"
	rm -f /tmp/bondcfg-pwned-*
}

# hostile ROOT [ARG...]: reads ROOT; fails on a crash (any status but 0 and
# 3), a time-out, a file created by the input, a raw control character in
# the diagnostics, or no diagnostic at all. $err holds the diagnostics.
hostile() {
	local root=$1 status=0
	shift
	timeout 20 "$IFCFG_BOND_PARSE" --root "$root" "$@" \
		>"$BATS_TEST_TMPDIR/out" 2>"$BATS_TEST_TMPDIR/err" || status=$?
	err=$(cat "$BATS_TEST_TMPDIR/err")
	if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
		printf '# exit status %d (crash or time-out)\n%s\n' "$status" "$err" >&2
		return 1
	fi
	if compgen -G '/tmp/bondcfg-pwned-*' >/dev/null; then
		echo "# the input ran a command: $(ls /tmp/bondcfg-pwned-*)" >&2
		return 1
	fi
	if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$BATS_TEST_TMPDIR/err"; then
		echo "# a raw control character in the diagnostics" >&2
		return 1
	fi
	if [ -z "$err" ]; then
		echo "# no diagnostic" >&2
		return 1
	fi
	# every reader's output forms hold up too
	for f in json shell ip; do
		timeout 20 "$IFCFG_BOND_PARSE" --root "$root" --format=$f "$@" \
			>/dev/null 2>&1 || [ $? -eq 3 ] || return 1
	done
}

# says PATH-SUFFIX TEXT: a diagnostic for a file ending in PATH-SUFFIX
# holds TEXT.
says() {
	if ! grep -F -- "$1" <<<"$err" | grep -qF -- "$2"; then
		printf '# expected a diagnostic for %s with: %s\n# got:\n%s\n' "$1" "$2" "$err" >&2
		return 1
	fi
}

@test "ifcfg: command substitutions, backquotes, commands and eval are never run" {
	hostile "$H/inject-ifcfg"
	says "$NS/ifcfg-bond0:3:" "kept as written"
	says "$NS/ifcfg-bond0:6:" "never run"
	says "$NS/ifcfg-bond0:9:" "'eval': a shell command"
	says "$NS/ifcfg-bond0:10:" "not followed"
	says "$NS/ifcfg-eth0:2:" "kept as written"
}

@test "conf.d/net: expansions in values and functions are never run" {
	hostile "$H/inject-confd"
	says "etc/conf.d/net:1:" "kept as written"
	says "etc/conf.d/net:4:" "preup() writes bonding/miimon"
	says "etc/conf.d/net:10:" "never run"
}

@test "interfaces: pre-up and up commands and expansions are never run" {
	hostile "$H/inject-interfaces"
	says "etc/network/interfaces:5:" "not an interface name"
	says "etc/network/interfaces:7:" "one value expected"
}

@test "modprobe.d: install commands and expansions are never run" {
	hostile "$H/inject-modprobe"
	says "bonding.conf:2:" "install bonding"
	says "bonding.conf:3:" "invalid value"
}

@test "unterminated quotes, arrays, functions, here-documents and continuations" {
	hostile "$H/unterminated"
	says "$NS/ifcfg-bond0:3:" "unterminated \" quote"
	says "$NS/ifcfg-bond1:3:" "unterminated ' quote"
	says "$NS/ifcfg-bond2:3:" "unterminated \$(...)"
	says "etc/conf.d/net:4:" "here-document not closed"
	says "etc/conf.d/net:2:" "function body not closed"
	says "x.conf:2:" "unterminated quote"
	hostile "$H/unterminated-array"
	says "etc/conf.d/net:2:" "unterminated array"
}

@test "control characters and invalid UTF-8 are masked in diagnostics" {
	hostile "$H/control-chars"
	says "$NS/ifcfg-bond0:3:" "invalid value '?[2J?]0;owned?'"
	says "$NS/ifcfg-bond0:3:" "'?31m100'"
	says "etc/network/interfaces:3:" "bond-??slaves: unknown"
}

@test "CRLF line ends and a missing final newline" {
	hostile "$H/crlf"
	says "$NS/ifcfg-bond0:4:" "MTU=9000x"
	says "$NS/ifcfg-bond0:5:" "ONBOOT=maybe"
	says "etc/network/interfaces:3:" "invalid value '9'"
}

@test "interfaces: a loop of source lines is an error, read once" {
	hostile "$H/source-loop"
	says "etc/network/interfaces:1:" "sources itself (a loop of source lines)"
	says "etc/network/interfaces:4:" "no such file"
}

@test "names too long or with slashes" {
	hostile "$H/long-names"
	says "ifcfg-averyveryverylonginterfacename:1:" "not a valid interface name"
	says "$NS/ifcfg-eth0:2:" "MASTER=bond/0 is not a valid interface name"
	says "etc/network/interfaces:4:" "'../../x' is not an interface name"
}

@test "NUL bytes: refused as binary, at the line of the first one" {
	mkdir -p "$T/$NS" "$T/etc/modprobe.d" "$T/etc/conf.d" "$T/etc/network"
	printf 'DEVICE=bond0\nTYPE=Bond\0\n' >"$T/$NS/ifcfg-bond0"
	printf 'alias bond0 bonding\n\0' >"$T/etc/modprobe.d/a.conf"
	printf '\0' >"$T/etc/conf.d/net"
	printf 'iface bond0 inet manual\n\n\0\n' >"$T/etc/network/interfaces"
	hostile "$T"
	says "$NS/ifcfg-bond0:2:" "NUL byte"
	says "a.conf:2:" "NUL byte"
	says "etc/conf.d/net:1:" "NUL byte"
	says "etc/network/interfaces:3:" "NUL byte"
}

@test "files over 1 MiB and a 10 MB line are refused without reading them whole" {
	mkdir -p "$T/$NS" "$T/etc/conf.d" "$T/etc/network"
	head -c 10000000 /dev/zero | tr '\0' a >"$T/$NS/ifcfg-bond0"
	{ printf 'slaves_bond0="'; head -c 2000000 /dev/zero | tr '\0' e; echo '"'; } >"$T/etc/conf.d/net"
	{ printf 'iface bond0 inet manual\n'; for i in $(seq 90000); do echo "  bond-mode 1"; done; } >"$T/etc/network/interfaces"
	hostile "$T"
	says "$NS/ifcfg-bond0:" "too large for a configuration file"
	says "etc/conf.d/net:" "too large"
	says "etc/network/interfaces:" "too large"
}

@test "100000 levels of nesting: \$( ( { quotes and arrays" {
	mkdir -p "$T/$NS" "$T/etc/conf.d"
	local deep
	deep=$(printf '$(%.0s' $(seq 100000))
	printf 'DEVICE=bond0\nTYPE=Bond\nBONDING_OPTS="%s"\n' "$deep" >"$T/$NS/ifcfg-bond0"
	deep=$(printf '{ %.0s' $(seq 100000))
	printf 'f() %s\nslaves_bond0=eth0\n' "$deep" >"$T/etc/conf.d/net"
	deep=$(printf '(%.0s' $(seq 100000))
	printf 'x=%s\n' "$deep" >"$T/$NS/ifcfg-bond1"
	deep=$(printf '"%.0s' $(seq 100001))
	printf 'A=%s\n' "$deep" >"$T/$NS/ifcfg-bond2"
	hostile "$T"
	says "$NS/ifcfg-bond0:3:" "unterminated \$(...)"
	says "etc/conf.d/net:1:" "not closed"
	says "$NS/ifcfg-bond2:1:" "unterminated \" quote"
}

@test "thousands of assignments, stanzas and options lines stay fast" {
	mkdir -p "$T/$NS" "$T/etc/network" "$T/etc/modprobe.d"
	seq -f 'V%g=1' 50000 >"$T/$NS/ifcfg-bond0"
	seq -f 'iface e%g inet manual' 30000 >"$T/etc/network/interfaces"
	{ echo 'alias bond0 bonding'; seq -f 'options bond0 miimon=%g' 20000; } >"$T/etc/modprobe.d/a.conf"
	hostile "$T"
	says "$NS/ifcfg-bond0:10001:" "more than 10000 variables"
	says "etc/network/interfaces:10001:" "more than 10000 iface stanzas"
	says "" "more diagnostics not shown"
}

@test "devices, pipes, links and folders where files belong" {
	mkdir -p "$T/$NS" "$T/etc/conf.d" "$T/etc/network" "$T/etc/modprobe.d"
	ln -s /dev/zero "$T/$NS/ifcfg-bond0"
	mkfifo "$T/etc/conf.d/net"
	mkdir "$T/etc/network/interfaces"
	mkdir "$T/$NS/ifcfg-bond1"
	ln -s /dev/urandom "$T/etc/modprobe.d/a.conf"
	ln -s nowhere "$T/$NS/ifcfg-bond2"
	hostile "$T"
	says "$NS/ifcfg-bond0:" "a link out of the --root tree; refused"
	says "$NS/ifcfg-bond1:" "not a regular file"
	says "etc/conf.d/net:" "not a regular file"
	says "a.conf:" "a link out of the --root tree; refused"
	says "$NS/ifcfg-bond2:" "cannot open: a link to nothing"
}

@test "a file called ifcfg- is warned, not skipped in silence" {
	mkdir -p "$T/$NS"
	printf 'DEVICE=eth0\n' >"$T/$NS/ifcfg-"
	run_split "$BONDCFG" --root "$T" check
	[[ $err == *"$NS/ifcfg-: warning: a file called ifcfg- names no device; not read (call it ifcfg-DEVICE)"* ]]
}

@test "a link out of the tree is not read, and a file not every user may read is not quoted" {
	local secret=$BATS_TEST_TMPDIR/secret
	mkdir -p "$T/$NS" "$T/etc/conf.d" "$T/etc/modprobe.d"
	printf 'root:$6$hashhash:19000:0:99999:7:::\nDEVICE=bond0\n' >"$secret"
	for f in "$NS/ifcfg-bond0" etc/conf.d/net etc/modprobe.d/a.conf etc/network/interfaces; do
		mkdir -p "$(dirname "$T/$f")"
		ln -s "$secret" "$T/$f"
	done
	expected_rc=3 run_split "$BONDCFG" --root "$T" check
	[[ $err != *hashhash* ]]
	[ "$(grep -c 'a link out of the --root tree; refused' <<<"$err")" = 3 ]
	[[ $err == *"etc/network/interfaces is outside the --root tree; not read"* ]]
	# inside the tree, but only its owner may read it
	rm "$T/$NS/ifcfg-bond0" "$T/etc/conf.d/net" "$T/etc/modprobe.d/a.conf" "$T/etc/network/interfaces"
	cp "$secret" "$T/etc/conf.d/net"
	chmod 600 "$T/etc/conf.d/net"
	run_split "$BONDCFG" --root "$T" check
	[[ $err != *hashhash* ]]
	[[ $err == *"etc/conf.d/net:1: warning: '...': a shell command, not an assignment; ignored (this file is read as data, never run) (not every user may read the file: none of its text is shown)"* ]]
	# readable by all, the token is quoted as before
	chmod 644 "$T/etc/conf.d/net"
	run_split "$BONDCFG" --root "$T" check
	[[ $err == *"'root:\$6\$hashhash:19000:0:99999:7:::': a shell command"* ]]
}

@test "a source-directory whose name is too long: the error names it, once read" {
	local long

	long=$(printf 'b%.0s' $(seq 300))
	mkdir -p "$T/etc/network"
	printf 'source-directory /etc/%s\niface eth2 inet manual\n' "$long" \
		>"$T/etc/network/interfaces"
	hostile "$T"
	[[ $err == *"/etc/$long: error: cannot list: File name too long"* ]]
	[[ $err == *"source-directory /etc/$long: no such folder"* ]]
}
