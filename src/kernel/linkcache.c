// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The link cache over libnl-route-3: a cache manager holding "route/link",
 * kept current by the kernel's RTNLGRP_LINK notifications, and a second
 * socket to read every link again for the counters. This module and nl.c
 * are the only ones that speak netlink.
 */
#include "config.h"

#include <errno.h>
#include <netlink/cache.h>
#include <netlink/errno.h>
#include <netlink/netlink.h>
#include <netlink/route/link.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/linkcache.h"
#include "model/xalloc.h"

struct linkcache {
	struct nl_cache_mngr *mngr;
	struct nl_cache *cache;
	struct nl_sock *sync; /* for refreshing the whole cache */
	linkcache_change_fn fn;
	void *data;
};

/* libnl's NLE_* codes become -(LIBNL_BASE + code), apart from -errno. */
#define LIBNL_BASE 1000

const char *linkcache_strerror(int err)
{
	if (err <= -LIBNL_BASE)
		return nl_geterror(-err - LIBNL_BASE);
	return strerror(-err);
}

static int nle(int err)
{
	return -(LIBNL_BASE + (err < 0 ? -err : err));
}

static void change_cb(struct nl_cache *cache, struct nl_object *obj, int action,
		      void *data)
{
	struct linkcache *lc = data;
	struct rtnl_link *link = (struct rtnl_link *)obj;
	struct linkcache_link l;
	const char *kind;

	(void)cache;
	if (!lc->fn)
		return;
	kind = rtnl_link_get_type(link);
	l.name = rtnl_link_get_name(link);
	l.kind = kind ? kind : "";
	l.ifindex = rtnl_link_get_ifindex(link);
	l.master = rtnl_link_get_master(link);
	l.flags = rtnl_link_get_flags(link);
	if (!l.name)
		l.name = "";
	lc->fn(action == NL_ACT_NEW ? LINKCACHE_NEW :
	       action == NL_ACT_DEL ? LINKCACHE_DEL :
				      LINKCACHE_CHANGE,
	       &l, lc->data);
}

int linkcache_open(struct linkcache **out, linkcache_change_fn fn, void *data)
{
	struct linkcache *lc = xcalloc(1, sizeof(*lc));
	int err;

	lc->fn = fn;
	lc->data = data;
	err = nl_cache_mngr_alloc(NULL, NETLINK_ROUTE, NL_AUTO_PROVIDE,
				  &lc->mngr);
	if (err < 0)
		goto fail;
	err = nl_cache_mngr_add(lc->mngr, "route/link", change_cb, lc,
				&lc->cache);
	if (err < 0)
		goto fail;
	lc->sync = nl_socket_alloc();
	if (!lc->sync) {
		err = NLE_NOMEM;
		goto fail;
	}
	err = nl_connect(lc->sync, NETLINK_ROUTE);
	if (err < 0)
		goto fail;
	*out = lc;
	return 0;
fail:
	linkcache_close(lc);
	return nle(err);
}

void linkcache_close(struct linkcache *lc)
{
	if (!lc)
		return;
	if (lc->sync)
		nl_socket_free(lc->sync);
	/* the manager frees the caches it holds */
	if (lc->mngr)
		nl_cache_mngr_free(lc->mngr);
	free(lc);
}

int linkcache_fd(const struct linkcache *lc)
{
	return nl_cache_mngr_get_fd(lc->mngr);
}

int linkcache_dispatch(struct linkcache *lc)
{
	int err = nl_cache_mngr_data_ready(lc->mngr);

	return err < 0 ? nle(err) : 0;
}

int linkcache_refresh(struct linkcache *lc)
{
	int err = nl_cache_refill(lc->sync, lc->cache);

	return err < 0 ? nle(err) : 0;
}

int linkcache_stats(struct linkcache *lc, const char *name,
		    struct linkcache_stats *st)
{
	struct rtnl_link *link = rtnl_link_get_by_name(lc->cache, name);

	if (!link)
		return -ENODEV;
	st->rx_bytes = rtnl_link_get_stat(link, RTNL_LINK_RX_BYTES);
	st->tx_bytes = rtnl_link_get_stat(link, RTNL_LINK_TX_BYTES);
	st->rx_packets = rtnl_link_get_stat(link, RTNL_LINK_RX_PACKETS);
	st->tx_packets = rtnl_link_get_stat(link, RTNL_LINK_TX_PACKETS);
	rtnl_link_put(link);
	return 0;
}

int linkcache_flags(struct linkcache *lc, const char *name, unsigned int *flags)
{
	struct rtnl_link *link = rtnl_link_get_by_name(lc->cache, name);

	if (!link)
		return -ENODEV;
	*flags = rtnl_link_get_flags(link);
	rtnl_link_put(link);
	return 0;
}
