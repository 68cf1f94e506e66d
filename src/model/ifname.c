// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Interface-name validation, so that a bad name is reported by us, with the
 * reason, before any request reaches the kernel.
 */
#include "config.h"

#include <errno.h>
#include <net/if.h>
#include <string.h>

#include "model/diag.h"
#include "model/ifname.h"

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
		if (!(n = diag_utf8_len((const unsigned char *)p)))
			return -EILSEQ;
	return 0;
}
