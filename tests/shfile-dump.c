// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * For the tests that compare the shell-style reader with bash itself:
 * reads FILE as the ifcfg reader does (shfile_parse) and prints each
 * scalar variable as NAME=HEX, the hex of its value's bytes, in name
 * order; its diagnostics on stderr. Not installed.
 *
 *   shfile-dump FILE
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/cfgfile.h"
#include "formats/shfile.h"
#include "cmd/output.h"

static int by_name(const void *a, const void *b)
{
	return strcmp((*(const struct shvar *const *)a)->name,
		      (*(const struct shvar *const *)b)->name);
}

int main(int argc, char **argv)
{
	struct shfile f = { 0 };
	const struct shvar **v;
	const unsigned char *p;
	struct diags d;
	size_t len, i;
	char *buf;

	if (argc != 2) {
		fputs("usage: shfile-dump FILE\n", stderr);
		return 2;
	}
	diags_init(&d);
	if (cfgfile_read("", argv[1], &buf, &len, &d)) {
		output_diags(&d, stderr);
		return 1;
	}
	shfile_parse(&f, buf, len, argv[1], &d);
	v = calloc(f.n_vars + 1, sizeof(*v));
	for (i = 0; i < f.n_vars; i++)
		v[i] = &f.vars[i];
	qsort(v, f.n_vars, sizeof(*v), by_name);
	for (i = 0; i < f.n_vars; i++) {
		if (v[i]->array)
			continue;
		printf("%s=", v[i]->name);
		for (p = (const unsigned char *)v[i]->value; *p; p++)
			printf("%02x", *p);
		putchar('\n');
	}
	output_diags(&d, stderr);
	free(v);
	shfile_free(&f);
	free(buf);
	diags_free(&d);
	return 0;
}
