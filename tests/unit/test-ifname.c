// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests for interface-name validation.
 */
#include "config.h"

#include <errno.h>

#include "model/ifname.h"
#include "tap.h"

static const char *const valid[] = {
	"bond0",
	"eth0",
	"enp1s0f1",
	"a",
	"bond.100",
	"x-y_z@1",
	"123456789012345", /* 15 bytes: the longest the kernel takes */
	"b$(id)'`;", /* the kernel takes it: printed, it is quoted */
	"\xc3\xa9"
	"th0",
	"\xe2\x82\xac",
	"\xf0\x9f\x98\x80", /* UTF-8: é, €, U+1F600 */
};

static const struct {
	const char *name;
	int err;
} invalid[] = {
	{ "", -EINVAL },
	{ ".", -EINVAL },
	{ "..", -EINVAL },
	{ "eth0/1", -EINVAL },
	{ "eth0:1", -EINVAL },
	{ "eth 0", -EINVAL },
	{ "eth\t0", -EINVAL },
	{ "eth0\n", -EINVAL },
	{ "1234567890123456", -ENAMETOOLONG },
	{ "a-very-long-interface-name", -ENAMETOOLONG },
	{ "eth\x1b[0m", -EINVAL }, /* a terminal escape */
	{ "eth\x7f", -EINVAL },
	/* not UTF-8: Latin-1, a lone continuation byte, a cut sequence */
	{ "\xe9"
	  "th0",
	  -EILSEQ },
	{ "eth\x80", -EILSEQ },
	{ "eth\xe2\x82", -EILSEQ },
	/* overlong '/', a UTF-16 surrogate, past U+10FFFF */
	{ "\xc0\xaf"
	  "etc",
	  -EILSEQ },
	{ "\xed\xa0\x80", -EILSEQ },
	{ "\xf4\x90\x80\x80", -EILSEQ },
};

int main(void)
{
	size_t i;

	for (i = 0; i < sizeof(valid) / sizeof(valid[0]); i++)
		tap_is_int(ifname_check(valid[i]), 0, "valid: '%s'", valid[i]);
	for (i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++)
		tap_is_int(ifname_check(invalid[i].name), invalid[i].err,
			   "invalid: '%s'", invalid[i].name);
	tap_is_int(ifname_check(NULL), -EINVAL, "NULL is refused");
	return tap_done();
}
