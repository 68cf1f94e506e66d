// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Interface-name validation, so that a bad name is reported by us, with the
 * reason, before any request reaches the kernel.
 */
#include "config.h"

#include <errno.h>
#include <net/if.h>
#include <string.h>

#include "model/ifname.h"

/* The length of the UTF-8 sequence at @p, or 0 if it is not one. */
static size_t utf8_len(const unsigned char *p)
{
	size_t n, i;
	unsigned int cp;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		n = 2;
		cp = p[0] & 0x1f;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		n = 3;
		cp = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 4;
		cp = p[0] & 0x07;
	} else {
		return 0;
	}
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	/* overlong forms, UTF-16 surrogates, past U+10FFFF */
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return n;
}

int ifname_check(const char *name)
{
	const char *p;
	size_t n;

	if (!name || !*name)
		return -EINVAL;
	if (strnlen(name, IFNAMSIZ) == IFNAMSIZ)
		return -ENAMETOOLONG;
	/* The kernel's dev_valid_name(): "." and ".." would clash in sysfs. */
	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return -EINVAL;
	/*
	 * '/' and ':' (alias labels) and white space are refused there too.
	 * Control characters the kernel would take; no name an admin gives
	 * has them, and no tool could print it safely.
	 */
	for (p = name; *p; p++)
		if (*p == '/' || *p == ':' || *p == ' ' ||
		    (unsigned char)*p < 0x20 || *p == 0x7f)
			return -EINVAL;
	/* bytes that are not UTF-8 would reach terminals and files raw */
	for (p = name; *p; p += n)
		if (!(n = utf8_len((const unsigned char *)p)))
			return -EILSEQ;
	return 0;
}
