// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target: the /etc/network/interfaces reader. The first piece of
 * the input is the file read; the others are files it can source, in
 * interfaces.d. ".." is taken out of the input: a relative source path
 * climbs out of the root with it (as ifupdown's would), and the fuzzer
 * must not read the real file system.
 */
#include "config.h"

#include "fuzz.h"

static const char *const names[] = {
	"etc/network/interfaces",
	"etc/network/interfaces.d/a",
	"etc/network/interfaces.d/b-c",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *copy = malloc(size ? size : 1);
	size_t i;
	int rc;

	if (!copy)
		abort();
	memcpy(copy, data, size);
	for (i = 0; i + 1 < size; i++)
		if (copy[i] == '.' && copy[i + 1] == '.')
			copy[i + 1] = '_';
	rc = fuzz_read(HOST_INTERFACES, names, 3, 1, copy, size);
	free(copy);
	return rc;
}
