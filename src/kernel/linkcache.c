// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The link cache over libnl-route-3: a cache manager holding "route/link",
 * kept current by the kernel's RTNLGRP_LINK notifications, and a second
 * socket to read every link again for the counters. This module and nl.c
 * are the only ones that speak netlink.
 *
 * libnl-route-3 (and libnl-3 beneath it) is loaded by the first
 * linkcache_open(), not when bondcfg starts: up, down and check do not
 * need it, and loading and relocating it took a third of bondcfg's start.
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <netlink/cache.h>
#include <netlink/errno.h>
#include <netlink/netlink.h>
#include <netlink/route/link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/linkcache.h"
#include "model/xalloc.h"

/* The functions of libnl this module calls, typed by libnl's headers. */
#define LIBNL_FUNCS(X)              \
	X(nl_geterror)              \
	X(nl_cache_mngr_alloc)      \
	X(nl_cache_mngr_add)        \
	X(nl_cache_mngr_free)       \
	X(nl_cache_mngr_get_fd)     \
	X(nl_cache_mngr_data_ready) \
	X(nl_cache_refill)          \
	X(nl_socket_alloc)          \
	X(nl_socket_free)           \
	X(nl_connect)               \
	X(rtnl_link_get_by_name)    \
	X(rtnl_link_get_stat)       \
	X(rtnl_link_put)            \
	X(rtnl_link_get_type)       \
	X(rtnl_link_get_name)       \
	X(rtnl_link_get_ifindex)    \
	X(rtnl_link_get_master)     \
	X(rtnl_link_get_flags)

static struct {
#define X(f) __typeof__(&f) f;
	LIBNL_FUNCS(X)
#undef X
} lib;

/* Why the library could not be loaded, for linkcache_strerror(). */
static char load_error[512];

/* Loads libnl-route-3 once; 0, or -ELIBACC when it cannot. */
static int load(void)
{
	static int rc = 1;
	const char *why;
	void *h;

	if (rc <= 0)
		return rc;
	h = dlopen(LIBNL_ROUTE_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		goto fail;
#define X(f)                             \
	*(void **)&lib.f = dlsym(h, #f); \
	if (!lib.f)                      \
		goto fail;
	LIBNL_FUNCS(X)
#undef X
	return rc = 0;
fail:
	why = dlerror();
	snprintf(
		load_error, sizeof(load_error),
		"following link events needs libnl-route-3, which cannot be loaded: %s",
		why ? why : LIBNL_ROUTE_SONAME);
	return rc = -ELIBACC;
}

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
	if (err == -ELIBACC && *load_error)
		return load_error;
	if (err <= -LIBNL_BASE)
		return lib.nl_geterror(-err - LIBNL_BASE);
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
	kind = lib.rtnl_link_get_type(link);
	l.name = lib.rtnl_link_get_name(link);
	l.kind = kind ? kind : "";
	l.ifindex = lib.rtnl_link_get_ifindex(link);
	l.master = lib.rtnl_link_get_master(link);
	l.flags = lib.rtnl_link_get_flags(link);
	if (!l.name)
		l.name = "";
	lc->fn(action == NL_ACT_NEW ? LINKCACHE_NEW :
	       action == NL_ACT_DEL ? LINKCACHE_DEL :
				      LINKCACHE_CHANGE,
	       &l, lc->data);
}

int linkcache_open(struct linkcache **out, linkcache_change_fn fn, void *data)
{
	struct linkcache *lc;
	int err = load();

	if (err)
		return err;
	lc = xcalloc(1, sizeof(*lc));
	lc->fn = fn;
	lc->data = data;
	err = lib.nl_cache_mngr_alloc(NULL, NETLINK_ROUTE, NL_AUTO_PROVIDE,
				      &lc->mngr);
	if (err < 0)
		goto fail;
	err = lib.nl_cache_mngr_add(lc->mngr, "route/link", change_cb, lc,
				    &lc->cache);
	if (err < 0)
		goto fail;
	lc->sync = lib.nl_socket_alloc();
	if (!lc->sync) {
		err = NLE_NOMEM;
		goto fail;
	}
	err = lib.nl_connect(lc->sync, NETLINK_ROUTE);
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
		lib.nl_socket_free(lc->sync);
	/* the manager frees the caches it holds */
	if (lc->mngr)
		lib.nl_cache_mngr_free(lc->mngr);
	free(lc);
}

int linkcache_fd(const struct linkcache *lc)
{
	return lib.nl_cache_mngr_get_fd(lc->mngr);
}

int linkcache_dispatch(struct linkcache *lc)
{
	int err = lib.nl_cache_mngr_data_ready(lc->mngr);

	return err < 0 ? nle(err) : 0;
}

int linkcache_refresh(struct linkcache *lc)
{
	int err = lib.nl_cache_refill(lc->sync, lc->cache);

	return err < 0 ? nle(err) : 0;
}

int linkcache_stats(struct linkcache *lc, const char *name,
		    struct linkcache_stats *st)
{
	struct rtnl_link *link = lib.rtnl_link_get_by_name(lc->cache, name);

	if (!link)
		return -ENODEV;
	st->rx_bytes = lib.rtnl_link_get_stat(link, RTNL_LINK_RX_BYTES);
	st->tx_bytes = lib.rtnl_link_get_stat(link, RTNL_LINK_TX_BYTES);
	st->rx_packets = lib.rtnl_link_get_stat(link, RTNL_LINK_RX_PACKETS);
	st->tx_packets = lib.rtnl_link_get_stat(link, RTNL_LINK_TX_PACKETS);
	lib.rtnl_link_put(link);
	return 0;
}

int linkcache_flags(struct linkcache *lc, const char *name, unsigned int *flags)
{
	struct rtnl_link *link = lib.rtnl_link_get_by_name(lc->cache, name);

	if (!link)
		return -ENODEV;
	*flags = lib.rtnl_link_get_flags(link);
	lib.rtnl_link_put(link);
	return 0;
}
