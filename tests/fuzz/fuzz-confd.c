// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target: the /etc/conf.d/net reader, on one file (NUL bytes
 * included, which the reader must refuse).
 */
#include "config.h"

#include "fuzz.h"

static const char *const names[] = { "etc/conf.d/net" };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_read(HOST_CONFD, names, 1, 1, data, size);
}
