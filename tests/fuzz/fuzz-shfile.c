// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target: the shell-style parser alone (ifcfg and conf.d/net),
 * on text up to its first NUL byte, as cfgfile_read() hands it over.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "formats/shfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "DEVICE", "BONDING_OPTS",
					     "slaves_bond0", "config_bond0" };
	char *buf = malloc(size + 1);
	const struct shvar *v;
	struct shfile f;
	struct diags d;
	size_t i, j, len;

	if (!buf)
		abort();
	memcpy(buf, data, size);
	buf[size] = '\0';
	len = strlen(buf);
	diags_init(&d);
	shfile_parse(&f, buf, len, "fuzz", &d);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		v = shfile_get(&f, names[i]);
		if (!v)
			continue;
		/* every element and value is a string */
		len += strlen(v->value);
		for (j = 0; j < v->n_elems; j++)
			len += strlen(v->elems[j]);
	}
	for (i = 0; i < f.n_funcs; i++)
		len += strlen(f.funcs[i].body);
	shfile_free(&f);
	diags_free(&d);
	free(buf);
	return len == (size_t)-1;
}
