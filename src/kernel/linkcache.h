/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A live cache of the kernel's links over libnl-route-3's cache manager:
 * a descriptor to poll, a callback for each link that appears, changes or
 * goes, and each link's flags and counters by name. Nothing of libnl shows
 * through this header. Functions return 0 or a negative error for
 * linkcache_strerror().
 */
#ifndef BONDCFG_LINKCACHE_H
#define BONDCFG_LINKCACHE_H

#include <stdint.h>

struct linkcache;

enum linkcache_action {
	LINKCACHE_NEW,
	LINKCACHE_CHANGE,
	LINKCACHE_DEL,
};

/* One link as the change callback sees it. */
struct linkcache_link {
	const char *name;
	const char *kind; /* "bond", "dummy", ... or "" */
	int ifindex;
	int master; /* ifindex, 0 for none */
	unsigned int flags; /* IFF_* including IFF_LOWER_UP */
};

typedef void (*linkcache_change_fn)(enum linkcache_action action,
				    const struct linkcache_link *link,
				    void *data);

struct linkcache_stats {
	uint64_t rx_bytes;
	uint64_t tx_bytes;
	uint64_t rx_packets;
	uint64_t tx_packets;
};

/* Reads every link and subscribes to their changes; @fn may be NULL. */
int linkcache_open(struct linkcache **lc, linkcache_change_fn fn, void *data);
void linkcache_close(struct linkcache *lc);

/* The descriptor to poll for POLLIN; then call linkcache_dispatch(). */
int linkcache_fd(const struct linkcache *lc);

/* Applies the changes the kernel has sent, calling the change callback. */
int linkcache_dispatch(struct linkcache *lc);

/*
 * Reads every link again. The kernel sends no notification when only
 * counters move: call this before reading counters.
 */
int linkcache_refresh(struct linkcache *lc);

/* The counters of link @name; -ENODEV when there is none. */
int linkcache_stats(struct linkcache *lc, const char *name,
		    struct linkcache_stats *st);

/* The IFF_* flags (with IFF_LOWER_UP) of link @name; -ENODEV for none. */
int linkcache_flags(struct linkcache *lc, const char *name,
		    unsigned int *flags);

const char *linkcache_strerror(int err);

#endif
