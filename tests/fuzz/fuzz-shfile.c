// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target: the shell-style reader on arbitrary text, without a
 * file in between.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	struct shfile f;
	struct diags d;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	diags_init(&d);
	/* the file reader refuses NUL bytes; the text stops at the first */
	shfile_parse(&f, text, strlen(text), "fuzz", &d);
	shfile_free(&f);
	diags_free(&d);
	free(text);
	return 0;
}
