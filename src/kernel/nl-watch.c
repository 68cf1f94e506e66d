// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kernel's link notifications (RTNLGRP_LINK) on a handle of their
 * own: something to poll, for code that reads the links again when they
 * change instead of sleeping. Part of the netlink module with nl.c.
 */
#include "config.h"

#include <errno.h>
#include <sys/socket.h>

#include "kernel/nl-int.h"

int bnl_watch_open(struct nl **nl)
{
	unsigned int group = RTNLGRP_LINK;
	int rc = bnl_open(nl);

	if (rc)
		return rc;
	if (mnl_socket_setsockopt((*nl)->sock, NETLINK_ADD_MEMBERSHIP, &group,
				  sizeof(group)) < 0) {
		rc = -errno;
		bnl_close(*nl);
		*nl = NULL;
	}
	return rc;
}

int bnl_watch_fd(const struct nl *nl)
{
	return mnl_socket_get_fd(nl->sock);
}

int bnl_watch_drain(struct nl *nl)
{
	int fd = mnl_socket_get_fd(nl->sock), n = 0;
	ssize_t len;

	for (;;) {
		len = recv(fd, nl->buf, sizeof(nl->buf), MSG_DONTWAIT);
		if (len > 0 || (len < 0 && errno == ENOBUFS)) {
			n++; /* ENOBUFS: some were lost, so there were some */
			continue;
		}
		if (len < 0 && errno == EINTR)
			continue;
		if (len < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
			return -errno;
		return n;
	}
}
