// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target: the ifcfg reader, on up to four ifcfg-* files read as
 * one set (so that MASTER= and the bond's own file meet).
 */
#include "config.h"

#include "fuzz.h"

static const char *const names[] = {
	"etc/sysconfig/network-scripts/ifcfg-bond0",
	"etc/sysconfig/network-scripts/ifcfg-eth0",
	"etc/sysconfig/network-scripts/ifcfg-eth1",
	"etc/sysconfig/network-scripts/ifcfg-bond1",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_read(HOST_IFCFG, names, 4, 4, data, size);
}
