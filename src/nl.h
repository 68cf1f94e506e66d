/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel boundary: rtnetlink requests for links and bonds. This is the
 * only module that includes libmnl and the kernel's headers; everything
 * else sees the plain structs of linkstate.h and bondconf.h. Functions
 * return 0 or -errno.
 */
#ifndef BONDCFG_NL_H
#define BONDCFG_NL_H

#include <stdbool.h>
#include <stdint.h>

#include "bondconf.h"
#include "linkstate.h"

struct nl;

/* The kernel's answer to a refused request. */
struct nl_error {
	int err; /* -errno */
	char msg[256]; /* the extended-ack text, or "" */
};

/* nl_free, not nl_close: libnl-3, linked by bondcfg, has an nl_close. */
int nl_open(struct nl **nl);
void nl_free(struct nl *nl);

/* Requests sent so far that change something (dumps not counted). */
unsigned int nl_changes(const struct nl *nl);

/* Messages exchanged with the kernel so far: each request, batch or dump. */
unsigned int nl_round_trips(const struct nl *nl);

/*
 * Between nl_batch_begin() and nl_batch_end(), change requests are queued
 * (they return 0) and then sent in one message; the kernel runs each of
 * them, also after one that fails. nl_batch_end() fills @errs, one per
 * queued request in order (err 0 for success). At most 256 requests.
 */
void nl_batch_begin(struct nl *nl);
int nl_batch_end(struct nl *nl, struct nl_error *errs);

/* Reads every link, with bonds and slaves read back into the model. */
int nl_dump_links(struct nl *nl, struct linkset *ls);

/*
 * Creates bond @c->name, or changes bond @ifindex, sending the options in
 * @opts (BONDOPT_BIT()s) in one request. Interface names are turned into
 * ifindexes through @ls.
 */
int nl_bond_create(struct nl *nl, const struct bond_conf *c, uint64_t opts,
		   const struct linkset *ls, struct nl_error *e);
int nl_bond_change(struct nl *nl, int ifindex, const struct bond_conf *c,
		   uint64_t opts, const struct linkset *ls, struct nl_error *e);

/* Sets the options @opts of the bond slave @ifindex. */
int nl_slave_change(struct nl *nl, int ifindex, const struct bond_slave_conf *s,
		    uint64_t opts, struct nl_error *e);

/* Enslaves @ifindex to @master, or releases it when @master is 0. */
int nl_link_set_master(struct nl *nl, int ifindex, int master,
		       struct nl_error *e);
int nl_link_set_up(struct nl *nl, int ifindex, bool up, struct nl_error *e);
int nl_link_set_mtu(struct nl *nl, int ifindex, unsigned int mtu,
		    struct nl_error *e);
int nl_link_delete(struct nl *nl, int ifindex, struct nl_error *e);

#endif
