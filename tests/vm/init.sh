#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# /init of the initramfs that tests/vm/bondvm builds (busybox-static plus a few
# kernel modules). It mounts the host's / read-only over virtio-9p, puts a
# tmpfs overlay on it, chroots into it and runs the command script that bondvm
# wrote into its run directory (kernel command line: bondvm_run=DIR).
#
# Channels: ttyS0 is the kernel console (a log file on the host) and carries
# the BONDVM-EXIT=<status> marker; ttyS1 carries the command's output.

/bin/busybox --install -s /bin
export PATH=/bin

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev

fail() {
	printf '\nBONDVM-ERROR=%s\n' "$*" >/dev/ttyS0
	poweroff -f
	sleep 10
}

kver=$(uname -r)
[ -n "$bondvm_run" ] || fail "no bondvm_run= on the kernel command line"

# Only what mounting the root needs; test modules are left to the tests.
while read -r ko; do
	insmod "/lib/modules/$kver/$ko" || fail "insmod $ko failed"
done </etc/bondvm-boot-modules

mkdir -p /host /rw /newroot
mount -t 9p -o ro,trans=virtio,version=9p2000.L,msize=512000,cache=loose host /host ||
	fail "cannot mount the host's / over 9p"
mount -t tmpfs -o mode=0755 rw /rw
mkdir -p /rw/upper /rw/work
mount -t overlay -o lowerdir=/host,upperdir=/rw/upper,workdir=/rw/work overlay /newroot ||
	fail "cannot mount the overlay"

# The tests run the host's own modprobe, which looks in /lib/modules/$(uname -r).
mkdir -p "/newroot/lib/modules/$kver"
cp -a "/lib/modules/$kver/." "/newroot/lib/modules/$kver/" || fail "cannot copy the modules"

# /tmp stays the overlay: writable, and the host's /tmp files remain visible.
mount -t proc proc /newroot/proc
mount -t sysfs sysfs /newroot/sys
mount -t devtmpfs devtmpfs /newroot/dev
mkdir -p /newroot/dev/pts /newroot/dev/shm
mount -t devpts -o ptmxmode=0666,mode=0620 devpts /newroot/dev/pts
# devtmpfs has no /dev/fd: bash's process substitution (bats) needs it.
ln -sf /proc/self/fd /newroot/dev/fd
ln -sf /proc/self/fd/0 /newroot/dev/stdin
ln -sf /proc/self/fd/1 /newroot/dev/stdout
ln -sf /proc/self/fd/2 /newroot/dev/stderr
mount -t tmpfs -o mode=1777 shm /newroot/dev/shm
mount -t tmpfs -o mode=0755 run /newroot/run
mount -t debugfs debugfs /newroot/sys/kernel/debug 2>/dev/null

# The kernel runs /sbin/modprobe of this initramfs to load modules on
# demand (creating the first bond loads bonding): send it to the chroot's.
mkdir -p /sbin
printf '#!/bin/sh\nexec chroot /newroot /sbin/modprobe "$@"\n' >/sbin/modprobe
chmod 0755 /sbin/modprobe
echo /sbin/modprobe >/proc/sys/kernel/modprobe

hostname bondvm
ip link set lo up

# Raw output: no \n -> \r\n translation, no echo.
stty -F /dev/ttyS1 raw -echo -opost

# The command writes into a pipe, not a tty: tools then print no colours nor
# columns, as in any CI log.
mkfifo /out
cat /out >/dev/ttyS1 &
relay=$!
chroot /newroot /usr/bin/env -i /bin/bash --noprofile --norc "$bondvm_run/cmd.sh" \
	</dev/null >/out 2>&1
rc=$?

# Daemons the command left behind may keep the pipe open: give up after 2 s.
(sleep 2; kill $relay 2>/dev/null) &
wait $relay
# tcsetattr(TCSADRAIN) waits until the UART has sent everything.
stty -F /dev/ttyS1 raw -echo -opost
printf '\nBONDVM-EXIT=%s\n' "$rc" >/dev/ttyS0
poweroff -f
sleep 10
