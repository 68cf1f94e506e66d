// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Kernel releases and the options they have: the running kernel's release
 * from uname, and whether it lacks an option or a value of the table
 * (bondopt.h), backports to stable series included.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bondopt.h"

/* Reads "major.minor[.sub]" at @s; returns the end, or NULL. */
static const char *kver_read(const char *s, struct bondopt_kver *k)
{
	unsigned long v[3] = { 0, 0, 0 };
	char *end;
	int i;

	for (i = 0; i < 3; i++) {
		if (*s < '0' || *s > '9')
			break;
		v[i] = strtoul(s, &end, 10);
		if (v[i] > USHRT_MAX)
			return NULL;
		s = end;
		if (i < 2 && *s == '.' && s[1] >= '0' && s[1] <= '9')
			s++;
		else
			break;
	}
	if (i < 1)
		return NULL;
	k->major = (unsigned short)v[0];
	k->minor = (unsigned short)v[1];
	k->sub = (unsigned short)v[2];
	return s;
}

int bondopt_kver_parse(const char *release, const char *version,
		       struct bondopt_kver *k)
{
	struct bondopt_kver d;
	const char *end, *p;

	memset(k, 0, sizeof(*k));
	end = release ? kver_read(release, k) : NULL;
	if (!end || !k->major) {
		memset(k, 0, sizeof(*k));
		return -EINVAL;
	}
	if (k->sub || *end != '-')
		return 0;
	/* Debian: release 6.1.0-50-amd64, version "... Debian 6.1.176-1 ..." */
	p = version ? strstr(version, " Debian ") : NULL;
	if (p && kver_read(p + 8, &d) && d.major == k->major &&
	    d.minor == k->minor) {
		k->sub = d.sub;
		return 0;
	}
	/*
	 * Another distribution's ABI name (5.14.0-427.el9, 6.8.0-45-generic):
	 * its kernels carry options from later releases, so the release says
	 * nothing of them. Unknown: the read-back after apply decides.
	 */
	memset(k, 0, sizeof(*k));
	return 0;
}

static int kver_cmp(const struct bondopt_kver *a, const struct bondopt_kver *b)
{
	if (a->major != b->major)
		return a->major < b->major ? -1 : 1;
	if (a->minor != b->minor)
		return a->minor < b->minor ? -1 : 1;
	if (a->sub != b->sub)
		return a->sub < b->sub ? -1 : 1;
	return 0;
}

static bool kver_has(const struct bondopt_kver *since,
		     const struct bondopt_kver *backports,
		     const struct bondopt_kver *k)
{
	size_t i;

	if (!since->major || kver_cmp(k, since) >= 0)
		return true;
	for (i = 0; backports && i < BONDOPT_MAX_BACKPORTS; i++)
		if (backports[i].major && k->major == backports[i].major &&
		    k->minor == backports[i].minor &&
		    k->sub >= backports[i].sub)
			return true;
	return false;
}

const struct bondopt_kver *bondopt_kernel_lacks(const struct bondopt *opt,
						int64_t value,
						const struct bondopt_kver *k)
{
	size_t i;

	if (!k->major)
		return NULL;
	if (!kver_has(&opt->since, opt->backports, k))
		return &opt->since;
	for (i = 0; value >= 0 && i < opt->nvalues; i++)
		if (opt->values[i].value == value &&
		    !kver_has(&opt->values[i].since, NULL, k))
			return &opt->values[i].since;
	return NULL;
}

void bondopt_kver_format(const struct bondopt *opt, char *buf, size_t size)
{
	const struct bondopt_kver *bp = opt->backports;
	size_t i, len;

	len = (size_t)snprintf(buf, size, "%u.%u", opt->since.major,
			       opt->since.minor);
	for (i = 0; i < BONDOPT_MAX_BACKPORTS && bp[i].major && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%u.%u.%u",
					i ? ", " : " (", bp[i].major,
					bp[i].minor, bp[i].sub);
	if (i && len < size)
		snprintf(buf + len, size - len, " in those series)");
}
