/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A minimal TAP producer for the unit tests, read by automake's tap-driver.
 */
#ifndef BONDCFG_TAP_H
#define BONDCFG_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_count;
static int tap_failed;

#define tap_ok(cond, ...)                                                   \
	do {                                                                \
		int tap_ok_ = !!(cond);                                     \
		printf("%sok %d - ", tap_ok_ ? "" : "not ", ++tap_count);   \
		printf(__VA_ARGS__);                                        \
		putchar('\n');                                              \
		if (!tap_ok_) {                                             \
			tap_failed++;                                       \
			printf("# %s:%d: failed: %s\n", __FILE__, __LINE__, \
			       #cond);                                      \
		}                                                           \
	} while (0)

#define tap_is_int(got, want, ...)                                    \
	do {                                                          \
		long long tap_got_ = (got), tap_want_ = (want);       \
		tap_ok(tap_got_ == tap_want_, __VA_ARGS__);           \
		if (tap_got_ != tap_want_)                            \
			printf("#   got %lld, want %lld\n", tap_got_, \
			       tap_want_);                            \
	} while (0)

static inline int tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif
