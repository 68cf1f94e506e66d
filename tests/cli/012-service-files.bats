#!/usr/bin/env bats
# SPDX-License-Identifier: GPL-2.0-or-later
# The hooks, services and units as files: every shell hook parses under
# dash (Debian's /bin/sh) and bash, and passes shellcheck as POSIX sh; the
# systemd unit passes systemd-analyze verify; @variables@ are replaced.
# What they do is tested in the VM (tests/kernel/008, 009 and 010).

load ../helpers

SHELL_HOOKS="network-scripts/ifup-bond network-scripts/ifdown-bond
	network-scripts/ifup-pre-local network-scripts/ifdown-pre-local
	debian/ifupdown-pre-up debian/ifupdown-up debian/ifupdown-post-down
	gentoo/bondcfg.initd gentoo/netifrc-bondcfg.sh"

@test "every shell hook is built, with no @variable@ left" {
	for f in $SHELL_HOOKS gentoo/bondcfg.service; do
		[ -f "$BUILDDIR/$f" ]
		[ "$(grep -c '@[a-z_]*@' "$BUILDDIR/$f")" = 0 ]
	done
}

@test "every shell hook parses under dash and under bash" {
	command -v dash >/dev/null || skip "no dash"
	for f in $SHELL_HOOKS; do
		run_x dash -n "$BUILDDIR/$f"
		run_x bash -n "$BUILDDIR/$f"
	done
}

@test "every shell hook passes shellcheck as POSIX sh" {
	command -v shellcheck >/dev/null || skip "no shellcheck"
	# SC3043: local, which every /bin/sh these hooks run under has
	for f in $SHELL_HOOKS; do
		run_x shellcheck -s sh -S warning -e SC3043 "$BUILDDIR/$f"
		[ -z "$output" ]
	done
}

@test "the systemd unit passes systemd-analyze verify, and a broken one does not" {
	command -v systemd-analyze >/dev/null || skip "no systemd-analyze"
	d=$BATS_TEST_TMPDIR
	sed "s|@sbindir@|$BUILDDIR/src|" "$SRCDIR/gentoo/bondcfg.service.in" >"$d/bondcfg.service"
	run_x systemd-analyze verify --man=no "$d/bondcfg.service"
	# nothing about this unit (the host's own units may have their say)
	[ "$(grep -c bondcfg <<<"$output")" = 0 ]
	# the check sees a mistake: an ExecStart that is not there
	sed "s|@sbindir@|$d/nowhere|" "$SRCDIR/gentoo/bondcfg.service.in" >"$d/bondcfg.service"
	expected_rc=1 run_x systemd-analyze verify --man=no "$d/bondcfg.service"
	assert_output_contains "is not executable"
}

@test "the systemd unit runs bondcfg up --all and down --all, after the modules and before network-pre.target" {
	u=$BUILDDIR/gentoo/bondcfg.service
	grep -qx "ExecStart=.*/bondcfg --syslog up --all" "$u"
	grep -qx "ExecStop=.*/bondcfg --syslog down --all" "$u"
	grep -qx "Before=network-pre.target shutdown.target" "$u"
	grep -q "^After=.*systemd-modules-load.service" "$u"
	grep -qx "Type=oneshot" "$u"
	grep -qx "RemainAfterExit=yes" "$u"
}

@test "the metrics service and timer pass systemd-analyze verify; the service writes show --format=prometheus into node_exporter's textfile folder, with no capability" {
	command -v systemd-analyze >/dev/null || skip "no systemd-analyze"
	d=$BATS_TEST_TMPDIR
	sed "s|@sbindir@|$BUILDDIR/src|" "$SRCDIR/systemd/bondcfg-metrics.service.in" >"$d/bondcfg-metrics.service"
	cp "$SRCDIR/systemd/bondcfg-metrics.timer" "$d/"
	run_x systemd-analyze verify --man=no "$d/bondcfg-metrics.service" "$d/bondcfg-metrics.timer"
	[ "$(grep -c bondcfg <<<"$output")" = 0 ]
	u=$BUILDDIR/systemd/bondcfg-metrics.service
	[ "$(grep -c '@[a-z_]*@' "$u")" = 0 ]
	grep -qx "ExecStart=.*/bondcfg show --format=prometheus --output=/var/lib/prometheus/node-exporter/bondcfg.prom" "$u"
	grep -qx "CapabilityBoundingSet=" "$u"
	grep -qx "ReadWritePaths=/var/lib/prometheus/node-exporter" "$u"
	grep -qx "OnUnitActiveSec=30s" "$SRCDIR/systemd/bondcfg-metrics.timer"
	# Debian ships it disabled, and not the boot service
	grep -q "dh_installsystemd --no-enable --no-start" "$SRCDIR/debian/rules"
	grep -q "rm -f debian/bondcfg/lib/systemd/system/bondcfg.service" "$SRCDIR/debian/rules"
}
