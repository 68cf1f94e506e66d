// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Carrier waits on libnl's link cache, kept current by the cache manager
 * from the kernel's link notifications.
 */
#include "config.h"

#include <errno.h>
#include <net/if.h>
#include <netlink/cache.h>
#include <netlink/netlink.h>
#include <netlink/route/link.h>
#include <time.h>

#include "carrier.h"

#ifndef IFF_LOWER_UP
#define IFF_LOWER_UP 0x10000
#endif

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Marks the links that have carrier; returns how many lack it. */
static size_t check(struct nl_cache *cache, const char *const *names, size_t n,
		    bool *ok)
{
	size_t i, missing = 0;

	for (i = 0; i < n; i++) {
		struct rtnl_link *l;

		if (ok[i])
			continue;
		l = rtnl_link_get_by_name(cache, names[i]);
		if (l) {
			/*
			 * LOWER_UP is the carrier; RUNNING follows once the
			 * kernel's link watch has made the link operational,
			 * up to a second later: traffic flows from then on.
			 */
			ok[i] = (rtnl_link_get_flags(l) &
				 (IFF_LOWER_UP | IFF_RUNNING)) ==
				(IFF_LOWER_UP | IFF_RUNNING);
			rtnl_link_put(l);
		}
		missing += !ok[i];
	}
	return missing;
}

int carrier_wait(const char *const *names, size_t n, int timeout_ms, bool *ok)
{
	struct nl_cache_mngr *mngr = NULL;
	struct nl_cache *cache = NULL;
	long long deadline = now_ms() + timeout_ms, left;
	size_t i;
	int rc;

	for (i = 0; i < n; i++)
		ok[i] = false;
	rc = nl_cache_mngr_alloc(NULL, NETLINK_ROUTE, NL_AUTO_PROVIDE, &mngr);
	if (rc < 0)
		return -ENOMEM;
	rc = nl_cache_mngr_add(mngr, "route/link", NULL, NULL, &cache);
	if (rc < 0) {
		nl_cache_mngr_free(mngr);
		return -EIO;
	}
	rc = 0;
	while (check(cache, names, n, ok)) {
		left = deadline - now_ms();
		if (left <= 0) {
			rc = -ETIMEDOUT;
			break;
		}
		if (nl_cache_mngr_poll(mngr, (int)left) < 0) {
			rc = -EIO;
			break;
		}
	}
	nl_cache_mngr_free(mngr);
	return rc;
}
