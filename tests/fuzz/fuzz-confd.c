// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target: the confd reader on arbitrary input.
 */
#include "fuzz-reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_read(data, size, HOST_CONFD, "etc/conf.d/net");
}
