// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target: the modprobe.d reader, on up to three files read in
 * order (aliases in one, options in another).
 */
#include "config.h"

#include "fuzz.h"

static const char *const names[] = {
	"etc/modprobe.d/a.conf",
	"etc/modprobe.d/b.conf",
	"lib/modprobe.d/c.conf",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_read(HOST_MODPROBE, names, 3, 3, data, size);
}
