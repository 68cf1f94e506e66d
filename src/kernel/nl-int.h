/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Inside the netlink module (nl.c, nl-read.c), the only code that
 * includes libmnl: the socket's state and the requests both build.
 */
#ifndef BONDCFG_KERNEL_NL_INT_H
#define BONDCFG_KERNEL_NL_INT_H

#include <libmnl/libmnl.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/types.h>

#include "kernel/nl.h"

/* Large enough for one part of a link dump (the kernel fills up to 32 KiB). */
#define NL_BUF_SIZE 32768

#define NL_BATCH_MAX BNL_BATCH_MAX

/*
 * The socket's receive buffer: the answers to a whole batch must fit in it,
 * since the kernel runs the batch before we read; what does not fit is
 * dropped. Asked for, not needed: BNL_BATCH_MAX answers fit the default.
 */
#define NL_RCVBUF (4 << 20)

/* A request the kernel has not answered in this time is given up. */
#define NL_TIMEOUT_S 30

struct nl {
	struct mnl_socket *sock;
	uint32_t portid;
	unsigned int seq;
	unsigned int changes;
	unsigned int round_trips;
	unsigned int refuse_at[2]; /* bnl_test_refuse() */
	int refuse_err[2];
	bool batching;
	char *batch; /* queued requests, back to back */
	size_t batch_len;
	unsigned int batch_n;
	unsigned int batch_seq[NL_BATCH_MAX];
	char buf[NL_BUF_SIZE];
};

/* The next message from the kernel: its length, or -errno. */
ssize_t bnl_recv_answer(struct nl *nl);

/* A link request of @type for @ifindex, in @buf. */
struct nlmsghdr *bnl_link_request(char *buf, uint16_t type, uint16_t flags,
				  int ifindex);

#endif
