// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Carrier waits on the link cache, kept current by the kernel's link
 * notifications: poll(2) on its descriptor until the deadline.
 */
#include "config.h"

#include <errno.h>
#include <net/if.h>
#include <poll.h>
#include <time.h>

#include "kernel/carrier.h"
#include "kernel/linkcache.h"

#ifndef IFF_LOWER_UP
#define IFF_LOWER_UP 0x10000
#endif

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Marks the links that are ready; returns how many are not. */
static size_t check(struct linkcache *lc, const char *const *names, size_t n,
		    bool *ok)
{
	/*
	 * LOWER_UP is the carrier; RUNNING follows once the kernel's link
	 * watch has made the link operational, up to a second later:
	 * traffic flows from then on.
	 */
	const unsigned int ready = IFF_LOWER_UP | IFF_RUNNING;
	unsigned int flags;
	size_t i, missing = 0;

	for (i = 0; i < n; i++) {
		if (!ok[i])
			ok[i] = !linkcache_flags(lc, names[i], &flags) &&
				(flags & ready) == ready;
		missing += !ok[i];
	}
	return missing;
}

int carrier_wait(const char *const *names, size_t n, int timeout_ms, bool *ok)
{
	long long deadline = now_ms() + timeout_ms, left;
	struct linkcache *lc;
	struct pollfd pfd;
	size_t i;
	int rc;

	for (i = 0; i < n; i++)
		ok[i] = false;
	rc = linkcache_open(&lc, NULL, NULL);
	if (rc)
		return rc;
	pfd.fd = linkcache_fd(lc);
	pfd.events = POLLIN;
	while (check(lc, names, n, ok)) {
		left = deadline - now_ms();
		if (left <= 0) {
			rc = -ETIMEDOUT;
			break;
		}
		rc = poll(&pfd, 1, (int)left);
		if (rc < 0 && errno != EINTR) {
			rc = -errno;
			break;
		}
		rc = 0;
		if ((pfd.revents & POLLIN) && linkcache_dispatch(lc)) {
			rc = -EIO;
			break;
		}
	}
	linkcache_close(lc);
	return rc;
}
