/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Waiting for bonds to get carrier, on link events from libnl-route-3's
 * cache manager: no polling, no sleeping.
 */
#ifndef BONDCFG_CARRIER_H
#define BONDCFG_CARRIER_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Waits until every link in @names has carrier (IFF_LOWER_UP: for a bond,
 * a slave is active) and is operational (IFF_RUNNING), at most
 * @timeout_ms. Sets @ok[i] for each link that
 * has it. Returns 0 when all have it, -ETIMEDOUT at the deadline, or
 * another -errno or an error of linkcache_open() (linkcache_strerror()
 * says which: -ELIBACC when libnl-route-3 cannot be loaded).
 */
int carrier_wait(const char *const *names, size_t n, int timeout_ms, bool *ok);

#endif
